"""The rational-polynomial fast path of decide_zero (exact/closed.py): right answers, and it steps aside
(None) for everything that is not a polynomial with rational coefficients in plain symbols.

PYTEST_DONT_REWRITE: kill tests count by passing or failing; their asserts are not rewritten (that took
seconds in every xdist worker).
"""

import random

import pytest
import sympy as sp

from symconv.exact import decide_equal, decide_zero
from symconv.exact.closed import _rational_polynomial_is_zero as fast

x, y, w = sp.symbols("x y w")
k = sp.Symbol("k", integer=True)


@pytest.mark.parametrize("e", [
    (x + y)**2 - x**2 - 2 * x * y - y**2,
    (x - 1) * (x + 1) - x**2 + 1,
    sp.Rational(1, 3) * x * (3 * y + 3) - x * y - x,
    (k + 1)**3 - k**3 - 3 * k**2 - 3 * k - 1,          # integer symbols are dense too
    sp.Dummy("d") * 2 - sp.Rational(4, 2) * sp.Dummy("d"),   # two different dummies: not zero
])
def test_fast_path_decides_polynomials(e):
    want = sp.expand(e) == 0
    assert fast(e) is want
    assert decide_zero(e) is want


def test_fast_path_answers_false_only_for_a_polynomial_that_is_not_zero():
    assert fast(x * y - x) is False
    assert fast(x**2 - x) is False                   # vanishes at 0 and 1, not identically
    assert fast(k * (k - 1) * (k - 2)) is False        # vanishes at three integers, not at all
    assert decide_zero(x**2 - x) is False


@pytest.mark.parametrize("e", [
    sp.sqrt(2) * x - x,                              # irrational coefficient
    sp.I * x + x,                                    # complex coefficient
    sp.pi * x,                                       # transcendental coefficient
    sp.sin(x) - x,                                   # a function of a symbol
    1 / x + x,                                       # negative power
    sp.sqrt(x) - x,                                  # fractional power
    x**y - x,                                        # symbolic exponent
    sp.Float(0.5) * x - x / 2,                       # floats: not exact input
    sp.IndexedBase("a")[0] - x,                      # an indexed entry
    sp.Idx("i", (0, 3)) * x,                         # a bounded index (finite domain)
    sp.Wild("q") * x,                                # a pattern symbol
    sp.Integer(3), sp.Rational(1, 2),                # no symbols
    sp.Max(x, y) - x,
])
def test_fast_path_steps_aside(e):
    assert fast(e) is None


def test_fast_path_steps_aside_for_floats_that_cancel():
    """A float that cancels exactly (0.5 is a binary fraction) still makes the input inexact: None."""
    e = (x + sp.Float(0.5))**2 - x**2 - x - sp.Rational(1, 4)
    assert e.free_symbols == {x} and e.has(sp.Float)
    assert fast(e) is None


def test_fast_path_zero_symbol_is_not_dense():
    z = sp.Symbol("z", zero=True)
    assert fast(x * z) is None                       # z = 0: x*z is 0, never "not zero"
    assert fast((x + 1) * z - x * z - z) is True     # identically 0 whatever z is
    assert decide_zero(x * z) is True                # decide_zero sets z = 0 first


def test_fast_path_agrees_with_evaluation_on_random_polynomials():
    rng = random.Random(7)
    syms = sp.symbols("s0:4")
    for _ in range(60):
        terms = [sp.Rational(rng.randint(-3, 3), rng.randint(1, 3)) * sp.Mul(*[s**rng.randint(0, 2) for s in syms])
                 for _ in range(rng.randint(1, 5))]
        p = sp.Add(*terms)
        q = sp.expand(p * (syms[0] - syms[1]))
        for e in (q - (syms[0] - syms[1]) * p, q - syms[0] * p):
            got = decide_zero(e)
            if got is None:
                assert not e.free_symbols
                continue
            zero_at_points = all(e.subs({s: rng.randint(-50, 50) for s in syms}) == 0 for _ in range(5))
            assert got is (sp.expand(e) == 0)
            if got is False:
                assert not zero_at_points or sp.expand(e) != 0
            assert decide_equal(q, sp.expand(q)) is True


def test_decide_zero_takes_the_fast_path_for_rational_polynomials(monkeypatch):
    """A polynomial with rational coefficients is decided from its monomials: the general
    simplification (expanded_zero) is not asked at all; anything else still reaches it."""
    from symconv.exact import closed

    def general(e):
        raise AssertionError(f"expanded_zero called for {e}")

    monkeypatch.setattr(closed, "expanded_zero", general)
    assert decide_zero((x + y)**2 - x**2 - 2 * x * y - y**2) is True
    assert decide_zero(x**2 - x) is False
    with pytest.raises(AssertionError, match="expanded_zero called"):
        decide_zero(sp.sqrt(2) * x - x)
