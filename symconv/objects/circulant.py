"""Circulant matrices and circular convolution.

Convention: circ(c)[i, j] = c[(i - j) mod n], so c is the first column
(SciPy's convention) and circ(c) x = c (*) x, the circular convolution
(c (*) x)_i = sum_j c_{i-j} x_j.

>>> circulant([1, 2, 3])
Matrix([
[1, 3, 2],
[2, 1, 3],
[3, 2, 1]])
>>> circular_convolve([1, 2, 3], [1, 0, 0])
[1, 2, 3]
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from ..exact import decide_zero
from ._validate import as_vector, square_shape

__all__ = ["circulant", "circulant_array", "circular_convolve", "is_circulant", "circulant_defect", "Defect"]


def circulant(c: object) -> sp.Matrix:
    """circ(c) as an exact SymPy matrix: circ(c)[i, j] = c[(i - j) mod n].

    >>> from sympy import symbols
    >>> circulant(symbols('c0 c1'))
    Matrix([
    [c0, c1],
    [c1, c0]])
    """
    vals = as_vector(c, "c")
    n = len(vals)
    if n == 0:
        raise ValueError("c must be non-empty")
    return sp.Matrix(n, n, lambda i, j: vals[(i - j) % n])


def circulant_array(c) -> np.ndarray:
    """circ(c) as a NumPy array (same convention, for numeric checks); batched like SciPy's
    ``scipy.linalg.circulant``: c of shape (..., n) gives (..., n, n), one circulant per vector.

    >>> circulant_array([1.0, 2.0, 3.0])[:, 0]
    array([1., 2., 3.])
    >>> circulant_array([[1, 2], [3, 4]]).tolist()
    [[[1, 2], [2, 1]], [[3, 4], [4, 3]]]
    """
    v = np.asarray(c)
    if v.ndim == 0 or v.size == 0:
        raise ValueError(f"c must be a non-empty array of vectors (shape (..., n)), got shape {v.shape}")
    n = v.shape[-1]
    idx = np.arange(n)
    return v[..., (idx[:, None] - idx[None, :]) % n]


def circular_convolve(a: object, b: object) -> list:
    """(a (*) b)_i = sum_j a_{(i - j) mod n} b_j, computed exactly term by term.

    >>> from sympy import symbols
    >>> a0, a1, b0, b1 = symbols('a0 a1 b0 b1')
    >>> circular_convolve([a0, a1], [b0, b1])
    [a0*b0 + a1*b1, a0*b1 + a1*b0]
    """
    av, bv = as_vector(a, "a"), as_vector(b, "b")
    if len(av) != len(bv):
        raise ValueError(f"a and b must have the same length, got {len(av)} and {len(bv)}")
    if not av:
        raise ValueError("a and b must be non-empty")
    n = len(av)
    if _symbolic(av, bv):          # one Add per entry: no quadratic sum() of growing Adds
        return [sp.Add(*(sp.sympify(av[(i - j) % n]) * bv[j] for j in range(n))) for i in range(n)]
    return [sum((av[(i - j) % n] * bv[j] for j in range(n)), 0) for i in range(n)]


def _symbolic(*vecs: list) -> bool:
    return any(isinstance(v, sp.Basic) for vec in vecs for v in vec)


class Defect(tuple):
    """One entry of W off its cyclic diagonal: the tuple (i, j, W[i, j] - W[(i - j) mod n, 0]).

    ``decided`` is True when the difference is certified non-zero (exactly, or as floats), False
    when it could be neither proved 0 nor certified non-zero (undecided).
    """

    def __new__(cls, i: int, j: int, difference: object, decided: bool = True):
        obj = super().__new__(cls, (i, j, difference))
        obj.decided = decided
        return obj


def _entry_zero(d) -> bool | None:
    """Is the difference d zero?  Exactly for exact entries (symconv.exact.decide_zero: True, False,
    or None when undecided); as floats (exact float comparison) for float entries."""
    from fractions import Fraction

    if isinstance(d, (bool, np.bool_)):
        return not d
    if isinstance(d, (int, Fraction, float, complex, np.number)):
        return d == 0
    if isinstance(d, sp.Basic):
        return decide_zero(d)
    return None


def circulant_defect(W: object) -> list[Defect]:
    """Entries where W is not proved equal to circ(first column of W):
    (i, j, W[i,j] - W[i-j, 0]), as :class:`Defect` tuples.

    Exact for SymPy/rational entries: a difference is proved 0, certified non-zero
    (``defect.decided`` is True) or undecided (``defect.decided`` is False), by
    ``symconv.exact.decide_zero`` (roots of unity are decided in Q(zeta_n), never by
    ``expand() != 0``).  Float entries are compared as floats.

    >>> circulant_defect([[1, 2], [2, 1]])
    []
    >>> circulant_defect([[1, 2], [3, 1]])
    [(0, 1, -1)]
    """
    n = square_shape(W)
    M = np.asarray(W, dtype=object) if not isinstance(W, sp.MatrixBase) else W
    out = []
    for i in range(n):
        for j in range(n):
            d = M[i, j] - M[(i - j) % n, 0]
            if isinstance(d, sp.Basic):
                d = sp.expand(d)
            zero = _entry_zero(d)
            if zero is not True:
                out.append(Defect(i, j, d, decided=zero is False))
    return out


def is_circulant(W: object) -> bool | None:
    """Whether W[i, j] depends only on (i - j) mod n: True (proved, exact for exact entries),
    False (an entry certified off its cyclic diagonal) or None (undecided: some difference could be
    neither proved 0 nor certified non-zero).  None is falsy: ``if is_circulant(W)`` never passes an
    undecided matrix.

    >>> is_circulant(circulant([5, 6, 7]))
    True
    >>> is_circulant([[1, 2], [3, 1]])
    False
    >>> from symconv.objects.dft import dft_matrix
    >>> F = dft_matrix(3)
    >>> is_circulant(F.H * sp.diag(*sp.symbols('l0:3')) * F / 3)     # F^-1 diag(l) F
    True
    """
    defects = circulant_defect(W)
    if any(d.decided for d in defects):
        return False
    return None if defects else True
