"""Start-up and turn time do not change: matplotlib loads only when a picture is drawn.

``ask_once`` runs a whole turn through ``Assistant.handle`` and then builds the chart
data, so one probe covers both.

Each check runs in a fresh interpreter, since this test process may have drawn already.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _modules_after(code: str) -> set[str]:
    probe = code + "\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, check=True
    )
    return set(done.stdout.split())


@pytest.mark.parametrize(
    "code",
    [
        "import bot.cli; bot.cli.build_parser().parse_args(['chart', '--out', 'x.png'])",
        "import bot.charts.data, bot.charts.cli, bot.charts.render",
        (
            "from datetime import date\nfrom bot.terminal import ask_once\n"
            "assert ask_once('I am 51, 30k basis, 10k earnings', today=date(2026, 12, 6))"
            "['chart']['timeline']"
        ),
    ],
    ids=["parser", "chart modules", "a turn with ask --json and its chart data"],
)
def test_no_matplotlib_without_a_picture(code):
    loaded = _modules_after(code)
    assert "bot" in loaded
    assert not {m for m in loaded if m.split(".")[0] in ("matplotlib", "PIL")}


def test_drawing_loads_matplotlib_with_the_agg_backend():
    loaded = _modules_after(
        "from datetime import date\n"
        "from bot.charts.data import chart_data\nfrom bot.charts.render import render\n"
        "d = chart_data({'age': 51, 'after_tax_total': 40000, 'after_tax_contributions': 30000},"
        " today=date(2026, 12, 6))\n"
        "render(d, 'routes', 'png')\n"
        "import matplotlib; assert matplotlib.get_backend().lower() == 'agg'"
    )
    assert "matplotlib" in loaded
    assert "matplotlib.backends.backend_agg" in loaded
