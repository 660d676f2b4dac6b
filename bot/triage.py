"""Triage one support question: what it says, what it needs, how urgent, a draft reply.

``triage(question_id, text, today=...) -> Triage`` is the whole job for one question and
depends only on its arguments (the same text on the same day gives the same row, byte for
byte). It reads the text once for facts, questions asked and topics, runs the engine on
the facts, and takes the draft from the conversation core itself (``respond`` on a fresh
session, handed that same reading so the text is not read twice), so drafts improve
whenever replies do. Wording and weights are data in
``bot/data/triage.yaml``; the cue phrasings are spaCy patterns in
``nlu/patterns/support.yaml``.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from bot.conversation import SCENARIO_OF_INTENT, respond
from bot.session import Session
from knowledge import yaml_files
from knowledge.answers import catalogue
from knowledge.engine import calculate
from knowledge.facts import LABELS, Facts, InvalidFacts
from knowledge.params import covered_years
from nlu.reader import OUT_OF_SCOPE, Reading, read
from nlu.support import Cues, cues

log = logging.getLogger(__name__)

STATUSES = ("answerable", "needs_info", "needs_human")
PRIORITIES = ("urgent", "high", "normal")
_SUBACCOUNT = ("after_tax_contributions", "after_tax_earnings")


@cache
def _data() -> dict[str, Any]:
    return yaml_files.read(resources.files("bot").joinpath("data/triage.yaml"))


@dataclass(frozen=True, slots=True)
class Triage:
    """One triaged question; ``to_row()`` is its ``triage`` table row and JSONL line."""

    id: str
    text: str
    status: str
    status_reason: str
    priority: str
    priority_reason: str
    headline: str
    asks: tuple[str, ...] = ()
    facts: dict[str, Any] = field(default_factory=dict)
    missing: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    draft: str = ""
    source: str = ""
    line: int = 0

    def to_row(self) -> dict[str, Any]:
        row = asdict(self)
        for key in ("asks", "missing", "tags"):
            row[key] = list(row[key])
        return row


def triage(question_id: str, text: str, *, today: date, source: str = "", line: int = 0) -> Triage:
    """Triage one question; never raises for any text (a failure is a needs_human row)."""
    try:
        return _triage(question_id, text, today=today, source=source, line=line)
    except Exception:  # a bug must not stop the other questions of the file
        log.exception("triage failed on a %d-character question", len(text))
        return Triage(
            id=str(question_id),
            text=text,
            status="needs_human",
            status_reason="could not be triaged automatically (an internal error, logged)",
            priority="normal",
            priority_reason="",
            headline="no result",
            source=source,
            line=line,
        )


def _triage(question_id: str, text: str, *, today: date, source: str, line: int) -> Triage:
    reading = read(text)
    asks = tuple(reading.asks)
    usable, year_note = _covered_year(reading.facts, today)
    facts, result, invalid = _engine(usable, today)
    if year_note:  # the facts read, the year with them
        facts["year"] = reading.facts["year"]
    focus = _focus(reading)
    headline = headline_of(result, focus) if result else "no result: the facts do not fit"
    missing = tuple(k for k in (result or {}).get("missing", ()) if k not in facts)
    found = cues(text)
    status, status_reason = _status(found, reading, asks, result, focus, missing, invalid)
    if year_note:
        status_reason += f"; {year_note}"
    priority, priority_reason = _priority(found, facts, today)
    session = Session(key=f"triage:{question_id}")
    reply = respond(session, text, today=today, now=0.0, reading=reading)
    draft = "" if reply.action == "handoff" and not reading.topics else reply.text
    return Triage(
        id=str(question_id),
        text=text,
        status=status,
        status_reason=status_reason,
        priority=priority,
        priority_reason=priority_reason,
        headline=headline,
        asks=asks,
        facts=facts,
        missing=missing,
        tags=_tags(reading, facts, asks),
        draft=draft,
        source=source,
        line=line,
    )


def _covered_year(read_facts: Mapping[str, Any], today: date) -> tuple[dict[str, Any], str]:
    """The facts the engine can use, and a note when the year read is not one the rules
    cover. As in the conversation (whose reply is the draft), such a year dates a notice
    or a past event rather than the tax year asked about: it is left out and the figures
    use the current rules, so the headline and status agree with the draft."""
    facts = dict(read_facts)
    years = covered_years()
    year = facts.get("year")
    if year is None or year in years:
        return facts, ""
    del facts["year"]
    used = min(max(today.year, years[0]), years[-1])
    note = f"the year {year} is outside the rules ({years[0]}-{years[-1]}): figures use {used}'s"
    return facts, note


def _engine(
    read_facts: Mapping[str, Any], today: date
) -> tuple[dict[str, Any], dict[str, Any] | None, str]:
    """(valid facts, the engine's JSON result or None, why there is none)."""
    try:
        facts = Facts.from_mapping(dict(read_facts))
        return facts.to_dict(), calculate(facts, today=today).to_json(), ""
    except InvalidFacts as exc:  # includes a tax year the rules do not cover
        return dict(read_facts), None, str(exc)


def _focus(reading: Reading) -> str:
    """The engine scenario the question is about (split rollover when none is named)."""
    for intent in reading.intents:
        if intent in SCENARIO_OF_INTENT:
            return SCENARIO_OF_INTENT[intent]
    return "split_rollover"


def headline_of(result: Mapping[str, Any], focus: str = "split_rollover") -> str:
    """The engine's answer for ``focus`` in one line: "split rollover: $0 tax now".

    Every figure is the engine's. Without the after-tax amounts there are none to give.
    """
    names = _data()["scenarios"]
    scenarios = {s["id"]: s for s in result.get("scenarios", ())}
    scenario = scenarios.get(focus) or scenarios.get("split_rollover")
    if scenario is None:
        return "no scenario"
    name = names.get(scenario["id"], scenario["id"].replace("_", " "))
    if scenario.get("available") == "no":
        return f"{name}: not available"
    taxable, tax = scenario.get("taxable_income"), scenario.get("federal_tax")
    if taxable is None:
        return f"{name}: no figures yet (after-tax amounts unknown)"
    if tax is not None:
        text = f"{name}: {_dollars(tax)} tax now"
        if taxable:
            text += f" on {_dollars(taxable)} taxable"
    else:
        text = f"{name}: {_dollars(taxable)} taxable, tax depends on the rate"
    if scenario.get("available") == "unknown":
        text += " (if the plan allows it)"
    return text


def _dollars(value: Any) -> str:
    return f"${value:,.0f}" if isinstance(value, int | float) else str(value)


def _status(
    found: Cues,
    reading: Reading,
    asks: Sequence[str],
    result: Mapping[str, Any] | None,
    focus: str,
    missing: Sequence[str],
    invalid: str,
) -> tuple[str, str]:
    """(status, reason): a person is needed, facts are missing, or the bot can answer.

    With the answer catalogue's ids, a question needs facts when it is answered by a
    route's figures and the engine has none, or when none of the facts its answer depends
    on (``depends_on``) is known; otherwise the bot answers it.
    """
    if found.asks_person:
        return "needs_human", "asks for a person"
    topics = sorted(t for t in reading.topics if t in OUT_OF_SCOPE)
    if topics:
        return "needs_human", "out of scope: " + "; ".join(OUT_OF_SCOPE[t] for t in topics)
    on_topic = bool(_catalogued(asks)) or any(i != "other" for i in reading.intents)
    if not reading.facts and not on_topic:
        return "needs_human", "not recognised as a question about after-tax 401(k) money"
    if invalid:
        return "needs_info", f"the facts do not fit together: {invalid}"
    if reading.rejected:
        words = ", ".join(f'"{words}"' for _, words, _ in reading.rejected)
        return "needs_info", f"a stated value cannot be used: {words}"
    scenario: dict[str, Any] = next(
        (s for s in (result or {}).get("scenarios", ()) if s["id"] == focus), {}
    )
    figures = scenario.get("taxable_income") is not None
    questions = _catalogued(asks)
    if questions:
        facts = reading.facts
        for question in questions:
            if question.route and not figures:
                return "needs_info", f"{question.topic} needs " + _labels(missing)
            wanted = [k for k in question.depends_on if k not in facts]
            if question.depends_on and len(wanted) == len(question.depends_on):
                return "needs_info", f"{question.topic} needs " + _labels(wanted)
        return "answerable", "the bot answers " + "; ".join(q.topic for q in questions)
    wants_figures = any(i in _data()["needs_figures"] for i in reading.intents) or not on_topic
    if wants_figures and not figures:
        return "needs_info", "the engine needs " + _labels(missing)
    if figures:
        return "answerable", "the engine has the figures for the question asked"
    return "answerable", "a general question the bot answers without personal figures"


def _catalogued(asks: Sequence[str]) -> list[Any]:
    """The answer catalogue's entries for ``asks`` (``knowledge/data/questions``)."""
    entries = catalogue()
    return [entries[a] for a in asks if a in entries]


def _labels(keys: Sequence[str]) -> str:
    return ", ".join(LABELS.get(k, k.replace("_", " ")) for k in keys[:3]) or "more facts"


def _priority(found: Cues, facts: Mapping[str, Any], today: date) -> tuple[str, str]:
    """(priority, reason): a running deadline is urgent; refusals, wrong forms, big sums high.

    A deadline in a text that names a year two or more years back is most likely over;
    it stays urgent (a person decides), and the reason says which year the text names."""
    reasons = _data()["urgency"]
    raised = [(reasons[c]["priority"], reasons[c]["reason"]) for c in found.urgency if c in reasons]
    year = facts.get("year")
    deadline = any(reasons.get(c, {}).get("deadline") for c in found.urgency)
    if deadline and isinstance(year, int) and year <= today.year - 2:
        raised.append(("normal", _data()["stale_deadline"].format(year=year)))
    at_stake = facts.get("after_tax_total")
    if at_stake is None and all(k in facts for k in _SUBACCOUNT):
        at_stake = sum(facts[k] for k in _SUBACCOUNT)
    if at_stake is not None and at_stake >= _data()["money_at_stake_high"]:
        raised.append(("high", f"{_dollars(at_stake)} of after-tax money at stake"))
    if not raised:
        return "normal", ""
    level = min((p for p, _ in raised), key=PRIORITIES.index)
    return level, "; ".join(reason for _, reason in raised)


def _tags(reading: Reading, facts: Mapping[str, Any], asks: Sequence[str]) -> tuple[str, ...]:
    """``kind:value`` labels to sort and filter by: provider, plan, year, topic."""
    tags = []
    if "provider" in facts:
        tags.append(f"provider:{facts['provider']}")
    if "employer_plan_type" in facts:
        tags.append(f"plan:{facts['employer_plan_type']}")
    if "year" in facts:
        tags.append(f"year:{facts['year']}")
    topics = asks or tuple(i for i in reading.intents if i != "other")
    tags.extend(f"topic:{t}" for t in topics)
    tags.extend(f"topic:{t}" for t in sorted(reading.topics))
    return tuple(tags)
