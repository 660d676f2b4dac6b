"""Does a learned precision filter for the rules' facts raise core precision on unseen
text? (issue 11, "learned components where they win")

    .venv/bin/python benchmarks/fact_filter_trial.py [--seed 0] [--json OUT]
        [--train both|today|first-contact] [--words all|no-field-pairs|no-outside|field-only]

Candidate: for each core fact the rules read (key, value, the words it was read from,
``Reading.evidence``), a bag of words (:func:`fact_words`: the key, the kind of value, the
words of the evidence and of its sentence, a few words either side of the sentence, the
same words paired with the key; figures as their shape, as ``nlu.intent_model`` makes
them) goes to spaCy's own ``textcat_multilabel`` (``spacy.TextCatBOW.v3``, unigrams,
4,096 hashed features, one label "right", 20 epochs, seed 0), which gives p(right); a fact
below a threshold is left out. Everything the candidate needs lives in this script: it
did not win, so nothing of it ships (benchmarks/README.md).

Training data: the labelled real questions of tests/eval/batch_a, batch_b and batch_c
only. Each question gives the facts today's rules read (they were tuned on these batches,
so few are wrong) and (``--train both``, the default) the facts the reader read at the
batch's first contact (``git archive`` of the commit in benchmarks/README.md's
first-contact table: e4c9515 for batch_a and batch_b, 2a44912 for batch_c, run on a
subprocess), whose errors are the kind the rules make on text they have not seen. A fact
is right when ../shared/eval/score_nlu.py's ``same`` says its label agrees.

Measures (core facts as ../shared/eval/score_nlu.py counts them):

- leave-one-batch-out cross-validation over a / b / c: trained on the other two batches,
  judged on the held-out batch's facts as today's rules read them and as the first-contact
  reader read them. Thresholds are chosen on the pooled cross-validation only, five ways
  (arms A-E below: one threshold or one per field, chosen on today's facts or on the
  first-contact facts; one threshold is the highest precision with F1 at most 0.01 below
  the rules'; a field's own threshold must leave out MIN_NET more wrong facts than right);
- then, with the filter trained on all three batches and each arm's thresholds,
  untouched: ../shared/eval/dev.jsonl + real.jsonl, and tests/eval/batch_d.jsonl in
  aggregate only (the reader helper's validation set: no text nor per-item figure is
  printed, and nothing is chosen on it).

The figures and the verdict are in benchmarks/README.md ("Facts: a learned precision
filter against the rules").
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from spacy.ml.models import build_bow_text_classifier_v3  # noqa: E402
from spacy.pipeline.textcat_multilabel import MultiLabel_TextCategorizer  # noqa: E402
from spacy.tokens import Doc  # noqa: E402
from spacy.training import Example  # noqa: E402
from spacy.util import fix_random_seed  # noqa: E402
from spacy.vocab import Vocab  # noqa: E402

from nlu.intent_model import _model_word  # noqa: E402
from nlu.pipeline import parse, release, sentences  # noqa: E402
from nlu.reader import reading_of  # noqa: E402
from nlu.training.intent_model import fit  # noqa: E402

EVAL = ROOT / "tests" / "eval"
SHARED = ROOT / ".." / "shared" / "eval"
BATCHES = {b: EVAL / f"batch_{b}.jsonl" for b in "abc"}
FIRST_CONTACT = {"a": "e4c9515", "b": "e4c9515", "c": "2a44912"}
THRESHOLDS = (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95)
F1_SLACK = 0.01
# A field gets a threshold of its own only if it leaves out this many more wrong facts
# than right ones in the cross-validation.
MIN_NET = 2


# --- the filter's words ---------------------------------------------------------

# The facts the filter judges: the scored facts but the plan type (../shared/eval's
# "core"), the ones a label can say are right or wrong.
CORE = frozenset(
    {"age", "retire_age", "spouse_age", "after_tax_contributions", "after_tax_earnings",
     "after_tax_total", "pretax_balance", "roth_401k_balance", "traditional_ira_balance",
     "roth_ira_balance", "has_roth_ira", "roth_ira_first_year", "provider", "still_employed",
     "separated_from_service_age", "income", "filing_status", "marginal_rate",
     "annual_after_tax_contribution", "employer_contribution", "employee_deferral",
     "plan_allows_in_service", "plan_allows_in_plan_conversion", "year"}
)  # fmt: skip
# Words of the text before and after the evidence that also count (beside its sentence).
WINDOW = 6
_WORD = re.compile(r"\S+")


def value_kind(value: Any) -> str:
    """A word for the kind of value: true/false, a small or big number, a name."""
    if isinstance(value, bool):
        return "v=true" if value else "v=false"
    if isinstance(value, int | float):
        return "v=num" if abs(value) < 1000 else "v=amount"
    return "v=name"


def evidence_bounds(text: str, evidence: str) -> tuple[int, int] | None:
    """Where ``evidence`` (tidied whitespace, maybe cut with "…") is in ``text``."""
    words = _WORD.findall(evidence.rstrip("…"))
    if not words:
        return None
    found = re.search(r"\s+".join(map(re.escape, words)), text)
    return found.span() if found else None


def _words(text: str) -> list[str]:
    return [w for w in (_model_word(t) for t in _TOKEN.findall(text)) if w]


# Tokens for the filter's words: runs of letters/digits (with inner , . ' - of figures),
# or one other non-space character; close to the tokenizer, cheaper than a second Doc.
_TOKEN = re.compile(r"\$|\d[\d,.]*\d|\w+(?:'\w+)?|[^\w\s]")


def fact_words(doc: Doc, key: str, value: Any, evidence: str) -> list[str]:
    """The bag of words the filter sees for one fact of ``doc``."""
    index = sentences(doc)
    text = index.original
    bag = [f"k={key}", value_kind(value), f"{key}|{value_kind(value)}"]
    bounds = evidence_bounds(text, evidence)
    if bounds is None:
        inside = _words(evidence)
        context: list[str] = []
    else:
        start, end = bounds
        first, _ = index.bounds(start)
        _, last = index.bounds(max(start, end - 1))
        inside = _words(text[start:end])
        before = _words(text[first:start])
        after = _words(text[end:last])
        # the window reaches past the sentence's ends a little ("e.g." ... "$20k")
        before_out = _words(text[max(0, first - 60) : first])[-WINDOW:]
        after_out = _words(text[last : last + 60])[:WINDOW]
        context = before + after + [f"o:{w}" for w in (*before_out, *after_out)]
        bag.append(f"q:{text[first:last].rstrip().endswith('?')}")
        bag.append(f"pos:{min(4, len(index.starts) and _sentence_number(index.starts, start))}")
    bag += [f"e:{w}" for w in inside]
    bag += context
    bag += [f"{key}|{w}" for w in (*inside, *context) if not w.startswith("o:")]
    return _variant(bag, key)


# Which of the words are kept (``--words``): the variants the trial also measured.
WORDS = ("all", "no-field-pairs", "no-outside", "field-only")
_USE = {"words": "all"}


def _variant(bag: list[str], key: str) -> list[str]:
    words = _USE["words"]
    if words == "no-field-pairs":
        return [w for w in bag if not w.startswith(f"{key}|")]
    if words == "no-outside":
        return [w for w in bag if not w.startswith("o:")]
    if words == "field-only":
        return bag[:3]
    return bag


def _sentence_number(starts: list[int], pos: int) -> int:
    """Which sentence (0 first) holds ``pos``, in fives (a fact read late in a long post
    is more often someone else's)."""
    n = sum(1 for s in starts if s <= pos) - 1
    return n // 5


def judged(facts: dict[str, Any]) -> list[str]:
    """The keys of ``facts`` the filter judges, in a fixed order."""
    return sorted(k for k in facts if k in CORE)


# --- training --------------------------------------------------------------------

LABEL = "right"

# the shipped intent classifier's recipe (nlu.training.intent_model.fit: batch, dropout,
# learning rate), so the two classifiers' figures compare
SEED = 0
EPOCHS = 20
FEATURES = 4096


@dataclass(frozen=True, slots=True)
class Fact:
    """One fact the rules read: where, what, its words and whether the label agrees."""

    qid: str
    key: str
    value: Any
    words: tuple[str, ...]
    right: bool


def same(gold: Any, pred: Any) -> bool:
    """../shared/eval/score_nlu.py's agreement of a label and a reading."""
    if isinstance(gold, bool) or isinstance(pred, bool):
        return gold is pred
    if isinstance(gold, int | float) and isinstance(pred, int | float):
        return abs(gold - pred) <= max(1.0 if abs(gold) >= 1 else 0.001, 0.01 * abs(gold))
    return _name(gold) == _name(pred)


_SAME_FIRM = {"charles schwab": "schwab", "aon hewitt": "alight", "hewitt": "alight",
              "tiaa-cref": "tiaa", "jp morgan": "j.p. morgan", "jpmorgan": "j.p. morgan",
              "merrill": "merrill lynch", "tsp": "thrift savings plan"}  # fmt: skip


def _name(value: Any) -> str:
    v = str(value).strip().lower()
    return _SAME_FIRM.get(v, v)


def load_questions(paths: Sequence[Path]) -> list[dict[str, Any]]:
    """The labelled questions of ``paths``, in file order."""
    questions: list[dict[str, Any]] = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            questions.extend(json.loads(line) for line in f if line.strip())
    return questions


def rules_facts(question: dict[str, Any]) -> tuple[dict[str, Any], list[Fact]]:
    """The rules' facts of one question (without the filter) and its judged facts."""
    doc = parse(question["text"])
    try:
        reading = reading_of(doc, None)
        gold = question.get("facts", {})
        facts = [
            Fact(
                question["id"],
                key,
                reading.facts[key],
                tuple(fact_words(doc, key, reading.facts[key], reading.evidence.get(key, ""))),
                key in gold and same(gold[key], reading.facts[key]),
            )
            for key in judged(reading.facts)
        ]
        return dict(reading.facts), facts
    finally:
        release(doc)


def examples_of(questions: Sequence[dict[str, Any]]) -> Iterator[Fact]:
    for q in questions:
        yield from rules_facts(q)[1]


def new_filter(vocab: Vocab, features: int = FEATURES) -> MultiLabel_TextCategorizer:
    """An untrained one-label ``textcat_multilabel`` of the filter's architecture."""
    model = build_bow_text_classifier_v3(
        exclusive_classes=False, ngram_size=1, no_output_layer=False, length=features
    )
    return MultiLabel_TextCategorizer(vocab, model, name="textcat_multilabel", threshold=0.5)


def train(
    facts: Sequence[Fact], *, seed: int = SEED, features: int = FEATURES, epochs: int = EPOCHS
) -> MultiLabel_TextCategorizer:
    """The filter trained on ``facts``."""
    fix_random_seed(seed)
    vocab = Vocab()
    textcat = new_filter(vocab, features)
    textcat.add_label(LABEL)
    examples = [
        Example.from_dict(
            Doc(vocab, words=list(f.words) or ["-"]), {"cats": {LABEL: float(f.right)}}
        )
        for f in facts
    ]
    return fit(textcat, examples, seed=seed, epochs=epochs)


def p_right(textcat: MultiLabel_TextCategorizer, facts: Sequence[Fact]) -> list[float]:
    """The filter's p(right) per fact."""
    if not facts:
        return []
    docs = [Doc(textcat.vocab, words=list(f.words) or ["-"]) for f in facts]
    return [float(row[0]) for row in textcat.predict(docs)]


# --- the trial ---------------------------------------------------------------------

_DUMP = """
import json, sys
from nlu.reader import read
out = open(sys.argv[1], "w", encoding="utf-8")
for line in open(sys.argv[2], encoding="utf-8"):
    q = json.loads(line)
    r = read(q["text"])
    out.write(json.dumps({"id": q["id"], "facts": dict(r.facts),
                          "evidence": dict(r.evidence)}) + "\\n")
"""


def first_contact_readings(commit: str, path: Path, work: Path) -> dict[str, dict[str, Any]]:
    """id -> the facts and evidence the reader of ``commit`` read in ``path``'s texts."""
    tree = work / commit
    if not tree.is_dir():
        tree.mkdir(parents=True)
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", commit], check=True, capture_output=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    out = work / f"{commit}-{path.stem}.jsonl"
    env = {**os.environ, "PYTHONPATH": str(tree)}
    subprocess.run(
        [sys.executable, "-c", _DUMP, str(out), str(path)],
        cwd=tree, env=env, check=True, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    with open(out, encoding="utf-8") as f:
        return {r["id"]: r for r in map(json.loads, f)}


def facts_of_reading(question: dict[str, Any], reading: dict[str, Any]) -> list[Fact]:
    """The judged facts of an older reader's reading, with today's words for each."""
    doc = parse(question["text"])
    try:
        gold = question.get("facts", {})
        return [
            Fact(
                question["id"],
                key,
                value,
                tuple(fact_words(doc, key, value, reading["evidence"].get(key, ""))),
                key in gold and same(gold[key], value),
            )
            for key, value in sorted(reading["facts"].items())
            if key in CORE
        ]
    finally:
        release(doc)


def counts(
    questions: Sequence[dict[str, Any]], facts: Sequence[Fact], keep: Sequence[bool]
) -> list[int]:
    """Core tp, fp, fn of the kept facts against the labels (score_nlu.py's counting)."""
    kept: dict[str, dict[str, Any]] = {}
    for fact, k in zip(facts, keep, strict=True):
        if k:
            kept.setdefault(fact.qid, {})[fact.key] = fact.value
    tp = fp = fn = 0
    for q in questions:
        gold = {k: v for k, v in q.get("facts", {}).items() if k in CORE}
        pred = kept.get(q["id"], {})
        for key in set(gold) | set(pred):
            if key in gold and key in pred and same(gold[key], pred[key]):
                tp += 1
                continue
            fp += key in pred
            fn += key in gold
    return [tp, fp, fn]


def prf(c: Sequence[int]) -> dict[str, float]:
    tp, fp, fn = c
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "tp": tp, "fp": fp, "fn": fn}


def keep(facts: Sequence[Fact], ps: Sequence[float], limits: dict[str, float]) -> list[bool]:
    """Which facts stay: p(right) at or above the fact's field's threshold."""
    return [p >= limits.get(f.key, limits.get("*", 0.0)) for f, p in zip(facts, ps, strict=True)]


def curve(
    questions: Sequence[dict[str, Any]], facts: Sequence[Fact], ps: Sequence[float]
) -> dict[float, list[int]]:
    """Threshold -> core counts with the facts below it left out (0.0: the rules)."""
    return {t: counts(questions, facts, keep(facts, ps, {"*": t})) for t in THRESHOLDS}


def choose(pooled: dict[float, list[int]]) -> float:
    """The threshold of highest precision whose F1 is at most F1_SLACK below the rules'."""
    rules_f1 = prf(pooled[0.0])["f1"]
    fit = [t for t in THRESHOLDS if prf(pooled[t])["f1"] >= rules_f1 - F1_SLACK]
    return max(fit, key=lambda t: (prf(pooled[t])["p"], -t))


def per_field(facts: Sequence[Fact], ps: Sequence[float]) -> dict[str, float]:
    """Per field, the threshold that leaves out the most more wrong facts than right ones
    (at least MIN_NET more; else none for that field)."""
    limits: dict[str, float] = {}
    for key in sorted({f.key for f in facts}):
        mine = [(f.right, p) for f, p in zip(facts, ps, strict=True) if f.key == key]

        def net(t: float, mine: list[tuple[bool, float]] = mine) -> int:
            return sum(-1 if right else 1 for right, p in mine if p < t)

        best = max(THRESHOLDS, key=lambda t: (net(t), -t))
        if net(best) >= MIN_NET:
            limits[key] = best
    return limits


def agreeing(
    limits: dict[str, float], facts: Sequence[Fact], ps: Sequence[float]
) -> dict[str, float]:
    """The fields of ``limits`` whose threshold leaves out no more right facts than wrong
    ones among ``facts`` (the other pool of the cross-validation)."""
    kept = {}
    for key, t in limits.items():
        net = sum(-1 if f.right else 1 for f, p in zip(facts, ps, strict=True)
                  if f.key == key and p < t)  # fmt: skip
        if net >= 0:
            kept[key] = t
    return kept


def add(a: list[int], b: list[int]) -> list[int]:
    return [x + y for x, y in zip(a, b, strict=True)]


def show(r: dict[str, Any]) -> str:
    return f"{r['p']:.3f} / {r['r']:.3f} / {r['f1']:.3f} ({r['tp']} {r['fp']} {r['fn']})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--train", choices=("both", "today", "first-contact"), default="both",
        help="the facts trained on: today's rules', the first-contact reader's, or both",
    )  # fmt: skip
    parser.add_argument("--words", choices=WORDS, default="all", help="the filter's words")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    _USE["words"] = args.words

    questions = {b: load_questions([p]) for b, p in BATCHES.items()}
    today = {b: [f for q in qs for f in rules_facts(q)[1]] for b, qs in questions.items()}
    history: dict[str, list[Fact]] = {b: [] for b in BATCHES}
    with tempfile.TemporaryDirectory(prefix="fact_filter_") as work:
        for b, path in BATCHES.items():
            readings = first_contact_readings(FIRST_CONTACT[b], path, Path(work))
            history[b] = [f for q in questions[b] for f in facts_of_reading(q, readings[q["id"]])]
    for b in BATCHES:
        right = sum(f.right for f in today[b])
        old = sum(f.right for f in history[b])
        print(f"batch_{b}: today's rules read {len(today[b])} core facts ({right} right), "
              f"the first-contact reader {len(history[b])} ({old} right)")  # fmt: skip

    def training(held: str | None) -> list[Fact]:
        seen = [b for b in BATCHES if b != held]
        facts = [f for b in seen for f in today[b]] if args.train != "first-contact" else []
        if args.train != "today":
            facts += [f for b in seen for f in history[b]]
        return facts

    # leave-one-batch-out: p(right) of each held-out fact, by a filter that never saw it
    readers = {"today": today, "first_contact": history}
    ps: dict[str, dict[str, list[float]]] = {name: {} for name in readers}
    for held in BATCHES:
        model = train(training(held), seed=args.seed)
        for name, facts in readers.items():
            ps[name][held] = p_right(model, facts[held])

    def cv(name: str, limits: dict[str, float]) -> tuple[list[int], dict[str, list[int]]]:
        folds = {
            b: counts(questions[b], readers[name][b], keep(readers[name][b], ps[name][b], limits))
            for b in BATCHES
        }
        pooled = [0, 0, 0]
        for c in folds.values():
            pooled = add(pooled, c)
        return pooled, folds

    results: dict[str, Any] = {"seed": args.seed, "train": args.train, "words": args.words}
    print("\nleave-one-batch-out, pooled core P / R / F1 (tp fp fn), one threshold for all:")
    for name in readers:
        print(f"  facts read by {name}:")
        for t in THRESHOLDS:
            print(f"    t={t:<4} {show(prf(cv(name, {'*': t})[0]))}")
    flat = {
        name: (
            [f for b in BATCHES for f in readers[name][b]],
            [p for b in BATCHES for p in ps[name][b]],
        )
        for name in readers
    }
    arms = {
        "A one threshold, chosen on today's facts": {
            "*": choose({t: cv("today", {"*": t})[0] for t in THRESHOLDS})
        },
        "B one threshold, chosen on first-contact facts": {
            "*": choose({t: cv("first_contact", {"*": t})[0] for t in THRESHOLDS})
        },
        "C per field, chosen on today's facts": per_field(*flat["today"]),
        "D per field, chosen on first-contact facts": per_field(*flat["first_contact"]),
    }
    arms["E as D, only the fields that lose nothing on today's facts"] = agreeing(
        arms["D per field, chosen on first-contact facts"], *flat["today"]
    )
    results["arms"] = {}

    # held back, untouched: the filter trained on all of a / b / c
    model = train(training(None), seed=args.seed)
    held_back = {
        "dev+real": [SHARED / "dev.jsonl", SHARED / "real.jsonl"],
        "batch_d (aggregate)": [EVAL / "batch_d.jsonl"],
    }
    judged_back = {}
    for name, paths in held_back.items():
        if all(p.is_file() for p in paths):
            qs = load_questions(paths)
            facts = [f for q in qs for f in rules_facts(q)[1]]
            judged_back[name] = (qs, facts, p_right(model, facts))

    for arm, limits in arms.items():
        entry: dict[str, Any] = {"thresholds": limits}
        print(f"\n{arm}: thresholds {limits or 'none (no field gains)'}")
        for name in readers:
            rules, folds_rules = cv(name, {})
            kept, folds_kept = cv(name, limits)
            entry[f"cv_{name}"] = {"rules": prf(rules), "filtered": prf(kept)}
            print(f"  CV, facts read by {name}: rules {show(prf(rules))}"
                  f"  +filter {show(prf(kept))}")  # fmt: skip
            for b in BATCHES:
                entry[f"fold_{b}_{name}"] = {
                    "rules": prf(folds_rules[b]),
                    "filtered": prf(folds_kept[b]),
                }
                print(f"    held-out batch_{b}: rules {show(prf(folds_rules[b]))}"
                      f"  +filter {show(prf(folds_kept[b]))}")  # fmt: skip
        for name, (qs, facts, p) in judged_back.items():
            rules = prf(counts(qs, facts, [True] * len(facts)))
            kept = prf(counts(qs, facts, keep(facts, p, limits)))
            entry[name] = {"rules": rules, "filtered": kept}
            print(f"  {name}: rules {show(rules)}  +filter {show(kept)}")
        results["arms"][arm] = entry
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
