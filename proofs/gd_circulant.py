"""Seed 000's gradient descent explained: the gradient of ||WS - SW|| is orthogonal to every
circulant, so gradient descent on ||WS - SW|| / ||W|| keeps the direction of the circulant
part of W and converges in direction to the diagonal averages of the starting matrix."""

import numpy as np
import sympy as sp

import symconv as sc
from symconv.engine.rules import CancelTerms, ReindexSum, SplitSum, Unfold
from symconv.engine.statement import Statement
from symconv.objects.indexed import C, c, entry_function, i, j, k, l, t, u, zsum

ORDER = 60  # position in reports and in the LaTeX document

D = entry_function("D")
G = entry_function("G", r"(DS^{\mathsf T} - S^{\mathsf T}D)")
GDEF = {"G": sp.Lambda((i, j), D(i, j - 1) - D(i + 1, j))}


#: <D S^T - S^T D, circ(c)> = 0 for every matrix D and every circulant circ(c)
FORMAL = Statement.identity(zsum(zsum(G(i, j) * C(i, j), j), i), 0, definitions=GDEF)


def _derive():
    return [sc.Derivation(zsum(zsum(G(i, j) * C(i, j), j), i),
                          title=r"$\langle DS^{\mathsf T} - S^{\mathsf T}D,\ \mathrm{circ}(c)\rangle$",
                          goal=0,
                          conclusion=r"the gradient of $\|WS - SW\|$, a multiple of $DS^{\mathsf T} - "
                                     r"S^{\mathsf T}D$ with $D = WS - SW$, has no circulant component; the "
                                     r"other gradient term is a multiple of $W$.  So each step multiplies the "
                                     r"circulant part $P(W)$ by a scalar, and its direction is that of $P(W_0)$")
            .step(zsum(zsum((D(i, j - 1) - D(i + 1, j)) * C(i, j), j), i), Unfold("G", definitions=GDEF))
            .step(zsum(zsum(D(i, j - 1) * C(i, j), j), i) - zsum(zsum(D(k + 1, l) * C(k, l), l), k), SplitSum())
            .step(zsum(zsum(D(i, u) * C(i, u + 1), u), i) - zsum(zsum(D(k + 1, l) * C(k, l), l), k),
                  ReindexSum(j, u + 1, u))
            .step(zsum(zsum(D(i, u) * C(i, u + 1), u), i) - zsum(zsum(D(t, l) * C(t - 1, l), l), t),
                  ReindexSum(k, t - 1, t))
            .step(zsum(zsum(D(i, u) * c(i - u - 1), u), i) - zsum(zsum(D(t, l) * c(t - 1 - l), l), t), Unfold("C"))
            .step(sp.Integer(0), CancelTerms())]


def _numeric(n_, rng, dps):
    import mpmath
    Dn = rng.standard_normal((n_, n_))
    Cn = sc.objects.circulant_array(rng.standard_normal(n_))
    P = sc.verify.permutation_array(n_).astype(float)
    Gn = Dn @ P.T - P.T @ Dn
    err = abs(np.sum(Gn * Cn)) / max(1.0, np.linalg.norm(Gn) * np.linalg.norm(Cn))
    with mpmath.workdps(dps):
        Dm, Cm, Pm = sc.mp_matrix(Dn), sc.mp_matrix(Cn), sc.mp_matrix(P)
        Gm = Dm * Pm.T - Pm.T * Dm
        ipm = abs(sum(Gm[r, q] * Cm[r, q] for r in range(n_) for q in range(n_)))
    return float(err), float(ipm)


penalty_gradient_orthogonal_circulant = sc.Theorem(
    "penalty_gradient_orthogonal_circulant",
    "The gradient direction D S^T - S^T D of ||WS - SW|| (D = WS - SW) is orthogonal to every circulant.",
    claims="proved",
    latex=r"\langle DS^{\mathsf T} - S^{\mathsf T}D,\ \mathrm{circ}(c)\rangle = 0"
          r"\quad\Rightarrow\quad P(W_{t+1}) = \Big(1 + \eta\,\tfrac{\|D_t\|}{\|W_t\|^3}\Big) P(W_t)",
    derivation=_derive, formal=FORMAL,
    exact=sc.verify.penalty_gradient_orthogonal, n_range=(1, 10),
    numeric=_numeric,
    false_variants=[sc.FalseVariant(
        "penalty_gradient_orthogonal_hankel", "The same gradient is orthogonal to every Hankel matrix c_{i+j}.",
        exact=lambda n_: sc.verify.penalty_gradient_orthogonal(n_, hankel=True))],
)


if __name__ == "__main__":
    raise SystemExit(sc.prove_module(globals()))
