"""A SIMPLE IRA to a Roth IRA: once two years have passed since the employer's first
contribution to the person's SIMPLE IRA it converts like a traditional IRA (Treas. Reg.
1.408A-4, Q&A-4(b)); within them it moves tax-free only to another SIMPLE IRA (or a 401(k)
or 403(b) replacing the SIMPLE plan), and anything else is a taxable distribution with 25%
in place of 10% under 59½ (IRC 408(d)(3)(G), 72(t)(6)). Both figures are year-stamped
parameters. Before, these got the generic "pretax money moved to a Roth is taxable" line,
or were asked whether the money was after-tax 401(k) money.
"""

from __future__ import annotations

import pytest
from answer_findings import TODAY, first_reply, unnumbered

from knowledge.params import param
from nlu.reader import read

YEARS = param("gov.irs.ira.simple_ira_restricted_years", TODAY.year)
RATE = param("gov.irs.early_distribution.simple_ira_rate", TODAY.year)

# http://www.benefitslink.com/boards/lofiversion/index.php/t16713.html (verbatim)
BENEFITSLINK = (
    "Assuming that the employee maintained the SIMPLE account for over 2 years, may an "
    "employee rollover his SIMPLE IRA into a ROTH IRA (assuming he meets the AGI "
    "requirements)?\nIf so, how would this work? Is it automatically considered a "
    "conversion ROTH?"
)
# https://www.irahelp.com/forum-post/18381-simple-ira-roth-ira-conversion (verbatim, opening)
IRAHELP = (
    "We have a client who has made max contributions to their SIMPLE IRA for 2012. Their "
    "business income has been lower than projected, and the client would like to convert "
    "some of the SIMPLE contributions to Roth IRA contributions.\n\n(1). Is this conversion "
    "even possible?\n(a). Can a Roth Conversion from a SIMPLE be executed?"
)
# http://www.investopedia.com/ask/answers/05/simpleira.asp (verbatim, opening)
INVESTOPEDIA = (
    "I am 59 (not 59.5) and my husband is 65. We have participated in a SIMPLE IRA with our "
    "company for more than two years. Can we convert the SIMPLE IRA to a Roth IRA? If we can "
    "convert, do we have to pay tax on the SIMPLE IRA money placed in the Roth?"
)


@pytest.mark.parametrize(
    "text",
    [
        BENEFITSLINK,
        IRAHELP,
        INVESTOPEDIA,
        # paraphrases: inside the two years, the SIMPLE told before the question
        "I started a new job 8 months ago and they have a SIMPLE IRA. Can I convert it to my "
        "Roth IRA now?",
        "I have had a Simple IRA at my job for 14 months. Can I convert it to a Roth IRA?",
        "Can I roll my old simple ira into a roth?",
    ],
)
def test_a_simple_ira_converts_after_two_years_and_only_to_a_simple_before(text: str) -> None:
    assert read(text).asks[0] == "simple_ira_to_roth"
    reply = first_reply(text)
    first, second = reply.split("\n\n")[:2]
    first = unnumbered(first)
    assert first.startswith(
        f"Once {YEARS} years have passed since your employer's first contribution to "
        "your SIMPLE IRA"
    )
    assert "converts to a Roth IRA like a traditional IRA" in first
    assert f"Within those {YEARS} years it can move tax-free only to another SIMPLE IRA" in second
    assert f"with a {RATE * 100:.0f}% additional tax instead of 10% under 59½" in second
    assert "Source: Treas. Reg. 1.408A-4" in reply
    # not the after-tax 401(k) question, nor a plan's after-tax split
    assert "Notice 2014-54" not in reply
    assert "after-tax (non-Roth) contributions" not in reply


@pytest.mark.parametrize(
    "text",
    [
        # the IRAs the pro-rata rule counts, listed: no SIMPLE IRA of the person's own
        "The pro-rata rule counts all traditional, SEP and SIMPLE IRAs. Can I convert my "
        "traditional IRA to a Roth IRA?",
        # "simple" the adjective
        "To keep it simple, can I just roll the whole after-tax 401k into a Roth IRA?",
    ],
)
def test_a_simple_ira_named_in_a_list_or_simple_the_word_is_not_this_question(text: str) -> None:
    assert "simple_ira_to_roth" not in read(text).asks
