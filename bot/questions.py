"""Follow-up questions: what to ask for each missing fact, why it matters, the buttons.

The engine orders ``missing`` by how much each fact can change the answer; this module
only words the question. Plan-document facts carry the exact question to put to the
plan administrator (tax-rules.md section 6), because "not sure" is the usual answer
and the user needs to know what to ask.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from bot.reply import Choice
from knowledge.facts import LABELS

YES_NO_UNSURE = (Choice("Yes", "yes"), Choice("No", "no"), Choice("Not sure", "not sure"))


@dataclass(frozen=True, slots=True)
class Question:
    """How to ask for one fact."""

    key: str
    ask: str
    why: str
    choices: tuple[Choice, ...] = ()
    ask_the_plan: str | None = None  # set for facts only the plan administrator knows


# How a question is put about someone else ("{who}": "the client"), for an adviser or an
# administrator writing about a client's account: never "you" to them (expert grading,
# 2026-12-07).
ABOUT_OTHER: dict[str, str] = {
    "plan_allows_in_service": "Does {who}'s plan let them take out the after-tax money while "
    "they still work there?",
    "after_tax_separately_accounted": "Does {who}'s plan account for the after-tax money "
    "separately?",
    "plan_allows_in_plan_conversion": "Does {who}'s plan allow in-plan Roth conversions of the "
    "after-tax money?",
    "has_after_tax_money": "Is the money {who} wants to move after-tax (non-Roth) "
    "contributions, rather than pretax or Roth 401(k) money?",
    "still_employed": "Does {who} still work for the employer that sponsors the plan?",
    "separated_from_service_age": "How old was {who} in the year they left the employer?",
    "employee_deferral": "How much does {who} defer into the plan a year (pretax or Roth)?",
    "has_roth_ira": "Does {who} already have a Roth IRA?",
    "roth_ira_first_year": "In what year did {who} first put money into any Roth IRA?",
    "after_tax_contributions": "How much of the after-tax money is {who}'s own contributions "
    "(the basis)?",
    "after_tax_total": "How much is in the after-tax part of {who}'s plan in total?",
    "marginal_rate": "What is {who}'s federal marginal tax rate (their top bracket)?",
    "filing_status": "What is {who}'s filing status?",
    "age": "How old is {who}?",
    "retire_age": "At what age does {who} expect to leave the employer?",
    "traditional_ira_balance": "How much does {who} hold in traditional, SEP or SIMPLE IRAs?",
    "income": "Roughly what is {who}'s income (MAGI) this year?",
}


QUESTIONS: dict[str, Question] = {
    q.key: q
    for q in (
        Question(
            "plan_allows_in_service",
            "Does your plan let you take out the after-tax money while you still work there?",
            "Without an in-service distribution nothing can move until you leave the employer.",
            YES_NO_UNSURE,
            "Can the after-tax (non-Roth) source and its earnings be withdrawn while I "
            "am still employed, and how often?",
        ),
        Question(
            "after_tax_separately_accounted",
            "Does your plan account for the after-tax money separately?",
            "If not, a withdrawal carries a pro-rata share of the whole account, and "
            "most of it would be taxable.",
            YES_NO_UNSURE,
            "Is the after-tax (non-Roth) source accounted for separately, so a "
            "distribution from it includes only its own basis and earnings?",
        ),
        Question(
            "plan_allows_in_plan_conversion",
            "Does your plan allow in-plan Roth conversions of the after-tax money?",
            "It decides whether the money can become Roth money without leaving the plan.",
            YES_NO_UNSURE,
            "Are in-plan Roth rollovers (conversions) of the after-tax source available, "
            "and can they happen automatically after each contribution?",
        ),
        Question(
            "has_after_tax_money",
            "Is the money you want to move after-tax (non-Roth) contributions, rather than "
            "pretax or Roth 401(k) money?",
            "After-tax contributions go to a Roth IRA tax-free; pretax money is taxable "
            "income; Roth 401(k) money rolls over untaxed.",
            YES_NO_UNSURE,
            "Which sources does my account hold: pretax, Roth, after-tax (non-Roth)?",
        ),
        Question(
            "still_employed",
            "Do you still work for the employer that sponsors the plan?",
            "In-service rules apply while you work there; after you leave, the plan "
            "must let you move the money.",
            (Choice("Yes", "yes"), Choice("No", "no")),
        ),
        Question(
            "separated_from_service_age",
            "How old were you in the year you left the employer?",
            "The year you left decides whether that plan's money is free of the "
            "early-withdrawal penalty.",
        ),
        Question(
            "employee_deferral",
            "How much do you defer into the plan a year (pretax or Roth)?",
            "It and the employer's money decide the after-tax room under the yearly limit.",
        ),
        Question(
            "has_roth_ira",
            "Do you already have a Roth IRA?",
            "An existing Roth IRA may already have started the 5-year clock.",
            (Choice("Yes", "yes"), Choice("No", "no")),
        ),
        Question(
            "roth_ira_first_year",
            "In what year did you first put money into any Roth IRA?",
            "The Roth IRA 5-year clock runs from January 1 of that year.",
        ),
        Question(
            "after_tax_contributions",
            "How much of the after-tax money is your own contributions (the basis)?",
            "Only the contributions can go to a Roth IRA tax-free; the earnings are "
            "taxable if converted.",
            ask_the_plan="What are the after-tax source's basis and earnings today?",
        ),
        Question(
            "after_tax_earnings",
            "How much of the after-tax money is earnings?",
            "The earnings are the taxable part if they go to a Roth.",
            ask_the_plan="What are the after-tax source's basis and earnings today?",
        ),
        Question(
            "after_tax_total",
            "How much is in the after-tax part of your plan in total?",
            "All the numbers in the answer scale with it.",
        ),
        Question(
            "marginal_rate",
            "What is your federal marginal tax rate (your top bracket)?",
            "It turns taxable income into dollars of tax.",
            (
                Choice("22%", "22%"),
                Choice("24%", "24%"),
                Choice("32%", "32%"),
                Choice("35%", "35%"),
                Choice("37%", "37%"),
                Choice("Not sure", "not sure"),
            ),
        ),
        Question(
            "filing_status",
            "What is your filing status?",
            "Tax brackets and the Roth IRA income limits depend on it.",
            (
                Choice("Single", "single"),
                Choice("Married filing jointly", "mfj"),
                Choice("Married filing separately", "mfs"),
                Choice("Head of household", "hoh"),
            ),
        ),
        Question(
            "age",
            "How old are you?",
            "Age 55 and 59½ change what can be withdrawn without the 10% additional tax.",
        ),
        Question(
            "retire_age",
            "At what age do you expect to leave your employer?",
            "Leaving in or after the year you turn 55 changes the early-withdrawal rules.",
        ),
        Question(
            "traditional_ira_balance",
            "How much do you hold in traditional, SEP or SIMPLE IRAs?",
            "Those balances make a later backdoor Roth conversion partly taxable.",
        ),
        Question(
            "pre_1987_basis",
            "Were any of the after-tax contributions made before 1987? If so, how much?",
            "Pre-1987 basis follows older rules for what comes out first.",
            ask_the_plan="How much of the after-tax basis is pre-1987?",
        ),
        Question(
            "income",
            "Roughly what is your income (MAGI) this year?",
            "It sets your tax bracket; it does not limit rollovers or conversions.",
        ),
        Question(
            "year",
            "Which tax year would the move happen in?",
            "Limits and brackets change each year.",
        ),
    )
}


def question_for(key: str, who: str = "") -> Question:
    """The catalogued question, or a plain one built from the fact's label; put about
    ``who`` ("client": the person an adviser writes about) where it has such a wording."""
    if key in QUESTIONS:
        question = QUESTIONS[key]
        if who and key in ABOUT_OTHER:
            return replace(question, ask=ABOUT_OTHER[key].format(who=f"the {who}"))
        return question
    label = LABELS.get(key, key.replace("_", " "))
    return Question(key, f"Could you tell me {label}?", "It changes the answer.")


# The reply to "rather not say": the question is dropped, and nothing more is asked of it.
WORK_WITHOUT = "No problem; I will work without it."


def how_to_find_out(key: str) -> str:
    """What to do when the user does not know a fact."""
    question = question_for(key)
    if question.ask_the_plan:
        return (
            "That is normal: only the plan knows. Ask your plan administrator: "
            f'"{question.ask_the_plan}" Tell me the answer any time.'
        )
    return f"{WORK_WITHOUT} Tell me any time if you find out."
