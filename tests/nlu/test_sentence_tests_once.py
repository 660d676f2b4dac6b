"""A test of an amount's sentence alone is worked out once per sentence, however many
amounts the sentence holds: searching the sentence again for each amount made one long
sentence of amounts take time growing with the square of its length (benchmarks/README.md,
"Worst-case inputs")."""

import pytest

from nlu import assemble
from nlu.reader import read


@pytest.mark.parametrize(
    ("test", "where"),
    [("_already_in_an_ira", "in my 401k"), ("_an_iras_after_tax_money", "in my IRA")],
)
def test_a_sentence_of_many_amounts_is_tested_once(monkeypatch, test: str, where: str) -> None:
    calls: list[int] = []
    original = getattr(assemble, test)

    def counting(index, pos: int) -> bool:
        calls.append(pos)
        return original(index, pos)

    monkeypatch.setattr(assemble, test, counting)
    read("after-tax basis 20k earnings 4k " * 40 + where)
    assert len(calls) == 1
