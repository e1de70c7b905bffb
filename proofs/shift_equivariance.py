"""Shift-equivariant linear maps are exactly the circulants: W S = S W iff W = circ(first column of W)."""

import numpy as np
import sympy as sp

import symconv as sc
from symconv.engine.rules import DiagonalConstancy, Reindex, Sift, Unfold
from symconv.objects.indexed import Iverson, S, W, i, j, l, zsum


def _derive():
    start = sp.Eq(zsum(S(i, l) * W(l, j), l), zsum(W(i, l) * S(l, j), l), evaluate=False)
    goal = sp.Eq(W(i, j), W(i - j, 0), evaluate=False)
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
    derivation=_derive,
    exact=sc.verify.commutes_with_shift_iff_circulant, n_range=(1, 12),
    numeric=_numeric,
    false_variants=[sc.FalseVariant(
        "shift_equivariant_iff_hankel",
        "W S = S W iff W[i, j] depends only on i + j (constant along anti-diagonals).",
        exact=lambda n_: sc.verify.commutes_with_shift_iff_circulant(n_, pattern="sum"))],
)


if __name__ == "__main__":
    raise SystemExit(sc.prove_module(globals()))
