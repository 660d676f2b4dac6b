"""Intents from word classes that meet in one sentence (nlu/intent_classes.py).

Each rule of nlu/patterns/intent_classes.yaml, by its id, with the real phrasings it was
written for (from tests/eval/batch_a.jsonl and batch_b.jsonl, verbatim) and the
look-alikes it must leave alone.
"""

import pytest

from nlu.data import load
from nlu.intent_classes import IntentClasses, intent_classes, phrase_doc
from nlu.pipeline import build, get_nlp, parse, sentences
from nlu.reader import read


def rules_found(text: str) -> set[tuple[str, str]]:
    """(rule id, intent) for every rule that finds something in ``text``."""
    doc = parse(text)
    found = intent_classes(get_nlp()).find(doc, sentences(doc))
    return {(rule, intent) for _start, _end, intent, rule in found}


@pytest.mark.parametrize(
    ("rule", "intent", "text"),
    [
        (
            "waiting_five_years",
            "five_year_rule",
            "I will have to pay taxes+penalty on the earnings if I hold for <5 years.",
        ),
        (
            "five_years_and_money_out",
            "five_year_rule",
            "My understanding is that 1/1/2026 (5 years from 1/1/2021) I could withdraw with no "
            "penalties.",
        ),
        (
            "waiting_five_years",
            "five_year_rule",
            "If you have money in a Roth IRA, you can take the initial amount without paying "
            "taxes as long as you've waited 5 years.",
        ),
        (
            "waiting_five_years",
            "five_year_rule",
            "Immediately, after 5 years, or at age 59 1/2?",
        ),
        (
            "five_year_rule_named",
            "five_year_rule",
            "Now I know there is a 5 year limit on withdrawals on conversions and deposits.",
        ),
        (
            "conversion_ladder",
            "five_year_rule",
            "Is the roth conversion ladder the only way a 401k fits in?",
        ),
        (
            "rule_of_55_named",
            "rule_of_55",
            "The R055 does not require that I actually retire, does it?",
        ),
        ("leaving_at_55", "rule_of_55", "Thinking of retiring at 55."),
        (
            "leaving_at_55",
            "rule_of_55",
            "My question: I keep reading that you can withdrawal at 55 penalty free from your "
            "last 401k.",
        ),
        (
            "asks_about_the_firm",
            "provider_process",
            "Do common 401k trustees like Fidelity support such logic?",
        ),
        (
            "tax_reporting",
            "other",
            "Will the 1099 show my after-tax amount as $10,000 or $46,000?",
        ),
        ("tax_reporting", "other", "How is a mega backdoor Roth reported on the tax return?"),
        (
            "excess_contributions",
            "other",
            "Is my net income attributable calculation on the excess contribution right?",
        ),
        (
            "weighing_options",
            "other",
            "Are there any pros or cons to converting from 401K to Roth 401K vs converting "
            "tIRA to Roth IRA?",
        ),
    ],
)
def test_a_rule_finds_its_intent_in_real_phrasings(rule: str, intent: str, text: str) -> None:
    assert (rule, intent) in rules_found(text)
    assert intent in read(text).intents


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # narrative years are not the clock
        (
            "I started contributing to the Roth 5 years ago and I withdraw nothing.",
            "five_year_rule",
        ),
        (
            "Person has a 403-B acct held at their previous employer for the last 5 yrs.",
            "five_year_rule",
        ),
        ("I kept my old 401k for five years after I quit.", "five_year_rule"),
        # an age stated, not the age of leaving; an amount is no age
        ("I'm 55 and retired. Can he move that after-tax money to a Roth IRA?", "rule_of_55"),
        ("We have $55K saved and I plan to retire next year.", "rule_of_55"),
        ("I retire at 55% of my salary.", "rule_of_55"),
        # a firm named in a statement is no question about it
        ("My 401k is with Fidelity. Can I convert the after-tax money?", "provider_process"),
        # a negated statement does not ask
        ("I don't want to wait 5 years to withdraw it. Can I split it?", "five_year_rule"),
    ],
)
def test_look_alikes_are_left_alone(text: str, intent: str) -> None:
    assert not {rule for rule, found in rules_found(text) if found == intent}


def test_a_question_about_the_clock_counts_even_when_negated() -> None:
    assert ("five_years_and_money_out", "five_year_rule") in rules_found(
        "Can't I withdraw the converted money in the first 5 years?"
    )


def test_every_phrase_is_made_as_the_tokenizer_splits_it() -> None:
    nlp = build()
    for classes in (load("intent_classes")["classes"], load("vocabulary")["classes"]):
        for name, phrases in classes.items():
            for phrase in phrases:
                made = [t.text for t in phrase_doc(nlp, phrase)]
                assert made == [t.text for t in nlp.make_doc(phrase)], (name, phrase)


def test_every_rule_names_known_classes_and_intents() -> None:
    rules = IntentClasses(get_nlp()).rules
    assert {rule.id for rule in rules} == {raw["id"] for raw in load("intent_classes")["rules"]}
    assert len({rule.id for rule in rules}) == len(rules)
