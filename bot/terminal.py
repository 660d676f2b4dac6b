"""The terminal channel: ``rothbot chat`` (a conversation) and ``rothbot ask`` (one turn).

Both are thin over the same core Telegram uses. ``chat`` keeps its session in the
SQLite store, so a conversation continues after a restart; with a terminal it offers
readline editing, and with piped stdin it reads one message per line and prints only
the replies, so it can be scripted. ``ask`` uses a throwaway in-memory store and never
touches the user's database.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import getpass
import json
import sys
from datetime import date
from typing import Any, TextIO

from bot.conversation import _clean, respond
from bot.reply import Reply
from bot.service import Assistant, Responder
from bot.store import Store, StoreError

PROMPT = "you> "
QUIT_WORDS = ("quit", "exit", "/quit", "/exit")


def _user_key(user: str | None) -> str:
    if user:
        return f"terminal:{user}"
    try:
        return f"terminal:{getpass.getuser()}"
    except Exception:  # no login name in some containers
        return "terminal:default"


def format_reply(reply: Reply) -> str:
    """The reply as terminal text; buttons become words you can type."""
    text = reply.text
    if reply.choices:
        options = "  ".join(f"[{c.data}]" for c in reply.choices)
        text += f"\n(type one of: {options})"
    return text


def run_chat(args: argparse.Namespace) -> int:
    """Talk to rothbot until EOF or "quit"."""
    try:
        store = Store(getattr(args, "db", None))
    except StoreError as exc:
        print(f"rothbot: {exc}", file=sys.stderr)
        return 1
    assistant = Assistant(store)
    key = _user_key(getattr(args, "user", None))
    interactive = sys.stdin.isatty()
    try:
        if interactive:
            _chat_interactive(assistant, key, sys.stdout)
        else:
            _chat_piped(assistant, key, sys.stdin, sys.stdout)
    finally:
        store.close()
    return 0


def _chat_interactive(assistant: Assistant, key: str, out: TextIO) -> None:
    with contextlib.suppress(ImportError):  # line editing and history for input()
        import readline  # noqa: F401
    print("rothbot: ask about moving after-tax 401(k) money to a Roth. Type help, or quit.")
    print("General information, not tax advice.\n")
    while True:
        try:
            line = input(PROMPT)
        except EOFError:
            print()
            return
        if line.strip().lower() in QUIT_WORDS:
            return
        print(format_reply(assistant.handle(key, line)) + "\n", file=out, flush=True)


def _chat_piped(assistant: Assistant, key: str, lines: TextIO, out: TextIO) -> None:
    for raw in lines:
        line = raw.rstrip("\n")
        if line.strip().lower() in QUIT_WORDS:
            return
        if not line.strip():
            continue
        out.write(format_reply(assistant.handle(key, line)) + "\n\n")
        out.flush()


def ask_once(text: str, *, today: date | None = None) -> dict[str, Any]:
    """One turn on a fresh in-memory store: facts, intents, engine result and reply.

    The text is read once: the turn answers from the reading reported here (handed to it
    as ``bot.triage`` does), read from the text as the turn reads it (``_clean``)."""
    from knowledge.engine import calculate
    from knowledge.facts import Facts, InvalidFacts, documented_and_extra
    from nlu.reader import read

    day = today or date.today()
    reading = read(_clean(text)[0])
    reply = _reply(text, day, functools.partial(respond, reading=reading))
    chart: Any = None
    try:
        facts = Facts.from_mapping(reply.facts)
        calc = calculate(facts, today=day)
        result: Any = calc.to_json()
        chart = _chart_data(facts, calc, day)
    except InvalidFacts as exc:
        result = {"error": str(exc)}
    documented, extra = documented_and_extra(reply.facts)
    return {
        "facts": documented,
        "extra_facts": extra,
        "intents": list(reading.intents),
        "asks": list(reading.asks),
        "result": result,
        "chart": chart,
        "reply": {
            "text": reply.text,
            "choices": [{"label": c.label, "data": c.data} for c in reply.choices],
        },
    }


def _reply(text: str, day: date, responder: Responder = respond) -> Reply:
    """The reply of one turn on a fresh in-memory store (the user's database untouched)."""
    store = Store(":memory:", retention_days=1)
    try:
        return Assistant(store, today=lambda: day, responder=responder).handle("ask", text)
    finally:
        store.close()


def _chart_data(facts: Any, calc: Any, day: date) -> dict[str, Any] | None:
    """The data ``rothbot chart`` would draw (no plotting library is loaded), or
    ``{"unavailable": reason}`` when the facts cannot support a chart yet."""
    from bot.charts.data import ChartUnavailable, chart_data

    try:
        return chart_data(facts, today=day, result=calc)
    except ChartUnavailable as exc:
        return {"unavailable": str(exc)}


def run_ask(args: argparse.Namespace) -> int:
    """Answer one question; ``--json`` prints everything the turn produced (without it,
    only the reply is made: no engine result or chart data). One text is read: the
    reader builds only what it needs (``nlu.pipeline.for_one_text``)."""
    from nlu.pipeline import for_one_text

    for_one_text()
    try:
        if getattr(args, "json", False):
            print(json.dumps(ask_once(args.text), indent=2, ensure_ascii=False, default=str))
            return 0
        reply = _reply(args.text, date.today())
    except StoreError as exc:  # pragma: no cover - an in-memory store does not fail
        print(f"rothbot: {exc}", file=sys.stderr)
        return 1
    text = reply.text
    if reply.choices:
        text += "\n(answer with: " + "  ".join(f"[{c.data}]" for c in reply.choices) + ")"
    print(text)
    return 0
