"""Answers to the questions people ask, as typed findings: what holds, never how it reads.

The catalogue of questions lives in ``data/questions/`` (one file each: what decides the
answer, which rules it rests on). This module turns one question plus a person's facts
and the engine's result into findings, ``Finding(id, rule, params)``: the id names a
message in the bot's catalogue, the rule a citation in ``data/rules.yaml``, and the
params are the figures, every one taken from the engine's result or a year-stamped
parameter. Nothing here writes English, so a sentence lives in one place only
(``bot/messages/en.yaml``), and the same facts always give the same findings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

from knowledge import yaml_files
from knowledge.facts import MONEY_KIND_AMOUNTS
from knowledge.money import cents, to_json_number
from knowledge.params import UnknownYear, all_parameters, param
from knowledge.prorata import basis_in_distribution

Json = Mapping[str, Any]
# Replies round figures to the dollar (bot.answers): earnings under half of one read as $0.
ROUNDS_TO_ZERO = Decimal("0.5")  # literal: rounding of a reply's dollars, not a legal number


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing that holds for this person: a message id, its rule, its figures."""

    id: str
    rule: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "rule": self.rule, "params": dict(self.params)}


@dataclass(frozen=True, slots=True)
class Verdict:
    """One verdict of a catalogue answer ("Yes", "No", "It depends on your plan") and the
    facts it holds for: each (fact, the values it may have), all stated by the facts; no
    ``when`` holds for any facts."""

    say: str
    when: tuple[tuple[str, tuple[Any, ...]], ...] = ()


@dataclass(frozen=True, slots=True)
class Belief:
    """A wrong belief about the rules that a question's answer corrects, stated by a
    poster as settled ("I know I'll have to pay the 10% penalty when I roll it over"): its
    id (``nlu/patterns/beliefs.yaml`` recognises it), the finding of the answer the
    correction rests on (``says``: said in its place, and only where it holds for the
    facts, so a belief the facts make right is never corrected) and the rule it cites.
    ``when``: the facts it is wrong for where the rule alone does not make it wrong, each
    (fact, the values it may have), all stated by the facts (or worked out from them:
    ``belief_wrong_for``), as a verdict's (``Verdict.when``): "each in-plan conversion has its
    own 5 years" is wrong only past 59½; none: wrong whatever the facts."""

    id: str
    says: str
    rule: str
    when: tuple[tuple[str, tuple[Any, ...]], ...] = ()


@dataclass(frozen=True, slots=True)
class Question:
    """One entry of the catalogue (``data/questions/<id>.yaml``)."""

    id: str
    question: str
    topic: str  # a few words naming it ("the rule of 55")
    depends_on: tuple[str, ...]
    rules: tuple[str, ...]
    findings: tuple[str, ...]
    follow_up: str | None
    route: bool  # answered by the numbers block of a route, not only by sentences
    fixed: tuple[tuple[str, str], ...]  # (finding, rule) of an answer the same for everyone
    intents: tuple[str, ...]  # the reader's intents that suggest it when nothing else does
    # more general questions its answer already holds: asked together, they are not
    # answered again ("a check already paid" holds "can it go to a Roth IRA")
    covers: tuple[str, ...] = ()
    # where the money is when this question no longer applies (its answer is about money
    # still in a plan): ``in_ira``, ``paid_out`` (nlu/patterns/asks.yaml, ``places``)
    not_for: tuple[str, ...] = ()
    # the kind of money its findings speak of (``after_tax``: the plan's after-tax source),
    # and the question asked in its place for each other kind the text names (``KINDS``;
    # none: nothing of it applies to that kind), see ``for_money``; ``roth_401k``: designated
    # Roth money, and ``instead: {after_tax: ...}`` the question asked where the facts name
    # after-tax money and no Roth money
    money: str | tuple[str, ...] | None = None
    instead: tuple[tuple[str, str | None], ...] = ()
    # the ``instead`` keys where the after-tax money it speaks of is held (``held_in``: basis
    # in a traditional IRA beside a plan, ``ira_and_plan``; no fact holds IRA basis): there
    # the question stays, alone, whatever other kinds are named
    held_in: tuple[str, ...] = ()
    # findings of an answer otherwise for any money that speak of the after-tax source
    # only: left out when the facts name other money alone (``other_kinds``)
    after_tax_only: tuple[str, ...] = ()
    # (finding, fact): the fact a finding turns on, asked when that finding is given
    follow_up_when: tuple[tuple[str, str], ...] = ()
    # a topic's general answer, recognised from a topic word ("rollover", "back door"): it
    # follows the answers to the questions actually asked, never pushes them down
    general: bool = False
    # a stock paragraph (the 415(c) room, a clock, the mega backdoor): recognised only in
    # the story while the text asks what no question recognises, it does not answer that
    stock: bool = False
    # the verdict the answer opens with when the question is asked in yes/no form ("Can I
    # ...?"), by the findings of the sentence that opens it ("route.split_general+route.
    # if_separate": "It depends on your plan"; "route.split_general": "Yes"), each with the
    # facts it holds for (``Verdict.when``: "Yes" to "Can I roll my 403(b) to a Roth IRA?"
    # only once the person has left the employer): data, never a guess, read by
    # ``verdict`` and said by ``bot.answers.compose`` only where the facts leave that sentence
    verdicts: tuple[tuple[str, tuple[Verdict, ...]], ...] = ()
    # the kinds of account whose rules its answer states (``ACCOUNTS``), where they differ
    # by account: never given to a text whose money is named in other kinds only
    # (``for_accounts``); empty: its answer holds whatever the account
    accounts: tuple[str, ...] = ()
    # the wrong beliefs about the rules its answer corrects (``Belief``): a poster who
    # states one as settled gets the correction first (``bot.answers.compose``)
    beliefs: tuple[Belief, ...] = ()
    # the state of the poster its answer presupposes, as (fact, value): "Past 59½ and still
    # working, can I roll ...?" presupposes ``still_employed: true``. Where the facts say
    # the opposite (the poster has left, the plan has no in-plan conversion), the answer
    # speaks of a step the poster does not have and is not given (``for_state``); where
    # the facts are silent, nothing changes
    presumes: tuple[tuple[str, Any], ...] = ()


@cache
def catalogue() -> Mapping[str, Question]:
    """Every question of ``data/questions/``, by id, in file-name order."""
    folder = resources.files("knowledge").joinpath("data", "questions")
    out: dict[str, Question] = {}
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".yaml"):
            continue
        data = yaml_files.read(entry)  # (libyaml, through the parse cache)
        out[data["id"]] = Question(
            id=data["id"],
            question=data["question"],
            topic=data["topic"],
            depends_on=tuple(data.get("depends_on") or ()),
            rules=tuple(data["rules"]),
            findings=tuple(data["findings"]),
            follow_up=data.get("follow_up"),
            route=bool(data.get("route", False)),
            intents=tuple(data.get("intents") or ()),
            not_for=tuple(data.get("not_for") or ()),
            fixed=tuple((a["finding"], a["rule"]) for a in data.get("answer") or ()),
            covers=tuple(data.get("covers") or ()),
            money=(
                tuple(data["money"]) if isinstance(data.get("money"), list) else data.get("money")
            ),
            instead=tuple((data.get("instead") or {}).items()),
            held_in=tuple(data.get("held_in") or ()),
            after_tax_only=tuple(data.get("after_tax_only") or ()),
            follow_up_when=tuple((data.get("follow_up_when") or {}).items()),
            general=bool(data.get("general", False)),
            stock=bool(data.get("stock", False)),
            verdicts=tuple(
                (key, _verdicts(cases)) for key, cases in (data.get("verdicts") or {}).items()
            ),
            accounts=tuple(data.get("accounts") or ()),
            beliefs=tuple(
                Belief(str(b["id"]), str(b["says"]), str(b["rule"]), _when(b.get("when")))
                for b in data.get("beliefs") or ()
            ),
            presumes=tuple((data.get("presumes") or {}).items()),
        )
    return out


@cache
def belief_entries() -> Mapping[str, tuple[str, Belief]]:
    """Each wrong belief the catalogue corrects, by id: (the question whose answer
    corrects it, the belief)."""
    return {b.id: (q.id, b) for q in catalogue().values() for b in q.beliefs}


def _verdicts(cases: str | list[Mapping[str, Any]]) -> tuple[Verdict, ...]:
    """A ``verdicts`` entry of a question file: one verdict for any facts ("Yes"), or a
    list of cases, each ``say`` with the facts it holds for (``when``: fact -> a value, or
    a list of values any of which holds), the first that holds said."""
    if isinstance(cases, str):
        return (Verdict(cases),)
    return tuple(Verdict(str(case["say"]), _when(case.get("when"))) for case in cases)


def _when(when: Mapping[str, Any] | None) -> tuple[tuple[str, tuple[Any, ...]], ...]:
    """A ``when`` of a question file (fact -> a value, or a list of values any of which
    holds) as (fact, values) pairs."""
    return tuple(
        (fact, tuple(value) if isinstance(value, list) else (value,))
        for fact, value in (when or {}).items()
    )


def belief_wrong_for(belief: Belief, facts: Json, result: Json) -> bool:
    """True when the facts show ``belief`` wrong for this person: its ``when`` stated by
    the facts (or worked out from them: ``VERDICT_FACTS``, and ``over_59_half`` from the
    age and the year's 59½), or it has none. Pure."""
    for fact, values in belief.when:
        if fact == "over_59_half":
            before = _before_59_half(facts, result)
            value = None if before is None else not before
        else:
            value = _fact_of(fact, facts)
        if value not in values:
            return False
    return True


def verdict(question_id: str, key: str, facts: Json) -> str | None:
    """The verdict the answer to ``question_id`` opens with when the sentence it opens
    with is ``key`` (its finding ids joined by "+"), for these facts: the first of the
    file's cases whose facts the person stated (``Verdict.when``; ``VERDICT_FACTS`` for
    those worked out from the facts). None when the file gives none for these facts: the
    facts do not decide it, and the answer opens without one. Pure."""
    cases = dict(catalogue()[question_id].verdicts).get(key, ())
    for case in cases:
        if all(_fact_of(fact, facts) in values for fact, values in case.when):
            return case.say
    return None


def _fact_of(name: str, facts: Json) -> Any:
    """A fact for a verdict's ``when``: stated (None when not), or worked out from the
    stated facts (``VERDICT_FACTS``)."""
    worked_out = VERDICT_FACTS.get(name)
    return worked_out(facts) if worked_out is not None else facts.get(name)


def _money_in_plan(facts: Json) -> bool | None:
    """True when the facts name money in an employer plan (a plan, or a plan's kind of
    money); False when they name a traditional IRA's money alone; None when they name
    neither, or an IRA beside money whose place they do not say."""
    if _plan_named(facts) or kind_named("roth_401k", facts):
        return True
    elsewhere = _after_tax_named(facts) or facts.get("pretax_balance") is not None
    if kind_named("ira", facts):
        return None if elsewhere else False
    return True if elsewhere or kind_named("pretax", facts) else None


# Facts a verdict may hold on that are worked out from the stated ones, not stated.
VERDICT_FACTS: Mapping[str, Callable[[Json], Any]] = {"money_in_plan": _money_in_plan}


# -- the kind of money a question is about ---------------------------------------------------

# The kinds of money other than the plan's after-tax (non-Roth) source, in the order their
# answers are given: designated Roth money rolls only to a Roth IRA or another designated
# Roth account, untaxed (IRC 402A(c)(3)); pretax money moved to a Roth is income (IRC
# 408A(d)(3)(A), 402A(c)(4)); money in a traditional IRA is pro-rata across all of them
# (IRC 408(d)(2)). Each with its ``has_*`` fact (``knowledge.facts.MONEY_KIND_AMOUNTS``
# gives the balance that names it too).
KINDS: Mapping[str, str] = {
    "roth_401k": "has_roth_401k",
    "pretax": "has_pretax_money",
    "ira": "has_traditional_ira",
}
# The facts that name after-tax (non-Roth) money in a plan.
AFTER_TAX_FACTS = MONEY_KIND_AMOUNTS["has_after_tax_money"]


def other_kinds(facts: Json) -> tuple[str, ...]:
    """The kinds of money (``KINDS``) the facts name when no after-tax (non-Roth) money is
    named; () when it is, or when no kind is: then an answer about the plan's after-tax
    source stands (the after-tax money is what rothbot is asked about, and a kind that is
    unclear is not guessed)."""
    if _after_tax_named(facts):
        return ()
    named = tuple(kind for kind in KINDS if kind_named(kind, facts))
    if not named and facts.get("has_after_tax_money") is False:
        return ("roth_401k", "pretax")  # not after-tax, kind not said: the plan's others
    if "ira" in named and facts.get("pretax_balance") is None and not _plan_named(facts):
        # pretax money beside a traditional IRA, no plan named: the IRA's own pretax money
        # ("commingled after-tax and pre-tax funds" in an IRA), pro-rata (IRC 408(d)(2))
        named = tuple(kind for kind in named if kind != "pretax")
    return named


def _plan_named(facts: Json) -> bool:
    return any(facts.get(key) is not None for key in PLAN_FACTS)


def kind_named(kind: str, facts: Json) -> bool:
    """True when the facts name this kind of money (``KINDS``): its ``has_*`` fact, or a
    balance above zero."""
    fact = KINDS[kind]
    return facts.get(fact) is True or any(
        (_num(facts.get(amount)) or 0) > 0 for amount in MONEY_KIND_AMOUNTS[fact]
    )


def roth_named(facts: Json) -> bool:
    """True when the facts name designated Roth (Roth 401(k), 403(b), 457(b)) money."""
    return kind_named("roth_401k", facts)


def roth_only(facts: Json) -> bool:
    """True when designated Roth money is the only kind named: an answer about after-tax
    basis, its split or a conversion would speak of money the person does not have (a
    rollover of Roth money goes only to a Roth IRA or a Roth account, untaxed, IRC
    402A(c)(3))."""
    return other_kinds(facts) == ("roth_401k",)


def _after_tax_named(facts: Json) -> bool:
    return facts.get("has_after_tax_money") is True or any(
        facts.get(key) is not None for key in AFTER_TAX_FACTS
    )


# Facts about the after-tax source itself: a text that gives one is about after-tax money.
AFTER_TAX_SOURCE_FACTS = ("after_tax_separately_accounted", "plan_allows_in_service")


def kind_unknown(facts: Json) -> bool:
    """True when the facts name no kind of money at all, after-tax or other: how a move to
    a Roth is taxed then depends on what is not known, so the answer says how it depends
    and asks (``follow_up_when``), rather than assume the after-tax source."""
    return (
        not _after_tax_named(facts)
        and facts.get("has_after_tax_money") is None
        and all(facts.get(key) is None for key in AFTER_TAX_SOURCE_FACTS)
        and not other_kinds(facts)
    )


# The kinds of money in a plan (``money_of_findings.yaml``'s ``plan``).
PLAN_KINDS = ("after_tax", "pretax", "roth_401k")


@cache
def money_of_findings() -> Mapping[str, frozenset[str]]:
    """Finding id -> the kinds of money it speaks of (``data/money_of_findings.yaml``); a
    finding not listed holds for any money."""
    data = yaml_files.read(resources.files("knowledge").joinpath("data", "money_of_findings.yaml"))
    out: dict[str, set[str]] = {}
    for kind, finding_ids in data.items():
        kinds = PLAN_KINDS if kind == "plan" else (kind,)
        for finding_id in finding_ids:
            out.setdefault(finding_id, set()).update(kinds)
    return {f: frozenset(k) for f, k in out.items()}


def money_kinds_of(facts: Json) -> frozenset[str] | None:
    """The kinds of money the post has, when the facts say it has other kinds than the
    after-tax source alone (``other_kinds``): a finding or question of other kinds only
    is then about money it does not have. None while after-tax money is named, or no kind
    is: everything may apply (and an unknown kind that decides is asked, ``kind_unknown``)."""
    kinds = set(other_kinds(facts))
    if not kinds:
        return None
    if not kinds & set(PLAN_KINDS) and _plan_named(facts):
        # a plan is named beside the IRA, its money's kind not said: a plan's rules may
        # apply to it (its 1099-R, its 20%), its after-tax source's only if named
        kinds |= {"pretax", "roth_401k"}
    return frozenset(kinds)


# Facts that say the post has money in an employer plan, whatever its kind.
PLAN_FACTS = (
    "employer_plan_type",
    "plan_allows_in_service",
    "plan_allows_in_plan_conversion",
    "employee_deferral",
    "employer_contribution",
)


def _question_kinds(question: Question) -> frozenset[str] | None:
    """The kinds of money a question's answer speaks of: those its file names (``money:
    [kinds]``), else those of its findings (``money_of_findings``), None when one of them
    holds for any money."""
    if isinstance(question.money, tuple):  # the kinds its file names
        return frozenset(question.money)
    declared = money_of_findings()
    if not question.findings or any(f not in declared for f in question.findings):
        return None
    return frozenset().union(*(declared[f] for f in question.findings))


def contradicted(presumes: Iterable[tuple[str, Any]], facts: Json) -> bool:
    """True when the facts state the opposite of a state presupposed (fact, value): a fact
    known with another value. An unknown fact contradicts nothing."""
    return any(facts.get(key) is not None and facts.get(key) != value for key, value in presumes)


def for_state(question_ids: Sequence[str], facts: Json) -> tuple[str, ...]:
    """The questions whose answers fit the poster's state: one that presupposes a state the
    facts contradict (``Question.presumes``: still working where the poster has left, an
    in-plan conversion the plan does not offer) is left out, so no answer leads with a step
    the poster does not have."""
    return tuple(q for q in question_ids if not contradicted(catalogue()[q].presumes, facts))


def for_money(question_ids: Sequence[str], facts: Json) -> tuple[str, ...]:
    """The questions as they apply to the money the facts name: a question about the plan's
    after-tax source (``money: after_tax``), or one whose every finding speaks of kinds of
    money the post does not have (``money_of_findings``: a plan's 1099-R for a traditional
    IRA's conversion), is replaced by the question its file names for each kind the post
    has (``instead``; or dropped where none applies; kept where it names itself: its answer
    holds for that kind too), so no answer speaks of money the person does not have."""
    kinds = other_kinds(facts)
    out: list[str] = []
    for question_id in question_ids:
        question = catalogue()[question_id]
        if question.money == "roth_401k":  # Roth money's question, of after-tax money alone
            if not (_after_tax_named(facts) and not roth_named(facts)):
                out.append(question_id)
            elif after_tax := dict(question.instead).get("after_tax"):
                out.append(after_tax)
            continue
        if question.money == "after_tax":
            # a kind where the after-tax money it speaks of is held (``held_in``: basis in a
            # traditional IRA, which no fact holds: a nondeductible contribution, "the basis
            # in the traditional IRA"): the question stays, alone
            instead = dict(question.instead)
            stays = not kinds or any(
                _instead_key(kind, facts, instead) in question.held_in for kind in kinds
            )
        else:  # of the kinds its findings speak of
            speaks_of, has = _question_kinds(question), money_kinds_of(facts)
            stays = speaks_of is None or has is None or bool(speaks_of & has)
        if stays:
            out.append(question_id)
            continue
        instead = dict(question.instead)
        out += [q for kind in kinds if (q := instead.get(_instead_key(kind, facts, instead)))]
    return tuple(dict.fromkeys(out))


# -- the kind of account a question's rules belong to ----------------------------------------

# Which rules apply depends on the account the money is in: an employer plan's (separate
# accounting of its after-tax source, IRC 72(e)(8) and Notice 2014-54; the rule of 55, IRC
# 72(t)(2)(A)(v)), a designated Roth account's (its own 5 years, pro-rata payouts, IRC
# 402A(d)), a traditional, SEP or SIMPLE IRA's (one IRA for pro-rata, IRC 408(d)(2), Form
# 8606; no rule of 55, IRC 72(t)(3)(A)), a Roth IRA's (ordering rules, IRC 408A(d)(4)).
# A paragraph of one account's rules read as the answer about money in another was the one
# harmful kind of reply left (expert grading, 2026-12-07): "No 10% penalty on a direct
# rollover" to a rule-of-55 question about an IRA, the Roth IRA's ordering to basis in a
# traditional IRA, "It counts" (IRA aggregation) to plan money rolled to a Roth IRA.
ACCOUNTS = ("plan", "roth_plan", "ira", "roth_ira")


def for_accounts(
    question_ids: Sequence[str], named: Iterable[str], facts: Json, places: Iterable[str] = ()
) -> list[str]:
    """The questions whose rules may apply to money in the accounts the text names
    (``named``: kinds of ``ACCOUNTS``, from the reader's account mentions; a traditional
    IRA also by its facts or by money said to be in one, ``places`` ``in_ira``: "Basis has
    been reported on Form 8606"): one whose file names the accounts its rules belong to
    (``accounts``) is left out when the text names accounts and none of those; with none
    named, nothing is left out (the account is not guessed)."""
    named = frozenset(named)
    if named and ("in_ira" in places or kind_named("ira", facts)):
        named |= {"ira"}
    if not named:
        return list(question_ids)
    return [
        q
        for q in question_ids
        if not (accounts := catalogue()[q].accounts) or named & set(accounts)
    ]


def _instead_key(kind: str, facts: Json, instead: Mapping[str, Any]) -> str:
    """The ``instead`` entry for a kind: for IRA money, ``ira_and_plan`` where a plan is
    named beside the IRA, its money's kind not said (the money moved may be the plan's),
    and the file names one; ``ira`` where the IRA is the only money (its conversion is
    pro-rata over all traditional, SEP and SIMPLE IRAs, IRC 408(d)(2))."""
    if kind == "ira" and _plan_named(facts) and "ira_and_plan" in instead:
        return "ira_and_plan"
    return kind


# -- the figures a finding may carry, read from the engine's result ------------------------


def _scenario(result: Json, scenario_id: str) -> Json:
    return next((s for s in result.get("scenarios", ()) if s["id"] == scenario_id), {})


def _num(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


@dataclass(frozen=True, slots=True)
class _Money:
    """The after-tax money as the facts and the split scenario give it."""

    basis: Decimal | None
    earnings: Decimal | None
    pretax: Decimal | None
    separate: bool | None

    @property
    def after_tax(self) -> Decimal | None:
        if self.basis is None:
            return None
        return self.basis + (self.earnings or Decimal(0))


def after_tax_parts(facts: Json) -> tuple[Decimal | None, Decimal | None]:
    """The after-tax contributions (basis) and earnings the facts give, each filled in from
    the after-tax total and the other where the text states only two of the three (the
    engine does the same on ``Facts``: ``knowledge.money_in_plan.after_tax_money``)."""
    basis = _num(facts.get("after_tax_contributions"))
    earnings = _num(facts.get("after_tax_earnings"))
    total = _num(facts.get("after_tax_total"))
    if basis is None and total is not None and earnings is not None:
        basis = total - earnings
    if earnings is None and total is not None and basis is not None:
        earnings = total - basis
    return basis, earnings


def _money(facts: Json, result: Json) -> _Money:
    split = _scenario(result, "split_rollover")
    basis, earnings = after_tax_parts(facts)
    if (
        split.get("to_roth_ira") is not None
        and facts.get("after_tax_separately_accounted") is not False
    ):
        basis = _num(split["to_roth_ira"])
        earnings = _num(split.get("to_traditional_ira"))
    return _Money(
        basis,
        earnings,
        _num(facts.get("pretax_balance")),
        facts.get("after_tax_separately_accounted"),
    )


def _year(result: Json) -> int:
    return int(result["tax_year"])


def _plan_limits(result: Json, *, deferral: bool = False) -> dict[str, Any]:
    """The year's 415(c) total (and, when asked, the 402(g) deferral limit), from the engine."""
    limits = result.get("limits") or {}
    params: dict[str, Any] = {}
    if deferral:
        params["deferral"] = limits.get("elective_deferral_limit")
    params.update(limit=limits.get("annual_additions_limit"), year=_year(result))
    return params


def _rate(name: str, result: Json) -> Any:
    """A parameter's value for the result's year as plain JSON numbers (a mapping of
    figures stays a mapping)."""
    try:
        return _plain(param(name, _year(result)))
    except UnknownYear:  # pragma: no cover - the engine only runs covered years
        return None


def _plain(value: Any) -> Any:
    """Plain numbers, unrounded: a rate such as 3.8% must not become 4% (``to_json_number``
    rounds to cents, right for money only)."""
    if value is None:
        return None
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    number = Decimal(value)
    return int(number) if number == number.to_integral_value() else float(number)


def _penalty_rate(result: Json) -> Any:
    return _rate("gov.irs.early_distribution.additional_tax_rate", result)


def _n(amount: Decimal | None) -> int | float | None:
    return None if amount is None else to_json_number(cents(amount))


# -- one function per question --------------------------------------------------------------

Answer = Callable[[Json, Json], list[Finding]]


def _move_to_roth(facts: Json, result: Json) -> list[Finding]:
    if kind_unknown(facts):  # the kind decides the tax: say how, and ask
        return [Finding("kinds.which", "notice_2014_54")]
    m = _money(facts, result)
    if m.separate is False:  # the after-tax money alone is pro-rata: say so, then the route
        return _prorata_partial(facts, result)
    out: list[Finding] = []
    if _scenario(result, "split_rollover").get("available") == "no":
        out.append(Finding("timing.plan_refuses", "plan_document"))
    figures_without_pretax = None not in (m.basis, m.earnings) and m.pretax is None
    if m.separate is None and facts.get("still_employed") is False and not figures_without_pretax:
        # after leaving, the whole account can be paid out in one distribution, whose split
        # needs no separate accounting (Notice 2014-54): that condition decides nothing then
        return [*out, *_full_split(facts, result, m)]
    if m.basis is not None and m.earnings is not None and m.earnings < ROUNDS_TO_ZERO:
        # (earnings that round to $0: "$0 to a traditional IRA" would read as a slip)
        params = {"basis": _n(m.basis), "rate": _penalty_rate(result)}
        out += [Finding("route.all_basis", "notice_2014_54", params)]
    elif m.basis is not None and m.earnings is not None:
        out += [
            Finding(
                "route.split", "notice_2014_54", {"basis": _n(m.basis), "earnings": _n(m.earnings)}
            )
        ]
    else:
        out += [Finding("route.split_general", "notice_2014_54")]
    if m.separate is None:
        out.append(Finding("route.if_separate", "irc_72_d_2"))
    return out


def _full_split(facts: Json, result: Json, m: _Money) -> list[Finding]:
    """The whole-account split: said as the route open now only where the plan can pay the
    whole account out. A person still employed and under 59½ (the parameter; or of an age
    that does not settle it) cannot take the pretax deferrals out yet (IRC 401(k)(2)(B)):
    the split is what opens at separation or 59½, and the route open now is named."""
    employed = facts.get("still_employed") is True
    later = employed and _before_59_half(facts, result) is not False
    # still employed past 59½: a payout in service at 59½ is a plan option, not a right
    # (IRC 401(k)(2)(B) permits it; Treas. Reg. 1.401(k)-1(d)), so the split is said as
    # what opens when the plan pays the whole account out
    at_59 = employed and not later
    name = "route.full_split_later" if later else "route.full_split"
    name = "route.full_split_at_59" if at_59 else name
    rule = "irc_401_k_2_b" if later or at_59 else "irs_after_tax_rollovers"
    # (a direct rollover carries no 10%: said with the split open now, for "penalties and tax")
    rate = {"rate": _penalty_rate(result)}
    if m.basis is not None and m.pretax is not None:
        pretax = m.pretax + (m.earnings or Decimal(0))
        return [
            Finding(name, rule, {"basis": _n(m.basis), "pretax": _n(pretax), **rate}),
            *(_open_now(facts) if later else _rule_55_kept(facts, result)),
        ]
    if later:
        return [Finding("route.full_split_later_general", rule), *_open_now(facts)]
    return [Finding(f"{name}_general", rule, rate), *_rule_55_kept(facts, result)]


def _rule_55_kept(facts: Json, result: Json) -> list[Finding]:
    """Someone who has left the employer, between the rule-of-55 age and 59½: money rolled
    to an IRA loses the rule of 55 (IRC 72(t)(3)(A)), so what they need before 59½ is
    better left in the plan - if they left in or after the year they turned 55, which the
    facts do not show, so it is said as a condition."""
    age = facts.get("age")
    separation_age = _rate("gov.irs.early_distribution.separation_age", result)
    if facts.get("still_employed") is not False or age is None or separation_age is None:
        return []
    if age < separation_age or _before_59_half(facts, result) is not True:
        return []
    params = {"age": separation_age, "rate": _penalty_rate(result)}
    return [Finding("route.rule55_keep", "irc_72_t_3_a", params)]


def _open_now(facts: Json) -> list[Finding]:
    """The route open while still employed: an in-service withdrawal of the after-tax source
    or an in-plan Roth conversion, as the plan's rules (the facts) allow; asked if unknown."""
    in_service = facts.get("plan_allows_in_service")
    in_plan = facts.get("plan_allows_in_plan_conversion")
    if in_service is True:
        return [Finding("route.now_in_service", "reg_1_401_k_1_d")]
    if in_plan is True:
        return [Finding("route.now_in_plan", "irc_402a_c_4")]
    if in_service is False and in_plan is False:
        return [Finding("route.now_none", "plan_document")]
    if in_service is False:
        return [Finding("route.now_in_plan_if", "irc_402a_c_4")]
    return [Finding("route.now_if_plan", "reg_1_401_k_1_d")]


def _all_to_roth_tax(facts: Json, result: Json) -> list[Finding]:
    if kind_unknown(facts):
        return [Finding("kinds.which", "notice_2014_54")]
    m = _money(facts, result)
    scenario = _scenario(result, "all_to_roth_ira")
    if m.separate is not False and scenario.get("taxable_income") is not None and m.after_tax:
        params = {
            "total": _n(m.after_tax),
            "taxable": scenario["taxable_income"],
            "tax": scenario.get("federal_tax"),
            "basis": _n(m.basis),
        }
        if params["tax"] is None:
            return [Finding("all_to_roth.taxable", "irc_408a_d_3_a", params)]
        return [Finding("all_to_roth.taxed", "irc_408a_d_3_a", params)]
    return [Finding("all_to_roth.general", "irc_408a_d_3_a")]


def _timing(facts: Json, result: Json) -> list[Finding]:
    employed = facts.get("still_employed")
    allowed = facts.get("plan_allows_in_service")
    if employed is False:
        return [Finding("timing.left", "notice_2014_54")]
    if allowed is True:
        return [Finding("timing.now_allowed", "plan_document")]
    if allowed is False:
        return [Finding("timing.plan_refuses", "plan_document")]
    return [Finding("timing.now_if_plan", "plan_document")]


def _prorata_partial(facts: Json, result: Json) -> list[Finding]:
    m = _money(facts, result)
    if m.separate is True:
        return [Finding("prorata.separate_contract", "irc_72_d_2")]
    # (the facts say the plan mixes the money: a plain "No", not the condition again)
    mixed = "prorata.partial_mixed" if m.separate is False else "prorata.partial"
    out = [Finding(mixed, "irc_72_e_8")]
    if m.basis is not None and m.pretax is not None and m.after_tax:
        balance = m.pretax + m.after_tax
        split = basis_in_distribution(m.after_tax, m.basis, balance)
        out.append(
            Finding(
                "prorata.partial_figures",
                "irc_72_e_8",
                {
                    "distribution": _n(split.distribution),
                    "balance": _n(balance),
                    "nontaxable": _n(split.nontaxable),
                    "pretax": _n(split.pretax),
                },
            )
        )
    elif (
        (total := _num(facts.get("after_tax_total")))
        and m.basis is None
        and m.pretax
        and not facts.get("pre_1987_basis")
    ):
        # (the after-tax total without its split into contributions and earnings: the basis
        # is at most all of it, so the share a distribution of that size carries is a bound;
        # pre-1987 basis, out first, would break the bound)
        balance = m.pretax + total
        most = basis_in_distribution(total, total, balance)
        out.append(
            Finding(
                "prorata.partial_figures_at_most",
                "irc_72_e_8",
                {
                    "distribution": _n(most.distribution),
                    "balance": _n(balance),
                    "nontaxable": _n(most.nontaxable),
                    "pretax": _n(most.pretax),
                },
            )
        )
    return [*out, *_full_split(facts, result, m)]


def _prorata_in_plan(facts: Json, result: Json) -> list[Finding]:
    m = _money(facts, result)
    if m.separate is False:
        return [Finding("prorata.in_plan_mixed", "irc_72_e_8")]
    known = "prorata.in_plan_separate" if m.separate else "prorata.in_plan"
    out = [Finding(known, "irc_402a_c_4")]
    if m.basis and m.earnings is not None and m.after_tax:
        share = to_json_number(cents(m.earnings / m.after_tax))
        out.append(
            Finding(
                "prorata.in_plan_share",
                "irc_72_e_8",
                {"earnings": _n(m.earnings), "total": _n(m.after_tax), "share": share},
            )
        )
    return out


def _rule_of_55_deadline(facts: Json, result: Json) -> list[Finding]:
    out = [
        Finding(
            "rule55.no_deadline",
            "irc_72_t_2_a_v",
            {
                "rate": _penalty_rate(result),
                "age": _rate("gov.irs.early_distribution.separation_age", result),
            },
        ),
        Finding("rule55.stay_in_plan", "irc_72_t_3_a"),
    ]
    return out


def _when_59_half(facts: Json, result: Json) -> list[Finding]:
    clock = (result.get("clocks") or {}).get("age_59_half")
    if clock:
        return [
            Finding(
                "age59.dates",
                "irc_72_t_2_a_i",
                {"earliest": clock["earliest"], "latest": clock["latest"]},
            )
        ]
    return [Finding("age59.definition", "irc_72_t_2_a_i")]


def _roth_ira_five_year(facts: Json, result: Json) -> list[Finding]:
    out = [Finding("roth_ira_clock.basis_free", "reg_1_408a_6")]
    clock = (result.get("clocks") or {}).get("roth_ira_five_year")
    if clock and clock.get("starts"):
        out.append(
            Finding(
                "roth_ira_clock.dates",
                "reg_1_408a_6",
                {"starts": clock["starts"], "met_on": clock["five_years_met_on"]},
            )
        )
    return out


def _after_tax_room(facts: Json, result: Json) -> list[Finding]:
    limits = result.get("limits") or {}
    params = _plan_limits(result)
    if limits.get("after_tax_room") is not None:
        return [Finding("room.yours", "irc_415_c", {**params, "room": limits["after_tax_room"]})]
    return [Finding("room.limit", "irc_415_c", params)]


def _max_first(facts: Json, result: Json) -> list[Finding]:
    """No tax rule orders deferrals, employer money and after-tax contributions; the year's
    415(c) total (from the engine) holds them all."""
    return [Finding("max_first.no", "irc_415_c", _plan_limits(result))]


def _rollover_not_ira_limit(facts: Json, result: Json) -> list[Finding]:
    limit = _rate("gov.irs.ira.contribution_limit", result)
    return [
        Finding("ira_limit.not_counted", "irc_408a_c_3", {"limit": limit, "year": _year(result)})
    ]


def _with_withholding_rate(finding_id: str, rule: str) -> Answer:
    """An answer whose one figure is the year's withholding rate on a paid-out rollover."""

    def answer(facts: Json, result: Json) -> list[Finding]:
        rate = _rate("gov.irs.withholding.eligible_rollover_rate", result)
        return [Finding(finding_id, rule, {"rate": rate})]

    return answer


def _in_plan_conversion(facts: Json, result: Json) -> list[Finding]:
    if kind_unknown(facts):
        return [Finding("kinds.which_in_plan", "irc_402a_c_4")]
    out = [Finding("in_plan.how", "irc_402a_c_4")]
    scenario = _scenario(result, "in_plan_conversion")
    if scenario.get("to_roth_401k") and scenario.get("taxable_income") is not None:
        out.append(
            Finding(
                "in_plan.figures",
                "irc_402a_c_4",
                {"amount": scenario["to_roth_401k"], "taxable": scenario["taxable_income"]},
            )
        )
    return [*out, Finding("in_plan.vs_roth_ira", "irc_72_t_2_a_v")]


def _basis_access_before_59(facts: Json, result: Json) -> list[Finding]:
    """Rolled or converted basis comes out first from a Roth IRA (IRC 408A(d)(4)); converted
    in the plan, it stays in the Roth 401(k), whose payouts before qualified are pro-rata
    with earnings (IRC 72(e)(8)), as the after-tax source's were before the conversion."""
    rate = {"rate": _penalty_rate(result)}
    out = [
        Finding("access.basis_anytime", "irc_408a_d_4"),
        Finding("access.recapture_taxable_only", "irc_408a_d_3_f", rate),
    ]
    if facts.get("plan_allows_in_plan_conversion") is True:  # the plan's case first
        out.insert(0, Finding("access.in_plan_pro_rata", "irc_72_e_8", rate))
    return out


def _rmd(facts: Json, result: Json) -> list[Finding]:
    out = [Finding("rmd.roth_none", "irc_401_a_9")]
    rmd = (result.get("clocks") or {}).get("rmd") or {}
    age, first_age = facts.get("age"), rmd.get("applicable_age")
    if age is None or first_age is None or age >= first_age:
        out.append(Finding("rmd.first_not_rollable", "irc_402_c"))
    return out


def _roth_vs_after_tax(facts: Json, result: Json) -> list[Finding]:
    params = _plan_limits(result, deferral=True)
    return [
        Finding("kinds.roth_vs_after_tax", "irc_402_g", params),
        # how each reaches a Roth IRA is half the difference (fq019: "Can they each,
        # easily be rolled into Roth IRAs?"): Roth money whole (402A(c)(3)), its plan
        # years left behind (1.408A-10); after-tax basis split from its earnings
        Finding("kinds.roth_vs_after_tax_rolls", "reg_1_408a_10"),
    ]


def _mega_backdoor(facts: Json, result: Json) -> list[Finding]:
    params = _plan_limits(result)
    return [Finding("mega.what", "irc_415_c", params)]


def _common_figures(result: Json) -> dict[str, Any]:
    """The year's figures an answer that is the same for everyone may quote: the 10%
    rate, the days of a 60-day rollover, the withholding rate on a paid-out rollover, the
    ages of the separation-from-service exception and the excess-contribution excise rate."""
    return {
        "rate": _penalty_rate(result),
        "days": _rate("gov.irs.rollover.period_days", result),
        "withholding": _rate("gov.irs.withholding.eligible_rollover_rate", result),
        "age": _rate("gov.irs.early_distribution.separation_age", result),
        "safety_age": _rate("gov.irs.early_distribution.public_safety_separation_age", result),
        "owner_share": _rate("gov.irs.rmd.five_percent_owner_share", result),
        # (the years a conversion's taxable part owes the 10% if taken out, IRC 408A(d)(3)(F))
        "recapture_years": _period("conversion_recapture", result),
        "excess_rate": _rate("gov.irs.ira.excess_contribution_tax_rate", result),
        # (a SIMPLE IRA's first years: only to another SIMPLE IRA, and 25% for 10%)
        "simple_years": _rate("gov.irs.ira.simple_ira_restricted_years", result),
        "simple_rate": _rate("gov.irs.early_distribution.simple_ira_rate", result),
        # (payments for life or this many years or more are not eligible rollovers)
        "period_years": _rate("gov.irs.rollover.periodic_payment_years", result),
        # (a former employee's balance a plan may pay out without consent, and the amount
        # above which such a payout goes to an IRA the plan opens, IRC 411(a)(11), 401(a)(31)(B))
        "cashout": _rate("gov.irs.rollover.cashout_limit", result),
        "auto_ira": _rate("gov.irs.rollover.automatic_rollover_threshold", result),
        # (the years a 72(t) series must run unchanged, and at least to 59½)
        "sepp_years": _rate("gov.irs.early_distribution.sepp_minimum_years", result),
    }


def _before_59_half(facts: Json, result: Json) -> bool | None:
    """True / False when the age in years settles it, None when it does not (59, or no
    age): whole years cannot place 59½ (the parameter) on one side."""
    age = facts.get("age")
    threshold = _rate("gov.irs.early_distribution.age_59_half", result)
    if age is None or threshold is None:
        return None
    if age + 1 <= threshold:
        return True
    if age >= threshold:
        return False
    return None


def _surviving_spouse(facts: Json, result: Json) -> list[Finding]:
    """The late spouse's plan money rolled as the spouse's own (IRC 402(c)(9)), for the kind
    of money named: designated Roth money only to their own Roth IRA, untaxed, and
    qualified once the late spouse's 5 years have run, death being the qualifying event;
    after-tax money split by Notice 2014-54; no kind named: how each kind goes, and ask."""
    figures = _common_figures(result)
    if roth_only(facts):
        out = [
            Finding("spouse.own_roth_drac", "irc_402_c_9"),
            _qualified_after_death(result),
        ]
    else:
        # (no kind named: how a check splits by kind is not said before the kind is known)
        unknown = kind_unknown(facts)
        out = [
            Finding("spouse.own_kinds" if unknown else "spouse.own_roth", "irc_402_c_9"),
            Finding("spouse.check_any" if unknown else "spouse.check", "irc_402_c", figures),
        ]
        if "roth_401k" in other_kinds(facts):  # pretax or IRA money beside the Roth money
            out.insert(1, _qualified_after_death(result))
    out.append(Finding("rmd.first_not_rollable", "irc_402_c_4"))  # the late spouse's, if due
    if _before_59_half(facts, result) is not False:  # under 59½, or not known
        out.append(Finding("spouse.under_59", "irc_72_t_2_a_ii", figures))
    return out


def _qualified_after_death(result: Json) -> Finding:
    """A payout from an inherited designated Roth account is qualified, wholly tax-free,
    once the late owner's 5-taxable-year period has run: death is the qualifying event at
    any age of the beneficiary (IRC 402A(d)(2); Treas. Reg. 1.402A-1, Q&A-2)."""
    params = {
        "years": _period("designated_roth_account", result),
        "rate": _penalty_rate(result),
    }
    return Finding("roth.qualified_after_death", "reg_1_402a_1_a2", params)


def _inherited_to_roth(facts: Json, result: Json) -> list[Finding]:
    """A beneficiary who is not the spouse: a direct transfer to an inherited Roth IRA only
    (IRC 402(c)(11)); how it is taxed turns on the kind of money: inherited designated Roth
    money moves untaxed (IRC 402A(c)(3)) and is qualified once the late owner's 5 years
    have run; pretax money moved to a Roth is income."""
    rate = {"rate": _penalty_rate(result)}
    days = {"days": _rate("gov.irs.rollover.period_days", result)}
    if roth_only(facts):
        return [
            Finding("inherited.roth_direct", "irc_402_c_11", days),
            _qualified_after_death(result),
        ]
    out = [
        Finding("inherited.direct_only", "irc_402_c_11", days),
        Finding("inherited.taxed", "irc_72_t_2_a_ii", rate),
    ]
    if "roth_401k" in other_kinds(facts):  # pretax or IRA money beside the Roth money
        out.append(_qualified_after_death(result))
    return out


def _pretax_to_roth(facts: Json, result: Json) -> list[Finding]:
    """Pretax money moved to a Roth is income (IRC 408A(d)(3)(A)); beside Roth 401(k)
    money, whose earnings move untaxed (IRC 402A(c)(3)), that is said rather than "only
    after-tax contributions go in tax-free"."""
    beside_roth = roth_named(facts) and not _after_tax_named(facts)
    finding = "pretax_to_roth.income_beside_roth" if beside_roth else "pretax_to_roth.income"
    return [Finding(finding, "notice_2008_30_plan_to_roth", {"rate": _penalty_rate(result)})]


def _roth_401k_to_roth_ira(facts: Json, result: Json) -> list[Finding]:
    """Roth 401(k) money goes only to a Roth IRA or a Roth account, untaxed (IRC
    402A(c)(3)); with pretax money beside it, one distribution, two direct rollovers."""
    out = [
        Finding("roth_401k.only_roth", "irc_402a_c_3"),
        Finding("roth_401k.rolled_basis", "reg_1_408a_10"),
    ]
    if kind_named("pretax", facts):
        out.append(Finding("roth_401k.with_pretax", "reg_1_402a_1_a5"))
    return out


def _in_service_at_59(facts: Json, result: Json) -> list[Finding]:
    out = [Finding("in_service.from_59", "irc_401_k_2_b")]
    if _before_59_half(facts, result) is False:
        out.append(Finding("in_service.your_age", "plan_document", {"age": facts["age"]}))
    return [*out, Finding("in_service.to_roth", "irc_408a_d_3_a")]


def _range(name: str, result: Json, prefix: str = "") -> dict[str, Any]:
    """A year's phase-out range as ``{prefix}start`` / ``{prefix}end`` figures."""
    return {f"{prefix}{end}": _rate(f"{name}.{end}", result) for end in ("start", "end")}


def _ira_contribution(facts: Json, result: Json) -> list[Finding]:
    """Income never bars a traditional IRA contribution (IRC 219(g) limits only the
    deduction); it limits a direct Roth IRA contribution, and the backdoor is what is left.
    Every range is the year's parameter, quoted whole: the reader rarely knows the filing
    status and plan coverage that pick one, so the answer does not pick for them."""
    year = {"year": _year(result)}
    limit = {
        **year,
        "limit": _rate("gov.irs.ira.contribution_limit", result),
        "catch_up": _rate("gov.irs.ira.catch_up", result),
        "catch_up_age": _rate("gov.irs.ira.catch_up_age", result),
        **_range("gov.irs.ira.deduction_phase_out.covered.single", result, "single_"),
        **_range("gov.irs.ira.deduction_phase_out.covered.mfj", result, "mfj_"),
    }
    roth = {
        **year,
        **_range("gov.irs.ira.roth.phase_out.mfj", result, "roth_mfj_"),
        **_range("gov.irs.ira.roth.phase_out.single", result, "roth_single_"),
        **_range("gov.irs.ira.roth.phase_out.mfs", result, "roth_mfs_"),
    }
    return [
        Finding("ira_contrib.any_income", "irc_219_g", limit),
        Finding("ira_contrib.roth_phase_out", "irc_408a_c_3", roth),
        Finding("ira_contrib.backdoor", "irc_408_d_2"),
    ]


def _spousal_ira(facts: Json, result: Json) -> list[Finding]:
    span = _range("gov.irs.ira.deduction_phase_out.spouse_covered.mfj", result, "spouse_")
    return [Finding("ira_contrib.spousal", "irc_219_c", {"year": _year(result), **span})]


def _after_tax_offered(facts: Json, result: Json) -> list[Finding]:
    params = _plan_limits(result)
    return [
        Finding("after_tax.only_if_offered", "plan_document"),
        Finding("after_tax.room_and_move", "irc_415_c", params),
    ]


def _after_tax_catches(facts: Json, result: Json) -> list[Finding]:
    params = _plan_limits(result)
    return [Finding("after_tax.catches", "irc_401_m", params)]


def _after_tax_roth_label(facts: Json, result: Json) -> list[Finding]:
    params = _plan_limits(result, deferral=True)
    return [Finding("after_tax.roth_label", "irc_402a_d_2", params)]


def _plan_to_roth_ira(facts: Json, result: Json) -> list[Finding]:
    """A whole plan to a Roth IRA: taxed this year, no flat 20%, slices through a
    traditional IRA; past 59½, the slices have until required distributions start."""
    figures = _common_figures(result)
    out = [
        Finding("plan_to_roth.taxed", "irc_408a_d_3_a", figures),
        Finding("plan_to_roth.withholding", "irc_3405_c", figures),
    ]
    rmd_age = ((result.get("clocks") or {}).get("rmd") or {}).get("applicable_age")
    if _before_59_half(facts, result) is not False or rmd_age is None:
        return [*out, Finding("plan_to_roth.slices", "irc_408a_d_3_a", figures)]
    if facts["age"] < rmd_age:
        return [
            *out,
            Finding("plan_to_roth.slices_before_rmd", "irc_401_a_9", {"rmd_age": rmd_age}),
        ]
    return [
        *out,
        Finding("plan_to_roth.slices", "irc_408a_d_3_a", figures),
        Finding("rmd.first_not_rollable", "irc_402_c"),
    ]


# -- answers-b (second session): withholding on a conversion, the RMD year, in-service
# sources, the shared deferral limit ------------------------------------------------------


def _conversion_withholding(facts: Json, result: Json) -> list[Finding]:
    """What is withheld is not converted: a distribution, taxable, and before 59½ with the
    10% too; who withholds by default (an IRA custodian) and who does not (a direct plan
    rollover)."""
    rate = _penalty_rate(result)
    if _before_59_half(facts, result) is False:
        kept = Finding(
            "convert_withholding.past_59",
            "withholding_not_converted",
            {"age": facts["age"], "rate": rate},
        )
    else:
        days = _rate("gov.irs.rollover.period_days", result)
        kept = Finding(
            "convert_withholding.not_converted",
            "withholding_not_converted",
            {"rate": rate, "days": days},
        )
    rates = {
        "ira_rate": _rate("gov.irs.withholding.nonperiodic_rate", result),
        "withholding": _rate("gov.irs.withholding.eligible_rollover_rate", result),
    }
    return [kept, Finding("convert_withholding.who_withholds", "irc_3405_b", rates)]


def _rmd_age_schedule() -> dict[str, Any]:
    """The RMD starting ages by birth year (SECURE 2.0's two steps, from the parameter), said
    when the person's age is unknown: the first age, the later one and the birth year it
    starts with."""
    schedule = all_parameters()["gov.irs.rmd.applicable_age"].values
    first, later, *_ = sorted(schedule)
    return {
        "first_age": to_json_number(schedule[first]),
        "later_age": to_json_number(schedule[later]),
        "later_born": later,
    }


def _rmd_first(facts: Json, result: Json) -> list[Finding]:
    """The required distribution comes out first and is not rollable; whether it applies
    yet is the person's age against the applicable age (SECURE 2.0, the parameter)."""
    out = [Finding("rmd_first.comes_out_first", "reg_1_402_c_2_a7")]
    rmd = (result.get("clocks") or {}).get("rmd") or {}
    age, rmd_age = facts.get("age"), rmd.get("applicable_age")
    if age is not None and rmd_age is not None and age < rmd_age:
        out.append(Finding("rmd_first.not_yet", "irc_401_a_9", {"age": age, "rmd_age": rmd_age}))
    elif rmd_age is None:
        out.append(Finding("rmd_first.ages", "irc_401_a_9", _rmd_age_schedule()))
    return [*out, Finding("rmd.roth_none", "irc_401_a_9")]


def _in_service_sources(facts: Json, result: Json) -> list[Finding]:
    out = [
        Finding("in_service.deferrals_only", "reg_1_401_k_1_d"),
        Finding("in_service.earnings_follow", "irc_72_e_8", {"rate": _penalty_rate(result)}),
    ]
    if _before_59_half(facts, result) is False:
        out.append(Finding("in_service.your_age", "plan_document", {"age": facts["age"]}))
    return out


def _deferral_limit_shared(facts: Json, result: Json) -> list[Finding]:
    params = _plan_limits(result, deferral=True)
    return [
        Finding("deferral.one_limit", "irc_402_g_per_person", params),
        Finding("deferral.after_tax_apart", "irc_415_c", params),
    ]


# -- answers-c: the 5-year window on converted money ---------------------------------------


def _period(name: str, result: Json) -> Any:
    """One of the year's 5-taxable-year Roth periods (``gov.irs.roth.five_year_periods``)."""
    try:
        return to_json_number(param("gov.irs.roth.five_year_periods", _year(result))[name])
    except UnknownYear:  # pragma: no cover - the engine only runs covered years
        return None


def _conversion_five_year(facts: Json, result: Json) -> list[Finding]:
    """The taxable part of each conversion carries the 10% for its own 5 years, unless a
    72(t) exception applies (59½ ends it); basis never does. A conversion this tax year
    shows the dates: the window runs from January 1 of the conversion's year. Past 59½ by
    the stated age, that alone is said: the window no longer applies."""
    years = _period("conversion_recapture", result)
    year = _year(result)
    window = {
        "rate": _penalty_rate(result),
        "years": years,
        "year": year,
        "clear": None if years is None else year + years,
    }
    rate = {"rate": window["rate"]}
    if _before_59_half(facts, result) is False:
        # past 59½ the window no longer matters: that is the answer, and all of it (asked
        # "at 67, must I wait five years after converting?", be032)
        return [Finding("recapture.your_age", "irc_408a_d_2", {"age": facts["age"], **rate})]
    return [
        Finding("recapture.window", "reg_1_408a_6_a5", window),
        Finding("recapture.basis_order", "reg_1_408a_6_a8"),
        Finding("recapture.after_59", "irc_408a_d_2", rate),
    ]


def _after_tax_withdraw(facts: Json, result: Json) -> list[Finding]:
    """Only the contributions of after-tax plan money come out tax-free (IRC 72(e)(8)); the
    10% on the earnings is named only where the stated age does not put 59½ behind the
    poster (an expert grading found it told to a 66-year-old, bc017). The age only narrows
    what is said, so it is not among the facts the answer depends on."""
    past = _before_59_half(facts, result) is False
    finding = "after_tax_out.contributions_only" + (".past_59" if past else "")
    return [Finding(finding, "irc_72_e_8", _common_figures(result))]


def _in_plan_conversion_access(facts: Json, result: Json) -> list[Finding]:
    """Converted money in the Roth 401(k) comes back tax-free but pro-rata with the
    earnings until qualified (IRC 402A(d)(4)); its taxable part carries the 10% for its own
    5 years, which 72(t)'s exceptions lift: 59½, or the rule of 55 on that plan's payouts
    (408A(d)(3)(F) runs 72(t) "as if" the part were income), lost in an IRA (72(t)(3)(A))."""
    rate = _penalty_rate(result)
    tax_free = Finding("ipc_access.tax_free", "irc_402a_d_4")
    if _before_59_half(facts, result) is False:
        return [Finding("ipc_access.past_59", "irc_408a_d_3_f", {"rate": rate}), tax_free]
    window = {
        "rate": rate,
        "years": _period("conversion_recapture", result),
        "age": _rate("gov.irs.early_distribution.separation_age", result),
    }
    age = facts.get("separated_from_service_age", facts.get("age"))
    if age is not None and window["age"] is not None and age < window["age"]:
        # (years before the rule of 55 can apply: the exception is named, not promised)
        return [Finding("ipc_access.under_55", "irc_408a_d_3_f", window), tax_free]
    return [
        Finding("ipc_access.rule55", "irc_72_t_2_a_v", window),
        Finding("ipc_access.keep", "irc_72_t_3_a"),
        tax_free,
    ]


# -- answers-c: early access (72(t) payments, a home), an excess over 415(c) --------------


def _sepp_vs_rule_55(facts: Json, result: Json) -> list[Finding]:
    """The rule of 55 against 72(t) payments: which plan, how long, what is locked; the
    ages, the lock-in years and the rates are the year's parameters."""
    figures = {
        **_common_figures(result),
        "years": _rate("gov.irs.early_distribution.sepp_minimum_years", result),
    }
    how = Finding("sepp.how", "irc_72_t_2_a_iv", figures)
    rule55 = Finding("sepp.rule55", "irc_72_t_2_a_v", figures)
    # (money in a plan, no IRA named, and an age at or past the separation age: the rule of
    # 55 is the simpler answer and comes first, answers-a 2026-12-07, be033)
    age = facts.get("separated_from_service_age", facts.get("age"))
    plan_only = facts.get("employer_plan_type") and not facts.get("has_traditional_ira")
    if plan_only and age is not None and figures["age"] is not None and age >= figures["age"]:
        return [rule55, how, Finding("sepp.withholding", "irc_3405_c", figures)]
    return [how, rule55, Finding("sepp.withholding", "irc_3405_c", figures)]


def _home_purchase(facts: Json, result: Json) -> list[Finding]:
    """Money for a home: the IRA-only first-home exception, a plan's hardship withdrawal
    (the 10% stays), a plan loan; every limit is the year's parameter."""
    rate = _penalty_rate(result)
    home = {
        "rate": rate,
        "limit": _rate("gov.irs.early_distribution.first_home_limit", result),
        "years": _rate("gov.irs.early_distribution.first_home_years", result),
    }
    loan = {
        "rate": rate,
        "loan_max": _rate("gov.irs.retirement.plan_loan_limit", result),
        "share": _rate("gov.irs.retirement.plan_loan_vested_share", result),
    }
    out = [Finding("home.ira_only", "irc_72_t_2_f", home)]
    if _before_59_half(facts, result) is not False:  # the 10% matters only before 59½
        out.append(Finding("home.hardship", "reg_1_401_k_1_d_3", {"rate": rate}))
    return [*out, Finding("home.loan", "irc_72_p", loan)]


def _after_tax_excess(facts: Json, result: Json) -> list[Finding]:
    params = _plan_limits(result)
    return [
        Finding("excess.plan_corrects", "reg_1_415_6_b_6", params),
        # (the refund's 10% and rollover: Instructions for Forms 1099-R, EPCRS section 415)
        Finding("excess.no_penalty", "irs_1099r_415_correction", {"rate": _penalty_rate(result)}),
        Finding("excess.per_employer", "reg_1_415_6_b_6"),
    ]


# -- answers-a (2026-12-07): question kinds of batch_e the catalogue lacked ----------------


def _contribution_pace(facts: Json, result: Json) -> list[Finding]:
    """Pay that varies and a fixed contribution rate: keeping the year's additions under
    415(c) is the plan's job (a qualified plan must, IRC 401(a)(16)), so whether payroll
    stops at the limit is the plan's to say; the person's part is the rate."""
    return [
        Finding("pace.plan_stops", "irc_401_a_16", _plan_limits(result)),
        Finding("pace.adjust", "irc_415_c"),
    ]


def _roth_401k_roll_or_keep(facts: Json, result: Json) -> list[Finding]:
    """Roll a Roth 401(k) or keep it: no lifetime RMDs either way now, so the ordering of
    withdrawals, investments and the rule of 55 decide; the Roth IRA's own clock."""
    figures = _common_figures(result)
    return [
        Finding("rmd.roth_none", "irc_401_a_9"),
        Finding("roth401k_keep.choice", "reg_1_408a_10", figures),
        Finding("roth_401k_early.ira_clock", "reg_1_402a_1_a5"),
    ]


# -- answers-c (2026-12-07): setting up after-tax contributions ---------------------------


def _after_tax_setup(facts: Json, result: Json) -> list[Finding]:
    """How after-tax money gets into a plan: the plan document decides (no order against
    deferrals), the year's 415(c) limit within pay and per employer caps it, and why."""
    params = _plan_limits(result, deferral=True)
    return [
        Finding("setup.plan_allows", "after_tax_employee_contributions"),
        Finding("setup.limits", "irc_415_c_compensation", params),
        Finding("setup.why", "irc_401_m"),
    ]


def _solo_after_tax(facts: Json, result: Json) -> list[Finding]:
    """The same in a solo 401(k): the document is the obstacle, earned income the cap."""
    params = _plan_limits(result, deferral=True)
    return [
        Finding("setup.plan_allows", "after_tax_employee_contributions"),
        Finding("solo.document", "solo_plan_document"),
        Finding("setup.limits", "irc_415_c_compensation", params),
    ]


def _conversion_planning(facts: Json, result: Json) -> list[Finding]:
    """The rules that decide how much to convert, never a plan: ordinary income with no
    10%; the ACA premium credit's MAGI; IRMAA's look-back (the parameter); the RMD age
    (the person's, or the schedule); each spouse's own IRA, when a spouse is named."""
    out = [
        Finding("plan_conv.income", "conversion_income", {"rate": _penalty_rate(result)}),
        Finding("plan_conv.aca", "irc_36b_magi"),
        Finding(
            "plan_conv.irmaa",
            "irmaa_lookback",
            {"lookback": _rate("gov.hhs.medicare.irmaa_lookback_years", result)},
        ),
    ]
    rmd_age = ((result.get("clocks") or {}).get("rmd") or {}).get("applicable_age")
    if rmd_age is not None:
        out.append(Finding("plan_conv.rmd_age", "irc_401_a_9", {"rmd_age": rmd_age}))
    else:
        out.append(Finding("plan_conv.rmd_ages", "irc_401_a_9", _rmd_age_schedule()))
    if facts.get("spouse_age") is not None or facts.get("filing_status") == "mfj":
        out.append(Finding("plan_conv.spouses", "ira_per_person"))
    return out


def _roth_or_pretax_deferral(facts: Json, result: Json) -> list[Finding]:
    """The rule that decides Roth or pretax deferrals, with the year's deferral limit."""
    params = _plan_limits(result, deferral=True)
    return [Finding("deferral_choice.rule", "roth_deferral_choice", params)]


def _rollover_own_name(facts: Json, result: Json) -> list[Finding]:
    """Only into the participant's own IRAs; leave or roll, and what a Roth IRA costs."""
    return [
        Finding("own_name.only_theirs", "rollover_own_name"),
        Finding("own_name.leave_or_move", "conversion_income", {"rate": _penalty_rate(result)}),
    ]


# -- answers-b (third session): a Roth 401(k)'s years after a rollover to a Roth IRA ---


def _roth_401k_rolled_clock(facts: Json, result: Json) -> list[Finding]:
    """The plan's years never carry over (Treas. Reg. 1.408A-10, Q&A-4): the Roth IRA's
    one clock governs, dated where the facts allow. What counts as contributions turns on
    whether the payout was qualified (Q&A-3): the age settles the 59½ half; the plan's own
    5 years the facts cannot show, so that half is said as the condition."""
    out = [Finding("drac_rolled.years_stay", "reg_1_408a_10")]
    clock = (result.get("clocks") or {}).get("roth_ira_five_year") or {}
    dates = {"starts": clock.get("starts"), "met_on": clock.get("five_years_met_on")}
    has_roth_ira = facts.get("has_roth_ira")
    if dates["starts"] and facts.get("roth_ira_first_year") is not None:
        out.append(Finding("roth_ira_clock.yours", "reg_1_408a_6", dates))
    elif has_roth_ira is True:
        out.append(Finding("drac_rolled.existing_roth_ira", "reg_1_408a_6"))
    elif dates["starts"]:
        out.append(Finding("roth_ira_clock.dates", "reg_1_408a_6", dates))
    before = _before_59_half(facts, result)
    years = _period("designated_roth_account", result)
    if before is False:
        out.append(
            Finding("drac_rolled.past_59", "reg_1_408a_10", {"age": facts["age"], "years": years})
        )
    elif before is True:
        out.append(Finding("drac_rolled.before_59", "reg_1_408a_10"))
    else:
        out.append(Finding("drac_rolled.qualified_if", "reg_1_408a_10", {"years": years}))
    if has_roth_ira is not True and facts.get("roth_ira_first_year") is None:
        out.append(Finding("drac_rolled.open_early", "reg_1_408a_6"))
    return out


def _roth_clock_start(facts: Json, result: Json) -> list[Finding]:
    """When the Roth IRA's one clock starts (Treas. Reg. 1.408A-6, Q&A-2), dated when the
    facts give the first Roth IRA year; the other clocks, named so none is taken for it."""
    rate = {"rate": _penalty_rate(result)}  # (said by the correction of a belief)
    out = [Finding("clock_start.when", "reg_1_408a_6_a2", rate)]
    clock = (result.get("clocks") or {}).get("roth_ira_five_year") or {}
    if clock.get("starts") and facts.get("roth_ira_first_year") is not None:
        dates = {"starts": clock["starts"], "met_on": clock.get("five_years_met_on")}
        out.append(Finding("roth_ira_clock.yours", "reg_1_408a_6_a2", dates))
    return [*out, Finding("clock_start.other_clocks", "reg_1_408a_6_a5", rate)]


def _qdro_distribution(facts: Json, result: Json) -> list[Finding]:
    """A QDRO share: no 10% from the plan at any age (IRC 72(t)(2)(C)); Roth 401(k) money
    tax-free only if qualified, pretax money taxed to the alternate payee (402(e)(1)); the
    order and the plan decide the terms. The kind of money picks the tax sentence."""
    rate = {"rate": _penalty_rate(result)}
    years = {**rate, "years": _period("designated_roth_account", result)}
    out = [Finding("qdro.no_penalty", "irc_72_t_2_c", rate)]
    if facts.get("has_roth_401k") is True or (_num(facts.get("roth_401k_balance")) or 0) > 0:
        out += [
            Finding("qdro.roth_tax", "qdro_roth_qualified", years),
            Finding("qdro.own_roth_ira", "irc_402_e_1", rate),
        ]
    else:
        out.append(Finding("qdro.pretax_tax", "irc_402_e_1"))
    return [*out, Finding("qdro.plan_terms", "plan_document")]


def _check_to_roth(facts: Json, result: Json) -> list[Finding]:
    """A payment already received, rolled to a Roth IRA within the 60 days: a conversion of
    its taxable part (IRC 408A(d)(3)(A)); beside Roth 401(k) money, said of the pretax part
    only, as designated Roth money rolled so is a rollover, untaxed (IRC 402A(c)(3))."""
    figures = _common_figures(result)
    conversion = "paid_out.conversion_pretax" if roth_named(facts) else "paid_out.conversion"
    return [
        Finding(conversion, "irc_408a_d_3_a", figures),
        Finding("paid_out.pretax_first", "irc_402_c", figures),
        Finding("paid_out.withheld", "irc_3405_c", figures),
    ]


def _roth_401k_plan_access(facts: Json, result: Json) -> list[Finding]:
    """Roth 401(k) money taken out of the plan itself: pro-rata between contributions and
    earnings until qualified (IRC 402A(d)(4) applies IRC 72 to the Roth account on its own,
    72(e)(8); Treas. Reg. 1.402A-1, Q&A-2 to Q&A-4), never the Roth IRA's contributions
    first (IRC 408A(d)(4)); rolled to a Roth IRA first, its contributions are regular
    contributions there (Treas. Reg. 1.408A-10, Q&A-3)."""
    params = {
        "rate": _penalty_rate(result),
        "years": _period("designated_roth_account", result),
    }
    return [
        Finding("roth_plan_access.pro_rata", "roth_401k_plan_pro_rata", params),
        Finding("roth_plan_access.roll_first", "reg_1_408a_10"),
    ]


def _ira_conversion_forms(facts: Json, result: Json) -> list[Finding]:
    """An IRA conversion's reporting (code 2 or 7, Form 8606 Part II, Form 1040 lines 4a and
    4b); a plan's direct rollover as the contrast only when the text names no IRA money, so
    a conversion said without its account is never read as the plan's alone."""
    out = [Finding("ira_forms.conversion", "irs_1099r_ira_conversion")]
    if not kind_named("ira", facts):
        out.append(Finding("ira_forms.not_plan", "irs_1040_ira_lines"))
    return out


# -- costs (2026-12-07): what a conversion's income does beside its own tax; paying the
# tax on time; undoing a conversion. Every figure a year-stamped parameter.


def _conversion_social_security(facts: Json, result: Json) -> list[Finding]:
    """IRC 86: the conversion's taxable amount is in the income that taxes the benefits;
    the statutory base amounts (single and joint) and the two shares."""
    rule = _rate("gov.irs.social_security.taxable_benefits", result)
    params = {
        "share": rule["share"],
        "max_share": rule["max_share"],
        "base_single": rule["base_amount"]["single"],
        "base_joint": rule["base_amount"]["mfj"],
        "adjusted_single": rule["adjusted_base_amount"]["single"],
        "adjusted_joint": rule["adjusted_base_amount"]["mfj"],
    }
    return [Finding("conv_cost.social_security", "irc_86", params)]


def _conversion_irmaa(facts: Json, result: Json) -> list[Finding]:
    """IRMAA reads MAGI from the look-back year (the parameter); the tiers are published
    each year, so they are cited, not quoted."""
    lookback = _rate("gov.hhs.medicare.irmaa_lookback_years", result)
    return [
        Finding("conv_cost.irmaa", "irmaa_lookback", {"lookback": lookback}),
        Finding("conv_cost.irmaa_tiers", "irmaa_tiers"),
    ]


def _conversion_capital_gains(facts: Json, result: Json) -> list[Finding]:
    """IRC 1(h): gains and qualified dividends stack on top of ordinary income."""
    rates = _rate("gov.irs.income.capital_gains_rates", result)
    return [Finding("conv_cost.capital_gains", "irc_1_h", rates)]


def _conversion_niit(facts: Json, result: Json) -> list[Finding]:
    """IRC 1411: not investment income (c)(5), but in the MAGI of the threshold (b)."""
    niit = _rate("gov.irs.investment_income.niit", result)
    params = {
        "rate": niit["rate"],
        "single": niit["threshold"]["single"],
        "joint": niit["threshold"]["mfj"],
    }
    return [Finding("conv_cost.niit", "irc_1411_magi", params)]


def _conversion_estimated_tax(facts: Json, result: Json) -> list[Finding]:
    """IRC 6654(d): the safe harbor shares and the AGI above which last year's share is
    higher; 6654(g): withholding counts as paid evenly."""
    rule = _rate("gov.irs.estimated_tax.safe_harbor", result)
    params = {
        "current": rule["current_year_share"],
        "prior": rule["prior_year_share"],
        "high": rule["high_income_prior_year_share"],
        "agi": rule["high_income_agi"]["single"],
    }
    return [
        Finding("conv_pay.safe_harbor", "irc_6654_d", params),
        Finding("conv_pay.withholding_even", "irc_6654_d"),
    ]


def _undo_conversion(facts: Json, result: Json) -> list[Finding]:
    """408A(d)(6)(B)(iii): no recharacterizing a conversion made after the last year."""
    last = _rate("gov.irs.ira.roth.conversion_recharacterization", result)
    return [
        Finding("undo.not_possible", "irc_408a_d_6_b_iii", {"last_year": last["last_year"]}),
        Finding("undo.contribution_only", "irc_408a_d_6"),
    ]


def _conversion_tax(facts: Json, result: Json) -> list[Finding]:
    """The engine's figure for the stated amount (limits.conversion), by the brackets or
    the person's own marginal rate; without it, the rule and the fact it needs."""
    conversion = (result.get("limits") or {}).get("conversion") or {}
    rate = _penalty_rate(result)
    tax = conversion.get("federal_tax")
    if tax is not None and conversion.get("basis") == "brackets":
        params = {
            "amount": conversion["amount"],
            "tax": tax,
            "year": _year(result),
            "income": facts.get("income"),
            "rate": rate,
        }
        out = [Finding("conv_tax.brackets", "irc_1_j", params)]
        # (an age not given is taken to be under 65: at 65 the deductions differ)
        spouse_unknown = facts.get("filing_status") == "mfj" and facts.get("spouse_age") is None
        if (facts.get("age") is None and facts.get("birth_date") is None) or spouse_unknown:
            aged = _rate("gov.irs.income.aged_age", result)
            # (the senior deduction, 2025-2028, shrinks as the conversion raises MAGI)
            senior = param("gov.irs.income.senior_deduction", _year(result)) is not None
            finding = "conv_tax.under_65_senior" if senior else "conv_tax.under_65"
            out.append(Finding(finding, "irc_63_f", {"aged_age": aged}))
        return out
    if tax is not None:
        params = {
            "amount": conversion["amount"],
            "tax": tax,
            "marginal": facts.get("marginal_rate"),
            "rate": rate,
        }
        return [Finding("conv_tax.marginal", "irc_1_j", params)]
    if conversion.get("amount") is not None:
        return [Finding("conv_tax.rule", "conversion_income", {"rate": rate})]
    return [Finding("conv_tax.rule_amount", "conversion_income", {"rate": rate})]


ANSWERS: Mapping[str, Answer] = {
    "ira_conversion_forms": _ira_conversion_forms,
    "conversion_withholding": _conversion_withholding,
    "rmd_first": _rmd_first,
    "in_service_sources": _in_service_sources,
    "deferral_limit_shared": _deferral_limit_shared,
    "plan_to_roth_ira": _plan_to_roth_ira,
    "after_tax_roth_label": _after_tax_roth_label,
    "after_tax_catches": _after_tax_catches,
    "after_tax_offered": _after_tax_offered,
    "ira_contribution": _ira_contribution,
    "spousal_ira": _spousal_ira,
    "surviving_spouse": _surviving_spouse,
    "in_service_at_59": _in_service_at_59,
    "in_plan_conversion": _in_plan_conversion,
    "mega_backdoor": _mega_backdoor,
    "roth_401k_vs_after_tax": _roth_vs_after_tax,
    "indirect_rollover": _with_withholding_rate("indirect.sixty_days", "irc_402_c"),
    "rule_of_55_deadline": _rule_of_55_deadline,
    "max_first": _max_first,
    "when_59_half": _when_59_half,
    "prorata_in_plan": _prorata_in_plan,
    "prorata_partial": _prorata_partial,
    "rollover_not_ira_limit": _rollover_not_ira_limit,
    "after_tax_room": _after_tax_room,
    "timing_now_or_later": _timing,
    "withholding": _with_withholding_rate("withholding.direct_none", "irc_3405_c"),
    "roth_ira_five_year": _roth_ira_five_year,
    "rmd": _rmd,
    "basis_access_before_59": _basis_access_before_59,
    "all_to_roth_tax": _all_to_roth_tax,
    "move_to_roth": _move_to_roth,
    # answers-c
    "conversion_five_year": _conversion_five_year,
    "after_tax_withdraw": _after_tax_withdraw,
    "sepp_vs_rule_55": _sepp_vs_rule_55,
    "home_purchase": _home_purchase,
    "after_tax_excess": _after_tax_excess,
    "roth_401k_roll_or_keep": _roth_401k_roll_or_keep,
    "after_tax_setup": _after_tax_setup,
    "solo_after_tax": _solo_after_tax,
    "conversion_planning": _conversion_planning,
    "rollover_own_name": _rollover_own_name,
    "roth_or_pretax_deferral": _roth_or_pretax_deferral,
    "in_plan_conversion_access": _in_plan_conversion_access,
    # answers-b (third session)
    "roth_401k_rolled_clock": _roth_401k_rolled_clock,
    "roth_clock_start": _roth_clock_start,
    "qdro_distribution": _qdro_distribution,
    # answers-a (money kinds): designated Roth money, own or inherited
    "inherited_to_roth": _inherited_to_roth,
    "roth_401k_to_roth_ira": _roth_401k_to_roth_ira,
    # harm: Roth 401(k) money taken out of the plan itself
    "roth_401k_plan_access": _roth_401k_plan_access,
    "check_to_roth": _check_to_roth,
    "pretax_to_roth": _pretax_to_roth,
    # answers-a (2026-12-07)
    "contribution_pace": _contribution_pace,
    # costs (2026-12-07)
    "conversion_social_security": _conversion_social_security,
    "conversion_irmaa": _conversion_irmaa,
    "conversion_capital_gains": _conversion_capital_gains,
    "conversion_niit": _conversion_niit,
    "conversion_estimated_tax": _conversion_estimated_tax,
    "undo_conversion": _undo_conversion,
    "conversion_tax": _conversion_tax,
}


def questions_for_intents(
    intents: Sequence[str], where: Mapping[str, int] | None = None, at_most: int | None = None
) -> tuple[str, ...]:
    """The catalogue questions the reader's intents suggest: the fallback when no question
    was recognised in so many words; the first ``at_most`` of them in catalogue order. In
    the order asked: each question at the first place one of its intents is found in the
    text (``where``: intent -> place, ``Reading.intents_at``; "Thinking of retiring at 55.
    ... without penalty. I assume a Roth would be the same?" asks the rule of 55 before a
    Roth's early withdrawals), the catalogue's order breaking ties and placing those with
    no place last."""
    wanted = set(intents)
    where = where or {}
    suggested = [q for q in catalogue().values() if wanted & set(q.intents)][:at_most]
    last = max(where.values(), default=0) + 1

    def place(question: Question) -> int:
        return min(where.get(i, last) for i in wanted & set(question.intents))

    return tuple(q.id for q in sorted(suggested, key=place))


def answer(question_id: str, facts: Json, result: Json) -> tuple[Finding, ...]:
    """The findings that answer ``question_id`` for these facts and this engine result
    (``CalcResult.to_json()``). Raises KeyError for a question the catalogue lacks."""
    question = catalogue()[question_id]  # KeyError for a question the catalogue lacks
    asked = for_money((question_id,), facts)
    if asked != (question_id,):  # about money the person does not have: its own kind's
        return tuple(
            f
            for other in asked
            for f in (
                _own_answer(question, facts, result)
                if other == question_id  # (its answer holds for one of the kinds too)
                else answer(other, facts, result)
            )
        )
    return _own_answer(question, facts, result)


def _own_answer(question: Question, facts: Json, result: Json) -> tuple[Finding, ...]:
    """The question's findings, without those of kinds of money the post does not have
    (``money_of_findings``)."""
    kinds = money_kinds_of(facts)
    found = _findings_of(question, facts, result)
    if kinds is None:
        return found
    declared = money_of_findings()
    return tuple(f for f in found if f.id not in declared or declared[f.id] & kinds)


def _findings_of(question: Question, facts: Json, result: Json) -> tuple[Finding, ...]:
    if question.fixed:  # the same for everyone: the file says it; figures from params
        figures = _common_figures(result)
        # (what speaks of the after-tax source only, unless after-tax money may be there)
        unsure = other_kinds(facts) or kind_unknown(facts)
        skip = set(question.after_tax_only) if unsure else set()
        return tuple(Finding(fid, rule, figures) for fid, rule in question.fixed if fid not in skip)
    return tuple(ANSWERS[question.id](facts, result))
