"""Reading on several threads at once, from the very first question of a process.

Patterns are compiled on first use and register their words in a process-wide
vocabulary; a text being read while another thread registers must still be read
exactly as on one thread (a fresh interpreter, so nothing is compiled beforehand).
"""

import subprocess
import sys
from pathlib import Path

HELD_OUT = Path(__file__).resolve().parent / "heldout.jsonl"

SCRIPT = """
import json, sys, threading
from concurrent.futures import ThreadPoolExecutor
texts = [json.loads(line)["text"] for line in open(sys.argv[1]) if line.strip()]
from nlu.reader import read
start = threading.Barrier(8)
def work(k):
    start.wait()
    return [read(t) for t in (texts if k % 2 else texts[::-1])]
with ThreadPoolExecutor(8) as pool:
    results = list(pool.map(work, range(8)))
one_thread = [read(t) for t in texts]
same = all(r == one_thread for r in results[1::2])
same = same and all(r == one_thread[::-1] for r in results[0::2])
print("same" if same else "different")
"""


def test_first_reads_on_four_threads_equal_reads_on_one() -> None:
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(HELD_OUT)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.stdout.strip() == "same", run.stderr[-2000:]
    assert "reader failed" not in run.stderr
