"""Which sentences of a text ask something, and which only tell.

A forum post tells a story, then asks. The words of the story ("the check was payable to
the new custodian", "I have Roth money too") name topics the poster did not ask about; an
answer to such a topic must not lead the reply. So the reader marks the sentences that
ask: those with a "?", those that open as a question ("Can I ...", "How much ...", "Is it
..."), and those that hold a phrase that asks wherever it stands ("I'm wondering
whether", "please advise", "my question is"). The words are data
(``nlu/patterns/questions.yaml``), matched with spaCy's ``PhraseMatcher``; an opening
phrase counts only at a sentence's first word, after list markers ("1.", "b)") and
lead-in words ("So", "Also,", "Question:").
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TypeVar

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from nlu.data import load

# At most this many words are passed over before a sentence's opening phrase (list
# markers and lead-ins: "2) Also, can I ...").
MAX_LEAD = 6


@dataclass(frozen=True, slots=True)
class QuestionCues:
    """The matchers of ``questions.yaml`` over one vocabulary."""

    openers: PhraseMatcher  # phrases a question opens with
    statements: PhraseMatcher  # phrases a statement opens with, though they start alike
    premises: PhraseMatcher  # phrases a told sentence of the asker's case opens with
    cues: PhraseMatcher  # phrases that ask anywhere in a sentence
    lead_ins: frozenset[str]  # words passed over before the opener
    announcing: frozenset[str]  # the ids of the cues that only announce a question
    # the ids of the openers of a question asked for a yes or a no ("Can I ...", "Isn't
    # it ..."), not "How ...", "What ...", "Any thoughts ..."
    yes_no: frozenset[str]
    # token patterns of how a list item opens ("1)", "(a)", "Q1:"; ``items``)
    items: Matcher
    # the most words (tokens but spaces) a match of ``items`` holds: how far into a
    # sentence ``item_marker`` looks
    item_words: int
    # phrases that state an understanding the poster wants checked (``understanding``)
    understanding: PhraseMatcher


# How a sentence stands to what the text asks, strongest first: it asks; it announces a
# question ("I have a few questions about the rollover:", "Questions:"), so the topic it
# names is asked but what the questions after it ask comes first; it is the premise of
# the question that follows it ("I am still working and under 59½. Can I take the
# after-tax money out?": the question is about that case); or it only tells.
ASKS, ANNOUNCES, PREMISE, TELLS = 0, 1, 2, 3


def phrases(entry: dict, words: dict[str, list[str]]) -> list[tuple[str, ...]]:
    """The word sequences an entry's phrases spell, each "$set" expanded to its words, and
    each apostrophe spelled both ways ("n't", "n’t": people type either)."""
    out: list[tuple[str, ...]] = []
    for phrase in entry["phrases"]:
        choices = [
            [str(w).lower() for w in words[part[1:]]] if part.startswith("$") else [part.lower()]
            for part in str(phrase).split()
        ]
        choices = [list(dict.fromkeys([*c, *(w.replace("'", "’") for w in c)])) for c in choices]
        out.extend(itertools.product(*choices))
    return list(dict.fromkeys(out))


def build(vocab: Vocab) -> QuestionCues:
    """The matchers of ``questions.yaml`` over ``vocab`` (tests build a fresh one)."""
    data = load("questions")
    words = {name: [str(w) for w in ws] for name, ws in data["words"].items()}
    add = vocab.strings.add

    def matcher(entries: Iterable[dict]) -> PhraseMatcher:
        found = PhraseMatcher(vocab, attr="LOWER")
        for entry in entries:
            # (a phrase as its words' LOWER hashes, as nlu.asks adds them)
            found.add(str(entry["id"]), [[add(w) for w in seq] for seq in phrases(entry, words)])
        return found

    lead_ins = frozenset(str(w).lower() for w in data["lead_ins"])
    openers, statements = matcher(data["openers"]), matcher(data["statements"])
    announcing = frozenset(str(e["id"]) for e in data["cues"] if e.get("announces"))
    premises, cues = matcher(data["premises"]), matcher(data["cues"])
    yes_no = frozenset(str(e["id"]) for e in data["openers"] if e.get("yes_no"))
    items = Matcher(vocab)
    for entry in data["items"]:
        items.add(str(entry["id"]), [entry["pattern"]])
    item_words = max(
        sum(1 for token in entry["pattern"] if not token.get("IS_SPACE")) for entry in data["items"]
    )
    return QuestionCues(
        openers,
        statements,
        premises,
        cues,
        lead_ins,
        announcing,
        yes_no,
        items,
        item_words,
        matcher(data["understanding"]),
    )


@cache
def _cues(vocab: Vocab) -> QuestionCues:
    return build(vocab)


def opening(sentence: Span, lead_ins: frozenset[str]) -> int | None:
    """The index (in the Doc) of the word a sentence opens with, past its list item's
    number (``item_marker``) and lead-in words; None when it holds no such word within
    ``MAX_LEAD`` tokens."""
    marker = item_marker(sentence)
    passed = 0
    for token in sentence:
        if token.is_space:
            continue
        if token.i < marker.end or token.lower_ in lead_ins or token.is_punct:
            passed += 1
            if passed > MAX_LEAD:
                return None
            continue
        return token.i
    return None


def asking(doc: Doc, sentences: Sequence[Span], cues: QuestionCues | None = None) -> list[int]:
    """How each of ``sentences`` (spans of ``doc``, in order) stands to what the text
    asks: ``ASKS``, ``ANNOUNCES``, ``PREMISE`` or ``TELLS``."""
    if cues is None:  # (the catalogue and the beliefs both ask: worked out once per Doc)
        key = tuple((s.start, s.end) for s in sentences)
        return list(
            _kept(doc, _ASKING, key, lambda: tuple(_asking(doc, sentences, _cues(doc.vocab))))
        )
    return _asking(doc, sentences, cues)


# Where a Doc keeps how its sentences stand, and their item markers (``_kept``).
_ASKING = "rothbot.asking"
_ITEM_MARKERS = "rothbot.item_markers"

_T = TypeVar("_T")


def _kept(doc: Doc, store: str, key: Hashable, work: Callable[[], _T]) -> _T:
    """``work()`` done once per Doc and ``key``, its result kept in ``doc.user_data[store]``
    (dropped with the rest by ``nlu.pipeline.release``). Keep no Span: a Span kept on its
    Doc is a reference cycle, left to the garbage collector."""
    known = doc.user_data.setdefault(store, {})
    if key not in known:
        known[key] = work()
    return known[key]


def _asking(doc: Doc, sentences: Sequence[Span], cues: QuestionCues) -> list[int]:
    # (where an opener starts, and how far the longest opener and statement there reach)
    opener_ends: dict[int, int] = {}
    for _id, start, end in cues.openers(doc):
        opener_ends[start] = max(end, opener_ends.get(start, end))
    for _id, start, end in cues.statements(doc):
        if opener_ends.get(start, end) <= end:
            opener_ends.pop(start, None)
    asked = {t.i for t in doc if t.text == "?"}
    announced: set[int] = set()
    # (of cues that overlap, the longest: "my question is in relation to" announces)
    for span in filter_spans(cues.cues(doc, as_spans=True)):
        (announced if span.label_ in cues.announcing else asked).add(span.start)
    asks, announces = sorted(asked), sorted(announced)
    out = []
    for sentence in sentences:
        first = opening(sentence, cues.lead_ins)
        if _within(asks, sentence) or (first is not None and first in opener_ends):
            out.append(ASKS)
        else:
            out.append(ANNOUNCES if _within(announces, sentence) else TELLS)
    # the nearest sentence with words before a question is its premise, if it tells the
    # asker's case ("I am still working and under 59 1/2.")
    cases = {start for _id, start, _end in cues.premises(doc)}
    said = None
    for n, sentence in enumerate(sentences):
        if out[n] == ASKS and said is not None and out[said] == TELLS:
            out[said] = PREMISE if opening(sentences[said], cues.lead_ins) in cases else TELLS
        if opening(sentence, cues.lead_ins) is not None:
            said = n
    return out


def understood(doc: Doc, sentences: Sequence[Span], cues: QuestionCues | None = None) -> list[bool]:
    """For each of ``sentences``, whether it states an understanding the poster wants
    checked ("From what I can tell, ...", "My understanding is that ..."; ``understanding``
    of ``questions.yaml``)."""
    cues = cues or _cues(doc.vocab)
    starts = sorted(start for _id, start, _end in cues.understanding(doc))
    return [_within(starts, sentence) for sentence in sentences]


def yes_no(doc: Doc, sentences: Sequence[Span], cues: QuestionCues | None = None) -> list[str]:
    """For each sentence that opens as a question asked for a yes or a no ("Can I roll it
    to a Roth IRA?", "Isn't that taxable?"; ``yes_no`` openers of ``questions.yaml``), its
    first ``OPENING_WORDS`` words, lower-cased ("can i roll", "is it possible"); "" for any
    other. An answer may open with its verdict where they ask what is possible."""
    cues = cues or _cues(doc.vocab)
    strings = doc.vocab.strings
    longest: dict[int, tuple[int, str]] = {}  # start -> (end, id) of the longest opener
    for match_id, start, end in cues.openers(doc):
        if end > longest.get(start, (0, ""))[0]:
            longest[start] = (end, strings[match_id])
    for _id, start, end in cues.statements(doc):
        if start in longest and longest[start][0] <= end:
            del longest[start]
    out = []
    for sentence in sentences:
        first = opening(sentence, cues.lead_ins)
        closed = first is not None and first in longest and longest[first][1] in cues.yes_no
        words = [t.lower_ for t in doc[first : sentence.end] if not t.is_space][:OPENING_WORDS]
        out.append(" ".join(words) if closed else "")
    return out


# How many words of a yes/no question's opening are kept ("is it possible", "can anyone").
OPENING_WORDS = 3


def _within(starts: list[int], sentence: Span) -> bool:
    """True when one of ``starts`` (sorted token indices) lies in ``sentence``."""
    at = bisect.bisect_left(starts, sentence.start)
    return at < len(starts) and starts[at] < sentence.end


# The item pattern whose label is a question's number ("Q1"): its "q" is written "Q".
_Q_NUMBER = "q_number"


def item_marker(sentence: Span, cues: QuestionCues | None = None) -> Span:
    """The number or letter a sentence opens a list item with ("1)", "2.", "(a)", "Q1:"),
    as a span of its Doc, empty (at the sentence's first word) when it opens with none.
    The openings are spaCy ``Matcher`` patterns (``items`` of ``questions.yaml``), matched
    at the sentence's first word: the one reading of a list item's number, for the
    sentence's opening words (``opening``), its label (``item_label``) and a question said
    back without it (``without_item_marker``)."""
    doc = sentence.doc
    if cues is None:  # (asked of each sentence several times a read: once per Doc)

        def offsets() -> tuple[int, int, int]:
            marker = _item_marker(sentence, _cues(doc.vocab))
            return marker.start, marker.end, marker.label

        start, end, label = _kept(doc, _ITEM_MARKERS, (sentence.start, sentence.end), offsets)
        return Span(doc, start, end, label=label)
    return _item_marker(sentence, cues)


def _item_marker(sentence: Span, cues: QuestionCues) -> Span:
    words = [t for t in sentence if not t.is_space]
    doc = sentence.doc
    if not words:
        return doc[sentence.end : sentence.end]
    first = words[0].i
    # (only the opening words can hold it: the Matcher costs by the tokens it is given,
    # and this is asked of every sentence several times a read)
    last = words[min(len(words), cues.item_words) - 1].i + 1
    found = [(end, match_id) for match_id, start, end in cues.items(doc[first:last]) if start == 0]
    if not found:
        return doc[first:first]
    end, match_id = max(found)
    return Span(doc, first, first + end, label=match_id)


def item_label(sentence: Span, cues: QuestionCues | None = None) -> str:
    """The number or letter a sentence opens a list item with (``item_marker``), as the
    poster wrote it without its punctuation: "1)", "2.", "(3)", "#4" -> "1", "2", "3", "4"; "a)",
    "(b)" -> "a", "b"; "Q1:", "Q2." -> "Q1", "Q2". "" when it opens with none."""
    marker = item_marker(sentence, cues)
    if not len(marker):
        return ""
    marked = "".join(t.text for t in marker if not t.is_space)
    label = marked.lstrip("(#").rstrip(").:")
    return "Q" + label[1:] if marker.label_ == _Q_NUMBER else label


def without_item_marker(sentence: Span) -> str:
    """A sentence's words without the number or letter it opens a list item with
    ("2) Do I owe tax on the earnings?" -> "Do I owe tax on the earnings?")."""
    marker = item_marker(sentence)
    return sentence.doc[marker.end : sentence.end].text.strip() if len(marker) else sentence.text


def item_labels(sentences: Sequence[Span], levels: Sequence[int]) -> list[str]:
    """The list item each sentence belongs to ("" for none), when the text numbers its
    questions: at least two sentences that ask open with a number or letter of their own
    ("1) Can I roll ...? 2) Do I owe tax ...? 3) When does the clock start?"). A marker
    standing alone ("1." then the question, as the sentences split it) labels the sentence
    after it; an item goes on to the end of its paragraph, and over the paragraphs between
    it and the next item when it asks ("1. Does each rollover ...?\\n\\ni.e. if I ...?\\n\\n
    2. Is the clock ...?"). A numbered list of facts labels nothing."""
    own = [item_label(s) for s in sentences]
    labels = [""] * len(sentences)
    carried = ""
    for n, sentence in enumerate(sentences):
        words = [t for t in sentence if not t.is_space and not t.is_punct]
        if own[n] and len(words) <= 1:  # the marker alone: it numbers what follows
            labels[n] = carried = own[n]
            continue
        labels[n] = own[n] or carried
        carried = ""
    asked = {labels[n] for n in range(len(sentences)) if labels[n] and levels[n] == ASKS}
    if len(asked) < 2:
        return [""] * len(sentences)
    current, asks = "", False
    for n in range(len(sentences)):
        if labels[n]:
            current, asks = labels[n], levels[n] == ASKS
            continue
        if not current:
            continue
        later = any(labels[m] and labels[m] != current for m in range(n + 1, len(sentences)))
        if not _ends_paragraph(sentences[n - 1]) or (asks and later):
            labels[n] = current
        else:
            current = ""
    return labels


def _ends_paragraph(sentence: Span) -> bool:
    """True when a line break follows the sentence's last word."""
    tail = [t for t in sentence if not t.is_space][-1:]
    after = sentence.doc[tail[0].i + 1 : sentence.end].text_with_ws if tail else ""
    return "\n" in after or "\n" in (tail[0].whitespace_ if tail else "")
