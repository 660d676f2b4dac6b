"""Rule ids and the citations behind them (``knowledge/data/rules.yaml``).

The engine speaks in rule ids (``"notice_2014_54"``); replies turn them into citations
here. Keeping the text in one data file means a corrected URL fixes every reply at once,
and a test can prove every id the engine emits resolves.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from knowledge import yaml_files

RULES_FILE = Path(__file__).resolve().parent / "data" / "rules.yaml"


class UnknownRule(KeyError):
    """A programming error: the engine emitted a rule id that rules.yaml lacks."""


@dataclass(frozen=True, slots=True)
class Citation:
    id: str
    title: str
    section: str
    url: str

    def short(self) -> str:
        """Compact form for chat replies: ``IRS Notice 2014-54, sec. III (https://...)``."""
        return f"{self.section} ({self.url})"

    def to_dict(self) -> dict[str, str]:
        return {"title": self.title, "section": self.section, "url": self.url}


@cache
def all_rules() -> dict[str, Citation]:
    """Every citation by rule id, loaded once."""
    raw = yaml_files.read(RULES_FILE) or {}
    return {
        rule_id: Citation(
            id=rule_id,
            title=str(entry["title"]),
            section=str(entry["section"]),
            url=str(entry["url"]),
        )
        for rule_id, entry in raw.items()
    }


def cite(rule_id: str) -> Citation:
    """The citation for ``rule_id``; raises UnknownRule for an id rules.yaml lacks."""
    try:
        return all_rules()[rule_id]
    except KeyError:
        raise UnknownRule(rule_id) from None
