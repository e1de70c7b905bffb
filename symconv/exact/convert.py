"""Convert SymPy expressions built from roots of unity into Q(zeta_n).

``exp(2*pi*I*k/n)``, ``I``, ``(-1)**(p/q)``, ``cos(pi*r)`` and ``sin(pi*r)``
with rational ``r`` are all written as powers of one primitive root zeta_N,
where N is the least common order.  Square roots of positive rationals are
cyclotomic too (quadratic Gauss sums): sqrt(p) = sum_k (k/p) zeta_p^k for a
prime p = 1 mod 4, -I times that sum for p = 3 mod 4, and
sqrt(2) = zeta_8 + zeta_8^-1.  Expressions that are polynomials in free
symbols (generic kernel entries, say) are handled coefficient-wise, so zero
tests stay exact.

Limits: the order N is at most ``max_order`` (default
``symconv.exact.cyclotomic.MAX_ORDER``) and the work at most ``timeout``
seconds (default :data:`DEFAULT_TIMEOUT`).  Beyond either, the functions
raise :class:`CyclotomicTooLarge` or :class:`CyclotomicTimeout`, both
subclasses of :class:`NotCyclotomic`: "this exact test cannot answer",
never a True/False guess.

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

from . import _deadline
from .cyclotomic import MAX_ORDER, CyclotomicElement, CyclotomicField, CyclotomicOrderTooLarge

__all__ = ["to_cyclotomic", "cyclotomic_residual", "cyclotomic_is_zero",
           "NotCyclotomic", "CyclotomicTooLarge", "CyclotomicTimeout", "required_order",
           "DEFAULT_TIMEOUT"]

#: default time limit (seconds) of :func:`cyclotomic_residual` and :func:`cyclotomic_is_zero`
DEFAULT_TIMEOUT = 20.0

#: largest |numerator * denominator| whose square root is placed in a cyclotomic field (it is factored)
MAX_RADICAND = 10**12


class NotCyclotomic(ValueError):
    """The exact cyclotomic test cannot answer: the expression is not (exactly, in a form this module
    understands) an element of a cyclotomic field, or, for the subclasses, the field is too large or
    the time limit ran out.  Callers treat it as "undecided by this method"."""


class CyclotomicTooLarge(NotCyclotomic, CyclotomicOrderTooLarge):
    """The least cyclotomic field containing the expression has an order above ``max_order``."""


class CyclotomicTimeout(NotCyclotomic):
    """The exact computation ran past ``timeout`` seconds: undecided."""


def _sqrt_order(q: sp.Rational) -> int:
    """Least N with sqrt(q) in Q(zeta_N), for a positive rational q."""
    m = int(q.p) * int(q.q)
    if m > MAX_RADICAND:
        raise NotCyclotomic(f"sqrt({q}): radicand too large to factor (> {MAX_RADICAND})")
    order = 1
    for p, mult in sp.factorint(m).items():
        if mult % 2:
            order = lcm(order, p if p % 4 == 1 else 4 * p)      # 8 for p = 2
    return order


def _sqrt_element(q: sp.Rational, K: CyclotomicField) -> CyclotomicElement:
    """sqrt(q), q a positive rational, in K (which must contain it): sqrt(a/b) = sqrt(a*b)/b and
    sqrt(s^2 f) = s * prod_{p | f} sqrt(p), with quadratic Gauss sums for the primes."""
    n = K.n
    m = int(q.p) * int(q.q)
    if m > MAX_RADICAND:
        raise NotCyclotomic(f"sqrt({q}): radicand too large to factor (> {MAX_RADICAND})")
    acc = K(Fraction(1, int(q.q)))
    for p, mult in sp.factorint(m).items():
        acc = acc * p ** (mult // 2)
        if not mult % 2:
            continue
        need = p if p % 4 == 1 else 4 * p           # 8 for p = 2
        if n % need:
            raise NotCyclotomic(f"sqrt({p}) is not in Q(zeta_{n})")
        if p == 2:                                   # sqrt(2) = zeta_8 + zeta_8^-1
            acc = acc * (K.zeta(n // 8) + K.zeta(-(n // 8)))
            continue
        step = n // p                                # zeta_p = zeta_n^step
        coeffs = [0] * n
        for k in range(1, p):
            coeffs[(k * step) % n] += 1 if pow(k, (p - 1) // 2, p) == 1 else -1
        gauss = K.from_poly(coeffs)                  # = sqrt(p) (p = 1 mod 4) or I*sqrt(p) (p = 3 mod 4)
        acc = acc * (gauss if p % 4 == 1 else gauss * K.zeta(-(n // 4)))
    return acc


def _is_sqrt_power(b: sp.Expr, e: sp.Expr) -> bool:
    return bool(b.is_Rational and b > 0 and e.is_Rational and e.q == 2)


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
        if _is_sqrt_power(b, e):
            return _sqrt_order(b)
        raise NotCyclotomic(f"power {expr} with non-integer exponent")
    if expr.is_Add or expr.is_Mul:
        return lcm(*(required_order(a) for a in expr.args))
    raise NotCyclotomic(f"cannot place {expr} in a cyclotomic field")


def _convert(expr: sp.Expr, K: CyclotomicField) -> CyclotomicElement:
    n = K.n
    if expr.is_Rational:
        return K(Fraction(int(expr.p), int(expr.q)))
    _deadline.check()
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
        if _is_sqrt_power(b, e):                   # b^(k/2) = b^((k-1)/2) sqrt(b), b > 0
            return _sqrt_element(b, K) * Fraction(int(b.p), int(b.q)) ** ((int(e.p) - 1) // 2)
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


def _field(n: int, max_order: int | None) -> CyclotomicField:
    try:
        return CyclotomicField(n, max_order=max_order)
    except CyclotomicOrderTooLarge as exc:
        raise CyclotomicTooLarge(str(exc)) from None


def to_cyclotomic(expr: object, n: int | None = None, *, max_order: int | None = MAX_ORDER,
                  timeout: float | None = DEFAULT_TIMEOUT) -> CyclotomicElement:
    """The exact element of Q(zeta_n) equal to ``expr`` (no free symbols).

    With ``n`` omitted the least order is used.  See the module notes for ``max_order`` and
    ``timeout``.

    >>> from sympy import sqrt
    >>> to_cyclotomic(sqrt(2))
    ζ - ζ^3 (in Q(ζ_8))

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
    try:
        with _deadline.time_limit(timeout):
            if n is None:
                n = required_order(expr)
            return _convert(expr, _field(n, max_order))
    except _deadline.ExactTimeout:
        raise CyclotomicTimeout(f"converting to Q(zeta_n) ran past timeout = {timeout}s: undecided") from None


def _is_generic_monomial(factor: sp.Expr) -> bool:
    atom = factor.base if factor.is_Pow and factor.exp.is_Integer and factor.exp > 0 else factor
    return isinstance(atom, (sp.Symbol, sp.Indexed)) or isinstance(atom, sp.core.function.AppliedUndef)


def _bounded_idx(s: sp.Expr) -> bool:
    """An Idx with a finite numeric range: its values are not Zariski-dense."""
    return isinstance(s, sp.Idx) and s.lower is not None and s.upper is not None \
        and s.lower.is_number and s.upper.is_number


def _nonzero_polynomial(d: sp.Expr) -> bool:
    """d is a polynomial in symbols, indexed entries and undefined-function values, with at least one
    rational coefficient that is not 0: then it is not identically 0."""
    d = sp.expand(d)
    if d == 0:
        return False
    try:
        P = sp.Poly(d)
    except (sp.PolynomialError, sp.GeneratorsNeeded):
        return d.is_Rational is True and d != 0
    if not all(_is_generic_monomial(g) for g in P.gens):
        return False
    return any(c.is_Rational and c != 0 for c in P.coeffs())


def _check_independent(monomials) -> None:
    """The residual is a polynomial in its atoms; it is a non-zero *function* only when the atoms can
    take independent values.  Two values g(u), g(v) of one undefined function (or entries x[u], x[v]
    of one sequence) are independent only where u != v, which holds generically when u - v is a
    non-zero polynomial in integer/real/complex symbols.  Otherwise (g(x + sin(x)**2 + cos(x)**2)
    against g(x + 1)) the test cannot answer, and says so."""
    atoms = set()
    for mono in monomials:
        atoms |= mono.atoms(sp.Indexed, sp.core.function.AppliedUndef)
        for s in mono.free_symbols:
            if _bounded_idx(s):
                raise NotCyclotomic(f"{s} ranges over a finite set: a non-zero polynomial in it may vanish there")
    heads: dict[object, list] = {}
    for a in atoms:
        heads.setdefault(a.base if isinstance(a, sp.Indexed) else a.func, []).append(a)
    for group in heads.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if getattr(a.func, "_symconv_cyclic", False):      # indices read modulo an n unknown here
                    raise NotCyclotomic(f"{a} and {b} are entries of an object on Z_n: equal when their "
                                        "indices agree modulo n, which this test cannot see")
                if len(a.args) != len(b.args):
                    continue
                # an Indexed's args are its base (the same within a group: u - v = 0) and its indices
                if not any(_nonzero_polynomial(u - v) for u, v in zip(a.args, b.args)):
                    raise NotCyclotomic(f"{a} and {b} may be equal (their arguments are not certified "
                                        "different as polynomials): treating them as independent is unsound")


def cyclotomic_residual(expr: object, n: int | None = None, *, max_order: int | None = MAX_ORDER,
                        timeout: float | None = DEFAULT_TIMEOUT) -> dict[sp.Expr, CyclotomicElement]:
    """Write ``expr`` as a polynomial in its free symbols with coefficients in
    Q(zeta_n) and return the non-zero coefficients, keyed by monomial.

    An empty dict means ``expr`` is exactly zero; a non-empty one means it is
    not identically zero as a function of its symbols (each symbol over its
    declared domain; a symbol declared zero is replaced by 0).  The free
    symbols must occur polynomially; anything else raises :class:`NotCyclotomic`,
    so a form the converter does not understand is never mistaken for zero or
    non-zero.  So does a residual whose atoms may coincide (g(u) and g(v) with
    u - v not a certified non-zero polynomial), an order above ``max_order``
    (:class:`CyclotomicTooLarge`) and a computation past ``timeout`` seconds
    (:class:`CyclotomicTimeout`).

    >>> from sympy import symbols, exp, pi, I
    >>> a, b = symbols('a b')
    >>> w = exp(2*pi*I/3)
    >>> cyclotomic_residual(a*(1 + w + w**2) + b*w - b*w)
    {}
    >>> cyclotomic_residual(a*(1 + w))
    {a: 1 + ζ (in Q(ζ_3))}
    """
    try:
        with _deadline.time_limit(timeout):
            return _residual(expr, n, max_order)
    except _deadline.ExactTimeout:
        raise CyclotomicTimeout(f"the exact test in Q(zeta_n) ran past timeout = {timeout}s: undecided") from None


def _residual(expr, n, max_order):
    expr = sp.sympify(expr)
    zeros = {s: sp.Integer(0) for s in expr.free_symbols if s.is_zero is True}
    expr = sp.expand(expr.xreplace(zeros))
    # (a term 0 appears only when expr is 0; its bucket then sums to 0 and is left out below)
    buckets: dict[sp.Expr, list[sp.Expr]] = {}
    for term in sp.Add.make_args(expr):
        coeff, mono = [], []
        for f in sp.Mul.make_args(term):
            (mono if f.free_symbols else coeff).append(f)
        for f in mono:
            if not _is_generic_monomial(f):
                raise NotCyclotomic(f"{f} is not a polynomial factor in generic symbols")
        # the key re-evaluates each power, so that an unevaluated x**1 (Pow(x, 1, evaluate=False), kept by
        # expand) is the monomial x: otherwise x**1 - x would be two monomials, "certified non-zero"
        key = sp.Mul(*(sp.Pow(*f.args) if f.is_Pow else f for f in mono))
        buckets.setdefault(key, []).append(sp.Mul(*coeff))
    if n is None:
        orders = [required_order(c) for cs in buckets.values() for c in cs]
        n = lcm(*orders)                  # never empty: make_args gives at least one term
    K = _field(n, max_order)
    out = {}
    for mono, cs in buckets.items():
        total = K.zero
        for c in cs:
            total = total + _convert(c, K)
        if not total.is_zero:
            out[mono] = total
    if out:
        _check_independent(out)
    return out


def cyclotomic_is_zero(expr: object, n: int | None = None, *, max_order: int | None = MAX_ORDER,
                       timeout: float | None = DEFAULT_TIMEOUT) -> bool:
    """Exact zero test for polynomials with cyclotomic coefficients.

    True: exactly 0.  False: certainly not identically 0.  When it cannot answer it raises
    :class:`NotCyclotomic` (unsupported form), :class:`CyclotomicTooLarge` (order above
    ``max_order``, a ValueError) or :class:`CyclotomicTimeout` (past ``timeout`` seconds): undecided,
    never a guess.

    >>> from sympy import exp, pi, I, cos, sqrt
    >>> cyclotomic_is_zero(2*cos(2*pi/7) - exp(2*pi*I/7) - exp(-2*pi*I/7))
    True
    >>> z5 = exp(2*pi*I/5)
    >>> cyclotomic_is_zero(sum(z5**(k*k) for k in range(5)) - sqrt(5))     # a Gauss sum
    True
    """
    return not cyclotomic_residual(expr, n, max_order=max_order, timeout=timeout)
