"""Factor a 1-D kernel into stacked size-3 kernels (real coefficients).

P_a has real coefficients, so its non-real roots come in conjugate pairs, and
a real quadratic has either two real roots or one conjugate pair.  Grouping
the roots two by two therefore gives real size-3 kernels whose product
(convolution) is a.  The grouping is built

* exactly over Q where it can: every irreducible factor of P_a over Q of
  degree <= 2 is a kernel with rational taps, and rational roots are paired
  with each other;
* otherwise from the roots of the remaining irreducible factors at high
  precision, with the reconstruction error reported.  With python-flint the
  roots are certified enclosures (:mod:`symconv.exact.poly_roots`), the real
  ones certified real, and the error is a certified upper bound; without it,
  Aberth iterations in mpmath, and the error an estimate at working precision.

The explanation's real roots are exact (Rational, radicals, CRootOf).  With
python-flint their number per irreducible factor is read off the certified
roots, so they are not isolated a second time.

>>> f = factor_into_size3([1, 4, 6, 4, 1])          # (1 + x)^4
>>> f.factors, f.exact, f.count_unordered
([[1, 2, 1], [1, 2, 1]], True, 1)
>>> g = factor_into_size3([1, 0, 0, 0, -1])        # x^4 - 1 = (x^2 - 1)(x^2 + 1), or (x - 1)(x + 1) paired otherwise
>>> g.exact, g.count_unordered
(True, 1)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache

import sympy as sp

from .kernels import _kernel, conv_full, stack

__all__ = ["Size3Factorisation", "factor_into_size3", "count_pairings"]

_X = sp.Symbol("x")


@dataclass
class Size3Factorisation:
    """The result of :func:`factor_into_size3`."""

    kernel: list
    factors: list                    # size-3 kernels, lowest tap first (exact numbers or mpf)
    exact: bool                      # every factor has rational taps and the product was checked exactly
    reconstruction_error: float      # max |stack(factors) - kernel| (0.0 when exact; with flint a certified bound)
    real_roots: list = field(default_factory=list)       # exact (Rational / CRootOf)
    complex_pairs: int = 0
    roots_at_infinity: int = 0       # 2L - deg P_a: layers of lower degree
    count_unordered: int = 1         # distinct factorisations as multisets of kernels, up to scaling
    explanation: str = ""


@lru_cache(maxsize=None)
def _pairings(mults: tuple) -> int:
    """Distinct ways to split a multiset (multiplicities ``mults``) into unordered pairs."""
    mults = tuple(sorted(m for m in mults if m))
    if not mults:
        return 1
    if sum(mults) % 2:
        return 0
    first = list(mults)
    first[0] -= 1          # the first element is paired with some element j
    total = 0
    for j in range(len(first)):
        if first[j] == 0:
            continue
        rest = list(first)
        rest[j] -= 1
        total += _pairings(tuple(rest))
    return total


def count_pairings(items: list) -> int:
    """Number of distinct partitions of the multiset ``items`` into pairs.

    >>> count_pairings([1, 2, 3, 4]), count_pairings([1, 1, 2, 2]), count_pairings([0, 0])
    (3, 2, 1)
    """
    return _pairings(tuple(Counter(items).values()))


def _as_rational(v) -> sp.Rational:
    if isinstance(v, Fraction):
        return sp.Rational(v.numerator, v.denominator)
    r = sp.Rational(v) if isinstance(v, float) else sp.sympify(v)   # a float's exact binary value
    if not r.is_Rational:
        raise ValueError(f"kernel taps must be rational (int, Fraction, SymPy Rational), got {v!r}")
    return r


def _coeffs(poly: sp.Poly) -> list:
    """Lowest-first coefficients, padded to size 3."""
    cs = [c for c in reversed(poly.all_coeffs())]
    cs += [sp.Integer(0)] * (3 - len(cs))
    return [int(c) if c.is_Integer else c for c in cs]


def factor_into_size3(kernel, layers: int | None = None, dps: int = 50) -> Size3Factorisation:
    """Size-3 kernels h_1..h_L with h_1 * ... * h_L = kernel (see the module doc).

    ``layers`` defaults to the fewest possible, ceil((size - 1) / 2); more
    layers are padded with the identity kernel [1, 0, 0].
    """
    taps = [_as_rational(v) for v in _kernel(kernel, "kernel")]
    if all(v == 0 for v in taps):
        raise ValueError("kernel must have a non-zero tap")
    size = len(taps)
    need = max(1, (size - 1 + 1) // 2)
    L = need if layers is None else int(layers)
    if L < need:
        raise ValueError(f"layers must be >= {need} for a kernel of size {size}, got {layers}")
    P = sp.Poly(list(reversed(taps)), _X, domain="QQ")      # from the coefficient list
    lead, facs = P.factor_list()

    exact_quads, exact_lin, numeric_roots = [], [], []
    for f, mult in facs:
        if f.degree() == 2:
            exact_quads += [f] * mult
        elif f.degree() == 1:
            exact_lin += [f] * mult
        else:
            numeric_roots += [(f, mult)]

    # expanding the product of L factors can cancel about log10(2^deg) digits: work above that
    work = dps + int(0.302 * P.degree()) + 10
    certified = _certified_numeric_roots(numeric_roots, work)
    # exact real roots (with multiplicity) and the count of complex pairs, for the explanation
    if P.degree() <= 0:
        real_roots, keys = [], []
    elif certified is not None:
        real_roots, keys = _real_roots_from(facs, certified, work)
    else:
        real_roots = sp.real_roots(P)
        keys = [str(r) for r in real_roots]
    complex_pairs = (P.degree() - len(real_roots)) // 2
    at_inf = 2 * L - P.degree()
    count = count_pairings(keys + ["inf"] * at_inf)

    import mpmath

    factors: list = []
    exact = not numeric_roots
    polys = list(exact_quads)          # rational quadratics stay whole
    while len(exact_lin) >= 2:         # rational roots are paired with each other
        polys.append(exact_lin.pop() * exact_lin.pop())
    factors = [_coeffs(p) for p in polys]
    with mpmath.workdps(work):
        if numeric_roots:
            reals, pairs = [], []
            for q, (f, mult) in enumerate(numeric_roots):
                lead = lead * f.LC() ** mult          # the roots give monic factors
                if certified is not None:
                    r_re, r_pairs = ([_arb_to_mpf(x) for x in certified[q][0]],
                                     [mpmath.mpc(_arb_to_mpf(z.real), _arb_to_mpf(z.imag)) for z in certified[q][1]])
                else:
                    r_re, r_pairs = _real_and_upper_roots(f, work)
                reals += r_re * mult
                pairs += r_pairs * mult
            for r in pairs:                            # (x - r)(x - conj r) = x^2 - 2 Re(r) x + |r|^2
                factors.append([abs(r) ** 2, -2 * mpmath.re(r), mpmath.mpf(1)])
            lin = [[-_mpf(f.all_coeffs()[1]) / _mpf(f.all_coeffs()[0]), mpmath.mpf(1)] for f in exact_lin]
            lead = lead * sp.Mul(*(f.LC() for f in exact_lin))
            lin += [[-r, mpmath.mpf(1)] for r in reals]
            exact_lin = []
            while len(lin) >= 2:
                (p0, p1), (q0, q1) = lin.pop(), lin.pop()
                factors.append([p0 * q0, p0 * q1 + p1 * q0, p1 * q1])
            if lin:
                factors.append([lin[0][0], lin[0][1], mpmath.mpf(0)])
        factors += [_coeffs(f) for f in exact_lin]   # at most one rational linear factor left
        while len(factors) < L:
            factors.append([1, 0, 0])
        factors[0] = [c * _mpf(lead) if _is_mp(c) else sp.Rational(lead) * c for c in factors[0]]
        factors = [[_tidy(c) for c in f] for f in factors]
        if exact:
            prod = stack(factors)
            got = [sp.Rational(v) for v in prod[:size]] + [sp.Rational(v) for v in prod[size:] if v != 0]
            if got != taps:  # pragma: no cover - would be a bug
                raise AssertionError("exact factorisation does not reproduce the kernel")
            err = 0.0
        else:
            err = _reconstruction_error(factors, taps)
    expl = (f"P_a has degree {P.degree()}: {len(real_roots)} real roots, {complex_pairs} conjugate pair(s)"
            + (f", and {at_inf} root(s) at infinity (layers of lower degree)" if at_inf else "")
            + ". Each conjugate pair must stay together (a real quadratic has two real roots or one pair); "
              f"the real roots (and infinities) can be paired freely: {count} way(s), counting equal roots once. "
              "Order of layers and scalings c*h_i, h_j/c are not counted.")
    return Size3Factorisation(taps, factors, exact, err, real_roots, complex_pairs, at_inf, count, expl)


def _certified_numeric_roots(numeric_roots: list, work: int):
    """For each factor of degree >= 3: (real roots, upper roots) as certified Arb balls with the
    accuracy of ``work`` digits, or None without python-flint.  Arb's own ``complex_roots`` at
    full precision is the fallback when the fast certification fails."""
    try:
        import flint
    except ImportError:
        return None
    from ..exact.poly_roots import certified_roots

    old = flint.ctx.prec
    flint.ctx.dps = work
    bits = flint.ctx.prec
    flint.ctx.prec = old
    out = []
    for f, _ in numeric_roots:
        ints = _integer_coeffs(f)
        got = certified_roots(ints, bits)
        if got is None:
            try:
                flint.ctx.prec = bits
                roots = flint.fmpz_poly(ints).complex_roots()
            finally:
                flint.ctx.prec = old
            got = ([z.real for z, _ in roots if z.imag == 0], [z for z, _ in roots if z.imag > 0])
        out.append(got)
    return out


def _integer_coeffs(f: sp.Poly) -> list:
    """The coefficients of c*f, lowest first, for the least c > 0 that makes them coprime integers."""
    cs = [sp.Rational(c) for c in reversed(f.all_coeffs())]
    den = sp.ilcm(*[c.q for c in cs])
    ints = [int(c * den) for c in cs]
    g = int(sp.igcd(*ints)) * (1 if ints[-1] > 0 else -1)       # primitive, leading coefficient > 0
    return [v // g for v in ints]


def _real_roots_from(facs: list, certified: list, work: int) -> tuple[list, list]:
    """The real roots of P_a, exact, ascending, each with its multiplicity, and a key naming each
    distinct root (for the count): from the irreducible factors and, for degree >= 3, the number
    of real roots that the certified enclosures give (no second root isolation)."""
    import mpmath

    from sympy.polys.rootoftools import ComplexRootOf

    found = []          # (sort key, root, key), with multiplicity
    q = 0
    with mpmath.workdps(work):
        for i, (f, mult) in enumerate(facs):
            if f.degree() <= 2:
                roots = sp.real_roots(f)
                here = [(_mpf(sp.N(r, work + 5)) if not r.is_Rational else _mpf(r), r) for r in roots]
            else:
                reals = sorted(certified[q][0], key=lambda x: _arb_to_mpf(x))
                q += 1
                coeffs = _integer_coeffs(f)
                if sum(1 for c in coeffs if c) == 2:                # a binomial c_n x^n + c_0
                    n, c = len(coeffs) - 1, sp.Rational(-coeffs[0], coeffs[-1])
                    exact = [sp.real_root(c, n)] if n % 2 else [-c ** sp.Rational(1, n), c ** sp.Rational(1, n)]
                else:
                    g = sp.PurePoly(list(reversed(coeffs)), _X)
                    exact = [ComplexRootOf._new(g, k) for k in range(len(reals))]   # k-th real root of g
                here = [(_arb_to_mpf(x), r) for x, r in zip(reals, exact)]
            for k, (sk, r) in enumerate(here):
                found += [(sk, r, (i, k))] * mult
    found.sort(key=lambda t: t[0])
    return [r for _, r, _ in found], [key for _, _, key in found]


def _arb_to_mpf(x):
    """The midpoint of an Arb ball as an mpmath number (exact binary value)."""
    import mpmath

    man, exp = x.mid().man_exp()
    return mpmath.mpf((int(man), int(exp)))


def _reconstruction_error(factors: list, taps: list) -> float:
    """max_t |(h_1 * ... * h_L)_t - a_t| for the returned factors.

    With python-flint: a certified upper bound, rounded up to a float.  The product is taken in
    Arb's ball arithmetic (every mpf tap enters exactly, as a dyadic number), the precision raised
    until the radius is below 1/64 of the value.  Without it, in mpmath at the working precision,
    as an estimate."""
    try:
        import flint
    except ImportError:
        flint = None
    if flint is None:
        prod = factors[0]
        for f in factors[1:]:
            prod = conv_full(prod, f)
        size = len(taps)
        return float(max(abs(_mpf(prod[t]) - (_mpf(taps[t]) if t < size else 0)) for t in range(len(prod))))
    import math

    exact = [[_fraction(c) for c in h] for h in factors]
    want = [_fraction(c) for c in taps]
    old = flint.ctx.prec
    prec = 2 * max(max(abs(c.numerator).bit_length() for h in exact for c in h), 64) + 64
    try:
        for _ in range(6):
            flint.ctx.prec = prec
            polys = [flint.arb_poly([_ball(flint, c) for c in h]) for h in exact]
            while len(polys) > 1:
                polys = [polys[i] * polys[i + 1] if i + 1 < len(polys) else polys[i] for i in range(0, len(polys), 2)]
            diff = polys[0] - flint.arb_poly([_ball(flint, c) for c in want])
            worst = max((abs(c) for c in diff.coeffs()), key=lambda b: b.upper(), default=flint.arb(0))
            if worst.rad() * 64 <= worst.mid() or worst.mid() == 0 and worst.rad() == 0:
                break
            prec *= 2
        man, exp = worst.upper().mid().man_exp()
    finally:
        flint.ctx.prec = old
    bound = Fraction(int(man)) * Fraction(2) ** int(exp)
    out = float(bound)
    return math.nextafter(out, math.inf) if Fraction(out) < bound else out


def _ball(flint, c: Fraction):
    """An Arb ball holding the rational c (exact when c is dyadic)."""
    d = c.denominator
    if d & (d - 1) == 0:
        return flint.arb((c.numerator, -(d.bit_length() - 1)))
    return flint.arb(flint.fmpq(c.numerator, d))


def _fraction(c) -> Fraction:
    if _is_mp(c):
        sign, man, exp, _ = c._mpf_             # (-1)^sign * man * 2^exp, exactly
        v = Fraction(int(man)) * (Fraction(2) ** int(exp))
        return -v if sign else v
    c = sp.Rational(c)
    return Fraction(int(c.p), int(c.q))


def _real_and_upper_roots(f: sp.Poly, dps: int) -> tuple[list, list]:
    """Real roots and the roots with positive imaginary part of an irreducible f, at dps digits.

    With python-flint installed the roots are certified enclosures (real roots have an exactly
    zero imaginary part); otherwise Aberth iterations in mpmath.
    """
    import mpmath

    try:
        import flint
    except ImportError:
        flint = None
    if flint is not None:
        den = sp.ilcm(*[sp.Rational(c).q for c in f.all_coeffs()])
        ints = [int(sp.Rational(c) * den) for c in reversed(f.all_coeffs())]
        old = flint.ctx.dps
        flint.ctx.dps = dps
        try:
            roots = flint.fmpz_poly(ints).complex_roots()
        finally:
            flint.ctx.dps = old
        conv = lambda a: mpmath.mpf(a.mid().str(dps + 5, radius=False))  # noqa: E731
        reals = [conv(z.real) for z, _ in roots if z.imag == 0]
        upper = [mpmath.mpc(conv(z.real), conv(z.imag)) for z, _ in roots if z.imag > 0]
        return reals, upper
    roots = _roots([_mpf(c) for c in f.all_coeffs()], dps)
    tiny = mpmath.mpf(10) ** (-(dps // 2))
    return ([mpmath.re(r) for r in roots if abs(mpmath.im(r)) <= tiny],
            [r for r in roots if mpmath.im(r) > tiny])


def _roots(coeffs: list, dps: int) -> list:
    """All roots of a polynomial (highest coefficient first) at ``dps`` digits.

    Aberth-Ehrlich iterations in mpmath, started from NumPy's float64 roots; falls back
    to mpmath.polyroots when they do not converge.
    """
    import mpmath
    import numpy as np

    d = len(coeffs) - 1
    if d <= 2:
        return mpmath.polyroots(coeffs, maxsteps=200, extraprec=2 * dps)
    init = np.roots([float(c) for c in coeffs])
    if len(init) != d or not np.all(np.isfinite(init)):
        return mpmath.polyroots(coeffs, maxsteps=800, extraprec=2 * dps)
    z = [mpmath.mpc(complex(r)) for r in init]
    dcoeffs = [c * (d - q) for q, c in enumerate(coeffs[:-1])]
    tol = mpmath.mpf(10) ** (-(dps + 5))
    for _ in range(200):
        biggest = mpmath.mpf(0)
        new = []
        for k_, zk in enumerate(z):
            pv, dv = mpmath.polyval(coeffs, zk), mpmath.polyval(dcoeffs, zk)
            if dv == 0:
                return mpmath.polyroots(coeffs, maxsteps=800, extraprec=2 * dps)
            w = pv / dv
            s = mpmath.fsum(1 / (zk - zj) for j_, zj in enumerate(z) if j_ != k_ and zk != zj)
            step = w / (1 - w * s)
            new.append(zk - step)
            biggest = max(biggest, abs(step) / max(1, abs(zk)))
        z = new
        if biggest < tol:
            return z
    return mpmath.polyroots(coeffs, maxsteps=800, extraprec=2 * dps)


def _is_mp(v) -> bool:
    return type(v).__module__.startswith("mpmath")


def _mpf(r):
    import mpmath

    if _is_mp(r):
        return r
    r = sp.Rational(r)
    return mpmath.mpf(r.p) / r.q


def _tidy(c):
    if _is_mp(c):
        return c
    c = sp.sympify(c)
    return int(c) if c.is_Integer else c
