"""Support sizes and receptive fields: |a * b| = |a| + |b| - 1, L stacked size-k kernels see
L(k-1)+1 inputs, dilation d turns P(x) into P(x^d), and the slides' iterated-filter formula."""

import numpy as np
import sympy as sp

import symconv as sc
from symconv.engine.rules import (EvaluateSum, Fold, LemmaRewrite, PolyIdentity, PullIn, Sift, SwapSums, Unfold,
                                  UseHypothesis)
from symconv.engine.lemmas import NonzeroEndTaps
from symconv.engine.statement import Hypothesis, Statement
from symconv.objects import kernels as K
from symconv.objects.indexed import Pk, X, deg, kconv, lsum, poly_function, sequence_function, size

ORDER = 80  # position in reports and in the LaTeX document

p, q, k, L, d, M, N = sp.symbols("p q k L d M N", integer=True, positive=True)
i = sp.Symbol("i", integer=True, positive=True)
s_, t_ = sp.symbols("s t", integer=True)
A, B = sp.symbols("a b")
g = poly_function("g", "g_{#}")                      # the i-th kernel of a stack

SIZE_A = Hypothesis("|a| = p", sp.Eq(size(A), p), "$|a| = p$")
SIZE_B = Hypothesis("|b| = q", sp.Eq(size(B), q), "$|b| = q$")
END_TAPS = Hypothesis("end taps non-zero", NonzeroEndTaps(A, B), text="the end taps of $a$ and $b$ are non-zero")
FORMAL_SPAN = Statement.identity(size(kconv(A, B)), p + q - 1, hypotheses=(SIZE_A, SIZE_B, END_TAPS))


def _derive_span():
    return [sc.Derivation(size(kconv(A, B)), title=r"$|a*b|$ for kernels whose end taps are non-zero",
                          goal=p + q - 1, hypotheses=(SIZE_A, SIZE_B, END_TAPS))
            .step(deg(Pk(kconv(A, B), X)) + 1,
                  LemmaRewrite("kernel_length_is_degree_plus_one", {size(kconv(A, B)): deg(Pk(kconv(A, B), X)) + 1},
                               r"$|c| = \deg P_c + 1$ (end taps of $a * b$: $a_0 b_0$, $a_{p-1} b_{q-1}$, non-zero)",
                               hypothesis=END_TAPS))
            .step(deg(Pk(A, X) * Pk(B, X)) + 1,
                  LemmaRewrite("polynomial_of_convolution", {Pk(kconv(A, B), X): Pk(A, X) * Pk(B, X)},
                               r"$P_{a*b} = P_a P_b$ (\texttt{kernel\_poly\_mul\_eq\_conv})"))
            .step(deg(Pk(A, X)) + deg(Pk(B, X)) + 1,
                  LemmaRewrite("degree_of_product", {deg(Pk(A, X) * Pk(B, X)): deg(Pk(A, X)) + deg(Pk(B, X))},
                               r"$\deg(PQ) = \deg P + \deg Q$ ($P_a, P_b \neq 0$)", hypothesis=END_TAPS))
            .step(size(A) - 1 + size(B) - 1 + 1,
                  LemmaRewrite("kernel_length_is_degree_plus_one",
                               {deg(Pk(A, X)): size(A) - 1, deg(Pk(B, X)): size(B) - 1}, r"$\deg P_c = |c| - 1$",
                               hypothesis=END_TAPS))
            .step(p - 1 + size(B) - 1 + 1, UseHypothesis(sp.Eq(size(A), p), "$|a| = p$"))
            .step(p + q - 1, UseHypothesis(sp.Eq(size(B), q), "$|b| = q$"))]


def _numeric_span(n_, rng, dps):
    av, bv = rng.standard_normal(n_), rng.standard_normal(n_ + 2)
    full = np.convolve(av, bv)
    err = abs(len(full) - (len(av) + len(bv) - 1)) + abs(full[0] - av[0] * bv[0]) + abs(full[-1] - av[-1] * bv[-1])
    import mpmath
    am, bm = [mpmath.mpf(float(v)) for v in av], [mpmath.mpf(float(v)) for v in bv]
    cm = K.conv_full(am, bm)
    errm = abs(cm[0] - am[0] * bm[0]) + abs(cm[-1] - am[-1] * bm[-1]) + abs(len(cm) - len(full))
    return float(err), float(errm)


conv_support_span = sc.Theorem(
    "conv_support_span",
    "The convolution of kernels of sizes p and q (non-zero end taps) has size exactly p + q - 1.",
    claims="proved",
    latex=r"|a * b| = |a| + |b| - 1",
    derivation=_derive_span, formal=FORMAL_SPAN,
    exact=sc.verify.kernels.conv_support_span, n_range=(1, 12),
    numeric=_numeric_span,
    false_variants=[sc.FalseVariant(
        "conv_support_span_add", "|a * b| = |a| + |b|.",
        exact=lambda n_: sc.verify.kernels.conv_support_span(n_, off_by=1))],
)


def _numeric_dilate(n_, rng, dps):
    import mpmath
    a = rng.standard_normal(n_)
    err, errm = 0.0, 0.0
    for dd in (1, 2, 3):
        xs = 0.7
        lhs = np.polyval(np.array(K.dilate(list(a), dd))[::-1], xs)
        rhs = np.polyval(a[::-1], xs**dd)
        err = max(err, abs(lhs - rhs))
        with mpmath.workdps(dps):
            am = [mpmath.mpf(float(v)) for v in a]
            xm = mpmath.mpf(7) / 10
            errm = max(errm, float(abs(mpmath.polyval(K.dilate(am, dd)[::-1], xm) - mpmath.polyval(am[::-1], xm**dd))))
    return float(err), errm


def _dilate_kit():
    aa = sequence_function("a")
    up = sequence_function("up", r"a^{(\uparrow d)}")
    Pup, Pa = poly_function("Pup", r"P_{a^{(\uparrow d)}}(#)"), poly_function("Pa", "P_a(#)")
    defs = {"up": sp.Lambda((s_,), lsum(aa(t_) * sp.KroneckerDelta(s_, d * t_), t_)),
            "Pup": sp.Lambda((X,), lsum(up(s_) * X**s_, s_)),
            "Pa": sp.Lambda((X,), lsum(aa(t_) * X**t_, t_))}
    return aa, up, Pup, Pa, defs


def _dilate_statement():
    aa, up, Pup, Pa, defs = _dilate_kit()
    return Statement.identity(Pup(X), Pa(X**d), definitions=defs)


def _derive_dilate():
    aa, up, Pup, Pa, defs = _dilate_kit()
    return [sc.Derivation(Pup(X), title=r"$a^{(\uparrow d)}_s = \sum_t a_t\,[s = dt]$", goal=Pa(X**d))
            .step(lsum(lsum(aa(t_) * sp.KroneckerDelta(s_, d * t_), t_) * X**s_, s_),
                  Unfold("Pup", "up", definitions=defs))
            .step(lsum(lsum(aa(t_) * sp.KroneckerDelta(s_, d * t_) * X**s_, t_), s_), PullIn(t_))
            .step(lsum(lsum(aa(t_) * sp.KroneckerDelta(s_, d * t_) * X**s_, s_), t_), SwapSums())
            .step(lsum(aa(t_) * X**(d * t_), t_), Sift(s_))
            .step(Pa(X**d), Fold("Pa", definitions=defs))]


dilate_poly_eq_comp_pow = sc.Theorem(
    "dilate_poly_eq_comp_pow",
    "Dilating a kernel by d (d - 1 zeros between taps) turns its polynomial P(x) into P(x^d).",
    claims="proved",
    derivation=_derive_dilate, formal=_dilate_statement(),
    latex=r"P_{a^{(\uparrow d)}}(x) = P_a(x^d)",
    exact=sc.verify.kernels.dilate_poly_eq_comp_pow, n_range=(1, 12),
    numeric=_numeric_dilate,
    false_variants=[sc.FalseVariant(
        "dilate_poly_eq_pow", "Dilating a kernel by d turns P(x) into P(x)^d.",
        exact=lambda n_: sc.verify.kernels.dilate_poly_eq_comp_pow(n_, wrong_power=True))],
)


SIZE_G = Hypothesis("|g_i| = k", sp.Eq(size(g(i)), k), "$|g_i| = k$")
END_TAPS_G = Hypothesis("end taps of every g_i non-zero", NonzeroEndTaps(g(i)),
                        text="the end taps of every $g_i$ are non-zero")
STACK = Hypothesis("stacking multiplies polynomials (kernel_poly_mul_eq_conv)",
                   text=r"stacking multiplies polynomials (\texttt{kernel\_poly\_mul\_eq\_conv})")
DILATION = Hypothesis("dilation is P(x) -> P(x^d) (dilate_poly_eq_comp_pow)",
                      text=r"dilation is $P(x) \mapsto P(x^d)$ (\texttt{dilate\_poly\_eq\_comp\_pow})")
FORMAL_RF = Statement.identity(deg(sp.Product(Pk(g(i), X**d), (i, 1, L))) + 1, L * d * (k - 1) + 1,
                               hypotheses=(STACK, DILATION, SIZE_G, END_TAPS_G))


def _derive_rf():
    stack_poly = sp.Product(Pk(g(i), X**d), (i, 1, L))
    return [sc.Derivation(deg(stack_poly) + 1,
                          title=r"$h_i$ = $g_i$ dilated by $d$, $|g_i| = k$: the stack $h_1 * \dots * h_L$ "
                                r"has polynomial $\prod_i P_{g_i}(x^d)$",
                          goal=L * d * (k - 1) + 1,
                          hypotheses=(STACK, DILATION, SIZE_G, END_TAPS_G),
                          conclusion=r"the stack has $L\,d\,(k-1) + 1$ taps: receptive fields add "
                                     r"$(k-1)d$ per layer; with $d = 1$, $L(k-1) + 1$")
            .step(sp.Sum(deg(Pk(g(i), X**d)), (i, 1, L)) + 1,
                  LemmaRewrite("degree_of_product", {deg(stack_poly): sp.Sum(deg(Pk(g(i), X**d)), (i, 1, L))},
                               r"$\deg \prod_i P_i = \sum_i \deg P_i$ ($P_{g_i} \neq 0$)", hypothesis=END_TAPS_G))
            .step(sp.Sum(d * deg(Pk(g(i), X)), (i, 1, L)) + 1,
                  LemmaRewrite("degree_of_dilation", {deg(Pk(g(i), X**d)): d * deg(Pk(g(i), X))},
                               r"$\deg P(x^d) = d \deg P$"))
            .step(sp.Sum(d * (size(g(i)) - 1), (i, 1, L)) + 1,
                  LemmaRewrite("kernel_length_is_degree_plus_one", {deg(Pk(g(i), X)): size(g(i)) - 1},
                               r"$\deg P_c = |c| - 1$", hypothesis=END_TAPS_G))
            .step(sp.Sum(d * (k - 1), (i, 1, L)) + 1, UseHypothesis(sp.Eq(size(g(i)), k), "$|g_i| = k$"))
            .step(L * d * (k - 1) + 1, EvaluateSum())]


def _numeric_rf(n_, rng, dps):
    import mpmath
    err, errm = 0.0, 0.0
    for kk in (1, 2, 3, 5):
        for dd in (1, 2, 3):
            ks = [K.dilate(list(rng.standard_normal(kk)), dd) for _ in range(n_)]
            full = ks[0]
            for h_ in ks[1:]:
                full = np.convolve(full, h_)
            err = max(err, abs(len(full) - K.receptive_field([kk] * n_, [dd] * n_)))
            fm = K.stack([[mpmath.mpf(float(v)) for v in h_] for h_ in ks])
            errm = max(errm, abs(len(fm) - len(full)) + float(abs(fm[-1] - mpmath.fprod(
                [mpmath.mpf(float(h_[-1])) for h_ in ks]))))
    return float(err), float(errm)


stack_receptive_field = sc.Theorem(
    "stack_receptive_field",
    "L stacked kernels of size k with dilation d see L d (k-1) + 1 inputs: receptive fields add up (k-1)d per layer.",
    claims="proved",
    latex=r"\Big|\mathop{\ast}_{i=1}^{L} h_i^{(\uparrow d)}\Big| = L\,d\,(k-1) + 1,"
          r"\qquad P_{h^{(\uparrow d)}}(x) = P_h(x^d)",
    derivation=_derive_rf, formal=FORMAL_RF,
    exact=sc.verify.kernels.stack_receptive_field, n_range=(1, 6),
    numeric=_numeric_rf, numeric_sizes=(1, 2, 3, 7),
    false_variants=[sc.FalseVariant(
        "stack_receptive_field_naive", "L stacked kernels of size k see L k inputs.",
        exact=lambda n_: sc.verify.kernels.stack_receptive_field(n_, naive=True), n_range=(2, 6))],
)


FORMAL_SLIDES = Statement.identity(
    sp.Add(sp.Mul(2, sp.Mul(M - 1, sp.Rational(1, 2), evaluate=False), N, evaluate=False), 1, evaluate=False),
    N * (M - 1) + 1)


def _derive_slides():
    as_printed = sp.Add(sp.Mul(2, sp.Mul(M - 1, sp.Rational(1, 2), evaluate=False), N, evaluate=False), 1,
                        evaluate=False)          # keep the slides' form, unsimplified
    return [sc.Derivation(as_printed, title=r"slides 001: $M^* = 2\,\frac{M-1}{2}\,N + 1$",
                          goal=N * 1 * (M - 1) + 1,
                          conclusion=r"the formula is the receptive field of $N$ stacked size-$M$ filters "
                                     r"($L = N$, $k = M$, $d = 1$); it holds for even $M$ too")
            .step(N * 1 * (M - 1) + 1, PolyIdentity())]


iterated_filter_size = sc.Theorem(
    "iterated_filter_size",
    "Applying a size-M filter N times is one filter of size 2((M-1)/2)N + 1 = N(M-1) + 1 (slides 001).",
    claims="proved",
    latex=r"M^* = 2\cdot\tfrac{M-1}{2}\cdot N + 1 = N(M-1) + 1",
    derivation=_derive_slides, formal=FORMAL_SLIDES,
    exact=sc.verify.kernels.iterated_filter_size, n_range=(1, 6),
    numeric=lambda n_, rng, dps: _numeric_rf(n_, rng, dps),
    numeric_sizes=(1, 2, 3),
    false_variants=[sc.FalseVariant(
        "iterated_filter_size_product", "N passes of a size-M filter make a filter of size M N.",
        exact=lambda n_: sc.verify.kernels.iterated_filter_size(n_, formula=lambda M_, N_: M_ * N_),
        n_range=(2, 6))],
)


if __name__ == "__main__":
    raise SystemExit(sc.prove_module(globals()))
