"""Hand-labelled questions, scored by the shared scorer (../shared/eval/score_nlu.py).

Two sets: the forum questions in ../shared/eval/dev.jsonl (the reader was developed on
them; bar: facts F1 >= 0.90, intents F1 >= 0.80) and tests/nlu/heldout.jsonl, questions
written for this project in varied voices and labelled before the reader ever saw them
(bar: facts F1 >= 0.85, intents F1 >= 0.85; scored 0.853 / 0.673 on first contact, then
general rules were added for the misses), and tests/nlu/heldout2.jsonl, 40 more written and
labelled the same way in other voices (terse, rambling, typos, bullets, a spouse's numbers,
what-ifs, answers to the bot, other currencies, 403(b)/457(b)/TSP; scored 0.789 / 0.537 on
first contact, 0.962 / 0.886 after general rules; bar a little under that), and
tests/nlu/heldout3.jsonl, 40 more in yet other voices (reddit abbreviations such as MBD,
IPRC and NUA, long posts with house prices, kids' ages and salary history that are no facts,
all caps, "$40k-ish", percentages, solo 401(k), a spouse's plan, conversions already done,
record keepers not in the table; scored 0.836 / 0.637 on first contact, 0.946 / 0.904 after
general rules; bar a little under that), and tests/nlu/heldout4.jsonl, 40 more in still
other voices (Bogleheads-style headers, figures copied from a statement, non-native English,
one-liners, advisers and CPAs asking for a client, several years of history, a Roth 401(k),
an IRA and the after-tax money in one sentence, ranges and hedges, negations, the 1099-R
after a rollover, the 5-year clock, pro-rata and RMDs; scored 0.854 / 0.778 on first
contact, 0.924 / 0.870 after general rules; bar a little under that). Run with ``-s`` to
see per-field scores.
"""

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from nlu.reader import read, read_many

# In CI the shared folder sits next to the checkout: <repo>/../shared
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
DEV_SET = SHARED / "eval" / "dev.jsonl"
SCORER = SHARED / "eval" / "score_nlu.py"

HELD_OUT = Path(__file__).resolve().parent / "heldout.jsonl"
HELD_OUT_2 = Path(__file__).resolve().parent / "heldout2.jsonl"
HELD_OUT_3 = Path(__file__).resolve().parent / "heldout3.jsonl"
HELD_OUT_4 = Path(__file__).resolve().parent / "heldout4.jsonl"

# (labelled set, facts F1 bar, intents F1 bar)
SETS = {
    "dev": (DEV_SET, 0.90, 0.80),
    "held-out": (HELD_OUT, 0.85, 0.85),
    "held-out-2": (HELD_OUT_2, 0.93, 0.85),
    "held-out-3": (HELD_OUT_3, 0.93, 0.88),
    "held-out-4": (HELD_OUT_4, 0.91, 0.86),
}


def load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_nlu", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", list(SETS))
def test_labelled_set_scores_above_the_bar(name: str, tmp_path: Path) -> None:
    dev_set, facts_min, intents_min = SETS[name]
    if not dev_set.is_file() or not SCORER.is_file():
        pytest.skip(f"the shared evaluation files are not here ({SHARED.resolve()})")
    scorer = load_scorer()
    predictions = tmp_path / "pred.jsonl"
    with open(dev_set, encoding="utf-8") as gold, open(predictions, "w") as out:
        for line in gold:
            if not line.strip():
                continue
            question = json.loads(line)
            reading = read(question["text"])
            out.write(
                json.dumps(
                    {"id": question["id"], "facts": reading.facts, "intents": reading.intents}
                )
                + "\n"
            )
    result, errors = scorer.score(scorer.load(dev_set), scorer.load(predictions))
    report = "\n".join(
        f"{field:32s} P {v['precision']:.3f} R {v['recall']:.3f} F1 {v['f1']:.3f} n={v['support']}"
        for field, v in result["per_field"].items()
    )
    print(f"\n{report}\nfacts {result['facts']}\nintents {result['intents']}")
    assert result["answered"] == result["questions"]
    assert result["facts"]["f1"] >= facts_min, (result["facts"], errors)
    assert result["intents"]["f1"] >= intents_min, result["intents"]


# Issue 11's bars on dev.jsonl + real.jsonl together: core facts precision 0.95 and F1
# 0.90, intents F1 0.85. Not met yet: on 2026-12-06 the reader went from core P 0.933 F1
# 0.874 to P 0.934 R 0.834 F1 0.881 (intents 0.713 -> 0.720) with the misread classes of
# tests/nlu/test_misread_classes.py, then to P 0.935 R 0.850 F1 0.890 (employment implied
# by contributing, by leaving ahead, and the spouse's when the plan is theirs; "the client
# is 62"), then to P 0.952 R 0.854 F1 0.900 (amounts that moved, worked examples, limits,
# an IRA's after-tax money, what a move would leave, what the law allows, "a 2017 tax
# return"; both fact bars are met). This test
# holds what was reached, so that a change that loses it fails; raise it with the score.
REAL_SET = SHARED / "eval" / "real.jsonl"
TOGETHER_CORE_PRECISION = 0.95
TOGETHER_CORE_F1 = 0.90
TOGETHER_INTENTS_F1 = 0.72


def test_dev_and_real_questions_together_hold_the_score_reached(tmp_path: Path) -> None:
    if not (DEV_SET.is_file() and REAL_SET.is_file() and SCORER.is_file()):
        pytest.skip(f"the shared evaluation files are not here ({SHARED.resolve()})")
    scorer = load_scorer()
    gold = {**scorer.load(DEV_SET), **scorer.load(REAL_SET)}
    predictions = {}
    for qid, question in gold.items():
        reading = read(question["text"])
        predictions[qid] = {"facts": dict(reading.facts), "intents": list(reading.intents)}
    result, errors = scorer.score(gold, predictions)
    core, intents = result["core_facts"], result["intents"]
    print(f"\ndev + real: core {core}, intents {intents}")
    assert core["precision"] >= TOGETHER_CORE_PRECISION, (core, errors)
    assert core["f1"] >= TOGETHER_CORE_F1, (core, errors)
    assert intents["f1"] >= TOGETHER_INTENTS_F1, intents


# The collected batches (tests/eval/batch_a.jsonl, batch_b.jsonl; tuned on, so not a
# first-contact figure): core facts precision went from 0.734 to 0.853 (F1 0.679 -> 0.732)
# with the false-fact classes of the third reader session, then to 0.877 (F1 0.745) with the
# fourth's, then to 0.920 (F1 0.794) with the fifth's; batch_c (released 2026-12-07, first
# contact 0.557) from 0.619 (F1 0.574) to 0.885 (F1 0.806) (benchmarks/README.md). Held, so
# that a change that states wrong facts again fails.
EVAL = Path(__file__).resolve().parents[1] / "eval"
BATCH_BARS = {
    "a+b": ([EVAL / "batch_a.jsonl", EVAL / "batch_b.jsonl"], 0.91, 0.78),
    "c": ([EVAL / "batch_c.jsonl"], 0.87, 0.79),
}


@pytest.mark.parametrize("name", BATCH_BARS)
def test_collected_batches_hold_the_precision_reached(name: str) -> None:
    if not SCORER.is_file():
        pytest.skip(f"the shared scorer is not here ({SHARED.resolve()})")
    paths, min_precision, min_f1 = BATCH_BARS[name]
    scorer = load_scorer()
    gold = {qid: q for path in paths for qid, q in scorer.load(path).items()}
    predictions = {
        qid: {"facts": dict(reading.facts), "intents": list(reading.intents)}
        for qid, reading in zip(gold, read_many(q["text"] for q in gold.values()), strict=True)
    }
    result, errors = scorer.score(gold, predictions)
    core = result["core_facts"]
    assert core["precision"] >= min_precision, (core, errors)
    assert core["f1"] >= min_f1, (core, errors)
