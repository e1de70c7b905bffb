"""Issue 13's shift-analysis target: ``shift_table`` / ``assert_shift_equivariant`` at n = 256 for a
circular layer with symbolic input, in at most 3 s (it took 28.7 s).

The layer is y_i = x_{i-1} + x_i + x_{i+1} (circular, ``np.roll`` on the generic symbolic signal
x_0..x_255), so the figure is the analysis, not the cost of building SymPy sums inside the layer.
Each figure is the best of 3 runs in CPU time (``time.process_time``: the machine is shared), and
each run also checks the verdict (every one of the 255 shifts commutes), so a fast wrong answer
cannot pass.  A run that raises or exceeds 60 s gives nan and ``met = False``.

    python benchmarks/shift_targets.py
"""

from __future__ import annotations

import math
import signal
import time

import numpy as np

N = 256
LIMIT_S = 3.0


def _layer(v):
    return np.roll(v, 1) + v + np.roll(v, -1)


def _table_run() -> None:
    from symconv.engine.shift_table import shift_table
    tab = shift_table(_layer, (N,))
    if tab.equivariant_shifts != [(k,) for k in range(1, N)] or tab.undecided_shifts:
        raise AssertionError("shift_table gave a wrong verdict")


def _assert_run() -> None:
    from symconv.testing import assert_shift_equivariant
    rep = assert_shift_equivariant(_layer, N)
    if rep.commuting_shifts != list(range(N)):
        raise AssertionError("assert_shift_equivariant gave a wrong verdict")


class _Timeout(Exception):
    pass


def _best_of_3(run, timeout_s: int = 60) -> tuple[float, str]:
    """(best CPU time of 3 runs, note); nan and the reason when a run raises, is wrong or times out."""
    def alarm(*_):
        raise _Timeout(f"over {timeout_s} s")
    old = signal.signal(signal.SIGALRM, alarm) if hasattr(signal, "SIGALRM") else None
    try:
        if old is not None:
            signal.alarm(timeout_s)
        times = []
        for _ in range(3):
            t = time.process_time()
            run()
            times.append(time.process_time() - t)
        return min(times), "CPU time (process_time), best of 3; layer x_{i-1} + x_i + x_{i+1} by np.roll"
    except Exception as exc:   # a failed, wrong or timed-out run is nan, never a figure
        return float("nan"), f"{type(exc).__name__}: {exc}"
    finally:
        if old is not None:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, old)


def _target(name: str, run, replaces: str) -> dict:
    measured, note = _best_of_3(run)
    return {"target": name, "limit": LIMIT_S, "unit": "s", "measured": measured, "replaces": replaces,
            "met": bool(not math.isnan(measured) and measured <= LIMIT_S), "note": note}


def targets() -> list[dict]:
    return [
        _target(f"shift_table, circular layer, symbolic x, n = {N}", _table_run, "28.7 s"),
        _target(f"assert_shift_equivariant, circular layer, n = {N}", _assert_run,
                "32.9 s CPU on main before this change"),
    ]


if __name__ == "__main__":
    for row in targets():
        print(row)
