"""How rothbot says the rest: short replies, what-ifs, and the details behind "why".

The first answer to a question is composed in ``bot.answers`` from the engine's typed
findings and the message catalogue. This module words everything around it: commands,
refusals, the one question back, a what-if, and "why" (the clocks, open points and each
route's steps). Every number comes from the engine's result or a fact the user gave;
sentences the engine already wrote (conditions, clocks, open points) are passed through,
and a sentence that repeats what the reply already says is left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from bot.language import english_words
from bot.money import fact_value, money, percent
from bot.questions import Question
from bot.reply import Choice
from knowledge.citations import cite
from knowledge.facts import LABELS, MAX_AGE, MAX_MONEY, MIN_AGE

DISCLAIMER = "Not tax advice."
WHY_MAX_CHARS = 3800  # one Telegram message is 4096

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
    'Ask in your own words, for example: "I have $40,000 after-tax in my 401k, $30,000 '
    "contributions and $10,000 earnings. I'm 51 and still working. Can I move it all to "
    'a Roth IRA without tax?"\n\n'
    "Commands: facts (what I know and where I read it), why (the calculation step by "
    "step), reset (start a new question), forget (erase everything stored about you), "
    'human (ask for a person). Ask "what if ..." to try a change without losing your '
    "real facts."
)


# -- small replies ------------------------------------------------------------------------


def help_text(has_facts: bool) -> str:
    if has_facts:
        return HELP + '\n\nI still hold your facts; type "facts" to see them.'
    return HELP


def short_help() -> str:
    return 'Type "help" to see what I can do.'


def off_topic() -> str:
    return (
        "I only know about moving after-tax 401(k) money into a Roth (rollovers, "
        "conversions, their tax and clocks). " + short_help()
    )


def empty_message() -> str:
    return "Send me your question in your own words. " + short_help()


def didnt_catch() -> str:
    return "I did not find an answer or a fact I can use in that."


def unusable_numbers(numbers: Sequence[str]) -> str:
    """Name the numbers we saw but could not use (absurd ages, negative amounts...)."""
    shown = [n if len(n) <= 20 else n[:20] + "…" for n in numbers[:3]]
    quoted = ", ".join(f'"{n}"' for n in shown)
    return (
        f"I could not use {quoted} from your message. Ages must be between {MIN_AGE} and "
        f"{MAX_AGE}, and amounts cannot be negative or above {money(MAX_MONEY)}. Please "
        'check the number and say what it is, e.g. "I am 51" or "$30,000 of after-tax '
        'contributions".'
    )


def _clause(message: str) -> str:
    """A checker's sentence continued after a colon: lower-case start ("IRA" stays)."""
    message = message.strip()
    if len(message) > 1 and message[0].isupper() and not message[1].isupper():
        return message[0].lower() + message[1:]
    return message


def refused(rejected: Sequence[tuple[str, str, str]]) -> str:
    """Name each value the checker refused, with the words it came from and why.

    The checker's "(got 500)" is left out: the quoted words already show the value.
    """
    sentences = []
    for _key, words, why in rejected:
        quoted = words if len(words) <= 60 else words[:60] + "…"
        why = re.sub(r"\s*\(got [^)]*\)", "", why)
        sentences.append(f'I could not use "{quoted}": {_clause(why)}')
    return " ".join(sentences)


def check_and_retry() -> str:
    return "Tell me again with the right number."


def english_only(currencies: Sequence[str] = ()) -> str:
    """The polite reply to a message in another language: what rothbot does, in English."""
    text = (
        "Sorry, I can read questions in English only. I help you move the after-tax money "
        "in a US 401(k) (or 403(b), 457(b), TSP) into a Roth, and show the tax in US dollars "
        "with the rules I used."
    )
    if currencies:
        text += " " + other_currency_note(currencies)
    return text + " " + short_help()


def other_currency_note(currencies: Sequence[str]) -> str:
    return (
        f"Amounts in {_join(list(currencies))} are outside what I cover: I know US plans "
        "and US dollars only."
    )


def other_currency(currencies: Sequence[str]) -> str:
    """An English message with amounts in another currency: nothing is taken from it."""
    return (
        other_currency_note(currencies) + " I have not used anything from that message. If "
        "the money is in a US plan, tell me the amounts in dollars."
    )


def what_if_unclear() -> str:
    return (
        "I could not tell what to change in that what-if. Try one change at a time, e.g. "
        '"what if earnings are 15k?", "what if I roll all of it to the Roth?" or '
        '"what if I wait until I leave at 55?".'
    )


def internal_error() -> str:
    return (
        "Something went wrong on my side with that message; your facts are unchanged. "
        'Try saying it another way, or type "human" to ask for a person.'
    )


def clipped_note(limit: int) -> str:
    return f"(That was long: I read only the first {limit:,} characters.)"


def invalid(message: str, *, what_if: bool = False) -> str:
    return f"I could not use that: {_clause(message)} {kept_facts(what_if)}"


def kept_facts(what_if: bool = False) -> str:
    return "Your real facts are unchanged." if what_if else "I kept what you told me before."


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
        where = f' (from "{source}")' if source else ""
        lines.append(f"- {label}: {fact_value(key, value)}{where}")
    lines.append(
        '\nIf something is wrong, just say so, e.g. "actually I\'m 52" or "earnings are '
        '12k, not 10k". Type "reset" to start over.'
    )
    return "\n".join(lines)


def figures_named(facts: Mapping[str, Any], evidence: Mapping[str, Any]) -> str:
    """Facts as a person reads them, each with the words it came from: "after-tax total
    $10,000 ("subaccount is $10,000")"."""
    named = []
    for key, value in facts.items():
        words = evidence.get(key)
        said = f' ("{str(words)[:60]}")' if words else ""
        named.append(f"{LABELS.get(key, key.replace('_', ' '))} {fact_value(key, value)}{said}")
    return "; ".join(named)


def acknowledge(new: Mapping[str, Any], changed: Sequence[str], corrected: Sequence[str]) -> str:
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


# -- what-ifs and details ------------------------------------------------------------------

# Open points worth a sentence when a scenario leads the reply (the rest are in "why").
OPEN_POINTS_FOR = {
    "in_plan_conversion": ("drac_clock_irr_first_roth", "irr_recapture_after_rollover"),
    "cash_out": ("age_55_exception_and_recapture",),
    "wait_until_separation": ("age_55_exception_and_recapture",),
}
PERSONAL_CLOCKS = ("roth_ira_five_year", "age_59_half", "roth_ira_qualified_from")


def _scenarios(result: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    return {s["id"]: s for s in result.get("scenarios") or []}


def _destinations(s: Mapping[str, Any]) -> str:
    parts = []
    for field, name in (
        ("to_roth_ira", "a Roth IRA"),
        ("to_traditional_ira", "a traditional IRA"),
        ("to_roth_401k", "the plan's Roth 401(k) account"),
        ("cash", "you in cash"),
    ):
        value = s.get(field)
        if value:
            parts.append(f"{money(value)} to {name}")
    return _join(parts)


def _tax_phrase(s: Mapping[str, Any], rate: Any, *, would: bool = False) -> str:
    """What the scenario makes taxable, as a clause; never a bare "you owe nothing"."""
    taxable = s.get("taxable_income")
    be = "would be" if would else "is"
    if taxable is None:
        return "the taxable amount depends on facts I do not have yet"
    if not taxable:
        return f"nothing {be} taxable now"
    text = f"{money(taxable)} {be} taxable income"
    tax = s.get("federal_tax")
    if tax:
        at = f" at {percent(rate)}" if rate is not None else ""
        text += f" (about {money(tax)} of federal tax{at})"
    penalty = s.get("penalty")
    if penalty:
        text += f", plus {money(penalty)} of 10% additional tax"
    return text


def lead_scenario(
    result: Mapping[str, Any], focus: Sequence[str] = (), *, what_if: bool = False
) -> Mapping[str, Any] | None:
    """The scenario the reply leads with.

    The one asked about, except that "all to the Roth IRA" is answered with the split
    first when the split is possible: it moves the same money with less tax, which is
    the expert's answer in the seed thread. A what-if shows what was asked.
    """
    scenarios = _scenarios(result)
    split = scenarios.get("split_rollover")
    for wanted in focus:
        if wanted not in scenarios:
            continue
        if (
            not what_if
            and wanted == "all_to_roth_ira"
            and split is not None
            and split.get("available") != "no"
        ):
            return split
        return scenarios[wanted]
    for s in scenarios.values():
        if s.get("available") != "no":
            return s
    return next(iter(scenarios.values()), None)


# The plan feature each route needs; once the user said the plan has it, what is left
# open is the separate accounting the engine assumes.
PLAN_FEATURE = {
    "split_rollover": "plan_allows_in_service",
    "all_to_roth_ira": "plan_allows_in_service",
    "cash_out": "plan_allows_in_service",
    "in_plan_conversion": "plan_allows_in_plan_conversion",
}


def _condition_prefix(s: Mapping[str, Any], facts: Mapping[str, Any]) -> str:
    feature = PLAN_FEATURE.get(s["id"])
    has_feature = feature is not None and facts.get(feature) is True
    if feature == "plan_allows_in_service" and facts.get("still_employed") is False:
        has_feature = True
    if has_feature and "after_tax_separately_accounted" not in facts:
        return "If your plan accounts for the after-tax money separately"
    return "If your plan allows it"


def _scenario_paragraph(
    s: Mapping[str, Any], rate: Any, facts: Mapping[str, Any] | None = None
) -> str:
    name = s["id"]
    moves = _destinations(s)
    tax = _tax_phrase(s, rate)
    if name == "split_rollover" and not moves and s.get("taxable_income") is None:
        body = (
            "Ask the plan for one distribution of the after-tax money, paid as two direct "
            "rollovers: your contributions (the basis) to a Roth IRA and the earnings to a "
            "traditional IRA. Done this way, nothing is taxable now (IRS Notice 2014-54); "
            "earnings that go to the Roth IRA are taxable. Tell me the amounts and I will "
            "put numbers on it."
        )
    elif name == "split_rollover" and moves:
        body = (
            "Ask the plan for one distribution of the after-tax money, paid as two direct "
            f"rollovers: {moves}. Done this way, {tax} (IRS Notice 2014-54)."
        )
    else:
        label = SCENARIO_NAMES.get(name, name.replace("_", " "))
        what = f"{moves}; {tax}" if moves else tax
        body = f"You can {label}: {what}."
    available = s.get("available")
    if available == "unknown":
        prefix = _condition_prefix(s, facts or {})
        if body.startswith("You can "):
            body = f"{prefix}, you can " + body[len("You can ") :]
        else:
            body = f"{prefix}, " + body[0].lower() + body[1:]
    elif available == "no":
        body = f"Not possible for you now: {s.get('why') or ''}".strip()
    return body


def _first_sentence(text: str) -> str:
    head, dot, _rest = str(text).partition(". ")
    return head + (dot.strip() if dot else "")


def _depends(s: Mapping[str, Any]) -> list[str]:
    """What an uncertain route depends on (the engine's "why"), if it is uncertain."""
    return [str(s["why"])] if s.get("available") == "unknown" and s.get("why") else []


def _comparison(
    scenarios: Mapping[str, Mapping[str, Any]], main: Mapping[str, Any], rate: Any
) -> str | None:
    """Split against all-to-Roth (either way round): the trade-off the thread turns on."""
    if main.get("id") == "split_rollover":
        other = scenarios.get("all_to_roth_ira")
        if other is None or other.get("to_roth_ira") is None:
            return None
        return (
            f"By comparison, if all {money(other['to_roth_ira'])} went to the Roth IRA, "
            f"{_tax_phrase(other, rate, would=True)}."
        )
    split = scenarios.get("split_rollover")
    if split is None or split.get("available") == "no" or not _destinations(split):
        return None
    return f"By comparison, splitting it ({_destinations(split)}) means {_tax_phrase(split, rate)}."


def _timing_paragraph(scenarios: Mapping[str, Mapping[str, Any]]) -> str | None:
    """Now or at separation, from the engine's wait scenario details."""
    wait = scenarios.get("wait_until_separation")
    if not wait:
        return None
    d = wait.get("details") or {}
    needed = ("separation_year", "earnings_at_separation", "roth_growth_forgone")
    if not all(d.get(k) is not None for k in needed):
        return wait.get("why")
    rate = d.get("growth_rate")
    assumed = f", assuming {percent(rate)} growth a year" if rate is not None else ""
    return (
        f"Now or when you leave? If you wait until {d['separation_year']}{assumed}, the "
        f"earnings grow to {money(d['earnings_at_separation'])}, all pretax; moving the "
        f"contributions to a Roth IRA now lets {money(d['roth_growth_forgone'])} of that "
        "growth build up tax-free instead."
    )


def _clock_lines(
    result: Mapping[str, Any],
    scenario_ids: Sequence[str],
    roth_401k: bool,
    rules: list[str],
    known_roth_ira: bool = True,
) -> list[str]:
    """The engine's clock sentences that matter for the scenarios shown (rules noted)."""
    clocks = result.get("clocks") or {}
    entries: list[Any] = [clocks.get(name) for name in PERSONAL_CLOCKS]
    roth_ira = clocks.get("roth_ira_five_year")
    if isinstance(roth_ira, Mapping) and roth_ira.get("basis") and not known_roth_ira:
        entries.insert(1, {"text": roth_ira["basis"]})
    if roth_401k:
        entries.append(clocks.get("roth_401k_five_year"))
    entries.extend(
        e for e in clocks.get("conversion_recapture") or [] if e.get("scenario") in scenario_ids
    )
    lines: list[str] = []
    for entry in entries:
        if isinstance(entry, Mapping) and entry.get("text"):
            lines.append(str(entry["text"]))
            if entry.get("rule"):
                rules.append(str(entry["rule"]))
    return lines


def _clock_paragraph(lines: Sequence[str]) -> str:
    return "The clocks:\n" + "\n".join(f"- {line}" for line in lines)


def _words(text: str) -> set[str]:
    """The content words of a sentence: no English function words, plurals folded."""
    words = set()
    for piece in re.findall(r"[\w$%½.,']+", text.lower().replace("-", " ")):
        word = piece.strip(".,'")
        if word in english_words() or (len(word) < 3 and not _is_figure(word)):
            continue
        words.add(word[:-1] if len(word) > 4 and word.endswith("s") else word)
    return words


def _is_figure(word: str) -> bool:
    return any(c.isdigit() for c in word)


_ABBREVIATION_END = re.compile(r"(?:\b[A-Z][a-z]{0,4}|\be\.g|\bi\.e|\bsec|\bno)\.$")


def _sentences(text: str) -> list[str]:
    """Sentences and lines; "Treas. Reg. 1.408A-10" stays in one piece."""
    pieces = [p for p in re.split(r"(?<=[.!?])\s+|\n+", text) if p.strip()]
    sentences: list[str] = []
    for piece in pieces:
        if sentences and _ABBREVIATION_END.search(sentences[-1]):
            sentences[-1] += " " + piece
        else:
            sentences.append(piece)
    return sentences


def _repeats(sentence: str, said: str) -> bool:
    """True when one sentence already said holds most of this one's content words, or
    all of its figures when it has three or more (the same point, worded differently).

    Compared sentence by sentence, so a long answer does not make every new sentence
    look repeated; three shared words at least, so a short new point is kept.
    """
    words = _words(sentence)
    figures = {w for w in words if _is_figure(w)}
    for other in _sentences(said):
        theirs = _words(other)
        shared = len(words & theirs)
        if shared >= min(3, len(words)) and shared >= 0.6 * len(words):
            return True
        if len(figures) >= 3 and figures <= theirs:
            return True
    return False


def _unsaid(items: Iterable[str], said: str) -> str:
    """The sentences of ``items`` that ``said`` does not already say, as one paragraph.

    The engine words some points twice (a condition and a clock, a plan fact and the
    route it allows); the reply says each once.
    """
    sentences = (s for item in items for s in _sentences(str(item).strip()))
    return " ".join(s for s in sentences if not _repeats(s, said))


def _defer(paragraphs: list[str], deferred: dict[int, list[str]], items: Sequence[str]) -> None:
    """Keep a place for ``items``; ``_fill`` words them once the rest is known."""
    if items:
        deferred[len(paragraphs)] = list(items)
        paragraphs.append("")


def _fill(paragraphs: list[str], deferred: Mapping[int, Sequence[str]]) -> None:
    """Word the deferred paragraphs without what the rest of the answer says."""
    for at, items in deferred.items():
        paragraphs[at] = _unsaid(items, "\n".join(paragraphs))


def _open_point_lines(result: Mapping[str, Any], scenario_ids: Sequence[str]) -> list[str]:
    wanted = [p for sid in scenario_ids for p in OPEN_POINTS_FOR.get(sid, ())]
    return [
        str(p["summary"])
        for p in result.get("open_points") or []
        if p.get("id") in wanted and p.get("summary")
    ]


def what_if(
    result: Mapping[str, Any],
    changes: Mapping[str, Any],
    focus: Sequence[str],
    facts: Mapping[str, Any],
) -> tuple[str, list[str]]:
    """A what-if reply: labelled, focused on the scenario asked about."""
    asked = "; ".join(
        f"{LABELS.get(k, k.replace('_', ' '))}: {fact_value(k, v)}" for k, v in changes.items()
    )
    names = _join([SCENARIO_NAMES.get(f, f.replace("_", " ")) for f in focus])
    label = f"{names} ({asked})" if names and asked else names or asked or "the same facts"
    scenarios = _scenarios(result)
    main = lead_scenario(result, focus, what_if=True)
    rate = facts.get("marginal_rate")
    paragraphs = [f"What if: {label}."]
    deferred: dict[int, list[str]] = {}
    shown: list[str] = []
    rules: list[str] = []
    if main is not None:
        shown.append(main["id"])
        rules.extend(main.get("citations") or [])
        paragraphs.append(_scenario_paragraph(main, rate, facts))
        if main["id"] == "wait_until_separation":
            paragraphs.append(_timing_paragraph(scenarios) or "")
        _defer(paragraphs, deferred, _depends(main))
        _defer(paragraphs, deferred, main.get("conditions") or [])
        comparison = _comparison(scenarios, main, rate)
        if comparison:
            paragraphs.append(comparison)
    _fill(paragraphs, deferred)
    paragraphs.append("This was a what-if: your real facts are unchanged.")
    return "\n\n".join(p for p in paragraphs if p), rules


def with_question(body: str, question: Question | None) -> tuple[str, tuple[Choice, ...]]:
    """Append the one follow-up question (with why it matters) and its buttons."""
    if question is None:
        return body, ()
    return (f"{body}\n\n{question.ask}" if body else question.ask), question.choices


# The end of a citation's first authority: its next one ("; Form 8606 instructions"), a
# gloss ("IRS Notice 2010-84 (withholding on ...)") or, after a numbered document, the
# place in it ("IRS Notice 2014-54, sec. III") waits behind /why.
_FIRST_AUTHORITY = re.compile(r";| \((?![A-Za-z0-9]{1,3}\))|(?<=\d),\s")


def finish(text: str, rules: Sequence[str]) -> str:
    """Close an answer with the disclaimer and the first authority of its main rule, in a
    line of a few words (15 words on average were a tenth of a reply): every other source,
    and the rest of that one, are behind /why."""
    sections = [cite(r).section for r in rules if not r.startswith("assumption")]
    if not sections:
        return f"{text}\n\n{DISCLAIMER}"
    source = _FIRST_AUTHORITY.split(sections[0], maxsplit=1)[0].strip(" ,")
    return f"{text}\n\n{DISCLAIMER} Source: {source}; more: /why."


# -- why ----------------------------------------------------------------------------------


def why_text(result: Mapping[str, Any]) -> str:
    """The calculation step by step, each step with the rule it applied.

    Routes that are not possible are left out; if the steps would not fit one
    Telegram message, the later routes are named instead of spelled out.
    """
    sources = result.get("sources") or {}
    blocks: list[str] = []
    shown = [s["id"] for s in result.get("scenarios") or [] if s.get("available") != "no"]
    clocks = _clock_lines(result, shown, "in_plan_conversion" in shown, [])
    if clocks:
        blocks.append(_clock_paragraph(clocks))
    blocks.extend(_open_point_lines(result, shown))
    for s in result.get("scenarios") or []:
        steps = s.get("steps") or []
        if not steps or s.get("available") == "no":
            continue
        name = SCENARIO_NAMES.get(s["id"], s["id"].replace("_", " "))
        lines = [f"{name[0].upper()}{name[1:]}:"]
        for n, step in enumerate(steps, 1):
            rule = step.get("rule")
            cite = (sources.get(rule) or {}).get("section") if rule else None
            lines.append(f"{n}. {step.get('text', '')}" + (f" [{cite}]" if cite else ""))
        blocks.append("\n".join(lines))
    if not any(b for b in blocks if not b.startswith("The clocks")):
        return "The engine recorded no steps for this calculation."
    assumptions = list(result.get("assumptions") or [])
    tail = ("Assumed: " + " ".join(assumptions)) if assumptions else ""
    kept: list[str] = []
    for block in blocks:
        if sum(len(b) + 2 for b in kept) + len(block) + len(tail) > WHY_MAX_CHARS:
            break
        kept.append(block)
    if len(kept) < len(blocks):
        kept.append(f"({len(blocks) - len(kept)} more routes: run `rothbot calc` for all steps.)")
    return "\n\n".join([*kept, tail] if tail else kept)


def _join(parts: Sequence[str]) -> str:
    parts = [p for p in parts if p]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]
