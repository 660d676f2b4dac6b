"""Plan providers and plan types.

Providers come from ``patterns/providers.yaml``: canonical names with the aliases and
misspellings people use ("TROWE", "Fido", "NetBenefits"). Each mention is linked to the
employer plan ("My 401K is with TROWE"), to an IRA ("set up a Roth IRA with TROWE"), or
to neither, by the nearest account word in its sentence. Only a plan link, or a neutral
mention of a provider never tied to an IRA, makes it the plan's provider.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from nlu.context import Sentences
from nlu.patterns import FLAGS, load

# How far (in characters) an account word may be from a mention to link it.
LINK_REACH = 80


@dataclass(frozen=True, slots=True)
class ProviderHit:
    """A provider mention; ``link`` is "plan", "ira" or "neutral"."""

    name: str
    start: int
    end: int
    link: str
    needs_plan_link: bool = False


@cache
def _aliases() -> tuple[tuple[str, re.Pattern[str], bool], ...]:
    table = []
    for provider in load("providers")["providers"]:
        name = provider["name"]
        loose = "|".join(provider.get("aliases", []))
        if loose:
            table.append((name, re.compile(rf"(?<![\w.-])(?:{loose})(?![\w-])", FLAGS), False))
        exact = "|".join(re.escape(word) for word in provider.get("exact", []))
        if exact:
            table.append((name, re.compile(rf"(?<![\w.-])(?:{exact})(?![\w-])"), True))
    return tuple(table)


@cache
def _link_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = load("providers")
    return re.compile(data["plan_words"], FLAGS), re.compile(data["ira_words"], FLAGS)


def _distance(start: int, end: int, m: re.Match[str]) -> int:
    if m.end() <= start:
        return start - m.end()
    if m.start() >= end:
        return m.start() - end
    return 0


def link_of(sentences: Sentences, start: int, end: int) -> str:
    """ "plan", "ira" or "neutral" for a provider mention at ``start:end``."""
    plan_words, ira_words = _link_words()
    s_start, s_end = sentences.bounds(start)
    sentence = sentences.text[s_start:s_end]
    best: tuple[int, int, str] | None = None
    for rank, (kind, pattern) in enumerate((("ira", ira_words), ("plan", plan_words))):
        for m in pattern.finditer(sentence):
            d = _distance(start - s_start, end - s_start, m)
            if d <= LINK_REACH and (best is None or (d, rank) < best[:2]):
                best = (d, rank, kind)
    return best[2] if best else "neutral"


def find_providers(sentences: Sentences) -> list[ProviderHit]:
    """Every provider mention in the text, with its link."""
    hits: list[ProviderHit] = []
    text = sentences.text
    for name, pattern, exact in _aliases():
        for m in pattern.finditer(text):
            if exact and sentences.bounds(m.start())[0] == m.start():
                continue  # "Principal ..." opening a sentence is the word, not the firm
            link = link_of(sentences, m.start(), m.end())
            hits.append(ProviderHit(name, m.start(), m.end(), link, exact))
    hits.sort(key=lambda h: h.start)
    return hits


def plan_provider(hits: list[ProviderHit]) -> ProviderHit | None:
    """The plan's provider: the most named plan-linked one, else an unlinked one."""
    plan = [h for h in hits if h.link == "plan"]
    if plan:
        return _most_named(plan)
    ira_named = {h.name for h in hits if h.link == "ira"}
    neutral = [
        h for h in hits if h.link == "neutral" and not h.needs_plan_link and h.name not in ira_named
    ]
    return _most_named(neutral) if neutral else None


def _most_named(hits: list[ProviderHit]) -> ProviderHit | None:
    counts = Counter(h.name for h in hits)
    top = max(counts.values())
    leaders = {name for name, n in counts.items() if n == top}
    if len(leaders) > 1 and len({h.name for h in hits}) > 1 and top == 1:
        return None  # two providers named once each: cannot tell which keeps the plan
    return next(h for h in hits if h.name in leaders)


@cache
def _plan_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (plan, re.compile("|".join(f"(?:{p})" for p in patterns), FLAGS))
        for plan, patterns in load("plans")["plans"].items()
    )


def find_plan_types(text: str) -> list[tuple[int, int, str]]:
    """(start, end, plan type) for every mention of 401(k), 403(b), 457(b), TSP."""
    hits = [(m.start(), m.end(), plan) for plan, p in _plan_patterns() for m in p.finditer(text)]
    hits.sort()
    return hits


def main_plan_type(hits: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    """The plan type named most often; a tie goes to the one named first."""
    if not hits:
        return None
    counts = Counter(plan for _, _, plan in hits)
    top = max(counts.values())
    return next(h for h in hits if counts[h[2]] == top)
