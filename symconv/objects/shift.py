"""The cyclic shift on Z_n, with the convention (S x)_i = x_{i-1 mod n}.

So S[i, j] = 1 exactly when i = j + 1 (mod n): S moves every entry one place
to the right, and the last entry wraps round to the front.

>>> shift_matrix(3)
Matrix([
[0, 0, 1],
[1, 0, 0],
[0, 1, 0]])
>>> shift([1, 2, 3])
[3, 1, 2]
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from ._validate import as_vector, check_size

__all__ = ["shift_matrix", "shift", "shift_permutation"]


def shift_permutation(n: int, k: int = 1) -> list[int]:
    """The permutation of S**k as a list: column j holds its 1 in row perm[j] = j + k mod n.

    >>> shift_permutation(4, 1)
    [1, 2, 3, 0]
    """
    n = check_size(n)
    if isinstance(k, bool) or not isinstance(k, int):
        raise TypeError(f"k must be an int, got {type(k).__name__}")
    return [(j + k) % n for j in range(n)]


def shift_matrix(n: int, k: int = 1) -> sp.Matrix:
    """The exact matrix S**k (an integer SymPy matrix), S[i, j] = [i = j + 1 mod n].

    >>> shift_matrix(4, 4) == shift_matrix(4, 0)
    True
    """
    perm = shift_permutation(n, k)
    S = sp.zeros(n, n)
    for j, i in enumerate(perm):     # column j holds its one 1 in row perm[j]; every other entry is 0
        S[i, j] = 1
    return S


def shift(x: object, k: int = 1):
    """S**k applied to a vector: (S**k x)_i = x_{i-k mod n}.

    Returns the same kind of object it was given (list, NumPy array or SymPy
    column vector).

    >>> import numpy as np
    >>> shift(np.array([1, 2, 3, 4]), 2)
    array([3, 4, 1, 2])
    """
    if isinstance(x, np.ndarray) and x.ndim == 1:
        return np.roll(x, k)
    vals = as_vector(x)
    n = len(vals)
    if n == 0:
        raise ValueError("x must be non-empty")
    out = [vals[(i - k) % n] for i in range(n)]
    if isinstance(x, sp.MatrixBase):
        return sp.Matrix(out)
    return out if isinstance(x, list) else tuple(out)
