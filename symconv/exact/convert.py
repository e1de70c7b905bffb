"""Convert SymPy expressions built from roots of unity into Q(zeta_n).

``exp(2*pi*I*k/n)``, ``I``, ``(-1)**(p/q)``, ``cos(pi*r)`` and ``sin(pi*r)``
with rational ``r`` are all written as powers of one primitive root zeta_N,
where N is the least common order.  Expressions that are polynomials in
free symbols (generic kernel entries, say) are handled coefficient-wise, so
zero tests stay exact.

>>> from sympy import exp, pi, I
>>> w = exp(2*pi*I/3)
>>> cyclotomic_is_zero(1 + w + w**2)
True
>>> from sympy import simplify
>>> simplify(1 + w + w**2) == 0          # what plain SymPy says
False
"""

from __future__ import annotations

from fractions import Fraction
from math import lcm

import sympy as sp

from .cyclotomic import CyclotomicElement, CyclotomicField

__all__ = ["to_cyclotomic", "cyclotomic_residual", "cyclotomic_is_zero",
           "NotCyclotomic", "required_order"]


class NotCyclotomic(ValueError):
    """The expression is not (exactly) an element of a cyclotomic field."""


def _turns(arg: sp.Expr) -> Fraction | None:
    """arg = 2*pi*I*t with t rational -> t, else None."""
    t = sp.expand(arg / (2 * sp.pi * sp.I))
    if t.is_Rational:
        return Fraction(int(t.p), int(t.q))
    return None


def _half_turns(arg: sp.Expr) -> Fraction | None:
    """arg = pi*r with r rational -> r, else None."""
    r = sp.expand(arg / sp.pi)
    if r.is_Rational:
        return Fraction(int(r.p), int(r.q))
    return None


def required_order(expr: sp.Expr) -> int:
    """The least N such that ``expr`` (free of symbols) lies in Q(zeta_N).

    >>> from sympy import exp, pi, I
    >>> required_order(exp(2*pi*I/3) + I)
    12
    """
    expr = sp.sympify(expr)
    if expr.is_Rational:
        return 1
    if expr is sp.I:
        return 4
    if isinstance(expr, sp.exp):
        t = _turns(expr.args[0])
        if t is None:
            raise NotCyclotomic(f"exp({expr.args[0]}) is not a root of unity with rational angle")
        return t.denominator
    if isinstance(expr, (sp.cos, sp.sin)):
        r = _half_turns(expr.args[0])
        if r is None:
            raise NotCyclotomic(f"{expr} has no rational multiple of pi as its angle")
        base = (r / 2).denominator  # exp(i*pi*r) = zeta_N^k needs N*r/2 integral
        return lcm(base, 4) if isinstance(expr, sp.sin) else base
    if expr.is_Pow:
        b, e = expr.args
        if b == -1 and e.is_Rational:
            return (Fraction(int(e.p), int(e.q)) / 2).denominator
        if e.is_Integer:
            return required_order(b)
        raise NotCyclotomic(f"power {expr} with non-integer exponent")
    if expr.is_Add or expr.is_Mul:
        return lcm(*(required_order(a) for a in expr.args))
    raise NotCyclotomic(f"cannot place {expr} in a cyclotomic field")


def _convert(expr: sp.Expr, K: CyclotomicField) -> CyclotomicElement:
    n = K.n
    if expr.is_Rational:
        return K(Fraction(int(expr.p), int(expr.q)))
    if expr is sp.I:
        if n % 4:
            raise NotCyclotomic(f"I is not in Q(zeta_{n})")
        return K.zeta(n // 4)
    if isinstance(expr, sp.exp):
        t = _turns(expr.args[0])
        if t is None or (t * n).denominator != 1:
            raise NotCyclotomic(f"{expr} is not a power of zeta_{n}")
        return K.zeta(int(t * n))
    if isinstance(expr, (sp.cos, sp.sin)):
        r = _half_turns(expr.args[0])
        if r is None:
            raise NotCyclotomic(f"{expr} has no rational multiple of pi as its angle")
        k = r * n / 2  # cos(pi r) = (zeta^k + zeta^-k)/2 with zeta^k = exp(i pi r)
        if k.denominator != 1:
            raise NotCyclotomic(f"{expr} is not in Q(zeta_{n})")
        k = int(k)
        if isinstance(expr, sp.cos):
            return (K.zeta(k) + K.zeta(-k)) * Fraction(1, 2)
        if n % 4:
            raise NotCyclotomic(f"{expr} needs I, which is not in Q(zeta_{n})")
        return (K.zeta(k) - K.zeta(-k)) * K.zeta(-(n // 4)) * Fraction(1, 2)
    if expr.is_Pow:
        b, e = expr.args
        if b == -1 and e.is_Rational:
            k = Fraction(int(e.p), int(e.q)) * n / 2
            if k.denominator != 1:
                raise NotCyclotomic(f"{expr} is not in Q(zeta_{n})")
            return K.zeta(int(k))
        if e.is_Integer:
            return _convert(b, K) ** int(e)
        raise NotCyclotomic(f"power {expr} with non-integer exponent")
    if expr.is_Add:
        acc = K.zero
        for a in expr.args:
            acc = acc + _convert(a, K)
        return acc
    if expr.is_Mul:
        acc = K.one
        for a in expr.args:
            acc = acc * _convert(a, K)
        return acc
    raise NotCyclotomic(f"cannot place {expr} in Q(zeta_{n})")


def to_cyclotomic(expr: object, n: int | None = None) -> CyclotomicElement:
    """The exact element of Q(zeta_n) equal to ``expr`` (no free symbols).

    With ``n`` omitted the least order is used.

    >>> from sympy import exp, pi, I
    >>> to_cyclotomic(exp(-2*pi*I/8)**3, 8)
    -ζ (in Q(ζ_8))
    >>> to_cyclotomic(I, 3)
    Traceback (most recent call last):
    ...
    symconv.exact.convert.NotCyclotomic: I is not in Q(zeta_3)
    """
    expr = sp.sympify(expr)
    if expr.free_symbols:
        raise NotCyclotomic(f"{expr} has free symbols {sorted(map(str, expr.free_symbols))}; "
                            "use cyclotomic_residual for polynomials")
    if n is None:
        n = required_order(expr)
    return _convert(expr, CyclotomicField(n))


def _is_generic_monomial(factor: sp.Expr) -> bool:
    atom = factor.base if factor.is_Pow and factor.exp.is_Integer and factor.exp > 0 else factor
    return isinstance(atom, (sp.Symbol, sp.Indexed)) or isinstance(atom, sp.core.function.AppliedUndef)


def cyclotomic_residual(expr: object, n: int | None = None) -> dict[sp.Expr, CyclotomicElement]:
    """Write ``expr`` as a polynomial in its free symbols with coefficients in
    Q(zeta_n) and return the non-zero coefficients, keyed by monomial.

    An empty dict means ``expr`` is exactly zero.  The free symbols must occur
    polynomially; anything else raises :class:`NotCyclotomic`, so a form the
    converter does not understand is never mistaken for zero or non-zero.

    >>> from sympy import symbols, exp, pi, I
    >>> a, b = symbols('a b')
    >>> w = exp(2*pi*I/3)
    >>> cyclotomic_residual(a*(1 + w + w**2) + b*w - b*w)
    {}
    >>> cyclotomic_residual(a*(1 + w))
    {a: 1 + ζ (in Q(ζ_3))}
    """
    expr = sp.expand(sp.sympify(expr))
    buckets: dict[sp.Expr, list[sp.Expr]] = {}
    for term in sp.Add.make_args(expr):
        if term == 0:
            continue
        coeff, mono = [], []
        for f in sp.Mul.make_args(term):
            (mono if f.free_symbols else coeff).append(f)
        for f in mono:
            if not _is_generic_monomial(f):
                raise NotCyclotomic(f"{f} is not a polynomial factor in generic symbols")
        buckets.setdefault(sp.Mul(*mono), []).append(sp.Mul(*coeff))
    if n is None:
        orders = [required_order(c) for cs in buckets.values() for c in cs]
        n = lcm(*orders) if orders else 1
    K = CyclotomicField(n)
    out = {}
    for mono, cs in buckets.items():
        total = K.zero
        for c in cs:
            total = total + _convert(c, K)
        if not total.is_zero:
            out[mono] = total
    return out


def cyclotomic_is_zero(expr: object, n: int | None = None) -> bool:
    """Exact zero test for polynomials with cyclotomic coefficients.

    >>> from sympy import exp, pi, I, cos
    >>> cyclotomic_is_zero(2*cos(2*pi/7) - exp(2*pi*I/7) - exp(-2*pi*I/7))
    True
    """
    return not cyclotomic_residual(expr, n)
