"""Circulants as convolutions: circ(c) = sum_k c_k S^k, circ(c) x = c (*) x,
circ(a) circ(b) = circ(a (*) b), and any two circulants commute."""

import mpmath
import numpy as np
import sympy as sp

import symconv as sc
from symconv.engine.rules import Fold, ReindexSum, Sift, Unfold
from symconv.engine.statement import Hypothesis, Statement
from symconv.objects.indexed import (C, Iverson, a, b, c, conv, entry_function, i, j, k, l, s_,
                                     t, u, x, zsum)

ORDER = 30  # position in reports and in the LaTeX document

# (S^k)_{ij}, proved in shift.py; k is an argument, so that it is the summed k under sum_k
Spow = entry_function("Spow", r"(S^{#1})_{#2,#3}")
_POW = {"Spow": sp.Lambda((k, i, j), Iverson(i, j + k))}
_CONV_CX = {"conv_cx": sp.Lambda((i,), zsum(c(i - t) * x(t), t))}
_CIRC_A = {"A": sp.Lambda((i, j), a(i - j)), "B": sp.Lambda((i, j), b(i - j)),
           "conv": sp.Lambda((s_,), zsum(a(s_ - t) * b(t), t)),
           "convba": sp.Lambda((s_,), zsum(b(s_ - t) * a(t), t))}
A, B = entry_function("A", r"\mathrm{circ}(a)"), entry_function("B", r"\mathrm{circ}(b)")
convba = entry_function("convba", r"(b \circledast a)")
conv_cx = entry_function("conv_cx", r"(c \circledast x)")


def _mp_conv(av, bv):
    """Circular convolution computed in mpmath (at the working precision)."""
    n_ = len(av)
    am, bm = sc.mp_matrix(av), sc.mp_matrix(bv)
    return mpmath.matrix([sum((am[(p - q) % n_] * bm[q] for q in range(n_)), 0) for p in range(n_)])


_rand_circ = sc.objects.circulant_array


# ---------------------------------------------------------------- circ(c) = sum c_k S^k
#: sum_k c_k (S^k)_ij = circ(c)_ij, with (S^k)_ij = [i = j + k] (shift_pow_eq_one)
FORMAL_SUM = Statement.identity(
    zsum(c(k) * Spow(k, i, j), k), C(i, j),
    hypotheses=(Hypothesis("(S^k)_ij = [i = j+k] (shift_pow_eq_one)", sp.Eq(Spow(k, i, j), Iverson(i, j + k)),
                           r"$(S^k)_{ij} = [i \equiv j+k]$ (\texttt{shift\_pow\_eq\_one})"),),
    definitions=_POW)
FORMAL_MULVEC = Statement.identity(zsum(C(i, j) * x(j), j), conv_cx(i), definitions=_CONV_CX)
FORMAL_MUL = Statement.identity(zsum(A(i, l) * B(l, j), l), conv(i - j), definitions=_CIRC_A)
FORMAL_COMM = Statement.identity(conv(s_), convba(s_), definitions=_CIRC_A)


def _derive_sum():
    return [sc.Derivation(zsum(c(k) * Spow(k, i, j), k), title=r"$(\sum_k c_k S^k)_{ij}$", goal=C(i, j),
                          hypotheses=FORMAL_SUM.hypotheses)
            .step(zsum(c(k) * Iverson(i, j + k), k), Unfold("Spow", definitions=_POW))
            .step(c(i - j), Sift(k))
            .step(C(i, j), Fold("C"))]


def _numeric_sum(n_, rng, dps):
    cv = rng.standard_normal(n_)
    M = sum(cv[kk] * sc.verify.permutation_array(n_, kk) for kk in range(n_))
    return np.abs(M - _rand_circ(cv)).max(), 0.0 if n_ > 8 else sc.mp_max_abs(
        sum((sc.mp_matrix(sc.verify.permutation_array(n_, kk).astype(float)) * cv[kk] for kk in range(1, n_)),
            sc.mp_matrix(sc.verify.permutation_array(n_, 0).astype(float)) * cv[0]) - sc.mp_matrix(_rand_circ(cv)))


circulant_eq_sum_shift_powers = sc.Theorem(
    "circulant_eq_sum_shift_powers",
    "Every circulant is a polynomial in the shift: circ(c) = sum_k c_k S^k.",
    claims="proved",
    latex=r"\mathrm{circ}(c) = \sum_{k=0}^{n-1} c_k S^k",
    derivation=_derive_sum, formal=FORMAL_SUM,
    exact=sc.verify.circulant_eq_sum_shift_powers, n_range=(1, 16),
    numeric=_numeric_sum,
    false_variants=[sc.FalseVariant(
        "circulant_transpose_eq_sum_shift_powers", "circ(c)^T = sum_k c_k S^k (the transposed circulant).",
        exact=lambda n_: sc.verify.circulant_eq_sum_shift_powers(n_, transpose=True))],
)


# ---------------------------------------------------------------- circ(c) x = c (*) x
def _derive_mulVec():
    return [sc.Derivation(zsum(C(i, j) * x(j), j), title=r"$(\mathrm{circ}(c)\,x)_i$",
                          goal=conv_cx(i))
            .step(zsum(c(i - j) * x(j), j), Unfold("C"))
            .step(conv_cx(i), Fold("conv_cx", definitions=_CONV_CX))]


def _numeric_mulVec(n_, rng, dps):
    cv, xv = rng.standard_normal(n_), rng.standard_normal(n_)
    direct = np.array([sum(cv[(p - q) % n_] * xv[q] for q in range(n_)) for p in range(n_)])
    fft = np.real(np.fft.ifft(np.fft.fft(cv) * np.fft.fft(xv)))
    err = max(np.abs(_rand_circ(cv) @ xv - direct).max(), np.abs(fft - direct).max())
    return err, sc.mp_max_abs(sc.mp_matrix(_rand_circ(cv)) * sc.mp_matrix(xv) - _mp_conv(cv, xv))


circulant_mulVec_eq_conv = sc.Theorem(
    "circulant_mulVec_eq_conv",
    "Multiplying by circ(c) is circular convolution with c: (circ(c) x)_i = sum_j c_{i-j} x_j.",
    claims="proved",
    latex=r"\mathrm{circ}(c)\,x = c \circledast x,\quad (c\circledast x)_i = \sum_j c_{i-j}x_j",
    derivation=_derive_mulVec, formal=FORMAL_MULVEC,
    exact=sc.verify.circulant_mulVec_eq_conv, n_range=(1, 16),
    numeric=_numeric_mulVec,
    false_variants=[sc.FalseVariant(
        "circulant_transpose_mulVec_eq_conv", "circ(c)^T x = c (*) x (the transposed circulant).",
        exact=lambda n_: sc.verify.circulant_mulVec_eq_conv(n_, transpose=True))],
)


# ---------------------------------------------------------------- product and commutation
def _derive_mul():
    return [sc.Derivation(zsum(A(i, l) * B(l, j), l), title=r"$(\mathrm{circ}(a)\,\mathrm{circ}(b))_{ij}$", goal=conv(i - j))
            .step(zsum(a(i - l) * b(l - j), l), Unfold("A", "B", definitions=_CIRC_A))
            .step(zsum(a(i - j - t) * b(t), t), ReindexSum(l, t + j, t))
            .step(conv(i - j), Fold("conv", definitions=_CIRC_A))]


def _numeric_mul(n_, rng, dps):
    av, bv = rng.standard_normal(n_), rng.standard_normal(n_)
    ab = np.array([sum(av[(p - q) % n_] * bv[q] for q in range(n_)) for p in range(n_)])
    err = np.abs(_rand_circ(av) @ _rand_circ(bv) - _rand_circ(ab)).max()
    abm = _mp_conv(av, bv)
    circ_ab = mpmath.matrix([[abm[(p - q) % n_] for q in range(n_)] for p in range(n_)])
    return err, sc.mp_max_abs(sc.mp_matrix(_rand_circ(av)) * sc.mp_matrix(_rand_circ(bv)) - circ_ab)


circulant_mul_eq_circulant_conv = sc.Theorem(
    "circulant_mul_eq_circulant_conv",
    "The product of two circulants is the circulant of the circular convolution of their columns.",
    claims="proved",
    latex=r"\mathrm{circ}(a)\,\mathrm{circ}(b) = \mathrm{circ}(a \circledast b)",
    derivation=_derive_mul, formal=FORMAL_MUL,
    exact=sc.verify.circulant_mul_eq_circulant_conv, n_range=(1, 10),
    numeric=_numeric_mul,
    false_variants=[sc.FalseVariant(
        "circulant_mul_eq_circulant_corr",
        "circ(a) circ(b) = circ(a star b), with the cross-correlation (a star b)_s = sum_t a_t b_{t+s}.",
        exact=lambda n_: sc.verify.circulant_mul_eq_circulant_conv(n_, variant="correlation"))],
)


def _derive_comm():
    return [sc.Derivation(conv(s_), title=r"$(a\circledast b)_s = (b\circledast a)_s$, hence $\mathrm{circ}(a)\mathrm{circ}(b) = \mathrm{circ}(b)\mathrm{circ}(a)$",
                          goal=convba(s_))
            .step(zsum(a(s_ - t) * b(t), t), Unfold("conv", definitions=_CIRC_A))
            .step(zsum(a(u) * b(s_ - u), u), ReindexSum(t, s_ - u, u))
            .step(convba(s_), Fold("convba", definitions=_CIRC_A))]


def _numeric_comm(n_, rng, dps):
    Am, Bm = _rand_circ(rng.standard_normal(n_)), _rand_circ(rng.standard_normal(n_))
    ma, mb = sc.mp_matrix(Am), sc.mp_matrix(Bm)
    return np.abs(Am @ Bm - Bm @ Am).max(), sc.mp_max_abs(ma * mb - mb * ma)


circulant_mul_comm = sc.Theorem(
    "circulant_mul_comm",
    "Any two circulants commute, because circular convolution is commutative.",
    claims="proved",
    latex=r"\mathrm{circ}(a)\,\mathrm{circ}(b) = \mathrm{circ}(b)\,\mathrm{circ}(a)",
    derivation=_derive_comm, formal=FORMAL_COMM,
    exact=sc.verify.circulant_mul_comm, n_range=(1, 10),
    numeric=_numeric_comm,
    false_variants=[sc.FalseVariant(
        "circulant_comm_any_matrix", "circ(a) commutes with every matrix (here circ(b) + e E_00).",
        exact=lambda n_: sc.verify.circulant_mul_comm(n_, perturb=True), n_range=(2, 10))],
)


if __name__ == "__main__":
    raise SystemExit(sc.prove_module(globals()))
