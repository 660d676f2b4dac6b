"""Which wrong beliefs about the rules a text states as settled.

A poster often states a belief about the rules as a fact of their case ("I know I'll have
to pay the 10% penalty when I roll it over", "since this would count against my IRA
contribution limit") and asks something else. An expert's first sentence corrects a wrong
one. The beliefs the catalogue corrects are data: each is a ``beliefs:`` entry of the
catalogue question whose answer contradicts it (``knowledge.answers.Question.beliefs``),
recognised here by spaCy ``Matcher`` word classes combined by rules, as the catalogue's
questions are (``nlu/patterns/beliefs.yaml``, rules read by ``nlu.asks.AskRule``).

Precision first: only a sentence that tells (``nlu.questions``: not one that asks, which
the entry's answer already answers) holds a belief, only with the poster's own stance in
it ("I know", "I'll have to", "my understanding") and no sign of another person's claim or
a supposition ("I was told", "I've read", "what if"). Whether the belief is in fact wrong
for the poster's facts is the catalogue's to say (its correction is said only where the
finding it rests on holds for them).
"""

from __future__ import annotations

import bisect
from functools import cache

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from nlu.asks import AskRule, rule_of, sentences_of
from nlu.data import load
from nlu.questions import PREMISE, TELLS
from nlu.questions import asking as sentence_levels


def build(vocab: Vocab) -> tuple[Matcher, tuple[AskRule, ...]]:
    """The Matcher of the classes of ``beliefs.yaml`` over ``vocab`` (match ids
    "class/pattern id"), and its rules; built afresh (tests check each pattern on its own
    vocabulary), and once per vocabulary by ``_matcher``."""
    data = load("beliefs")
    matcher = Matcher(vocab, validate=False)
    for name, patterns in data["classes"].items():
        for entry in patterns:
            matcher.add(f"{name}/{entry['id']}", [entry["pattern"]])
    return matcher, tuple(rule_of(entry) for entry in data["beliefs"])


_matcher = cache(build)


@cache
def _context() -> frozenset[str]:
    """The classes that count in the sentence after the one they are told in."""
    return frozenset(load("beliefs").get("context") or ())


def stated(doc: Doc) -> tuple[tuple[str, int], ...]:
    """(belief id, the index of its sentence) for each belief ``doc`` states, in text
    order, each belief once."""
    sentences = sentences_of(doc)
    if not sentences:
        return ()
    matcher, rules = _matcher(doc.vocab)
    matches = matcher(doc)
    if not matches:
        return ()
    strings = doc.vocab.strings
    starts = [s.start for s in sentences]
    present: list[set[str]] = [set() for _ in sentences]
    for match_id, start, _end in matches:
        at = bisect.bisect_right(starts, start) - 1
        present[at].add(strings[match_id].split("/", 1)[0])
    levels = sentence_levels(doc, sentences)
    out: dict[str, int] = {}
    context = _context()
    for n, own in enumerate(present):
        classes = own | (present[n - 1] & context if n else set())
        if levels[n] not in (TELLS, PREMISE) or "?" in sentences[n].text:
            continue  # (a belief is told; a question is answered as asked)
        for rule in rules:
            if rule.ask not in out and rule.holds(classes):
                out[rule.ask] = n
    return tuple(sorted(out.items(), key=lambda item: item[1]))
