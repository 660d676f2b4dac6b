"""Which questions of the answer catalogue a text asks, in the order it asks them.

People rarely ask one thing. "Can I do it now or must I wait? And will I owe the 10%?"
holds two questions, and a reply must answer both, in that order. Each question of the
catalogue (``knowledge/data/questions/``) is recognised by word classes that occur
together: spaCy ``Matcher`` token patterns over a shared vocabulary
(``nlu/patterns/asks.yaml``), combined by small named rules (all of these classes in one
sentence, none of those). A matcher, not a classifier: every recognition names the
patterns that fired, and a new phrasing is a data change with a test.

How the patterns run (the speed of a read): spaCy's ``Matcher`` checks a word set
(``{LOWER: {IN: [...]}}``) in Python at every token, and tries every pattern at every
token. So a pattern that is a finite set of word sequences (exact words, word sets,
optional tokens) goes to a ``PhraseMatcher``, a hash lookup per token in C, one phrase
per sequence, added when a text first holds its first word (``FirstWordPhrases``); a
pattern of one token testing its word with a regex is tested once per distinct word
(``WordRegexes``); the rest (gaps of any words, REGEX, NOT_IN) stay in
``Matcher`` objects,
their first token matched as an exact word where its set is small, a long gap spelled at
each of its lengths (``fixed_lengths``), and each run only on a text that holds the
words it needs (``nlu.gating``). Only where a class starts counts, and all this finds
the same starts as one ``Matcher`` over the patterns as written
(``tests/nlu/test_asks_matching.py``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, partial
from math import prod

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from nlu.context import sentence_holding
from nlu.data import load
from nlu.gating import (
    FirstWordPhrases,
    Gated,
    Gates,
    WordRegexes,
    first_token_exact,
    gated_matches,
    lower_places,
    word_regex,
)
from nlu.questions import ASKS, PREMISE, TELLS, item_labels, yes_no
from nlu.questions import asking as sentence_levels


@dataclass(frozen=True, slots=True)
class AskRule:
    """One way of recognising a catalogue question: every group of ``all`` (a group is a
    set of alternative classes) occurs, no class of ``none`` does, within one sentence
    (or the whole text), in a sentence that asks when ``question``; every group of
    ``in_text`` and no class of ``none_in_text`` anywhere in the text."""

    ask: str
    all: tuple[frozenset[str], ...]
    none: frozenset[str]
    none_in_text: frozenset[str]
    in_text: tuple[frozenset[str], ...]
    within: str
    question: bool
    # the classes (or pattern ids) it needs that are not the subject's broad words
    # (``subject_broad``): a question about a topic beyond the catalogue (``beyond``: "Does
    # my state tax Roth conversions?") is answered by it only if it names one of these
    # itself; a rule with none ("move it to a Roth") is a catch-all
    specific: frozenset[str] = frozenset()

    def holds(self, present: set[str]) -> bool:
        return all(group & present for group in self.all) and not (self.none & present)


@dataclass(frozen=True, slots=True)
class ClauseBreaks:
    """Where a sentence's clauses part (``clause_breaks`` of asks.yaml): at a mark (";"),
    at a comma before one of ``after_comma`` (", and"), and at "and" or "but" before one
    of ``and_then`` ("and will my state tax it")."""

    marks: frozenset[str] = frozenset()
    after_comma: frozenset[str] = frozenset()
    and_then: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Catalogue:
    # the patterns that are finite sets of word sequences (each added to a PhraseMatcher
    # when a text first holds its first word)
    phrases: FirstWordPhrases
    matcher: Matcher  # the others that need no particular word
    rules: tuple[AskRule, ...]
    places: tuple[AskRule, ...] = ()  # where the money is now (``places`` of asks.yaml)
    gated: tuple[Gated, ...] = ()  # the others, by the words they need
    words: WordRegexes = field(default_factory=lambda: WordRegexes(()))  # one-token regexes
    # the classes that name the subject (``subject`` of asks.yaml), and those of them too
    # broad to tie a question to one topic (``subject_broad``)
    subject: frozenset[str] = frozenset()
    broad: frozenset[str] = frozenset()
    # the classes that name a topic beyond the catalogue's answers (``beyond``: a state's
    # tax, college aid, what to invest in): a sentence that asks and names one is not
    # answered by a broad rule
    beyond: frozenset[str] = frozenset()
    # where a question asks two things ("Can I roll it to a Roth IRA, and will my state tax
    # the earnings?"): ``clause_breaks`` of asks.yaml
    breaks: ClauseBreaks = field(default_factory=lambda: ClauseBreaks())
    # the words by which a short question asks about what was just said (``points_back``)
    pointing: frozenset[str] = frozenset()
    verdict: frozenset[str] = frozenset()
    # the words by which a question of any length opens on what was just told ("Would
    # this prevent us ...?"): ``points_back.premise``
    premise: frozenset[str] = frozenset()
    premise_effect: frozenset[str] = frozenset()


def rule_of(entry: dict, broad: frozenset[str] = frozenset()) -> AskRule:
    """The rule an entry of a pattern file spells (``asks``, ``places`` of asks.yaml,
    ``beliefs`` of beliefs.yaml): ``all``, ``none``, ``within``, ``question``, ..."""
    needs = frozenset(c for g in entry["all"] for c in str(g).split("|"))
    return AskRule(
        ask=str(entry["id"]),
        all=tuple(frozenset(str(g).split("|")) for g in entry["all"]),
        none=frozenset(entry.get("none", ())),
        none_in_text=frozenset(entry.get("none_in_text", ())),
        in_text=tuple(frozenset(str(g).split("|")) for g in entry.get("in_text", ())),
        within=str(entry.get("within", "sentence")),
        question=bool(entry.get("question", False)),
        specific=needs - broad,
    )


def build(vocab: Vocab) -> Catalogue:
    """The matcher and rules of ``asks.yaml`` over ``vocab`` (tests build a fresh one)."""
    data = load("asks")
    phrases = FirstWordPhrases(vocab)
    add = vocab.strings.add
    # (the patterns are checked against spaCy's schema by tests/nlu/test_asks_matching.py;
    # checking them here costs a fifth of the build on every start)
    matcher = Matcher(vocab, validate=False)
    gates = Gates(vocab)
    word_tests: list[tuple[int, re.Pattern[str]]] = []
    for cls, patterns in data["classes"].items():
        for pattern in patterns:
            key = f"{cls}/{pattern['id']}"
            tokens = _as_strings(pattern["pattern"])
            choices = word_choices(tokens)
            if (
                choices
                and all(choices)
                and prod(map(len, choices)) <= MAX_SEQUENCES
                and (begins := first_words(choices))
            ):
                # (surely a phrase pattern, of at most that many sequences: they are spelled
                # out when a text first holds one of their first words, most never are)
                phrases.add(key, begins, partial(_sequences, choices))
                continue
            sequences = word_sequences(tokens)
            regex = word_regex(tokens)
            if regex is not None:
                word_tests.append((add(key), re.compile(regex)))
            elif sequences is None:
                split = (first_token_exact(p, MAX_FIRST_WORDS) for p in fixed_lengths(tokens))
                spelled = [one for patterns in split for one in patterns]
                if not gates.add(key, tokens, spelled):
                    matcher.add(key, spelled)
            else:
                phrases.add(key, {words[0] for words in sequences}, partial(list, sequences))
    subject, broad = _subject_classes(data)
    broad_names = _broad_names(data, broad)
    rules = tuple(rule_of(entry, broad_names) for entry in data["asks"])
    places = tuple(rule_of(entry) for entry in data.get("places") or ())
    names = set(data["classes"]) | {p["id"] for ps in data["classes"].values() for p in ps}
    groups = (g for r in (*rules, *places) for g in (*r.all, *r.in_text, r.none, r.none_in_text))
    named = {c for g in groups for c in g}
    if named - names:  # a typo in the data must fail loudly, not silently never match
        raise ValueError(f"asks.yaml names unknown classes: {sorted(named - names)}")
    words = WordRegexes(tuple(word_tests))
    beyond = frozenset(str(c) for c in data.get("beyond") or ())
    named_sets = subject | broad | beyond | frozenset(data.get("item_topics") or ())
    if named_sets - set(data["classes"]):
        unknown = sorted(named_sets - set(data["classes"]))
        raise ValueError(f"asks.yaml subject names unknown classes: {unknown}")
    spec = data.get("clause_breaks") or {}
    breaks = ClauseBreaks(
        *(
            frozenset(str(w) for w in spec.get(k) or ())
            for k in ("marks", "after_comma", "and_then")
        )
    )
    back = data["points_back"]
    return Catalogue(
        phrases,
        matcher,
        rules,
        places,
        gates.gates(),
        words,
        subject,
        broad,
        beyond,
        breaks,
        frozenset(back["pointing"]),
        frozenset(back["verdict"]),
        frozenset(back.get("premise") or ()),
        frozenset(back.get("premise_effect") or ()),
    )


# A pattern is matched as phrases when it spells at most this many word sequences.
MAX_SEQUENCES = 5_000
# A Matcher pattern with optional or bounded tokens is added as the patterns of fixed
# length it stands for, when they are at most this many (see ``fixed_lengths``).
MAX_FIXED_LENGTHS = 64
# ... and only its runs of at least this many optional tokens ("{0,14}"): a run of r
# holds up to C(r, r/2) states per start (252 for 10), while each fixed-length pattern
# costs a little at every token, since spaCy tries every pattern at every token.
LONG_GAP = 10
# A Matcher pattern's first-token word set is split into one pattern per word up to this
# size: an exact word is checked in C (about a sixth of a set check in Python per token),
# but each pattern is tried at every token.
MAX_FIRST_WORDS = 5


def word_sequences(pattern: list[dict]) -> list[tuple[str, ...]] | None:
    """The lower-cased word sequences ``pattern`` matches, when it is such a finite set:
    each token an exact word or a word set (LOWER, or TEXT/ORTH without letter case),
    alone or optional ("?"). None for any other pattern."""
    choices = word_choices(pattern)
    return None if choices is None else _sequences(choices)


def word_choices(pattern: list[dict]) -> list[list[str | None]] | None:
    """The words each token of ``pattern`` may be (None among them: it may be left out),
    when each is a plain word choice (``word_sequences``); None for any other pattern."""
    choices = []
    for token in pattern:
        words = _token_words(token)
        if words is None:
            return None
        choices.append(words)
    return choices


def first_words(choices: list[list[str | None]]) -> set[str]:
    """The words a sequence of these word choices may begin with: those of the first
    token, and of the next while the ones before may be left out."""
    found: set[str] = set()
    for words in choices:
        found.update(word for word in words if word is not None)
        if None not in words:
            break
    return found


def _sequences(choices: list[list[str | None]]) -> list[tuple[str, ...]] | None:
    """``word_sequences`` of a pattern's word choices (``word_choices``)."""
    # (built token by token, the same ones met once: the product of the choices repeats
    # a sequence once per way of leaving out optional words, 166,000 products for the
    # 22,000 sequences of asks.yaml, a third of the catalogue's build)
    sequences: set[tuple[str, ...]] = {()}
    for words in choices:
        sequences = {
            sequence if word is None else (*sequence, word)
            for sequence in sequences
            for word in words
        }
    sequences.discard(())
    if not sequences or len(sequences) > MAX_SEQUENCES:
        return None
    return sorted(sequences)


def _token_words(token: dict) -> list[str | None] | None:
    """The words a token spec matches (None in the list: it may be left out), or None
    when it is not a plain word choice."""
    op = token.get("OP")
    if op not in (None, "?") or len(token) != (1 if op is None else 2):
        return None
    attr, value = next((k, v) for k, v in token.items() if k != "OP")
    if attr not in ("LOWER", "TEXT", "ORTH"):
        return None
    if isinstance(value, dict):
        if list(value) != ["IN"]:
            return None
        value = value["IN"]
    words = value if isinstance(value, list) else [value]
    for word in words:
        if not isinstance(word, str) or not word:
            return None
        # a LOWER word must be lower case (as the token's is); a TEXT word must have
        # no letter case at all, so that comparing lower-cased words is the same test
        if attr == "LOWER" and word != word.lower():
            return None
        if attr != "LOWER" and not (word == word.lower() == word.upper()):
            return None
    return [*words, None] if op == "?" else list(words)


def fixed_lengths(pattern: list[dict]) -> list[list[dict]]:
    """``pattern`` as patterns that together match what it matches, each long gap
    ("{n,m}" with m - n >= ``LONG_GAP``) spelled at each of its lengths (spaCy's own
    reading of the operator: n to m times). For speed: spaCy's ``Matcher`` expands
    "{0,14}" into 14 optional tokens and does not merge states, so it reaches a token by
    each choice of which optional slots took the words before it (thousands of states:
    1.6 ms a read for one such pattern); a gap of fixed length has one state per start.
    The matches, and so the starts, are the same. The pattern as written when it has no
    long gap or would stand for more than ``MAX_FIXED_LENGTHS`` patterns."""
    # each token's alternatives, each a run of tokens: the token itself, or a long gap
    # at each of its lengths
    choices: list[list[list[dict]]] = []
    for token in pattern:
        repeats = _repeats(token.get("OP"))
        if repeats is None or repeats[1] - repeats[0] < LONG_GAP:
            choices.append([[token]])
        else:
            spec = {k: v for k, v in token.items() if k != "OP"}
            choices.append([[spec] * n for n in range(repeats[0], repeats[1] + 1)])
    variants = prod(len(runs) for runs in choices)
    if variants == 1 or variants > MAX_FIXED_LENGTHS:
        return [pattern]
    spelled = ([t for run in runs for t in run] for runs in itertools.product(*choices))
    return [tokens for tokens in spelled if tokens]  # (a match of no tokens never counts)


def _repeats(op: object) -> tuple[int, int] | None:
    """How many times a token with operator ``op`` may occur, when that is bounded and
    may vary ("{n,m}", "{,m}"); None for any other operator."""
    if not (isinstance(op, str) and op.startswith("{") and op.endswith("}") and "," in op):
        return None
    low, _, high = op[1:-1].partition(",")
    if not high.strip():  # "{n,}": unbounded
        return None
    return (int(low) if low.strip() else 0, int(high))


def _as_strings(pattern: list[dict]) -> list[dict]:
    """YAML reads ``8606`` as a number and ``no`` as False; token texts are strings."""

    def text(value: object) -> object:
        if isinstance(value, bool):
            return "yes" if value else "no"
        return str(value) if isinstance(value, int | float) else value

    out = []
    for token in pattern:
        spec = {}
        for attr, value in token.items():
            if isinstance(value, dict):
                value = {
                    k: [text(v) for v in vs] if isinstance(vs, list) else text(vs)
                    for k, vs in value.items()
                }
            elif attr in ("LOWER", "TEXT", "ORTH"):
                value = text(value)
            spec[attr] = value
        out.append(spec)
    return out


@cache
def _catalogue(vocab: Vocab) -> Catalogue:
    return build(vocab)


def _subject_classes(data: dict) -> tuple[frozenset[str], frozenset[str]]:
    """The classes that name the subject (``subject`` of asks.yaml) and those of them too
    broad to tie a question to one topic (``subject_broad``)."""
    subject = frozenset(str(c) for c in data.get("subject") or ())
    return subject, frozenset(str(c) for c in data.get("subject_broad") or ())


def _broad_names(data: dict, broad: frozenset[str]) -> frozenset[str]:
    """The broad classes and the ids of their patterns that no other class has ("roll" of
    ``move``): what a rule may name without naming a topic."""
    owners: dict[str, set[str]] = {}
    for cls, patterns in data["classes"].items():
        for pattern in patterns:
            owners.setdefault(str(pattern["id"]), set()).add(cls)
    return broad | {
        p for p, classes in owners.items() if classes <= broad and p not in data["classes"]
    }


@cache
def words_of(ask: str) -> frozenset[str]:
    """The subject's word classes among the ``specific`` ones of the rules recognising
    ``ask`` (``subject`` of asks.yaml): a question that holds none of them is not about
    what ``ask`` answers."""
    data = load("asks")
    subject, broad = _subject_classes(data)
    broad_names = _broad_names(data, broad)
    rules = (rule_of(e, broad_names) for e in data["asks"] if e["id"] == ask)
    return frozenset().union(*(rule.specific for rule in rules)) & subject


@cache
def topic_classes() -> frozenset[str]:
    """The word classes that tie a question to a topic: the subject's (``subject`` of
    asks.yaml) but its broad ones, and ``item_topics`` (whose money, which year, a second
    IRA). A numbered question naming one that an answer does not speak of is not answered
    by it ("Can both the spouses do a 72t ...?" by the 72(t) paragraph of item 1)."""
    data = load("asks")
    subject, broad = _subject_classes(data)
    return subject - broad | frozenset(str(c) for c in data.get("item_topics") or ())


def topics_spoken_of(doc: Doc) -> frozenset[str]:
    """The topic classes (``topic_classes``) ``doc`` names: of a reply's paragraph, what
    it speaks of."""
    return frozenset(cls for _, cls, _ in fired(doc)) & topic_classes()


@cache
def ask_ids() -> tuple[str, ...]:
    """Every question id the patterns can recognise, in file order, once each."""
    return tuple(dict.fromkeys(str(e["id"]) for e in load("asks")["asks"]))


@cache
def place_instead() -> Mapping[str, str]:
    """Place id -> the catalogue question asked in place of one that does not apply there
    (money already in an IRA is asked about as IRA basis, a check as a 60-day rollover)."""
    return {str(e["id"]): str(e["instead"]) for e in load("asks").get("places") or ()}


def sentences_of(doc: Doc) -> list[Span]:
    """The sentences of ``doc`` as the catalogue numbers them (``Reading.ask_sentences``,
    ``Unrecognised.sentence``); one, the whole text, when no boundaries are set."""
    try:
        return list(doc.sents)
    except ValueError:  # no sentence boundaries set: the whole text is one sentence
        return [doc[:]]


def fired(doc: Doc, catalogue: Catalogue | None = None) -> list[tuple[int, str, str]]:
    """(token index, class, pattern id) where each class match in ``doc`` starts, once
    each, in text order."""
    catalogue = catalogue or _catalogue(doc.vocab)
    strings = doc.vocab.strings
    # (only where a class starts counts: a pattern's matches of several lengths at one
    # token, or its several phrases there, are one)
    places = lower_places(doc)
    starts = {(start, match_id) for match_id, start, _end in catalogue.phrases(doc, places)}
    if len(catalogue.matcher):  # (today every pattern needs a word or is a word test)
        starts.update((start, match_id) for match_id, start, _end in catalogue.matcher(doc))
    # (a Matcher run makes a Token object for every token it is given, twice: most of
    # its cost on a long text, hence the gates and windows of ``nlu.gating``)
    for word, at in places.items():
        for match_id in catalogue.words.matching(word, strings):
            starts.update((start, match_id) for start in at)
    found = gated_matches(catalogue.gated, doc, places)
    starts.update((start, match_id) for match_id, start, _end in found)
    return sorted((start, *strings[match_id].split("/", 1)) for start, match_id in starts)


@dataclass(frozen=True, slots=True)
class Unrecognised:
    """A sentence that asks and holds no catalogue question: its words (on one line),
    whether it names the subject (``subject`` of asks.yaml: "Any thoughts?" does not), and
    whether it is a short question about what was just said ("Is that correct?"), and
    which of the subject's word classes that name a topic it holds."""

    text: str
    subject: bool
    points_back: bool = False
    # the subject's word classes it holds that tie it to a topic (``subject`` of asks.yaml
    # but ``subject_broad``): "Can I move it?" holds none, "How does this play out once you
    # hit the 18k max?" holds the limit; and the classes of a topic beyond the catalogue
    # (``beyond``) it names: "Does my state tax Roth conversions?" holds the state's tax
    specific: frozenset[str] = frozenset()
    # all the subject's word classes it holds (``subject`` of asks.yaml)
    words: frozenset[str] = frozenset()
    # the number or letter of the list item it asks in, when the text numbers its
    # questions ("2" for "2) Do I owe tax on the earnings?"; ``nlu.questions.item_labels``)
    label: str = ""
    # the index of its sentence
    sentence: int = -1


@dataclass(frozen=True, slots=True)
class Recognised:
    """The catalogue questions a text asks, in the order asked, and where it says the
    money is now (``in_ira``, ``paid_out``; empty when it does not say)."""

    asks: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    # the asks held only in sentences that state rather than ask ("my income is too
    # high"): context, answered after the questions asked, and only if the reply has room
    stated: tuple[str, ...] = ()
    # the index of the sentence each of ``asks`` is held in (asks of one sentence were
    # recognised together: the most specific of them is the question asked there)
    sentence_of: tuple[int, ...] = ()
    # the sentences that ask and hold no catalogue question, in text order: what the reply
    # cannot answer from the catalogue
    unrecognised: tuple[Unrecognised, ...] = ()
    # those of ``asks`` recognised in a sentence that asks, announces a question, or is the
    # premise of one ("Our MAGI is above the limit. Would this prevent the rollover?"):
    # asked in so many words, not only told in the story
    asked: tuple[str, ...] = ()
    # the poster's number of the question each of ``asks`` is asked in, when the text
    # numbers its questions ("1", "2", "a", "Q1"); "" for one asked outside the list
    labels: tuple[str, ...] = ()
    # (ask, the word its question opens with) for those of ``asks`` asked in a sentence
    # that asks for a yes or a no ("Can I ...?": "can")
    yes_no: tuple[tuple[str, str], ...] = ()
    # (number, the topic classes its sentences name: ``topic_classes``) for each numbered
    # item that asks, in text order: what an answer must speak of to answer that item
    item_topics: tuple[tuple[str, frozenset[str]], ...] = ()


def asks_of(doc: Doc, catalogue: Catalogue | None = None) -> tuple[str, ...]:
    """The catalogue ids ``doc`` asks, ordered by the sentence that first asks each."""
    return recognise(doc, catalogue).asks


def recognise(doc: Doc, catalogue: Catalogue | None = None) -> Recognised:
    """The questions ``doc`` asks and the places it puts the money, from one matcher run."""
    catalogue = catalogue or _catalogue(doc.vocab)
    matches = fired(doc, catalogue)
    if not matches:
        return Recognised()  # (no word of the subject: no question of it either)
    sentences = sentences_of(doc)
    starts = [s.start for s in sentences]
    per_sentence: list[set[str]] = [set() for _ in sentences]
    where_in: list[list[tuple[int, str, str]]] = [[] for _ in sentences]
    for token, cls, pattern in matches:
        i = sentence_holding(starts, token)
        per_sentence[i].update((cls, pattern))
        where_in[i].append((token, cls, pattern))
    asking = sentence_levels(doc, sentences)
    numbers = item_labels(sentences, asking)
    own = [frozenset(present) for present in per_sentence]  # (before a question points back)
    about: dict[int, int] = {}  # a question that points back -> the sentence it asks of
    for i in range(1, len(sentences)):
        # "What does this mean?" and "Am I wrong?" ask about the sentence before them
        if asking[i] < PREMISE and _points_back(sentences[i], per_sentence[i], catalogue):
            # (the nearest sentence that says something: "I'm hoping he is wrong. Is he
            # right?" asks about what the coworker said before)
            j = i - 1
            while j and not per_sentence[j]:
                j -= 1
            per_sentence[i] |= per_sentence[j]
            about[i] = j
    held: set[int] = set()
    levels: dict[str, int] = {}
    items: dict[str, list[str]] = {}
    # the sentences that ask about a topic beyond the catalogue: what each names itself, and
    # what its clauses that name no such topic hold
    beyond = {
        i: (own[i], _outside_topic(sentences[i], where_in[i], catalogue))
        for i, level in enumerate(asking)
        if level == ASKS and own[i] & catalogue.beyond
    }
    ranked = _ordered(
        catalogue.rules,
        per_sentence,
        asking,
        ask_ids(),
        held,
        levels,
        _set_up(asking, sentences),
        beyond,
        numbers,
        items,
        _pointed_at(asking, sentences, catalogue),
    )
    if any(numbers):
        ranked = _in_the_list(catalogue, per_sentence, asking, numbers, held, ranked, items)
        levels.update({a: ASKS for a in ranked if a not in levels})
    places = _ordered(catalogue.places, per_sentence, asking, tuple(place_instead()))
    stated = tuple(ask for ask, (level, _) in ranked.items() if level == TELLS)
    where = tuple(i for _, i in ranked.values())
    unrecognised = tuple(
        Unrecognised(
            " ".join(sentences[i].text.split()),
            bool(per_sentence[i] & catalogue.subject),
            i in about,
            own[i] & (catalogue.subject - catalogue.broad | catalogue.beyond),
            own[i] & catalogue.subject,
            numbers[i],
            i,
        )
        for i, level in enumerate(asking)
        if level == ASKS and i not in held
    )
    asked = tuple(ask for ask in ranked if levels[ask] < TELLS)
    labels = _item_labels(tuple(ranked), where, numbers, asking, items)
    forms = yes_no(doc, sentences)
    closed = tuple(
        (a, forms[i]) for a, i in zip(ranked, where, strict=True) if forms[i] and asking[i] == ASKS
    )
    topics = topic_classes()
    # (every sentence of an item: "On the 1099-R for the IRR taxes will be paid on the
    # earnings ... Is that correct?" asks about what the item told first)
    asking_items = {n for n, level in zip(numbers, asking, strict=True) if n and level == ASKS}
    item_topics: dict[str, set[str]] = {}
    for i, number in enumerate(numbers):
        if number in asking_items:
            item_topics.setdefault(number, set()).update(own[i] & topics)
    return Recognised(
        tuple(ranked),
        tuple(places),
        stated,
        where,
        unrecognised,
        asked,
        labels,
        closed,
        tuple((n, frozenset(t)) for n, t in item_topics.items()),
    )


def _in_the_list(
    catalogue: Catalogue,
    per_sentence: list[set[str]],
    asking: list[int],
    numbers: list[str],
    held: set[int],
    ranked: dict[str, tuple[int, int]],
    items: dict[str, list[str]],
) -> dict[str, tuple[int, int]]:
    """A numbered question that holds no catalogue question on its own words, read with
    the words of the items before it: "1) Can I roll my after-tax 401k money to a Roth
    IRA? 2) Do I owe tax on the earnings? 3) When does the 5-year clock start?" asks the
    second and third about that rollover. A question so found that the text asks already
    gets the item's number too ("1 and 2"); a new one is taken only when the item's own
    words name its topic (``words_of``: "5-year clock"), placed at the item. Sentence
    rules only; ``held`` and ``items`` are updated."""
    whole = set().union(*per_sentence)
    found = dict(ranked)
    before: set[str] = set()  # the classes of the numbered items so far
    for i, present in enumerate(per_sentence):
        if not numbers[i]:
            continue
        context = present | before
        if asking[i] == ASKS:  # (the questions of the list, not a numbered list of facts)
            before |= present
        if i in held or asking[i] != ASKS or not context - present:
            continue
        topic = present & catalogue.subject - catalogue.broad
        for rule in catalogue.rules:
            if rule.within == "text" or not rule.holds(context):
                continue
            if rule.none_in_text & whole or not all(g & whole for g in rule.in_text):
                continue
            if rule.ask in found and rule.ask not in ranked:  # (found here already)
                continue
            if rule.ask not in found and not words_of(rule.ask) & topic:
                continue
            held.add(i)
            items.setdefault(rule.ask, []).append(numbers[i])
            found.setdefault(rule.ask, (ASKS, i))
    order = {ask: n for n, ask in enumerate(found)}
    return {a: found[a] for a in sorted(found, key=lambda a: (found[a], order[a]))}


def _item_labels(
    asks: Sequence[str],
    where: Sequence[int],
    numbers: Sequence[str],
    asking: Sequence[int],
    items: Mapping[str, Sequence[str]],
) -> tuple[str, ...]:
    """The poster's number of the question each ask is placed at ("" outside a numbered
    list), and after it the numbers of the items that ask it too where no other question
    is placed, the first ask to claim each: "1) Can one roll a traditional IRA into a Roth
    401(k)? 2) Does the 5-year period begin anew if I move a Roth IRA to company B? 3)
    Does it begin anew if I convert to a Roth IRA opened > 5 years ago?" answers 2 and 3
    in one ("2,3")."""
    own = [numbers[i] if numbers[i] and asking[i] == ASKS else "" for i in where]
    placed = set(own)
    labels = []
    for ask, number in zip(asks, own, strict=True):
        more = [n for n in dict.fromkeys(items.get(ask, ())) if n not in placed]
        labels.append(",".join([number, *more]) if number else "")
    return tuple(labels)


def _ordered(
    rules: Iterable[AskRule],
    per_sentence: list[set[str]],
    asking: list[int],
    file_order: tuple[str, ...],
    held: set[int] | None = None,
    levels: dict[str, int] | None = None,
    setting: list[int] | None = None,
    beyond: Mapping[int, tuple[frozenset[str], frozenset[str]]] | None = None,
    numbers: list[str] | None = None,
    items: dict[str, list[str]] | None = None,
    pointed: frozenset[int] = frozenset(),
) -> dict[str, tuple[int, int]]:
    """The ids of the rules that hold, ordered by where each first holds: a sentence
    that asks ranks before one that only announces a question ("I have a few questions
    about the rollover:"), and that before one that only states ("my income is too high"
    is context; "can I do it now?" is the question). Each id maps to its rank: (how its
    best sentence stands, ``nlu.questions.ASKS``, ``ANNOUNCES``, ``PREMISE`` or ``TELLS``, that
    sentence's index). In a sentence of ``beyond`` (one that asks about a topic beyond the
    catalogue, by index: the classes it names itself, and those of its clauses that name no
    such topic) a rule holds only where that sentence names one of its specific classes
    ("Does my state tax Roth conversions?": not a catch-all, nor a question of a sentence
    it points back to), or on the words of its other clauses ("Can I roll it to a Roth IRA,
    and will my state tax the earnings?").

    ``numbers``: the list item of each sentence, when the text numbers its questions
    (``nlu.questions.item_labels``): a question asked in a numbered item is placed there,
    not at a sentence outside the list that holds only a part of it ("I have a few
    questions on the tax implications ... 2. What code should the custodian use ...?"),
    and ``items`` gets, for each id, the numbers of the items that ask it."""
    found: dict[str, tuple[int, int]] = {}
    # the asks placed in a numbered item rather than where they were first held, and the
    # item sentences that ask them
    moved: dict[str, list[int]] = {}
    # the sentence of each ask a rule holds in in full, and for one placed at a sentence
    # holding only a part of it, the later question that holds it all
    whole_at: dict[int, set[str]] = {}
    later: dict[str, int] = {}
    levels = {} if levels is None else levels
    text = set().union(*per_sentence)  # (what rules out a question, or must be in the text)
    everywhere = per_sentence
    for rule in rules:
        per_sentence, whole = everywhere, text
        if beyond and any(not (rule.specific & named) for named, _ in beyond.values()):
            per_sentence = [
                set(beyond[i][1]) if i in beyond and not (rule.specific & beyond[i][0]) else present
                for i, present in enumerate(everywhere)
            ]
            whole = set().union(*per_sentence)
        # (then it holds in no sentence: most rules end here, at their first group)
        if rule.all and whole.isdisjoint(rule.all[0]):
            continue
        if not all(group & whole for group in rule.all):
            continue
        if rule.none_in_text & text or not all(group & text for group in rule.in_text):
            continue
        if rule.within == "text":
            where = _sentences_holding(per_sentence, rule) if rule.holds(whole) else []
        else:
            where = [i for i, present in enumerate(per_sentence) if rule.holds(present)]
        where = [i for i in where if asking[i] != TELLS or not rule.question]
        if not where:
            continue
        if held is not None:  # (every sentence a question is recognised in, and how
            held.update(where)  # the best of them stands: a premise is asked about)
            level = min((setting or asking)[i] for i in where)
            levels[rule.ask] = min(level, levels.get(rule.ask, level))
        # (a premise is told, so what it holds is context: "I am still working and under
        # 59½. Can I take the after-tax money out?" asks that in-service question only
        # because nothing else is asked)
        # (and a premise the question after it opens on is what that question asks:
        # ``pointed``, ``_pointed_at``)
        rank = min(
            (ASKS if i in pointed else asking[i] if asking[i] < PREMISE else TELLS, i)
            for i in where
        )
        if numbers and any(numbers) and items is not None:
            listed = [i for i in where if numbers[i] and asking[i] == ASKS]
            # (the items that ask it in so many words, not by a part of a text-wide rule)
            items.setdefault(rule.ask, []).extend(
                numbers[i] for i in sorted(listed) if rule.holds(per_sentence[i])
            )
            # (a sentence before the list, "I have a few questions on the tax implications
            # ...", or one that holds only a part of it, does not place it)
            before_list = rank[1] < min(i for i, n in enumerate(numbers) if n)
            unlisted = not numbers[rank[1]]
            if listed and unlisted and (before_list or not rule.holds(per_sentence[rank[1]])):
                whole_items = [i for i in listed if rule.holds(per_sentence[i])]
                moved[rule.ask] = whole_items or listed
                rank = (ASKS, moved[rule.ask][0])
        # (a text-wide rule placed at a question that holds only a part of it, and asked
        # in full by a later question: that later question asks it. "Can I do an in-plan
        # Roth conversion of just the after-tax part? Also is my 457b eligible to go to a
        # Roth IRA?": the 457(b) question, placed at the first by "Roth conversion")
        again = [i for i in where if asking[i] == ASKS and rule.holds(per_sentence[i])]
        if rule.ask not in found or rank < found[rule.ask]:
            found[rule.ask] = rank
            later.pop(rule.ask, None)
            if rule.within == "text" and again and not rule.holds(per_sentence[rank[1]]):
                later[rule.ask] = again[0]
            else:
                whole_at.setdefault(rank[1], set()).add(rule.ask)
    # (a text-wide rule placed at a question that holds only a part of it, while another
    # question is asked there in full, is asked by the later question that holds it all:
    # "Can I do an in-plan Roth conversion of just the after-tax part? Also is my 457b
    # eligible to go to a Roth IRA?": the 457(b) question, placed at the first by "Roth
    # conversion", is asked in the second)
    for ask, sentence in later.items():
        if whole_at.get(found[ask][1], set()) - {ask}:
            found[ask] = (found[ask][0], sentence)
    # (of the items that ask it, the first no other question is placed in: the broad
    # words that put it before the list may fit an item that asks something else)
    for ask, options in moved.items():
        if found[ask][1] in options:
            taken = {numbers[found[a][1]] for a in found if a not in moved}  # type: ignore[index]
            free = [i for i in options if numbers[i] not in taken]  # type: ignore[index]
            found[ask] = (ASKS, (free or options)[0])
    order = {ask: n for n, ask in enumerate(file_order)}
    return {a: found[a] for a in sorted(found, key=lambda a: (found[a], order[a]))}


def _outside_topic(
    sentence: Span, matches: list[tuple[int, str, str]], catalogue: Catalogue
) -> frozenset[str]:
    """The classes (and pattern ids) of the clauses of ``sentence`` that name no topic
    beyond the catalogue: "Can I roll it to a Roth IRA" of "Can I roll it to a Roth IRA,
    and will my state tax the earnings?"; none of "Does my state tax Roth conversions?"."""
    breaks = catalogue.breaks
    words = [t.lower_ for t in sentence]
    clause_of: dict[int, int] = {}
    clause = 0
    for n, word in enumerate(words):
        after = words[n + 1] if n + 1 < len(words) else ""
        if (
            word in breaks.marks
            or (word == "," and after in breaks.after_comma)
            or (word in ("and", "but") and after in breaks.and_then)
        ):
            clause += 1
        clause_of[sentence.start + n] = clause
    held: dict[int, set[str]] = {}
    for token, cls, pattern in matches:
        held.setdefault(clause_of[token], set()).update((cls, pattern))
    return frozenset(c for named in held.values() if not named & catalogue.beyond for c in named)


def _set_up(asking: list[int], sentences: list[Span]) -> list[int]:
    """How each sentence stands, with the told sentence just before a question taken as
    its premise whatever its opening words ("Our MAGI is above the limit for contributing
    to a Roth IRA. Would this prevent us from doing the rollover?"): what it names is asked
    about, though the question is ranked by its own words."""
    out = list(asking)
    said = None
    for n, sentence in enumerate(sentences):
        if not any(not t.is_space for t in sentence):
            continue
        if asking[n] == ASKS and said is not None and out[said] == TELLS:
            out[said] = PREMISE
        said = n
    return out


def _pointed_at(asking: list[int], sentences: list[Span], catalogue: Catalogue) -> frozenset[int]:
    """The told sentences just before a question that opens on them ("Our MAGI is above
    the limit for contributing to a Roth IRA. Would this prevent us from doing the rollover
    from Roth 401k to Roth IRA?", bc042: ``points_back.premise`` in its first words, with
    a word of what it does, ``premise_effect``): what
    such a sentence names is what the question asks, so it ranks as asked there, before the
    question's own words (the rollover is the setting; the income limit is the answer).
    Which rules hold is unchanged: only their order."""
    out: set[int] = set()
    if not catalogue.premise:
        return frozenset()
    said = None
    for n, sentence in enumerate(sentences):
        words = [t.lower_ for t in sentence if not t.is_space]
        if not words:
            continue
        opening = words[: PREMISE_WORDS + 2]
        opens_on_it = bool(catalogue.premise.intersection(words[:PREMISE_WORDS])) and bool(
            catalogue.premise_effect.intersection(opening)
        )
        if asking[n] == ASKS and said is not None and asking[said] == TELLS and opens_on_it:
            out.add(said)
        said = n
    return frozenset(out)


# how far into a question its word pointing at the sentence before may stand ("Would this",
# "Does that mean", "If so, would this")
PREMISE_WORDS = 4

SHORT_SENTENCE = 8  # tokens


def _points_back(sentence: Span, present: set[str], catalogue: Catalogue) -> bool:
    """A short question that points at what was just said: by a word that points back
    ("Is that right?", "Is he right?" of what a coworker said), or by one that asks for a
    verdict, with a question mark, when the question names nothing of the subject itself
    ("Am I wrong?" after "I believe if I roll it within 60 days I pay tax only on the
    rest"; "Is a Roth conversion right for me?" asks its own question)."""
    words = [t.lower_ for t in sentence if not t.is_space]  # (a "\n\n" is no word)
    if len(words) > SHORT_SENTENCE:
        return False
    if catalogue.pointing.intersection(words):
        return True
    asked = sentence.text.rstrip().endswith("?")
    return asked and bool(catalogue.verdict.intersection(words)) and not present & catalogue.subject


def _sentences_holding(per_sentence: list[set[str]], rule: AskRule) -> list[int]:
    """Where a text-wide rule is told or asked. Its parts are spread over the text ("I did
    a backdoor Roth this year. I'm rolling my 401(k) to an IRA. Will the pro-rata rule
    apply?"): the question starts where its first part occurs, and it is asked again in
    any sentence holding one of its parts once all have been said (a question before
    the last part comes asks something else). ``_ordered`` takes the best of these."""
    needed = set().union(*rule.all)
    holding = [i for i, present in enumerate(per_sentence) if present & needed]
    if not holding:
        return [0]
    seen: set[str] = set()
    complete = len(per_sentence)
    for i, present in enumerate(per_sentence):
        seen |= present
        if all(group & seen for group in rule.all):
            complete = i
            break
    return [holding[0], *(i for i in holding if i >= complete)]
