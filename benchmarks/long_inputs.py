"""Worst-case inputs: how long ``nlu.reader.read`` takes on one character (or a short
phrase) repeated to 4,096 characters (a Telegram message at most) and to 20,000 (the
reader reads no more than that).

    .venv/bin/python benchmarks/long_inputs.py [--repeat N]

A text that takes time growing with the square of its length lets one user stall a
single-threaded bot for everyone; doubling the length should about double the time.
Each figure is the best of ``--repeat`` reads of texts not read before (the pipeline
built and used once).
"""

from __future__ import annotations

import argparse
import sys
import time

from parse_throughput import cpu_name  # the script's folder is on sys.path

from nlu.reader import MAX_CHARS, read

# Runs spaCy's suffix search, the sentence splitter or a per-mention search once met
# with time growing with the square of the run, then some ordinary repeated phrases.
UNITS = (
    "$", "?", "(", ")", "..", "🙂", "k", "Principal ", "401(k) 403(b) ",
    "I have $40k after-tax. ", "Fidelity Roth IRA plan ", "30k of which 10k is earnings ",
    "not 10k ", "- $5k\n", "x" * 199 + " ", "basis 20k earnings 4k ",
    "after-tax 40k, no wait, 45k. ", "x: 5k after-tax\n",
)  # fmt: skip
SIZES = (4096, MAX_CHARS)


def best_of(text: str, repeat: int) -> float:
    """The best of ``repeat`` reads, each of a text never read before: its middle
    character is replaced by another each time (spaCy's tokenizer remembers every
    whitespace-separated chunk it has split, so a repeated text would skip that work)."""
    times = []
    middle = len(text) // 2
    for i in range(repeat):
        fresh = f"{text[:middle]}{chr(0x3B1 + i)}{text[middle + 1 :]}"
        start = time.perf_counter()
        read(fresh)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="reads per text (best kept)")
    args = parser.parse_args()
    read("warm up")
    print(f"machine   {cpu_name()}; Python {sys.version.split()[0]}")
    print(f"{'repeated':34s} " + " ".join(f"{n:>9,d} ch" for n in SIZES) + "   ratio")
    for unit in UNITS:
        seconds = [best_of((unit * (n // len(unit) + 1))[:n], args.repeat) for n in SIZES]
        cells = " ".join(f"{s * 1000:9.1f} ms" for s in seconds)
        print(f"{unit[:32]!r:34s} {cells}   {seconds[-1] / seconds[0]:5.1f}")
    print(f"(a time growing with the length gives a ratio near {SIZES[-1] / SIZES[0]:.1f})")


if __name__ == "__main__":
    main()
