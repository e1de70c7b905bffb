"""Exact check of seed 000's lemma on instances: if A has simple eigenvalues and
AB = BA, every eigenvector of A is an eigenvector of B.

At size n we take A = U + diag(1, ..., n) with U strictly upper triangular with
seeded integer entries (so its eigenvalues 1..n are simple), solve AB = BA for
a generic B exactly over Q, and test every eigenvector v of A against every
basis matrix B of the solution space: B v must be parallel to v.

>>> print(commuting_preserves_eigenvectors(4))  # doctest: +ELLIPSIS
A = ... (simple eigenvalues 1..4): B v is parallel to v for each of the 4 eigenvectors v of A and each of the 4 basis matrices B of {B : AB = BA}, exact over Q (n=4)
>>> print(commuting_preserves_eigenvectors(2, simple=False))  # doctest: +ELLIPSIS
n=2: A = I has the repeated eigenvalue 1; B = ... commutes with A, but B e_... is not parallel to e_...
"""

from __future__ import annotations

import random
from fractions import Fraction

import sympy as sp

from ..engine.verdict import Counterexample, Holds

__all__ = ["commuting_preserves_eigenvectors", "commutant_basis"]


def commutant_basis(A: sp.Matrix) -> list[sp.Matrix]:
    """A basis of {B : AB = BA}, exact over Q."""
    n = A.shape[0]
    I = sp.eye(n)
    K = sp.kronecker_product(I, A) - sp.kronecker_product(A.T, I)  # vec(AB - BA), column-major
    return [sp.Matrix(n, n, list(v)).T for v in K.nullspace()]


def _parallel(u: sp.Matrix, v: sp.Matrix) -> bool:
    """u and v parallel: every 2 x 2 minor u_p v_q - u_q v_p is 0 (rational entries: compared as Fractions,
    exactly; anything else: the minor expanded)."""
    U, V = list(u), list(v)
    if all(isinstance(e, sp.Rational) for e in U + V):
        Uf = [Fraction(int(e.p), int(e.q)) for e in U]
        Vf = [Fraction(int(e.p), int(e.q)) for e in V]
        return all(Uf[p] * Vf[q] == Uf[q] * Vf[p] for p in range(len(Uf)) for q in range(len(Uf)))
    return all(sp.expand(U[p] * V[q] - U[q] * V[p]) == 0 for p in range(len(U)) for q in range(len(U)))


def commuting_preserves_eigenvectors(n: int, simple: bool = True, seed: int = 0) -> Counterexample | Holds:
    """Exact instance check; simple=False drops the hypothesis (A = I), which is false for n >= 2."""
    rnd = random.Random(seed * 1000 + n)
    if simple:
        A = sp.Matrix(n, n, lambda i, j: (i + 1) if i == j else (rnd.randint(-3, 3) if j > i else 0))
    else:
        A = sp.eye(n)
    basis = commutant_basis(A)
    count = 0
    for lam, _mult, vecs in A.eigenvects():
        for v in vecs:
            count += 1
            for B in basis:
                if not _parallel(B * v, v):
                    what = "A = I has the repeated eigenvalue 1" if not simple else f"A = {A.tolist()}"
                    return Counterexample(n, f"{what}; B = {B.tolist()} commutes with A, but "
                                             f"B {_name(v)} is not parallel to {_name(v)}",
                                          {"A": A, "B": B, "v": v})
    what = f"A = {A.tolist()} (simple eigenvalues 1..{n})" if simple else "A = I"
    return Holds(f"{what}: B v is parallel to v for each of the {count} eigenvectors v of A and each of the "
                 f"{len(basis)} basis matrices B of {{B : AB = BA}}, exact over Q (n={n})")


def _name(v: sp.Matrix) -> str:
    nz = [p for p in range(len(v)) if v[p] != 0]
    return f"e_{nz[0]}" if len(nz) == 1 and v[nz[0]] == 1 else f"v = {list(v)}"
