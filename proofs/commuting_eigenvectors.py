"""Seed 000's lemma: if A has simple eigenvalues and B commutes with A, every eigenvector
of A is an eigenvector of B (so commuting matrices are simultaneously diagonalisable)."""

import numpy as np
import sympy as sp

import symconv as sc
from symconv.engine.rules import EigenLine, UseHypothesis
from symconv.engine.statement import Hypothesis, SimpleEigenvalue, Statement

ORDER = 40  # position in reports and in the LaTeX document

A, B, v = sp.symbols("A B v", commutative=False)
lam, mu = sp.symbols("lambda mu")


HYPS = (Hypothesis("AB = BA", sp.Eq(A * B, B * A), "$AB = BA$"),
        Hypothesis("Av = lambda v", sp.Eq(A * v, lam * v), r"$Av = \lambda v$, $v \neq 0$"),
        Hypothesis("lambda simple", SimpleEigenvalue(A, lam), r"$\lambda$ is a simple eigenvalue of $A$"))
#: under the hypotheses, B v = mu v for some scalar mu
FORMAL = Statement.identity(B * v, mu * v, hypotheses=HYPS, text="for some scalar mu")


def _derive():
    d = (sc.Derivation(A * B * v, title=r"$A(Bv)$ for an eigenvector $v$ of $A$, $Av = \lambda v$",
                       goal=mu * v, hypotheses=HYPS)
         .step(B * A * v, UseHypothesis(sp.Eq(A * B, B * A), "$AB = BA$"))
         .step(lam * B * v, UseHypothesis(sp.Eq(A * v, lam * v), r"$Av = \lambda v$"))
         .step(mu * v, EigenLine(A, B * v, lam, v, mu)))
    return [d]


def _numeric(n_, rng, dps):
    import mpmath

    Am = rng.standard_normal((n_, n_))
    coeffs = rng.standard_normal(n_)
    Bm = sum(cf * np.linalg.matrix_power(Am, p) for p, cf in enumerate(coeffs))  # commutes with A
    _, V = np.linalg.eig(Am)
    err = 0.0
    for q in range(n_):
        x = V[:, q]
        y = Bm @ x
        err = max(err, np.abs(y - (np.vdot(x, y) / np.vdot(x, x)) * x).max() / max(1.0, np.abs(y).max()))
    M = sc.mp_matrix(Am)
    ev, EV = mpmath.eig(M)
    errm = 0.0
    Bmp2 = sum((M ** p * coeffs[p] for p in range(1, n_)), mpmath.eye(n_) * coeffs[0])
    for q in range(n_):
        x = EV[:, q]
        y = Bmp2 * x
        ratio = (x.H * y)[0] / (x.H * x)[0]
        errm = max(errm, float(mpmath.mnorm(y - x * ratio, 1) / max(1, mpmath.mnorm(y, 1))))
    return err, errm


commuting_preserves_eigenvectors = sc.Theorem(
    "commuting_preserves_eigenvectors",
    "If A has simple eigenvalues and AB = BA, every eigenvector of A is an eigenvector of B.",
    claims="proved",
    latex=r"AB = BA,\ Av = \lambda v,\ \lambda \text{ simple} \;\Rightarrow\; Bv = \mu v",
    derivation=_derive, formal=FORMAL,
    exact=sc.verify.commuting_preserves_eigenvectors, n_range=(1, 6),
    numeric=_numeric, numeric_sizes=(1, 2, 3, 5, 8), tolerance=1e-8,
    false_variants=[sc.FalseVariant(
        "commuting_preserves_eigenvectors_repeated",
        "The same without 'simple': A = I commutes with every B, yet e_0 need not be an eigenvector of B.",
        exact=lambda n_: sc.verify.commuting_preserves_eigenvectors(n_, simple=False), n_range=(1, 6))],
)


if __name__ == "__main__":
    raise SystemExit(sc.prove_module(globals()))
