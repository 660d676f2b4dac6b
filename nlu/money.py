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
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

from nlu.data import load
from nlu.matching import lazy_compile, lowercase_pattern

# More whole digits than this is no amount of money (and would overflow Decimal
# arithmetic at its default precision): "10000000000000000000000000000".
MAX_DIGITS = 15
# Numbers that name a plan, not an amount: "401k", "403b", "457b".
PLAN_NUMBERS = frozenset({"401", "403", "457"})
YEAR_LIKE = range(1900, 2101)

_NUM = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
# A letter multiplier sticks to its number ("40k", "1.2M"); only "k" also stands apart
# ("$40 k"): a lone "m" after a number is as often "male" ("40 M") as million.
_LETTER_MULT = r"(?:mm|k|m| k)(?![a-z])"
# The word just before a number that makes it a label, not money ("Form 5498", "age 58").
_LABEL_WORDS = frozenset(
    {
        "form", "box", "line", "lines", "notice", "section", "§", "irc", "pub",
        "publication", "code", "schedule", "#", "no.", "number", "age", "ages", "aged",
        "page", "chapter", "item", "step", "tier", "zip", "phone", "ext", "ext.", "p.",
    }
)  # fmt: skip
_LABEL_PAIRS = frozenset({"rule of"})
# The word just after a number that makes it something else ("55 years", "24%").
_UNIT_WORDS = frozenset(
    {
        "percent", "year", "years", "yr", "yrs", "yo", "month", "months", "day", "days",
        "hour", "hours", "share", "shares", "times", "people", "employees", "participants",
        "miles", "x", "am", "pm",
    }
)  # fmt: skip
_UNIT_STARTS = ("%", "(k)", "(b)", "(t)", "y/o")
_URL = lazy_compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


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
def _amount_regex() -> re.Pattern[str]:
    data = _vocab()
    words = sorted((w for w in data["multipliers"] if len(w) > 2), key=len, reverse=True)
    word_mult = "|".join(re.escape(w) for w in words)
    one = (
        # (a minus after the sign, "$-40k", is kept too, for validation to refuse)
        rf"(?:(?P<curN>\$|usd)\s?(?P<minusN>[-−](?=\.?\d))?)?(?P<numN>{_NUM})"
        rf"(?:(?P<multN>{_LETTER_MULT})|\s?(?P<wmultN>(?:{word_mult})\b))?"
    )
    pattern = (
        r"(?<![\w.,/$\-])"
        # after "between", "40 and 45k" is a range too (the empty group says so)
        + r"(?:(?<=between )(?P<btw>))?"
        # a minus sign stuck to the number: "-5000" (kept, so validation can refuse it)
        + r"(?P<neg>[-−](?=\$?\.?\d))?"
        + one.replace("N", "1")
        + r"(?:\s?(?P<conn>-|–|—|to|(?(btw) and|(?!)))\s?"
        + one.replace("N", "2")
        + r")?(?![\w$])"
    )
    return re.compile(pattern, re.IGNORECASE)


@cache
def _lower_amount_regex() -> re.Pattern[str]:
    """The amount regex for lower-cased text: ``re`` matches several times faster
    without IGNORECASE."""
    return re.compile(lowercase_pattern(_amount_regex().pattern))


@cache
def _ascii_amount_regex() -> re.Pattern[str]:
    """The lower-case amount regex with ASCII classes (faster), for an ASCII text where
    they mean the same: no character of _UNICODE_ONLY_SPACES, which only Unicode \\s takes."""
    return re.compile(_lower_amount_regex().pattern, re.ASCII)


_UNICODE_ONLY_SPACES = ("\x1c", "\x1d", "\x1e", "\x1f")


# Where an amount can start in lower-cased text: a minus sign, "$", "usd", a digit or a
# decimal point, not right after what the amount regex's look-behind refuses. ``re``
# skips to these characters in C; the amount regex, which opens with that look-behind,
# would be tried at every character.
_AMOUNT_START = lazy_compile(r"[-−$u.\d](?<![\w.,/$\-].)")
# The same for an ASCII text, where \d is [0-9] and \w (lower-cased) is [a-z0-9_]: ``re``
# tests a set of ASCII characters by a table look-up, twice as fast as the classes.
_ASCII_AMOUNT_START = lazy_compile(r"[-$u.0-9](?<![a-z0-9_.,/$\-].)")


def _amounts_in_lower(lower: str) -> Iterator[re.Match[str]]:
    """``_lower_amount_regex().finditer(lower)``, trying the regex only where an amount
    can start (leftmost, non-overlapping matches, as ``finditer`` gives them)."""
    if lower.isascii() and not any(space in lower for space in _UNICODE_ONLY_SPACES):
        match, starts = _ascii_amount_regex().match, _ASCII_AMOUNT_START
    else:
        match, starts = _lower_amount_regex().match, _AMOUNT_START
    taken_until = -1
    for start in starts.finditer(lower):
        at = start.start()
        if at >= taken_until and (m := match(lower, at)):
            yield m
            taken_until = max(m.end(), at + 1)


def _approximation_start(text: str, start: int) -> int | None:
    """Where "about"/"~"/"close to" begins just before ``start``, or None."""
    words = _approximation_words()
    before = text[max(0, start - 20) : start]
    stripped = before.rstrip()
    if stripped.endswith(("~", "≈")):
        return start - (len(before) - len(stripped)) - 1
    parts = stripped.lower().split()
    for n in (2, 1):
        if len(parts) >= n and " ".join(parts[-n:]) in words:
            return start - len(before) + stripped.lower().rfind(parts[-n])
    return None


@cache
def _approximation_words() -> frozenset[str]:
    return frozenset(w.lower() for w in _vocab()["approximations"])


def _decimal(text: str) -> Decimal | None:
    """The number in ``text``; None for one too long to be an amount anyone has."""
    digits = text.replace(",", "")
    if len(digits.split(".")[0]) > MAX_DIGITS:
        return None
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _multiplier(letter: str | None, word: str | None) -> Decimal | None:
    key = (letter or word or "").strip().lower()
    if not key:
        return None
    return _multipliers()[key]


@cache
def _multipliers() -> dict[str, Decimal]:
    return {word: Decimal(factor) for word, factor in _vocab()["multipliers"].items()}


@cache
def _max_range_ratio() -> Decimal:
    return Decimal(str(_vocab()["max_range_ratio"]))


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
            total = (total or Decimal(1)) * 100
        else:  # pragma: no cover - the regex only lets number words through
            return None
        seen = True
    return total if seen else None


# The groups of each side of an amount match (``_amount_regex``).
_SIDES = {n: (f"num{n}", f"mult{n}", f"wmult{n}", f"cur{n}") for n in (1, 2)}


def _side(m: re.Match[str], n: int, negative: bool = False) -> tuple[Decimal | None, bool, bool]:
    """(value, has currency, has multiplier) for side ``n`` of a match."""
    num, letter, word, cur = m.group(*_SIDES[n])
    if num is None:
        return None, False, False
    value = _decimal(num)
    mult = _multiplier(letter, word)
    if value is not None and mult is not None:
        value *= mult
    if value is not None and negative:
        value = -value
    return value, cur is not None, mult is not None


def _clearly_money(raw: str, value: Decimal, cur: bool, mult: bool) -> bool:
    """A bare number is money only when grouped ("40,000") or large and not a year."""
    if cur or mult or "," in raw:
        return True
    value = abs(value)
    return value >= 1000 and not (value == value.to_integral_value() and int(value) in YEAR_LIKE)


def _labelled(text: str, start: int) -> bool:
    """True after a word that makes the number a label: "Form 5498", "age 58"."""
    words = text[max(0, start - 16) : start].lower().replace("(", " ").split()
    if not words:
        return False
    return words[-1] in _LABEL_WORDS or " ".join(words[-2:]) in _LABEL_PAIRS


def _unit_follows(text: str, end: int) -> bool:
    """True before a unit that makes the number something else: "55 years", "24%"."""
    after = text[end : end + 14].lstrip().lower()
    if after.startswith(_UNIT_STARTS):
        return True
    word = after.split(None, 1)[0].strip(".,;:!?)") if after else ""
    return word in _UNIT_WORDS


def _is_plan_name(m: re.Match[str], text: str) -> bool:
    """ "401k", "403b" and "457b" name plans, unless written with a dollar sign."""
    if m.group("cur1") or m.group("num1") not in PLAN_NUMBERS:
        return False
    return bool(m.group("mult1")) or text[m.end("num1") : m.end("num1") + 1] in "(bB"


# Three digits after a point, and no multiplier: "40.000", "1.500" group thousands with a
# point (as much of Europe writes them); no US amount has three decimals.
_THREE_DECIMALS = lazy_compile(r"\d*\.\d{3}")


# Right after an amount: a comma and a digit, so the digits were grouped wrongly ("$100,00").
_BROKEN_GROUP = lazy_compile(r",\d{1,2}(?!\d)")


def _dot_grouped(m: re.Match[str]) -> bool:
    """True when either side of an amount is a number grouped with a point."""
    return any(
        m.group(num) is not None
        and _THREE_DECIMALS.fullmatch(m.group(num))
        and not (m.group(mult) or m.group(wmult))
        for num, mult, wmult, _cur in _SIDES.values()
    )


def _is_bullet(text: str, start: int) -> bool:
    """A dash opening a line of a several-line text is a bullet, not a minus sign."""
    line_start = text.rfind("\n", 0, start) + 1
    return "\n" in text.strip() and not text[line_start:start].strip()


# Before "X to Y": a verb of change, so the two figures are then and now, not a range.
_CHANGE_BEFORE = lazy_compile(
    r"\b(?:went|gone|grew|grown|rose|risen|jumped|increased|climbed|dropped|fell|fallen|"
    r"decreased|changed|moved up|moved down|gone up|gone down|went up|went down)"
    r" from (?:about |around |roughly |~)?$",
    re.IGNORECASE,
)


def find_amounts(text: str, *, bare_ok: bool = False) -> list[Amount]:
    """Every amount of money in ``text``, in order.

    ``bare_ok`` also accepts small bare numbers ("500"), for short answers to a question
    about money; in free text a bare "55" is far more likely an age than dollars.
    """
    found: list[Amount] = []
    urls: list[tuple[int, int]] | None = None
    max_ratio = _max_range_ratio()
    lower = text.lower()
    if len(lower) == len(text):  # same offsets: scan the lower-cased text
        matches = _amounts_in_lower(lower)
    else:
        matches = _amount_regex().finditer(text)
    for m in matches:
        if not bare_ok and _bare_small_or_year(m):
            continue  # the usual number that is no amount, told without Decimal
        if _is_plan_name(m, text):
            continue
        if _dot_grouped(m):
            continue  # "$40.000": forty thousand in Europe, forty dollars here; ask
        if text[m.end() - 1].isdigit() and _BROKEN_GROUP.match(text, m.end()):
            continue  # "$100,00" (a typo for $100,000 or $100.00): which one, ask
        # "-40k" opening a line of a list is a bullet; elsewhere the dash is a minus
        bullet = m.group("neg") is not None and _is_bullet(text, m.start())
        minus = (m.group("neg") is not None and not bullet) or m.group("minus1") is not None
        v1, cur1, mult1 = _side(m, 1, negative=minus)
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
            if m.group("conn").lower() == "to" and _CHANGE_BEFORE.search(
                text, max(0, m.start() - 40), m.start()
            ):
                continue  # "went from 68k to 90k": a change, neither a range nor one figure
            if both and lo > 0 and hi / lo <= max_ratio:
                low, high, marked = lo, hi, True
            elif m.group("conn").lower() == "to":
                # "$10,000 to 401k": the first amount alone
                end = max(m.end(g) for g in ("num1", "mult1", "wmult1"))
            else:
                continue  # a wide range such as "30-100k" is too vague to be a fact
        if not marked and not bare_ok:
            continue
        if _labelled(text, m.start()) or _unit_follows(text, m.end()):
            continue
        if urls is None:
            urls = _urls(text, lower)
        if any(a <= m.start() < b for a, b in urls):
            continue
        begin = m.end("neg") if bullet else m.start()
        approx_start = _approximation_start(text, begin)
        is_range = low != high
        if is_range:
            value, low, high = _normalise((low + high) / 2), _normalise(low), _normalise(high)
        else:
            value = low = high = _normalise(low)
        found.append(
            Amount(
                value=value,
                low=low,
                high=high,
                approximate=approx_start is not None or is_range,
                start=begin if approx_start is None else approx_start,
                end=end,
                marked=marked,
            )
        )
    found.extend(_word_amounts(text, lower, found))
    found.sort(key=lambda a: a.start)
    return found


def _urls(text: str, lower: str) -> list[tuple[int, int]]:
    """(start, end) of each web address; most texts name none, told by a quick look."""
    if "/" not in text or ("http" not in lower and "www." not in lower):
        return []
    return [(u.start(), u.end()) for u in _URL.finditer(text)]


def _bare_small_or_year(m: re.Match[str]) -> bool:
    """True for a lone whole number under 1,000 or a year (an age, "2014"): no currency,
    multiplier, grouping or second side, so not ``_clearly_money`` whatever follows."""
    num, letter, word, cur, num2 = m.group("num1", "mult1", "wmult1", "cur1", "num2")
    if num2 is not None or cur or letter or word or not num.isdecimal():
        return False
    digits = num.lstrip("0")
    if len(digits) > 4:  # (and int() refuses a run of thousands of digits)
        return False
    number = int(digits or "0")
    return number < 1000 or number in YEAR_LIKE or digits in IRS_FORMS


# IRS form numbers people name bare ("the 8606", "my 5498"): never an amount without a
# currency sign, a multiplier or grouping.
IRS_FORMS = frozenset({"1040", "1099", "5329", "5498", "8606", "8915", "4972", "2210"})


# A scale word not inside a longer word: (?<![a-z])(?:thousand|million|grand|dollars|
# bucks|mil)(?![a-z]), with each look-behind after the word's first letter so that ``re``
# skips to those letters in C instead of trying the pattern at every character.
_WORD_SCALE = lazy_compile(
    r"(?:t(?<![a-z]t)housand|m(?<![a-z]m)(?:illion|il)|g(?<![a-z]g)rand"
    r"|d(?<![a-z]d)ollars|b(?<![a-z]b)ucks)(?![a-z])"
)
_WORD = lazy_compile(r"[a-z]+")


def _number_words_before(lower: str, end: int) -> tuple[int, str] | None:
    """The run of number words ending just before ``end``: (start, words), or None."""
    vocab = _number_vocabulary()
    window_start = max(0, end - 60)
    words = list(_WORD.finditer(lower, window_start, end))
    start = None
    taken: list[str] = []
    expected_end = end
    for word in reversed(words):
        gap = lower[word.end() : expected_end]
        if gap.strip(" -") or (word.group() not in vocab and word.group() != "and"):
            break
        start, expected_end = word.start(), word.start()
        taken.append(word.group())
    while taken and taken[-1] == "and":  # "... and forty thousand": "and" is not a number
        taken.pop()
        start = None if not taken else start
    if start is None or not taken:
        return None
    first = lower.find(taken[-1], start)
    return first, " ".join(reversed(taken))


@cache
def _number_vocabulary() -> frozenset[str]:
    data = _vocab()
    return frozenset([*data["units"], *data["tens"], "hundred", "half"])


# Every scale word starts with one of these (most texts have none).
_SCALE_STEMS = ("thousand", "mil", "grand", "dollars", "bucks")


def _scale_words(lower: str) -> list[re.Match[str]]:
    """``_WORD_SCALE.finditer(lower)``, tried only where a stem occurs (``str.find``
    skips ahead much faster than ``re`` does to the stems' first letters)."""
    at: set[int] = set()
    for stem in _SCALE_STEMS:
        i = lower.find(stem)
        while i != -1:
            at.add(i)
            i = lower.find(stem, i + 1)
    found = []
    taken_until = -1
    for i in sorted(at):
        if i >= taken_until and (m := _WORD_SCALE.match(lower, i)):
            found.append(m)
            taken_until = m.end()
    return found


def _word_amounts(text: str, lower: str, digits: list[Amount]) -> list[Amount]:
    """Amounts in words: "forty thousand", "a hundred grand", "five hundred dollars".

    ``lower`` is ``text.lower()``.
    """
    out: list[Amount] = []
    if len(lower) != len(text):
        return out  # offsets would not line up; number words are English anyway
    for scale in _scale_words(lower):
        found = _number_words_before(lower, scale.start())
        if found is None:
            continue
        start, words = found
        if any(a.start < scale.end() and start < a.end for a in digits):
            continue
        number = words_to_number(words)
        dollars = scale.group() in ("dollars", "bucks")
        if number is None or (number == 0 and not dollars):
            continue
        if words in ("a", "an") and dollars:
            continue  # "a dollars" is not an amount
        mult = Decimal(1) if dollars else _multiplier(None, scale.group()) or Decimal(1)
        value = _normalise(number * mult)
        approx = _approximation_start(text, start)
        begin = start if approx is None else approx
        out.append(Amount(value, value, value, approx is not None, begin, scale.end(), True))
    return out


def _normalise(value: Decimal) -> Decimal:
    """Whole dollars stay whole; cents are kept to two places."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.quantize(Decimal("0.01"))


def to_json_number(value: Decimal) -> int | float:
    """JSON form of an amount: an int when whole, else a float."""
    return int(value) if value == value.to_integral_value() else float(value)
