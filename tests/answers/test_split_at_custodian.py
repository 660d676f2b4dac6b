"""One rollover check made out to the traditional IRA, which the receiving firm is asked to
split between the traditional and the Roth IRA: the check is a direct rollover to that IRA
(Treas. Reg. 1.401(a)(31)-1, Q&A-4); Notice 2014-54 splits one distribution among the
destinations the plan pays, and no IRS text found lets the receiving firm re-route part of
it, so the answer says the point is open and what settles it (two direct rollovers from the
plan); once in the traditional IRA, the after-tax part is IRA basis, converted only
pro-rata (IRC 408(d)(2)).

bb014 (batch_b, https://irahelp.com/?p=511184376): "Can I break this one check
into $1.3mm into their traditional IRA and the $200k into their Roth IRA?"; bb083 (batch_b,
https://irahelp.com/forum-post/31134-after-tax-roth):
"... directing the rollover custodian to split the deposit ... Will this be a problem come
tax time?". Before, bb014 got the separate-accounting paragraph and bb083 the kinds of money.

And a split asked as a taxable event (fq064, dev.jsonl, https://irahelp.com/?p=15906:
"Fidelity says they can roll over the entire amount but
isolate the after-tax funds ... My tax advisor says he doesn't know if this creates a
taxable event."): the split of one distribution, not the IRA-basis isolation ("isolate" was
a shared word).
"""

from __future__ import annotations

import pytest
from answer_findings import first_reply, said_by
from conversation_stories import EVAL, SHARED, real_question

from nlu.reader import read

BATCH_B = EVAL / "batch_b.jsonl"
LEAD = "A check made out to the traditional IRA's custodian for the owner is a direct rollover"


@pytest.mark.parametrize(
    "text",
    [
        real_question("bb014", BATCH_B),
        real_question("bb083", BATCH_B),
        "The 401(k) sent one check payable to my traditional IRA, pretax and after-tax "
        "together. Can the new firm split it and put the after-tax part in my Roth IRA?",
    ],
)
def test_one_check_split_by_the_receiving_firm_is_an_open_point(text: str) -> None:
    assert read(text).asks[:1] == ("split_at_custodian",)
    reply = first_reply(text)
    assert reply.startswith(LEAD)
    assert "no IRS text I can cite lets the receiving firm" in reply
    assert "reissue it as two direct rollovers" in reply


@pytest.mark.parametrize(
    "text",
    [
        # two checks, one to each IRA: the split itself
        "The plan sent two checks, one for the pretax and one for the after-tax. Can I deposit "
        "them into my traditional IRA and my Roth IRA?",
        # a check paid to the person: the 60 days
        "I received one check made payable to me. Can I split it into a traditional IRA and a "
        "Roth IRA within 60 days?",
    ],
)
def test_near_misses(text: str) -> None:
    assert "split_at_custodian" not in read(text).asks


def test_the_rules_are_cited() -> None:
    said = said_by("split_at_custodian")
    (open_point, section) = said["custodian_split.open"]
    assert open_point.startswith(LEAD) and section == "Treas. Reg. 1.401(a)(31)-1, Q&A-4"
    (in_ira, section) = said["custodian_split.in_ira"]
    assert "IRA basis (Form 8606)" in in_ira and section.startswith("IRC 408(d)(2)")


def test_a_split_asked_as_a_taxable_event_gets_the_split() -> None:
    text = real_question("fq064", SHARED / "eval" / "dev.jsonl")
    assert read(text).asks[:1] == ("move_to_roth",)
    reply = first_reply(text)
    assert "one distribution of the whole account, split by direct rollover" in reply
    # not the IRA-basis isolation paragraph ("isolate the after-tax funds")
    assert "rolling it into a plan that accepts roll-ins isolates the basis" not in reply
    assert "isolate_basis" not in read(text).asks
