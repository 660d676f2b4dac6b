"""`rothbot chart`: from a Facts JSON file, piped stdin or the terminal conversation,
to PNG or SVG; anything wrong is one sentence and an exit status, never a traceback."""

from __future__ import annotations

import io
import json

import pytest
from fact_sets import FACT_SETS

from bot.charts.cli import run_chart
from bot.cli import build_parser
from bot.service import Assistant
from bot.store import Store


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def _chart(argv, *, stdin="", tty=False):
    args = build_parser().parse_args(["chart", "--today", "2026-12-06", *argv])
    err = io.StringIO()
    code = run_chart(args, stdin=(Tty if tty else io.StringIO)(stdin), stderr=err)
    return code, err.getvalue()


def test_facts_file_to_png(tmp_path):
    facts = tmp_path / "facts.json"
    facts.write_text(json.dumps(FACT_SETS["seed"]))
    out = tmp_path / "seed.png"
    code, err = _chart(["--facts", str(facts), "--out", str(out)], tty=True)
    assert code == 0, err
    assert out.read_bytes().startswith(b"\x89PNG")
    assert "wrote" in err and "timeline" in err


def test_piped_facts_to_svg_of_the_routes(tmp_path):
    out = tmp_path / "routes.svg"
    code, err = _chart(
        ["--out", str(out), "--chart", "routes"], stdin=json.dumps(FACT_SETS["leaves_at_58"])
    )
    assert code == 0, err
    assert b"What each route leaves at 59" in out.read_bytes()


def test_both_charts_get_their_own_file(tmp_path):
    code, err = _chart(
        ["--out", str(tmp_path / "c.png"), "--chart", "both"], stdin=json.dumps(FACT_SETS["seed"])
    )
    assert code == 0, err
    assert (tmp_path / "c-timeline.png").exists() and (tmp_path / "c-routes.png").exists()


def test_a_named_route_is_the_timelines(tmp_path):
    out = tmp_path / "wait.svg"
    facts = {**FACT_SETS["seed"], "retire_age": 55}
    code, err = _chart(
        ["--out", str(out), "--route", "wait_until_separation"], stdin=json.dumps(facts)
    )
    assert code == 0, err
    assert b"Route: Wait until you leave" in out.read_bytes()


def test_the_terminal_conversation_is_charted(tmp_path, monkeypatch):
    db = tmp_path / "chat.db"
    store = Store(db)
    Assistant(store).handle(
        "terminal:ann", "I am 51 with 30k after-tax contributions and 10k of earnings"
    )
    store.close()
    out = tmp_path / "conv.svg"
    code, err = _chart(["--db", str(db), "--user", "ann", "--out", str(out)], tty=True)
    assert code == 0, err
    assert b"$30,000 basis" in out.read_bytes()


def test_no_conversation_yet_says_how_to_start(tmp_path):
    code, err = _chart(
        ["--db", str(tmp_path / "empty.db"), "--user", "bob", "--conversation", "--out", "x.png"]
    )
    assert code == 2
    assert "rothbot chat first" in err


@pytest.mark.parametrize(
    ("argv", "stdin", "code", "message"),
    [
        (["--out", "x.gif"], "{}", 2, "must end in .png or .svg"),
        (["--out", "x.png"], "{not json", 2, "not valid JSON"),
        (["--out", "x.png"], '{"age": 500}', 2, "age"),
        (["--out", "x.png"], '{"age": 51}', 1, "needs your age and the after-tax money"),
        (["--out", "x.png", "--route", "moon"], json.dumps(FACT_SETS["seed"]), 1, "moon"),
        (["--out", "x.png", "--growth-rate", "abc"], "{}", 2, "--growth-rate"),
        (["--out", "x.png", "--facts", "/nonexistent/f.json"], "", 2, "Cannot read"),
        (["--out", "x.png", "--facts", "-", "--conversation"], "", 2, "not both"),
    ],
)
def test_bad_input_is_one_sentence(tmp_path, monkeypatch, argv, stdin, code, message):
    monkeypatch.chdir(tmp_path)
    got, err = _chart(argv, stdin=stdin)
    assert got == code
    assert message in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "x.png").exists()


def test_an_unwritable_output_is_a_sentence(tmp_path):
    code, err = _chart(
        ["--out", str(tmp_path / "missing" / "x.png")], stdin=json.dumps(FACT_SETS["seed"])
    )
    assert code == 2
    assert "cannot write" in err
