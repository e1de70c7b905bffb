"""Exact checks about kernels as polynomials, with generic symbolic kernels.

Each check takes a size n and covers every pair of kernel lengths up to n
that involves n, so a range n = 1..N covers all pairs up to N.

>>> print(kernel_poly_mul_eq_conv(2))
P_(a*b) = P_a P_b exactly for generic a, b with lengths (1, 2), (2, 1), (2, 2) (n=2)
>>> print(kernel_poly_mul_eq_conv(2, use_correlation=True))  # doctest: +ELLIPSIS
n=2: lengths (1, 2): ...
"""

from __future__ import annotations

import sympy as sp

from ..engine.verdict import Counterexample, Holds
from ..objects import circular_convolve
from ..objects.kernels import (conv_full, correlate_full, dilate, kernel_polynomial, receptive_field,
                               stack)

__all__ = ["kernel_poly_mul_eq_conv", "correlation_poly_eq_laurent", "circular_poly_eq_mod",
           "conv_support_span", "stack_receptive_field", "iterated_filter_size", "generic_kernel",
           "kernel_factors_into_size3", "separable_iff_rank_one", "stack_image_dimension",
           "every_kernel_is_a_stack", "dilate_poly_eq_comp_pow"]

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


def _pairs_text(n: int) -> str:
    pairs = list(_pairs(n))
    shown = ", ".join(f"({a}, {b})" for a, b in pairs[:4])
    return shown + (f", ... ({len(pairs)} pairs with max = {n})" if len(pairs) > 4 else "")


def _ring(*kernels):
    """Sparse polynomials over Z in x and the kernels' taps."""
    return sp.ring([X, *(v for k in kernels for v in k)], sp.ZZ, sp.lex)[0]


def _poly(R, coeffs, shift: int = 0):
    """x^shift P_v(x) in the ring R, P_v from the library's kernel_polynomial (shift >= 0)."""
    return R(kernel_polynomial(coeffs, X)) * R(X)**shift


def _output_poly(R, coeffs, shift: int = 0):
    """x^shift sum_q coeffs[q] x^q for a computed kernel (a convolution's output), each entry converted
    into the ring as it is: kernel_polynomial would expand() every product sum first, the slow part."""
    x_ = R(X)
    return sum((R(c) * x_**(shift + q) for q, c in enumerate(coeffs)), R(0))


def kernel_poly_mul_eq_conv(n: int, use_correlation: bool = False) -> Counterexample | Holds:
    """P_{a*b} = P_a P_b (use_correlation=True: the false claim with a star b in place of a*b)."""
    for k1, k2 in _pairs(n):
        a, b = generic_kernel("a", k1), generic_kernel("b", k2)
        c = correlate_full(a, b)[0] if use_correlation else conv_full(a, b)
        R = _ring(a, b)
        diff = (_output_poly(R, c) - _poly(R, a) * _poly(R, b)).as_expr()
        if diff != 0:
            return Counterexample(n, f"lengths ({k1}, {k2}): P_(a*b) - P_a P_b = {diff}")
    what = "P_(a star b)" if use_correlation else "P_(a*b)"
    return Holds(f"{what} = P_a P_b exactly for generic a, b with lengths {_pairs_text(n)} (n={n})")


def correlation_poly_eq_laurent(n: int, swapped: bool = False) -> Counterexample | Holds:
    """sum_s (a star b)_s x^s = P_a(x) P_b(1/x) (swapped=True: the false P_a(1/x) P_b(x))."""
    for k1, k2 in _pairs(n):
        a, b = generic_kernel("a", k1), generic_kernel("b", k2)
        corr, lo = correlate_full(a, b)
        # Laurent polynomials are equal iff they are after multiplying by x^m: with m >= -lo, k1 - 1,
        # k2 - 1 both sides are polynomials (x^m P_v(1/x) = x^(m - k + 1) P_rev(v)(x) for v of length k),
        # compared in the ring
        m = max(-lo, k1 - 1, k2 - 1, 0)
        R = _ring(a, b)
        lhs = _output_poly(R, corr, lo + m)
        if swapped:
            rhs = _poly(R, a[::-1], m - k1 + 1) * _poly(R, b)
        else:
            rhs = _poly(R, a) * _poly(R, b[::-1], m - k2 + 1)
        diff = (lhs - rhs).as_expr() / X**m
        if diff != 0:
            return Counterexample(n, f"lengths ({k1}, {k2}): difference {sp.factor(diff)}")
    claim = "P_a(1/x) P_b(x)" if swapped else "P_a(x) P_b(1/x)"
    return Holds(f"sum_s (a star b)_s x^s = {claim} exactly (cancelled to 0) for generic a, b with lengths "
                 f"{_pairs_text(n)} (n={n})")


def _rem_x_pow(P, n: int, sign: int):
    """The remainder of P (a ring element, x the ring's first generator) by the monic x^n + sign, as the
    ring's ``rem`` computes it: x^n = -sign, so each term c x^e m (m free of x) becomes
    c (-sign)^(e div n) x^(e mod n) m, the unique remainder whose degree in x is below n."""
    R = P.ring
    if R.symbols[0] != X or n < 1 or sign not in (-1, 1):
        return P.rem(R(X)**n + sign)
    out: dict = {}
    for m, c in P.items():
        q, r = divmod(m[0], n)
        key = (r,) + m[1:]
        out[key] = out.get(key, 0) + (c if sign == -1 or q % 2 == 0 else -c)
    return R({k: v for k, v in out.items() if v})


def circular_poly_eq_mod(n: int, modulus_sign: int = -1) -> Counterexample | Holds:
    """P_{a (*) b} = P_a P_b mod (x^n - 1) for length-n a, b (modulus_sign=+1: the false x^n + 1)."""
    a, b = generic_kernel("a", n), generic_kernel("b", n)
    # sparse polynomials over Z in x and the taps, x first in lex order: dividing by the monic x^n +- 1
    # leaves the remainder in x, of degree < n, as SymPy's univariate rem would (much faster)
    R = _ring(a, b)
    lhs = _output_poly(R, circular_convolve(a, b))
    rhs = _rem_x_pow(_poly(R, a) * _poly(R, b), n, modulus_sign)
    diff = (lhs - rhs).as_expr()
    if diff != 0:
        return Counterexample(n, f"P_(a (*) b) - (P_a P_b mod x^{n} {'+' if modulus_sign > 0 else '-'} 1) = {diff}")
    return Holds(f"P_(a (*) b) = P_a P_b mod x^{n} {'+' if modulus_sign > 0 else '-'} 1 exactly for generic "
                 f"length-{n} a, b (n={n})")


def _span_of(c: list) -> tuple[int, bool]:
    """(span, ends_certainly_nonzero) of a kernel with symbolic entries."""
    first, last = sp.sympify(c[0]), sp.sympify(c[-1])
    return len(c), bool(first.is_nonzero) and bool(last.is_nonzero)


def conv_support_span(n: int, off_by: int = 0) -> Counterexample | Holds:
    """|a * b| = |a| + |b| - 1 when the end taps are non-zero (off_by=1: the false |a| + |b|)."""
    for k1, k2 in _pairs(n):
        a, b = generic_kernel("a", k1, True), generic_kernel("b", k2, True)
        span, ends = _span_of(conv_full(a, b))
        want = k1 + k2 - 1 + off_by
        if not ends or span != want:
            return Counterexample(n, f"lengths ({k1}, {k2}): a*b has span {span} "
                                     f"(end taps non-zero: {ends}), claimed {want}")
    return Holds(f"|a * b| = |a| + |b| - 1{' + ' + str(off_by) if off_by else ''} with certainly non-zero end taps, "
                 f"generic a, b with lengths {_pairs_text(n)} (n={n})")


def stack_receptive_field(n: int, naive: bool = False) -> Counterexample | Holds:
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
    claim = "n k" if naive else "1 + sum (k_i - 1) d_i"
    return Holds(f"{n} stacked generic kernels (non-zero ends) of size k = 1..4, dilation d = 1..3: span = {claim} "
                 f"in all 12 cases (n={n})")


def iterated_filter_size(n: int, formula=None) -> Counterexample | Holds:
    """Slides 001: N passes of a size-M filter equal one filter of size 2*((M-1)/2)*N + 1 (N = n)."""
    formula = formula or (lambda M, N: 2 * sp.Rational(M - 1, 2) * N + 1)
    for M in range(1, 8):
        span, ends = _span_of(stack([generic_kernel(f"g{q}", M, True) for q in range(n)]))
        want = formula(M, n)
        if not ends or span != want:
            return Counterexample(n, f"{n} passes of a size-{M} filter: size {span}, formula gives {want}")
    return Holds(f"{n} passes of a generic size-M filter (non-zero ends) have the size the formula gives, "
                 f"M = 1..7 (n={n})")


def _is_real_tap(c) -> bool:
    """Whether SymPy reads the printed tap as a real number (``sympify(str(c)).is_real``), decided
    without printing and parsing for the kinds of taps a factorisation holds: a Python int or a SymPy
    rational is real, an mpmath mpf is read as a Float exactly when it is finite (inf and nan are not
    real).  Anything else is printed and parsed, as before."""
    import mpmath
    if type(c) is int or isinstance(c, sp.Rational):
        return True
    if type(c) is mpmath.mpf:
        return bool(mpmath.isfinite(c))
    return bool(sp.sympify(str(c)).is_real)


def kernel_factors_into_size3(n: int, rational_only: bool = False, seed: int = 0,
                              dps: int = 40) -> Counterexample | Holds:
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
            return Holds(f"n={n}: no kernel of size {2 * n + 1} is tried (the refuting family needs n >= 2)")
        P = sp.Poly(sum(c * X_**t for t, c in enumerate(kern)), X_)
        _, facs = P.factor_list()
        if any(f.degree() > 2 for f, _ in facs):
            return Counterexample(n, f"kernel {kern}: P_a = {P.as_expr()} has the factor "
                                     f"{[f.as_expr() for f, _ in facs if f.degree() > 2][0]}, irreducible "
                                     "over Q of degree > 2, so no factorisation into rational size-3 kernels exists")
        return Holds(f"kernel {kern}: P_a = {P.as_expr()} factors over Q into factors of degree <= 2 (n={n})")
    cases = [[rnd.randint(-9, 9) for _ in range(2 * n)] + [rnd.choice([-3, -2, -1, 1, 2, 3])] for _ in range(3)]
    roots = [sp.Rational(rnd.randint(-6, 6), rnd.randint(1, 3)) for _ in range(2 * n)]
    cases.append([int(c) if c.is_Integer else c for c in reversed(sp.Poly(
        sp.Mul(*(X_ - r for r in roots)), X_).all_coeffs())])
    for kern in cases:
        f = factor_into_size3(kern, dps=dps)
        if len(f.factors) != n or any(len(h) != 3 for h in f.factors):
            return Counterexample(n, f"kernel {kern}: got {len(f.factors)} factors")
        if any(not _is_real_tap(c) for h in f.factors for c in h):
            return Counterexample(n, f"kernel {kern}: a factor is not real")
        if not f.exact and f.reconstruction_error > 10.0 ** (-(dps - 10)):
            return Counterexample(n, f"kernel {kern}: reconstruction error {f.reconstruction_error:.2e}")
        if kern is cases[-1] and not f.exact:
            return Counterexample(n, f"kernel {kern} with rational roots was not factored exactly")
    return Holds(f"3 seeded random integer kernels of size {2 * n + 1} factor into {n} real size-3 kernels "
                 f"(reconstruction error < 1e-{dps - 10}), and one with {2 * n} rational roots factors exactly "
                 f"(instances, seed {seed}, n={n})")


def separable_iff_rank_one(n: int, symmetric_claim: bool = False) -> Counterexample | Holds:
    """n x n: P_{u v^T}(x, y) = p_u(x) q_v(y) for generic u, v, and separable() recovers u v^T
    from a seeded rank-1 rational K and rejects a seeded rank-2 one.

    symmetric_claim=True checks the false 'separable iff symmetric' on the exchange matrix.
    """
    import random

    from ..objects.kernels2d import kernel2d_polynomial, separable

    if symmetric_claim:
        if n < 2:
            return Holds("n=1: every 1x1 kernel is symmetric and separable")
        J = [[1 if i + j == n - 1 else 0 for j in range(n)] for i in range(n)]
        if separable(J) is None:
            return Counterexample(n, f"the exchange matrix {J} is symmetric but has rank {n}, so it is not separable")
        return Holds(f"the exchange matrix {J} is symmetric and separable (n={n})")
    u, v = generic_kernel("u", n), generic_kernel("v", n)
    K = [[u[i] * v[j] for j in range(n)] for i in range(n)]
    Y = sp.Symbol("y")
    lhs = kernel2d_polynomial(K)
    rhs = kernel_polynomial(u, X) * kernel_polynomial(v, X).subs(X, Y)
    if sp.expand(lhs - rhs) != 0:
        return Counterexample(n, "P_{u v^T} != p(x) q(y)")
    rnd = random.Random(n)
    uu = [rnd.randint(-4, 4) or 1 for _ in range(n)]
    vv = [rnd.randint(-4, 4) or 1 for _ in range(n)]
    K1 = [[a * b for b in vv] for a in uu]
    got = separable(K1)
    if got is None or [[sp.Rational(a) * b for b in got[1]] for a in got[0]] != K1:
        return Counterexample(n, f"separable() failed on the rank-1 kernel {K1}")
    if n >= 2:
        K2 = [row[:] for row in K1]
        K2[0][0] += 1
        if separable(K2) is not None:
            return Counterexample(n, f"separable() accepted the rank-2 kernel {K2}")
    return Holds(f"P_(u v^T)(x, y) = p_u(x) q_v(y) exactly for generic u, v of length {n}; separable() recovers a "
                 f"seeded rank-1 kernel" + (" and rejects a seeded rank-2 one" if n >= 2 else "") + f" (n={n})")


def stack_image_dimension(n: int) -> Counterexample | Holds:
    """Stacking two n x n kernels: the image in R^((2n-1)^2) has dimension exactly 2n^2 - 1.

    Upper bound: (cA, B/c) has the same stack, so the tangent direction (A, -B) lies in
    the kernel of the Jacobian everywhere (checked symbolically).  Lower bound: the Jacobian
    has rank 2n^2 - 1 at a seeded rational point (rank at one point bounds the generic rank).
    """
    import random

    from ..objects.kernels2d import conv2d_full

    from sympy.polys.matrices import DomainMatrix

    A = [[sp.Symbol(f"A_{i}_{j}") for j in range(n)] for i in range(n)]
    B = [[sp.Symbol(f"B_{i}_{j}") for j in range(n)] for i in range(n)]
    avars, bvars = [e for r in A for e in r], [e for r in B for e in r]
    out = [e for r in conv2d_full(A, B) for e in r]
    R = sp.ring(avars + bvars, sp.ZZ)[0]            # sparse integer polynomials: exact, no expand()
    ra, rb = [R(w) for w in avars], [R(w) for w in bvars]
    ia, ib = [R.gens.index(w) for w in ra], [R.gens.index(w) for w in rb]   # their positions among R's gens, once
    for e in out:   # J (A, -B) = sum A dA e - sum B dB e = e - e = 0 (bilinear): checked exactly
        E = R(e)    # (d/dw by the generator's index: the same derivative, without searching the generators)
        if sum((w * E.diff(q) for w, q in zip(ra, ia)), R(0)) - sum((w * E.diff(q) for w, q in zip(rb, ib)), R(0)) != 0:
            return Counterexample(n, "the scaling direction is not in the Jacobian's kernel")
    rnd = random.Random(n)
    Ap = [[sp.Rational(rnd.randint(-9, 9), rnd.randint(1, 5)) for _ in range(n)] for _ in range(n)]
    Bp = [[sp.Rational(rnd.randint(-9, 9), rnd.randint(1, 5)) for _ in range(n)] for _ in range(n)]
    cols = []
    for p_ in range(n):          # d(A*B)/dA_pq = E_pq * B, d(A*B)/dB_pq = A * E_pq at the point
        for q_ in range(n):
            E = [[1 if (i, j) == (p_, q_) else 0 for j in range(n)] for i in range(n)]
            cols.append([e for r in conv2d_full(E, Bp) for e in r])
    for p_ in range(n):
        for q_ in range(n):
            E = [[1 if (i, j) == (p_, q_) else 0 for j in range(n)] for i in range(n)]
            cols.append([e for r in conv2d_full(Ap, E) for e in r])
    rows = [[sp.QQ(int(sp.Rational(c[k]).p), int(sp.Rational(c[k]).q)) for c in cols] for k in range(len(out))]
    r = DomainMatrix(rows, (len(out), len(cols)), sp.QQ).rank()
    if r != 2 * n * n - 1:
        return Counterexample(n, f"Jacobian rank {r} at the seeded point, expected {2 * n * n - 1}")
    return Holds(f"the scaling direction (A, -B) is in the Jacobian's kernel symbolically, and the Jacobian has rank "
                 f"{2 * n * n - 1} at a seeded rational point: the image has dimension 2n^2 - 1 = {2 * n * n - 1} (n={n})")


def every_kernel_is_a_stack(n: int) -> Counterexample | Holds:
    """The false claim 'every (2n-1)x(2n-1) rational kernel is a stack of two n x n rational
    kernels', refuted for n >= 2 by the box filter of size 2n-1 (with a certificate)."""
    from ..objects.kernels2d import split_into_two

    if n < 2:
        return Holds("n=1: every 1x1 kernel is a stack of two 1x1 kernels")
    box = [[1] * (2 * n - 1) for _ in range(2 * n - 1)]
    d = split_into_two(box, size=n)
    if not d.factors:
        return Counterexample(n, f"the {2 * n - 1}x{2 * n - 1} box filter is not a stack of two {n}x{n} "
                                 f"rational kernels: {d.reason}")
    return Holds(f"the {2 * n - 1}x{2 * n - 1} box filter is a stack of two {n}x{n} rational kernels (n={n})")


def dilate_poly_eq_comp_pow(n: int, wrong_power: bool = False) -> Counterexample | Holds:
    """P_{dilate(a, d)}(x) = P_a(x^d) for generic a of size n and d = 1..4
    (wrong_power=True: the false P_a(x)^d)."""
    from ..objects.kernels import dilate

    a = generic_kernel("a", n)
    for d in range(1, 5):
        lhs = kernel_polynomial(dilate(a, d), X)
        rhs = kernel_polynomial(a, X) ** d if wrong_power else kernel_polynomial(a, X).subs(X, X**d)
        if sp.expand(lhs - rhs) != 0:
            return Counterexample(n, f"d={d}: P_(a dilated) - claim = {sp.expand(lhs - rhs)}")
    return Holds(f"P_(dilate(a, d))(x) = {'P_a(x)^d' if wrong_power else 'P_a(x^d)'} exactly for generic a of size {n}, "
                 f"d = 1..4 (n={n})")
