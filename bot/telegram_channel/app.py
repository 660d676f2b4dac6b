"""Wiring and running: the Application, the intake, the timers, and ``rothbot telegram``.

``build_application`` wires the parts (nothing is contacted); ``serve`` runs them until
told to stop, the same way in production and in tests; ``run`` is the command.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from telegram import BotCommand
from telegram.error import BadRequest, InvalidToken, NetworkError, TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from bot.store import Store, StoreError
from bot.telegram_channel.charts import CHART_DATA, ChartSender, with_chart_button
from bot.telegram_channel.config import (
    EXIT_CONFIG,
    EXIT_UNREACHABLE,
    ConfigError,
    TelegramConfig,
    config_from,
)
from bot.telegram_channel.core import CLOSE_WAIT_SECONDS, Conversation, CoreWorker
from bot.telegram_channel.delivery import Delivery
from bot.telegram_channel.handlers import COMMANDS, Handlers
from bot.telegram_channel.intake import (
    CANCEL_WAIT_SECONDS,
    CLOSE_CONNECTIONS_SECONDS,
    Dispatcher,
    Poller,
    WebhookServer,
    quiet_tornado,
)
from bot.telegram_channel.limits import Limits
from bot.telegram_channel.ordering import Lanes
from bot.telegram_channel.redaction import (
    configure_logging,
    install_secret_redaction,
    quiet_libraries,
    redact,
)
from bot.telegram_channel.staff import Staff
from bot.telegram_channel.wire import WireLog, wire_path

log = logging.getLogger(__name__)

ALLOWED_UPDATES = ("message", "callback_query")
CHANNEL_KEY = "rothbot.channel"
SETUP_TRIES = 3
TIMERS_FINISH_SECONDS = 5.0
"""On a stop, how long the timers (a re-send round in flight) get to see it."""
"""setWebhook / deleteWebhook at start: tried this often before the start fails."""


@dataclass
class Channel:
    """The parts ``build_application`` made, kept on the Application for ``serve``."""

    core: CoreWorker
    lanes: Lanes
    delivery: Delivery
    handlers: Handlers
    limits: Limits
    dispatcher: Dispatcher | None = None
    charts: ChartSender | None = None
    staff: Staff | None = None

    def close(self) -> None:
        if self.charts is not None:
            self.charts.close()
        self.delivery.wire.close()
        self.core.close()


def build_application(
    config: TelegramConfig,
    *,
    assistant_factory: Callable[[Store], Conversation] | None = None,
    store_factory: Callable[[Path | None], Store] = Store,
) -> Application:
    """The Application, wired to the core; nothing is contacted until it is served.

    ``assistant_factory`` defaults to ``bot.service.Assistant``, imported only here so
    that a configuration error is reported before the language pipeline loads;
    ``store_factory`` lets tests give the store a clock they move. Raises ``StoreError``
    when the database cannot be opened.
    """
    if assistant_factory is None:
        from bot.conversation import respond
        from bot.service import Assistant

        def assistant_factory(store: Store) -> Conversation:
            return Assistant(store, responder=with_chart_button(respond))

    quiet_libraries()
    quiet_tornado()
    install_secret_redaction(config.token)
    if config.secret_token:
        install_secret_redaction(config.secret_token)
    core = CoreWorker(config.db_path, assistant_factory, store_factory=store_factory)
    lanes = Lanes(config.max_concurrent_turns)
    delivery = Delivery(
        core,
        lanes,
        resend_window=config.resend_window,
        clock=core.store.clock,
        wire=WireLog(wire_path(core.store.path)),
    )
    handlers = Handlers(core, delivery)
    limits = Limits(
        flood_retries=config.rate_limit_retries,
        network_retries=config.network_retries,
        backoff=config.retry_backoff,
    )
    builder = (
        ApplicationBuilder()
        .token(config.token)
        .updater(None)
        .rate_limiter(limits)
        .http_version("1.1")
        .get_updates_http_version("1.1")
        .read_timeout(config.send_timeout)
        .write_timeout(config.send_timeout)
    )
    if config.base_url:
        builder = builder.base_url(config.base_url)
    if config.connect_timeout is not None:
        builder = builder.connect_timeout(config.connect_timeout)
    app = builder.build()
    charts = ChartSender(core, delivery)
    channel = app.bot_data[CHANNEL_KEY] = Channel(
        core, lanes, delivery, handlers, limits, charts=charts
    )
    if config.support_chat_id is not None:
        channel.staff = Staff(
            core,
            delivery,
            chat_id=config.support_chat_id,
            agent_ids=config.agent_ids,
            interval=config.staff_interval,
        )
        channel.staff.register(app)
    new_message = filters.UpdateType.MESSAGE
    app.add_handler(CommandHandler("chart", charts.on_command, filters=new_message))
    app.add_handler(CallbackQueryHandler(charts.on_press, pattern=f"^{CHART_DATA}$"))
    app.add_handler(
        MessageHandler(
            new_message & (filters.TEXT | filters.CAPTION) & ~filters.VIA_BOT, handlers.on_message
        )
    )
    app.add_handler(MessageHandler(new_message & filters.ChatType.PRIVATE, handlers.on_other))
    app.add_handler(CallbackQueryHandler(handlers.on_button))
    app.add_error_handler(handlers.on_error)
    return app


def longest_stop(config: TelegramConfig) -> float:
    """The most seconds a stop (SIGTERM) can take: each step's bound, added up. The
    systemd unit's ``TimeoutStopSec`` must be longer, or a slow stop ends in a kill."""
    return (
        CLOSE_CONNECTIONS_SECONDS
        + config.stop_grace
        + CANCEL_WAIT_SECONDS
        + TIMERS_FINISH_SECONDS
        + CLOSE_WAIT_SECONDS
    )


def channel_of(app: Application) -> Channel:
    """The parts ``build_application`` attached to ``app``."""
    return app.bot_data[CHANNEL_KEY]


async def on_startup(app: Application) -> None:
    """Register the command menu (a failure here is logged, not fatal)."""
    try:
        await app.bot.set_my_commands([BotCommand(name, text) for name, text in COMMANDS])
    except TelegramError as error:
        log.warning("could not register the command menu (%s)", error)


async def serve(
    app: Application,
    config: TelegramConfig,
    *,
    stop: asyncio.Event,
    ready: Callable[[], None] | None = None,
) -> None:
    """Run ``app`` until ``stop`` is set: the same path in production and in tests.

    ``getMe`` runs first, so a rejected token raises ``InvalidToken`` before anything
    else happens. Updates stored but not run by the last process run first, then new
    ones are taken in. A webhook stays registered on stop, so Telegram keeps updates for
    the next start.
    """
    channel = channel_of(app)
    core, delivery = channel.core, channel.delivery
    tasks: list[asyncio.Task[Any]] = []
    server: WebhookServer | None = None
    halt = asyncio.Event()
    try:
        async with app:
            await on_startup(app)
            await delivery.recover()  # before anything is sent
            dispatcher = channel.dispatcher = Dispatcher(app, core, channel.lanes)
            left = await core.run(core.store.pending_intake)
            if left:
                log.info("running %d updates stored before the restart", len(left))
            dispatcher.submit(left)
            tasks.append(asyncio.create_task(_resend(app, config, delivery, halt)))
            if config.purge_interval > 0:
                tasks.append(asyncio.create_task(_purge(core, config.purge_interval, halt)))
            if channel.staff is not None:
                tasks.append(asyncio.create_task(channel.staff.run(app.bot, halt)))
            polling: asyncio.Task[None] | None = None
            if config.webhook:
                assert config.secret_token is not None and config.webhook_url is not None
                server = WebhookServer(
                    core,
                    dispatcher,
                    secret=config.secret_token,
                    url_path=config.url_path,
                    max_body_bytes=config.max_body_bytes,
                )
                await server.start(config.listen, config.port)
                await _setup(
                    lambda: app.bot.set_webhook(
                        config.webhook_url,
                        secret_token=config.secret_token,
                        allowed_updates=list(ALLOWED_UPDATES),
                    )
                )
                log.info("receiving updates by webhook on %s:%d", config.listen, config.port)
            else:
                await _setup(lambda: app.bot.delete_webhook())
                poller = Poller(
                    app,
                    core,
                    dispatcher,
                    timeout=config.poll_timeout,
                    interval=config.poll_interval,
                    allowed_updates=ALLOWED_UPDATES,
                    backoff=max(config.retry_backoff, 0.05),
                )
                polling = asyncio.create_task(poller.run(), name="rothbot:polling")
                log.info("receiving updates by long polling")
            if ready is not None:
                ready()
            failure = await _until_stopped(stop, polling)
            core.stop_turns()
            log.info("stopping")
            if polling is not None and not polling.done():
                polling.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await polling
            if server is not None:
                await server.stop()
            channel.limits.stop()
            halt.set()
            cut = await dispatcher.stop(config.stop_grace)
            if cut:
                log.warning("stopped %d updates still running; they run again at start", cut)
            await _finish(tasks)
            if failure is not None:
                raise failure
    finally:
        halt.set()
        for task in tasks:
            task.cancel()
        channel.close()


async def _setup(call: Callable[[], Any]) -> None:
    """A start-up request, tried ``SETUP_TRIES`` times on network failures."""
    for attempt in range(SETUP_TRIES):
        try:
            await call()
            return
        except NetworkError:
            if attempt == SETUP_TRIES - 1:
                raise
            await asyncio.sleep(1 + attempt)


async def _resend(
    app: Application, config: TelegramConfig, delivery: Delivery, halt: asyncio.Event
) -> None:
    """Replies owed by the last process first, then the periodic re-send (if on)."""
    try:
        await delivery.resend_owed(app.bot)
    except Exception as error:
        log.error("sending owed replies failed (%s: %s)", type(error).__name__, error)
    if config.resend_interval > 0:
        await delivery.resend_periodically(app.bot, config.resend_interval, halt)


async def _purge(core: CoreWorker, interval: float, halt: asyncio.Event) -> None:
    """Expire stored text every ``interval`` seconds while the bot runs, idle or not."""
    while True:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(halt.wait(), interval)
        if halt.is_set():
            return
        try:
            counts = await core.run(core.store.purge)
        except Exception as error:
            log.error("expiring stored text failed (%s: %s)", type(error).__name__, error)
            continue
        if any(counts.values()):
            log.info("expired stored text: %s", counts)


async def _finish(tasks: list[asyncio.Task[Any]]) -> None:
    """Let the timers see ``halt`` (a re-send round in flight gets a few seconds)."""
    if not tasks:
        return
    _, late = await asyncio.wait(tasks, timeout=TIMERS_FINISH_SECONDS)
    for task in late:
        task.cancel()


async def _until_stopped(
    stop: asyncio.Event, polling: asyncio.Task[None] | None
) -> BaseException | None:
    """Wait for ``stop``, or for polling to end (a revoked token); return what ended it."""
    stopped = asyncio.create_task(stop.wait())
    waiting: set[asyncio.Future[Any]] = {stopped} if polling is None else {stopped, polling}
    done, _ = await asyncio.wait(waiting, return_when=asyncio.FIRST_COMPLETED)
    if stopped in done:
        return None
    stopped.cancel()
    assert polling is not None
    error = None if polling.cancelled() else polling.exception()
    log.error("polling stopped: %s", error or "the polling task ended")
    return error or RuntimeError("polling ended unexpectedly")


def run(args: Any, environ: Mapping[str, str] | None = None) -> int:
    """``rothbot telegram``: exit 0 when stopped by a signal, 2 on bad configuration."""
    environ = os.environ if environ is None else environ
    try:
        config = config_from(args, environ)
    except ConfigError as error:
        return _fail(str(error), EXIT_CONFIG)
    install_secret_redaction(config.token)
    if config.secret_token:
        install_secret_redaction(config.secret_token)
    configure_logging(config.log_level)
    # Opt in to the library's next-major behaviour (RetryAfter.retry_after as a timedelta),
    # so the first flood-control answer prints no deprecation warning.
    os.environ.setdefault("PTB_TIMEDELTA", "1")
    try:
        app = build_application(config)
    except StoreError as error:
        return _fail(str(error), EXIT_CONFIG)
    try:
        asyncio.run(_serve_until_signal(app, config))
    except InvalidToken:
        return _fail(
            "Telegram rejected the bot token: check TELEGRAM_BOT_TOKEN (from @BotFather).",
            EXIT_CONFIG,
        )
    except BadRequest as error:  # e.g. setWebhook refused the URL
        return _fail(f"Telegram refused the setup: {redact(str(error))}", EXIT_CONFIG)
    except NetworkError as error:
        where = config.base_url or "api.telegram.org"
        return _fail(f"cannot reach the Bot API at {where}: {redact(str(error))}", EXIT_UNREACHABLE)
    return 0


async def _serve_until_signal(app: Application, config: TelegramConfig) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):  # not on Windows
            loop.add_signal_handler(signum, stop.set)
    await serve(app, config, stop=stop)


def _fail(message: str, code: int) -> int:
    print(f"rothbot telegram: {redact(message)}", file=sys.stderr)
    return code
