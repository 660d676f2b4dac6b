"""The pro-rata rules recognised in real phrasing (batch_c, verbatim) and paraphrased:

- IRA aggregation (IRC 408(d)(2)) counts a person's traditional, SEP and SIMPLE IRAs on
  December 31, a second or "rollover" IRA too, each spouse's separately, never plan money:
  so a rollover IRA does not touch after-tax money converted in the plan (bc020), and a
  second IRA or a rollover IRA does touch a backdoor conversion (bc040, bc045);
- must pretax money come out with the after-tax money? Only where the plan does not account
  for the after-tax money separately (IRC 72(e)(8) against 72(d)(2)), the case the IRS FAQ
  answers; the earnings always come along (bc014, a new question asked that way round);
- "After – tax" with a dash between is after-tax money (bc009).
"""

from __future__ import annotations

import pytest
from answer_findings import first_reply
from conversation_stories import EVAL, real_question

from nlu.reader import read

BATCH_C = EVAL / "batch_c.jsonl"


@pytest.mark.parametrize(
    ("qid", "question_id", "opening", "says"),
    [
        # automatic in-plan conversions of after-tax pay, a rollover IRA held: "whether I am
        # subject to pro-rata rule or not?"
        (
            "bc020",
            "plan_vs_ira_aggregation",
            "The IRA aggregation rule counts only your traditional",
            "do not affect the plan's distributions, rollovers or in-plan conversions",
        ),
        # "does this mean that in order to roll over all the after-tax non-Roth fund to Roth
        # IRA, one has to also take a distribution from the pre-tax bucket?"
        (
            "bc014",
            "prorata_pretax_along",
            "Only if your plan doesn't account for the after-tax money separately",
            "its own earnings always come out with it",
        ),
        # a $0 traditional IRA used for backdoors, a 401(k) to roll into an IRA: is a
        # "rollover IRA" different? (the backdoor and the rollover of one year, the
        # question asked: it counts, and how to keep it out; issue 10's lead rule)
        ("bc040", "backdoor_rollover_same_year", "It counts: pro-rata", '"rollover IRA"'),
    ],
)
def test_the_real_question_is_answered_first(
    qid: str, question_id: str, opening: str, says: str
) -> None:
    text = real_question(qid, BATCH_C)
    assert question_id in read(text).asks
    reply = first_reply(text)
    assert reply.startswith(opening)
    assert says in reply


def test_after_tax_with_a_dash_between_is_after_tax_money() -> None:
    # "!00% agreement (is that ever possible?) that After – tax contributions to a 401(k)
    # can be rolled over into a Roth IRA?" (bc009): not a whole pretax plan to a Roth IRA
    asks = read(real_question("bc009", BATCH_C)).asks
    assert "move_to_roth" in asks and "plan_to_roth_ira" not in asks


def test_a_second_ira_beside_backdoors_is_aggregated_per_person() -> None:
    # "create a 2nd Traditional IRA for her and roll this Pension Lump Sum amount into this
    # new traditional IRA" beside yearly nondeductible contributions converted (bc045)
    text = real_question("bc045", BATCH_C)
    assert "ira_pro_rata" in read(text).asks
    reply = first_reply(text)
    assert "each spouse's separately) count as one on December 31" in reply


@pytest.mark.parametrize(
    ("text", "question_id"),
    [
        (
            "My employer converts my after-tax contributions to Roth 401k automatically. I "
            "also have a rollover IRA. Does the pro-rata rule apply to me?",
            "plan_vs_ira_aggregation",
        ),
        (
            "Do I have to take pre-tax money out too if I want to move only the after-tax "
            "subaccount to a Roth IRA?",
            "prorata_pretax_along",
        ),
        (
            "If I open a separate IRA for my old 401k rollover, will my backdoor Roth "
            "conversion still be pro-rated?",
            "ira_pro_rata",
        ),
        ("Can After – tax money in a 401k go to a Roth IRA?", "move_to_roth"),
    ],
)
def test_a_paraphrase_is_recognised(text: str, question_id: str) -> None:
    assert question_id in read(text).asks


def test_a_roth_ira_conversion_is_not_money_already_in_an_ira() -> None:
    # "the Roth IRA conversion of the after-tax funds" converts plan money to a Roth IRA
    text = "Does the Roth IRA conversion of the after-tax funds require a full distribution?"
    assert "in_ira" not in read(text).places
    assert "in_ira" in read("I did an IRA conversion of my after-tax IRA basis.").places


def test_a_mega_backdoors_pro_rata_question_beside_a_backdoor_ira() -> None:
    # "Since I have money in pre-tax 401K too, do I have to pay any pro-rata tax in the
    # process?" of a solo 401(k)'s after-tax money, a backdoor IRA held too (bc012)
    text = real_question("bc012", BATCH_C)
    assert "plan_vs_ira_aggregation" in read(text).asks
    assert "so your IRAs do not affect the plan's distributions" in first_reply(text)


def test_a_plan_pro_rata_question_naming_only_a_roth_ira_is_not_the_ira_aggregation() -> None:
    # the IRAs-are-not-counted answer is for a poster who holds traditional IRA money; a Roth
    # IRA named as the destination of after-tax plan money leaves the plan's own pro-rata
    text = (
        "I do the mega backdoor: my 401k has $40k of after-tax contributions and $10k of "
        "earnings on them. If I take an in-service withdrawal of only the after-tax money and "
        "send it to a Roth IRA, is it pro-rated?"
    )
    assert "plan_vs_ira_aggregation" not in read(text).asks
