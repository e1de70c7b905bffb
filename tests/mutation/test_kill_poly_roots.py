"""Kill tests for symconv/exact/poly_roots.py (certified polynomial roots).

Every returned ball is compared with Arb's own roots at a much higher precision: it must hold exactly
one root, the real ones as real balls, the others in the upper half-plane, with the accuracy asked
for; the helpers are checked on their own (Newton's accuracy, the wrapping allowance, the Krawczyk
test refusing points, balls and derivatives that do not certify a root); python-flint's working
precision is restored whatever happens.

PYTEST_DONT_REWRITE: kill tests count by passing or failing; their asserts are not rewritten (that took
seconds in every xdist worker).
"""

import math
import random
from fractions import Fraction

import pytest

flint = pytest.importorskip("flint")

from symconv.exact import poly_roots  # noqa: E402
from symconv.exact.poly_roots import certified_roots  # noqa: E402


def _reference(coeffs, bits):
    """Arb's complex_roots at ``bits`` (real roots, upper half-plane roots)."""
    old = flint.ctx.prec
    flint.ctx.prec = bits
    try:
        roots = flint.fmpz_poly(coeffs).complex_roots()
    finally:
        flint.ctx.prec = old
    return [z.real for z, _ in roots if z.imag == 0], [z for z, _ in roots if z.imag > 0]


def _random_squarefree(seed, degree):
    rnd = random.Random(seed)
    while True:
        coeffs = [rnd.randint(-9, 9) for _ in range(degree)] + [rnd.choice([1, 2, -3])]
        p = flint.fmpz_poly(coeffs)
        if p.gcd(p.derivative()).degree() == 0:
            return coeffs


POLYS = {
    "x^2-2": [-2, 0, 1],                 # two real roots, none complex
    "x^2+x+1": [1, 1, 1],                # no real root
    "x^3-2": [-2, 0, 0, 1],
    "x^2-x-1": [-1, -1, 1],
    "x^5-x-1": [-1, -1, 0, 0, 0, 1],
    "3x^4-x-7": [-7, -1, 0, 0, 3],      # a leading coefficient that is not 1
    "x-5": [-5, 1],                      # degree 1
    "x^2-1e12": [-10**12, 0, 1],         # large roots
    "random12": _random_squarefree(1, 12),
    "random31": _random_squarefree(2, 31),
}


@pytest.mark.parametrize("bits", [64, 300])
@pytest.mark.parametrize("name", list(POLYS))
def test_every_ball_holds_exactly_one_root_with_the_accuracy_asked(name, bits):
    coeffs = POLYS[name]
    got = certified_roots(coeffs, bits)
    assert got is not None, name
    reals, upper = got
    ref_r, ref_u = _reference(coeffs, bits + 200)
    assert len(reals) == len(ref_r) and len(upper) == len(ref_u)
    assert 2 * len(upper) + len(reals) == len(coeffs) - 1
    assert all(type(x) is flint.arb for x in reals)
    assert all(type(z) is flint.acb and z.imag.lower() > 0 for z in upper)
    for mine, ref in ((reals, ref_r), (upper, ref_u)):
        for z in mine:
            assert z.rel_accuracy_bits() >= bits
            assert sum(z.overlaps(w) for w in ref) == 1
            assert sum(z.contains(w) for w in ref) == 1          # the root itself, not a neighbour
        for w in ref:                                            # and every root is found once
            assert sum(z.contains(w) for z in mine) == 1


def test_the_accuracy_is_what_was_asked_not_much_more_or_less():
    """bits drives the work: 64 and 1000 bits give balls of about that accuracy."""
    for bits in (64, 1000):
        reals, _ = certified_roots([-2, 0, 1], bits)
        for x in reals:
            assert bits <= x.rel_accuracy_bits() < 3 * bits + 200


@pytest.mark.parametrize("prec", [20, 53, 777])
def test_flint_precision_is_restored(prec):
    old = flint.ctx.prec
    try:
        flint.ctx.prec = prec
        assert certified_roots([-2, 0, 0, 1], 200) is not None
        assert flint.ctx.prec == prec
        certified_roots([2, 0, 3], 200)                           # may be None: either way restored
        assert flint.ctx.prec == prec
        with pytest.raises(ValueError):
            certified_roots([1, 2, 1], 200)
        assert flint.ctx.prec == prec
    finally:
        flint.ctx.prec = old


@pytest.mark.parametrize("args, message", [
    (([1, 0, 1], 0), "bits must be a positive int, got 0"),
    (([1, 0, 1], -3), "bits must be a positive int, got -3"),
    (([1, 0, 1], True), "bits must be a positive int, got True"),
    (([1, 0, 1], 64.0), "bits must be a positive int, got 64.0"),
    (([1, True, 1], 64), "coeffs must be Python ints"),
    (([1, 2.0, 1], 64), "coeffs must be Python ints"),
    (([Fraction(1), 0, 1], 64), "coeffs must be Python ints"),
    (([7], 64), "coeffs must describe a polynomial of degree >= 1, got degree 0"),
    (([0, 0], 64), "coeffs must describe a polynomial of degree >= 1, got degree -1"),
    (([1, 2, 1], 64), "the polynomial must be squarefree"),
    (([0, 0, 1, 1], 64), "the polynomial must be squarefree"),
])
def test_bad_inputs_name_the_parameter(args, message):
    with pytest.raises(ValueError) as err:
        certified_roots(*args)
    assert str(err.value) == message


def test_one_bit_is_enough():
    reals, upper = certified_roots([-2, 0, 1], 1)
    assert len(reals) == 2 and not upper


def test_falls_back_when_a_ball_cannot_be_tied_to_its_isolation():
    """Roots with a real part exactly 0 in Arb's isolation: the Krawczyk ball cannot lie inside the
    isolating box (a segment), nor hold it unless it is wide: None or a certified answer, never wrong."""
    got = certified_roots([2, 0, 3], 200)
    if got is not None:
        ref_r, ref_u = _reference([2, 0, 3], 400)
        assert not got[0] and all(sum(z.contains(w) for w in ref_u) == 1 for z in got[1])


def test_newton_reaches_the_target_accuracy():
    flint.ctx.prec, old = 53, flint.ctx.prec
    try:
        P, D = flint.arb_poly([-2, 0, 1]), flint.arb_poly([0, 2])
        start = [flint.arb(1.4142135623)]                  # about 33 bits, as the isolation gives
        for target in (40, 120, 240, 500):
            (x,) = poly_roots._newton(P, D, start, target, flint.ctx)
            flint.ctx.prec = target + 300
            err = abs(x - flint.arb(2).sqrt())
            assert err.upper() < flint.arb(2) ** (-target), target
            assert x.rad() == 0                            # an exact midpoint, nothing trusted
            assert flint.ctx.prec == target + 300
            flint.ctx.prec = 53
    finally:
        flint.ctx.prec = old


def test_newton_sets_the_precision_it_needs_and_no_more():
    flint.ctx.prec, old = 53, flint.ctx.prec
    try:
        P, D = flint.arb_poly([-2, 0, 1]), flint.arb_poly([0, 2])
        poly_roots._newton(P, D, [flint.arb(1.4142135623)], 240, flint.ctx)
        assert flint.ctx.prec == 260                       # min(target + 20, 2 * 120 + 40)
        poly_roots._newton(P, D, [flint.arb(1.4142135623)], 100, flint.ctx)
        assert flint.ctx.prec == 120                       # min(100 + 20, 2 * 60 + 40)
        flint.ctx.prec = 53
        assert poly_roots._newton(P, D, [flint.arb(1.5)], 30, flint.ctx) == [flint.arb(1.5)]   # nothing to do
        assert flint.ctx.prec == 53
    finally:
        flint.ctx.prec = old


def test_newton_leaves_a_point_where_the_derivative_vanishes():
    flint.ctx.prec, old = 53, flint.ctx.prec
    try:
        P, D = flint.arb_poly([-2, 0, 1]), flint.arb_poly([0, 2])
        got = poly_roots._newton(P, D, [flint.arb(0), flint.arb(1.4142135623)], 100, flint.ctx)
        assert got[0] == 0 and got[0].rad() == 0
        flint.ctx.prec = 300
        assert abs(got[1] - flint.arb(2).sqrt()).upper() < 2.0 ** -100
        Pc, Dc = flint.acb_poly([1, 0, 1]), flint.acb_poly([0, 2])     # x^2 + 1, from near i
        (z,) = poly_roots._newton(Pc, Dc, [flint.acb(1e-10, 1 + 1e-10)], 100, flint.ctx)
        assert abs(z - flint.acb(0, 1)).upper() < 2.0 ** -100
    finally:
        flint.ctx.prec = old


def test_wrapping_bits():
    assert poly_roots._wrapping_bits([flint.arb(3), flint.arb(-1)], 50) == 0      # real points: none
    assert poly_roots._wrapping_bits([], 50) == 10
    assert poly_roots._wrapping_bits([flint.acb(0)], 50) == 10                   # the point 0
    assert poly_roots._wrapping_bits([flint.acb(2, 0)], 50) == 10                # on the real axis
    assert poly_roots._wrapping_bits([flint.acb(0, -2)], 50) == 10
    # on the diagonal the factor is sqrt 2 (up to rounding: log2 gives 0.4999..., int() rounds down)
    assert poly_roots._wrapping_bits([flint.acb(1, 1)], 6) == 12
    assert poly_roots._wrapping_bits([flint.acb(-1, 1)], 6) == 12               # absolute values
    assert poly_roots._wrapping_bits([flint.acb(1, -1)], 20) == 19
    assert poly_roots._wrapping_bits([flint.acb(3, 1)], 20) == int(20 * math.log2(4 / math.sqrt(10))) + 10 == 16
    assert poly_roots._wrapping_bits([flint.acb(1, 0), flint.acb(3, 1), flint.acb(1, 1)], 20) == 19   # the worst
    assert poly_roots._wrapping_bits([flint.acb(1, 1), flint.acb(3, 1)], 20) == 19
    assert poly_roots._wrapping_bits([flint.acb(3, 1), flint.acb(1, 0)], 20) == 16
    assert poly_roots._wrapping_bits([flint.acb(3, 1), flint.arb(1)], 20) == 0   # a real point: real input
    assert poly_roots._wrapping_bits([flint.acb(0.5, 0.5)], 6) == 12             # small points count too
    ratio = 0.75 / math.hypot(0.25, 0.5)
    assert poly_roots._wrapping_bits([flint.acb(0.25, -0.5)], 20) == int(20 * math.log2(ratio)) + 10


def _setup(coeffs, cls):
    p = flint.fmpz_poly(coeffs)
    bound = flint.arb_poly([abs(int(c)) for c in p.derivative().derivative().coeffs()])
    flint.ctx.prec = 30
    iso = p.complex_roots()
    reals = [z.real for z, _ in iso if z.imag == 0]
    upper = [z for z, _ in iso if z.imag > 0]
    return cls(p), cls(p.derivative()), bound, (reals if cls is flint.arb_poly else upper)


def _mids(P, D, isolated, bits):
    return poly_roots._newton(P, D, [x.mid() for x in isolated], bits, flint.ctx)


@pytest.mark.parametrize("coeffs, cls", [([-2, 0, 0, 1], flint.arb_poly), ([-2, 0, 0, 1], flint.acb_poly),
                                         (POLYS["random31"], flint.arb_poly),
                                         (POLYS["random31"], flint.acb_poly)])
def test_krawczyk_balls_hold_the_root(coeffs, cls):
    old = flint.ctx.prec
    try:
        P, D, bound, isolated = _setup(coeffs, cls)
        mids = _mids(P, D, isolated, 200)
        got = poly_roots._krawczyk(P, D, bound, mids, isolated, 400, flint.ctx)
        assert got is not None and len(got) == len(isolated)
        assert flint.ctx.prec == 400
        ref_r, ref_u = _reference(coeffs, 800)
        ref = ref_r if cls is flint.arb_poly else ref_u
        for K, X, m in zip(got, isolated, mids):
            assert sum(K.contains(w) for w in ref) == 1
            assert X.overlaps(K)
            assert K.rel_accuracy_bits() >= 350          # a Newton step from a 200-bit point
            assert abs(K - m).upper() < abs(m).upper() * flint.arb(2) ** -190   # a Newton step from m
    finally:
        flint.ctx.prec = old


def test_krawczyk_refuses_a_ball_of_another_root():
    """Newton points that are right, but the isolating boxes of other roots: no certificate."""
    old = flint.ctx.prec
    try:
        P, D, bound, isolated = _setup([-2, 0, 1], flint.arb_poly)       # -sqrt 2, sqrt 2
        mids = _mids(P, D, isolated, 200)
        assert poly_roots._krawczyk(P, D, bound, mids, isolated, 400, flint.ctx) is not None
        assert poly_roots._krawczyk(P, D, bound, mids, isolated[::-1], 400, flint.ctx) is None
        assert poly_roots._krawczyk(P, D, bound, mids[:1], isolated[1:], 400, flint.ctx) is None
        wide = [flint.arb(0, 10)] * 2                    # a box that holds both: Y inside it, still one root in Y
        assert poly_roots._krawczyk(P, D, bound, mids, wide, 400, flint.ctx) is not None
    finally:
        flint.ctx.prec = old


def test_krawczyk_accepts_a_small_ball_that_holds_the_isolating_box():
    """Y may hold X (an isolating box that is already tiny), not only lie inside it."""
    old = flint.ctx.prec
    try:
        P, D, bound, _ = _setup([-2, 0, 1], flint.arb_poly)
        flint.ctx.prec = 600
        root = flint.arb(2).sqrt()
        tiny = [flint.arb(root.mid(), flint.arb(2) ** -500)]
        mids = [root.mid()]
        got = poly_roots._krawczyk(P, D, bound, mids, tiny, 300, flint.ctx)
        assert got is not None
        assert got[0].overlaps(tiny[0]) and got[0].contains(root)     # root: sqrt 2 at 600 bits
    finally:
        flint.ctx.prec = old


def test_krawczyk_refuses_points_that_are_not_roots():
    old = flint.ctx.prec
    try:
        for cls in (flint.arb_poly, flint.acb_poly):
            P, D, bound, isolated = _setup([-2, 0, 0, 1], cls)
            mids = _mids(P, D, isolated, 200)
            for shift in (1e-3, 1e-9, 1e-30):
                off = [(m + shift).mid() for m in mids]
                got = poly_roots._krawczyk(P, D, bound, off, isolated, 400, flint.ctx)
                if got is not None:                      # a Newton step may still certify: then rightly
                    ref_r, ref_u = _reference([-2, 0, 0, 1], 800)
                    for K in got:
                        assert sum(K.contains(w) for w in (ref_r if cls is flint.arb_poly else ref_u)) == 1
    finally:
        flint.ctx.prec = old


def test_krawczyk_refuses_a_vanishing_or_unknown_derivative():
    old = flint.ctx.prec
    try:
        P, D = flint.arb_poly([-2, 0, 1]), flint.arb_poly([0, 2])
        bound = flint.arb_poly([2])
        box = [flint.arb(0, 4)]
        assert poly_roots._krawczyk(P, D, bound, [flint.arb(0)], box, 200, flint.ctx) is None      # p'(0) = 0
        inf = flint.arb("inf")
        assert poly_roots._krawczyk(P, D, bound, [inf], box, 200, flint.ctx) is None
        nan = flint.arb("nan")
        assert poly_roots._krawczyk(P, D, bound, [nan], box, 200, flint.ctx) is None
        # p finite but p' not: p = 1 (constant), p' given as a polynomial that overflows
        Pc, Dc = flint.arb_poly([1]), flint.arb_poly([0, 1])
        assert poly_roots._krawczyk(Pc, Dc, bound, [inf], box, 200, flint.ctx) is None
        assert poly_roots._krawczyk(Dc, Pc, bound, [inf], box, 200, flint.ctx) is None
    finally:
        flint.ctx.prec = old


# Points from which a Krawczyk test with a too small enclosure of p'(Y) (w = 2 rho / B instead of
# 2 B rho, or |p''| bounded on a disc of radius |m| - 2 rho) "certifies" a ball Y that holds two roots
# or none: the real test refuses them (found by a random search against those variants).
BAD_POINTS = [
    ([4, -4, -1, 1], 3.0438497796503023, flint.arb_poly),                           # Y holds 2 roots
    ([5, 1, -2, -4, 2, 1], 1.7310682716202135, flint.arb_poly),                     # Y holds none
    ([-1, 4, -2, 4, 1], complex(0.48722410267201877, 0.4751486107644167), flint.acb_poly),   # 3 roots
    ([3, 3, 0, 5, 2, 2], complex(-0.8953511610162974, 2.1776556131317566), flint.acb_poly),  # 2 roots
    ([-2, 0, 1], 0.5, flint.arb_poly),          # Y = [0.5 +- 7] holds both roots of x^2 - 2
    ([1, 0, 1], 0.0625, flint.arb_poly),        # x^2 + 1: no real root; with p' taken constant K = [-7.97]
    ([1, 0, 1], complex(0.5, 0.5), flint.acb_poly),   # Y holds both +-i
]


@pytest.mark.parametrize("coeffs, point, cls", BAD_POINTS)
def test_krawczyk_refuses_a_ball_that_does_not_hold_exactly_one_root(coeffs, point, cls):
    old = flint.ctx.prec
    try:
        flint.ctx.prec = 200
        p = flint.fmpz_poly(coeffs)
        bound = flint.arb_poly([abs(int(c)) for c in p.derivative().derivative().coeffs()])
        P, D = cls(p), cls(p.derivative())
        if cls is flint.arb_poly:
            m, box = flint.arb(point).mid(), flint.arb(0, 100)
        else:
            m, box = flint.acb(point.real, point.imag).mid(), flint.acb(flint.arb(0, 100), flint.arb(0, 100))
        assert poly_roots._krawczyk(P, D, bound, [m], [box], 100, flint.ctx) is None
    finally:
        flint.ctx.prec = old


class _RecordingContext:
    """flint.ctx as seen by the helpers, recording every precision they set."""

    def __init__(self):
        self.set = []

    @property
    def prec(self):
        return flint.ctx.prec

    @prec.setter
    def prec(self, bits):
        self.set.append(bits)
        flint.ctx.prec = bits


def test_newton_precision_schedule():
    """About twice the accuracy reached so far plus 40 bits, capped at target + 20."""
    old = flint.ctx.prec
    try:
        P, D = flint.arb_poly([-2, 0, 1]), flint.arb_poly([0, 2])
        ctx = _RecordingContext()
        poly_roots._newton(P, D, [flint.arb(1.4142135623)], 240, ctx)
        assert ctx.set == [100, 160, 260]
        ctx = _RecordingContext()
        poly_roots._newton(P, D, [flint.arb(1.4142135623)], 1000, ctx)
        assert ctx.set == [100, 160, 280, 520, 1000, 1020]
    finally:
        flint.ctx.prec = old


def test_krawczyk_precision_schedule():
    """The test runs at the precision asked for; only the bound on |p''| is evaluated at 64 bits."""
    old = flint.ctx.prec
    try:
        P, D, bound, isolated = _setup([-2, 0, 0, 1], flint.arb_poly)
        mids = _mids(P, D, isolated, 200)
        ctx = _RecordingContext()
        assert poly_roots._krawczyk(P, D, bound, mids, isolated, 400, ctx) is not None
        assert ctx.set == [400, 64, 400]
    finally:
        flint.ctx.prec = old


def test_certified_roots_asks_newton_for_half_the_bits_and_krawczyk_for_the_full_precision(monkeypatch):
    calls = []
    real_newton, real_krawczyk = poly_roots._newton, poly_roots._krawczyk

    def newton(P, D, pts, target, ctx):
        calls.append(("newton", target))
        return real_newton(P, D, pts, target, ctx)

    def krawczyk(P, D, bound, mids, isolated, prec, ctx):
        calls.append(("krawczyk", prec, poly_roots._wrapping_bits(mids, 3)))
        return real_krawczyk(P, D, bound, mids, isolated, prec, ctx)

    monkeypatch.setattr(poly_roots, "_newton", newton)
    monkeypatch.setattr(poly_roots, "_krawczyk", krawczyk)
    assert certified_roots([-2, 0, 0, 1], 301) is not None           # x^3 - 2: one real, one complex root
    (n1, t1), (k1, p1, w1), (n2, t2), (k2, p2, w2) = calls
    assert (n1, n2, k1, k2) == ("newton", "newton", "krawczyk", "krawczyk")
    assert t1 == t2 == 190 and type(t1) is int                       # 301 // 2 + 40
    assert w1 == 0 and w2 > 10                                        # real points: no wrapping allowance
    assert p1 == 341 and p2 == 341 + w2                               # bits + 40 + the wrapping allowance


def _radius_check(coeffs, root_bits, prec, expect_floor):
    """K's radius is 2 |c| B rho^2 up to rounding: rho is 4 Newton corrections, or the floor
    max(|m|, 1) 2^-(prec - 30) when m is already closer to the root than that."""
    P, D, bound, isolated = _setup(coeffs, flint.arb_poly)
    mids = _mids(P, D, isolated, root_bits)
    got = poly_roots._krawczyk(P, D, bound, mids, isolated, prec, flint.ctx)
    assert got is not None
    flint.ctx.prec = prec + 100
    for K, m in zip(got, mids):
        a, b = P(m), D(m)
        delta = abs(a / b)
        floor = max(abs(m), flint.arb(1)) * flint.arb(2) ** (30 - prec)
        rho = floor if expect_floor else 4 * delta
        assert (floor > 4 * delta) is expect_floor
        B = bound(abs(m) + 2 * rho)
        want = 2 * B * rho * rho / abs(b)
        ratio = K.rad() / want
        assert 0.8 < ratio < 1.25, (float(ratio), float(m))


def test_krawczyk_ball_is_four_newton_corrections_wide():
    old = flint.ctx.prec
    try:
        _radius_check([-2, 0, 1], 100, 400, False)
        _radius_check([-1, -1, 1], 100, 400, False)                      # roots -0.618, 1.618
    finally:
        flint.ctx.prec = old


def test_krawczyk_ball_has_a_floor_relative_to_the_precision():
    """Points already closer to the root than the precision resolves (700 bits, test at 300): the
    rounding of p(m) dominates, and the ball Y must still be wide enough (max(|m|, 1) 2^-(prec - 30))
    to hold K: certified, and K holds the root."""
    old = flint.ctx.prec
    try:
        for coeffs in ([-2, 0, 1], [-1, -1, 1]):
            P, D, bound, isolated = _setup(coeffs, flint.arb_poly)
            mids = _mids(P, D, isolated, 700)
            got = poly_roots._krawczyk(P, D, bound, mids, isolated, 300, flint.ctx)
            assert got is not None
            ref_r, _ = _reference(coeffs, 1000)
            assert all(sum(K.contains(w) for w in ref_r) == 1 for K in got)
            assert all(K.rel_accuracy_bits() >= 250 for K in got)
    finally:
        flint.ctx.prec = old


@pytest.mark.parametrize("coeffs, root", [([-9, 0, 4], 1.5), ([-1, 0, 4], 0.5), ([-4, 0, 1], 2.0)])
def test_krawczyk_ball_at_an_exact_root_has_the_documented_floor(coeffs, root):
    """At an exact root p(m) = 0, so there is no Newton correction: the ball Y has the floor radius
    rho = max(|m|, 1) 2^-(prec - 30), and K is m +- |c| 2 B rho * rho (B = |p''| = 2 a_2 here)."""
    old = flint.ctx.prec
    try:
        prec = 200
        flint.ctx.prec = prec
        P, D = flint.arb_poly(coeffs), flint.arb_poly([0, 2 * coeffs[2]])
        bound = flint.arb_poly([2 * coeffs[2]])
        m = flint.arb(root)
        (K,) = poly_roots._krawczyk(P, D, bound, [m], [flint.arb(root, 0.1)], prec, flint.ctx)
        assert K.mid() == m
        rho = max(root, 1) * 2.0 ** (30 - prec)
        c = 1 / (2 * coeffs[2] * root)
        want = c * 2 * (2 * coeffs[2]) * rho * rho
        assert 0.9 < float(K.rad()) / want < 1.1
    finally:
        flint.ctx.prec = old


class _Poly:
    """A polynomial whose values are given (to reach the guards of the Krawczyk test)."""

    def __init__(self, value):
        self.value = value

    def evaluate(self, pts, algorithm=None):
        return [self.value for _ in pts]


class _NoBound:
    def evaluate(self, pts, algorithm=None):
        raise AssertionError("the test went on past a point it must refuse")


@pytest.mark.parametrize("a, b", [
    (flint.arb(1), flint.arb(0, 1e-3)),            # p' may vanish (finite values)
    (flint.arb(1), flint.arb(0)),
    (flint.arb("inf"), flint.arb(2)),              # p(m) not finite, p'(m) fine
    (flint.arb("nan"), flint.arb(2)),
    (flint.arb(1), flint.arb("inf")),
])
def test_krawczyk_stops_at_a_point_it_cannot_use(a, b):
    old = flint.ctx.prec
    try:
        got = poly_roots._krawczyk(_Poly(a), _Poly(b), _NoBound(), [flint.arb(1)], [flint.arb(0, 10)], 100, flint.ctx)
        assert got is None
    finally:
        flint.ctx.prec = old


class _Horner:
    """A polynomial that records how it is evaluated (the wrapping allowance is computed for Horner's rule)."""

    def __init__(self, poly, calls):
        self.poly, self.calls = poly, calls

    def evaluate(self, pts, **kwargs):
        self.calls.append(kwargs)
        return self.poly.evaluate(pts, **kwargs)


def test_every_evaluation_is_horners_rule():
    """_wrapping_bits budgets the bits lost by Horner's rule, so Newton and the Krawczyk test (values,
    derivatives and the bound on |p''|) evaluate with algorithm="iter"."""
    old = flint.ctx.prec
    try:
        for cls in (flint.arb_poly, flint.acb_poly):
            P, D, bound, isolated = _setup([-2, 0, 0, 1], cls)
            calls = []
            P2, D2, B2 = _Horner(P, calls), _Horner(D, calls), _Horner(bound, calls)
            mids = poly_roots._newton(P2, D2, [x.mid() for x in isolated], 200, flint.ctx)
            assert poly_roots._krawczyk(P2, D2, B2, mids, isolated, 400, flint.ctx) is not None
            assert len(calls) == 2 * 3 + 3 and all(c == {"algorithm": "iter"} for c in calls)
    finally:
        flint.ctx.prec = old
