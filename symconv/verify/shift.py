"""Exact checks about the shift S at one n (layer 3).  Each returns
``Holds`` (saying what it decided) or a ``Counterexample``.

>>> print(shift_entries_are_permutation(5))
S is a 0/1 matrix with exactly one 1 in each of its 5 rows and 5 columns (n=5)
>>> print(shift_acts_as(3, direction=+1))
n=3: (S x)_0 is x_2, not x_1
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from ..engine.verdict import Counterexample, Holds
from ..objects import shift_matrix, shift_permutation, symbol_vector

__all__ = ["shift_entries_are_permutation", "shift_acts_as", "shift_pow_eq_one",
           "shift_transpose_eq_inverse", "permutation_array", "shift_charpoly"]


def permutation_array(n: int, k: int = 1) -> np.ndarray:
    """S**k as a 0/1 int64 array (exact: a permutation matrix only holds 0 and 1)."""
    P = np.zeros((n, n), dtype=np.int64)
    perm = shift_permutation(n, k)
    P[perm, np.arange(n)] = 1
    return P


def shift_entries_are_permutation(n: int) -> Counterexample | Holds:
    """S is 0/1 with exactly one 1 in every row and every column."""
    S = shift_matrix(n)
    for i in range(n):
        row = [S[i, j] for j in range(n)]
        if sorted(row) != [0] * (n - 1) + [1]:
            return Counterexample(n, f"row {i} of S is {row}")
    for j in range(n):
        col = [S[i, j] for i in range(n)]
        if sorted(col) != [0] * (n - 1) + [1]:
            return Counterexample(n, f"column {j} of S is {col}")
    return Holds(f"S is a 0/1 matrix with exactly one 1 in each of its {n} rows and {n} columns (n={n})")


def shift_acts_as(n: int, direction: int = -1) -> Counterexample | Holds:
    """(S x)_i = x_{i + direction} for symbolic x; the convention is direction = -1."""
    x = symbol_vector("x", n)
    y = shift_matrix(n) * x
    for i in range(n):
        want = x[(i + direction) % n]
        if sp.expand(y[i] - want) != 0:
            return Counterexample(n, f"(S x)_{i} is {y[i]}, not {want}", {"i": i})
    return Holds(f"(S x)_i = x_(i{direction:+d} mod n) exactly for symbolic x and every i, n={n}")


def shift_pow_eq_one(n: int, power: int | None = None) -> Counterexample | Holds:
    """S**power = I, with power = n by default (exact 0/1 matrix products)."""
    power = n if power is None else power
    S = permutation_array(n)
    M = np.eye(n, dtype=np.int64)
    for _ in range(power):
        M = S @ M
    bad = np.argwhere(M != np.eye(n, dtype=np.int64))
    if bad.size:
        i, j = map(int, bad[0])
        return Counterexample(n, f"(S^{power})[{i},{j}] = {M[i, j]}, identity has {int(i == j)}")
    return Holds(f"S^{power} = I entry by entry (exact 0/1 products), n={n}")


def shift_transpose_eq_inverse(n: int, transpose: bool = True) -> Counterexample | Holds:
    """S^T S = S S^T = I (with transpose=False the false claim S S = I)."""
    S = permutation_array(n)
    T = S.T if transpose else S
    I = np.eye(n, dtype=np.int64)
    for name, M in (("S^T S" if transpose else "S S", T @ S), ("S S^T" if transpose else "S S", S @ T)):
        bad = np.argwhere(M != I)
        if bad.size:
            i, j = map(int, bad[0])
            return Counterexample(n, f"({name})[{i},{j}] = {M[i, j]}, identity has {int(i == j)}")
    return Holds(f"{'S^T S = S S^T' if transpose else 'S S'} = I entry by entry (exact 0/1 products), n={n}")


def shift_charpoly(n: int, constant: int = -1) -> Counterexample | Holds:
    """det(x I - S) = x^n + constant (the truth is constant = -1), and it is squarefree.

    Squarefree means the n eigenvalues (the n-th roots of unity) are simple.
    """
    X = sp.Symbol("x")
    p = shift_matrix(n).charpoly(X).as_expr()
    want = X**n + constant
    if sp.expand(p - want) != 0:
        return Counterexample(n, f"det(xI - S) = {p}, not {want}")
    if sp.degree(sp.gcd(p, sp.diff(p, X)), X) > 0:
        return Counterexample(n, f"det(xI - S) = {p} has a repeated root")
    return Holds(f"det(xI - S) = {want} exactly, and gcd(p, p') = 1 (simple roots), n={n}")
