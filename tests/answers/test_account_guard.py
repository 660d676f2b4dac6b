"""A paragraph of one account's rules never answers a question about money in another.

Which rules apply depends on the account the money is in: an employer plan's (separate
accounting of the after-tax source, IRC 72(e)(8) and Notice 2014-54; the rule of 55, IRC
72(t)(2)(A)(v)), a traditional, SEP or SIMPLE IRA's (one IRA for pro-rata, IRC 408(d)(2),
Form 8606; no rule of 55, IRC 72(t)(3)(A)), a Roth IRA's (ordering rules, IRC 408A(d)(4)).
The expert's harmful replies of 2026-12-07 were all of one class: a stock paragraph of one
account's rules, picked through a shared word, read as the answer about money in another
("No 10% penalty on a direct rollover" to a rule-of-55 question about an IRA; the Roth
IRA's "tax- and penalty-free at any time" to basis in a traditional IRA; "It counts" to
plan money rolled to a Roth IRA).

Each catalogue entry whose rules differ by account names its accounts (``accounts:`` in
its question file); an entry of other accounts than the text names is not answered
(``knowledge.answers.for_accounts``); with no account named, nothing changes. Real
questions verbatim from the released sets (with their ids) and paraphrases.
"""

from __future__ import annotations

import pytest
from answer_findings import first_reply
from conversation_stories import EVAL, real_question

from knowledge.answers import catalogue, for_accounts
from nlu.reader import read

BATCH_A = EVAL / "batch_a.jsonl"
BATCH_B = EVAL / "batch_b.jsonl"

# the Roth IRA's ordering rules, said as the lead
ROTH_IRA_ORDERING = "come back out tax- and penalty-free at any time"
RULE_55_IRA = "The rule of 55 stays with the plan"
PLAN_NOT_AGGREGATED = "The IRA aggregation rule counts only your traditional, SEP and SIMPLE"


def _lead(reply: str) -> str:
    return reply.split("\n\n")[0]


# -- the data: which accounts each entry's rules belong to ---------------------------------


def test_every_named_account_is_a_kind_the_guard_knows() -> None:
    for question in catalogue().values():
        assert set(question.accounts) <= {"plan", "roth_plan", "ira", "roth_ira"}, question.id


@pytest.mark.parametrize(
    ("question_id", "accounts"),
    [
        ("roth_ira_ordering", {"roth_ira"}),
        ("basis_access_before_59", {"roth_ira", "roth_plan"}),
        ("backdoor_rollover_same_year", {"ira"}),
        ("ira_pro_rata", {"ira"}),
        ("rule_of_55", {"plan", "roth_plan"}),
        ("rule_of_55_deadline", {"plan", "roth_plan"}),
    ],
)
def test_entries_name_the_account_whose_rules_they_state(
    question_id: str, accounts: set[str]
) -> None:
    assert set(catalogue()[question_id].accounts) == accounts


def test_an_entry_of_other_accounts_is_left_out_and_none_named_changes_nothing() -> None:
    asks = ["basis_access_before_59", "rule_of_55_deadline", "move_to_roth"]
    # basis in a traditional IRA: the Roth IRA's ordering does not apply
    assert for_accounts(asks, {"ira"}, {}) == ["move_to_roth"]
    # money in the plan: the rule of 55 stays, the Roth IRA's ordering goes
    assert for_accounts(asks, {"plan"}, {}) == ["rule_of_55_deadline", "move_to_roth"]
    # a Roth IRA named: its rules apply
    assert for_accounts(asks, {"plan", "roth_ira"}, {}) == asks
    # no account named: the account is not guessed
    assert for_accounts(asks, set(), {}) == asks
    # IRA money said by its facts counts as an IRA named (basis on Form 8606)
    assert for_accounts(["ira_pro_rata"], {"roth_ira"}, {"has_traditional_ira": True}) == [
        "ira_pro_rata"
    ]


@pytest.mark.parametrize(
    ("text", "accounts"),
    [
        ("Can the after-tax money in my traditional IRA come out first, tax-free?", {"ira"}),
        ("If I leave at 55 and move the 401(k) to an IRA, would I be penalized?", {"plan", "ira"}),
        # a bare "Roth" may be either Roth kind
        ("My 401k plan. I assume a Roth would be the same?", {"plan", "roth_plan", "roth_ira"}),
        ("Thinking of retiring early. What are my options?", set()),
    ],
)
def test_the_reader_names_the_accounts_of_a_text(text: str, accounts: set[str]) -> None:
    assert read(text).accounts == accounts


# -- the guard firing --------------------------------------------------------------------


def test_rule_55_questions_about_a_401k_are_not_led_by_the_roth_iras_ordering() -> None:
    # ba048 (verbatim, reddit r/Fire "Rule 55 question"): "Can I still access the money from
    # A penalty free?" of a 401(k); before, "After-tax contributions you roll or convert to a
    # Roth IRA come back out tax- and penalty-free at any time" led the reply
    reply = first_reply(real_question("ba048", BATCH_A))
    assert ROTH_IRA_ORDERING not in reply
    assert "plan" in _lead(reply) and "no 10% penalty" in _lead(reply).replace("free of the", "no")
    # ba066 (verbatim, same thread): "do lose the ability to withdraw from Plan A account?"
    reply = first_reply(real_question("ba066", BATCH_A))
    assert ROTH_IRA_ORDERING not in reply
    assert "every distribution from that plan is free of the 10% penalty" in _lead(reply)


# the plan's own answer to a 10% question (early_withdrawal_penalty), or the honest line
PLAN_PENALTY_OR_HONEST = ("Before 59½ the 10% penalty falls only on", "I can't give a cited")


def test_a_penalty_question_about_the_401k_itself_is_not_led_by_the_roth_ira() -> None:
    # bb085 (verbatim, irahelp 36851): "will he have the 10 percent penalty to withdraw early
    # from the 401k plan?" (the story names a Roth IRA as where the money goes); before, the
    # Roth IRA's "tax- and penalty-free at any time" led, read as "no penalty"
    reply = first_reply(real_question("bb085", BATCH_B))
    assert ROTH_IRA_ORDERING not in reply
    assert _lead(reply).startswith(PLAN_PENALTY_OR_HONEST)


def test_a_401k_penalty_question_no_entry_answers_is_not_led_by_the_roth_ira() -> None:
    # (before: the Roth IRA's ordering rules, suggested by the penalty intent, led; the age
    # of leaving, 56, now asks the rule of 55's deadline question, which answers it)
    reply = first_reply(
        "I left my employer at 56. Is there a deadline to take money from the 401(k) penalty free?"
    )
    assert ROTH_IRA_ORDERING not in reply
    assert _lead(reply).startswith("There is no deadline")


@pytest.mark.parametrize(
    "text",
    [
        "Can the after-tax contributions in my traditional IRA come out first, tax-free?",
        "My traditional IRA has $20k of nondeductible contributions. Can I withdraw just "
        "those first without tax?",
    ],
)
def test_basis_in_a_traditional_ira_never_gets_the_roth_iras_ordering(text: str) -> None:
    reply = first_reply(text)
    assert ROTH_IRA_ORDERING not in reply
    assert "regular contributions first" not in reply


# -- new entries: the cited rule the catalogue lacked ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "If I leave at 55 and move the 401(k) to an IRA at my bank, would I be penalized?",
        "Does the rule of 55 still apply if I roll my 401k into an IRA?",
        "I'm retiring at 55. If I roll my 403b to a rollover IRA, can I still take money out "
        "without the 10% penalty?",
    ],
)
def test_the_rule_of_55_does_not_follow_the_money_into_an_ira(text: str) -> None:
    reply = first_reply(text)
    lead = _lead(reply)
    assert lead.startswith(RULE_55_IRA)
    assert "IRA withdrawals before 59½ owe the 10% penalty" in lead
    assert "IRC 72(t)(3)(A)" in reply
    # never the rollover's "no penalty" alone, read as the answer
    assert not lead.startswith("No 10% penalty")


def test_the_real_question_of_rolling_an_old_401k_into_an_ira_before_55() -> None:
    # ba045 (verbatim, reddit r/personalfinance "401k 55 year old rule"): "is it foolish to
    # roll over my 401k into my IRA ... so that 401k is large and I can keep withdrawal at 55
    # with no penalty?"; before, a pretax-to-Roth paragraph answered it
    reply = first_reply(real_question("ba045", BATCH_A))
    assert _lead(reply).startswith(RULE_55_IRA)


@pytest.mark.parametrize(
    "text",
    [
        "I roll my 401(k)'s after-tax money to a Roth IRA each year; do my SEP/traditional "
        "IRAs count?",
        "I do the mega backdoor in my 401k every quarter into a Roth IRA. Do my traditional "
        "IRAs matter for the taxes?",
    ],
)
def test_iras_do_not_count_when_plan_after_tax_money_goes_to_a_roth_ira(text: str) -> None:
    reply = first_reply(text)
    assert _lead(reply).startswith(PLAN_NOT_AGGREGATED)
    assert "It counts" not in reply
    assert "IRC 408(d)(2)" in reply


# -- the guard not firing ----------------------------------------------------------------


def test_a_roth_ira_withdrawal_question_still_gets_the_ordering_rules() -> None:
    # bb012 (verbatim, irahelp 27547): "When can he withdraw his contributions (not the
    # earnings) from the Roth IRA without incurring tax penalties?"
    reply = first_reply(real_question("bb012", BATCH_B))
    assert ROTH_IRA_ORDERING in _lead(reply)


@pytest.mark.parametrize(
    "text",
    [
        "How long after leaving my job can I use the rule of 55 on my 401k?",
        "I left my job at 55 last year. Is there a deadline to use the rule of 55 for my 401(k)?",
    ],
)
def test_a_plan_question_still_gets_the_plan_paragraph(text: str) -> None:
    assert _lead(first_reply(text)).startswith("There is no deadline")


def test_a_backdoor_roth_with_a_401k_rolled_into_an_ira_still_counts_the_ira() -> None:
    reply = first_reply(
        "I do a backdoor Roth every year. If I roll my old 401k into a rollover IRA this year, "
        "will that make my conversion taxable?"
    )
    assert "pro-rata counts all your traditional" in _lead(reply)


def test_a_plain_rollover_penalty_question_still_gets_no_penalty_on_the_rollover() -> None:
    reply = first_reply("I am 52. Can I roll my 401k to an IRA without penalty?")
    assert _lead(reply).startswith("No 10% penalty on a direct rollover")
