"""The answer tests read real questions with the conversation stories' own helper
(``conversation_stories.real_question``), as the conversation tests do."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "conversation"))
