"""What a chart costs: drawing each chart warm, and the first chart of a process.

    .venv/bin/python benchmarks/charts.py [--rounds 20] [--cold-runs 5]

- **warm**: in one process that has drawn once already, each chart (timeline, routes)
  in each format (PNG, SVG) is drawn ``--rounds`` times; best and median per draw.
  The chart data (engine + outlook) is timed on its own: it is what ``ask --json`` adds.
- **first chart**: a fresh interpreter imports the chart code and draws one PNG
  timeline; the time from start to bytes includes importing matplotlib. Run twice:
  with matplotlib's font cache present (every start after the first on a machine), and
  with an empty ``MPLCONFIGDIR`` (the very first chart after installing).
- **import alone**: a fresh interpreter that only imports matplotlib's Agg canvas.

Facts: the seed thread (age 51, $30,000 basis, $10,000 earnings, still employed).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = {
    "age": 51,
    "after_tax_contributions": 30000,
    "after_tax_earnings": 10000,
    "still_employed": True,
    "provider": "T. Rowe Price",
}
TODAY = date(2026, 12, 6)

FIRST_CHART = f"""
import time
start, cpu = time.perf_counter(), time.process_time()
from datetime import date
from bot.charts.data import chart_data
from bot.charts.render import render
data = chart_data({SEED!r}, today=date(2026, 12, 6))
after_data, cpu_data = time.perf_counter(), time.process_time()
render(data, "timeline", "png")
done, cpu_done = time.perf_counter(), time.process_time()
print(done - after_data, cpu_done - cpu_data, done - start, cpu_done - cpu)
"""

IMPORT_ONLY = """
import time
start, cpu = time.perf_counter(), time.process_time()
import matplotlib
matplotlib.use("Agg")
from matplotlib.figure import Figure
from matplotlib.backends import backend_agg
print(time.perf_counter() - start, time.process_time() - cpu)
"""


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def warm(rounds: int) -> None:
    sys.path.insert(0, str(REPO))
    from bot.charts.data import chart_data
    from bot.charts.render import render

    data = chart_data(SEED, today=TODAY)
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        chart_data(SEED, today=TODAY)
        times.append(time.perf_counter() - t0)
    print(
        f"chart data (engine + outlook): best {_ms(min(times))}, median "
        f"{_ms(statistics.median(times))}"
    )
    for chart in ("timeline", "routes"):
        for fmt in ("png", "svg"):
            render(data, chart, fmt)  # warm this chart's path once
            times, cpus = [], []
            for _ in range(rounds):
                t0, c0 = time.perf_counter(), time.process_time()
                render(data, chart, fmt)
                times.append(time.perf_counter() - t0)
                cpus.append(time.process_time() - c0)
            print(_line(f"warm {chart:8} {fmt}", times, cpus))


def _fresh(code: str, env: dict[str, str]) -> list[float]:
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        check=True,
    )
    return [float(x) for x in done.stdout.split()]


def _line(label: str, wall: list[float], cpu: list[float]) -> str:
    return (
        f"{label}: wall best {_ms(min(wall))}, median {_ms(statistics.median(wall))}; "
        f"CPU median {_ms(statistics.median(cpu))}"
    )


def cold(runs: int) -> None:
    env = dict(os.environ)
    firsts, imports, empties = [], [], []
    for _ in range(runs):
        imports.append(_fresh(IMPORT_ONLY, env))
        firsts.append(_fresh(FIRST_CHART, env))
    for _ in range(max(1, runs // 2)):
        with tempfile.TemporaryDirectory() as empty:
            empties.append(_fresh(FIRST_CHART, {**env, "MPLCONFIGDIR": empty}))
    print(_line("import matplotlib (Agg) alone", [r[0] for r in imports], [r[1] for r in imports]))
    for label, rows in (
        ("first chart (import + draw), font cache present", firsts),
        ("first chart (import + draw), empty MPLCONFIGDIR", empties),
    ):
        print(_line(label, [r[0] for r in rows], [r[1] for r in rows]))
        print(
            _line("  whole script incl. engine imports", [r[2] for r in rows], [r[3] for r in rows])
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--cold-runs", type=int, default=5)
    args = parser.parse_args()
    cold(args.cold_runs)
    warm(args.rounds)


if __name__ == "__main__":
    main()
