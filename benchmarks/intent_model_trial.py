"""Does a trained intent classifier beat the intent rules? (issue 11, "learned components")

    .venv/bin/python benchmarks/intent_model_trial.py [--folds 5] [--seed 0] [--sets abcde]
        [--features 4096] [--ngrams 1] [--epochs 20] [--json OUT]

The candidate is the shipped classifier's recipe (nlu/intent_model.py, trained by
nlu/training/intent_model.py): spaCy's own ``textcat_multilabel`` with the bag-of-words
architecture (``spacy.TextCatBOW.v3``, unigrams, 4,096 hashed features by default, no
vectors, nothing downloaded), trained only on the labelled real questions in the repo
(``--sets``: tests/eval/batch_a and batch_b by default, as the shipped model; any of batch_a
to batch_e, never a later batch, which judges the product), never on ../shared/eval (the
judge), with a fixed seed and numpy's baseline kernels (the script runs itself in a child
with them, as the training script does): the same figures come out on every run.

Three readers are compared with the shared scorer's intent F1 (micro, ``other`` included):

- ``rules``: the reader without the shipped classifier (``nlu.reader.read``);
- ``model``: the classifier alone (a label when its probability is >= 0.5; ``other`` when
  nothing else is);
- ``union``: the rules plus every label the classifier gives >= ``hi``, with ``hi``
  chosen by the cross-validation, never on the judge.

Two measures, both on questions the classifier never saw:

- a ``folds``-fold cross-validation over the ``--sets`` (question i goes to fold
  i % folds in file order);
- ../shared/eval/dev.jsonl + real.jsonl (skipped when ../shared is absent), with the
  classifier trained on all of the ``--sets``.

The figures are in benchmarks/README.md ("A trained intent classifier against the rules").
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import nlu.reader  # noqa: E402
from nlu.pipeline import build  # noqa: E402
from nlu.reader import read  # noqa: E402
from nlu.training.intent_model import (  # noqa: E402
    EPOCHS,
    NUMPY_DISPATCH,
    SETTINGS,
    probabilities,
    train,
)
from nlu.training.intent_model import TRAINING_SETS as TRAINING  # noqa: E402

SHARED = ROOT / ".." / "shared" / "eval"
JUDGE = (SHARED / "dev.jsonl", SHARED / "real.jsonl")

THRESHOLD = 0.5
UNION_CANDIDATES = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)


def load(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def model_intents(cats: dict[str, float]) -> set[str]:
    found = {label for label, p in cats.items() if p >= THRESHOLD}
    return found if found - {"other"} else found | {"other"}


def union_intents(rules: Iterable[str], cats: dict[str, float], hi: float) -> set[str]:
    return set(rules) | {label for label, p in cats.items() if p >= hi}


def f1(gold: Sequence[Iterable[str]], predicted: Sequence[Iterable[str]]) -> dict[str, float]:
    """Micro precision, recall and F1 over intents, as ../shared/eval/score_nlu.py."""
    tp = fp = fn = 0
    for g, p in zip(gold, predicted, strict=True):
        g, p = set(g), set(p)
        tp, fp, fn = tp + len(g & p), fp + len(p - g), fn + len(g - p)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    score = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(score, 3)}


def compare(
    questions: Sequence[dict[str, Any]],
    cats: Sequence[dict[str, float]],
    choose: Callable[[Sequence[dict[str, Any]], Sequence[dict[str, float]]], float] | None,
    hi: float | None = None,
) -> dict[str, Any]:
    gold = [q["intents"] for q in questions]
    rules = [q["rules"] for q in questions]
    hi = hi if hi is not None else choose(questions, cats) if choose else UNION_CANDIDATES[0]
    return {
        "questions": len(questions),
        "rules": f1(gold, rules),
        "model": f1(gold, [model_intents(c) for c in cats]),
        "union": f1(gold, [union_intents(r, c, hi) for r, c in zip(rules, cats, strict=True)]),
        "union_hi": hi,
    }


def best_union(questions: Sequence[dict[str, Any]], cats: Sequence[dict[str, float]]) -> float:
    gold = [q["intents"] for q in questions]

    def score(hi: float) -> float:
        return f1(
            gold, [union_intents(q["rules"], c, hi) for q, c in zip(questions, cats, strict=True)]
        )["f1"]

    return max(UNION_CANDIDATES, key=lambda hi: (score(hi), hi))


def rules_only(text: str) -> list[str]:
    """The reader's intents without the shipped classifier's (what it adds is measured
    here, so it is switched off)."""
    shipped = nlu.reader.intents_from_model
    nlu.reader.intents_from_model = lambda doc: set()
    try:
        return list(read(text).intents)
    finally:
        nlu.reader.intents_from_model = shipped


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--features", type=int, default=SETTINGS.features)
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--ngrams", type=int, default=SETTINGS.ngram_size)
    parser.add_argument(
        "--sets",
        default="".join(p.stem[-1] for p in TRAINING),
        help="the repo's batches to train and cross-validate on (letters, default the shipped "
        "model's)",
    )
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    name, value = NUMPY_DISPATCH
    if os.environ.get(name) != value:  # numpy's baseline kernels, as the shipped model's
        child = [sys.executable, str(Path(__file__).resolve()), *sys.argv[1:]]
        return subprocess.run(child, env={**os.environ, name: value}, check=False).returncode
    settings = replace(SETTINGS, features=args.features, ngram_size=args.ngrams)
    if set(args.sets) - set("abcde"):  # (batch_f onwards judge the product: never trained on)
        parser.error("--sets takes batch letters a to e only")
    sets = [ROOT / "tests" / "eval" / f"batch_{letter}.jsonl" for letter in args.sets]

    make_doc = build().make_doc
    training = [q for path in sets for q in load(path)]
    judge = [q for path in JUDGE if path.is_file() for q in load(path)]
    for q in (*training, *judge):
        q["rules"] = rules_only(q["text"])

    # cross-validation over the repo's labelled real questions
    cv_cats: list[dict[str, float]] = [{} for _ in training]
    for fold in range(args.folds):
        held = [i for i in range(len(training)) if i % args.folds == fold]
        seen = [q for i, q in enumerate(training) if i % args.folds != fold]
        model = train(seen, make_doc, seed=args.seed, settings=settings, epochs=args.epochs)
        texts = [training[i]["text"] for i in held]
        for i, cats in zip(held, probabilities(model, texts, make_doc), strict=True):
            cv_cats[i] = cats
    results: dict[str, Any] = {
        "seed": args.seed,
        "folds": args.folds,
        "features": args.features,
        "ngrams": args.ngrams,
        "epochs": args.epochs,
        "sets": args.sets,
    }
    results["cross_validation"] = compare(training, cv_cats, best_union)
    results["cross_validation_shipped_threshold"] = compare(
        training, cv_cats, None, SETTINGS.union_threshold
    )
    hi = results["cross_validation"]["union_hi"]

    started = time.perf_counter()
    model = train(training, make_doc, seed=args.seed, settings=settings, epochs=args.epochs)
    results["training_seconds"] = round(time.perf_counter() - started, 1)
    results["model_bytes"] = len(model.to_bytes(exclude=["vocab"]))
    if judge:
        judge_cats = probabilities(model, [q["text"] for q in judge], make_doc)
        results["dev_real"] = compare(judge, judge_cats, None, hi)
        results["dev_real_shipped_threshold"] = compare(
            judge, judge_cats, None, SETTINGS.union_threshold
        )
    else:
        print(f"(no judge set in {SHARED.resolve()}: cross-validation only)", file=sys.stderr)
    for name in (
        "cross_validation",
        "cross_validation_shipped_threshold",
        "dev_real",
        "dev_real_shipped_threshold",
    ):
        if name not in results:
            continue
        r = results[name]
        print(f"{name} ({r['questions']} questions), intents P / R / F1:")
        for reader in ("rules", "model", "union"):
            s = r[reader]
            label = f"union (hi {r['union_hi']})" if reader == "union" else reader
            print(f"  {label:16s} {s['precision']:.3f} / {s['recall']:.3f} / {s['f1']:.3f}")
    print(
        f"model {results['model_bytes'] / 1e6:.1f} MB, trained in {results['training_seconds']} s"
    )
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
