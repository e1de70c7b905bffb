"""Issue 9, exact layer: "certified different" only when certified, exact decisions where cheap,
size and time limits that give "undecided" (never True/False), and the helpers built on them."""

import time

import numpy as np
import pytest
import sympy as sp

import symconv as sc
from symconv.exact import (CyclotomicField, CyclotomicTimeout, CyclotomicTooLarge, NotCyclotomic,
                           admissible_points, algebraic_is_zero, certified_nonzero, cyclotomic_is_zero,
                           cyclotomic_residual, decide_equal, decide_zero, to_cyclotomic)
from symconv.exact.balls import certify_nonzero, enclose

pi, I = sp.pi, sp.I
MACHIN = 4 * sp.atan(sp.Rational(1, 5)) - sp.atan(sp.Rational(1, 239)) - pi / 4     # exactly 0


def zeta(n, k=1):
    return sp.exp(2 * pi * I * k / n)


# ---------------------------------------------------------------- 1. no "different" for exact zeros

@pytest.mark.parametrize("f", [sp.sinh, sp.tanh, sp.erf, sp.sin, sp.atan, lambda m: sp.exp(m) - 1,
                               lambda m: sp.log(1 + m), lambda m: sp.cos(m) - 1, lambda m: m ** 3,
                               sp.Abs, lambda m: sp.gamma(1 + m) - 1, lambda m: sp.erfc(m) - 1])
def test_machin_cancellation_inside_a_function_is_never_different(f):
    e = f(MACHIN)
    assert decide_zero(e) is not False
    assert certified_nonzero(e) is not True
    assert decide_equal(e, 0) is not False


def test_machin_itself_and_its_function_values_nearby_are_still_certified():
    assert decide_zero(MACHIN) is not False
    assert decide_zero(sp.sinh(MACHIN + sp.Rational(1, 10**60))) is False     # 1e-60: certified non-zero
    assert decide_zero(sp.erf(MACHIN) + sp.Rational(1, 10**80)) is False


def test_undefined_function_of_equal_looking_arguments_is_undecided():
    x = sp.Symbol("x")
    g = sp.Function("g")
    e = g(x + sp.sin(x) ** 2 + sp.cos(x) ** 2) - g(x + 1)
    assert decide_zero(e) is None
    with pytest.raises(NotCyclotomic):
        cyclotomic_residual(e)
    # arguments that differ as polynomials: the values are independent, so the difference is not 0
    assert decide_zero(g(x) - g(x + 1)) is False
    assert decide_zero(g(x + 1) - g(1 + x)) is True


def test_indexed_entries_with_equal_or_different_indices():
    x = sp.IndexedBase("x")
    i, j = sp.symbols("i j", integer=True)
    assert decide_zero(x[i + 1] - x[1 + i]) is True
    assert decide_zero(x[i] - x[j]) is False          # i = 0, j = 1 with x_0 != x_1
    k = sp.Idx("k", (0, 0))                            # k ranges over {0}: k*(k - 0) vanishes there
    assert decide_zero(k * x[k] - k ** 2 * x[k]) is not False


def test_symbol_declared_zero_is_zero():
    z = sp.Symbol("z", zero=True)
    assert decide_zero(z) is True
    assert decide_zero(3 * z + z ** 2) is True
    assert decide_equal(z, 0) is True
    assert cyclotomic_is_zero(z * zeta(3))


# ---------------------------------------------------------------- 2. assumptions at evaluation points

def test_integer_symbols_get_integer_points():
    k = sp.Symbol("k", integer=True)
    assert decide_equal(sp.floor(k / 2) + sp.ceiling(k / 2), k) is not False
    assert decide_zero(sp.floor(k / 2) + sp.ceiling(k / 2) - k) is not False
    assert decide_equal(sp.cos(pi * k) ** 2, 1) is not False
    assert decide_equal(sp.sin(pi * k), 0) is not False
    for p in admissible_points([k]):
        assert p[k].is_integer
    # the same identity for a real r is false, and certified so (at r = 1/3)
    r = sp.Symbol("r", real=True)
    assert decide_equal(sp.floor(r / 2) + sp.ceiling(r / 2), r) is False


def test_mutation_rational_points_for_integer_symbols_is_killed(monkeypatch):
    """If integer symbols were given rational test points, this identity would be 'refuted'."""
    import symconv.exact.closed as closed
    k = sp.Symbol("k", integer=True)
    e = sp.floor(k / 2) + sp.ceiling(k / 2) - k
    assert decide_zero(e) is None
    monkeypatch.setattr(closed, "_admissible", lambda sym, value: True)      # the mutation
    assert decide_zero(e) is False                                           # ... would be unsound


def test_sign_assumptions_at_points():
    q = sp.Symbol("q", negative=True)
    assert decide_equal(sp.atan(q) + sp.atan(1 / q), -pi / 2) is not False
    p = sp.Symbol("p", positive=True)
    assert decide_equal(sp.atan(p) + sp.atan(1 / p), pi / 2) is not False
    assert decide_equal(sp.atan(p) + sp.atan(1 / p), -pi / 2) is False
    assert decide_equal(sp.sqrt(q ** 2), -q) is not False
    assert decide_equal(sp.Abs(p), p) is not False
    n = sp.Symbol("n", integer=True, positive=True)
    assert decide_equal((-1) ** (2 * n), 1) is not False
    assert decide_equal(sp.factorial(n) / sp.factorial(n - 1), n) is not False


def test_user_points_that_violate_assumptions_are_ignored():
    k = sp.Symbol("k", integer=True)
    e1, e2 = sp.floor(k / 2) + sp.ceiling(k / 2), k
    assert decide_equal(e1, e2, points={k: sp.Rational(1, 3)}) is not False
    assert decide_equal(e1, e2 + 1, points={k: 4}) is False


# ---------------------------------------------------------------- 3. decidable algebraic identities

@pytest.mark.parametrize("p", [5, 13, 17])
def test_quadratic_gauss_sum_is_sqrt_p(p):
    g = sum(zeta(p, k * k) for k in range(p))
    assert decide_zero(g - sp.sqrt(p)) is True
    assert decide_zero(g + sp.sqrt(p)) is False
    assert decide_equal(g, sp.sqrt(p)) is True


@pytest.mark.parametrize("p", [3, 7, 11])
def test_quadratic_gauss_sum_p_3_mod_4_is_i_sqrt_p(p):
    g = sum(zeta(p, k * k) for k in range(p))
    assert decide_zero(g - I * sp.sqrt(p)) is True
    assert decide_zero(g - sp.sqrt(p)) is False


def test_radical_identities():
    assert decide_zero(sp.sqrt(5 + 2 * sp.sqrt(6)) - sp.sqrt(2) - sp.sqrt(3)) is True
    assert decide_zero(sp.sqrt(5 + 2 * sp.sqrt(6)) - sp.sqrt(2) - sp.sqrt(3) + sp.Rational(1, 10**40)) is False
    assert decide_zero(sp.sqrt(2) - zeta(8) - zeta(8, -1)) is True
    assert decide_zero(sp.sqrt(2) - zeta(8) + zeta(8, -1)) is False
    assert decide_zero(sp.sqrt(3) - 2 * sp.cos(pi / 6)) is True
    assert decide_zero(sp.cbrt(2) ** 3 - 2) is True
    assert algebraic_is_zero(sp.sqrt(11 + 6 * sp.sqrt(2)) - 3 - sp.sqrt(2)) is True
    assert algebraic_is_zero(sp.sqrt(2) - 1) is None            # non-zero is left to the balls
    assert algebraic_is_zero(pi - 3) is None                     # not algebraic in a recognised form


def test_square_roots_in_cyclotomic_fields_are_exact():
    for m in [2, 3, 5, 6, 7, 10, 12, 15, 21, sp.Rational(2, 3), sp.Rational(1, 8)]:
        v = to_cyclotomic(sp.sqrt(m))
        assert abs(v.to_complex() - complex(sp.sqrt(m))) < 1e-12
        assert (v * v) == v.field(int(sp.Rational(m).p)) / int(sp.Rational(m).q)
    assert to_cyclotomic(sp.sqrt(2)).field.n == 8 and to_cyclotomic(sp.sqrt(5)).field.n == 5


# ---------------------------------------------------------------- 4. size and time limits

def test_huge_cyclotomic_order_is_a_clear_valueerror():
    with pytest.raises(CyclotomicTooLarge, match="max_order"):
        cyclotomic_is_zero(zeta(10**12 + 39))
    with pytest.raises(ValueError, match="max_order"):
        CyclotomicField(10**12 + 39)
    assert decide_zero(zeta(10**12 + 39) - 1) is False         # other methods still certify it
    assert decide_zero(zeta(10**12 + 39) ** (10**12 + 39) - 1) in (True, None)


def test_order_30030_is_fast_and_time_limited():
    n = 30030
    e = sum(zeta(n, k) for k in range(0, n, 1001))                # the 30th roots of unity: sum 0
    t0 = time.monotonic()
    assert cyclotomic_is_zero(e) is True
    assert time.monotonic() - t0 < 8
    with pytest.raises(CyclotomicTimeout):
        cyclotomic_is_zero(3 * zeta(n) + zeta(n, 7), timeout=1e-4)
    assert decide_zero(3 * zeta(n) + zeta(n, 7), timeout=1e-4) is None     # never True/False on time-out
    assert decide_equal(sp.sqrt(5 + 2 * sp.sqrt(6)), sp.sqrt(2) + sp.sqrt(3), timeout=0) is None


def test_cyclotomic_residual_keeps_the_constant_monomial():
    a = sp.Symbol("a")
    w = zeta(3)
    assert cyclotomic_residual(a * (1 + w + w ** 2) + 1) == {sp.Integer(1): CyclotomicField(3).one}
    assert not cyclotomic_is_zero(1 + w)
    assert decide_zero(1 + w) is False


def test_phi_without_flint_matches():
    from symconv.exact.cyclotomic import _phi_pure, cyclotomic_coefficients
    for n in list(range(1, 120)) + [210, 1024, 2310, 4620]:
        assert _phi_pure(n) == cyclotomic_coefficients(n)
        assert _phi_pure(n) == tuple(reversed(sp.Poly(sp.cyclotomic_poly(n, sp.Symbol("x"))).all_coeffs())) \
            if n < 300 else True


# ---------------------------------------------------------------- the ball evaluator

def test_balls_enclose_and_refuse_unsupported():
    assert certify_nonzero(sp.exp(pi * sp.sqrt(163)) - (640320 ** 3 + 744)) is True
    assert enclose(sp.Function("g")(1)) is None
    assert enclose(sp.Integral(sp.Symbol("t"), (sp.Symbol("t"), 0, 1))) is None
    assert certify_nonzero(sp.asin(2)) is None
    assert certified_nonzero(1 + sp.Float("1e-400", 500) - 1) is True
    with pytest.raises(ValueError, match="free symbols"):
        certify_nonzero(sp.Symbol("x"))


# ---------------------------------------------------------------- 5. circulant helpers decide exactly

@pytest.mark.parametrize("n", [3, 4, 5, 6, 8])
def test_fourier_diagonalised_matrix_is_circulant(n):
    F = sc.dft_matrix(n)
    lam = sp.symbols(f"l0:{n}")
    W = F.H * sp.diag(*lam) * F / n                               # F^-1 = F^H / n
    assert sc.is_circulant(W) is True
    assert sc.circulant_defect(W) == []
    sc.testing.assert_circulant(W)
    W2 = W.copy()
    W2[0, 1] += sp.sqrt(2) - zeta(8) - zeta(8, -1)              # exactly 0 added
    assert sc.is_circulant(W2) is True


def test_circulant_helpers_undecided_and_not_circulant():
    c = sp.sin(1) ** 2 + sp.cos(1) ** 2 - 1                     # 0, but no exact test here shows it
    W = sp.Matrix([[1, 2 + c], [2, 1]])
    assert sc.is_circulant(W) is None
    with pytest.raises(AssertionError, match="undecided"):
        sc.testing.assert_circulant(W)
    (i, j, d), = sc.circulant_defect(W)
    assert (i, j) == (0, 1)
    V = sp.Matrix([[1, 2 + sp.Rational(1, 10**500)], [2, 1]])
    assert sc.is_circulant(V) is False
    with pytest.raises(AssertionError, match="not circulant"):
        sc.testing.assert_circulant(V)
    assert sc.is_circulant([[1, 2], [2, 1]]) is True
    assert sc.is_circulant(np.array([[1.0, 2.0], [2.0, 1.0]])) is True


# ---------------------------------------------------------------- 6. equivariance with tiny or undecided defects

def test_defect_below_float64_is_not_equivariant():
    tiny = sp.Rational(1, 10**400)
    op = lambda v: sp.Matrix([v[0] * (1 + tiny), v[1], v[2]])    # noqa: E731
    with pytest.raises(AssertionError, match="not shift-equivariant"):
        sc.assert_shift_equivariant(op, 3)
    big = 1 + sp.Float("1e-400", 500)
    op2 = lambda v: sp.Matrix([v[0] * big, v[1], v[2]])           # noqa: E731
    with pytest.raises(AssertionError, match="not shift-equivariant"):
        sc.assert_shift_equivariant(op2, 3)
    # a closed-number defect (no symbols) below float64 too
    x = [sp.Integer(1), sp.Integer(2), sp.Integer(3)]
    with pytest.raises(AssertionError, match="not shift-equivariant"):
        sc.assert_shift_equivariant(lambda v: [v[0] + tiny * v[0] ** 2, v[1], v[2]], 3, x=x)
    rep = sc.engine.equivariance.analyse_shift_equivariance(op, 3)
    assert rep.failing_shifts == [1, 2] and all(d.error > 0 for d in rep.defects)


def test_undecided_difference_is_a_clear_assertion():
    c = sp.sin(1) ** 2 + sp.cos(1) ** 2 - 1
    x = [sp.Integer(1), sp.Integer(2), sp.Integer(3)]
    with pytest.raises(AssertionError, match="undecided"):
        sc.assert_shift_equivariant(lambda v: [v[0] * (1 + c), v[1], v[2]], 3, x=x)
    with pytest.raises(AssertionError, match="undecided"):
        sc.assert_shift_equivariant(lambda v: [v[0] * (1 + c), v[1], v[2]], 3)
    M = MACHIN
    with pytest.raises(AssertionError, match="undecided"):
        sc.assert_shift_equivariant(lambda v: [v[0] * (1 + sp.sinh(M)), v[1], v[2]], 3, x=x)


def test_entries_of_objects_on_zn_are_not_independent():
    """W(i + n, j) and W(i, j) are the same entry of a matrix on Z_n: never 'different'."""
    from symconv.objects.indexed import W, i, j, n
    assert decide_zero(W(i + n, j) - W(i, j)) is None
    assert decide_zero(W(i, j) - W(i, j)) is True
    with pytest.raises(NotCyclotomic):
        cyclotomic_residual(W(i + n, j) - W(i, j))


def test_root_sum_with_a_huge_order_is_a_clear_valueerror():
    with pytest.raises(ValueError, match="max_order"):
        sc.exact.root_sum_is_zero([1, 1], 10**12 + 39)


def test_without_flint_the_fallback_is_still_sound(monkeypatch):
    import symconv.exact.balls as balls
    monkeypatch.setattr(balls, "HAVE_FLINT", False)
    assert certify_nonzero(sp.sqrt(pi) - pi / 2) is True
    for f in (sp.sinh, sp.tanh, sp.erf, sp.sin, sp.exp):
        assert certify_nonzero(f(MACHIN) - f(0)) is not True
        assert decide_zero(f(MACHIN) - f(0)) is not False
    assert decide_zero(sp.erf(sp.Rational(1, 3)) - sp.erf(sp.Rational(1, 3) + MACHIN)) is not False
