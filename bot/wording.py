"""How rothbot says things: plain language, short paragraphs, money as money.

Every number in a reply comes from the engine's result (``CalcResult.to_json()``) or
from a fact the user gave; this module only words them. Sentences the engine already
wrote (conditions, warnings, open points) are passed through rather than rephrased, so
a correction in the rules reaches the reply without touching this file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from bot.money import fact_value, money, percent
from bot.questions import Question
from bot.reply import Choice
from knowledge.facts import LABELS

DISCLAIMER = "General information, not tax advice."
MAX_SOURCES = 8

SCENARIO_NAMES = {
    "split_rollover": "split the rollover",
    "all_to_roth_ira": "roll all of it to a Roth IRA",
    "in_plan_conversion": "convert it inside the plan (in-plan Roth rollover)",
    "wait_until_separation": "wait until you leave the employer",
    "cash_out": "take it as cash",
}

HELP = (
    "I help you move the after-tax money in a 401(k) (or 403(b), 457(b), TSP) into a "
    "Roth, and show what it costs, with the rules I used.\n\n"
    "Ask in your own words, for example: \"I have $40,000 after-tax in my 401k, $30,000 "
    "contributions and $10,000 earnings. I'm 51 and still working. Can I move it all to "
    "a Roth IRA without tax?\"\n\n"
    "Commands: facts (what I know and where I read it), why (the calculation step by "
    "step), reset (start a new question), forget (erase everything stored about you), "
    "human (ask for a person). Ask \"what if ...\" to try a change without losing your "
    "real facts."
)


# -- small replies ------------------------------------------------------------------------


def help_text(has_facts: bool) -> str:
    if has_facts:
        return HELP + "\n\nI still hold your facts; type \"facts\" to see them."
    return HELP


def short_help() -> str:
    return "Type \"help\" to see what I can do."


def off_topic() -> str:
    return (
        "I only know about moving after-tax 401(k) money into a Roth (rollovers, "
        "conversions, their tax and clocks). " + short_help()
    )


def empty_message() -> str:
    return "Send me your question in your own words. " + short_help()


def didnt_catch() -> str:
    return "I did not find an answer or a fact I can use in that."


def internal_error() -> str:
    return (
        "Something went wrong on my side with that message; your facts are unchanged. "
        "Try saying it another way, or type \"human\" to ask for a person."
    )


def clipped_note(limit: int) -> str:
    return f"(That was long: I read only the first {limit:,} characters.)"


def invalid(message: str, *, what_if: bool = False) -> str:
    kept = "Your real facts are unchanged." if what_if else "I kept what you told me before."
    return f"I could not use that: {message} {kept}"


def reset_text() -> str:
    return "Starting a new question: I have cleared the facts. What would you like to know?"


def forget_confirm() -> str:
    return (
        "Erase everything I have stored about you (facts, the conversation, any request "
        "for a person)? This cannot be undone."
    )


def forget_cancelled() -> str:
    return "Nothing was erased."


def forgotten(erased: Mapping[str, int]) -> str:
    parts = [f"{name} ({count})" for name, count in erased.items() if count]
    if not parts:
        return "Done. I had nothing stored about you, and I still have nothing."
    return (
        "Done. I erased everything stored about you: " + ", ".join(parts) + ". "
        "If you write again, I start from scratch."
    )


def handoff_pending() -> str:
    return "Asking for a person..."


def handoff_note(session: Any) -> str:
    """A short note for the support queue: which facts are known, no message text."""
    known = ", ".join(sorted(session.facts)) or "none"
    return f"asked for a person after {session.turns} messages; facts known: {known}"


def why_without_facts() -> str:
    return "I have nothing to calculate yet. Tell me about your after-tax money first."


# -- facts --------------------------------------------------------------------------------


def facts_text(facts: Mapping[str, Any], evidence: Mapping[str, str]) -> str:
    if not facts:
        return "I do not know anything about your situation yet."
    lines = ["I read:"]
    for key, value in facts.items():
        label = LABELS.get(key, key.replace("_", " "))
        source = evidence.get(key)
        where = f" (from \"{source}\")" if source else ""
        lines.append(f"- {label}: {fact_value(key, value)}{where}")
    lines.append(
        "\nIf something is wrong, just say so, e.g. \"actually I'm 52\" or \"earnings are "
        "12k, not 10k\". Type \"reset\" to start over."
    )
    return "\n".join(lines)


def acknowledge(
    new: Mapping[str, Any], changed: Sequence[str], corrected: Sequence[str]
) -> str:
    """One line confirming what was just taken in."""
    if not new:
        return ""
    if not changed:
        return "I already had that."
    verb = "Corrected" if corrected else "Noted"
    items = "; ".join(
        f"{LABELS.get(k, k.replace('_', ' '))}: {fact_value(k, new[k])}" for k in changed
    )
    return f"{verb}: {items}."


# -- the answer ---------------------------------------------------------------------------


def _scenarios(result: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    return {s["id"]: s for s in result.get("scenarios") or []}


def _amount(value: Any) -> str | None:
    return None if value is None else money(value)


def _destinations(s: Mapping[str, Any]) -> str:
    parts = []
    for field, name in (
        ("to_roth_ira", "a Roth IRA"),
        ("to_traditional_ira", "a traditional IRA"),
        ("to_roth_401k", "the plan's Roth account"),
        ("cash", "you in cash"),
    ):
        value = s.get(field)
        if value:
            parts.append(f"{money(value)} to {name}")
    return _join(parts)


def _tax_phrase(s: Mapping[str, Any], rate: Any) -> str:
    taxable = s.get("taxable_income")
    if taxable is None:
        return "the taxable amount depends on facts I do not have yet"
    if not taxable:
        return "nothing of it is taxable"
    text = f"{money(taxable)} is taxable income"
    tax = s.get("federal_tax")
    if tax:
        at = f" at {percent(rate)}" if rate is not None else ""
        text += f" (about {money(tax)} of federal tax{at})"
    penalty = s.get("penalty")
    if penalty:
        text += f", plus a {money(penalty)} additional tax"
    return text


def _lead_scenario(
    scenarios: Mapping[str, Mapping[str, Any]], focus: Sequence[str] = ()
) -> Mapping[str, Any] | None:
    for wanted in focus:
        if wanted in scenarios:
            return scenarios[wanted]
    for s in scenarios.values():
        if s.get("available") != "no":
            return s
    return next(iter(scenarios.values()), None)


def _scenario_paragraph(s: Mapping[str, Any], rate: Any) -> str:
    name = s["id"]
    moves = _destinations(s)
    tax = _tax_phrase(s, rate)
    if name == "split_rollover" and moves:
        body = (
            f"Ask the plan for one distribution of the after-tax money, paid as two direct "
            f"rollovers: {moves}. Done this way, {tax} (IRS Notice 2014-54)."
        )
    elif moves:
        body = f"To {SCENARIO_NAMES.get(name, name.replace('_', ' '))}: {moves}; {tax}."
    else:
        body = f"To {SCENARIO_NAMES.get(name, name.replace('_', ' '))}: {tax}."
    available = s.get("available")
    if available == "unknown":
        body = "If your plan allows it: " + body[0].lower() + body[1:]
    elif available == "no":
        why = s.get("why") or ""
        body = f"This is not available to you now. {why}".strip()
    return body


def _comparison(scenarios: Mapping[str, Mapping[str, Any]], lead: Mapping[str, Any], rate: Any):
    if lead.get("id") != "split_rollover" or "all_to_roth_ira" not in scenarios:
        return None
    other = scenarios["all_to_roth_ira"]
    total = other.get("to_roth_ira")
    if total is None:
        return None
    return f"By comparison, if all {money(total)} went to the Roth IRA, {_tax_phrase(other, rate)}."


def _clock_lines(clocks: Any) -> list[str]:
    """The engine's clocks, as sentences; accepts sentences or {name: text} entries."""
    lines: list[str] = []
    if isinstance(clocks, Mapping):
        for value in clocks.values():
            if isinstance(value, str):
                lines.append(value)
            elif isinstance(value, Mapping):
                text = value.get("text") or value.get("summary") or value.get("note")
                if text:
                    lines.append(str(text))
    elif isinstance(clocks, list):
        for value in clocks:
            if isinstance(value, str):
                lines.append(value)
            elif isinstance(value, Mapping) and (value.get("text") or value.get("summary")):
                lines.append(str(value.get("text") or value.get("summary")))
    return lines


def _cited(result: Mapping[str, Any], rule_id: str) -> bool:
    if rule_id in (result.get("sources") or {}):
        return True
    return any(rule_id in (s.get("citations") or []) for s in result.get("scenarios") or [])


def answer(
    result: Mapping[str, Any], facts: Mapping[str, Any], *, lead: str = "", full: bool = True
) -> str:
    """The reply body: the answer first, then conditions, comparison, limits, clocks."""
    scenarios = _scenarios(result)
    rate = facts.get("marginal_rate")
    paragraphs = [lead] if lead else []
    main = _lead_scenario(scenarios)
    if main is not None:
        paragraphs.append(_scenario_paragraph(main, rate))
        conditions = list(main.get("conditions") or [])
        if conditions and full:
            paragraphs.append("This works only if: " + _sentence_list(conditions))
        comparison = _comparison(scenarios, main, rate)
        if comparison:
            paragraphs.append(comparison)
    if full and _cited(result, "conversion_no_income_limit"):
        paragraphs.append(
            "Income limits do not matter here: they cap Roth IRA contributions, not "
            "rollovers or conversions."
        )
    if full:
        clocks = _clock_lines(result.get("clocks"))
        if clocks:
            paragraphs.append("The clocks: " + " ".join(clocks))
        warnings = list(result.get("warnings") or [])
        if warnings:
            paragraphs.append(" ".join(warnings))
        open_points = [p.get("summary") for p in result.get("open_points") or []]
        if any(open_points):
            paragraphs.append(
                "Not settled in the rules: " + " ".join(p for p in open_points if p)
            )
    return "\n\n".join(p for p in paragraphs if p)


def what_if(
    result: Mapping[str, Any],
    changes: Mapping[str, Any],
    focus: Sequence[str],
    facts: Mapping[str, Any],
) -> str:
    """A what-if reply: labelled, focused on the scenario asked about."""
    asked = "; ".join(
        f"{LABELS.get(k, k.replace('_', ' '))} {fact_value(k, v)}" for k, v in changes.items()
    )
    names = _join([SCENARIO_NAMES.get(f, f.replace("_", " ")) for f in focus])
    label = _join([x for x in (names, asked) if x]) or "that changed"
    scenarios = _scenarios(result)
    main = _lead_scenario(scenarios, focus)
    rate = facts.get("marginal_rate")
    paragraphs = [f"What if: {label}."]
    if main is not None:
        paragraphs.append(_scenario_paragraph(main, rate))
        if main.get("conditions"):
            paragraphs.append("This works only if: " + _sentence_list(main["conditions"]))
        comparison = _comparison(scenarios, main, rate)
        if comparison:
            paragraphs.append(comparison)
        split = scenarios.get("split_rollover")
        if main.get("id") != "split_rollover" and split and split.get("available") != "no":
            paragraphs.append(
                "For comparison, splitting the rollover: " + _destinations(split) + "; "
                + _tax_phrase(split, rate) + "."
            )
    clocks = _clock_lines(result.get("clocks"))
    if clocks:
        paragraphs.append("The clocks: " + " ".join(clocks))
    paragraphs.append("This was a what-if: your real facts are unchanged.")
    return "\n\n".join(paragraphs)


def with_question(body: str, question: Question | None) -> tuple[str, tuple[Choice, ...]]:
    """Append the one follow-up question (with why it matters) and its buttons."""
    if question is None:
        return body, ()
    text = f"{question.ask}\nWhy this matters: {question.why}"
    return (f"{body}\n\n{text}" if body else text), question.choices


def finish(text: str, result: Mapping[str, Any]) -> str:
    """Close an answer with the disclaimer and compact sources."""
    sources = result.get("sources") or {}
    sections = []
    for entry in sources.values():
        section = entry.get("section") if isinstance(entry, Mapping) else None
        if section and section not in sections:
            sections.append(section)
    tail = DISCLAIMER
    if sections:
        shown = sections[:MAX_SOURCES]
        more = len(sections) - len(shown)
        extra = f"; and {more} more (type \"why\")" if more else ""
        tail += "\nSources: " + "; ".join(shown) + extra + "."
    return f"{text}\n\n{tail}"


# -- why ----------------------------------------------------------------------------------


def why_text(result: Mapping[str, Any]) -> str:
    """The calculation step by step, each step with the rule it applied."""
    sources = result.get("sources") or {}
    lines: list[str] = []
    for s in result.get("scenarios") or []:
        steps = s.get("steps") or []
        if not steps:
            continue
        lines.append(f"{SCENARIO_NAMES.get(s['id'], s['id'].replace('_', ' ')).capitalize()}:")
        for n, step in enumerate(steps, 1):
            rule = step.get("rule")
            cite = sources.get(rule, {}).get("section") if rule else None
            lines.append(f"{n}. {step.get('text', '')}" + (f" [{cite}]" if cite else ""))
        lines.append("")
    if not lines:
        return "The engine recorded no steps for this calculation."
    assumptions = list(result.get("assumptions") or [])
    if assumptions:
        lines.append("Assumed: " + " ".join(assumptions))
    return "\n".join(lines).strip()


def _sentence_list(items: Iterable[str]) -> str:
    return " ".join(str(i).strip() for i in items if str(i).strip())


def _join(parts: Sequence[str]) -> str:
    parts = [p for p in parts if p]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]
