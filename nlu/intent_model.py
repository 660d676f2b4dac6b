"""A trained intent classifier that adds the intents it is sure of to the rules' intents.

The model is spaCy's own ``textcat_multilabel`` (bag of words, ``spacy.TextCatBOW.v3``,
4,096 hashed unigram features, 0.3 MB), shipped in ``nlu/models/intent_textcat/`` and
loaded from there: nothing is downloaded. It is trained by
``python -m nlu.training.intent_model`` on the labelled real questions of
``tests/eval/batch_a.jsonl`` and ``batch_b.jsonl`` with a fixed seed, which writes the
same bytes every time (``tests/nlu/test_intents_model.py`` retrains and compares).

Alone it reads intents far worse than the rules (F1 0.33 against 0.72 on the unseen
dev + real questions); what it is sure of (p >= ``union_threshold``, 0.95, see
nlu/training/intent_model.py), in a text that asks something, adds intents the rules
miss, mostly a split rollover or a pro-rata question said in other words: the union beat
the rules in the cross-validation and on dev + real, for every seed tried
(benchmarks/README.md, "Intents: a trained classifier against the rules").
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from spacy.attrs import ORTH
from spacy.lang.lex_attrs import word_shape
from spacy.ml.models import build_bow_text_classifier_v3
from spacy.pipeline.textcat_multilabel import MultiLabel_TextCategorizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

# Numbers that name a thing rather than an amount keep their spelling as a feature.
NAMED_NUMBERS = frozenset(
    {"401", "403", "457", "401k", "403b", "457b", "401(k", "403(b", "457(b", "59", "55",
     "72(t", "8606", "1099", "1099-r", "5"}
)  # fmt: skip
# Where the shipped model lives, inside the package.
MODEL_DIR = ("models", "intent_textcat")


def model_words(doc: Doc) -> list[str]:
    """The words the classifier sees: lower-cased tokens, amounts and dates as their
    shape ("$", "dd,ddd"), so that no figure is learned as a word. (Read as one array of
    the tokens' ORTH, each distinct spelling's word worked out once: a Token object per
    token cost more than the classifier.)"""
    words = []
    known = _WORDS
    strings = doc.vocab.strings
    for orth in doc.to_array(ORTH).tolist():
        word = known.get(orth)
        if word is None:
            if len(known) >= MAX_KNOWN_WORDS:
                known.clear()
            word = known[orth] = _model_word(strings[orth])
        if word:
            words.append(word)
    return words


def _model_word(text: str) -> str:
    """The word of one token's text ("" for a space, which the classifier skips)."""
    if text.isspace():
        return ""
    word = text.lower()
    # (a word of letters has no digit: most words skip the per-character look)
    if not word.isalpha() and any(map(str.isdigit, word)) and word not in NAMED_NUMBERS:
        word = word_shape(text).lower()
    return word


# Token spelling (ORTH hash) -> its model word; at most this many kept.
_WORDS: dict[int, str] = {}
MAX_KNOWN_WORDS = 50_000


@dataclass(frozen=True, slots=True)
class Settings:
    """The model's settings (``settings.json`` beside it), shared with its training."""

    labels: tuple[str, ...]
    features: int
    ngram_size: int
    union_threshold: float

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Settings:
        return cls(
            tuple(data["labels"]),
            int(data["features"]),
            int(data["ngram_size"]),
            float(data["union_threshold"]),
        )


def new_textcat(vocab: Vocab, settings: Settings) -> MultiLabel_TextCategorizer:
    """An untrained ``textcat_multilabel`` of the shipped architecture."""
    model = build_bow_text_classifier_v3(
        exclusive_classes=False,
        ngram_size=settings.ngram_size,
        no_output_layer=False,
        length=settings.features,
    )
    return MultiLabel_TextCategorizer(vocab, model, name="textcat_multilabel", threshold=0.5)


class IntentModel:
    """The shipped classifier, loaded once."""

    def __init__(self, directory: Path) -> None:
        self.settings = Settings.from_json(
            json.loads((directory / "settings.json").read_text("utf-8"))
        )
        self.vocab = Vocab()
        self.textcat = new_textcat(self.vocab, self.settings)
        self.textcat.from_disk(directory / "textcat", exclude=["vocab"])
        if tuple(self.textcat.labels) != self.settings.labels:
            raise ValueError(f"{directory}: the model's labels are not settings.json's")

    def probabilities(self, doc: Doc) -> dict[str, float]:
        """Label -> the classifier's probability for the text of ``doc``."""
        words = model_words(doc)
        if not words:
            return dict.fromkeys(self.settings.labels, 0.0)
        scores = self.textcat.predict([Doc(self.vocab, words=words)])[0]
        return {label: float(p) for label, p in zip(self.settings.labels, scores, strict=True)}

    def sure_intents(self, doc: Doc) -> set[str]:
        """The intents the classifier gives at least the union threshold."""
        least = self.settings.union_threshold
        return {label for label, p in self.probabilities(doc).items() if p >= least}


_LOADED: list[IntentModel] = []
_LOADING = threading.Lock()


def intent_model() -> IntentModel:
    """The shipped model, loaded on first use (once, under a lock)."""
    if not _LOADED:
        with _LOADING:
            if not _LOADED:
                with resources.as_file(resources.files("nlu").joinpath(*MODEL_DIR)) as path:
                    _LOADED.append(IntentModel(path))
    return _LOADED[0]


def intents_from_model(doc: Doc) -> set[str]:
    """The intents the shipped classifier is sure of in ``doc``."""
    return intent_model().sure_intents(doc)


def sure_labels(probabilities: Sequence[dict[str, float]], least: float) -> list[set[str]]:
    """Per text, the labels at ``least`` or above (training and tests share it)."""
    return [{label for label, p in probs.items() if p >= least} for probs in probabilities]
