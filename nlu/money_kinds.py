"""Which kinds of money a question is about: designated Roth, after-tax, pretax, an IRA.

The kind decides the answer: after-tax (non-Roth) contributions go to a Roth IRA tax-free
with their earnings taxable (Notice 2014-54); Roth 401(k) money rolls only to a Roth IRA
or another Roth account, untaxed (IRC 402A(c)(3)); pretax money moved to a Roth is income.
The reader says which kinds the text names as the person's, as the ``has_*`` facts of
``knowledge.facts.MONEY_KIND_KEYS``, and ``knowledge.answers`` answers for those kinds.

The patterns are ``nlu.implied``'s (spaCy ``Matcher`` token patterns over the shared
vocabulary) in their own file, ``patterns/money_kinds.yaml``, with one test of their own:
``unless_near`` drops a match that lies beside a phrase of another class ("Roth
(after-tax)" names Roth money, not after-tax money).
"""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from nlu.data import load
from nlu.implied import ImpliedFacts, Rule


class MoneyKinds(ImpliedFacts):
    """The money-kind patterns, built once for a pipeline's vocab."""

    FILE = "money_kinds"

    def __init__(self, nlp: Language) -> None:
        super().__init__(nlp)
        # rule id -> (vocabulary classes, reach in tokens) that rule out a match beside them
        self.unless_near: dict[str, tuple[frozenset[str], int]] = {
            raw["id"]: (frozenset(raw["unless_near"]["classes"]), int(raw["unless_near"]["tokens"]))
            for raw in load(self.FILE)["entries"]
            if raw.get("unless_near")
        }

    def keep(self, rule: Rule, doc: Doc, start: int, end: int) -> bool:
        near = self.unless_near.get(rule.id)
        if near is None:
            return True
        classes, reach = near
        # (a class's later tokens carry "~CLASS" in NORM: nlu.implied.tag_vocabulary)
        window = doc[max(0, start - reach) : min(len(doc), end + reach)]
        return not any(token.norm_.lstrip("~") in classes for token in window)


@cache
def money_kinds(nlp: Language) -> MoneyKinds:
    """The matchers of ``nlp`` (one per pipeline; built on first use)."""
    return MoneyKinds(nlp)
