"""Draw the chart data (``bot.charts.data``) as PNG or SVG with matplotlib's Agg backend.

matplotlib is imported inside ``render`` only, so a turn that asks for no picture never
loads it (tests check this). Drawing is in pixel coordinates on a fixed 1024 x 1280
canvas: a portrait picture Telegram shows at full width on a phone without shrinking it
further (it keeps photos up to 1280 px on the long side). Type is 19-30 pt at 100 dpi,
so the smallest text is about 11 pt on a phone screen.

Everything the picture says is text: every date and amount is printed, and colour only
repeats it (five Okabe-Ito colours, which stay distinct for the common colour-vision
deficiencies, plus hatching for ranges). The same data gives the same bytes: the fonts
are the DejaVu files bundled with matplotlib, loaded by path; PNG and SVG metadata are
stripped; the SVG id salt is fixed; SVG text stays text, so it can be searched.

This module formats numbers for people (``$44,324``, ``Jun 7, 2034``) and places them;
it computes no money and no dates.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from bot.money import money, percent

WIDTH_PX, HEIGHT_PX, DPI = 1024, 1280, 100
FORMATS = ("png", "svg")
CHARTS = ("timeline", "routes")

# Okabe & Ito (2008), "Color Universal Design": distinguishable with protanopia,
# deuteranopia and tritanopia. Grey is the neutral "not yet".
GREEN = "#009E73"  # tax- and penalty-free
BLUE = "#0072B2"  # a 5-year clock
VERMILLION = "#D55E00"  # a 10% recapture window
ORANGE = "#E69F00"  # 59½
GREY = "#B8B8B8"  # not free yet / pretax
INK = "#000000"
COLOURS = (GREEN, BLUE, VERMILLION, ORANGE, GREY)

LEFT, RIGHT = 48, WIDTH_PX - 48
TEXT_PT, SMALL_PT, LABEL_PT, TITLE_PT = 21, 18, 23, 32
LINE_PX = 33  # one line of 21 pt text
WRAP = 56  # characters of 21 pt DejaVu Sans that fit between the margins


class RenderError(ValueError):
    """The picture cannot be drawn (unknown chart or format)."""


# -- formatting (for people; never arithmetic) --------------------------------------------


def day(iso: str) -> str:
    value = date.fromisoformat(iso)
    return f"{value:%b} {value.day}, {value.year}"


def span(value: Mapping[str, str] | None) -> str:
    """``Jun 7, 2034``, ``Jan 1 – Jun 6, 2035`` or ``Jun 7, 2034 – Jun 6, 2035``."""
    if not value:
        return "unknown"
    first, last = value["earliest"], value["latest"]
    if first == last:
        return day(first)
    if first[:4] == last[:4]:
        return f"{day(first).rsplit(',', 1)[0]} – {day(last)}"
    return f"{day(first)} – {day(last)}"


def whole_dollars(value: Any) -> str:
    """A projected amount to the dollar: cents would claim a precision it does not have."""
    amount = Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return money(amount)


def _year_fraction(iso: str) -> float:
    """A date as a position on the year axis (drawing only)."""
    value = date.fromisoformat(iso)
    start = date(value.year, 1, 1)
    length = (date(value.year + 1, 1, 1) - start).days
    return value.year + (value - start).days / length


# -- the canvas ----------------------------------------------------------------------------


class Canvas:
    """A figure whose axes are its pixels (y down), with the bundled fonts."""

    def __init__(self) -> None:
        import matplotlib

        matplotlib.use("Agg", force=True)
        from matplotlib.figure import Figure
        from matplotlib.font_manager import FontProperties

        fonts = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
        self.regular = FontProperties(fname=str(fonts / "DejaVuSans.ttf"))
        self.bold = FontProperties(fname=str(fonts / "DejaVuSans-Bold.ttf"))
        self.figure = Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI)
        self.figure.patch.set_facecolor("white")
        self.ax = self.figure.add_axes((0, 0, 1, 1))
        self.ax.set_xlim(0, WIDTH_PX)
        self.ax.set_ylim(HEIGHT_PX, 0)
        self.ax.set_axis_off()

    def text(
        self,
        x: float,
        y: float,
        words: str,
        *,
        size: int = TEXT_PT,
        bold: bool = False,
        colour: str = INK,
        align: str = "left",
        valign: str = "top",
    ) -> None:
        self.ax.text(
            x,
            y,
            words,
            fontproperties=self.bold if bold else self.regular,
            fontsize=size,
            color=colour,
            ha=align,
            va=valign,
            parse_math=False,
        )

    def lines(self, x: float, y: float, words: str, *, width: int = WRAP, **kw: Any) -> float:
        """Wrapped text from ``y`` down; returns the y below it."""
        size = kw.get("size", TEXT_PT)
        step = LINE_PX * size / TEXT_PT
        for line in textwrap.wrap(words, width) or [""]:
            self.text(x, y, line, **kw)
            y += step
        return y

    def box(
        self,
        x0: float,
        x1: float,
        y: float,
        height: float,
        colour: str,
        *,
        hatch: str | None = None,
        alpha: float = 1.0,
        edge: str | None = None,
    ) -> None:
        from matplotlib.patches import Rectangle

        if x1 <= x0:
            return
        self.ax.add_patch(
            Rectangle(
                (x0, y),
                x1 - x0,
                height,
                facecolor=colour,
                edgecolor=edge or ("white" if hatch else colour),
                hatch=hatch,
                linewidth=0 if not hatch and not edge else 1,
                alpha=alpha,
            )
        )

    def line(self, x0: float, y0: float, x1: float, y1: float, **kw: Any) -> None:
        self.ax.plot([x0, x1], [y0, y1], **kw)

    def save(self, fmt: str) -> bytes:
        import matplotlib

        out = io.BytesIO()
        with matplotlib.rc_context(
            {"svg.hashsalt": "rothbot", "svg.fonttype": "none", "path.simplify": True}
        ):
            if fmt == "png":
                self.figure.savefig(out, format="png", dpi=DPI, metadata={"Software": None})
            else:
                self.figure.savefig(
                    out,
                    format="svg",
                    dpi=DPI,
                    metadata={"Date": None, "Creator": None, "Format": None, "Type": None},
                )
        return out.getvalue()


def _legend(canvas: Canvas, y: float, items: Sequence[tuple[str, str | None, str]]) -> float:
    """Swatches with their meaning, two to a line."""
    column = (RIGHT - LEFT) // 2
    for i, (colour, hatch, words) in enumerate(items):
        x = LEFT + (i % 2) * column
        row_y = y + (i // 2) * 34
        canvas.box(x, x + 36, row_y + 4, 22, colour, hatch=hatch)
        canvas.text(x + 46, row_y, words, size=SMALL_PT)
    return y + ((len(items) + 1) // 2) * 34


def _footer(canvas: Canvas, data: Mapping[str, Any]) -> None:
    canvas.text(
        LEFT,
        HEIGHT_PX - 22,
        f"Figures from rothbot's cited rules engine, {day(data['today'])}. "
        "General information, not tax advice.",
        size=14,
        colour="#333333",
        valign="bottom",
    )


# -- the timeline ---------------------------------------------------------------------------


BAR_PX = 30


def _timeline_rows(
    t: Mapping[str, Any], today: str
) -> list[tuple[str, bool, str, Mapping[str, Any]]]:
    """(words, bold, kind, item) for each row of the timeline, top to bottom."""
    rows: list[tuple[str, bool, str, Mapping[str, Any]]] = []
    for move in t["moves"]:
        rows.append((f"{move['when']}: {move['text']}", True, "move", move))
    for clock in t["clocks"]:
        if clock["id"] == "conversion_recapture":
            words = (
                f"10% recapture window on the {money(clock['amount'])} converted: "
                f"{day(clock['from'])} – {day(clock['to'])} (up to "
                f"{money(clock['max_recapture'])} if taken out before 59½)"
            )
        elif clock["from"]:
            words = f"{clock['label']}: {day(clock['from'])} → met {day(clock['to'])}"
            if clock["to"] <= today:
                words += " (already met)"
        else:
            words = f"{clock['label']}: met {day(clock['to'])} (if this opens your first Roth IRA)"
        rows.append((words, False, "clock", clock))
    for part in t["parts"]:
        rows.append((part["text"], False, "part", part))
    return rows


def draw_timeline(canvas: Canvas, data: Mapping[str, Any]) -> None:
    """When each part of the money comes out free, with the route's moves and clocks."""
    t = data["timeline"]
    start = date.fromisoformat(data["today"]).year
    end = _year_fraction(t["to"])

    def x_of(iso: str) -> float:
        return LEFT + (max(_year_fraction(iso), start) - start) / (end - start) * (RIGHT - LEFT)

    canvas.text(LEFT, 24, "When each dollar is tax-free", size=TITLE_PT, bold=True)
    canvas.text(LEFT, 74, f"Route: {t['route_label']}", size=LABEL_PT)
    if t["available"] == "unknown":
        canvas.text(
            RIGHT, 80, "if your plan allows it", size=SMALL_PT, colour="#555555", align="right"
        )

    half = next((m for m in t["markers"] if m["id"] == "age_59_half"), None)
    lines_55 = [m for m in t["markers"] if "years" in m]
    notes: list[tuple[str, str]] = []
    if half:
        words = f"59½: {day(half['from'])} – {day(half['to'])}"
        if half["to"] < data["today"]:
            words += " (already reached)"
        notes.append(("band", words))
    notes.append(("today", f"Today: {day(data['today'])}"))
    for marker in lines_55:
        years = " or ".join(str(v) for v in marker["years"])
        words = f"{marker['label']}: {years}"
        if marker["id"] == "age_55":
            words += "; leaving the job then ends the 10% on plan money (not IRA money)"
        notes.append(("dash", words))
    legend: list[tuple[str, str | None, str]] = [
        (GREEN, None, "tax- and penalty-free"),
        (GREY, None, "tax or 10% if taken out"),
    ]
    parts = {p["id"] for p in t["parts"]}
    if any(
        p["tax_free_from"]
        and p["penalty_free_from"]
        and p["penalty_free_from"]["earliest"] != p["penalty_free_from"]["latest"]
        for p in t["parts"]
    ):
        legend.append((GREEN, "//", "free on a date in this range"))
    if "pretax_earnings" in parts:
        legend.append((GREY, "//", "taxed when taken out, no 10%"))
    kinds = {c["id"] for c in t["clocks"]}
    if kinds - {"conversion_recapture"}:
        legend.append((BLUE, None, "5-year clock"))
    if "conversion_recapture" in kinds:
        legend.append((VERMILLION, None, "10% recapture window"))

    rows = _timeline_rows(t, data["today"])
    wrapped = [textwrap.wrap(words, WRAP - (4 if bold else 0)) for words, bold, _, _ in rows]
    note_lines = sum(len(textwrap.wrap(w, WRAP - 4)) for _, w in notes)
    legend_px = ((len(legend) + 1) // 2) * 34
    fixed: float = sum(len(w) for w in wrapped) * LINE_PX + len(rows) * (BAR_PX + 8)
    fixed += 40 + note_lines * LINE_PX * SMALL_PT / TEXT_PT + len(notes) * 6 + legend_px
    top, floor = 128, HEIGHT_PX - 60
    gap = max(4.0, min(64.0, (floor - top - fixed) / (len(rows) + 0.5)))

    y: float = top
    placed: list[tuple[float, str, Mapping[str, Any]]] = []
    for (_, bold, kind, item), lines in zip(rows, wrapped, strict=True):
        for line in lines:
            canvas.text(LEFT, y, line, bold=bold)
            y += LINE_PX
        placed.append((y + 4, kind, item))
        y += BAR_PX + 8 + gap
    bottom = y - gap

    moved_on = t["moves"][0]["on"] if t["moves"] else data["today"]
    x_today = x_of(data["today"])
    for bar_y, kind, item in placed:
        # behind each bar: year lines, the 59½ band, the age-55 lines, today
        for year in range(start, int(end) + 1):
            x = LEFT + (year - start) / (end - start) * (RIGHT - LEFT)
            canvas.line(x, bar_y - 4, x, bar_y + BAR_PX + 4, color="#D0D0D0", linewidth=1, zorder=0)
        if half:
            canvas.box(
                x_of(half["from"]), x_of(half["to"]), bar_y - 4, BAR_PX + 8, ORANGE, alpha=0.4
            )
        _draw_bar(canvas, kind, item, bar_y, x_of, moved_on)
        for marker in lines_55:
            x = x_of(f"{marker['years'][0]}-01-01")
            canvas.line(
                x,
                bar_y - 6,
                x,
                bar_y + BAR_PX + 6,
                color=INK,
                linewidth=2.5,
                linestyle=(0, (4, 3)),
                zorder=3,
            )
        canvas.line(
            x_today, bar_y - 6, x_today, bar_y + BAR_PX + 6, color=INK, linewidth=2.5, zorder=3
        )

    for year in range(start, int(end) + 1):
        if (int(end) - start) <= 12 or year % 2 == 0:
            x = LEFT + (year - start) / (end - start) * (RIGHT - LEFT)
            canvas.text(x, bottom + 2, str(year), size=SMALL_PT, align="center")
    y = bottom + 40
    for style, words in notes:
        if style == "band":
            canvas.box(LEFT, LEFT + 36, y + 4, 22, ORANGE, alpha=0.4)
        elif style == "today":
            canvas.line(LEFT + 18, y + 1, LEFT + 18, y + 29, color=INK, linewidth=2.5)
        else:
            canvas.line(
                LEFT + 18, y + 1, LEFT + 18, y + 29, color=INK, linewidth=2.5, linestyle=(0, (4, 3))
            )
        y = canvas.lines(LEFT + 46, y, words, width=WRAP - 4, size=SMALL_PT) + 6
    _legend(canvas, y + gap / 2, legend)
    _footer(canvas, data)


def _draw_bar(
    canvas: Canvas,
    kind: str,
    item: Mapping[str, Any],
    y: float,
    x_of: Callable[[str], float],
    moved_on: str,
) -> None:
    """One row's bar: a move's diamond, a clock's span, or a part's not-yet/free shading."""
    if kind == "move":
        canvas.ax.plot(
            [x_of(item["on"])], [y + BAR_PX / 2], marker="D", markersize=18, color=INK, zorder=4
        )
        return
    if kind == "clock":
        colour = VERMILLION if item["id"] == "conversion_recapture" else BLUE
        x0 = x_of(item["from"]) if item["from"] else x_of(moved_on)
        canvas.box(x0, x_of(item["to"]), y, BAR_PX, colour)
        return
    x_move, x_end = x_of(moved_on), RIGHT
    if x_move > LEFT + 1:  # still in the plan before the move
        canvas.box(LEFT, x_move, y + BAR_PX / 2 - 3, 6, GREY)
    if item["id"] == "pretax_earnings":
        later = item["penalty_free_from"]
        x_free = x_of(later["earliest"]) if later else x_end
        canvas.box(x_move, x_free, y, BAR_PX, GREY)
        canvas.box(x_free, x_end, y, BAR_PX, GREY, hatch="//")
        return
    free = item["penalty_free_from"] if item["tax_free_from"] else None
    if free is None:
        canvas.box(x_move, x_end, y, BAR_PX, GREY)
        return
    x_a, x_b = x_of(free["earliest"]), x_of(free["latest"])
    canvas.box(x_move, x_a, y, BAR_PX, GREY)
    canvas.box(x_a, x_b, y, BAR_PX, GREEN, hatch="//")
    canvas.box(x_b, x_end, y, BAR_PX, GREEN)


# -- the routes compared --------------------------------------------------------------------


def _now_line(row: Mapping[str, Any]) -> str:
    """Tax and the 10% when the route's move is made."""
    moved = row.get("moved_on")
    when = "Now" if moved is None else f"In {moved[:4]}"
    if row["tax_now"] is None:
        tax = f"tax on {money(row['taxable_now'])} income"
    elif row["taxable_now"]:
        tax = f"tax {money(row['tax_now'])} on {money(row['taxable_now'])}"
    else:
        tax = "no tax"
    penalty = row["penalty_now"]
    return f"{when}: {tax} · 10%: {money(penalty) if penalty is not None else 'unknown'}"


def _value_line(row: Mapping[str, Any], at: str) -> str:
    if row["id"] == "cash_out":
        return f"Paid to you now: {money(row['cash_now'])}; $0 in a Roth"
    words = f"In a Roth {at}: {whole_dollars(row['roth_at_59_half'])}"
    if row["tax_free_at_59_half"] == "yes":
        words += ", tax-free"
    elif row["roth_at_59_half"] and row["tax_free_from"]:
        words += f"; growth tax-free from {span(row['tax_free_from'])}"
    if row["pretax_at_59_half"]:
        words += f"; pretax {whole_dollars(row['pretax_at_59_half'])}"
    return words


def draw_routes(canvas: Canvas, data: Mapping[str, Any]) -> None:
    """Tax now, the 10%, and what each route holds at 59½ under the stated growth."""
    r = data["routes"]
    rows = r["rows"]
    years = r["years_to_59_half"]
    at = "at 59½" if years else "now"  # 59 or older: 59½ is now or past, nothing to grow
    canvas.text(LEFT, 24, f"What each route leaves {at}", size=TITLE_PT, bold=True)
    source = "Default growth" if r["growth_rate_is_default"] else "Your growth rate"
    if years:
        headline = f"{source}: {percent(r['growth_rate'])} a year for {years} years"
        note = "to about 59½: an assumption, not a forecast"
    else:
        headline, note = "No growth counted", "you are about 59½ or older"
    canvas.text(LEFT, 76, headline, size=LABEL_PT, bold=True, colour=BLUE)
    canvas.text(LEFT, 112, note, size=SMALL_PT)
    totals = [(row["roth_at_59_half"] or 0) + (row["pretax_at_59_half"] or 0) for row in rows] + [
        row["cash_now"] or 0 for row in rows
    ]
    scale = (RIGHT - LEFT) / max([*totals, 1])
    top, floor = 160, HEIGHT_PX - 150
    per_row = (floor - top) / max(len(rows), 4)
    y: float = top
    for row in rows:
        canvas.text(LEFT, y, row["label"], size=LABEL_PT, bold=True)
        if row["available"] == "unknown":
            canvas.text(
                RIGHT,
                y + 6,
                "if your plan allows it",
                size=SMALL_PT,
                colour="#555555",
                align="right",
            )
        bar_y = y + 40
        roth = (row["roth_at_59_half"] or 0) * scale
        pretax = (row["pretax_at_59_half"] or 0) * scale
        if row["id"] == "cash_out":
            canvas.box(LEFT, LEFT + (row["cash_now"] or 0) * scale, bar_y, BAR_PX, GREY, hatch="xx")
        else:
            canvas.box(LEFT, LEFT + roth, bar_y, BAR_PX, GREEN)
            canvas.box(LEFT + roth, LEFT + roth + pretax, bar_y, BAR_PX, GREY, hatch="//")
        text_y = canvas.lines(LEFT, bar_y + BAR_PX + 8, _value_line(row, at))
        canvas.lines(LEFT, text_y, _now_line(row))
        y += per_row
    _legend(
        canvas,
        HEIGHT_PX - 140,
        [
            (GREEN, None, f"in a Roth {at}"),
            (GREY, "//", "pretax: taxed when taken out"),
            (GREY, "xx", "paid out now, out of the shelter"),
        ],
    )
    _footer(canvas, data)


DRAW: dict[str, Callable[[Canvas, Mapping[str, Any]], None]] = {
    "timeline": draw_timeline,
    "routes": draw_routes,
}


def render(data: Mapping[str, Any], chart: str, fmt: str) -> bytes:
    """One chart (``timeline`` or ``routes``) of ``data`` as PNG or SVG bytes."""
    if chart not in DRAW:
        raise RenderError(f"There is no {chart!r} chart; choose one of {', '.join(CHARTS)}.")
    if fmt not in FORMATS:
        raise RenderError(f"Charts are drawn as PNG or SVG, not {fmt!r}.")
    canvas = Canvas()
    DRAW[chart](canvas, data)
    return canvas.save(fmt)
