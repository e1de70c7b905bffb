"""CNN layers as exact operators: one definition for SymPy symbols, rationals and floats.

Signals are NumPy arrays (``dtype=object`` for exact entries); 1-D signals have
shape (n,), 2-D ones (H, W).  Conventions, each cross-checked in the tests:

* ``correlate1d`` / ``correlate2d`` compute cross-correlation, what PyTorch's
  ``conv1d``/``conv2d`` and TensorFlow's ``Conv`` call convolution:
  y[i] = sum_t conj(w[t]) xp[i*s + t*d] on the padded input xp (the conjugate only changes
  complex numbers; ``conjugate=False`` is PyTorch's complex convolution, see ``signal_nd``);
* ``convolve1d`` / ``convolve2d`` flip the kernel (NumPy's ``np.convolve``,
  SciPy's ``convolve2d``);
* padding: an int p on both sides, or 'valid', 'full' (d(k-1) both sides), 'same' (total
  d(k-1)); ``same_convention`` says where the odd sample of an odd total goes: 'numpy' before
  the signal, 'torch' after it (see ``padding``).  The defaults follow the library each function
  twins: ``correlate1d`` and ``convolve1d`` are ``np.correlate`` and ``np.convolve`` ('numpy'),
  ``convolve2d`` is ``scipy.signal.convolve2d`` ('numpy'), ``correlate2d`` is
  ``scipy.signal.correlate2d``, which is PyTorch's and TensorFlow's 'same' ('torch');
  with stride s > 1, 'same' is TensorFlow's 'SAME' (output ceil(n/s); pass 'torch' for its alignment);
* like NumPy and SciPy, 'valid' swaps the operands when the kernel is the longer one (in every
  axis), and NumPy's 1-D 'same' has length max(n, k); in 2-D 'same' has the shape of x (SciPy);
* padding modes 'zeros' (with ``fillvalue``, SciPy's boundary='fill'), 'circular', 'reflect' (edge
  not repeated, NumPy's 'reflect' = PyTorch's 'reflect'), 'replicate' (NumPy's 'edge'), 'symmetric'
  (edge repeated, SciPy's boundary='symm').

>>> correlate1d([1, 2, 3, 4], [1, 1])
array([3, 5, 7], dtype=object)
>>> convolve1d([1, 2, 3], [1, 1], padding='same')      # = np.convolve(x, w, 'same')
array([1, 3, 5], dtype=object)
>>> correlate1d([1, 2, 3], [4, 5], 'same')              # = np.correlate(x, w, 'same')
array([5, 14, 23], dtype=object)
>>> correlate1d([1, 2, 3], [4, 5], 'same', same_convention='torch')   # = PyTorch's padding='same'
array([14, 23, 12], dtype=object)
>>> max_pool1d([3, 1, 4, 1, 5, 9], 2)
array([3, 4, 9], dtype=object)
>>> output_size(28, 5)
24
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import sympy as sp

from ._validate import check_size
from .direct_conv import full_convolve, is_numeric_array
from .padding import (PADDING_MODES, SAME_CONVENTIONS, as_signal, check_convention, output_size, pad,  # noqa: F401
                      pads_for)
from .pooling import avg_pool1d, avg_pool2d, global_avg_pool, global_max_pool, max_pool1d, max_pool2d  # noqa: F401
from .signal_nd import MODES, conjugate_kernel, mode_slices

__all__ = ["output_size", "pad", "correlate1d", "convolve1d", "correlate2d", "convolve2d", "conv2d_layer",
           "max_pool1d", "avg_pool1d", "max_pool2d", "avg_pool2d", "global_avg_pool", "global_max_pool",
           "as_signal", "PADDING_MODES", "SAME_CONVENTIONS"]


def _flip(a: np.ndarray) -> np.ndarray:
    return a[(slice(None, None, -1),) * a.ndim]


def _is_zero_fill(fillvalue) -> bool:
    """A fill value that is the number 0 (Python, NumPy or SymPy)."""
    if isinstance(fillvalue, sp.Basic):
        return fillvalue.is_zero is True
    return isinstance(fillvalue, (int, float, complex, np.number)) and not isinstance(fillvalue, bool) \
        and fillvalue == 0


def _strided_correlate(xp: np.ndarray, taps: np.ndarray, sizes: tuple, strides: tuple, dils: tuple) -> np.ndarray:
    """y[i] = sum_t taps[t] xp[i*s + t*d] per axis; every output is one sum of its own k terms."""
    def window(t):
        return tuple(slice(u * d, u * d + (m - 1) * s + 1, s) for u, d, m, s in zip(t, dils, sizes, strides))

    if is_numeric_array(xp) and is_numeric_array(taps):
        out = np.zeros(sizes, dtype=np.result_type(xp.dtype, taps.dtype, np.float64))
        for t in itertools.product(*map(range, taps.shape)):
            out += taps[t] * xp[window(t)]
        return out
    xp, taps = xp.astype(object), taps.astype(object)
    plain = all(s == 1 for s in strides) and all(d == 1 for d in dils)
    symbolic = any(isinstance(v, sp.Basic) for v in itertools.chain(xp.flat, taps.flat))
    if plain and not (symbolic and any(isinstance(v, sp.Basic) and not v.is_Rational
                                       for v in itertools.chain(xp.flat, taps.flat))):
        # numbers: a 'valid' slice of the full product (python-flint's for ints and rationals)
        full = full_convolve(xp, _flip(taps))
        return full[tuple(slice(k - 1, k - 1 + m) for k, m in zip(taps.shape, sizes))]
    # one sum per output, of the outputs needed only (SymPy expressions: the full product's terms would
    # be built for outputs the slice drops); xp * w, the full product's order of factors
    count = math.prod(sizes)
    terms: list[list] = [[] for _ in range(count)]
    for t in itertools.product(*map(range, taps.shape)):
        w = taps[t]
        for p, v in enumerate(xp[window(t)].flat):
            terms[p].append(v * w if plain else w * v)
    vals = [sp.Add(*t) if symbolic else sum(t[1:], start=t[0]) for t in terms]
    out = np.empty(count, dtype=object)
    out[:] = vals
    return out.reshape(sizes)


def _layer(xa, wa, padding, mode, strides, dils, flip, same_convention, fillvalue, conjugate, same_length):
    check_convention(same_convention)
    if mode not in PADDING_MODES:
        raise ValueError(f"mode must be one of {sorted(PADDING_MODES)}, got {mode!r}")
    taps = wa if flip else conjugate_kernel(wa, conjugate)
    plain = all(s == 1 for s in strides) and all(d == 1 for d in dils)
    if isinstance(padding, str) and padding in MODES and plain and \
            (padding == "valid" or (mode == "zeros" and _is_zero_fill(fillvalue))):
        sl = mode_slices(xa.shape, wa.shape, padding, flip=flip, same_convention=same_convention,
                         same_length=same_length)
        return full_convolve(xa, taps if flip else _flip(taps))[sl]
    if padding == "same" and mode == "zeros" and not _is_zero_fill(fillvalue) and same_convention == "numpy" \
            and same_length == "max" and any(k > n for k, n in zip(wa.shape, xa.shape)):
        # NumPy's 'same' has length max(n, k) and exists only for a zero fill: a non-zero fill would give
        # another length (and alignment) than the same call with 0, so it is refused, not guessed
        raise ValueError(f"fillvalue: 'same' with a kernel longer than the signal (NumPy's length max(n, k)) "
                         f"needs the zero fill, got fillvalue={fillvalue!r} with mode={mode!r}; pad explicitly")
    per_axis = padding if isinstance(padding, tuple) else (padding,) * xa.ndim
    if len(per_axis) != xa.ndim:
        raise ValueError(f"padding must give one value per axis ({xa.ndim}), got {padding!r}")
    pads = [pads_for(p, k, d, same_convention, n, s)
            for p, k, d, n, s in zip(per_axis, wa.shape, dils, xa.shape, strides)]
    xp = pad(xa, tuple(p[0] for p in pads), tuple(p[1] for p in pads), mode, fillvalue)
    sizes = tuple(output_size(m, k, 0, s, d) for m, k, s, d in zip(xp.shape, wa.shape, strides, dils))
    return _strided_correlate(xp, _flip(taps) if flip else taps, sizes, strides, dils)


def correlate1d(x, w, padding="valid", mode: str = "zeros", stride: int = 1, dilation: int = 1, *,
                same_convention: str = "numpy", fillvalue=0, conjugate: bool | None = None,
                _flip: bool = False) -> np.ndarray:
    """Cross-correlation y[i] = sum_t w[t] xp[i*stride + t*dilation] (PyTorch's conv1d, np.correlate).

    The defaults are ``np.correlate``'s: 'same' puts the odd pad sample before the signal and has
    length max(n, k); ``same_convention='torch'`` is PyTorch's ``padding='same'``.
    """
    xa, wa = as_signal(x, 1), as_signal(w, 1, "w")
    s, d = check_size(stride, "stride"), check_size(dilation, "dilation")
    return _layer(xa, wa, padding, mode, (s,), (d,), _flip, same_convention, fillvalue, conjugate, "max")


def convolve1d(x, w, padding="valid", mode: str = "zeros", stride: int = 1, dilation: int = 1, *,
               same_convention: str = "numpy", fillvalue=0) -> np.ndarray:
    """Convolution (kernel flipped): 'full'/'same'/'valid' agree with np.convolve."""
    return correlate1d(x, w, padding, mode, stride, dilation, same_convention=same_convention,
                       fillvalue=fillvalue, _flip=True)


def _pairs(p) -> tuple:
    return p if isinstance(p, tuple) else (p, p)


def correlate2d(x, w, padding="valid", mode: str = "zeros", stride=1, dilation=1, *, same_convention: str = "torch",
                fillvalue=0, conjugate: bool | None = None, _flip: bool = False) -> np.ndarray:
    """2-D cross-correlation (PyTorch's conv2d on one channel, scipy.signal.correlate2d); padding per
    axis as (ph, pw) or a string.  'same' has the shape of x and, by default, SciPy's correlate2d
    alignment, which is PyTorch's (odd pad sample after the signal)."""
    xa, wa = as_signal(x, 2), as_signal(w, 2, "w")
    (sh, sw), (dh, dw) = _pairs(stride), _pairs(dilation)
    for v, nm in ((sh, "stride"), (sw, "stride"), (dh, "dilation"), (dw, "dilation")):
        check_size(v, nm)
    return _layer(xa, wa, padding, mode, (sh, sw), (dh, dw), _flip, same_convention, fillvalue, conjugate, "x")


def convolve2d(x, w, padding="valid", mode: str = "zeros", stride=1, dilation=1, *, same_convention: str = "numpy",
               fillvalue=0) -> np.ndarray:
    """2-D convolution (kernel flipped): 'full'/'same'/'valid' and the boundaries agree with
    scipy.signal.convolve2d (boundary 'fill' = mode 'zeros' with fillvalue, 'wrap' = 'circular',
    'symm' = 'symmetric')."""
    return correlate2d(x, w, padding, mode, stride, dilation, same_convention=same_convention,
                       fillvalue=fillvalue, _flip=True)


def conv2d_layer(x, weight, bias=None, padding="valid", mode: str = "zeros", stride=1, dilation=1) -> np.ndarray:
    """A convolutional layer as PyTorch defines it: y_i = sum_j f_j star h_ij + b_i.

    x has shape (C_in, H, W), weight (C_out, C_in, kh, kw), bias (C_out,).
    """
    xa = np.asarray(x, dtype=object) if not isinstance(x, np.ndarray) else x
    wa = np.asarray(weight, dtype=object) if not isinstance(weight, np.ndarray) else weight
    if xa.ndim != 3 or wa.ndim != 4:
        raise ValueError(f"x must be (C_in, H, W) and weight (C_out, C_in, kh, kw), got {xa.shape} and {wa.shape}")
    if wa.shape[1] != xa.shape[0]:
        raise ValueError(f"weight expects {wa.shape[1]} input channels, x has {xa.shape[0]}")
    if bias is not None and len(bias) != wa.shape[0]:
        raise ValueError(f"bias must have {wa.shape[0]} entries, got {len(bias)}")
    outs = []
    for i in range(wa.shape[0]):
        acc = sum(correlate2d(xa[j], wa[i, j], padding, mode, stride, dilation, same_convention="torch",
                              conjugate=False) for j in range(xa.shape[0]))
        outs.append(acc + (bias[i] if bias is not None else 0))
    return np.array(outs)
