"""Figures the poster states for a quantity the engine computes, asked to be checked.

"If I convert the after-tax money to my Roth IRA, do I only pay tax on the $5,000?": the
poster's own figure for the taxable part of a move. An expert's reply opens with a verdict
on it ("Yes: about $5,000 ..." or "No: about $Y, because ..."); the engine's figure and the
verdict are ``knowledge.figures``'s. This module only finds the figure and its role, with
spaCy ``Matcher`` patterns from ``patterns/figures.yaml``.

Precision first (a wrong "No" is the worst reply there is): a figure counts only in a
sentence that asks (or one a short "Is that right?" checks), bound to its quantity by a
pattern right beside the amount, with the move and the plan's after-tax money named in its
sentence or the one before, and nothing there that puts the figure on another account or
in another person's mouth. Anything less gives no figure, and the reply no verdict.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from nlu.asks import sentences_of
from nlu.context import sentence_holding
from nlu.data import load
from nlu.gating import Gated, Gates, gated_matches, lower_places
from nlu.money import Amount, find_amounts
from nlu.questions import ASKS
from nlu.questions import asking as sentence_levels

# The moves a figure may be part of, by the account it goes to (``moves`` of the file).
TO_ROTH_IRA, TO_ROTH_PLAN = "roth_ira", "roth_plan"
# The account the money moves from: the plan's after-tax money, or a traditional IRA.
FROM_PLAN, FROM_IRA = "plan", "ira"
# A short check after a told figure: "Is that right?", "Correct?" (at most so many tokens)
_CHECK_TOKENS = 8
_CHECK_WORDS = frozenset({"right", "correct", "accurate", "true", "so"})


@dataclass(frozen=True, slots=True)
class StatedFigure:
    """A figure the text states for ``quantity`` of the move ``to`` (``TO_ROTH_IRA``,
    ``TO_ROTH_PLAN``) from the account ``source`` (``FROM_PLAN``, ``FROM_IRA``) and asks to
    have checked; ``moved``: another amount its sentence names (the amount moved, when
    said), else None; ``basis``: the IRA's basis the text states (``FROM_IRA`` only)."""

    quantity: str
    amount: Decimal
    to: str
    moved: Decimal | None = None
    source: str = FROM_PLAN
    basis: Decimal | None = None

    def to_json(self) -> dict[str, str]:
        out = {"quantity": self.quantity, "amount": str(self.amount), "to": self.to}
        out["source"] = self.source
        for key, value in (("moved", self.moved), ("basis", self.basis)):
            if value is not None:
                out[key] = str(value)
        return out

    @classmethod
    def from_json(cls, data: dict[str, str]) -> StatedFigure | None:
        """The figure ``to_json`` stored, or None for anything unreadable."""
        try:
            moved, basis = data.get("moved"), data.get("basis")
            return cls(
                str(data["quantity"]),
                Decimal(data["amount"]),
                str(data["to"]),
                None if moved is None else Decimal(moved),
                str(data.get("source") or FROM_PLAN),
                None if basis is None else Decimal(basis),
            )
        except (KeyError, ArithmeticError, TypeError, ValueError):
            return None


@dataclass(frozen=True, slots=True)
class _Matchers:
    entries: tuple[Gated, ...]  # each pattern run only where the words it needs are
    quantity: dict[str, str]  # entry id -> quantity
    side: dict[str, str]  # entry id -> "before" | "after" (of ``entries`` and ``basis``)
    context: Matcher  # match ids: roth_plan, roth_ira, moving, money, ira, plan, veto
    basis: tuple[Gated, ...]  # an IRA's basis stated (``ira_basis``)


@cache
def _matchers(vocab: Vocab) -> _Matchers:
    data = load("figures")
    gates = Gates(vocab)
    quantity: dict[str, str] = {}
    side: dict[str, str] = {}
    for raw in data["entries"]:
        _add(gates, raw, side)
        quantity[raw["id"]] = raw["quantity"]
    entries = gates.gates()
    context = Matcher(vocab)
    for name, patterns in data["moves"].items():
        context.add(name, patterns)
    context.add("money", data["money"])
    context.add("ira", data["ira"])
    context.add("plan", data["plan"])
    context.add("veto", data["vetoes"])
    basis_gates = Gates(vocab)
    for raw in data["ira_basis"]:
        _add(basis_gates, raw, side)
    return _Matchers(entries, quantity, side, context, basis_gates.gates())


def _add(gates: Gates, raw: dict, side: dict[str, str]) -> None:
    """An entry of ``figures.yaml`` (``entries``, ``ira_basis``): its patterns to ``gates``,
    the side of the amount it binds to ``side``."""
    if raw["side"] not in ("before", "after"):
        raise ValueError(f"figures.yaml: {raw['id']}: side must be before or after")
    for pattern in raw["patterns"]:
        gates.add_needing_words(raw["id"], pattern, "figures.yaml")
    side[raw["id"]] = raw["side"]


def _bound(
    side: str, start: int, end: int, spans: list[tuple[Amount, Span]]
) -> list[tuple[Amount, Span]]:
    """The amounts a match binds: the one right after a "before" match, right before an
    "after" one."""
    if side == "before":
        return [(a, s) for a, s in spans if s.start == end]
    return [(a, s) for a, s in spans if s.end == start]


def _checked(sentences: list[Span], levels: list[int], n: int) -> bool:
    """Whether sentence ``n`` asks, or the next one is a short check of it."""
    if levels[n] == ASKS or sentences[n].text.rstrip().endswith("?"):
        return True
    if n + 1 < len(sentences):
        nxt = sentences[n + 1]
        words = {t.lower_ for t in nxt}
        return len(nxt) <= _CHECK_TOKENS and "?" in nxt.text and bool(words & _CHECK_WORDS)
    return False


def stated(doc: Doc) -> tuple[StatedFigure, ...]:
    """The figures ``doc`` states and asks to have checked, in text order."""
    m = _matchers(doc.vocab)
    places = lower_places(doc)
    hits = gated_matches(m.entries, doc, places)  # (only where the words they need are)
    if not hits:
        return ()
    sentences = sentences_of(doc)
    strings = doc.vocab.strings
    amounts = [a for a in find_amounts(doc.text) if not a.is_range]
    # (token spans of the amounts)
    spans = [(a, doc.char_span(a.start, a.end, alignment_mode="expand")) for a in amounts]
    spans = [(a, s) for a, s in spans if s is not None]
    starts = [s.start for s in sentences]
    # (the hits that bind one amount, each with it: the others give no figure)
    bound_hits = [
        (strings[match_id], bound[0])
        for match_id, start, end in hits
        if len(bound := _bound(m.side[strings[match_id]], start, end, spans)) == 1
    ]
    if not bound_hits:
        return ()
    basis_hits = gated_matches(m.basis, doc, places)
    # (the context classes, of the sentences that need them only: each figure's and the one
    # before it, each basis's)
    at = [sentence_holding(starts, span.start) for _e, (_a, span) in bound_hits]
    wanted = {n - 1 for n in at} | set(at)
    wanted |= {sentence_holding(starts, start) for _i, start, _e in basis_hits}
    classes: list[set[str]] = [set() for _ in sentences]
    for n in wanted:
        if n >= 0:
            for found in m.context(sentences[n], as_spans=True):
                classes[n].add(found.label_)
    # (the IRA's basis the text states, in a sentence naming an IRA and no plan: one value,
    # or none)
    bases = {
        a.value
        for match_id, start, end in basis_hits
        if {"ira"} <= classes[sentence_holding(starts, start)]
        and "plan" not in classes[sentence_holding(starts, start)]
        for a, _s in _bound(m.side[strings[match_id]], start, end, spans)
    }
    basis = next(iter(bases)) if len(bases) == 1 else None
    levels: list[int] | None = None
    out: list[StatedFigure] = []
    for (entry, (amount, span)), n in zip(bound_hits, at, strict=True):
        near = classes[n] | (classes[n - 1] if n else set())
        if "veto" in near or "moving" not in near:
            continue
        to = (
            TO_ROTH_PLAN
            if TO_ROTH_PLAN in classes[n]
            else TO_ROTH_IRA
            if TO_ROTH_IRA in classes[n]
            else None
        )
        # (from the plan's after-tax money with no IRA named, or from an IRA whose basis is
        # stated, to a Roth IRA)
        if "ira" in near:
            source = FROM_IRA if basis is not None and to == TO_ROTH_IRA else None
        else:
            source = FROM_PLAN if "money" in near else None
        if to is None or source is None or amount.value == basis:
            continue
        if levels is None:
            levels = sentence_levels(doc, sentences)
        if not _checked(sentences, levels, n):
            continue
        sentence = sentences[n]
        others = [
            a.value for a, s in spans if s is not span and sentence.start <= s.start < sentence.end
        ]
        if len(others) > 1:
            continue  # (which amount is moved, unclear)
        figure = StatedFigure(
            m.quantity[entry],
            amount.value,
            to,
            others[0] if others else None,
            source,
            basis if source == FROM_IRA else None,
        )
        if figure not in out:
            out.append(figure)
    return tuple(out)
