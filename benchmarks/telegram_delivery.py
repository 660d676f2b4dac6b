"""Figures for the Telegram channel, through the real stack, with one command.

    .venv/bin/python benchmarks/telegram_delivery.py            # 2.5-5 minutes
    .venv/bin/python benchmarks/telegram_delivery.py --json out.json

Everything runs on 127.0.0.1: the Bot API double of the tests (``tests/telegram/
botapi_double.py``, a real HTTP server) plays Telegram, and ``rothbot telegram`` runs as
its own process with the real conversation core, a real SQLite file and production
settings (30 requests a second, 15 s send timeout, 45 s re-send interval). Each phase
has a deadline, so the script always ends. Phases:

1. **burst**: 200 chats send 5 messages each, all at once; latency from the moment the
   updates are queued at the double to the moment the last part of each answer reaches
   it (p50, p99), lost and duplicated answers, bot RSS idle and peak;
2. **kill -9**: 60 chats x 5 at once; the bot is killed once a third of the answers are
   out, then started again on the same file; lost and duplicated;
3. **429 window** (12 s) and **502 window** (15 s): every sendMessage fails for that long;
   20 chats send 2 messages as it starts and a "hello?" 8 s in; lost, duplicated, and
   when the last answer arrived;
4. **turn time** in process (``Assistant.handle`` on a SQLite file, no Telegram), p50/p99;
5. **cold start**: ``rothbot ask`` next to ``python -c "import spacy"``, 3 runs each,
   interleaved, median.

Lost and duplicated are counted per chat: the core is deterministic, so the number of
message parts each chat must receive is known from an in-process run of the same texts;
a chat that got fewer parts lost some, more were duplicated (each chat's answers arrive
in order, so counts settle it).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "telegram"))
sys.path.insert(0, str(REPO))

from botapi_double import BotApiDouble  # noqa: E402

from bot.service import Assistant  # noqa: E402
from bot.store import Store  # noqa: E402
from bot.telegram_channel.formatting import split_message  # noqa: E402
from bot.telegram_channel.wire import unsettled, wire_path  # noqa: E402

CONVERSATION = (
    "I'm 52, still working, and have $40,000 of after-tax money in my 401(k). "
    "Can I move it to a Roth?",
    "My plan allows in-service withdrawals",
    "/facts",
    "what if I wait until I retire?",
    "/why",
)
WINDOW_CONVERSATION = (*CONVERSATION[:2], "hello?")


# -- helpers -------------------------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def parts_of(texts: tuple[str, ...]) -> tuple[list[int], list[float]]:
    """Message parts each text's answer takes, and each turn's time, in process."""
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "reference.db")
        try:
            assistant = Assistant(store)
            parts, times = [], []
            for text in texts:
                started = time.perf_counter()
                reply = assistant.handle("telegram:1", text)
                times.append(time.perf_counter() - started)
                parts.append(max(1, len(split_message(reply.text))))
            return parts, times
        finally:
            store.close()


def turn_times(chats: int) -> list[float]:
    """``Assistant.handle`` for ``chats`` conversations of 5 turns on one SQLite file."""
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "turns.db")
        try:
            assistant = Assistant(store)
            assistant.handle("warm-up", CONVERSATION[0])
            times = []
            for chat in range(chats):
                for text in CONVERSATION:
                    started = time.perf_counter()
                    assistant.handle(f"telegram:{chat}", text)
                    times.append(time.perf_counter() - started)
            return times
        finally:
            store.close()


class Bot:
    """``rothbot telegram`` as a process of its own, pointed at the double."""

    def __init__(self, double: BotApiDouble, db: Path) -> None:
        self.log = db.with_suffix(f".{time.monotonic_ns()}.log")
        env = {k: v for k, v in os.environ.items() if not k.upper().endswith("_PROXY")}
        env.update(
            NO_PROXY="127.0.0.1,localhost",
            TELEGRAM_BOT_TOKEN=double.token,
            TELEGRAM_API_BASE_URL=double.base_url,
            ROTHBOT_LOG_LEVEL="WARNING",
        )
        before = len(double.calls_to("getUpdates"))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "telegram", "--db", str(db)],
            env=env,
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=self.log.open("w"),
            text=True,
        )
        double.wait_for(
            lambda: len(double.calls_to("getUpdates")) > before, timeout=60, what="polling"
        )

    def memory_mb(self, field: str) -> float:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self, sig: int = signal.SIGTERM) -> float:
        started = time.monotonic()
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        took = time.monotonic() - started
        lines = self.log.read_text(encoding="utf-8").splitlines()
        if lines and os.environ.get("BENCH_SHOW_LOG"):
            print(f"--- bot log ({len(lines)} lines)", *lines[:40], sep="\n", file=sys.stderr)
        return took


def received(double: BotApiDouble, chat: int) -> list[float]:
    """When each successful sendMessage to ``chat`` arrived (monotonic seconds)."""
    return [
        call.at
        for call in double.calls_to("sendMessage")
        if call.status == 200 and call.params.get("chat_id") == str(chat)
    ]


def tally(double: BotApiDouble, chats: list[int], expected: int) -> tuple[int, int]:
    """(lost, duplicated) message parts over ``chats``, each owed ``expected`` parts."""
    lost = duplicated = 0
    for chat in chats:
        got = len(received(double, chat))
        lost += max(0, expected - got)
        duplicated += max(0, got - expected)
    return lost, duplicated


def wait_all(double: BotApiDouble, chats: list[int], expected: int, deadline: float) -> bool:
    def done() -> bool:
        return all(len(received(double, chat)) >= expected for chat in chats)

    while time.monotonic() < deadline:
        if done():
            return True
        time.sleep(0.2)
    return done()


def send_conversation(double: BotApiDouble, chats: list[int], texts: tuple[str, ...]) -> float:
    """Queue every chat's messages at once, in conversation order; return when."""
    updates = [
        double.user_says(text, chat_id=chat, queue=False) for text in texts for chat in chats
    ]
    double.push(*updates)
    return time.monotonic()


# -- phases --------------------------------------------------------------------------------


def burst(folder: Path, parts: list[int]) -> dict:
    chats = list(range(1000, 1200))
    with BotApiDouble() as double:
        bot = Bot(double, folder / "burst.db")
        time.sleep(2)
        idle = bot.memory_mb("VmRSS")
        pushed = send_conversation(double, chats, CONVERSATION)
        complete = wait_all(double, chats, sum(parts), time.monotonic() + 300)
        peak = bot.memory_mb("VmHWM")
        latencies = []
        for chat in chats:
            times = received(double, chat)
            ends = [sum(parts[: k + 1]) - 1 for k in range(len(parts))]
            latencies += [times[end] - pushed for end in ends if end < len(times)]
        lost, duplicated = tally(double, chats, sum(parts))
        took = max(max(received(double, c), default=pushed) for c in chats) - pushed
        stop = bot.stop()
    return {
        "messages": len(chats) * len(CONVERSATION),
        "complete": complete,
        "p50_s": percentile(latencies, 0.5),
        "p99_s": percentile(latencies, 0.99),
        "all_answered_s": took,
        "lost_parts": lost,
        "duplicated_parts": duplicated,
        "rss_idle_mb": idle,
        "rss_peak_mb": peak,
        "sigterm_exit_s": stop,
    }


def kill_mid_burst(folder: Path, parts: list[int]) -> dict:
    chats = list(range(2000, 2060))
    expected = sum(parts)
    with BotApiDouble() as double:
        bot = Bot(double, folder / "kill.db")
        send_conversation(double, chats, CONVERSATION)
        target = len(chats) * expected // 3
        double.wait_for(
            lambda: len(double.calls_to("sendMessage")) >= target, timeout=120, what="a third"
        )
        bot.stop(signal.SIGKILL)
        before = sum(len(received(double, chat)) for chat in chats)
        wire = wire_path(str(folder / "kill.db"))
        assert wire is not None
        on_the_wire = len(unsettled(wire.read_text()))
        store = Store(folder / "kill.db")
        try:
            owed = len(store.owed())
            stored = len(store.pending_intake())
        finally:
            store.close()
        restarted = Bot(double, folder / "kill.db")
        complete = wait_all(double, chats, expected, time.monotonic() + 180)
        time.sleep(2)  # anything sent twice would arrive now
        lost, duplicated = tally(double, chats, expected)
        restarted.stop()
    return {
        "messages": len(chats) * len(CONVERSATION),
        "answered_before_kill": before,
        "at_kill_on_the_wire": on_the_wire,
        "at_kill_owed_replies": owed,
        "at_kill_stored_not_run": stored,
        "complete": complete,
        "lost_parts": lost,
        "duplicated_parts": duplicated,
    }


def window(folder: Path, parts: list[int], status: int, seconds: float) -> dict:
    chats = list(range(3000, 3020))
    expected = sum(parts)
    with BotApiDouble() as double:
        bot = Bot(double, folder / f"window-{status}.db")
        started = time.monotonic()
        double.fail_for("sendMessage", status, seconds, retry_after=1 if status == 429 else None)
        send_conversation(double, chats, WINDOW_CONVERSATION[:2])
        time.sleep(8)
        send_conversation(double, chats, WINDOW_CONVERSATION[2:])
        complete = wait_all(double, chats, expected, started + seconds + 120)
        time.sleep(2)
        lost, duplicated = tally(double, chats, expected)
        last = max(max(received(double, c), default=started) for c in chats) - started
        bot.stop()
    return {
        "status": status,
        "window_s": seconds,
        "replies": len(chats) * len(WINDOW_CONVERSATION),
        "complete": complete,
        "lost_parts": lost,
        "duplicated_parts": duplicated,
        "last_answer_s": last,
    }


def turn_figures() -> dict:
    times = turn_times(40)
    return {
        "turns": len(times),
        "p50_ms": percentile(times, 0.5) * 1000,
        "p99_ms": percentile(times, 0.99) * 1000,
    }


def cold_start(runs: int = 3) -> dict:
    rothbot = shutil.which("rothbot", path=str(Path(sys.executable).parent)) or "rothbot"
    commands: dict[str, list[str]] = {
        "rothbot ask": [rothbot, "ask", CONVERSATION[0]],
        "python -c 'import spacy'": [sys.executable, "-c", "import spacy"],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "ROTHBOT_DB": str(Path(folder) / "ask.db")}
        for _ in range(runs):
            for name, command in commands.items():
                started = time.perf_counter()
                subprocess.run(command, env=env, capture_output=True, check=True, timeout=120)
                times[name].append(time.perf_counter() - started)
    return {name: statistics.median(values) for name, values in times.items()}


def machine() -> dict:
    model = ""
    with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {
        "platform": platform.platform(),
        "cpu": model,
        "logical_cpus": os.cpu_count(),
        "python": platform.python_version(),
        "load_average_1min_at_start": round(os.getloadavg()[0], 1),
        "date": time.strftime("%Y-%m-%d", time.gmtime()),
    }


def timed(name: str, phase: Callable[[], dict]) -> dict:
    print(f"... {name}", file=sys.stderr, flush=True)
    started = time.monotonic()
    result = phase()
    result["phase_s"] = round(time.monotonic() - started, 1)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument(
        "--only",
        choices=("burst", "kill", "429", "502", "turn", "cold_start_s"),
        action="append",
        help="run only these phases (repeatable)",
    )
    args = parser.parse_args()
    wanted = set(args.only or ("burst", "kill", "429", "502", "turn", "cold_start_s"))
    os.environ.setdefault("PTB_TIMEDELTA", "1")
    parts, _ = parts_of(CONVERSATION)
    window_parts, _ = parts_of(WINDOW_CONVERSATION)
    results: dict = {"machine": machine(), "parts_per_chat": sum(parts)}
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        phases: dict[str, Callable[[], dict]] = {
            "burst": lambda: burst(folder, parts),
            "kill": lambda: kill_mid_burst(folder, parts),
            "429": lambda: window(folder, window_parts, 429, 12),
            "502": lambda: window(folder, window_parts, 502, 15),
            "turn": turn_figures,
            "cold_start_s": cold_start,
        }
        for key, phase in phases.items():
            if key in wanted:
                results[key] = timed(key, phase)
    print(json.dumps(results, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
