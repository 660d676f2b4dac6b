"""Both charts for each fact set: a valid PNG or SVG of the fixed size, the same bytes for
the same facts, every date and amount of the data written in the picture's text, and no
more than five colours."""

from __future__ import annotations

import functools
import re
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from fact_sets import FACT_SETS, TODAY

from bot.charts.data import chart_data
from bot.charts.render import (
    COLOURS,
    HEIGHT_PX,
    WIDTH_PX,
    RenderError,
    day,
    render,
    span,
    whole_dollars,
)
from bot.money import money

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@functools.cache
def _data(name: str) -> dict:
    return chart_data(FACT_SETS[name], today=TODAY)


@functools.cache
def _drawn(name: str, chart: str, fmt: str) -> bytes:
    """Each picture is drawn once per test run; the tests below read it in turn."""
    return render(_data(name), chart, fmt)


@pytest.fixture(params=sorted(FACT_SETS))
def name(request) -> str:
    return request.param


def _png_size(image: bytes) -> tuple[int, int]:
    assert image.startswith(PNG_SIGNATURE)
    assert image[12:16] == b"IHDR"
    return struct.unpack(">II", image[16:24])


def _svg_text(image: bytes) -> str:
    root = ET.fromstring(image)
    return " ".join("".join(e.itertext()) for e in root.iter() if e.tag.endswith("text"))


@pytest.mark.parametrize("chart", ["timeline", "routes"])
def test_png_is_valid_and_phone_sized(name, chart):
    image = _drawn(name, chart, "png")
    assert _png_size(image) == (WIDTH_PX, HEIGHT_PX)
    assert image.endswith(b"IEND\xaeB`\x82")
    assert b"Software" not in image  # metadata stripped


@pytest.mark.parametrize("chart", ["timeline", "routes"])
def test_svg_is_valid_xml_of_the_same_size_without_a_date(name, chart):
    image = _drawn(name, chart, "svg")
    root = ET.fromstring(image)
    assert (root.get("width"), root.get("height")) == ("737.28pt", "921.6pt")  # 1024x1280 px
    assert b"<dc:date>" not in image


def test_timeline_text_holds_every_date_and_amount(name):
    data = _data(name)
    text = _svg_text(_drawn(name, "timeline", "svg"))
    t = data["timeline"]
    for move in t["moves"]:
        assert day(move["on"]) in text
    for clock in t["clocks"]:
        assert day(clock["to"]) in text
        if clock["from"]:
            assert day(clock["from"]) in text
        if clock.get("amount"):
            assert money(clock["amount"]) in text
            assert money(clock["max_recapture"]) in text
    for marker in t["markers"]:
        if "years" in marker:
            assert all(str(year) in text for year in marker["years"])
        else:
            assert day(marker["from"]) in text and day(marker["to"]) in text
    for part in t["parts"]:
        if part["amount"] is not None:
            assert money(part["amount"]) in text


def test_routes_text_holds_every_route_its_tax_and_value(name):
    data = _data(name)
    text = _svg_text(_drawn(name, "routes", "svg"))
    r = data["routes"]
    if r["years_to_59_half"]:
        assert f"{round(r['growth_rate'] * 100)}% a year for {r['years_to_59_half']} years" in text
    else:  # 59 or older: nothing is grown, and the picture says so
        assert "No growth counted" in text and "What each route leaves now" in text
    for row in r["rows"]:
        assert row["label"] in text
        assert money(row["taxable_now"]) in text or not row["taxable_now"]
        if row["tax_now"]:
            assert money(row["tax_now"]) in text
        assert money(row["penalty_now"]) in text
        if row["id"] == "cash_out":
            assert money(row["cash_now"]) in text
        else:
            assert whole_dollars(row["roth_at_59_half"]) in text
            if row["tax_free_at_59_half"] != "yes" and row["roth_at_59_half"]:
                assert span(row["tax_free_from"]) in text


def test_no_more_than_five_colours_besides_black_white_and_grey_text(name):
    for chart in ("timeline", "routes"):
        svg = _drawn(name, chart, "svg").decode()
        fills = {c.lower() for c in re.findall(r"(?:fill|stroke):\s*(#[0-9a-fA-F]{6})", svg)}
        neutral = {"#000000", "#ffffff", "#555555", "#333333", "#d0d0d0"}
        assert fills - neutral <= {c.lower() for c in COLOURS}
    assert len(COLOURS) <= 5


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_same_facts_give_the_same_bytes(fmt):
    fresh = chart_data(dict(FACT_SETS["seed"]), today=TODAY)
    for chart in ("timeline", "routes"):
        assert render(fresh, chart, fmt) == _drawn("seed", chart, fmt)


def test_another_process_draws_the_same_bytes():
    data = chart_data(FACT_SETS["leaves_at_58"], today=TODAY)
    here = render(data, "timeline", "png")
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from fact_sets import FACT_SETS, TODAY;"
        "from bot.charts.data import chart_data; from bot.charts.render import render;"
        "sys.stdout.buffer.write(render(chart_data(FACT_SETS['leaves_at_58'], today=TODAY),"
        " 'timeline', 'png'))"
    )
    from pathlib import Path

    there = subprocess.run(
        [sys.executable, "-c", code, str(Path(__file__).parent)],
        capture_output=True,
        check=True,
        env={"PYTHONHASHSEED": "123", "PATH": ""},
    ).stdout
    assert there == here


def test_different_facts_give_different_pictures():
    assert _drawn("seed", "routes", "png") != _drawn("retiree", "routes", "png")


@pytest.mark.parametrize(
    ("chart", "fmt", "message"),
    [("pie", "png", "no 'pie' chart"), ("routes", "gif", "PNG or SVG")],
)
def test_unknown_chart_or_format_is_a_sentence(chart, fmt, message):
    with pytest.raises(RenderError, match=message):
        render(_data("seed"), chart, fmt)
