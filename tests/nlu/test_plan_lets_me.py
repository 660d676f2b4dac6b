""" "My plan lets me ..." states what the plan allows, just as "the plan allows ..." does.

A plan that lets the person convert to Roth inside the plan allows in-plan conversion;
one that lets them take the money out while still working allows in-service
distributions. "Doesn't let me" states the opposite; a question, an "if" or a hedge
states nothing.
"""

import pytest

from nlu.reader import read


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("My plan lets me convert it to Roth inside the plan", True),
        ("The 401k allows participants to convert after-tax money to Roth within the plan.", True),
        ("Our plan will let us do Roth conversions into the Roth 401(k).", True),
        ("My plan doesn't let me convert it to Roth inside the plan.", False),
        ("The plan won't allow me to move the after-tax money into the Roth 401k.", False),
        ("My 403(b) does not let employees convert to Roth inside the plan.", False),
    ],
)
def test_letting_me_convert_inside_the_plan_is_an_in_plan_conversion_feature(
    text: str, value: bool
) -> None:
    assert read(text).facts.get("plan_allows_in_plan_conversion") is value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("my plan lets me take out the after-tax money while working", True),
        ("The 401(k) allows employees to withdraw after-tax money while still employed.", True),
        ("My employer lets us roll the after-tax part out before we leave.", True),
        ("my plan doesn't let me take out the after-tax money while working", False),
        ("The plan won't allow participants to withdraw anything while employed.", False),
        ("My plan does not allow me to roll over the after-tax money while I'm working.", False),
    ],
)
def test_letting_me_take_money_out_while_working_is_an_in_service_feature(
    text: str, value: bool
) -> None:
    assert read(text).facts.get("plan_allows_in_service") is value


@pytest.mark.parametrize(
    "text",
    [
        "Does my plan let me take out the after-tax money while working?",
        "If the plan lets me convert to Roth inside the plan, should I?",
        "I think my plan lets me take out the money while working",
        "Does my plan let me convert it to Roth inside the plan?",
    ],
)
def test_asking_or_hedging_about_what_the_plan_lets_me_do_states_nothing(text: str) -> None:
    facts = read(text).facts
    assert "plan_allows_in_service" not in facts
    assert "plan_allows_in_plan_conversion" not in facts


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        (
            "My plan only lets the after-tax come out when you leave the company.",
            "plan_allows_in_service",
            False,
        ),
        ("After-tax can only be rolled out once you retire.", "plan_allows_in_service", False),
        (
            "My 401k at T. Rowe Price allows after-tax contributions with automatic in-plan "
            "conversion.",
            "plan_allows_in_plan_conversion",
            True,
        ),
        ("Plan: Empower, ATC with auto Roth conversion.", "plan_allows_in_plan_conversion", True),
    ],
)
def test_money_out_only_when_you_leave_and_an_automatic_conversion(
    text: str, key: str, value: bool
) -> None:
    assert read(text).facts.get(key) is value


def test_a_but_ends_what_the_plan_does_not_allow() -> None:
    facts = read(
        "My plan doesn't allow in-service withdrawals but does allow in-plan Roth conversions."
    ).facts
    assert facts["plan_allows_in_service"] is False
    assert facts["plan_allows_in_plan_conversion"] is True


def test_what_is_allowed_said_of_the_after_tax_money() -> None:
    text = "HR says in-service distributions of after-tax are allowed once a quarter."
    assert read(text).facts.get("plan_allows_in_service") is True


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The plan tracks after-tax contributions and earnings separately.", True),
        ("The plan doesn't track the after-tax earnings separately.", False),
        ("My plan has no separate accounting for after-tax, everything is pooled.", False),
    ],
)
def test_a_plan_that_tracks_the_after_tax_money_separately(text: str, value: bool) -> None:
    assert read(text).facts.get("after_tax_separately_accounted") is value


def test_a_plan_terminated_is_not_the_person_let_go() -> None:
    text = "My employer was acquired and the plan was terminated."
    assert "still_employed" not in read(text).facts


@pytest.mark.parametrize(
    "text",
    [
        "Plan converts it automatically in-plan.",
        "My 401k auto-converts it to Roth 401k each paycheck.",
    ],
)
def test_a_plan_that_converts_by_itself_allows_in_plan_conversion(text: str) -> None:
    assert read(text).facts.get("plan_allows_in_plan_conversion") is True


@pytest.mark.parametrize(
    "text",
    [
        "My plan allows in-service withdrawals after 59.5 only. I'm 52.",
        "The plan allows in-service distributions only after age 59 1/2.",
    ],
)
def test_an_in_service_allowance_bound_to_59_and_a_half_says_nothing_of_now(text: str) -> None:
    assert "plan_allows_in_service" not in read(text).facts


def test_an_in_service_allowance_at_an_age_without_only_is_read() -> None:
    assert read("My plan allows in-service at 59.5. I'm 60.").facts["plan_allows_in_service"]
