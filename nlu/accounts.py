"""Account mentions, whose they are, and the figures bound to them (issue 11).

A first pass tags each mention of an account - the employer plan, its after-tax source, a
designated Roth account, a Roth IRA, a traditional IRA - with spaCy's ``Matcher`` over the
shared vocabulary (``patterns/vocabulary.yaml``, tagged into the tokens' ``NORM`` by
``nlu.implied``), from the token patterns of ``patterns/accounts.yaml``. Each mention is a
span of ``doc.spans["accounts"]`` (label: the account kind) whose payload says whose
account it is ("my", "her", "client's": self, spouse, other, unknown).

Small named rules of the same file then bind a figure to the mention it is said to be in
("$17,897.40 of non-deducted income in my traditional IRA", "IRA worth $310k"); each
binding is a span of ``doc.spans["account_figures"]`` over the figure (label: the rule).
``nlu.assemble`` leaves out a figure whose bound account is not the account its role names
(:func:`account_clash`): a wrong fact is worse than a question.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from nlu.data import load
from nlu.gating import longest_match
from nlu.implied import TAGGED, token_specs
from nlu.pipeline import longest_first

# The kinds of account a mention may be (``accounts.yaml`` ``kind``).
PLAN, ROTH_PLAN, ROTH_IRA, IRA = "plan", "roth_plan", "roth_ira", "ira"
IRA_KINDS = frozenset({IRA, ROTH_IRA})
# Not an account: the employer, whose plan a text naming it speaks of.
EMPLOYER = "employer"
# How far past a tagged phrase a combined mention pattern may reach (tokens): the longest
# vocabulary phrase (4) and one word.
WINDOW = 6
# Sentence and clause ends a binding never crosses.
_ENDS = frozenset({".", "?", "!", ";", "\n", "\n\n"})


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of an account: its kind, whose it is, and its tokens."""

    kind: str
    owner: str  # "self", "spouse", "third" (his, her), "other" or "unknown"
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Bound:
    """A figure (tokens ``start``-``end``) bound to ``mention`` by the rule ``rule``."""

    rule: str
    mention: Mention
    destination: bool = False  # the account the figure goes to, not the one it is in


@dataclass(frozen=True, slots=True)
class _Bind:
    id: str
    direction: str  # "after": the mention follows the figure; "before": it precedes it
    links: frozenset[str]
    reach: int
    stop: frozenset[str]
    destination: bool


class Accounts:
    """The mention patterns and the binding rules, built once for a pipeline's vocab."""

    def __init__(self, nlp: Language) -> None:
        data = load("accounts")
        self.matcher = Matcher(nlp.vocab)
        self.kind: dict[str, str] = {}
        # a pattern that is one vocabulary class ("$PLAN") is that class's tagged phrases:
        # read from the tagging pass, not matched again; the others, in the Matcher, run
        # only in a text holding every class one of them names
        self.of_class: dict[str, str] = {}
        self.needs: list[frozenset[str]] = []
        for entry in data["mentions"]:
            self.kind[entry["id"]] = entry["kind"]
            for spec in entry["patterns"]:
                if len(spec) == 1 and isinstance(spec[0], str) and spec[0].startswith("$"):
                    self.of_class[spec[0][1:]] = entry["kind"]
                    continue
                self.matcher.add(entry["id"], [[t for s in spec for t in token_specs(s)]])
                self.needs.append(frozenset(s[1:].rstrip("?") for s in spec if isinstance(s, str)))
        # account words as the tokenizer leaves them glued to punctuation, and plurals
        self.glued = PhraseMatcher(nlp.vocab, attr="LOWER")
        glued = data["glued"]
        for kind, stems in glued["stems"].items():
            # (the tokenizer splits a full stop after a lower-case letter, not after a
            # capital: "401k." is two tokens, "401K." one; both spellings are made)
            phrases = {
                spelled + mark
                for stem in stems
                for spelled in (stem, stem.upper())
                for mark in glued["punct"]
            }
            phrases.update(glued["plain"].get(kind, ()))
            self.glued.add(kind, [nlp.make_doc(p) for p in sorted(phrases)])
        self.combined = frozenset().union(*self.needs)
        owners = data["owners"]
        self.owner_reach = int(owners["reach"])
        self.owner_of = {
            word: who for who in ("self", "spouse", "third", "other") for word in owners[who]
        }
        self.describing = frozenset(owners["describing"])
        self.paying_in = frozenset(data["paying_in"])
        self.binds = tuple(
            _Bind(
                raw["id"],
                raw["direction"],
                frozenset(raw["links"]),
                int(raw["reach"]),
                frozenset(raw.get("stop", ())),
                bool(raw.get("destination", False)),
            )
            for raw in data["binds"]
        )

    def mentions(self, doc: Doc) -> list[Mention]:
        """The account mentions of ``doc`` (its vocabulary tagged), longest first where
        two overlap, in text order."""
        tagged = doc.user_data.get(TAGGED)
        if tagged is None:
            return []  # (no vocabulary phrase was tagged: ``nlu.implied`` runs first)
        strings = doc.vocab.strings
        kind = self.kind
        of_class = self.of_class
        # (tuples, not Span objects: a long post holds dozens of mentions)
        found = [
            (span.start, span.end, of_class[span.label_], None)
            for span in tagged[0]
            if span.label_ in of_class
        ]
        present = {span.label_ for span in tagged[0]}
        if any(needed <= present for needed in self.needs):
            # (the Matcher makes a Token object for every position it is run on: it runs
            # on the stretches after each tagged phrase a combined pattern may start with)
            for first, last in self._windows(doc, tagged[0]):
                found += [
                    (first + start, first + end, kind[strings[match_id]], None)
                    for match_id, start, end in self.matcher(doc[first:last])
                ]
        found += [(start, end, strings[match_id], None) for match_id, start, end in self.glued(doc)]
        return [
            Mention(label, self._owner(doc, start), start, end)
            for start, end, label, _none in longest_first(found)
        ]

    def _windows(self, doc: Doc, phrases: list[Any]) -> list[tuple[int, int]]:
        """Token stretches (merged where they overlap) from each tagged phrase of a class a
        combined pattern needs to ``WINDOW`` tokens past its end."""
        windows: list[tuple[int, int]] = []
        for span in phrases:
            if span.label_ not in self.combined:
                continue
            last = min(len(doc), span.end + WINDOW)
            if windows and span.start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], max(windows[-1][1], last))
            else:
                windows.append((span.start, last))
        return windows

    def pays_in(self, doc: Doc, start: int, end: int) -> bool:
        """True when tokens ``start``-``end`` say money is paid in ("I contribute")."""
        return any(token.lower_ in self.paying_in for token in doc[start:end])

    def _owner(self, doc: Doc, start: int) -> str:
        """Whose account a mention starting at token ``start`` is: the first owner word
        walking back over describing words."""
        for token in reversed(doc[max(0, start - self.owner_reach - 1) : start]):
            who = self.owner_of.get(token.lower_)
            if who is not None:
                return who
            if token.lower_ not in self.describing:
                break
        return "unknown"

    def bind(
        self, doc: Doc, amounts: list[tuple[int, int]], mentions: list[Mention]
    ) -> list[tuple[int, int, str, Bound]]:
        """(first token, end token, rule id, Bound) for each figure (token spans
        ``amounts``) a rule binds to a mention, the first rule in file order winning."""
        if not mentions or not amounts:
            return []
        # (the employer is no account: a figure is never bound to it)
        accounts = [m for m in mentions if m.kind != EMPLOYER]
        starting = {m.start: m for m in accounts}
        ending = {m.end: m for m in accounts}
        money_tokens = {i for first, end in amounts for i in range(first, end)}
        bound = []
        for first, end in amounts:
            for rule in self.binds:
                mention = (
                    self._after(doc, end, rule, starting, money_tokens)
                    if rule.direction == "after"
                    else self._before(doc, first, rule, ending)
                )
                if mention is not None:
                    bound.append((first, end, rule.id, Bound(rule.id, mention, rule.destination)))
                    break
        return bound

    def _after(
        self, doc: Doc, end: int, rule: _Bind, starting: dict[int, Mention], money: set[int]
    ) -> Mention | None:
        """The mention reached after a figure ending at token ``end``: a link word, then
        owner and describing words, then the mention."""
        if not rule.links:  # the mention right after the figure: "my $18K traditional IRA"
            j = end
            while (
                j not in starting
                and j < len(doc)
                and j - end <= self.owner_reach
                and doc[j].lower_ in self.describing
            ):
                j += 1
            return starting.get(j)
        stop = min(len(doc), end + rule.reach)
        i = end
        while i < stop:
            token = doc[i]
            word = token.lower_
            if i in money or word in rule.stop or word.strip(" ") in _ENDS or token.is_sent_start:
                return None
            if word in rule.links:
                j = i + 1
                while (
                    j < len(doc)
                    and j - i <= self.owner_reach + 1
                    and j not in starting
                    and (doc[j].lower_ in self.describing or doc[j].lower_ in self.owner_of)
                ):
                    j += 1
                if j in starting:
                    return starting[j]
            i += 1
        return None

    def _before(
        self, doc: Doc, first: int, rule: _Bind, ending: dict[int, Mention]
    ) -> Mention | None:
        """The mention right before a figure starting at token ``first``, with only the
        rule's link words between them."""
        i = first
        while i > 0 and first - i <= rule.reach:
            if i in ending:
                return ending[i]
            if doc[i - 1].lower_ not in rule.links:
                return None
            i -= 1
        return None


@cache
def accounts(nlp: Language) -> Accounts:
    """The account rules of ``nlp`` (one per pipeline; built on first use)."""
    return Accounts(nlp)


# The accounts each figure's role may be held in; a figure bound to another is left out.
# (income is held in no account: a figure in one is no pay)
PLAN_KINDS = frozenset({PLAN, ROTH_PLAN})
# The kinds that are accounts: a text's money may be in one (the employer is none).
ACCOUNT_KINDS = PLAN_KINDS | IRA_KINDS
_PLAN_MONEY = PLAN_KINDS
HELD_IN: dict[str, frozenset[str]] = {
    "income": frozenset(),
    "traditional_ira_balance": frozenset({IRA}),
    "roth_ira_balance": frozenset({ROTH_IRA}),
    "roth_401k_balance": _PLAN_MONEY,
    "pretax_balance": _PLAN_MONEY,
    "after_tax_contributions": _PLAN_MONEY,
    "after_tax_earnings": _PLAN_MONEY,
    "after_tax_total": _PLAN_MONEY,
    "annual_after_tax_contribution": _PLAN_MONEY,
    "employer_contribution": _PLAN_MONEY,
    "employee_deferral": _PLAN_MONEY,
}


def after_tax_words(doc: Doc) -> list[int]:
    """Where the after-tax words of ``doc`` start (characters; its vocabulary tagged)."""
    tagged = doc.user_data.get(TAGGED)
    if tagged is None:
        return []
    return [span.start_char for span in tagged[0] if span.label_ == "AFTER_TAX"]


def names_no_plan(mentions: list[Mention]) -> bool:
    """True when the mentions name an IRA and no plan, designated Roth account or employer:
    the text is about IRAs only ("Rollover IRA with about $300,000 ... I don't want to lose
    $1,750 in basis"), so no figure of it is plan money."""
    kinds = {m.kind for m in mentions}
    return bool(kinds & IRA_KINDS) and not kinds & (PLAN_KINDS | {EMPLOYER})


def account_clash(key: str, bound: Bound | None) -> bool:
    """True when a figure read as ``key`` is bound to an account that role is never held
    in ("$17,897.40 of non-deducted income in my traditional IRA")."""
    if bound is None:
        return False
    allowed: Any = HELD_IN.get(key)
    if allowed is None or (bound.destination and allowed):
        return False  # (money sent to an account keeps its role: only pay is ruled out)
    return bound.mention.kind not in allowed


# A word that may stand between a destination word and the account it names ("to my
# Vanguard Roth IRA"): an owner's or describing word (``accounts.yaml`` ``owners``) or a
# capitalised one, a firm's name. Read by the ``unclear_account`` ``destination`` patterns.
BEFORE_ACCOUNT = "rothbot_before_account"


@cache
def _owner_and_describing_words() -> frozenset[str]:
    owners = load("accounts")["owners"]
    return frozenset(owners["describing"]).union(
        *(owners[who] for who in ("self", "spouse", "third", "other"))
    )


def _before_account(token: Token) -> bool:
    return token.is_title or token.lower_ in _owner_and_describing_words()


Token.set_extension(BEFORE_ACCOUNT, getter=_before_account, force=True)


@dataclass(frozen=True, slots=True)
class _Unclear:
    destination: Matcher  # a match ending where a mention starts: money goes to it
    reach: int  # the most tokens a match spans
    exempt: frozenset[str]

    def sent_to(self, doc: Doc, start: int) -> bool:
        """True when the mention at token ``start`` is where money goes ("to my Vanguard
        Roth IRA"): a ``destination`` match ends where it starts."""
        before = doc[max(0, start - self.reach) : start]
        return any(end == len(before) for _id, _start, end in self.destination(before))


@cache
def _unclear(vocab: Vocab) -> _Unclear:
    rule = load("accounts")["unclear_account"]
    destination = Matcher(vocab)
    destination.add("destination", rule["destination"])
    reach = max(longest_match(pattern) or 0 for pattern in rule["destination"])
    return _Unclear(destination, reach, frozenset(rule["exempt"]))


def unclear_accounts(doc: Doc, mentions: list[Mention]) -> Callable[[str, tuple[int, int]], bool]:
    """A test ``(key, clause bounds) -> bool``: True when an unbound figure read as ``key``
    in that comma clause (characters: ``Sentences.comma_clause``) may be another account's -
    the clause names an account that role is never held in, and not as where money goes
    (``accounts.yaml`` ``unclear_account``). Worked out once per clause and role, and
    whether money goes to a mention only for those that would make a figure unclear."""
    rule = _unclear(doc.vocab)
    # (the mentions of accounts, with where each starts in characters and in tokens)
    placed = [(doc[m.start].idx, m.kind, m.start) for m in mentions if m.kind != EMPLOYER]
    memo: dict[tuple[str, int], bool] = {}

    def unclear(key: str, bounds: tuple[int, int]) -> bool:
        allowed = HELD_IN.get(key)
        if allowed is None or key in rule.exempt:
            return False
        lo, hi = bounds
        if (key, lo) not in memo:
            memo[key, lo] = any(
                lo <= at < hi and kind not in allowed and not rule.sent_to(doc, start)
                for at, kind, start in placed
            )
        return memo[key, lo]

    return unclear
