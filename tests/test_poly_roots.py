"""Certified roots (symconv.exact.poly_roots): every ball holds exactly one root, the real ones are
real, and nothing uncertified comes out, even when the iteration is fed wrong points."""

import random

import pytest

flint = pytest.importorskip("flint")

from symconv.exact import poly_roots  # noqa: E402
from symconv.exact.poly_roots import certified_roots  # noqa: E402


def _reference(coeffs, bits):
    """Arb's own complex_roots at the full precision (the slow certified path)."""
    old = flint.ctx.prec
    flint.ctx.prec = bits
    try:
        roots = flint.fmpz_poly(coeffs).complex_roots()
    finally:
        flint.ctx.prec = old
    return [z.real for z, _ in roots if z.imag == 0], [z for z, _ in roots if z.imag > 0]


def _squarefree_factors(coeffs):
    return [[int(c) for c in f.coeffs()] for f, _ in flint.fmpz_poly(coeffs).factor()[1] if f.degree() >= 1]


def _random_polys():
    rnd = random.Random(4)
    out = []
    for L in (1, 2, 3, 6, 20, 60):
        for _ in range(2):
            out += _squarefree_factors([rnd.randint(-9, 9) for _ in range(2 * L)] + [rnd.choice([-3, 1, 2])])
    return out


SPECIAL = (_squarefree_factors([int(c) for c in flint.fmpz_poly.chebyshev_t(40).coeffs()])
           + [[int(c) for c in flint.fmpz_poly.cyclotomic(105).coeffs()], [-2] + [0] * 63 + [1], [-2, 0, 0, 1],
              [2, 0, 3], [1, 0, 0, 0, 1]])


@pytest.mark.parametrize("coeffs", _random_polys() + SPECIAL, ids=lambda c: f"deg{len(c) - 1}")
def test_certified_roots_match_arb(coeffs):
    """Random polynomials are always certified; the special ones (Arb may give a purely imaginary
    root with an exactly-zero real part, which no small box can tie to) may return None instead."""
    bits = 300
    got = certified_roots(coeffs, bits)
    if got is None:
        assert coeffs in SPECIAL
        return
    reals, upper = got
    ref_r, ref_u = _reference(coeffs, bits)
    assert len(reals) == len(ref_r) and len(upper) == len(ref_u)
    assert 2 * len(upper) + len(reals) == len(coeffs) - 1
    for mine, ref in ((reals, ref_r), (upper, ref_u)):
        for z in mine:
            assert z.rel_accuracy_bits() >= bits
            assert sum(z.overlaps(w) for w in ref) == 1          # the same root, and only that one
    assert all(isinstance(x, flint.arb) for x in reals)         # real roots are real balls
    assert all(z.imag > 0 for z in upper)


def test_clustered_roots_fall_back_or_stay_certified():
    """Mignotte-type polynomials have two roots within 1e-12: either a certified answer or None."""
    p = flint.fmpz_poly([0] * 40 + [1]) - 2 * flint.fmpz_poly([-1, 10**6]) ** 2
    for coeffs in _squarefree_factors([int(c) for c in p.coeffs()]):
        got = certified_roots(coeffs, 200)
        if got is not None:
            ref_r, ref_u = _reference(coeffs, 200)
            assert len(got[0]) == len(ref_r) and len(got[1]) == len(ref_u)
            assert all(sum(z.overlaps(w) for w in ref_r) == 1 for z in got[0])


def test_krawczyk_never_certifies_a_wrong_point():
    """Midpoints pushed off the roots: the test either fails (None) or its balls still hold the root."""
    rnd = random.Random(9)
    coeffs = [rnd.randint(-9, 9) for _ in range(30)] + [1]
    bits = 200
    ref_r, ref_u = _reference(coeffs, bits + 100)
    old = flint.ctx.prec
    try:
        flint.ctx.prec = 30
        iso = flint.fmpz_poly(coeffs).complex_roots()
        upper = [z for z, _ in iso if z.imag > 0]
        P, D = flint.acb_poly(coeffs), flint.acb_poly(flint.fmpz_poly(coeffs).derivative())
        bound = flint.arb_poly([abs(int(c)) for c in flint.fmpz_poly(coeffs).derivative().derivative().coeffs()])
        for shift in (flint.acb(1e-20, 1e-20), flint.acb(1e-6), flint.acb(0, 0.3)):
            mids = [(z.mid() + shift).mid() for z in upper]
            got = poly_roots._krawczyk(P, D, bound, mids, upper, bits + 100, flint.ctx)
            if got is not None:
                for K in got:
                    assert sum(K.overlaps(w) for w in ref_u) == 1
        fake = [(z.mid() + flint.acb(0, 0.3)).mid() for z in upper]
        assert poly_roots._krawczyk(P, D, bound, fake, upper, bits + 100, flint.ctx) is None
    finally:
        flint.ctx.prec = old


@pytest.mark.parametrize("args, fragment", [
    (([1, 2, 1], 0), "bits must be a positive int"),
    (([5], 64), "degree >= 1"),
    (([1, 0.5, 1], 64), "coeffs must be Python ints"),
    (([1, 2, 1], 64), "squarefree"),
])
def test_bad_inputs(args, fragment):
    with pytest.raises(ValueError, match=fragment):
        certified_roots(*args)
