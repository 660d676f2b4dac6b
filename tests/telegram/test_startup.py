"""Starting ``rothbot telegram``: configuration, and one clear line when it cannot start."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from botapi_double import BotApiDouble

from bot.cli import build_parser
from bot.telegram_channel import ConfigError, TelegramConfig, config_from

TOKEN = "123:abc-DEF_ghi"
REPO = Path(__file__).resolve().parents[2]


def args(*flags: str):
    return build_parser().parse_args(["telegram", *flags])


def test_polling_is_the_default_and_flags_fill_the_config() -> None:
    config = config_from(args(), {"TELEGRAM_BOT_TOKEN": TOKEN})
    assert config == TelegramConfig(token=TOKEN, db_path=None)
    assert not config.webhook


def test_the_environment_is_read_and_flags_win_over_it(tmp_path: Path) -> None:
    environ = {
        "TELEGRAM_BOT_TOKEN": f"  {TOKEN}\n",
        "TELEGRAM_API_BASE_URL": "http://127.0.0.1:8081/bot",
        "ROTHBOT_DB": str(tmp_path / "env.db"),
        "TELEGRAM_WEBHOOK_SECRET": "from-env-0123456789",
        "ROTHBOT_LOG_LEVEL": "debug",
    }
    config = config_from(
        args(
            "--db",
            str(tmp_path / "flag.db"),
            "--webhook-url",
            "https://bot.example.org/tg",
            "--port",
            "9000",
            "--url-path",
            "/tg/",
        ),
        environ,
    )
    assert config.token == TOKEN
    assert config.base_url == "http://127.0.0.1:8081/bot"
    assert config.db_path == tmp_path / "flag.db"
    assert config.webhook and config.webhook_url == "https://bot.example.org/tg"
    assert (config.port, config.url_path) == (9000, "tg")
    assert config.secret_token == "from-env-0123456789"
    assert config.log_level == "DEBUG"
    assert config_from(args(), environ).db_path == tmp_path / "env.db"


def test_the_webhook_secret_can_come_from_a_file_and_never_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret_file = tmp_path / "secret"
    secret_file.write_text("from-a-file-0123456789abcdef\n", encoding="utf-8")
    environ = {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_WEBHOOK_SECRET": "from-env-0123456789"}

    config = config_from(args("--secret-token-file", str(secret_file)), environ)

    assert config.secret_token == "from-a-file-0123456789abcdef"  # the file wins
    with pytest.raises(SystemExit):  # the old flag would show the secret in ps
        build_parser().parse_args(["telegram", "--secret-token", "x" * 20])
    assert "--secret-token-file" in capsys.readouterr().err


def test_a_webhook_without_a_configured_secret_gets_a_random_one() -> None:
    first = config_from(args("--webhook-url", "https://x.org/t"), {"TELEGRAM_BOT_TOKEN": TOKEN})
    second = config_from(args("--webhook-url", "https://x.org/t"), {"TELEGRAM_BOT_TOKEN": TOKEN})
    assert first.secret_token and second.secret_token
    assert first.secret_token != second.secret_token
    assert len(first.secret_token) >= 32


@pytest.mark.parametrize(
    ("flags", "environ", "message"),
    [
        ((), {}, "TELEGRAM_BOT_TOKEN is not set"),
        ((), {"TELEGRAM_BOT_TOKEN": "  "}, "TELEGRAM_BOT_TOKEN is not set"),
        ((), {"TELEGRAM_BOT_TOKEN": "12 34"}, "whitespace"),
        ((), {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": "localhost:8081"}, "http"),
        (("--webhook-url", "bot.example.org"), {"TELEGRAM_BOT_TOKEN": TOKEN}, "--webhook-url"),
        (("--port", "70000"), {"TELEGRAM_BOT_TOKEN": TOKEN}, "--port"),
        ((), {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_WEBHOOK_SECRET": "has spaces!"}, "secret"),
        ((), {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_WEBHOOK_SECRET": "short"}, "16-256"),
        (("--secret-token-file", "/nonexistent/secret"), {"TELEGRAM_BOT_TOKEN": TOKEN}, "file"),
        ((), {"TELEGRAM_BOT_TOKEN": TOKEN, "ROTHBOT_LOG_LEVEL": "loud"}, "ROTHBOT_LOG_LEVEL"),
    ],
    ids=[
        "no token",
        "blank token",
        "token with a space",
        "base url without scheme",
        "webhook url without scheme",
        "port out of range",
        "bad secret",
        "short secret",
        "missing secret file",
        "bad log level",
    ],
)
def test_bad_configuration_is_one_sentence(
    flags: tuple[str, ...], environ: dict[str, str], message: str
) -> None:
    with pytest.raises(ConfigError, match=message) as raised:
        config_from(args(*flags), environ)
    assert "\n" not in str(raised.value)


def rothbot_telegram(env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.upper().endswith("_PROXY")}
    clean.pop("TELEGRAM_BOT_TOKEN", None)
    clean.update(NO_PROXY="127.0.0.1,localhost", **env)
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "telegram", "--db", str(tmp_path / "r.db")],
        env=clean,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_missing_token_is_one_line_and_exit_status_2(tmp_path: Path) -> None:
    result = rothbot_telegram({}, tmp_path)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "TELEGRAM_BOT_TOKEN is not set" in result.stderr


def test_a_rejected_token_is_one_line_without_the_token(
    double: BotApiDouble, tmp_path: Path
) -> None:
    wrong = "999999:this-token-was-revoked"
    result = rothbot_telegram(
        {"TELEGRAM_BOT_TOKEN": wrong, "TELEGRAM_API_BASE_URL": double.base_url}, tmp_path
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1, result.stderr
    assert "rejected the bot token" in result.stderr
    assert wrong not in result.stderr + result.stdout
    assert [call.method for call in double.calls] == []  # 401 before any method ran


def test_an_unreachable_api_is_one_line_and_exit_status_1(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    result = rothbot_telegram(
        {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": f"http://127.0.0.1:{closed_port}/bot",
        },
        tmp_path,
    )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1, result.stderr
    assert "cannot reach the Bot API" in result.stderr
    assert TOKEN not in result.stderr


def test_a_token_revoked_while_running_stops_the_bot_with_status_2(
    double: BotApiDouble, tmp_path: Path
) -> None:
    token = double.token
    env = {k: v for k, v in os.environ.items() if not k.upper().endswith("_PROXY")}
    env.update(
        NO_PROXY="127.0.0.1,localhost",
        TELEGRAM_BOT_TOKEN=token,
        TELEGRAM_API_BASE_URL=double.base_url,
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "telegram", "--db", str(tmp_path / "r.db")],
        env=env,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        double.wait_for(lambda: double.calls_to("getUpdates"), timeout=30, what="polling")
        double.token = "revoked"  # every request with the old token now gets 401
        _, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()

    assert process.returncode == 2
    assert stderr.strip().splitlines()[-1].startswith("rothbot telegram: Telegram rejected")
    assert token not in stderr
