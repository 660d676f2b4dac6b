"""Every legal number a sentence states comes from a year-stamped parameter (knowledge/data/gov),
never a literal in bot/messages/en.yaml: the 10% additional tax, the 60-day rollover period, the
20% withholding rate and the 5% owner share are placeholders filled by the engine's year."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

MESSAGES = Path(__file__).resolve().parents[2] / "bot" / "messages" / "en.yaml"
LITERAL = re.compile(r"\b(10|20|5) ?%|\b60-day")


def test_no_sentence_states_a_legal_number_literally() -> None:
    sections = yaml.safe_load(MESSAGES.read_text(encoding="utf-8"))
    literal = {
        (section, key)
        for section, sentences in sections.items()
        if isinstance(sentences, dict)
        for key, text in sentences.items()
        if isinstance(text, str) and LITERAL.search(text)
    }
    assert literal == set()
