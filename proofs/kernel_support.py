"""Support sizes and receptive fields: |a * b| = |a| + |b| - 1, L stacked size-k kernels see
L(k-1)+1 inputs, dilation d turns P(x) into P(x^d), and the slides' iterated-filter formula."""

ORDER = 80  # position in reports and in the LaTeX document

import numpy as np
import sympy as sp

import symconv as sc
from symconv.engine.rules import EvaluateSum, LemmaRewrite, PolyIdentity
from symconv.objects import kernels as K
from symconv.objects.indexed import X, poly_function

p, q, k, L, d, M, N = sp.symbols("p q k L d M N", integer=True, positive=True)
i = sp.Symbol("i", integer=True, positive=True)
deg = poly_function("deg", r"\deg #")
size = poly_function("size", "|#|")
Pa, Pb, Pab = poly_function("Pa", "P_a(x)"), poly_function("Pb", "P_b(x)"), poly_function("Pab", "P_{a*b}(x)")
A, B, AB = sp.symbols("a b a*b")
h = poly_function("h", "P_{h_{#}}(x^d)")
stack_ = sp.Symbol("h_1 * ... * h_L")


def _derive_span():
    return [sc.Derivation(size(AB), title=r"$|a*b|$ for kernels whose end taps are non-zero",
                          goal=p + q - 1, hypotheses=("|a| = p, |b| = q", "end taps non-zero"))
            .step(deg(Pab(X)) + 1, LemmaRewrite("kernel_length_is_degree_plus_one",
                                                {size(AB): deg(Pab(X)) + 1}, r"$|c| = \deg P_c + 1$"))
            .step(deg(Pa(X) * Pb(X)) + 1, LemmaRewrite("kernel_poly_mul_eq_conv", {Pab(X): Pa(X) * Pb(X)},
                                                       r"theorem \texttt{kernel\_poly\_mul\_eq\_conv}", theorem=True))
            .step(deg(Pa(X)) + deg(Pb(X)) + 1, LemmaRewrite("degree_of_product",
                                                            {deg(Pa(X) * Pb(X)): deg(Pa(X)) + deg(Pb(X))},
                                                            r"$\deg(PQ) = \deg P + \deg Q$"))
            .step((p - 1) + (q - 1) + 1, LemmaRewrite("kernel_length_is_degree_plus_one",
                                                      {deg(Pa(X)): p - 1, deg(Pb(X)): q - 1},
                                                      r"$\deg P_a = |a| - 1$"))
            .step(p + q - 1, PolyIdentity())]


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
    derivation=_derive_span,
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


dilate_poly_eq_comp_pow = sc.Theorem(
    "dilate_poly_eq_comp_pow",
    "Dilating a kernel by d (d - 1 zeros between taps) turns its polynomial P(x) into P(x^d).",
    claims="verified",
    latex=r"P_{a^{(\uparrow d)}}(x) = P_a(x^d)",
    exact=sc.verify.kernels.dilate_poly_eq_comp_pow, n_range=(1, 12),
    numeric=_numeric_dilate,
    false_variants=[sc.FalseVariant(
        "dilate_poly_eq_pow", "Dilating a kernel by d turns P(x) into P(x)^d.",
        exact=lambda n_: sc.verify.kernels.dilate_poly_eq_comp_pow(n_, wrong_power=True))],
)


def _derive_rf():
    prod = sp.Product(h(i), (i, 1, L))
    return [sc.Derivation(size(stack_), title=r"$L$ kernels of size $k$, each dilated by $d$",
                          goal=L * d * (k - 1) + 1,
                          conclusion=r"the receptive field is $1 + \sum_i (k_i - 1) d_i$; with $d = 1$, "
                                     r"$L(k-1) + 1$")
            .step(deg(prod) + 1, LemmaRewrite("kernel_length_is_degree_plus_one",
                                              {size(stack_): deg(prod) + 1},
                                              r"$|c| = \deg P_c + 1$, and stacking multiplies polynomials"))
            .step(sp.Sum(deg(h(i)), (i, 1, L)) + 1, LemmaRewrite("degree_of_product",
                                                                 {deg(prod): sp.Sum(deg(h(i)), (i, 1, L))},
                                                                 r"$\deg \prod_i P_i = \sum_i \deg P_i$"))
            .step(sp.Sum(d * (k - 1), (i, 1, L)) + 1, LemmaRewrite("degree_of_dilation",
                                                                   {deg(h(i)): d * (k - 1)},
                                                                   r"$\deg P(x^d) = d \deg P = d(k-1)$"))
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
    derivation=_derive_rf,
    exact=sc.verify.kernels.stack_receptive_field, n_range=(1, 6),
    numeric=_numeric_rf, numeric_sizes=(1, 2, 3, 7),
    false_variants=[sc.FalseVariant(
        "stack_receptive_field_naive", "L stacked kernels of size k see L k inputs.",
        exact=lambda n_: sc.verify.kernels.stack_receptive_field(n_, naive=True), n_range=(2, 6))],
)


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
    derivation=_derive_slides,
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
