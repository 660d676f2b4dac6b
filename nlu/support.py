"""What a support team needs to notice in a message: a request for a person, and urgency.

The phrasings live in ``patterns/support.yaml`` as spaCy ``Matcher`` token patterns over
the reader's own tokenizer (only ``make_doc`` runs: no pipeline component), so a new
wording ("can somebody ring me") is a data change with a test. Two uses:

- ``asks_for_person(text)``: the conversation treats "talk to a real person",
  "representative", "can someone call me" like ``/human``;
- ``urgency_cues(text)``: triage raises the priority of a question with a running
  deadline (a check already received, the 60-day window, year end), a plan refusing the
  split, or a tax form filed wrong.
"""

from __future__ import annotations

from functools import cache

from spacy.matcher import Matcher
from spacy.tokens import Doc

from nlu.data import load
from nlu.pipeline import get_nlp

# A longer text is cut before matching: the cues sit in what a person writes first.
MAX_CHARS = 20_000
_FILLER = frozenset({"please", "pls", "plz", "now", "!", ".", "?", ",", "thanks", "thank", "you"})


@cache
def _data() -> dict:
    return load("support")


@cache
def _matchers() -> tuple[Matcher, Matcher, Matcher]:
    """(requests for a person, a bare request word, urgency cues), built once per process."""
    vocab = get_nlp().vocab
    handoff = _data()["handoff"]
    request, alone, urgency = Matcher(vocab), Matcher(vocab), Matcher(vocab)
    request.add("request", handoff["request"])
    alone.add("alone", handoff["alone"])
    for label, patterns in _data()["urgency"].items():
        urgency.add(label, patterns)
    return request, alone, urgency


def _doc(text: str) -> Doc:
    return get_nlp().make_doc(text[:MAX_CHARS] if isinstance(text, str) else "")


def asks_for_person(text: str) -> bool:
    """True when the message asks for a person in any common wording.

    A request phrase counts in a message of up to ``request_max_tokens`` tokens (a long
    question that mentions "speak to someone" is still a question for the bot); a bare
    word ("representative", "a human please") only when it is the whole message.
    Matches followed by "at", "from" ... are about someone elsewhere ("talk to someone
    at Fidelity") and do not count.
    """
    handoff = _data()["handoff"]
    doc = _doc(text)
    if not len(doc):
        return False
    request, alone, _ = _matchers()
    words = [t for t in doc if t.lower_ not in _FILLER and not t.is_space]
    if 0 < len(words) <= handoff["alone_max_tokens"]:
        bare = get_nlp().make_doc(" ".join(t.text for t in words))
        if any(start == 0 and end == len(bare) for _, start, end in alone(bare)):
            return True
    if len(doc) > handoff["request_max_tokens"]:
        return False
    elsewhere = set(handoff["not_before"])
    return any(
        end >= len(doc) or doc[end].lower_ not in elsewhere for _, start, end in request(doc)
    )


def mentions_person_request(text: str) -> bool:
    """True when a request phrase occurs anywhere in a text of any length (for triage)."""
    doc = _doc(text)
    request, _, _ = _matchers()
    elsewhere = set(_data()["handoff"]["not_before"])
    return any(end >= len(doc) or doc[end].lower_ not in elsewhere for _, _, end in request(doc))


def urgency_cues(text: str) -> tuple[str, ...]:
    """The urgency labels found in ``text`` (keys of ``urgency`` in support.yaml), in the
    file's order, each once."""
    doc = _doc(text)
    _, _, urgency = _matchers()
    vocab = get_nlp().vocab
    found = {vocab.strings[match_id] for match_id, _, _ in urgency(doc)}
    return tuple(label for label in _data()["urgency"] if label in found)
