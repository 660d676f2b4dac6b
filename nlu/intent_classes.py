"""Intents read from word classes that meet in one sentence, with spaCy's PhraseMatcher.

The cue regexes of ``patterns/intents.yaml`` name one phrasing each. Real questions say
the same thing in many ways: "withdraw it tax and penalty free 5 years later", "as long
as you've waited 5 years", "the 5 year limit on withdrawals" all ask about the five-year
rule. ``patterns/intent_classes.yaml`` names the word classes once (five years, taking
money out, leaving the job, the age of 55, tax forms, ...) and says which classes,
found in one sentence, ask which intent. A ``PhraseMatcher`` on the lower-cased tokens
finds the classes; the shared classes of ``patterns/vocabulary.yaml`` ($ROTH_IRA,
$AFTER_TAX, ...) can be used too.

What a rule finds does not count in a negated statement ("I don't want to wait five
years"), as for the cues; in a question it does.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from nlu.context import Sentences
from nlu.data import load
from nlu.intents import NEGATION_REACH_WORDS, intent_order

# A number class ("55", "five years") next to one of these tokens is an amount ("$55K",
# "55%"), not an age or a span of time.
# A phrase of lower-case words and digits with single spaces, which the tokenizer splits
# at the spaces only.
_PLAIN = re.compile(r"[a-z0-9]+(?: [a-z0-9]+)*")
_MONEY_NEIGHBOURS = frozenset({"$", "k", "m", "%", "percent", "grand", "thousand", "million"})


@dataclass(frozen=True, slots=True)
class Rule:
    """One entry of intent_classes.yaml: these classes in one sentence ask ``intent``."""

    id: str
    intent: str
    # each item: the classes of which one must be in the sentence ("A|B" in the file)
    together: tuple[frozenset[str], ...]
    # the sentence must be a question
    question: bool = False
    # none of these classes may be in the sentence
    unless: frozenset[str] = frozenset()


def _rules(classes: Iterable[str]) -> tuple[Rule, ...]:
    known, intents = set(classes), set(intent_order())
    rules = []
    for raw in load("intent_classes")["rules"]:
        rule = Rule(
            raw["id"],
            raw["intent"],
            tuple(frozenset(item.split("|")) for item in raw["together"]),
            bool(raw.get("question", False)),
            frozenset(raw.get("unless", ())),
        )
        unknown = set().union(*rule.together, rule.unless) - known
        if unknown or rule.intent not in intents or not rule.together:
            raise ValueError(
                f"nlu/patterns/intent_classes.yaml, rule {rule.id!r}: unknown intent "
                f"{rule.intent!r} or classes {sorted(unknown)}"
            )
        rules.append(rule)
    return tuple(rules)


@dataclass(frozen=True, slots=True)
class Phrase:
    """A phrase of a class: its class, first token and character bounds."""

    name: str
    start: int
    start_char: int
    end_char: int


class IntentClasses:
    """The word classes and the rules, built once (phrases tokenised by ``nlp``)."""

    def __init__(self, nlp: Language) -> None:
        own: dict[str, list[str]] = load("intent_classes")["classes"]
        shared: dict[str, list[str]] = load("vocabulary")["classes"]
        clash = set(own) & set(shared)
        if clash:
            raise ValueError(
                f"nlu/patterns/intent_classes.yaml redefines shared classes {sorted(clash)}"
            )
        self.rules = _rules([*own, *shared])
        # the shared classes a rule names (all of them would cost time at the first read)
        used = set().union(*(item for rule in self.rules for item in rule.together))
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        # match id -> class (ids are string hashes, the same in every vocab: a Doc from
        # another pipeline's vocab, which may lack the class names, is matched too)
        self.names: dict[int, str] = {}
        for name, phrases in {**{n: shared[n] for n in used & shared.keys()}, **own}.items():
            self.phrases.add(name, [phrase_doc(nlp, p) for p in phrases])
            self.names[nlp.vocab.strings[name]] = name

    def classes(self, doc: Doc) -> list[Phrase]:
        """The class phrases of ``doc`` in text order, the longest where two overlap (as
        ``spacy.util.filter_spans``), amounts left out."""
        matches = sorted(self.phrases(doc), key=lambda m: (m[1] - m[2], m[1]))
        taken: set[int] = set()
        kept = []
        for key, start, end in matches:
            if taken.isdisjoint(range(start, end)):
                taken.update(range(start, end))
                if not _next_to_money(doc, start, end):
                    last = doc[end - 1]
                    kept.append(
                        Phrase(self.names[key], start, doc[start].idx, last.idx + len(last))
                    )
        kept.sort(key=lambda phrase: phrase.start)
        return kept

    def find(self, doc: Doc, index: Sentences) -> list[tuple[int, int, str, str]]:
        """(start, end, intent, rule id) for every rule whose classes meet in a sentence
        that counts; ``index`` is the sentence index of ``doc``'s text."""
        by_sentence: dict[int, dict[str, Phrase]] = {}
        for phrase in self.classes(doc):
            start = index.bounds(phrase.start_char)[0]
            by_sentence.setdefault(start, {}).setdefault(phrase.name, phrase)
        found = []
        for present in by_sentence.values():
            for rule in self.rules:
                if rule.unless & present.keys():
                    continue
                phrases = [p for item in rule.together if (p := _first_of(item, present))]
                if len(phrases) < len(rule.together):
                    continue
                pos = min(phrase.start_char for phrase in phrases)
                question = index.is_question(pos)
                if rule.question and not question:
                    continue
                if not question and index.is_negated(pos, reach_words=NEGATION_REACH_WORDS):
                    continue
                end = max(phrase.end_char for phrase in phrases)
                found.append((pos, end, rule.intent, rule.id))
        found.sort()
        return found


def phrase_doc(nlp: Language, phrase: str) -> Doc:
    """``nlp.make_doc(phrase)``, made straight from the words when the phrase is plain
    words and digits (the tokenizer splits those at the spaces only: a test checks it for
    every phrase): tokenising the few hundred phrases took 15 ms of the first read."""
    if _PLAIN.fullmatch(phrase):
        return Doc(nlp.vocab, words=phrase.split(" "))
    return nlp.make_doc(phrase)


def _first_of(names: frozenset[str], present: dict[str, Phrase]) -> Phrase | None:
    """The first phrase in the sentence of any of the classes ``names``."""
    phrases = [present[name] for name in names if name in present]
    return min(phrases, key=lambda p: p.start) if phrases else None


def _next_to_money(doc: Doc, start: int, end: int) -> bool:
    """A number phrase with "$", "k" or "%" beside it: an amount."""
    if not any(token.like_num for token in doc[start:end]):
        return False
    before = doc[start - 1].lower_ if start > 0 else ""
    after = doc[end].lower_ if end < len(doc) else ""
    return before in _MONEY_NEIGHBOURS or after in _MONEY_NEIGHBOURS


_BUILT: dict[Language, IntentClasses] = {}
_BUILDING = threading.Lock()


def intent_classes(nlp: Language) -> IntentClasses:
    """The matcher for ``nlp``'s tokenizer, built on first use (once, under a lock: the
    first questions of a process may be read on several threads), then reused."""
    built = _BUILT.get(nlp)
    if built is None:
        with _BUILDING:
            built = _BUILT.get(nlp)
            if built is None:
                built = _BUILT[nlp] = IntentClasses(nlp)
    return built


def intent_hits(doc: Doc, index: Sentences, nlp: Language) -> list[tuple[int, int, str, str]]:
    """(start character, end, intent, rule id) of each intent the word-class rules find
    in ``doc``: the intents, and where each is found."""
    return intent_classes(nlp).find(doc, index)
