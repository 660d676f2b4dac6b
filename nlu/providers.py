"""Plan providers and plan types.

Providers come from ``patterns/providers.yaml``: canonical names with the aliases and
misspellings people use ("TROWE", "Fido", "NetBenefits"). Each mention is linked to the
employer plan ("My 401K is with TROWE"), to an IRA ("set up a Roth IRA with TROWE"), or
to neither, by the nearest account word in its sentence. Only a plan link, or a neutral
mention of a provider never tied to an IRA, makes it the plan's provider.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from nlu.context import Sentences, lowered
from nlu.data import FLAGS, load
from nlu.matching import FastRegex, LiteralFinder, PatternSet, lazy_compile

# How far (in characters) an account word may be from a mention to link it.
LINK_REACH = 80
# Longer than any account word: a word starting this far outside the reach cannot end
# inside it.
LINK_MARGIN = 40


@dataclass(frozen=True, slots=True)
class ProviderHit:
    """A provider mention; ``link`` is "plan", "ira" or "neutral"."""

    name: str
    start: int
    end: int
    link: str
    needs_plan_link: bool = False
    stated: bool = False  # the text says which account the firm keeps ("401k is with")


@cache
def _aliases() -> PatternSet[tuple[str, bool]]:
    table: list[tuple[tuple[str, bool], FastRegex]] = []
    for provider in load("providers")["providers"]:
        name = provider["name"]
        for alias in provider.get("aliases", []):
            table.append(((name, False), FastRegex(rf"(?<![\w.-])(?:{alias})(?![\w-])")))
        for word in provider.get("exact", []):
            pattern = rf"(?<![\w.-]){re.escape(word)}(?![\w-])"
            table.append(((name, True), FastRegex(pattern, 0)))
    return PatternSet(table)


@cache
def _link_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = load("providers")
    return re.compile(data["plan_words"], FLAGS), re.compile(data["ira_words"], FLAGS)


@cache
def _lower_link_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """:func:`_link_words` for the lower-cased text (``nlu.context.lowered``)."""
    data = load("providers")
    return lowered(data["plan_words"]), lowered(data["ira_words"])


def _distance(start: int, end: int, m: re.Match[str]) -> int:
    if m.end() <= start:
        return start - m.end()
    if m.start() >= end:
        return m.start() - end
    return 0


# An account word and "is with" / "at" right before a firm: "my plan is with", "Roth IRA
# at" - the text says which account the firm keeps. (Not "I work at": an employer.)
_HELD_AT = lazy_compile(
    r"(?:(?P<ira>\biras?\b|\brira\b|\btira\b|\broth (?:ira|account)|\bbrokerage)|"
    r"(?P<plan>401\(?k\)?|403\(?b\)?|457\(?b\)?|\btsp\b|\bplan\b|after[- ]?tax))"
    r"(?:\s+(?:account|plan|balance|money|funds))?\s+"
    r"(?:(?:is|are|was|were)\s+(?:(?:still|now|currently|also|all)\s+)?)?"
    r"(?:with|at|through|thru|held (?:at|with|by)|managed by|administered by|run by|via)"
    r"\s+(?:the\s+)?$",
    FLAGS,
)


# Right after a firm, the plan it keeps: "Fidelity 401k", "TIAA 403(b)", "Empower plan".
_NAMES_THE_PLAN = lazy_compile(
    r"(?:'s)?\s+(?:401\(?k\)?|403\(?b\)?|457\(?b\)?|(?:retirement |401k |workplace )?plan\b)",
    FLAGS,
)


@cache
def _names_an_account() -> re.Pattern[str]:
    """Right after a firm, the person's own account it keeps (providers.yaml's
    ``own_account_after``): "my Schwab account", "a Vanguard brokerage"."""
    words = sorted(load("providers")["own_account_after"], key=len, reverse=True)
    return re.compile(r"(?:'s)?\s+(?:" + "|".join(map(re.escape, words)) + r")\b", FLAGS)


# The last word of each of _HELD_AT's links, for a quick look first (keep the two alike).
_HELD_AT_TAIL = lazy_compile(r"\b(?:with|at|through|thru|by|via)\s+(?:the\s+)?$", FLAGS)
# How far before a firm its account word and "is with" may start (characters).
HELD_AT_REACH = 50


def link_of(sentences: Sentences, start: int, end: int) -> tuple[str, bool]:
    """("plan", "ira" or "neutral", stated) for a provider mention at ``start:end``: the
    account the text says the firm keeps ("my plan is with Fidelity but my Roth IRA is at
    Vanguard"; stated), else the nearest account word."""
    s_start, _s_end = sentences.bounds(start)
    text = sentences.text
    # (the full search only when "with", "at", "by" ... is right before the firm)
    held = _HELD_AT_TAIL.search(text, max(s_start, start - 15), start) and _HELD_AT.search(
        text, max(s_start, start - HELD_AT_REACH), start
    )
    if held:
        return ("ira" if held.group("ira") else "plan"), True
    if _NAMES_THE_PLAN.match(text, end):
        return "plan", True  # "my workplace Fidelity 401k": the firm's name on the plan
    if _names_an_account().match(text, end):
        return "ira", True  # "my schwab account": the person's own account there
    return _nearest_link(sentences, start, end), False


def _nearest_link(sentences: Sentences, start: int, end: int) -> str:
    """The kind of the account word nearest to ``start:end`` in its sentence."""
    s_start, s_end = sentences.bounds(start)
    if sentences.lower_from(s_start):  # the same matches, found faster
        plan_words, ira_words = _lower_link_words()
        text, shift = sentences.lower, 0
    else:
        plan_words, ira_words = _link_words()
        text, shift = sentences.text[s_start:s_end], s_start
        s_start, s_end = 0, len(text)
    start, end = start - shift, end - shift
    # only words within reach are searched (a sentence naming a firm hundreds of times
    # was searched whole for each mention); the margin holds any account word
    lo = max(s_start, start - LINK_REACH - LINK_MARGIN)
    hi = min(s_end, end + LINK_REACH + LINK_MARGIN)
    best: tuple[int, int, str] | None = None
    for rank, (kind, pattern) in enumerate((("ira", ira_words), ("plan", plan_words))):
        for m in pattern.finditer(text, lo, hi):
            if m.start() - end > LINK_REACH:
                break  # every later word is farther still
            d = _distance(start, end, m)
            if d <= LINK_REACH and (best is None or (d, rank) < best[:2]):
                best = (d, rank, kind)
    return best[2] if best else "neutral"


# After a capitalised word opening a sentence, words that make it the firm: "Principal is
# my 401k provider", "Empower is our record keeper".
_NAMED_AS_FIRM = lazy_compile(
    r" (?:is|was|has been) (?:my|our|the) (?:[\w()]+ ){0,2}?"
    r"(?:provider|record ?keeper|recordkeeper|administrator|custodian|company)\b",
    re.IGNORECASE,
)


# Words just before a firm that make it a former one, or not the one: "Empower (used to be
# Prudential)", "formerly Prudential", "we switched from Fidelity to Vanguard", "Vanguard,
# not Fidelity".
_FORMER = lazy_compile(
    r"(?:\bused to be(?: with| at| through)?|\bformerly(?: with| at)?|"
    r"\bpreviously(?: with| at)?|\b(?:switched|moved|changed) from|"
    # a firm taken back: "oops it's Vanguard not Fidelity", "rather than Schwab"
    r"\bnot|\brather than|\binstead of)\s*$",
    re.IGNORECASE,
)
# "was" makes a firm a former one only when another firm is named as well ("it was
# Fidelity but now it's Empower"): alone, "it was Fidelity" is said by people who left.
_WAS = lazy_compile(r"\b(?:was|were)(?: with| at| through)?\s*$", re.IGNORECASE)
# How far before a firm's name (characters) the words above are looked for.
FORMER_CONTEXT = 30


def current_firms(text: str, hits: list[ProviderHit]) -> list[ProviderHit]:
    """The firms in ``hits`` that are not described as former ones."""

    def before(hit: ProviderHit) -> tuple[str, int, int]:
        return text, max(0, hit.start - FORMER_CONTEXT), hit.start

    kept = [h for h in hits if not _FORMER.search(*before(h))]
    if len({h.name for h in kept}) > 1:
        named_now = [h for h in kept if not _WAS.search(*before(h))]
        kept = named_now or kept
    return kept


# After a firm's name: its funds, not the firm keeping an account ("institutional
# Vanguard funds", "Fidelity index fund", "a Vanguard target date fund").
_FUND_FAMILY = lazy_compile(
    r"(?:'s)?\s+(?:(?:institutional|index|target(?:[- ]date)?|total|admiral|low[- ]cost|"
    r"s&p 500|500|retirement)\s+){0,3}(?:funds?|etfs?|index(?:es)?|shares)\b",
    re.IGNORECASE,
)


# Just before a firm: words that make it an example ("trustees like Fidelity"), a source
# ("including Kitces and Vanguard", "according to Schwab"), the firm of a fund bought
# ("an index fund through Vanguard") or where money went ("Checks were sent to Vanguard",
# "moved from one firm to another (eg. American Century to Vanguard)"); not where a plan
# moved ("our 401(k) moved to Alight" names its new firm).
_NOT_THE_KEEPER = lazy_compile(
    r"(?:\blike|\bsuch as|\be\.?g\.?,?|\bincluding(?: \w+ and)?|\bper|\baccording to|"
    r"\bfunds? (?:through|thru|at|from)|"
    r"\b(?:checks? (?:were |was )?(?:sent|mailed|made out)|mailed|deposited|payable)"
    r"(?: \w+){0,2} (?:to|into)|\be\.?g\.?[^).?!]{1,40}\bto)\s*$",
    re.IGNORECASE,
)
# Right after a firm: it is cited, not keeping anything ("Fidelity seems to say that this is
# not true", "Vanguard's article"); and a firm's name inside a web address.
_A_SOURCE = lazy_compile(
    r"(?:'s)?\s+(?:seems? to (?:say|suggest|think|claim)|writes|wrote|claims|"
    r"(?:article|website|web site|viewpoints|blog|faq)\b)",
    re.IGNORECASE,
)
_IN_AN_ADDRESS = lazy_compile(r"(?:://|www\.)[\w.-]*$", re.IGNORECASE)
# Right after a firm's name: the firm is spoken to, not said to keep anything ("I want to
# take my money out of there and convert into a Roth IRA. Fidelity can you help me?",
# batch_e be009): which account it would keep is unclear.
_ADDRESSED = lazy_compile(r",?\s+(?:can|could|would|will) you\b", re.IGNORECASE)
# How far before a firm (characters) those words are looked for.
NOT_THE_KEEPER_REACH = 90
_NONDISCRIMINATION_TEST = lazy_compile(
    r"\bacp\b|\bsafe harbou?rs?\b|\badp (?:test|testing|limit|results?)\b", re.IGNORECASE
)


def find_providers(sentences: Sentences, *, answer: bool = False) -> list[ProviderHit]:
    """Every provider mention in the text, with its link.

    ``answer``: the text answers "who runs your plan?", so a name opening it is the firm.
    """
    hits: list[ProviderHit] = []
    text = sentences.text
    for (name, exact), m in _aliases().scan(text, sentences.finder):
        if (
            exact
            and not answer
            and sentences.bounds(m.start())[0] == m.start()
            and not _NAMED_AS_FIRM.match(text, m.end())
        ):
            continue  # "Principal ..." opening a sentence is the word, not the firm
        if _FUND_FAMILY.match(text, m.end()):
            continue  # "Vanguard funds", "Fidelity index funds": what the plan holds
        if _A_SOURCE.match(text, m.end()) or _IN_AN_ADDRESS.search(
            text, max(0, m.start() - 12), m.start()
        ):
            continue  # "Fidelity seems to say", "www.fidelity.com/viewpoints": a source
        if _ADDRESSED.match(text, m.end()):
            continue  # "Fidelity can you help me?": spoken to, not said to keep the plan
        if _NOT_THE_KEEPER.search(text, max(0, m.start() - NOT_THE_KEEPER_REACH), m.start()):
            continue  # an example, a source, or where money was sent: not the plan's firm
        if name == "ADP" and _NONDISCRIMINATION_TEST.search(
            text, max(0, m.start() - 20), m.end() + 30
        ):
            continue  # "the ADP and ACP safe harbors": the deferral test, not the firm
        link, stated = link_of(sentences, m.start(), m.end())
        hits.append(ProviderHit(name, m.start(), m.end(), link, exact, stated))
    hits.sort(key=lambda h: (h.start, -h.end))
    kept: list[ProviderHit] = []
    for hit in hits:  # two aliases matching the same words: keep the longer
        if not kept or hit.start >= kept[-1].end:
            kept.append(hit)
    return kept


def plan_provider(hits: list[ProviderHit], text: str = "") -> ProviderHit | None:
    """The plan's provider: the most named plan-linked one, else an unlinked one.

    Precision first (a wrong firm sends the person to the wrong company): a firm the text
    also ties to an IRA ("my Roth IRA at Vanguard ... Vanguard rep") keeps the plan only
    where the text says so ("my 401k is with Vanguard"); where the text names the plan's
    provider apart from the firms ("my 401(k) provider and Fidelity"), the firm is left
    for the bot to ask.
    """
    plan_words, ira_words = _link_words()
    if text and not plan_words.search(text) and ira_words.search(text):
        # IRAs and no plan at all: "I called Vanguard" about a backdoor Roth IRA (a short
        # reply naming only a firm, "oops it's Vanguard not Fidelity", still answers)
        return None
    ira_named = {h.name for h in hits if h.link == "ira"}
    unnamed_provider = bool(text) and bool(_PROVIDER_UNNAMED.search(text))
    plan = [
        h
        for h in hits
        if h.link == "plan" and (h.stated or (h.name not in ira_named and not unnamed_provider))
    ]
    if plan:
        # a firm said to keep the plan beats one that is only near a plan word ("I work
        # at Fidelity but my 401k is administered by Alight")
        return _most_named([h for h in plan if h.stated] or plan)
    if unnamed_provider:
        return None  # the plan's firm is named apart from every firm in the text
    neutral = [
        h for h in hits if h.link == "neutral" and not h.needs_plan_link and h.name not in ira_named
    ]
    return _most_named(neutral) if neutral else None


# "my 401(k) provider and Fidelity", "either my 401K plan provider or Schwab": the plan's
# firm is named apart from the firm in the text, so that firm keeps something else.
_PROVIDER_UNNAMED = lazy_compile(
    r"\b(?:my|our|the)\s+(?:401\(?k\)?|403\(?b\)?|457\(?b\)?|plan|employer'?s?)"
    r"(?:\s+plan)?\s+(?:provider|record ?keeper|administrator)\s+(?:and|or|&|to)\s+[A-Z]",
)


def _most_named(hits: list[ProviderHit]) -> ProviderHit | None:
    counts = _counts(h.name for h in hits)
    top = max(counts.values())
    leaders = {name for name, n in counts.items() if n == top}
    if len(leaders) > 1 and len({h.name for h in hits}) > 1 and top == 1:
        return None  # two providers named once each: cannot tell which keeps the plan
    return next(h for h in hits if h.name in leaders)


@cache
def _plan_patterns() -> PatternSet[str]:
    return PatternSet(
        (plan, FastRegex(pattern))
        for plan, patterns in load("plans")["plans"].items()
        for pattern in patterns
    )


def find_plan_types(text: str, finder: LiteralFinder | None = None) -> list[tuple[int, int, str]]:
    """(start, end, plan type) for every mention of 401(k), 403(b), 457(b), TSP."""
    finder = finder or LiteralFinder(text)
    hits = [(m.start(), m.end(), plan) for plan, m in _plan_patterns().scan(text, finder)]
    hits.sort()
    return hits


def main_plan_type(hits: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    """The plan type named most often; a tie goes to the one named first."""
    if not hits:
        return None
    counts = _counts(plan for _, _, plan in hits)
    top = max(counts.values())
    return next(h for h in hits if counts[h[2]] == top)


def _counts(names: Iterable[str]) -> dict[str, int]:
    """How often each name occurs (``Counter`` costs more on the few names a text has)."""
    counts: dict[str, int] = {}
    for name in names:
        counts[name] = counts.get(name, 0) + 1
    return counts
