"""``rothbot chart``: draw the timeline or the routes compared, as PNG or SVG.

The facts come from a Facts JSON (``--facts FILE``, ``--facts -`` or piped stdin, as
``rothbot calc`` reads them) or, with nothing piped, from the current terminal
conversation (the session ``rothbot chat`` keeps in the SQLite store). Bad input is one
sentence on stderr and exit status 2; a conversation that cannot be charted yet says
what is missing and exits 1. Never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from bot.charts.data import ChartUnavailable, chart_data
from knowledge.cli import BadInput, parse_growth_rate, parse_today, read_facts
from knowledge.facts import Facts, InvalidFacts
from knowledge.outlook import ROUTE_LABELS

EXIT_OK, EXIT_UNAVAILABLE, EXIT_BAD_INPUT = 0, 1, 2
CHARTS = ("timeline", "routes")


def _conversation_facts(args: argparse.Namespace) -> tuple[dict[str, Any], str | None]:
    """The facts and route topic of the terminal conversation ``rothbot chat`` keeps."""
    from bot.store import Store, StoreError
    from bot.terminal import _user_key

    try:
        store = Store(getattr(args, "db", None))
    except StoreError as exc:
        raise BadInput(str(exc)) from None
    try:
        session = store.load(_user_key(getattr(args, "user", None)))
    finally:
        store.close()
    if not session.facts:
        raise BadInput(
            "There is no terminal conversation to chart yet: run rothbot chat first, or give "
            "the facts with --facts FILE."
        )
    return dict(session.facts), session.topic


def _outputs(out: str, chart: str) -> list[tuple[str, Path, str]]:
    path = Path(out)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        raise BadInput(f"--out must end in .png or .svg (got {out!r}).")
    if chart != "both":
        return [(chart, path, fmt)]
    return [(c, path.with_name(f"{path.stem}-{c}{path.suffix}"), fmt) for c in CHARTS]


def run_chart(
    args: argparse.Namespace,
    *,
    stdin: TextIO | None = None,
    stderr: TextIO | None = None,
    system_today: date | None = None,
) -> int:
    """Draw the chart(s) asked for; one sentence on stderr for anything wrong."""
    stdin = stdin or sys.stdin
    stderr = stderr or sys.stderr
    try:
        outputs = _outputs(args.out, args.chart)
        today = parse_today(getattr(args, "today", None), default=system_today or date.today())
        growth_rate = parse_growth_rate(getattr(args, "growth_rate", None))
        routes: list[str] = [args.route] if getattr(args, "route", None) else []
        source = getattr(args, "facts", None)
        from_chat = getattr(args, "conversation", False)
        if from_chat and source is not None:
            raise BadInput("Give either --facts or --conversation, not both.")
        if source == "-" or (source is None and not from_chat and not stdin.isatty()):
            facts: Facts | dict[str, Any] = read_facts(stdin)
        elif source is not None:
            try:
                with open(source, encoding="utf-8") as handle:
                    facts = read_facts(handle)
            except OSError as exc:
                raise BadInput(f"Cannot read {source}: {exc.strerror}.") from None
        else:
            facts, topic = _conversation_facts(args)
            routes += [topic] if topic in ROUTE_LABELS else []
        data = chart_data(facts, today=today, growth_rate=growth_rate, route=routes)
    except ChartUnavailable as exc:
        print(f"rothbot: {exc}", file=stderr)
        return EXIT_UNAVAILABLE
    except (BadInput, InvalidFacts) as exc:
        print(f"rothbot: {exc}", file=stderr)
        return EXIT_BAD_INPUT

    from bot.charts.render import render  # matplotlib loads here, and only here

    for chart, path, fmt in outputs:
        image = render(data, chart, fmt)
        try:
            path.write_bytes(image)
        except OSError as exc:
            print(f"rothbot: cannot write {path}: {exc.strerror}.", file=stderr)
            return EXIT_BAD_INPUT
        print(f"rothbot: wrote {path} ({chart}, {fmt.upper()}, {len(image):,} bytes)", file=stderr)
    return EXIT_OK
