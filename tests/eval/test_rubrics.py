"""Expert rubrics for real forum questions: each must tell a right answer from a wrong one.

A rubric (tests/eval/answers_more.jsonl, same shape as ../shared/eval/answers.jsonl) lists what
the poster asked, the points an expert's first reply makes and the confident wrong statements to
avoid, each as generous regular expressions. score_answers.py scores the bot's replies with them,
so a rubric is only useful if its patterns recognise a correct reply and catch a wrong one. These
tests hold every rubric to that, using score_answers' own matching rule: re.search,
case-insensitive, dot matching newlines, on the reply with its whitespace collapsed.

- the rubric's model answer makes every point and no wrong statement;
- its deliberately wrong answer makes at least one wrong statement (our rubrics only; the released
  ones carry no wrong answer);
- the bot's old split-rollover template, which led every reply in the review, makes few points on
  questions that are not about the split, so the points reward answering the question asked.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
RUBRICS = HERE / "answers_more.jsonl"
KINDS = HERE / "answers_more_kinds.json"
ALTERNATES = json.loads((HERE / "answers_more_alternates.json").read_text(encoding="utf-8"))
# batch_c: released for tuning on 2026-12-07 (tests/eval/README.md); a held-out yardstick
# before. Its rubrics meet the same standard as answers_more's.
BATCH_C = HERE / "batch_c_answers.jsonl"
BATCH_C_ALTERNATES = json.loads(
    (HERE / "batch_c_answers_alternates.json").read_text(encoding="utf-8")
)
# batch_c questions whose expert answer is (or contains) the Notice 2014-54 split itself, where the
# split template may earn points; the other batch_c rubrics must not reward it.
BATCH_C_ON_SPLIT = frozenset(
    {"bc004", "bc005", "bc009", "bc012", "bc014", "bc016", "bc017"}
    | {"bc025", "bc028", "bc030", "bc046", "bc047", "bc048"}
)
# batch_d: released for tuning on 2026-12-07 (tests/eval/README.md); before, the collector's
# first-contact batch. Rubrics for 20 of its 40 questions, to the same standard.
BATCH_D = HERE / "batch_d_answers.jsonl"
# batch_d questions whose expert answer is a two-destination rollover, where the split template may
# earn points; the other batch_d rubrics must not reward it.
BATCH_D_ON_SPLIT = frozenset({"bd013", "bd028"})
BATCH_D_ALTERNATES = json.loads(
    (HERE / "batch_d_answers_alternates.json").read_text(encoding="utf-8")
)
# batch_e: released for tuning on 2026-12-07 (tests/eval/README.md); before, the collector's
# first-contact batch. Rubrics for 21 of its 40 questions, to the same standard.
BATCH_E = HERE / "batch_e_answers.jsonl"
# batch_e questions whose expert answer is a two-destination rollover of after-tax money, where the
# split template may earn points; the other batch_e rubrics must not reward it.
BATCH_E_ON_SPLIT = frozenset({"be001", "be002", "be005", "be038"})
BATCH_E_ALTERNATES = json.loads(
    (HERE / "batch_e_answers_alternates.json").read_text(encoding="utf-8")
)
# batch_f: the collector's first-contact batch of the session of 2026-12-07 (tests/eval/README.md),
# rubrics for 22 of its 40 questions, to the same standard; only the collector helper edits it.
BATCH_F = HERE / "batch_f_answers.jsonl"
# batch_f questions whose expert answer is a two-destination rollover of after-tax money, where the
# split template may earn points; the other batch_f rubrics must not reward it.
BATCH_F_ON_SPLIT = frozenset({"bf009", "bf010", "bf011"})
BATCH_F_ALTERNATES = json.loads(
    (HERE / "batch_f_answers_alternates.json").read_text(encoding="utf-8")
)
# batch_g: the collector's first-contact batch of the session of 2026-12-07 03:51
# (tests/eval/README.md), rubrics for 22 of its 40 questions, to the same standard; only the
# collector helper edits it.
BATCH_G = HERE / "batch_g_answers.jsonl"
# batch_g questions whose expert answer is a two-destination rollover of after-tax money, where the
# split template may earn points; the other batch_g rubrics must not reward it.
BATCH_G_ON_SPLIT = frozenset({"bg001", "bg002", "bg003"})
BATCH_G_ALTERNATES = json.loads(
    (HERE / "batch_g_answers_alternates.json").read_text(encoding="utf-8")
)
# batch_h: the collector's first-contact batch of the session of 2026-12-07 06:31
# (tests/eval/README.md), rubrics for 22 of its 40 questions, to the same standard; only the
# collector helper edits it.
BATCH_H = HERE / "batch_h_answers.jsonl"
# batch_h questions whose expert answer is a two-destination rollover of after-tax money, where the
# split template may earn points; the other batch_h rubrics must not reward it.
BATCH_H_ON_SPLIT = frozenset({"bh027"})
BATCH_H_ALTERNATES = json.loads(
    (HERE / "batch_h_answers_alternates.json").read_text(encoding="utf-8")
)
# batch_i: the collector's first-contact batch of the session of 2026-12-07 15:12
# (tests/eval/README.md), rubrics for 22 of its 40 questions, to the same standard; only the
# collector helper edits it.
BATCH_I = HERE / "batch_i_answers.jsonl"
# batch_i questions whose expert answer is a two-destination rollover of after-tax money, where the
# split template may earn points; the other batch_i rubrics must not reward it.
BATCH_I_ON_SPLIT = frozenset({"bi001", "bi002", "bi010", "bi011", "bi015", "bi016"})
BATCH_I_ALTERNATES = json.loads(
    (HERE / "batch_i_answers_alternates.json").read_text(encoding="utf-8")
)
# batch_j: the collector's first-contact batch of the session of 2026-12-07 17:38
# (tests/eval/README.md), rubrics for 21 of its 31 questions, to the same standard; only the
# collector helper edits it.
BATCH_J = HERE / "batch_j_answers.jsonl"
# batch_j questions whose expert answer is a two-destination distribution of after-tax money, where
# the split template may earn points; the other batch_j rubrics must not reward it.
BATCH_J_ON_SPLIT = frozenset({"bj001", "bj004", "bj006", "bj008"})
BATCH_J_ALTERNATES = json.loads(
    (HERE / "batch_j_answers_alternates.json").read_text(encoding="utf-8")
)


def _shared() -> Path | None:
    """../shared next to the checkout (CI), or next to the worktrees' folder (a worktree)."""
    for candidate in (REPO.parent / "shared", REPO.parent.parent / "shared"):
        if (candidate / "eval").is_dir():
            return candidate / "eval"
    return None


SHARED = _shared()
MIN_RUBRICS = 60
FIELDS = [
    "id",
    "source_url",
    "text",
    "asks",
    "points",
    "wrong",
    "follow_up",
    "model_answer",
    "wrong_answer",
]

# The lead paragraph rothbot gave to nearly every question in the expert review (answer-review.md
# section 3.3), with the usual clock, income-limit and basis lines: a reply that answers the split
# whatever was asked.
SPLIT_TEMPLATE = (
    "If your plan allows it, ask the plan for one distribution of the after-tax money, paid as "
    "two direct rollovers: your contributions (the basis) to a Roth IRA and the earnings to a "
    "traditional IRA. Done this way, nothing is taxable now (IRS Notice 2014-54). By comparison, "
    "if all of it went to the Roth IRA, the earnings would be taxable income. The figures assume "
    "the plan accounts for the after-tax money separately. Rollovers and conversions into a Roth "
    "IRA or Roth 401(k) have no income limit; only direct Roth IRA contributions do. Roth IRA "
    "5-year clock: from Jan 1, 2026, met on Jan 1, 2031. How much of the after-tax money is your "
    "own contributions (the basis)?"
)


def _load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _said(patterns: list[str], reply: str) -> bool:
    """score_answers.hits: any pattern found in the reply with its whitespace collapsed."""
    text = " ".join(reply.split())
    return any(re.search(p, text, re.I | re.S) for p in patterns)


OURS = _load(RUBRICS)
BATCH_C_RUBRICS = _load(BATCH_C)
BATCH_D_RUBRICS = _load(BATCH_D)
BATCH_E_RUBRICS = _load(BATCH_E)
BATCH_F_RUBRICS = _load(BATCH_F)
BATCH_G_RUBRICS = _load(BATCH_G)
BATCH_H_RUBRICS = _load(BATCH_H)
BATCH_I_RUBRICS = _load(BATCH_I)
BATCH_J_RUBRICS = _load(BATCH_J)
# rubrics written here, with a wrong answer each
MINE = (
    OURS
    + BATCH_C_RUBRICS
    + BATCH_D_RUBRICS
    + BATCH_E_RUBRICS
    + BATCH_F_RUBRICS
    + BATCH_G_RUBRICS
    + BATCH_H_RUBRICS
    + BATCH_I_RUBRICS
    + BATCH_J_RUBRICS
)
RELEASED = _load(SHARED / "answers.jsonl") if SHARED else []
ALL = (
    [("ours", r) for r in OURS]
    + [("batch_c", r) for r in BATCH_C_RUBRICS]
    + [("batch_d", r) for r in BATCH_D_RUBRICS]
    + [("batch_e", r) for r in BATCH_E_RUBRICS]
    + [("batch_f", r) for r in BATCH_F_RUBRICS]
    + [("batch_g", r) for r in BATCH_G_RUBRICS]
    + [("batch_h", r) for r in BATCH_H_RUBRICS]
    + [("batch_i", r) for r in BATCH_I_RUBRICS]
    + [("batch_j", r) for r in BATCH_J_RUBRICS]
    + [("released", r) for r in RELEASED]
)


def _ids(rows):
    return [f"{origin}:{r['id']}" for origin, r in rows]


def test_there_are_at_least_sixty_rubrics_with_unique_new_ids():
    ids = [r["id"] for r in OURS]
    assert len(ids) >= MIN_RUBRICS
    assert len(ids) == len(set(ids))
    assert not set(ids) & {r["id"] for r in RELEASED}, "a question already has a released rubric"


def test_batch_c_has_a_rubric_for_each_of_its_questions_and_no_other():
    questions = _load(HERE / "batch_c.jsonl")
    ids = [r["id"] for r in BATCH_C_RUBRICS]
    assert len(ids) >= 45 and len(ids) == len(set(ids))
    assert ids == [q["id"] for q in questions]
    assert not set(ids) & {r["id"] for r in OURS + RELEASED}


def test_batch_d_rubrics_cover_about_half_of_its_questions_in_order_with_new_ids():
    questions = [q["id"] for q in _load(HERE / "batch_d.jsonl")]
    ids = [r["id"] for r in BATCH_D_RUBRICS]
    assert len(ids) >= 20 and len(ids) == len(set(ids))
    assert set(ids) <= set(questions)
    assert ids == sorted(ids, key=questions.index)
    assert not set(ids) & {r["id"] for r in OURS + BATCH_C_RUBRICS + RELEASED}


def test_batch_e_rubrics_cover_about_half_of_its_questions_in_order_with_new_ids():
    questions = [q["id"] for q in _load(HERE / "batch_e.jsonl")]
    ids = [r["id"] for r in BATCH_E_RUBRICS]
    assert len(ids) >= 20 and len(ids) == len(set(ids))
    assert set(ids) <= set(questions)
    assert ids == sorted(ids, key=questions.index)
    others = OURS + BATCH_C_RUBRICS + BATCH_D_RUBRICS + RELEASED
    assert not set(ids) & {r["id"] for r in others}


def test_batch_f_rubrics_cover_about_half_of_its_questions_in_order_with_new_ids():
    questions = [q["id"] for q in _load(HERE / "batch_f.jsonl")]
    ids = [r["id"] for r in BATCH_F_RUBRICS]
    assert len(ids) >= 20 and len(ids) == len(set(ids))
    assert set(ids) <= set(questions)
    assert ids == sorted(ids, key=questions.index)
    others = OURS + BATCH_C_RUBRICS + BATCH_D_RUBRICS + BATCH_E_RUBRICS + RELEASED
    assert not set(ids) & {r["id"] for r in others}


def test_batch_g_rubrics_cover_about_half_of_its_questions_in_order_with_new_ids():
    questions = [q["id"] for q in _load(HERE / "batch_g.jsonl")]
    ids = [r["id"] for r in BATCH_G_RUBRICS]
    assert len(ids) >= 20 and len(ids) == len(set(ids))
    assert set(ids) <= set(questions)
    assert ids == sorted(ids, key=questions.index)
    others = OURS + BATCH_C_RUBRICS + BATCH_D_RUBRICS + BATCH_E_RUBRICS + BATCH_F_RUBRICS + RELEASED
    assert not set(ids) & {r["id"] for r in others}


def test_batch_h_rubrics_cover_about_half_of_its_questions_in_order_with_new_ids():
    questions = [q["id"] for q in _load(HERE / "batch_h.jsonl")]
    ids = [r["id"] for r in BATCH_H_RUBRICS]
    assert len(ids) >= 20 and len(ids) == len(set(ids))
    assert set(ids) <= set(questions)
    assert ids == sorted(ids, key=questions.index)
    later = len(BATCH_H_RUBRICS) + len(BATCH_I_RUBRICS) + len(BATCH_J_RUBRICS)
    others = MINE[: len(MINE) - later] + RELEASED
    assert not set(ids) & {r["id"] for r in others}


def test_batch_i_rubrics_cover_about_half_of_its_questions_in_order_with_new_ids():
    questions = [q["id"] for q in _load(HERE / "batch_i.jsonl")]
    ids = [r["id"] for r in BATCH_I_RUBRICS]
    assert len(ids) >= 20 and len(ids) == len(set(ids))
    assert set(ids) <= set(questions)
    assert ids == sorted(ids, key=questions.index)
    others = MINE[: len(MINE) - len(BATCH_I_RUBRICS) - len(BATCH_J_RUBRICS)] + RELEASED
    assert not set(ids) & {r["id"] for r in others}


def test_batch_j_rubrics_cover_about_half_of_its_questions_in_order_with_new_ids():
    questions = [q["id"] for q in _load(HERE / "batch_j.jsonl")]
    ids = [r["id"] for r in BATCH_J_RUBRICS]
    assert len(ids) >= 20 and len(ids) == len(set(ids))
    assert set(ids) <= set(questions)
    assert ids == sorted(ids, key=questions.index)
    others = MINE[: len(MINE) - len(BATCH_J_RUBRICS)] + RELEASED
    assert not set(ids) & {r["id"] for r in others}


@pytest.mark.parametrize("rubric", MINE, ids=[r["id"] for r in MINE])
def test_each_rubric_has_the_released_shape(rubric):
    assert list(rubric) == FIELDS
    assert rubric["asks"] and all(isinstance(a, str) and a for a in rubric["asks"])
    assert 2 <= len(rubric["points"]) <= 5
    assert rubric["wrong"]
    for item in rubric["points"] + rubric["wrong"]:
        assert set(item) == {"say", "any"} and item["say"] and item["any"]
    assert rubric["follow_up"] is None or rubric["follow_up"].endswith("?")
    # a first reply that fits a phone screen, as the review asks (about 120 words)
    assert 60 <= len(rubric["model_answer"].split()) <= 150


@pytest.mark.parametrize(("origin", "rubric"), ALL, ids=_ids(ALL))
def test_every_pattern_compiles(origin, rubric):
    for item in rubric["points"] + rubric["wrong"]:
        for pattern in item["any"]:
            re.compile(pattern, re.I | re.S)


@pytest.mark.parametrize(("origin", "rubric"), ALL, ids=_ids(ALL))
def test_the_model_answer_makes_every_point(origin, rubric):
    missed = [p["say"] for p in rubric["points"] if not _said(p["any"], rubric["model_answer"])]
    assert not missed


@pytest.mark.parametrize(("origin", "rubric"), ALL, ids=_ids(ALL))
def test_the_model_answer_makes_no_wrong_statement(origin, rubric):
    made = [w["say"] for w in rubric["wrong"] if _said(w["any"], rubric["model_answer"])]
    assert not made


@pytest.mark.parametrize("rubric", MINE, ids=[r["id"] for r in MINE])
def test_the_wrong_answer_is_caught(rubric):
    assert any(_said(w["any"], rubric["wrong_answer"]) for w in rubric["wrong"])


@pytest.mark.parametrize("rubric", MINE, ids=[r["id"] for r in MINE])
def test_the_wrong_answer_does_not_make_every_point(rubric):
    """A wrong answer is not also a complete one: it misses at least one point."""
    missed = [p for p in rubric["points"] if not _said(p["any"], rubric["wrong_answer"])]
    assert missed, "the deliberately wrong answer makes every point"


@functools.cache
def _sources() -> dict[str, dict]:
    rows: dict[str, dict] = {}
    paths = sorted(p for p in HERE.glob("batch_*.jsonl") if not p.stem.endswith("_answers"))
    if SHARED:
        paths += [SHARED / "real.jsonl", SHARED / "dev.jsonl"]
    for path in paths:
        for row in _load(path):
            rows.setdefault(row["id"], row)
    return rows


@pytest.mark.parametrize("rubric", MINE, ids=[r["id"] for r in MINE])
def test_the_question_is_quoted_verbatim_from_its_source_set(rubric):
    source = _sources().get(rubric["id"])
    if source is None:
        if not SHARED:
            pytest.skip("../shared/eval is not beside the checkout")
        # collected straight into a rubric (ab*, ac*: no labelled set holds the question), so
        # the rubric is its own source: it must name the page it was quoted from
        assert rubric["source_url"].startswith(("https://", "http://")), rubric["id"]
        return
    assert rubric["text"] == source["text"]
    assert rubric["source_url"] == source["source_url"]


def test_every_rubric_names_its_kinds_of_question():
    kinds = json.loads(KINDS.read_text(encoding="utf-8"))
    assert set(kinds) == {r["id"] for r in OURS}
    assert all(kinds.values())


def test_the_split_template_makes_few_points_off_the_split():
    """Answering the split to every question must score badly where the split was not asked."""
    kinds = json.loads(KINDS.read_text(encoding="utf-8"))
    off_split = [r for r in OURS if not any(k.startswith("split") for k in kinds[r["id"]])]
    assert len(off_split) >= len(OURS) / 3
    shares = []
    for rubric in off_split:
        made = sum(_said(p["any"], SPLIT_TEMPLATE) for p in rubric["points"])
        share = made / len(rubric["points"])
        assert share <= 0.5, f"{rubric['id']}: the template makes {made} of {len(rubric['points'])}"
        shares.append(share)
    assert sum(shares) / len(shares) <= 0.15


def test_the_split_template_makes_few_points_off_the_split_in_batch_c():
    """The same check for batch_c, whose split questions are listed in BATCH_C_ON_SPLIT."""
    off_split = [r for r in BATCH_C_RUBRICS if r["id"] not in BATCH_C_ON_SPLIT]
    assert len(off_split) >= len(BATCH_C_RUBRICS) / 2
    shares = [
        sum(_said(p["any"], SPLIT_TEMPLATE) for p in r["points"]) / len(r["points"])
        for r in off_split
    ]
    assert max(shares) <= 0.5
    assert sum(shares) / len(shares) <= 0.15
    on_split = [r for r in BATCH_C_RUBRICS if r["id"] in BATCH_C_ON_SPLIT]
    earning = [r for r in on_split if any(_said(p["any"], SPLIT_TEMPLATE) for p in r["points"])]
    assert len(earning) >= len(on_split) / 2


@pytest.mark.parametrize(
    ("rubrics", "on_split_ids"),
    [
        (BATCH_D_RUBRICS, BATCH_D_ON_SPLIT),
        (BATCH_E_RUBRICS, BATCH_E_ON_SPLIT),
        (BATCH_F_RUBRICS, BATCH_F_ON_SPLIT),
        (BATCH_G_RUBRICS, BATCH_G_ON_SPLIT),
        (BATCH_H_RUBRICS, BATCH_H_ON_SPLIT),
        (BATCH_I_RUBRICS, BATCH_I_ON_SPLIT),
        (BATCH_J_RUBRICS, BATCH_J_ON_SPLIT),
    ],
    ids=["batch_d", "batch_e", "batch_f", "batch_g", "batch_h", "batch_i", "batch_j"],
)
def test_the_split_template_makes_few_points_off_the_split_in_held_out_batches(
    rubrics: list[dict], on_split_ids: frozenset[str]
) -> None:
    """The same check for the held-out batches, each naming its two-destination questions:
    off them the split template earns at most half of any rubric's points and 15% on
    average; on them it earns a point in every rubric."""
    off_split = [r for r in rubrics if r["id"] not in on_split_ids]
    assert len(off_split) >= len(rubrics) / 2
    shares = [
        sum(_said(p["any"], SPLIT_TEMPLATE) for p in r["points"]) / len(r["points"])
        for r in off_split
    ]
    assert max(shares) <= 0.5
    assert sum(shares) / len(shares) <= 0.15
    on_split = [r for r in rubrics if r["id"] in on_split_ids]
    assert all(any(_said(p["any"], SPLIT_TEMPLATE) for p in r["points"]) for r in on_split)


def test_the_split_template_still_scores_on_split_questions():
    """The other side of the check: where the split is the answer, the template earns points."""
    kinds = json.loads(KINDS.read_text(encoding="utf-8"))
    on_split = [r for r in OURS if any(k.startswith("split") for k in kinds[r["id"]])]
    made = [sum(_said(p["any"], SPLIT_TEMPLATE) for p in r["points"]) for r in on_split]
    assert on_split and sum(m > 0 for m in made) >= len(on_split) / 2


# The wrong statements most rubrics share, with the ways a bot says them and the ways an expert
# denies them: the pattern must catch the first and let the second through.
COMMON_WRONGS = {
    "A direct rollover or conversion of this money carries the 10% early-withdrawal penalty": (
        [
            "You'll owe the 10% penalty on the rollover because you are under 59½.",
            "The conversion is subject to the 10% early-withdrawal penalty.",
        ],
        [
            "There's no 10% penalty on a direct rollover.",
            "The rollover is not subject to the 10% penalty.",
            "Withdrawals before 59½ from the IRA would pay the 10%.",
        ],
    ),
    "The rollover counts against the annual IRA contribution limit": (
        ["The rollover counts against your IRA contribution limit."],
        [
            "A rollover isn't a contribution, so it doesn't count against the IRA limit.",
            "It never counts toward the annual IRA limit.",
        ],
    ),
    "Income too high to roll over or convert to a Roth": (
        ["Your income is too high to convert to a Roth IRA."],
        ["Rollovers and conversions have no income limit; your income is irrelevant."],
    ),
    # batch_c: the one-clock rule. A first-contact run showed the pattern must not accuse the true
    # sentences about the Roth 401(k)'s own clock or each conversion's own period.
    "A rollover (or a new Roth IRA) starts its own 5-year clock": (
        [
            "The rolled-over money starts its own 5-year clock in the Roth IRA.",
            "Each Roth IRA has its own 5-year clock.",
            "A new Roth IRA restarts the 5-year clock.",
        ],
        [
            "Your Roth 401(k) has its own 5-year clock, from January 1 of the first deferral.",
            "Each conversion has its own 5-year period for the 10% penalty.",
            "Opening a new Roth IRA doesn't restart the 5-year clock.",
        ],
    ),
    # batch_f: at first contact this pattern also caught the true conditional "If not [separately
    # accounted], any partial distribution is pro-rata over the whole account"; it was narrowed to
    # sentences that are not conditional, and is held here to the claim and to both true sentences.
    "The whole 401(k) balance is pro-rated into the in-plan conversion": (
        [
            "The pro-rata rule applies across your whole 401(k), so most of it is taxable.",
            "The entire plan balance is pro-rated into each in-plan conversion.",
        ],
        [
            "If not, any partial distribution is pro-rata over the whole account.",
            "Converting it does not pull in the pretax money; if not, a conversion is pro-rata "
            "over the whole account.",
            "The conversion is pro-rated only within the after-tax subaccount, not across the "
            "whole 401(k).",
        ],
    ),
    "Nothing is taxable when only the after-tax money comes out": (
        [
            "Take out only the after-tax money and nothing is taxable.",
            "Roll just the after-tax contributions to the Roth IRA, tax-free.",
        ],
        [
            "Nothing is taxable, provided the plan accounts for the after-tax money separately.",
            "Roll just the after-tax contributions to the Roth IRA, tax-free, if the plan "
            "accounts for them separately.",
        ],
    ),
}


def _common_wrong(prefix: str) -> list[dict]:
    return [w for r in MINE for w in r["wrong"] if w["say"].startswith(prefix)]


@pytest.mark.parametrize("prefix", list(COMMON_WRONGS))
def test_common_wrong_statements_catch_the_claim_and_not_its_denial(prefix):
    wrongs = _common_wrong(prefix)
    assert wrongs, "no rubric uses this common wrong statement"
    caught, denied = COMMON_WRONGS[prefix]
    for wrong in wrongs:
        for text in caught:
            assert _said(wrong["any"], text), text
        for text in denied:
            assert not _said(wrong["any"], text), text


ALTERNATE_REPLIES = {
    **ALTERNATES,
    **BATCH_C_ALTERNATES,
    **BATCH_D_ALTERNATES,
    **BATCH_E_ALTERNATES,
    **BATCH_F_ALTERNATES,
    **BATCH_G_ALTERNATES,
    **BATCH_H_ALTERNATES,
    **BATCH_I_ALTERNATES,
    **BATCH_J_ALTERNATES,
}


@pytest.mark.parametrize("qid", sorted(ALTERNATE_REPLIES))
def test_a_differently_worded_expert_reply_also_makes_every_point(qid):
    """The points are meant to be generous: a second expert reply, worded differently from the
    model answer (answers_more_alternates.json, batch_c_answers_alternates.json,
    batch_d_answers_alternates.json, batch_e_answers_alternates.json,
    batch_f_answers_alternates.json, batch_g_answers_alternates.json,
    batch_h_answers_alternates.json, batch_i_answers_alternates.json,
    batch_j_answers_alternates.json), must earn them all and say nothing wrong."""
    rubric = next(r for r in MINE if r["id"] == qid)
    reply = ALTERNATE_REPLIES[qid]
    assert [p["say"] for p in rubric["points"] if not _said(p["any"], reply)] == []
    assert [w["say"] for w in rubric["wrong"] if _said(w["any"], reply)] == []
