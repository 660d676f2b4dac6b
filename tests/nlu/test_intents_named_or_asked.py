"""Three intent rules written from the misses on tests/eval/batch_a-e (benchmarks/README.md,
"Intents with batch_c-e"): a Roth 401(k)'s five years ask whether a withdrawal is
qualified (``roth_plan_clock`` in nlu/patterns/intent_classes.yaml), and the things of a
provider's process that people mostly mention ("the custodian", "the plan administrator",
"the plan document", "two checks") count only in a sentence that asks
(``only_when_asked`` in nlu/patterns/intents.yaml), and moving a plan's Roth account to a
Roth IRA converts nothing (``roth_plan_money`` suppresses ``convert_all_to_roth`` in its
sentence). Real sentences verbatim, with their source, and paraphrases."""

import pytest

from nlu.intent_classes import intent_classes
from nlu.pipeline import get_nlp, parse, sentences
from nlu.reader import read


def rules_found(text: str) -> set[str]:
    doc = parse(text)
    return {rule for _s, _e, _intent, rule in intent_classes(get_nlp()).find(doc, sentences(doc))}


@pytest.mark.parametrize(
    "text",
    [
        # https://irahelp.com/?p=70915 (tests/eval/batch_c.jsonl bc007)
        "If I transfer that full Roth 401(k) balance to my Roth IRA, does my fulfillment of "
        "the 5-year clock “carry over” to the Roth IRA, meaning I can take fully qualified "
        "tax-free distributions?",
        # https://irahelp.com/forum-post/72358-roth-ira-rollovers-and-conversions-those-over-59-12
        # (batch_d bd037)
        "Can a retiree over age 59 1/2 rollover his employer’s Roth 401(k) amount into a new, "
        "private Roth IRA without having to start the 5 year clock over again?",
        # https://irahelp.com/forum-post/30420-5-year-roth-rule-met-if-funds-were-previously-roth-401k-moved-roth-ira
        # (batch_e be012)
        "I know there is a 5 year rule on Roth IRAs and Roth 401k independently, but does the "
        "“number of years’ credit from the Roth 401k being opened apply to the funds that were "
        "moved into the Roth IRA?",
        # paraphrases
        "My Roth 403(b) is older than five years; does that count once it is in a Roth IRA?",
        "Do the years in my designated Roth account count toward the 5-year rule after I roll "
        "it to a new Roth IRA?",
    ],
)
def test_a_roth_401ks_five_years_ask_whether_a_withdrawal_is_qualified(text: str) -> None:
    assert "roth_plan_clock" in rules_found(text)
    assert "qualified_distribution" in read(text).intents


@pytest.mark.parametrize(
    "text",
    [
        # a narrative span of years is no clock
        "I opened my Roth 401k 5 years ago and I add to it every month.",
        # the five years of a Roth IRA alone, with no plan's Roth account
        "Does the 5-year rule start over when I open a second Roth IRA?",
        # a negated statement
        "I don't care about the 5 year clock on my Roth 401k. Can I split the after-tax?",
    ],
)
def test_look_alikes_of_a_roth_401ks_clock_are_left_alone(text: str) -> None:
    assert "roth_plan_clock" not in rules_found(text)


@pytest.mark.parametrize(
    "text",
    [
        # https://irahelp.com/forum-post/52645-401k-after-tax-contribution-roth-ira (batch_b bb055)
        "The company sent the pre-tax money directly to the client’s account with custodian.",
        # http://www.financial-planning.com/opinion/ask-ed-slott-explaining-direct-rollovers
        # (batch_c bc021)
        "The check was mailed to my house but made payable to my IRA custodian.",
        # https://irahelp.com/?p=76923 (batch_d bd006)
        "The rollover process from the Simple IRA administrator was made very complex and "
        "took many phone calls and forms.",
        # paraphrases
        "The plan document says after-tax money can come out twice a year.",
        "Fidelity is the custodian of both accounts. I have $40,000 of after-tax money.",
        "They mailed two checks last week.",
    ],
)
def test_a_provider_named_in_a_statement_asks_nothing_of_it(text: str) -> None:
    assert "provider_process" not in read(text).intents


@pytest.mark.parametrize(
    "text",
    [
        "What paperwork do I need to send the after-tax money to a Roth IRA?",
        "Will the custodian issue one check or two?",
        "Do I ask the plan administrator for the rollover form?",
        "Does the plan document have to allow in-service withdrawals?",
    ],
)
def test_a_provider_named_in_a_question_is_asked_about(text: str) -> None:
    assert "provider_process" in read(text).intents


@pytest.mark.parametrize(
    "text",
    [
        # https://irahelp.com/?p=70915 (batch_c bc007)
        "If I transfer that full Roth 401(k) balance to my Roth IRA, does my fulfillment of "
        "the 5-year clock “carry over” to the Roth IRA?",
        # https://irahelp.com/forum-post/early-distribution-of-roth-contributions (batch_c bc023)
        "They left the job so they moved the 401(k) into an IRA and the Roth portion into a "
        "Roth IRA.",
        # https://irahelp.com/?p=24904 (batch_d bd016)
        "Should I transfer all Roth 401k balance to Roth IRA the year prior I reached 70 1/2 in "
        "order to have a lower 401k balance when calculate for the 1st RMD when I reached 70 "
        "1/2?",
        # a paraphrase
        "Can I roll my whole Roth 403(b) into my Roth IRA when I retire?",
    ],
)
def test_moving_a_plans_roth_money_to_a_roth_ira_converts_nothing(text: str) -> None:
    assert "convert_all_to_roth" not in read(text).intents


@pytest.mark.parametrize(
    "text",
    [
        "Can I convert my whole 401(k) to a Roth IRA this year?",
        "I want to roll the entire 403(b) into a Roth IRA when I retire.",
    ],
)
def test_a_plans_pretax_money_to_a_roth_ira_is_still_a_conversion(text: str) -> None:
    assert "convert_all_to_roth" in read(text).intents
