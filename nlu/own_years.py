"""Years that date the poster's own past transaction ("I converted in 2017").

A year in a question plays one of three parts: the tax year asked about, the year of a
document or of someone else's story ("the Notice came out in 2014"), or the year of
something the poster already did ("In 2018, I rolled over ...", "my 2023 return"). The
last is settled: its tax was fixed under that year's rules (an IRA conversion's taxable
share by that year's December 31 balances) and the clocks it started run from it, so the
reply must neither call it "not the tax year" nor answer as if acting now could change
it. This module finds that part, from spaCy ``Matcher`` token patterns in
``patterns/own_years.yaml``; ``nlu.assemble`` reports what it finds as
``Assembled.own_years``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any, NamedTuple

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from nlu import gating
from nlu.data import load

_YEAR = re.compile(r"^(?:19[7-9]\d|20\d\d)$")
_YEAR_TOKEN = {"TEXT": {"REGEX": _YEAR.pattern}}
_GAP = re.compile(r"^\$GAP(\d+)$")
# Words naming an employer plan, and how plan names start ("401k", "403(b", "457b").
# Words that put a transaction inside an employer plan. An elective deferral is made only to a
# plan (IRC 402(g)(3)), so its year starts a Roth 401(k)'s clock, never the Roth IRA's.
_PLAN_WORDS = frozenset({"plan", "in-plan", "tsp", "deferral", "deferrals"})
_PLAN_NUMBERS = ("401", "403", "457")


class OwnYear(NamedTuple):
    """A year the poster's own past transaction happened in.

    ``kind``: "conversion", "rollover", "contribution", "distribution", "return" or
    "transaction" (the
    ``kinds`` of own_years.yaml); ``first``: the text calls it the first ("My first
    conversion was Dec 2019"); ``in_plan``: the words name an employer plan ("an in-plan
    conversion", "to his Roth 401k"), whose Roth is not a Roth IRA; ``start``, ``end``:
    the year's character offsets.
    """

    year: int
    kind: str
    first: bool
    in_plan: bool
    start: int
    end: int


def _expand(pattern: list[Any], words: dict[str, list[str]]) -> list[dict[str, Any]]:
    """A pattern of own_years.yaml with its "$" names replaced by spaCy token dicts."""
    out: list[dict[str, Any]] = []
    stop = [w.lower() for w in words["stop"]]
    for token in pattern:
        if token == "$YEAR":
            out.append(_YEAR_TOKEN)
        elif token == "$WHEN":
            out.append({"LOWER": {"IN": words["when"] + words["month"]}, "OP": "{0,3}"})
        elif isinstance(token, str) and (gap := _GAP.match(token)):
            out.append({"LOWER": {"NOT_IN": stop}, "OP": f"{{0,{gap.group(1)}}}"})
        elif isinstance(token, dict):
            lower = token.get("LOWER")
            if isinstance(lower, dict) and isinstance(lower.get("IN"), str):
                token = {**token, "LOWER": {"IN": words[lower["IN"].lstrip("$")]}}
            out.append(token)
        else:  # pragma: no cover - guards against a broken data file
            raise ValueError(f"own_years.yaml: unknown pattern token {token!r}")
    return out


class _Patterns(NamedTuple):
    matcher: Matcher
    which: dict[str, str]  # entry id -> "first" / "last": the year token dated
    not_after: dict[str, frozenset[str]]  # entry id -> words that may not come just before
    kind_of: dict[str, str]  # word -> kind
    # each pattern with the index of its (first) year token: every match lies near a year
    # token, so the Matcher runs only there (``_matches``)
    patterns: tuple[tuple[list[dict[str, Any]], int], ...] = ()


@cache
def _patterns(vocab: Vocab) -> _Patterns:
    data = load("own_years")
    words = {k: [str(w) for w in v] for k, v in data["words"].items()}
    matcher = Matcher(vocab)
    which: dict[str, str] = {}
    not_after: dict[str, frozenset[str]] = {}
    expanded: list[tuple[list[dict[str, Any]], int]] = []
    for entry in data["entries"]:
        if entry["year"] not in ("first", "last"):
            raise ValueError(f"own_years.yaml: {entry['id']}: year must be first or last")
        which[entry["id"]] = entry["year"]
        not_after[entry["id"]] = frozenset(str(w) for w in entry.get("not_after") or ())
        patterns = [_expand(p, words) for p in entry["patterns"]]
        matcher.add(entry["id"], patterns)
        for pattern in patterns:
            if _YEAR_TOKEN not in pattern:  # pragma: no cover - guards a broken data file
                raise ValueError(f"own_years.yaml: {entry['id']}: a pattern without $YEAR")
            expanded.append((pattern, pattern.index(_YEAR_TOKEN)))
    kind_of = {str(w): kind for kind, ws in data["kinds"].items() for w in ws}
    return _Patterns(matcher, which, not_after, kind_of, tuple(expanded))


def _matches(
    doc: Doc, pats: _Patterns, years: list[int], lowers: list[str]
) -> Iterator[tuple[int, int, int]]:
    """The Matcher's matches in ``doc``, in its order (the first match of a year token
    dates it), run only on the token ranges where a match can lie: within reach of the
    year tokens at ``years`` (a plain run over a long post, most of it far from any year,
    was about a tenth of a read). ``lowers``: the tokens' lower-cased words.

    A match of a pattern spans at most so many tokens before its year token and after it
    (``gating.reach``), a "*" token of a word set (``{LOWER: {IN: [tax, form]}, OP: "*"}``)
    at most the longest run of those words in ``doc``. The ranges do not touch, so a
    match in one is found by the Matcher on it as on the whole Doc, and those of an earlier
    range come first there too (it reports a match when its last token is read)."""
    backs: list[int | None] = []
    aheads: list[int | None] = []
    runs: dict[frozenset[str], int] = {}
    for pattern, year in pats.patterns:
        bounded = []
        for token in pattern:
            lower = token.get("LOWER")
            words = lower.get("IN") if isinstance(lower, dict) else None
            if token.get("OP") == "*" and len(token) == 2 and words is not None:
                key = frozenset(words)
                if key not in runs:
                    runs[key] = _longest_run(lowers, key)
                token = {**token, "OP": f"{{0,{runs[key]}}}"}
            bounded.append(token)
        back, ahead = gating.reach(bounded, year)
        backs.append(back)
        aheads.append(ahead)
    for begin, end in gating.around(years, _most(backs), _most(aheads), len(doc)):
        for match_id, start, stop in pats.matcher(doc[begin:end]):
            yield match_id, begin + start, begin + stop


def _most(counts: list[int | None]) -> int | None:
    """The largest of ``counts``; None (any number) when one is None."""
    bounded = [count for count in counts if count is not None]
    return None if len(bounded) < len(counts) else max(bounded, default=0)


def _longest_run(lowers: list[str], words: frozenset[str]) -> int:
    """The most tokens in a row whose lower-cased words are all of ``words``."""
    longest = run = 0
    for lower in lowers:
        run = run + 1 if lower in words else 0
        longest = max(longest, run)
    return longest


def own_years(doc: Doc) -> list[OwnYear]:
    """The years ``doc`` dates the poster's own past transactions with, in text order
    (one per year token)."""
    years = [t.i for t in doc if _YEAR.match(t.text)]
    if not years:
        return []
    pats = _patterns(doc.vocab)
    strings = doc.vocab.strings
    found: dict[int, OwnYear] = {}
    lowers = [t.lower_ for t in doc]
    for match_id, start, end in _matches(doc, pats, years, lowers):
        rule = strings[match_id]
        if start and doc[start - 1].lower_ in pats.not_after[rule]:
            continue
        span = doc[start:end]
        years = [t for t in span if _YEAR.match(t.text)]
        if not years:
            continue
        token = years[0] if pats.which[rule] == "first" else years[-1]
        kinds = [pats.kind_of[t.lower_] for t in span if t.lower_ in pats.kind_of]
        if not kinds or token.i in found:
            continue
        first = any(t.lower_ == "first" for t in span)
        in_plan = any(t.lower_ in _PLAN_WORDS or t.lower_.startswith(_PLAN_NUMBERS) for t in span)
        found[token.i] = OwnYear(
            int(token.text), kinds[0], first, in_plan, token.idx, token.idx + len(token)
        )
    return [found[i] for i in sorted(found)]
