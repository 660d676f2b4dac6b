"""A follow-up is asked only if its answer changes the reply (``bot.conversation.
_ChangesReply``): each plausible value is run through the engine and ``answers.compose``
and compared with the reply as composed for the person's facts. The probes say the reply's
numbers ("1.", "Q1:") and verdicts ("Yes:") as the reply does, so where they compose the
same questions the reply's own text is reused, not composed once more (issue 10).
"""

from __future__ import annotations

from datetime import date

import pytest
from conversation_stories import EVAL, SHARED, real_question

import bot.conversation as conversation
from bot import answers
from bot.session import Session

TODAY = date(2026, 12, 6)
REAL = SHARED / "eval" / "real.jsonl"
MORE = EVAL / "answers_more.jsonl"


def _probes_of(monkeypatch: pytest.MonkeyPatch, text: str) -> list[conversation._ChangesReply]:
    """The follow-up probes built for the first reply to ``text``."""
    built: list[conversation._ChangesReply] = []
    init = conversation._ChangesReply.__init__

    def record(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        init(self, *args, **kwargs)
        built.append(self)

    monkeypatch.setattr(conversation._ChangesReply, "__init__", record)
    conversation.respond(Session(key="t"), text, today=TODAY, now=0)
    return built


@pytest.mark.parametrize(
    ("qid", "source", "opens"),
    [
        # https://www.bogleheads.org/forum/viewtopic.php?f=1&t=257921 (numbered "Q1 ... Q2 ...")
        ("fq004", REAL, "Q1: 59½ is the exact day"),
        # https://irahelp.com/?p=24158: a verdict the facts decide ("Yes: a 403(b) ...")
        ("fq052", REAL, "Yes: a 403(b)"),
        # https://irahelp.com/forum-post/62483-non-spousal-beneficiary-401k
        ("ab02", MORE, "Yes: a beneficiary"),
    ],
)
def test_the_probes_compare_with_the_reply_as_the_probes_word_it(
    monkeypatch: pytest.MonkeyPatch, qid: str, source, opens: str
) -> None:
    (probe,) = _probes_of(monkeypatch, real_question(qid, source))
    # the text the probes compare with carries the reply's numbers and verdicts ...
    assert probe.text.startswith(opens), probe.text
    # ... and is what a probe composes for the person's own facts: no value of a fact
    # "changes" the reply by a number or a verdict alone
    assert probe._text(probe.facts, probe.result) == probe.text


@pytest.mark.parametrize(
    ("qid", "source", "again"),
    [
        # asked other_plans and move_to_roth, which other_plans' answer covers: the probes
        # compose what the reply was composed for, so its text is reused
        ("fq052", REAL, 0),
        ("ab02", MORE, 0),
        # a route only named beside the questions asked (move_to_roth) is not probed: the
        # probes compose other questions than the reply, so the reply's text for them is
        # composed once
        ("fq004", REAL, 1),
    ],
)
def test_the_reply_composed_once_is_reused(
    monkeypatch: pytest.MonkeyPatch, qid: str, source, again: int
) -> None:
    calls: list[tuple[str, ...]] = []
    compose = answers.compose

    def counted(asks, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(tuple(asks))
        return compose(asks, *args, **kwargs)

    monkeypatch.setattr(answers, "compose", counted)
    init = conversation._ChangesReply.__init__
    during: list[int] = []

    def built(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        before = len(calls)
        init(self, *args, **kwargs)
        during.append(len(calls) - before)

    monkeypatch.setattr(conversation._ChangesReply, "__init__", built)
    conversation.respond(Session(key="t"), real_question(qid, source), today=TODAY, now=0)
    assert during == [again]
