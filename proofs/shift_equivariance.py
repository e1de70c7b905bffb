"""Shift-equivariant linear maps are exactly the circulants: W S = S W iff W = circ(first column of W)."""

import numpy as np
import sympy as sp

import symconv as sc
from symconv.engine.rules import DiagonalConstancy, Reindex, Sift, Unfold
from symconv.engine.statement import Statement
from symconv.objects.indexed import C, Iverson, S, W, c, i, j, l, zsum

ORDER = 20  # position in reports and in the LaTeX document


#: (SW)_ij = (WS)_ij for all i, j  <=>  W_ij = W_{i-j,0} for all i, j
FORMAL = Statement.equivalence(sp.Eq(zsum(S(i, l) * W(l, j), l), zsum(W(i, l) * S(l, j), l), evaluate=False),
                               sp.Eq(W(i, j), W(i - j, 0), evaluate=False))


def _derive():
    start, goal = FORMAL.lhs, FORMAL.rhs
    d = (sc.Derivation(start, title=r"$(SW)_{ij} = (WS)_{ij}$ for all $i, j$", goal=goal,
                       conclusion=r"$W$ is constant along cyclic diagonals, i.e. $W = \mathrm{circ}(c)$ "
                                  r"with $c_k = W_{k,0}$; every step is an equivalence, so both directions hold")
         .step(sp.Eq(zsum(Iverson(i, l + 1) * W(l, j), l), zsum(W(i, l) * Iverson(l, j + 1), l),
                     evaluate=False), Unfold("S"))
         .step(sp.Eq(W(i - 1, j), W(i, j + 1), evaluate=False), Sift(l))
         .step(sp.Eq(W(i, j), W(i + 1, j + 1), evaluate=False), Reindex({i: i + 1}))
         .step(goal, DiagonalConstancy()))
    return [d]


def _numeric(n_, rng, dps):
    c = rng.standard_normal(n_)
    Wc = sc.objects.circulant_array(c)
    P = sc.verify.permutation_array(n_).astype(float)
    err = np.abs(Wc @ P - P @ Wc).max()
    Wm, Pm = sc.mp_matrix(Wc), sc.mp_matrix(P)
    return err, sc.mp_max_abs(Wm * Pm - Pm * Wm)


shift_equivariant_iff_circulant = sc.Theorem(
    "shift_equivariant_iff_circulant",
    "A matrix commutes with the shift exactly when it is circulant (constant along cyclic diagonals).",
    claims="proved",
    latex=r"WS = SW \iff W_{ij} = W_{i-j,0}\ \forall i,j \iff W = \mathrm{circ}(W e_0)",
    derivation=_derive, formal=FORMAL,
    exact=sc.verify.commutes_with_shift_iff_circulant, n_range=(1, 12),
    numeric=_numeric,
    false_variants=[sc.FalseVariant(
        "shift_equivariant_iff_hankel",
        "W S = S W iff W[i, j] depends only on i + j (constant along anti-diagonals).",
        exact=lambda n_: sc.verify.commutes_with_shift_iff_circulant(n_, pattern="sum"))],
)


#: circ(c) S = S circ(c), entrywise
FORMAL_CONVERSE = Statement.identity(zsum(C(i, l) * S(l, j), l), zsum(S(i, l) * C(l, j), l))


def _derive_converse():
    cs = (sc.Derivation(FORMAL_CONVERSE.lhs, title=r"$(\mathrm{circ}(c)\,S)_{ij}$", goal=c(i - j - 1))
          .step(zsum(c(i - l) * Iverson(l, j + 1), l), Unfold("C", "S"))
          .step(c(i - j - 1), Sift(l)))
    sc_ = (sc.Derivation(FORMAL_CONVERSE.rhs, title=r"$(S\,\mathrm{circ}(c))_{ij}$", goal=c(i - j - 1),
                         conclusion=r"both entries equal $c_{i-j-1}$, so $\mathrm{circ}(c)\,S = S\,\mathrm{circ}(c)$")
           .step(zsum(Iverson(i, l + 1) * c(l - j), l), Unfold("S", "C"))
           .step(c(i - 1 - j), Sift(l)))
    return [cs, sc_]


def _numeric_converse(n_, rng, dps):
    Cn = sc.objects.circulant_array(rng.standard_normal(n_))
    P = sc.verify.permutation_array(n_).astype(float)
    Cm, Pm = sc.mp_matrix(Cn), sc.mp_matrix(P)
    return np.abs(Cn @ P - P @ Cn).max(), sc.mp_max_abs(Cm * Pm - Pm * Cm)


circulant_commute_shift = sc.Theorem(
    "circulant_commute_shift",
    "The converse direction: every circulant commutes with the shift, so circular convolution is shift-equivariant.",
    claims="proved",
    latex=r"\mathrm{circ}(c)\,S = S\,\mathrm{circ}(c)",
    derivation=_derive_converse, formal=FORMAL_CONVERSE,
    exact=sc.verify.circulant_commutes_with_shift, n_range=(1, 16),
    numeric=_numeric_converse,
    false_variants=[sc.FalseVariant(
        "hankel_commute_shift", "The Hankel matrix hankel(c)[i, j] = c_{i+j} commutes with S.",
        exact=lambda n_: sc.verify.circulant_commutes_with_shift(n_, hankel=True))],
)


if __name__ == "__main__":
    raise SystemExit(sc.prove_module(globals()))
