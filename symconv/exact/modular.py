"""Exact congruences between index expressions, with the modulus a symbol.

``congruent_mod(a, b, n)`` is True only when a - b = n*q for a polynomial q
with integer coefficients in the symbols, every one of them (n included)
declared integer: then a = b (mod n) for every n and every value of the
indices.  A symbol that may take non-integer values (``Symbol('r', real=True)``,
or one without assumptions) makes the answer False: n*r = 0 (mod n) fails for
r = 1/2.  False means "not shown", and the
engine treats it as a failed justification, never as a counterexample.

>>> from sympy import symbols
>>> i, j, n = symbols('i j n', integer=True)
>>> congruent_mod(i - 1 + n, i - 1, n)
True
>>> congruent_mod(j*(i + 1), i*j + j + 3*n*j, n)
True
>>> congruent_mod(i, i + 1, n)
False
>>> from sympy import Symbol
>>> congruent_mod(n * Symbol('r', real=True), 0, n)
False
"""

from __future__ import annotations

import sympy as sp

__all__ = ["divisible_by", "congruent_mod"]


def divisible_by(expr: object, n: object) -> bool:
    """True when ``expr`` lies in n * Z[symbols] (n a symbol or a positive int).

    >>> from sympy import symbols
    >>> k, n = symbols('k n', integer=True)
    >>> divisible_by(n*k + 2*n, n), divisible_by(6*k, 3), divisible_by(k, 3)
    (True, True, False)
    """
    expr = sp.expand(sp.sympify(expr))
    n = sp.sympify(n)
    if expr == 0:
        return True
    if any(q.is_integer is not True for q in expr.free_symbols):
        return False        # a real r (n included): n*r need not be a multiple of n in Z; not shown
    # (a symbol n that is not in expr needs no check: every monomial then has degree 0 in n, below)
    if n.is_Integer:
        if int(n) <= 0:
            raise ValueError(f"modulus must be positive, got {n}")
        gens = sorted(expr.free_symbols, key=str)
        if not gens:
            return bool(expr.is_Integer) and int(expr) % int(n) == 0
        try:
            poly = sp.Poly(expr, *gens)
        except sp.PolynomialError:
            return False
        return all(c.is_Integer and int(c) % int(n) == 0 for c in poly.coeffs())
    if not n.is_Symbol:
        raise TypeError(f"modulus must be a positive int or a SymPy symbol, got {n!r}")
    gens = [n] + sorted(expr.free_symbols - {n}, key=str)
    try:
        poly = sp.Poly(expr, *gens)
    except sp.PolynomialError:
        return False  # not a polynomial in the indices (floor, abs, ...): not shown
    for monom, c in poly.terms():
        if monom[0] < 1 or not c.is_Integer:
            return False
    return True


def congruent_mod(a: object, b: object, n: object) -> bool:
    """True when a = b (mod n) is shown for all integer values (see module doc)."""
    return divisible_by(sp.sympify(a) - sp.sympify(b), n)
