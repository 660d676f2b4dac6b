"""Cue words the assembler asks about, as spaCy token patterns (``patterns/cues.yaml``).

Each test reads the Doc's tokens with spaCy's own ``Matcher`` / ``PhraseMatcher``, built once
per vocabulary: whether the text names after-tax money paid in before 1987, whether it
names any kind of money or account, and whether a supposition's main clause says only what
would then be done.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from nlu.data import load
from nlu.pipeline import payloads

# Account mentions (``nlu.accounts``) that name a kind of money: all but the employer.
_EMPLOYER = "employer"


@dataclass(frozen=True)
class _Cues:
    pre_1987: Matcher
    denied_by: frozenset[str]
    denial_reach: int
    clause_ends: frozenset[str]
    money_kinds: PhraseMatcher
    would: Matcher


@cache
def _cues(vocab: Vocab) -> _Cues:
    from nlu.pipeline import get_nlp

    data = load("cues")
    pre = data["pre_1987"]
    pre_1987 = Matcher(vocab)
    pre_1987.add("pre_1987", pre["patterns"])
    kinds = PhraseMatcher(vocab, attr="LOWER")
    make = get_nlp().make_doc
    kinds.add("money_kind", [make(word) for word in data["money_kind_words"]])
    would = Matcher(vocab)
    would.add("would_follow", data["would_follow"]["patterns"])
    return _Cues(
        pre_1987,
        frozenset(pre["denied_by"]),
        int(pre["denial_reach"]),
        frozenset(pre["clause_ends"]),
        kinds,
        would,
    )


def names_pre_1987_money(doc: Doc) -> bool:
    """True when the text names after-tax money paid in before 1987 ("pre-87", "before
    1986"), not denied just after ("pre-87 money: not that I know of")."""
    lower = doc.text.lower()
    if "86" not in lower and "87" not in lower:
        return False  # (a quick look first: most texts name neither year)
    cues = _cues(doc.vocab)
    for _id, _start, end in cues.pre_1987(doc):
        reach = doc[end - 1].idx + len(doc[end - 1]) + cues.denial_reach
        denied = False
        for token in doc[end:]:
            if token.idx > reach or token.text.strip(" ") in cues.clause_ends:
                break
            if token.lower_ in cues.denied_by:
                denied = True
                break
        if not denied:
            return True
    return False


def names_a_money_kind(doc: Doc) -> bool:
    """True when the text names a kind of money or account: an account mention
    (``doc.spans["accounts"]``, the employer aside) or a word of ``money_kind_words``."""
    if any(m.kind != _EMPLOYER for m in payloads(doc, "accounts")):
        return True
    return bool(_cues(doc.vocab).money_kinds(doc))


def would_follow(doc: Doc, char: int) -> bool:
    """True when the words from character ``char`` (punctuation skipped) say what "I"/"we"
    would or will then do ("..., then I would convert ...")."""
    span = doc.char_span(char, len(doc.text), alignment_mode="expand")
    if span is None:
        return False
    start = span.start
    while start < len(doc) and (doc[start].is_punct or doc[start].is_space):
        start += 1
    window = doc[start : start + 3]
    return any(first == 0 for _id, first, _end in _cues(doc.vocab).would(window))
