"""The spaCy pipeline: ``spacy.blank("en")`` plus rule components, built once per process.

No statistical model is loaded and nothing is fetched at run time. Each component reads
its patterns from ``nlu/patterns/*.yaml`` and records what it found: token spans with a
payload each (the parsed amount, the fact value, the provider link), read with
:func:`found` (spans and payloads) or :func:`payloads`. A Doc from ``nlp(text)`` also
carries them as ``doc.spans[GROUP]``; the reader's own Docs (:func:`parse`), never handed
out, skip those span groups and make Span objects only for the groups read as spans.
``nlu.assemble`` is the one place that turns what was found into Facts.

Components, in order:

- ``rothbot_sentences``: sentence starts that survive forum text ("max. pre-tax" is one
  sentence; bullets and line breaks end one).
- ``rothbot_money``: amounts in every written form (``nlu.money``).
- ``rothbot_amount_uses``: amounts that moved (rolled over, converted, deposited), from
  spaCy ``Matcher`` patterns (``nlu.amount_uses``; amount_uses.yaml): no holding.
- ``rothbot_role_cues``: the words that say what an amount is (roles.yaml).
- ``rothbot_phrases``: ages, years, filing status, rates, employment, Roth IRA, plan
  features (facts.yaml, status.yaml).
- ``rothbot_implied``: facts implied rather than stated, from spaCy ``Matcher`` token
  patterns over a shared vocabulary (``nlu.implied``; implied.yaml, vocabulary.yaml).
- ``rothbot_money_kinds``: the kinds of money the text is about (designated Roth,
  after-tax, pretax, an IRA), from the same kind of patterns (``nlu.money_kinds``).
- ``rothbot_accounts``: each mention of an account and whose it is, and the figures bound
  to one (``nlu.accounts``; accounts.yaml), for the assembler's account test.
- ``rothbot_spoken``: the facts the text speaks to, settled or not (``nlu.spoken``;
  spoken.yaml), from the same kind of patterns.
- ``rothbot_providers`` and ``rothbot_plan_types``: who keeps the plan and what it is.
- ``rothbot_intents`` and ``rothbot_topics``: what is asked, and what needs a person.
"""

from __future__ import annotations

import bisect
import gc
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cache
from operator import itemgetter
from typing import Any, ClassVar

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.lang.en import English
from spacy.language import Language
from spacy.tokens import Doc, Span

from nlu import gating
from nlu.context import Sentences, normalise, sentence_starts
from nlu.intents import find_intent_cues, find_topics
from nlu.money import find_amounts
from nlu.providers import find_plan_types, find_providers
from nlu.roles import find_role_cues_near
from nlu.tables import match_table

# The span groups the components fill, read with :func:`found` (and ``doc.spans[name]``).
GROUPS = (
    "money",
    "amount_uses",
    "role_cues",
    "phrases",
    "providers",
    "plan_types",
    "intents",
    "topics",
    "spoken",
    "accounts",
    "account_figures",
    "account_statuses",
)
# The facts read from a phrase that the account rules bind to an account, as figures are.
BOUND_FACTS = frozenset({"still_employed"})
_USER_KEY = "rothbot"
# spaCy's arrays are uint64: -1 ("not a sentence start") is stored as its max value
_NOT_A_SENTENCE_START = numpy.iinfo(numpy.uint64).max

# What a component found: (first token, end token, label, payload), in text order.
_Found = tuple[int, int, str, Any]


class _State:
    """One Doc's working data, kept on ``doc.user_data`` while the components run.

    ``publish``: also fill ``doc.spans`` (False for the reader's own Docs, see
    :func:`parse`). ``spans``: the Span objects made so far per group, so that each is
    made once, and only when asked for.
    """

    __slots__ = ("found", "index", "input", "publish", "spans", "tokens")

    def __init__(self, text: str | None) -> None:
        self.input = text
        self.index: Sentences | None = None
        self.tokens: _TokenOffsets | None = None
        self.found: dict[str, list[_Found]] = {}
        self.spans: dict[str, list[tuple[Span, Any]]] = {}
        self.publish = True


def _state(doc: Doc) -> _State:
    state = doc.user_data.get(_USER_KEY)
    if state is None:  # a Doc that did not come through our tokenizer
        state = doc.user_data[_USER_KEY] = _State(None)
    return state


def sentences(doc: Doc) -> Sentences:
    """The sentence index of ``doc`` over its normalised text (built by the pipeline)."""
    state = _state(doc)
    index = state.index
    if index is None:
        # Doc.text rebuilds the text from every token; the tokenizer kept the input
        original = state.input or doc.text
        text = normalise(original)
        index = state.index = Sentences(text, sentence_starts(text), original)
    return index


class _TokenOffsets:
    """Where each token of a Doc starts, to map character spans to tokens.

    Equals ``Doc.char_span(..., alignment_mode="expand")`` (a token owns its trailing
    whitespace; a span starting in that whitespace starts at the next token), read from
    one array instead of a Token object per probe. The tokens with their whitespace
    tile the text, so a character belongs to the last token starting at or before it.
    """

    __slots__ = ("doc", "length", "starts")

    def __init__(self, doc: Doc, length: int) -> None:
        self.doc = doc
        self.length = length  # of the text
        self.starts: list[int] = doc.to_array(IDX).tolist()

    def expand(self, start: int, end: int) -> tuple[int, int] | None:
        """(first token, end token) of the tokens the characters touch, or None."""
        if not (0 <= start < self.length and 0 < end <= self.length):
            return None  # a character outside the text: no token holds it
        starts = self.starts
        first = bisect.bisect_right(starts, start) - 1
        last = bisect.bisect_right(starts, end - 1) - 1
        # past a token's start, ``start`` may be in its trailing space (a Token is only
        # made then: most spans start where a token does)
        if start != starts[first] and start == starts[first] + len(self.doc[first]):
            first += 1
        return first, last + 1


def _tokens(doc: Doc) -> _TokenOffsets:
    state = _state(doc)
    offsets = state.tokens
    if offsets is None:
        length = len(state.input) if state.input is not None else len(doc.text)
        offsets = state.tokens = _TokenOffsets(doc, length)
    return offsets


def char_span(doc: Doc, start: int, end: int, label: str = "") -> Span | None:
    """``doc.char_span(start, end, label, alignment_mode="expand")``, faster; None when
    no token is touched."""
    where = _tokens(doc).expand(start, end)
    if where is None:
        return None
    return Span(doc, where[0], where[1], label=label)


def _store(doc: Doc, group: str, items: list[tuple[int, int, str, Any]]) -> None:
    """Record (start_char, end_char, label, payload) items as token spans of ``group``."""
    kept: list[_Found] = []
    if items:
        expand = _tokens(doc).expand
        for start, end, label, payload in items:
            where = expand(start, end)
            if where is not None and where[0] < where[1]:
                kept.append((where[0], where[1], label, payload))
    _record(doc, group, kept)


def _record(doc: Doc, group: str, kept: list[_Found]) -> None:
    """Keep what a component found in ``group`` (replacing an earlier run's findings)."""
    state = _state(doc)
    state.found[group] = kept
    state.spans.pop(group, None)
    if state.publish:
        doc.spans[group] = [span for span, _payload in found(doc, group)]


def found(doc: Doc, group: str) -> list[tuple[Span, Any]]:
    """(span, payload) pairs a component recorded in ``group``, in text order."""
    state = _state(doc)
    pairs = state.spans.get(group)
    if pairs is None:
        pairs = state.spans[group] = [
            (Span(doc, first, end, label=label), payload)
            for first, end, label, payload in state.found.get(group, ())
        ]
    return pairs


def payloads(doc: Doc, group: str) -> list[Any]:
    """The payloads a component recorded in ``group``, in text order (no Span made)."""
    return [item[3] for item in _state(doc).found.get(group, ())]


def char_bounds(doc: Doc, group: str) -> list[tuple[int, int, Any]]:
    """(start_char, end_char, payload) of each span in ``group``: the characters of the
    whole tokens, as ``Span.start_char`` and ``Span.end_char`` give them."""
    items = _state(doc).found.get(group, ())
    if not items:
        return []
    tokens = _tokens(doc)
    return [
        (tokens.starts[first], tokens.starts[end - 1] + len(doc[end - 1]), payload)
        for first, end, _label, payload in items
    ]


@Language.component("rothbot_sentences")
def sentence_component(doc: Doc) -> Doc:
    """Mark sentence starts (forum-tolerant rules; see ``nlu.context.sentence_starts``)."""
    if not len(doc):
        return doc
    index = sentences(doc)
    # one array write: setting token.is_sent_start one by one rescans the doc each time
    starts = numpy.empty(len(doc), dtype=numpy.uint64)
    starts.fill(_NOT_A_SENTENCE_START)  # (numpy.full takes twice as long)
    starts[0] = 1
    if len(index.starts) > 1:
        expand = _tokens(doc).expand
        for start in index.starts[1:]:
            where = expand(start, start + 1)
            if where is not None:
                starts[where[0]] = 1
    doc.from_array([SENT_START], starts)
    return doc


@Language.component("rothbot_money")
def money_component(doc: Doc) -> Doc:
    """Find amounts of money; payload: ``nlu.money.Amount``."""
    index = sentences(doc)
    amounts = find_amounts(index.text)
    _store(doc, "money", [(a.start, a.end, "MONEY", a) for a in amounts])
    return doc


@Language.factory("rothbot_amount_uses")
def make_amount_uses_component(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Amounts that were moved (``nlu.amount_uses``); payload: the ``Amount``."""
    from nlu.amount_uses import AmountUses

    rules: list[AmountUses] = []  # built on the first Doc: its vocab is the pipeline's

    def amount_uses_component(doc: Doc) -> Doc:
        amounts = _state(doc).found.get("money", ())
        moved: list[_Found] = []
        if amounts:
            if not rules:
                rules.append(AmountUses(nlp))
            moved = rules[0].moved(doc, [(first, end, a) for first, end, _label, a in amounts])
        _record(doc, "amount_uses", moved)
        return doc

    return amount_uses_component


@Language.component("rothbot_role_cues")
def role_cue_component(doc: Doc) -> Doc:
    """Find the words that give an amount its role; overlapping cues: the longest wins."""
    index = sentences(doc)
    amounts = [(a.start, a.end) for a in payloads(doc, "money")]
    cues = find_role_cues_near(index.text, amounts, index.finder) if amounts else []
    spans: list[_Found] = []
    if cues:
        expand = _tokens(doc).expand
        for cue in cues:
            where = expand(cue.start, cue.end)
            if where is not None and where[0] < where[1]:
                spans.append((where[0], where[1], cue.role, cue))
    _record(doc, "role_cues", longest_first(spans))
    return doc


def longest_first(spans: list[_Found]) -> list[_Found]:
    """``spacy.util.filter_spans`` on token spans: of overlapping spans the (first)
    longest is kept; the kept ones in text order."""
    ordered = sorted(spans, key=lambda s: (s[1] - s[0], -s[0]), reverse=True)
    taken: set[int] = set()
    kept = []
    for span in ordered:
        first, end = span[0], span[1]
        if first not in taken and end - 1 not in taken:
            kept.append(span)
            taken.update(range(first, end))
    kept.sort(key=itemgetter(0))
    return kept


@Language.component("rothbot_phrases")
def phrase_component(doc: Doc) -> Doc:
    """Facts stated in a phrase: ages, years, status, features; payload: ``Hit``."""
    index = sentences(doc)
    hits = match_table("facts", index) + match_table("status", index)
    _store(doc, "phrases", [(h.start, h.end, h.fact, h) for h in hits])
    return doc


def _hits_of(nlp: Language, build: Callable[[Language], Any]) -> Callable[[Doc], list[Any]]:
    """The hits (``.hits(doc, sentences)``) of the rules ``build(nlp)`` makes, on a Doc. The
    rules are built on the first Doc, so their vocab is the pipeline's."""
    rules: list[Any] = []

    def hits(doc: Doc) -> list[Any]:
        if not rules:
            rules.append(build(nlp))
        return rules[0].hits(doc, sentences(doc))

    return hits


def _adding_phrases(nlp: Language, build: Callable[[Language], Any]) -> Callable[[Doc], Doc]:
    """A component that adds the hits of the rules ``build(nlp)`` makes to the phrases'
    facts, in token order (``_hits_of``)."""
    hits_of = _hits_of(nlp, build)

    def component(doc: Doc) -> Doc:
        hits = hits_of(doc)
        if hits:
            kept = list(_state(doc).found.get("phrases", ()))
            for hit in hits:
                span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
                if span is not None:
                    kept.append((span.start, span.end, hit.fact, hit))
            kept.sort(key=itemgetter(0))
            _record(doc, "phrases", kept)
        return doc

    return component


@Language.factory("rothbot_implied")
def make_implied_component(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Facts implied rather than stated (``nlu.implied``), added to the phrases' facts."""
    from nlu.implied import ImpliedFacts

    return _adding_phrases(nlp, ImpliedFacts)


@Language.factory("rothbot_money_kinds")
def make_money_kinds_component(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The kinds of money the text is about (``nlu.money_kinds``), added to the phrases'
    facts as ``rothbot_implied`` adds its own."""
    from nlu.money_kinds import MoneyKinds

    return _adding_phrases(nlp, MoneyKinds)


@Language.factory("rothbot_accounts")
def make_accounts_component(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Account mentions and whose they are (``nlu.accounts``), in group "accounts"
    (payload: ``Mention``), and the figures bound to them, in group "account_figures"
    (payload: (the ``Amount``, its ``Bound``)), and the employment phrases bound to one, in
    group "account_statuses" (payload: (the ``Hit``, its ``Bound``))."""
    from nlu.accounts import Accounts

    rules: list[Accounts] = []  # built on the first Doc: its vocab is the pipeline's

    def accounts_component(doc: Doc) -> Doc:
        if not rules:
            rules.append(Accounts(nlp))
        mentions = rules[0].mentions(doc)
        _record(doc, "accounts", [(m.start, m.end, m.kind, m) for m in mentions])

        def bind(group: str, items: Sequence[tuple[int, int, str, Any]]) -> None:
            """Each item (first token, end, label, payload) bound to a mention, recorded in
            ``group`` with (its payload, the ``Bound``)."""
            bound = rules[0].bind(doc, [(first, end) for first, end, _l, _p in items], mentions)
            payload = {first: value for first, _end, _l, value in items}
            _record(doc, group, [(f, e, rule, (payload[f], b)) for f, e, rule, b in bound])

        bind("account_figures", _state(doc).found.get("money", ()))
        # a job read from paying in: where the money goes ("I contribute the maximum to my
        # traditional IRA": an IRA, which needs no employer)
        bind(
            "account_statuses",
            [
                item
                for item in _state(doc).found.get("phrases", ())
                if item[2] in BOUND_FACTS and rules[0].pays_in(doc, item[0], item[1])
            ],
        )
        return doc

    return accounts_component


@Language.factory("rothbot_spoken")
def make_spoken_component(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The facts the text speaks to (``nlu.spoken``), in group "spoken" (payload: the
    fact key; ``_hits_of``)."""
    from nlu.spoken import SpokenFacts

    hits_of = _hits_of(nlp, SpokenFacts)

    def component(doc: Doc) -> Doc:
        _store(doc, "spoken", [(h.start, h.end, h.fact, h.fact) for h in hits_of(doc)])
        return doc

    return component


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
    "rothbot_amount_uses",
    "rothbot_role_cues",
    "rothbot_phrases",
    "rothbot_implied",
    "rothbot_money_kinds",
    "rothbot_accounts",
    "rothbot_spoken",
    "rothbot_providers",
    "rothbot_plan_types",
    "rothbot_intents",
    "rothbot_topics",
)


class _RememberingTokenizer:
    """The blank English tokenizer, keeping the input text on the Doc for the components.

    ``special_cases``: spaCy's tokenizer exceptions the tokenizer was made without, each
    added (``add_special_case``) before the first text that could need it is split (see
    :class:`_SpecialCasesWhenSeen`)."""

    def __init__(
        self,
        tokenizer: Callable[[str], Doc],
        special_cases: Mapping[str, Sequence[Mapping[int | str, str]]] | None = None,
    ) -> None:
        self.tokenizer = tokenizer
        self._special_cases = (
            _SpecialCasesWhenSeen(tokenizer, special_cases) if special_cases else None
        )

    def __call__(self, text: str) -> Doc:
        if self._special_cases is not None:
            self._special_cases.add_for(text)
        doc = self.tokenizer(text)
        doc.user_data[_USER_KEY] = _State(text)
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)


# A run of this many characters without a space is kept as one token. spaCy strips
# suffixes one at a time, each found by a regex search of the whole run, so a long run
# of "$" or "?" takes time growing with the square of its length (4,000 "$" took 3 s, a
# 20,000-character message 86 s); no word or amount is that long.
LONGEST_SPLIT_RUN = 200


class _SpecialCasesWhenSeen:
    """spaCy's tokenizer exceptions ("don't", "a.m.", ":)"), added to a tokenizer made
    without them when a text that could need them is first split.

    Making English's tokenizer adds its 1,347 exceptions one by one (each a fused token
    whose new lexemes compute their attributes in Python, and three affix searches): about
    100 ms of a process that then reads one text (``rothbot ask``), which needs a few. The
    tokens are the same as with all of them: an exception is looked up only for a part
    of a whitespace-delimited chunk, and its second pass (spaCy's ``_special_matcher``)
    only for tokens that follow one another, so one that is not a part of the text with
    its whitespace taken out cannot act on it; the exceptions that hold whitespace
    (``\\n``, ``\\t``) are in the tokenizer from the start. Adding one flushes the
    tokenizer's cache, as when it is made. (A test checks the tokens equal
    ``spacy.blank("en")``'s on the real questions and on random runs of exceptions.)"""

    def __init__(
        self, tokenizer: Any, special_cases: Mapping[str, Sequence[Mapping[int | str, str]]]
    ) -> None:
        self._tokenizer = tokenizer
        self._pending = {k: v for k, v in special_cases.items() if k not in tokenizer.rules}
        # (every beginning of an exception: a part of a text is looked up only while it
        # begins one)
        self._beginnings = {
            chunk[:end] for chunk in self._pending for end in range(1, len(chunk) + 1)
        }

    def add_for(self, text: str) -> None:
        """Add the exceptions ``text`` could need that are not added yet: those that are a
        part of it with its whitespace taken out."""
        pending = self._pending
        if not pending:
            return
        glued = "".join(text.split())
        beginnings = self._beginnings
        found = set()
        for start in range(len(glued)):
            end = start + 1
            while end <= len(glued) and (part := glued[start:end]) in beginnings:
                if part in pending:
                    found.add(part)
                end += 1
        for chunk in sorted(found):  # (in order, as spaCy adds them)
            self._tokenizer.add_special_case(chunk, pending.pop(chunk))


class _ReaderDefaults(English.Defaults):
    # (a C-level match, tried before each affix is split off: no Python call per chunk)
    token_match = re.compile(rf"\S{{{LONGEST_SPLIT_RUN}}}").match


class _ReaderEnglish(English):
    """``spacy.blank("en")``, with ``token_match`` given to the tokenizer when it is made:
    setting it afterwards makes spaCy load its 1,300 special cases again (70 ms of every
    start)."""

    Defaults = _ReaderDefaults


class _OneTextDefaults(_ReaderDefaults):
    # (the exceptions that hold whitespace; the others are added when a text needs them)
    tokenizer_exceptions: ClassVar[dict[str, Any]] = {
        chunk: tokens
        for chunk, tokens in English.Defaults.tokenizer_exceptions.items()
        if chunk != "".join(chunk.split())
    }


class _OneTextEnglish(English):
    """``_ReaderEnglish`` for a process that reads one text (``for_one_text``): its
    tokenizer is made with only the whitespace exceptions (``_SpecialCasesWhenSeen``)."""

    Defaults = _OneTextDefaults


def build() -> Language:
    """A fresh pipeline (tests use this; the reader uses the cached :func:`get_nlp`)."""
    # (``spacy.blank("en")`` runs ``from_config``, which fills and validates the default
    # config through the registry before making the same object: 40-60 ms of every start;
    # ``English()`` is the language class made directly, with its default tokenizer)
    if gating.on_demand():
        nlp: Language = _OneTextEnglish()
        nlp.tokenizer = _RememberingTokenizer(nlp.tokenizer, English.Defaults.tokenizer_exceptions)
    else:
        nlp = _ReaderEnglish()
        nlp.tokenizer = _RememberingTokenizer(nlp.tokenizer)
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


# Read once when the pipeline is built, so that every pattern table is compiled before
# the first real question (no slow first reply).
WARM_UP_TEXT = "I am 51, married; $40K after-tax in my 401(k) with TROWE. Can I split it?"


@cache
def get_nlp() -> Language:
    """The process-wide pipeline, built and warmed on first use, then reused.

    The objects made so far (spaCy's and the pipeline's, about 95,000) are then taken out
    of the garbage collector's rounds (``gc.freeze``): they live as long as the process,
    and a full collection walked them all, 55-65 ms of CPU inside one read every few
    hundred reads (the slowest reads of all; 3 ms after). The collector is paused while
    the pipeline is built: its rounds over the growing heap took about 60 ms of the
    start, for about 2,000 objects of garbage (kept, frozen)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        nlp = build()
        if not gating.on_demand():  # (a process that reads one text needs no warm-up)
            nlp(WARM_UP_TEXT)
    finally:
        gc.freeze()
        if collecting:
            gc.enable()
    return nlp


def for_one_text() -> None:
    """This process reads one text (``rothbot ask``): from now on the pipeline and the
    rules build only what a text needs, when it first needs it (``nlu.gating``'s
    deferred Matchers and phrases), and the pipeline is not warmed up on a sample text.
    The readings are the same; a long-running process builds everything up front, so
    that no reply pays for a build. Call it before the first read."""
    gating.build_on_demand()


def parser_for(nlp: Language) -> Callable[[str], Doc]:
    """``nlp(text)`` as the reader runs it: the same findings, without ``doc.spans``
    (see the module docstring), and the components called directly: ``Language.__call__``
    looks up an error handler and a config per component, a fixed cost that shows on
    short texts. (Benchmarks use it on a freshly built pipeline.)"""
    make_doc = nlp.make_doc
    # ``Language.pipeline`` builds a new list (and an error message) on every call
    components = tuple(component for _name, component in nlp.pipeline)

    def parse_with(text: str) -> Doc:
        doc = make_doc(text)
        _state(doc).publish = False
        for component in components:
            doc = component(doc)
        return doc

    return parse_with


@cache
def _parser() -> Callable[[str], Doc]:
    return parser_for(get_nlp())


def parse(text: str) -> Doc:
    """The process-wide pipeline run as :func:`parser_for` says (the reader's way); call
    :func:`release` when done with the Doc."""
    return _parser()(text)


def tokenized(text: str) -> Doc:
    """``text`` as spaCy's tokenizer splits it, with no component run and nothing kept on
    the Doc (so nothing to ``release``): for matching word patterns on the bot's own
    sentences (a reply's paragraph, a question said back)."""
    return get_nlp().make_doc(text)


def release(doc: Doc) -> None:
    """Drop what the components kept on ``doc`` (``doc.user_data``), once it is read.

    What they keep refers back to the Doc (its token offsets, Span objects), a reference
    cycle: the Doc and its tokens' memory were freed only by the garbage collector, whose
    rounds over a read's leftovers took 2-3 ms each (a sixth of the reads held one, about
    0.3 ms a read, the rest of the rounds in between). Released, a Doc is freed as soon
    as the reader lets go of it."""
    doc.user_data.clear()
