"""Instructions spent reading the dev questions, counted by callgrind (load-independent).

    valgrind --tool=callgrind --toggle-collect=functools_reduce --callgrind-out-file=/dev/null \
        .venv/bin/python benchmarks/parse_instructions.py [--what read|tokenizer] [--rounds N]

Wall-clock figures on a shared machine move by 10-20 % between runs; callgrind counts
the same instructions for the same code and input whatever else runs. Only the work
inside ``functools.reduce`` (the timed loop below) is counted: start-up, imports and the
warm-up read are not. Compare two versions of the code with the same arguments; the
"Collected" line of valgrind's summary is the figure.
"""

from __future__ import annotations

import argparse
import functools
import sys

from parse_throughput import load_texts  # the script's folder is on sys.path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--what", choices=("read", "tokenizer"), default="read")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    texts, _source = load_texts(None)
    if args.what == "read":
        from nlu.reader import read as func
    else:
        import spacy

        func = spacy.blank("en").tokenizer
    for text in texts:  # warm, as in the benchmark's main figure
        func(text)
    work = [text for _ in range(args.rounds) for text in texts]
    functools.reduce(lambda _acc, text: func(text) and None, work, None)
    print(f"{len(work)} texts through {args.what}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
