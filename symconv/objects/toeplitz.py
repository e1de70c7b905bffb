"""Toeplitz and convolution matrices (SciPy's ``scipy.linalg.toeplitz`` / ``convolution_matrix``).

``toeplitz(c, r)[i, j] = c[i - j]`` for i >= j and ``r[j - i]`` otherwise (c is the first column,
r the first row; r defaults to conj(c), and c[0] wins over r[0], as in SciPy).

``convolution_matrix(a, n, mode) @ v = np.convolve(v, a, mode)``: the full matrix has
``C[i, j] = a[i - j]`` (0 <= i - j < len(a)), shape (len(a) + n - 1, n), and 'same'/'valid' keep
NumPy's rows (``convolve1d``'s slices).  A p x n matrix is Toeplitz exactly when it is the 'valid'
convolution matrix of a = (M[0, n-1], ..., M[0, 0], M[1, 0], ..., M[p-1, 0]) (``toeplitz_kernel``).

>>> convolution_matrix([1, 2, 3], 4)
array([[1, 0, 0, 0],
       [2, 1, 0, 0],
       [3, 2, 1, 0],
       [0, 3, 2, 1],
       [0, 0, 3, 2],
       [0, 0, 0, 3]], dtype=object)
>>> toeplitz([1, 2, 3], [1, 4, 5])
array([[1, 4, 5],
       [2, 1, 4],
       [3, 2, 1]], dtype=object)
>>> is_toeplitz(convolution_matrix([1, 2, 3], 4, 'valid')), is_toeplitz([[1, 2], [3, 4]])
(True, False)
"""

from __future__ import annotations

import numbers

import numpy as np
import sympy as sp

from ..exact import decide_zero
from .signal_nd import conjugate_kernel, mode_slices

__all__ = ["toeplitz", "convolution_matrix", "is_toeplitz", "toeplitz_kernel"]


def _vector(v, name: str) -> np.ndarray:
    if isinstance(v, sp.MatrixBase):
        v = list(v)
    arr = np.asarray(v)
    if arr.ndim == 0:
        arr = arr.reshape(1)
    if arr.dtype.kind in "fc":
        return arr
    out = np.empty(arr.shape, dtype=object)
    out[...] = arr.tolist()
    return out


def toeplitz(c, r=None) -> np.ndarray:
    """The Toeplitz matrix with first column c and first row r (default conj(c)); batched over the
    leading axes of c and r like SciPy (c of shape (..., p), r of shape (..., n))."""
    ca = _vector(c, "c")
    ra = conjugate_kernel(ca, None, "c") if r is None else _vector(r, "r")
    if ca.size == 0 or ra.size == 0:
        raise ValueError("c and r must be non-empty")
    if ca.ndim > 1 or ra.ndim > 1:
        batch = np.broadcast_shapes(ca.shape[:-1], ra.shape[:-1])
        ca = np.broadcast_to(ca, batch + ca.shape[-1:])
        ra = np.broadcast_to(ra, batch + ra.shape[-1:])
        return np.stack([toeplitz(ca[idx], ra[idx]) for idx in np.ndindex(batch)]).reshape(
            batch + (ca.shape[-1], ra.shape[-1]))
    p, n = len(ca), len(ra)
    i, j = np.arange(p)[:, None], np.arange(n)[None, :]
    out = np.where(i >= j, ca[np.clip(i - j, 0, p - 1)], ra[np.clip(j - i, 0, n - 1)])
    if out.dtype.kind not in "fc":
        out = out.astype(object)
    return out


def convolution_matrix(a, n: int, mode: str = "full") -> np.ndarray:
    """The matrix C with C @ v = np.convolve(v, a, mode) for every v of length n (SciPy's semantics:
    'full' (len(a) + n - 1 rows), 'same' (max(len(a), n) rows), 'valid' (|len(a) - n| + 1 rows));
    batched over the leading axes of a."""
    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n <= 0:
        raise ValueError(f"n must be a positive integer, got {n!r}")
    aa = _vector(a, "a")
    if aa.size == 0:
        raise ValueError("len(a) must be at least 1")
    if mode not in ("full", "valid", "same"):
        raise ValueError(f"'mode' argument must be one of ('full', 'valid', 'same'), got {mode!r}")
    if aa.ndim > 1:
        return np.stack([convolution_matrix(aa[idx], n, mode) for idx in np.ndindex(aa.shape[:-1])]).reshape(
            aa.shape[:-1] + convolution_matrix(aa[(0,) * (aa.ndim - 1)], n, mode).shape)
    m = len(aa)
    zero = np.zeros(1, dtype=aa.dtype)[0] if aa.dtype.kind in "fc" else 0
    col = np.concatenate([aa, np.array([zero] * (n - 1), dtype=aa.dtype)])
    row = np.array([aa[0]] + [zero] * (n - 1), dtype=aa.dtype)
    full = toeplitz(col, row)
    return full[mode_slices((n,), (m,), mode, flip=True, same_length="max")[0]]


def toeplitz_kernel(M) -> np.ndarray:
    """a = (M[0, n-1], ..., M[0, 1], M[0, 0], M[1, 0], ..., M[p-1, 0]): the kernel whose 'valid'
    convolution matrix is M when M is Toeplitz."""
    Ma = np.asarray(M.tolist() if isinstance(M, sp.MatrixBase) else M, dtype=object)
    if Ma.ndim != 2 or Ma.size == 0:
        raise ValueError(f"M must be a non-empty matrix, got shape {Ma.shape}")
    return np.concatenate([Ma[0, ::-1], Ma[1:, 0]])


def is_toeplitz(M) -> bool | None:
    """Whether M[i, j] depends only on i - j: True (every M[i, j] - M[i-1, j-1] proved 0), False (one
    certified non-zero) or None (undecided); exact entries are decided by symconv.exact.decide_zero."""
    Ma = np.asarray(M.tolist() if isinstance(M, sp.MatrixBase) else M, dtype=object)
    if Ma.ndim != 2 or Ma.size == 0:
        raise ValueError(f"M must be a non-empty matrix, got shape {Ma.shape}")
    p, n = Ma.shape
    undecided = False
    for i in range(1, p):
        for j in range(1, n):
            d = Ma[i, j] - Ma[i - 1, j - 1]
            zero = decide_zero(sp.expand(d)) if isinstance(d, sp.Basic) else d == 0
            if zero is False:
                return False
            undecided = undecided or zero is None
    return None if undecided else True
