"""The spaCy pipeline: ``spacy.blank("en")`` plus rule components, built once per process.

No statistical model is loaded and nothing is fetched at run time. Each component reads
its patterns from ``nlu/patterns/*.yaml`` and records what it found as spans in
``doc.spans[GROUP]``; the payload of each span (the parsed amount, the fact value, the
provider link) sits in a list parallel to the span group, read with :func:`found`.
``nlu.assemble`` is the one place that turns those spans into Facts.

Components, in order:

- ``rothbot_sentences``: sentence starts that survive forum text ("max. pre-tax" is one
  sentence; bullets and line breaks end one).
- ``rothbot_money``: amounts in every written form (``nlu.money``).
- ``rothbot_role_cues``: the words that say what an amount is (roles.yaml).
- ``rothbot_phrases``: ages, years, filing status, rates, employment, Roth IRA, plan
  features (facts.yaml, status.yaml).
- ``rothbot_providers`` and ``rothbot_plan_types``: who keeps the plan and what it is.
- ``rothbot_intents`` and ``rothbot_topics``: what is asked, and what needs a person.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import Any

import numpy
import spacy
from spacy.attrs import IDX, LENGTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from nlu.context import Sentences, normalise, sentence_starts
from nlu.intents import find_intent_cues, find_topics
from nlu.money import find_amounts
from nlu.providers import find_plan_types, find_providers
from nlu.roles import find_role_cues_near
from nlu.tables import match_table

# The span groups the components fill (``doc.spans[name]``), read with :func:`found`.
GROUPS = ("money", "role_cues", "phrases", "providers", "plan_types", "intents", "topics")
_USER_KEY = "rothbot"


def _state(doc: Doc) -> dict[str, Any]:
    return doc.user_data.setdefault(_USER_KEY, {})


def sentences(doc: Doc) -> Sentences:
    """The sentence index of ``doc`` over its normalised text (built by the pipeline)."""
    state = _state(doc)
    if "sentences" not in state:
        # Doc.text rebuilds the text from every token; the tokenizer kept the input
        original = state.get("input") or doc.text
        text = normalise(original)
        state["sentences"] = Sentences(text, sentence_starts(text), original)
    return state["sentences"]


class _TokenOffsets:
    """Where each token of a Doc starts and ends, to map character spans to tokens.

    Equals ``Doc.char_span(..., alignment_mode="expand")`` (a token owns its trailing
    whitespace; a span starting in that whitespace starts at the next token), read from
    one array instead of a Token object per probe.
    """

    __slots__ = ("covered", "ends", "starts")

    def __init__(self, doc: Doc) -> None:
        array = doc.to_array([IDX, LENGTH, SPACY]).astype("int64")
        self.starts: list[int] = array[:, 0].tolist()
        self.ends: list[int] = (array[:, 0] + array[:, 1]).tolist()
        self.covered: list[int] = (array[:, 0] + array[:, 1] + array[:, 2]).tolist()

    def _token_at(self, char: int) -> int:
        i = bisect.bisect_right(self.starts, char) - 1
        return i if i >= 0 and char < self.covered[i] else -1

    def expand(self, start: int, end: int) -> tuple[int, int] | None:
        """(first token, end token) of the tokens the characters touch, or None."""
        first = self._token_at(start)
        last = self._token_at(end - 1)
        if first < 0 or last < 0:
            return None
        if start == self.ends[first]:
            first += 1
        return first, last + 1


def _tokens(doc: Doc) -> _TokenOffsets:
    state = _state(doc)
    offsets = state.get("tokens")
    if offsets is None:
        offsets = state["tokens"] = _TokenOffsets(doc)
    return offsets


def char_span(doc: Doc, start: int, end: int, label: str = "") -> Span | None:
    """``doc.char_span(start, end, label, alignment_mode="expand")``, faster; None when
    no token is touched."""
    where = _tokens(doc).expand(start, end)
    if where is None:
        return None
    return Span(doc, where[0], where[1], label=label)


def _store(doc: Doc, group: str, items: list[tuple[int, int, str, Any]]) -> None:
    """Record (start_char, end_char, label, payload) items as spans of ``group``."""
    spans: list[Span] = []
    payloads: list[Any] = []
    offsets = _tokens(doc)
    for start, end, label, payload in items:
        where = offsets.expand(start, end)
        if where is None or where[1] <= where[0]:
            continue
        spans.append(Span(doc, where[0], where[1], label=label))
        payloads.append(payload)
    doc.spans[group] = spans
    _remember(doc, group, spans, payloads)


def _remember(doc: Doc, group: str, spans: list[Span], payloads: list[Any]) -> None:
    """Keep the Span objects too: a SpanGroup builds new ones on every iteration."""
    state = _state(doc)
    state[group] = payloads
    state["spans:" + group] = spans


def found(doc: Doc, group: str) -> Iterator[tuple[Span, Any]]:
    """(span, payload) pairs a component recorded in ``group``, in text order."""
    state = _state(doc)
    payloads = state.get(group, [])
    spans = state.get("spans:" + group)
    if spans is None:
        spans = doc.spans.get(group, [])
    yield from zip(spans, payloads, strict=False)


@Language.component("rothbot_sentences")
def sentence_component(doc: Doc) -> Doc:
    """Mark sentence starts (forum-tolerant rules; see ``nlu.context.sentence_starts``)."""
    if not len(doc):
        return doc
    index = sentences(doc)
    # one array write: setting token.is_sent_start one by one rescans the doc each time
    # spaCy's arrays are uint64: -1 ("not a sentence start") is stored as its max value
    starts = numpy.full((len(doc), 1), numpy.iinfo(numpy.uint64).max, dtype="uint64")
    starts[0, 0] = 1
    offsets = _tokens(doc)
    for start in index.starts[1:]:
        where = offsets.expand(start, start + 1)
        if where is not None:
            starts[where[0], 0] = 1
    doc.from_array([SENT_START], starts)
    return doc


@Language.component("rothbot_money")
def money_component(doc: Doc) -> Doc:
    """Find amounts of money; payload: ``nlu.money.Amount``."""
    index = sentences(doc)
    amounts = find_amounts(index.text)
    _store(doc, "money", [(a.start, a.end, "MONEY", a) for a in amounts])
    return doc


@Language.component("rothbot_role_cues")
def role_cue_component(doc: Doc) -> Doc:
    """Find the words that give an amount its role; overlapping cues: the longest wins."""
    index = sentences(doc)
    amounts = [(a.start, a.end) for _span, a in found(doc, "money")]
    cues = find_role_cues_near(index.text, amounts, index.finder) if amounts else []
    spans = []
    by_span: dict[tuple[int, int], Any] = {}
    for cue in cues:
        span = char_span(doc, cue.start, cue.end, cue.role)
        if span is not None and len(span):
            spans.append(span)
            by_span.setdefault((span.start, span.end), cue)
    kept = sorted(filter_spans(spans), key=lambda s: s.start)
    doc.spans["role_cues"] = kept
    _remember(doc, "role_cues", kept, [by_span[(s.start, s.end)] for s in kept])
    return doc


@Language.component("rothbot_phrases")
def phrase_component(doc: Doc) -> Doc:
    """Facts stated in a phrase: ages, years, status, features; payload: ``Hit``."""
    index = sentences(doc)
    hits = match_table("facts", index) + match_table("status", index)
    _store(doc, "phrases", [(h.start, h.end, h.fact, h) for h in hits])
    return doc


@Language.component("rothbot_providers")
def provider_component(doc: Doc) -> Doc:
    """Plan providers, each linked to the plan, to an IRA, or to neither."""
    hits = find_providers(sentences(doc))
    _store(doc, "providers", [(h.start, h.end, h.name, h) for h in hits])
    return doc


@Language.component("rothbot_plan_types")
def plan_type_component(doc: Doc) -> Doc:
    """Mentions of 401(k), 403(b), 457(b) and TSP."""
    index = sentences(doc)
    hits = find_plan_types(index.text, index.finder)
    _store(doc, "plan_types", [(s, e, plan, plan) for s, e, plan in hits])
    return doc


@Language.component("rothbot_intents")
def intent_component(doc: Doc) -> Doc:
    """Cues of what is asked, negated statements left out."""
    cues = find_intent_cues(sentences(doc))
    _store(doc, "intents", [(s, e, intent, intent) for s, e, intent in cues])
    return doc


@Language.component("rothbot_topics")
def topic_component(doc: Doc) -> Doc:
    """Out-of-scope topics that need a person."""
    index = sentences(doc)
    hits = find_topics(index.text, index.finder, index)
    _store(doc, "topics", [(s, e, topic, topic) for s, e, topic in hits])
    return doc


COMPONENTS = (
    "rothbot_sentences",
    "rothbot_money",
    "rothbot_role_cues",
    "rothbot_phrases",
    "rothbot_providers",
    "rothbot_plan_types",
    "rothbot_intents",
    "rothbot_topics",
)


class _RememberingTokenizer:
    """The blank English tokenizer, keeping the input text on the Doc for the components."""

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        doc = self.tokenizer(text)
        _state(doc)["input"] = text
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)


def build() -> Language:
    """A fresh pipeline (tests use this; the reader uses the cached :func:`get_nlp`)."""
    nlp = spacy.blank("en")
    nlp.tokenizer = _RememberingTokenizer(nlp.tokenizer)
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


# Read once when the pipeline is built, so that every pattern table is compiled before
# the first real question (no slow first reply).
WARM_UP_TEXT = "I am 51, married; $40K after-tax in my 401(k) with TROWE. Can I split it?"


@cache
def get_nlp() -> Language:
    """The process-wide pipeline, built and warmed on first use, then reused."""
    nlp = build()
    nlp(WARM_UP_TEXT)
    return nlp
