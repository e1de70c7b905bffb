"""Deciding equality of closed-form expressions (pi, radicals, exp, erf) without ``simplify()``.

* equal: algebraic expansion (``expand`` with exponentials split, then powers recombined) reduces
  the difference to the literal 0 -- a chain of identities, i.e. a proof;
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

__all__ = ["expanded_zero", "certified_nonzero", "decide_equal"]


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
