"""Which questions of the answer catalogue a text asks, in the order it asks them.

People rarely ask one thing. "Can I do it now or must I wait? And will I owe the 10%?"
holds two questions, and a reply must answer both, in that order. Each question of the
catalogue (``knowledge/data/questions/``) is recognised by word classes that occur
together: spaCy ``Matcher`` token patterns over a shared vocabulary
(``nlu/patterns/asks.yaml``), combined by small named rules (all of these classes in one
sentence, none of those). A matcher, not a classifier: every recognition names the
patterns that fired, and a new phrasing is a data change with a test.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from nlu.data import load

# An opening word that makes a sentence a question even without "?" ("Can I do this.").
QUESTION_OPENERS = frozenset(
    "can could should would will do does did is are am was were how what when where why "  # noqa: SIM905
    "which may must shall whether".split()
)


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

    def holds(self, present: set[str]) -> bool:
        return all(group & present for group in self.all) and not (self.none & present)


@dataclass(frozen=True, slots=True)
class Catalogue:
    matcher: Matcher
    rules: tuple[AskRule, ...]
    places: tuple[AskRule, ...] = ()  # where the money is now (``places`` of asks.yaml)


def _rule(entry: dict) -> AskRule:
    return AskRule(
        ask=str(entry["id"]),
        all=tuple(frozenset(str(g).split("|")) for g in entry["all"]),
        none=frozenset(entry.get("none", ())),
        none_in_text=frozenset(entry.get("none_in_text", ())),
        in_text=tuple(frozenset(str(g).split("|")) for g in entry.get("in_text", ())),
        within=str(entry.get("within", "sentence")),
        question=bool(entry.get("question", False)),
    )


def build(vocab: Vocab) -> Catalogue:
    """The matcher and rules of ``asks.yaml`` over ``vocab`` (tests build a fresh one)."""
    data = load("asks")
    matcher = Matcher(vocab, validate=True)
    for cls, patterns in data["classes"].items():
        for pattern in patterns:
            matcher.add(f"{cls}/{pattern['id']}", [_as_strings(pattern["pattern"])])
    rules = tuple(_rule(entry) for entry in data["asks"])
    places = tuple(_rule(entry) for entry in data.get("places") or ())
    names = set(data["classes"]) | {p["id"] for ps in data["classes"].values() for p in ps}
    groups = (g for r in (*rules, *places) for g in (*r.all, *r.in_text, r.none, r.none_in_text))
    named = {c for g in groups for c in g}
    if named - names:  # a typo in the data must fail loudly, not silently never match
        raise ValueError(f"asks.yaml names unknown classes: {sorted(named - names)}")
    return Catalogue(matcher, rules, places)


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


def ask_ids() -> tuple[str, ...]:
    """Every question id the patterns can recognise, in file order, once each."""
    return tuple(dict.fromkeys(str(e["id"]) for e in load("asks")["asks"]))


@cache
def place_instead() -> Mapping[str, str]:
    """Place id -> the catalogue question asked in place of one that does not apply there
    (money already in an IRA is asked about as IRA basis, a check as a 60-day rollover)."""
    return {str(e["id"]): str(e["instead"]) for e in load("asks").get("places") or ()}


def _sentences(doc: Doc) -> list[Span]:
    try:
        return list(doc.sents)
    except ValueError:  # no sentence boundaries set: the whole text is one sentence
        return [doc[:]]


def _asks_something(sentence: Span) -> bool:
    # (a list marker such as "1)" or "b." does not open the sentence)
    words = [t for t in sentence if not (t.is_space or t.is_punct or t.like_num or len(t) == 1)]
    if any(t.text == "?" for t in sentence):
        return True
    return bool(words) and words[0].lower_ in QUESTION_OPENERS


def fired(doc: Doc, catalogue: Catalogue | None = None) -> list[tuple[int, str, str]]:
    """(token index, class, pattern id) of every class match in ``doc``, in text order."""
    catalogue = catalogue or _catalogue(doc.vocab)
    out = []
    for match_id, start, _end in catalogue.matcher(doc):
        cls, pattern_id = doc.vocab.strings[match_id].split("/", 1)
        out.append((start, cls, pattern_id))
    return sorted(out)


@dataclass(frozen=True, slots=True)
class Recognised:
    """The catalogue questions a text asks, in the order asked, and where it says the
    money is now (``in_ira``, ``paid_out``; empty when it does not say)."""

    asks: tuple[str, ...] = ()
    places: tuple[str, ...] = ()


def asks_of(doc: Doc, catalogue: Catalogue | None = None) -> tuple[str, ...]:
    """The catalogue ids ``doc`` asks, ordered by the sentence that first asks each."""
    return recognise(doc, catalogue).asks


def recognise(doc: Doc, catalogue: Catalogue | None = None) -> Recognised:
    """The questions ``doc`` asks and the places it puts the money, from one matcher run."""
    catalogue = catalogue or _catalogue(doc.vocab)
    matches = fired(doc, catalogue)
    if not matches:
        return Recognised()
    sentences = _sentences(doc)
    starts = [s.start for s in sentences]
    per_sentence: list[set[str]] = [set() for _ in sentences]
    for token, cls, pattern in matches:
        per_sentence[bisect.bisect_right(starts, token) - 1].update((cls, pattern))
    asking = [_asks_something(s) for s in sentences]
    for i in range(1, len(sentences)):
        # "What does this mean?" asks about the sentence before it
        if asking[i] and _points_back(sentences[i]):
            per_sentence[i] |= per_sentence[i - 1]
    asks = _ordered(catalogue.rules, per_sentence, asking, ask_ids())
    places = _ordered(catalogue.places, per_sentence, asking, tuple(place_instead()))
    return Recognised(asks, places)


def _ordered(
    rules: Iterable[AskRule],
    per_sentence: list[set[str]],
    asking: list[bool],
    file_order: tuple[str, ...],
) -> tuple[str, ...]:
    """The ids of the rules that hold, ordered by where each first holds: a sentence
    that asks ranks before one that only states ("my income is too high" is context;
    "can I do it now?" is the question)."""
    whole = set().union(*per_sentence)
    found: dict[str, tuple[int, int]] = {}
    for rule in rules:
        if rule.none_in_text & whole or not all(group & whole for group in rule.in_text):
            continue
        if rule.within == "text":
            where = [_first_sentence(per_sentence, rule)] if rule.holds(whole) else []
        else:
            where = [i for i, present in enumerate(per_sentence) if rule.holds(present)]
        where = [i for i in where if asking[i] or not rule.question]
        if not where:
            continue
        i = next((i for i in where if asking[i]), where[0])
        rank = (0 if asking[i] else 1, i)
        if rule.ask not in found or rank < found[rule.ask]:
            found[rule.ask] = rank
    order = {ask: n for n, ask in enumerate(file_order)}
    return tuple(sorted(found, key=lambda a: (found[a], order[a])))


POINTING_BACK = frozenset({"this", "that", "it", "these", "those"})
SHORT_SENTENCE = 8  # tokens


def _points_back(sentence: Span) -> bool:
    """A short question that points at what was just said ("Is that right?")."""
    return len(sentence) <= SHORT_SENTENCE and any(t.lower_ in POINTING_BACK for t in sentence)


def _first_sentence(per_sentence: Iterable[set[str]], rule: AskRule) -> int:
    """The first sentence holding any class the rule needs (where the question starts)."""
    needed = set().union(*rule.all)
    return next((i for i, present in enumerate(per_sentence) if present & needed), 0)
