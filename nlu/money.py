"""Find amounts of money in text, in every form people write them.

``$40K``, ``40k``, ``40,000``, ``$40,000.00``, ``1.2M``, ``$1.2 million``, ``$1MM``,
``forty thousand``, ``40 grand``, ``$.01``, ranges (``30-35k``, ``40K-50K``) and
approximations (``about``, ``~``). This works on the raw text, not on tokens: the
tokenizer splits ``40K-50K`` into ``40K-50`` + ``K`` and ``$40K`` into three tokens, so a
character-level parser is both simpler and exact. The pipeline turns the character
offsets into spans.

No library handles K/M suffixes, decimals with word multipliers and currency together
(see ENGINEERING-NOTES.md), hence this small, table-tested parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

from nlu.patterns import DIGITS, FastRegex, LiteralFinder, load

# Numbers that name a plan, not an amount: "401k", "403b", "457b".
PLAN_NUMBERS = frozenset({"401", "403", "457"})
YEAR_LIKE = range(1900, 2101)

_NUM = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
_LETTER_MULT = r"(?:mm|k|m)(?![a-z])"
_CONTEXT_BEFORE = re.compile(
    r"(?:\bform|\bbox|\blines?|\bnotice|\bsection|§|\birc|\bpub(?:lication)?|\bcode|"
    r"\bschedule|#|\bno\.|\bnumber|\brule of|\bages?|\baged|\bpage|\bchapter|\bitem|"
    r"\bstep|\btier|\bzip|\bphone|\bext\.?|\bp\.)\s*\(?$",
    re.IGNORECASE,
)
_CONTEXT_AFTER = re.compile(
    r"^\s*(?:%|percent\b|years?\b|yrs?\b|yo\b|y/o|months?\b|days?\b|hours?\b|shares?\b|"
    r"times\b|people\b|employees\b|participants\b|miles\b|x\b|st\b|nd\b|rd\b|th\b|"
    r"am\b|pm\b|\(?[kbt]\))",
    re.IGNORECASE,
)
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Amount:
    """One amount of money found in a text.

    ``value`` is the amount to use: the number itself, or the midpoint of a narrow range.
    ``start``/``end`` are character offsets of the whole expression, approximation word
    included, so the evidence shows "about 40,000" rather than "40,000".
    """

    value: Decimal
    low: Decimal
    high: Decimal
    approximate: bool
    start: int
    end: int
    marked: bool  # a currency sign, a multiplier, number words or digit grouping

    @property
    def is_range(self) -> bool:
        return self.low != self.high


@cache
def _vocab() -> dict:
    return load("money")


@cache
def _amount_regex() -> FastRegex:
    data = _vocab()
    words = sorted((w for w in data["multipliers"] if len(w) > 2), key=len, reverse=True)
    word_mult = "|".join(re.escape(w) for w in words)
    one = (
        rf"(?:(?P<curN>\$|usd)\s?)?(?P<numN>{_NUM})"
        rf"(?:(?P<multN>{_LETTER_MULT})|\s?(?P<wmultN>(?:{word_mult})\b))?"
    )
    pattern = (
        r"(?<![\w.,/$\-])"
        + one.replace("N", "1")
        + r"(?:\s?(?P<conn>-|–|—|to)\s?"
        + one.replace("N", "2")
        + r")?(?![\w$])"
    )
    # only from a currency sign or a digit: a bare ".5" is not money
    return FastRegex(pattern, re.IGNORECASE, starts=("$", "usd", DIGITS))


@cache
def _approx_before() -> re.Pattern[str]:
    """An approximation word just before an amount ("about", "~")."""
    words = sorted(_vocab()["approximations"], key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<![\w])(?:{alternatives})\s*$", re.IGNORECASE)


@cache
def _words_regex() -> re.Pattern[str]:
    data = _vocab()
    number_words = [*data["units"], *data["tens"], "hundred", "half"]
    alt = "|".join(sorted(number_words, key=len, reverse=True))
    mult = "|".join(w for w in data["multipliers"] if len(w) > 2)
    return re.compile(
        rf"\b(?P<words>(?:(?:{alt})(?:[\s-]+(?:and\s+)?|\s+))*(?:{alt}))"
        rf"\s*(?:(?P<mult>{mult})\b|(?P<dollars>dollars|bucks)\b)",
        re.IGNORECASE,
    )


def _decimal(text: str) -> Decimal | None:
    try:
        value = Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _multiplier(letter: str | None, word: str | None) -> Decimal | None:
    key = (letter or word or "").lower()
    if not key:
        return None
    return Decimal(_vocab()["multipliers"][key])


def words_to_number(words: str) -> Decimal | None:
    """``"two hundred fifty"`` -> 250, ``"forty-five"`` -> 45, ``"half"`` -> 0.5."""
    data = _vocab()
    units, tens = data["units"], data["tens"]
    parts = [w for w in re.split(r"[\s-]+", words.lower()) if w and w != "and"]
    total = Decimal(0)
    seen = False
    for i, word in enumerate(parts):
        if word in ("a", "an"):
            # "a hundred", "a thousand" (alone) are one; "half a", "a forty" are not
            if (i + 1 < len(parts) and parts[i + 1] != "hundred") or (i and seen):
                continue
            total += 1
        elif word == "half":
            total += Decimal("0.5")
        elif word in units:
            total += units[word]
        elif word in tens:
            total += tens[word]
        elif word == "hundred":
            total = (total or 1) * 100
        else:  # pragma: no cover - the regex only lets number words through
            return None
        seen = True
    return total if seen else None


def _side(m: re.Match[str], n: int) -> tuple[Decimal | None, bool, bool]:
    """(value, has currency, has multiplier) for side ``n`` of a match."""
    num = m.group(f"num{n}")
    if num is None:
        return None, False, False
    value = _decimal(num)
    mult = _multiplier(m.group(f"mult{n}"), m.group(f"wmult{n}"))
    if value is not None and mult is not None:
        value *= mult
    return value, m.group(f"cur{n}") is not None, mult is not None


def _clearly_money(raw: str, value: Decimal, cur: bool, mult: bool) -> bool:
    """A bare number is money only when grouped ("40,000") or large and not a year."""
    if cur or mult or "," in raw:
        return True
    return value >= 1000 and not (value == value.to_integral_value() and int(value) in YEAR_LIKE)


def _is_plan_name(m: re.Match[str], text: str) -> bool:
    """ "401k", "403b" and "457b" name plans, unless written with a dollar sign."""
    if m.group("cur1") or m.group("num1") not in PLAN_NUMBERS:
        return False
    return bool(m.group("mult1")) or text[m.end("num1") : m.end("num1") + 1] in "(bB"


def find_amounts(
    text: str, *, bare_ok: bool = False, finder: LiteralFinder | None = None
) -> list[Amount]:
    """Every amount of money in ``text``, in order.

    ``bare_ok`` also accepts small bare numbers ("500"), for short answers to a question
    about money; in free text a bare "55" is far more likely an age than dollars.
    """
    found: list[Amount] = []
    urls = [(u.start(), u.end()) for u in _URL.finditer(text)]
    max_ratio = Decimal(str(_vocab()["max_range_ratio"]))
    for m in _amount_regex().finditer(text, finder):
        if any(a <= m.start() < b for a, b in urls) or _is_plan_name(m, text):
            continue
        if _CONTEXT_BEFORE.search(text[max(0, m.start() - 14) : m.start()]):
            continue
        if _CONTEXT_AFTER.match(text[m.end() : m.end() + 14]):
            continue
        v1, cur1, mult1 = _side(m, 1)
        if v1 is None:
            continue
        end = m.end()
        low = high = v1
        marked = _clearly_money(m.group("num1"), v1, cur1, mult1)
        v2, cur2, mult2 = _side(m, 2)
        if v2 is not None:
            first = v1
            if mult2 and not mult1:  # "30-35k": the multiplier applies to both sides
                first = v1 * (_multiplier(m.group("mult2"), m.group("wmult2")) or 1)
            lo, hi = min(first, v2), max(first, v2)
            both = _clearly_money(m.group("num2"), v2, cur2, mult2)
            both = both and _clearly_money(m.group("num1"), first, cur1 or cur2, True)
            if both and lo > 0 and hi / lo <= max_ratio:
                low, high, marked = lo, hi, True
            elif m.group("conn").lower() == "to":
                # "$10,000 to 401k": the first amount alone
                end = max(m.end(g) for g in ("num1", "mult1", "wmult1"))
            else:
                continue  # a wide range such as "30-100k" is too vague to be a fact
        if not marked and not bare_ok:
            continue
        value = (low + high) / 2 if low != high else low
        approx = _approx_before().search(text, max(0, m.start() - 16), m.start())
        found.append(
            Amount(
                value=_normalise(value),
                low=_normalise(low),
                high=_normalise(high),
                approximate=bool(approx) or low != high,
                start=approx.start() if approx else m.start(),
                end=end,
                marked=marked,
            )
        )
    found.extend(_word_amounts(text, found))
    found.sort(key=lambda a: a.start)
    return found


_WORD_SCALE = re.compile(r"thousand|million|grand|dollars|bucks|\bmil\b", re.IGNORECASE)


def _word_amounts(text: str, digits: list[Amount]) -> list[Amount]:
    """Amounts in words: "forty thousand", "a hundred grand", "five hundred dollars"."""
    out: list[Amount] = []
    matches: dict[int, re.Match[str]] = {}
    for scale in _WORD_SCALE.finditer(text):  # look only just before a scale word
        start = max(0, scale.start() - 60)
        for m in _words_regex().finditer(text, start, scale.end()):
            matches.setdefault(m.start(), m)
    for _start, m in sorted(matches.items()):
        if any(a.start < m.end() and m.start() < a.end for a in digits):
            continue
        number = words_to_number(m.group("words"))
        if number is None or (number == 0 and not m.group("dollars")):
            continue
        mult = _multiplier(None, m.group("mult")) if m.group("mult") else Decimal(1)
        value = _normalise(number * (mult or 1))
        before = text[max(0, m.start() - 12) : m.start()].lower()
        approx = any(before.rstrip().endswith(a) for a in ("about", "around", "roughly"))
        out.append(Amount(value, value, value, approx, m.start(), m.end(), True))
    return out


def _normalise(value: Decimal) -> Decimal:
    """Whole dollars stay whole; cents are kept to two places."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.quantize(Decimal("0.01"))


def to_json_number(value: Decimal) -> int | float:
    """JSON form of an amount: an int when whole, else a float."""
    return int(value) if value == value.to_integral_value() else float(value)
