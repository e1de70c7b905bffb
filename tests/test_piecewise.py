"""Piecewise functions: exact convolution and Fourier transform against mpmath quadrature, and the
errors on input they cannot handle."""

import mpmath
import pytest
import sympy as sp

from symconv.exact import decide_equal, expanded_zero
from symconv.objects.piecewise import X, add, convolve, evaluate, pieces_equal, reflect, scale
from symconv.objects.piecewise_fourier import exp_poly_terms, fourier

w = sp.Symbol("omega", real=True)
BOX = [(-1, 2, sp.Integer(1))]
TRI = [(0, 1, X), (1, 2, 2 - X)]
EXP1 = [(0, sp.oo, sp.exp(-X))]
MIXED = [(-sp.oo, 0, X**2 * sp.exp(3 * X)), (0, sp.Rational(1, 2), 1 - X), (sp.Rational(1, 2), sp.oo, sp.exp(-2 * X + 1))]


def _quad_fourier(pieces, om):
    with mpmath.workdps(30):
        total = mpmath.mpc(0)
        for a, b, e in pieces:
            fn = sp.lambdify(X, e, "mpmath")
            # oscillating infinite tails: cut at 90 (every decaying rate here is >= 1) in unit steps
            lo = mpmath.mpf(sp.N(a, 40)) if sp.sympify(a).is_finite else mpmath.mpf(sp.N(b, 40)) - 90
            hi = mpmath.mpf(sp.N(b, 40)) if sp.sympify(b).is_finite else mpmath.mpf(sp.N(a, 40)) + 90
            pts = mpmath.linspace(lo, hi, max(2, int(hi - lo) + 1))
            total += mpmath.quad(lambda t: mpmath.expjpi(-2 * om * t) * fn(t), pts)
        return complex(total)


@pytest.mark.parametrize("pieces", [BOX, TRI, EXP1, MIXED], ids=["box", "triangle", "exp", "mixed"])
@pytest.mark.parametrize("om", [sp.Rational(1, 5), sp.Rational(-7, 4)])
def test_fourier_matches_quadrature(pieces, om):
    exact = complex(sp.N(fourier(pieces, w).subs(w, om), 30))
    assert abs(exact - _quad_fourier(pieces, mpmath.mpf(om.p) / om.q)) < 1e-12


def test_fourier_of_convolution_is_product_and_a_wrong_product_is_caught():
    fg = convolve(BOX, EXP1)
    lhs, rhs = fourier(fg, w), fourier(BOX, w) * fourier(EXP1, w)
    assert decide_equal(lhs, rhs) is True
    assert decide_equal(lhs, rhs * (1 + sp.Rational(1, 10**6))) is False
    assert decide_equal(lhs, fourier(reflect(BOX), w) * fourier(EXP1, w)) is False


def test_non_integrable_and_unsupported_pieces_are_rejected():
    with pytest.raises(ValueError, match="not integrable towards oo"):
        fourier([(0, sp.oo, 1 - X / 5)], w)                # seed 003's kernel as stated
    with pytest.raises(ValueError, match="not a polynomial times exp"):
        fourier([(0, 1, 1 / (1 + X))], w)
    with pytest.raises(ValueError, match="linear function"):
        exp_poly_terms(sp.exp(-X**2))
    with pytest.raises(TypeError, match="w must be a SymPy Symbol"):
        fourier(BOX, 0.5)


def test_convolution_pieces_against_quadrature():
    fg = convolve(TRI, EXP1)
    for x0 in (sp.Rational(-1, 2), sp.Rational(1, 3), sp.Rational(3, 2), sp.Integer(5)):
        with mpmath.workdps(30):
            num = mpmath.quad(lambda t: (t if t < 1 else 2 - t) * mpmath.exp(-(float(x0) - t)),
                              [0, 1, min(2, max(0, float(x0)))] if 0 < x0 < 2 else [0, 1, 2]) \
                if x0 > 0 else mpmath.mpf(0)
        assert abs(float(sp.N(evaluate(fg, x0), 30)) - float(num)) < 1e-12


def test_add_scale_reflect_and_pieces_equal():
    assert pieces_equal(add(BOX, scale(-1, BOX)), []) is True
    assert pieces_equal(reflect(reflect(TRI)), TRI) is True
    assert pieces_equal(reflect(TRI), TRI) is False
    assert pieces_equal(convolve(BOX, TRI), convolve(TRI, BOX)) is True


def test_expanded_zero_over_a_common_denominator():
    assert expanded_zero(1 / (1 - 2 * sp.pi * sp.I * w) - (1 + 2 * sp.pi * sp.I * w) / (1 + 4 * sp.pi**2 * w**2))
    assert not expanded_zero(1 / (1 - w) - 1 / (1 + w))


def test_readme_example():
    box, decay = [(-1, 2, sp.Integer(1))], [(0, sp.oo, sp.exp(-X))]
    fg = convolve(box, decay)
    assert [(a, b) for a, b, _ in fg] == [(-1, 2), (2, sp.oo)]
    assert expanded_zero(fg[0][2] - (1 - sp.exp(-X - 1))) and expanded_zero(fg[1][2] - (sp.exp(2 - X) - sp.exp(-X - 1)))
    assert decide_equal(fourier(fg, w), fourier(box, w) * fourier(decay, w)) is True
