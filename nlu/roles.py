"""What each amount of money is: after-tax basis, earnings, pre-tax balance, income ...

An amount takes the role of the nearest cue word in its clause ("30,000 via
contributions", "the gains at $.01", "of which $102k is after-tax"). A cue does not reach
across "and", a comma or another amount (that cue belongs to the other amount), nor across
"to"/"into" ("move the entire 40000 into the new Roth IRA" is not a Roth IRA balance).
A line "Label: $amount" takes its role from the whole label or from nothing.

When no cue binds, the amount is left out: a wrong fact is worse than a missing one.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any, Literal

from spacy.tokens import Doc, Span

from nlu.context import CaseBlind, lower_is_exact
from nlu.data import FLAGS, compile_any, load
from nlu.matching import FastRegex, LiteralFinder, PatternSet, lazy_compile, lower_same_length
from nlu.money import Amount

# Roles that are not Facts keys: the amount is known not to be one of our facts.
NOT_FACTS = frozenset({"plan_total", "limit", "flow", "ambiguous"})
# The key of a whole plan balance read: no fact, only what the pretax money is derived from.
PLAN_TOTAL = "plan_total"
BALANCE_ROLES = frozenset(
    {
        "after_tax_total",
        "after_tax_earnings",
        "pretax_balance",
        "roth_401k_balance",
        "roth_ira_balance",
        "traditional_ira_balance",
    }
)
_FILLER = lazy_compile(
    r"\b(?:my|the|our|your|his|her|their|current(?:ly)?|approx(?:imately)?|about|estimated|"
    r"est|amount|in|of|value|balance|employee)\b|[\W_]+",
    re.IGNORECASE,
)
_ROTH_IN_PLAN = CaseBlind.compile(
    r"401\(?k\)?[^.?!]{0,60}\broth\b|\broth[- ](?:401|403|457)|designated roth|\bin[- ]plan\b|"
    r"\btsp\b[^.?!]{0,60}\broth\b|\broth\b[^.?!]{0,30}\b(?:in|inside) (?:the|my) tsp\b"
)
IRA_ROLES = frozenset({"traditional_ira_balance", "roth_ira_balance"})
_CONTRIBUTED = CaseBlind.compile(
    r"\b(?:contribut\w*|deposit\w*|put|added|funded|converted)\b[^.;!?]*$"
)
# Before an IRA word: the person may not put money in one ("too much for a Roth IRA").
_NOT_ELIGIBLE = CaseBlind.compile(
    r"\b(?:too much|too high|not eligible|ineligible|over the (?:income )?limit|phased out|"
    r"income limits?)(?: to contribute)? (?:for|to) (?:a |an |the )?$"
)
# After an amount: one year's worth ("earned 2k last year", "in 2023").
_A_YEARS_WORTH = lazy_compile(
    r"\s*(?:(?:last|this|each|every|per|a) year\b|in (?:19|20)\d\d\b)", FLAGS
)
_PUT_IN = CaseBlind.compile(
    r"\b(?:contribut\w*|put(?: in)?|invested|deposited|saved|paid in)\b[^.;!?,]*$"
)
# Between a label's cue and the plan named after it: "contributions to my 401k".
_CONTAINER_LINK = lazy_compile(
    r"\s+(?:to|in|into|inside|within|of|from|for)\s+(?:my|the|our|his|her|this)?\s*", FLAGS
)
# "$10,000 of after-tax contributions", "5k in basis": the noun names what the sum is.
_MEASURE_LINKS = (["of"], ["in"], ["worth", "of"])
_LONGEST_MEASURE_LINK = max(map(len, _MEASURE_LINKS))
_FIRST_PERSON = CaseBlind.compile(r"\b(?:i|my|we|our)\b")
_LEFT_YEARLY = CaseBlind.compile(
    r"\b(?:annual(?:ly)?|yearly|per year|each year|every year)\b[^.,;]*$"
)


@dataclass(frozen=True, slots=True)
class Cue:
    """A phrase that can give an amount its role (payload of ``role_cues`` spans)."""

    role: str
    start: int
    end: int
    weak: bool = False
    label_only: bool = False


@dataclass(frozen=True, slots=True)
class RoleHit:
    """An amount read as a fact: ``start``/``end`` cover the cue and the amount."""

    key: str
    value: Decimal
    start: int
    end: int
    amount: Amount


@cache
def _cue_table() -> PatternSet[tuple[str, bool, bool]]:
    return PatternSet(
        (
            (raw["role"], bool(raw.get("weak")), bool(raw.get("label_only"))),
            FastRegex(rf"(?<![\w-])(?:{pattern})(?![\w])"),
        )
        for raw in load("roles")["cues"]
        for pattern in raw["patterns"]
    )


@cache
def _settings() -> dict[str, Any]:
    data = load("roles")
    return {
        "max_gap": int(data["max_gap"]),
        "separators": frozenset(data["separators"]),
        "directions": frozenset(data["directions"]),
        # a token that ends the reach of a cue: a separator, a direction or a stop
        "gap_stops": frozenset(
            [*data["separators"], *data["directions"], ".", "?", "!", ";", "\n"]
        ),
        "yearly": CaseBlind.compile(r"^\W{0,3}(?:" + compile_any(data["yearly"]).pattern + ")"),
        "topic": FastRegex(data["after_tax_topic"]),
        "ira": FastRegex(data["after_tax_ira"]),
        "limit": CaseBlind.compile(data["limit_words"]),
    }


def find_role_cues(text: str, finder: LiteralFinder | None = None) -> list[Cue]:
    """Every cue phrase in ``text`` (overlaps included; the pipeline keeps the longest)."""
    return [
        Cue(role, m.start(), m.end(), weak, label_only)
        for (role, weak, label_only), m in _cue_table().scan(text, finder or LiteralFinder(text))
    ]


# Cues farther than this from every amount (in characters) cannot bind to one.
CUE_REACH = 90


def find_role_cues_near(
    text: str, amounts: list[tuple[int, int]], finder: LiteralFinder | None = None
) -> list[Cue]:
    """The cues within reach of the given amounts (start, end); others cannot bind.

    The text is scanned once (sharing ``finder``'s word index with the other
    components) and cues outside every amount's reach are dropped.
    """
    regions: list[list[int]] = []
    for start, end in sorted(amounts):
        lo = text.rfind(" ", 0, max(0, start - CUE_REACH)) + 1
        hi = text.find(" ", min(len(text), end + CUE_REACH))
        hi = len(text) if hi == -1 else hi
        if regions and lo <= regions[-1][1]:
            regions[-1][1] = max(regions[-1][1], hi)
        else:
            regions.append([lo, hi])
    if not regions:
        return []
    starts = [lo for lo, _hi in regions]
    ends = [hi for _lo, hi in regions]
    cues = []
    for (role, weak, label_only), m in _cue_table().scan(text, finder or LiteralFinder(text)):
        start, end = m.span()
        i = bisect.bisect_right(starts, start) - 1
        if i >= 0 and end <= ends[i]:  # (a Cue is built only for the cues kept)
            cues.append(Cue(role, start, end, weak, label_only))
    return cues


# A chat reply this short, naming no other kind of money, is about the after-tax money
# the conversation is about ("my contributions are 30k").
SHORT_REPLY_WORDS = 25
_OTHER_MONEY = lazy_compile(r"pre[- ]?tax|before[- ]?tax|roth|\bira|deferr|traditional", FLAGS)


def about_after_tax(text: str, finder: LiteralFinder | None = None) -> bool:
    """True when the text talks about after-tax 401(k) money (not a post-tax IRA)."""
    settings = _settings()
    # (split at most that many times: a long text is told apart without splitting it all)
    short = len(text.split(None, SHORT_REPLY_WORDS)) <= SHORT_REPLY_WORDS
    if short and not _OTHER_MONEY.search(text):
        return True
    finder = finder or LiteralFinder(text)
    ira = [(m.start(), m.end()) for m in settings["ira"].finditer(text, finder)]
    return any(
        not any(a <= m.start() < b for a, b in ira)
        for m in settings["topic"].finditer(text, finder)
    )


def _gap_ok(doc: Doc, start: int, end: int, money_starts: list[int]) -> bool:
    """Tokens doc[start:end] lie between an amount and a cue: may they bind across?

    ``money_starts``: the first token of each amount, sorted (no cue binds across
    another; a look-up, not a pass over every amount, as a text may hold hundreds).
    """
    settings = _settings()
    if end - start > settings["max_gap"]:
        return False
    i = bisect.bisect_left(money_starts, start)
    if i < len(money_starts) and money_starts[i] < end:
        return False
    stops = settings["gap_stops"]
    for i in range(start, end):
        token = doc[i]
        if token.is_sent_start or token.lower_ in stops or "\n" in token.text:
            return False
    return True


# "Label: $X" at the start of a line (what is before the amount on its line).
_LABEL_LINE = lazy_compile(
    r"^\s*[-•*]?\s*(?P<label>[^:\n]{1,40}?)\s*:\s*(?:about\s+|approx\.?\s+|~)?$"
)


def _label_role(text: str, money: Span, cues: _Cues) -> str | Literal[False] | None:
    """For "Label: $X" lines: the label's role, None for an unknown label, False if no label."""
    money_start = money.start_char
    line_start = text.rfind("\n", 0, money_start) + 1
    if text.find(":", line_start, money_start) == -1:
        return False  # no colon, no label (most amounts)
    m = _LABEL_LINE.match(text[line_start:money_start])
    if not m:
        return False
    label_start = line_start + m.start("label")
    label_end = line_start + m.end("label")
    # the cue's own characters: its token span may run past the label ("401(k):")
    inside = []
    for _s, c in cues.items[bisect.bisect_left(cues.chars, label_start) :]:
        if c.start >= label_end:
            break
        if c.end <= label_end:
            inside.append(c)
    inside, label_end = _without_container(text, inside, label_end)
    if (
        len(inside) == 2
        and inside[0].role == "plan_total"
        and not text[inside[0].end : inside[1].start].strip()
    ):
        # "My 403b after tax balance: 17,300": the plan named first holds the money
        rest = text[label_start : inside[0].start] + " " + text[inside[1].end : label_end]
        return inside[1].role if not _FILLER.sub("", rest) else None
    if len(inside) != 1:
        return None
    cue = inside[0]
    rest = text[label_start : cue.start] + " " + text[cue.end : label_end]
    return cue.role if not _FILLER.sub("", rest) else None


def _cue_right_after(money: Span, cues: _Cues) -> Cue | None:
    """A cue naming a fact that starts right after the amount ("30k after-tax"), for an
    amount whose line label says nothing known."""
    k = bisect.bisect_left(cues.starts, money.end)
    if k == len(cues.items) or cues.starts[k] != money.end:
        return None
    cue = cues.items[k][1]
    if cue.weak or cue.label_only or cue.role in NOT_FACTS:
        return None
    return cue


def _without_container(text: str, cues: list[Cue], label_end: int) -> tuple[list[Cue], int]:
    """Drop a trailing "to my 401k" from a label: the plan holds the money, it is not
    what the amount is ("after-tax contributions to my 401k: $10,000").

    Returns the remaining cues and where the label now ends.
    """
    if len(cues) < 2 or cues[-1].role != "plan_total" or cues[-1].end != label_end:
        return cues, label_end
    if not _CONTAINER_LINK.fullmatch(text, cues[-2].end, cues[-1].start):
        return cues, label_end
    return cues[:-1], cues[-2].end


class _Cues:
    """The cues of one text, in text order and not overlapping, with their token
    offsets: the nearest ones to an amount are found by bisecting, not by a pass over
    every cue (a text may hold hundreds of amounts and cues)."""

    __slots__ = ("chars", "ends", "items", "starts")

    def __init__(self, items: list[tuple[Span, Cue]]) -> None:
        self.items = items
        self.starts = [span.start for span, _cue in items]
        self.ends = [span.end for span, _cue in items]
        self.chars = [cue.start for _span, cue in items]  # character offsets

    def neighbours(
        self, doc: Doc, money: Span, money_starts: list[int], topic: bool
    ) -> tuple[tuple[Span, Cue] | None, tuple[Span, Cue] | None]:
        """The nearest cue on each side of ``money`` that may bind it (weak ones only
        when ``topic``; each within the gap ``_gap_ok`` allows), or None."""
        max_gap = _settings()["max_gap"]
        items = self.items
        left = right = None
        for k in range(bisect.bisect_right(self.ends, money.start) - 1, -1, -1):
            span, cue = items[k]
            if money.start - span.end > max_gap:
                break  # too far to bind, as is every cue before it
            if not (cue.label_only or (cue.weak and not topic)):
                if _gap_ok(doc, span.end, money.start, money_starts):
                    left = items[k]
                break
        for k in range(bisect.bisect_left(self.starts, money.end), len(items)):
            span, cue = items[k]
            if span.start - money.end > max_gap:
                break
            if not (cue.label_only or (cue.weak and not topic)):
                if _gap_ok(doc, money.end, span.start, money_starts):
                    right = items[k]
                break
        return left, right


def _nearest(
    doc: Doc, money: Span, cues: _Cues, money_starts: list[int], topic: bool
) -> Cue | None:
    """The cue that binds ``money`` in prose, or None."""
    left, right = cues.neighbours(doc, money, money_starts, topic)
    options = []
    if left:
        options.append((money.start - left[0].end, 1, left[1]))
    if right:
        options.append((right[0].start - money.end, 0, right[1]))
    if not options:
        return None
    if right and right[1].role not in NOT_FACTS and _is_measure_of(doc, money.end, right[0].start):
        return right[1]  # "I made $10,000 of after-tax contributions": what the sum is of
    if left and right and _labels_next(doc, right[0].end, money_starts):
        return left[1]  # "basis 20k earnings 4k": "earnings" labels 4k, "basis" 20k
    # nearest first; on a tie a cue that names a fact beats "plan total" and friends
    options.sort(key=lambda o: (o[0], o[2].role in NOT_FACTS, o[1]))
    return options[0][2]


# Between a label and its amount: "earnings 4k", "earnings are 4k", "earnings: 4k".
_LABEL_LINKS = frozenset({"is", "are", "was", "were", "=", ":"})


def _labels_next(doc: Doc, cue_end: int, money_starts: list[int]) -> bool:
    """True when an amount follows the cue ending at token ``cue_end`` (at once, or after
    "is" or ":"): the cue labels that amount, not the one before it."""
    at = cue_end + 1 if cue_end < len(doc) and doc[cue_end].lower_ in _LABEL_LINKS else cue_end
    i = bisect.bisect_left(money_starts, at)
    return i < len(money_starts) and money_starts[i] == at


def _is_measure_of(doc: Doc, start: int, end: int) -> bool:
    """True when doc[start:end] is "of", "in" or "worth of": the noun after names the sum."""
    if not 0 < end - start <= _LONGEST_MEASURE_LINK:
        return False
    return [doc[i].lower_ for i in range(start, end)] in _MEASURE_LINKS


def bind_amounts(
    doc: Doc,
    text: str,
    monies: Iterable[tuple[Span, Amount]],
    cues: Iterable[tuple[Span, Cue]],
    *,
    rejected: re.Pattern[str] | None = None,
    finder: LiteralFinder | None = None,
) -> tuple[list[RoleHit], list[tuple[Span, Amount]]]:
    """Give each amount a role. Returns (facts read, amounts left without a role)."""
    money_list = list(monies)
    if not money_list:
        return [], []
    cue_list = list(cues)
    indexed = _Cues(cue_list)
    money_starts = sorted(s.start for s, _ in money_list)
    # the windows around each amount are searched in the lower-cased text when that
    # finds the same (faster; see nlu.context.lowered)
    lower = lower_is_exact(text)
    source = (finder.lower if finder else lower_same_length(text)) if lower else text
    refuse = _case_blind(rejected.pattern, rejected.flags) if rejected else None
    # whether the text is about after-tax money: only weak cues ask, so it is looked up
    # at the first amount that may bind to a cue, and only if a weak cue is there at all
    topic: bool | None = None
    hits: list[RoleHit] = []
    unbound: list[tuple[Span, Amount]] = []
    for span, amount in money_list:
        if rejected and _refused(rejected, refuse, text, source, lower, amount.start):
            continue  # "12k not 10k": 10k is the figure being replaced
        if _changed_from(source, amount):
            continue  # "salary went from 68k to 142k": 68k is what it used to be
        if _other_currency(text, amount):
            continue  # "CAD 120,000 in an RRSP", "£30k": money is US dollars
        role: str | None
        label = _label_role(text, span, indexed)
        cue_start = cue_end = None
        cue = None
        if label is False:
            if topic is None:
                weak = any(c.weak and not c.label_only for _s, c in cue_list)
                topic = weak and about_after_tax(text, finder)
            cue = _nearest(doc, span, indexed, money_starts, topic)
            role = cue.role if cue else None
            if cue:
                cue_start, cue_end = cue.start, cue.end
        else:
            role = label or None
            if label is None and (own := _cue_right_after(span, indexed)):
                cue = own  # "Old employer 401k: 30k after-tax": the amount's own words
                role, cue_start, cue_end = cue.role, cue.start, cue.end
        if (
            role == "after_tax_earnings"
            and cue_start is not None
            and cue_start > amount.start
            and _WHOLE_OF.search(source, max(0, amount.start - 40), amount.start)
        ):
            unbound.append((span, amount))
            continue  # "how much of the $12,345 is earnings?": the whole, not its earnings
        if role in (None, "plan_total"):
            # "TSP: $480k traditional, $60k Roth": the word right after names the money
            role = _kind_after(text, amount) or role
        # an amount with no role of its own, or whose cue is in the words taking the last
        # one back ("make that 32k": not "make" as in income)
        own_role = role not in (None, "plan_total") and not (
            hits and cue_start is not None and hits[-1].end <= cue_start < amount.start
        )
        if not own_role and (fixed := _taken_over(text, hits, amount)):
            hits[-1] = fixed  # "after-tax 40k, no wait, 45k": 45k replaces 40k
            continue
        if role is None:
            unbound.append((span, amount))
            continue
        cue_at = cue_start if cue_start is not None else amount.start
        if role in ("pretax_balance", "plan_total") and _MAXED.search(
            text, max(0, amount.start - 30), amount.start
        ):
            role = "employee_deferral"  # "I already max my 23k pretax": what I defer
        elif _near_a_limit(text, source, lower, min(cue_at, amount.start), amount.end):
            continue  # "the max. pre-tax amount ($17.5k)" is a legal limit
        lead_in = source[max(0, min(amount.start, cue_at) - 40) : min(amount.start, cue_at)]
        if role in IRA_ROLES and _CONTRIBUTED.on(lower).search(lead_in):
            continue  # "contributed the $5500 IRA": a contribution, not a balance
        if role in IRA_ROLES and _NOT_ELIGIBLE.on(lower).search(lead_in):
            continue  # "we make too much for a Roth IRA (350k)": an income, no account
        if role == "after_tax_earnings" and _A_YEARS_WORTH.match(text, amount.end):
            continue  # "the account earned 2k last year": that year's, not all earnings
        if role == "after_tax_total" and _PUT_IN.on(lower).search(lead_in):
            role = "after_tax_contributions"  # "I've put in 25k after tax": what went in
        if role == "after_tax_contributions" and cue and cue.weak and _ira_sentence(text, amount):
            continue  # "opened my first Roth IRA in 2021, contributed 6k": not the plan's
        yearly = _yearly(source, lower, amount) or (
            # "$6,500 after-tax each year": the yearly words may follow the cue
            cue is not None
            and cue_end is not None
            and 0 <= cue.start - amount.end <= 1
            and bool(_settings()["yearly"].on(lower).match(source[cue_end : cue_end + 24]))
        )
        if role == "pretax_balance" and _PUT_IN.on(lower).search(lead_in):
            if not yearly:
                continue  # "I put in $23,000 pre-tax and ... each year": paid in, no balance
            role = "employee_deferral"  # "I put in $19,000 a year pre-tax"
        if role in ("after_tax_contributions", "after_tax_total") and _one_years_payment(
            text, amount
        ):
            yearly = True  # "In 2024 I contributed $6,000 after-tax": that year's flow
        if role == "employee_deferral" and not (yearly or _FIRST_PERSON.on(lower).search(lead_in)):
            continue  # "a full $17.5k deferral" in someone's example is not the asker's
        key = _key_for(role, yearly, source, lower)
        if key is None:
            if role == "plan_total":
                unbound.append((span, amount))  # may still be the after-tax sum
                # or the whole account beside its after-tax part (Reading.plan_total: the
                # pretax money follows from it, and it is no fact of its own)
                hits.append(RoleHit(PLAN_TOTAL, amount.value, amount.start, amount.end, amount))
            continue
        start = min(amount.start, cue_start if cue_start is not None else amount.start)
        end = max(amount.end, cue_end if cue_end is not None else amount.end)
        hits.append(RoleHit(key, amount.value, start, end, amount))
    return hits, unbound


# Between an amount and the one that replaces it: "40k, no wait, 45k", "40k - I mean 45k".
_SAYS_INSTEAD = lazy_compile(
    r"\W*(?:no,? wait|wait|no|sorry|oops|i mean|i meant|make (?:that|it)|correction|actually)"
    r"\W*(?:(?:it'?s|it is|more like)\s+)?",
    FLAGS,
)


def _taken_over(text: str, hits: list[RoleHit], amount: Amount) -> RoleHit | None:
    """The fact read just before ``amount``, with its value, when the words between
    them take it back ("after-tax 40k, no wait, 45k"); else None."""
    if not hits or hits[-1].amount.end > amount.start:
        return None
    last = hits[-1]
    # after the amount, or after its cue when the cue follows it ("40k after-tax, sorry")
    if not _SAYS_INSTEAD.fullmatch(text, max(last.amount.end, last.end), amount.start):
        return None
    return RoleHit(last.key, amount.value, last.start, amount.end, amount)


# "how much of the $12,345.67 is earnings?", "what part of my 20k is growth?": the amount is
# the whole the question divides
_WHOLE_OF = lazy_compile(
    r"\b(?:how much|what (?:part|portion|share|percent(?:age)?)|which part) of "
    r"(?:the |my |that |this |those |his |her |our )?(?:about |around |roughly |~)?\$?$",
    FLAGS,
)


# "went from 68k when I started to about 142k now": the figure a change started from. The
# words before are only "from" (and a rough-amount word); a "to" and another figure follow
# in the same clause. "rolled $10k from the 401k to a Roth" is not one: no second figure.
_FROM_BEFORE = lazy_compile(r"\bfrom (?:about |around |roughly |~)?\$?$", FLAGS)
_TO_FIGURE_AFTER = lazy_compile(
    r"^[^.;!?\n]{0,40}?\bto (?:about |around |roughly |over |~)?\$?\d", FLAGS
)


def _changed_from(source: str, amount: Amount) -> bool:
    """True when the amount is where a change began ("from 68k ... to 142k")."""
    before = source[max(0, amount.start - 16) : amount.start]
    if "from" not in before.lower():
        return False
    return bool(
        _FROM_BEFORE.search(before) and _TO_FIGURE_AFTER.match(source[amount.end : amount.end + 50])
    )


# "max my 23k pretax", "maxing out the $23,000": the amount is the deferral that is maxed
# ("Maxing pretax 23,500": the kind may stand between the verb and the amount)
_MAXED = lazy_compile(
    r"\b(?:max|maxing|maxed)(?: out)? "
    r"(?:(?:my|our|the|a full)\s*|(?:my |our |the )?(?:pre|before)[- ]?tax\s+)$",
    FLAGS,
)
# A payment into the plan tied to one year: "In 2024 I contributed $6,000 after-tax",
# "Put $7,500 after-tax into the 401k in 2024". "since 2015" dates a span, not a year.
_PAID_IN = lazy_compile(
    r"\b(?:contribute[ds]?|contributing|put|added|deposited|saved|paid in)\b", FLAGS
)
_ONE_YEAR = lazy_compile(
    r"\b(?:in|for|during) (?:tax year )?(?:19[89]\d|20\d\d)\b(?!\s*(?:-|to|through|and) )"
    r"|\blast year\b",
    FLAGS,
)
_SENTENCE_BREAK = lazy_compile(r"[.!?\n]\s")
_IRA_WORD = lazy_compile(r"\b(?:roth ira|iras?|tira|rira)\b", FLAGS)
_PLAN_WORD = lazy_compile(r"401\(?k|403\(?b|457|\bplan\b|\btsp\b|after[- ]?tax", FLAGS)


# How far from an amount its rough sentence reaches, at most (characters): a text
# without full stops is not searched whole for each of its amounts.
SENTENCE_REACH = 300


def _sentence_of(text: str, amount: Amount) -> tuple[int, int]:
    """Rough bounds of the sentence holding ``amount`` (its own full stops aside)."""
    lo = max(0, amount.start - SENTENCE_REACH)
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text, lo, amount.start)]
    start = breaks[-1] if breaks else lo
    hi = min(len(text), amount.end + SENTENCE_REACH)
    after = _SENTENCE_BREAK.search(text, amount.end, hi)
    return start, after.start() + 1 if after else hi


def _one_years_payment(text: str, amount: Amount) -> bool:
    """True when the sentence pays the amount in and ties it to one year."""
    start, end = _sentence_of(text, amount)
    return bool(
        _PAID_IN.search(text, start, amount.start) or _PAID_IN.search(text, amount.end, end)
    ) and bool(_ONE_YEAR.search(text, start, end))


def _ira_sentence(text: str, amount: Amount) -> bool:
    """True when the words before the amount in its sentence are about an IRA, not the
    plan, or the amount goes straight into an IRA ("contributed $7,000 to my Roth IRA")."""
    start, _end = _sentence_of(text, amount)
    before = text[start : amount.start]
    if _INTO_AN_IRA.match(text, amount.end):
        return True
    return bool(_IRA_WORD.search(before)) and not _PLAN_WORD.search(before)


# Right after an amount paid in: an IRA receives it ("$7,000 to my Roth IRA this year").
_INTO_AN_IRA = lazy_compile(
    r"\s*(?:in)?to (?:(?:my|our|his|her|their|a|an|the) )?"
    r"(?:(?:new|own|existing|first|roth|traditional|trad|backdoor|spousal) ){0,3}"
    r"(?:iras?|tira|rira)\b",
    FLAGS,
)


_OTHER_CURRENCY_BEFORE = lazy_compile(
    r"(?:\b(?:cad|aud|gbp|eur|jpy|inr|chf|nzd|mxn|rs\.?)|c\$|a\$|£|€|¥|₹)\s*$", FLAGS
)
_OTHER_CURRENCY_AFTER = lazy_compile(
    r"^\s*(?:cad|aud|gbp|eur|euros?|pounds?|jpy|yen|inr|rupees?|chf|nzd|mxn|pesos?)\b", FLAGS
)


def _other_currency(text: str, amount: Amount) -> bool:
    """True when the amount is in another currency."""
    before = text[max(0, amount.start - 5) : amount.start]
    after = text[amount.end : amount.end + 10]
    return bool(_OTHER_CURRENCY_BEFORE.search(before) or _OTHER_CURRENCY_AFTER.match(after))


# "$480k traditional", "60k Roth" (not "Roth IRA", "Roth conversion"): in a text about the
# plan, the bare word right after an amount says which part of the plan it is.
_KIND_AFTER = lazy_compile(
    # "$350k, all pre-tax", "$410k all pretax": the whole of it is that kind
    r"[ \t]*(?:,?[ \t]*(?:all|entirely|100%)[ \t]+)?"
    # ("AT", capitals only: reddit's "35k AT in 401k" is after-tax money)
    r"(?:(?P<pre>traditional|pre[- ]?tax)|(?P<roth>roth)|(?P<after>(?-i:AT)))\b"
    r"(?!\s*(?:ira|roth|conver\w*|contribut\w*|401|403|457))",
    FLAGS,
)


_MOVED = lazy_compile(
    r"\b(?:convert\w*|roll\w*|mov\w*|transfer\w*|withdr\w*|take|taking|pull\w*)\s+"
    r"(?:about |around |roughly |~)?\$?$",
    FLAGS,
)
_EMPLOYER_PLAN = lazy_compile(r"401\(?k|403\(?b|457|\btsp\b", FLAGS)


def _kind_after(text: str, amount: Amount) -> str | None:
    m = _KIND_AFTER.match(text, amount.end, min(len(text), amount.end + 24))
    if m is None or not _EMPLOYER_PLAN.search(text):
        return None
    if _MOVED.search(text, max(0, amount.start - 30), amount.start):
        return None  # "converting 20k traditional to Roth": a move, not a balance
    if m.group("after"):
        return "after_tax_total"
    return "pretax_balance" if m.group("pre") else "roth_bare"


def yearly_marker(text: str, amount: Amount) -> bool:
    """True when the amount is a yearly figure ("$20k a year", "annual ... of $8k")."""
    lower = lower_is_exact(text)
    return _yearly(lower_same_length(text) if lower else text, lower, amount)


def _yearly(source: str, lower: bool, amount: Amount) -> bool:
    """:func:`yearly_marker` on ``source``, the text or (``lower``) its lower case."""
    if _settings()["yearly"].on(lower).match(source[amount.end : amount.end + 24]):
        return True
    before = source[max(0, amount.start - 40) : amount.start]
    # every yearly word holds "year" or "annual" (none of their letters has an odd case)
    folded = before if lower else before.lower()
    return ("year" in folded or "annual" in folded) and bool(_LEFT_YEARLY.on(lower).search(before))


def _refused(
    rejected: re.Pattern[str],
    blind: CaseBlind | None,
    text: str,
    source: str,
    lower: bool,
    start: int,
) -> bool:
    """True when the words before ``start`` mark the amount as the wrong one."""
    if blind is not None and lower:
        return bool(blind.lower.search(source[max(0, start - 20) : start]))
    return bool(rejected.search(text[max(0, start - 20) : start]))


@cache
def _case_blind(pattern: str, flags: int) -> CaseBlind | None:
    """A caller's pattern as a CaseBlind; None when it is case-sensitive."""
    return CaseBlind.compile(pattern, flags) if flags & re.IGNORECASE else None


def _near_a_limit(text: str, source: str, lower: bool, start: int, end: int) -> bool:
    """True when a limit word sits just before the cue or just after the amount.

    ``source`` is ``text`` or (``lower``) its lower case: the words are searched there,
    the stops in ``text`` (a stop is a full stop before a capital letter).
    """
    limit = _settings()["limit"].on(lower)
    reach = len(_LIMIT_LEFT_STOP.split(text[max(0, start - 24) : start])[-1])
    before = source[start - reach : start]
    after = _LIMIT_RIGHT_STOP.split(source[end : end + 16], 1)[0]
    return bool(limit.search(before) or limit.search(after))


# How far a limit word reaches: not past these (see _near_a_limit).
_LIMIT_LEFT_STOP = lazy_compile(r"[,;?!\n]|\.\s+(?=[A-Z])")
_LIMIT_RIGHT_STOP = lazy_compile(r"[,;.?!\n]")


def _key_for(role: str, yearly: bool, source: str, lower: bool) -> str | None:
    """The Facts key for a role, given whether the amount is a yearly figure.

    ``source`` is the text or (``lower``) its lower case.
    """
    if role in NOT_FACTS:
        return None
    if role == "roth_bare":
        role = "roth_401k_balance" if _ROTH_IN_PLAN.on(lower).search(source) else ""
        if not role:
            return None
    if role in ("after_tax_contributions", "after_tax_total") and yearly:
        return "annual_after_tax_contribution"  # "$20,000 a year after-tax" is a flow
    if role in BALANCE_ROLES and yearly:
        return None  # "$5K for this year" is a flow, not a balance
    return role
