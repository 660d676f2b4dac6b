"""Expected federal income tax for a few hundred households a year, from Tax-Calculator.

rothbot does not depend on Tax-Calculator; this script installs it (PyPI ``taxcalc``) in
its own virtual environment, computes the regular income tax before credits (``taxbc``)
of generated households with and without a rollover's taxable amount, and writes the
table ``tests/knowledge/data/taxcalc_federal_tax.csv``, which
``tests/knowledge/test_taxcalc_crosscheck.py`` compares with the engine within $1.
Re-run it whenever a tax year is added (and add the year to ``YEARS``):

    python3 benchmarks/taxcalc_crosscheck.py            # creates benchmarks/.venv-taxcalc
    python3 benchmarks/taxcalc_crosscheck.py --venv DIR  # another place for the venv

Households are drawn from a fixed seed, so the table is the same on every run: every
filing status, ages 30-90 with most of them 60-80, couples of mixed ages (one spouse
either side of 65), a few blind filers, income 0-400,000 and a taxable rollover of
0-150,000. Income is all ordinary (taxable pensions), so there are no capital gains,
Social Security benefits or itemized deductions, as in the engine.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TABLE = REPO / "tests" / "knowledge" / "data" / "taxcalc_federal_tax.csv"
YEARS = (2024, 2025, 2026)
PER_YEAR = 300
SEED = 20261206
STATUSES = ("single", "mfj", "mfs", "hoh")
MARS = {"single": 1, "mfj": 2, "mfs": 3, "hoh": 4}
COLUMNS = (
    "year",
    "filing_status",
    "age",
    "spouse_age",
    "blind",
    "spouse_blind",
    "income",
    "taxable",
    "tax_before",
    "tax_after",
)


def households(year: int) -> list[dict[str, object]]:
    """PER_YEAR households for ``year``, the same every run."""
    rng = random.Random(f"{SEED}-{year}")
    rows = []
    for index in range(PER_YEAR):
        status = STATUSES[index % len(STATUSES)]
        age = rng.choice((rng.randint(30, 90), rng.randint(60, 80), rng.randint(63, 67)))
        spouse_age = ""
        if status == "mfj":
            # mixed-age couples: the spouse often on the other side of 65
            spouse_age = rng.choice((age, rng.randint(55, 64), rng.randint(65, 85)))
        rows.append(
            {
                "year": year,
                "filing_status": status,
                "age": age,
                "spouse_age": spouse_age,
                "blind": int(rng.random() < 0.08),
                "spouse_blind": int(status == "mfj" and rng.random() < 0.08),
                "income": rng.choice((rng.randint(0, 120), rng.randint(0, 400))) * 1000
                + rng.randint(0, 999),
                "taxable": rng.randint(0, 150) * 1000,
            }
        )
    return rows


def expected_tax(rows: list[dict[str, object]]) -> None:
    """Fill ``tax_before`` and ``tax_after`` with Tax-Calculator's ``taxbc``."""
    import pandas as pd  # only inside the Tax-Calculator venv
    import taxcalc

    for column, add in (("tax_before", False), ("tax_after", True)):
        for year in YEARS:
            mine = [r for r in rows if r["year"] == year]
            pensions = [int(r["income"]) + (int(r["taxable"]) if add else 0) for r in mine]
            frame = pd.DataFrame(
                {
                    "RECID": range(1, len(mine) + 1),
                    "FLPDYR": year,
                    "MARS": [MARS[str(r["filing_status"])] for r in mine],
                    "XTOT": [2 if r["filing_status"] == "mfj" else 1 for r in mine],
                    "age_head": [int(r["age"]) for r in mine],
                    "age_spouse": [int(r["spouse_age"] or 0) for r in mine],
                    "blind_head": [int(r["blind"]) for r in mine],
                    "blind_spouse": [int(r["spouse_blind"]) for r in mine],
                    "e01500": pensions,
                    "e01700": pensions,
                }
            )
            records = taxcalc.Records(
                data=frame, start_year=year, gfactors=None, weights=None, adjust_ratios=None
            )
            calc = taxcalc.Calculator(policy=taxcalc.Policy(), records=records, verbose=False)
            calc.advance_to_year(year)
            calc.calc_all()
            for row, tax in zip(mine, calc.array("taxbc"), strict=True):
                row[column] = f"{tax:.2f}"


def generate() -> None:
    import taxcalc

    rows = [row for year in YEARS for row in households(year)]
    expected_tax(rows)
    TABLE.parent.mkdir(parents=True, exist_ok=True)
    with TABLE.open("w", newline="", encoding="utf-8") as out:
        out.write(
            f"# Tax-Calculator {taxcalc.__version__} taxbc; benchmarks/taxcalc_crosscheck.py\n"
        )
        writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} households, Tax-Calculator {taxcalc.__version__} -> {TABLE}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--venv", type=Path, default=REPO / "benchmarks" / ".venv-taxcalc")
    parser.add_argument("--generate", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        generate()
        return
    python = args.venv / "bin" / "python"
    if not python.exists():
        print(f"creating {args.venv} and installing taxcalc (a few minutes) ...", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(args.venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "taxcalc"], check=True)
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    subprocess.run([str(python), __file__, "--generate"], check=True, env=env)


if __name__ == "__main__":
    main()
