"""A stock paragraph picked through a word the question only shares with it (expert grading
of 40 released first replies, session 10: benchmarks/expert_grades/
2026-12-07-grade_released_s10_start.md, class A), and a conditional whose condition the
text already decides (class B).

Each case: the real question verbatim (its id and source address in the tuning set), the
paragraph it must no longer get, and a paraphrase; beside them the texts that do ask that
question and must keep it, so no test passes by dropping a question everywhere.
"""

from __future__ import annotations

from answer_findings import first_reply
from conversation_stories import EVAL, real_question

from nlu.reader import read

BATCH_A = EVAL / "batch_a.jsonl"
BATCH_C = EVAL / "batch_c_answers.jsonl"
BATCH_D = EVAL / "batch_d_answers.jsonl"
BATCH_E = EVAL / "batch_e_answers.jsonl"
MORE = EVAL / "answers_more.jsonl"

INCOME_LIMIT = "Income does not matter: rollovers and conversions to a Roth IRA have no income"


# -- income: the income that bars a Roth IRA, not income in any sense ----------------------


def test_income_from_the_funds_is_not_the_income_limit() -> None:
    # bc028 (https://irahelp.com/?p=75999): "taking into account the need for current
    # income from these funds ... rolling the rest as cash to Roth IRA"
    text = real_question("bc028", BATCH_C)
    assert "income_limit" not in read(text).asks
    assert INCOME_LIMIT not in first_reply(text)


def test_income_as_earnings_is_not_the_income_limit() -> None:
    # fq108 (https://irahelp.com/forum-post/determining-amounts-to-roll-over-the-roth-and-
    # amounts-to-traditional-ira): "the portion of the balance ... that represents the
    # income ... how much to roll over to a Roth"
    text = real_question("fq108", MORE)
    assert "income_limit" not in read(text).asks
    paraphrase = (
        "How do I know how much of my balance is income, so I know how much to roll over "
        "to a Roth IRA?"
    )
    assert "income_limit" not in read(paraphrase).asks


def test_taxed_as_ordinary_income_is_not_the_income_limit() -> None:
    # ba023 (batch_a): "Will it get taxed like ordinary income or is there any early
    # withdrawal penalty I will have to pay (how much?)"
    assert "income_limit" not in read(real_question("ba023", BATCH_A)).asks
    assert "income_limit" not in read("Is the conversion taxed as income? How much?").asks


def test_income_that_bars_a_roth_ira_is_still_the_income_limit() -> None:
    for qid, source in (("bc042", BATCH_C), ("fq093", MORE)):
        # bc042: "Our MAGI is above the limit for contributing to a Roth IRA. Would this
        # prevent us from doing the rollover ...?"; fq093: "said we make too much to make
        # an IRA contribution ... Is he right?"
        assert "income_limit" in read(real_question(qid, source)).asks, qid
    for text in (
        "My income is too high for a Roth IRA. Can I still roll my after-tax money into one?",
        "We are over the income limit. Can we still convert to a Roth IRA?",
        "I haven't been able to contribute to a Roth due to limits on income. Can I convert?",
        "Does my income make me ineligible to roll after-tax 401k money to a Roth IRA?",
        "Our AGI will exceed the IRS annual limit for IRAs. Can we roll the 401k into Roth IRAs?",
    ):
        assert "income_limit" in read(text).asks, text


# -- a check: one made out to the new custodian is a direct rollover -------------------------


def test_a_check_made_out_to_the_custodian_is_not_a_payout() -> None:
    # bc047 (https://irahelp.com/forum-post/13582-service-distributions): "When I received
    # the check, which was made out to my Roth IRA custodian ... Is it possible to take an
    # in service distribution, have the after tax contributions rolled directly into a
    # Roth IRA and the earnings rolled directly into my regular IRA?"
    text = real_question("bc047", BATCH_C)
    assert "check_to_roth" not in read(text).asks
    reply = first_reply(text)
    assert "within 60 days of receiving it" not in reply
    # the plan pays the contributions with their own earnings: the source is accounted
    # for separately, so the split is said without the condition
    assert reply.startswith("Yes: your after-tax contributions can go to a Roth IRA tax-free")
    assert "If your plan accounts for the after-tax money separately" not in reply
    # the check is context, told not asked: no "Yes:" answers it
    assert "\n\nYes: a check made payable to the new custodian" not in reply


def test_a_check_payable_to_the_person_beside_one_to_the_custodian_is_a_payout() -> None:
    # bd035 (https://irahelp.com/ - batch_d): "One was made payable to the new custodian
    # ... The second check was made payable to the client ... Can the after tax
    # contribution check be rolled into the client's Roth IRA?"
    assert "check_to_roth" in read(real_question("bd035", BATCH_D)).asks
    paraphrase = (
        "The plan sent two checks: one made payable to the new custodian, the other made "
        "payable to me for the after-tax part. Can I still roll that one to my Roth IRA?"
    )
    assert "check_to_roth" in read(paraphrase).asks


# -- converting pretax money "into a Roth IRA" is no in-plan conversion -----------------------


def test_pretax_converted_into_a_roth_ira_is_not_the_in_plan_conversion() -> None:
    # be029 (https://www.irahelp.com/forum-post/35668-401k-distribution-roth-ira): "There
    # was no Roth 401k contributions ... can I convert this pre-tax 401(k) into a Roth IRA
    # via what is a rollover?"
    text = real_question("be029", BATCH_E)
    assert "pretax_in_plan" not in read(text).asks
    assert "(an in-plan Roth conversion)" not in first_reply(text)
    paraphrase = "My 401k has no Roth 401k money. Can I convert the pre-tax 401k into a Roth IRA?"
    assert "pretax_in_plan" not in read(paraphrase).asks


def test_pretax_converted_to_the_plans_roth_account_is_the_in_plan_conversion() -> None:
    for text in (
        "Can I convert the pretax money in my 401k to the Roth 401k inside the plan?",
        "My plan has a Roth 401k. Can I convert my pre-tax balance to it, or only into a Roth "
        "IRA after I leave?",
    ):
        assert "pretax_in_plan" in read(text).asks, text


# -- a backdoor Roth IRA beside a rollover to a traditional IRA -------------------------------


def test_backdoor_beside_a_rollover_to_a_traditional_ira_is_not_a_plan_conversion() -> None:
    # bd003 (https://irahelp.com/forum-post/52842-back-door-roth-ira): "Does the Pro-Rata
    # Rule apply if you were to complete a Back Door Roth IRA contribution/conversion at the
    # beginning of the year ..., but rollover a 401k into a Traditional IRA prior to
    # year-end?"
    text = real_question("bd003", BATCH_D)
    asks = read(text).asks
    assert "plan_to_roth_ira" not in asks
    assert "backdoor_rollover_same_year" in asks
    assert "A plan can be rolled directly into a Roth IRA" not in first_reply(text)
    paraphrase = (
        "If I do a backdoor Roth this spring and roll my old 401k into a traditional IRA in "
        "the fall, does the pro-rata rule hit the backdoor?"
    )
    assert "plan_to_roth_ira" not in read(paraphrase).asks


def test_a_plan_rolled_to_a_roth_ira_is_still_asked() -> None:
    # fq097: "Can I roll the 401(k) directly into a Roth IRA, or would it be smarter to roll
    # it over to a traditional IRA first?"
    assert "plan_to_roth_ira" in read(real_question("fq097", MORE)).asks


# -- "post-tax contributions" held already is not how to make them ----------------------------


def test_contributions_held_are_not_how_to_make_them() -> None:
    text = real_question("fq108", MORE)
    asks = read(text).asks
    assert "after_tax_offered" not in asks
    assert "rollover_not_ira_limit" not in asks  # ("roll over" goes over no limit)
    assert not first_reply(text).startswith("Only if your plan offers after-tax")


def test_how_to_put_after_tax_money_in_is_still_asked() -> None:
    # fq044: "How do I go about putting after-tax money [into my standard 401(k)] ...?"
    assert "after_tax_offered" in read(real_question("fq044", MORE)).asks
    assert "after_tax_offered" in read("How can I make after-tax contributions to my 401k?").asks


# -- the plan's rule that a payout of the source brings its earnings: separate accounting ----


def test_after_tax_payout_with_its_own_earnings_is_separate_accounting() -> None:
    said = "by the rules of the plan any in service withdrawal of after tax contributions has "
    said += "to take the earnings with it."
    assert read(said).facts.get("after_tax_separately_accounted") is True
    # asked, not told: nothing is known
    asked = "Does a withdrawal of after-tax contributions have to take the earnings with it?"
    assert "after_tax_separately_accounted" not in read(asked).facts


# -- what the plan allows given as the question's premise -------------------------------------

PLAN_DECIDES = "Within the IRS's limits, your plan decides whether it offers"


def test_a_plan_allowing_it_as_the_premise_gets_no_plan_decides_paragraph() -> None:
    # bd033 (https://irahelp.com/forum-post/17943-service-after-tax-401k-withdraws): "Am I
    # correct that if a 401(k) plan allows for non-hardship in-service withdraws as well as
    # after-tax contributions, a participant can ... withdraw those after-tax funds ...?";
    # be021: "Can taxpayer roll IRA money back into 401k (assume plan allows for it) ...?"
    for qid, source in (("bd033", BATCH_D), ("be021", BATCH_E)):
        text = real_question(qid, source)
        assert "plan_decides" not in read(text).asks, qid
        assert PLAN_DECIDES not in first_reply(text), qid
    paraphrase = (
        "Assuming my plan permits in-service withdrawals, can I take the after-tax money out at 50?"
    )
    assert "plan_decides" not in read(paraphrase).asks


def test_whether_the_plan_allows_it_is_still_asked() -> None:
    for text in (
        # fq071: "I'm trying to understand if my 401(k) allows in-service non-hardship
        # withdrawals ..."
        real_question("fq071", MORE),
        "Does my 401k plan allow in-service withdrawals of after-tax money?",
    ):
        assert "plan_decides" in read(text).asks, text[:60]


# -- a question that opens on the told sentence before it asks what that sentence names -----


def test_would_this_prevent_asks_the_premise_first() -> None:
    # bc042 (https://irahelp.com/forum-post/12832-roth-401k-roth-ira): "Our MAGI is above
    # the limit for contributing to a Roth IRA. Would this prevent us from doing the
    # rollover from Roth 401k to Roth IRA?"
    text = real_question("bc042", BATCH_C)
    reading = read(text)
    assert reading.asks[0] == "income_limit"
    assert "income_limit" not in reading.stated
    assert first_reply(text).startswith(INCOME_LIMIT)
    paraphrase = (
        "I have Roth 401k money to move. We make too much for Roth IRA contributions. Would "
        "that stop us from rolling the Roth 401k into a Roth IRA?"
    )
    assert read(paraphrase).asks[0] == "income_limit"


def test_a_question_of_the_whole_story_is_not_asked_of_the_sentence_before() -> None:
    # "Is this considered ...?" asks of the whole story, not what the sentence before names;
    # "Would this stop me ...?" asks what that sentence does
    story = (
        "I rolled my Roth 401k into a Roth IRA last year at 52. My income is too high for Roth "
        "IRA contributions. "
    )
    whole = read(story + "Is this considered a qualified distribution?").asks
    assert "income_limit" in whole and whole[0] != "income_limit"
    effect = read(story + "Would this stop me from taking the contributions out?").asks
    assert effect[0] == "income_limit"


def test_a_salary_deferral_is_no_income() -> None:
    # fq025 (https://www.irahelp.com/forum-post/23617-tax-free-roth-conversions-after-tax-
    # plan-funds): "whether or not it is necessary ... for the Plan to also permit Roth
    # salary deferrals" got the IRA deduction's income limits
    text = real_question("fq025", MORE)
    assert "ira_contribution" not in read(text).asks
    assert "Income never stops a traditional IRA contribution" not in first_reply(text)
    # a salary is still income: "my salary is too high to contribute to a Roth IRA"
    assert "ira_contribution" in read("My salary is too high to contribute to a Roth IRA?").asks
