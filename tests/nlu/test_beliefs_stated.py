"""Wrong beliefs about the rules a poster states as settled (issue 10, "answer the question
that was asked": premise correction), recognised by ``nlu.beliefs`` from
``nlu/patterns/beliefs.yaml``.

A belief is recognised only where the poster tells it as settled of their own case: in a
sentence that tells (never one that asks: "Will I owe the 10%?" is the entry's question),
with the poster's stance in it ("I know", "I'll have to", "my understanding"), and with no
sign of another person's claim or of a supposition ("I was told", "I've read"). A belief
that is right ("if I withdraw money from the IRA to pay the taxes, I'd be subject to a 10%
penalty") is not one of them: precision first; when unsure, nothing.

Real released text is quoted verbatim with its id and file; the rest are paraphrases.
"""

from __future__ import annotations

import pytest
from eval_texts import ANSWERS_MORE, BATCH_A, BATCH_B, DEV, REAL, texts_of

from knowledge.answers import belief_entries, catalogue
from knowledge.citations import cite
from nlu.beliefs import build, stated
from nlu.data import load
from nlu.gating import gated_matches, lower_places
from nlu.pipeline import get_nlp, parse
from nlu.reader import read

RECOGNISED = [
    # dev.jsonl fq038: the belief told, then "Correct?" asks about it
    (
        "I am fairly certain the AT-contributions which are rolled into a RIRA can be pulled "
        "out before 59 1/2 as long as they meet the 5 year holding period. Correct?",
        "basis_waits_five_years",
    ),
    # real.jsonl fq080
    (
        "As I understand it, then, I wouldn't incur the early withdrawal penalty so long as I "
        "put the disbursement from the 403(b) into an IRA within 60 days; my current salary, "
        "however, is higher than the cutoff for the traditional IRA, so I would have to go to "
        "a Roth IRA.",
        "income_blocks_rollover",
    ),
    # batch_c.jsonl bc008
    (
        "I understand, that in general, a Roth account must be owned/opened for a period of 5 "
        "years before tax-free withdrawals can be made on initially deposited funds.",
        "contributions_wait_five_years",
    ),
    (
        "My understanding is that I have to wait 5 years before I can withdraw my Roth IRA "
        "contributions.",
        "contributions_wait_five_years",
    ),
    ("I know I'll have to pay the 10% penalty when I roll it over.", "penalty_on_rollover"),
    ("We'll owe the 10% penalty on the conversion since I'm only 52.", "penalty_on_rollover"),
    (
        "I'm rolling $30k of after-tax money to a Roth IRA. Since this would count against my "
        "$7,000 IRA contribution limit, I'll split it over two years.",
        "rollover_counts_to_ira_limit",
    ),
    ("I can't do a Roth conversion because my income is too high.", "income_blocks_rollover"),
    (
        "My income is too high, so I can't roll the after-tax money to a Roth IRA.",
        "income_blocks_rollover",
    ),
    ("I assume the after-tax money would all be taxed again.", "after_tax_taxed_again"),
    # real.jsonl fq034 (https://irahelp.com/?p=63045): the stance ("I understand") told two
    # sentences before; "would reset" is the poster's own claim
    (
        "However, if I opened another Roth IRA to accept these rollover funds, the 5 year "
        "aging clock would reset based the new Roth IRA when opened.",
        "roth_ira_clock_restarts",
    ),
    ("If I open another Roth IRA, the 5-year clock will restart.", "roth_ira_clock_restarts"),
    (
        "I know that opening a second Roth IRA resets the five-year clock.",
        "roth_ira_clock_restarts",
    ),
    (
        "My understanding is that moving my Roth IRA to a different brokerage would reset the "
        "5 year clock.",
        "roth_ira_clock_restarts",
    ),
    (
        "I assume each new conversion restarts the 5-year clock on my Roth IRA.",
        "roth_ira_clock_restarts",
    ),
    # batch_b.jsonl bb005 (https://irahelp.com/forum-post/26145-...): whether it is wrong
    # turns on the age (the entry's `when`), not on the words
    (
        "My understanding is that each after tax 401k to In Plan 401k Roth Conversion has its "
        "own 5 year wait period.",
        "in_plan_conversion_own_clock",
    ),
    (
        "I understand each in-plan Roth conversion starts a new 5-year period.",
        "in_plan_conversion_own_clock",
    ),
    # real.jsonl fq100 (https://irahelp.com/?p=54157)
    (
        "He has a Roth IRA- my understanding is that the after tax contributions are only "
        "eligible to be rolled over in the Roth IRA and the earnings must be rolled over into "
        "the traditional IRA along with the balance of his 401K.",
        "earnings_must_go_traditional",
    ),
    ("I know the earnings have to go to a traditional IRA.", "earnings_must_go_traditional"),
    (
        "I believe the gains need to be rolled into a rollover IRA.",
        "earnings_must_go_traditional",
    ),
    # batch_a.jsonl ba019 (https://www.bogleheads.org/forum/viewtopic.php?p=8201206)
    (
        "My understanding was that the pro-rata rule applies only to IRAs.",
        "pro_rata_only_iras",
    ),
    (
        "My understanding is that pro rata only applies to IRAs and not to 401(k) plans.",
        "pro_rata_only_iras",
    ),
    # the mega backdoor against the IRA limit, or one limit shared with the backdoor
    (
        "I assume the mega backdoor counts against my IRA contribution limit.",
        "rollover_counts_to_ira_limit",
    ),
    (
        "I believe the mega backdoor and backdoor Roth share one limit, so I can only do one.",
        "rollover_counts_to_ira_limit",
    ),
    (
        "I know rolling my after-tax money to a Roth IRA will use up my Roth IRA contribution "
        "limit.",
        "rollover_counts_to_ira_limit",
    ),
    # a clock per conversion for the earnings
    (
        "I know each Roth conversion has its own 5-year clock for the earnings.",
        "conversion_earnings_own_clock",
    ),
    (
        "My understanding is that each conversion starts a new 5 year clock before the "
        "earnings are tax-free.",
        "conversion_earnings_own_clock",
    ),
    # 59½ for after-tax money
    (
        "I know I have to be 59½ to roll my after-tax money to a Roth IRA.",
        "after_tax_waits_for_59",
    ),
    (
        "I understand I can't roll the after-tax contributions to my Roth IRA until I'm 59 1/2.",
        "after_tax_waits_for_59",
    ),
    # pretax money said to move to a Roth untaxed
    ("I know I can roll my pretax 401(k) to a Roth IRA tax-free.", "pretax_to_roth_untaxed"),
    # a Roth 401(k)'s years said to carry over to the Roth IRA
    (
        "I know my Roth 401k's 5 years will carry over to my Roth IRA.",
        "roth_401k_years_carry_over",
    ),
    (
        "I assume the years in my Roth 401(k) count toward the Roth IRA's 5-year clock.",
        "roth_401k_years_carry_over",
    ),
    (
        "My understanding is that the Roth 401k keeps its 5 year clock when I roll it to a "
        "Roth IRA.",
        "roth_401k_years_carry_over",
    ),
    # tax said to be withheld on a direct rollover
    (
        "I know they'll withhold 20% on the direct rollover to my Roth IRA.",
        "withholding_on_direct_rollover",
    ),
    (
        "I assume the plan has to withhold 20% even on a trustee-to-trustee transfer.",
        "withholding_on_direct_rollover",
    ),
    (
        "My understanding is that a direct rollover of our pre-tax 401k money to a Roth IRA "
        "means we never pay any income tax on it.",
        "pretax_to_roth_untaxed",
    ),
    (
        "I believe converting the pretax money to Roth won't cost any tax since it's a direct "
        "rollover.",
        "pretax_to_roth_untaxed",
    ),
]


@pytest.mark.parametrize(("text", "belief"), RECOGNISED)
def test_a_belief_told_as_settled_is_recognised(text: str, belief: str) -> None:
    assert belief in read(text).beliefs


NOT_RECOGNISED = [
    # asked, not told: the entry answers the question as asked
    "Will I owe the 10% penalty when I roll it over?",
    "Does rolling the after-tax money to a Roth IRA count against my IRA contribution limit?",
    # another person's claim, not adopted
    "I was told I'll have to pay the 10% penalty when I roll it over.",
    # batch_d.jsonl bd040: the withholding kept is a distribution, so the 10% is right
    "I have been told on another forum that the withholding will be treated as a withdrawal "
    "and that my client will owe the 10% penalty (he’s under 59 1/2), even though there was "
    "no mention of this in the paperwork from the plan.",
    # right beliefs: money kept, withdrawn early, or a missed 60-day window owes the 10%
    # (answers_more.jsonl ab01)
    "I understand if I withdrawal money from the IRA account to pay the taxes, i’d be "
    "subject to a 10% early withdrawal penalty.",
    "I understand I'd owe the 10% penalty if I withdraw the converted earnings within 5 years.",
    "I know I'll owe the 10% penalty because I missed the 60-day rollover window.",
    "I know I won't owe the 10% penalty on a direct rollover.",
    "If I cash out instead of rolling it over, I know I'll have to pay the 10% penalty.",
    # the income limit on contributing to a Roth IRA is right (batch_b.jsonl bb005; batch_d
    # bd043)
    "Client’s income too high for any direct Roth contribution.",
    "I am planning to start doing backdoor Roth IRA contributions in 2020 due my income "
    "being too high for regular contributions.",
    # the earnings are taxed once: right (batch_b.jsonl bb057)
    "I know that I’ll be subject to tax only on “earnings” for these conversions.",
    "I know the earnings on the after-tax money will be taxed when I convert.",
    # "10%" as a share, not the penalty (real.jsonl fq101)
    "I recently left my job, and want to convert my significant traditional 401(k) into my "
    "traditional IRA, but at that point, the after-tax basis of the account will only be "
    "about 10% and therefore I believe I would be subject to a lot more taxes on any "
    "conversion.",
    # a Roth 401(k)'s clock is its own (batch_e-style paraphrase), and earnings do wait
    "I understand my Roth 401(k) contributions must be in the plan 5 years before a "
    "qualified withdrawal.",
    "I know the earnings in my Roth IRA have to wait 5 years before tax-free withdrawal.",
    # a Roth 401(k)'s own money is paid pro-rata, and earnings wait: not the basis belief
    "I understand the earnings rolled into my Roth IRA can't come out before 59 1/2 unless "
    "they meet the 5 year holding period.",
    # the clock: asked, reported, negated, wondered; each conversion's own clock for the 10%
    # (right, batch_e.jsonl be031); a Roth 401(k) moved to a first Roth IRA (its years do
    # not carry over: right)
    "Would the 5-year clock restart if I open another Roth IRA?",
    "Fidelity told me opening another Roth IRA would reset the 5-year clock.",
    "Opening another Roth IRA does not restart the 5-year clock.",
    "I'm wondering whether opening another Roth IRA would reset the clock.",
    "I know each conversion has its own 5-year clock for the penalty.",
    "I know that each conversion creates a new Roth IRA account and a new 5 year clock for "
    "penalty free withdrawals.",
    "If I roll my Roth 401k into another Roth IRA, the 5-year clock would restart.",
    # a conversion's own clock asked, or an IRA conversion (its 10% clock: right)
    "Does each in-plan conversion have its own 5 year clock?",
    "I know that each conversion has its own 5 year waiting period.",
    # the earnings to a traditional IRA to keep them untaxed: right; asked
    "I know the earnings must go to a traditional IRA to avoid paying tax on them.",
    "Must the earnings go to a traditional IRA?",
    # the aggregation for a backdoor IRA conversion counts IRAs only: right; reported; asked
    "I understand the pro-rata rule only applies to IRAs, so my 401k won't affect my "
    "backdoor Roth.",
    "I was told the pro-rata rule only applies to IRAs.",
    "Does the pro-rata rule only apply to IRAs?",
    "Does the mega backdoor count against my IRA contribution limit?",
    # a conversion's own clock said of the 10%, or with nothing said of what it governs
    # (right before 59½: each has its own for the 10%)
    "I know each conversion has its own 5 year clock.",
    # 59½: the poster's plan's own rule; pretax money (elective deferrals do wait); no wait
    # said; asked; reported
    "My plan only allows in-service withdrawals of after-tax money at 59½, so I know I have "
    "to wait.",
    "I know I have to be 59½ to roll my pretax money to a Roth IRA while working.",
    "I know I don't have to be 59½ to roll after-tax money to a Roth IRA.",
    "Do I have to be 59½ to roll my after-tax money to a Roth IRA?",
    "I was told I have to be 59½ to roll my after-tax money to a Roth IRA.",
    # pretax: taxed (right); to a traditional IRA (untaxed: right); beside after-tax money
    # (its contributions do move untaxed); asked; reported
    "I know the pretax part will be taxed when I convert it to a Roth IRA.",
    "I know rolling my pretax 401k to a traditional IRA is tax-free.",
    "I know I can roll the pretax to a traditional IRA tax-free and the after-tax to a Roth IRA.",
    "Can I roll my pretax 401(k) to a Roth IRA tax-free?",
    "I was told I can roll my pretax 401(k) to a Roth IRA tax-free.",
    # the years do not carry over (right); asked; reported
    "I know my Roth 401k's 5 years don't carry over to my Roth IRA.",
    "Do my Roth 401k's 5 years carry over to my Roth IRA?",
    "I read that the Roth 401k's 5 years carry over to the Roth IRA.",
    # withholding on money paid to the poster, or asked for (right); none said; asked
    "I know they'll withhold 20% if they send me a check instead of a direct rollover.",
    "I know nothing is withheld on a direct rollover.",
    "I know I can elect to have tax withheld from the direct rollover to the Roth IRA.",
    "Will they withhold 20% on the direct rollover?",
]


@pytest.mark.parametrize("text", NOT_RECOGNISED)
def test_no_belief_where_it_is_asked_reported_or_right(text: str) -> None:
    assert read(text).beliefs == ()


def test_fq038_basis_before_59_half_is_not_the_59_half_belief() -> None:
    # dev.jsonl fq038: what "can be pulled out before 59 1/2" is the belief of a 5-year
    # wait, not of a wait for 59½ to roll the after-tax money out of the plan
    text = (
        "I am fairly certain the AT-contributions which are rolled into a RIRA can be pulled "
        "out before 59 1/2 as long as they meet the 5 year holding period. Correct?"
    )
    assert read(text).beliefs == ("basis_waits_five_years",)
    # and its last paragraph: 59½ is when the Roth IRA pays out penalty-free
    last = (
        "I have done some preliminary planning, and I will need the majority of contributions "
        "and conversion in my R401k/AT contributions/conversions + taxable accounts + t401k to "
        "survive until I can get to the meat of my rIRA accounts at 59 1/2 penalty free."
    )
    assert read(last).beliefs == ()
    assert (
        read("I know the after-tax money I roll to a Roth IRA can come out before 59½.").beliefs
        == ()
    )


def test_the_sentence_of_each_belief_is_given() -> None:
    doc = parse("I have $20k after-tax. I know I'll have to pay the 10% penalty when I roll it.")
    assert stated(doc) == (("penalty_on_rollover", 1),)


def test_every_pattern_is_valid_spacy() -> None:
    from spacy.matcher import Matcher

    checker = Matcher(get_nlp().vocab, validate=True)
    for name, patterns in load("beliefs")["classes"].items():
        for entry in patterns:
            checker.add(f"{name}/{entry['id']}", [entry["pattern"]])
    built = build(get_nlp().vocab)  # (each pattern needs a word, so each is gated)
    assert sum(len(gate.matcher) for gate in built.gated) == len(checker)
    assert built.rules


def test_every_belief_rule_is_a_catalogue_belief_with_a_message_and_a_source() -> None:
    from bot.answers import _catalogue_file

    recognised = {entry["id"] for entry in load("beliefs")["beliefs"]}
    entries = belief_entries()
    assert recognised == set(entries)
    classes = set(load("beliefs")["classes"])
    for entry in load("beliefs")["beliefs"]:
        named = {c for g in entry["all"] for c in str(g).split("|")} | set(entry.get("none", ()))
        assert named <= classes, entry["id"]
    for belief_id, (question, belief) in entries.items():
        assert belief.says in catalogue()[question].findings, belief_id
        assert cite(belief.rule).section, belief_id
        assert belief_id in _catalogue_file()["beliefs"], belief_id


def test_the_gated_matchers_find_what_one_plain_matcher_finds_on_real_text() -> None:
    """The belief classes run only where the words they need are (``nlu.gating``), for
    speed; on every released real question that finds exactly what one Matcher of every
    pattern finds."""
    from spacy.matcher import Matcher

    texts = texts_of([DEV, REAL, BATCH_A, BATCH_B, ANSWERS_MORE])
    assert len(texts) > 100
    vocab = get_nlp().vocab
    plain = Matcher(vocab)
    for name, patterns in load("beliefs")["classes"].items():
        for entry in patterns:
            plain.add(f"{name}/{entry['id']}", [entry["pattern"]])
    gated = build(vocab).gated
    for text in texts:
        doc = parse(text)
        assert sorted(gated_matches(gated, doc, lower_places(doc))) == sorted(plain(doc)), text
