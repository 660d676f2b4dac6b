"""The literal-indexed matcher finds exactly what a plain regex scan finds.

``nlu.matching.FastRegex`` only tries a pattern where its leading or required words
occur; these properties check, for every pattern in every table, that this shortcut
never loses or adds a match.
"""

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import nlu
from nlu.data import load
from nlu.intents import _intent_patterns, _topics
from nlu.matching import (
    FastRegex,
    LiteralFinder,
    PatternSet,
    _trie_pattern,
    lower_same_length,
    lowercase_pattern,
)
from nlu.providers import _aliases, _plan_patterns
from nlu.roles import _cue_table
from nlu.tables import _pattern_set

SETS: list[PatternSet] = [
    _pattern_set("facts"),
    _pattern_set("status"),
    _intent_patterns(),
    _topics(),
    _cue_table(),
    _aliases(),
    _plan_patterns(),
]
WORDS = st.sampled_from(
    [
        "I", "am", "I'm", "51", "my", "wife", "is", "49", "retire", "at", "55", "after-tax",
        "after", "tax", "contributions", "earnings", "basis", "$40K", "401(k)", "401k", "403b",
        "Roth", "IRA", "in-plan", "conversion", "plan", "allows", "in-service", "employer",
        "left", "my", "job", "former", "still", "working", "TROWE", "Fidelity", "Principal",
        "married", "file", "jointly", "24%", "bracket", "in", "2019", "opened", "a", "don't",
        "have", "5", "year", "rule", "pro-rata", "split", "2014-54", "QDRO", "inherited",
        "state", "what", "if", "?", ".", ",", "\n", "  ", "not", "sure", "yes", "no",
    ]
)  # fmt: skip
TEXTS = st.one_of(
    st.lists(WORDS, max_size=40).map(" ".join),
    st.text(max_size=120),
)


def plain(regex: FastRegex, text: str) -> list[tuple[int, int]]:
    haystack = lower_same_length(text) if regex.ignorecase else text
    return [m.span() for m in regex.regex.finditer(haystack)]


@settings(max_examples=40, deadline=None)
@given(text=TEXTS)
def test_every_pattern_finds_what_a_full_scan_finds(text: str) -> None:
    finder = LiteralFinder(text)
    for pattern_set in SETS:
        expected = sorted(
            (i, span)
            for i, (_p, regex) in enumerate(pattern_set.items)
            for span in plain(regex, text)
        )
        found = []
        for payload, m in pattern_set.scan(text, finder):
            index = next(
                i
                for i, (p, r) in enumerate(pattern_set.items)
                if p is payload and (r.regex is m.re)
            )
            found.append((index, m.span()))
        assert sorted(found) == expected


def test_lower_casing_a_pattern_keeps_escapes_and_group_names() -> None:
    assert lowercase_pattern(r"(?P<n>\d+) TSP \W\S") == r"(?P<n>\d+) tsp \W\S"


def _lowercased_char_by_char(pattern: str) -> str:
    """``lowercase_pattern`` as first written: a character loop, a backslash keeping the
    character after it."""
    out = []
    escaped = False
    for char in pattern:
        out.append(char if escaped else char.lower())
        escaped = char == "\\" and not escaped
    return "".join(out).replace("(?p<", "(?P<").replace("(?p=", "(?P=")


@settings(max_examples=300)
@given(
    st.lists(st.sampled_from([*"aZ\\(?P<>=\n WSİΣß.", "(?P<", "(?P=", "\\\\", "\\W", "ΑΣ "])).map(
        "".join
    )
)
def test_lower_casing_a_pattern_equals_the_character_loop(pattern: str) -> None:
    assert lowercase_pattern(pattern) == _lowercased_char_by_char(pattern)


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_lower_casing_every_string_of_the_pattern_files_equals_the_character_loop() -> None:
    names = [path.stem for path in (Path(nlu.__file__).parent / "patterns").glob("*.yaml")]
    strings = [s for name in sorted(names) for s in _strings(load(name))]
    assert len(strings) > 5000 and any("\\b" in s for s in strings)
    assert [lowercase_pattern(s) for s in strings] == [_lowercased_char_by_char(s) for s in strings]


def test_a_case_blind_pattern_matches_any_case() -> None:
    regex = FastRegex(r"\bmy employer (?:offers|allows)\b")
    text = "MY Employer OFFERS it"
    assert [m.span() for m in regex.finditer(text)] == [(0, 18)]
    assert re.search(regex.regex.pattern, text.lower())


def test_a_start_of_small_exact_parts_is_spelled_out() -> None:
    regex = FastRegex(r"\b(?:i|we) (?:need|have) to (?:open|set up)\b")
    assert set(regex.lead or ()) == {"i need", "i have", "we need", "we have"}


def test_a_start_that_is_not_exact_falls_back_to_its_leading_words() -> None:
    regex = FastRegex(r"\b(?:i|we)\w* can\b")
    assert set(regex.lead or ()) == {"i", "we"}


@given(words=st.lists(st.sampled_from(["i need", "i", "i need to", "we", "we have"]), min_size=1))
def test_the_trie_pattern_matches_the_longest_literal(words: list[str]) -> None:
    regex = re.compile(_trie_pattern(words))
    for text in ("i need to go", "we have it", "i am", "we"):
        longest = max((w for w in words if text.startswith(w)), key=len, default=None)
        m = regex.match(text)
        assert (m.group() if m and m.group() else None) == longest


def test_the_shipped_pattern_analyses_are_what_parsing_the_patterns_gives() -> None:
    """nlu/patterns/analysed.json spares parsing every pattern at start-up; an entry
    that no longer matches its pattern would make the matcher skip real matches."""
    from nlu.matching import _analysed, _analysis_key, analyse

    shipped = _analysed()
    assert len(shipped) > 400  # the file is there and read
    patterns = {(p, f) for key in shipped for f, p in [key.split(":", 1)]}
    for pattern, flags in patterns:
        assert shipped[_analysis_key(pattern, int(flags))] == analyse(pattern, int(flags))
