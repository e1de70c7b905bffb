"""Deciding equality of closed-form expressions (pi, radicals, exp, erf) without ``simplify()``.

* equal: algebraic expansion (``expand`` with exponentials split, then powers recombined) reduces
  the difference, or the numerator of the difference over a common denominator, to the literal 0
  -- a chain of identities, i.e. a proof (where the denominators are not 0);
* different: the difference, evaluated at a rational point (or as a number), is certified non-zero
  by SymPy's error-controlled evaluation (``evalf(strict=True)``);
* otherwise: ``None``, undecided.  Never a guess either way.

>>> from sympy import sqrt, pi, exp, Symbol
>>> w = Symbol('w', real=True)
>>> decide_equal(sqrt(pi) * exp(-pi**2 * w**2) * sqrt(pi), pi * exp(-pi**2 * w**2))
True
>>> decide_equal(sqrt(pi), pi / 2)
False
"""

from __future__ import annotations

import sympy as sp

__all__ = ["expanded_zero", "certified_nonzero", "decide_equal", "decide_zero", "admissible_points"]


def _expand(e):
    return sp.expand(sp.powsimp(sp.expand(e, power_exp=True)))


def expanded_zero(e) -> bool:
    """True when algebraic expansion turns ``e`` into the literal 0, directly or after bringing it
    over a common denominator (then the numerator must expand to 0: a rational-function identity,
    valid wherever the denominators are not 0).

    >>> from sympy import Symbol, exp
    >>> w = Symbol('w')
    >>> expanded_zero(1 / (1 + w) + w / (1 + w) - 1), expanded_zero(exp(w) / (1 - w) - exp(w))
    (True, False)
    """
    e = sp.sympify(e)
    if _expand(e) == 0 or sp.expand(e) == 0:
        return True
    together = sp.together(sp.expand(e, power_exp=True))
    return _expand(sp.numer(together)) == 0


def certified_nonzero(e, digits: int = 40) -> bool | None:
    """For a closed number: True if certified non-zero, False if it is exactly 0, None if unknown."""
    e = sp.sympify(e)
    if e.free_symbols:
        raise ValueError(f"e must be a number, got free symbols {sorted(map(str, e.free_symbols))}")
    if e.is_Rational:
        return e != 0
    try:
        v = e.evalf(digits, strict=True)
    except (sp.core.evalf.PrecisionExhausted, ValueError, TypeError):
        return None
    return True if v != 0 else None


def decide_equal(a, b, points: dict | None = None) -> bool | None:
    """True (proved equal), False (certified different), or None (undecided).

    ``points``: values for the free symbols at which a difference is certified (default: each free
    symbol at 1/3, then 2/7).
    """
    d = sp.sympify(a) - sp.sympify(b)
    if expanded_zero(d):
        return True
    syms = sorted(d.free_symbols, key=str)
    trials = [points] if points else [{s: sp.Rational(1, 3) for s in syms}, {s: sp.Rational(2, 7) for s in syms}]
    for pt in trials:
        if certified_nonzero(d.subs(pt)) is True:
            return False
    return None


def decide_zero(e) -> bool | None:
    """Is ``e`` zero?  True or False only with a proof, None when undecided.

    In order: expansion to the literal 0 (also over a common denominator); the exact test in Q(zeta_n)
    for polynomials whose coefficients are roots of unity and rationals; for other polynomials in free
    symbols, each coefficient (zero only if every coefficient expands to 0, non-zero if one is
    certified non-zero); for a closed number, a certified evaluation.

    >>> from sympy import exp, pi, I, sqrt, Symbol
    >>> x = Symbol('x')
    >>> w = exp(2 * pi * I / 3)
    >>> decide_zero(1 + w + w**2), decide_zero(x * (1 + w) + x * w**2), decide_zero(sqrt(2) * x - x)
    (True, True, False)
    >>> print(decide_zero(x * (sp.sin(1)**2 + sp.cos(1)**2 - 1)))    # true, but not by expansion
    None
    >>> decide_zero(sp.Max(x, 2 * x) - sp.Max(x, 0))        # 2 at x = 2, certified
    False
    """
    from .convert import NotCyclotomic, cyclotomic_residual

    e = sp.sympify(e)
    if expanded_zero(e):
        return True
    try:
        return not cyclotomic_residual(sp.expand(e))
    except NotCyclotomic:
        pass
    syms = sorted(e.free_symbols, key=str)
    if not syms:
        return False if certified_nonzero(e) else None
    try:
        coeffs = sp.Poly(sp.expand(e), *syms).coeffs()
    except sp.PolynomialError:
        coeffs = None
    if coeffs is not None and not any(c.free_symbols for c in coeffs):
        if any(certified_nonzero(c) for c in coeffs):
            return False
        if all(expanded_zero(c) for c in coeffs):
            return True
    for point in admissible_points(syms):       # not identically zero if non-zero at one admissible point
        if certified_nonzero(e.xreplace(point)) is True:
            return False
    return None


def _admissible(sym, value) -> bool:
    """value satisfies every assumption declared on sym (integer, positive, ...)."""
    for key, wanted in sym.assumptions0.items():
        if key == "commutative":
            continue
        if getattr(value, f"is_{key}", None) is not wanted:
            return False
    return True


def admissible_points(syms):
    """Distinct integer and rational values for the symbols, each set only where it respects every
    symbol's assumptions: a function that is not 0 at one of them is not identically 0.

    >>> x, k = sp.Symbol('x'), sp.Symbol('k', integer=True)
    >>> [sorted(p.values()) for p in admissible_points([k, x])]
    [[2, 3], [-5, -3]]
    """
    for make in (lambda k: sp.Integer(k + 2), lambda k: -sp.Integer(2 * k + 3), lambda k: sp.Rational(1, k + 3)):
        point = {s: make(k) for k, s in enumerate(syms)}
        if all(_admissible(s, v) for s, v in point.items()):
            yield point
