"""``rothbot tickets list|show N|reply N TEXT|resolve N``: the support queue in a terminal.

The same queue and rules as the staff commands in Telegram (``bot.tickets``). A reply,
a claim or a resolve made here reaches a Telegram user once the running bot picks it up
(its staff loop checks every ``staff_interval`` seconds, 2 by default); a reply reaches
a terminal user with their next message. A reply is marked as coming from a person.
"""

from __future__ import annotations

import getpass
import json
import sys
import time
from typing import Any

from bot.store import Store, StoreError
from bot.support_store import Ticket
from bot.tickets import TicketError, TicketQueue

EXIT_FAILED = 1
EXIT_USAGE = 2


def run_tickets(args: Any) -> int:
    """The ``tickets`` subcommand (see ``bot.cli``)."""
    try:
        store = Store(args.db)
    except StoreError as exc:
        print(f"tickets: {exc}", file=sys.stderr)
        return EXIT_USAGE
    queue = TicketQueue(store)
    agent = args.agent or _login()
    try:
        if args.action == "list":
            _list(queue, show_all=args.all)
        elif args.action == "show":
            _show(queue, queue.get(args.number))
        elif args.action == "reply":
            text = " ".join(args.text)
            ticket = queue.get(args.number)
            queue.reply(args.number, text, agent_name=agent)
            how = (
                "in Telegram once the bot picks it up"
                if ticket.address
                else "with their next message"
            )
            print(f"Reply recorded on ticket #{args.number}; the user gets it {how}.")
        elif args.action == "resolve":
            queue.resolve(args.number, agent_name=agent)
            print(f"Ticket #{args.number} is resolved.")
        elif args.action == "claim":
            queue.claim(args.number, None, agent)
            print(f"Ticket #{args.number} is yours, {agent}.")
    except TicketError as exc:
        print(f"tickets: {exc}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        store.close()
    return 0


def _login() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "staff"


def _list(queue: TicketQueue, *, show_all: bool) -> None:
    statuses = ("open", "claimed", "resolved") if show_all else ("open", "claimed")
    tickets = queue.support.tickets(statuses)
    if not tickets:
        print("No open tickets." if not show_all else "No tickets.")
        return
    print(f"{'#':>5}  {'STATUS':8}  {'OPENED':16}  {'AGENT':10}  {'REASON':28}  QUESTION")
    for t in tickets:
        print(
            f"{t.id:>5}  {t.status:8}  {_when(t.created_at)}  {_fit(t.agent_name or '-', 10)}  "
            f"{_fit(t.reason, 28)}  {_fit(t.question or '-', 60)}"
        )


def _show(queue: TicketQueue, t: Ticket) -> None:
    print(f"Ticket #{t.id}: {t.status}" + (f", claimed by {t.agent_name}" if t.agent_name else ""))
    print(f"Opened {_when(t.created_at)} UTC; asked {t.requests} time(s); reason: {t.reason}")
    print(f"\nQuestion, in their words:\n  {t.question or '(none given)'}")
    print("\nFacts read:")
    for key, value in t.facts.items() or [("-", "none")]:
        print(f"  {key}: {json.dumps(value)}")
    if t.result:
        print(f"\nEngine: {t.result.get('headline', '-')}")
        if t.result.get("missing"):
            print("  still missing: " + ", ".join(t.result["missing"]))
    print("\nLast messages:")
    for turn in t.transcript:
        print(f"  {turn['role']:>4}: {' '.join(turn['text'].split())}")
    print("\nHistory:")
    for e in queue.support.events(t.id):
        text = f": {' '.join(e.text.split())}" if e.text else ""
        print(f"  {_when(e.at)}  {e.kind} ({e.who}){text}")


def _when(epoch: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.gmtime(epoch))


def _fit(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return (text if len(text) <= width else text[: width - 1] + "…").ljust(width)
