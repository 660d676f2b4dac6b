"""The first thing a person reads: their questions answered, in the order they asked them.

``knowledge.answers`` says what holds (typed findings with the engine's figures);
``bot/messages/en.yaml`` says how each finding reads. This module puts the two together
into a reply that fits a phone: the answers first, one or two sentences each, then one
follow-up question whose answer would change the route. Everything longer (clocks, every
route, every source) waits behind "why".
"""

from __future__ import annotations

import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from importlib import resources
from typing import Any

import yaml

from bot.money import money, percent
from knowledge.answers import Finding, answer, catalogue, for_money
from nlu.asks import place_instead

# At most this many questions are answered in the first message; more would not fit a
# phone, and the rest are named so the person can ask again.
MAX_ANSWERED = 4
# Words the answers may take before later questions get only their first sentence: about
# a phone screen, with the question back and the source line still to come.
WORD_BUDGET = 110
# The condition a route said before it holds on: never left out to save words (a route
# without it would be a confident answer for a plan that may not allow it).
CONDITIONS = frozenset({"route.if_separate"})
# The findings that are a route's block of numbers: a first message carries at most one,
# the first that fits (every other route and its figures wait behind "why").
ROUTE_FIGURES = frozenset({"route.split", "route.all_basis", "route.full_split", "in_plan.figures"})
# No question recognised in so many words: at most this many suggested by the intents,
MAX_SUGGESTED = 2
# and with no intent either, the route question.
DEFAULT_ASK = "move_to_roth"
# A finding already said makes these unnecessary (the pro-rata answer holds the route for
# a plan that mixes the money; the split with figures holds the general split).
SUPERSEDES: Mapping[str, frozenset[str]] = {
    "prorata.partial": frozenset({"route.split", "route.split_general", "route.if_separate"}),
    "prorata.partial_mixed": frozenset({"route.split", "route.split_general", "route.if_separate"}),
    # (the whole-account split already says the contributions go in tax-free and the
    # earnings to a traditional IRA: the general all-to-Roth sentence would repeat it)
    "route.full_split": frozenset(
        {"route.split", "route.split_general", "route.if_separate", "all_to_roth.general"}
    ),
    "route.full_split_general": frozenset(
        {"route.split_general", "route.if_separate", "all_to_roth.general"}
    ),
    "route.split": frozenset({"all_to_roth.general"}),
    "route.all_basis": frozenset({"all_to_roth.general", "route.split_general"}),
    "route.split_general": frozenset({"all_to_roth.general"}),
    "all_to_roth.general": frozenset({"route.split_general"}),
    # money already in an IRA (catalogue-a): the specific answer already holds the pro-rata
    # across all IRAs that the general "already in an IRA" sentence would repeat
    "in_ira.no_split": frozenset({"in_ira.already"}),
    "ira_convert.pro_rata": frozenset({"in_ira.already"}),
    "ira_basis.rolled_in": frozenset({"in_ira.already"}),
    "ira_pro_rata.rollover_counts": frozenset({"ira_pro_rata.all_iras", "in_ira.already"}),
    "ira_pro_rata.rollover_fixes": frozenset(
        {"ira_pro_rata.plans_not_counted", "isolate.pretax_to_plan"}
    ),
    "rmd.ira_whole_balance": frozenset({"rmd.roth_none"}),
    # a Roth 401(k) rolled early: its two sentences hold the general Roth IRA clock ones
    "roth_401k_early.not_taxed": frozenset({"roth_401k.rolled_basis", "roth_ira_clock.basis_free"}),
    "roth_401k_early.ira_clock": frozenset({"drac.rollover_clock"}),
    "rmd_first.comes_out_first": frozenset({"rmd.first_not_rollable"}),
    # the codes of a finished rollover already hold code H and the general 1099-R sentences
    "forms.rollover_codes": frozenset({"forms.roth_401k_code_h", "forms.1099r"}),
    "forms.rollover_lines": frozenset({"forms.no_8606"}),
    "forms.in_plan_code_g": frozenset({"forms.1099r"}),
    "forms.in_plan_lines": frozenset({"forms.no_8606"}),
}


@cache
def _catalogue_file() -> Mapping[str, Any]:
    text = resources.files("bot").joinpath("messages", "en.yaml").read_text("utf-8")
    # (libyaml's loader, as nlu.data: the pure-Python one took a tenth of a cold start)
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def messages() -> Mapping[str, str]:
    """Finding id -> its sentence template (``bot/messages/en.yaml``)."""
    return _catalogue_file()["findings"]


def note(note_id: str, **params: Any) -> str:
    """A line of the ``notes`` section ("" for an id it lacks: not every topic has one)."""
    template = _catalogue_file()["notes"].get(note_id)
    return " ".join(_FORMAT.format(template, **params).split()) if template else ""


def small_talk(text: str) -> str | None:
    """The reply to a greeting or thanks said on its own, else None."""
    words = " ".join(text.lower().strip(" .!?,:;)(").split())
    for reply in _catalogue_file()["small_talk"]:
        if words in reply["when"]:
            return str(reply["say"])
    return None


def is_route(question_id: str) -> bool:
    """True for a question whose answer is a route with figures (the engine's missing
    facts then decide the follow-up)."""
    return catalogue()[question_id].route


class _Formatter(string.Formatter):
    """``{x:$}`` whole dollars, ``{x:%}`` a rate, ``{x:date}`` a date, ``{x}`` as is."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec == "$":
            whole = Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
            return money(whole)
        if format_spec == "%":
            return percent(value)
        if format_spec == "date":
            day = date.fromisoformat(str(value))
            return f"{day:%b} {day.day}, {day.year}"
        return super().format_field(value, format_spec)


_FORMAT = _Formatter()


def render(finding: Finding, *more: Finding) -> str:
    """The sentence for ``finding`` (with ``more``: the one sentence they read as together,
    from the ``together`` section); a template whose figure is unknown is not rendered."""
    if more:
        key = "+".join(f.id for f in (finding, *more))
        params = {k: v for f in (finding, *more) for k, v in f.params.items()}
        return _FORMAT.format(_catalogue_file()["together"][key], **params)
    template = messages()[finding.id]
    return _FORMAT.format(template, **finding.params)


def _sentence_of(found: list[Finding], seen: set[str]) -> list[Finding]:
    """Take the next finding off ``found``, with the one after it when the two read as one
    sentence (``together`` in the messages: a route and the condition it holds on); the
    second comes back after the first, ready for ``render``."""
    first = found.pop(0)
    together = _catalogue_file().get("together", {})
    if found and found[0].id not in seen and f"{first.id}+{found[0].id}" in together:
        return [first, found.pop(0)]
    return [first]


def renderable(finding: Finding) -> bool:
    """True when every placeholder of the finding's template has a value."""
    fields = [f for _, f, _, _ in _FORMAT.parse(messages()[finding.id]) if f]
    return all(finding.params.get(f) is not None for f in fields)


@dataclass(frozen=True, slots=True)
class Answered:
    """What the first message says: the sentences, the rules they rest on, the questions
    answered, those left for later, and the fact whose answer would change the route."""

    text: str
    rules: tuple[str, ...]
    answered: tuple[str, ...]
    left: tuple[str, ...]
    follow_up: tuple[str, ...]


def compose(asks: Sequence[str], facts: Mapping[str, Any], result: Mapping[str, Any]) -> Answered:
    """Answer ``asks`` (catalogue ids, in the order asked) for these facts and result."""
    known = [a for a in dict.fromkeys(asks) if a in catalogue()] or [DEFAULT_ASK]
    # as they apply to the kind of money the facts name (no after-tax answer told about
    # Roth 401(k), pretax or IRA money alone)
    known = list(for_money(known, facts) or for_money([DEFAULT_ASK], facts))
    covered = {c for a in known for c in catalogue()[a].covers}  # said by a fuller answer
    known = [a for a in known if a not in covered]
    # a topic's general answer goes after the answers to the questions actually asked
    known.sort(key=lambda a: catalogue()[a].general)
    answered, left = known[:MAX_ANSWERED], known[MAX_ANSWERED:]
    sentences: list[str] = []
    rules: list[str] = []
    seen: set[str] = set()
    words = 0
    figures = False  # a route's block of numbers said already
    for n, ask in enumerate(answered):
        said_for_ask = 0
        found = [f for f in answer(ask, facts, result) if f.id not in seen and renderable(f)]
        while found:
            finding, *pair = _sentence_of(found, seen)
            if finding.id in ROUTE_FIGURES and figures:
                continue
            sentence = " ".join(render(finding, *pair).split())
            # the first question is answered in full; a later one gets its first
            # sentence, and more only while the reply still fits a phone
            if (
                n
                and said_for_ask
                and finding.id not in CONDITIONS
                and words + len(sentence.split()) > WORD_BUDGET
            ):
                continue
            for said in (finding, *pair):
                seen.add(said.id)
                seen.update(SUPERSEDES.get(said.id, ()))
                rules.append(said.rule)
            figures = figures or finding.id in ROUTE_FIGURES
            sentences.append(sentence)
            words += len(sentence.split())
            said_for_ask += 1
    follow = tuple(
        q.follow_up for q in (catalogue()[a] for a in answered) if q.follow_up is not None
    )
    return Answered(
        text="\n\n".join(sentences),  # a paragraph each: short blocks suit a phone
        rules=tuple(dict.fromkeys(rules)),
        answered=tuple(answered),
        left=tuple(left),
        follow_up=follow,
    )


def for_places(asks: Sequence[str], places: Sequence[str]) -> list[str]:
    """The questions as they apply where the money now is (``places``: money already in an
    IRA, or paid out). A question about money still in a plan would get an answer that
    misleads there ("ask the plan for one distribution..."), so the place's own question is
    asked instead, after the questions that still apply: those are what the person asked
    in their own words, and the place's general sentence ("once after-tax money is in a
    traditional IRA...") only backs them up. With no question at all, the place's question
    is the one answered."""
    if not places:
        return list(asks)
    instead = place_instead()
    kept: list[str] = []
    substituted: list[str] = []
    for ask in asks:
        moot = [p for p in places if p in catalogue()[ask].not_for]
        (substituted if moot else kept).append(instead[moot[0]] if moot else ask)
    return list(dict.fromkeys(kept + substituted or [instead[places[0]]]))


def topics_named(ids: Sequence[str]) -> str:
    """The questions left unanswered, named by topic ("the rule of 55 and withholding")."""
    names = [catalogue()[i].topic for i in ids]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
