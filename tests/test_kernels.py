import itertools
import random
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp

import symconv as sc

from symconv.objects.factorize import count_pairings, factor_into_size3
from symconv.objects.kernels import (conv_full, correlate_full, dilate, kernel_polynomial, receptive_field,
                                     stack, support_span)


def test_exact_where_int64_overflows():
    """NumPy int64 silently overflows when stacking many integer kernels; symconv does not."""
    kernels = [[3, 7, 5]] * 24
    exact = stack(kernels)
    x = sp.Symbol("x")
    assert exact == [int(c) for c in reversed(sp.Poly((5 * x**2 + 7 * x + 3)**24, x).all_coeffs())]
    assert max(exact) > np.iinfo(np.int64).max
    wrapped = np.array([1], dtype=np.int64)
    for k in kernels:
        wrapped = np.convolve(wrapped, np.array(k, dtype=np.int64))
    assert [int(v) for v in wrapped] != exact          # silently wrong


def test_numpy_conventions():
    rng = np.random.default_rng(0)
    a, b = rng.integers(-5, 6, 4).tolist(), rng.integers(-5, 6, 3).tolist()
    assert conv_full(a, b) == np.convolve(a, b).tolist()
    corr, lo = correlate_full(a, b)
    assert corr == np.correlate(a, b, "full").tolist() and lo == -(len(b) - 1)
    assert dilate([1, 2, 3], 3) == [1, 0, 0, 2, 0, 0, 3]
    assert support_span(stack([dilate([1, 2, 3], 2)] * 3)) == receptive_field([3] * 3, [2] * 3)


def test_exact_rationals_and_symbols():
    assert conv_full([Fraction(1, 2)], [Fraction(2, 3), 1]) == [Fraction(1, 3), Fraction(1, 2)]
    a0, a1 = sp.symbols("a0 a1")
    assert sp.expand(kernel_polynomial(conv_full([a0, a1], [a0, -a1]))) == sp.expand(
        (a0 + a1 * sp.Symbol("x")) * (a0 - a1 * sp.Symbol("x")))


@pytest.mark.parametrize("call, exc, fragment", [
    (lambda: conv_full([], [1]), ValueError, "non-empty"),
    (lambda: dilate([1, 2], 0), ValueError, "d must be a positive int"),
    (lambda: receptive_field([3, 3], [1]), ValueError, "dilations must have 2 entries"),
    (lambda: receptive_field([]), ValueError, "at least one"),
    (lambda: factor_into_size3([0, 0, 0]), ValueError, "non-zero tap"),
    (lambda: factor_into_size3([1, 2, 3, 4, 5], layers=1), ValueError, "layers must be >= 2"),
    (lambda: factor_into_size3([1, sp.sqrt(2), 1]), ValueError, "rational"),
])
def test_bad_inputs(call, exc, fragment):
    with pytest.raises(exc, match=fragment):
        call()


def _brute_force_count(roots):
    """Distinct multisets of monic quadratics from pairing the (rational) roots."""
    found = set()
    for perm in itertools.permutations(roots):
        pairs = tuple(sorted(tuple(sorted(perm[q:q + 2])) for q in range(0, len(perm), 2)))
        found.add(pairs)
    return len(found)


@pytest.mark.parametrize("roots", [[1, 2, 3, 4], [1, 1, 2, 2], [0, 0, 0, 0], [-1, 2, 2, 5, 7, 7]])
def test_factorisation_count_matches_brute_force(roots):
    x = sp.Symbol("x")
    kern = [int(c) for c in reversed(sp.Poly(sp.Mul(*(x - r for r in roots)), x).all_coeffs())]
    f = factor_into_size3(kern)
    assert f.exact and f.count_unordered == _brute_force_count(roots) == count_pairings(roots)
    assert stack(f.factors) == kern


def test_factorisation_with_complex_roots_and_padding():
    f = factor_into_size3([1, 1, 1, 1, 1])            # Phi_5: irreducible over Q, two real quadratics
    assert not f.exact and f.reconstruction_error < 1e-40 and f.complex_pairs == 2 and f.count_unordered == 1
    g = factor_into_size3([2, 3], layers=3)           # degree 1: one real root and three at infinity
    assert g.factors == [[2, 3, 0], [1, 0, 0], [1, 0, 0]] and g.roots_at_infinity == 5


def test_random_kernels_reconstruct():
    rnd = random.Random(5)
    for L in (1, 2, 5, 8):
        kern = [rnd.randint(-9, 9) for _ in range(2 * L)] + [7]
        f = factor_into_size3(kern)
        assert len(f.factors) == L
        assert f.exact or f.reconstruction_error < 1e-40


from symconv.objects.kernels2d import conv2d_full, separable, split_into_two  # noqa: E402

G5 = [[1, 4, 6, 4, 1], [4, 16, 24, 16, 4], [6, 24, 36, 24, 6], [4, 16, 24, 16, 4], [1, 4, 6, 4, 1]]


def test_seed_binomial_5x5_is_binomial_3x3_twice():
    d = split_into_two(G5)
    assert d.factors and conv2d_full(d.A, d.B) == G5
    assert separable(d.A) is not None


def test_box_5x5_is_not_a_stack_over_q():
    d = split_into_two([[1] * 5] * 5)
    assert not d.factors and "x**4 + x**3 + x**2 + x + 1" in d.reason


def test_random_stacks_are_recognised_and_random_kernels_rejected():
    rnd = random.Random(2)
    for _ in range(5):
        A = [[rnd.randint(-3, 3) for _ in range(3)] for _ in range(3)]
        B = [[rnd.randint(-3, 3) for _ in range(3)] for _ in range(3)]
        A[0][0] = A[0][0] or 1
        B[2][2] = B[2][2] or 1
        K = conv2d_full(A, B)
        d = split_into_two(K)
        assert d.factors and conv2d_full(d.A, d.B) == K
    K = [[1, 0, 0, 0, 0], [0] * 5, [0, 0, 0, 0, 0], [0] * 5, [0, 0, 0, 0, 1]]
    K[0][4] = 1                                  # 1 + y^4 + x^4 y^4: irreducible of bidegree (4, 4)
    assert not split_into_two(K).factors


def test_kernel2d_bad_inputs():
    with pytest.raises(ValueError, match="must be 5x5"):
        split_into_two([[1, 2], [3, 4]])
    with pytest.raises(ValueError, match="rectangular"):
        separable([[1, 2], [3]])


def test_factorisation_without_flint_agrees(monkeypatch):
    """The mpmath (Aberth) path and the python-flint path give the same factors."""
    import builtins
    kern = [3, -1, 4, 1, -5, 9, 2, -6, 5]
    with_flint = factor_into_size3(kern, dps=40)
    real_import = builtins.__import__

    def no_flint(name, *args, **kw):
        if name == "flint":
            raise ImportError("flint hidden for this test")
        return real_import(name, *args, **kw)
    monkeypatch.setattr(builtins, "__import__", no_flint)
    without = factor_into_size3(kern, dps=40)
    assert with_flint.reconstruction_error < 1e-35 and without.reconstruction_error < 1e-35
    key = lambda f: sorted(tuple(round(float(c), 12) for c in h) for h in f.factors)  # noqa: E731
    assert key(with_flint) == key(without)


@pytest.mark.parametrize("n", [2, 3, 5])
def test_ring_checks_refute_their_false_claims(n):
    """The kernel identities decided in a polynomial ring: each false claim comes out a counterexample."""
    from symconv.verify import kernels as VK
    assert isinstance(VK.kernel_poly_mul_eq_conv(n), sc.Holds)
    assert isinstance(VK.kernel_poly_mul_eq_conv(n, use_correlation=True), sc.Counterexample)
    assert isinstance(VK.correlation_poly_eq_laurent(n), sc.Holds)
    assert isinstance(VK.correlation_poly_eq_laurent(n, swapped=True), sc.Counterexample)
    assert isinstance(VK.circular_poly_eq_mod(n), sc.Holds)
    assert isinstance(VK.circular_poly_eq_mod(n, modulus_sign=1), sc.Counterexample)
    assert isinstance(VK.stack_image_dimension(n), sc.Holds)
