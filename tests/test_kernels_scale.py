"""Kernels at scale: stacking by a product tree (python-flint or pure Python, the same values as one
product after another), and factor_into_size3 with certified roots (the same real roots, count and
explanation as a full SymPy root isolation; a reconstruction error that bounds the true one)."""

import builtins
import random
from fractions import Fraction

import pytest
import sympy as sp

from symconv.objects.factorize import count_pairings, factor_into_size3
from symconv.objects.kernels import conv_full, stack


@pytest.fixture
def no_flint(monkeypatch):
    real_import = builtins.__import__

    def hidden(name, *args, **kw):
        if name == "flint" or name.startswith("flint."):
            raise ImportError("flint hidden for this test")
        return real_import(name, *args, **kw)
    monkeypatch.setattr(builtins, "__import__", hidden)


def _sequential(ks):
    """The old way: one product after another."""
    out = ks[0]
    for k in ks[1:]:
        out = conv_full(out, k)
    return out


def _random_kernels(rnd, count, kind):
    def tap():
        v = rnd.randint(-9, 9)
        if kind == "int":
            return v
        q = rnd.randint(1, 7)
        return Fraction(v, q) if kind == "fraction" else sp.Rational(v, q)
    return [[tap() for _ in range(rnd.randint(1, 5))] for _ in range(count)]


CASES = [(kind, count, seed) for kind in ("int", "fraction", "sympy") for count in (1, 2, 7, 40) for seed in (0, 1)]


@pytest.mark.parametrize("kind, count, seed", CASES)
def test_stack_equals_sequential_products(kind, count, seed):
    ks = _random_kernels(random.Random(100 * seed + count), count, kind)
    want = _sequential(ks)
    got = stack(ks)
    assert got == want and len(got) == len(want)
    if kind == "int":
        assert all(type(v) is int for v in got)
    if kind == "sympy":
        assert all(isinstance(v, sp.Rational) for v in got)


@pytest.mark.parametrize("kind, count, seed", CASES)
def test_stack_without_flint_is_the_same(kind, count, seed, no_flint):
    ks = _random_kernels(random.Random(100 * seed + count), count, kind)
    got = stack(ks)
    assert got == _sequential(ks)
    if kind == "int":
        assert all(type(v) is int for v in got)


def test_stack_big_integers_and_zeros():
    rnd = random.Random(3)
    ks = [[rnd.randint(-10**30, 10**30) for _ in range(3)] for _ in range(64)]
    assert stack(ks) == _sequential(ks)
    assert stack([[0, 0, 0], [1, 2]]) == [0, 0, 0, 0]
    assert stack([[0, 1], [0, 0, 1]]) == [0, 0, 0, 1]            # low zeros kept, length kept


def test_stack_other_entries_use_the_tree():
    a = sp.Symbol("a")
    assert stack([[a, 1]] * 3) == _sequential([[a, 1]] * 3)
    assert stack([[0.5, 1.0], [2.0, 1.0]]) == [1.0, 2.5, 1.0]
    with pytest.raises(ValueError, match="at least one kernel"):
        stack([])


def _random_kernel(rnd, L):
    return [rnd.randint(-9, 9) for _ in range(2 * L)] + [rnd.choice([-3, -2, -1, 1, 2, 3])]


def _structured_kernels():
    x = sp.Symbol("x")
    polys = [(x**3 - 2) ** 2 * (x - 1) * (2 * x**5 - 3 * x + 1) * (x**2 - 3),
             (x**5 - x - 1) ** 2 * (3 * x**4 - 7),
             (x**6 - 2) * (x + 3) ** 3 * (x**2 + 1)]
    return [[int(c) for c in reversed(sp.Poly(p, x).all_coeffs())] for p in polys]


def _kernels():
    rnd = random.Random(21)
    return [_random_kernel(rnd, L) for L in (1, 2, 3, 5, 9, 16)] + _structured_kernels()


@pytest.mark.parametrize("kern", _kernels(), ids=lambda k: f"size{len(k)}")
def test_real_roots_and_explanation_match_sympy(kern):
    """The real roots come from the factors and the certified count, not from sympy.real_roots:
    they must be the same exact numbers, in the same order, with the same count of pairings."""
    f = factor_into_size3(kern, dps=30)
    P = sp.Poly(list(reversed(kern)), sp.Symbol("x"))
    want = sp.real_roots(P)
    assert len(f.real_roots) == len(want)
    assert f.real_roots == want
    assert f.count_unordered == count_pairings([str(r) for r in want] + ["inf"] * f.roots_at_infinity)
    assert f.complex_pairs == (P.degree() - len(want)) // 2
    assert f"{len(want)} real roots, {f.complex_pairs} conjugate pair(s)" in f.explanation


def _exact_error(factors, taps):
    def fr(c):
        if type(c).__module__.startswith("mpmath"):
            sign, man, exp, _ = c._mpf_
            v = Fraction(int(man)) * Fraction(2) ** int(exp)
            return -v if sign else v
        c = sp.Rational(c)
        return Fraction(int(c.p), int(c.q))
    prod = _sequential([[fr(c) for c in h] for h in factors])
    want = [fr(c) for c in taps] + [Fraction(0)] * (len(prod) - len(taps))
    return max(abs(a - b) for a, b in zip(prod, want))


@pytest.mark.parametrize("L", [2, 5, 12])
def test_reconstruction_error_bounds_the_true_error(L):
    kern = _random_kernel(random.Random(L), L)
    f = factor_into_size3(kern, dps=30)
    assert not f.exact
    true = _exact_error(f.factors, f.kernel)
    assert true > 0
    assert Fraction(f.reconstruction_error) >= true                      # an upper bound ...
    assert Fraction(f.reconstruction_error) <= true * Fraction(33, 32)   # ... and a tight one
    assert f.reconstruction_error < 1e-30


def test_flint_and_pure_paths_agree(monkeypatch):
    kern = _structured_kernels()[0] + [0, 0]
    with_flint = factor_into_size3(kern, dps=40)
    real_import = builtins.__import__

    def hidden(name, *args, **kw):
        if name == "flint" or name.startswith("flint."):
            raise ImportError("flint hidden for this test")
        return real_import(name, *args, **kw)
    monkeypatch.setattr(builtins, "__import__", hidden)
    without = factor_into_size3(kern, dps=40)
    assert with_flint.real_roots == without.real_roots
    assert with_flint.explanation == without.explanation and with_flint.count_unordered == without.count_unordered
    key = lambda f: sorted(tuple(round(float(c), 10) for c in h) for h in f.factors)  # noqa: E731
    assert key(with_flint) == key(without)
    assert with_flint.reconstruction_error < 1e-30 and without.reconstruction_error < 1e-30


def test_arb_fallback_when_the_fast_certification_fails(monkeypatch):
    """certified_roots may give up (None); Arb's complex_roots at full precision then gives the same
    factorisation, real roots, count and explanation."""
    from symconv.exact import poly_roots

    kern = _structured_kernels()[1]
    fast = factor_into_size3(kern, dps=30)
    calls = []
    monkeypatch.setattr(poly_roots, "certified_roots", lambda coeffs, bits: calls.append(bits))
    slow = factor_into_size3(kern, dps=30)
    assert calls                                                   # the fast path was asked, and gave up
    assert slow.real_roots == fast.real_roots and slow.explanation == fast.explanation
    key = lambda f: sorted(tuple(round(float(c), 12) for c in h) for h in f.factors)  # noqa: E731
    assert key(slow) == key(fast)
    assert slow.reconstruction_error < 1e-30 and fast.reconstruction_error < 1e-30
