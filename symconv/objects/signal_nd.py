"""N-D convolution and cross-correlation with SciPy's semantics (``scipy.signal.convolve``/``correlate``).

Any number of dimensions (3-D video and volumes included), exact for integers, rationals and SymPy
expressions (complex ones included), in floating point for float/complex arrays.  Modes:

* 'full': the whole result, shape n + k - 1 per axis;
* 'valid': the outputs that need no padding, shape |n - k| + 1 per axis; when the second operand is
  the larger in every axis the two are swapped (NumPy and SciPy do the same); when neither is at
  least as large in every axis, ValueError;
* 'same': the shape of ``in1``, centred on the full result (start (k-1)//2 per axis, SciPy's
  ``_centered``).

``correlate(in1, in2)[l] = sum_n in1[n + l] conj(in2[n])`` over lags l, the conjugate as in
``scipy.signal.correlate`` and ``np.correlate``.  ``conjugate=None`` conjugates the numbers of
``in2`` (conj of a real number is itself) and takes SymPy symbols as real; an entry of in2 that is a
symbolic expression with ``I`` in it is refused unless ``conjugate`` says what to do.

>>> convolve([[1, 2], [3, 4]], [[1, 1]])
array([[1, 3, 2],
       [3, 7, 4]], dtype=object)
>>> correlate([1, 2, 3], [4, 5], 'same')
array([5, 14, 23], dtype=object)
>>> correlate([1, 2], [1, 10, 100], 'valid')          # swapped, as np.correlate and scipy do
array([210, 21], dtype=object)
>>> import sympy as sp
>>> correlate([1, sp.I], [sp.I], 'full')
array([-I, 1], dtype=object)
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from .direct_conv import full_convolve, is_numeric_array
from .padding import check_convention

__all__ = ["convolve", "correlate", "conjugate_kernel", "mode_slices", "MODES"]

MODES = ("full", "valid", "same")


def _as_array(x, name: str) -> np.ndarray:
    if isinstance(x, sp.MatrixBase):
        x = x.tolist()
    arr = np.asarray(x)
    if arr.dtype.kind in "fc":
        return arr
    if arr.dtype.kind not in "biuO":
        raise TypeError(f"{name} must hold numbers or SymPy expressions, got dtype {arr.dtype}")
    out = np.empty(arr.shape, dtype=object)
    out[...] = arr.tolist() if arr.ndim else arr.item()
    return out


def conjugate_kernel(w: np.ndarray, conjugate: bool | None = None, name: str = "w") -> np.ndarray:
    """conj(w) entrywise: always (True), never (False), or for numbers only (None, see the module)."""
    if conjugate is False:
        return w
    if is_numeric_array(w):
        return np.conj(w) if w.dtype.kind == "c" else w
    out = np.empty(w.shape, dtype=object)
    flat = []
    for v in w.flat:
        if isinstance(v, sp.Basic):
            if conjugate or v.is_number:
                v = sp.conjugate(v)
            elif v.has(sp.I):
                raise ValueError(f"{name} has the complex symbolic entry {v}: pass conjugate=True (conjugate it, "
                                 "np.correlate's convention) or conjugate=False (PyTorch's complex convolution)")
        elif isinstance(v, complex) or (conjugate and hasattr(v, "conjugate")):
            v = v.conjugate()
        flat.append(v)
    out.reshape(-1)[:] = flat if flat else out.reshape(-1)
    return out


def _flip(a: np.ndarray) -> np.ndarray:
    return a[(slice(None, None, -1),) * a.ndim]


def mode_slices(x_shape: tuple, w_shape: tuple, mode: str, *, flip: bool, same_convention: str = "numpy",
                same_length: str = "x") -> tuple:
    """The slices of the full convolution that make mode 'full', 'valid' or 'same'.

    ``flip``: a convolution (True) or a correlation computed as a convolution with the reversed
    kernel (False).  'same' has length n (``same_length='x'``, SciPy) or max(n, k) (``'max'``,
    NumPy's 1-D functions); with 'max' and a kernel longer than the signal NumPy's correlation
    centres the other way round (it swaps the operands and reverses the result).
    """
    if not isinstance(mode, str):
        raise TypeError(f"mode must be 'full', 'valid' or 'same', got {type(mode).__name__} {mode!r}")
    if mode not in MODES:
        raise ValueError(f"mode must be 'full', 'valid' or 'same', got {mode!r}")
    if mode == "valid" and not (all(n >= k for n, k in zip(x_shape, w_shape))
                                or all(k >= n for n, k in zip(x_shape, w_shape))):
        raise ValueError(f"for 'valid' mode one input must be at least as large as the other in every dimension, "
                         f"got shapes {tuple(x_shape)} and {tuple(w_shape)}")
    check_convention(same_convention)
    out = []
    for n, k in zip(x_shape, w_shape):
        if mode == "full":
            lo, length = 0, n + k - 1
        elif mode == "valid":
            lo, length = min(n, k) - 1, abs(n - k) + 1
        elif same_length == "max" and same_convention == "numpy":
            m = min(n, k)
            lo, length = ((m - 1) // 2 if flip or n >= k else (m - 1) - (m - 1) // 2), max(n, k)
        else:
            before = (k - 1) - (k - 1) // 2 if same_convention == "numpy" else (k - 1) // 2
            lo, length = k - 1 - before, n
        out.append(slice(lo, lo + length))
    return tuple(out)


def _operands(in1, in2):
    a, b = _as_array(in1, "in1"), _as_array(in2, "in2")
    if a.ndim != b.ndim:
        raise ValueError(f"in1 and in2 should have the same dimensionality, got {a.ndim} and {b.ndim}")
    return a, b


def convolve(in1, in2, mode: str = "full") -> np.ndarray:
    """(in1 * in2)[n] = sum_m in1[m] in2[n - m], any number of dimensions (scipy.signal.convolve).

    0-D inputs give their product; an empty input gives an empty array (as SciPy).
    """
    a, b = _operands(in1, in2)
    if a.ndim == 0:
        mode_slices((), (), mode, flip=True)
        return np.asarray(a[()] * b[()], dtype=object if a.dtype == object or b.dtype == object else None)
    if a.size == 0 or b.size == 0:
        mode_slices(a.shape, b.shape, mode if mode != "valid" else "full", flip=True)
        return np.array([])
    sl = mode_slices(a.shape, b.shape, mode, flip=True)
    return full_convolve(a, b)[sl]


def correlate(in1, in2, mode: str = "full", conjugate: bool | None = None) -> np.ndarray:
    """sum_n in1[n + l] conj(in2[n]), any number of dimensions (scipy.signal.correlate).

    >>> correlate([[1, 2, 3]], [[1, 1]], 'valid')
    array([[3, 5]], dtype=object)
    """
    a, b = _operands(in1, in2)
    b = conjugate_kernel(b, conjugate, "in2")
    if a.ndim == 0:
        mode_slices((), (), mode, flip=False)
        return np.asarray(a[()] * b[()], dtype=object if a.dtype == object or b.dtype == object else None)
    if a.size == 0 or b.size == 0:
        mode_slices(a.shape, b.shape, mode if mode != "valid" else "full", flip=False)
        return np.array([])
    sl = mode_slices(a.shape, b.shape, mode, flip=False)
    return full_convolve(a, _flip(b))[sl]
