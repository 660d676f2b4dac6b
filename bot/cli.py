"""The ``rothbot`` command line: one entry point per job (see DESIGN.md).

The subcommands and their flags are declared here, but each job's code lives in its own
module and is imported only when that job runs, so ``rothbot calc`` never pays for
loading spaCy or python-telegram-bot.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from collections.abc import Sequence

EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rothbot",
        description=(
            "Moves after-tax 401(k) money into a Roth: reads the question, runs a cited "
            "rules engine, answers in plain words. General information, not tax advice."
        ),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    chat = sub.add_parser("chat", help="talk to rothbot in the terminal (one message per line)")
    chat.add_argument("--db", help="SQLite file (default: $ROTHBOT_DB or a per-user file)")
    chat.add_argument("--user", default=None, help="conversation key (default: your login)")
    chat.set_defaults(handler="bot.terminal:run_chat")

    ask = sub.add_parser("ask", help="ask one question and print the answer")
    ask.add_argument("text", help="the question, in quotes")
    ask.add_argument("--json", action="store_true", help="print facts, intents, result, reply")
    ask.set_defaults(handler="bot.terminal:run_ask", one_message=True)

    parse = sub.add_parser("parse", help="read facts and intents out of questions")
    parse.add_argument("text", nargs="?", help="one question to read (for a person)")
    parse.add_argument("--jsonl", metavar="FILE", help='lines {"id","text"} in ("-" for stdin)')
    parse.set_defaults(handler="nlu.cli:run_parse")

    calc = sub.add_parser("calc", help="Facts JSON on stdin -> calculation JSON on stdout")
    calc.add_argument(
        "--growth-rate",
        default=None,
        help="yearly growth assumed while waiting to separate (default from the data file)",
    )
    calc.add_argument("--today", default=None, help="date to compute clocks from (YYYY-MM-DD)")
    calc.set_defaults(handler="knowledge.cli:run_calc")

    _add_telegram(sub)
    _add_chart(sub)
    _add_support(sub)
    return parser


def _add_telegram(sub: argparse._SubParsersAction) -> None:
    """``rothbot telegram``: the bot (bot/telegram_channel)."""
    tg = sub.add_parser("telegram", help="run the Telegram bot (needs TELEGRAM_BOT_TOKEN)")
    tg.add_argument("--db", help="SQLite file (default: $ROTHBOT_DB or a per-user file)")
    tg.add_argument("--webhook-url", help="public HTTPS URL: run as a webhook instead of polling")
    tg.add_argument("--listen", default="127.0.0.1", help="webhook listen address")
    tg.add_argument("--port", type=int, default=8443, help="webhook listen port")
    tg.add_argument("--url-path", default="telegram", help="webhook URL path")
    tg.add_argument(
        "--secret-token-file",
        metavar="FILE",
        help="file holding the webhook secret (default: $TELEGRAM_WEBHOOK_SECRET)",
    )
    tg.add_argument("--secret-token", action=_Removed, help=argparse.SUPPRESS)
    tg.set_defaults(handler="bot.telegram_channel:run")


class _Removed(argparse.Action):
    """``--secret-token`` put the secret where ``ps`` shows it to every local user."""

    def __call__(self, parser: argparse.ArgumentParser, *args: object, **kwargs: object) -> None:
        parser.error(
            "--secret-token was removed: the process list shows it to every local user. "
            "Set TELEGRAM_WEBHOOK_SECRET or use --secret-token-file FILE."
        )


def _add_chart(sub: argparse._SubParsersAction) -> None:
    """``rothbot chart``; its code (and matplotlib) loads only when it runs."""
    chart = sub.add_parser(
        "chart",
        help="draw the timeline or the routes compared (PNG or SVG)",
        description=(
            "Draw when each dollar becomes tax-free (timeline) or what each route leaves at "
            "59½ (routes). Facts come from --facts FILE, from JSON piped on stdin, or else "
            "from your terminal conversation (rothbot chat)."
        ),
    )
    chart.add_argument("--out", required=True, help="FILE.png or FILE.svg")
    chart.add_argument(
        "--chart",
        choices=("timeline", "routes", "both"),
        default="timeline",
        help="which picture (both writes FILE-timeline.png and FILE-routes.png)",
    )
    chart.add_argument("--facts", metavar="FILE", help='Facts JSON file ("-" for stdin)')
    chart.add_argument("--route", help="route the timeline shows (default: the split if possible)")
    chart.add_argument("--growth-rate", default=None, help="yearly growth assumed (e.g. 0.05)")
    chart.add_argument("--today", default=None, help="date to draw from (YYYY-MM-DD)")
    chart.add_argument(
        "--conversation",
        action="store_true",
        help="chart the terminal conversation (the default when nothing is piped in)",
    )
    chart.add_argument("--db", help="SQLite file of the conversation (default: $ROTHBOT_DB)")
    chart.add_argument("--user", default=None, help="conversation key (default: your login)")
    chart.set_defaults(handler="bot.charts.cli:run_chart")


def _add_support(sub: argparse._SubParsersAction) -> None:
    """The support team's commands: ``triage`` and ``tickets``."""
    triage = sub.add_parser(
        "triage",
        help="triage a JSONL or CSV file of questions: status, priority, draft reply; stored",
        description=(
            'Reads questions (JSONL lines {"id","text"} or CSV with id and text columns) '
            "and gives each its facts, the questions asked, what is missing, the engine's "
            "headline, a status (answerable, needs_info, needs_human) and a priority with "
            "their reasons, tags and a draft reply. Results are stored in the SQLite file "
            "(table triage); the same id triaged again replaces its row."
        ),
    )
    triage.add_argument("file", help="the questions file")
    triage.add_argument(
        "--input-format", choices=("jsonl", "csv"), help="default: from the name or content"
    )
    triage.add_argument(
        "--format", choices=("table", "csv", "jsonl"), default="table", help="output format"
    )
    triage.add_argument(
        "--jobs", type=int, default=1, help="worker processes (0: one per core; default 1)"
    )
    triage.add_argument("--db", help="SQLite file (default: $ROTHBOT_DB or a per-user file)")
    triage.add_argument("--today", default=None, help="date to compute clocks from (YYYY-MM-DD)")
    triage.set_defaults(handler="bot.triage_cli:run_triage")

    tickets = sub.add_parser(
        "tickets",
        help="the support queue: list, show N, reply N TEXT, resolve N",
        description="The tickets opened when a user asks for a person or the bot cannot finish.",
    )
    actions = tickets.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="open and claimed tickets, oldest first")
    listing.add_argument("--all", action="store_true", help="resolved ones too")
    show = actions.add_parser("show", help="one ticket: question, facts, result, messages")
    show.add_argument("number", type=int)
    reply = actions.add_parser("reply", help="answer the user (marked as from a person)")
    reply.add_argument("number", type=int)
    reply.add_argument("text", nargs="+", help="the answer")
    claim = actions.add_parser("claim", help="take a ticket")
    claim.add_argument("number", type=int)
    resolve = actions.add_parser("resolve", help="close a ticket")
    resolve.add_argument("number", type=int)
    for action in (listing, show, reply, claim, resolve):
        action.add_argument("--db", help="SQLite file (default: $ROTHBOT_DB or a per-user file)")
        action.add_argument("--agent", help="your name on replies (default: your login)")
    tickets.set_defaults(handler="bot.tickets_cli:run_tickets")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_USAGE
    module_name, func_name = args.handler.split(":")
    collecting = gc.isenabled()
    if getattr(args, "one_message", False):
        # A process that answers one message and exits (``rothbot ask``) runs without the
        # cyclic garbage collector: its rounds over the growing heap while the modules
        # load and the reader builds took 25-35 ms of the start and freed next to
        # nothing (the peak memory of a 4,000-character question is the same).
        gc.disable()
    try:
        handler = getattr(importlib.import_module(module_name), func_name)
        return int(handler(args) or 0)
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    finally:
        if collecting:
            gc.enable()


if __name__ == "__main__":
    sys.exit(main())
