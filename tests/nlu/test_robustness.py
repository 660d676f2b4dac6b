"""No input makes the reader raise, and every fact it emits is a valid Fact."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knowledge.facts import Facts
from nlu.intents import intent_order
from nlu.pipeline import get_nlp
from nlu.reader import OUT_OF_SCOPE, Reading, _clean, read, reading_of

EXPECTING = st.one_of(st.none(), st.sampled_from(Facts.keys()), st.text(max_size=20))
FRAGMENTS = st.sampled_from(
    [
        "I am 51",
        "$40K",
        "1e308",
        "$-5",
        "401(k)",
        "after-tax",
        "basis",
        "TROWE",
        "<b>401k</b>",
        "'; DROP TABLE facts; --",
        "🙂",
        "שלום",
        "مرحبا",
        "年金",
        "\u202e",
        "\x00",
        "NaN",
        "$9999999999999",
        "age 500",
        "999999999999999999999 years old",
        "30-35k",
        "40K-50K",
        "yes",
        "not sure",
        "actually I'm 52",
        "\n\n",
        "...",
        "<script>alert(1)</script>",
        "&nbsp;",
        "%",
        "1.2M",
        "forty thousand",
        "2014-54",
    ]
)
SOUP = st.lists(st.one_of(FRAGMENTS, st.text(max_size=30)), max_size=30).map(" ".join)


def assert_well_formed(reading: Reading) -> None:
    assert isinstance(reading, Reading)
    Facts.from_mapping(dict(reading.facts))  # raises if any value is refused
    assert set(reading.evidence) == set(reading.facts)
    assert set(reading.intents) <= set(intent_order())
    assert reading.corrections <= set(reading.facts)
    assert reading.topics <= set(OUT_OF_SCOPE)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=400), expecting=EXPECTING)
def test_any_text_reads_without_raising(text: str, expecting: str | None) -> None:
    assert_well_formed(read(text, expecting=expecting))


@settings(max_examples=60, deadline=None)
@given(text=SOUP, expecting=EXPECTING)
def test_money_ages_and_markup_soup_reads_without_raising(text: str, expecting) -> None:
    assert_well_formed(read(text, expecting=expecting))


@settings(max_examples=60, deadline=None)
@given(text=st.one_of(SOUP, st.text(max_size=300)), expecting=EXPECTING)
def test_the_reader_itself_does_not_fail_so_the_guard_is_never_needed(
    text: str, expecting: str | None
) -> None:
    # ``read`` guards against any exception; this runs the same steps unguarded, so a
    # bug cannot hide behind the guard
    clean = _clean(text)
    if clean.strip():
        assert_well_formed(reading_of(get_nlp()(clean), expecting))


def test_empty_and_blank_text() -> None:
    for text in ("", " ", "\n\t"):
        reading = read(text)
        assert reading.facts == {} and reading.intents == ()


def test_fifty_kilobytes() -> None:
    text = ("I am 51 and have $40K after-tax in my 401k with TROWE. " * 1000)[:50_000]
    reading = read(text)
    assert_well_formed(reading)
    assert reading.facts["age"] == 51


def test_not_a_string() -> None:
    assert read(None) == read("")  # type: ignore[arg-type]


def test_absurd_values_are_dropped_not_raised() -> None:
    reading = read("I am 500 years old with $9,999,999,999,999 after-tax.")
    assert "age" not in reading.facts
    assert "after_tax_total" not in reading.facts


def test_html_and_other_scripts() -> None:
    reading = read("<p>I am <b>51</b></p> 🙂 שלום — my 401k is with Vanguard &amp; Fidelity")
    assert_well_formed(reading)


@pytest.mark.parametrize(
    "template",
    ["{}", "I am {}", "${}", "{}k", "{} bracket", "in {}", "{}.{}", "0{}", "retire at {}"],
)
@pytest.mark.parametrize("expecting", [None, "age", "after_tax_earnings", "marginal_rate"])
def test_a_run_of_thousands_of_digits(template: str, expecting: str | None) -> None:
    # int() refuses strings of more than 4,300 digits; the reader must not hand it one
    clean = _clean(template.format("9" * 20_000, "9" * 20_000))
    assert_well_formed(reading_of(get_nlp()(clean), expecting))
