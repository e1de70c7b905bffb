"""The cyclotomic field Q(zeta_n), with exact arithmetic and exact zero tests.

An element is a polynomial in zeta of degree below phi(n) with rational
coefficients, reduced modulo the cyclotomic polynomial Phi_n.  Because
Phi_n is the minimal polynomial of zeta = exp(2*pi*i/n), this reduced form is
canonical: an element is zero exactly when every coefficient is zero.  No
floating point and no ``simplify()`` are involved.

>>> K = CyclotomicField(3)
>>> w = K.zeta()
>>> (1 + w + w**2).is_zero
True
>>> K.zeta(3) == K.one
True
"""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache
from typing import Iterable, Sequence

from . import _deadline

__all__ = [
    "CyclotomicField",
    "CyclotomicElement",
    "cyclotomic_coefficients",
    "reduce_mod_cyclotomic",
    "root_sum_is_zero",
    "euler_phi",
    "CyclotomicOrderTooLarge",
    "MAX_ORDER",
]

Number = int | Fraction


#: largest order n accepted by :class:`CyclotomicField` by default (an element of Q(zeta_n) is stored as
#: phi(n) rationals and reduced with lists of length n; beyond this size exact work is not "cheap")
MAX_ORDER = 200_000


class CyclotomicOrderTooLarge(ValueError):
    """The order n of Q(zeta_n) exceeds the size limit ``max_order``."""


def _check_size(n: int, max_order: int | None) -> None:
    if max_order is not None and n > max_order:
        raise CyclotomicOrderTooLarge(f"Q(zeta_n) with n = {n} exceeds max_order = {max_order} "
                                      "(raise max_order to work in larger fields)")


def _check_order(n: object, name: str = "n") -> int:
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"{name} must be a positive int, got {type(n).__name__} {n!r}")
    if n <= 0:
        raise ValueError(f"{name} must be a positive int, got {n}")
    return n


def _phi_squarefree_kernel(n: int) -> list[int]:
    """Phi_n for squarefree n as prod_{d | n} (x^d - 1)^mu(n/d), in exact integer arithmetic
    (multiplications first, then exact divisions; every step is O(degree))."""
    from sympy import divisors, mobius

    num, den = [], []
    for d in divisors(n):
        mu = int(mobius(n // d))
        (num if mu == 1 else den if mu == -1 else []).append(d)
    poly = [1]
    for d in num:                       # times (x^d - 1)
        _deadline.check()
        out = [0] * (len(poly) + d)
        for i, c in enumerate(poly):
            if c:
                out[i + d] += c
                out[i] -= c
        poly = out
    for d in den:                       # exact division by (x^d - 1): q[i] = q[i-d] - p[i]
        _deadline.check()
        m = len(poly) - d
        q = [0] * m
        for i in range(m):
            q[i] = (q[i - d] if i >= d else 0) - poly[i]
        poly = q
    return poly


@lru_cache(maxsize=64)
def cyclotomic_coefficients(n: int, max_order: int | None = MAX_ORDER) -> tuple[int, ...]:
    """Coefficients of Phi_n, lowest degree first.

    Computed exactly from Phi_n(x) = Phi_r(x^(n/r)), r the squarefree kernel of n, and
    Phi_r = prod_{d | r} (x^d - 1)^mu(r/d); python-flint's ``fmpz_poly.cyclotomic`` is used instead
    when it is installed (the same polynomial, faster).  Orders above ``max_order`` (default
    :data:`MAX_ORDER`; None for no limit) raise :class:`CyclotomicOrderTooLarge`, a ValueError.

    >>> cyclotomic_coefficients(3)
    (1, 1, 1)
    >>> cyclotomic_coefficients(8)
    (1, 0, 0, 0, 1)
    """
    _check_order(n)
    _check_size(n, max_order)
    try:
        import flint
        return tuple(int(c) for c in flint.fmpz_poly.cyclotomic(n).coeffs())
    except ImportError:  # pragma: no cover - depends on the installation
        return _phi_pure(n)


def _phi_pure(n: int) -> tuple[int, ...]:
    """Phi_n without python-flint: Phi_n(x) = Phi_r(x^(n/r)), r the squarefree kernel of n."""
    from sympy import primefactors

    r = 1
    for p in primefactors(n):
        r *= p
    base = _phi_squarefree_kernel(r)
    step = n // r
    out = [0] * ((len(base) - 1) * step + 1)
    for e, c in enumerate(base):
        out[e * step] = c
    return tuple(out)


def euler_phi(n: int) -> int:
    """Euler's totient, the degree of Q(zeta_n).

    >>> [euler_phi(n) for n in (1, 2, 3, 4, 12)]
    [1, 1, 2, 2, 4]
    """
    from sympy import totient

    return int(totient(_check_order(n)))


def reduce_mod_cyclotomic(coeffs: Sequence[Number], n: int) -> list[Number]:
    """Remainder of sum(coeffs[e] * x**e) modulo Phi_n, lowest degree first.

    The division is exact long division over Python ints / Fractions; it
    walks only the non-zero terms of Phi_n, so x**512 + 1 costs two
    operations per step.

    >>> reduce_mod_cyclotomic([1, 1, 1], 3)
    [0, 0]
    >>> reduce_mod_cyclotomic([0, 0, 0, 1], 3)   # zeta^3 = 1
    [1, 0]
    """
    return _reduce(coeffs, cyclotomic_coefficients(n))


def _reduce(coeffs: Sequence[Number], phi: Sequence[int]) -> list[Number]:
    deg = len(phi) - 1
    terms = [(e, c) for e, c in enumerate(phi[:-1]) if c]  # Phi_n is monic
    rem = list(coeffs)
    for top in range(len(rem) - 1, deg - 1, -1):
        if not top & 255:
            _deadline.check()
        lead = rem[top]
        if not lead:
            continue
        shift = top - deg                   # rem[top] is not read again: only rem[:deg] is returned
        for e, c in terms:
            rem[shift + e] -= lead * c
    rem = rem[:deg]
    rem.extend([0] * (deg - len(rem)))
    return rem


def root_sum_is_zero(counts: Iterable[int], n: int) -> bool:
    """Decide exactly whether sum(counts[e] * zeta_n**e) == 0.

    ``counts`` lists the integer coefficient of each power zeta^e,
    e = 0..len-1 (exponents are read modulo n).  The remainder modulo Phi_n is computed by
    python-flint when it is installed, else by :func:`reduce_mod_cyclotomic`.  n above :data:`MAX_ORDER`
    raises :class:`CyclotomicOrderTooLarge` (a ValueError).

    >>> root_sum_is_zero([1, 1, 1], 3)
    True
    >>> root_sum_is_zero([1, 1], 3)
    False
    """
    _check_size(_check_order(n), MAX_ORDER)
    folded = [0] * n
    for e, c in enumerate(counts):
        if c:
            folded[e % n] += int(c)
    try:
        import flint
    except ImportError:  # pragma: no cover - depends on the installation
        return not any(reduce_mod_cyclotomic(folded, n))
    # the same exact remainder, computed by FLINT: Phi_n is monic, so division in Z[x] is exact and the
    # remainder is unique (tests compare it with reduce_mod_cyclotomic)
    return bool(flint.fmpz_poly(folded) % flint.fmpz_poly(list(cyclotomic_coefficients(n))) == 0)


class CyclotomicField:
    """Q(zeta_n) with zeta = exp(2*pi*i/n).

    ``max_order`` bounds n (default :data:`MAX_ORDER`, None for no bound): a larger n raises
    :class:`CyclotomicOrderTooLarge` (a ValueError naming ``max_order``) instead of exhausting memory.

    >>> K = CyclotomicField(4)
    >>> K.zeta()**2 == -K.one      # i^2 = -1
    True
    >>> K.degree
    2
    """

    def __init__(self, n: int, max_order: int | None = MAX_ORDER):
        self.n = _check_order(n)
        self.phi = cyclotomic_coefficients(n, max_order)      # raises CyclotomicOrderTooLarge above max_order
        self.degree = len(self.phi) - 1

    def __repr__(self) -> str:
        return f"CyclotomicField({self.n})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CyclotomicField) and other.n == self.n

    def __hash__(self) -> int:
        return hash(("CyclotomicField", self.n))

    # construction -------------------------------------------------------
    def from_poly(self, coeffs: Sequence[Number]) -> "CyclotomicElement":
        """The element sum(coeffs[e] * zeta**e), reduced."""
        return CyclotomicElement(self, _reduce(coeffs, self.phi))

    def zeta(self, k: int = 1) -> "CyclotomicElement":
        """zeta**k, for any integer k (read modulo n)."""
        k %= self.n
        coeffs = [0] * (k + 1)
        coeffs[k] = 1
        return self.from_poly(coeffs)

    def __call__(self, value: object) -> "CyclotomicElement":
        if isinstance(value, CyclotomicElement):
            if value.field != self:
                raise ValueError(f"element of {value.field} is not in {self}")
            return value
        if isinstance(value, (int, Fraction)) and not isinstance(value, bool):
            return CyclotomicElement(self, [Fraction(value)] + [0] * (self.degree - 1))
        raise TypeError(f"value must be an int, Fraction or element of {self}, got {type(value).__name__}; "
                        "convert SymPy expressions with to_cyclotomic(expr, n)")

    @property
    def one(self) -> "CyclotomicElement":
        return self(1)

    @property
    def zero(self) -> "CyclotomicElement":
        return self(0)


class CyclotomicElement:
    """An element of Q(zeta_n) in canonical reduced form.

    >>> K = CyclotomicField(6)
    >>> z = K.zeta()
    >>> z**2 - z + 1 == K.zero     # Phi_6(z) = 0
    True
    >>> (z**2 - z).conjugate() == z**4 - z**5
    True
    """

    __slots__ = ("field", "coeffs")

    def __init__(self, field: CyclotomicField, coeffs: Sequence[Number]):
        self.field = field
        self.coeffs = tuple(Fraction(c) for c in coeffs)

    # predicates ---------------------------------------------------------
    @property
    def is_zero(self) -> bool:
        return not any(self.coeffs)

    def __bool__(self) -> bool:
        return not self.is_zero

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (int, Fraction)) and not isinstance(other, bool):
            other = self.field(other)
        if not isinstance(other, CyclotomicElement) or other.field != self.field:
            return NotImplemented
        return self.coeffs == other.coeffs

    def __hash__(self) -> int:
        return hash((self.field.n, self.coeffs))

    # arithmetic ---------------------------------------------------------
    def _coerce(self, other: object) -> "CyclotomicElement":
        return self.field(other)

    def __add__(self, other: object) -> "CyclotomicElement":
        o = self._coerce(other)
        return CyclotomicElement(self.field, [a + b for a, b in zip(self.coeffs, o.coeffs)])

    __radd__ = __add__

    def __neg__(self) -> "CyclotomicElement":
        return CyclotomicElement(self.field, [-a for a in self.coeffs])

    def __sub__(self, other: object) -> "CyclotomicElement":
        return self + (-self._coerce(other))

    def __rsub__(self, other: object) -> "CyclotomicElement":
        return self._coerce(other) - self

    def __mul__(self, other: object) -> "CyclotomicElement":
        o = self._coerce(other)
        prod: list[Number] = [0] * (2 * self.field.degree)
        for i, a in enumerate(self.coeffs):
            if a:
                _deadline.check()
                for j, b in enumerate(o.coeffs):
                    if b:
                        prod[i + j] += a * b
        return self.field.from_poly(prod)

    __rmul__ = __mul__

    def __pow__(self, k: int) -> "CyclotomicElement":
        if not isinstance(k, int):
            raise TypeError(f"exponent must be an int, got {type(k).__name__}")
        base = self if k >= 0 else self.inverse()
        result, k = self.field.one, abs(k)
        while k:
            if k & 1:
                result = result * base
            base = base * base
            k >>= 1
        return result

    def inverse(self) -> "CyclotomicElement":
        """Multiplicative inverse (exact, through the extended Euclidean algorithm)."""
        if self.is_zero:
            raise ZeroDivisionError("zero has no inverse in Q(zeta_n)")
        from sympy import Poly, Rational, Symbol, invert

        x = Symbol("x")
        f = Poly([Rational(c.numerator, c.denominator) for c in reversed(self.coeffs)], x)
        g = Poly(list(reversed(self.field.phi)), x)
        inv = Poly(invert(f.as_expr(), g.as_expr(), x), x)
        coeffs = [Fraction(int(c.p), int(c.q)) for c in reversed(inv.all_coeffs())]
        return self.field.from_poly(coeffs)

    def __truediv__(self, other: object) -> "CyclotomicElement":
        return self * self._coerce(other).inverse()

    def conjugate(self) -> "CyclotomicElement":
        """Complex conjugate: zeta^k -> zeta^(-k)."""
        n = self.field.n
        coeffs: list[Number] = [0] * n
        for k, a in enumerate(self.coeffs):
            coeffs[(-k) % n] += a
        return self.field.from_poly(coeffs)

    # conversion ---------------------------------------------------------
    def to_sympy(self):
        """The element as a SymPy expression in exp(2*pi*I*k/n)."""
        from sympy import I, Rational, exp, pi

        n = self.field.n
        return sum(
            (Rational(a.numerator, a.denominator) * exp(2 * pi * I * Rational(k, n))
             for k, a in enumerate(self.coeffs) if a),
            Rational(0),
        )

    def to_complex(self) -> complex:
        """Numeric value (float64), for display and cross-checks only."""
        import cmath

        n = self.field.n
        return sum((float(a) * cmath.exp(2j * cmath.pi * k / n)
                    for k, a in enumerate(self.coeffs) if a), 0j)

    def __repr__(self) -> str:
        terms = []
        for k, a in enumerate(self.coeffs):
            if not a:
                continue
            mon = "" if k == 0 else ("ζ" if k == 1 else f"ζ^{k}")
            if mon and a == 1:
                terms.append(mon)
            elif mon and a == -1:
                terms.append("-" + mon)
            else:
                terms.append(f"{a}{'*' + mon if mon else ''}")
        body = " + ".join(terms).replace("+ -", "- ") if terms else "0"
        return f"{body} (in Q(ζ_{self.field.n}))"

