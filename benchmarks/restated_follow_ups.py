# ruff: noqa: E501  (the regular expressions read best on one line each)
"""Count first-message follow-ups that ask a fact the question's text already speaks to.

usage (from a worktree, with its .venv python):
  .venv/bin/python /work/tools/allreplies.py OUT.jsonl
  .venv/bin/python benchmarks/restated_follow_ups.py OUT.jsonl [--show]

The follow-up is the paragraph that is one of ``bot/messages/questions.yaml``' questions; the
text speaks to its fact when one of the regular expressions below finds it there. They are
this check's own, written apart from ``nlu/patterns/spoken.yaml`` (which the bot uses
not to ask), so the count is not the bot grading itself; a hit still needs reading by hand
(``--show`` prints the words found): "until she is 59 1/2" or "I hit age 59.5" are flagged
and are no re-ask.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

from bot.questions import questions

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("ROTHBOT_SHARED") or ROOT / ".." / "shared")
FILES = [
    SHARED / "eval" / "dev.jsonl",
    SHARED / "eval" / "real.jsonl",
    SHARED / "eval" / "answers.jsonl",
    *(
        ROOT / "tests" / "eval" / f
        for f in (
            "batch_a.jsonl",
            "batch_b.jsonl",
            "answers_more.jsonl",
            "batch_c.jsonl",
            "batch_d.jsonl",
        )
    ),
]
ASK = {q.ask: k for k, q in questions().items()}
# fmt: off
SPOKEN = {
 "age": r"\b(?:I'?m|I am|he is|she is|he's|she's|client is|employee is|we are|we're|am)\s+(?:now\s+|currently\s+|about\s+|almost\s+|nearly\s+|already\s+|approaching\s+)?(?:age\s+)?(?:over\s+|past\s+|under\s+)?[2-9]\d\b|\b(?:age|aged)\s+[2-9]\d\b(?![^.?!]{0,5}(?:rule|and|or|\d))|\b[2-9]\d\s*(?:y/?o\b|yo\b|years? old|year-old)|\bturn(?:ed|s)\s+[2-9]\d",
 "has_roth_ira": r"\b(?:my|our|existing|current|his|her)\s+(?:own\s+|existing\s+)?Roth IRAs?\b|\b(?:have|had|opened|own|funded)\s+(?:a|an|my)?\s*(?:existing\s+)?Roth IRA|\bRoth IRA\s+(?:that|which)\s+I\b|\bcontribut\w*\s+to\s+(?:a|my)\s+Roth IRA",
 "still_employed": r"\bI(?:'m| am| have| had)?\s+(?:recently\s+|just\s+)?(?:retired|left|quit|separated)\b|\bno longer (?:work|employ)|\b(?:former|previous|ex-?|old)[- ]employer|\bstill (?:work|employ)|\b(?:currently|actively|still) (?:working|employed)|\bseparat\w+ from (?:service|employ)",
 "after_tax_separately_accounted": r"\bseparate(?:ly)? (?:account|source|sub-?account|bucket)|\bco-?mingl|\bwon'?t (?:split|separate)|\bsub-?accounts?\b|\bseparately (?:tracked|accounted)|\baccounted for separately|\bprorat(?:es|ed)\b",
 "plan_allows_in_service": r"\b(?:plan|401\(?k\)?|employer|company)\s+(?:allows|permits|offers|lets|does allow|doesn'?t allow|does not allow)[^.?!]{0,40}(?:in[- ]service|withdraw|distribut|roll)|\bin[- ]service (?:withdrawals?|distributions?|rollovers?)\s+(?:are|is)\s+(?:allowed|available|permitted|offered)|\bI (?:can|could) (?:do|take|make) (?:an )?in[- ]service",
 "plan_allows_in_plan_conversion": r"\b(?:plan|401\(?k\)?|employer|company)\s+(?:allows|permits|offers|lets|does allow|doesn'?t allow|does not allow)[^.?!]{0,40}(?:in[- ]plan|convers)|\bin[- ]plan (?:Roth )?conversions? (?:are|is) (?:allowed|available|permitted|offered)|\bI (?:did|do|have done|made) (?:an? )?in[- ]plan",
 "traditional_ira_balance": r"\$[\d,.]+\s*[kKmM]?\s+in\s+a\s+(?:post|after)-?tax IRA|\b(?:traditional|trad|rollover|SEP|SIMPLE)\s+IRA\s*[-:=]\s*\$?\d|\b(?:no|zero|\$0|don'?t have (?:a|any))\s+(?:balance\s+)?(?:in\s+)?(?:other\s+)?(?:traditional|trad|tIRA|pre-?tax|rollover|SEP|SIMPLE)?\s*IRAs?\b|\$[\d,.]+\s*[kKmM]?\s+(?:in\s+)?(?:a\s+|my\s+)?(?:traditional|trad|rollover|SEP|SIMPLE|pre-?tax)\s+IRA|\b(?:traditional|trad|rollover|SEP|SIMPLE|pre-?tax)\s+IRA\s+(?:of|with|balance|has|holding)\s+\$?\d|\$0 balance",
 "separated_from_service_age": r"\b(?:retired|left|separated|quit|leave|laid off)\b[^.?!]{0,40}\b(?:at|age|aged)\s*(?:age\s+)?[4-7]\d\b|\b(?:year|when) I turned [4-7]\d",
 "retire_age": r"\bretire\w*[^.?!]{0,30}\b(?:at|age)\s*[4-7]\d|\bleav\w+[^.?!]{0,30}\bat\s*(?:age\s+)?[4-7]\d",
 "roth_ira_first_year": r"\b(?:opened|funded|started|contributed|first)\b[^.?!]{0,40}Roth IRA[^.?!]{0,30}\b(?:in|since)\s+(?:19|20)\d\d|\bRoth IRA[^.?!]{0,40}\b(?:since|opened in|funded in|started in)\s+(?:19|20)\d\d|\b(?:in|since)\s+(?:19|20)\d\d[^.?!]{0,30}\b(?:opened|funded|started|contributed)\b[^.?!]{0,30}Roth IRA",
 "pre_1987_basis": r"\b(?:pre|before)[- ]?1987|\bpre-?87\b|\bprior to 1987",
 "employee_deferral": r"\b(?:defer|deferring|deferral)\w*[^.?!]{0,30}\$[\d,]+|\$[\d,.]+k?\s*(?:of\s+)?(?:pre-?tax|Roth)?\s*deferral|\bmax(?:ing|ed)? out\b",
 "after_tax_contributions": r"\bbasis\b[^.?!]{0,20}\$[\d,]+|\$[\d,.]+k?\s+(?:of\s+)?(?:after[- ]?tax\s+)?(?:contributions|basis)",
 "after_tax_earnings": r"\b(?:earnings|growth|gains?)\b[^.?!]{0,20}\$[\d,]+|\$[\d,.]+k?\s+(?:of\s+|in\s+)?(?:earnings|growth|gains)",
 "has_after_tax_money": r"\bbasis\b|\b8606\b|\bnon-?deductible|\bafter[- ]?tax (?:contributions|money|dollars|funds|source|account)|\bpost[- ]?tax|\bnon[- ]?Roth|\bRoth 40[13]\(?[kb]|\bpre[- ]?tax (?:money|contributions|funds|dollars|401)",
}
# fmt: on


def texts() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in FILES:
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                row = json.loads(line)
                found.setdefault(row["id"], row["text"])
    return found


def follow_up(reply: str) -> str | None:
    return next((ASK[p.strip()] for p in reply.split("\n\n") if p.strip() in ASK), None)


def main(path: str, show: bool) -> None:
    text_of = texts()
    count = asked = 0
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        count += 1
        key = follow_up(row["reply"])
        if key is None:
            continue
        asked += 1
        text = text_of.get(row["id"], "")
        match = re.search(SPOKEN[key], text, re.IGNORECASE) if key in SPOKEN else None
        if match:
            start = max(0, match.start() - 60)
            rows.append((row["id"], key, text[start : match.end() + 60].replace("\n", " ")))
    print(f"{path}: texts={count} follow-ups={asked} asking a fact the text speaks to={len(rows)}")
    if show:
        for row in rows:
            print(*row, sep=" | ")


if __name__ == "__main__":
    main(sys.argv[1], "--show" in sys.argv)
