"""The facts a text speaks to, whether or not the reader could settle their values.

A follow-up question is worth asking only if the text has not already answered it. The
reader settles most facts; when it cannot ("my client is over 59 1/2" gives no age, "I own
no other traditional IRAs" no figure it takes), asking "How old are you?" or "How much do
you hold in traditional IRAs?" tells the person their message was not read (expert
gradings of 2026-12-07: bd033, bc003 and others). So the conversation asks the next
follow-up instead. The patterns live in ``bot/data/spoken_facts.yaml``.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml


@cache
def _patterns() -> dict[str, tuple[re.Pattern[str], ...]]:
    text = resources.files("bot").joinpath("data/spoken_facts.yaml").read_text(encoding="utf-8")
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return {
        str(key): tuple(re.compile(p, re.IGNORECASE) for p in patterns)
        for key, patterns in data["facts"].items()
    }


def spoken_of(text: str) -> frozenset[str]:
    """The fact keys ``text`` says something about (``bot/data/spoken_facts.yaml``)."""
    return frozenset(
        key for key, patterns in _patterns().items() if any(p.search(text) for p in patterns)
    )
