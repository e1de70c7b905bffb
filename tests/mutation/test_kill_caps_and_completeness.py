"""Kill-tests for the survivors MUTATION.md had left as "work cap" or "sound but more complete".

A work cap is pinned by showing its effect (how often the cooperative deadline is checked); a rule or
test that is deliberately incomplete is pinned where the real code answers "not shown" / undecided and a
more permissive variant would answer something else.  Each test names the behaviour it pins; where the
permissive variant turned out to be unsound (CancelTerms), the test says so.

PYTEST_DONT_REWRITE: kill tests count by passing or failing; their asserts are not rewritten (that took
seconds in every xdist worker).
"""

import pytest
import sympy as sp

from symconv.engine.compare import equal_mod_n
from symconv.engine.sum_rules import CancelTerms
from symconv.exact import _deadline, cyclotomic, decide_zero
from symconv.exact.convert import NotCyclotomic, cyclotomic_is_zero
from symconv.objects.indexed import c, i, n

flint = pytest.importorskip("flint")

from symconv.exact import poly_roots  # noqa: E402


# ---------------------------------------------------------------- cyclotomic._reduce: the deadline check

def _tops_checked(monkeypatch, length, phi):
    """The values of `top` at which _reduce asks the cooperative deadline (read from the caller's frame)."""
    import sys
    seen = []
    monkeypatch.setattr(_deadline, "check", lambda: seen.append(sys._getframe(1).f_locals["top"]))
    cyclotomic._reduce([1] * length, phi)
    return seen


def test_reduce_checks_the_deadline_once_every_256_steps(monkeypatch):
    """The long division by Phi_n asks the cooperative deadline at every top exponent that is a multiple
    of 256 (and only there): a long reduction can be stopped, a short one pays nothing."""
    phi = cyclotomic.cyclotomic_coefficients(3)                      # x^2 + x + 1, degree 2
    assert _tops_checked(monkeypatch, 1000, phi) == [768, 512, 256]
    assert _tops_checked(monkeypatch, 257, phi) == [256]
    assert _tops_checked(monkeypatch, 256, phi) == []                # tops 255..2: none is a multiple of 256
    assert _tops_checked(monkeypatch, 2, phi) == []


def test_a_long_reduction_stops_at_a_passed_deadline_a_short_one_finishes():
    import time
    phi = cyclotomic.cyclotomic_coefficients(3)
    token = _deadline._DEADLINE.set(time.monotonic() - 1.0)          # a deadline already passed
    try:
        assert len(cyclotomic._reduce([1] * 256, phi)) == 2         # never checked: it finishes
        with pytest.raises(_deadline.ExactTimeout):
            cyclotomic._reduce([1] * 257, phi)                       # checked at top 256
    finally:
        _deadline._DEADLINE.reset(token)


# ---------------------------------------------------------------- compare._as_power: which powers are read

def test_powers_of_a_number_are_compared_as_written():
    """Exponent arithmetic is done for powers of symbols (and e); a power of a number is compared only
    as SymPy writes it: 2^(j(k+1)) against 2^(jk+j) is not shown (False means "not shown")."""
    j, k = sp.symbols("j k", integer=True)
    assert equal_mod_n(2 ** (j * (k + 1)), 2 ** (j * (k + 1)))
    assert not equal_mod_n(2 ** (j * (k + 1)), 2 ** (j * k + j))
    assert not equal_mod_n(sp.pi ** (j * (k + 1)), sp.pi ** (j * k + j))
    x = sp.Symbol("x")
    assert equal_mod_n(x ** (j * (k + 1)), x ** (j * k + j))          # a symbol's exponents are compared
    assert equal_mod_n(sp.E ** (j * (k + 1)), sp.exp(j * k + j))


# ---------------------------------------------------------------- CancelTerms: a term needs another term

@pytest.mark.parametrize("prev", [sp.nan, sp.zoo, sp.Integer(0)])
def test_cancel_terms_never_pairs_a_term_with_itself(prev):
    """nan and zoo are their own negatives (SymPy: -nan == nan, -zoo == zoo): a rule that let a term cancel
    itself would accept the false steps nan = 0 and zoo = 0.  Every term needs a partner among the others."""
    ok, why = CancelTerms().check(prev, sp.Integer(0))
    assert (ok, why) == (False, f"the term {sp.sstr(prev)} does not cancel")


def test_cancel_terms_pairs_distinct_terms():
    assert CancelTerms().check(c(i) - c(i + n), sp.Integer(0))[0]
    assert CancelTerms().check(c(i) - c(i + n) + c(i + 1) - c(i + 1 + 2 * n), sp.Integer(0))[0]
    assert not CancelTerms().check(c(i) - c(i + n) + sp.nan, sp.Integer(0))[0]


# ---------------------------------------------------------------- convert._nonzero_polynomial: only rationals

@pytest.mark.parametrize("other", ["X + 1.5", "2.5*X", "X + 0.5 + 1"])
def test_float_differences_do_not_make_two_values_independent(other):
    """g(u) and g(v) are treated as independent only when u - v is a polynomial with a non-zero rational
    coefficient; a float difference is not trusted (it may be a rounded 0), so the exact test cannot
    answer: NotCyclotomic, and decide_zero answers None (undecided), not False."""
    g, X = sp.Function("g"), sp.Symbol("X")
    e = g(X) - g(sp.sympify(other))
    with pytest.raises(NotCyclotomic, match="may be equal"):
        cyclotomic_is_zero(e)
    assert decide_zero(e) is None
    exact = g(X) - g(sp.nsimplify(sp.sympify(other), rational=True))
    assert cyclotomic_is_zero(exact) is False and decide_zero(exact) is False


# ---------------------------------------------------------------- poly_roots._krawczyk: the enclosure's width

class _Loose:
    """A polynomial evaluated with a looser (still valid) enclosure: each value's radius grows by k |value|."""

    def __init__(self, poly, k):
        self.poly, self.k = poly, k

    def evaluate(self, pts, algorithm=None):
        out = []
        for v in self.poly.evaluate(pts, algorithm=algorithm):
            r = flint.arb(0, self.k * abs(v).upper())
            out.append(v + r if isinstance(v, flint.arb) else v + flint.acb(r, r))
        return out


def _setup(coeffs, cls):
    p = flint.fmpz_poly(coeffs)
    bound = flint.arb_poly([abs(int(c_)) for c_ in p.derivative().derivative().coeffs()])
    flint.ctx.prec = 30
    iso = p.complex_roots()
    isolated = [z.real for z, _ in iso if z.imag == 0] if cls is flint.arb_poly else [z for z, _ in iso if z.imag > 0]
    return cls(p), cls(p.derivative()), bound, isolated


@pytest.fixture
def restore_prec():
    old = flint.ctx.prec
    yield
    flint.ctx.prec = old


def test_krawczyk_sizes_the_ball_by_the_upper_bound_of_the_newton_correction(restore_prec):
    """With an enclosure of p(m) ten times wider than its value, the ball Y is still four *upper bounds*
    of |p(m)/p'(m)| wide: it holds the root and K, and the root is certified (a lower bound, 0 here,
    would leave only the floor radius, too small to hold the root)."""
    P, D, bound, iso = _setup([-2, 0, 1], flint.arb_poly)
    mids = poly_roots._newton(P, D, [x.mid() for x in iso], 100, flint.ctx)
    got = poly_roots._krawczyk(_Loose(P, 10), D, bound, mids, iso, 300, flint.ctx)
    assert got is not None
    flint.ctx.prec = 400
    for K, sign in zip(got, (-1, 1)):
        assert K.contains(sign * flint.arb(2).sqrt())


def test_krawczyk_at_the_exact_root_0_bounds_p2_on_the_disc_of_radius_2_rho(restore_prec):
    """x^3 - x at its exact root m = 0: p(m) = 0, so rho is the floor 2^-(prec - 30); |p''(w)| = 6|w| is
    bounded on the disc |w| <= |m| + 2 rho by B = 12 rho, and K = 0 +- |c| 2 B rho^2 = 24 rho^3 (c = -1).
    With the bound known only as [0, 2B] (a loose enclosure), its upper end is used: 48 rho^3."""
    prec = 200
    flint.ctx.prec = prec
    P, D, bound = flint.arb_poly([0, -1, 0, 1]), flint.arb_poly([-1, 0, 3]), flint.arb_poly([0, 6])
    rho = 2.0 ** (30 - prec)
    for bnd, want in ((bound, 24 * rho ** 3), (_Loose(bound, 1), 48 * rho ** 3)):
        (K,) = poly_roots._krawczyk(P, D, bnd, [flint.arb(0)], [flint.arb(0, 0.25)], prec, flint.ctx)
        assert K.mid() == 0
        assert 0.99 < float(K.rad()) / want < 1.01


def test_krawczyk_complex_enclosure_of_p_prime_is_a_square(restore_prec):
    """For a complex root, p'(Y) is enclosed by p'(m) + [+-2 B rho] + i [+-2 B rho]; then both half-sides of
    K are 4 (|Re c| + |Im c|) B rho^2 (c = 1/p'(m)), up to rounding: x^3 - 2's upper root."""
    P, D, bound, iso = _setup([-2, 0, 0, 1], flint.acb_poly)
    mids = poly_roots._newton(P, D, [x.mid() for x in iso], 100, flint.ctx)
    got = poly_roots._krawczyk(P, D, bound, mids, iso, 300, flint.ctx)
    assert got is not None and len(got) == 1
    flint.ctx.prec = 400
    (K,), (m,) = got, mids
    a, b = P.evaluate([m])[0], D.evaluate([m])[0]
    c_ = 1 / b
    rho = 4 * abs(a / b)
    B = bound.evaluate([abs(m) + 2 * rho])[0]
    want = 4 * (abs(c_.real) + abs(c_.imag)) * B * rho * rho
    for half_side in (K.real.rad(), K.imag.rad()):
        assert 0.99 < float(half_side / want) < 1.01
    assert 0.3 < float(abs(c_.real) / abs(c_.imag)) < 3                # both parts of c count


@pytest.mark.parametrize("extra, accepted", [(1, True), (0, False)])
def test_certified_roots_accepts_exactly_bits_accurate_bits(monkeypatch, extra, accepted):
    """The contract is "at least bits accurate bits": a ball with exactly `bits` is returned, one bit
    fewer falls back (None).  The certification step is a stand-in returning balls of known accuracy."""
    bits = 64
    balls = []

    def krawczyk(P, D, bound, mids, isolated, prec, ctx):
        out = [flint.arb(flint.arb(m).mid(), flint.arb(2) ** -(bits + extra)) for m in mids]
        balls.extend(out)
        return out

    monkeypatch.setattr(poly_roots, "_krawczyk", krawczyk)
    got = poly_roots.certified_roots([-2, 0, 1], bits)
    assert [b.rel_accuracy_bits() for b in balls] == [bits - 1 + extra] * 2
    assert (got == (balls, [])) if accepted else got is None


class _ArbMeta(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, _REAL_ARB)


_REAL_ARB = flint.arb


def _spy_flint(calls):
    """A stand-in for the flint module whose `arb` records its arguments (and is still the real arb)."""
    import types

    class SpyArb(metaclass=_ArbMeta):
        def __new__(cls, *args):
            calls.append(args)
            return _REAL_ARB(*args)

    proxy = types.ModuleType("flint")
    proxy.__getattr__ = lambda name: getattr(flint, name)
    proxy.arb = SpyArb
    return proxy


class _Recording:
    def __init__(self, poly):
        self.poly, self.points = poly, []

    def evaluate(self, pts, algorithm=None):
        self.points.extend(pts)
        return self.poly.evaluate(pts, algorithm=algorithm)


@pytest.mark.parametrize("coeffs", [[-2, 0, 0, 1], [3, 0, 1, 0, 0, 1]])
def test_krawczyk_ball_and_disc_bounds_are_rigorous_for_complex_points(coeffs, monkeypatch, restore_prec):
    """Complex points |m| > 1, already closer to the root than the precision resolves (the floor regime):
    |m| is then a ball (hypot is rounded), and both bounds of the module doc hold for the true |m|:
    Y's radius rho >= max(|m|, 1) 2^-(prec - 30), and |p''| is bounded at a radius >= |m| + 2 rho."""
    import sys
    P, D, bound, iso = _setup(coeffs, flint.acb_poly)
    mids = poly_roots._newton(P, D, [x.mid() for x in iso], 700, flint.ctx)
    calls, rec, prec = [], _Recording(bound), 300
    monkeypatch.setitem(sys.modules, "flint", _spy_flint(calls))
    got = poly_roots._krawczyk(P, D, rec, mids, iso, prec, flint.ctx)
    monkeypatch.setitem(sys.modules, "flint", flint)
    assert got is not None
    radii = [args[1] for args in calls if len(args) == 2 and args[0] == 0]    # r = arb(0, rho), w = arb(0, ...)
    rhos = radii[0::2]
    assert len(rhos) == len(mids) == len(rec.points)
    flint.ctx.prec = 2000
    for m, rho, at in zip(mids, rhos, rec.points):
        assert abs(m) > 1
        assert rho >= max(abs(m), flint.arb(1)) * flint.arb(2) ** (30 - prec)
        assert at.upper() >= abs(m) + 2 * rho
