"""Triage throughput and memory: ``rothbot triage`` on the real questions in ../shared/eval.

    .venv/bin/python benchmarks/triage_throughput.py [--questions 10000] [--jobs 1 0]
        [--eval ../shared/eval]   # a worktree names the shared folder

The texts are the real forum questions of ../shared/eval/*.jsonl (dev, real, answers),
repeated with fresh ids up to ``--questions``. Each run is the real command in a child
process (``python -m bot.cli triage FILE --format jsonl --jobs J``, output to
/dev/null, a fresh SQLite file), so start-up, reading, the engine, the draft reply,
writing and storing are all counted. Start-up (importing, building the spaCy pipeline,
starting workers) is measured by the same command on a one-question file and taken off:

    rate after start-up = (N - 1) / (time for N questions - time for 1 question)

Questions per CPU-second (user + system time of the command and its workers, which it
forks and waits for; start-up taken off the same way) is the figure that holds on a busy
machine: other processes stretch the wall clock, not the CPU time a question costs.

Peak memory is the largest sum over the command and its workers, sampled every 50 ms
from /proc (Linux): PSS (a page shared by the forked workers counted once, split
between them: what the machine gives the run) and, for comparison, RSS (counted in
every process that maps it). ``--jobs 0`` is one worker per core.
Target (issue 14): 500 questions a second per core after start-up; under 300 MB for
10,000 questions.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / ".." / "shared" / "eval"
SETS = ("dev.jsonl", "real.jsonl", "answers.jsonl")


def load_texts(folder: Path = EVAL) -> list[str]:
    texts = []
    for name in SETS:
        path = folder / name
        if path.is_file():
            with open(path, encoding="utf-8") as lines:
                texts += [json.loads(line)["text"] for line in lines if line.strip()]
    if not texts:
        sys.exit(f"no questions found in {folder} (name it with --eval)")
    return texts


def write_questions(path: Path, texts: list[str], count: int) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for n in range(count):
            out.write(json.dumps({"id": f"b{n:06d}", "text": texts[n % len(texts)]}) + "\n")


def _tree_memory_kb(root: int) -> tuple[int, int]:
    """(resident, proportional) memory of ``root`` and all its descendants, in kB.

    Resident (RSS) counts a page shared by several processes once in each of them;
    proportional (PSS, from /proc/PID/smaps_rollup) splits it among them, so the PSS sum
    is what the processes together take from the machine (Linux).
    """
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    rss = pss = 0
    stack = [root]
    while stack:
        pid = stack.pop()
        stack += children.get(pid, [])
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1])
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1])
        except (OSError, ValueError, IndexError):
            continue
    return rss, pss


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(file: Path, jobs: int, db: Path) -> tuple[float, float, float, float]:
    """Wall seconds, CPU seconds (the process and its workers), peak PSS and RSS in MB."""
    if db.exists():
        db.unlink()
    command = [
        sys.executable, "-m", "bot.cli", "triage", str(file), "--format", "jsonl",
        "--jobs", str(jobs), "--db", str(db), "--today", "2026-12-06",
    ]  # fmt: skip
    cpu_before = _children_cpu()
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    peak_rss = peak_pss = 0
    while child.poll() is None:
        rss, pss = _tree_memory_kb(child.pid)
        peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    if child.returncode != 0:
        sys.exit(f"triage failed: {child.stderr.read().decode()[-500:]}")
    return seconds, _children_cpu() - cpu_before, peak_pss / 1024, peak_rss / 1024


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 0])
    parser.add_argument(
        "--eval", type=Path, default=EVAL, help="the shared eval folder (../shared/eval)"
    )
    args = parser.parse_args()
    texts = load_texts(args.eval)
    with open("/proc/cpuinfo") as info:
        cpu = next(
            (ln.split(":", 1)[1].strip() for ln in info if "model name" in ln),
            platform.processor(),
        )
    print(f"machine: {cpu}, {cores()} cores; Python {platform.python_version()}")
    print(f"texts: {len(texts)} real questions, {sum(map(len, texts)) // len(texts)} chars avg")
    with tempfile.TemporaryDirectory() as tmp:
        one, many, db = Path(tmp, "one.jsonl"), Path(tmp, "many.jsonl"), Path(tmp, "t.db")
        write_questions(one, texts, 1)
        write_questions(many, texts, args.questions)
        for jobs in args.jobs:
            workers = jobs if jobs > 0 else cores()
            start_s, start_cpu, start_mb, _ = run(one, jobs, db)
            total_s, total_cpu, peak_mb, peak_rss = run(many, jobs, db)
            rate = (args.questions - 1) / max(total_s - start_s, 1e-9)
            per_cpu = (args.questions - 1) / max(total_cpu - start_cpu, 1e-9)
            print(
                f"--jobs {jobs} ({workers} process{'es' if workers > 1 else ''}): "
                f"start-up {start_s:.1f} s ({start_mb:.0f} MB); {args.questions} questions "
                f"in {total_s:.1f} s; {rate:.1f} questions/s after start-up "
                f"({rate / workers:.1f} per process); {per_cpu:.1f} questions per "
                f"CPU-second after start-up; peak memory {peak_mb:.0f} MB PSS "
                f"({peak_rss:.0f} MB RSS summed); load average {os.getloadavg()[0]:.1f}"
            )


if __name__ == "__main__":
    main()
