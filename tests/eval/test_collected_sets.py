"""The collected real questions in tests/eval are well formed and clean of held-out threads.

Each ``batch_*.jsonl`` file holds real forum questions, labelled by hand with the
conventions of ``../shared/eval``. A malformed line would silently drop out of a score,
and a held-out thread copied here would leak the questions the product is judged on,
so both are checked here rather than trusted.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from knowledge.facts import Facts

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
# Question sets only: a batch's rubrics (batch_*_answers.jsonl) are test_rubrics.py's business.
COLLECTED = sorted(p for p in HERE.glob("batch_*.jsonl") if not p.stem.endswith("_answers"))

# The intents of ../shared/DESIGN.md; kept here so the check runs without ../shared,
# and compared with DESIGN.md below whenever it is present.
INTENTS = frozenset(
    (
        "split_rollover",
        "convert_all_to_roth",
        "in_plan_conversion",
        "mega_backdoor_setup",
        "in_service_distribution",
        "timing_now_vs_separation",
        "five_year_rule",
        "qualified_distribution",
        "pro_rata",
        "penalty_early_withdrawal",
        "rule_of_55",
        "tax_due_estimate",
        "contribution_limits",
        "income_limit_roth_ira",
        "provider_process",
        "withholding",
        "rmd",
        "other",
    )
)
FIELDS = ("id", "source_url", "site", "text", "facts", "intents", "asks", "notes")


def _shared() -> Path | None:
    """``../shared`` beside the checkout (main) or beside the worktree folder (helpers)."""
    for candidate in (REPO.parent / "shared", REPO.parent.parent / "shared"):
        if (candidate / "eval").is_dir():
            return candidate
    return None


SHARED = _shared()


def _lines() -> list[tuple[str, int, dict]]:
    out = []
    for path in COLLECTED:
        for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if raw.strip():
                out.append((path.name, number, json.loads(raw)))
    return out


LINES = _lines()
IDS = [f"{name}:{number}" for name, number, _ in LINES]


def _text_sha1(text: str) -> str:
    """The fingerprint held-out-sources.txt uses: sha1 of the first 200 letters and digits."""
    return hashlib.sha1(re.sub(r"[^a-z0-9]", "", text.lower())[:200].encode()).hexdigest()


def test_there_are_collected_sets_to_check():
    assert COLLECTED, "no tests/eval/batch_*.jsonl files"
    assert len(LINES) >= 40


@pytest.mark.parametrize("item", [d for _, _, d in LINES], ids=IDS)
def test_every_line_has_a_source_a_text_and_labels(item):
    missing = [f for f in FIELDS if f not in item]
    assert not missing, f"missing fields {missing}"
    assert re.match(r"https?://\S+$", item["source_url"])
    assert item["text"].strip() and item["text"] == item["text"].strip()
    assert isinstance(item["facts"], dict)
    assert item["asks"] and all(isinstance(a, str) and a.strip() for a in item["asks"])


@pytest.mark.parametrize("item", [d for _, _, d in LINES], ids=IDS)
def test_facts_are_accepted_by_the_facts_vocabulary(item):
    facts = Facts.from_mapping(item["facts"])
    assert set(facts.to_dict()) == set(item["facts"]), "a labelled fact was dropped as empty"


@pytest.mark.parametrize("item", [d for _, _, d in LINES], ids=IDS)
def test_intents_come_from_the_design_list(item):
    intents = item["intents"]
    assert intents, "every question asks something"
    assert len(set(intents)) == len(intents), "an intent is listed twice"
    assert set(intents) <= INTENTS, f"unknown intents {sorted(set(intents) - INTENTS)}"


def test_ids_and_texts_are_unique_across_collected_files():
    ids = [d["id"] for _, _, d in LINES]
    assert len(ids) == len(set(ids))
    prints = [_text_sha1(d["text"]) for _, _, d in LINES]
    assert len(prints) == len(set(prints)), "the same question is collected twice"


@pytest.mark.skipif(SHARED is None, reason="../shared is not available beside the checkout")
def test_the_intent_list_matches_design_md():
    design = (SHARED / "DESIGN.md").read_text(encoding="utf-8")
    listed = re.search(r"Intents \(a question can have several\):(.*?)\.\n", design, re.S)
    assert listed, "DESIGN.md no longer lists the intents in the expected sentence"
    assert {w.strip() for w in listed.group(1).split(",")} == INTENTS


@pytest.mark.skipif(SHARED is None, reason="../shared is not available beside the checkout")
def test_no_held_out_thread_is_collected():
    listing = (SHARED / "eval" / "held-out-sources.txt").read_text(encoding="utf-8")
    held = [line.split("\t") for line in listing.splitlines() if line.startswith("http")]
    urls = {u.strip() for u, _ in held}
    prints = {s.strip() for _, s in held}
    for _, _, item in LINES:
        assert item["source_url"] not in urls, item["id"]
        assert _text_sha1(item["text"]) not in prints, item["id"]


@pytest.mark.skipif(SHARED is None, reason="../shared is not available beside the checkout")
def test_no_question_repeats_the_shared_eval_sets():
    shared_items = []
    for name in ("dev.jsonl", "real.jsonl"):
        path = SHARED / "eval" / name
        if path.exists():
            lines = path.read_text(encoding="utf-8").splitlines()
            shared_items += [json.loads(x) for x in lines if x.strip()]
    urls = {d.get("source_url") for d in shared_items}
    prints = {_text_sha1(d["text"]) for d in shared_items}
    for _, _, item in LINES:
        assert item["source_url"] not in urls, item["id"]
        assert _text_sha1(item["text"]) not in prints, item["id"]
