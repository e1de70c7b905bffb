"""Exact checks about kernels as polynomials, with generic symbolic kernels.

Each check takes a size n and covers every pair of kernel lengths up to n
that involves n, so a range n = 1..N covers all pairs up to N.

>>> [kernel_poly_mul_eq_conv(n) for n in (1, 2, 5)]
[None, None, None]
>>> print(kernel_poly_mul_eq_conv(2, use_correlation=True))  # doctest: +ELLIPSIS
n=2: lengths (1, 2): ...
"""

from __future__ import annotations

import sympy as sp

from ..engine.verdict import Counterexample
from ..objects import circular_convolve
from ..objects.kernels import (conv_full, correlate_full, dilate, kernel_polynomial, receptive_field,
                               stack)

__all__ = ["kernel_poly_mul_eq_conv", "correlation_poly_eq_laurent", "circular_poly_eq_mod",
           "conv_support_span", "stack_receptive_field", "iterated_filter_size", "generic_kernel",
           "kernel_factors_into_size3"]

X = sp.Symbol("x")


def generic_kernel(name: str, k: int, nonzero_ends: bool = False) -> list:
    """Symbols name_0..name_{k-1}; the two end taps declared non-zero when asked."""
    return [sp.Symbol(f"{name}_{t}", nonzero=True) if nonzero_ends and t in (0, k - 1)
            else sp.Symbol(f"{name}_{t}") for t in range(k)]


def _pairs(n: int):
    for k1 in range(1, n + 1):
        for k2 in range(1, n + 1):
            if max(k1, k2) == n:
                yield k1, k2


def kernel_poly_mul_eq_conv(n: int, use_correlation: bool = False) -> Counterexample | None:
    """P_{a*b} = P_a P_b (use_correlation=True: the false claim with a star b in place of a*b)."""
    for k1, k2 in _pairs(n):
        a, b = generic_kernel("a", k1), generic_kernel("b", k2)
        c = correlate_full(a, b)[0] if use_correlation else conv_full(a, b)
        diff = sp.expand(kernel_polynomial(c, X) - kernel_polynomial(a, X) * kernel_polynomial(b, X))
        if diff != 0:
            return Counterexample(n, f"lengths ({k1}, {k2}): P_(a*b) - P_a P_b = {diff}")
    return None


def correlation_poly_eq_laurent(n: int, swapped: bool = False) -> Counterexample | None:
    """sum_s (a star b)_s x^s = P_a(x) P_b(1/x) (swapped=True: the false P_a(1/x) P_b(x))."""
    for k1, k2 in _pairs(n):
        a, b = generic_kernel("a", k1), generic_kernel("b", k2)
        corr, lo = correlate_full(a, b)
        lhs = sum((v * X**(lo + q) for q, v in enumerate(corr)), sp.Integer(0))
        pa, pb = kernel_polynomial(a, X), kernel_polynomial(b, X)
        rhs = pa.subs(X, 1 / X) * pb if swapped else pa * pb.subs(X, 1 / X)
        diff = sp.cancel(lhs - rhs)
        if diff != 0:
            return Counterexample(n, f"lengths ({k1}, {k2}): difference {sp.factor(diff)}")
    return None


def circular_poly_eq_mod(n: int, modulus_sign: int = -1) -> Counterexample | None:
    """P_{a (*) b} = P_a P_b mod (x^n - 1) for length-n a, b (modulus_sign=+1: the false x^n + 1)."""
    a, b = generic_kernel("a", n), generic_kernel("b", n)
    lhs = kernel_polynomial(circular_convolve(a, b), X)
    rhs = sp.rem(sp.expand(kernel_polynomial(a, X) * kernel_polynomial(b, X)), X**n + modulus_sign, X)
    diff = sp.expand(lhs - rhs)
    if diff != 0:
        return Counterexample(n, f"P_(a (*) b) - (P_a P_b mod x^{n} {'+' if modulus_sign > 0 else '-'} 1) = {diff}")
    return None


def _span_of(c: list) -> tuple[int, bool]:
    """(span, ends_certainly_nonzero) of a kernel with symbolic entries."""
    first, last = sp.sympify(c[0]), sp.sympify(c[-1])
    return len(c), bool(first.is_nonzero) and bool(last.is_nonzero)


def conv_support_span(n: int, off_by: int = 0) -> Counterexample | None:
    """|a * b| = |a| + |b| - 1 when the end taps are non-zero (off_by=1: the false |a| + |b|)."""
    for k1, k2 in _pairs(n):
        a, b = generic_kernel("a", k1, True), generic_kernel("b", k2, True)
        span, ends = _span_of(conv_full(a, b))
        want = k1 + k2 - 1 + off_by
        if not ends or span != want:
            return Counterexample(n, f"lengths ({k1}, {k2}): a*b has span {span} "
                                     f"(end taps non-zero: {ends}), claimed {want}")
    return None


def stack_receptive_field(n: int, naive: bool = False) -> Counterexample | None:
    """n stacked kernels of sizes k <= 4 and dilations d <= 3 see 1 + sum (k_i - 1) d_i inputs.

    The stack is computed exactly with generic kernels (non-zero ends).
    naive=True checks the false claim that L layers of size k see L*k inputs.
    """
    for k in range(1, 5):
        for d in range(1, 4):
            ks = [dilate(generic_kernel(f"h{q}", k, True), d) for q in range(n)]
            span, ends = _span_of(stack(ks))
            want = n * k if naive else receptive_field([k] * n, [d] * n)
            if not ends or span != want:
                return Counterexample(n, f"{n} layers of size {k}, dilation {d}: span {span}, claimed {want}")
    return None


def iterated_filter_size(n: int, formula=None) -> Counterexample | None:
    """Slides 001: N passes of a size-M filter equal one filter of size 2*((M-1)/2)*N + 1 (N = n)."""
    formula = formula or (lambda M, N: 2 * sp.Rational(M - 1, 2) * N + 1)
    for M in range(1, 8):
        span, ends = _span_of(stack([generic_kernel(f"g{q}", M, True) for q in range(n)]))
        want = formula(M, n)
        if not ends or span != want:
            return Counterexample(n, f"{n} passes of a size-{M} filter: size {span}, formula gives {want}")
    return None


def kernel_factors_into_size3(n: int, rational_only: bool = False, seed: int = 0,
                              dps: int = 40) -> Counterexample | None:
    """Seeded instances with L = n: random integer kernels of size 2L+1, and kernels built from
    chosen rational roots, factor into L size-3 kernels (exactly when the roots are rational,
    else with reconstruction error below 10^-(dps-10)).

    rational_only=True checks the false claim that the size-3 factors can always be taken
    with rational taps: Phi_5(x^m)-type kernels with an irreducible quartic factor refute it.
    """
    import random

    from ..objects.factorize import factor_into_size3

    rnd = random.Random(1000 * seed + n)
    X_ = sp.Symbol("x")
    if rational_only:
        kern = [1, 1, 1, 1, 1] + [0] * (2 * n - 4) if n >= 2 else None
        if kern is None:
            return None
        P = sp.Poly(sum(c * X_**t for t, c in enumerate(kern)), X_)
        _, facs = P.factor_list()
        if any(f.degree() > 2 for f, _ in facs):
            return Counterexample(n, f"kernel {kern}: P_a = {P.as_expr()} has the factor "
                                     f"{[f.as_expr() for f, _ in facs if f.degree() > 2][0]}, irreducible "
                                     "over Q of degree > 2, so no factorisation into rational size-3 kernels exists")
        return None
    cases = [[rnd.randint(-9, 9) for _ in range(2 * n)] + [rnd.choice([-3, -2, -1, 1, 2, 3])] for _ in range(3)]
    roots = [sp.Rational(rnd.randint(-6, 6), rnd.randint(1, 3)) for _ in range(2 * n)]
    cases.append([int(c) if c.is_Integer else c for c in reversed(sp.Poly(
        sp.Mul(*(X_ - r for r in roots)), X_).all_coeffs())])
    for kern in cases:
        f = factor_into_size3(kern, dps=dps)
        if len(f.factors) != n or any(len(h) != 3 for h in f.factors):
            return Counterexample(n, f"kernel {kern}: got {len(f.factors)} factors")
        if any(not sp.sympify(str(c)).is_real for h in f.factors for c in h):
            return Counterexample(n, f"kernel {kern}: a factor is not real")
        if not f.exact and f.reconstruction_error > 10.0 ** (-(dps - 10)):
            return Counterexample(n, f"kernel {kern}: reconstruction error {f.reconstruction_error:.2e}")
        if kern is cases[-1] and not f.exact:
            return Counterexample(n, f"kernel {kern} with rational roots was not factored exactly")
    return None
