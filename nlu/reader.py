"""Read a question: ``read(text, expecting=...) -> Reading``. Never raises.

This is nlu's public entry point (ARCHITECTURE.md). The spaCy pipeline is built once per
process (``nlu.pipeline.get_nlp``) and reused (``nlu.pipeline.parse`` runs it);
``read_many`` batches with ``nlp.pipe``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from types import MappingProxyType
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from nlu.accounts import ACCOUNT_KINDS, ROTH_IRA, ROTH_PLAN
from nlu.asks import Unrecognised, recognise, sentences_of
from nlu.assemble import assemble
from nlu.beliefs import stated as beliefs_stated
from nlu.data import load
from nlu.figures import StatedFigure
from nlu.figures import stated as figures_stated
from nlu.intent_classes import intent_hits
from nlu.intent_model import intents_from_model
from nlu.intents import derived_intents, intent_order, topic_descriptions
from nlu.own_years import OwnYear
from nlu.pipeline import char_bounds, get_nlp, parse, payloads, release, sentences

log = logging.getLogger(__name__)

# Longer input is cut: no question needs more, and reading stays fast on pasted pages.
MAX_CHARS = 20_000
# Out-of-scope topics the reader detects (name -> what it is, for a person). The
# conversation hands these to a person instead of answering.
OUT_OF_SCOPE: Mapping[str, str] = MappingProxyType(topic_descriptions())
# With no intent cue, a text this long (in words) or with a question mark is "other".
OTHER_MIN_WORDS = 12
# A surrogate code point: UTF-8 cannot encode one (found faster than trying to encode).
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class Reading:
    """What one message says.

    ``facts``: DESIGN.md keys to JSON values, each accepted by ``Facts.from_mapping``.
    ``intents``: DESIGN.md intent names in their fixed order. ``evidence``: fact key ->
    the words it was read from. ``corrections``: keys the message explicitly corrects.
    ``hypothetical``: a "what if" question. ``unsure``: answers ``expecting`` with
    "not sure"; ``declined``: with "rather not say". ``topics``: out-of-scope topics
    (keys of ``OUT_OF_SCOPE``). ``asks``: the answer catalogue's question ids the text
    asks, in the order asked (``nlu.asks``); ``places``: where the text says the money is
    now when it has left the plan (``in_ira``, ``paid_out``), so plan answers are not given
    for it. ``stated``: those of ``asks`` held only in sentences that state rather than
    ask (context, answered after the questions asked); ``ask_sentences``: the index of the
    sentence each ask was recognised in, in the order of ``asks``. ``plan_total``: the
    whole plan balance stated ("$300k total in the 401k") and its words; no fact of its
    own, it gives the pretax money beside the after-tax part. ``own_years``: the years the
    poster's own past transactions are dated with ("I converted in 2017"), settled years
    (``nlu.own_years``).
    ``rejected``: (fact key, the words it was read from, why it was refused) for each
    value the text states but ``Facts.from_mapping`` refuses ("I am 500"), so the bot
    can say which fact is wrong instead of silently ignoring it. ``spoken``: the fact keys
    the text speaks to, whether or not their value was settled ("my client is over 59 1/2":
    ``age``), so no follow-up asks them (``nlu.spoken``).
    """

    facts: Mapping[str, Any] = field(default_factory=dict)
    intents: tuple[str, ...] = ()
    evidence: Mapping[str, str] = field(default_factory=dict)
    corrections: frozenset[str] = frozenset()
    hypothetical: bool = False
    unsure: bool = False
    topics: frozenset[str] = frozenset()
    rejected: tuple[tuple[str, str, str], ...] = ()
    declined: bool = False
    asks: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    stated: tuple[str, ...] = ()
    ask_sentences: tuple[int, ...] = ()
    plan_total: tuple[Any, str] | None = None
    own_years: tuple[OwnYear, ...] = ()
    spoken: frozenset[str] = frozenset()
    asked: tuple[str, ...] = ()
    unrecognised: tuple[Unrecognised, ...] = ()
    third_party: str = ""
    # the poster's number of the question each of ``asks`` is asked in, when the text
    # numbers its questions ("1) ... 2) ..."): the reply numbers its answers the same way
    ask_labels: tuple[str, ...] = ()
    # those of ``asks`` asked for a yes or a no ("Can I ...?"): an answer may open with
    # its verdict
    yes_no: tuple[tuple[str, str], ...] = ()
    # where each of ``intents`` is first found in the text (a character offset; the text's
    # length for one only the trained classifier or a derivation gives): the questions
    # the intents suggest are answered in the order asked
    # (``knowledge.answers.questions_for_intents``)
    intents_at: tuple[int, ...] = ()
    # (number, topic classes) of each numbered item that asks (``nlu.asks.topic_classes``):
    # an answer recognised in an item answers it only if it speaks of all of them
    item_topics: tuple[tuple[str, frozenset[str]], ...] = ()
    # the kinds of account the text names (``nlu.accounts``: "plan", "roth_plan",
    # "roth_ira", "ira"; a bare "Roth" both Roth kinds): whose rules may answer it
    # (``knowledge.answers.for_accounts``); empty when it names none
    accounts: frozenset[str] = frozenset()
    # the kinds of account named in the sentences that ask and hold no catalogue question
    # (``unrecognised`` that name the subject): where the money asked about is
    asking_accounts: frozenset[str] = frozenset()
    # the wrong beliefs about the rules the text states as settled (``nlu.beliefs``: "I know
    # I'll have to pay the 10% penalty when I roll it over"), ids of the catalogue's
    # ``beliefs``, in text order: the answer opens with the correction
    beliefs: tuple[str, ...] = ()
    # the figures the text states for a quantity the engine computes and asks to have
    # checked (``nlu.figures``: "do I only pay tax on the $5,000?"), in text order: the
    # answer opens with a verdict on each the engine can compute (``knowledge.figures``)
    figures: tuple[StatedFigure, ...] = ()


EMPTY = Reading()


def _clean(text: Any) -> str:
    if not isinstance(text, str):
        return ""
    # lone surrogates cannot be encoded and would break printing or JSON
    if not text.isascii() and _SURROGATE.search(text):
        text = text.encode("utf-8", "replace").decode("utf-8")
    return text[:MAX_CHARS].replace("\x00", " ")


def reading_of(doc: Doc, expecting: str | None = None) -> Reading:
    """The Reading of a Doc that has been through the pipeline."""
    built = assemble(doc, expecting)
    index = sentences(doc)
    topics = frozenset(payloads(doc, "topics"))
    facts, evidence = built.facts, built.evidence
    if "inherited" in topics and expecting is None:
        # an inherited account's plan was the deceased's employer's: whose employment a
        # post about it speaks of is unclear ("continue to contribute"), so it is asked
        facts = {k: v for k, v in facts.items() if k not in _EMPLOYMENT}
        evidence = {k: v for k, v in evidence.items() if k not in _EMPLOYMENT}
    # the cues of intents.yaml, the word classes meeting in a sentence, and, in a text
    # that asks something, what the trained classifier is sure of (it reads the whole
    # text, so it cannot tell "I'm not worried about the 5 year rule." from a question)
    # (where each is first found: the cues' and the word classes' places)
    cues = char_bounds(doc, "intents")
    by_classes = intent_hits(doc, index, get_nlp())
    places = [(at, str(intent)) for at, _end, intent in cues]
    places += [(at, intent) for at, _end, intent, _rule in by_classes]
    found_at: dict[str, int] = {}
    for at, intent in sorted(places):
        found_at.setdefault(intent, at)
    present = set(found_at)
    if _is_question_like(index.text, bool(facts)):
        present |= intents_from_model(doc)
    still_working = facts.get("still_employed") is True and bool(
        _STILL.search(evidence.get("still_employed", ""))
    )
    present = derived_intents(present, facts, still_working)
    intents = tuple(i for i in intent_order() if i in present and i != "other")
    if "other" in present or (not intents and _is_question_like(index.text, bool(facts))):
        intents = (*intents, "other")
    recognised = recognise(doc)
    accounts, asking_accounts = _accounts_named(
        doc, [u.sentence for u in recognised.unrecognised if u.subject]
    )
    return Reading(
        facts=facts,
        intents=intents,
        intents_at=tuple(found_at.get(i, len(index.text)) for i in intents),
        evidence=evidence,
        corrections=built.corrections,
        hypothetical=bool(index.hypothetical_starts),
        unsure=built.unsure,
        declined=built.declined,
        topics=topics,
        rejected=built.rejected,
        asks=recognised.asks,
        places=recognised.places,
        stated=recognised.stated,
        ask_sentences=recognised.sentence_of,
        plan_total=built.plan_total,
        own_years=built.own_years,
        spoken=frozenset(payloads(doc, "spoken")),
        asked=recognised.asked,
        unrecognised=recognised.unrecognised,
        third_party=_third_party(doc),
        ask_labels=recognised.labels,
        yes_no=recognised.yes_no,
        item_topics=recognised.item_topics,
        accounts=accounts,
        asking_accounts=asking_accounts,
        beliefs=tuple(belief for belief, _sentence in beliefs_stated(doc)),
        figures=figures_stated(doc),
    )


def _accounts_named(doc: Doc, asking: list[int]) -> tuple[frozenset[str], frozenset[str]]:
    """The kinds of account the text names (``doc.spans["accounts"]``'s mentions), and those
    of its ``asking`` sentences (indexes of ``doc.sents``); a "Roth" that is in no mention
    ("I assume a Roth would be the same?") may be either Roth kind. The mentions are read
    once for both."""
    every = payloads(doc, "accounts")
    mentions = [m for m in every if m.kind in ACCOUNT_KINDS]
    covered = {i for m in every for i in range(m.start, m.end)}
    # (a bare "Roth": where each one stands, outside every mention)
    bare_roth = [t.i for t in doc if t.lower_.startswith("roth") and t.i not in covered]

    def kinds(tokens: range | set[int]) -> frozenset[str]:
        named = {m.kind for m in mentions if m.start in tokens}
        if any(i in tokens for i in bare_roth):
            named |= {ROTH_PLAN, ROTH_IRA}
        return frozenset(named)

    everywhere = kinds(range(len(doc)))
    if not asking:
        return everywhere, frozenset()
    spans = sentences_of(doc)
    tokens = {t for i in asking if i < len(spans) for t in range(spans[i].start, spans[i].end)}
    return everywhere, kinds(tokens)


def _third_party(doc: Doc) -> str:
    """ "client" for "I have a client with ...": whom a post about someone else's account
    is about (spaCy ``Matcher`` token patterns, ``third_party`` of language.yaml: the
    first match's last word, singular), else ""."""
    matcher, persons = _third_party_matcher(doc.vocab)
    lower = sentences(doc).lower
    if not any(person in lower for person in persons):
        return ""  # (a quick look for the words first: most texts name no one)
    matches = matcher(doc)
    if not matches:
        return ""
    _id, _start, end = min(matches, key=lambda m: (m[1], m[2]))
    return doc[end - 1].lower_.removesuffix("s")


@cache
def _third_party_matcher(vocab: Vocab) -> tuple[Matcher, tuple[str, ...]]:
    """The Matcher of the patterns, and the words their last token may be."""
    patterns = load("language")["third_party"]
    matcher = Matcher(vocab)
    matcher.add("third_party", patterns)
    persons = {word for pattern in patterns for word in pattern[-1]["LOWER"]["IN"]}
    return matcher, tuple(sorted(persons))


def _is_question_like(text: str, states_facts: bool = False) -> bool:
    """A question mark, or a long text; a text that only states facts ("About 38k, and
    I'm 61.") answers the bot and asks nothing."""
    if "?" in text:
        return True
    return len(text.split()) >= OTHER_MIN_WORDS and not (
        states_facts and not _QUESTION_WORDS.search(text)
    )


_STILL = re.compile(r"\bstill\b", re.IGNORECASE)
# Facts about the plan sponsor's employee.
_EMPLOYMENT = frozenset({"still_employed", "separated_from_service_age"})
# A sentence that asks without a question mark ("Can I do this.", "please explain").
_QUESTION_WORDS = re.compile(
    r"(?:^|[.!\n]\s*)(?:can|could|should|would|will|do|does|is|are|how|what|when|where|why|"
    r"which|may)\b|\b(?:please|help|wondering|explain|advice|advise|thoughts|ideas|"
    r"whether|should i|can i|could i|want to know|not sure)\b",
    re.IGNORECASE,
)


def read(text: str, *, expecting: str | None = None) -> Reading:
    """Read facts, intents and more from ``text``; ``expecting`` is the key just asked."""
    try:
        clean = _clean(text)
        if not clean.strip():
            return EMPTY
        doc = parse(clean)
        try:
            return reading_of(doc, expecting)
        finally:
            release(doc)  # (no reference cycle left for the garbage collector)
    except Exception:  # the contract: never raise on any input
        size = len(text) if isinstance(text, str) else 0
        log.exception("reader failed on a %d-character text", size)
        return EMPTY


def read_many(texts: Iterable[str], *, batch_size: int = 64) -> Iterator[Reading]:
    """``read`` over many texts, batched through ``nlp.pipe``; one Reading per text."""
    cleaned = [_clean(t) for t in texts]
    for doc in get_nlp().pipe(cleaned, batch_size=batch_size):
        try:
            reading = reading_of(doc, None) if sentences(doc).text.strip() else EMPTY
        except Exception:  # the contract: never raise on any input
            log.exception("reader failed on a %d-character text", len(sentences(doc).text))
            reading = EMPTY
        release(doc)
        yield reading
