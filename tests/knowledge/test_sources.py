"""Every source link in the rules data is primary, or sits beside a primary one.

Primary means the law or the IRS's own word: the Code, Treasury regulations, IRS notices,
revenue procedures and publications, as published on irs.gov, law.cornell.edu,
govinfo.gov or federalregister.gov. A secondary page (a restatement, a summary) may stand
next to a primary source, never in its place. Assumptions rothbot makes (the growth rate)
are not law and are exempt.
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from knowledge.citations import all_rules
from knowledge.params import all_parameters

PRIMARY_HOSTS = ("irs.gov", "law.cornell.edu", "govinfo.gov", "federalregister.gov")
LAW = sorted(name for name, p in all_parameters().items() if not p.rule.startswith("assumption"))
RULES = sorted(rule for rule in all_rules() if not rule.startswith("assumption"))


def is_primary(url: str) -> bool:
    host = urlparse(url).hostname or ""
    return urlparse(url).scheme == "https" and any(
        host == primary or host.endswith("." + primary) for primary in PRIMARY_HOSTS
    )


@pytest.mark.parametrize("name", LAW)
def test_every_parameter_has_a_primary_source_beside_any_secondary_one(name):
    hrefs = [ref.href for ref in all_parameters()[name].references]
    assert any(is_primary(href) for href in hrefs), f"{name}: no primary source in {hrefs}"


@pytest.mark.parametrize("name", LAW)
def test_a_parameter_lists_its_primary_source_first(name):
    """The first reference is what a reply cites when it cites one."""
    assert is_primary(all_parameters()[name].references[0].href)


@pytest.mark.parametrize("rule", RULES)
def test_every_rule_a_reply_cites_links_a_primary_source(rule):
    assert is_primary(all_rules()[rule].url), f"{rule}: {all_rules()[rule].url}"


@pytest.mark.parametrize(
    ("url", "primary"),
    [
        ("https://www.irs.gov/pub/irs-drop/rp-25-32.pdf", True),
        ("https://www.law.cornell.edu/uscode/text/26/72", True),
        ("https://www.govinfo.gov/app/details/PLAW-119publ21", True),
        ("https://www.federalregister.gov/documents/2024/07/19/x", True),
        ("http://www.irs.gov/pub/irs-drop/rp-25-32.pdf", False),
        ("https://irs.gov.example.com/fake", False),
        ("https://ttlc.intuit.com/community/forums/x", False),
        ("https://github.com/RetireGolden/RetireGolden", False),
    ],
)
def test_what_counts_as_primary(url, primary):
    assert is_primary(url) is primary
