"""Intents on the real forum questions of ../shared/eval (dev.jsonl + real.jsonl together),
scored by the shared scorer: issue 11's measure of the intents, with a bar that only rises.

The bar is the figure reached (benchmarks/README.md, "Intents: a trained classifier
against the rules"); issue 11's target is 0.85. Neither set is used to write the rules
or to train anything: they judge. Skipped with a reason when ../shared is absent.
"""

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from nlu.reader import read

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval"
SETS = (SHARED / "dev.jsonl", SHARED / "real.jsonl")
SCORER = SHARED / "score_nlu.py"

# intents F1 on dev + real, as reached: 0.713 at the session start, 0.720 with the
# word-class rules, 0.728 with the trained classifier's sure intents added; 0.724 with the
# classifier retrained on numpy's baseline kernels (2026-12-07), so that its training
# reproduces on any machine (the same seed, data and versions: no tuning on these sets);
# 0.732 with two rules written from the misses on tests/eval/batch_a-e (a Roth 401(k)'s
# five years ask about a qualified withdrawal; a custodian, administrator, plan document,
# form or check named outside a question asks nothing of the provider), 2026-12-07
INTENTS_F1_BAR = 0.732


def load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_nlu", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_intents_on_dev_and_real_questions_stay_above_the_bar() -> None:
    if not all(path.is_file() for path in (*SETS, SCORER)):
        pytest.skip(f"the shared evaluation files are not here ({SHARED.resolve()})")
    scorer = load_scorer()
    gold: dict[str, dict] = {}
    for path in SETS:
        gold.update(scorer.load(path))
    predicted = {i: {"intents": list(read(q["text"]).intents)} for i, q in gold.items()}
    result, _errors = scorer.score(gold, predicted)
    f1 = result["intents"]["f1"]
    print(f"intents on dev + real ({len(gold)} questions): {json.dumps(result['intents'])}")
    assert f1 >= INTENTS_F1_BAR
