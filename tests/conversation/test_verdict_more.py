"""More catalogue entries whose answer opens with a verdict (issue 10): where the finding
the answer opens with itself says yes, no, or the condition it turns on, a question of what
is possible ("Can I ...?") gets that verdict first; any other question gets the finding alone.

Added: 457b_to_roth ("It depends on the kind of 457(b)": governmental yes, a tax-exempt
employer's no), rollover_not_ira_limit ("Yes": a rollover is no contribution),
undo_conversion ("No": repealed for conversions after 2017), in_kind_conversion ("Yes":
shares convert without selling), indirect_rollover ("It depends on when you received it":
only within 60 days), tsp_roth_conversion ("Yes": the TSP offers in-plan Roth
conversions). "Can a ...?" / "Can an ...?" ask what is
possible too ("Can a distribution from a 457 plan be rolled over ...?").

Left without one where the finding does not decide the poster's case: other_plans while
the person still works there or does not say ("A 403(b), ... the TSP and a pension follow
a 401(k)'s rollover rules" says nothing of a plan that cannot pay out yet: "Can I roll my
pension to a Roth IRA before I retire?"; "Yes" once they have left, by the facts:
test_verdict_by_facts), sixty_day_rollover for an IRA's money ("Can I ... put it back
within 60 days twice this year?" is a no for IRAs; "Yes" for a plan's payout),
corrective_not_rollable ("Can the custodian remove it?" is a yes), rule_of_55*
(the age left decides), conversion_after_59 (earnings still wait for the 5-year clock).
"""

from __future__ import annotations

from datetime import date

import pytest
from conversation_stories import SHARED, real_question

from bot.conversation import respond
from bot.session import Session
from knowledge.answers import verdict as verdict_of

TODAY = date(2026, 12, 6)
DEV = SHARED / "eval" / "dev.jsonl"
REAL = SHARED / "eval" / "real.jsonl"
VERDICT_OPENERS = ("Yes:", "No:", "It depends on")


def _first(text: str) -> str:
    return respond(Session(key="t"), text, today=TODAY, now=0).text.split("\n\n")[0]


@pytest.mark.parametrize(
    ("ask", "key", "verdict"),
    [
        ("457b_to_roth", "g457.to_roth_ira", "It depends on the kind of 457(b)"),
        ("rollover_not_ira_limit", "ira_limit.not_counted", "Yes"),
        ("undo_conversion", "undo.not_possible", "No"),
        ("in_kind_conversion", "in_kind.fair_market_value", "Yes"),
        ("indirect_rollover", "indirect.sixty_days", "It depends on when you received it"),
        ("tsp_roth_conversion", "tsp.in_plan_conversion", "Yes"),
    ],
)
def test_the_catalogue_gives_the_verdict(ask: str, key: str, verdict: str) -> None:
    assert verdict_of(ask, key, {}) == verdict


@pytest.mark.parametrize(
    ("qid", "source", "opens"),
    [
        # https://irahelp.com/?p=12546 ("Can I roll the entire $40K into a roth IRA or do I
        # need to do it $5K for this year ...?")
        ("fq057", DEV, "Yes: a rollover is not a contribution"),
        # http://lbstokg.net/index-1003.html ("Can a distribution ($50,000) from a 457 plan be
        # "rolled over" into an existing Roth IRA ...?"): governmental or not decides it
        ("fq091", DEV, "It depends on the kind of 457(b): a governmental 457(b) can be rolled"),
        # https://irahelp.com/forum-post/23372-after-tax-contribution-roth-ira ("Can a After-Tax
        # Contribution ... be rolled over to a Roth IRA ...?": "can a" asks what is possible)
        ("fq089", REAL, "It depends on your plan: if your plan accounts for the after-tax"),
    ],
)
def test_a_real_question_gets_the_verdict_first(qid, source, opens) -> None:
    assert _first(real_question(qid, source)).startswith(opens)


@pytest.mark.parametrize(
    ("text", "opens"),
    [
        ("Can my 457(b) money go to a Roth IRA?", "It depends on the kind of 457(b): "),
        (
            "Can I roll over more than the contribution limit, or does the rollover count "
            "against it?",
            "Yes: a rollover is not a contribution",
        ),
        ("Can I undo my Roth conversion?", "No: a Roth conversion"),
        ("Can I recharacterize my Roth conversion from last year?", "No: a Roth conversion"),
        (
            "Can I convert shares in kind to my Roth IRA without selling them?",
            "Yes: shares can be converted in kind",
        ),
        (
            "I received a check from my old 401k. Can I deposit it into an IRA within 60 days?",
            "It depends on when you received it: a check paid to you can still be rolled",
        ),
        (
            "Can I convert my traditional TSP to Roth inside the TSP?",
            "Yes: the TSP now offers Roth in-plan conversions",
        ),
    ],
)
def test_a_paraphrase_gets_the_verdict_first(text: str, opens: str) -> None:
    assert _first(text).startswith(opens)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("Should I roll my 457(b) money to a Roth IRA?", "457(b)"),
        ("Does rolling over count toward my contribution limit for the IRA?", "contribution"),
        ("How do I undo my Roth conversion?", "can no longer be undone"),
        ("How is a conversion of shares in kind taxed?", "in kind"),
        (
            "I received a check from my old 401k. What happens if I deposit it into an IRA "
            "within 60 days?",
            "60 days",
        ),
        ("How do I convert my traditional TSP to Roth inside the TSP?", "TSP"),
    ],
)
def test_no_verdict_where_no_can_i_is_asked(text: str, says: str) -> None:
    # (the reply still answers the topic asked: the test would pass on an empty reply)
    reply = respond(Session(key="t"), text, today=TODAY, now=0).text
    first = reply.split("\n\n")[0]
    assert says in reply
    assert not first.startswith(VERDICT_OPENERS), first


@pytest.mark.parametrize(
    "text",
    [
        # a pension pays out only when its terms allow: no bare "Yes" on the plan type
        "Can I roll my pension to a Roth IRA before I retire?",
        "I still work there and I am 45. Can I roll my 403(b) after-tax money to a Roth IRA?",
        # IRA-to-IRA 60-day rollovers: one a year
        "Can I take the money out of my IRA and put it back within 60 days twice this year?",
        # an excess IRA contribution can be taken out: no "No"
        "A corrective distribution went into my IRA. Can the custodian remove it?",
    ],
)
def test_no_verdict_where_the_finding_does_not_decide_the_case(text: str) -> None:
    first = _first(text)
    assert not first.startswith(("Yes:", "No:")), first
