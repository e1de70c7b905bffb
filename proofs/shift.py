"""The shift matrix S, with (S x)_i = x_{i-1 mod n}: a permutation, S^n = I, S^T = S^-1."""

import numpy as np

import symconv as sc
from symconv.objects.indexed import Iverson, P, S, i, j, k, l, n, x, zsum
from symconv.engine.rules import IndexArithmetic, Sift, Unfold
from symconv.engine.statement import Hypothesis, Statement

ORDER = 10  # position in reports and in the LaTeX document


#: every row and every column of S sums to 1 (its entries are brackets, 0 or 1)
FORMAL_PERM = (Statement.identity(zsum(S(i, j), j), 1), Statement.identity(zsum(S(i, j), i), 1))


def _derive_permutation():
    rows = (sc.Derivation(FORMAL_PERM[0].lhs, title=r"row sums $\sum_j S_{ij}$", goal=1)
            .step(zsum(Iverson(i, j + 1), j), Unfold("S"))
            .step(1, Sift(j)))
    cols = (sc.Derivation(FORMAL_PERM[1].lhs, title=r"column sums $\sum_i S_{ij}$", goal=1)
            .step(zsum(Iverson(i, j + 1), i), Unfold("S"))
            .step(1, Sift(i)))
    return [rows, cols]


def _sum_rows(M, n_):
    bad = [r for r in range(n_) if M[r].sum() != 1 or sorted(M[r]) != [0] * (n_ - 1) + [1]]
    if bad:
        return sc.Counterexample(n_, f"row {bad[0]} of S + S^T is {M[bad[0]].tolist()}")
    return sc.Holds(f"every row of S + S^T is 0/1 with exactly one 1 (n={n_})")


def _numeric_perm(n_, rng, dps):
    P = sc.verify.permutation_array(n_).astype(float)
    err = max(np.abs(P.sum(0) - 1).max(), np.abs(P.sum(1) - 1).max())
    M = sc.mp_matrix(P)
    ones = sc.mp_matrix(np.ones(n_))
    return err, sc.mp_max_abs(M * ones - ones)


shift_is_permutation = sc.Theorem(
    "shift_is_permutation",
    "The shift S is a permutation matrix: 0/1 entries, one 1 in every row and column.",
    claims="proved",
    latex=r"S_{ij} = [i \equiv j+1] \in \{0,1\},\quad \textstyle\sum_j S_{ij} = \sum_i S_{ij} = 1",
    derivation=_derive_permutation, formal=FORMAL_PERM,
    exact=sc.verify.shift_entries_are_permutation, n_range=(1, 64),
    numeric=_numeric_perm,
    false_variants=[sc.FalseVariant(
        "shift_add_transpose_is_permutation", "S + S^T is a permutation matrix.",
        exact=lambda n_: _sum_rows(sc.verify.permutation_array(n_) + sc.verify.permutation_array(n_).T, n_))],
)


FORMAL_MULVEC = Statement.identity(zsum(S(i, j) * x(j), j), x(i - 1))


def _derive_mulVec():
    return [sc.Derivation(FORMAL_MULVEC.lhs, title=r"$(Sx)_i$", goal=FORMAL_MULVEC.rhs)
            .step(zsum(Iverson(i, j + 1) * x(j), j), Unfold("S"))
            .step(x(i - 1), Sift(j))]


def _numeric_mulVec(n_, rng, dps):
    v = rng.standard_normal(n_)
    P = sc.verify.permutation_array(n_).astype(float)
    err = np.abs(P @ v - np.roll(v, 1)).max()
    return err, sc.mp_max_abs(sc.mp_matrix(P) * sc.mp_matrix(v) - sc.mp_matrix(np.roll(v, 1)))


shift_mulVec = sc.Theorem(
    "shift_mulVec",
    "S shifts a signal one place to the right: (S x)_i = x_{i-1 mod n}.",
    claims="proved",
    latex=r"(Sx)_i = x_{i-1}",
    derivation=_derive_mulVec, formal=FORMAL_MULVEC,
    exact=sc.verify.shift_acts_as, n_range=(1, 24),
    numeric=_numeric_mulVec,
    false_variants=[sc.FalseVariant(
        "shift_mulVec_left", "(S x)_i = x_{i+1}: the shift in the wrong direction.",
        exact=lambda n_: sc.verify.shift_acts_as(n_, direction=+1))],
)

_P = {"P": __import__("sympy").Lambda((i, j), Iverson(i, j + k))}


#: the induction step (S^(k+1))_ij = [i = j+k+1] under the induction hypothesis (S^k)_ij = [i = j+k]
#: (base case S^0 = I), and at k = n: [i = j+n] = [i = j]
INDUCTION = Hypothesis("induction hypothesis (S^k)_ij = [i = j+k]", __import__("sympy").Eq(P(i, j), Iverson(i, j + k)),
                       r"induction hypothesis $(S^k)_{ij} = [i \equiv j+k]$")
FORMAL_POW = (Statement.identity(zsum(S(i, l) * P(l, j), l), Iverson(i, j + k + 1), hypotheses=(INDUCTION,),
                                 text="induction step on k"),
              Statement.identity(Iverson(i, j + n), Iverson(i, j), text="k = n"))


def _derive_pow():
    step = (sc.Derivation(FORMAL_POW[0].lhs, hypotheses=(INDUCTION,),
                          title=r"induction step: $(S^k)_{ij} = [i \equiv j+k] \Rightarrow (S^{k+1})_{ij} = [i \equiv j+k+1]$ (base case $S^0 = I$)",
                          goal=Iverson(i, j + k + 1))
            .step(zsum(Iverson(i, l + 1) * Iverson(l, j + k), l), Unfold("S", "P", definitions=_P))
            .step(Iverson(i - 1, j + k), Sift(l))
            .step(Iverson(i, j + k + 1), IndexArithmetic()))
    at_n = (sc.Derivation(Iverson(i, j + n), title=r"$k = n$: $(S^n)_{ij}$", goal=Iverson(i, j))
            .step(Iverson(i, j), IndexArithmetic()))
    return [step, at_n]


def _numeric_pow(n_, rng, dps):
    P = sc.verify.permutation_array(n_).astype(float)
    err = np.abs(np.linalg.matrix_power(P, n_) - np.eye(n_)).max()
    M = sc.mp_matrix(P) ** n_
    return err, sc.mp_max_abs(M - sc.mp_matrix(np.eye(n_)))


shift_pow_eq_one = sc.Theorem(
    "shift_pow_eq_one",
    "S^n = I: shifting n times returns every signal to itself.",
    claims="proved",
    latex=r"(S^k)_{ij} = [i \equiv j+k],\qquad S^n = I",
    derivation=_derive_pow, formal=FORMAL_POW,
    exact=sc.verify.shift_pow_eq_one, n_range=(1, 64),
    numeric=_numeric_pow,
    false_variants=[sc.FalseVariant(
        "shift_pow_eq_one_at_n_sub_one", "S^(n-1) = I.",
        exact=lambda n_: sc.verify.shift_pow_eq_one(n_, n_ - 1) if n_ > 1 else sc.Holds("n=1: S^0 = I = S"))],
)


FORMAL_TRANSPOSE = Statement.identity(zsum(S(l, i) * S(l, j), l), Iverson(i, j))


def _derive_transpose():
    return [sc.Derivation(FORMAL_TRANSPOSE.lhs, title=r"$(S^{\mathsf T} S)_{ij}$", goal=FORMAL_TRANSPOSE.rhs)
            .step(zsum(Iverson(l, i + 1) * Iverson(l, j + 1), l), Unfold("S"))
            .step(Iverson(i + 1, j + 1), Sift(l))
            .step(Iverson(i, j), IndexArithmetic())]


def _numeric_transpose(n_, rng, dps):
    P = sc.verify.permutation_array(n_).astype(float)
    err = np.abs(P.T @ P - np.eye(n_)).max()
    M = sc.mp_matrix(P)
    return err, sc.mp_max_abs(M.T * M - sc.mp_matrix(np.eye(n_)))


shift_transpose_eq_inverse = sc.Theorem(
    "shift_transpose_eq_inverse",
    "S^T = S^-1: the transpose of the shift is the shift the other way.",
    claims="proved",
    latex=r"(S^{\mathsf T}S)_{ij} = [i \equiv j]",
    derivation=_derive_transpose, formal=FORMAL_TRANSPOSE,
    exact=sc.verify.shift_transpose_eq_inverse, n_range=(1, 64),
    numeric=_numeric_transpose,
    false_variants=[sc.FalseVariant(
        "shift_self_inverse", "S S = I (S is its own inverse).",
        exact=lambda n_: sc.verify.shift_transpose_eq_inverse(n_, transpose=False))],
)


if __name__ == "__main__":
    raise SystemExit(sc.prove_module(globals()))
