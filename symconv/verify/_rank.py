"""The exact rank over Q of an integer matrix, for the nullspace checks of this layer.

A signed incidence matrix of a graph is ranked by union-find (columns minus connected components).
Otherwise, with python-flint installed the rank is FLINT's ``fmpz_mat.rank`` (exact fraction-free elimination over
Z, whose rank is the rank over Q); without it, SymPy's ``DomainMatrix`` over QQ, as before.  Both are
exact; a float never enters.

>>> import numpy as np
>>> integer_rank(np.array([[1, -1, 0], [0, 1, -1], [1, 0, -1]]))
2
>>> integer_rank(np.array([[1, -1, 0], [0, 1, -1], [1, 0, -1]]), use_flint=False)
2
"""

from __future__ import annotations

import numpy as np
import sympy as sp
from sympy.polys.matrices import DomainMatrix

__all__ = ["integer_rank", "incidence_rank"]


def _flint():
    try:
        import flint
    except ImportError:       # pragma: no cover - python-flint is in the fast and test extras
        return None
    return flint


def incidence_rank(A: np.ndarray) -> int | None:
    """The exact rank over Q of A when every row of A is 0 or e_a - e_b (one entry 1, one entry -1, the
    rest 0): A is then the signed incidence matrix of the graph on its columns whose edges are its non-zero
    rows, and its rank is the number of columns minus the number of connected components, i.e. the number
    of edges of a spanning forest (counted here by union-find).  None when A is not of that form.

    >>> incidence_rank(np.array([[1, -1, 0], [0, 1, -1], [1, 0, -1]]))
    2
    >>> incidence_rank(np.array([[1, 1, -2]])) is None
    True
    """
    if A.ndim != 2 or A.dtype.kind not in "iu":
        return None
    plus, minus = A == 1, A == -1
    n_plus, n_minus, n_nonzero = plus.sum(axis=1), minus.sum(axis=1), (A != 0).sum(axis=1)
    edge = n_nonzero == 2
    if not (((n_nonzero == 0) | (edge & (n_plus == 1) & (n_minus == 1))).all()):
        return None
    heads, tails = plus[edge].argmax(axis=1).tolist(), minus[edge].argmax(axis=1).tolist()
    parent = list(range(A.shape[1]))

    def root(v: int) -> int:
        while parent[v] != v:
            parent[v] = parent[parent[v]]
            v = parent[v]
        return v

    forest = 0
    for a, b in zip(heads, tails):
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[ra] = rb
            forest += 1
    return forest


def integer_rank(A: np.ndarray, use_flint: bool = True) -> int:
    """The exact rank over Q of the 2-D integer array A (entries read as Python ints).

    A signed incidence matrix (every row 0 or e_a - e_b: the commutator systems of permutation actions)
    is ranked as a graph, by :func:`incidence_rank`; any other matrix by FLINT.  ``use_flint=False`` takes
    SymPy's route (DomainMatrix over QQ) for every matrix, even when python-flint is installed.
    """
    if not isinstance(A, np.ndarray) or A.ndim != 2:
        raise TypeError(f"A must be a 2-D NumPy array, got {type(A).__name__}")
    if A.dtype.kind not in "iub":
        raise TypeError(f"A must hold integers, got dtype {A.dtype}")
    if A.shape[0] == 0 or A.shape[1] == 0:
        return 0
    if use_flint and A.dtype.kind != "b":
        graph = incidence_rank(A)
        if graph is not None:
            return graph
    rows = A.astype(np.int64).tolist() if A.dtype.kind == "b" else A.tolist()   # Python ints
    flint = _flint() if use_flint else None
    if flint is not None:
        return int(flint.fmpz_mat(rows).rank())
    dm = DomainMatrix([[sp.ZZ(v) for v in row] for row in rows], A.shape, sp.ZZ).convert_to(sp.QQ)
    return int(dm.rank())
