"""Issue 13 targets for the whole catalogue: `symconv prove` serial and with -j 2, and the test suite.

    python benchmarks/prove_targets.py [--no-suite]

Each command runs once in a child process (wall clock, the machine's load printed beside it)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _wall(cmd: list[str], timeout: float) -> tuple[float, int]:
    start = time.monotonic()
    try:
        p = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=timeout)
    except subprocess.TimeoutExpired:
        return float("nan"), -1
    return time.monotonic() - start, p.returncode


def _row(target: str, limit: float, unit: str, measured: float, replaces: str, note: str = "") -> dict:
    return {"target": target, "limit": limit, "unit": unit, "measured": measured, "replaces": replaces,
            "met": measured == measured and measured <= limit, "note": note}


def targets(suite: bool = True) -> list[dict]:
    symconv = str(BIN / "symconv")
    rows = []
    secs, rc = _wall([symconv, "prove", "-q"], 900)
    rows.append(_row("symconv prove, whole catalogue, serial", 30, "s", secs, "82 s", f"exit {rc}"))
    secs, rc = _wall([symconv, "prove", "-q", "-j", "2"], 900)
    rows.append(_row("symconv prove -j 2", 15, "s", secs, "82 s serial", f"exit {rc}"))
    if suite:
        secs, rc = _wall([sys.executable, "-m", "pytest", "-q", "-n", "auto"], 1800)
        rows.append(_row("test suite, pytest -n auto (2 cores)", 180, "s", secs, "5-11 min", f"exit {rc}"))
    return rows


if __name__ == "__main__":
    for r in targets(suite="--no-suite" not in sys.argv):
        print(r)
