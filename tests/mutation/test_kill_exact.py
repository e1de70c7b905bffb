"""Kill-tests for the exact layer (symconv/exact/*): each states a property of correct behaviour
(a decision that must be True, False or None, an exact value, an error a caller relies on).

They call the exact functions directly (mutmut only counts functions run in the pytest process).

PYTEST_DONT_REWRITE: kill tests count by passing or failing; their asserts are not rewritten (that took
seconds in every xdist worker).
"""

from __future__ import annotations

import signal
import threading
import time
from fractions import Fraction
from math import isqrt

import pytest
import sympy as sp

from symconv.exact import _deadline
from symconv.exact.modular import congruent_mod, divisible_by

pi, I = sp.pi, sp.I


def zeta(n, k=1):
    return sp.exp(2 * pi * I * k / n)


# ---------------------------------------------------------------- modular.py

def test_divisible_by_integer_modulus():
    k, j = sp.symbols("k j", integer=True)
    assert divisible_by(0, 5) is True
    assert divisible_by(6, 3) is True and divisible_by(7, 3) is False
    assert divisible_by(sp.Integer(-6), 3) is True
    assert divisible_by(6 * k + 3 * j, 3) is True
    assert divisible_by(6 * k + 1, 3) is False
    assert divisible_by(6 * k + 2 * j, 3) is False          # one coefficient not a multiple
    assert divisible_by(sp.Rational(7, 2) * k, 3) is False  # 7k/2 at k = 1 is not an integer
    assert divisible_by(k + j, 1) is True                   # every integer is a multiple of 1
    assert divisible_by(6 * sp.Symbol("r", real=True), 3) is False   # r = 1/2: 3 is fine, r = 1/6 not
    assert divisible_by(3 * sp.floor(k / 2), 3) is False    # not a polynomial in k: not shown
    for bad in (0, -3):
        with pytest.raises(ValueError, match=f"^modulus must be positive, got {bad}$"):
            divisible_by(k, bad)


def test_divisible_by_symbolic_modulus():
    k, j, n = sp.symbols("k j n", integer=True)
    m = sp.Symbol("m")                                       # no assumptions: may be 1/2
    assert divisible_by(n * k + 2 * n, n) is True
    assert divisible_by(n ** 2 * k - 3 * n * j, n) is True
    assert divisible_by(k * n, n) is True and divisible_by(n * j, n) is True
    assert divisible_by(n * k + 1, n) is False              # a term without n
    assert divisible_by(k, n) is False and divisible_by(j * k, n) is False
    assert divisible_by(n * k / 2, n) is False              # n k / 2 at k = 1: not n times an integer
    assert divisible_by(n * sp.floor(k / 2), n) is False    # not a polynomial: not shown
    assert divisible_by(m * k, m) is False                  # the modulus itself must be an integer
    assert divisible_by(n * m, n) is False
    with pytest.raises(TypeError, match=r"^modulus must be a positive int or a SymPy symbol, got 2\*n$"):
        divisible_by(k, 2 * n)
    for bad in (2.5, 2 * m, sp.Rational(5, 2)):
        with pytest.raises(TypeError, match="modulus must be a positive int or a SymPy symbol"):
            divisible_by(k, bad)
    assert divisible_by(6, m) is False and divisible_by(0, m) is True
    assert congruent_mod(k + 3 * n, k, n) is True
    assert congruent_mod(k + 3 * n, k + 1, n) is False
    assert congruent_mod(2 * k, k, n) is False              # a + b = 3k would not be n*q either
    assert congruent_mod(k, -k + 6, 3) is False             # difference 2k - 6, not a multiple of 3
    assert congruent_mod(k + 6, k, 3) is True


# ---------------------------------------------------------------- _deadline.py

def test_deadline_remaining_and_check():
    assert _deadline.remaining() is None
    _deadline.check()                                        # no limit: nothing happens
    with _deadline.time_limit(None):
        assert _deadline.remaining() is None
    with _deadline.time_limit(5.0):
        r = _deadline.remaining()
        assert 4.0 < r <= 5.0
        _deadline.check()
        with _deadline.time_limit(100.0):                    # an inner longer limit keeps the outer one
            assert _deadline.remaining() <= 5.0
            with _deadline.time_limit(None):
                assert _deadline.remaining() <= 5.0
        with _deadline.time_limit(1.0):                      # a shorter inner limit applies
            assert _deadline.remaining() <= 1.0
        assert 4.0 < _deadline.remaining() <= 5.0            # restored after the inner block
    assert _deadline.remaining() is None


def test_deadline_raises_when_out_of_time():
    with pytest.raises(ValueError, match="^seconds must be >= 0 or None, got -1$"):
        with _deadline.time_limit(-1):
            pass
    with pytest.raises(_deadline.ExactTimeout, match="^time limit of the exact decision exhausted$"):
        with _deadline.time_limit(0):
            pass
    assert _deadline.remaining() is None
    with pytest.raises(_deadline.ExactTimeout, match="exhausted"):   # cooperative check
        with _deadline.time_limit(0.05):
            t0 = time.monotonic()
            while time.monotonic() - t0 < 2:
                _deadline.check()
    assert issubclass(_deadline.ExactTimeout, BaseException)
    assert not issubclass(_deadline.ExactTimeout, Exception)      # `except Exception` cannot swallow it


def test_deadline_check_exactly_at_the_deadline(monkeypatch):
    clock = [100.0]
    monkeypatch.setattr(_deadline.time, "monotonic", lambda: clock[0])
    token = _deadline._DEADLINE.set(100.0)
    try:
        with pytest.raises(_deadline.ExactTimeout, match="^time limit of the exact decision exhausted$"):
            _deadline.check()                               # deadline reached: out of time
        clock[0] = 99.0
        _deadline.check()
        assert _deadline.remaining() == 1.0
    finally:
        _deadline._DEADLINE.reset(token)


@pytest.mark.skipif(not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread(),
                    reason="SIGALRM timers need POSIX and the main thread")
def test_deadline_hard_alarm_and_outer_timer():
    old = signal.getsignal(signal.SIGALRM)
    # the hard limit interrupts a call that never checks
    with pytest.raises(_deadline.ExactTimeout):
        with _deadline.time_limit(0.05):
            time.sleep(3)
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0      # no timer left running
    assert signal.getsignal(signal.SIGALRM) == old           # handler restored

    class Outer(Exception):
        pass

    def outer_handler(signum, frame):
        raise Outer()

    signal.signal(signal.SIGALRM, outer_handler)
    try:
        # an outer timer due later is preserved (shortened by the time spent) and keeps its handler
        signal.setitimer(signal.ITIMER_REAL, 10.0)
        with _deadline.time_limit(2.0):
            pass
        left = signal.getitimer(signal.ITIMER_REAL)[0]
        assert 8.0 < left <= 10.0
        assert signal.getsignal(signal.SIGALRM) is outer_handler
        # an outer timer due first fires with its own handler
        signal.setitimer(signal.ITIMER_REAL, 0.05)
        with pytest.raises(Outer):
            with _deadline.time_limit(5.0):
                time.sleep(3)
        assert signal.getsignal(signal.SIGALRM) is outer_handler
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


# ---------------------------------------------------------------- cyclotomic.py

from symconv.exact import cyclotomic as cyc  # noqa: E402
from symconv.exact.cyclotomic import (CyclotomicElement, CyclotomicField, CyclotomicOrderTooLarge,  # noqa: E402
                                      cyclotomic_coefficients, euler_phi, reduce_mod_cyclotomic,
                                      root_sum_is_zero)


def test_cyclotomic_order_checks_and_size_limit():
    for bad, shown in ((True, "bool True"), (2.0, "float 2.0"), ("3", "str '3'"), (None, "NoneType None")):
        with pytest.raises(TypeError) as info:
            CyclotomicField(bad)
        assert str(info.value) == f"n must be a positive int, got {shown}"
    with pytest.raises(TypeError, match="^k must be a positive int, got bool True$"):
        cyc._check_order(True, "k")
    with pytest.raises(ValueError, match="^n must be a positive int, got -2$"):
        CyclotomicField(-2)
    with pytest.raises(ValueError, match="^n must be a positive int, got 0$"):
        euler_phi(0)
    assert cyc._check_order(1) == 1
    assert CyclotomicField(10, max_order=10).degree == 4            # the limit itself is allowed
    assert CyclotomicField(10, max_order=None).degree == 4
    with pytest.raises(CyclotomicOrderTooLarge, match=r"^Q\(zeta_n\) with n = 11 exceeds max_order = 10 "
                                                      r"\(raise max_order to work in larger fields\)$"):
        CyclotomicField(11, max_order=10)
    with pytest.raises(CyclotomicOrderTooLarge, match="raise max_order"):
        cyclotomic_coefficients(13, max_order=12)
    assert cyclotomic_coefficients(13, max_order=13) == (1,) * 13
    assert cyclotomic_coefficients(cyc.MAX_ORDER + 1, max_order=None)[0] in (-1, 0, 1)
    with pytest.raises(CyclotomicOrderTooLarge):
        root_sum_is_zero([1], cyc.MAX_ORDER + 1)
    with pytest.raises(TypeError):
        root_sum_is_zero([1], 3.0)
    assert issubclass(CyclotomicOrderTooLarge, ValueError)


def test_phi_pure_is_the_cyclotomic_polynomial():
    x = sp.Symbol("x")
    for n in (1, 2, 6, 12, 30, 105, 210):
        want = tuple(int(c) for c in reversed(sp.Poly(sp.cyclotomic_poly(n, x), x).all_coeffs()))
        assert cyc._phi_pure(n) == want
        assert cyc._phi_squarefree_kernel(n) == list(want)
    assert [euler_phi(n) for n in (1, 2, 7, 12, 30)] == [1, 1, 6, 4, 8]


def test_reduce_mod_cyclotomic_values():
    assert reduce_mod_cyclotomic([1], 5) == [1, 0, 0, 0]             # padded to degree phi(n)
    assert reduce_mod_cyclotomic([], 3) == [0, 0]
    assert reduce_mod_cyclotomic([0, 0, 0, 0, 0, 1], 5) == [1, 0, 0, 0]     # zeta^5 = 1
    assert reduce_mod_cyclotomic([0, 0, 0, 0, 1], 5) == [-1, -1, -1, -1]    # zeta^4 = -(1 + z + z^2 + z^3)
    assert reduce_mod_cyclotomic([2, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], 7) \
        == [3, 0, 3, 0, 0, 0]                                                 # zeta^21 = 1 -> 3 + 3 z^2
    # a long input (more than 256 coefficients) reduces correctly too
    coeffs = [0] * 600
    coeffs[599] = 1                                                           # zeta_8^599 = zeta_8^7
    assert reduce_mod_cyclotomic(coeffs, 8) == [0, 0, 0, -1]
    assert reduce_mod_cyclotomic([Fraction(1, 2), 0, 0, Fraction(1, 3)], 3) == [Fraction(5, 6), 0]
    phi105 = cyclotomic_coefficients(105)                  # has the coefficient -2
    assert -2 in phi105 and len(phi105) == 49
    assert reduce_mod_cyclotomic([0] * 48 + [1], 105) == [-c for c in phi105[:-1]]      # x^48 = x^48 - Phi_105
    x49 = reduce_mod_cyclotomic([0] * 49 + [3], 105)
    assert x49 == reduce_mod_cyclotomic([0] + [-3 * c for c in phi105[:-1]], 105)    # 3 x^49 = x * 3 x^48
    assert all(type(c) is int for c in x49)                # exact integers throughout


def test_root_sum_is_zero_folds_exponents():
    assert root_sum_is_zero([1, 0, 0, 1], 3) is False                 # 1 + zeta^3 = 2
    assert root_sum_is_zero([1, 0, 0, -1], 3) is True                 # 1 - zeta^3 = 0
    assert root_sum_is_zero([0, 1, 1, 1], 3) is True
    assert root_sum_is_zero([1, 1, 0, 0, 0, 0, 1], 6) is False
    assert root_sum_is_zero([1, 0, 0, 1], 6) is True                  # 1 + zeta_6^3 = 0
    assert root_sum_is_zero([Fraction(1), Fraction(1)], 2) is True
    assert root_sum_is_zero([], 4) is True
    assert root_sum_is_zero([2], 1) is False and root_sum_is_zero([-1], 1) is False
    assert root_sum_is_zero([], 1) is True and root_sum_is_zero([0, 0], 1) is True


def test_cyclotomic_field_basics():
    K = CyclotomicField(5)
    assert repr(K) == "CyclotomicField(5)"
    assert K == CyclotomicField(5) and K != CyclotomicField(10) and K != 5
    assert hash(K) == hash(CyclotomicField(5)) and {K: 1}[CyclotomicField(5)] == 1
    assert K.degree == 4 and K.n == 5 and K.phi == (1, 1, 1, 1, 1)
    z = K.zeta()
    assert K.zeta(0) == K.one and K.zeta(5) == K.one and K.zeta(-1) == K.zeta(4)
    assert K.zeta(7) == K.zeta(2) and z.coeffs == (0, 1, 0, 0)
    assert K.zeta(4).coeffs == (-1, -1, -1, -1)
    assert K.from_poly([0, 0, 0, 0, 0, 0, 1]) == K.zeta(6)
    assert K(3).coeffs == (3, 0, 0, 0) and K(Fraction(1, 2)).coeffs == (Fraction(1, 2), 0, 0, 0)
    assert K.one.coeffs == (1, 0, 0, 0) and K.zero.coeffs == (0, 0, 0, 0)
    assert K(z) is z
    with pytest.raises(ValueError, match=r"^element of CyclotomicField\(3\) is not in CyclotomicField\(5\)$"):
        K(CyclotomicField(3).zeta())
    for bad, name in ((True, "bool"), (1.5, "float"), (sp.Integer(1), "One")):
        with pytest.raises(TypeError, match=r"^value must be an int, Fraction or element of CyclotomicField\(5\), "
                                            rf"got {name}; convert SymPy expressions with to_cyclotomic\(expr, n\)$"):
            K(bad)
    assert CyclotomicField(1).degree == 1 and CyclotomicField(1)(7).coeffs == (7,)


def test_cyclotomic_element_predicates_and_equality():
    K = CyclotomicField(3)
    z = K.zeta()
    assert (1 + z + z ** 2).is_zero is True and not (1 + z + z ** 2)
    assert z.is_zero is False and bool(z) is True
    assert K.zero.is_zero and not K.zero
    assert K(2) == 2 and K(2) != 3 and K(Fraction(1, 2)) == Fraction(1, 2)
    assert K.one != True                                               # noqa: E712  (bool is not a number here)
    assert (K.one == True) is False                                    # noqa: E712
    assert K.one.__eq__(True) is NotImplemented
    assert K.one.__eq__(CyclotomicField(6).one) is NotImplemented
    assert K.one.__eq__("1") is NotImplemented
    assert CyclotomicField(6).one != K.one
    assert z == K.zeta(1) and z != K.zeta(2)
    assert hash(z) == hash(K.zeta(4)) and hash(K(2)) == hash(K.one + 1)
    assert {z: 1}[K.zeta(4)] == 1
    e = CyclotomicElement(K, [1, Fraction(1, 2)])
    assert e.coeffs == (Fraction(1), Fraction(1, 2)) and all(type(c) is Fraction for c in e.coeffs)
    assert e.field is K


def test_cyclotomic_element_arithmetic():
    K = CyclotomicField(7)
    z = K.zeta()
    x = 3 + z - 2 * z ** 4
    assert (x + 1).coeffs == (4, 1, 0, 0, -2, 0) and (1 + x) == x + 1
    assert (x - 1).coeffs == (2, 1, 0, 0, -2, 0)
    assert (1 - x).coeffs == (-2, -1, 0, 0, 2, 0)
    assert (z - z) == K.zero and (-z).coeffs == (0, -1, 0, 0, 0, 0)
    assert (z * z) == K.zeta(2) and (z * 3).coeffs == (0, 3, 0, 0, 0, 0) and (3 * z) == z * 3
    assert z ** 6 * z == K.one and z ** 3 * z ** 4 == K.one
    assert K.zero ** 0 == K.one and K.zero ** 3 == K.zero        # 0^0 = 1 (no inverse needed)
    assert z ** 0 == K.one and z ** 1 == z and z ** 2 == K.zeta(2) and z ** 5 == K.zeta(5)
    assert z ** -1 == K.zeta(6) and z ** -3 == K.zeta(4)
    assert x ** 3 == x * x * x and x ** -2 * x ** 2 == K.one
    with pytest.raises(TypeError, match="^exponent must be an int, got float$"):
        z ** 2.0
    assert x * x.inverse() == K.one
    assert (K(2)).inverse() == K(Fraction(1, 2))
    assert z.inverse() == K.zeta(6)
    with pytest.raises(ZeroDivisionError, match=r"^zero has no inverse in Q\(zeta_n\)$"):
        K.zero.inverse()
    assert (x / x) == K.one and (z / z ** 3) == K.zeta(5) and (x / 2) * 2 == x
    assert (K(1) / 3).coeffs[0] == Fraction(1, 3)
    # conjugation: zeta^k -> zeta^-k, and it agrees with the complex value
    assert z.conjugate() == K.zeta(6) and K(5).conjugate() == K(5)
    assert x.conjugate() == 3 + K.zeta(6) - 2 * K.zeta(3)
    assert abs(x.conjugate().to_complex() - x.to_complex().conjugate()) < 1e-12


def test_cyclotomic_element_conversions_and_repr():
    K = CyclotomicField(8)
    z = K.zeta()
    x = Fraction(1, 2) - 3 * z ** 3 + z ** 2
    assert sp.expand(x.to_sympy() - (sp.Rational(1, 2) - 3 * zeta(8, 3) + zeta(8, 2))) == 0
    assert K.zero.to_sympy() == 0 and K(3).to_sympy() == 3
    assert isinstance(K.zero.to_sympy(), sp.Expr) and isinstance(K.zero.to_complex(), complex)
    assert abs(x.to_complex() - complex(sp.N(sp.Rational(1, 2) - 3 * zeta(8, 3) + zeta(8, 2)))) < 1e-12
    assert K.zero.to_complex() == 0j and K(2).to_complex() == 2
    assert abs(z.to_complex() - complex(2 ** -0.5, 2 ** -0.5)) < 1e-12
    assert repr(x) == "1/2 + ζ^2 - 3*ζ^3 (in Q(ζ_8))"
    assert repr(K.zero) == "0 (in Q(ζ_8))"
    assert repr(z - z ** 3) == "ζ - ζ^3 (in Q(ζ_8))"
    assert repr(-z + 2 * z ** 2) == "-ζ + 2*ζ^2 (in Q(ζ_8))"
    assert repr(K(-1) - z) == "-1 - ζ (in Q(ζ_8))"
    assert repr(K(1) + z ** 3) == "1 + ζ^3 (in Q(ζ_8))"


# ---------------------------------------------------------------- convert.py

from symconv.exact import convert as cv  # noqa: E402
from symconv.exact.convert import (CyclotomicTimeout, CyclotomicTooLarge, NotCyclotomic,  # noqa: E402
                                   cyclotomic_is_zero, cyclotomic_residual, required_order, to_cyclotomic)


def test_required_order_of_each_form():
    assert required_order(sp.Rational(3, 7)) == 1 and required_order(5) == 1
    assert required_order(I) == 4 and required_order(-I) == 4
    assert required_order(zeta(12, 5)) == 12 and required_order(zeta(9, -2)) == 9
    assert required_order(sp.cos(pi / 7)) == 14 and required_order(sp.cos(2 * pi / 7)) == 7
    assert required_order(sp.sin(pi / 7)) == 28 and required_order(sp.sin(2 * pi / 7)) == 28
    assert required_order(sp.sin(pi / 9)) == 36
    assert required_order((-1) ** sp.Rational(1, 3)) == 6 and required_order((-1) ** sp.Rational(2, 5)) == 5
    assert required_order(sp.Pow(sp.sqrt(2) + I, 3, evaluate=False)) == 8
    assert required_order(sp.Pow(zeta(5) + 1, -2, evaluate=False)) == 5
    assert required_order(sp.sqrt(3)) == 12 and required_order(sp.sqrt(5)) == 5 and required_order(sp.sqrt(2)) == 8
    assert required_order(sp.sqrt(6)) == 24 and required_order(sp.sqrt(7)) == 28 and required_order(sp.sqrt(13)) == 13
    assert required_order(zeta(3) + I) == 12 and required_order(zeta(3) * sp.sqrt(5)) == 15
    assert required_order(sp.Pow(2, sp.Rational(3, 2), evaluate=False)) == 8
    for bad, msg in [(sp.exp(sp.Integer(2)), r"exp\(2\) is not a root of unity with rational angle"),
                     (sp.exp(I * sp.sqrt(2)), "not a root of unity"),
                     (sp.cos(1), r"cos\(1\) has no rational multiple of pi as its angle"),
                     (sp.sin(sp.sqrt(2) * pi), "has no rational multiple of pi"),
                     (sp.Pow(1 + sp.sqrt(2), sp.Rational(1, 3)), "with non-integer exponent"),
                     (sp.Pow(2, sp.Rational(1, 3)), "with non-integer exponent"),
                     (sp.Pow(-2, sp.Rational(1, 2), evaluate=False), "with non-integer exponent"),
                     (pi, r"cannot place pi in a cyclotomic field"),
                     (sp.sqrt(2) + pi, "cannot place pi")]:
        with pytest.raises(NotCyclotomic, match=msg):
            required_order(bad)


def test_square_roots_orders_and_elements():
    assert cv._sqrt_order(sp.Rational(8, 3)) == 24           # sqrt(8/3) = 2 sqrt(6) / 3
    assert cv._sqrt_order(sp.Integer(9)) == 1 and cv._sqrt_order(sp.Integer(4 * 3)) == 12
    assert cv._sqrt_order(sp.Integer(2 * 5 * 13)) == 520
    assert cv._sqrt_order(sp.Integer(10 ** 12)) == 1         # the limit itself is factored
    for q in (sp.Integer(10 ** 12 + 1), sp.Rational(10 ** 6 + 1, 10 ** 6)):
        with pytest.raises(NotCyclotomic, match=r"radicand too large to factor \(> 1000000000000\)"):
            cv._sqrt_order(q)
        with pytest.raises(NotCyclotomic, match="radicand too large"):
            cv._sqrt_element(q, CyclotomicField(8))
    for q, n in [(sp.Rational(8, 3), 24), (sp.Integer(12), 12), (sp.Integer(9), 1), (sp.Rational(1, 4), 1),
                 (sp.Integer(7), 28), (sp.Integer(7), 56), (sp.Integer(2), 8), (sp.Integer(2), 16),
                 (sp.Integer(5), 5), (sp.Integer(5), 20), (sp.Integer(18), 8), (sp.Rational(3, 2), 24)]:
        v = cv._sqrt_element(q, CyclotomicField(n))
        assert v * v == v.field(Fraction(int(q.p), int(q.q)))
        assert abs(v.to_complex() - float(sp.sqrt(q))) < 1e-9    # the positive root
    with pytest.raises(NotCyclotomic, match=r"sqrt\(3\) is not in Q\(zeta_8\)"):
        cv._sqrt_element(sp.Integer(3), CyclotomicField(8))
    assert cv._sqrt_element(sp.Integer(10 ** 12), CyclotomicField(1)) == 10 ** 6          # the limit itself
    for m, n in ((3, 6), (3, 3), (7, 14), (11, 22), (2, 4)):       # sqrt(p), p = 3 mod 4, needs I (and zeta_p)
        with pytest.raises(NotCyclotomic, match=rf"^sqrt\({m}\) is not in Q\(zeta_{n}\)$"):
            cv._sqrt_element(sp.Integer(m), CyclotomicField(n))
        with pytest.raises(NotCyclotomic):
            to_cyclotomic(sp.sqrt(m), n)
    with pytest.raises(NotCyclotomic, match=r"sqrt\(2\) is not in Q\(zeta_4\)"):
        cv._sqrt_element(sp.Integer(2), CyclotomicField(4))
    with pytest.raises(NotCyclotomic, match=r"sqrt\(5\) is not in Q\(zeta_10\)|sqrt\(3\)"):
        cv._sqrt_element(sp.Integer(15), CyclotomicField(10))
    assert cv._is_sqrt_power(sp.Integer(2), sp.Rational(1, 2)) and cv._is_sqrt_power(sp.Integer(2), sp.Rational(-3, 2))
    assert not cv._is_sqrt_power(sp.Integer(-2), sp.Rational(1, 2))
    assert not cv._is_sqrt_power(sp.Integer(0), sp.Rational(1, 2))
    assert not cv._is_sqrt_power(sp.Integer(2), sp.Rational(1, 3))
    assert not cv._is_sqrt_power(sp.Integer(2), sp.Integer(1))
    assert not cv._is_sqrt_power(sp.Symbol("b", positive=True), sp.Rational(1, 2))
    assert not cv._is_sqrt_power(sp.Integer(2), sp.Symbol("e") / 2)


def test_turns_and_half_turns():
    assert cv._turns(2 * pi * I * sp.Rational(3, 5)) == Fraction(3, 5)
    assert cv._turns(pi * I) == Fraction(1, 2)
    assert cv._turns(pi) is None and cv._turns(I) is None and cv._turns(2 * pi * I * sp.sqrt(2)) is None
    assert cv._half_turns(pi * sp.Rational(2, 7)) == Fraction(2, 7) and cv._half_turns(3 * pi) == Fraction(3)
    assert cv._half_turns(sp.Integer(1)) is None and cv._half_turns(pi * I) is None


def test_to_cyclotomic_values():
    K8 = CyclotomicField(8)
    assert to_cyclotomic(sp.Rational(3, 4), 8) == K8(Fraction(3, 4))
    assert to_cyclotomic(I, 8) == K8.zeta(2) and to_cyclotomic(-I, 12) == CyclotomicField(12).zeta(9)
    assert to_cyclotomic(zeta(8, 3)) == K8.zeta(3) and to_cyclotomic(zeta(4, 1), 8) == K8.zeta(2)
    assert to_cyclotomic(zeta(3)).field.n == 3 and to_cyclotomic(zeta(3), 6) == CyclotomicField(6).zeta(2)
    assert to_cyclotomic(sp.Integer(5)).field.n == 1
    K14 = CyclotomicField(14)
    c = to_cyclotomic(sp.cos(pi / 7))
    assert c.field == K14 and c == (K14.zeta(1) + K14.zeta(13)) * Fraction(1, 2)
    s = to_cyclotomic(sp.sin(pi / 7))
    assert s.field.n == 28 and abs(s.to_complex() - float(sp.sin(pi / 7))) < 1e-12
    assert abs(to_cyclotomic(sp.sin(3 * pi / 7), 28).to_complex() - float(sp.sin(3 * pi / 7))) < 1e-12
    assert abs(to_cyclotomic(sp.cos(3 * pi / 7), 28).to_complex() - float(sp.cos(3 * pi / 7))) < 1e-12
    assert to_cyclotomic((-1) ** sp.Rational(1, 3)) == CyclotomicField(6).zeta(1)
    assert to_cyclotomic((-1) ** sp.Rational(2, 3), 12) == CyclotomicField(12).zeta(4)
    assert to_cyclotomic(sp.Pow(zeta(5), 3, evaluate=False)) == CyclotomicField(5).zeta(3)
    assert to_cyclotomic(sp.Pow(1 + zeta(5), -1, evaluate=False)) == (1 + CyclotomicField(5).zeta()).inverse()
    r2 = to_cyclotomic(sp.sqrt(2))
    assert to_cyclotomic(sp.Pow(2, sp.Rational(3, 2), evaluate=False)) == 2 * r2
    assert to_cyclotomic(sp.Pow(2, sp.Rational(5, 2), evaluate=False)) == 4 * r2
    assert to_cyclotomic(sp.Pow(2, sp.Rational(-1, 2), evaluate=False)) == r2 / 2
    assert to_cyclotomic(sp.Pow(sp.Rational(1, 3), sp.Rational(3, 2), evaluate=False)) \
        == to_cyclotomic(sp.sqrt(3), 12) / 9
    assert to_cyclotomic(1 + zeta(3) + zeta(3, 2)) == CyclotomicField(3).zero
    assert to_cyclotomic(2 * zeta(3) * I).field.n == 12


def test_to_cyclotomic_refuses():
    x = sp.Symbol("x")
    with pytest.raises(NotCyclotomic, match=r"has free symbols \['x'\]; use cyclotomic_residual for polynomials"):
        to_cyclotomic(x * zeta(3))
    for expr, n, msg in [(I, 3, r"I is not in Q\(zeta_3\)"), (I, 6, r"I is not in Q\(zeta_6\)"),
                         (zeta(8), 4, r"is not a power of zeta_4"), (sp.exp(sp.Integer(2)), 4, "is not a power"),
                         (sp.cos(pi / 7), 7, r"is not in Q\(zeta_7\)"),
                         (sp.cos(sp.Integer(1)), 7, "has no rational multiple of pi as its angle"),
                         (sp.sin(pi / 7), 14, r"needs I, which is not in Q\(zeta_14\)"),
                         (sp.sin(pi / 7), 7, r"is not in Q\(zeta_7\)"),
                         ((-1) ** sp.Rational(1, 3), 3, r"is not in Q\(zeta_3\)"),
                         (sp.Pow(2, sp.Rational(1, 3)), 24, "with non-integer exponent"),
                         (pi, 4, r"cannot place pi in Q\(zeta_4\)")]:
        with pytest.raises(NotCyclotomic, match=msg):
            to_cyclotomic(expr, n)
    with pytest.raises(CyclotomicTooLarge, match="max_order = 4"):
        to_cyclotomic(zeta(5), max_order=4)
    assert to_cyclotomic(zeta(5), max_order=5) == CyclotomicField(5).zeta()
    assert issubclass(CyclotomicTooLarge, ValueError) and issubclass(CyclotomicTimeout, NotCyclotomic)
    with pytest.raises(CyclotomicTimeout, match=r"converting to Q\(zeta_n\) ran past timeout = 0s: undecided"):
        to_cyclotomic(zeta(7), timeout=0)
    assert to_cyclotomic(zeta(7), timeout=None) == CyclotomicField(7).zeta()


def test_generic_monomials_and_bounded_indices():
    x, y = sp.symbols("x y")
    g = sp.Function("g")
    X = sp.IndexedBase("X")
    assert cv._is_generic_monomial(x) and cv._is_generic_monomial(x ** 3)
    assert cv._is_generic_monomial(X[1]) and cv._is_generic_monomial(g(x) ** 2)
    assert not cv._is_generic_monomial(1 / x) and not cv._is_generic_monomial(x ** sp.Rational(1, 2))
    assert not cv._is_generic_monomial(sp.sin(x)) and not cv._is_generic_monomial(sp.exp(x))
    assert not cv._is_generic_monomial(x ** y)
    assert cv._bounded_idx(sp.Idx("k", (0, 3)))
    assert not cv._bounded_idx(sp.Idx("k", (0, sp.Symbol("m", integer=True))))
    assert not cv._bounded_idx(sp.Idx("k", (sp.Symbol("m", integer=True), 3)))
    assert not cv._bounded_idx(sp.Idx("k")) and not cv._bounded_idx(x)


def test_nonzero_polynomial():
    x, y = sp.symbols("x y")
    g = sp.Function("g")
    X = sp.IndexedBase("X")
    assert cv._nonzero_polynomial(x - y) and cv._nonzero_polynomial(x + 1) and cv._nonzero_polynomial(2 * x)
    assert cv._nonzero_polynomial(sp.Integer(3)) and cv._nonzero_polynomial(sp.Rational(-1, 2))
    assert not cv._nonzero_polynomial(sp.Integer(0)) and not cv._nonzero_polynomial(x - x)
    assert not cv._nonzero_polynomial(sp.sqrt(2) - 1)           # not a rational coefficient
    assert not cv._nonzero_polynomial(sp.sin(x) ** 2 + sp.cos(x) ** 2 - 1)
    assert not cv._nonzero_polynomial(sp.sqrt(2) * x)           # its only coefficient is irrational
    assert cv._nonzero_polynomial(X[1] - g(x)) and cv._nonzero_polynomial(x ** 2 - x)
    assert not cv._nonzero_polynomial(pi)


def test_cyclotomic_residual_decisions():
    a, b = sp.symbols("a b")
    w = zeta(3)
    K3 = CyclotomicField(3)
    assert cyclotomic_residual(a * (1 + w + w ** 2) + b * w - b * w) == {}
    assert cyclotomic_residual(a * (1 + w)) == {a: 1 + K3.zeta()}
    assert cyclotomic_residual(a * b * w + 2 * a ** 2 - a ** 2 * (1 + w + w ** 2)) \
        == {a * b: K3.zeta(), a ** 2: K3(2)}
    assert cyclotomic_residual(a * w + a * w ** 2 + a) == {}
    assert cyclotomic_residual(a * w + a * w ** 2) == {a: K3(-1)}
    assert cyclotomic_residual(sp.Integer(0)) == {}
    assert cyclotomic_residual(sp.Integer(2)) == {sp.Integer(1): CyclotomicField(1)(2)}
    assert cyclotomic_residual(a * I, 8) == {a: CyclotomicField(8).zeta(2)}
    z = sp.Symbol("z", zero=True)
    assert cyclotomic_residual(z * w + z ** 2) == {}
    assert cyclotomic_residual(z * w + a) == {a: CyclotomicField(1).one}
    for bad, msg in [(a * sp.exp(b), r"exp\(b\) is not a polynomial factor in generic symbols"),
                     (1 / a, "is not a polynomial factor"), (sp.sin(a) * w, "is not a polynomial factor")]:
        with pytest.raises(NotCyclotomic, match=msg):
            cyclotomic_residual(bad)
    with pytest.raises(CyclotomicTooLarge, match="max_order = 2"):
        cyclotomic_residual(a * w, max_order=2)
    with pytest.raises(CyclotomicTimeout, match=r"the exact test in Q\(zeta_n\) ran past timeout = 0s: undecided"):
        cyclotomic_residual(a * w, timeout=0)
    with pytest.raises(CyclotomicTimeout):
        cyclotomic_is_zero(a * w, timeout=0)
    assert cyclotomic_is_zero(a * w, max_order=3, timeout=None) is False
    with pytest.raises(CyclotomicTooLarge):
        cyclotomic_is_zero(a * w, max_order=2)
    assert cyclotomic_is_zero(a * (1 + w + w ** 2), 6) is True
    with pytest.raises(NotCyclotomic):
        cyclotomic_is_zero(a * w, 4)                             # zeta_3 is not in Q(zeta_4)


def test_cyclotomic_is_zero_truths():
    x = sp.Symbol("x")
    zero = [1 + zeta(3) + zeta(3, 2), 2 * sp.cos(2 * pi / 7) - zeta(7) - zeta(7, -1),
            sum(zeta(5, k * k) for k in range(5)) - sp.sqrt(5), sp.sqrt(2) - zeta(8) - zeta(8, -1),
            sp.sqrt(3) - 2 * sp.cos(pi / 6), 2 * I * sp.sin(pi / 7) - zeta(14) + zeta(14, -1),
            x * (1 + zeta(3) + zeta(3, 2)) + x ** 2 - x ** 2, sp.sqrt(6) - sp.sqrt(2) * sp.sqrt(3),
            (-1) ** sp.Rational(1, 3) - zeta(6), sp.sqrt(7) * sp.sqrt(7) - 7,
            sp.Pow(sp.sqrt(2) + I, 2, evaluate=False) - 1 - 2 * sp.sqrt(2) * I,
            sp.Pow(2, sp.Rational(3, 2), evaluate=False) - 2 * sp.sqrt(2)]
    nonzero = [1 + zeta(3), sp.sqrt(2) - zeta(8) + zeta(8, -1), sp.sqrt(5) + sum(zeta(5, k * k) for k in range(5)),
               x * zeta(3) - x, x * (1 + zeta(3) + zeta(3, 2)) + 1, sp.sqrt(6) - sp.sqrt(2) - sp.sqrt(3),
               sp.sin(pi / 7) - sp.sin(6 * pi / 7) + sp.Rational(1, 10 ** 6), I * sp.sqrt(7) - sp.sqrt(7),
               sp.Pow(2, sp.Rational(3, 2), evaluate=False) - sp.sqrt(2), x - 1]
    for e in zero:
        assert cyclotomic_is_zero(e) is True, e
    for e in nonzero:
        assert cyclotomic_is_zero(e) is False, e


def test_check_independent_refuses_atoms_that_may_coincide():
    x, y = sp.symbols("x y")
    i, j = sp.symbols("i j", integer=True)
    g, h = sp.Function("g"), sp.Function("h")
    X, Y = sp.IndexedBase("X"), sp.IndexedBase("Y")
    # different as polynomials: independent values, a certified non-zero residual
    assert cyclotomic_is_zero(g(x) - g(x + 1)) is False
    assert cyclotomic_is_zero(X[i] - X[j]) is False
    assert cyclotomic_is_zero(X[i, j] - X[i, j + 1]) is False
    assert cyclotomic_is_zero(g(x) - h(x)) is False and cyclotomic_is_zero(X[i] - Y[i]) is False
    assert cyclotomic_is_zero(g(x, y) - g(x)) is False                 # different numbers of arguments
    assert cyclotomic_is_zero(g(x) * X[i] - g(y)) is False
    # equal for some value: never "non-zero"
    for e in [g(x + sp.sin(x) ** 2 + sp.cos(x) ** 2) - g(x + 1), X[i, j] - X[i, j + sp.sin(x) ** 2 + sp.cos(x) ** 2 - 1],
              X[2 * i] - X[i * 2 + sp.sqrt(2) - zeta(8) - zeta(8, -1)],
              g(x, y) - g(x, y + sp.cos(x) ** 2 + sp.sin(x) ** 2 - 1), X[i] * X[j] - X[j] * X[i] + X[i] - X[i + 0 * x]]:
        try:
            verdict = cyclotomic_is_zero(e)
        except NotCyclotomic:
            continue
        assert verdict is True, e
    with pytest.raises(NotCyclotomic, match=r"^g\(.+\) and g\(.+\) may be equal \(their arguments are not certified "
                                            r"different as polynomials\): treating them as independent is unsound$"):
        cyclotomic_residual(g(x + sp.sin(x) ** 2 + sp.cos(x) ** 2) - g(x + 1))
    with pytest.raises(NotCyclotomic, match="may be equal"):
        cyclotomic_residual(g(x, y) - g(x, y + sp.sin(x) ** 2 + sp.cos(x) ** 2 - 1))
    with pytest.raises(NotCyclotomic, match="may be equal"):
        cyclotomic_residual(X[i] * X[j] ** 2 + X[i + sp.sin(x) ** 2 + sp.cos(x) ** 2 - 1] ** 2)
    k = sp.Idx("k", (0, 2))
    with pytest.raises(NotCyclotomic, match=r"^k ranges over a finite set: a non-zero polynomial in it may vanish there$"):
        cyclotomic_residual(X[k] * x)
    with pytest.raises(NotCyclotomic, match="ranges over a finite set"):
        cyclotomic_residual(x * X[i] + X[k] ** 2 * zeta(3))
    kk = sp.Idx("kk", (0, sp.Symbol("m", integer=True)))
    assert cyclotomic_is_zero(X[kk] - X[kk + 1]) is False             # an unbounded range: generic
    with pytest.raises(NotCyclotomic, match="is not a polynomial factor"):
        cyclotomic_residual(k * x)                                    # an Idx itself is not a generic symbol

    Cyc = sp.Function("Cyc", _symconv_cyclic=True)              # an entry function of an object on Z_n
    Seq = sp.Function("Seq", _symconv_cyclic=False)             # a sequence on Z: entries independent
    with pytest.raises(NotCyclotomic, match=r"^Cyc\(i.*\) and Cyc\(i.*\) are entries of an object on Z_n: equal when their "
                                            r"indices agree modulo n, which this test cannot see$"):
        cyclotomic_residual(Cyc(i) - Cyc(i + 5))
    assert cyclotomic_is_zero(Cyc(i) - Cyc(i)) is True
    assert cyclotomic_is_zero(Cyc(i) - 2 * h(i) + h(i + 1)) is False   # one entry only: independent
    assert cyclotomic_is_zero(Seq(i) - Seq(i + 5)) is False


# ---------------------------------------------------------------- balls.py

from symconv.exact import balls  # noqa: E402
from symconv.exact.balls import certify_nonzero, enclose  # noqa: E402

needs_flint = pytest.mark.skipif(not balls.HAVE_FLINT, reason="python-flint is not installed")
THIRD = sp.Rational(1, 3)
MACHIN = 4 * sp.atan(sp.Rational(1, 5)) - sp.atan(sp.Rational(1, 239)) - pi / 4     # exactly 0


def _close(z, value, tol=1e-25):
    """The ball is tight (radius below tol) and its centre is the value (checked to 20 digits)."""
    v = complex(sp.N(value, 40))
    mid = complex(z.mid())
    return float(z.rad()) < tol and abs(mid - v) <= 1e-15 * max(1.0, abs(v))


@needs_flint
@pytest.mark.parametrize("expr", [
    sp.Integer(7), sp.Integer(-3), THIRD, sp.Float(0.1), I, pi, sp.E, sp.EulerGamma, sp.Catalan, sp.GoldenRatio,
    1 + pi, 2 * pi, pi ** 2, pi ** -1, sp.sqrt(pi), pi ** pi, sp.exp(THIRD), sp.log(THIRD), sp.exp(I * THIRD),
    sp.Pow(sp.E, THIRD, evaluate=False), sp.Pow(-pi, sp.Rational(1, 2), evaluate=False), (-pi) ** THIRD,
    sp.sin(THIRD), sp.cos(THIRD), sp.tan(THIRD), sp.cot(THIRD), sp.sec(THIRD), sp.csc(THIRD), sp.sinh(THIRD),
    sp.cosh(THIRD), sp.tanh(THIRD), sp.coth(THIRD), sp.sech(THIRD), sp.csch(THIRD), sp.asinh(THIRD),
    sp.erf(THIRD), sp.erfc(THIRD), sp.erfi(THIRD), sp.gamma(THIRD), sp.conjugate(sp.exp(I / 3)),
    sp.Abs(1 + sp.exp(I / 3), evaluate=False), sp.re(sp.exp(I / 3), evaluate=False),
    sp.im(sp.exp(I / 3), evaluate=False), sp.atan(THIRD), sp.atan(pi),
    sp.floor(pi, evaluate=False), sp.ceiling(pi, evaluate=False), sp.floor(-pi, evaluate=False),
    sp.asin(THIRD), sp.acos(THIRD), sp.asin(-THIRD), sp.sign(-pi, evaluate=False),
    sp.sign(pi - 3, evaluate=False), sp.sign(1 + I * pi, evaluate=False),
    sp.Max(pi, sp.E, evaluate=False), sp.Min(pi, sp.E, evaluate=False), sp.Max(sp.E, pi, 3, evaluate=False),
    sp.Min(3, pi, sp.E, evaluate=False)])
def test_enclose_each_supported_form(expr):
    z = enclose(expr, 128)
    assert z is not None, expr
    assert _close(z, expr), (expr, z)


@needs_flint
def test_enclose_refuses_what_it_cannot_certify():
    x = sp.Symbol("x")
    for e in [sp.Function("g")(1), sp.Integral(x, (x, 0, 1)), sp.zoo, sp.oo, sp.nan, sp.Float("inf"),
              sp.asin(2), sp.acos(-2), sp.asin(1 + I / 3), sp.floor(I + pi, evaluate=False),
              sp.Max(I, pi, evaluate=False), sp.atan(I / 2), 1 / (pi - pi), sp.log(sp.Integer(0), evaluate=False),
              sp.besselj(0, 1), sp.log(pi, 3, evaluate=False), sp.loggamma(THIRD),
              sp.acos(sp.Integer(1), evaluate=False), sp.asin(sp.Integer(-1), evaluate=False)]:
        assert enclose(e) is None, e
    with pytest.raises(ValueError, match=r"^e must be a number, got free symbols \['x'\]$"):
        enclose(x + 1)
    old = balls._flint.ctx.prec
    enclose(pi, 300)
    enclose(sp.Function("g")(1), 300)                       # a refusal restores it too
    assert balls._flint.ctx.prec == old
    assert float(enclose(pi, 300).rad()) < 1e-85 and float(enclose(pi, 64).rad()) > 1e-30
    z = enclose(sp.sign(sp.Integer(-2) + 0 * pi, evaluate=False))
    assert z is not None and _close(z, -1)
    # a real function's argument with a non-zero imaginary ball, but known real to SymPy
    r = sp.atan(sp.re(sp.exp(I * THIRD), evaluate=False))
    assert _close(enclose(r, 128), r)
    assert _close(enclose(sp.floor(MACHIN + pi, evaluate=False), 256), 3)
    # ... and one whose ball is exactly real though SymPy cannot tell (is_extended_real is None)
    z = enclose(sp.atan(sp.Add(I, -I, evaluate=False), evaluate=False))
    assert z is not None and 0 in z and float(z.rad()) == 0
    z = enclose(sp.sign(sp.Add(I, -I, evaluate=False), evaluate=False))
    assert z is not None and 0 in z and float(z.rad()) == 0
    c = sp.conjugate(sp.exp(I / 3), evaluate=False)                   # SymPy usually evaluates it first
    assert _close(enclose(c, 128), sp.exp(-I / 3))


@needs_flint
def test_enclosures_survive_cancellation():
    for f in (sp.sinh, sp.erf, sp.sin, sp.atan, sp.asinh, sp.tanh):
        z = enclose(f(MACHIN), 256)
        assert z is not None and 0 in z
        assert certify_nonzero(f(MACHIN)) is None
    assert certify_nonzero(sp.sign(MACHIN, evaluate=False)) is None
    assert certify_nonzero(sp.floor(MACHIN, evaluate=False) + 1) is None      # floor of ~0: not certain


@needs_flint
def test_certify_nonzero_answers():
    assert certify_nonzero(sp.Integer(3)) is True and certify_nonzero(sp.Integer(0)) is None
    assert certify_nonzero(sp.Rational(-1, 7)) is True
    assert certify_nonzero(pi - 3) is True and certify_nonzero(sp.sqrt(2) - 1) is True
    assert certify_nonzero(sp.exp(pi * sp.sqrt(163)) - 640320 ** 3 - 744) is True
    near = sp.sqrt(2) - sp.Rational(isqrt(2 * 10 ** 300), 10 ** 150)     # about 1e-150
    assert certify_nonzero(near) is True                   # needs the 1024-bit step
    assert certify_nonzero(near, (64, 256)) is None        # not enough bits: undecided, never False
    far = sp.sqrt(2) - sp.Rational(isqrt(2 * 10 ** 1200), 10 ** 600)       # about 1e-600
    assert certify_nonzero(far) is True                    # the 4096-bit step
    assert certify_nonzero(sp.sqrt(2) - sp.sqrt(2) * 1) is None
    assert certify_nonzero(sp.Function("g")(1)) is None
    assert certify_nonzero(MACHIN) is None
    assert certify_nonzero(sp.Float(0.0) * pi + sp.Float(0.0)) is None
    z0 = sp.Add(pi, -pi, evaluate=False)
    assert certify_nonzero(z0) is None
    with pytest.raises(ValueError, match=r"^e must be a number, got free symbols \['x', 'y'\]$"):
        certify_nonzero(sp.Symbol("y") + sp.Symbol("x"))
    with _deadline.time_limit(5.0):
        assert certify_nonzero(pi - 3) is True


def test_certify_nonzero_without_flint(monkeypatch):
    monkeypatch.setattr(balls, "HAVE_FLINT", False)
    assert enclose(pi) is None
    assert certify_nonzero(sp.sqrt(pi) - pi / 2) is True
    assert certify_nonzero(sp.Rational(2, 3)) is True and certify_nonzero(sp.Integer(0)) is None
    near = sp.sqrt(2) - sp.Rational(isqrt(2 * 10 ** 300), 10 ** 150)
    assert certify_nonzero(near) is True                    # evalf at 1228 digits
    assert certify_nonzero(near, (64,)) is None             # evalf at 19 digits: precision exhausted
    assert certify_nonzero(sp.exp(THIRD) * sp.atan(THIRD) + sp.floor(pi, evaluate=False) - 4) is True
    for e in [sp.sinh(THIRD), sp.erf(THIRD), sp.gamma(THIRD) - 2, sp.Function("g")(1) + 1,
              sp.Integral(sp.Symbol("t"), (sp.Symbol("t"), 0, 1)) + 1, sp.Sum(1 / sp.Symbol("k", integer=True) ** 2,
                                                                             (sp.Symbol("k", integer=True), 1, sp.oo))]:
        assert certify_nonzero(e) is None, e
    assert certify_nonzero(sp.sin(MACHIN)) is None and certify_nonzero(MACHIN) is None
    assert certify_nonzero(sp.Add(pi, 1, -pi, evaluate=False)) is True       # evaluates to about 1: non-zero
    assert certify_nonzero(sp.Add(sp.Float(1.0), sp.Integer(0), evaluate=False)) is True   # exactly 1.0
    assert certify_nonzero(sp.zoo) is None and certify_nonzero(sp.log(sp.Integer(0), evaluate=False) + 1) is None


# ---------------------------------------------------------------- closed.py

from symconv.exact import closed as cl  # noqa: E402
from symconv.exact.closed import (admissible_points, algebraic_is_zero, certified_nonzero, decide_equal,  # noqa: E402
                                  decide_zero, expanded_zero)

RADICAL_ZERO = sp.sqrt(5 + 2 * sp.sqrt(6)) - sp.sqrt(2) - sp.sqrt(3)    # 0, shown only by its minimal polynomial
TRIG_ZERO = sp.sin(1) ** 2 + sp.cos(1) ** 2 - 1                        # 0, shown by no method here


def test_expanded_zero():
    w, v = sp.symbols("w v")
    assert expanded_zero(0) is True and expanded_zero(sp.Integer(0)) is True
    assert expanded_zero((w + 1) ** 2 - w ** 2 - 2 * w - 1) is True
    assert expanded_zero(sp.exp(w + v) - sp.exp(w) * sp.exp(v)) is True
    assert expanded_zero(1 / (1 + w) + w / (1 + w) - 1) is True            # over a common denominator
    assert expanded_zero(sp.exp(w) / (1 + w) + w * sp.exp(w) / (1 + w) - sp.exp(w)) is True
    assert expanded_zero(sp.exp(2 * w) / (1 - sp.exp(w)) - sp.exp(w) * sp.exp(w) / (1 - sp.exp(w))) is True
    assert expanded_zero(1) is False and expanded_zero((w + 1) ** 2 - w ** 2 - 2 * w) is False    # expands to 1
    assert decide_zero((w + 1) ** 2 - w ** 2 - 2 * w) is False
    for e in [w, w - 1, sp.exp(w) / (1 - w) - sp.exp(w), 1 / (1 + w) - 1, 1 / (1 + w) + 1 / (1 - w),
              TRIG_ZERO, RADICAL_ZERO, sp.exp(w) - 1, 2 * w / (w + 1)]:
        assert expanded_zero(e) is False, e


def test_certified_nonzero_closed():
    assert certified_nonzero(sp.Integer(0)) is False and certified_nonzero(sp.Rational(1, 3)) is True
    assert certified_nonzero(0) is False and certified_nonzero(5) is True
    assert certified_nonzero(sp.sqrt(2) - sp.Rational(99, 70)) is True
    near = sp.sqrt(2) - sp.Rational(isqrt(2 * 10 ** 300), 10 ** 150)       # about 1e-150
    assert certified_nonzero(near) is True and certified_nonzero(near, digits=400) is True
    far = sp.sqrt(2) - sp.Rational(isqrt(2 * 10 ** 1200), 10 ** 600)       # about 1e-600: 4096 bits
    assert certified_nonzero(far) is True and certified_nonzero(far, digits=10) is True
    assert certified_nonzero(MACHIN) is None and certified_nonzero(sp.sinh(MACHIN)) is None
    assert certified_nonzero(RADICAL_ZERO) is None and certified_nonzero(TRIG_ZERO) is None
    with pytest.raises(ValueError, match=r"^e must be a number, got free symbols \['t'\]$"):
        certified_nonzero(sp.Symbol("t") * pi)


def test_dense_domains():
    assert cl._dense(sp.Symbol("x")) and cl._dense(sp.Symbol("k", integer=True))
    assert not cl._dense(sp.Symbol("z", zero=True))
    assert not cl._dense(sp.Idx("k", (0, 3)))
    m = sp.Symbol("m", integer=True)
    assert cl._dense(sp.Idx("k", (0, m))) and cl._dense(sp.Idx("k", (m, 3))) and cl._dense(sp.Idx("k"))


def test_decide_zero_every_path():
    x, y = sp.symbols("x y")
    k = sp.Symbol("k", integer=True)
    z = sp.Symbol("z", zero=True)
    g = sp.Function("g")
    # rationals
    assert decide_zero(0) is True and decide_zero(sp.Rational(1, 3)) is False and decide_zero(z * x + z) is True
    # expansion, cyclotomic, balls, minimal polynomial
    assert decide_zero((x + 1) ** 2 - x ** 2 - 2 * x - 1) is True
    assert decide_zero(1 / (1 + x) + x / (1 + x) - 1) is True
    assert decide_zero(1 + zeta(3) + zeta(3, 2)) is True and decide_zero(1 + zeta(3)) is False
    assert decide_zero(x * (1 + zeta(3) + zeta(3, 2))) is True and decide_zero(x * (1 + zeta(3))) is False
    assert decide_zero(pi - 3) is False and decide_zero(sp.exp(pi * sp.sqrt(163)) - 640320 ** 3 - 744) is False
    assert decide_zero(RADICAL_ZERO) is True and decide_zero(RADICAL_ZERO + sp.Rational(1, 10 ** 40)) is False
    assert decide_zero(TRIG_ZERO) is None and decide_zero(MACHIN) is None and decide_zero(sp.sinh(MACHIN)) is None
    # polynomials in free symbols, coefficient by coefficient
    assert decide_zero(x * RADICAL_ZERO) is True
    assert decide_zero(x * RADICAL_ZERO + y ** 2 * RADICAL_ZERO) is True
    assert decide_zero(x * RADICAL_ZERO + y * TRIG_ZERO) is None          # one coefficient undecided
    assert decide_zero(x * TRIG_ZERO) is None and decide_zero(x * MACHIN) is None
    assert decide_zero(x * TRIG_ZERO + y * (pi - 3)) is False            # one coefficient certified non-zero
    assert decide_zero(x * (pi - 3)) is False and decide_zero(x ** 2 * sp.E - x * sp.E) is False
    assert decide_zero(k * RADICAL_ZERO) is True
    # not polynomials: certified at admissible points, or undecided
    assert decide_zero(sp.exp(x) - 1) is False and decide_zero(sp.sin(x) * pi - x) is False
    assert decide_zero(sp.Max(x, 2 * x) - sp.Max(x, 0)) is False
    assert decide_zero(sp.sin(x) ** 2 + sp.cos(x) ** 2 - 1) is None
    assert decide_zero(sp.floor(k / 2) + sp.ceiling(k / 2) - k) is None
    assert decide_zero(g(x) * TRIG_ZERO) is None
    assert decide_zero(g(x) - g(x + 1)) is False and decide_zero(g(x + 1) - g(1 + x)) is True
    # a finite index set: a polynomial that vanishes on it is never "non-zero"
    j = sp.Idx("j", (0, 2))
    assert decide_zero(j * (j - 1) * (j - 2) * (pi - 3)) is None
    assert decide_zero(j * (j - 1) * (j - 2) * (pi - 3) + 1) is False
    # time limits: undecided, never an answer
    assert decide_zero(RADICAL_ZERO, timeout=0) is None and decide_zero(pi - 3, timeout=0) is None
    assert decide_zero(RADICAL_ZERO, timeout=None) is True and decide_zero(pi - 3, timeout=None) is False


def test_decide_equal_with_points():
    x = sp.Symbol("x")
    k = sp.Symbol("k", integer=True)
    p = sp.Symbol("p", positive=True)
    assert decide_equal(sp.sqrt(2) * sp.sqrt(8), 4) is True and decide_equal(pi, 3) is False
    assert decide_equal(sp.sqrt(pi) * sp.exp(-x ** 2) * sp.sqrt(pi), pi * sp.exp(-x ** 2)) is True
    assert decide_equal(RADICAL_ZERO + 1, 1) is True
    assert decide_equal(sp.Symbol("z", zero=True) * pi, 0) is True
    assert decide_equal(TRIG_ZERO, 0) is None
    assert decide_equal(TRIG_ZERO, 0, points={}) is None and decide_equal(TRIG_ZERO, 0, points=[]) is None
    assert decide_equal(RADICAL_ZERO, 0, timeout=0) is None and decide_equal(pi, 3, timeout=0) is None
    assert decide_equal(RADICAL_ZERO, 0, points={x: 1}) is True and decide_equal(pi, 3, points={x: 1}) is False
    # a true identity for integers only: points decide only at admissible values
    e1, e2 = sp.floor(k / 2) + sp.ceiling(k / 2), k
    assert decide_equal(e1, e2) is None
    assert decide_equal(e1, e2, points={k: sp.Rational(1, 3)}) is None        # inadmissible: skipped
    assert decide_equal(e1, e2, points={k: 3}) is None                        # true there: not certified
    assert decide_equal(e1, e2 + 1, points={k: 4}) is False
    assert decide_equal(e1, e2 + TRIG_ZERO, points={k: 4}) is None
    assert decide_equal(e1, e2 + sp.floor(TRIG_ZERO + k / 2) - k, points={"k": 4}) is False   # names are sympified
    vanish = (k - 2) * (k + 3) * (k - 4) * (k - 5) * (k + 4) * pi    # 0 at the default integer points
    assert decide_equal(e1, e2 + vanish) is None
    assert decide_equal(e1, e2 + vanish, points=[{k: 2}, {k: sp.Rational(1, 2)}, {k: 3}]) is False
    assert decide_equal(e1, e2 + vanish, points=[{k: 2}, {k: sp.Rational(1, 2)}]) is None
    assert decide_equal(e1, e2 + vanish, points=({k: 7},)) is False
    # a point for some symbols: the others get admissible values
    f = sp.floor(k / 2) + sp.ceiling(k / 2) - k + sp.floor(p) - sp.floor(p)
    assert decide_equal(f + sp.Abs(x) * TRIG_ZERO, 0, points={k: 2}) is None
    assert decide_equal(e1, e2 + vanish * sp.Abs(p), points={k: 3}) is False      # p gets an admissible value
    assert decide_equal(e1, e2 + vanish * (p + 2), points={k: 3}) is False
    assert decide_equal(e1, e2 + vanish * sp.Abs(p - 2), points={k: 3, p: -1}) is None   # p must be positive
    assert decide_equal(e1, e2 + vanish * sp.Abs(p - 2), points={k: 3, p: 2}) is None
    assert decide_equal(e1, e2 + vanish * sp.Abs(p - 2), points={k: 3, p: 3}) is False
    assert decide_equal(e1 + sp.floor(x), e2 + sp.floor(x), points={k: 4, sp.Symbol("unused"): 1}) is None


def test_algebraic_is_zero():
    assert algebraic_is_zero(RADICAL_ZERO) is True
    assert algebraic_is_zero(sp.sqrt(11 + 6 * sp.sqrt(2)) - 3 - sp.sqrt(2)) is True
    assert algebraic_is_zero(sp.cbrt(2) ** 3 - 2) is True
    assert algebraic_is_zero(sp.Mul(RADICAL_ZERO, sp.sqrt(5) + sp.sqrt(7), evaluate=False)) is True   # degree bound 64
    assert algebraic_is_zero(sp.Mul(RADICAL_ZERO, sp.sqrt(5) + I, evaluate=False)) is True           # 64, with I
    assert algebraic_is_zero(sp.Mul(RADICAL_ZERO, sp.sqrt(5) + sp.sqrt(7) + sp.sqrt(11), evaluate=False)) is None
    assert algebraic_is_zero(sp.sqrt(2) - 1) is None and algebraic_is_zero(RADICAL_ZERO + sp.Rational(1, 10 ** 40)) is None
    assert algebraic_is_zero(pi - pi * 1 + sp.sqrt(2) - sp.sqrt(2)) is True     # a rational 0
    assert algebraic_is_zero(pi - 3) is None and algebraic_is_zero(sp.exp(1) - sp.E) is True
    assert algebraic_is_zero(sp.Symbol("x") * RADICAL_ZERO) is None
    assert algebraic_is_zero(sp.Abs(RADICAL_ZERO, evaluate=False)) is None
    assert algebraic_is_zero(sp.cos(pi / 7) + sp.cos(3 * pi / 7) + sp.cos(5 * pi / 7) - sp.Rational(1, 2)) is True
    assert algebraic_is_zero(sp.exp(2 * pi * I / 5) ** 5 - 1) is True
    assert algebraic_is_zero(sp.Pow(-1, sp.Rational(1, 3)) - sp.exp(I * pi / 3)) is True
    assert algebraic_is_zero(I * I + 1) is True


def test_algebraic_degree_bound_is_a_bound():
    t = sp.Symbol("t")
    for q in [sp.sqrt(2) + sp.sqrt(3), sp.cbrt(2) * zeta(5), sp.cos(pi / 7), sp.sin(pi / 7), I + 1,
              (-1) ** sp.Rational(1, 5), sp.sqrt(1 + sp.sqrt(2)), sp.Rational(2, 3), sp.exp(2 * pi * I / 9) + I,
              sp.cbrt(3) + sp.sqrt(2)]:
        bound = cl._algebraic_degree_bound(q)
        assert bound is not None and bound >= sp.degree(sp.minimal_polynomial(q, t), t), q
    for q in [pi, sp.exp(1) + 1, sp.sqrt(pi), sp.cbrt(2) + pi, sp.cos(1), sp.exp(I), sp.Pow(2, sp.sqrt(2)),
              sp.sqrt(2) * sp.log(2)]:
        assert cl._algebraic_degree_bound(q) is None, q


def test_admissible_values():
    k = sp.Symbol("k", integer=True)
    q = sp.Symbol("q", negative=True)
    e = sp.Symbol("e", even=True)
    assert cl._admissible(k, sp.Integer(3)) and not cl._admissible(k, sp.Rational(1, 3))
    assert cl._admissible(q, sp.Rational(-1, 3)) and not cl._admissible(q, sp.Integer(0))
    assert not cl._admissible(q, sp.Integer(2))
    assert cl._admissible(e, sp.Integer(4)) and not cl._admissible(e, sp.Integer(3))
    assert cl._admissible(sp.Symbol("x"), sp.Rational(1, 3))
    assert not cl._admissible(sp.Symbol("n", nonzero=True), sp.Integer(0))
    j = sp.Idx("j", (1, 4))
    assert all(cl._admissible(j, sp.Integer(v)) for v in (1, 2, 4))
    assert not any(cl._admissible(j, sp.Integer(v)) for v in (0, 5, -1))
    assert not cl._admissible(j, sp.Rational(3, 2))
    m = sp.Symbol("m", integer=True)
    jm = sp.Idx("jm", (1, m))                                # is 3 <= m?  unknown: not admissible
    assert not cl._admissible(jm, sp.Integer(3)) and not cl._admissible(jm, sp.Integer(0))
    assert cl._admissible(sp.Idx("free"), sp.Integer(7))


@pytest.mark.parametrize("assumptions", [
    {}, {"integer": True}, {"real": True}, {"positive": True}, {"negative": True}, {"nonnegative": True},
    {"nonpositive": True}, {"integer": True, "positive": True}, {"integer": True, "negative": True},
    {"even": True}, {"odd": True}, {"even": True, "positive": True}, {"even": True, "negative": True},
    {"odd": True, "positive": True}, {"odd": True, "negative": True}, {"integer": False},
    {"integer": False, "positive": True}, {"integer": False, "negative": True}, {"rational": True},
    {"nonzero": True}])
def test_admissible_points_exist_for_common_assumptions(assumptions):
    """Every family of symbols with one common kind of assumption gets points, with distinct values, each
    respecting the assumptions (else a non-zero expression could never be certified at a point)."""
    syms = [sp.Symbol(f"s{i}", **assumptions) for i in range(3)]
    for count in (1, 2, 3):
        points = list(admissible_points(syms[:count]))
        assert points, (assumptions, count)
        for pt in points:
            assert set(pt) == set(syms[:count])
            assert len(set(pt.values())) == count                       # distinct values
            for s, v in pt.items():
                assert v.is_Rational and cl._admissible(s, v)
    if not assumptions:
        vals = [pt[syms[0]] for pt in admissible_points(syms[:1])]
        assert len(vals) == len(set(vals)) == len(cl._POINT_FAMILIES)   # a real-free symbol: every family
        assert any(v.is_integer and v > 0 for v in vals) and any(v.is_integer and v < 0 for v in vals)
        assert any(not v.is_integer and v > 0 for v in vals) and any(not v.is_integer and v < 0 for v in vals)
    assert list(admissible_points([])) == [{}] * len(cl._POINT_FAMILIES)


def test_index_symbols_get_integer_points_only():
    """Regression (found by mutation testing): an Idx has an empty assumptions0, but it is integer-valued
    (Idx.is_integer) and ranges over its bounds.  It got the rational points 1/3, -2/5, ... , so
    j (j - 1) (j - 2), which is 0 for every j in {0, 1, 2}, was 'certified non-zero' (at j = 1/3)."""
    j = sp.Idx("j", (0, 2))
    assert decide_zero(j * (j - 1) * (j - 2)) is None
    assert decide_zero(j * (j - 1) * (j - 2) * (pi - 3)) is None
    assert decide_equal(j ** 3, 3 * j ** 2 - 2 * j) is None
    assert decide_equal(j ** 3, 3 * j ** 2 - 2 * j + 1) is False
    f = sp.Idx("f")                                             # an index without range: any integer
    assert decide_zero(sp.floor(f / 2) + sp.ceiling(f / 2) - f) is None
    assert not cl._admissible(f, sp.Rational(1, 3)) and cl._admissible(f, sp.Integer(-7))
    for pt in admissible_points([f, j]):
        assert pt[f].is_integer and pt[j] in (0, 1, 2)


def test_only_symbols_declared_zero_are_dropped():
    p = sp.Symbol("p", positive=True)
    nz = sp.Symbol("nz", nonzero=True)
    assert decide_zero(p * (pi - 3)) is False and decide_zero(nz * sp.sqrt(2)) is False
    assert decide_equal(p * pi, 0) is False
    assert decide_zero(sp.Symbol("z", zero=True) * (pi - 3)) is True


def test_a_wrong_minimal_polynomial_is_not_trusted(monkeypatch):
    """algebraic_is_zero answers True only when the certified ball also contains 0."""
    monkeypatch.setattr(sp, "minimal_polynomial", lambda e, x: x)       # SymPy claims every number is 0
    assert algebraic_is_zero(sp.sqrt(2) - 1) is None
    near = sp.sqrt(2) - sp.Rational(isqrt(2 * 10 ** 200), 10 ** 100)     # about 1e-100: 1024 bits see it
    assert algebraic_is_zero(near) is None
    assert algebraic_is_zero(RADICAL_ZERO) is True                        # consistent with its ball
    monkeypatch.setattr(sp, "minimal_polynomial", lambda e, x: x ** 2 - 2)
    assert algebraic_is_zero(RADICAL_ZERO) is None


def test_algebraic_is_zero_when_sympy_fails(monkeypatch):
    for exc in (NotImplementedError, ValueError, TypeError, ArithmeticError, sp.PolynomialError):
        def boom(e, x, exc=exc):
            raise exc("no")
        monkeypatch.setattr(sp, "minimal_polynomial", boom)
        assert algebraic_is_zero(RADICAL_ZERO) is None
        assert decide_zero(RADICAL_ZERO) is None                          # undecided, not an error


def test_unevaluated_powers_are_the_same_monomial():
    """Regression (found while classifying the mutants of _is_generic_monomial): expand keeps an unevaluated
    Pow(x, 1), and the residual took x**1 and x for two monomials, so x**1 - x + 1 + w + w**2 (exactly 0)
    was 'certified non-zero' by cyclotomic_is_zero and decide_zero."""
    x = sp.Symbol("x")
    g = sp.Function("g")
    X = sp.IndexedBase("X")
    w = zeta(3)
    x1 = sp.Pow(x, 1, evaluate=False)
    assert cyclotomic_is_zero(x1 - x) is True and cyclotomic_residual(x1 * w - x * w) == {}
    assert decide_zero(x1 - x + 1 + w + w ** 2) is True
    assert decide_equal(x1 + 1 + w + w ** 2, x) is True
    assert cyclotomic_is_zero(sp.Pow(g(x), 1, evaluate=False) * w - g(x) * w) is True
    assert cyclotomic_is_zero(sp.Pow(X[1], 1, evaluate=False) * sp.Pow(x, 2, evaluate=False) - x * x * X[1]) is True
    assert cyclotomic_is_zero(x1 - x + 1) is False
    assert cyclotomic_residual(x1 * w + x) == {x: 1 + CyclotomicField(3).zeta()}
    x0 = sp.Pow(x, 0, evaluate=False)                        # x**0 = 1: never "non-zero" when the rest is -1
    assert decide_zero(x0 - 1 + 1 + w + w ** 2) is not False


def test_atoms_of_other_arities_do_not_hide_a_pair_that_may_coincide():
    """Every pair of values of one function is checked, whatever the (hash) order of the atoms: values
    with another number of arguments in between must not end the search."""
    x = sp.Symbol("x")
    for t in range(5):
        g = sp.Function(f"g{t}")
        ys = sp.symbols(f"y{t}_0:12")
        e = g(x) - g(x + TRIG_ZERO + 1 - 1) * 2 + sum(g(x, y) for y in ys)
        with pytest.raises(NotCyclotomic, match="may be equal"):
            cyclotomic_residual(e)
        X = sp.IndexedBase(f"X{t}")
        e = X[x] - 2 * X[x + TRIG_ZERO] + sum(X[x, y] for y in ys)
        with pytest.raises(NotCyclotomic, match="may be equal"):
            cyclotomic_residual(e)


def test_convert_messages_in_full():
    """The reasons given for 'this exact test cannot answer' (shown to users as the cause of an undecided
    check), word for word."""
    x, a, b = sp.symbols("x a b")
    cases = [
        (lambda: required_order(sp.exp(sp.Integer(2))), "exp(2) is not a root of unity with rational angle"),
        (lambda: required_order(sp.cos(1)), "cos(1) has no rational multiple of pi as its angle"),
        (lambda: required_order(sp.sin(1)), "sin(1) has no rational multiple of pi as its angle"),
        (lambda: required_order(sp.Pow(2, sp.Rational(1, 3))), "power 2**(1/3) with non-integer exponent"),
        (lambda: required_order(pi), "cannot place pi in a cyclotomic field"),
        (lambda: to_cyclotomic(I, 3), "I is not in Q(zeta_3)"),
        (lambda: to_cyclotomic(zeta(8), 4), "exp(I*pi/4) is not a power of zeta_4"),
        (lambda: to_cyclotomic(sp.cos(1), 7), "cos(1) has no rational multiple of pi as its angle"),
        (lambda: to_cyclotomic(sp.cos(pi / 7), 7), "cos(pi/7) is not in Q(zeta_7)"),
        (lambda: to_cyclotomic(sp.sin(pi / 7), 14), "sin(pi/7) needs I, which is not in Q(zeta_14)"),
        (lambda: to_cyclotomic((-1) ** sp.Rational(1, 3), 3), "(-1)**(1/3) is not in Q(zeta_3)"),
        (lambda: to_cyclotomic(sp.Pow(2, sp.Rational(1, 3)), 24), "power 2**(1/3) with non-integer exponent"),
        (lambda: to_cyclotomic(pi, 4), "cannot place pi in Q(zeta_4)"),
        (lambda: to_cyclotomic(x * zeta(3)),
         "x*exp(2*I*pi/3) has free symbols ['x']; use cyclotomic_residual for polynomials"),
        (lambda: to_cyclotomic(zeta(7), timeout=0), "converting to Q(zeta_n) ran past timeout = 0s: undecided"),
        (lambda: cyclotomic_residual(a * sp.exp(b)), "exp(b) is not a polynomial factor in generic symbols"),
        (lambda: cyclotomic_residual(a * zeta(3), timeout=0),
         "the exact test in Q(zeta_n) ran past timeout = 0s: undecided"),
        (lambda: cv._sqrt_order(sp.Integer(10 ** 12 + 1)),
         "sqrt(1000000000001): radicand too large to factor (> 1000000000000)"),
        (lambda: cv._sqrt_element(sp.Integer(10 ** 12 + 1), CyclotomicField(8)),
         "sqrt(1000000000001): radicand too large to factor (> 1000000000000)"),
        (lambda: cv._sqrt_element(sp.Integer(3), CyclotomicField(8)), "sqrt(3) is not in Q(zeta_8)"),
    ]
    for call, message in cases:
        with pytest.raises(NotCyclotomic) as info:
            call()
        assert str(info.value) == message


def test_certified_nonzero_honours_the_requested_digits():
    """certified_nonzero starts at about ``digits`` digits: a gap of 1e-1290 needs more than the 4096 bits
    (about 1233 digits) of the default schedule, and is certified when 1300 digits are asked for."""
    near = sp.sqrt(2) - sp.Rational(isqrt(2 * 10 ** 2580), 10 ** 1290)
    assert certified_nonzero(near, digits=1300) is True
    assert certified_nonzero(near) is None                       # not enough bits: undecided, never False


def test_non_commutative_symbols_are_undecided_not_an_error():
    """SymPy declares a non-commutative symbol not complex: no rational point is admissible for it, and
    decide_zero answers None (it used to fail inside Poly with GeneratorsError)."""
    A = sp.Symbol("A", commutative=False)
    assert decide_zero(sp.exp(A) - 1) is None
    assert not cl._admissible(A, sp.Integer(2)) and list(admissible_points([A])) == []
    assert cl._admissible(sp.Symbol("c", commutative=True), sp.Integer(2))


# -- the work caps of closed.py and balls.py: the precisions and estimates they use are pinned ------------------------

def test_certified_nonzero_starts_at_digits_times_3_33_plus_8_bits_then_the_schedule(monkeypatch):
    from symconv.exact import closed
    from symconv.exact.balls import PRECISIONS
    seen = []
    monkeypatch.setattr(closed, "certify_nonzero", lambda e, precisions: seen.append(precisions) or True)
    for digits, first in ((None, 141), (40, 141), (10, 64), (100, 341), (19, 71)):
        seen.clear()
        assert (closed.certified_nonzero(sp.sqrt(2)) if digits is None else closed.certified_nonzero(sp.sqrt(2), digits))
        assert seen == [(first,) + tuple(p for p in PRECISIONS if p > first)], (digits, seen)
    seen.clear()
    closed.certified_nonzero(sp.sqrt(2), 10)
    assert seen == [(64, 256, 1024, 4096)]              # 64 bits is in the schedule: tried once


def test_algebraic_is_zero_confirms_with_a_1024_bit_ball(monkeypatch):
    from symconv.exact import balls, closed
    precs = []
    real = balls.enclose
    monkeypatch.setattr(balls, "enclose", lambda e, prec=256: precs.append(prec) or real(e, prec))
    assert closed.algebraic_is_zero(sp.sqrt(2) + sp.sqrt(3) - sp.sqrt(5 + 2 * sp.sqrt(6))) is True
    assert precs == [1024]


def test_algebraic_degree_bound_is_the_stated_estimate():
    from symconv.exact import closed
    assert closed._algebraic_degree_bound((-1) ** sp.Rational(1, 3)) == 2          # a root of unity of order 6
    assert closed._algebraic_degree_bound(sp.sqrt(2 + sp.exp(2 * sp.pi * sp.I / 5))) == 8     # phi(5) * 2
    assert closed._algebraic_degree_bound(sp.sqrt(2) + sp.I) == 4                   # phi(4) * 2


def test_decide_zero_runs_the_cyclotomic_test_under_the_outer_limit_only(monkeypatch):
    from symconv.exact import closed, convert
    calls = []
    real = convert.cyclotomic_residual
    monkeypatch.setattr(convert, "cyclotomic_residual", lambda e, **kw: calls.append(kw) or real(e, **kw))
    w = sp.exp(2 * sp.pi * sp.I / 3)
    assert closed._decide_zero(1 + w + w ** 2) is True
    assert calls == [{"timeout": None}]


def test_enclose_works_at_256_bits_unless_told():
    from symconv.exact import balls
    if not balls.HAVE_FLINT:        # pragma: no cover - depends on the installation
        pytest.skip("python-flint is not installed")
    a, b = balls.enclose(sp.pi), balls.enclose(sp.pi, 256)
    assert a.mid() == b.mid() and a.rad() == b.rad()
    assert balls.enclose(sp.pi, 257).mid() != a.mid()


def test_certify_nonzero_without_flint_asks_evalf_for_3_tenths_of_the_last_precision_in_digits(monkeypatch):
    from symconv.exact import balls
    asked = []
    monkeypatch.setattr(balls, "HAVE_FLINT", False)
    monkeypatch.setattr(balls, "_evalf_fallback", lambda e, digits: asked.append(digits) or True)
    for precisions, digits in (((64,), 19), ((32,), 15), ((64, 4096), 1228), ((40,), 15), ((60,), 18)):
        asked.clear()
        assert balls.certify_nonzero(sp.sqrt(2), precisions) is True
        assert asked == [digits] and type(asked[0]) is int, (precisions, asked)


def test_evalf_fallback_never_certifies_an_exact_zero(monkeypatch):
    from symconv.exact import balls
    zero = sp.Mul(0, sp.pi, evaluate=False)            # evalf gives the exact Integer 0, without raising
    assert zero.evalf(20, strict=True) == 0
    assert balls._evalf_fallback(zero, 20) is None
    assert balls._evalf_fallback(sp.Add(sp.pi, 1, -sp.pi, evaluate=False), 20) is True
    monkeypatch.setattr(balls, "HAVE_FLINT", False)
    assert balls.certify_nonzero(zero) is None
