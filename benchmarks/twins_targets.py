"""Issue 11 speed targets for the exact 1-D twins, measured now against NumPy and SymPy in the same run.

Each figure is the best of 3 runs in CPU time (``time.process_time``: single-threaded work, so on an
idle machine it is the wall-clock time, and on a shared one it does not count the other jobs).
Every symconv result is compared with NumPy's on the same Python-int (object) arrays, entry by entry;
a wrong result, an exception or a time-out gives NaN, not met.  Ratios are symconv's time divided by
the peer's.

    python benchmarks/twins_targets.py
"""

from __future__ import annotations

import math
import signal
import time
from contextlib import contextmanager
from fractions import Fraction

import numpy as np

N, K = 10_000, 31
TIMEOUT_S = 60
#: SymPy's exact convolution of rationals goes through a symbolic FFT: it is stopped after this many
#: seconds, and the ratio reported is symconv's time over it (an upper bound of the true ratio)
PEER_LIMIT_S = 20


@contextmanager
def _time_limit(seconds: int):
    def stop(*_):
        raise TimeoutError
    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _best(fn) -> float:
    best = math.inf
    for _ in range(3):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return max(best, 1e-6)


def _data(kind: str):
    rng = np.random.default_rng(0)
    x, w = rng.integers(-1000, 1000, N).tolist(), rng.integers(-1000, 1000, K).tolist()
    if kind == "rational":
        x, w = [Fraction(v, 7) for v in x], [Fraction(v, 3) for v in w]
    return x, w


def _ratio(kind: str, peer: str, op: str = "convolve", flint: bool = True) -> float:
    """symconv's CPU time / the peer's, after checking symconv's result against NumPy's."""
    import sympy as sp
    from sympy.discrete.convolutions import convolution

    from symconv.objects import direct_conv
    from symconv.objects.layers import convolve1d, correlate1d

    x, w = _data(kind)
    xo, wo = np.array(x, dtype=object), np.array(w, dtype=object)
    saved = direct_conv._flint
    try:
        if not flint:
            direct_conv._flint = None
        with _time_limit(TIMEOUT_S):
            if op == "convolve":
                ours, ref = (lambda: convolve1d(x, w, "full")), np.convolve(xo, wo)
            else:
                ours, ref = (lambda: correlate1d(x, w)), np.correlate(xo, wo)
            if ours().tolist() != ref.tolist():
                return float("nan")
            t_ours = _best(ours)
        if peer == "numpy":
            fn = (lambda: np.convolve(xo, wo)) if op == "convolve" else (lambda: np.correlate(xo, wo))
        else:
            xs, ws = ([sp.Rational(v.numerator, v.denominator) for v in x],
                      [sp.Rational(v.numerator, v.denominator) for v in w]) if kind == "rational" else (x, w)
            fn = lambda: convolution(xs, ws)  # noqa: E731
        try:
            with _time_limit(PEER_LIMIT_S if peer == "sympy" else TIMEOUT_S):
                t_peer = _best(fn)
        except TimeoutError:
            if peer != "sympy":
                raise
            t_peer = PEER_LIMIT_S
        return t_ours / t_peer
    except Exception:       # noqa: BLE001  (a failed run is NaN, not met)
        return float("nan")
    finally:
        direct_conv._flint = saved


def _quadratic_ratio() -> float:
    """time(n = 4,000) / time(n = 500) of correlate1d on ints, k = 3 (linear: 8; the old path: 56)."""
    from symconv.objects.layers import correlate1d

    try:
        with _time_limit(TIMEOUT_S):
            small, large = list(range(500)), list(range(4000))
            return _best(lambda: correlate1d(large, [1, 2, 3], stride=2)) / _best(
                lambda: correlate1d(small, [1, 2, 3], stride=2))
    except Exception:       # noqa: BLE001
        return float("nan")


def targets() -> list[dict]:
    rows = [
        ("exact convolve1d, ints, n = 10^4, k = 31: symconv / sympy.discrete.convolution", 1.0, "x",
         "at least as fast as sympy.discrete.convolution (not measured before)", _ratio("int", "sympy")),
        ("exact convolve1d, ints, n = 10^4, k = 31: symconv / np.convolve on Python ints", 20.0, "x",
         "within 20x of NumPy on Python ints (not measured before)", _ratio("int", "numpy")),
        ("exact correlate1d, ints, n = 10^4, k = 31: symconv / np.correlate on Python ints", 20.0, "x",
         "within 20x of NumPy on Python ints (not measured before)", _ratio("int", "numpy", "correlate")),
        ("exact convolve1d, rationals, n = 10^4, k = 31: symconv / sympy.discrete.convolution (SymPy stopped "
         f"after {PEER_LIMIT_S} s when it has not finished: then an upper bound)", 1.0, "x",
         "at least as fast as sympy.discrete.convolution (not measured before)", _ratio("rational", "sympy")),
        ("exact convolve1d, rationals, n = 10^4, k = 31: symconv / np.convolve on Fractions", 20.0, "x",
         "within 20x of NumPy (not measured before)", _ratio("rational", "numpy")),
        ("without python-flint: exact convolve1d, ints: symconv / np.convolve on Python ints", 20.0, "x",
         "within 20x of NumPy on Python ints (not measured before)", _ratio("int", "numpy", flint=False)),
        ("without python-flint: exact convolve1d, ints: symconv / sympy.discrete.convolution", 1.0, "x",
         "at least as fast as sympy.discrete.convolution (not measured before)",
         _ratio("int", "sympy", flint=False)),
        ("no quadratic path: correlate1d (stride 2), ints, k = 3: time(n = 4,000) / time(n = 500)", 16.0, "x",
         "56x (22 ms at n = 500, 1,242 ms at n = 4,000)", _quadratic_ratio()),
    ]
    return [{"target": t, "limit": lim, "unit": unit, "measured": m, "replaces": rep,
             "met": bool(m == m and m <= lim)} for t, lim, unit, rep, m in rows]


if __name__ == "__main__":
    for row in targets():
        print(row)
