"""Certified roots of a squarefree integer polynomial, at high precision (python-flint).

:func:`certified_roots` returns the real roots and the roots in the upper half-plane as Arb balls,
each guaranteed to contain exactly one root, with at least ``bits`` accurate bits.  It works in
three steps, and only the first and the last are trusted:

1. Isolation at low precision by Arb's ``arb_fmpz_poly_complex_roots`` (``fmpz_poly.complex_roots``):
   disjoint enclosures X_k, one root in each, the real ones with an imaginary part exactly 0.
2. Newton's iteration on the midpoints, the precision doubling with the accuracy.  Nothing here is
   trusted: it only proposes a point m_k.
3. A Krawczyk test at full precision: with Y_k a small ball around m_k (radius rho, four Newton
   corrections), c = 1/p'(m_k) and K = m_k - c p(m_k) + (1 - c D_k) (Y_k - m_k) computed in ball
   arithmetic, where D_k = p'(m_k) + [+/- 2 B rho] encloses p'(Y_k) (B bounds |p''| on the disc
   |w| <= |m_k| + 2 rho: sum k (k-1) |a_k| R^(k-2)), K inside the interior of Y_k proves that Y_k
   holds exactly one root, and that the root is in K (Krawczyk's theorem; for a complex root it is
   the theorem in R^2, D_k enclosing every Jacobian, which is multiplication by p'(w), w in Y_k).
   Y_k inside X_k ties that root to the isolated one, so the real roots stay real and the others
   keep their half-plane.  K is a Newton step from m_k, so Newton only has to reach half the
   accuracy asked for.

Any failure (Newton lost, a test not passed, too few accurate bits) returns None; the caller then
uses Arb's own ``complex_roots`` at full precision, slower but as certified.  Neither path ever
presents an unchecked float as a root.

>>> reals, upper = certified_roots([-2, 0, 0, 1], 100)       # x^3 - 2
>>> len(reals), len(upper), reals[0].rel_accuracy_bits() >= 100
(1, 1, True)
>>> (reals[0] ** 3).contains(2) and (upper[0] ** 3).contains(2)
True
"""

from __future__ import annotations

__all__ = ["certified_roots"]

#: precision (bits) of the isolating step; Arb raises it itself when the roots are not yet isolated
ISOLATION_BITS = 30


def certified_roots(coeffs, bits: int):
    """(real roots, roots with positive imaginary part) of the squarefree integer polynomial with
    ``coeffs`` (lowest first), as ``arb`` / ``acb`` balls with at least ``bits`` accurate bits, each
    certified to contain exactly one root; None when a certification step fails.

    Raises ImportError without python-flint, ValueError for a constant or non-integer polynomial.
    """
    import flint

    if isinstance(bits, bool) or not isinstance(bits, int) or bits < 1:
        raise ValueError(f"bits must be a positive int, got {bits!r}")
    if any(isinstance(c, bool) or not isinstance(c, int) for c in coeffs):
        raise ValueError("coeffs must be Python ints")
    p = flint.fmpz_poly(list(coeffs))
    if p.degree() < 1:
        raise ValueError(f"coeffs must describe a polynomial of degree >= 1, got degree {p.degree()}")
    ctx = flint.ctx
    old = ctx.prec
    try:
        ctx.prec = ISOLATION_BITS
        iso = p.complex_roots()
        if any(m != 1 for _, m in iso):
            raise ValueError("the polynomial must be squarefree")
        reals = [z.real for z, _ in iso if z.imag == 0]
        upper = [z for z, _ in iso if z.imag > 0]
        if 2 * len(upper) + len(reals) != p.degree():     # an unclassified root: let Arb decide
            return None
        dp = p.derivative()
        bound = flint.arb_poly([abs(int(c)) for c in dp.derivative().coeffs()])   # |p''| <= bound(|w|)
        out = []
        for isolated, poly_type in ((reals, flint.arb_poly), (upper, flint.acb_poly)):
            if not isolated:
                out.append([])
                continue
            P, D = poly_type(p), poly_type(dp)
            mids = _newton(P, D, [x.mid() for x in isolated], bits // 2 + 40, ctx)
            enclosed = _krawczyk(P, D, bound, mids, isolated, bits + 40 + _wrapping_bits(mids, p.degree()), ctx)
            if enclosed is None or any(e.rel_accuracy_bits() < bits for e in enclosed):
                return None
            out.append(enclosed)
        return out[0], out[1]
    finally:
        ctx.prec = old


def _newton(P, D, pts, target: int, ctx) -> list:
    """Newton steps on exact midpoints, the precision about twice the accuracy reached so far."""
    acc = ISOLATION_BITS
    while acc < target:
        ctx.prec = min(target + 20, 2 * acc + 40)
        pv, dv = P.evaluate(pts, algorithm="iter"), D.evaluate(pts, algorithm="iter")
        pts = [(x - a.mid() / b.mid()).mid() if b.mid() != 0 else x for x, a, b in zip(pts, pv, dv)]
        acc *= 2
    return pts


def _wrapping_bits(mids, degree: int) -> int:
    """Bits lost by Horner's rule in rectangular complex balls: each step can widen a radius by
    (|Re z| + |Im z|) / |z| <= sqrt(2); none for real points."""
    import math

    import flint

    worst = 1.0
    for m in mids:
        if not isinstance(m, flint.acb):
            return 0
        x, y = abs(float(m.real)), abs(float(m.imag))
        if x + y > 0:
            worst = max(worst, (x + y) / math.hypot(x, y))
    return int(degree * math.log2(min(worst, 2 ** 0.5))) + 10


def _krawczyk(P, D, bound, mids, isolated, prec: int, ctx):
    """Certified balls K_k, one root in each (see the module doc), or None."""
    import flint

    ctx.prec = prec
    pm, dm = P.evaluate(mids, algorithm="iter"), D.evaluate(mids, algorithm="iter")
    rhos = []
    for m, a, b in zip(mids, pm, dm):
        if b.contains(0) or not (a.is_finite() and b.is_finite()):
            return None
        delta = abs(a / b).upper()
        rhos.append(max(4 * delta, max(abs(m).upper(), flint.arb(1)) * flint.arb(2) ** (-(prec - 30))))
    ctx.prec = 64                        # upper bounds of |p''| near each point
    Bs = bound.evaluate([abs(m).upper() + 2 * r for m, r in zip(mids, rhos)], algorithm="iter")
    ctx.prec = prec
    out = []
    for m, X, a, b, rho, B in zip(mids, isolated, pm, dm, rhos, Bs):
        r = flint.arb(0, rho)
        w = flint.arb(0, 2 * B.upper() * rho)
        if isinstance(m, flint.arb):
            Y, dY = m + r, b + w
        else:
            Y, dY = m + flint.acb(r, r), b + flint.acb(w, w)
        c = 1 / b.mid()
        K = m - c * a + (1 - c * dY) * (Y - m)
        if not (Y.contains_interior(K) and (X.contains(Y) or Y.contains(X))):
            return None
        out.append(K)
    return out
