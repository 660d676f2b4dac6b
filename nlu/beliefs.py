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

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from nlu.asks import AskRule, rule_of, sentences_of
from nlu.context import sentence_holding
from nlu.data import load
from nlu.gating import Gated, Gates, gated_matches, lower_places
from nlu.questions import PREMISE, TELLS
from nlu.questions import asking as sentence_levels


@dataclass(frozen=True, slots=True)
class BeliefMatchers:
    """The classes of ``beliefs.yaml`` over one vocabulary (match ids "class/pattern id"),
    each pattern in the ``nlu.gating`` Matcher of the words it needs (run only where they
    are), and the rules that combine them. ``leading``: the classes some rule needs first
    (its first group: the poster's stance, mostly); ``others`` run only on a text holding
    one of those, as no rule holds without; ``vetoes``, the classes no rule needs (named
    only in ``none``), only in a sentence where every class some rule needs is, as they
    can only undo that rule."""

    leading: tuple[Gated, ...]
    others: tuple[Gated, ...]
    rules: tuple[AskRule, ...]
    vetoes: tuple[Gated, ...] = ()

    @property
    def gated(self) -> tuple[Gated, ...]:
        return (*self.leading, *self.others, *self.vetoes)


def build(vocab: Vocab) -> BeliefMatchers:
    """The matchers and rules of ``beliefs.yaml`` over ``vocab``, built afresh (tests check
    each pattern on its own vocabulary), and once per vocabulary by ``_matchers``. Every
    pattern needs a word (a belief is said in words): one that needs none is an error."""
    data = load("beliefs")
    rules = tuple(rule_of(entry) for entry in data["beliefs"])
    first = frozenset(c for rule in rules for c in rule.all[0])
    needed = frozenset(c for rule in rules for group in rule.all for c in group)
    leading, others, vetoes = Gates(vocab), Gates(vocab), Gates(vocab)
    for name, patterns in data["classes"].items():
        gates = leading if name in first else others if name in needed else vetoes
        for entry in patterns:
            gates.add_needing_words(f"{name}/{entry['id']}", entry["pattern"], "beliefs.yaml")
    return BeliefMatchers(leading.gates(), others.gates(), rules, vetoes.gates())


# No pattern of a class but the leading ones is longer than this many tokens past its
# sentence's end (a match is its first token's sentence's).
_VETO_REACH = 16


_matchers = cache(build)


@cache
def _context() -> frozenset[str]:
    """The classes that count in the sentence after the one they are told in."""
    return frozenset(load("beliefs").get("context") or ())


def _ranges(sentences: list[Span], led: list[int], length: int) -> list[tuple[int, int]]:
    """The token ranges of the sentences ``led`` and the one before each (the others'
    matches are needed there), joined where they touch; each runs ``_VETO_REACH``
    tokens past its last sentence, as a match is its first token's sentence's."""
    out: list[tuple[int, int]] = []
    for n in led:
        low = sentences[n - 1].start if n else sentences[n].start
        high = min(length, sentences[n].end + _VETO_REACH)
        if out and low <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], high))
        else:
            out.append((low, high))
    return out


def stated(doc: Doc) -> tuple[tuple[str, int], ...]:
    """(belief id, the index of its sentence) for each belief ``doc`` states, in text
    order, each belief once."""
    sentences = sentences_of(doc)
    if not sentences:
        return ()
    matchers = _matchers(doc.vocab)
    places = lower_places(doc)
    matches = gated_matches(matchers.leading, doc, places)
    if not matches:
        return ()
    starts = [s.start for s in sentences]
    # (a rule holds only in a sentence holding a class of its first group, with the
    # ``context`` classes of the one before: the others are needed only there)
    led = sorted({sentence_holding(starts, start) for _id, start, _end in matches})
    wanted = {m for n in led for m in (n - 1, n) if m >= 0}
    for low, high in _ranges(sentences, led, len(doc)):
        matches += gated_matches(matchers.others, doc, places, (low, high))
    strings = doc.vocab.strings
    present: list[set[str]] = [set() for _ in sentences]
    for match_id, start, _end in matches:
        at = sentence_holding(starts, start)
        if at in wanted:
            present[at].add(strings[match_id].split("/", 1)[0])
    context = _context()
    classes = [own | (present[n - 1] & context if n else set()) for n, own in enumerate(present)]
    # (the sentences where every class of some rule is; a veto class can only undo it)
    candidates = [
        n for n, c in enumerate(classes) if any(all(g & c for g in r.all) for r in matchers.rules)
    ]
    if not candidates:
        return ()  # (then whether a sentence asks or tells is not needed)
    for n in candidates:
        span = sentences[n]
        within = (span.start, min(len(doc), span.end + _VETO_REACH))
        for match_id, start, _end in gated_matches(matchers.vetoes, doc, places, within):
            if start < span.end:
                classes[n].add(strings[match_id].split("/", 1)[0])
    if not any(rule.holds(classes[n]) for n in candidates for rule in matchers.rules):
        return ()
    levels = sentence_levels(doc, sentences)
    out: dict[str, int] = {}
    for n in candidates:
        held = classes[n]
        if levels[n] not in (TELLS, PREMISE) or "?" in sentences[n].text:
            continue  # (a belief is told; a question is answered as asked)
        for rule in matchers.rules:
            if rule.ask not in out and rule.holds(held):
                out[rule.ask] = n
    return tuple(sorted(out.items(), key=lambda item: item[1]))
