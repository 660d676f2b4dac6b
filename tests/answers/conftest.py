"""The answer tests read real questions with the conversation stories' own helper
(``conversation_stories.real_question``), as the conversation tests do, and ask what an
answer says with their own shared helper (``answer_findings.said_by``)."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "conversation"))
sys.path.insert(0, str(HERE))
