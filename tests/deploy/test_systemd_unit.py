"""deploy/rothbot.service: a unit systemd accepts, running `rothbot telegram` hardened."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
UNIT = DEPLOY / "rothbot.service"


def read_unit(text: str) -> dict[str, dict[str, list[str]]]:
    """Sections -> key -> every value (systemd allows repeated keys; they accumulate)."""
    sections: dict[str, dict[str, list[str]]] = {}
    current = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], {})
            continue
        assert current is not None, f"line {number} is outside any section"
        assert "=" in line, f"line {number} is not key=value: {raw!r}"
        key, value = line.split("=", 1)
        current.setdefault(key.strip(), []).append(value.strip())
    return sections


@pytest.fixture(scope="module")
def unit() -> dict[str, dict[str, list[str]]]:
    return read_unit(UNIT.read_text(encoding="utf-8"))


def test_the_unit_parses_as_ini_too() -> None:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(UNIT.read_text(encoding="utf-8"))
    assert parser.sections() == ["Unit", "Service", "Install"]


def test_it_runs_rothbot_telegram_with_the_env_file(unit) -> None:
    service = unit["Service"]
    [exec_start] = service["ExecStart"]
    assert exec_start.split()[0].endswith("/rothbot")
    assert exec_start.split()[1:] == ["telegram"]
    assert service["EnvironmentFile"] == ["/etc/rothbot/rothbot.env"]


def test_it_restarts_on_failure_but_not_on_a_configuration_error(unit) -> None:
    service = unit["Service"]
    assert service["Restart"] == ["on-failure"]
    assert service["RestartPreventExitStatus"] == ["2"]  # bot.telegram_channel.EXIT_CONFIG


def test_the_database_lives_in_the_state_directory(unit) -> None:
    service = unit["Service"]
    [state] = service["StateDirectory"]
    [db] = [v.split("=", 1)[1] for v in service["Environment"] if v.startswith("ROTHBOT_DB=")]
    assert db.startswith(f"/var/lib/{state}/")


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("NoNewPrivileges", "yes"),
        ("ProtectSystem", "strict"),
        ("ProtectHome", "yes"),
        ("PrivateTmp", "yes"),
        ("DynamicUser", "yes"),
        ("CapabilityBoundingSet", ""),
        ("RestrictAddressFamilies", "AF_INET AF_INET6 AF_UNIX"),
    ],
)
def test_it_is_hardened(unit, key: str, value: str) -> None:
    assert unit["Service"][key][0] == value


def test_it_starts_after_the_network_and_with_the_system(unit) -> None:
    assert "network-online.target" in unit["Unit"]["Wants"]
    assert unit["Install"]["WantedBy"] == ["multi-user.target"]


def test_systemd_itself_accepts_the_unit(tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed")
    rothbot = Path(sys.executable).with_name("rothbot")
    if not rothbot.exists():
        pytest.skip("the rothbot console script is not installed next to this Python")
    text = UNIT.read_text(encoding="utf-8")
    text = text.replace("/opt/rothbot/venv/bin/rothbot", str(rothbot))
    text = text.replace("EnvironmentFile=/etc/", "EnvironmentFile=-/etc/")  # may not exist here
    local = tmp_path / "rothbot.service"
    local.write_text(text, encoding="utf-8")

    result = subprocess.run(
        [analyze, "verify", str(local)], capture_output=True, text=True, timeout=60
    )

    complaints = [
        line for line in (result.stdout + result.stderr).splitlines() if "rothbot.service" in line
    ]
    assert result.returncode == 0, result.stderr
    assert complaints == []
