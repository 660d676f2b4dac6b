"""The Form 1099-R of an inherited account: code 4 (death) at any age, no 10%; a direct
rollover of an inherited plan account to an inherited IRA or inherited Roth IRA shows codes
4 and G together (Instructions for Forms 1099-R and 5498; an irahelp.com expert, forum-post
27283: "reported by the plan on Form 1099-R with codes 4 and G in box 7"). Before, the plan's
"code G" alone.
"""

from __future__ import annotations

import pytest
from answer_findings import first_reply

from nlu.reader import read


@pytest.mark.parametrize(
    "text",
    [
        "My inherited 401k was directly rolled to an inherited Roth IRA. What code is on the "
        "1099-R?",
        "My mother died and I took the money out of her IRA. What will the 1099-R show and do I "
        "owe the 10% penalty?",
    ],
)
def test_a_death_distribution_is_code_4_and_a_direct_rollover_4_and_g(text: str) -> None:
    assert read(text).asks[0] == "inherited_1099r"
    reply = first_reply(text)
    first = reply.split("\n\n")[0]
    assert first.startswith("A payment because of the owner's death is reported with code 4")
    assert "shows codes 4 and G together" in first
    assert "The plan issues a Form 1099-R" not in reply
    assert "No 10% penalty on a direct rollover" not in reply
    assert "ticket" not in reply
