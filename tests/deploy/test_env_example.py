"""deploy/rothbot.env.example: parses as an env file and documents every variable read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "deploy" / "rothbot.env.example"
CODE = [ROOT / "bot", ROOT / "nlu", ROOT / "knowledge"]
_READ = re.compile(r"""(?:environ\.get|getenv|environ\[)\(?\s*["']([A-Z][A-Z0-9_]*)["']""")
_LINE = re.compile(r"^(#?)([A-Z][A-Z0-9_]*)=(\S*)$")


def variables_read_by_the_code() -> set[str]:
    names: set[str] = set()
    for folder in CODE:
        for path in folder.rglob("*.py"):
            names.update(_READ.findall(path.read_text(encoding="utf-8")))
    return names


def example_lines() -> list[tuple[bool, str, str]]:
    """(active, name, value) for every KEY=value line, commented out or not."""
    found = []
    for raw in EXAMPLE.read_text(encoding="utf-8").splitlines():
        match = _LINE.match(raw.strip())
        if match:
            found.append((not match.group(1), match.group(2), match.group(3)))
    return found


def test_the_scan_finds_what_the_channel_reads() -> None:
    assert {"TELEGRAM_BOT_TOKEN", "TELEGRAM_API_BASE_URL", "ROTHBOT_DB"} <= (
        variables_read_by_the_code()
    )


def test_every_variable_the_code_reads_is_documented() -> None:
    documented = {name for _, name, _ in example_lines()}
    missing = variables_read_by_the_code() - documented
    assert not missing, f"add these to deploy/rothbot.env.example: {sorted(missing)}"


def test_every_line_is_a_comment_a_blank_or_key_equals_value() -> None:
    for number, raw in enumerate(EXAMPLE.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        assert _LINE.match(line), f"line {number} is not KEY=value without quotes: {raw!r}"


def test_each_variable_is_explained_by_a_comment_above_it() -> None:
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    for index, raw in enumerate(lines):
        match = _LINE.match(raw.strip())
        if match:
            above = lines[index - 1].strip() if index else ""
            assert above.startswith("#") and not _LINE.match(above), (
                f"{match.group(2)} needs a comment line above it"
            )


@pytest.mark.parametrize("name", ["TELEGRAM_BOT_TOKEN"])
def test_the_example_holds_no_real_secret(name: str) -> None:
    values = [value for _, key, value in example_lines() if key == name]
    assert values == [""]
    assert not re.search(r"\d{6,}:[A-Za-z0-9_-]{30,}", EXAMPLE.read_text(encoding="utf-8"))
