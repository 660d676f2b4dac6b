"""The channel-agnostic conversation core: ``respond(session, text, today=...) -> Reply``.

One turn: recognise a command, or read the text (telling the reader which fact the bot
just asked for), merge the facts into the session, run the engine, and word the reply
from the engine's result alone. What-ifs run the engine on a copy of the facts, so the
real ones never change. Nothing here knows about Telegram or terminals, and nothing
here is random: the same conversation gives the same replies.
"""

from __future__ import annotations

import logging
import re
import time
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from itertools import combinations
from typing import Any

from bot import answers, language, wording
from bot.commands import command_of
from bot.handoff import ASKED_FOR_A_PERSON, needs_a_person_text, unanswered_reason
from bot.questions import WORK_WITHOUT, Question, how_to_find_out, question_for
from bot.reply import Choice, Reply
from bot.session import CONFIRM_FORGET, EVIDENCE_MAX_CHARS, Session
from knowledge.answers import (
    AFTER_TAX_SOURCE_FACTS,
    catalogue,
    for_accounts,
    kind_unknown,
    other_kinds,
    questions_for_intents,
)
from knowledge.engine import calculate
from knowledge.facts import (
    AGE_KEYS,
    BOOL_KEYS,
    FILING_STATUSES,
    MONEY_KEYS,
    PLAN_TYPES,
    YEAR_KEYS,
    Facts,
    InvalidFacts,
)
from knowledge.money import to_json_number
from knowledge.params import UnknownYear, covered_years, lookup, param
from nlu.asks import Unrecognised, place_instead, words_of
from nlu.figures import StatedFigure
from nlu.reader import OUT_OF_SCOPE, Reading, read

log = logging.getLogger(__name__)

MAX_TEXT_CHARS = 4000

# Scenario intents, and the engine scenario each one asks about.
SCENARIO_OF_INTENT = {
    "convert_all_to_roth": "all_to_roth_ira",
    "split_rollover": "split_rollover",
    "in_plan_conversion": "in_plan_conversion",
    "timing_now_vs_separation": "wait_until_separation",
}

ERASE_ANSWERS = ("yes, erase", "yes erase", "erase", "yes", "y")
CANCEL_ANSWERS = ("cancel", "no", "n", "keep", "")
FACT_KEYS = frozenset(Facts.keys())
# Facts that describe one subaccount: contributions + earnings = total.
_SUBACCOUNT = ("after_tax_contributions", "after_tax_earnings", "after_tax_total")
# A number as typed ("-5000", "$40,000", "15k"), but not a plan name such as "401(k)".
_NUMBER = re.compile(
    r"(?<![\w.])(?!40[13]\s*\(?[kb]\b|457\s*\(?b\b)-?\$?\d[\d,]*(?:\.\d+)?(?:\s*k\b)?",
    re.IGNORECASE,
)
SHORT_MESSAGE_CHARS = 300  # only then is a number we could not use worth naming


def respond(
    session: Session,
    text: str,
    *,
    today: date,
    now: float | None = None,
    reading: Reading | None = None,
) -> Reply:
    """Answer one message and update ``session`` in place. Never raises for any text.

    ``today`` dates the clocks (tests fix it); ``now`` stamps the remembered history
    for the retention purge and does not change the reply. ``reading`` is the caller's
    own ``read(text)`` (triage reads each question once for its row and this draft); it
    is used only when the session expects no particular fact and the text is not cut,
    otherwise the text is read again.
    """
    now = time.time() if now is None else now
    clean, clipped = _clean(text)
    session.turns += 1
    session.remember("user", clean, now)
    try:
        reply = _turn(session, clean, today, None if clipped else reading)
    except Exception:  # a bug must not cost the user their session or a reply
        log.exception("conversation turn failed")
        reply = Reply(wording.internal_error(), facts=dict(session.facts))
    if clipped:
        text_out = wording.clipped_note(MAX_TEXT_CHARS) + "\n\n" + reply.text
        reply = Reply(text_out, reply.choices, reply.facts, reply.action)
    session.remember("bot", reply.text, now)
    return reply


def _clean(text: Any) -> tuple[str, bool]:
    """Text as a bounded, printable string; whether it had to be cut."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    text = text.encode("utf-8", "replace").decode("utf-8")  # lone surrogates
    text = unicodedata.normalize("NFC", text)
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    text = text.strip()
    if len(text) > MAX_TEXT_CHARS:
        return text[:MAX_TEXT_CHARS], True
    return text, False


def _turn(session: Session, text: str, today: date, given: Reading | None = None) -> Reply:
    if session.pending == CONFIRM_FORGET:
        session.pending = None
        answer = text.lower().strip(" .!")
        if answer in ERASE_ANSWERS:
            return Reply(wording.forgotten({}), action="forget")
        if answer in CANCEL_ANSWERS:
            return Reply(wording.forget_cancelled(), facts=dict(session.facts))

    command = command_of(text)
    if command is not None:
        return _command(session, command, today)
    if not text:
        return Reply(wording.empty_message(), facts=dict(session.facts))
    currencies = language.other_currencies(text)
    if language.not_english(text):
        return Reply(wording.english_only(currencies), facts=dict(session.facts))
    if currencies:  # dollars are assumed everywhere else: nothing is taken from it
        return Reply(wording.other_currency(currencies), facts=dict(session.facts))

    offered, session.what_if = session.what_if, {}  # a what-if is offered for one message
    if offered and _MAKE_REAL.search(text):
        return _make_real(session, offered, today)
    small_talk = None if _NUMBER.search(text) else answers.small_talk(_PUNCTUATION.sub(" ", text))
    if small_talk is not None:  # a greeting or thanks on its own, however punctuated
        return Reply(small_talk, facts=dict(session.facts))

    expecting = session.pending if session.pending in FACT_KEYS else None
    reading = given if given is not None and expecting is None else read(text, expecting=expecting)
    session.beliefs = list(reading.beliefs)  # (corrected in the reply to this message only)
    session.figures = [f.to_json() for f in reading.figures]  # (the same: checked once)

    topic = _out_of_scope_topic(reading)
    if topic:  # the service opens a ticket and says so
        line = answers.note(f"handoff.{topic}", days=_in_force(ROLLOVER_DAYS, session, today))
        text = _joined(line, needs_a_person_text(OUT_OF_SCOPE[topic]))
        reason = f"out of scope: {OUT_OF_SCOPE[topic]}"
        return Reply(text, facts=dict(session.facts), action="handoff", handoff_reason=reason)
    if expecting and (reading.unsure or reading.declined) and expecting not in reading.facts:
        session.mark_asked(expecting)  # not asked again either way
        session.pending = None
        lead = WORK_WITHOUT if reading.declined else how_to_find_out(expecting)
        return _answer(session, today, lead=lead)
    if _only_refused(session, reading):
        return _refused(session, reading, expecting)
    if (
        reading.hypothetical
        and session.facts
        and (reading.facts or _scenario_focus(reading.intents))
    ):
        return _what_if(session, reading, text, today)
    if reading.hypothetical and session.facts and not reading.facts and not reading.asks:
        return Reply(wording.what_if_unclear(), facts=dict(session.facts))
    if not reading.facts and not reading.asks and not _on_topic(reading):
        return _nothing_read(session, text, expecting, reading)
    return _merge_and_answer(session, reading, today)


# -- commands -----------------------------------------------------------------------------


def _command(session: Session, command: str, today: date) -> Reply:
    facts = dict(session.facts)
    if command in ("start", "help"):
        return Reply(wording.help_text(bool(session.facts)), facts=facts)
    if command == "facts":
        return Reply(wording.facts_text(session.facts, session.evidence), facts=facts)
    if command == "why":
        result = _calculate_quietly(session.facts, today) if session.facts else None
        if result is None:
            return Reply(wording.why_without_facts(), facts=facts)
        return Reply(wording.why_text(result), facts=facts)
    if command == "reset":
        session.clear()
        return Reply(wording.reset_text(), facts={})
    if command == "forget":
        session.pending = CONFIRM_FORGET
        choices = (Choice("Yes, erase", "yes, erase"), Choice("Cancel", "cancel"))
        return Reply(wording.forget_confirm(), choices, facts)
    if command == "human":
        return Reply("", facts=facts, action="handoff", handoff_reason=ASKED_FOR_A_PERSON)
    raise AssertionError(f"unhandled command {command}")  # pragma: no cover


# -- reading ------------------------------------------------------------------------------


def _on_topic(reading: Reading) -> bool:
    """True when the reader saw a question rothbot is for (any intent but ``other``)."""
    return any(intent != "other" for intent in reading.intents)


# "Those are my real numbers", "that's actually my situation", "use those": the what-if
# just run was the person's own case.
_MAKE_REAL = re.compile(
    r"\b(?:those|these|they|that|it)(?:'re|'s| are| were| is| was)\s+"
    r"(?:actually\s+|really\s+|in fact\s+)?(?:my|mine|real|true|correct|right|me)\b"
    r"|\bthat'?s (?:actually |really |exactly )?"
    r"(?:me|my (?:situation|case|numbers?|real numbers?))\b"
    r"|\b(?:use|keep|take) (?:those|these|them|that)(?: numbers| figures)?"
    r"(?: as mine| as real| for real)?\s*[.!]*\s*$"
    r"|\bmake (?:it|that|them|those) real\b",
    re.IGNORECASE,
)
_PUNCTUATION = re.compile(r"[^\w\s']+")


def _make_real(session: Session, offered: Mapping[str, Any], today: date) -> Reply:
    """The last what-if's facts become the person's own, and the answer is given for them."""
    try:
        facts, result = _checked(_merged(session.facts, offered), today)
    except InvalidFacts as exc:
        return Reply(wording.invalid(str(exc)), facts=dict(session.facts))
    changed = [k for k in offered if session.facts.get(k) != offered[k]]
    corrected = [k for k in changed if k in session.facts]
    session.facts = facts.to_dict()
    for key in offered:
        session.mark_asked(key)
    for key in list(session.evidence):
        if key not in session.facts or key in changed:
            del session.evidence[key]
    if session.pending in offered:
        session.pending = None
    lead = wording.acknowledge(dict(offered), changed, corrected)
    return _compose(session, result, today, lead=lead, brief=bool(session.asks))


def _only_refused(session: Session, reading: Reading) -> bool:
    """True when a refused value is all there is to reply to: the message asks nothing,
    and it is a what-if on the real facts or holds nothing else on topic. A question
    beside a refused value (or a what-if before any facts) is still answered."""
    if not reading.rejected or reading.asks:
        return False
    if reading.hypothetical and session.facts:
        return True
    return not (reading.facts or _on_topic(reading))


def _scenario_focus(intents: Sequence[str]) -> list[str]:
    return [SCENARIO_OF_INTENT[i] for i in intents if i in SCENARIO_OF_INTENT]


# A bare answer to the bot's question re-answers at most this many route questions.
BRIEF_ROUTES = 2
# Facts about the plan that nothing turns on once the money has left it (a place of
# ``Reading.places``): never asked then.
PLAN_FACTS = (
    "after_tax_separately_accounted",
    "plan_allows_in_service",
    "plan_allows_in_plan_conversion",
    "still_employed",
)
# Topics noted in a line and answered for the federal part, not handed to a person.
# (pre-1987 basis is a fact the engine takes, so asking for it beats a handoff)
NOTED_TOPICS = frozenset({"state_tax", "pre_1987"})


# The catalogue question whose answer says all a topic's note says (the note is then left out).
TOPIC_ANSWERED_BY = {"pre_1987": "pre_1987_basis", "state_tax": "state_tax"}

# A topic the catalogue answers when the text asks one of these questions: a surviving
# spouse may roll the late spouse's plan money as their own (IRC 402(c)(9)), and a
# non-spouse beneficiary's move to an inherited Roth IRA is one rule (IRC 402(c)(11)), and
# so is the bar on converting an inherited IRA (IRC 408(d)(3)(C)), so none needs a person.
ANSWERED_TOPICS = {
    "inherited": frozenset(
        {
            "surviving_spouse",
            "inherited_to_roth",
            "inherited_ira_to_roth",
            "spouse_inherited_ira",
            "inherited_1099r",
        }
    ),
    # (a QDRO share's tax and 10%: IRC 72(t)(2)(C), 402(e)(1); its terms stay the order's)
    "qdro": frozenset({"qdro_distribution"}),
}


def _out_of_scope_topic(reading: Reading) -> str | None:
    for topic in sorted(reading.topics):
        if topic in OUT_OF_SCOPE and topic not in NOTED_TOPICS:
            if ANSWERED_TOPICS.get(topic, frozenset()) & set(reading.asks):
                continue
            return topic
    return None


def _merged(facts: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, Any]:
    """Old facts overlaid with new ones.

    Contributions + earnings = total. When the user changes one of the three and all
    three would be known, the one they did not mention is stale: the total when they
    changed a part, else the earnings. Dropping it lets "earnings are 12k, not 10k"
    work instead of failing the consistency check.
    """
    merged = {**facts, **new}
    changed = {k for k in _SUBACCOUNT if k in new and new[k] != facts.get(k)}
    if changed and all(k in merged for k in _SUBACCOUNT):
        parts_changed = bool(changed - {"after_tax_total"})
        order = (
            ("after_tax_total", "after_tax_earnings", "after_tax_contributions")
            if parts_changed
            else ("after_tax_earnings", "after_tax_contributions")
        )
        stale = next((k for k in order if k not in new), None)
        if stale:
            merged.pop(stale)
    return merged


def _pretax_from_plan_total(
    known: Mapping[str, Any], reading: Reading
) -> tuple[dict[str, Any], dict[str, str]]:
    """Given "$300k total in the 401k" beside "$30k after-tax": the rest, $270k, is the pretax
    money, which prices any partial distribution pro-rata and sizes the full split. Only
    when the text gives no pretax figure of its own and the whole exceeds the after-tax
    part; the fact keeps the words of the whole as its evidence."""
    if reading.plan_total is None or "pretax_balance" in known:
        return {}, {}
    total, words = reading.plan_total
    if known.get("after_tax_total") is not None:
        after_tax = Decimal(str(known["after_tax_total"]))
    elif known.get("after_tax_contributions") is not None:
        after_tax = Decimal(str(known["after_tax_contributions"]))
        after_tax += Decimal(str(known.get("after_tax_earnings") or 0))
    else:
        return {}, {}
    rest = Decimal(str(total)) - after_tax
    if rest <= 0:
        return {}, {}
    return {"pretax_balance": to_json_number(rest)}, {"pretax_balance": words}


# The conversion's own period for the 10% (a year-stamped parameter, in years).
RECAPTURE_PERIOD = "gov.irs.roth.five_year_periods.conversion_recapture"
ADDITIONAL_TAX = "gov.irs.early_distribution.additional_tax_rate"
ROLLOVER_DAYS = "gov.irs.rollover.period_days"


def _tax_year(session: Session, today: date) -> int:
    """The tax year a reply speaks of: the user's, else this year within the covered years."""
    years = covered_years()
    return int(session.facts.get("year") or min(max(today.year, years[0]), years[-1]))


def _in_force(name: str, session: Session, today: date) -> Any:
    """A legal number a note states, from its parameter in the reply's tax year."""
    return to_json_number(param(name, _tax_year(session, today)))


def _recapture_ends(year: int) -> int | None:
    """The year a conversion made in ``year`` is past its own clock for the 10% (IRC
    408A(d)(3)(F): January 1 of this year), or None before Roth conversions existed."""
    try:
        return year + int(lookup(RECAPTURE_PERIOD, year).value)
    except UnknownYear:
        return None


def _merge_and_answer(session: Session, reading: Reading, today: date) -> Reply:
    new = {k: v for k, v in reading.facts.items() if k in FACT_KEYS}
    derived, derived_from = _pretax_from_plan_total({**session.facts, **new}, reading)
    new.update(derived)
    evidence = {**reading.evidence, **derived_from}
    # a topic's note, unless the reply answers a question on that topic anyway
    notes = {
        TOPIC_ANSWERED_BY.get(t, f"topic.{t}"): n
        for t in sorted(reading.topics)
        if (n := answers.note(f"topic.{t}"))
    }
    if "year" in new and new["year"] not in covered_years():
        # a year that dates a notice or a past event is not the tax year asked about
        del new["year"]
        years = covered_years()
        used = _tax_year(session, today)
        kind = "year.past" if reading.facts["year"] < years[0] else "year.not_covered"
        # the year of the poster's own past conversion, rollover or return is settled
        # under that year's rules: said so, never "not the tax year" (nlu.own_years)
        settled = [o.kind for o in reading.own_years if o.year == reading.facts["year"]]
        ends = _recapture_ends(reading.facts["year"])
        if settled and kind == "year.past" and (ends or settled[0] != "conversion"):
            kind = f"year.settled.{settled[0]}"
        notes["year"] = answers.note(
            kind,
            year=reading.facts["year"],
            first=years[0],
            last=years[-1],
            used=used,
            ends=ends,
            rate=_in_force(ADDITIONAL_TAX, session, today),
        )
    had_facts = bool(session.facts)
    left_out_line = ""
    try:
        facts, result = _checked(_merged(session.facts, new), today)
    except InvalidFacts as exc:
        if had_facts and not reading.asks:  # a bare answer that does not fit: say so only
            text = _joined(wording.refused(reading.rejected), wording.invalid(str(exc)))
            return Reply(text, facts=dict(session.facts))
        # a question (or a first message) is answered from the facts that fit together
        kept = _consistent_part(session.facts, new, today)
        left_out = {k: v for k, v in new.items() if k not in kept}
        left_out_line = _left_out_line(left_out, evidence, str(exc))
        new = kept
        facts, result = _checked(_merged(session.facts, new), today)

    changed = [k for k in new if session.facts.get(k) != new[k]]
    corrected = [k for k in changed if k in reading.corrections or k in session.facts]
    session.facts = facts.to_dict()
    for key in new:
        if key in evidence:
            session.evidence[key] = str(evidence[key])[:EVIDENCE_MAX_CHARS]
        session.mark_asked(key)
    for key in list(session.evidence):
        if key not in session.facts:  # dropped as stale by _merged
            del session.evidence[key]
    if session.pending in new:
        session.pending = None
    # a fact the text speaks to that the reader could not settle ("my client is over 59
    # 1/2") is never asked blank: the next follow-up is asked instead (nlu.spoken)
    for key in sorted(reading.spoken - set(new)):
        session.mark_asked(key)
    focus = _scenario_focus(reading.intents)
    if focus:
        session.topic = focus[0]
    asking = bool(reading.asks) or (_on_topic(reading) and not session.asks)
    session.third_party = session.third_party or reading.third_party
    if reading.asks:
        _remember_asks(session, reading)
    elif asking:
        where = dict(zip(reading.intents, reading.intents_at, strict=False))
        suggested = questions_for_intents(reading.intents, where, answers.MAX_SUGGESTED)
        session.asks = list(suggested) or [answers.DEFAULT_ASK]
        session.stated, session.ask_sentences, session.asked_in_words = [], {}, []
        session.ask_labels, session.yes_no, session.item_topics = {}, {}, {}
    if reading.places:  # the money has left the plan: plan answers and questions are moot
        session.asks = answers.for_places(session.asks, reading.places)
        for key in PLAN_FACTS:
            session.mark_asked(key)
    # a question whose rules belong to another kind of account than any the text names
    # (the Roth IRA's ordering rules to basis in a traditional IRA) is not answered
    # (where nothing is recognised where the text asks, the accounts that sentence names:
    # "will he have the 10% penalty to withdraw early from the 401k plan?" is no question of
    # a Roth IRA's ordering, whatever else the story names)
    named = reading.accounts
    if not reading.asked and reading.asking_accounts:
        named = reading.asking_accounts
    session.asks = for_accounts(session.asks, named, session.facts, reading.places)
    # A bare answer to the bot's question confirms it; a message that asks something
    # gets its answer, never "I already had that".
    acknowledged = (
        wording.acknowledge(new, changed, corrected) if had_facts and not reading.asks else ""
    )
    lead = _joined(wording.refused(reading.rejected), left_out_line, acknowledged)
    return _compose(
        session,
        result,
        today,
        lead=lead,
        notes=notes,
        brief=not asking and had_facts,
        unrecognised=reading.unrecognised,
        unanswered=_unanswered(reading, session.asks),
        intents=reading.intents,
    )


def _near_answer(
    asks: Sequence[str], facts: Mapping[str, Any], result: Mapping[str, Any], session: Session
) -> tuple[str, list[str]]:
    """The first sentence of the answer to ``asks`` (no verdict, no line said only to a
    question asked), and its rules."""
    near = answers.compose(
        asks, facts, result, stated=session.stated, sentences={}, asked=(), unrecognised=True
    )
    return near.text, list(near.rules)


def _unanswered(reading: Reading, asks: Sequence[str]) -> bool:
    """True when the text asks something of the subject that no catalogue question is
    recognised in, none is recognised where it asks, and the questions the reply would
    answer instead (``asks``: those recognised in its story, or suggested by its intents)
    are only stock (a route, a topic's general answer, ``stock`` in its file): those
    paragraphs only share a word with what was asked, so they must not lead (expert
    grading, 2026-12-07). A dedicated question recognised in the story, or suggested by
    the intents ("when can he withdraw his contributions from the Roth IRA?": the Roth
    IRA's ordering), is what the text is about and still answers."""
    if reading.asked or not any(u.specific for u in reading.unrecognised):
        return False
    return all(answers.is_stock(a) for a in asks)


def _remember_asks(session: Session, reading: Reading) -> None:
    """The questions the message asks, which of them it only states, and where each is."""
    session.asks = list(reading.asks)
    session.stated = list(reading.stated)
    session.asked_in_words = list(reading.asked)
    session.ask_sentences = dict(zip(reading.asks, reading.ask_sentences, strict=False))
    session.ask_labels = {a: n for a, n in zip(reading.asks, reading.ask_labels, strict=False) if n}
    session.item_topics = {n: sorted(topics) for n, topics in reading.item_topics}
    session.yes_no = dict(reading.yes_no)


def _checked(data: Mapping[str, Any], today: date) -> tuple[Facts, dict[str, Any]]:
    """The facts and the engine's result for ``data``; InvalidFacts when they do not fit."""
    facts = Facts.from_mapping(data)
    return facts, calculate(facts, today=today).to_json()


# At most this many new facts are left out to make the rest fit; beyond, none is used.
MAX_LEFT_OUT = 2


def _consistent_part(old: Mapping[str, Any], new: Mapping[str, Any], today: date) -> dict:
    """The most of ``new`` that fits together with ``old`` (which always fits).

    The fewest facts are left out; among equals, the ones read first are. A message that
    asks something is then answered from what fits, not refused for one bad figure.
    """
    keys = list(new)
    for size in range(1, min(MAX_LEFT_OUT, len(keys)) + 1):
        for dropped in combinations(keys, size):
            part = {k: v for k, v in new.items() if k not in dropped}
            try:
                _checked(_merged(old, part), today)
            except InvalidFacts:
                continue
            return part
    return {}


def _left_out_line(left_out: Mapping[str, Any], evidence: Mapping[str, Any], why: str) -> str:
    """The lead line naming each figure left out, with the words it came from and why."""
    count = "one figure" if len(left_out) == 1 else f"{len(left_out)} figures"
    figures = wording.figures_named(left_out, evidence)
    return answers.note("facts.left_out", count=count, figures=figures, why=why)


def _answer(session: Session, today: date, *, lead: str) -> Reply:
    """A short turn (after "not sure"): the lead line, the current answer, next question."""
    result = _calculate_quietly(session.facts, today) if session.facts else None
    if result is None:
        text, choices = wording.with_question(lead, _next_question(session, []))
        return Reply(text, choices, dict(session.facts))
    return _compose(session, result, today, lead=lead, brief=True)


def _compose(
    session: Session,
    result: dict[str, Any],
    today: date,
    *,
    lead: str,
    notes: Mapping[str, str] | Sequence[str] = (),
    brief: bool = False,
    facts: Mapping[str, Any] | None = None,
    unrecognised: Sequence[Unrecognised] = (),
    unanswered: bool = False,
    intents: Sequence[str] = (),
) -> Reply:
    """The questions asked, answered first; then one question back; then the sources.

    ``brief``: the message only answered the bot (a fact, "not sure"): the route is
    said again in its one line with the new figures, not the whole answer.
    ``facts``: a what-if's facts the answer is for (the session's real ones otherwise).
    ``notes``: lines said after the answers; given by catalogue question id, a line is
    left out when the answer to that question is in the reply already.
    ``unrecognised``: the sentences of the message that ask and hold no catalogue
    question; ``unanswered``: no question of the catalogue is recognised where the message
    asks of the subject (``_unanswered``). The reply then says there is no cited answer to
    what was asked, gives at most the one safety fact the message's ``intents`` call for
    (``answers.safety_fact``), and asks nothing back (no answer to what was asked turns on
    a fact). A reply with nothing else to say says the first line too.
    """
    facts = session.facts if facts is None else facts
    # (a question another one asked answers is not said again: "the tax on converting
    # $30,000" holds the "move it to a Roth" its words also recognise)
    own = answers.not_covered(session.asks)
    routes = [a for a in own if answers.is_route(a)] or own[:1]
    routes = routes or [answers.DEFAULT_ASK]
    asks = routes[:BRIEF_ROUTES] if brief else session.asks
    items = [(u.label, u.sentence) for u in unrecognised if u.label]
    composed = answers.compose(
        asks,
        facts,
        result,
        stated=session.stated,
        sentences=session.ask_sentences,
        asked=session.asked_in_words,
        unrecognised=unanswered,
        labels=session.ask_labels,
        yes_no=session.yes_no,
        unanswered_items=items,
        beliefs=() if brief else session.beliefs,
        item_topics=session.item_topics,
        figures=() if brief else _figures(session),
    )
    if unanswered or (not composed.text.strip() and not brief):
        asked = [u for u in unrecognised if u.specific or not unanswered]
        honest = answers.no_cited_answer(asked[0] if asked else None)
        said, rules = composed.text, list(composed.rules)
        if unanswered:
            # a stock paragraph only where the question asked names what it answers ("How
            # does this play out once you hit the 18k max?": the 415(c) limit), its first
            # sentence; else the one safety fact, never a paragraph that only shares a
            # word with the story
            words = {c for u in unrecognised for c in u.specific}
            near = [a for a in asks if words_of(a) & words]
            safety = None if near else answers.safety_fact(intents, facts, result)
            if near:
                said, rules = _near_answer(near[:1], facts, result, session)
            else:
                said, rules = (safety[0], [safety[1]]) if safety else ("", [])
        if isinstance(notes, Mapping):
            notes = [n for n in notes.values()]
        body = "\n\n".join(p for p in (lead, honest, said, *notes) if p)
        session.pending = None
        return Reply(wording.finish(body, rules), (), dict(session.facts))
    if isinstance(notes, Mapping):
        notes = [n for ask, n in notes.items() if ask not in composed.answered]
    body = "\n\n".join(p for p in (lead, composed.text, *notes) if p)
    if composed.left:
        body += "\n\n" + answers.note("also_asked", topics=answers.topics_named(composed.left))
    missing = list(result.get("missing") or [])
    if not any(k in facts for k in MONEY_KEYS):
        # a question asked in general terms is not answered better by asking for amounts
        missing = [k for k in missing if k not in MONEY_KEYS]
    # the fact that most changes the route among those the questions turn on, else
    # (for a route) the engine's most decision-changing one
    wanted = sorted(composed.follow_up, key=lambda k: missing.index(k) if k in missing else 99)
    route = any(answers.is_route(a) for a in composed.answered)
    candidates = [
        k
        for k in (
            _not_yet(k, facts)
            for k in [
                *composed.turns_on,
                *wanted,
                *composed.open_conditions,
                *(missing if route else []),
            ]
        )
        if not _moot(k, facts, result)
    ]
    # the plan's separate accounting decides a split rollover only in service: while the
    # text does not say whether the person still works there, that is asked in its place,
    # last (a whole-account split after leaving needs no separate accounting:
    # ``PARTIAL_ASKS``; the figures of the split, if asked, come first)
    # a follow-up must change the answer to what was asked: a figure, a route or a
    # condition of it (``_ChangesReply``), or be the fact the first answer gives its answer
    # for both ways ("if you leave in or after the year you turn 55, ...": ``turns_on``).
    # The fact the first question's catalogue entry names is asked only so too: asked
    # untested, it was pointless in 18 of 27 replies judged by hand (2026-12-07), the
    # answer not depending on it or the text having said it.
    main = answers.follow_up_of(composed.answered[0]) if composed.answered else None
    main = _not_yet(main, facts) if main else None
    decides = {_not_yet(k, facts) for k in composed.turns_on}
    changes = _ChangesReply(composed, facts, result, today, session, items, asks)
    accounting = "after_tax_separately_accounted"
    accounting_then = (
        facts.get("still_employed") is None
        and accounting in candidates
        and accounting not in session.asked
        and not PARTIAL_ASKS & set(changes.asked)
        and not _decides_nothing_asked(
            accounting, changes.asked, {**facts, "still_employed": True}, missing
        )
        and changes(accounting)
    )
    if accounting_then:
        candidates.append("still_employed")
    question = _next_question(
        session,
        candidates,
        lambda k: (
            k in decides
            # (whether the condition the reply says, the plan's separate accounting,
            # applies at all: it does only in service)
            or (accounting_then and k == "still_employed")
            or (
                (k == main or k not in ASKED_ONLY_AS_MAIN)
                and not _decides_nothing_asked(k, changes.asked, facts, missing)
                and changes(k)
            )
        ),
    )
    text, choices = wording.with_question(body.strip(), question)
    return Reply(wording.finish(text, composed.rules), choices, dict(session.facts))


# Facts asked only where the first question's own answer turns on them (its catalogue entry
# names them): elsewhere "Do you still work for the employer?" changes only the wording of a
# route, not what was asked, and the expert found it pointless every time it was asked so
# (gradings of 2026-12-06 and 2026-12-07: 5 of 5, then 0 after it was dropped).
ASKED_ONLY_AS_MAIN = frozenset({"still_employed"})

# A follow-up nothing turns on once the person is past an age (a year-stamped parameter):
# whoever is 55 already leaves "in or after the year they turn 55" whenever they leave,
# and past 59½ the age they left at no longer decides the 10%.
MOOT_PAST = {
    "retire_age": "gov.irs.early_distribution.separation_age",
    "separated_from_service_age": "gov.irs.early_distribution.age_59_half",
}

# A follow-up the text has already made pointless: whether the plan pays out in service
# decides nothing for someone who has left the employer, and an in-plan conversion of
# after-tax money the plan does not account for separately is pro-rata over the whole
# account, so it cannot change the route (the full-distribution split).
MOOT_WHEN = {
    "plan_allows_in_service": ("still_employed", False),
    "plan_allows_in_plan_conversion": ("after_tax_separately_accounted", False),
}


# Follow-ups worded about "the after-tax money": while the facts name no kind of money
# they presume one the person may not have, so they are not asked (the kind is asked, or
# nothing: 2026-12-07 grading, bd007 was asked about in-service withdrawals of IRA basis).
PRESUME_AFTER_TAX = frozenset(
    {
        *AFTER_TAX_SOURCE_FACTS,
        "plan_allows_in_plan_conversion",
        "after_tax_contributions",
        "after_tax_earnings",
        "after_tax_total",
        "pre_1987_basis",
    }
)


# A follow-up about leaving, as it applies to someone who still works there: "How old were
# you in the year you left the employer?" asked of a person who has not left (fq028 "I am
# leaving my job on April 15", ac03 "wants to retire early") is "At what age do you expect
# to leave?", and past 55 that one is moot too (``MOOT_PAST``).
NOT_YET = {"separated_from_service_age": "retire_age"}


def _not_yet(key: str, facts: Mapping[str, Any]) -> str:
    return NOT_YET.get(key, key) if facts.get("still_employed") is True else key


def _moot(key: str, facts: Mapping[str, Any], result: Mapping[str, Any]) -> bool:
    if key in MOOT_WHEN and facts.get(MOOT_WHEN[key][0]) is MOOT_WHEN[key][1]:
        return True
    if key in PRESUME_AFTER_TAX and (kind_unknown(facts) or other_kinds(facts)):
        # a question about the after-tax source presumes money the text has not named
        # ("Does your plan let you take out the after-tax money ...?" to IRA basis), or
        # not of the kinds it names (pretax, Roth 401(k) or IRA money alone: gating)
        return True
    age, name = facts.get("age"), MOOT_PAST.get(key)
    if age is None or name is None:
        return False
    return bool(age >= param(name, int(result.get("tax_year") or covered_years()[-1])))


# Questions whose answer is about a part of the after-tax money (a distribution or an
# in-plan conversion of that source alone, or what a partial distribution carries): the
# plan's separate accounting decides them. Any other answer (the split rollover) turns on it
# only for a distribution while the person still works there, which is of part of the
# account (in service); a person who has left, or does not say, can be paid the whole
# account in one distribution, whose split needs no separate accounting (IRS Notice
# 2014-54), so it is not asked of them (2026-12-07: asked in 40 of 426 first replies,
# mostly of a whole-account rollover).
PARTIAL_ASKS = frozenset(
    {"prorata_partial", "prorata_pretax_along", "prorata_in_plan", "faq_pretax_meaning"}
)


def _decides_nothing_asked(
    key: str, asked: Sequence[str], facts: Mapping[str, Any], missing: Sequence[str]
) -> bool:
    """Whether the fact decides none of the answers to the questions asked: their catalogue
    entries name it neither among the facts their answers depend on nor as a follow-up, nor
    (for a route) does the engine need it (a form, a clock, an IRA or a limit asked about is
    not answered better by the plan's rules), or it is the plan's separate accounting and
    no partial distribution is in question (``PARTIAL_ASKS``)."""
    entries = [catalogue()[a] for a in asked]
    named = {k for q in entries for k in (*q.depends_on, q.follow_up) if k}
    named |= {fact for q in entries for _, fact in q.follow_up_when}
    named |= set(missing) if any(q.route for q in entries) else set()
    if key not in named:
        return True
    return (
        key == "after_tax_separately_accounted"
        and facts.get("still_employed") is not True
        and not PARTIAL_ASKS & set(asked)
    )


class _ChangesReply:
    """Whether the answer to a follow-up would change THIS reply: a route, a figure or a
    condition of the questions answered (8 of 12 follow-ups in the expert's grading of
    2026-12-06 asked for a fact that changed nothing said). Each plausible value of the
    fact (``_probes``) is tried through the engine and the answers; a fact none of whose
    values changes the sentences is not worth the person's time."""

    def __init__(
        self,
        composed: answers.Answered,
        facts: Mapping[str, Any],
        result: Mapping[str, Any],
        today: date,
        session: Session,
        unanswered_items: Sequence[tuple[str, int]] = (),
        composed_for: Sequence[str] = (),
    ) -> None:
        self.facts, self.result, self.today = facts, result, today
        self.stated, self.sentences = session.stated, session.ask_sentences
        self.in_words = session.asked_in_words
        # only the answers to the questions asked count: a topic's general answer, or a
        # place's own question put in for money that has left the plan and not asked in a
        # sentence of the text ("once after-tax money is in a traditional IRA ..."), is not
        # what the person asked, and a fact that changes only it is not worth their time
        # (grade_d_s4: bd037 was asked its IRA holdings for such a paragraph)
        placed = set(place_instead().values()) - set(session.ask_sentences)
        # nor is a question only stated while another is asked ("my income is too high"),
        # or a route named by a topic word in the sentence of a dedicated question ("roll
        # that $10,000 into my 401(k) ... then do the conversion?" asks about IRA basis):
        # both are context, said after the answers (``answers.answer_order``)
        context = set(session.stated) if set(composed.answered) - set(session.stated) else set()
        context |= answers.beside_a_dedicated_question(composed.answered, session.ask_sentences)
        asked = tuple(
            a
            for a in composed.answered
            if not catalogue()[a].general and a not in placed and a not in context
        )
        self.asked = asked or composed.answered
        # (the probes say the reply's numbers and verdicts as the reply does, so where they
        # compose the same questions (``composed_for``: those the reply was composed for),
        # the reply's own text is theirs for these facts)
        self.labels, self.yes_no = session.ask_labels, session.yes_no
        self.beliefs = session.beliefs
        self.figures = _figures(session)
        self.items, self.item_topics = unanswered_items, session.item_topics
        same = answers.questions_composed(self.asked) == answers.questions_composed(composed_for)
        self.text = composed.text if same else self._text(facts, result)

    def _text(
        self, facts: Mapping[str, Any], result: Mapping[str, Any], probe: str | None = None
    ) -> str:
        return answers.compose(
            self.asked,
            facts,
            result,
            stated=self.stated,
            sentences=self.sentences,
            asked=self.in_words,
            labels=self.labels,
            yes_no=self.yes_no,
            unanswered_items=self.items,
            beliefs=self.beliefs,
            item_topics=self.item_topics,
            figures=self.figures,
            probe=probe,
        ).text

    def __call__(self, key: str) -> bool:
        if key not in FACT_KEYS or key in self.facts:
            return False
        for value in _probes(key, self.facts, self.result):
            try:
                facts, result = _checked(_merged(self.facts, {key: value}), self.today)
            except InvalidFacts:
                continue
            if self._text(facts.to_dict(), result, key) != self.text:
                return True
        return False


# Amounts tried for a money fact: none, a little, a lot (probes, not legal numbers).
_PROBE_AMOUNTS = (0, 1_000, 100_000)  # literal: probe amounts
_PROBE_RATES = (0.1, 0.35)  # literal: probe marginal rates, a low and a high bracket
_AGE_THRESHOLDS = (
    "gov.irs.early_distribution.separation_age",
    "gov.irs.early_distribution.age_59_half",
)


def _probes(key: str, facts: Mapping[str, Any], result: Mapping[str, Any]) -> list[Any]:
    """Values of ``key`` on either side of every line the rules draw for it."""
    year = int(result.get("tax_year") or covered_years()[-1])
    if key in BOOL_KEYS:
        return [True, False]
    if key in MONEY_KEYS:
        return list(_PROBE_AMOUNTS)
    if key in AGE_KEYS:
        lines = [Decimal(str(param(name, year))) for name in _AGE_THRESHOLDS]
        rmd = ((result.get("clocks") or {}).get("rmd") or {}).get("applicable_age")
        lines += [Decimal(str(rmd))] if rmd else []
        ages = {int(t) - 1 for t in lines} | {int(t) + 1 for t in lines}
        return sorted(ages)
    if key in YEAR_KEYS:
        return [year - 10, year]
    if key == "filing_status":
        return list(FILING_STATUSES)
    if key == "marginal_rate":
        return list(_PROBE_RATES)
    if key == "employer_plan_type":
        return list(PLAN_TYPES)
    return []


# The candidates tried for a follow-up, most decision-changing first: past these, none
# is asked (each try runs the engine a few times; a fact so far down changes little).
MAX_FOLLOW_UPS_TRIED = 4


def _next_question(
    session: Session, missing: Sequence[str], worth: Callable[[str], bool] = bool
) -> Question | None:
    """The most decision-changing fact not yet known or asked, and ``worth`` asking (tried
    only on those, in order: it runs the engine); it becomes pending."""
    tried = 0
    for key in dict.fromkeys(missing):
        if key in session.facts or key in session.asked or key not in FACT_KEYS:
            continue
        tried += 1
        if tried > MAX_FOLLOW_UPS_TRIED or not worth(key):
            continue
        session.mark_asked(key)
        session.pending = key
        session.unanswered = 0
        return question_for(key, session.third_party)
    session.pending = None
    return None


# Word classes of the subject that are everyday words too ("How do I transfer money to my
# bank?"): a question holding only these is off-topic, not one of the subject's.
EVERYDAY = frozenset({"move", "transfer", "withdraw", "income", "taxable", "tax_free", "earnings"})


def _nothing_read(
    session: Session, text: str, expecting: str | None, reading: Reading | None = None
) -> Reply:
    """No fact, no rothbot intent: a number we could not use, off-topic, or a miss. A
    question in words of the subject (``subject`` of asks.yaml: "Will converting the IRA
    affect our chances of getting financial aid?") that no catalogue question answers is
    not off-topic: it gets the honest line of the unrecognised path (``unrecognised.*``)."""
    found = [m.group().strip().rstrip(",") for m in _NUMBER.finditer(text)]
    # A lone digit ("<script>alert(1)") is not an attempt at an age or an amount.
    numbers = [n for n in found if sum(c.isdigit() for c in n) >= 2 or n[0] in "-$"]
    if len(text) > SHORT_MESSAGE_CHARS:
        numbers = []
    if numbers:
        lead = wording.unusable_numbers(numbers)
    elif session.facts or expecting:
        lead = wording.didnt_catch()
    elif ours := [u for u in (reading.unrecognised if reading else ()) if u.words - EVERYDAY]:
        return Reply(wording.finish(answers.no_cited_answer(ours[0]), ()), facts={})
    else:
        return Reply(wording.off_topic(), facts={})
    return _reask(session, lead, expecting, wording.short_help())


def _refused(session: Session, reading: Reading, expecting: str | None) -> Reply:
    """Only refused values ("I am 500"): name each with its words and why; store nothing."""
    lead = wording.refused(reading.rejected)
    if reading.hypothetical:
        return Reply(_joined(lead, wording.kept_facts(what_if=True)), facts=dict(session.facts))
    return _reask(session, lead, expecting, wording.check_and_retry())


def _reask(session: Session, lead: str, expecting: str | None, otherwise: str) -> Reply:
    """``lead``, then the question still waiting for an answer, else ``otherwise``.

    Asked again and still not answered, the question goes to a person (a ticket).
    """
    if expecting:
        body, choices = wording.with_question(lead, question_for(expecting, session.third_party))
        session.unanswered += 1
        if session.unanswered >= 2:
            reason = unanswered_reason(expecting)
            return Reply(body, choices, dict(session.facts), "handoff", reason)
        return Reply(body, choices, dict(session.facts))
    return Reply(_joined(lead, otherwise), facts=dict(session.facts))


def _joined(*parts: str) -> str:
    return " ".join(p for p in parts if p)


# -- what-ifs -----------------------------------------------------------------------------


def _what_if(session: Session, reading: Reading, text: str, today: date) -> Reply:
    """Run the engine on changed facts without touching the session's real facts.

    A fact stated in a sentence of its own ("What if I roll all 40k? I'm in the 24%
    bracket.") is the person's, not part of the what-if: it is kept as a real fact.
    """
    changes = {k: v for k, v in reading.facts.items() if k in FACT_KEYS}
    own = {k: v for k, v in changes.items() if _said_outside_the_if(text, reading.evidence.get(k))}
    if own:
        try:
            session.facts = Facts.from_mapping({**session.facts, **own}).to_dict()
        except InvalidFacts:
            own = {}
        for key in own:
            session.evidence[key] = str(reading.evidence[key])[:EVIDENCE_MAX_CHARS]
            session.mark_asked(key)
    focus = _scenario_focus(reading.intents)
    try:
        facts = Facts.from_mapping(_merged(session.facts, changes))
        result = calculate(facts, today=today).to_json()
    except InvalidFacts as exc:
        return Reply(wording.invalid(str(exc), what_if=True), facts=dict(session.facts))
    differs = {k: v for k, v in changes.items() if session.facts.get(k) != v}
    if any(not answers.is_route(a) for a in reading.asks):
        # a question set in an example ("let's say ... is the pro-rata over the whole
        # plan?") is answered, for the example's facts, rather than run as a scenario
        _remember_asks(session, reading)
        overridden = any(k in session.facts for k in differs)
        notes = [wording.kept_facts(what_if=True)] if overridden else []
        lead = wording.refused(reading.rejected)
        return _compose(session, result, today, lead=lead, notes=notes, facts=facts.to_dict())
    session.what_if = {k: v for k, v in differs.items() if k not in own}
    text, rules = wording.what_if(result, differs, focus, facts.to_dict())
    text = "\n\n".join(p for p in (wording.refused(reading.rejected), text) if p)
    return Reply(wording.finish(text, rules), facts=dict(session.facts))


_SENTENCE_END = re.compile(r"(?<=[.?!])\s+|\n+")
_IF = re.compile(r"\b(?:if|suppose|say|imagine|instead)\b", re.IGNORECASE)


def _said_outside_the_if(text: str, evidence: str | None) -> bool:
    """True when the words a fact came from sit in a sentence with no "if" in it."""
    if not evidence:
        return False
    return any(evidence in s and not _IF.search(s) for s in _SENTENCE_END.split(text))


def _calculate_quietly(facts: Mapping[str, Any], today: date) -> dict[str, Any] | None:
    try:
        return calculate(Facts.from_mapping(facts), today=today).to_json()
    except InvalidFacts:
        return None


def _figures(session: Session) -> tuple[StatedFigure, ...]:
    """The figures the last question asked to have checked (``Session.figures``)."""
    return tuple(f for f in map(StatedFigure.from_json, session.figures) if f is not None)
