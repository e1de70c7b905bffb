"""Kernels are polynomials: convolution multiplies them (linear: in Q[x]; circular: in
Q[x]/(x^n - 1)), cross-correlation is P_a(x) P_b(1/x), and support sizes add up."""

import mpmath
import numpy as np
import sympy as sp

import symconv as sc
from symconv.engine.statement import Statement
from symconv.engine.rules import (ExponentArithmetic, Fold, ProductOfSums, PullOut, ReindexSum,
                                  SwapSums, Unfold)
from symconv.objects.indexed import (X, entry_function, lsum, poly_function, s_, sequence_function, t,
                                     u, xi, zsum)
from symconv.objects import kernels as K

ORDER = 70  # position in reports and in the LaTeX document

# kernels on Z (finitely supported) and their polynomials
a, b = sequence_function("a"), sequence_function("b")
Pa, Pb = poly_function("P_a", "P_a(#)"), poly_function("P_b", "P_b(#)")
Pab = poly_function("P_ab", "P_{a * b}(#)")
ab = sequence_function("ab", "(a * b)")
Qb = poly_function("Q_b", r"P_b(1/#)")
corr = sequence_function("corr", r"(a \star b)")
Lcorr = poly_function("L", r"L_{a \star b}(#)")
DEFS = {
    "P_a": sp.Lambda((X,), lsum(a(t) * X**t, t)),
    "P_b": sp.Lambda((X,), lsum(b(u) * X**u, u)),
    "P_ab": sp.Lambda((X,), lsum(ab(s_) * X**s_, s_)),
    "ab": sp.Lambda((s_,), lsum(a(t) * b(s_ - t), t)),
    "Q_b": sp.Lambda((X,), lsum(b(u) * X**(-u), u)),
    "corr": sp.Lambda((s_,), lsum(a(s_ + u) * b(u), u)),
    "L": sp.Lambda((X,), lsum(corr(s_) * X**s_, s_)),
}


def _numeric_conv(n_, rng, dps):
    av, bv = rng.standard_normal(n_), rng.standard_normal(n_ + 1)
    err = np.abs(np.convolve(av, bv) - np.polymul(av[::-1], bv[::-1])[::-1]).max()
    with mpmath.workdps(dps):
        am, bm = [mpmath.mpf(float(v)) for v in av], [mpmath.mpf(float(v)) for v in bv]
        xs = mpmath.mpf(1) / 3
        cm = K.conv_full(am, bm)
        errm = abs(mpmath.polyval(cm[::-1], xs) - mpmath.polyval(am[::-1], xs) * mpmath.polyval(bm[::-1], xs))
    return err, float(errm)


FORMAL_MUL = Statement.identity(Pa(X) * Pb(X), Pab(X), definitions=DEFS)
FORMAL_CORR = Statement.identity(Pa(X) * Qb(X), Lcorr(X), definitions=DEFS)


def _derive_mul():
    return [sc.Derivation(Pa(X) * Pb(X), title=r"$P_a(x)\,P_b(x)$ for finitely supported $a, b$",
                          goal=Pab(X))
            .step(lsum(a(t) * X**t, t) * lsum(b(u) * X**u, u), Unfold("P_a", "P_b", definitions=DEFS))
            .step(lsum(lsum(a(t) * b(u) * X**t * X**u, u), t), ProductOfSums())
            .step(lsum(lsum(a(t) * b(s_ - t) * X**t * X**(s_ - t), s_), t), ReindexSum(u, s_ - t, s_))
            .step(lsum(lsum(a(t) * b(s_ - t) * X**t * X**(s_ - t), t), s_), SwapSums())
            .step(lsum(lsum(a(t) * b(s_ - t) * X**s_, t), s_), ExponentArithmetic())
            .step(lsum(X**s_ * lsum(a(t) * b(s_ - t), t), s_), PullOut(t))
            .step(Pab(X), Fold("P_ab", "ab", definitions=DEFS))]


kernel_poly_mul_eq_conv = sc.Theorem(
    "kernel_poly_mul_eq_conv",
    "Stacking kernels multiplies their polynomials: P_{a*b} = P_a P_b for the full linear convolution.",
    claims="proved",
    latex=r"P_a(x) = \sum_t a_t x^t,\qquad P_{a*b} = P_a\,P_b,\quad (a*b)_s = \sum_t a_t\,b_{s-t}",
    derivation=_derive_mul, formal=FORMAL_MUL,
    exact=sc.verify.kernels.kernel_poly_mul_eq_conv, n_range=(1, 10),
    numeric=_numeric_conv,
    false_variants=[sc.FalseVariant(
        "kernel_poly_mul_eq_corr", "P_{a star b} = P_a P_b (cross-correlation in place of convolution).",
        exact=lambda n_: sc.verify.kernels.kernel_poly_mul_eq_conv(n_, use_correlation=True))],
)


def _derive_corr():
    return [sc.Derivation(Pa(X) * Qb(X), title=r"$P_a(x)\,P_b(1/x)$", goal=Lcorr(X))
            .step(lsum(a(t) * X**t, t) * lsum(b(u) * X**(-u), u), Unfold("P_a", "Q_b", definitions=DEFS))
            .step(lsum(lsum(a(t) * b(u) * X**t * X**(-u), u), t), ProductOfSums())
            .step(lsum(lsum(a(t) * b(u) * X**t * X**(-u), t), u), SwapSums())
            .step(lsum(lsum(a(s_ + u) * b(u) * X**(s_ + u) * X**(-u), s_), u), ReindexSum(t, s_ + u, s_))
            .step(lsum(lsum(a(s_ + u) * b(u) * X**(s_ + u) * X**(-u), u), s_), SwapSums())
            .step(lsum(lsum(a(s_ + u) * b(u) * X**s_, u), s_), ExponentArithmetic())
            .step(lsum(X**s_ * lsum(a(s_ + u) * b(u), u), s_), PullOut(u))
            .step(Lcorr(X), Fold("L", "corr", definitions=DEFS))]


def _numeric_corr(n_, rng, dps):
    av, bv = rng.standard_normal(n_ + 1), rng.standard_normal(n_)
    corr_, lo = K.correlate_full(list(av), list(bv))
    err = np.abs(np.correlate(av, bv, "full") - np.array(corr_)).max()
    with mpmath.workdps(dps):
        xs = mpmath.mpf(2) / 7
        am, bm = [mpmath.mpf(float(v)) for v in av], [mpmath.mpf(float(v)) for v in bv]
        cm, lo = K.correlate_full(am, bm)
        lhs = sum(v * xs**(lo + q) for q, v in enumerate(cm))
        rhs = mpmath.polyval(am[::-1], xs) * mpmath.polyval(bm[::-1], 1 / xs)
    return err, float(abs(lhs - rhs) / max(1, abs(rhs)))   # relative error


correlation_poly_eq_laurent = sc.Theorem(
    "correlation_poly_eq_laurent",
    "Cross-correlation is the Laurent polynomial P_a(x) P_b(1/x), with (a star b)_s = sum_t a_{t+s} b_t (np.correlate's 'full').",
    claims="proved",
    latex=r"\sum_s (a\star b)_s\,x^s = P_a(x)\,P_b(1/x),\qquad (a\star b)_s = \sum_t a_{t+s}\,b_t",
    derivation=_derive_corr, formal=FORMAL_CORR,
    exact=sc.verify.kernels.correlation_poly_eq_laurent, n_range=(1, 8),
    numeric=_numeric_corr,
    false_variants=[sc.FalseVariant(
        "correlation_poly_eq_laurent_swapped", "sum_s (a star b)_s x^s = P_a(1/x) P_b(x).",
        exact=lambda n_: sc.verify.kernels.correlation_poly_eq_laurent(n_, swapped=True))],
)

# circular: kernels on Z_n, polynomials in Q[x]/(x^n - 1) where xi = x mod (x^n - 1), xi^n = 1
ca, cb = entry_function("a"), entry_function("b")
Ra, Rb = poly_function("R_a", "P_a(#)"), poly_function("R_b", "P_b(#)")
Rab = poly_function("R_ab", r"P_{a \circledast b}(#)")
cab = entry_function("cab", r"(a \circledast b)")
CDEFS = {
    "R_a": sp.Lambda((xi,), zsum(ca(t) * xi**t, t)),
    "R_b": sp.Lambda((xi,), zsum(cb(u) * xi**u, u)),
    "R_ab": sp.Lambda((xi,), zsum(cab(s_) * xi**s_, s_)),
    "cab": sp.Lambda((s_,), zsum(ca(t) * cb(s_ - t), t)),
}


#: in Q[x]/(x^n - 1) (xi^n = 1): P_a P_b = P_{a (*) b}
FORMAL_CIRCULAR = Statement.identity(Ra(xi) * Rb(xi), Rab(xi), definitions=CDEFS)


def _derive_circular():
    return [sc.Derivation(Ra(xi) * Rb(xi), title=r"in $\mathbb{Q}[x]/(x^n-1)$, where $\bar x^n = 1$",
                          goal=Rab(xi),
                          conclusion=r"$P_a P_b \equiv P_{a\circledast b} \pmod{x^n-1}$, and "
                                     r"$1, x, \dots, x^{n-1}$ is a basis of the quotient, so the "
                                     r"coefficients of the reduced product are $a \circledast b$")
            .step(zsum(ca(t) * xi**t, t) * zsum(cb(u) * xi**u, u), Unfold("R_a", "R_b", definitions=CDEFS))
            .step(zsum(zsum(ca(t) * cb(u) * xi**t * xi**u, u), t), ProductOfSums())
            .step(zsum(zsum(ca(t) * cb(s_ - t) * xi**t * xi**(s_ - t), s_), t), ReindexSum(u, s_ - t, s_))
            .step(zsum(zsum(ca(t) * cb(s_ - t) * xi**t * xi**(s_ - t), t), s_), SwapSums())
            .step(zsum(zsum(ca(t) * cb(s_ - t) * xi**s_, t), s_), ExponentArithmetic())
            .step(zsum(xi**s_ * zsum(ca(t) * cb(s_ - t), t), s_), PullOut(t))
            .step(Rab(xi), Fold("R_ab", "cab", definitions=CDEFS))]


def _numeric_circular(n_, rng, dps):
    av, bv = rng.standard_normal(n_), rng.standard_normal(n_)
    full = np.convolve(av, bv)
    folded = np.zeros(n_)
    for q, v in enumerate(full):
        folded[q % n_] += v
    fft = np.real(np.fft.ifft(np.fft.fft(av) * np.fft.fft(bv)))
    with mpmath.workdps(dps):
        am, bm = [mpmath.mpf(float(v)) for v in av], [mpmath.mpf(float(v)) for v in bv]
        fm = K.conv_full(am, bm)
        foldm = [sum((fm[q] for q in range(len(fm)) if q % n_ == r), mpmath.mpf(0)) for r in range(n_)]
        circ = [sum((am[(r - q) % n_] * bm[q] for q in range(n_)), mpmath.mpf(0)) for r in range(n_)]
    return np.abs(folded - fft).max(), float(max(abs(p - q) for p, q in zip(foldm, circ)))


circular_poly_eq_mod = sc.Theorem(
    "circular_poly_eq_mod",
    "Circular convolution of length n multiplies polynomials modulo x^n - 1, so circ(a) circ(b) corresponds to P_a P_b mod (x^n - 1).",
    claims="proved",
    latex=r"P_{a\circledast b} \equiv P_a\,P_b \pmod{x^n - 1}",
    derivation=_derive_circular, formal=FORMAL_CIRCULAR,
    exact=sc.verify.kernels.circular_poly_eq_mod, n_range=(1, 24),
    numeric=_numeric_circular,
    false_variants=[sc.FalseVariant(
        "circular_poly_eq_mod_negacyclic", "P_{a (*) b} = P_a P_b mod (x^n + 1).",
        exact=lambda n_: sc.verify.kernels.circular_poly_eq_mod(n_, modulus_sign=+1))],
)


if __name__ == "__main__":
    raise SystemExit(sc.prove_module(globals()))
