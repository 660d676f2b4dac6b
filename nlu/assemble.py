"""The one place where spans become Facts.

Every component of the pipeline records candidates (an age here, an amount with a role
there, a provider linked to the plan); this module decides which become facts:

- two readings of the same fact that disagree cancel out unless the text corrects one
  ("sorry, earnings are 12k not 10k") - a wrong fact is worse than a missing one;
- yes/no facts weigh strong cues over weak ones ("my former employer" beats "I plan to
  retire");
- every fact is checked by ``knowledge.facts.Facts.from_mapping`` and dropped if refused
  (age 500), and the after-tax figures must add up or the least specific one goes;
- each fact keeps the text it was read from, so the person can spot a misreading.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from typing import Any, NamedTuple

from spacy.tokens import Doc, Span

from knowledge.facts import MONEY_KEYS, YEAR_KEYS, Facts, InvalidFacts
from nlu.accounts import (
    HELD_IN,
    IRA_KINDS,
    PLAN_KINDS,
    account_clash,
    after_tax_words,
    names_no_plan,
    unclear_accounts,
)
from nlu.amount_uses import never_held
from nlu.answers import Answer, read_answer
from nlu.context import CaseBlind, Sentences, language_regex
from nlu.cues import names_a_money_kind, names_pre_1987_money, would_follow
from nlu.data import load
from nlu.matching import lazy_compile
from nlu.money import to_json_number
from nlu.money_kinds import drop_said_by_amounts
from nlu.own_years import OwnYear, own_years
from nlu.pipeline import char_bounds, found, payloads, sentences
from nlu.providers import current_firms, main_plan_type, plan_provider
from nlu.roles import PLAN_TOTAL, RoleHit, bind_amounts
from nlu.tables import Hit

# The figures that are plan money only (``nlu.accounts.HELD_IN``).
PLAN_MONEY_KEYS = frozenset(key for key, kinds in HELD_IN.items() if kinds == PLAN_KINDS)
# When the figures do not add up, drop these first (least specific first).
DROP_ORDER = (
    "after_tax_total",
    "after_tax_earnings",
    "after_tax_contributions",
    "separated_from_service_age",
    "pre_1987_basis",
    "retire_age",
)
FILING_PRIORITY = ("mfs", "hoh", "mfj", "single")
MARGINAL_BRACKETS = frozenset({10, 12, 15, 22, 24, 25, 28, 32, 33, 35, 37, 39.6})
MAX_EVIDENCE_CHARS = 90
# A spouse named earlier in the same clause: the plan or provider that follows is theirs.
# ("H's work", "W's 401k": the forum's one-letter husband and wife, possessive only)
_SPOUSE_WORDS = r"wife|husband|spouse|partner|dw|dh|[hw](?=['’]s\b)"
# A parent named, then "his/her/their" plan in the same sentence: the plan asked about is
# the parent's ("My mom (82) has $60k after-tax in her old 401k").
_PARENT_WORDS = r"dad|father|mom|mother|mum|parents?|father[- ]in[- ]law|mother[- ]in[- ]law"
_PARENTS_PLAN = lazy_compile(
    rf"\b(?:{_PARENT_WORDS})\b[^.?!]{{0,80}}?\b(?:his|her|their)\s+(?:old\s+|former\s+)?"
    r"(?:401\(?k\)?|403\(?b\)?|457|tsp\b|plan\b|after[- ]?tax)",
    re.IGNORECASE,
)


def _names_a_parent(lower: str) -> bool:
    """A quick look before the parent's-plan search (a regex search of the whole text
    costs some 40 µs a question; most name no parent)."""
    return any(word in lower for word in ("dad", "father", "mom", "mother", "mum", "parent"))


# The parent's age: "my dad is 78", "my mom (82)", "dad, 78,".
_PARENT_AGE = lazy_compile(
    rf"\b(?:{_PARENT_WORDS})(?:'s age)?(?:\s+is|,|:|\s*\()\s*(?P<n>\d{{2,3}})\b(?![%k$,.]\d|k\b)",
    re.IGNORECASE,
)
_SPOUSE_CLAUSE = CaseBlind.compile(rf"\b(?:{_SPOUSE_WORDS})(?:'s)?\b[^,;:\n]*$", in_place=True)
# The asker's own plan, named or not ("I have after-tax money in my plan"): a spouse's plan
# named too is then not the one asked about.
_OWN_PLAN = lazy_compile(
    r"\b(?:my|i have an?|i have a|i'm in (?:a|the|my)) (?:own |current |old |work |company )?"
    r"(?:plan|401\(?k|403\(?b|457|tsp|employer|company|job)",
    re.IGNORECASE,
)


def _about_the_spouses_plan_only(text: str) -> bool:
    """True when a spouse is named and the asker names no plan of their own."""
    return bool(_SPOUSE_WORD.search(text)) and not _OWN_PLAN.search(text)


# A phrase about "he"/"she": when the bot asked for the spouse's age, it is theirs.
_THIRD_PERSON = lazy_compile(r"\W*(?:he|she)\b", re.IGNORECASE)
# How far before a year (characters) a word such as "opened" or "retired" dates it.
YEAR_CONTEXT = 40
# More distinct tax-year candidates than this leave the tax year unknown.
MOST_YEARS = 2
# How far back a clause is read from a phrase in it (characters): an "if" clause or a
# spouse's clause that long is none, and a text without commas or full stops is not
# searched back to its start for each amount or firm named.
CLAUSE_REACH = 400
_YEAR_NOT_TAX_YEAR = lazy_compile(
    r"\b(?:opened|open|started|funded|established|created|first|born|retire|retired|retiring|"
    r"turn|turns|turned|turning|since|separated|left|leave|leaving|quit|laid off|"
    # "Starting in 2025, I designated ...", "IRS rules that changed in 2006"
    r"starting|beginning|changed|"
    # "switched recordkeepers from Vanguard to Fidelity in 2020", "acquired in 2022"
    r"switched|merged|acquired|joined|hired|"
    # a notice, a law, a newsletter, a plan change: their year is not the one asked about
    # ("Notice 2014-54 came out in 2014", "the law that was passed in 2014", "effective
    # January 2015", "Newsletter - October 2014", "upon my retirement in March 2014")
    r"came out|passed|enacted|issued|published|released|updated|effective|newsletter|"
    # a source's date: "There is a thread from November, 2007 on this topic" (be037)
    r"(?:thread|article|post|blog|discussion) (?:from|dated|of)|"
    r"retirement(?! (?:account|plan|savings|fund))|"
    # the end of something: "a company I worked for up until 2017"
    r"until|till)\b",
    re.IGNORECASE,
)


class Candidate(NamedTuple):
    """One reading of a fact from one place in the text (a tuple: made by the dozen)."""

    value: Any
    start: int
    end: int
    strength: str = "strong"


class Assembled(NamedTuple):
    """Facts (JSON values), their evidence, the corrected keys and "not sure".

    ``rejected``: (key, the words it was read from, why) for each value the text states
    but ``Facts.from_mapping`` refuses, so the bot can name the fact that is wrong.
    """

    facts: dict[str, Any]
    evidence: dict[str, str]
    corrections: frozenset[str]
    unsure: bool
    rejected: tuple[tuple[str, str, str], ...] = ()
    declined: bool = False  # "rather not say" to the question asked
    # the whole plan balance ("$300k total in the 401k") and its words: no fact, but with
    # the after-tax part it gives the pretax money (the conversation derives it)
    plan_total: tuple[Any, str] | None = None
    # years the poster's own past transactions are dated with ("I converted in 2017"):
    # settled years, not years to call "not the tax year" (nlu.own_years)
    own_years: tuple[OwnYear, ...] = ()


# Keys whose reply dates something other than the tax year: the year of a Roth IRA, or
# the 1987 of "were any made before 1987?" ("about 8,000 before 1987").
_DATING_KEYS = (frozenset(YEAR_KEYS) - {"year"}) | {"pre_1987_basis"}
# Keys the bot asks about an IRA with: a firm named in the reply is the IRA's.
_IRA_KEYS = frozenset(
    {"has_roth_ira", "roth_ira_first_year", "roth_ira_balance", "traditional_ira_balance"}
)


def assemble(doc: Doc, expecting: str | None = None) -> Assembled:
    """Turn the spans the pipeline found in ``doc`` into validated facts."""
    index = sentences(doc)
    text = index.text
    look = _Lookups(index)
    candidates: dict[str, list[Candidate]] = defaultdict(list)
    hypothetical = index.hypothetical_starts
    retire_in_years: list[Candidate] = []

    phrase_hits: list[Hit] = payloads(doc, "phrases")
    dating: list[Hit] = []  # years that date something; an amount asked for is not one
    if expecting in _DATING_KEYS:
        # "back in 2015 I think" answers "when did you open your Roth IRA?": the year
        # dates that account; it is not the tax year the question is about
        dating = [hit for hit in phrase_hits if hit.fact == "year"]
        phrase_hits = [hit for hit in phrase_hits if hit.fact != "year"]
    if expecting == "has_roth_ira":
        # "yes, opened it in 2016" answers "do you have a Roth IRA?": the year dates it
        phrase_hits = [_as_roth_ira_year(hit, index) for hit in phrase_hits]
    if expecting == "spouse_age":
        phrase_hits = [_as_spouse(hit, index) for hit in phrase_hits]
    # "he"/"she" is the spouse when one is named (or was just asked about) by someone who
    # also speaks of themselves ("I'm 60 and retired"); with no "I" the question is asked
    # for the spouse ("my husband's 401(k): he's 62, retired"), as for a client
    pronoun_is_spouse = expecting == "spouse_age" or bool(
        _SPOUSE_WORD.search(text) and _FIRST_PERSON.search(text)
    )
    # asked about the spouse's plan alone ("My wife makes after-tax contributions to her
    # 401(k)"), the spouse's job is the plan's: whether they still work there is the fact
    all_plans = char_bounds(doc, "plan_types")
    spouses_plan = _about_the_spouses_plan_only(text) and any(
        look.spouses(start) for start, _end, _plan in all_plans
    )
    phrase_hits = [
        hit
        for hit in (_spouse_age(h, index, pronoun_is_spouse, spouses_plan) for h in phrase_hits)
        if hit is not None
    ]
    examples = example_scopes(text)
    if examples:
        # "Let's say I'm 45 and have $2M": the example's figures are not the asker's
        phrase_hits = [
            h for h in phrase_hits if h.fact not in EXAMPLE_FREE or not _inside(examples, h.start)
        ]
    if any(word in index.lower for word in _ROLE_WORDS) and _BARE_ROLE.search(text):
        phrase_hits = [
            h for h in phrase_hits if h.fact not in ROLE_FREE or not _said_of_a_bare_role(index, h)
        ]
    # a job read from paying into an IRA ("I contribute the maximum to my traditional IRA")
    paid_into_ira = {
        hit.start
        for _span, (hit, bound) in found(doc, "account_statuses")
        if hit.value is True and bound.mention.kind in IRA_KINDS
    }
    for hit in phrase_hits:
        fact = hit.fact
        if fact == "still_employed" and hit.start in paid_into_ira:
            continue
        if fact == "retire_in_years":
            retire_in_years.append(Candidate(hit.value, hit.start, hit.end, hit.strength))
        elif fact == "year" and (
            not _is_tax_year(index, hit.start, hypothetical) or _in_a_span_of_years(text, hit)
        ):
            continue
        elif fact == "marginal_rate":
            if hit.value in MARGINAL_BRACKETS:
                candidates[fact].append(Candidate(round(hit.value / 100, 3), hit.start, hit.end))
        else:
            candidates[fact].append(Candidate(hit.value, hit.start, hit.end, hit.strength))

    role_hits, unbound = bind_amounts(
        doc,
        text,
        found(doc, "money"),
        found(doc, "role_cues"),
        rejected=_rejected_amount(),
        finder=index.finder,
    )
    spouse_income = False
    # (a test of an amount's sentence alone is worked out once per sentence: a long
    # sentence may hold hundreds of amounts, and searching it for each took time growing
    # with the square of its length)
    of_sentence: dict[tuple[Callable[[Sentences, int], bool], int], bool] = {}

    def sentence_says(test: Callable[[Sentences, int], bool], pos: int) -> bool:
        key = (test, index.bounds(pos)[0])
        if key not in of_sentence:
            of_sentence[key] = test(index, key[1])
        return of_sentence[key]

    # amounts that moved ("rolled over $5000", "$7,000.33 converted"): no holding
    uses = found(doc, "amount_uses")
    moved = {amount.start for _span, amount in uses}
    never_held_here = {amount.start for span, amount in uses if span.label_ in never_held()}
    # the amount converted ("convert $50,000", "a $30,000 Roth conversion"): one figure only
    # (several are a story of conversions, for the conversation to ask about)
    converted = [
        Candidate(amount.value, amount.start, amount.end)
        for span, amount in uses
        if span.label_ in _CONVERSION_USES
        and _converted(span)
        and not (examples and _inside(examples, amount.start))  # (an example's, not theirs)
    ]
    # the whole of a holding converted: "convert my whole $80k IRA", "converting all $60,000"
    converted += [
        Candidate(amount.value, amount.start, amount.end)
        for span, amount in found(doc, "money")
        if _whole_converted(span) and not (examples and _inside(examples, amount.start))
    ]
    if len({c.value for c in converted}) == 1:
        candidates["conversion_amount"] = converted[:1]
    ira_basis: list[Any] = []  # the IRA basis figures left out, by value
    # (a quick look for the words of anyone's figures and worked-out sums, and of a breakdown)
    lower = index.lower
    no_ones_words = "would" in lower or any(word in lower for word in _ANYONE_WORDS)
    breakdown_words = "as follows" in lower
    # the account each figure is said to be in ("income in my traditional IRA")
    in_account = {amount.start: bound for _span, (amount, bound) in found(doc, "account_figures")}
    mentions = payloads(doc, "accounts")
    # a text that names IRAs and no plan: its after-tax figures are an IRA's basis
    no_plan = names_no_plan(mentions)
    after_tax_at = after_tax_words(doc) if no_plan else []
    if after_tax_at:
        # after-tax money said of no IRA ("my after-tax rollover"): the plan's, unnamed
        iras_at = [doc[m.start].idx for m in mentions if m.kind in IRA_KINDS]
        no_plan = all(
            any(lo <= at < hi for at in iras_at) for lo, hi in map(index.bounds, after_tax_at)
        )
    asker_speaks = bool(_FIRST_PERSON.search(text))
    unclear = unclear_accounts(doc, mentions)
    # figures written as "$0": they weigh against another reading of their fact, but are
    # never stated themselves (below)
    written_zeros: set[tuple[int, int]] = set()
    pre_1987 = names_pre_1987_money(doc)
    money_kinds_named = names_a_money_kind(doc)
    for rh in role_hits:
        bound = in_account.get(rh.amount.start)
        if (
            no_plan
            and rh.key in PLAN_MONEY_KEYS
            and not any(lo <= at < hi for at in after_tax_at for lo, hi in [index.bounds(rh.start)])
        ):
            # "I don't want to lose $1,750 in basis" of a text about IRAs only: no plan
            # money (unless named as after-tax money: "rolled $22,400 of after-tax
            # contributions to my Roth IRA")
            continue
        if bound is not None and (
            (bound.mention.owner == "spouse" and asker_speaks)
            or (bound.mention.owner == "third" and pronoun_is_spouse)
        ):
            continue  # "$20k in her 401k" said by someone who speaks of themselves: hers
        if account_clash(rh.key, bound):
            if rh.key in IRA_BASIS_KEYS:
                ira_basis.append(rh.value)  # an IRA's after-tax money, named again later too
            continue  # "$17,897.40 of non-deducted income in my traditional IRA": no pay
        if rh.amount.start in moved and (
            rh.amount.start in never_held_here
            or not (rh.key in AFTER_TAX_KEYS and _MEASURED_AFTER_TAX.match(text, rh.amount.end))
        ):
            continue  # "rolled over his $18,500 Roth 401k": a move, not a holding
        if sentence_says(_in_a_question_or_supposition, rh.amount.start) and _asked_or_supposed(
            index, rh.amount.start, doc
        ):
            continue  # "if I have a $5k mega Backdoor contribution": no holding stated
        if examples and _inside(examples, rh.amount.start):
            continue  # "As an example say 9000 in pretax and 1000 post tax": illustration
        if rh.key in IRA_BASIS_KEYS and (
            sentence_says(_an_iras_after_tax_money, rh.amount.start)
            or any(_same(rh.value, v) for v in ira_basis)
        ):
            # "I have $40,000 in my current IRA with $10,000 after tax contributions ...
            # Can I roll only the $10,000 after tax contributions": named again, the same
            # IRA basis
            ira_basis.append(rh.value)
            continue
        if rh.key == "income" and _someone_elses_pay(index, rh.amount.start):
            continue  # "Its not like a lot of people making 80K", "Employee is 30, makes $50,000"
        if no_ones_words and _no_ones_figure(index, rh.amount.start):
            continue  # "someone could contribute 58,000", "So that would be $26,000 of employee"
        if rh.key == "after_tax_earnings" and (
            sentence_says(_whole_accounts_gains, rh.amount.start)
            or (money_kinds_named and not sentence_says(_near_after_tax_money, rh.amount.start))
        ):
            # "matching from the employer (3k) and investment gains (4k)": all of it;
            # "until it earns $0.01 pre-tax earnings", said of no after-tax money: whose?
            # (a message naming no kind of money, "sorry, earnings are 12k not 10k", speaks
            # of the conversation's after-tax money)
            continue
        if rh.key == "after_tax_contributions" and pre_1987:
            continue  # "$10,060 contributions ... value of the 'Pre-87' after tax": whose basis?
        if rh.key in AFTER_TAX_KEYS and sentence_says(_already_in_an_ira, rh.amount.start):
            continue  # "I rolled over $5000 of after tax contributions ... to a TIRA": basis
        if rh.key in HELD_KEYS and _WHOLE_AFTER_ITS_PART.search(
            text, max(0, rh.amount.start - 30), rh.amount.start
        ):
            continue  # "9k of that 16k is after tax dollars": 16k is the whole, 9k the part
        if rh.key in HELD_KEYS and _A_CONSEQUENCE.search(
            text, max(0, rh.amount.start - 60), rh.amount.start
        ):
            continue  # "This would leave the $30k isolated in my IRA": not so yet
        if rh.key in WHOLE_KEYS and _MOVED_SINCE.match(text, max(rh.end, rh.amount.end)):
            continue  # "30K in a Roth 401K that I rolled into a Roth IRA": no longer there
        if rh.key in ACCOUNT_KEYS and _accounts_compete(text, rh.amount.start, rh.amount.end):
            continue  # "$7,000.33 converted from a traditional IRA to a Roth IRA": whose?
        if rh.key in WHOLE_KEYS and _part_of_something(text, rh):
            continue  # "$20k of the after-tax money", "$100,000 of that IRA": a part
        if breakdown_words and rh.key in FLOW_KEYS and _in_a_breakdown(text, rh.amount.start):
            continue  # "account breakdown is as follows: ... Company Match: 957,997": a balance
        if rh.key in LIMITED_KEYS and _states_a_limit(index, rh.amount.start):
            continue  # "must include no more than $17,500 pre-tax": a limit, not a balance
        if not _HOUSEHOLD.search(text, rh.start, rh.end) and _about_spouse(
            index, rh.amount.start, pronoun_is_spouse
        ):
            spouse_income = spouse_income or rh.key == "income"
            continue  # "her after-tax account is about $26k": not the asker's money
        if bound is None and rh.value and unclear(rh.key, index.comma_clause(rh.amount.start)):
            continue  # "rolled my 401k to an IRA and have $40k pre-tax": whose is it?
        key = rh.key
        if key == "after_tax_contributions" and _OF_WHICH.match(text, rh.amount.end):
            # "The value of his after tax contributions is $35,000 of which $15,000 is
            # principal": the whole after-tax money, its parts named after it
            key = "after_tax_total"
        candidates[key].append(Candidate(rh.value, rh.start, rh.end))
        if not rh.value and not _zero_as_a_heading(doc, rh.amount):
            written_zeros.add((rh.start, rh.end))
    if spouse_income:
        # "he makes 190k and I make 45k": the asker's own pay is not the household income
        candidates.pop("income", None)
    plan_totals = candidates.pop(PLAN_TOTAL, None)  # no fact: a figure beside the facts

    _plan_and_provider(candidates, doc, expecting, look, all_plans, spouses_plan)
    unsure = declined = False
    if expecting:
        answer = _answer_to(expecting, text, phrase_hits, dating, candidates)
        unsure = answer is not None and answer.unsure
        declined = answer is not None and answer.declined

    if expecting is None and _names_a_parent(index.lower) and _PARENTS_PLAN.search(text):
        # "I'm 45. My dad is 78 and has $100k after-tax in his 401k": the question is the
        # parent's, as a client's is an adviser's; the asker's own age is not the one
        ages = [
            c for c in candidates.pop("age", ()) if not _FIRST_PERSON.search(text, c.start, c.end)
        ]
        ages += [Candidate(int(m["n"]), m.start(), m.end()) for m in _PARENT_AGE.finditer(text)]
        if ages:
            candidates["age"] = ages
    if expecting is None:
        _drop_other_peoples(candidates, index)
        _drop_weak_employment_of_own_business(candidates, index)
    owned = tuple(own_years(doc))
    _settled_years(candidates, owned)
    chosen = {
        key: pick for key, cands in candidates.items() if (pick := _resolve(key, cands, look))
    }
    for key in [k for k, c in chosen.items() if (c.start, c.end) in written_zeros]:
        # a written "$0" is a result ("the taxable amount ($0.00)", "my IRA would be $0
        # after"), seldom a holding; a zero held is said in words ("no traditional IRA":
        # facts.yaml), so the figure is left out and the conversation asks
        del chosen[key]
    plan_total = None
    if plan_totals:  # of several ("my $49k of 401k contributions"), the balance is the largest
        biggest = max(plan_totals, key=lambda c: Decimal(str(c.value)))
        plan_total = (_json("pretax_balance", biggest.value), _evidence(index.original, biggest))
    if _former_plan_beside_a_current_one(chosen.get("still_employed"), index):
        del chosen["still_employed"]
    _derive(chosen, retire_in_years, unbound)
    drop_said_by_amounts(chosen)  # ("$40k after-tax": no has_after_tax_money beside it)
    read_facts = {key: _json(key, c.value) for key, c in chosen.items()}
    facts, refused = _validated(read_facts)
    rejected = tuple(
        (key, _evidence(index.original, chosen[key]), message) for key, message in refused
    )
    evidence = {key: _evidence(index.original, chosen[key]) for key in facts}
    corrections = frozenset(key for key in facts if look.corrects(chosen[key].start))
    return Assembled(facts, evidence, corrections, unsure, rejected, declined, plan_total, owned)


def _zero_as_a_heading(doc: Doc, amount: Any) -> bool:
    """True when a "$0" ends a line that states it as a heading does ("Traditional IRA: $0",
    "- Roth 401(k) = $0"): a holding said outright, unlike a "$0" in a sentence (a result,
    or the state after a move). The marks are ``language.yaml``'s ``heading_marks``."""
    span = doc.char_span(amount.start, amount.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    before = doc[span.start - 1]
    if before.text == "$" and span.start > 1:
        before = doc[span.start - 2]
    if before.text not in _heading_marks():
        return False
    after = span.end
    if after < len(doc) and doc[after].text == ".":
        after += 1
    return after == len(doc) or "\n" in doc[after].text or "\n" in span[-1].whitespace_


@cache
def _heading_marks() -> frozenset[str]:
    return frozenset(load("language")["heading_marks"])


def _settled_years(candidates: dict[str, list[Candidate]], owned: tuple[OwnYear, ...]) -> None:
    """The year of a first conversion or first Roth IRA contribution ("My first conversion
    was Dec 2019") starts the Roth IRA's 5-year clock (Treas. Reg. 1.408A-6, Q&A-2), so it
    is that fact unless the text gives it otherwise; an in-plan conversion's is not (it is
    the Roth 401(k)'s). (Which year is the tax year asked about stays as the text weighs
    it: a settled year is often the one the question is about, "In 2018, I rolled over".)
    """
    if "roth_ira_first_year" not in candidates:
        for o in owned:
            if o.first and o.kind in ("conversion", "contribution") and not o.in_plan:
                candidates["roth_ira_first_year"].append(Candidate(o.year, o.start, o.end))
                break


class _Lookups:
    """The sentence and clause checks of one text, each sentence searched at most once,
    in the lower-cased text when that finds the same (``CaseBlind``: ``re`` is several
    times faster there than with IGNORECASE)."""

    def __init__(self, index: Sentences) -> None:
        self.index = index
        self.lower = index.lower_is_exact
        self.text = index.lower if self.lower else index.text  # the one searched
        self._corrects: dict[int, bool] = {}

    def corrects(self, pos: int) -> bool:
        """True when the sentence holding ``pos`` corrects a fact ("sorry, I meant 12k")."""
        start, end = self.index.bounds(pos)
        known = self._corrects.get(start)
        if known is None:
            search = _correction().on(self.lower).search
            known = self._corrects[start] = bool(search(self.text[start:end]))
        return known

    def spouses(self, pos: int) -> bool:
        """True when the clause before ``pos`` is about the spouse ("my wife has a 403b")."""
        start = max(self.index.bounds(pos)[0], pos - CLAUSE_REACH)
        return bool(_SPOUSE_CLAUSE.on(self.lower).search(self.text, start, pos))


@cache
def _correction() -> CaseBlind:
    """The words that mark a sentence as correcting an earlier fact (language.yaml)."""
    return CaseBlind.compile(language_regex("correction").pattern)


# Words just before a year that say an account was opened then ("opened it in 2016").
_OPENED = lazy_compile(
    r"\b(?:opened|started|funded|set (?:it |one )?up|since|first (?:contributed|funded))\b"
    r"[^,;.!?]*$",
    re.IGNORECASE,
)


def _as_roth_ira_year(hit: Hit, index: Sentences) -> Hit:
    """After the bot asked about a Roth IRA, a year it was opened in is its first year."""
    if hit.fact == "year":
        start = max(index.bounds(hit.start)[0], hit.start - YEAR_CONTEXT)
        if _OPENED.search(index.text, start, hit.start):
            return Hit("roth_ira_first_year", hit.value, hit.start, hit.end, hit.strength)
    return hit


def _as_spouse(hit: Hit, index: Sentences) -> Hit:
    """After the bot asked for the spouse's age, "she is 50" is the spouse's age."""
    if hit.fact == "age" and _THIRD_PERSON.match(index.text, index.bounds(hit.start)[0]):
        return Hit("spouse_age", hit.value, hit.start, hit.end, hit.strength)
    return hit


def _plan_and_provider(
    candidates: dict[str, list[Candidate]],
    doc: Doc,
    expecting: str | None,
    look: _Lookups,
    all_plans: list[tuple[int, int, str]],
    spouses_plan: bool,
) -> None:
    """Add the plan's provider and type to ``candidates``: the asker's, not the spouse's
    (unless the spouse's plan is the only one named), and a current firm, not a former."""
    text = look.index.text
    all_providers = [
        hit
        # "it was Fidelity but now it's Empower": a former firm is not the provider
        for hit in current_firms(text, payloads(doc, "providers"))
        # "I have one at Vanguard" answering a question about an IRA names the IRA's firm
        if expecting not in _IRA_KEYS or hit.link == "plan"
    ]
    providers = [hit for hit in all_providers if not look.spouses(hit.start)]
    plans = [(s, e, plan) for s, e, plan in all_plans if not look.spouses(s)]
    if not providers and not plans and spouses_plan:
        # "My husband's 401k (Fidelity) has after-tax money. Can he move it?": the only plan
        # named is the spouse's and the asker names none, so the question is about that plan
        providers, plans = list(all_providers), list(all_plans)
    provider = plan_provider(providers, text) if providers else None
    if provider:
        candidates["provider"].append(Candidate(provider.name, provider.start, provider.end))
    plan = main_plan_type(plans)
    if plan:
        candidates["employer_plan_type"].append(Candidate(plan[2], plan[0], plan[1]))


def _answer_to(
    expecting: str,
    text: str,
    phrase_hits: list[Hit],
    dating: list[Hit],
    candidates: dict[str, list[Candidate]],
) -> Answer | None:
    """Read ``text`` as the short answer to the bot's question about ``expecting``
    (``nlu.answers``); its value is added to ``candidates`` unless a phrase already gave
    that fact or the answer's words state another fact. The answer (unsure, declined or a
    value), or None."""
    # a number another phrase has read (even one dropped since, such as a year that
    # dates something) belongs to that phrase, not to the answer
    taken = [(h.start, h.end) for h in phrase_hits if h.fact != expecting]
    if expecting not in YEAR_KEYS:
        taken += [(h.start, h.end) for h in dating]
    taken += [(c.start, c.end) for k, cs in candidates.items() if k != expecting for c in cs]
    answer = read_answer(text, expecting, taken)
    if (
        answer is not None
        and not answer.unsure
        and not answer.declined
        and (answer.key or expecting) not in candidates
        and not _states_another_fact(answer, phrase_hits)
    ):
        key = answer.key or expecting
        candidates[key].append(Candidate(answer.value, answer.start, answer.end))
    return answer


def _states_another_fact(answer: Answer, hits: list[Hit]) -> bool:
    """True when the answer's words are a phrase stating some other fact.

    "I am 500" or "I'm 52" after the bot asked for an amount states an age (valid or
    not); reading the number as the amount asked for would store a wrong fact.
    """
    return any(h.start < answer.end and answer.start < h.end for h in hits)


# Balances and totals: an amount that is a part of something is not one of them.
WHOLE_KEYS = frozenset(
    {"after_tax_total", "traditional_ira_balance", "pretax_balance", "roth_ira_balance",
     "roth_401k_balance"}
)  # fmt: skip
# What a person holds: an amount stated as a limit is none of them.
HELD_KEYS = WHOLE_KEYS | {"after_tax_contributions", "after_tax_earnings"}
# Amounts a limit word before them makes a limit ("contributions in excess of $19k",
# "no subsidies once you get beyond about $45k in yearly MAGI").
LIMITED_KEYS = HELD_KEYS | {"income", "annual_after_tax_contribution"}
# Between an amount and the words that gave its role: "of the" in "$20k of the after
# tax monies", "of that" in "$100,000 of that IRA" - the role names what the amount is a
# part of ("$52,000 of that is after-tax" is the after-tax part: a verb comes between).
_PART_OF = lazy_compile(
    r"\s*(?:of|out of)\s+(?:it|that|this|the|my|our|his|her|their|those|these)\s"
    r"(?![^.?!;]*\b(?:is|are|was|were|be|would|will)\b)",
    re.IGNORECASE,
)
_ALL_BEFORE = lazy_compile(r"\b(?:all|entire|whole|full)\s*(?:the\s+|of\s+)?\W?$", re.IGNORECASE)
# Words of a limit before an amount in its sentence: "no more than $17,500 pre-tax",
# "the maximum ... is $51,000", "up to $23,000 pre-tax".
_LIMIT_WORDS = lazy_compile(
    r"\b(?:no more than|not more than|at most|up to|maximum|max(?:imum)? of|limit(?:ed)?|"
    r"cap(?:ped)?|cannot exceed|can't exceed|must include|in excess of|beyond|exceeds?|"
    # the code sections of the limits: "I have maxed out my 402g $18000 contributions"
    r"exceeding|402\(?g\)?|415\(?c\)?|"
    # "Max amount that can be contributed in 2012 (pre-tax + match + after-tax) = $50K"
    # (batch_a ba022): the plan's limit, not what the asker puts in
    r"max(?:imum)? amount|can be contributed)(?!\w)",
    re.IGNORECASE,
)
# How far back (characters) a limit word makes an amount a limit.
LIMIT_REACH = 60


# Right after a balance's words: the account has since been emptied into another ("had
# approximately 30K in a Roth 401K that I rolled into a Roth IRA in late 2022").
_MOVED_SINCE = lazy_compile(
    r"[^.;!?]{0,20}?\b(?:that|which) (?:i|we|he|she|they) (?:later |then |since |have |had |just )?"
    r"(?:rolled|moved|transferred|converted)\b",
    re.IGNORECASE,
)
# Right after an amount: its parts follow ("$35,000 of which $15,000 is principal").
_OF_WHICH = lazy_compile(r"\s*,?\s*(?:of which|out of which)\b", re.IGNORECASE)
# Right before an amount: a part of it named first ("9k of that 16k is after tax").
_WHOLE_AFTER_ITS_PART = lazy_compile(
    r"\d[\d,.]*\s*[km]?\s+(?:of|out of)\s+(?:that|the|this|my|those|these)\s+[$~]?$",
    re.IGNORECASE,
)
# Before an amount in its clause: what a move would leave or make of it, not what is held
# ("This would leave the $30k isolated in my IRA", "I'd end up with $24,000").
_A_CONSEQUENCE = lazy_compile(
    r"\b(?:would|will|'d|'ll)\s+(?:then\s+|still\s+|only\s+)?(?:leave|end up with|be left with|"
    r"grow to|become|be worth)\b[^.;!?]{0,20}$",
    re.IGNORECASE,
)


# A year's flows: a figure in an account's breakdown is none of them.
FLOW_KEYS = frozenset(
    {"employer_contribution", "employee_deferral", "annual_after_tax_contribution"}
)
# Words that open a list of an account's balances ("Her 401(k) account breakdown is as
# follows:", "Client has 401k totals as follows-", "Roughly it breaks down as follows:").
_BREAKDOWN = lazy_compile(
    r"\b(?:breakdown|totals?|balances?|breaks? down|broken down)\b[^.\n]{0,20}\bas follows\b",
    re.IGNORECASE,
)
# How far before an amount (characters) a breakdown's opening is looked for.
BREAKDOWN_REACH = 400


def _in_a_breakdown(text: str, pos: int) -> bool:
    """True when a breakdown's opening words come before ``pos`` with no blank line between."""
    start = max(0, pos - BREAKDOWN_REACH)
    blank = text.rfind("\n\n", start, pos)
    return bool(_BREAKDOWN.search(text, blank + 1 if blank >= 0 else start, pos))


def _part_of_something(text: str, hit: RoleHit) -> bool:
    """True for "$20k of the after-tax money" (a part), not "all $40k of my after-tax"."""
    amount = hit.amount
    if hit.end <= amount.end:
        return False  # the role came before the amount
    return bool(_PART_OF.match(text[amount.end : hit.end])) and not _ALL_BEFORE.search(
        text, max(0, amount.start - 20), amount.start
    )


def _states_a_limit(index: Sentences, pos: int) -> bool:
    """True when a limit word comes shortly before the amount in its sentence."""
    start = max(index.bounds(pos)[0], pos - LIMIT_REACH)
    return bool(_LIMIT_WORDS.search(index.text, start, pos))


# How far before a sentence a supposition that sets out the case asked about is looked
# for (characters): "For example, if a participant had $7,000 ... He then ... $3,000".
CASE_REACH = 200


@cache
def _supposition() -> re.Pattern[str]:
    return re.compile(load("language")["supposition"], re.IGNORECASE)


@cache
def _case_asked() -> re.Pattern[str]:
    return re.compile(load("language")["case_asked"], re.IGNORECASE)


def _in_a_question_or_supposition(index: Sentences, pos: int) -> bool:
    """True when the sentence holding ``pos`` may ask or suppose something and does not
    set out a third party's case (``case_asked``): a quick test of the sentence alone."""
    start, end = index.bounds(pos)
    sentence = index.text[start:end]
    if "?" not in sentence and not _supposition().search(sentence):
        return False
    return not _case_asked().search(index.text, max(0, start - CASE_REACH), end)


# Where a statement ends, whatever follows it ("... already been aswered. i have a client":
# the sentence splitter needs a capital after the stop).
_STOP = lazy_compile(r"[.?!](?=\s|$)|\n")
# A question put after a statement in one sentence: "I have 50k after-tax, can I roll it?"
_QUESTION_AFTER = lazy_compile(
    r"[,;:–-]\s*(?:so\s+|and\s+|but\s+)?(?:can|could|should|would|will|do|does|did|is|are|"
    r"how|what|when|where|why|which|may|must)\b",
    re.IGNORECASE,
)
# Words that state a holding or a pay before an amount in its clause.
_HOLDING = lazy_compile(
    r"\b(?:have|has|had|having|with|making|earning|earns?|makes|is|are|was|were|holds?|"
    r"holding|contains?|worth|balance|valued|total\w*)\b|'s\b",
    re.IGNORECASE,
)
# An account of one's own named right after a figure: "the $40k after-tax in my 401k".
_OWNED_AFTER = lazy_compile(r"[^,;]{0,40}?\b(?:in|of|from) (?:my|our)\b", re.IGNORECASE)
# Pay stated in a supposition is the person's: "If I make 150k single, what is my rate?"
_PAY = lazy_compile(r"\b(?:make|makes|making|earn|earns|earning)\b", re.IGNORECASE)
# Where a supposition's clause ends and the main clause begins: "If I retire next year, my
# after-tax balance is 40k", "if I have a $5k contribution, then I can withdraw".
_MAIN_CLAUSE = lazy_compile(
    r";|\bthen\b|,\s*(?=(?:then|i|we|my|our|can|could|would|will|should|is|are|do|does|"
    r"what|how|when)\b)",
    re.IGNORECASE,
)
# After a supposition, "my" makes the figure the person's again: "if I convert my
# after-tax subaccount ($14k)".
_OWNED = lazy_compile(r"\b(?:my|our)\b", re.IGNORECASE)


def _asked_or_supposed(index: Sentences, pos: int, doc: Doc) -> bool:
    """True when the amount at ``pos`` is in a question ("Can he roll the $400k after tax
    value directly to a Roth IRA?") or in a supposition's clause ("Assuming I pay taxes on
    ... the $18K in 2025 (pre-tax dollars)", "if I have a $5k mega Backdoor contribution"):
    what the person holds is not stated there, so the figure is left for the bot to ask."""
    start, end = index.bounds(pos)
    text = index.text
    stop = _STOP.search(text, pos, end)
    before = [m.end() for m in _STOP.finditer(text, start, pos)]
    if any(start <= cue < pos for cue in index.hypothetical_starts):
        return False  # "What if I had 50k after-tax, could I split it?": the what-if's own
    if stop and text[stop.start()] == "?" and not _QUESTION_AFTER.search(text, pos, stop.start()):
        # (a question may state what the asker holds or earns: "Does the mega backdoor make
        # sense at 26 making $95,000?", "Can I convert with $50k after-tax in the plan?",
        # "How do I roll my $50k of after-tax money?", "the $40k after-tax in my 401k")
        clause_start = index.clause_start(pos)
        return not (
            _HOLDING.search(text, clause_start, pos)
            or _OWNED.search(text, clause_start, pos)
            or _OWNED_AFTER.match(text, pos, stop.start())
        )
    cues = list(_supposition().finditer(text, before[-1] if before else start, pos))
    if not cues:
        return False
    clause = text[cues[-1].end() : pos]
    if _OWNED.search(clause) or _PAY.search(clause):
        return False
    main = _MAIN_CLAUSE.search(clause)
    # a main clause that only says what would then be done is the supposition's too: "If
    # true, I would need to convert $85k to ..., then convert the remaining $10k in the
    # tIRA funds to a Roth" (batch_a ba065)
    # (``cues.yaml`` ``would_follow``)
    return main is None or would_follow(doc, cues[-1].end() + main.end())


# Words of the employer's money, and of after-tax money: gains in a sentence that lists the
# employer's match beside them and names no after-tax money are the whole account's
# ("The rest of the money is matching from the employer (3k) and investment gains (4k)").
_EMPLOYER_MONEY = lazy_compile(
    r"\b(?:match(?:ing|ed|es)?|employer (?:contributions?|money|funds?))\b", re.IGNORECASE
)


def _whole_accounts_gains(index: Sentences, pos: int) -> bool:
    """True when the sentence holding ``pos`` lists the employer's money and names no
    after-tax money: its earnings are the whole account's, not the after-tax money's."""
    start, end = index.bounds(pos)
    return bool(
        _EMPLOYER_MONEY.search(index.text, start, end)
        and not _AFTER_TAX_WORD.search(index.text, start, end)
    )


def _near_after_tax_money(index: Sentences, pos: int) -> bool:
    """True when the sentence holding ``pos``, or the one before it, names after-tax money:
    earnings said of none are of no money the text has named as after-tax."""
    start, end = index.bounds(pos)
    before = index.bounds(start - 1)[0] if start else start
    return bool(_AFTER_TAX_WORD.search(index.text, before, end))


# The balances of one account: a figure between two accounts is none of them unless it is
# attached to one (``_accounts_compete``).
ACCOUNT_KEYS = frozenset(
    {"traditional_ira_balance", "roth_ira_balance", "roth_401k_balance", "pretax_balance"}
)
# Where the clause of a figure ends, for the accounts it names; how far back it is read.
_ACCOUNT_CLAUSE_END = lazy_compile(r"[.;!?\n]|,\s|\band\b|\bbut\b|\s[-–]\s(?=\S)")
_SENTENCE_END = lazy_compile(r"[.;!?\n]")
ACCOUNT_CLAUSE_REACH = 150
# How far from a figure the words attaching it to an account are read (characters).
ACCOUNT_ATTACH_REACH = 60


@cache
def _accounts() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in load("language")["accounts"].values())


@cache
def _account_attachment() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    language = load("language")
    return (
        re.compile(language["account_before"], re.IGNORECASE),
        re.compile(language["account_after"], re.IGNORECASE),
        re.compile(language["account_source"], re.IGNORECASE),
    )


def _accounts_compete(text: str, start: int, end: int) -> bool:
    """True when the clause of the figure at ``start:end`` names two kinds of account (an
    IRA, a Roth IRA, a plan, a Roth 401(k), a brokerage account) and the figure is attached
    to neither ("There was $7,000.33 converted from a traditional IRA to a Roth IRA", "rolled
    over his $18,500 Roth 401k to his personal Roth IRA", "TSP/IRA - $1,332,000"): whose
    balance it is, if any, is unclear, and a wrong balance is worse than a question."""
    before, following, source = _account_attachment()
    # (a figure moved from an account: the account it went to may be named in the clause
    # before, "I moved $16K to my Roth IRA ($11K from 401K and $5K from non-deductible tIRA)")
    moved = source.match(text, end, end + ACCOUNT_ATTACH_REACH)
    ends = _SENTENCE_END if moved else _ACCOUNT_CLAUSE_END
    reach = max(0, start - ACCOUNT_CLAUSE_REACH)
    breaks = [m.end() for m in ends.finditer(text, reach, start)]
    after = ends.search(text, end)
    first, last = (breaks[-1] if breaks else reach), (after.start() if after else len(text))
    if sum(1 for kind in _accounts() if kind.search(text, first, last)) < 2:
        return False
    return bool(moved) or not (
        before.search(text, max(0, start - ACCOUNT_ATTACH_REACH), start)
        or following.match(text, end, end + ACCOUNT_ATTACH_REACH)
    )


# A former employer's plan ("my old 401k", "previous employer") and a current one ("the new
# plan", "my current employer") in one text: which plan the question is about, and so
# whether the person still works for its sponsor, is for the bot to ask.
_FORMER_PLAN = lazy_compile(r"\b(?:former|previous|prior|past|old|ex-?)\b", re.IGNORECASE)
_CURRENT_PLAN = lazy_compile(
    r"\b(?:new|current|present)\s+(?:employer|job|company|plan|401\(?k|403\(?b|457|workplace)",
    re.IGNORECASE,
)


def _former_plan_beside_a_current_one(employed: Candidate | None, index: Sentences) -> bool:
    """True when "not employed" was read from a former plan and a current one is named,
    unless the former plan's sentence holds the after-tax money the question is about
    ("after-tax contributions in an old 401(k) plan ... into his new Roth 401(k)")."""
    if employed is None or employed.value is not False:
        return False
    text = index.text
    if not _FORMER_PLAN.search(text, employed.start, employed.end):
        return False
    start, end = index.bounds(employed.start)
    return bool(_CURRENT_PLAN.search(text)) and not _AFTER_TAX_WORD.search(text, start, end)


_AFTER_TAX_WORD = lazy_compile(r"(?:after|post)[- ]?tax|aftertax|\bbasis\b", re.IGNORECASE)


# A moved sum named as after-tax money: "a rollover of $12,400 of after-tax money", "rolled
# $18,700 of after-tax basis to a Roth IRA" - the money the question is about.
_MEASURED_AFTER_TAX = lazy_compile(
    r"\s*(?:of|in)\s+(?:the\s+|my\s+|his\s+|her\s+)?(?:(?:after|post)[- ]?tax|aftertax|basis)",
    re.IGNORECASE,
)


# After-tax money in the plan: once rolled into a traditional IRA it is IRA basis, which
# no plan rule (Notice 2014-54) reaches, so none of these keys.
AFTER_TAX_KEYS = frozenset({"after_tax_contributions", "after_tax_earnings", "after_tax_total"})
# A rollover done into a traditional IRA: "I rolled over $5000 of after tax contributions
# from my employer 401k plan to a TIRA in 2009", "a rollover I made from an old 401K to my
# traditional IRA back in 2007" (not a Roth IRA: that is where the basis may go).
_ROLLED_INTO_AN_IRA = lazy_compile(
    r"\b(?:(?:i|we|he|she|they|client)\s+(?:had\s+|have\s+|has\s+)?(?:rolled|transferred)|"
    r"was rolled|were rolled|rollover (?:i|we|he|she) (?:made|did))\b[^.?!]{0,90}?"
    r"\b(?:in)?to (?:a |an |my |his |her |their |the )?(?:traditional |trad |rollover )?"
    r"(?:ira|tira)\b(?! ?roth)",
    re.IGNORECASE,
)


# After-tax money said of a traditional IRA, with no plan in the sentence, is the IRA's
# basis (Form 8606), which no plan rule reaches: "I have $40,000 in my current IRA with
# $10,000 after tax contributions", "I contributed post-tax dollars ($7K) from my checking
# account into a traditional IRA".
IRA_BASIS_KEYS = AFTER_TAX_KEYS | {"annual_after_tax_contribution"}
_IRA_WORD = lazy_compile(r"(?<!roth )(?<!roth-)\b(?:t?iras?|ira's)\b", re.IGNORECASE)
_PLAN_WORD = lazy_compile(
    r"\b(?:401\(?k|403\(?b|457|tsp\b|plan\b|employer|company|mega|mbd\b)", re.IGNORECASE
)


# A move in the sentence: the IRA is where plan money went ("rolled $22,400 of after-tax
# contributions to my Roth IRA and $1,900 of earnings to a traditional IRA").
# (not "rollover IRA", the account's name)
_ROLLED_WORD = lazy_compile(
    r"\b(?:roll(?!over ira)\w*|moved?|transferr?\w*|split\w*)\b", re.IGNORECASE
)


def _an_iras_after_tax_money(index: Sentences, pos: int) -> bool:
    """True when the amount's sentence names a traditional IRA and no employer plan nor
    a move out of one; or names no account at all, after a sentence that does so ("I
    have a Traditional IRA worth about $310k. $92k on this is from after-tax
    contributions.")."""
    start, end = index.bounds(pos)
    text = index.text
    if not _IRA_WORD.search(text, start, end):
        if start == 0 or _PLAN_WORD.search(text, start, end) or _ROTH_WORD.search(text, start, end):
            return False
        start, end = index.bounds(start - 1)[0], start  # the sentence before
        if not _IRA_WORD.search(text, start, end):
            return False
    return not _PLAN_WORD.search(text, start, end) and not _ROLLED_WORD.search(text, start, end)


_ROTH_WORD = lazy_compile(r"\broth\b", re.IGNORECASE)


# Just before an income: a person who is not the asker, the spouse or a client ("a lot of
# people making 80K", "For example, owner is 60, ... Employee is 30, makes $50,000").
_SOMEONE_ELSE = lazy_compile(
    r"\b(?:people|someone|anyone|everyone|folks|employees?|owners?|persons?|participants?|"
    r"hces?|nhces?)\b[^.;!?]{0,25}$",
    re.IGNORECASE,
)


# Before an amount in its clause: anyone at all and what they could do ("someone could
# contribute 58,000 after-tax dollars", "anyone can put in up to"): a rule's illustration.
_ANYONES = lazy_compile(
    r"\b(?:someone|somebody|anyone|anybody|everyone|a person|one)\s+(?:could|can|would|might|may)"
    r"\b[^.;!?]{0,25}$",
    re.IGNORECASE,
)
_ANYONE_WORDS = ("someone", "somebody", "anyone", "anybody", "everyone", "a person", "one ")
# Before an amount in its clause: a figure worked out from others ("So that would be
# $26,000 of employee and $32,000 of employer contributions").
_WOULD_BE = lazy_compile(
    r"\b(?:that|this|it|which)\s+would\s+(?:then\s+)?be\b[^.;!?]{0,40}$", re.IGNORECASE
)


def _no_ones_figure(index: Sentences, pos: int) -> bool:
    """True when the words before an amount in its clause make it anyone's illustration or
    a sum worked out from others."""
    start = max(index.bounds(pos)[0], pos - 40)
    return bool(_ANYONES.search(index.text, start, pos) or _WOULD_BE.search(index.text, start, pos))


def _someone_elses_pay(index: Sentences, pos: int) -> bool:
    start = max(index.bounds(pos)[0], pos - 40)
    return bool(_SOMEONE_ELSE.search(index.text, start, pos))


def _already_in_an_ira(index: Sentences, pos: int) -> bool:
    """True when the amount's sentence, or the one before it, tells of the plan money
    already rolled into a traditional IRA."""
    start, end = index.bounds(pos)
    if _ROLLED_INTO_AN_IRA.search(index.text, start, end):
        return True
    if start == 0:
        return False
    before = index.bounds(start - 1)[0]
    return bool(_ROLLED_INTO_AN_IRA.search(index.text, before, start))


# Words that open an example: what follows illustrates a rule, it is no one's own figure.
_EXAMPLE_MARKER = lazy_compile(
    r"\b(?:let'?s say|let[’‘]s say|lets say|for example|as an example|for instance|e\.g\.|"
    r"an example|example:|hypothetical(?:ly)?|to simplify|for simplicity|"
    # a case set out as assumptions: "Assumptions:\n401k owner under age 59 1/2. Owner
    # makes $10,000 after-tax contribution" (be007): a generic owner's figures
    r"assumptions:|"
    r"for the sake of (?:argument|example|simplicity|discussion)|"
    # "My question is say I contributed $10k" (not "I'd say I have about 40k")
    r"(?:question is|[.,:;(]) *say,? (?:i|we|you|he|she|it|someone|a|an|the)\b|"
    # what a move would leave: "In this case, I will end up with:"
    r"(?:will|would|i'd|i'll) (?:then )?end up with)(?!\w)",
    re.IGNORECASE,
)
# A list item ("4. Let's say ...", "- e.g."): the example runs through the list's
# later items, the steps worked from it.
_LIST_ITEM = lazy_compile(r"[ \t]*(?:\d{1,2}[.)]|[-*•])[ \t]")
# An example that is the case the question asks about: "for example, if a participant had".
_CASE_ASKED = lazy_compile(r",?\s*if (?:a|an|the)\b", re.IGNORECASE)
# The whole text's figures are invented.
_MADE_UP = lazy_compile(
    r"\b(?:numbers|figures|amounts) (?:are|were) (?:all )?(?:made up|hypothetical|invented)|"
    r"\bmade[- ]up (?:numbers|figures|amounts)",
    re.IGNORECASE,
)
# Where an example ends: its line; a line ending in a colon introduces a list, which runs
# to the next blank line.
_LINE_END = lazy_compile(r"\n")
_BLANK_LINE = lazy_compile(r"\n[ \t]*\n")
# Words that point back to an example just set out, closing it ("The above example
# assumes", "in the example above").
_EXAMPLE_CLOSER = lazy_compile(
    r"\b(?:the|this|that|my|in the|in my) (?:above example|example above|example i gave|"
    r"example i just gave)\b",
    re.IGNORECASE,
)
# Facts an example states for its made-up person; said inside one, they are no fact. A
# worked example's steps state no plan feature nor Roth IRA either ("4. Let's say I
# contribute $10K after-tax ... 5. I make an in-service withdrawal ... 6. ... will move to
# my Roth IRA", batch_a ba022).
EXAMPLE_FREE = frozenset(
    {"age", "retire_age", "retire_in_years", "spouse_age", "has_roth_ira", "plan_allows_in_service"}
)


def example_scopes(text: str) -> list[tuple[int, int]]:
    """(start, end) of each stretch of ``text`` that is an example: from a marker ("let's
    say", "for example", "(hypothetical)") to the end of its line, or, when that line
    ends with a colon ("Here is an example that illustrates my situation:"), to the
    next blank line."""
    if _MADE_UP.search(text):
        return [(0, len(text))]  # "numbers are made up for simplicity"
    scopes: list[tuple[int, int]] = []
    for m in _EXAMPLE_MARKER.finditer(text):
        if scopes and m.start() < scopes[-1][1]:
            continue
        if _CASE_ASKED.match(text, m.end()):
            continue  # "For example, if a 50 year old participant had $7,000": the case
        line_end = _LINE_END.search(text, m.end())
        end = line_end.start() if line_end else len(text)
        line_start = text.rfind("\n", 0, m.start()) + 1
        colon = text[:end].rstrip().endswith(":")
        if colon or _LIST_ITEM.match(text, line_start):
            # (the list may start after a blank line: "I will end up with:\n\n$24,000 ...";
            # a list item's example ends at a blank line: the next item after one is the
            # poster's next question, "2.) Building on question 1. ... I also have")
            after = end + len(text[end:]) - len(text[end:].lstrip()) if colon else end
            blank = _BLANK_LINE.search(text, after)
            end = blank.start() if blank else len(text)
        closer = _EXAMPLE_CLOSER.search(text, end)
        if closer is not None:
            # "As an example: assume salary of 100k ... 53k + 4k match = 57k limit ... The
            # above example assumes no salary increase": the example runs to the words
            # that close it
            end = closer.start()
        scopes.append((m.start(), end))
    return scopes


# A clause whose subject is a bare role noun, no article nor owner: an illustration of a
# rule, not a person ("For example, owner is 60 ... Employee is 30, makes $50,000", "Three
# scenarios: A - Participant is under age 59.5, still employed"). ("Individual has", "Client
# is 62" are an adviser's client: not here.)
_BARE_ROLE = lazy_compile(
    r"(?:^|[.;:!?\n]|\s[-–)]|\(\w\))?\s*(?:[a-z]\s*[-–).]\s*)?"
    r"(?:participant|employee|owner|worker|hce|nhce)\s+(?:is|was|has|makes|earns)\b",
    re.IGNORECASE,
)
_ROLE_WORDS = ("participant", "employee", "owner", "worker", "hce")
# Facts a bare role noun's clause states for no one.
ROLE_FREE = EXAMPLE_FREE | {"still_employed"}


def _said_of_a_bare_role(index: Sentences, hit: Hit) -> bool:
    """True when the clause holding ``hit`` opens with a bare role noun as its subject."""
    text = index.text
    start = max(index.bounds(hit.start)[0], hit.start - CLAUSE_REACH)
    ends = list(_CLAUSE_END.finditer(text, start, hit.start))
    if not _BARE_ROLE.match(text, ends[-1].start() if ends else start):
        return False
    # (only among examples: "Employee is over 59 ½ yrs of age and wishes to process an in
    # service rollover from her 401k" is the case asked about)
    return bool(_ILLUSTRATING.search(text, 0, hit.start))


# Words before a bare role noun that make the text illustrate a rule.
_ILLUSTRATING = lazy_compile(
    r"\b(?:for example|for instance|e\.g\.|example:|let'?s say|scenarios?|hypothetical(?:ly)?|"
    r"case \d|case [a-c]\b)",
    re.IGNORECASE,
)


# Where a clause ends ("59.5" is no end).
_CLAUSE_END = lazy_compile(r"[.;:!?](?=\s)|\n")


def _inside(scopes: list[tuple[int, int]], pos: int) -> bool:
    return any(start <= pos < end for start, end in scopes)


# Facts about a person: said of the spouse, they are not the asker's.
_PERSONAL = frozenset(
    {
        "still_employed",
        "separated_from_service_age",
        "retire_age",
        "retire_in_years",
        "has_roth_ira",
        "roth_ira_first_year",
    }
)
# A person's employment: said of the spouse, it is the plan's when the plan is theirs.
_EMPLOYMENT = frozenset({"still_employed", "separated_from_service_age"})
_SPOUSE_WORD = lazy_compile(rf"\b(?:{_SPOUSE_WORDS})\b", re.IGNORECASE)
_FIRST_PERSON = lazy_compile(r"\b(?:i|i'm|im|i've|i'll|i'd)\b", re.IGNORECASE)
# In an amount's own words: the household's money, never the spouse's alone ("wife 45F,
# HHI around $240k", "combined income 300k").
_HOUSEHOLD = lazy_compile(r"\b(?:hhi|household|combined|joint|our|we)\b", re.IGNORECASE)
# Who a clause is about: the last person named before a phrase in its sentence.
_PERSON = lazy_compile(
    r"\b(?:(?P<me>i|i'm|im|i've|i'll|i'd|me|my|we|we're|our|us)|"
    rf"(?P<spouse>{_SPOUSE_WORDS})|(?P<pronoun>he|she|he's|she's|his|her|him))\b",
    re.IGNORECASE,
)


def _about_spouse(index: Sentences, pos: int, pronoun_is_spouse: bool, end: int = -1) -> bool:
    """True when a phrase at ``pos`` (to ``end``) is said of the spouse, not the asker.

    The first person the phrase itself names decides ("I'm 58 and retired", "her Roth IRA
    but I don't"); else the last one named before it in its sentence ("My husband is 61
    and still working"; "Her after-tax account is $26k" once a spouse is named).
    """
    who = _PERSON.search(index.text, pos, end) if end > pos else None
    if who is None:
        before = index.matches_before(_PERSON, pos)
        who = before[-1] if before else None
    if who is None:
        return False
    return bool(who.group("spouse") or (who.group("pronoun") and pronoun_is_spouse))


# In an age's own words, the asker beside the spouse: "Wife and I are both 59".
_BOTH_OF_US = lazy_compile(r"\b(?:and i|and me|we|we're|both)\b", re.IGNORECASE)


def _spouse_age(
    hit: Hit, index: Sentences, pronoun_is_spouse: bool, spouses_plan: bool = False
) -> Hit | None:
    """A personal fact said of the spouse: their age, or nothing of the asker's (but
    their employment when the plan asked about is theirs: ``spouses_plan``)."""
    if (
        hit.fact == "age"
        and not _BOTH_OF_US.search(index.text, hit.start, hit.end)
        and _about_spouse(index, hit.start, pronoun_is_spouse, hit.end)
    ):
        return Hit("spouse_age", hit.value, hit.start, hit.end, hit.strength)
    # the phrase's own words count: "I'm 58 and retired", "her Roth IRA but I don't"
    if hit.fact in _PERSONAL and _about_spouse(index, hit.start, pronoun_is_spouse, hit.end):
        return hit if spouses_plan and hit.fact in _EMPLOYMENT else None
    return hit


# What a sentence about another person says of money, accounts and ages is theirs (their
# employer's plan may be the asker's too, so plan, firm, features and employment stay).
_OTHER_PEOPLES_KEYS = frozenset(MONEY_KEYS) | {
    "has_roth_ira", "roth_ira_first_year", "age", "retire_age", "separated_from_service_age",
}  # fmt: skip
# The asker in a sentence: "I", "me", "we" (not "my": "my coworker" is another person).
_ASKER_IN_SENTENCE = lazy_compile(
    r"\b(?:i|i'm|im|i've|i'd|i'll|me|we|we're|we've|us)\b", re.IGNORECASE
)


@cache
def _other_person() -> re.Pattern[str]:
    """A person of language.yaml's ``other_people``: "my coworker", "a friend of mine"."""
    words = sorted(load("language")["other_people"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)


def _drop_other_peoples(candidates: dict[str, list[Candidate]], index: Sentences) -> None:
    """Leave out the money, accounts and ages said in a sentence about another person
    ("My coworker has $50k in after-tax money and he rolled it to a Roth IRA"), when the
    asker speaks of themselves in another sentence ("I have a 401k too. Can I do the
    same?"). With no word of the asker's own, the question is that person's."""
    text = index.text
    people = [m.start() for m in _other_person().finditer(text)]
    if not people:
        return
    theirs = set()
    for pos in people:
        start, end = index.bounds(pos)
        if not _ASKER_IN_SENTENCE.search(text, start, end):
            theirs.add((start, end))
    if not theirs:
        return
    own = False
    pos = 0
    while pos < len(text):
        start, end = index.bounds(pos)
        if (start, end) not in theirs and _ASKER_IN_SENTENCE.search(text, start, end):
            own = True
            break
        pos = max(end, pos + 1)
    if not own:
        return
    for key in _OTHER_PEOPLES_KEYS & set(candidates):
        kept = [c for c in candidates[key] if index.bounds(c.start) not in theirs]
        if kept:
            candidates[key] = kept
        else:
            del candidates[key]


# An employer's plan named beside one's own business plan: the employment cues may be of it.
_EMPLOYERS_PLAN = lazy_compile(
    r"\b(?:employer|employer's|company|company's|work|workplace|job|day job)(?:[- ]sponsored)? "
    r"(?:401\(?k|403\(?b|457|plan)",
    re.IGNORECASE,
)


# A quick look before the search of ``own_business_plan`` (it costs a read some 0.2 ms).
_OWN_BUSINESS_WORDS = ("solo", "individual", "participant", "owner", "self", "sole", "uni")


@cache
def _own_business_plan() -> re.Pattern[str]:
    """A plan of one's own business (language.yaml ``own_business_plan``)."""
    return re.compile(load("language")["own_business_plan"], re.IGNORECASE)


def _drop_weak_employment_of_own_business(
    candidates: dict[str, list[Candidate]], index: Sentences
) -> None:
    """In a text about a solo 401(k) or a sole proprietor's plan, paying into the plan
    ("He wants to max out his Solo401k contribution") says nothing of working for an
    employer: only a strong cue ("I have a full-time job") reads ``still_employed``."""
    cands = candidates.get("still_employed")
    if not cands or not any(word in index.lower for word in _OWN_BUSINESS_WORDS):
        return
    text = index.text
    # (not the spouse's: "My wife will be continuing to work, she is self employed")
    pronoun_is_spouse = bool(_SPOUSE_WORD.search(text) and _FIRST_PERSON.search(text))
    own = [
        m
        for m in _own_business_plan().finditer(text)
        if not _about_spouse(index, m.start(), pronoun_is_spouse, m.end())
    ]
    if not own or _EMPLOYERS_PLAN.search(text):
        return  # (a solo plan beside an employer's: "since I have an employer 401(k)")
    strong = [c for c in cands if c.strength == "strong"]
    if strong:
        candidates["still_employed"] = strong
    else:
        del candidates["still_employed"]


@cache
def _rejected_amount() -> re.Pattern[str]:
    """Words before an amount that mark it as the wrong one ("12k not 10k")."""
    return re.compile(load("language")["rejected_amount"], re.IGNORECASE)


# Years named as a span, none of them the one tax year: "reporting the income in 2011 and
# 2012", "2019-2021", "(or anytime in 2023 or later)".
_YEAR_SPAN_AFTER = lazy_compile(
    r"\s*(?:and|or|to|through|thru|-|–|/)\s*(?:(?:19|20)\d\d\b|later|earlier|after|beyond)",
    re.IGNORECASE,
)
_YEAR_SPAN_BEFORE = lazy_compile(
    r"\b(?:19|20)\d\d\s*(?:and|or|to|through|thru|-|–|/)\s*$", re.IGNORECASE
)


def _in_a_span_of_years(text: str, hit: Hit) -> bool:
    return bool(
        _YEAR_SPAN_AFTER.match(text, hit.end)
        or _YEAR_SPAN_BEFORE.search(text, max(0, hit.start - 16), hit.start)
    )


def _is_tax_year(index: Sentences, pos: int, hypothetical: list[int]) -> bool:
    """A year counts as the tax year discussed unless it dates an account or a what-if."""
    start, end = index.bounds(pos)
    if any(start <= h < end for h in hypothetical):
        return False
    # "opened a Roth in 2019", "retired in 2021": the word is close before the year
    before = index.text[max(start, pos - YEAR_CONTEXT) : pos]
    if _YEAR_NOT_TAX_YEAR.search(before):
        return False
    # "a rollover I made ... back in 2007" is a past told of, unless the text asks how to
    # report it ("back in 2023. Now I got a 1099-R with code G")
    return not (_FAR_PAST.search(before) and not _REPORTING.search(index.text))


_FAR_PAST = lazy_compile(r"\bback in\b", re.IGNORECASE)
# A text about reporting a year's transaction: its year is the filing year.
_REPORTING = lazy_compile(
    r"\b(?:1099|8606|tax return|my return|on my taxes|turbo ?tax|h&r block|report(?:ing|ed)?)\b",
    re.IGNORECASE,
)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float, Decimal)) and isinstance(b, (int, float, Decimal)):
        a, b = Decimal(str(a)), Decimal(str(b))
        return abs(a - b) <= max(Decimal("0.01") * abs(a), Decimal("0.005"))
    return str(a).lower() == str(b).lower()


def _resolve(key: str, cands: list[Candidate], look: _Lookups) -> Candidate | None:
    """One candidate for ``key``, or None when the text disagrees with itself."""
    if len(cands) == 1 and key != "filing_status":  # (checked against its priorities)
        return cands[0]  # the usual case: nothing to weigh
    if key == "year":
        # a story told year by year ("4 conversions in 2020 and 2021 ... in Jan 2027"):
        # which of them the question is about is for the bot to ask
        if len({c.value for c in cands}) > MOST_YEARS:
            return None
        return _most_named_year(cands, look.index.text)
    if key == "filing_status":
        values = {c.value for c in cands}
        if {"mfj", "single"} <= values and not values & {"mfs", "hoh"}:
            return None
        best = min(cands, key=lambda c: FILING_PRIORITY.index(c.value))
        return best
    if isinstance(cands[0].value, bool):
        strong = [c for c in cands if c.strength == "strong"]
        pool = strong or cands
        values = {c.value for c in pool}
        return pool[0] if len(values) == 1 else None
    distinct: list[Candidate] = []
    for c in cands:
        if not any(_same(c.value, d.value) for d in distinct):
            distinct.append(c)
    if len(distinct) == 1:
        return cands[0]
    fixes = [c for c in cands if look.corrects(c.start)]
    if fixes:
        return fixes[-1]
    if key == "traditional_ira_balance" and not _SPOUSE_WORD.search(look.index.text):
        # (with a spouse named, some of the IRAs listed may be theirs: "IRA#3 = 35K [in
        # my non-working Spouse's name]", "Wife: 1. Traditional IRA - $7k")
        return _all_iras(distinct)
    return None


def _most_named_year(cands: list[Candidate], text: str) -> Candidate | None:
    """The year the text names most often (the one it keeps coming back to: "In 2015 I
    wanted to ... for 2015? ... For 2016, should I"), or the one it says is now ("Now
    it's 2010"); two years named as often leave it for the bot to ask ("In 2020, I
    performed ... penalty free in Jan 2025")."""
    now = [
        c
        for c in cands
        if _NOW_YEAR.search(text, max(0, c.start - 20), c.start)
        or _TAX_YEAR_AFTER.match(text, c.end)
    ]
    if len({c.value for c in now}) == 1:
        return now[0]
    counts: dict[Any, int] = {}
    for c in cands:
        counts[c.value] = counts.get(c.value, 0) + 1
    top = max(counts.values())
    leaders = [c for c in cands if counts[c.value] == top]
    return leaders[0] if len({c.value for c in leaders}) == 1 else None


# Just after a year: it names a tax year ("on a 2017 tax return", "my 2024 taxes").
_TAX_YEAR_AFTER = lazy_compile(r"\s+(?:tax (?:year|returns?)|taxes)\b", re.IGNORECASE)
# Just before a year: it is the present one ("Now it's 2010", "this year (2024)").
_NOW_YEAR = lazy_compile(
    r"\b(?:now it's|now it is|it's now|it is now|this year,?\s*\(?|tax year)\s*$", re.IGNORECASE
)


def _all_iras(distinct: list[Candidate]) -> Candidate:
    """Several pre-tax IRAs ("a SEP IRA with 40k and a rollover IRA with 110k") add up for
    the pro-rata rule; a total stated with its parts is the total."""
    values = [Decimal(str(c.value)) for c in distinct]
    biggest = max(values)
    if biggest == sum(values) - biggest:
        return distinct[values.index(biggest)]
    return Candidate(sum(values), distinct[0].start, distinct[-1].end)


def _derive(chosen: dict[str, Candidate], retire_in_years: list[Candidate], unbound: list) -> None:
    """Facts that follow from others, with the same evidence."""
    if "retire_age" not in chosen and "age" in chosen and len(retire_in_years) == 1:
        c = retire_in_years[0]
        chosen["retire_age"] = Candidate(chosen["age"].value + c.value, c.start, c.end)
    if "has_roth_ira" not in chosen and "roth_ira_first_year" in chosen:
        chosen["has_roth_ira"] = Candidate(True, *_where(chosen["roth_ira_first_year"]))
    balance = chosen.get("roth_ira_balance")
    if "has_roth_ira" not in chosen and balance and balance.value > 0:
        # "Roth IRA: $55k": a Roth IRA with money in it is a Roth IRA the person has
        chosen["has_roth_ira"] = Candidate(True, *_where(balance))
    if "still_employed" not in chosen and "separated_from_service_age" in chosen:
        chosen["still_employed"] = Candidate(False, *_where(chosen["separated_from_service_age"]))
    contributions = chosen.get("after_tax_contributions")
    earnings = chosen.get("after_tax_earnings")
    if contributions and earnings and "after_tax_total" not in chosen:
        total = Decimal(str(contributions.value)) + Decimal(str(earnings.value))
        for _span, amount in unbound:
            # "40,000 after tax ..., 30,000 via contributions and 10,000 by earnings"
            if _same(amount.value, total):
                chosen["after_tax_total"] = Candidate(amount.value, amount.start, amount.end)
                break


def _where(c: Candidate) -> tuple[int, int]:
    return c.start, c.end


# The amount_uses entries (patterns/amount_uses.yaml) that can tell of a conversion, and
# how near the amount their word stands ("converted about $20k", "a Roth conversion of
# $15,000", "$7,000 converted", "a $30,000 Roth conversion").
_CONVERSION_USES = frozenset(
    {
        "moved_before",
        "move_of_a_sum_before",
        "converting_a_sum_before",
        "transaction_of",
        "moved_after",
        "roth_conversion_after",
    }
)
_CONVERSION_REACH = 3  # tokens: the move's word and the words allowed between


def _converted(amount: Span) -> bool:
    """A conversion's word right beside the amount the move was read from."""
    doc = amount.doc
    before = doc[max(0, amount.start - _CONVERSION_REACH) : amount.start]
    after = doc[amount.end : amount.end + _CONVERSION_REACH - 1]
    return any(token.lower_.startswith("conver") for token in (*before, *after))


_WHOLE_WORDS = frozenset({"whole", "entire", "all", "full"})
_WHOLE_REACH = 4  # tokens: "convert all of my $80k", "converting my entire $80k"


def _whole_converted(amount: Span) -> bool:
    """A conversion's word, then a word for the whole, right before the amount."""
    before = amount.doc[max(0, amount.start - _WHOLE_REACH) : amount.start]
    words = [token.lower_ for token in before]
    return any(w.startswith("conver") for w in words[:-1]) and any(w in _WHOLE_WORDS for w in words)


def _json(key: str, value: Any) -> Any:
    if key in MONEY_KEYS:
        return to_json_number(Decimal(str(value)))
    if isinstance(value, Decimal):
        return to_json_number(value)
    return value


def _validated(facts: dict[str, Any]) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """Only what ``Facts.from_mapping`` accepts, and (key, reason) for what it refused.

    A value refused on its own ("age 500") is dropped with the checker's message; when
    the figures do not add up, the least specific ones go (DROP_ORDER) with the message
    that says why.
    """
    if not facts:
        return facts, []  # nothing to check (most short replies)
    try:
        Facts.from_mapping(facts)
        return facts, []  # the usual case: one check
    except (InvalidFacts, TypeError, ValueError):
        pass
    ok: dict[str, Any] = {}
    refused: list[tuple[str, str]] = []
    for key, value in facts.items():
        try:
            Facts.from_mapping({key: value})
        except (InvalidFacts, TypeError, ValueError) as error:
            refused.append((key, str(error)))
            continue
        ok[key] = value
    reason = ""
    for dropped in (None, *DROP_ORDER):
        if dropped is not None and dropped in ok:
            del ok[dropped]
            refused.append((dropped, reason))
        try:
            Facts.from_mapping(ok)
            return ok, refused
        except (InvalidFacts, TypeError, ValueError) as error:
            reason = str(error)
    return {}, refused + [(key, reason) for key in ok]


def _evidence(text: str, c: Candidate) -> str:
    """The words a fact was read from, whitespace tidied, cut to a readable length."""
    snippet = " ".join(text[c.start : c.end].split())
    if len(snippet) > MAX_EVIDENCE_CHARS:
        snippet = snippet[: MAX_EVIDENCE_CHARS - 1].rstrip() + "…"
    return snippet
