"""Seeded numeric cross-checks (float64 and mpmath).  Agreement here is
``cross-checked`` evidence, never ``verified``.

>>> bool(rng_for("x", 0).integers(0, 10**6) == rng_for("x", 0).integers(0, 10**6))
True
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

import numpy as np

__all__ = ["rng_for", "NumericOutcome", "run_numeric", "mp_tolerance", "mp_matrix", "mp_max_abs", "to_mp_array",
           "float_and_mp", "quad_f64"]


def rng_for(name: str, seed: int) -> np.random.Generator:
    """The generator for one theorem: seeded by the run seed and the theorem name."""
    return np.random.default_rng([seed, zlib.crc32(name.encode())])


def mp_tolerance(dps: int) -> float:
    return 10.0 ** (-(dps - 8))


@dataclass
class NumericOutcome:
    float_error: float
    mp_error: float
    tolerance: float
    mp_tol: float
    sizes: list[int]

    @property
    def ok(self) -> bool:
        return self.float_error <= self.tolerance and self.mp_error <= self.mp_tol


def run_numeric(fn, name: str, sizes, seed: int, dps: int, tolerance: float, budget) -> NumericOutcome:
    """Run ``fn(n, rng, dps)`` over ``sizes``; keep the worst errors."""
    import mpmath

    rng = rng_for(name, seed)
    worst_f, worst_m, done = 0.0, 0.0, []
    with mpmath.workdps(dps):
        for n in sizes:
            budget.check()
            ef, em = fn(n, rng, dps)
            worst_f, worst_m = max(worst_f, float(ef)), max(worst_m, float(em))
            done.append(n)
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
