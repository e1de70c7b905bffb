"""Exact equality of polynomial expressions, through SymPy's sparse polynomial ring over QQ.

The layer checks compare outputs that are polynomials with rational coefficients in generic symbols
(the entries of a symbolic signal and kernel).  Each output is read once into the ring (+, *,
non-negative integer powers of the ring's symbols and rationals, nothing else) and two outputs are
equal exactly when their polynomials are: the ring's arithmetic is exact, and a non-zero polynomial
does not vanish identically on the infinite domain of a commutative symbol that is not declared zero.
An expression of any other form (a float, I, a function, a symbol outside the ring) is not read
(``None``), and the caller decides it as before.

>>> import sympy as sp
>>> x, y = sp.symbols("x y")
>>> eq = PolyEquality([x, y])
>>> eq.equal((x + y)**2, x**2 + 2*x*y + y**2), eq.equal(x*y, y*x + x)
(True, False)
>>> print(eq.equal(x * sp.Float(1.0), x), eq.equal(sp.sqrt(2) * x, x))
None None
"""

from __future__ import annotations

import sympy as sp

__all__ = ["PolyEquality"]


def _plain(s) -> bool:
    """A commutative symbol whose domain is infinite (not declared zero)."""
    return type(s) in (sp.Symbol, sp.Dummy) and s.is_commutative is True and s.is_zero is not True


class PolyEquality:
    """Reads expressions into the polynomial ring QQ[symbols] and compares them there."""

    def __init__(self, symbols):
        symbols = list(symbols)
        if not symbols or not all(_plain(s) for s in symbols) or len(set(symbols)) != len(symbols):
            raise ValueError("symbols must be distinct plain commutative SymPy symbols, not declared zero")
        R, *gens = sp.ring(symbols, sp.QQ)
        self.ring = R
        self._gens = dict(zip(symbols, gens))
        self._memo: dict = {}       # id(expr) -> (expr, polynomial or None); expr kept alive, so ids stay unique

    def poly(self, e):
        """``e`` as an element of the ring, or None when it is not a polynomial of the ring's form."""
        hit = self._memo.get(id(e))
        if hit is not None and hit[0] is e:
            return hit[1]
        v = self._read(e)
        self._memo[id(e)] = (e, v)
        return v

    def _read(self, e):
        R = self.ring
        if isinstance(e, (int,)) and not isinstance(e, bool):
            return R(sp.QQ(e))
        if not isinstance(e, sp.Basic):
            return None
        if e.is_Symbol:
            return self._gens.get(e)
        if e.is_Rational:
            return R(sp.QQ(int(e.p), int(e.q)))
        if e.is_Add or e.is_Mul:
            parts = [self.poly(a) for a in e.args]
            if any(p is None for p in parts):
                return None
            out = parts[0]
            for p in parts[1:]:
                out = out + p if e.is_Add else out * p
            return out
        if e.is_Pow and e.exp.is_Integer and int(e.exp) >= 0:
            b = self.poly(e.base)
            return None if b is None else b ** int(e.exp)
        return None

    def equal(self, a, b) -> bool | None:
        """True / False when both are polynomials of the ring (equal as polynomials), else None."""
        pa, pb = self.poly(a), self.poly(b)
        if pa is None or pb is None:
            return None
        return pa == pb
