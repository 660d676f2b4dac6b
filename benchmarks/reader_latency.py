"""The two speed figures of issue 11: `rothbot ask` cold start, and one read's p99.

    .venv/bin/python benchmarks/reader_latency.py [--runs 7] [--rounds 20] [--only read]
        [--shared ../shared/eval]

Cold start: CPU time (user + system) of `rothbot ask QUESTION` next to `python -c "import
spacy"`, run alternately; the figure is the median over the runs of (ask - import spacy),
target <= 0.5 s. CPU time, not wall time: on a machine shared with other jobs the wall
clock measures their load (with a load average of 12 on 2 cores it ran 5-10x the CPU).
Both run with byte-code caching on, as after `pip install` (one untimed run first writes
the project's ``__pycache__``; PYTHONDONTWRITEBYTECODE, set in some shells, would make
every start compile the project's 35 modules from source, about 0.1 s).

Per read: `nlu.reader.read` on each real forum question of ../shared/eval/real.jsonl
(dev.jsonl too when present; ``--shared`` says where they are, from a worktree), warm
(each read once before timing), ``rounds`` rounds in random order, each read timed in
process CPU time; p50, p99 and the slowest read, target p99 < 5 ms. ``--stages`` also
times each step of a read (the tokenizer, each pipeline component, and the reader's steps
after the pipeline), each in process CPU time: mean, p50 and p99 per read, and its share.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared" / "eval"
QUESTION = (
    "I'm 52, still working, with $48,000 after-tax in my 401(k) at Fidelity. "
    "Can I roll it to a Roth IRA?"
)


# The children's environment: byte-code caching on, as for an installed package.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _cpu(argv: list[str]) -> float:
    """CPU seconds (user + system) the command took: on a machine shared with other jobs
    wall time measures the load, CPU time the work."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_ENV)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def cold_start(runs: int) -> dict[str, float]:
    rothbot = shutil.which("rothbot") or str(Path(sys.executable).with_name("rothbot"))
    spacy_times, ask_times, gaps = [], [], []
    _cpu([rothbot, "ask", QUESTION])  # untimed: writes the byte-code, as an install does
    for _ in range(runs):
        s = _cpu([sys.executable, "-c", "import spacy"])
        a = _cpu([rothbot, "ask", QUESTION])
        spacy_times.append(s)
        ask_times.append(a)
        gaps.append(a - s)
    return {
        "import_spacy_s": statistics.median(spacy_times),
        "ask_s": statistics.median(ask_times),
        "gap_s": statistics.median(gaps),
    }


# The reader's steps after the pipeline, timed by ``--stages`` (names in ``nlu.reader``).
READER_STEPS = ("assemble", "recognise", "intent_hits", "intents_from_model")


def _timed(
    spent: dict[str, list[float]], name: str, step: Callable[..., Any]
) -> Callable[..., Any]:
    times = spent.setdefault(name, [])

    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return step(*args, **kwargs)
        finally:
            times.append(time.process_time() - start)

    return timed


def time_stages() -> dict[str, list[float]]:
    """Wrap each step of a read in a CPU timer; the times each step takes, by name."""
    import nlu.pipeline
    import nlu.reader

    spent: dict[str, list[float]] = {}
    nlp = nlu.pipeline.get_nlp()
    nlp.tokenizer.tokenizer = _timed(spent, "tokenizer", nlp.tokenizer.tokenizer)
    # (the reader's own way of running the pipeline, on its components, each timed)
    timed = SimpleNamespace(
        make_doc=nlp.make_doc,
        pipeline=[(name, _timed(spent, name, step)) for name, step in nlp.pipeline],
    )
    nlu.reader.parse = nlu.pipeline.parser_for(timed)  # type: ignore[arg-type]
    for name in READER_STEPS:
        setattr(nlu.reader, name, _timed(spent, name, getattr(nlu.reader, name)))
    return spent


def stage_figures(spent: dict[str, list[float]], reads: list[float]) -> dict[str, dict[str, float]]:
    """Per step: mean, p50 and p99 per read (ms; a step not run in a read counts 0 there
    for the mean only) and its share of the reads' time."""
    total = sum(reads)
    figures = {}
    for name, times in sorted(spent.items(), key=lambda item: -sum(item[1])):
        ordered = sorted(times)
        figures[name] = {
            "mean_ms": round(1000 * sum(times) / len(reads), 3),
            "p50_ms": round(1000 * ordered[len(ordered) // 2], 3),
            "p99_ms": round(1000 * ordered[int(len(ordered) * 0.99)], 3),
            "share": round(sum(times) / total, 3),
        }
    return figures


def per_read(
    rounds: int, *, without_asks: bool = False, shared: Path = SHARED, stages: bool = False
) -> dict[str, Any]:
    import nlu.reader
    from nlu.reader import read

    if without_asks:  # the reader's own share: the catalogue-question pass stubbed out
        from nlu.asks import Recognised

        nlu.reader.recognise = lambda doc: Recognised()  # type: ignore[assignment]

    texts: list[str] = []
    for name in ("real.jsonl", "dev.jsonl"):
        path = shared / name
        if path.is_file():
            texts += [json.loads(line)["text"] for line in path.open() if line.strip()]
    if not texts:
        raise SystemExit(f"no questions in {shared} (say where with --shared)")
    for text in texts:
        read(text)
    spent = time_stages() if stages else {}
    times = []
    rng = random.Random(11)
    for _ in range(rounds):
        order = texts[:]
        rng.shuffle(order)
        for text in order:
            start = time.process_time()
            read(text)
            times.append(time.process_time() - start)
    figures: dict[str, Any] = {"stages": stage_figures(spent, times)} if stages else {}
    times.sort()
    return {
        "questions": len(texts),
        "reads": len(times),
        "p50_ms": 1000 * times[len(times) // 2],
        "p99_ms": 1000 * times[int(len(times) * 0.99)],
        "max_ms": 1000 * times[-1],
        **figures,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument(
        "--without-asks", action="store_true", help="time read without nlu.asks (its share)"
    )
    parser.add_argument("--only", choices=("read", "cold"), help="one of the two figures")
    parser.add_argument(
        "--stages", action="store_true", help="also time each step of a read (its share)"
    )
    parser.add_argument(
        "--shared", type=Path, default=SHARED, help="where real.jsonl and dev.jsonl are"
    )
    args = parser.parse_args()
    # (CPU time too rises with the load: other jobs share the caches and the cores)
    print(json.dumps({"load_average": [round(x, 2) for x in os.getloadavg()]}))
    if args.only != "cold":
        figures = per_read(
            args.rounds, without_asks=args.without_asks, shared=args.shared, stages=args.stages
        )
        print(json.dumps({"per_read": figures}, indent=1))
    if args.only != "read":
        print(json.dumps({"cold_start": cold_start(args.runs)}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
