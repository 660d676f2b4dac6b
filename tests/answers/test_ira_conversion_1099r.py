"""The Form 1099-R of a traditional IRA converted to a Roth IRA (a backdoor Roth): code 2
before 59½ (7 at 59½ or older), box 2a often the whole amount with "taxable amount not
determined" (Instructions for Forms 1099-R and 5498); Form 8606 figures the taxable part,
basis not taxed again, the pretax share from all traditional, SEP and SIMPLE IRAs on
December 31 (Instructions for Form 8606).

be024 (batch_e): "1099R with code 2 - I had contributed $6k (nondeductible) to a traditional
IRA ... and converted $6k to a Roth IRA ... Is the Distribution Code "2" expected in this
case? Should the taxable amount be $6k? Does this mean I will need to pay taxes again on this
post-tax money?" Its reply gave a plan rollover's codes and said "not on Form 8606".
"""

from __future__ import annotations

import pytest
from answer_findings import first_reply
from conversation_stories import EVAL, real_question

from nlu.reader import read

BATCH_E = EVAL / "batch_e.jsonl"


@pytest.mark.parametrize(
    "text",
    [
        real_question("be024", BATCH_E),
        "I did a backdoor Roth this year: a nondeductible $7,000 contribution to my traditional "
        "IRA, converted a week later. The 1099-R has code 2 and box 2a shows $7,000 as taxable. "
        "Is that right? Will I pay tax on it again?",
    ],
)
def test_code_2_and_form_8606_figures_the_taxable_part(text: str) -> None:
    assert read(text).asks[0] == "ira_conversion_1099r"
    reply = first_reply(text)
    first = reply.split("\n\n")[0]
    assert first.startswith("Code 2 is what an IRA custodian uses for a conversion before 59½")
    assert "Your Form 8606 figures the taxable part, not the 1099-R" in reply
    assert "not on Form 8606" not in reply  # a plan rollover's reporting, not this
    assert "Source: Instructions for Forms 1099-R and 5498" in reply


def test_a_plan_rollovers_1099r_is_not_this_question() -> None:
    text = (
        "I rolled my 401k to a Roth IRA and converted the pretax part. The 1099-R shows code G. "
        "Is that taxable?"
    )
    assert "ira_conversion_1099r" not in read(text).asks
