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
           "float_and_mp", "quad_f64", "quad_mp", "error_value"]


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


_GAUSS_LEGENDRE: list = []


def gauss_legendre_rule():
    """mpmath's adaptive Gauss-Legendre rule (``mpmath.quad(..., method='gauss-legendre')``: on each subinterval
    the degree m, 3 * 2^(m-1) nodes, is raised until mpmath's error estimate is below the working precision)
    with the nodes and weights of each (degree, precision) computed once per process by Arb (python-flint's
    ``arb.legendre_p_root``, certified balls) instead of mpmath's Newton iteration: the same rule, each node
    and weight within 2^-(prec + 8) of the true value (mpmath's own stopping threshold; a ball wider than that
    falls back to mpmath's computation).  Without python-flint: mpmath's class itself.

    >>> import mpmath
    >>> with mpmath.workdps(30):
    ...     print(mpmath.nstr(mpmath.quad(lambda t: t**5 + mpmath.exp(t), [0, 1], method=gauss_legendre_rule()), 25))
    1.884948495125711902026954
    """
    if _GAUSS_LEGENDRE:
        return _GAUSS_LEGENDRE[0]
    from mpmath.calculus.quadrature import GaussLegendre

    try:
        import flint
    except ImportError:  # pragma: no cover - depends on the installation
        _GAUSS_LEGENDRE.append(GaussLegendre)
        return GaussLegendre

    class ArbGaussLegendre(GaussLegendre):
        """GaussLegendre with Arb's nodes.  ``mpmath.quad`` makes an instance per call, so the caches mpmath's
        own (single) instance keeps across calls are shared by the instances: the standard nodes (keyed by
        degree and precision) and the nodes moved to an interval (keyed by its ends, degree and precision; kept
        from an interval's second use on, as mpmath does)."""

        standard_nodes: dict = {}
        transformed_nodes: dict = {}
        interval_uses: dict = {}

        def __init__(self, ctx):
            super().__init__(ctx)
            self.standard_cache = ArbGaussLegendre.standard_nodes
            self.transformed_cache = ArbGaussLegendre.transformed_nodes
            self.interval_count = ArbGaussLegendre.interval_uses

        def calc_nodes(self, degree, prec, verbose=False):
            ctx, n = self.ctx, 3 * 2 ** (degree - 1)
            work = int(prec * 1.5)                      # mpmath's precision for its own nodes
            old, old_ctx = flint.ctx.prec, ctx.prec
            try:
                flint.ctx.prec = work + 20
                balls = [flint.arb.legendre_p_root(n, k, weight=True) for k in range(n)]
                bound = flint.arb(2) ** (-prec - 8)
                if not all(x.rad() < bound and w.rad() < bound for x, w in balls):
                    return super().calc_nodes(degree, prec, verbose)       # pragma: no cover - never seen
                ctx.prec = work + 20
                mid = [(x.mid().man_exp(), w.mid().man_exp()) for x, w in balls]
                return [(ctx.mpf((int(xm), int(xe))), ctx.mpf((int(wm), int(we)))) for (xm, xe), (wm, we) in mid]
            finally:
                flint.ctx.prec, ctx.prec = old, old_ctx

    _GAUSS_LEGENDRE.append(ArbGaussLegendre)
    return ArbGaussLegendre


def quad_mp(f, points):
    """``mpmath.quad(f, points, method='gauss-legendre')`` at the working precision, with the nodes of
    :func:`gauss_legendre_rule` (computed once per process), or ``ArithmeticError`` when mpmath's own error
    estimate says the rule did not converge: mpmath stops raising the degree on a subinterval once its estimate
    is at most eps / 8 (``mpmath.mp.eps`` at the caller's precision), and returns whatever it has at its last
    degree otherwise, so estimates summing to more than ``k * eps / 8`` over k subintervals (or a value that is
    not finite) mean that some subinterval did not converge: no integral.

    >>> import mpmath
    >>> with mpmath.workdps(40):
    ...     abs(quad_mp(lambda t: mpmath.exp(-t * t), [-12, 0, 12]) - mpmath.sqrt(mpmath.pi)) < mpmath.mpf(10)**-38
    True
    >>> with mpmath.workdps(50):
    ...     quad_mp(lambda t: mpmath.sin(1000 * t), [0, 10])
    Traceback (most recent call last):
    ...
    ArithmeticError: Gauss-Legendre quadrature did not converge on [0, 10]: error estimate 1.0 > 3.3e-52 (1 subinterval)
    """
    import mpmath

    value, estimate = mpmath.quad(f, points, method=gauss_legendre_rule(), error=True)
    pieces = len(points) - 1
    bound = pieces * mpmath.mp.eps / 8
    if not (mpmath.isfinite(value) and estimate <= bound):
        ends = f"[{mpmath.nstr(points[0], 6)}, {mpmath.nstr(points[-1], 6)}]"
        raise ArithmeticError(f"Gauss-Legendre quadrature did not converge on {ends}: error estimate "
                              f"{mpmath.nstr(estimate, 2, min_fixed=1, max_fixed=0)} > "
                              f"{mpmath.nstr(bound, 2, min_fixed=1, max_fixed=0)} ({pieces} subinterval{'s' * (pieces != 1)})")
    return value


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
