"""What is done with an amount: one that is moved is a transaction, not a holding.

"I rolled over $5000 of after tax contributions", "There was $7,000.33 converted from a
traditional IRA", "a Roth conversion of $15,000": the figure tells of money that moved,
not of a balance, a basis or an income the person has now. Which of those it was is
unclear, so such an amount gives no fact (the conversation asks). So do figures that are
no holding for other reasons the same file names: a figure read off a tax form ("the
taxable amount ($0.00, box 2a)"), a deduction, what would remain after a supposed move,
and the first term of a sum written out ("Pretax: 4000 + 1500").

The phrases are spaCy ``Matcher`` token patterns in ``patterns/amount_uses.yaml``, each
on one side of the amount: a "before" pattern must end at the amount's first token, an
"after" one start right after its last.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from nlu.data import load
from nlu.gating import first_token_exact

SIDES = ("before", "after")


class AmountUses:
    """The patterns of amount_uses.yaml in one ``Matcher`` (ids are the entries' ids)."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = Matcher(nlp.vocab)
        self.side: dict[str, str] = {}
        for raw in load("amount_uses")["entries"]:
            if raw["side"] not in SIDES:
                raise ValueError(f"amount_uses.yaml: {raw['id']}: side must be one of {SIDES}")
            self.side[raw["id"]] = raw["side"]
            # (a first-token word set as one pattern per word: matched in C, see nlu.gating)
            self.matcher.add(
                raw["id"], [one for p in raw["patterns"] for one in first_token_exact(p)]
            )

    def moved(
        self, doc: Doc, amounts: list[tuple[int, int, Any]]
    ) -> list[tuple[int, int, str, Any]]:
        """Of ``amounts`` ((first token, end token, payload)), those a pattern says were
        moved: (first token, end token, the rule's id, payload)."""
        if not amounts:
            return []
        strings = doc.vocab.strings
        ends: dict[int, str] = {}  # a "before" match's end token -> its rule
        starts: dict[int, str] = {}  # an "after" match's first token -> its rule
        for match_id, start, end in self.matcher(doc):
            rule = strings[match_id]
            if self.side[rule] == "before":
                ends.setdefault(end, rule)
            else:
                starts.setdefault(start, rule)
        found = []
        for first, end, payload in amounts:
            rule = ends.get(first) or starts.get(end)
            if rule is not None:
                found.append((first, end, rule, payload))
        return found
