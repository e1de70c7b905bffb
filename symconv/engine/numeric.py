"""Seeded numeric cross-checks (float64 and mpmath).  Agreement here is
``cross-checked`` evidence, never ``verified``.

An error must be a finite real number >= 0: NaN, an infinity, a negative
number or anything that is not a real number (a complex, a string, None) makes
the cross-check ``undecided``; it is never dropped by ``max()`` or shown as 0.

>>> bool(rng_for("x", 0).integers(0, 10**6) == rng_for("x", 0).integers(0, 10**6))
True
>>> error_value(float("nan"), "the float64 error", 3)
(None, 'the float64 error at n=3 is nan (NaN), not a finite error >= 0')
>>> error_value(-1.0, "the float64 error", 3)[1]
'the float64 error at n=3 is -1.0 (negative), not a finite error >= 0'
>>> error_value(2e-16, "the float64 error", 3)
(2e-16, '')
"""

from __future__ import annotations

import math
import numbers
import zlib
from dataclasses import dataclass

import numpy as np

__all__ = ["rng_for", "NumericOutcome", "run_numeric", "mp_tolerance", "mp_matrix", "mp_max_abs", "to_mp_array",
           "float_and_mp", "quad_f64", "error_value"]


def rng_for(name: str, seed: int) -> np.random.Generator:
    """The generator for one theorem: seeded by the run seed and the theorem name."""
    return np.random.default_rng([seed, zlib.crc32(name.encode())])


def mp_tolerance(dps: int) -> float:
    return 10.0 ** (-(dps - 8))


@dataclass
class NumericOutcome:
    """The worst errors over ``sizes``.  ``problem`` is non-empty when an error was not a finite real
    number >= 0 (the outcome then says nothing: it is neither agreement nor disagreement)."""

    float_error: float | None
    mp_error: float | None
    tolerance: float
    mp_tol: float
    sizes: list[int]
    problem: str = ""

    @property
    def decided(self) -> bool:
        return not self.problem and self.float_error is not None and self.mp_error is not None

    @property
    def ok(self) -> bool:
        """Agreement within both tolerances (False when undecided: see ``decided``)."""
        return self.decided and self.float_error <= self.tolerance and self.mp_error <= self.mp_tol


def error_value(value, which: str, n) -> tuple[float | None, str]:
    """``(float(value), "")`` for a finite real error >= 0, else ``(None, why)``."""
    import mpmath

    is_real = (isinstance(value, (numbers.Real, mpmath.mpf)) and not isinstance(value, bool)) or (
        type(value).__module__.startswith("sympy") and getattr(value, "is_number", False)
        and getattr(value, "is_real", False) is True)
    if not is_real:
        return None, f"{which} at n={n} is {value!r} ({type(value).__name__}), not a real number"
    try:
        x = float(value)
    except (TypeError, ValueError, OverflowError) as exc:
        return None, f"{which} at n={n} is {value!r}, which has no float value ({exc})"
    if math.isnan(x):
        return None, f"{which} at n={n} is nan (NaN), not a finite error >= 0"
    if math.isinf(x):
        return None, f"{which} at n={n} is {x} (infinite), not a finite error >= 0"
    if x < 0:
        return None, f"{which} at n={n} is {x!r} (negative), not a finite error >= 0"
    return x, ""


def run_numeric(fn, name: str, sizes, seed: int, dps: int, tolerance: float, budget) -> NumericOutcome:
    """Run ``fn(n, rng, dps)`` over ``sizes``; keep the worst errors.

    The first error that is not a finite real number >= 0 ends the run with ``problem`` set and
    no error values (never a NaN hidden by ``max()``, never a 0.0 shown for it).
    """
    import mpmath

    rng = rng_for(name, seed)
    worst_f, worst_m, done = 0.0, 0.0, []
    with mpmath.workdps(dps):
        for n in sizes:
            budget.check()
            out = fn(n, rng, dps)
            if not isinstance(out, (tuple, list)) or len(out) != 2:
                return NumericOutcome(None, None, tolerance, mp_tolerance(dps), done,
                                      f"the numeric check at n={n} returned {out!r:.80}, expected "
                                      "(float64 error, mpmath error)")
            ef, em = out
            for value, which in ((ef, "the float64 error"), (em, f"the mpmath error (dps {dps})")):
                _, why = error_value(value, which, n)
                if why:
                    return NumericOutcome(None, None, tolerance, mp_tolerance(dps), done, why)
            worst_f, worst_m = max(worst_f, float(ef)), max(worst_m, float(em))
            done.append(n)
    if not done:
        return NumericOutcome(None, None, tolerance, mp_tolerance(dps), done, "no size to check")
    return NumericOutcome(worst_f, worst_m, tolerance, mp_tolerance(dps), done)


def mp_matrix(a) -> "object":
    """An mpmath matrix from a NumPy array or nested list (values converted exactly)."""
    import mpmath

    arr = np.asarray(a)
    if arr.ndim == 1:
        arr = arr[:, None]
    conv = (lambda v: mpmath.mpc(float(v.real), float(v.imag))) if np.iscomplexobj(arr) else \
        (lambda v: mpmath.mpf(float(v)))
    return mpmath.matrix([[conv(v) for v in row] for row in arr])


def mp_max_abs(M) -> float:
    """max |entry| of an mpmath matrix, as a float."""
    import mpmath

    return float(max((abs(M[r, c]) for r in range(M.rows) for c in range(M.cols)), default=mpmath.mpf(0)))


def to_mp_array(a) -> np.ndarray:
    """The same values as an object array of mpmath numbers (at the working precision)."""
    import mpmath

    arr = np.asarray(a)
    conv = (lambda v: mpmath.mpc(complex(v))) if np.iscomplexobj(arr) else (lambda v: mpmath.mpf(float(v)))
    return np.array([conv(v) for v in arr.flat], dtype=object).reshape(arr.shape)


def float_and_mp(defect, dps: int, *arrays) -> tuple[float, float]:
    """Run ``defect(*arrays)`` on float64 arrays, then on the same values in mpmath at ``dps`` digits."""
    import mpmath

    err = float(defect(*arrays))
    with mpmath.workdps(dps):
        errm = float(defect(*(to_mp_array(a) for a in arrays)))
    return err, errm


def quad_f64(fn, cuts, nodes: int = 32) -> complex | float:
    """Gauss-Legendre quadrature in float64 of a NumPy-vectorised ``fn`` over consecutive finite
    intervals [cuts[0], cuts[1]], [cuts[1], cuts[2]], ... (put the breakpoints of ``fn`` among the cuts).

    >>> round(float(quad_f64(lambda t: t**2, [0, 0.5, 1])), 12)
    0.333333333333
    """
    x, wts = np.polynomial.legendre.leggauss(nodes)
    total = 0.0
    pts = sorted(float(c) for c in cuts)
    for lo, hi in zip(pts[:-1], pts[1:]):
        if hi > lo:
            t = (hi - lo) / 2 * x + (hi + lo) / 2
            total = total + (hi - lo) / 2 * np.sum(wts * fn(t))
    return total
