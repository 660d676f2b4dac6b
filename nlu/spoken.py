"""The facts a text speaks to, whether or not the reader could settle their values.

A follow-up question is worth asking only if the text has not already answered it. The
reader settles most facts; when it cannot ("my client is over 59 1/2" gives no age, "I own
no other traditional IRAs" no figure it takes), asking "How old are you?" or "How much do
you hold in traditional IRAs?" tells the person their message was not read (expert
gradings of 2026-12-07: bd033, bc003 and others). So the reader says which facts the text
speaks to (``Reading.spoken``), and the conversation asks the next follow-up instead.

The patterns are ``nlu.implied``'s (spaCy ``Matcher`` token patterns over the shared
vocabulary, tagged once per Doc) in their own file, ``patterns/spoken.yaml``, with tests of
their own: a match stays in one of the reader's sentences. (``not_after``, which drops a match
right after one of its words, "until she is 59 1/2", is ``nlu.implied``'s, as ``skip_if`` is.)
"""

from __future__ import annotations

from spacy.tokens import Doc

from nlu.implied import ImpliedFacts, Rule


class SpokenFacts(ImpliedFacts):
    """The spoken-fact patterns, built once for a pipeline's vocab. A hit's fact is the
    key spoken to; its value is not read here (``True``)."""

    FILE = "spoken"

    def keep(self, rule: Rule, doc: Doc, start: int, end: int) -> bool:
        # one statement: a match does not run on past a sentence's end (the reader's
        # sentences: a line break ends one too)
        return not any(doc[i].is_sent_start for i in range(start + 1, end))
