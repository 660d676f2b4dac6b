"""The state of one conversation, and nothing more than the conversation needs.

A session holds the facts the user gave (each with the words it was read from, so the
bot can show "I read: age 51 (from 'I am 51')"), the question the bot is waiting on,
the questions already asked (never ask twice), and a short, capped history. It is plain
data so the store can keep it as one JSON document and tests can compare it directly.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

HISTORY_MAX_TURNS = 12  # user + bot messages kept; enough for a person taking over
HISTORY_MAX_CHARS = 600  # per message; the full text is never needed again
EVIDENCE_MAX_CHARS = 120

CONFIRM_FORGET = "confirm_forget"  # a pending "question" that is not a fact key


@dataclass(slots=True)
class Turn:
    """One remembered message: who said it, when (epoch seconds), the capped text."""

    role: str  # "user" | "bot"
    text: str
    at: float


@dataclass(slots=True)
class Session:
    """Mutable per-key conversation state; ``respond`` updates it in place."""

    key: str
    facts: dict[str, Any] = field(default_factory=dict)
    evidence: dict[str, str] = field(default_factory=dict)
    evidence_at: dict[str, float] = field(default_factory=dict)
    """When each evidence quote was written (the store stamps it), so it expires on time."""
    pending: str | None = None
    asked: list[str] = field(default_factory=list)
    history: list[Turn] = field(default_factory=list)
    turns: int = 0
    topic: str | None = None  # the route last asked about, so follow-ups stay on it
    unanswered: int = 0  # times the pending question was asked again without an answer
    asks: list[str] = field(default_factory=list)  # catalogue questions last asked
    stated: list[str] = field(default_factory=list)
    """Those of ``asks`` only stated, not asked ("my income is too high"): context."""
    third_party: str = ""
    """Whom the conversation is about when not the writer ("client": an adviser's post),
    so the questions back name that person (``Reading.third_party``)."""
    asked_in_words: list[str] = field(default_factory=list)
    """Those of ``asks`` recognised where the text asks (``Reading.asked``): the lines said
    only to a question asked (the income limit, what the plan decides) need one of these."""
    ask_sentences: dict[str, int] = field(default_factory=dict)
    """The sentence each of ``asks`` was recognised in: asks of one sentence came
    together, and the most specific of them is the question asked there."""
    ask_labels: dict[str, str] = field(default_factory=dict)
    """The poster's number of the question each of ``asks`` was asked in ("1) ... 2)
    ..."), so the reply numbers its answers the same way (``Reading.ask_labels``)."""
    item_topics: dict[str, list[str]] = field(default_factory=dict)
    """The topic classes each numbered question names (``Reading.item_topics``): an answer
    recognised in two items points from the second to the first only if it speaks of
    them all."""
    yes_no: dict[str, str] = field(default_factory=dict)
    """Those of ``asks`` asked for a yes or a no, with the word the question opens with
    ("can"), so their answers may open with a verdict (``Reading.yes_no``)."""
    beliefs: list[str] = field(default_factory=list)
    """The wrong beliefs about the rules the last question stated as settled
    (``Reading.beliefs``), so its answer opens with their corrections."""
    figures: list[dict[str, str]] = field(default_factory=list)
    """The figures the last question stated and asked to have checked (``Reading.figures``,
    each as ``nlu.figures.StatedFigure.to_json``), so its answer opens with a verdict."""
    what_if: dict[str, Any] = field(default_factory=dict)
    """The last what-if's changed facts, kept for one message only, so "those are my real
    numbers" can make them real."""

    def remember(self, role: str, text: str, at: float) -> None:
        """Keep a capped copy of a message; drop the oldest beyond the cap."""
        clipped = text if len(text) <= HISTORY_MAX_CHARS else text[:HISTORY_MAX_CHARS] + "…"
        self.history.append(Turn(role=role, text=clipped, at=at))
        del self.history[:-HISTORY_MAX_TURNS]

    def mark_asked(self, key: str) -> None:
        if key not in self.asked:
            self.asked.append(key)

    def clear(self) -> None:
        """Start a new question: facts, pending question and history go; the key stays."""
        self.facts.clear()
        self.evidence.clear()
        self.evidence_at.clear()
        self.pending = None
        self.asked.clear()
        self.history.clear()
        self.topic = None
        self.unanswered = 0
        self.asks.clear()
        self.stated.clear()
        self.asked_in_words.clear()
        self.third_party = ""
        self.ask_sentences.clear()
        self.ask_labels.clear()
        self.item_topics.clear()
        self.yes_no.clear()
        self.beliefs.clear()
        self.figures.clear()
        self.what_if.clear()

    def drop_history_before(self, cutoff: float) -> bool:
        """Remove the user's words older than ``cutoff``: history lines and evidence quotes.

        The facts read from an expired quote stay (they are what the conversation needs);
        the words they were read from go. True if anything was removed.
        """
        kept = [t for t in self.history if t.at >= cutoff]
        changed = len(kept) != len(self.history)
        self.history[:] = kept
        for key, at in list(self.evidence_at.items()):
            if at < cutoff:
                self.evidence.pop(key, None)
                del self.evidence_at[key]
                changed = True
        return changed

    def stamp_evidence(self, before: dict[str, str], now: float, *, unknown: float) -> None:
        """Date the evidence quotes: new or changed ones ``now``; undated ones ``unknown``.

        ``before`` is the evidence as it was stored; quotes that no longer exist lose
        their dates.
        """
        for key, quote in self.evidence.items():
            if key not in self.evidence_at:
                self.evidence_at[key] = now if before.get(key) != quote else unknown
            elif before.get(key) != quote:
                self.evidence_at[key] = now
        for key in list(self.evidence_at):
            if key not in self.evidence:
                del self.evidence_at[key]

    def oldest_text_at(self) -> float | None:
        """When the oldest stored words of the user were written (None: there are none)."""
        times = [t.at for t in self.history] + list(self.evidence_at.values())
        return min(times) if times else None

    def to_json(self) -> str:
        data = asdict(self)
        data.pop("key")
        # Insertion order is kept (facts in vocabulary order), so a reloaded session
        # gives byte-identical replies to one that never left memory.
        return json.dumps(data, ensure_ascii=False)

    @classmethod
    def from_json(cls, key: str, text: str) -> Session:
        """Rebuild a session; unknown or malformed parts are dropped, not fatal."""
        try:
            data = json.loads(text)
        except (TypeError, ValueError):
            return cls(key=key)
        if not isinstance(data, dict):
            return cls(key=key)
        history = []
        for item in data.get("history") or []:
            if isinstance(item, dict) and {"role", "text", "at"} <= item.keys():
                history.append(Turn(str(item["role"]), str(item["text"]), float(item["at"])))
        pending = data.get("pending")
        topic = data.get("topic")
        what_if = data.get("what_if")
        return cls(
            key=key,
            facts=dict(data.get("facts") or {}),
            evidence={str(k): str(v) for k, v in (data.get("evidence") or {}).items()},
            evidence_at=_stamps(data.get("evidence_at")),
            pending=pending if isinstance(pending, str) else None,
            asked=[str(k) for k in data.get("asked") or []],
            history=history,
            turns=int(data.get("turns") or 0),
            topic=topic if isinstance(topic, str) else None,
            unanswered=int(data.get("unanswered") or 0),
            asks=[str(a) for a in data.get("asks") or [] if isinstance(a, str)],
            stated=[str(a) for a in data.get("stated") or [] if isinstance(a, str)],
            third_party=str(data.get("third_party") or ""),
            asked_in_words=[str(a) for a in data.get("asked_in_words") or [] if isinstance(a, str)],
            ask_sentences=_sentence_indexes(data.get("ask_sentences")),
            ask_labels=_labels(data.get("ask_labels")),
            item_topics=_item_topics(data.get("item_topics")),
            yes_no=_labels(data.get("yes_no")),
            beliefs=[str(b) for b in data.get("beliefs") or [] if isinstance(b, str)],
            figures=[
                {str(k): str(v) for k, v in f.items()}
                for f in data.get("figures") or []
                if isinstance(f, dict)
            ],
            what_if=dict(what_if) if isinstance(what_if, dict) else {},
        )


def _sentence_indexes(data: Any) -> dict[str, int]:
    """``ask_sentences`` from a stored document; anything unreadable is left out."""
    if not isinstance(data, dict):
        return {}
    return {str(k): v for k, v in data.items() if isinstance(v, int) and not isinstance(v, bool)}


def _labels(data: Any) -> dict[str, str]:
    """``ask_labels`` from a stored document; anything unreadable is left out."""
    if not isinstance(data, dict):
        return {}
    return {str(k): v for k, v in data.items() if isinstance(v, str) and v}


def _item_topics(data: Any) -> dict[str, list[str]]:
    """``item_topics`` from a stored document; anything unreadable is left out."""
    if not isinstance(data, dict):
        return {}
    return {
        str(k): [str(c) for c in v if isinstance(c, str)]
        for k, v in data.items()
        if isinstance(v, list)
    }


def _stamps(data: Any) -> dict[str, float]:
    """``evidence_at`` from a stored document; anything unreadable is left out."""
    if not isinstance(data, dict):
        return {}
    stamps = {}
    for key, at in data.items():
        if isinstance(at, int | float):
            stamps[str(key)] = float(at)
    return stamps
