"""Issue 13 targets for the whole catalogue: `symconv prove` serial and with -j 2, and the test suite.

    python benchmarks/prove_targets.py [--no-suite]

``symconv prove`` (serial and -j 2) runs three times, each in a child process, and the best wall clock is
reported, as the other targets report the best of three (this machine's speed varies by a third from one
run to the next: a slower run measures its neighbours, not the code); every run must exit 0.  The test
suite, about three minutes, runs once."""

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


def _best(cmd: list[str], repeats: int, timeout: float) -> tuple[float, str]:
    """The best wall clock of ``repeats`` runs, NaN unless every run exits 0; and a note with each run."""
    runs = [_wall(cmd, timeout) for _ in range(repeats)]
    walls = ", ".join(f"{s:.1f} s" for s, _ in runs)
    if any(rc != 0 for _, rc in runs):
        return float("nan"), f"exit codes {[rc for _, rc in runs]} (runs: {walls})"
    return min(s for s, _ in runs), f"best of {repeats} wall clocks, each exit 0: {walls}"


def targets(suite: bool = True, repeats: int = 3) -> list[dict]:
    symconv = str(BIN / "symconv")
    rows = []
    secs, note = _best([symconv, "prove", "-q"], repeats, 900)
    rows.append(_row("symconv prove, whole catalogue, serial", 30, "s", secs, "82 s", note))
    secs, note = _best([symconv, "prove", "-q", "-j", "2"], repeats, 900)
    rows.append(_row("symconv prove -j 2", 15, "s", secs, "82 s serial", note))
    if suite:
        secs, rc = _wall([sys.executable, "-m", "pytest", "-q", "-n", "auto"], 1800)
        rows.append(_row("test suite, pytest -n auto (2 cores)", 180, "s", secs, "5-11 min", f"exit {rc}"))
    return rows


if __name__ == "__main__":
    for r in targets(suite="--no-suite" not in sys.argv):
        print(r)
