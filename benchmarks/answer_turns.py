"""First-message length and turn time on the released real questions.

    python benchmarks/answer_turns.py [../shared/eval]

Each question is one turn of ``bot.conversation.respond`` on a fresh session (the
pipeline warmed first), today fixed at 2026-12-06. Prints the number of questions, the
mean and median words of the reply, and the turn time p50/p99 in milliseconds.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from datetime import date
from pathlib import Path

from bot.conversation import respond
from bot.session import Session

TODAY = date(2026, 12, 6)


def main(folder: str) -> None:
    texts = []
    for name in ("dev.jsonl", "real.jsonl", "answers.jsonl"):
        with open(Path(folder) / name, encoding="utf-8") as f:
            texts += [json.loads(line)["text"] for line in f if line.strip()]
    respond(Session(key="warm"), texts[0], today=TODAY, now=0)
    words, times = [], []
    for n, text in enumerate(texts):
        start = time.perf_counter()
        reply = respond(Session(key=str(n)), text, today=TODAY, now=0)
        times.append(time.perf_counter() - start)
        words.append(len(reply.text.split()))
    times.sort()
    print(
        f"{len(texts)} questions: words mean {statistics.mean(words):.0f}, "
        f"median {statistics.median(words):.0f}; turn p50 {times[len(times) // 2] * 1000:.1f} ms, "
        f"p99 {times[int(len(times) * 0.99)] * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main(
        sys.argv[1]
        if len(sys.argv) > 1
        else str(Path(__file__).parents[1] / ".." / "shared" / "eval")
    )
