"""The first thing a person reads: their questions answered, in the order they asked them.

``knowledge.answers`` says what holds (typed findings with the engine's figures);
``bot/messages/en.yaml`` says how each finding reads. This module puts the two together
into a reply that fits a phone: the answers first, one or two sentences each, then one
follow-up question whose answer would change the route. Everything longer (clocks, every
route, every source) waits behind "why".
"""

from __future__ import annotations

import string
import unicodedata
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from importlib import resources
from typing import Any

from bot.money import money, percent
from bot.questions import question_for
from knowledge import yaml_files
from knowledge.answers import (
    Belief,
    Finding,
    answer,
    belief_entries,
    belief_wrong_for,
    catalogue,
    for_money,
    for_state,
)
from knowledge.answers import verdict as verdict_for
from knowledge.figures import Stated
from knowledge.figures import check as check_figure
from nlu.asks import Unrecognised, place_instead, topics_spoken_of, words_of
from nlu.pipeline import tokenized
from nlu.questions import without_item_marker

# At most this many questions are answered in the first message; more would not fit a
# phone, and the rest are named so the person can ask again.
MAX_ANSWERED = 4
# Words the answers may take before later questions get only their first sentence: about
# a phone screen, with the question back and the source line still to come.
WORD_BUDGET = 110
# The findings that are a route's block of numbers: a first message carries at most one,
# the first that fits (every other route and its figures wait behind "why").
ROUTE_FIGURES = frozenset(
    {
        "route.split",
        "route.all_basis",
        "route.full_split",
        "route.full_split_later",
        "route.full_split_at_59",
        "in_plan.figures",
    }
)
# The finding that says how each kind of money is taxed, a route's answer while the kind
# is unknown: beside a dedicated question it is said only if the reply has room.
KINDS_OF_MONEY = "kinds.which"
# No question recognised in so many words: at most this many suggested by the intents,
MAX_SUGGESTED = 2
# and with no intent either, the route question.
DEFAULT_ASK = "move_to_roth"
# What a Roth 401(k) rolled to a Roth IRA counts as there, said by the clock's answer
# (for the age the facts give) or by the access answer: one of them is enough, and either
# holds the general Roth IRA clock sentences.
_ROLLED_CLOCK = ("drac_rolled.qualified_if", "drac_rolled.past_59", "drac_rolled.before_59")
_ROLLED_ACCESS = ("drac_rolled.contributions_first", "drac_rolled.earnings_last")
_ROLLED_GENERAL = frozenset(
    {"roth_ira_clock.basis_free", "roth_401k.rolled_basis", "drac.rollover_clock"}
)
# A finding already said makes these unnecessary (the pro-rata answer holds the route for
# a plan that mixes the money; the split with figures holds the general split).
SUPERSEDES: Mapping[str, frozenset[str]] = {
    "prorata.partial": frozenset({"route.split", "route.split_general", "route.if_separate"}),
    # (said first, the separate-accounting condition is not said again by the pro-rata
    # answer's "Not unless the plan accounts for it separately")
    "route.if_separate": frozenset({"prorata.partial"}),
    "prorata.partial_mixed": frozenset({"route.split", "route.split_general", "route.if_separate"}),
    # (the whole-account split already says the contributions go in tax-free and the
    # earnings to a traditional IRA: the general all-to-Roth sentence would repeat it)
    "route.full_split": frozenset(
        {"route.split", "route.split_general", "route.if_separate", "all_to_roth.general"}
    ),
    "route.full_split_general": frozenset(
        {"route.split_general", "route.if_separate", "all_to_roth.general"}
    ),
    "route.full_split_later": frozenset(
        {"route.split", "route.split_general", "route.if_separate", "all_to_roth.general"}
    ),
    "route.full_split_later_general": frozenset(
        {"route.split_general", "route.if_separate", "all_to_roth.general"}
    ),
    "route.full_split_at_59": frozenset(
        {"route.split", "route.split_general", "route.if_separate", "all_to_roth.general"}
    ),
    "route.full_split_at_59_general": frozenset(
        {"route.split_general", "route.if_separate", "all_to_roth.general"}
    ),
    # (taking after-tax money out: its answer says already that the earnings are pretax
    # money, taxable when paid, and only the contributions tax-free; fq088 said it twice)
    "after_tax_out.contributions_only": frozenset({"earnings_tax.pretax"}),
    "after_tax_out.contributions_only.past_59": frozenset({"earnings_tax.pretax"}),
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
    # (a Roth 401(k) rolled to a Roth IRA: what counts as contributions there and that only
    # earnings wait for its clock, said already; fq034 read the clock three times)
    "drac.rollover_clock": frozenset({"roth_ira_clock.basis_free"}),
    "rmd_first.comes_out_first": frozenset({"rmd.first_not_rollable"}),
    # converted basis taken out before 59½ (answers-c): its pro-rata and recapture sentences
    # hold those of money converted in the plan
    "access.in_plan_pro_rata": frozenset({"ipc_access.tax_free"}),
    "access.recapture_taxable_only": frozenset({"ipc_access.under_55"}),
    # a Roth 401(k) rolled to a Roth IRA (answers-b, third session): what counts as
    # contributions is said once, by the first of the clock's or the access answer's
    # sentences, and either holds the general Roth IRA clock sentences
    **{f: frozenset(_ROLLED_ACCESS) | _ROLLED_GENERAL for f in _ROLLED_CLOCK},
    "drac_rolled.contributions_first": frozenset(_ROLLED_CLOCK) | _ROLLED_GENERAL,
    # the codes of a finished rollover already hold code H and the general 1099-R sentences
    "forms.rollover_codes": frozenset({"forms.roth_401k_code_h", "forms.1099r"}),
    # (and said after either, the codes' and the lines' sentences repeat its code G or H,
    # box 5 and the pensions and annuities lines)
    "forms.1099r": frozenset({"forms.rollover_codes", "forms.rollover_lines"}),
    "forms.roth_401k_code_h": frozenset({"forms.rollover_codes", "forms.rollover_lines"}),
    "forms.rollover_lines": frozenset({"forms.no_8606"}),
    "forms.in_plan_code_g": frozenset({"forms.1099r"}),
    "forms.in_plan_lines": frozenset({"forms.no_8606"}),
    # the limits of setting up after-tax contributions hold the general 415(c) sentence
    "setup.limits": frozenset({"room.limit", "mega.what"}),
    # Roth and pretax money in one plan: the two direct rollovers already say what pretax
    # money moved to a Roth costs
    "roth_401k.with_pretax": frozenset(
        {"pretax_to_roth.income", "pretax_to_roth.income_beside_roth"}
    ),
}


@cache
def _catalogue_file() -> Mapping[str, Any]:
    return yaml_files.read(resources.files("bot").joinpath("messages", "en.yaml"))


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


def follow_up_of(question_id: str) -> str | None:
    """The fact the catalogue says decides this question's answer (None: no such fact)."""
    return catalogue()[question_id].follow_up


def not_covered(asks: Sequence[str]) -> list[str]:
    """``asks`` less the questions another of them already answers (``covers``)."""
    gone = covered([a for a in asks if a in catalogue()])
    return [a for a in asks if a not in gone]


def is_route(question_id: str) -> bool:
    """True for a question whose answer is a route with figures (the engine's missing
    facts then decide the follow-up)."""
    return catalogue()[question_id].route


def is_stock(question_id: str) -> bool:
    """True for a stock paragraph: a route, a topic's general answer, or ``stock`` in its
    file (the 415(c) room, the Roth IRA clock, the mega backdoor)."""
    question = catalogue()[question_id]
    return question.route or question.general or question.stock


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
    findings: tuple[Finding, ...] = ()
    # the facts the first answer's sentences hold on that the facts do not show: the
    # answer to one settles a condition said, so it changes this reply
    open_conditions: tuple[str, ...] = ()
    # the facts the first answer gives its answer for both ways (``turns_on``), unknown
    turns_on: tuple[str, ...] = ()


def answer_order(
    asks: Sequence[str], stated: Collection[str] = (), sentences: Mapping[str, int] | None = None
) -> tuple[list[str], set[str]]:
    """The asks in the order their answers are said, and the minor ones among them.

    The question asked in a sentence is its most specific one: a route question (a stock
    paragraph: the split, the all-to-Roth tax, now or later) recognised in the same
    sentence as a dedicated question came from a topic word, so it is said after it. A
    question only stated ("my income is too high") is context while something else is
    asked: said after the questions asked, and a route only stated is minor: said only
    if the reply still has room.
    """
    where = _sentence_ranks(asks, sentences or {})
    said = set(stated) if any(a not in stated for a in asks) else set()
    minor = {a for a in asks if is_route(a) and a in said}
    order = sorted(
        range(len(asks)),
        key=lambda n: (
            asks[n] in minor,
            catalogue()[asks[n]].general,  # a topic's general answer: after those asked
            asks[n] in said,
            where[asks[n]],
            is_route(asks[n]),
            n,
        ),
    )
    return [asks[n] for n in order], minor


def asked_in_words(
    asks: Collection[str], stated: Collection[str], sentences: Mapping[str, int] | None
) -> set[str]:
    """The questions the text asks in a sentence that asks: not only told ("my income is
    too high"), nor put in by the intents with no sentence of their own. The lines of
    ``asked_only`` in the messages (the income limit, what the plan decides) are said only
    to these."""
    return {a for a in asks if sentences and a in sentences and a not in stated}


def beside_a_dedicated_question(
    asks: Sequence[str], sentences: Mapping[str, int] | None
) -> set[str]:
    """The route questions recognised in a sentence that also asks a dedicated question
    ("now that those IRA balances are $0, can we contribute to the IRAs and then do the
    Roth conversion?" asks about IRA pro-rata; "Roth conversion" named the route)."""
    if not sentences:
        return set()
    dedicated = {
        sentences[a]
        for a in asks
        if a in sentences and not is_route(a) and not catalogue()[a].general
    }
    return {a for a in asks if is_route(a) and sentences.get(a, -1) in dedicated}


def _sentence_ranks(asks: Sequence[str], sentences: Mapping[str, int]) -> dict[str, int]:
    """Each ask's rank by the sentence it was asked in, the sentences taken in the order
    ``asks`` first names them: the reader orders the asks by how their sentence asks
    (a question before a heading that announces questions, before a sentence that only
    tells, ``nlu.questions``) and then by place, so the asks of one sentence share a rank
    and a question asked late in the text still leads its story. An ask with no
    sentence ranks after all those with one, in the order given."""
    rank: dict[int, int] = {}
    for ask in asks:
        if ask in sentences:
            rank.setdefault(sentences[ask], len(rank))
    return {
        a: rank[sentences[a]] if a in sentences else len(asks) * 1000 + n
        for n, a in enumerate(asks)
    }


def _condition(finding: Finding) -> Mapping[str, Any]:
    return _catalogue_file().get("conditions", {}).get(finding.id) or {}


def _holds(finding: Finding, facts: Mapping[str, Any]) -> str:
    """How the facts stand to the condition a finding's sentence holds on (``conditions``
    in the messages): "settled" (the facts show it: its ``settled`` words, where given),
    "fails" (they show the opposite: the sentence is not said, or its ``otherwise`` words
    are), "open" (they do not show it), or "none" (it has none)."""
    when = _condition(finding).get("when")
    if not when:
        return "none"
    if any(facts.get(k) is not None and facts.get(k) != v for k, v in when.items()):
        return "fails"
    return "settled" if all(facts.get(k) == v for k, v in when.items()) else "open"


def _fits(finding: Finding, facts: Mapping[str, Any]) -> bool:
    """True for a sentence the facts leave standing: not one whose condition they contradict,
    unless it has words for that case (``otherwise``: "as your plan does not account for
    the after-tax money separately, ..." where the sentence says "unless the plan ...")."""
    return _holds(finding, facts) != "fails" or "otherwise" in _condition(finding)


def _open_conditions(findings: Sequence[Finding], facts: Mapping[str, Any]) -> list[str]:
    """The facts the sentences said hold on and the facts do not show, in the order said:
    the answer to any of them changes the reply (the condition is then settled)."""
    keys = [
        k
        for f in findings
        if _holds(f, facts) == "open" and _condition(f).get("ask", True)
        for k in _condition(f)["when"]
    ]
    return [k for k in dict.fromkeys(keys) if facts.get(k) is None]


def _waits_while_open(finding: Finding, facts: Mapping[str, Any]) -> bool:
    """True for a sentence said only once the facts settle its condition (``said_open:
    false``): a clock dated for a case the person may not be in ("if this rollover opens
    your first Roth IRA, ...") waits behind /why until they say they are."""
    return _condition(finding).get("said_open") is False and _holds(finding, facts) == "open"


def _said_by_facts(finding: Finding, facts: Mapping[str, Any]) -> bool:
    """True for a condition the facts settle that needs no words ("that works only if the
    plan accounts for the money separately", when the person said it does)."""
    return _holds(finding, facts) == "settled" and _condition(finding).get("settled") == ""


def _claims(finding: Finding) -> Mapping[str, Any]:
    return _catalogue_file().get("claims", {}).get(finding.id) or {}


def _claims_clash(finding: Finding, ask: str, said: Mapping[str, tuple[Any, str]]) -> bool:
    """True when the finding states the opposite of what the answer to another question
    already said (the ``claims`` of the messages: "no Form 8606" after "file Form 8606");
    one answer's own sentences are written to be said together."""
    return any(
        k in said and said[k][0] != v and said[k][1] != ask for k, v in _claims(finding).items()
    )


def verdict_of(finding: Finding) -> str | None:
    """The verdict ("yes" / "no") a finding's sentence opens with, else None."""
    opens = _condition(finding).get("opens")
    return None if not opens else ("yes" if opens.lower().startswith("yes") else "no")


def _worded(
    finding: Finding,
    pair: Sequence[Finding],
    facts: Mapping[str, Any],
    opening: bool,
    probe: str | None = None,
) -> str:
    """The sentence for a finding: its verdict ("Yes: ...") only where it opens an answer
    and the facts decide it; the settled wording where the facts show its condition."""
    condition = _condition(finding)
    state = _holds(finding, facts)
    if condition.get("ask") is False and probe in (condition.get("when") or {}):
        state = "open"
    if state == "settled" and "settled" in condition:
        template = condition["settled"]
        return " ".join(_FORMAT.format(template, **finding.params).split()) if template else ""
    # (the facts settle it the other way: its words for that case, a verdict decided)
    otherwise = state == "fails" and "otherwise" in condition
    if otherwise:
        sentence = " ".join(_FORMAT.format(condition["otherwise"], **finding.params).split())
    else:
        sentence = " ".join(render(finding, *pair).split())
    opens = condition.get("opens")
    if not opens or not sentence.startswith(opens):
        return sentence
    # (``verdict_either_way``: the verdict holds however the condition turns out; only the
    # words after it differ)
    settled = otherwise or state in ("none", "settled") or condition.get("verdict_either_way")
    decided = settled and not condition.get("open")
    if opening and decided:
        return sentence
    if "plain" in condition and not otherwise:
        return " ".join(_FORMAT.format(condition["plain"], **finding.params).split())
    rest = sentence[len(opens) :]
    return rest[:1].upper() + rest[1:]


def _asks_what_is_possible(opening: str) -> bool:
    """True for a question of what is possible ("can i roll", "is it possible", "are we
    able"; ``verdict_openers`` in the messages), not a request ("can anyone explain",
    ``verdict_not``) nor one whose verdict turns with its wording ("would my income
    prevent", "do i owe")."""
    words = opening.split()
    data = _catalogue_file()
    if len(words) > 1 and words[1] in data.get("verdict_not", ()):
        return False
    return any(opening == o or opening.startswith(o + " ") for o in data["verdict_openers"])


def _with_verdict(
    ask: str, group: Sequence[Finding], sentence: str, facts: Mapping[str, Any]
) -> str:
    """``sentence`` opened with the verdict the catalogue gives its findings as the answer
    to ``ask`` asked for a yes or a no, for these facts ("It depends on your plan: if your
    plan accounts ..."; ``knowledge.answers.verdict``); unchanged where it gives none, for
    them or at all."""
    verdict = verdict_for(ask, "+".join(f.id for f in group), facts)
    if not verdict:
        return sentence
    return f"{verdict}: {_after_colon(sentence)}"


def _after_colon(sentence: str) -> str:
    """``sentence`` continued after a colon ("Yes: ...", "No: ..."): its first word
    lower-cased, unless a name ("IRS", "Roth", "A 403(b)"; ``proper_words``)."""
    first = sentence.split(" ", 1)[0]
    plain = first.replace("-", "").isalpha() and first[1:] == first[1:].lower()
    if plain and first not in _catalogue_file().get("proper_words", ()):
        return sentence[:1].lower() + sentence[1:]
    return sentence


def _who_knows(ask: str) -> str:
    """The line for a question asked that the facts do not let rothbot answer: who can."""
    plan = [k for k in catalogue()[ask].depends_on if question_for(k).ask_the_plan]
    topic = catalogue()[ask].topic
    if plan:
        return note("unanswered.plan", topic=topic, ask=question_for(plan[0]).ask_the_plan)
    return note("unanswered.person", topic=topic)


def questions_composed(asks: Sequence[str], labels: Mapping[str, str] | None = None) -> list[str]:
    """The questions ``compose`` answers for ``asks``, before the kind of money maps them:
    those of the catalogue, less those a fuller answer among them says (the late spouse's
    answer holds the Roth money's rollover; ``covered``). Two lists that give the same are
    composed alike, for the same facts and the same other arguments."""
    known = [a for a in dict.fromkeys(asks) if a in catalogue()] or [DEFAULT_ASK]
    gone = covered(known, labels)
    return [a for a in known if a not in gone] or known


def covered(asks: Sequence[str], labels: Mapping[str, str] | None = None) -> set[str]:
    """Those of ``asks`` a fuller answer among them says (``covers`` in its file), but not
    a question of its own (no route) the poster asked as a numbered question (``labels``)
    beside an answer to no numbered question: "1) If I convert the after tax 401k to the
    Roth 401k, I should not be subject to pro-rata rule, correct?" keeps its answer beside
    the story's "thus not paying taxes since I will have losses" (ba036), which says only
    how a loss converts; the split to a Roth IRA its words also recognise does not."""
    labels = labels or {}
    return {
        c
        for a in asks
        for c in catalogue()[a].covers
        if labels.get(a) or not labels.get(c) or catalogue()[c].route
    }


def compose(
    asks: Sequence[str],
    facts: Mapping[str, Any],
    result: Mapping[str, Any],
    *,
    stated: Collection[str] = (),
    sentences: Mapping[str, int] | None = None,
    asked: Collection[str] | None = None,
    unrecognised: bool = False,
    labels: Mapping[str, str] | None = None,
    unanswered_items: Sequence[tuple[str, int]] = (),
    yes_no: Mapping[str, str] | None = None,
    beliefs: Sequence[str] = (),
    item_topics: Mapping[str, Collection[str]] | None = None,
    figures: Sequence[Stated] = (),
    probe: str | None = None,
) -> Answered:
    """Answer ``asks`` (catalogue ids, in the order asked) for these facts and result.

    Every question asked gets its answer's first sentence and the conditions and remedies
    it holds on (``keep`` in the messages), in the order asked; the rest of each answer,
    then the minor questions (``answer_order``), only while the reply fits a phone.

    ``asked``: those of ``asks`` recognised where the text asks (``Reading.asked``; when
    not given, those with a sentence that are not only ``stated``): a line of ``asked_only``
    in the messages is said only to them.
    ``unrecognised``: what the text asks is none of ``asks`` (they came from a word of its
    story, or from its intents), so no answer leads: only the first sentence of the first,
    without its verdict, is said, as what the facts support (the caller says first that
    the question asked has no cited answer yet).
    ``labels``: the poster's number of the question each ask was asked in, when the text
    numbers its questions ("1) ... 2) ..."); ``unanswered_items``: (number, sentence index)
    of each numbered question no catalogue question was recognised in. When the reply
    answers two numbers or more, each answer opens with the poster's number, and each such
    item gets the honest line in its place (``numbered``), never silence.
    ``item_topics``: the topic classes each numbered item names (``Reading.item_topics``):
    an answer recognised in a later item too points there only if it speaks of them all.
    ``probe``: the fact key a follow-up's test sets, composed only to see whether it would
    change the reply: a condition on it whose words only restate the answer for a settled
    fact (``ask: false`` in ``conditions``) is worded as open, so that fact is never asked
    for their sake.
    ``yes_no``: those of ``asks`` asked for a yes or a no, with the words each question
    opens with ("can i roll"): the answer that opens the reply (or a numbered part), to a
    question of what is possible (``verdict_openers``: "Can I ...?", "Is it possible
    ...?"), opens with the verdict its catalogue entry gives for its first sentence
    (``Question.verdicts``: "Yes: ...", "It depends on your plan: ...").
    ``beliefs``: the wrong beliefs about the rules the text states as settled
    (``Reading.beliefs``: "I know I'll have to pay the 10% penalty when I roll it over").
    The answer to the question whose entry corrects one opens with its correction, said in
    the place of the finding it rests on (``Belief.says``) and only where that finding holds
    for the facts; an entry not asked is answered by its correction alone, first.

    ``figures``: the figures the poster states and asks to have checked
    (``Reading.figures``: "do I only pay tax on the $5,000?"). The reply opens with the
    verdict on each the engine can compute (``knowledge.figures.check``: "Yes: about $X
    ...", "No: about $Y, because ..."); none without the facts it needs, or when what was
    asked is not recognised.

    The steps: which questions, in what order (``_order``); the sentences each answer may
    say, ranked (``_plan``); those that fit a phone (``_within_budget``); their words
    (``_say``); the honest line for a question nothing answers, and the poster's numbers
    (``_numbered_and_honest``); the follow-ups (``_follow_ups``).
    """
    order = _order(asks, facts, result, stated, sentences, labels, beliefs, unrecognised)
    in_words = (
        set()
        if unrecognised
        else asked_in_words(order.known, order.stated, order.sentences)
        if asked is None
        else {q for a in asked for q in (a, *for_money([a], facts))}
    )
    plan = _plan(order, facts, result, in_words)
    chosen = _within_budget(plan.planned, unrecognised)
    said = _say(order, plan, chosen, facts, in_words, yes_no, labels, unrecognised, probe)
    # (a question asked whose correction was said is answered; one only corrected is not)
    said_for = [
        a
        for a in order.answered[order.correcting :]
        if any(p[0] == a for n, p in enumerate(plan.planned) if n in chosen)
    ]
    text = _numbered_and_honest(
        said, order, plan, facts, asks, labels, unanswered_items, item_topics, unrecognised
    )
    verdicts = [] if unrecognised else _figure_verdicts(figures, facts, result)
    return Answered(
        # a paragraph each: short blocks suit a phone
        text="\n\n".join([*(render(f) for f in verdicts), *text]),
        rules=tuple(dict.fromkeys([*(f.rule for f in verdicts), *said.rules])),
        answered=tuple(said_for),
        left=order.left,
        follow_up=_follow_ups(said_for, said.findings),
        findings=tuple(said.findings),
        open_conditions=tuple(_open_conditions(said.first_findings, facts)),
        turns_on=tuple(
            dict.fromkeys(
                k
                for f in said.first_findings
                if (k := _condition(f).get("turns_on")) and facts.get(k) is None
            )
        ),
    )


def _figure_verdicts(
    figures: Sequence[Stated], facts: Mapping[str, Any], result: Mapping[str, Any]
) -> list[Finding]:
    """The verdict on each figure the engine can compute, one per quantity."""
    out: dict[str, Finding] = {}
    for stated in figures:
        finding = check_figure(stated, facts, result)
        if finding is not None and renderable(finding):
            out.setdefault(stated.quantity, finding)
    return list(out.values())


@dataclass(frozen=True, slots=True)
class _Order:
    """Which questions a reply answers, in what order, and how each stands (``_order``)."""

    known: list[str]  # the questions composed, as each applies to the money
    stated: Collection[str]
    sentences: Mapping[str, int] | None
    minor: set[str]  # said only while the reply has room
    beside: set[str]  # routes asked beside a dedicated question
    context: set[str]  # only told, while something else is asked
    asked_here: list[str]  # the questions asked, in order (at most MAX_ANSWERED answered)
    corrects: dict[str, Belief]  # question -> the wrong belief its answer corrects
    answered: list[str]  # the corrections' questions first, then those answered
    left: tuple[str, ...]  # asked past MAX_ANSWERED: named, not answered
    room_only: set[str]  # said only if the reply has room
    lead_ask: str | None  # the first question answered after the corrections
    correcting: int  # the first so many of ``answered`` are corrections


def _order(
    asks: Sequence[str],
    facts: Mapping[str, Any],
    result: Mapping[str, Any],
    stated: Collection[str],
    sentences: Mapping[str, int] | None,
    labels: Mapping[str, str] | None,
    beliefs: Sequence[str],
    unrecognised: bool,
) -> _Order:
    """Which questions the reply answers and in what order, worked out before any sentence:
    a question as it applies to the kind of money, none another answer covers, at most
    MAX_ANSWERED asked (the rest named), context and minor ones after, each correction of a
    wrong belief first."""
    known = questions_composed(asks, labels)
    known, stated, sentences = _for_the_money(known, facts, stated, sentences)
    # (none whose answer presupposes a state the facts contradict: a step the poster does
    # not have never leads; all of them so: the general question for that money instead)
    fits = for_state(known, facts) or for_state(for_money([DEFAULT_ASK], facts), facts)
    known = list(fits) or known
    gone = covered(known, labels)
    known = [a for a in known if a not in gone]
    ordered, minor = answer_order(known, stated, sentences)
    # a route beside a dedicated question: never the one a verdict opens, and a stock
    # paragraph that question did not ask for where it would only say how each kind of
    # money is taxed
    beside = beside_a_dedicated_question(ordered, sentences)
    minor |= {a for a in beside if [f.id for f in answer(a, facts, result)][:1] == [KINDS_OF_MONEY]}
    context = set(stated) if any(a not in stated for a in known) else set()
    asked_here = [a for a in ordered if a not in minor and a not in context]
    # each correction of a wrong belief stated opens the reply, alone; the rest of its
    # entry's answer keeps its place among the questions asked
    corrects = {} if unrecognised else corrections(beliefs, facts, result)
    answered = asked_here[:MAX_ANSWERED] + [a for a in ordered if a in context or a in minor]
    return _Order(
        known=known,
        stated=stated,
        sentences=sentences,
        minor=minor,
        beside=beside,
        context=context,
        asked_here=asked_here,
        corrects=corrects,
        answered=[*corrects, *answered],
        left=tuple(asked_here[MAX_ANSWERED:]),
        # context past the first MAX_ANSWERED questions is said only if the reply has room
        room_only=minor | set(answered[MAX_ANSWERED:]),
        lead_ask=answered[0] if answered else None,
        correcting=len(corrects),
    )


@dataclass(frozen=True, slots=True)
class _Plan:
    """The sentences the answers may say, in order, each ranked (``_plan``)."""

    # (ask, findings of one sentence, rank: 0 said always, 1 detail of a question asked,
    # 2 a minor question's first sentence)
    planned: list[tuple[str, list[Finding], int]]
    corrections: set[int]  # (indexes in ``planned``)
    unanswerable: list[str]  # no finding of theirs holds for these facts
    absorbed: dict[str, str]  # question -> the question whose answer said all of it


def _plan(
    order: _Order, facts: Mapping[str, Any], result: Mapping[str, Any], in_words: set[str]
) -> _Plan:
    """The sentences each answer may say, ranked, before any is worded: a finding said once
    (by the first answer that holds it), a route's figures once, no claim that clashes with
    one said, a line of ``asked_only`` only where its topic is asked in so many words. The
    ranks let ``_within_budget`` keep what matters when the reply must be short."""
    keep = frozenset(_catalogue_file().get("keep") or ())
    asked_only = {f: set(a) for f, a in (_catalogue_file().get("asked_only") or {}).items()}
    planned: list[tuple[str, list[Finding], int]] = []
    seen: set[str] = set()
    said: dict[str, tuple[Any, str]] = {}  # claim -> (value, the question it answered)
    figures = False  # a route's block of numbers said already
    unanswerable: list[str] = []
    corrections_planned: set[int] = set()
    sayer: dict[str, str] = {}  # finding -> the question whose answer says it
    absorbed: dict[str, str] = {}
    context, room_only = order.context, order.room_only
    for place, ask in enumerate(order.answered):
        found = [f for f in answer(ask, facts, result) if renderable(f)]
        found = [f for f in found if _fits(f, facts) and not _said_by_facts(f, facts)]
        found = [f for f in found if not _waits_while_open(f, facts)]
        if not found:
            unanswerable.append(ask)
        belief = order.corrects.get(ask) if place < order.correcting else None
        # (a line said only where its topic is asked in so many words, or stated wrongly)
        found = [
            f
            for f in found
            if f.id not in asked_only
            or in_words & asked_only[f.id]
            or (belief is not None and f.id == belief.says)
        ]
        # (an answer an earlier one said already: that one answers this question too)
        sayers = [sayer[f.id] for f in found if f.id in sayer]
        found = [f for f in found if f.id not in seen]
        if not found and sayers and sayers[0] != ask:  # (not by its own correction)
            absorbed[ask] = sayers[0]
        if belief is not None:  # (the correction: the finding it rests on, alone)
            found = [f for f in found if f.id == belief.says]
            if found:
                corrections_planned.add(len(planned))
        first = True
        while found:
            finding, *pair = [found.pop(0)] if belief is not None else _sentence_of(found, seen)
            if finding.id in ROUTE_FIGURES and figures:
                continue
            if any(_claims_clash(f, ask, said) for f in (finding, *pair)):
                continue
            # the first question asked is answered in full; a later one by its first
            # sentence and what it must keep, the rest only while the reply fits a phone
            essential = (
                first
                or (ask == order.lead_ask and ask not in context)
                or any(f.id in keep for f in (finding, *pair))
            )
            if ask in room_only and not first:
                continue
            rank = 2 if ask in room_only else (0 if essential else 1)
            rank = 0 if belief is not None else rank  # (a correction is always said)
            for f in (finding, *pair):
                seen.add(f.id)
                if rank == 0:  # (a sentence the budget may drop supersedes nothing)
                    seen.update(SUPERSEDES.get(f.id, ()))
                sayer.setdefault(f.id, ask)
                said.update({k: (v, ask) for k, v in _claims(f).items() if k not in said})
            figures = figures or finding.id in ROUTE_FIGURES
            planned.append((ask, [finding, *pair], rank))
            first = False
    return _Plan(planned, corrections_planned, unanswerable, absorbed)


def _within_budget(planned: list[tuple[str, list[Finding], int]], unrecognised: bool) -> set[int]:
    """The planned sentences said (indexes): every rank 0, then rank 1 and rank 2 while the
    reply stays within WORD_BUDGET words, for a phone; one sentence when what was asked is
    not recognised (what the facts support, short)."""
    words = {n: len(render(p[1][0], *p[1][1:]).split()) for n, p in enumerate(planned)}
    chosen = {n for n, p in enumerate(planned) if p[2] == 0}
    total = sum(words[n] for n in chosen)
    for rank in (1, 2):
        for n, p in enumerate(planned):
            if p[2] == rank and total + words[n] <= WORD_BUDGET:
                chosen.add(n)
                total += words[n]
    if unrecognised:
        chosen = set(sorted(chosen)[:1])
    return chosen


@dataclass(frozen=True, slots=True)
class _Said:
    """The sentences worded (``_say``), each with the question it answers."""

    sentences: list[str]
    for_ask: list[str]  # the question each of ``sentences`` answers
    rules: list[str]
    findings: list[Finding]
    first_findings: list[Finding]  # the leading answer's: its open conditions are asked


def _say(
    order: _Order,
    plan: _Plan,
    chosen: set[int],
    facts: Mapping[str, Any],
    in_words: set[str],
    yes_no: Mapping[str, str] | None,
    labels: Mapping[str, str] | None,
    unrecognised: bool,
    probe: str | None = None,
) -> _Said:
    """The chosen sentences in words, apart from the planning: only here is it known which
    sentence opens an answer, so only here a verdict ("Yes: ...") may be said, and a
    correction takes its words (``correction``)."""
    # the questions asked for a yes or a no in so many words, and what each question
    # answered stands for (a question as it applies to the kind of money)
    yes_no = dict(yes_no or {})
    closed = {a for a in set(yes_no) & in_words if _asks_what_is_possible(yes_no[a])}
    mapped_from = {q: {a} for a in yes_no for q in for_money([a], facts)}
    out = _Said([], [], [], [], [])
    opened: set[str] = set()
    verdicts: set[str] = set()  # "yes" / "no": the verdicts said
    said_by: dict[str, set[str]] = {a: set() for a in order.answered}  # and by which answer
    # (the answer that leads: a correction's, where its question was asked, else the first
    # question's after the corrections)
    asked_ones = set(order.answered[order.correcting :])
    leading = next(
        (
            p[0]
            for n, p in enumerate(plan.planned)
            if n not in plan.corrections or p[0] in asked_ones
        ),
        None,
    )
    minor, context = order.minor, order.context
    for n, (ask, group, _) in enumerate(plan.planned):
        if n not in chosen:
            continue
        if ask == leading:
            out.first_findings.extend(group)
        if n in plan.corrections:
            out.sentences.append(correction(order.corrects[ask], group[0]))
            out.for_ask.append(ask)
            out.rules.extend((order.corrects[ask].rule, group[0].rule))
            out.findings.append(group[0])
            continue
        # a verdict ("Yes: ...") opens the answer to a question asked, or goes on from a
        # verdict of that answer ("Yes: ..." then "Yes after a rollover too: ..."), never
        # a later line, and never the opposite of a verdict said before it ("Not unless
        # ..." after "Yes, that works"): that one is said without its verdict; nor the
        # answer to what was only told while something else is asked (context: "When I
        # received the check, which was made out to my Roth IRA custodian", bc047, asked
        # nothing of the check, so no "Yes:" answers it)
        verdict = verdict_of(group[0])
        heads = ask not in opened or (verdict is not None and verdict in said_by[ask])
        opening = ask not in minor and heads and not (verdict and verdicts - {verdict})
        opening = opening and ask not in context
        opening = opening and not unrecognised
        leads = ask not in opened and opening
        opened.add(ask)
        sentence = _worded(group[0], group[1:], facts, opening=opening, probe=probe)
        if not sentence:
            continue
        asked_so = closed & {ask, *mapped_from.get(ask, ())}
        # (the reply's first answer, or a numbered part's, and the question its sentence
        # asks, not a route beside a dedicated one)
        heads_reply = not out.sentences or bool(labels and labels.get(ask))
        if leads and heads_reply and verdict is None and asked_so and ask not in order.beside:
            sentence = _with_verdict(ask, group, sentence, facts)
        if verdict and sentence.startswith(_condition(group[0])["opens"]):
            verdicts.add(verdict)
            said_by.setdefault(ask, set()).add(verdict)
        out.sentences.append(sentence)
        out.for_ask.append(ask)
        out.rules.extend(f.rule for f in group)
        out.findings.extend(group)
    return out


def _numbered_and_honest(
    said: _Said,
    order: _Order,
    plan: _Plan,
    facts: Mapping[str, Any],
    asks: Sequence[str],
    labels: Mapping[str, str] | None,
    unanswered_items: Sequence[tuple[str, int]],
    item_topics: Mapping[str, Collection[str]] | None,
    unrecognised: bool,
) -> list[str]:
    """The paragraphs of the reply: the sentences said, one honest line for each question
    asked that no finding answers (never silence), and, when the text numbers its
    questions, the poster's numbers (``numbered``)."""
    sentences_out, said_for_ask = list(said.sentences), list(said.for_ask)
    for ask in [] if unrecognised else order.asked_here[:MAX_ANSWERED]:
        if ask in plan.unanswerable:
            sentences_out.append(_who_knows(ask))
            said_for_ask.append(ask)
    if labels and not unrecognised:
        # (a question as it applies to the kind of money keeps the number it was asked in)
        labels = {q: n for a, n in labels.items() for q in for_money([a], facts)} | dict(labels)
        labels = items_said_by(labels, asks, said_for_ask, plan.absorbed)
        sentences_out = numbered(
            sentences_out,
            said_for_ask,
            labels,
            order.sentences or {},
            unanswered_items,
            item_topics,
        )
    return sentences_out


def _follow_ups(said_for: Sequence[str], findings: Sequence[Finding]) -> tuple[str, ...]:
    """The facts worth asking next: each answered question's follow-up, then the fact a
    finding said turns on ("it depends on the kind of money" asks it)."""
    follow = tuple(
        q.follow_up for q in (catalogue()[a] for a in said_for) if q.follow_up is not None
    )
    given = {f.id for f in findings}
    return follow + tuple(
        fact
        for a in said_for
        for finding, fact in catalogue()[a].follow_up_when
        if finding in given and fact not in follow
    )


def corrections(
    beliefs: Sequence[str], facts: Mapping[str, Any], result: Mapping[str, Any]
) -> dict[str, Belief]:
    """The catalogue question whose answer corrects each of ``beliefs`` (belief ids, in
    the order stated; ``knowledge.answers.belief_entries``), and the belief: the first for
    a question corrected twice; only a belief the facts show wrong for this person
    (``belief_wrong_for``: "each conversion has its own 5 years" only past 59½)."""
    entries = belief_entries()
    out: dict[str, Belief] = {}
    for belief_id in beliefs:
        if belief_id in entries:
            ask, belief = entries[belief_id]
            if belief_wrong_for(belief, facts, result):
                out.setdefault(ask, belief)
    return out


def correction(belief: Belief, finding: Finding) -> str:
    """The sentence that corrects ``belief`` (``beliefs`` of the messages), with the
    figures of the finding it rests on; ``{finding}`` in it is that finding's own sentence
    (where it states the rule in full: "No: rolled-in contributions ... come out any
    time")."""
    template = _catalogue_file()["beliefs"][belief.id]
    said = _after_colon(" ".join(render(finding).split()))
    return " ".join(_FORMAT.format(template, **finding.params, finding=said).split())


# At most this many numbered questions with no cited answer get their honest line.
MAX_UNANSWERED_ITEMS = 3


def item_number(label: str) -> str:
    """How a reply writes the poster's number of a question: "1." for "1)", "a)" for
    "(a)", "Q1:" for "Q1", "2 and 3." for one answer to both ("2,3")."""
    if "," in label:
        *most, last = label.split(",")
        return ", ".join(most) + " and " + item_number(last)
    if label.isdigit():
        return f"{label}."
    return f"{label})" if len(label) == 1 else f"{label}:"


def numbered(
    paragraphs: Sequence[str],
    asks: Sequence[str],
    labels: Mapping[str, str],
    sentences: Mapping[str, int],
    unanswered_items: Sequence[tuple[str, int]] = (),
    item_topics: Mapping[str, Collection[str]] | None = None,
) -> list[str]:
    """The answers numbered as the poster numbered the questions ("1) Can I ...? 2) Do I
    owe ...? 3) When ...?"): ``paragraphs`` (each answering the question of the same place
    in ``asks``) with the first answer to each number opened by it, so a phone reader sees
    "1. ... 2. ... 3. ..." and no number dropped. A number is said only over an answer to
    the question asked in that item (an expert grading found a number over a paragraph
    that does not answer that item misleading, and "1, 2 and 3." over one paragraph a claim
    to answer items it only touches): a question recognised in several items opens with
    the number of the item it is placed at. Each later item it was also recognised in
    points to that answer only where it answers that item (``answers_item``: it speaks of
    every topic the item names, ``item_topics``); else, like a numbered question no
    catalogue question answers, it gets the honest line in its place, never silence, and
    never a pointer to an answer that does not answer it (expert gradings found "On that
    part I can cite only the answer to 1 above" false modesty where 1 answers it, and a
    false lead where it does not). Unchanged unless two numbers or more are said: a lone
    "2." numbers nothing."""
    said = {labels[a].split(",")[0] for a in asks if labels.get(a)}
    lines: dict[str, tuple[float, str]] = {}  # item -> (where it goes, its line)
    # item -> (the item said, its ask, sentence) of each answer recognised in it too
    beside: dict[str, list[tuple[str, str, int]]] = {}
    for ask in dict.fromkeys(asks):
        own, *more = labels.get(ask, "").split(",")
        for label in more:
            if label and label not in said:
                beside.setdefault(label, []).append((own, ask, sentences.get(ask, -1)))
    for label, at in unanswered_items:
        if label and label not in said and label not in beside:
            lines.setdefault(label, (at, note("unrecognised.item", number=item_number(label))))
    # (an item the text places nowhere goes after the items numbered before it)
    known = {labels[a].split(",")[0]: float(sentences.get(a, -1)) for a in asks if labels.get(a)}
    known |= {label: at for label, (at, _) in lines.items()}
    for label, recognised in beside.items():
        before = [spot for n, spot in known.items() if _item_order(n) < _item_order(label)]
        spot = max(before, default=float(recognised[0][2])) + 0.01
        line = note("unrecognised.item", number=item_number(label))
        topics = (item_topics or {}).get(label)
        # (only an answer recognised in the item, or one that says its question: another
        # answer numbered before it that speaks of its topics may answer another question
        # of them, bb037's 1099-R of an in-plan conversion for that of a rollover)
        for own, ask, _at in recognised:
            said_here = [p for p, a in zip(paragraphs, asks, strict=True) if a == ask]
            if topics is not None and answers_item(said_here, ask, topics):
                line = note("item.answered_above", number=item_number(label), said=own)
                break
        lines[label] = (spot, line)
    items = sorted(lines.items(), key=lambda item: (item[1][0], _item_order(item[0])))
    items = items[:MAX_UNANSWERED_ITEMS]
    if len(said | {label for label, _ in items}) < 2:
        return list(paragraphs)
    out: list[tuple[str, float | None]] = []  # (paragraph, the sentence its number is at)
    opened: set[str] = set()
    paragraphs, asks = _in_item_order(paragraphs, asks, labels, sentences)
    for paragraph, ask in zip(paragraphs, asks, strict=True):
        own = labels.get(ask, "").split(",")[0]
        if own and own not in opened:
            opened.add(own)
            out.append((f"{item_number(own)} {paragraph}", sentences.get(ask, -1)))
        else:
            out.append((paragraph, sentences.get(ask) if own else None))
    for _label, (spot, line) in items:
        later = [n for n, (_, where) in enumerate(out) if where is not None and where > spot]
        numbered_at = [n for n, (_, where) in enumerate(out) if where is not None]
        place = later[0] if later else (numbered_at[-1] + 1 if numbered_at else len(out))
        out.insert(place, (line, spot))
    return [paragraph for paragraph, _ in out]


def items_said_by(
    labels: Mapping[str, str],
    asks: Sequence[str],
    said: Sequence[str],
    absorbed: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """``labels`` with the number of each item whose question is left unsaid because a
    fuller answer said, numbered before it, has it (``covers``: the 72(t) answer holds "4.
    Is the easiest the RMD format?"; or ``absorbed``: the pro-rata answer said the split
    that answers "Q3: If I can't do the targeted roll-over ... splitting the assets ... Is
    that correct?") added to that answer's, so ``numbered`` points the item there, or
    says it has no cited answer, and never drops it."""
    absorbed = absorbed or {}
    out = dict(labels)
    present = {n for a in said for n in out.get(a, "").split(",") if n}
    for ask in dict.fromkeys(asks):
        for number in labels.get(ask, "").split(","):
            if not number or number in present:
                continue
            fuller = [
                a
                for a in dict.fromkeys(said)
                if out.get(a)
                and (ask in catalogue()[a].covers or absorbed.get(ask) == a)
                and _item_order(out[a].split(",")[0]) < _item_order(number)
            ]
            if fuller:
                out[fuller[0]] += "," + number
                present.add(number)
    return out


def answers_item(paragraphs: Sequence[str], ask: str, topics: Collection[str]) -> bool:
    """True when ``paragraphs``, the answer said to ``ask``, answer a numbered item whose
    sentences name ``topics`` (``Reading.item_topics``): they, or what ``ask``'s rules are
    about (``nlu.asks.words_of``), speak of every one. "Would the growth on those
    contributions be rolled into the Traditional IRA?" names no topic beyond the split's
    words, and the split sends the earnings to a traditional IRA; "Can both the spouses do
    a 72t from their own IRA?" names whose money, which the 72(t) paragraph never speaks
    of."""
    spoken = set(words_of(ask))
    for paragraph in paragraphs:
        spoken |= topics_spoken_of(tokenized(paragraph))
    return set(topics) <= spoken


def _item_order(label: str) -> tuple[int, str]:
    """The place of an item's number among the poster's ("2" before "10", "a" before "b",
    "Q1" before "Q2")."""
    digits = label.lstrip("Qq")
    return (int(digits), "") if digits.isdigit() else (0, label.lower())


def _in_item_order(
    paragraphs: Sequence[str],
    asks: Sequence[str],
    labels: Mapping[str, str],
    sentences: Mapping[str, int],
) -> tuple[list[str], list[str]]:
    """The numbered answers in the order of the items they answer (a dedicated question
    before a general one recognised in an earlier item would read "1. 3. 2."), each
    answer's paragraphs together; the unnumbered ones stay where they are."""
    blocks: list[tuple[str, list[str]]] = []
    for paragraph, ask in zip(paragraphs, asks, strict=True):
        if blocks and blocks[-1][0] == ask:
            blocks[-1][1].append(paragraph)
        else:
            blocks.append((ask, [paragraph]))
    slots = [n for n, (ask, _) in enumerate(blocks) if labels.get(ask)]
    placed = sorted((blocks[n] for n in slots), key=lambda b: sentences.get(b[0], -1))
    for n, block in zip(slots, placed, strict=True):
        blocks[n] = block
    return [p for _, ps in blocks for p in ps], [a for a, ps in blocks for _ in ps]


def _for_the_money(
    asks: list[str],
    facts: Mapping[str, Any],
    stated: Collection[str],
    sentences: Mapping[str, int] | None,
) -> tuple[list[str], Collection[str], Mapping[str, int] | None]:
    """The questions as they apply to the kind of money the facts name (no after-tax
    answer told about Roth 401(k), pretax or IRA money alone: ``knowledge.answers.
    for_money``), each in the place, and with the status, of the question it replaces."""
    mapped = {a: for_money([a], facts) for a in asks}
    known = list(dict.fromkeys(q for a in asks for q in mapped[a]))
    if not known:  # nothing asked applies to that money: its own general question
        known = list(for_money([DEFAULT_ASK], facts))
    if all(mapped[a] == (a,) for a in asks):
        return known, stated, sentences
    where = dict(sentences or {})
    for a in asks:
        for q in mapped[a]:
            if a in where:
                where[q] = min(where.get(q, where[a]), where[a])
    said = set(stated) | {q for a in asks if a in stated for q in mapped[a]}
    return known, said, where


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


# A question restated in the reply's first line is cut after so many words.
RESTATED_WORDS = 14
# What a question may open with that is no part of it: list markers and bullets.
_MARKERS = "•*-–—#>"


def restated(sentence: str) -> str:
    """A question in the poster's words, short enough for a reply's first line: list
    markers dropped, cut after ``RESTATED_WORDS`` words ("..." where cut)."""
    words = _unbulleted(unicodedata.normalize("NFC", sentence).split())
    # (the list item's number: nlu.questions' one reading of it)
    words = _unbulleted(without_item_marker(tokenized(" ".join(words))[:]).split())
    # (a lead-in that only announces the question: "My question is how do I ...")
    lowered = " ".join(words).lower()
    for lead in _catalogue_file().get("restate_drop") or ():
        if lowered.startswith(lead + " ") and len(words) > len(lead.split()):
            words = words[len(lead.split()) :]
            words[0] = words[0][:1].upper() + words[0][1:]
            break
    if len(words) > RESTATED_WORDS:
        return " ".join(words[:RESTATED_WORDS]).rstrip(",;:") + "..."
    return " ".join(words)


def no_cited_answer(question: Unrecognised | None) -> str:
    """The honest first line for a question no catalogue answer answers: its words
    restated when it is a question in form (a "?": a told sentence that asks, "my advisor
    doesn't know if this creates a taxable event", is not repeated back as if it were
    said here)."""
    if question is None or not question.text.rstrip().endswith("?"):
        return note("unrecognised.any")
    return note("unrecognised.lead", question=restated(question.text))


def safety_fact(
    intents: Sequence[str], facts: Mapping[str, Any], result: Mapping[str, Any]
) -> tuple[str, str] | None:
    """The one safety fact for a text these intents describe (``safety`` in the messages:
    the first intent that has one whose finding the facts give), with its rule; None when
    none applies."""
    table = _catalogue_file().get("safety") or {}
    for intent in intents:
        if intent not in table:
            continue
        question, finding_id = table[intent]
        for finding in answer(question, facts, result):
            if finding.id == finding_id and renderable(finding):
                if _holds(finding, facts) in ("fails", "open"):
                    break
                fact = " ".join(render(finding).split())
                return note("unrecognised.safety", fact=fact), finding.rule
    return None


def _unbulleted(words: list[str]) -> list[str]:
    """``words`` without the bullets they open with ("•", "-", "#")."""
    while words and words[0].strip(_MARKERS) == "":
        words = words[1:]
    return words


def topics_named(ids: Sequence[str]) -> str:
    """The questions left unanswered, named by topic ("the rule of 55 and withholding")."""
    names = [catalogue()[i].topic for i in ids]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
