"""Functions on the real line given piece by piece, and their exact convolution.

A function is a list of pieces (a, b, expr): expr in the variable x on [a, b) (a may be -oo, b oo),
0 elsewhere.  The convolution integral is split at the sums of breakpoints, where the integration
limits max(a_p, x - b_q) and min(b_p, x - a_q) are known, and each piece is integrated with explicit
limits: no step functions are handed to SymPy's integrator (which, for instance, gets the convolution
of e^-t H(t) and e^-2t H(t) wrong with conds='none').

>>> box = [(0, 1, sp.Integer(1))]
>>> tri = convolve(box, box)
>>> [(a, b, e) for a, b, e in tri]
[(0, 1, x), (1, 2, 2 - x)]
"""

from __future__ import annotations

import sympy as sp

from ..exact.closed import decide_equal
from .exp_poly import definite_integral

__all__ = ["X", "add", "convolve", "evaluate", "numeric_function", "pieces_equal", "reflect", "scale"]

X = sp.Symbol("x", real=True)
_T = sp.Symbol("tau", real=True)


def _bounds(pieces):
    pts = set()
    for a, b, _ in pieces:
        pts.update([sp.sympify(a), sp.sympify(b)])
    return pts


def _key(v):
    return float(v) if v.is_finite else (float("inf") if v == sp.oo else -float("inf"))


def _extended_rational(v) -> bool:
    """v is a SymPy rational, oo or -oo (compared exactly by SymPy, without Max/Min)."""
    return v.is_Rational or v is sp.oo or v is sp.S.NegativeInfinity


def _mid(lo, hi):
    """A point inside (lo, hi), also when one end is infinite."""
    return (lo + hi) / 2 if lo.is_finite and hi.is_finite else (hi - 1 if lo == -sp.oo else lo + 1)


def _at(pieces, x0):
    return next((e for a, b, e in pieces if (a == -sp.oo or a <= x0) and (b == sp.oo or x0 < b)), sp.Integer(0))


def add(f: list, g: list) -> list:
    """f + g as pieces on the common refinement of their breakpoints.

    >>> add([(0, 2, sp.Integer(1))], [(1, 3, X)])
    [(0, 1, 1), (1, 2, x + 1), (2, 3, x)]
    """
    pts = sorted(_bounds(f) | _bounds(g), key=_key)
    return [(lo, hi, _at(f, _mid(lo, hi)) + _at(g, _mid(lo, hi))) for lo, hi in zip(pts[:-1], pts[1:])]


def scale(c, f: list) -> list:
    """c f, piece by piece."""
    return [(a, b, c * sp.sympify(e)) for a, b, e in f]


def reflect(f: list) -> list:
    """f(-x): the piece (a, b, e(x)) becomes (-b, -a, e(-x)).

    >>> reflect([(0, 1, X)])
    [(-1, 0, -x)]
    """
    return [(-sp.sympify(b), -sp.sympify(a), sp.sympify(e).subs(X, -X)) for a, b, e in reversed(f)]


def _piece_integral(integrand, low, up) -> sp.Expr:
    """int_low^up integrand d tau: from checked antiderivatives when the integrand is a sum of
    polynomial-times-exponential terms in tau (symconv.objects.exp_poly), else by SymPy's integrate."""
    try:
        return definite_integral(integrand, _T, low, up)
    except ValueError:
        return sp.integrate(integrand, (_T, low, up))


def convolve(f: list, g: list) -> list:
    """(f * g)(x) = int f(tau) g(x - tau) dtau, as pieces (a, b, expr) on consecutive intervals."""
    f = [(sp.sympify(a), sp.sympify(b), sp.sympify(e)) for a, b, e in f]
    g = [(sp.sympify(a), sp.sympify(b), sp.sympify(e)) for a, b, e in g]
    breaks = sorted({p + q for p in _bounds(f) for q in _bounds(g)
                     if not (p in (sp.oo, -sp.oo) and q in (sp.oo, -sp.oo) and p != q)}, key=_key)
    f_tau = [fp.subs(X, _T) for _, _, fp in f]                 # f(tau) and g(x - tau), once per piece
    g_shift = [gq.subs(X, X - _T) for _, _, gq in g]
    out = []
    for lo, hi in zip(breaks[:-1], breaks[1:]):
        mid = _mid(lo, hi)
        total = sp.Integer(0)
        for (a_p, b_p, fp), fp_tau in zip(f, f_tau):
            for (a_q, b_q, gq), gq_shift in zip(g, g_shift):
                if all(_extended_rational(v) for v in (a_p, b_p, mid - b_q, mid - a_q)):
                    # the limits max(a_p, mid - b_q), min(b_p, mid - a_q) by exact comparisons
                    low_is_a, up_is_b = bool(mid - b_q <= a_p), bool(b_p <= mid - a_q)
                    lower, upper = (a_p if low_is_a else mid - b_q), (b_p if up_is_b else mid - a_q)
                else:                                   # other real ends: SymPy's Max and Min
                    lower, upper = sp.Max(a_p, mid - b_q), sp.Min(b_p, mid - a_q)
                    low_is_a, up_is_b = lower == a_p, upper == b_p
                if not (lower < upper):
                    continue
                # on (lo, hi) the same bound is active as at mid: pick it symbolically
                low = a_p if low_is_a else X - b_q
                up = b_p if up_is_b else X - a_q
                total += _piece_integral(fp_tau * gq_shift, low, up)
        out.append((lo, hi, sp.expand(total)))
    return [p for p in out if not (p[0] == -sp.oo and p[2] == 0) and not (p[1] == sp.oo and p[2] == 0)]


def evaluate(pieces: list, x0) -> sp.Expr:
    """The value at x0 (0 outside the pieces)."""
    for a, b, e in pieces:
        if (a == -sp.oo or a <= x0) and (b == sp.oo or x0 < b):
            return e.subs(X, x0)
    return sp.Integer(0)


def numeric_function(pieces: list, module: str = "numpy"):
    """The pieces as a numeric function, 0 outside them: vectorised over NumPy arrays (``"numpy"``) or
    on one mpmath number (``"mpmath"``, at the working precision).

    >>> import numpy as np
    >>> numeric_function([(0, 1, X), (1, 2, 2 - X)])(np.array([-1.0, 0.5, 1.5]))
    array([0. , 0.5, 0.5])
    """
    import numpy as np

    fns = [(sp.sympify(a), sp.sympify(b), sp.lambdify(X, e, module)) for a, b, e in pieces]
    if module == "numpy":
        lims = [(float(a) if a.is_finite else -np.inf, float(b) if b.is_finite else np.inf, fn) for a, b, fn in fns]
        return lambda t: sum((np.where((t >= a) & (t < b), fn(t) + 0 * t, 0.0) for a, b, fn in lims), 0.0 * t)
    import mpmath

    lims = [(mpmath.mpf(a.p) / a.q if a.is_finite else -mpmath.inf, mpmath.mpf(b.p) / b.q if b.is_finite
             else mpmath.inf, fn) for a, b, fn in fns]
    return lambda t: sum((fn(t) for a, b, fn in lims if a <= t < b), mpmath.mpf(0))


def pieces_equal(f: list, g: list) -> bool | None:
    """Whether two piecewise functions agree everywhere, on a common refinement: True when every
    piece difference expands to 0, False when one is certified non-zero at its interval's midpoint,
    None when undecided (symconv.exact.decide_equal)."""
    pts = sorted(_bounds(f) | _bounds(g), key=_key)
    if pts[0] != -sp.oo:
        pts = [-sp.oo] + pts
    if pts[-1] != sp.oo:
        pts = pts + [sp.oo]
    for lo, hi in zip(pts[:-1], pts[1:]):
        mid = _mid(lo, hi)
        same = decide_equal(_at(f, mid), _at(g, mid), {X: mid})
        if same is not True:
            return same
    return True
