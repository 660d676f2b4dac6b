"""The trained intent classifier (nlu/intent_model.py): shipped in the package, loaded
without a download, reproduced byte for byte by its training script, and only ever
adding to the rules' intents."""

import hashlib
import json
from importlib import resources
from pathlib import Path

import pytest

import nlu.reader
from nlu.intent_model import MODEL_DIR, intent_model
from nlu.intents import intent_order
from nlu.pipeline import build, parse
from nlu.reader import read
from nlu.training.intent_model import ROOT, load_questions, main, train, trained_with

SHIPPED = resources.files("nlu").joinpath(*MODEL_DIR)
FILES = ("settings.json", "textcat/cfg", "textcat/model")


def shipped_settings() -> dict:
    return json.loads(SHIPPED.joinpath("settings.json").read_text("utf-8"))


def test_the_model_ships_inside_the_package() -> None:
    for name in FILES:
        assert SHIPPED.joinpath(name).is_file(), name
    assert "models/intent_textcat/*" in (ROOT / "pyproject.toml").read_text("utf-8")


def test_the_model_reads_designs_intents_in_designs_order() -> None:
    model = intent_model()
    assert model.settings.labels == intent_order()
    assert model is intent_model()  # loaded once


def test_the_training_script_reproduces_the_shipped_model(tmp_path: Path) -> None:
    trained_on = shipped_settings()["trained_on"]
    for name, digest in trained_on.items():
        if hashlib.sha256((ROOT / name).read_bytes()).hexdigest() != digest:
            pytest.skip(
                f"{name} changed since the shipped model was trained: "
                "run `python -m nlu.training.intent_model` and commit nlu/models/"
            )
    if shipped_settings().get("trained_with") != trained_with():
        pytest.skip(
            f"trained with {shipped_settings().get('trained_with')}, installed {trained_with()}: "
            "the same seed gives other weights under other versions; retrain to compare"
        )
    assert main(["--out", str(tmp_path)]) == 0  # (in a child, with numpy's baseline kernels)
    for name in FILES:
        assert (tmp_path / name).read_bytes() == SHIPPED.joinpath(name).read_bytes(), name


def test_training_is_deterministic() -> None:
    questions = load_questions()[:40]
    make_doc = build().make_doc
    first = train(questions, make_doc).to_bytes(exclude=["vocab"])
    assert train(questions, make_doc).to_bytes(exclude=["vocab"]) == first
    assert train(questions, make_doc, seed=1).to_bytes(exclude=["vocab"]) != first


def test_probabilities_cover_every_intent_and_stay_in_range() -> None:
    doc = parse("Can I roll the after-tax to a Roth IRA and the earnings to a traditional IRA?")
    probabilities = intent_model().probabilities(doc)
    assert set(probabilities) == set(intent_order())
    assert all(0.0 <= p <= 1.0 for p in probabilities.values())
    assert max(probabilities, key=probabilities.__getitem__) == "split_rollover"


def test_an_empty_text_reads_without_error() -> None:
    assert intent_model().sure_intents(parse(" ")) <= set(intent_order())


def test_what_the_model_is_sure_of_is_added_to_the_rules_intents(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "Does the pro-rata rule apply to my conversion?"
    assert "rmd" not in read(text).intents
    monkeypatch.setattr(nlu.reader, "intents_from_model", lambda doc: {"rmd"})
    intents = read(text).intents
    assert "rmd" in intents and "pro_rata" in intents


def test_the_model_reads_words_and_the_shapes_of_figures() -> None:
    # (each distinct spelling's word is worked out once and remembered: twice the same)
    from nlu.intent_model import model_words

    text = "I have $40K after-tax\n\n in my 401(k), 403b and 8606: 20,000 USD in 2024."
    for _ in range(2):
        assert model_words(parse(text)) == [
            "i", "have", "$", "dd", "k", "after", "-", "tax", "in", "my", "401(k", ")", ",",
            "403b", "and", "8606", ":", "dd,ddd", "usd", "in", "dddd", ".",
        ]  # fmt: skip
