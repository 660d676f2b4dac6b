"""Parse throughput: ``nlu.reader.read`` next to the bare ``spacy.blank("en")`` tokenizer.

    .venv/bin/python benchmarks/parse_throughput.py [--rounds N] [--texts FILE.jsonl]

Both run on the same texts, in the same process, on one core (Python and spaCy's
tokenizer are single-threaded), interleaved round by round so that load from other
processes hits both alike; each side reports its best round. Texts: the hand-labelled
forum questions in ../shared/eval/dev.jsonl when present, else the synthetic questions
shipped in benchmarks/parse_texts.jsonl.

Three measurements. Warm: every text is read once before timing, so spaCy's tokenizer
cache (per whitespace-separated chunk) and the reader's per-word memory already know
every word, as in a long-running bot that has seen the vocabulary. Cold: each round
uses a fresh tokenizer and a freshly built pipeline with the per-word memory emptied,
so both sides see every text for the first time. Unseen: like cold, but each side has
first read the other half of the texts, so it knows the common words and meets the
timed texts for the first time (a bot that has been running a while). The one-off
costs (building the pipeline, compiling patterns) are reported separately and not
counted.

Target (issue 3): ``read`` at no less than a third of the tokenizer's rate.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import spacy
from spacy.tokens import Doc

ROOT = Path(__file__).resolve().parents[1]
SHARED_DEV = ROOT / ".." / "shared" / "eval" / "dev.jsonl"
SYNTHETIC = Path(__file__).resolve().parent / "parse_texts.jsonl"
TARGET_RATIO = 1 / 3


def load_texts(path: Path | None) -> tuple[list[str], Path]:
    source = path or (SHARED_DEV if SHARED_DEV.is_file() else SYNTHETIC)
    with open(source, encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in lines if line.strip()]
    return texts, source


def cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def one_round(func: Callable[[str], object], texts: list[str]) -> float:
    """Questions per second for one pass over ``texts``."""
    start = time.perf_counter()
    for text in texts:
        func(text)
    return len(texts) / (time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15, help="timed rounds per side")
    parser.add_argument("--texts", type=Path, default=None, help="JSONL with a text field")
    parser.add_argument("--cold-rounds", type=int, default=5, help="rounds with empty caches")
    parser.add_argument("--by-component", action="store_true", help="also time each pipeline step")
    args = parser.parse_args(argv)

    texts, source = load_texts(args.texts)
    started = time.perf_counter()
    from nlu.pipeline import get_nlp
    from nlu.reader import read

    get_nlp()
    build_seconds = time.perf_counter() - started
    tokenizer = spacy.blank("en")
    for text in texts:  # warm both: lexeme caches, compiled patterns
        tokenizer(text)
        read(text)

    tokenize_rates, read_rates = [], []
    for _ in range(args.rounds):
        tokenize_rates.append(one_round(tokenizer, texts))
        read_rates.append(one_round(read, texts))
    best_tokenize, best_read = max(tokenize_rates), max(read_rates)
    ratio = best_read / best_tokenize
    chars = sum(map(len, texts)) / len(texts)
    print(f"machine   {platform.platform()}; {cpu_name()}; {os.cpu_count()} logical CPUs")
    print(f"python    {platform.python_version()}; spaCy {spacy.__version__}")
    print(f"texts     {len(texts)} from {source.name}, {chars:.0f} characters on average")
    print(f"method    best of {args.rounds} interleaved rounds, one process, one core")
    print(f"build     pipeline built in {build_seconds * 1000:.0f} ms (once per process)")
    print(
        f"tokenizer {best_tokenize:8.0f} questions/s "
        f"(median {statistics.median(tokenize_rates):.0f})"
    )
    print(f"read      {best_read:8.0f} questions/s (median {statistics.median(read_rates):.0f})")
    verdict = "meets" if ratio >= TARGET_RATIO else "misses"
    print(f"ratio     {ratio:.2f} of the tokenizer's rate ({verdict} the 1/3 target)")
    for label, half in (("cold", False), ("unseen", True)):
        if args.cold_rounds <= 0:
            break
        tokenize_rate, read_rate = cold_rates(texts, args.cold_rounds, warm_on_half=half)
        print(
            f"{label:9s} tokenizer {tokenize_rate:.0f} questions/s, read {read_rate:.0f} "
            f"questions/s, ratio {read_rate / tokenize_rate:.2f} "
            f"(best of {args.cold_rounds} rounds, fresh caches)"
        )
    if args.by_component:
        print_breakdown(texts, args.rounds)
    return 0


def _read_with(parse_with: Callable[[str], Doc], text: str) -> object:
    """``nlu.reader.read`` on a pipeline of the caller's (a fresh one, for a cold start)."""
    from nlu.reader import reading_of

    return reading_of(parse_with(text))


def cold_rates(texts: list[str], rounds: int, *, warm_on_half: bool) -> tuple[float, float]:
    """Best questions/s of each side on texts it has not seen (fresh caches); with
    ``warm_on_half``, after reading the other half of the texts first."""
    from nlu.matching import WORD_LITERALS
    from nlu.pipeline import build, parser_for
    from nlu.reader import reading_of

    halves = [(texts[1::2], texts[0::2]), (texts[0::2], texts[1::2])]
    tokenize_best = read_best = 0.0
    for r in range(rounds):
        seen, timed = halves[r % 2] if warm_on_half else ([], texts)
        tokenizer = spacy.blank("en")
        parse_with = parser_for(build())
        WORD_LITERALS.forget_words()
        for text in seen:
            tokenizer(text)
            reading_of(parse_with(text))
        tokenize_best = max(tokenize_best, one_round(tokenizer, timed))
        read_best = max(read_best, one_round(partial(_read_with, parse_with), timed))
    return tokenize_best, read_best


def print_breakdown(texts: list[str], rounds: int) -> None:
    """Microseconds per question spent in each step, from cumulative best-of timings."""
    from nlu.pipeline import get_nlp
    from nlu.reader import reading_of

    nlp = get_nlp()
    steps = ["tokenizer", *nlp.pipe_names, "assembling facts and intents"]
    best = [float("inf")] * len(steps)
    for _ in range(rounds):
        for k in range(len(steps)):
            start = time.perf_counter()
            for text in texts:
                doc = nlp.make_doc(text)
                for _name, component in nlp.pipeline[:k]:
                    doc = component(doc)
                if k == len(steps) - 1:  # every component has run: build the Reading
                    reading_of(doc)
            best[k] = min(best[k], (time.perf_counter() - start) / len(texts) * 1e6)
    previous = 0.0
    for step, cumulative in zip(steps, best, strict=True):
        print(f"  {step:32s} {cumulative - previous:7.0f} us  (cumulative {cumulative:6.0f})")
        previous = cumulative


if __name__ == "__main__":
    sys.exit(main())
