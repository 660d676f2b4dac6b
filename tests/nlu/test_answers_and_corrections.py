"""Answers to the bot's own question, corrections, "not sure", and what-if questions."""

import pytest

from nlu.reader import read


@pytest.mark.parametrize(
    ("text", "expecting", "value"),
    [
        ("yes", "still_employed", True),
        ("Yep", "plan_allows_in_service", True),
        ("they do", "plan_allows_in_service", True),
        ("nope", "has_roth_ira", False),
        ("it doesn't", "plan_allows_in_plan_conversion", False),
        ("no", "after_tax_separately_accounted", False),
        ("about 12k", "after_tax_earnings", 12000),
        ("12,000", "after_tax_earnings", 12000),
        ("$30k", "after_tax_contributions", 30000),
        ("none", "traditional_ira_balance", 0),
        ("500", "after_tax_earnings", 500),
        ("52", "age", 52),
        ("55", "retire_age", 55),
        ("2019", "roth_ira_first_year", 2019),
        ("24%", "marginal_rate", 0.24),
        ("MFJ", "filing_status", "mfj"),
        ("married filing jointly", "filing_status", "mfj"),
        ("single", "filing_status", "single"),
        ("TROWE", "provider", "T. Rowe Price"),
        ("it's with fidelity", "provider", "Fidelity"),
        ("403(b)", "employer_plan_type", "403b"),
        ("TSP", "employer_plan_type", "TSP"),
        ("Principal", "provider", "Principal"),  # opening the reply: the firm, not the word
        ("it's with troweprice", "provider", "T. Rowe Price"),
        ("not yet", "has_roth_ira", False),
        ("I left in March", "still_employed", False),
        ("back in 2015 I think", "roth_ira_first_year", 2015),
        ("12k, not 10k", "after_tax_earnings", 12000),
        ("52 not 51", "age", 52),
    ],
)
def test_a_short_answer_reads_as_the_answer_to_the_question(
    text: str, expecting: str, value: object
) -> None:
    reading = read(text, expecting=expecting)
    assert (
        reading.facts.get(expecting) == pytest.approx(value)
        if not isinstance(value, (bool, str))
        else reading.facts.get(expecting) == value
    )
    assert reading.facts.get(expecting) is not None
    assert not reading.unsure


def test_a_year_answering_when_an_account_was_opened_is_not_the_tax_year() -> None:
    facts = read("back in 2015 I think", expecting="roth_ira_first_year").facts
    assert facts.get("roth_ira_first_year") == 2015
    assert "year" not in facts


def test_a_firm_named_in_a_reply_about_an_ira_is_not_the_plan_provider() -> None:
    facts = read("I have one at Vanguard", expecting="has_roth_ira").facts
    assert facts.get("has_roth_ira") is True
    assert "provider" not in facts


@pytest.mark.parametrize(
    ("text", "expecting"), [("not 10k", "after_tax_earnings"), ("not 52", "age")]
)
def test_a_reply_that_only_takes_a_number_back_gives_none(text: str, expecting: str) -> None:
    assert expecting not in read(text, expecting=expecting).facts


def test_a_reply_of_not_yet_is_a_no_not_a_correction() -> None:
    reading = read("not yet", expecting="has_roth_ira")
    assert reading.facts == {"has_roth_ira": False}
    assert not reading.corrections


@pytest.mark.parametrize("text", ["yes", "52", "about 12k", "nope"])
def test_without_a_question_a_bare_answer_says_nothing(text: str) -> None:
    assert read(text).facts == {}


@pytest.mark.parametrize("text", ["not sure", "I don't know", "no idea", "idk", "I'll check"])
def test_not_sure(text: str) -> None:
    reading = read(text, expecting="plan_allows_in_service")
    assert reading.unsure
    assert "plan_allows_in_service" not in reading.facts


def test_an_answer_that_states_the_fact_itself_wins() -> None:
    reading = read("I'm 52", expecting="age")
    assert reading.facts["age"] == 52
    assert reading.evidence["age"] == "I'm 52"


def test_a_long_answer_is_read_as_text_not_as_yes_or_no() -> None:
    reading = read("yes, and I'm 52 and my 401k is with Vanguard", expecting="still_employed")
    assert reading.facts["still_employed"] is True
    assert reading.facts["age"] == 52
    assert reading.facts["provider"] == "Vanguard"


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("actually I'm 52", "age", 52),
        ("sorry, earnings are 12k not 10k", "after_tax_earnings", 12000),
        ("Correction: my after-tax contributions are $35k.", "after_tax_contributions", 35000),
        ("oops, I meant I'm 53", "age", 53),
    ],
)
def test_corrections_replace_a_fact(text: str, key: str, value: int) -> None:
    reading = read(text)
    assert reading.facts[key] == value
    assert key in reading.corrections


def test_a_plain_statement_is_not_a_correction() -> None:
    assert read("I'm 52").corrections == frozenset()


@pytest.mark.parametrize(
    "text",
    [
        "What if I waited until I retire?",
        "Suppose I leave my job next year.",
        "If I waited two years, would the tax change?",
        "Let's say the earnings were 20k.",
        "Let's use a situation where a person puts in $10,000 after tax.",
    ],
)
def test_what_if_questions_are_hypothetical(text: str) -> None:
    assert read(text).hypothetical


def test_a_plain_question_is_not_hypothetical() -> None:
    assert not read("Can I roll my after-tax money into a Roth IRA?").hypothetical


def test_every_fact_has_evidence_from_the_text() -> None:
    text = "I am 51, my 401K is with TROWE and I have 40k after-tax."
    reading = read(text)
    assert set(reading.evidence) == set(reading.facts)
    for snippet in reading.evidence.values():
        assert snippet in text


@pytest.mark.parametrize(
    ("text", "expecting", "value"),
    [
        ("I think so", "plan_allows_in_service", True),
        ("I have none", "traditional_ira_balance", 0),
        ("fifty two", "age", 52),
        ("sixty-one", "spouse_age", 61),
    ],
)
def test_hedged_and_worded_answers(text: str, expecting: str, value: object) -> None:
    assert read(text, expecting=expecting).facts.get(expecting) == value


def test_a_short_reply_about_contributions_means_the_after_tax_ones() -> None:
    facts = read("my contributions are 30k and earnings 10k").facts
    assert facts["after_tax_contributions"] == 30000
    assert facts["after_tax_earnings"] == 10000


def test_a_short_reply_about_pre_tax_contributions_is_not_basis() -> None:
    assert "after_tax_contributions" not in read("my pre-tax contributions are 30k").facts


@pytest.mark.parametrize(
    ("text", "expecting"),
    [
        ("I'll have to log in and check", "after_tax_earnings"),
        ("need to call and ask HR", "plan_allows_in_service"),
        ("not that I know of", "plan_allows_in_plan_conversion"),
        ("not to my knowledge", "after_tax_separately_accounted"),
    ],
)
def test_a_promise_to_look_it_up_or_a_weak_no_is_not_sure(text: str, expecting: str) -> None:
    reading = read(text, expecting=expecting)
    assert reading.unsure
    assert reading.facts == {}


def test_wanting_to_ask_something_else_is_not_a_promise_to_check() -> None:
    reading = read("52, I would like to ask about conversions", expecting="age")
    assert reading.facts.get("age") == 52
    assert not reading.unsure


@pytest.mark.parametrize(
    ("text", "expecting", "facts"),
    [
        ("52, and I retire at 55", "age", {"age": 52, "retire_age": 55}),
        ("45, and my wife is 43", "age", {"age": 45, "spouse_age": 43}),
        (
            "30k, the rest (about 4k) is earnings",
            "after_tax_contributions",
            {"after_tax_contributions": 30000, "after_tax_earnings": 4000},
        ),
        (
            "total is 80k, 65k of that is contributions",
            "after_tax_total",
            {"after_tax_total": 80000, "after_tax_contributions": 65000},
        ),
        ("nope, started in 2005", "pre_1987_basis", {"pre_1987_basis": 0}),
    ],
)
def test_the_answer_is_the_number_no_other_fact_has_read(
    text: str, expecting: str, facts: dict[str, object]
) -> None:
    got = dict(read(text, expecting=expecting).facts)
    got.pop("still_employed", None)  # ("I retire at 55" also says the person still works)
    assert got == facts


@pytest.mark.parametrize(
    ("text", "expecting", "value"), [("probably 60ish", "retire_age", 60), ("55ish", "age", 55)]
)
def test_a_number_with_ish_is_the_number(text: str, expecting: str, value: int) -> None:
    assert read(text, expecting=expecting).facts.get(expecting) == value


@pytest.mark.parametrize("text", ["6 figures", "mid 6-figures", "7 digits"])
def test_a_count_of_digits_is_no_amount(text: str) -> None:
    assert read(text, expecting="income").facts == {}


@pytest.mark.parametrize(
    ("text", "expecting"),
    [
        ("still there", "still_employed"),
        ("I haven't left yet", "still_employed"),
        ("not retired yet", "still_employed"),
        ("I haven't left yet", "separated_from_service_age"),
    ],
)
def test_saying_one_has_not_left_means_still_employed(text: str, expecting: str) -> None:
    assert read(text, expecting=expecting).facts == {"still_employed": True}


@pytest.mark.parametrize("text", ["never opened one", "I don't have one", "no"])
def test_no_to_the_year_of_the_first_roth_ira_means_there_is_none(text: str) -> None:
    assert read(text, expecting="roth_ira_first_year").facts == {"has_roth_ira": False}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("principal i think", "Principal"),
        ("empower", "Empower"),
        ("ours is nationwide", "Nationwide"),
    ],
)
def test_a_firm_named_by_an_ordinary_word_counts_in_a_lower_case_reply(
    text: str, name: str
) -> None:
    assert read(text, expecting="provider").facts == {"provider": name}


def test_an_ordinary_word_read_as_another_fact_is_no_firm() -> None:
    facts = read("the principal amount is 30k", expecting="provider").facts
    assert "provider" not in facts


@pytest.mark.parametrize(
    ("text", "year"), [("yes, opened it in 2016", 2016), ("yes, set one up in 2019", 2019)]
)
def test_the_year_a_roth_ira_was_opened_answers_its_first_year(text: str, year: int) -> None:
    facts = read(text, expecting="has_roth_ira").facts
    assert facts == {"has_roth_ira": True, "roth_ira_first_year": year}


def test_the_year_a_spouse_opened_a_roth_ira_is_not_the_askers() -> None:
    facts = read("no but my wife opened one in 2016", expecting="has_roth_ira").facts
    assert facts == {"has_roth_ira": False}


@pytest.mark.parametrize(
    ("text", "expecting", "facts"),
    [
        ("my wife does, I don't", "has_roth_ira", {"has_roth_ira": False}),
        ("my husband has one but I do not", "has_roth_ira", {"has_roth_ira": False}),
        ("my wife does", "has_roth_ira", {}),
        ("my husband checked, it does", "plan_allows_in_service", {"plan_allows_in_service": True}),
    ],
)
def test_a_first_clause_about_the_spouse_is_skipped_in_a_yes_or_no(
    text: str, expecting: str, facts: dict[str, object]
) -> None:
    assert read(text, expecting=expecting).facts == facts


@pytest.mark.parametrize(
    "text", ["I didn't retire, they let me go", "I didn't retire, I took another job"]
)
def test_denying_one_way_of_leaving_is_not_still_working(text: str) -> None:
    assert read(text, expecting="still_employed").facts.get("still_employed") is not True


@pytest.mark.parametrize(
    ("text", "expecting"),
    [
        ("none of your business", "income"),
        ("no, I'd rather not", "has_roth_ira"),
        ("nah, not telling", "still_employed"),
        ("that's private", "traditional_ira_balance"),
        ("I don't want to say", "plan_allows_in_service"),
    ],
)
def test_a_refusal_gives_no_fact_and_is_not_unsure(text: str, expecting: str) -> None:
    reading = read(text, expecting=expecting)
    assert reading.facts == {}
    assert not reading.unsure


def test_a_refusal_keeps_the_facts_stated_beside_it() -> None:
    assert read("rather not say, but I'm 52", expecting="income").facts == {"age": 52}


@pytest.mark.parametrize(
    ("text", "value"),
    [("yess", True), ("yeahh", True), ("yupp", True), ("nop", False), ("nooo", False)],
)
def test_stretched_or_clipped_yes_and_no(text: str, value: bool) -> None:
    assert read(text, expecting="has_roth_ira").facts == {"has_roth_ira": value}


def test_not_anymore_is_a_no() -> None:
    assert read("not anymore", expecting="still_employed").facts == {"still_employed": False}


def test_a_year_in_a_reply_about_pre_1987_basis_is_not_the_tax_year() -> None:
    facts = read("about 8,000 before 1987", expecting="pre_1987_basis").facts
    assert facts == {"pre_1987_basis": 8000}


@pytest.mark.parametrize(
    ("text", "rate"),
    [("twenty two percent", 0.22), ("the twelve", 0.12), ("thirty-five pct", 0.35)],
)
def test_a_bracket_in_words(text: str, rate: float) -> None:
    assert read(text, expecting="marginal_rate").facts == {"marginal_rate": rate}


@pytest.mark.parametrize(
    ("text", "facts"),
    [("10 years ago it was 22", {"marginal_rate": 0.22}), ("ten years ago it was lower", {})],
)
def test_a_count_of_years_is_no_bracket(text: str, facts: dict[str, float]) -> None:
    assert read(text, expecting="marginal_rate").facts == facts


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("it was Fidelity but now its Empower", "Empower"),
        ("empower (used to be prudential)", "Empower"),
        ("Empower, formerly Prudential", "Empower"),
        ("we switched from Fidelity to Vanguard last year", "Vanguard"),
        ("It was Fidelity", "Fidelity"),  # (one firm: "was" is said by people who left)
    ],
)
def test_a_former_firm_is_not_the_provider(text: str, name: str) -> None:
    assert read(text, expecting="provider").facts == {"provider": name}


@pytest.mark.parametrize(
    ("text", "expecting", "facts"),
    [
        (
            "no traditional, but a Roth with 50k",
            "traditional_ira_balance",
            {"traditional_ira_balance": 0},
        ),
        ("my Roth has 50k", "traditional_ira_balance", {}),
        ("about 30k, plus 10k in my Roth", "after_tax_total", {"after_tax_total": 30000}),
        ("200k in a SEP IRA", "traditional_ira_balance", {"traditional_ira_balance": 200000}),
        # an account before a colon labels the figure after it (nlu.answers._CLAUSE_BREAK)
        ("Roth: 50k", "traditional_ira_balance", {}),
        (
            "traditional: none, Roth: 50k",
            "traditional_ira_balance",
            {"traditional_ira_balance": 0},
        ),
        ("30k plus 10k in my Roth", "after_tax_total", {"after_tax_total": 30000}),
    ],
)
def test_an_amount_said_of_another_account_does_not_answer(
    text: str, expecting: str, facts: dict[str, int]
) -> None:
    assert read(text, expecting=expecting).facts == facts


@pytest.mark.parametrize(
    ("text", "expecting"),
    [("50 next month", "age"), ("fifty next month", "age"), ("60 in April", "spouse_age")],
)
def test_an_age_still_to_come_is_not_the_age_now(text: str, expecting: str) -> None:
    assert read(text, expecting=expecting).facts == {}


def test_a_retirement_age_next_year_is_still_the_retirement_age() -> None:
    assert read("62 next year", expecting="retire_age").facts == {"retire_age": 62}


@pytest.mark.parametrize("text", ["ok", "okay"])
def test_an_acknowledgement_is_not_a_yes(text: str) -> None:
    assert read(text, expecting="has_roth_ira").facts == {}


@pytest.mark.parametrize("text", ["zip", "zilch", "not a dime"])
def test_slang_for_nothing_is_zero(text: str) -> None:
    facts = read(text, expecting="traditional_ira_balance").facts
    assert facts == {"traditional_ira_balance": 0}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("i think its separate", True),
        ("it has its own source", True),
        ("it's all lumped together", False),
        ("not separately, no", False),
        ("mixed together I think", False),
    ],
)
def test_separate_accounting_said_in_the_questions_words(text: str, value: bool) -> None:
    facts = read(text, expecting="after_tax_separately_accounted").facts
    assert facts == {"after_tax_separately_accounted": value}


@pytest.mark.parametrize("text", ["rather not say", "none of your business", "skip"])
def test_a_refusal_is_declined_not_unsure(text: str) -> None:
    reading = read(text, expecting="income")
    assert reading.declined and not reading.unsure
    assert reading.facts == {}


def test_an_answer_is_not_declined() -> None:
    assert not read("about 180k", expecting="income").declined


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("After-tax 40k, no wait, 45k.", "after_tax_total", 45000),
        ("after-tax 40k - I mean 45k", "after_tax_total", 45000),
        ("I have 40k after-tax, sorry, 45k, in my 401k", "after_tax_total", 45000),
        ("my after-tax basis is 30k, make that 32k", "after_tax_contributions", 32000),
    ],
)
def test_an_amount_taken_back_in_the_same_message_is_replaced(
    text: str, key: str, value: int
) -> None:
    assert read(text).facts[key] == value


def test_two_amounts_without_words_taking_one_back_are_not_a_correction() -> None:
    assert read("after-tax 40k and 10k pre-tax").facts == {
        "after_tax_total": 40000,
        "pretax_balance": 10000,
    }
