"""The exact integrals behind the function theorems: polynomial-times-Gaussian integrals over R
(symconv.objects.gaussians) and polynomial-times-exponential integrals with checked antiderivatives
(symconv.objects.exp_poly).  Each is compared with SymPy's integrate and with mpmath quadrature, and
fed integrands it must refuse (not integrable, not of its form, a sign it cannot decide)."""

import mpmath
import pytest
import sympy as sp

from symconv.exact import decide_equal
from symconv.objects.exp_poly import antiderivative, definite_integral, exp_poly_terms
from symconv.objects.gaussians import gaussian_integral

t, x, w = sp.symbols("t x w", real=True)
a_pos = sp.Symbol("a", positive=True)
a_any = sp.Symbol("a", real=True)


# ---------------------------------------------------------------- Gaussians over R

GAUSS_CASES = [
    sp.exp(-t**2),
    sp.exp(-t**2 - 2 * (x - t)**2),
    t**3 * sp.exp(-2 * t**2 + t),
    (1 + t + t**2) * sp.exp(-sp.Rational(1, 2) * (t - 3)**2),
    -2 * t * sp.exp(-t**2) * sp.exp(-3 * (x - t)**2),
    (1 + t)**2 * sp.exp(-t**2) / (1 + x**2),       # a factor free of t stays outside (never expanded into it)
]


@pytest.mark.parametrize("expr", GAUSS_CASES[:2])
def test_gaussian_integral_equals_sympy_integrate(expr):
    """Where SymPy's answer has no erf/erfc pair the two are decided equal (the others are checked
    against quadrature below; SymPy takes about a second per integral)."""
    mine = gaussian_integral(expr, t)
    theirs = sp.integrate(expr, (t, -sp.oo, sp.oo), conds="none")
    assert mine is not None
    assert decide_equal(mine, theirs) is True


@pytest.mark.parametrize("expr", GAUSS_CASES)
def test_gaussian_integral_equals_quadrature(expr):
    mine = gaussian_integral(expr, t)
    for x0 in (sp.Rational(-1, 3), sp.Rational(5, 4)):
        f = sp.lambdify(t, expr.subs(x, x0), "mpmath")
        with mpmath.workdps(30):
            quad = mpmath.quad(f, [-mpmath.inf, -3, 0, 3, mpmath.inf])
            exact = mpmath.mpf(str(sp.N(mine.subs(x, x0), 40)))
            assert abs(quad - exact) < mpmath.mpf(10) ** -20


def test_gaussian_fourier_transform_with_complex_linear_term():
    """The shift by a complex B/(2A) is allowed: the Fourier transform of exp(-pi t^2) is exp(-pi w^2)."""
    assert gaussian_integral(sp.exp(-sp.pi * t**2 - 2 * sp.pi * sp.I * w * t), t) == sp.exp(-sp.pi * w**2)
    ft = gaussian_integral(t * sp.exp(-t**2 - 2 * sp.pi * sp.I * w * t), t)
    with mpmath.workdps(30):
        w0 = mpmath.mpf("0.3")
        quad = mpmath.quad(lambda s: s * mpmath.exp(-s**2 - 2j * mpmath.pi * w0 * s), [-mpmath.inf, 0, mpmath.inf])
        assert abs(quad - sp.lambdify(w, ft, "mpmath")(w0)) < mpmath.mpf(10) ** -20


def test_gaussian_odd_moment_is_zero_and_symbolic_positive_width():
    assert gaussian_integral(t**5 * sp.exp(-t**2), t) == 0
    assert decide_equal(gaussian_integral(sp.exp(-a_pos * t**2), t), sp.sqrt(sp.pi / a_pos)) is True


@pytest.mark.parametrize("expr", [
    sp.exp(t**2),                                  # grows: not integrable
    sp.exp(-0 * t**2 + t),                         # exp(t): not integrable
    t * sp.exp(-t),                                # exponent linear: diverges at -oo
    sp.exp(-a_any * t**2),                         # the sign of a is unknown
    sp.exp(-sp.I * t**2),                          # an oscillatory, not absolutely integrable, Fresnel integrand
    sp.exp(-t**4),                                 # not quadratic
    sp.exp(-t**2) / (1 + t**2),                    # not polynomial times Gaussian
    sp.exp(-t**2) * sp.sin(t),                     # idem
    sp.exp(-t**2) + 1,                             # a constant term: diverges
    sp.exp(-t**2) * sp.exp(t**2),                  # cancels to 1: diverges
    2 ** (-t**2),                                  # a Gaussian written as a power of 2: not handled
    sp.exp(-t**2 + t**3),                          # cubic exponent
    sp.exp(-t**2 + sp.sin(t)),                     # not a polynomial exponent
    sp.sqrt(t) * sp.exp(-t**2),                    # not a polynomial factor
    sp.exp(-t**2 + 1 / t),                         # a pole in the exponent
    sp.nan * sp.exp(-t**2),                        # not a finite integrand
    sp.zoo * t * sp.exp(-t**2),
])
def test_gaussian_integral_refuses(expr):
    assert gaussian_integral(expr, t) is None


def test_gaussian_integral_zero_integrand_and_bad_arguments():
    assert gaussian_integral(sp.Integer(0), t) == 0
    with pytest.raises(TypeError, match="var"):
        gaussian_integral(sp.exp(-t**2), t + 1)
    with pytest.raises(TypeError, match="expr"):
        gaussian_integral(sp.Eq(t, 1), t)


# ---------------------------------------------------------------- polynomial times exponential

EXP_CASES = [
    (sp.Integer(1), 0, 1),
    (t**2 * sp.exp(-t), 0, sp.oo),
    (sp.exp(-t) * sp.exp(-2 * (x - t)), 0, x),
    ((2 - t) * (x - t), 1, x - 1),
    ((t + 1) * sp.exp(3 * t), -sp.oo, 0),
    (t * sp.exp(t) + sp.exp(-t), -1, 2),
]


@pytest.mark.parametrize("expr,lo,hi", EXP_CASES)
def test_definite_integral_equals_sympy_integrate(expr, lo, hi):
    mine = definite_integral(expr, t, lo, hi)
    theirs = sp.integrate(expr, (t, lo, hi))
    assert decide_equal(mine, theirs) is True


@pytest.mark.parametrize("p,s", [(t**3 - t, sp.Integer(-2)), (t**2, sp.Integer(0)), (sp.Integer(5), sp.Integer(0)),
                                 (t**2 + 1, 1 - 2 * sp.pi * sp.I * w)])
def test_antiderivative_differentiates_back(p, s):
    body = antiderivative(p, s, t)
    assert sp.expand(sp.together(sp.diff(sp.exp(s * t) * body, t) * sp.exp(-s * t) - p)) == 0


@pytest.mark.parametrize("expr,lo,hi,match", [
    (sp.exp(t), 0, sp.oo, "not integrable"),       # grows at +oo
    (sp.exp(-t), -sp.oo, 0, "not integrable"),     # grows at -oo
    (sp.Integer(1), 0, sp.oo, "not integrable"),   # a constant on a half line
    (t * sp.exp(a_any * t), 0, sp.oo, "not integrable"),   # decay not decided: refused
    (sp.exp(-t**2), 0, 1, "not exp of a linear"),
    (1 / (1 + t), 0, 1, "not a polynomial"),
    (sp.exp(-t), 0, t, "contain the variable"),
    (sp.exp(-t), sp.oo, 0, "not an interval"),
    (sp.nan * sp.exp(-t), 0, 1, "not a finite integrand"),
    (sp.exp(t * sp.sin(t)), 0, 1, "not exp of a linear"),
])
def test_definite_integral_refuses(expr, lo, hi, match):
    with pytest.raises(ValueError, match=match):
        definite_integral(expr, t, lo, hi)


def test_exp_poly_terms_groups_rates():
    assert exp_poly_terms(t * sp.exp(-t) + 2 * sp.exp(-t) + 1, t) == [(t + 2, -1), (1, 0)]
