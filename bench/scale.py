"""Scale: a big personal bank and a long history, every figure a ratio measured in the same run.

Run: python bench/scale.py [--repeat N]. In a temporary folder it copies the built-in banks under new topic
names (39 copies: about 12,000 questions in 585 files; 32 and 64 copies for the 10k/20k pair) and writes
histories of 2,000 and 200,000 attempts, then times the commands a user runs. Targets:
  first practice question with the big bank   <= 2x the same with the built-in banks only
  list --json of ~10k questions                  stated against `python -c pass` (under one second here)
  validate                                       stated per 1,000 questions
  stats with 200k attempts                       <= 3x stats with 2k attempts
  list --json of ~20k against ~10k questions     <= 2.2x (linear)
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILTIN = ROOT / "questions"


def make_bank(folder: Path, copies: int) -> int:
    """Copy every built-in bank `copies` times under new topic names; returns the number of questions."""
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for src in sorted(BUILTIN.glob("*.yaml")):
        if src.name == "sources.yaml":
            continue
        text = src.read_text(encoding="utf-8")
        topic = src.stem
        for c in range(copies):
            new = f"{topic}-c{c:02d}"
            copy = re.sub(rf"(?m)^topic: {re.escape(topic)}$", f"topic: {new}", text)
            copy = copy.replace(f"id: {topic}.", f"id: {new}.")
            (folder / f"{new}.yaml").write_text(copy, encoding="utf-8")
            total += copy.count("\n  - id: ")
    return total


def make_history(home: Path, attempts: int) -> None:
    """A history of `attempts` answers spread over about three years, written straight into the store."""
    env = dict(os.environ, QUIZZER_HOME=str(home))
    subprocess.run([sys.executable, "-m", "quizzer", "history", "-n", "1"], env=env, capture_output=True, check=True)
    db = sqlite3.connect(home / "history.sqlite3")
    rng = random.Random(7)
    now = datetime.now(timezone.utc)
    topics = ["attention", "training", "moe", "estimation", "inference", "peft"]
    rows = []
    for i in range(attempts):
        when = now - timedelta(minutes=rng.randrange(0, 3 * 365 * 24 * 60))
        t = rng.choice(topics)
        rows.append((f"{t}.q{i % 300}", t, rng.choice(["concept", "numeric", "choice"]), None, "answer",
                     rng.choice(["correct", "wrong", "skipped"]), rng.random(), rng.choice([1, 2, 3, None]),
                     12.0, "practice", f"s{i // 20}", when.isoformat()))
    db.executemany("INSERT INTO attempts (question_id, topic, kind, params, answer, verdict, score, rating, seconds,"
                   " mode, session_id, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    db.commit()
    db.close()


def seconds(cmd: list[str], env: dict[str, str], repeat: int) -> float:
    """Median wall time of a command (stdin empty, output discarded)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, input="", capture_output=True, text=True, env=env, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def verdict(value: float, target: float) -> str:
    """`ok` or `MISSED` against a target."""
    return f"target <= {target:g}: {'ok' if value <= target else 'MISSED'}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    py, q = sys.executable, [sys.executable, "-m", "quizzer"]
    with tempfile.TemporaryDirectory(prefix="quizzer-scale-") as tmp:
        base = Path(tmp)
        big, ten, twenty = base / "big", base / "ten", base / "twenty"
        n_big, n_ten, n_twenty = make_bank(big, 39), make_bank(ten, 32), make_bank(twenty, 64)
        # A bank file's stat stamp stands for its bytes once it is 2 s old (bank/cache.py), as for any bank
        # in use; a file younger than that is hashed on every run.
        time.sleep(2.5)
        # Bytecode cached as in any installed copy (a shell with PYTHONDONTWRITEBYTECODE would otherwise
        # compile every module on every run, the same fixed cost on both sides of each ratio).
        env = dict(os.environ, NO_COLOR="1", QUIZZER_HOME=str(base / "home"), PYTHONPYCACHEPREFIX=str(base / "pyc"))
        env.pop("QUIZZER_BANKS", None)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        with_big = dict(env, QUIZZER_BANKS=str(big))
        practice = [*q, "practice", "--count", "1", "--seed", "1"]
        for e in (env, with_big):  # fill the parsed caches, as any earlier run would have
            subprocess.run(practice, input="", capture_output=True, env=e, check=False)
        for folder in (ten, twenty):
            subprocess.run([*q, "list", "--json", "--bank", str(folder)], capture_output=True, env=env, check=False)

        nothing = seconds([py, "-c", "pass"], env, args.repeat)
        first_builtin = seconds(practice, env, args.repeat)
        first_big = seconds(practice, with_big, args.repeat)
        list_ten = seconds([*q, "list", "--json", "--bank", str(ten)], env, args.repeat)
        list_twenty = seconds([*q, "list", "--json", "--bank", str(twenty)], env, args.repeat)
        validate_big = seconds([*q, "validate", str(big)], env, 1)

        small_home, big_home = base / "h2k", base / "h200k"
        make_history(small_home, 2_000)
        make_history(big_home, 200_000)
        stats_small = seconds([*q, "stats", "--json"], dict(env, QUIZZER_HOME=str(small_home)), args.repeat)
        stats_big = seconds([*q, "stats", "--json"], dict(env, QUIZZER_HOME=str(big_home)), args.repeat)

        print(f"python -c pass (baseline)               {nothing * 1000:8.0f} ms")
        print(f"first question, built-in banks          {first_builtin * 1000:8.0f} ms")
        print(f"first question, + {n_big:,} questions     {first_big * 1000:8.0f} ms  "
              f"{first_big / first_builtin:5.2f}x built-in  {verdict(first_big / first_builtin, 2.0)}")
        print(f"list --json, {n_ten:,} questions         {list_ten * 1000:8.0f} ms  "
              f"{list_ten / nothing:5.1f}x python -c pass  {verdict(list_ten, 1.0)} s")
        print(f"list --json, {n_twenty:,} questions         {list_twenty * 1000:8.0f} ms  "
              f"{list_twenty / list_ten:5.2f}x the 10k list  {verdict(list_twenty / list_ten, 2.2)}")
        print(f"validate, {n_big + 315:,} questions        {validate_big * 1000:8.0f} ms  "
              f"{validate_big / (n_big + 315) * 1000 * 1000:6.0f} ms per 1,000 questions")
        print(f"stats, 2,000 attempts                   {stats_small * 1000:8.0f} ms")
        print(f"stats, 200,000 attempts                 {stats_big * 1000:8.0f} ms  "
              f"{stats_big / stats_small:5.2f}x 2k  {verdict(stats_big / stats_small, 3.0)}")


if __name__ == "__main__":
    main()
