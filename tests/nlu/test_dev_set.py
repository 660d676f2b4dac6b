"""The hand-labelled forum questions in ../shared/eval, scored by the shared scorer.

The bar: facts F1 >= 0.90 and intents F1 >= 0.80. Run with ``-s`` to see the per-field
scores.
"""

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from nlu.reader import read

# In CI the shared folder sits next to the checkout: <repo>/../shared
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
DEV_SET = SHARED / "eval" / "dev.jsonl"
SCORER = SHARED / "eval" / "score_nlu.py"

FACTS_F1_MIN = 0.90
INTENTS_F1_MIN = 0.80


@pytest.fixture
def dev_set() -> Path:
    if not DEV_SET.is_file() or not SCORER.is_file():
        pytest.skip(f"the shared evaluation set is not here ({SHARED.resolve()})")
    return DEV_SET


def load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_nlu", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_dev_set_scores_above_the_bar(dev_set: Path, tmp_path: Path) -> None:
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
    assert result["facts"]["f1"] >= FACTS_F1_MIN, (result["facts"], errors)
    assert result["intents"]["f1"] >= INTENTS_F1_MIN, result["intents"]
