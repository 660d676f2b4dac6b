"""``rothbot telegram`` with the scripted core, in a process of its own, for kill tests.

Run as ``python bot_process.py DB`` with ``TELEGRAM_BOT_TOKEN`` and
``TELEGRAM_API_BASE_URL`` set. The core is ``ScriptedAssistant``, except that the text
"hang" blocks the core for good, so a test can kill the process while updates are fetched
and stored but not answered, and a turn waits while the file named by ``HOLD`` (env)
exists (creating ``HOLD.running`` first), so a test can stop the process while a turn
is running. ``LOG_LEVEL`` (env, default WARNING) goes to stderr.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from telegram_harness import ScriptedAssistant

from bot.telegram_channel import TelegramConfig, build_application
from bot.telegram_channel.app import _serve_until_signal
from bot.telegram_channel.redaction import configure_logging


class SlowAssistant(ScriptedAssistant):
    def _respond(self, session, text, *, today, now):  # type: ignore[no-untyped-def]
        if text == "hang":
            time.sleep(3600)
        hold = os.environ.get("HOLD")
        if hold and os.path.exists(hold):
            Path(f"{hold}.running").touch()  # a turn is running: the test may act now
        while hold and os.path.exists(hold):
            time.sleep(0.01)
        return super()._respond(session, text, today=today, now=now)


def main() -> int:
    configure_logging(os.environ.get("LOG_LEVEL", "WARNING"))
    config = TelegramConfig(
        token=os.environ["TELEGRAM_BOT_TOKEN"],
        base_url=os.environ["TELEGRAM_API_BASE_URL"],
        db_path=Path(sys.argv[1]),
        poll_timeout=1,
        retry_backoff=0.05,
    )
    app = build_application(config, assistant_factory=SlowAssistant)
    print("ready", flush=True)
    asyncio.run(_serve_until_signal(app, config))
    return 0


if __name__ == "__main__":
    sys.exit(main())
