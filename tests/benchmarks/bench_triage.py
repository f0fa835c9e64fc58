"""Triage on the 2,225 BBC articles: `reader list` cold and warm, `reader mark --read`, store calls alone.

    python tests/benchmarks/bench_triage.py
Targets (issue 5): `reader list` with state < 3 s including ingest (warm cache); marking all 2,225
read < 1 s for the marking itself. The state lives in a temporary READER_HOME, never the real one.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import bbc_articles  # noqa: E402

REPEATS = 3


def reader_command() -> list[str]:
    exe = Path(sys.executable).parent / "reader"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "reader"]


def timed(args: list[str], env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    started = time.perf_counter()
    done = subprocess.run([*reader_command(), *args], env=env, capture_output=True, text=True)
    return time.perf_counter() - started, done


def best(args: list[str], env: dict[str, str]) -> float:
    return min(timed(args, env)[0] for _ in range(REPEATS))


def store_figures(folder: Path) -> None:
    """The store's own cost, without process start-up or scanning."""
    from reader.triage import MARK_READ, TOGGLE_STAR, TriageStore, add_tag
    from reader.triage.catalog import scan
    from reader.triage.ingest_cache import CACHE_FILE, IngestCache
    from reader.paths import state_dir

    cache = IngestCache.open(state_dir() / CACHE_FILE)
    keys = [item.key for item in scan([str(folder)], cache) if hasattr(item, "key")]
    cache.close()
    with TriageStore.open(state_dir() / "bench.sqlite3") as store:
        for label, action in (("apply mark_read (new rows)", MARK_READ), ("apply toggle_star", TOGGLE_STAR),
                              ("apply add_tag", add_tag("bench"))):
            started = time.perf_counter()
            changes = store.apply(keys, action)
            print(f"  store.{label:28} {len(changes)} articles: {(time.perf_counter() - started) * 1000:6.0f} ms")
        started = time.perf_counter()
        store.restore(changes)
        print(f"  store.{'restore (undo add_tag)':28} {len(changes)} articles: "
              f"{(time.perf_counter() - started) * 1000:6.0f} ms")
        started = time.perf_counter()
        states = store.lookup(keys)
        print(f"  store.{'lookup':28} {len(states)} articles: {(time.perf_counter() - started) * 1000:6.0f} ms")


def main() -> None:
    folder = bbc_articles()
    home = Path(tempfile.mkdtemp(prefix="reader-bench-"))
    env = {**os.environ, "READER_HOME": str(home)}
    os.environ["READER_HOME"] = str(home)
    try:
        cold, done = timed(["list", str(folder)], env)
        rows = len(done.stdout.splitlines())
        print(f"reader list, cold (no cache, no state):   {cold:5.2f} s  ({rows} rows, exit {done.returncode})")
        print(f"reader list, warm cache:                  {best(['list', str(folder)], env):5.2f} s  (best of {REPEATS})")
        mark, done = timed(["mark", "--read", "--tag", "bench", str(folder)], env)
        print(f"reader mark --read --tag on all, warm:    {mark:5.2f} s  ({done.stderr.strip()})")
        print(f"reader list with state (text):            {best(['list', '--all', str(folder)], env):5.2f} s")
        print(f"reader list with state (json):            {best(['list', '--format', 'json', '--all', str(folder)], env):5.2f} s")
        print(f"reader list --unread (filters out all):   {best(['list', '--unread', str(folder)], env):5.2f} s")
        toggle, _ = timed(["mark", "--unread", str(folder)], env)
        print(f"reader mark --unread on all (2nd time):   {toggle:5.2f} s")
        print("store calls in process (marking itself):")
        store_figures(folder)
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
