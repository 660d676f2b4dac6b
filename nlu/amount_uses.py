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

from functools import cache
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from nlu import gating
from nlu.data import load

SIDES = ("before", "after")


@cache
def never_held() -> frozenset[str]:
    """The entries whose amount gives no fact of any kind, not even the after-tax basis
    that a move keeps ("$5000 of after tax contributions" rolled over is still the basis;
    "$6,500 of basis" on a form's line is the form's)."""
    entries = load("amount_uses")["entries"]
    return frozenset(raw["id"] for raw in entries if raw.get("even_after_tax"))


class AmountUses:
    """The patterns of amount_uses.yaml, by side, in the Matchers of the words they need
    (``nlu.gating``: run only where those words are, and only before the last amount or
    after the first); a pattern needing none in ``always`` (ids are the entries' ids)."""

    def __init__(self, nlp: Language) -> None:
        self.side: dict[str, str] = {}
        self.order: dict[int, int] = {}  # rule id hash -> its place in the file
        self.always = Matcher(nlp.vocab)
        gates = {side: gating.Gates(nlp.vocab) for side in SIDES}
        for raw in load("amount_uses")["entries"]:
            if raw["side"] not in SIDES:
                raise ValueError(f"amount_uses.yaml: {raw['id']}: side must be one of {SIDES}")
            self.side[raw["id"]] = raw["side"]
            self.order[nlp.vocab.strings.add(raw["id"])] = len(self.order)
            for pattern in raw["patterns"]:
                # (a first-token word set as one pattern per word: matched in C)
                spelled = gating.first_token_exact(pattern)
                if not gates[raw["side"]].add(raw["id"], pattern, spelled):
                    self.always.add(raw["id"], spelled)
        self.gated = {side: builder.gates() for side, builder in gates.items()}

    def moved(
        self, doc: Doc, amounts: list[tuple[int, int, Any]]
    ) -> list[tuple[int, int, str, Any]]:
        """Of ``amounts`` ((first token, end token, payload)), those a pattern says were
        moved: (first token, end token, the rule's id, payload); where rules of one side
        meet at an amount, the first in the file names it."""
        if not amounts:
            return []
        places = gating.lower_places(doc)
        # (a "before" match ends at an amount, an "after" one starts where it ends)
        before = gating.gated_matches(
            self.gated["before"], doc, places, (0, max(first for first, _e, _p in amounts))
        )
        after = gating.gated_matches(
            self.gated["after"], doc, places, (min(end for _f, end, _p in amounts), len(doc))
        )
        if len(self.always):  # (every pattern of today's file needs a word)
            before += self.always(doc)
        strings = doc.vocab.strings
        ends: dict[int, str] = {}  # a "before" match's end token -> its rule
        starts: dict[int, str] = {}  # an "after" match's first token -> its rule
        for match_id, start, end in sorted({*before, *after}, key=self._rank):
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

    def _rank(self, match: tuple[int, int, int]) -> tuple[int, int, int]:
        return (self.order[match[0]], match[1], match[2])
