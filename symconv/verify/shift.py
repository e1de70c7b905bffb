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
           "shift_transpose_eq_inverse", "permutation_array", "shift_charpoly",
           "permutation_of_matrix", "permutation_cycle_lengths", "permutation_charpoly"]


def permutation_array(n: int, k: int = 1) -> np.ndarray:
    """S**k as a 0/1 int64 array (exact: a permutation matrix only holds 0 and 1)."""
    P = np.zeros((n, n), dtype=np.int64)
    perm = shift_permutation(n, k)
    P[perm, np.arange(n)] = 1
    return P


def _sorted_entries(entries: list) -> list:
    """The entries sorted: as Python ints when every one is a SymPy Integer (same order, same equalities,
    without SymPy's comparison per pair), else the SymPy objects themselves, sorted by SymPy as before."""
    if all(isinstance(v, sp.Integer) for v in entries):
        return sorted(int(v) for v in entries)
    return sorted(entries)


def shift_entries_are_permutation(n: int) -> Counterexample | Holds:
    """S is 0/1 with exactly one 1 in every row and every column."""
    S = shift_matrix(n)
    rows = S.tolist()
    want = [0] * (n - 1) + [1]
    for i in range(n):
        row = rows[i]
        if _sorted_entries(row) != want:
            return Counterexample(n, f"row {i} of S is {row}")
    for j in range(n):
        col = [rows[i][j] for i in range(n)]
        if _sorted_entries(col) != want:
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


def _int_power(S: np.ndarray, power: int) -> np.ndarray:
    """S^power for a square int64 matrix, exactly: binary powering with int64 products (the integer matrix
    S S ... S, as many products as bits rather than one per factor); power <= 0 gives I."""
    n = S.shape[0]
    M = np.eye(n, dtype=np.int64)
    if power <= 0:
        return M
    Z = S.astype(np.int64)
    while True:
        if power & 1:
            M = M @ Z
        power >>= 1
        if not power:
            return M
        Z = Z @ Z


def shift_pow_eq_one(n: int, power: int | None = None) -> Counterexample | Holds:
    """S**power = I, with power = n by default (exact 0/1 matrix products)."""
    power = n if power is None else power
    S = permutation_array(n)
    M = _int_power(S, power)
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


def permutation_of_matrix(M: sp.MatrixBase, name: str = "M") -> list[int]:
    """The permutation p with M[p[j], j] = 1, read off every non-zero entry of the square matrix M.

    The entries come from ``M.todok()`` (all non-zero entries; the others are 0), so a sparse n x n
    matrix costs O(n).  Each must be exactly the integer 1, and each row and each column must hold
    exactly one of them; otherwise ValueError (naming ``name``) says which.

    >>> permutation_of_matrix(sp.Matrix([[0, 0, 1], [1, 0, 0], [0, 1, 0]]))
    [1, 2, 0]
    """
    if not isinstance(M, sp.MatrixBase):
        raise TypeError(f"{name} must be a SymPy matrix, got {type(M).__name__}")
    n, cols = M.shape
    if n != cols or n == 0:
        raise ValueError(f"{name} must be a non-empty square matrix, got shape {M.shape}")
    perm: list[int | None] = [None] * n
    row_used = [False] * n
    for (i, j), v in sorted(M.todok().items()):
        if not (isinstance(v, (int, sp.Integer)) and not isinstance(v, bool) and v == 1):
            raise ValueError(f"{name}[{i},{j}] = {v}: a permutation matrix has only the entries 0 and 1")
        if perm[j] is not None:
            raise ValueError(f"column {j} of {name} has more than one 1 (rows {perm[j]} and {i})")
        if row_used[i]:
            raise ValueError(f"row {i} of {name} has more than one 1")
        perm[j], row_used[i] = i, True
    if None in perm:
        raise ValueError(f"column {perm.index(None)} of {name} has no 1")
    return perm  # type: ignore[return-value]  (n ones in n distinct columns and n distinct rows)


def permutation_cycle_lengths(perm: list[int]) -> list[int]:
    """The lengths of the cycles of a permutation of 0..n-1, in order of their smallest element.

    >>> permutation_cycle_lengths([1, 2, 0, 4, 3, 5])
    [3, 2, 1]
    """
    n = len(perm)
    if sorted(perm) != list(range(n)):
        raise ValueError(f"perm must be a permutation of 0..{n - 1}, got {perm}")
    seen = [False] * n
    lengths = []
    for start in range(n):
        if seen[start]:
            continue
        length, j = 0, start
        while not seen[j]:
            seen[j] = True
            j = perm[j]
            length += 1
        lengths.append(length)
    return lengths


def permutation_charpoly(M: sp.MatrixBase, x: sp.Symbol, name: str = "M") -> tuple[sp.Poly, list[int]]:
    """det(x I - M) for a permutation matrix M, as a dense integer Poly, and the cycle lengths used.

    Computed structurally, in O(n) plus the polynomial products, from

        det(x I - P) = prod over the cycles of P's permutation of (x^L - 1),  L the cycle's length.

    Proof.  Listing the indices cycle by cycle is a permutation matrix Q with Q P Q^T block diagonal,
    one block C_L per cycle, C_L the cyclic L x L permutation matrix (C_L e_i = e_(i+1 mod L)); and
    det(x I - Q P Q^T) = det(Q (x I - P) Q^T) = det(x I - P) since det(Q) det(Q^T) = 1.  The
    determinant of a block diagonal matrix is the product of the blocks' determinants.  For L = 1,
    det(x - 1) = x - 1.  For L >= 2, x I - C_L has x on the diagonal, -1 at (i+1, i) and at (0, L-1):
    expanding along row 0, the (0, 0) minor is lower bidiagonal with diagonal x (det x^(L-1)) and the
    (0, L-1) minor is upper bidiagonal with diagonal -1 (det (-1)^(L-1)), so
    det = x * x^(L-1) + (-1) * (-1)^(0 + L-1) * (-1)^(L-1) = x^L - 1.  QED.

    M is read with :func:`permutation_of_matrix` (every non-zero entry checked).  The tests compare
    this with SymPy's generic ``charpoly`` on small permutation matrices, cyclic and not.

    >>> X = sp.Symbol("x")
    >>> permutation_charpoly(sp.Matrix([[0, 1, 0], [1, 0, 0], [0, 0, 1]]), X)
    (Poly(x**3 - x**2 - x + 1, x, domain='ZZ'), [2, 1])
    """
    lengths = permutation_cycle_lengths(permutation_of_matrix(M, name))
    p = sp.Poly(1, x, domain="ZZ")
    for L in sorted(set(lengths)):
        factor = sp.Poly([1] + [0] * (L - 1) + [-1], x, domain="ZZ")      # x^L - 1, dense
        p = p * factor ** lengths.count(L)
    return p, lengths


def shift_charpoly(n: int, constant: int = -1) -> Counterexample | Holds:
    """det(x I - S) = x^n + constant (the truth is constant = -1), and it is squarefree.

    S is the matrix :func:`symconv.objects.shift_matrix` builds: its non-zero entries are read and
    checked to be n ones, one in each row and each column, so S is a permutation matrix; det(x I - S)
    is then the product of x^L - 1 over the cycles of that permutation (the lemma proved in
    :func:`permutation_charpoly`), compared coefficient by coefficient with x^n + constant.  A matrix
    that is not a permutation matrix raises ValueError (the lemma would not apply: undecided).
    Squarefree means the n eigenvalues (the n-th roots of unity) are simple: gcd(p, p') = 1 over Q,
    computed exactly.
    """
    if isinstance(constant, bool) or not isinstance(constant, int):
        raise TypeError(f"constant must be an int, got {type(constant).__name__}")
    X = sp.Symbol("x")
    # a matrix that is not a permutation matrix raises ValueError here: the lemma does not apply, which
    # decides nothing (an exception is undecided), it refutes nothing
    p, lengths = permutation_charpoly(shift_matrix(n), X, name="S")
    want = sp.Poly([1] + [0] * (n - 1) + [constant], X, domain="ZZ")
    cycles = (f"one cycle of length {n}" if lengths == [n] else
              f"cycles of lengths {lengths}" if len(lengths) <= 8 else f"{len(lengths)} cycles")
    if p != want:
        return Counterexample(n, f"det(xI - S) = {p.as_expr()}, not {want.as_expr()} (S's permutation has {cycles})")
    g = p.gcd(p.diff(X))
    if g.degree() > 0:  # pragma: no cover - x^n - 1 is squarefree
        return Counterexample(n, f"det(xI - S) = {p.as_expr()} has a repeated root: gcd(p, p') = {g.as_expr()}")
    return Holds(f"det(xI - S) = {want.as_expr()} exactly: S read from shift_matrix({n}) is a permutation matrix "
                 f"(its {n} non-zero entries are all 1, one per row and column) with {cycles}, and "
                 f"det(xI - P) = prod over cycles (x^L - 1); gcd(p, p') = 1 over Q (simple roots), n={n}")
