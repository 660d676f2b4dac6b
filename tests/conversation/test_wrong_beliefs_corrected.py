"""A wrong belief about the rules, stated as settled, is corrected first (issue 10, "answer
the question that was asked"; expert graders found replies that answered around "I know
I'll have to pay the 10% penalty when I roll it over" and left it standing).

The beliefs are data beside the catalogue entry whose answer contradicts them
(``beliefs:`` of ``knowledge/data/questions/<entry>.yaml``: an id, the finding the
correction rests on, its rule), recognised by ``nlu/patterns/beliefs.yaml`` and worded by
the ``beliefs`` section of ``bot/messages/en.yaml``:

- the answer to that entry opens with the correction, "No: ...", in the place of the
  finding it rests on, with that finding's figures from the engine; a correction whose
  rule is affirmative names the belief instead ("Not only IRAs: ..."), since a bare "No:"
  reads as the answer to the question asked ("Are these subject to pro-rata?");
- an entry the text does not ask gets its correction alone, before the answers to what
  was asked, which are unchanged;
- a question ("Will I owe the 10%?") is answered as asked, with no correction; nor is a
  belief corrected in a reply that only answers the bot's question back.
"""

from __future__ import annotations

from datetime import date

from conversation_stories import EVAL, SHARED, real_question

from bot import answers
from bot.conversation import respond
from bot.session import Session
from knowledge.engine import calculate
from knowledge.facts import Facts

TODAY = date(2026, 12, 6)
DEV = SHARED / "eval" / "dev.jsonl"
REAL = SHARED / "eval" / "real.jsonl"


def _reply(text: str) -> str:
    return respond(Session(key="t"), text, today=TODAY, now=0).text


def _paragraphs(text: str) -> list[str]:
    return _reply(text).split("\n\n")


def test_fq038_five_year_wait_for_the_basis_is_corrected_first() -> None:
    # dev.jsonl fq038: "I am fairly certain the AT-contributions which are rolled into a
    # RIRA can be pulled out before 59 1/2 as long as they meet the 5 year holding period.
    # Correct?"
    first = _paragraphs(real_question("fq038", DEV))[0]
    assert first.startswith("No: rolled-in contributions, after-tax or Roth 401(k), come out")
    assert "with no 5-year wait" in first


def test_bc008_five_years_for_deposits_is_corrected_first() -> None:
    # batch_c.jsonl bc008: "I understand, that in general, a Roth account must be
    # owned/opened for a period of 5 years before tax-free withdrawals can be made on
    # initially deposited funds."
    first = _paragraphs(real_question("bc008", EVAL / "batch_c.jsonl"))[0]
    assert first.startswith("No: the 5 years are not tracked deposit by deposit")
    assert "regular contributions first (any time, no tax, penalty or 5-year wait)" in first


def test_fq080_income_cutoff_for_a_rollover_is_corrected_first() -> None:
    # real.jsonl fq080: "my current salary, however, is higher than the cutoff for the
    # traditional IRA, so I would have to go to a Roth IRA"
    paragraphs = _paragraphs(real_question("fq080", REAL))
    assert paragraphs[0].startswith("No: income never limits a rollover, to a traditional IRA")
    # what was asked is still answered after it: the 60-day question first
    assert paragraphs[1].startswith("A distribution paid to you can be rolled over within 60")


def test_penalty_on_a_rollover_corrected_before_the_question_asked() -> None:
    asked = "How do I split the after-tax money from the pretax money?"
    plain = _paragraphs(asked)
    corrected = _paragraphs(f"I know I'll have to pay the 10% penalty when I roll it over. {asked}")
    assert corrected[0].startswith("No: a direct rollover or a conversion owes no 10% penalty")
    assert "IRC 72(t)" in corrected[0]
    assert corrected[1] == plain[0]


def test_the_ira_limit_correction_takes_the_engine_figure() -> None:
    text = (
        "I'm rolling $30k of after-tax money to a Roth IRA. Since this would count against my "
        "$7,000 IRA contribution limit, I'll do it over several years. What forms will I get?"
    )
    first = _paragraphs(text)[0]
    facts = Facts.from_mapping({"after_tax_contributions": 30000})
    limit = calculate(facts, today=TODAY).to_json()["limits"]
    assert first.startswith("No: a rollover is not a contribution")
    assert "($7,500 for 2026)" in first, limit


def test_income_too_high_for_a_conversion_corrected() -> None:
    text = "I can't do a Roth conversion because my income is too high. Is that right?"
    assert _paragraphs(text)[0].startswith("No: income never limits a rollover")


def test_after_tax_taxed_again_corrected() -> None:
    text = "I assume the after-tax money would all be taxed again. Should I stop contributing?"
    first = _paragraphs(text)[0]
    assert first.startswith("No: after-tax contributions were taxed before they went in")


def test_the_question_asked_is_answered_as_asked_with_no_correction() -> None:
    reply = _reply("Will I owe the 10% penalty when I roll the after-tax money to a Roth IRA?")
    assert not reply.startswith("No: a direct rollover or a conversion owes")
    assert "No 10% penalty on a direct rollover" in reply


def test_a_reported_claim_is_not_corrected() -> None:
    reply = _reply(
        "I was told I'll have to pay the 10% penalty when I roll it over. How do I split "
        "the after-tax money from the pretax money?"
    )
    assert "No: a direct rollover or a conversion owes" not in reply


def test_the_correction_is_said_once_in_the_reply_to_its_message() -> None:
    session = Session(key="t")
    first = respond(
        session,
        "I know I'll have to pay the 10% penalty when I roll over my $20k of after-tax money.",
        today=TODAY,
        now=0,
    ).text
    assert first.count("No: a direct rollover or a conversion owes") == 1
    later = respond(session, "I'm 52", today=TODAY, now=1).text
    assert "No: a direct rollover or a conversion owes" not in later


def test_compose_opens_the_entry_with_its_correction_in_place_of_its_finding() -> None:
    facts = {"after_tax_contributions": 20000}
    result = calculate(Facts.from_mapping(facts), today=TODAY).to_json()
    plain = answers.compose(["no_penalty_on_rollover"], facts, result)
    corrected = answers.compose(
        ["no_penalty_on_rollover"], facts, result, beliefs=["penalty_on_rollover"]
    )
    assert plain.text.startswith("No 10% penalty on a direct rollover")
    assert corrected.text.startswith("No: a direct rollover or a conversion owes no 10%")
    assert "No 10% penalty on a direct rollover" not in corrected.text
    assert corrected.rules[0] == "irc_72_t_1"


def test_no_correction_where_nothing_asked_is_recognised() -> None:
    facts = {"after_tax_contributions": 20000}
    result = calculate(Facts.from_mapping(facts), today=TODAY).to_json()
    composed = answers.compose(
        ["move_to_roth"], facts, result, beliefs=["penalty_on_rollover"], unrecognised=True
    )
    assert "No: a direct rollover" not in composed.text


# -- general kinds of wrong belief (session of 2026-12-07 23:26 UTC) ---------------------------


def test_fq034_a_new_roth_ira_restarting_the_clock_is_corrected_first() -> None:
    # real.jsonl fq034 (https://irahelp.com/?p=63045): "However, if I opened another Roth
    # IRA to accept these rollover funds, the 5 year aging clock would reset based the new
    # Roth IRA when opened."
    paragraphs = _paragraphs(real_question("fq034", REAL))
    assert paragraphs[0].startswith("No: one 5-year clock covers all your Roth IRAs")
    assert "Treas. Reg. 1.408A-6, Q&A-2" in paragraphs[0]
    assert "only for the 10% penalty before 59½" in paragraphs[0]
    # the Roth 401(k) questions asked are still answered after it
    assert paragraphs[1].startswith("Your Roth 401(k) has its own 5-year clock")


def test_another_roth_ira_is_not_corrected_for_one_who_holds_none() -> None:
    text = (
        "I don't have a Roth IRA. If I open another Roth IRA, the 5-year clock will restart. "
        "Should I roll my after-tax money over?"
    )
    assert "No: one 5-year clock covers all" not in _reply(text)


def test_bb005_each_in_plan_conversion_clock_corrected_past_59_half_only() -> None:
    # batch_b.jsonl bb005: "Client is 63 ..." and "My understanding is that each after tax
    # 401k to In Plan 401k Roth Conversion has its own 5 year wait period."
    first = _paragraphs(real_question("bb005", EVAL / "batch_b.jsonl"))[0]
    assert first.startswith("Not each conversion: past 59½ only the plan's one 5-year period")
    assert "IRC 402A(c)(4)(D)" in first
    belief = "I understand each in-plan Roth conversion has its own 5 year clock."
    asked = "How do I convert my after-tax money?"
    assert _paragraphs(f"I'm 62. {belief} {asked}")[0].startswith("Not each conversion")
    # before 59½ each conversion's own 5 years do count (for the 10%): right, not corrected
    assert "Not each conversion" not in _reply(f"I'm 45. {belief} {asked}")
    assert "Not each conversion" not in _reply(f"{belief} {asked}")  # (no age: not known)


def test_fq100_earnings_to_a_traditional_ira_is_corrected_first() -> None:
    # real.jsonl fq100 (https://irahelp.com/?p=54157): "the earnings must be rolled over
    # into the traditional IRA along with the balance of his 401K"
    paragraphs = _paragraphs(real_question("fq100", REAL))
    assert paragraphs[0].startswith(
        "Not only to a traditional IRA: the earnings may go to the Roth IRA"
    )
    assert "IRS Notice 2014-54" in paragraphs[0]
    # the Roth IRA question asked is still answered
    assert paragraphs[1].startswith("Rolled-in contributions, after-tax or Roth 401(k)")


def test_ba019_pro_rata_only_for_iras_is_corrected_for_plan_money() -> None:
    # batch_a.jsonl ba019: "My understanding was that the pro-rata rule applies only to
    # IRAs." (after-tax money leaving a 401(k) by in-service withdrawals)
    first = _paragraphs(real_question("ba019", EVAL / "batch_a.jsonl"))[0]
    assert first.startswith("Not only IRAs: a plan's own payouts are pro-rata too")
    assert "IRC 72(e)(8)" in first and "IRC 408(d)(2)" in first


def test_pro_rata_only_for_iras_is_not_corrected_of_ira_money_alone() -> None:
    # of a traditional IRA's money alone the aggregation's IRAs are the right ones
    text = (
        "I have $6,000 in a traditional IRA. I understand the pro-rata rule only applies to "
        "IRAs. How do I do a backdoor Roth conversion?"
    )
    assert "Not only IRAs: a plan's own payouts are pro-rata too" not in _reply(text)


def test_the_mega_backdoor_against_the_ira_limit_corrected() -> None:
    first = _paragraphs(
        "I assume the mega backdoor counts against my IRA contribution limit. How do I start?"
    )[0]
    assert first.startswith("No: a rollover is not a contribution, so it does not count")


def test_a_clock_per_conversion_for_the_earnings_corrected() -> None:
    text = (
        "I know each Roth conversion has its own 5-year clock for the earnings. When can I "
        "take the earnings out tax-free?"
    )
    first = _paragraphs(text)[0]
    assert first.startswith("No: the earnings of every conversion wait for your Roth IRA's one")
    assert "only for the 10% penalty on the converted amount before 59½" in first


def test_59_half_for_after_tax_money_corrected_by_law_and_the_plan_left_to_say() -> None:
    text = (
        "I know I have to be 59½ to roll my after-tax money to a Roth IRA. I'm 50 and still "
        "working. How do I split the after-tax money from the pretax money?"
    )
    paragraphs = _paragraphs(text)
    assert paragraphs[0].startswith("Not by law: after-tax contributions are not elective")
    assert "if your plan allows it" in paragraphs[0]
    assert paragraphs[1].startswith("If your plan accounts for the after-tax money separately")


def test_pretax_to_a_roth_untaxed_corrected() -> None:
    text = (
        "I know I can roll my pretax 401(k) to a Roth IRA tax-free. How do I split the "
        "after-tax money from the pretax money?"
    )
    paragraphs = _paragraphs(text)
    assert paragraphs[0].startswith("No: pretax money (deferrals, employer money, earnings)")
    assert "IRC 408A(d)(3)(A)" in paragraphs[0]


def test_roth_401k_years_carried_over_corrected() -> None:
    text = (
        "I know my Roth 401k's 5 years will carry over to my Roth IRA. Should I roll it over "
        "when I retire?"
    )
    first = _paragraphs(text)[0]
    assert first.startswith("No: the Roth 401(k)'s clock does not carry over to a Roth IRA")
    assert "Treas. Reg. 1.408A-10" in first


def test_withholding_on_a_direct_rollover_corrected() -> None:
    text = (
        "I know they'll withhold 20% on the direct rollover to my Roth IRA. How do I split "
        "the after-tax money from the pretax money?"
    )
    first = _paragraphs(text)[0]
    assert first.startswith("No: nothing is withheld on a direct rollover")
    assert "20% of its taxable part withheld (IRC 3405(c))" in first


def test_a_belief_with_facts_is_corrected_only_where_they_make_it_wrong() -> None:
    from knowledge.answers import belief_entries, belief_wrong_for

    result = calculate(Facts.from_mapping({}), today=TODAY).to_json()
    _, belief = belief_entries()["in_plan_conversion_own_clock"]
    assert belief_wrong_for(belief, {"age": 63}, result)
    assert not belief_wrong_for(belief, {"age": 45}, result)
    assert not belief_wrong_for(belief, {"age": 59}, result)  # (the half year not known)
    assert not belief_wrong_for(belief, {}, result)
    _, restart = belief_entries()["roth_ira_clock_restarts"]
    assert belief_wrong_for(restart, {}, result)
    assert belief_wrong_for(restart, {"has_roth_ira": True}, result)
    assert not belief_wrong_for(restart, {"has_roth_ira": False}, result)
    _, always = belief_entries()["penalty_on_rollover"]
    assert belief_wrong_for(always, {"age": 45, "has_roth_ira": False}, result)
