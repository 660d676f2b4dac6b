"""Follow-up questions: what to ask for each missing fact, why it matters, the buttons.

The engine orders ``missing`` by how much each fact can change the answer; this module
only words the question, from ``bot/messages/questions.yaml``. Plan-document facts carry the
exact question to put to the plan administrator (tax-rules.md section 6), because "not
sure" is the usual answer and the user needs to know what to ask.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

import yaml

from bot.reply import Choice
from knowledge.facts import LABELS


@dataclass(frozen=True, slots=True)
class Question:
    """How to ask for one fact."""

    key: str
    ask: str
    why: str
    choices: tuple[Choice, ...] = ()
    ask_the_plan: str | None = None  # set for facts only the plan administrator knows
    about_other: str | None = None  # the question about someone else: "{who}", "the client"


@cache
def questions() -> dict[str, Question]:
    """Fact name -> its question (``bot/messages/questions.yaml``)."""
    text = resources.files("bot").joinpath("messages", "questions.yaml").read_text("utf-8")
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    buttons = {
        name: tuple(Choice(label, sent) for label, sent in choices)
        for name, choices in data["choice_sets"].items()
    }
    return {
        key: Question(
            key,
            entry["ask"],
            entry["why"],
            buttons[entry["choices"]] if "choices" in entry else (),
            entry.get("ask_the_plan"),
            entry.get("about_other"),
        )
        for key, entry in data["facts"].items()
    }


def question_for(key: str, who: str = "") -> Question:
    """The catalogued question, or a plain one built from the fact's label; put about
    ``who`` ("client": the person an adviser writes about) where it has such a wording."""
    question = questions().get(key)
    if question:
        if who and question.about_other:
            return replace(question, ask=question.about_other.format(who=f"the {who}"))
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
