"""A read leaves nothing for the garbage collector: the Doc it made is freed when the
read returns (``nlu.pipeline.release``), not in a collector's round of 2-3 ms inside some
later read."""

import gc

import pytest

from nlu.reader import read, read_many

QUESTION = (
    "I'm 52, still working, with $48,000 after-tax in my 401(k) at Fidelity, $6,000 of it "
    "earnings. My employer allows in-service withdrawals. Can I roll it to my Roth IRA?"
)


@pytest.fixture
def collector_paused():
    read(QUESTION)  # (the pipeline built, its tables compiled)
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def test_a_read_leaves_no_reference_cycle(collector_paused) -> None:
    for expecting in (None, "age"):
        assert read(QUESTION, expecting=expecting).facts
        assert gc.collect() == 0  # (the unreachable objects it found)


def test_reading_many_leaves_no_reference_cycle(collector_paused) -> None:
    assert all(r.facts for r in read_many([QUESTION, QUESTION.lower()]))
    assert gc.collect() == 0
