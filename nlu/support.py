"""What a support team needs to notice in a message: a request for a person, and urgency.

The phrasings live in ``patterns/support.yaml`` as spaCy ``Matcher`` token patterns over
the reader's own tokenizer (only ``make_doc`` runs: no pipeline component), so a new
wording ("can somebody ring me") is a data change with a test. Two uses:

- ``asks_for_person(text)``: the conversation treats "talk to a real person",
  "representative", "can someone call me" like ``/human``;
- ``cues(text)``: triage marks a question that asks for a person anywhere in it, and
  raises the priority of one with a running deadline (a check already received, the
  60-day window, year end), a plan refusing the split, or a tax form filed wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from nlu.data import load
from nlu.pipeline import get_nlp

# A longer text is cut before matching: the cues sit in what a person writes first.
MAX_CHARS = 20_000
_REQUEST = "request"  # the match label of a request for a person
_FILLER = frozenset({"please", "pls", "plz", "now", "!", ".", "?", ",", "thanks", "thank", "you"})


@cache
def _data() -> dict:
    return load("support")


@dataclass(frozen=True, slots=True)
class Cues:
    """What triage notices in a question: a request for a person, and urgency labels."""

    asks_person: bool = False
    urgency: tuple[str, ...] = ()


@cache
def _matchers() -> tuple[Matcher, Matcher, Matcher]:
    """(requests for a person, a bare request word, requests and urgency cues together),
    built once per process. Triage runs the third: one pass over the tokens finds both."""
    vocab = get_nlp().vocab
    handoff = _data()["handoff"]
    request, alone, every = Matcher(vocab), Matcher(vocab), Matcher(vocab)
    request.add(_REQUEST, handoff["request"])
    every.add(_REQUEST, handoff["request"])
    alone.add("alone", handoff["alone"])
    for label, patterns in _data()["urgency"].items():
        every.add(label, patterns)
    return request, alone, every


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
    words = _words(doc, handoff["alone_max_tokens"] + 1)
    if 0 < len(words) <= handoff["alone_max_tokens"]:
        bare = get_nlp().make_doc(" ".join(t.text for t in words))
        if any(start == 0 and end == len(bare) for _, start, end in alone(bare)):
            return True
    if len(doc) > handoff["request_max_tokens"]:
        return False
    return any(_not_elsewhere(doc, end) for _, _, end in request(doc))


def _words(doc: Doc, at_most: int) -> list[Token]:
    """The tokens that are not filler, stopping once there are ``at_most`` (a long
    question is not a bare request, and need not be walked to the end)."""
    words: list[Token] = []
    for token in doc:
        if token.lower_ not in _FILLER and not token.is_space:
            words.append(token)
            if len(words) >= at_most:
                break
    return words


def _not_elsewhere(doc: Doc, end: int) -> bool:
    """A request match not followed by "at", "from" ... (someone at another firm)."""
    return end >= len(doc) or doc[end].lower_ not in _data()["handoff"]["not_before"]


def cues(text: str) -> Cues:
    """Triage's cues in a text of any length: a request phrase anywhere, and the urgency
    labels (keys of ``urgency`` in support.yaml) in the file's order, each once. The
    text is tokenised once and matched in one pass."""
    doc = _doc(text)
    _, _, every = _matchers()
    strings = get_nlp().vocab.strings
    found: set[str] = set()
    for match_id, _, end in every(doc):
        label = strings[match_id]
        if label != _REQUEST or _not_elsewhere(doc, end):
            found.add(label)
    urgency = tuple(label for label in _data()["urgency"] if label in found)
    return Cues(asks_person=_REQUEST in found, urgency=urgency)
