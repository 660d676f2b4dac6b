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
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from knowledge.facts import MONEY_KIND_AMOUNTS
from nlu.data import load
from nlu.implied import ImpliedFacts, Rule


class MoneyKinds(ImpliedFacts):
    """The money-kind patterns, built once for a pipeline's vocab."""

    FILE = "money_kinds"

    def __init__(self, nlp: Language) -> None:
        super().__init__(nlp)
        # rule id -> (vocabulary classes, reach in tokens) that rule out a match beside them
        entries = load(self.FILE)["entries"]
        self.unless_near: dict[str, tuple[frozenset[str], int]] = {
            raw["id"]: (frozenset(raw["unless_near"]["classes"]), int(raw["unless_near"]["tokens"]))
            for raw in entries
            if raw.get("unless_near")
        }
        # rule id -> (classes, reach, the words that may link them): a match said of a
        # phrase of these classes before it ("my Roth 401k, which is after-tax money")
        self.unless_said_of: dict[str, tuple[frozenset[str], int, frozenset[str]]] = {
            raw["id"]: (
                frozenset(raw["unless_said_of"]["classes"]),
                int(raw["unless_said_of"]["tokens"]),
                frozenset(raw["unless_said_of"]["through"]),
            )
            for raw in entries
            if raw.get("unless_said_of")
        }

    def keep(self, rule: Rule, doc: Doc, start: int, end: int) -> bool:
        near = self.unless_near.get(rule.id)
        if near is not None:
            classes, reach = near
            # (a class's later tokens carry "~CLASS" in NORM: nlu.implied.tag_vocabulary)
            window = doc[max(0, start - reach) : min(len(doc), end + reach)]
            if any(token.norm_.lstrip("~") in classes for token in window):
                return False
        said_of = self.unless_said_of.get(rule.id)
        return said_of is None or not self._said_of(doc, start, said_of)

    @staticmethod
    def _said_of(doc: Doc, start: int, said_of: tuple[frozenset[str], int, frozenset[str]]) -> bool:
        """True when, walking back from ``start`` over linking words and vocabulary
        phrases only, a phrase of one of the classes comes within reach."""
        classes, reach, through = said_of
        for token in reversed(doc[max(0, start - reach) : start]):
            kind = token.norm_.lstrip("~")
            if kind in classes:
                return True
            if token.lower_ not in through and not token.norm_.isupper():
                return False
        return False


def drop_said_by_amounts(chosen: dict[str, Any]) -> None:
    """Leave out each kind read as present (True) that an amount of ``chosen`` (fact key ->
    the reader's pick) already states (``knowledge.facts.MONEY_KIND_AMOUNTS``: "$40k
    after-tax" says more than has_after_tax_money, and the facts of a conversation stay as
    short as they were)."""
    for kind, amounts in MONEY_KIND_AMOUNTS.items():
        pick = chosen.get(kind)
        if pick is not None and pick.value is True and any(a in chosen for a in amounts):
            del chosen[kind]


@cache
def money_kinds(nlp: Language) -> MoneyKinds:
    """The matchers of ``nlp`` (one per pipeline; built on first use)."""
    return MoneyKinds(nlp)
