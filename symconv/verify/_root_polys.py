"""Polynomials in generic variables whose coefficients are integer sums of n-th roots of unity.

An element of Z[zeta_n][v_0, v_1, ...] is stored as ``{(monomial, e): count}``: ``count * zeta**e`` times the
monomial, a sorted tuple of variable indices (repeated for powers), e read modulo n.  Sums, products, integer
multiples and the conjugation of the coefficients (zeta**e -> zeta**-e, the variables taken as real) are exact
integer operations on these dicts; nothing is simplified and nothing is guessed.

:meth:`RootPoly.residual` decides which monomials have a non-zero coefficient: the coefficient
sum(count_e zeta**e) is zero in Q(zeta_n) exactly when the polynomial sum(count_e x**e) is divisible by the
cyclotomic polynomial Phi_n (the minimal polynomial of zeta), decided by :func:`symconv.exact.root_sum_is_zero`.
A polynomial is then zero exactly when no monomial has a non-zero coefficient (a non-zero polynomial does not
vanish identically on the infinite domain of its variables).

>>> a, b = RootPoly.variable(3, 0), RootPoly.variable(3, 1)
>>> z = RootPoly.root(3, 1)
>>> (a * (1 + z + z * z)).residual()                    # 1 + zeta + zeta^2 = 0 in Q(zeta_3)
{}
>>> (a * b * z - b * a).residual()
{(0, 1): [-1, 1, 0]}
>>> (z.conjugate() * z).residual() == RootPoly.constant(3, 1).residual()
True
"""

from __future__ import annotations

from ..exact import root_sum_is_zero

__all__ = ["RootPoly"]


def _check_n(n) -> int:
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"n must be a positive int, got {type(n).__name__} {n!r}")
    if n <= 0:
        raise ValueError(f"n must be a positive int, got {n}")
    return n


class RootPoly:
    """An element of Z[zeta_n][variables] (see the module).  Integers combine with it in +, -, *."""

    __slots__ = ("n", "terms")

    def __init__(self, n: int, terms: dict | None = None):
        self.n = _check_n(n)
        self.terms = {} if terms is None else {k: c for k, c in terms.items() if c}

    # construction ---------------------------------------------------------------------------------------------
    @classmethod
    def variable(cls, n: int, index: int) -> "RootPoly":
        """The variable v_index."""
        if isinstance(index, bool) or not isinstance(index, int) or index < 0:
            raise ValueError(f"index must be an int >= 0, got {index!r}")
        return cls(n, {((index,), 0): 1})

    @classmethod
    def root(cls, n: int, e: int) -> "RootPoly":
        """zeta_n**e, e any int (read modulo n)."""
        if isinstance(e, bool) or not isinstance(e, int):
            raise TypeError(f"e must be an int, got {type(e).__name__} {e!r}")
        return cls(n, {((), e % _check_n(n)): 1})

    @classmethod
    def constant(cls, n: int, c: int) -> "RootPoly":
        """The integer c."""
        if isinstance(c, bool) or not isinstance(c, int):
            raise TypeError(f"c must be an int, got {type(c).__name__} {c!r}")
        return cls(n, {((), 0): c})

    def _coerce(self, other) -> "RootPoly":
        if isinstance(other, RootPoly):
            if other.n != self.n:
                raise ValueError(f"cannot combine elements of Z[zeta_{self.n}] and Z[zeta_{other.n}]")
            return other
        if isinstance(other, int) and not isinstance(other, bool):
            return RootPoly.constant(self.n, other)
        return NotImplemented

    # arithmetic -----------------------------------------------------------------------------------------------
    def __add__(self, other):
        o = self._coerce(other)
        if o is NotImplemented:
            return o
        out = dict(self.terms)
        for k, c in o.terms.items():
            out[k] = out.get(k, 0) + c
        return RootPoly(self.n, out)

    __radd__ = __add__

    def __neg__(self):
        return RootPoly(self.n, {k: -c for k, c in self.terms.items()})

    def __sub__(self, other):
        o = self._coerce(other)
        return o if o is NotImplemented else self + (-o)

    def __rsub__(self, other):
        o = self._coerce(other)
        return o if o is NotImplemented else o + (-self)

    def __mul__(self, other):
        o = self._coerce(other)
        if o is NotImplemented:
            return o
        n, out = self.n, {}
        for (m1, e1), c1 in self.terms.items():
            for (m2, e2), c2 in o.terms.items():
                key = (tuple(sorted(m1 + m2)) if m1 and m2 else m1 or m2, (e1 + e2) % n)
                out[key] = out.get(key, 0) + c1 * c2
        return RootPoly(n, out)

    __rmul__ = __mul__

    def __pow__(self, k: int):
        """Non-negative integer powers; any integer power of a single root zeta**e (its inverse is zeta**-e)."""
        if isinstance(k, bool) or not isinstance(k, int):
            raise TypeError(f"k must be an int, got {type(k).__name__} {k!r}")
        if k < 0:
            (mono, e), c = next(iter(self.terms.items())) if len(self.terms) == 1 else ((None, 0), 0)
            if mono != () or c != 1:
                raise ValueError("a negative power is defined here only for a root of unity zeta**e")
            return RootPoly.root(self.n, e * k)
        out, base = RootPoly.constant(self.n, 1), self
        while k:
            if k & 1:
                out = out * base
            base, k = base * base, k >> 1
        return out

    def conjugate(self) -> "RootPoly":
        """The coefficients conjugated (zeta**e -> zeta**-e), the variables taken as real."""
        n = self.n
        return RootPoly(n, {(m, -e % n): c for (m, e), c in self.terms.items()})

    # decisions ------------------------------------------------------------------------------------------------
    def coefficients(self) -> dict[tuple, list[int]]:
        """{monomial: counts} with counts[e] the integer coefficient of zeta**e (every monomial that occurs)."""
        out: dict[tuple, list[int]] = {}
        for (m, e), c in self.terms.items():
            out.setdefault(m, [0] * self.n)[e] += c
        return out

    def residual(self) -> dict[tuple, list[int]]:
        """The monomials whose coefficient is not zero in Q(zeta_n), with their counts (empty: exactly 0)."""
        return {m: cs for m, cs in self.coefficients().items() if any(cs) and not root_sum_is_zero(cs, self.n)}

    def __repr__(self) -> str:
        return f"RootPoly({self.n}, {self.terms!r})"
