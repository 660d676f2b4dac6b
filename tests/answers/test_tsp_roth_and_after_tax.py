"""The TSP: a Roth conversion inside it, offered since January 28, 2026 (FRTIB final rule
"Roth In-Plan Conversions"; reported by plansponsor.com, planadviser.com and fedsmith.com,
2025-12 to 2026-01): participants, working or separated, and spouse beneficiaries; taxable
that year, nothing withheld, the tax paid from outside money, irrevocable. And no after-tax
(non-Roth) contributions, so no mega backdoor (5 U.S.C. 8432, 8432d). Before, the in-plan
question got "only if the plan document offers in-plan Roth rollovers", and the mega
backdoor question "That is the mega backdoor Roth: after-tax contributions above the
deferral limit ...", as if the TSP allowed them.
"""

from __future__ import annotations

import pytest
from answer_findings import first_reply
from conversation_stories import EVAL, real_question

from nlu.reader import read

IN_PLAN = "The TSP now offers Roth in-plan conversions"


@pytest.mark.parametrize(
    ("text", "opens"),
    [
        # (a question of what is possible: the verdict first)
        ("Can I do an in-plan Roth conversion in my TSP?", "Yes: the TSP now offers"),
        (
            "Does the TSP allow Roth conversions inside the plan now? I'm a federal employee "
            "with $300k in traditional TSP.",
            IN_PLAN,
        ),
        ("I'm a fed. Can I convert my traditional TSP to Roth TSP?", "Yes: the TSP now offers"),
    ],
)
def test_the_tsp_offers_roth_in_plan_conversions(text: str, opens: str) -> None:
    assert read(text).asks[0] == "tsp_roth_conversion"
    reply = first_reply(text)
    first, second = reply.split("\n\n")[:2]
    assert first.startswith(opens)
    assert "nothing is withheld from it, the tax must be paid from money outside the TSP" in first
    assert second.startswith("The TSP takes no after-tax (non-Roth) contributions")
    assert "only if the plan document offers in-plan Roth rollovers" not in reply
    assert "Notice 2014-54" not in reply


def test_the_tsp_takes_no_after_tax_contributions_so_no_mega_backdoor() -> None:
    text = "Can I make after-tax contributions to my TSP for a mega backdoor Roth?"
    assert read(text).asks[0] == "tsp_no_after_tax"
    reply = first_reply(text)
    assert reply.startswith(
        "No: the TSP takes only traditional (pretax) and Roth contributions, not after-tax"
    )
    assert "That is the mega backdoor Roth" not in reply


@pytest.mark.parametrize(
    ("qid", "source"),
    [
        # a conversion ladder from the TSP to a Roth IRA, Roth TSP named (ba039)
        ("ba039", EVAL / "batch_a.jsonl"),
        # TSP money moved to a Roth IRA after retiring (ba038)
        ("ba038", EVAL / "batch_a.jsonl"),
        # tax-exempt combat-zone contributions (bb006): tsp_tax_exempt's
        ("bb006", EVAL / "batch_b.jsonl"),
    ],
)
def test_moves_out_of_the_tsp_and_combat_pay_are_not_these_questions(qid, source) -> None:
    asks = read(real_question(qid, source)).asks
    assert "tsp_roth_conversion" not in asks
    assert "tsp_no_after_tax" not in asks
