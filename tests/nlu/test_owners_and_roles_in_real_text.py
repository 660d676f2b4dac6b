"""Whose account a figure or a Roth IRA is, and what role a figure plays, in real posts.

Each case is a real question's sentences, verbatim (its set and id named), then a
paraphrase. Precision first: a figure that is a traditional IRA's basis, a rule's
illustration for "someone", a sum worked out from others or a stock's capital gains gives
no fact of the asker's after-tax plan money; a Roth IRA only supposed gives no
``has_roth_ira``.
"""

import pytest

from nlu.reader import read

# ---- a Roth IRA: owned, supposed, or the spouse's ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # batch_c bc006
        "Second question.  If the same person above also had opened and contributed to an "
        "existing Roth IRA on January 1, 2021, would that change the start date on the 5-year "
        "rule for the above NEW Roth IRA?",
        # paraphrase
        "If a client had an existing Roth IRA, would the clock differ?",
    ],
)
def test_a_roth_ira_supposed_in_an_if_is_not_owned(text: str) -> None:
    assert "has_roth_ira" not in read(text).facts


@pytest.mark.parametrize(
    "text",
    [
        # batch_b bb087
        "If I decide to retire before I have met the 5-year requirement for the Roth 401(k) "
        "and roll over this balance to my existing Roth IRA account, which 5-year clock "
        "applies to those former Roth 401(k) dollars?",
        # batch_c bc019
        "Question (1): In January 2023, while still employed, I performed an in-service "
        "rollover of my entire Roth 401K balance to my then-existing Roth IRA.",
        # real fq046
        "Fidelity created a new TIRA account for me. I added $5500 to it and immediately "
        "converted it to Roth IRA.",
        # paraphrases
        "If I move it, can it go to my existing Roth IRA?",
        "I opened a TIRA, funded it and then converted it to Roth IRA.",
    ],
)
def test_a_roth_ira_of_ones_own_is_owned(text: str) -> None:
    assert read(text).facts.get("has_roth_ira") is True


def test_the_husbands_roth_ira_in_forum_shorthand_is_not_the_askers() -> None:
    # real fq036, cut: "H" is the husband
    text = (
        "This is an option at H's work.  We will likely accidentally do it this year as H's "
        "bonus gets put into the 401K at the usual percentage. One possibility is to try to "
        "throw a ton of money in the after tax 401k as he plans to leave this employer in the "
        "next year or so.  So we could effectively dump a ton of money in his Roth IRA pretty "
        "quickly.  But I am wondering how much of an accounting nightmare it will be."
    )
    assert "has_roth_ira" not in read(text).facts


# ---- a traditional IRA's basis is not the plan's after-tax money ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # batch_c bc037: the IRA named in the sentence before
        "So, I have a Traditional IRA worth about $310k. $92k on this is from after-tax "
        "contributions. I’m trying to get this money into a Roth while avoiding the Pro Rata "
        "rule.",
        # batch_b bb065: the same figure named again in a question
        "I have $40,000 in my current IRA with $10,000 after tax contributions. I am 35 and "
        "wondering if it makes sense to roll the entire amount in 1998? Can I roll only the "
        "$10,000 after tax contributions into the Roth thereby avoiding a tax hit?",
        # paraphrase
        "My rollover IRA holds $150k. About $20k of it is basis from after-tax contributions.",
    ],
)
def test_an_iras_basis_gives_no_plan_after_tax_money(text: str) -> None:
    facts = read(text).facts
    assert not {"after_tax_contributions", "after_tax_total", "after_tax_earnings"} & set(facts)


def test_a_plan_named_in_the_figures_sentence_keeps_it_the_plans() -> None:
    text = "I have a traditional IRA with $50k. My 401k has $30k of after-tax contributions."
    assert read(text).facts.get("after_tax_contributions") == 30000


# ---- a whole named before its parts --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "total", "contributions", "earnings"),
    [
        # batch_b bb063
        (
            "The value of his after tax contributions is $35,000 of which $15,000 is "
            "principal and $20,000 is growth.",
            35000,
            15000,
            20000,
        ),
        # paraphrase
        (
            "My after-tax contributions are worth $48,000, of which $30,000 is principal and "
            "$18,000 is growth.",
            48000,
            30000,
            18000,
        ),
    ],
)
def test_a_figure_before_of_which_is_the_whole(
    text: str, total: int, contributions: int, earnings: int
) -> None:
    facts = read(text).facts
    assert facts.get("after_tax_total") == total
    assert facts.get("after_tax_contributions") == contributions
    assert facts.get("after_tax_earnings") == earnings


# ---- figures of no one: a rule's illustration, a sum worked out ----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # batch_c bc013
        "He mentioned how someone could contribute 58,000 after-tax dollars and then convert "
        "to ROTH provided solo 401k accepted after-tax contributions and allowed for "
        "in-service distributions. So that would be $26,000 of employee and $32,000 of "
        "employer contributions. Anywhere I read I see that the employer contributions must "
        "be pre-tax.",
        # paraphrase
        "I read that anyone can put in 40,000 after-tax dollars. That would be $20,000 of "
        "employer match on top, right?",
    ],
)
def test_someones_could_and_a_sum_worked_out_are_no_facts(text: str) -> None:
    facts = read(text).facts
    money = {"after_tax_contributions", "after_tax_total", "employer_contribution",
             "annual_after_tax_contribution"}  # fmt: skip
    assert not money & set(facts)


# ---- capital gains on company stock are not the after-tax money's earnings--------------------


@pytest.mark.parametrize(
    "text",
    [
        # batch_c bc030, cut
        "$85k of vested after-tax dollars – maybe $40k contributions\n$165k company stock with "
        "a cost basis of around $40k.\n2. Once done, do a lump sum distribution of company "
        "stock. Pay tax on the $40k and then pay capital gains on the $125k whenever the "
        "stock is sold.",
        # paraphrase
        "I have after-tax money in the plan and company stock; I would owe capital gains on "
        "the $90k later.",
    ],
)
def test_capital_gains_are_not_after_tax_earnings(text: str) -> None:
    assert "after_tax_earnings" not in read(text).facts


# ---- a balance since moved, a figure of both kinds, "no other" IRA -----------------------------


@pytest.mark.parametrize(
    "text",
    [
        # batch_c bc033
        "~I am 53 and had approximately 30K in a Roth 401K that I rolled into a Roth IRA in "
        "late 2022 after leaving my employer.",
        # paraphrase
        "There was $45k in my Roth 401k, which I moved to Fidelity last spring.",
    ],
)
def test_a_balance_since_moved_is_no_balance(text: str) -> None:
    assert "roth_401k_balance" not in read(text).facts


@pytest.mark.parametrize(
    "text",
    [
        # batch_a ba024
        "Is it correct to...\n1) take a 401k withdrawal made of pre-tax and after-tax money "
        "($53k)\n2) then get it sent to me as a check to me in my name",
        # paraphrase
        "My plan holds $80k of after-tax and pre-tax money together.",
    ],
)
def test_a_figure_of_both_kinds_is_no_after_tax_total(text: str) -> None:
    assert "after_tax_total" not in read(text).facts


def test_no_other_traditional_ira_beside_the_one_opened_is_no_zero_balance() -> None:
    # batch_a ba043
    text = (
        "• This was entirely pre-tax money, balance was $0 before this, and I own no other "
        "traditional IRAs"
    )
    assert "traditional_ira_balance" not in read(text).facts
    assert read("I have a Roth IRA and no other IRAs.").facts.get("traditional_ira_balance") == 0


def test_an_age_reached_next_year_is_not_the_age_now() -> None:
    # batch_c bc030
    text = (
        "I have a client with a $1.1 million dollar 401k that we’d like to rollover to an IRA. "
        "He turns 70.5 next year."
    )
    assert "age" not in read(text).facts
    assert read("He turns 70.5 in May.").facts.get("age") == 70


# ---- the plan is not its own firm ------------------------------------------------------------


def test_the_thrift_savings_plan_is_the_plan_not_its_provider() -> None:
    # batch_c bc046
    text = (
        "Have a client who took a distribution from Thrift Savings Plan. Part of the plan "
        "included an After-Tax Contributions account worth about 36,000 (26,000 earnings and "
        "10,000 contributions)."
    )
    facts = read(text).facts
    assert "provider" not in facts
    assert facts.get("employer_plan_type") == "TSP"


# ---- years: a span, an end, a far past ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # batch_b bb050
        "I may want to convert the regular 401k to a Roth 401k to take advantage of reporting "
        "the income in 2011 and 2012.",
        # batch_c bc031
        "I received a call last year from an attorney that represents a company I worked for "
        "up until 2017.",
        # batch_b bb026
        "Can someone please help me on how to file this properly?  Back in Aug 2022, I did a "
        "rollover of a previous employer's plan into a rollover IRA.",
        # paraphrases
        "Should I spread the conversion over 2025 and 2026?",
        "I stayed at the firm until 2019.",
    ],
)
def test_a_span_an_end_or_a_far_past_is_not_the_tax_year(text: str) -> None:
    assert "year" not in read(text).facts


def test_a_year_the_question_is_about_is_still_read() -> None:
    # real fq081, cut
    assert read("Then we convert to a Roth in 2010?").facts.get("year") == 2010


# ---- a Roth IRA implied by what was done with it -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # batch_a ba054
        "The scenario:\n\n  • I am younger than 59.5\n  • I made a Roth conversion of $15,000 in "
        "December 2021",
        # batch_a ba034
        "There was $7,000.33 converted from a traditional IRA to a Roth IRA.",
        # batch_a ba068
        'So which is it? a Roth IRA" that I set up more than 5 years ago, or the Roth IRA '
        "created by a 2021 conversion.",
        # paraphrases
        "We made a Roth conversion of $40k last year.",
        "A Roth IRA that I opened in 2015 holds most of it.",
    ],
)
def test_a_roth_ira_implied_by_what_was_done_is_held(text: str) -> None:
    assert read(text).facts.get("has_roth_ira") is True


@pytest.mark.parametrize(
    "text",
    [
        # real fq099: "made" as "rendered"
        "By rolling over my 401k accounts I made a Roth IRA conversion of my post-tax "
        "“traditional IRAs” unwise.",
        # paraphrases: in the plan, or asked
        "I made an in-plan Roth conversion of $10,000.",
        "Should I make a Roth conversion of $15,000?",
    ],
)
def test_a_conversion_not_to_a_roth_ira_or_only_asked_is_no_roth_ira(text: str) -> None:
    assert "has_roth_ira" not in read(text).facts


# ---- a header's figures: the IRA's assets, the after-tax account's worth, the asker's age-----


def test_a_header_of_ira_assets_is_the_iras_balance() -> None:
    # batch_c bc032
    text = "Current IRA assets: $480k\nCurrent income: appx $42k/yr."
    assert read(text).facts.get("traditional_ira_balance") == 480000


@pytest.mark.parametrize(
    ("text", "total", "contributions", "earnings"),
    [
        # batch_c bc046
        (
            "Part of the plan included an After-Tax Contributions account worth about 36,000 "
            "(26,000 earnings and 10,000 contributions).",
            36000,
            10000,
            26000,
        ),
        # paraphrase
        (
            "My after-tax account is worth $50,000 ($35,000 contributions and $15,000 earnings).",
            50000,
            35000,
            15000,
        ),
    ],
)
def test_the_after_tax_accounts_worth_is_the_whole(
    text: str, total: int, contributions: int, earnings: int
) -> None:
    facts = read(text).facts
    assert facts.get("after_tax_total") == total
    assert facts.get("after_tax_contributions") == contributions
    assert facts.get("after_tax_earnings") == earnings


def test_a_header_line_of_the_askers_age() -> None:
    # batch_c bc034
    text = "We plan to retire Fall 2019. Our current situation:\nMe: 60 Husband 61."
    facts = read(text).facts
    assert facts.get("age") == 60
    assert facts.get("spouse_age") == 61
    assert "age" not in read("Ages are as follows - Me: 60% stocks.").facts
