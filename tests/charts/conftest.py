"""Chart tests: the fact sets (``fact_sets.py``) as a parametrised fixture."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fact_sets import FACT_SETS


@pytest.fixture(params=sorted(FACT_SETS))
def facts(request) -> dict[str, Any]:
    return FACT_SETS[request.param]
