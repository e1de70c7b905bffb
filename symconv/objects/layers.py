"""CNN layers as exact operators: one definition for SymPy symbols, rationals and floats.

Signals are NumPy arrays (``dtype=object`` for exact entries); 1-D signals have
shape (n,), 2-D ones (H, W).  Conventions, each cross-checked in the tests:

* ``correlate1d`` / ``correlate2d`` compute cross-correlation, what PyTorch's
  ``conv1d``/``conv2d`` and TensorFlow's ``Conv`` call convolution:
  y[i] = sum_t w[t] xp[i*s + t*d] on the padded input xp;
* ``convolve1d`` / ``convolve2d`` flip the kernel (NumPy's ``np.convolve``,
  SciPy's ``convolve2d``);
* padding: an int p on both sides, or 'valid' (0), 'full' (d(k-1) both
  sides), 'same' (total d(k-1); for correlation the extra pad of an even
  kernel goes right/bottom as in PyTorch and TensorFlow 'SAME'; for
  convolution it goes left/top as in ``np.convolve(..., 'same')``; with
  stride s > 1, 'same' is TensorFlow's 'SAME': output ceil(n/s), total pad
  max((ceil(n/s) - 1) s + d(k-1) + 1 - n, 0));
* padding modes 'zeros', 'circular', 'reflect' (edge not repeated, NumPy's
  'reflect' = PyTorch's 'reflect'), 'replicate' (NumPy's 'edge').

>>> correlate1d([1, 2, 3, 4], [1, 1])
array([3, 5, 7], dtype=object)
>>> convolve1d([1, 2, 3], [1, 1], padding='same')      # = np.convolve(x, w, 'same')
array([1, 3, 5], dtype=object)
>>> max_pool1d([3, 1, 4, 1, 5, 9], 2)
array([3, 4, 9], dtype=object)
>>> output_size(28, 5)
24
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from ._validate import check_size

__all__ = ["output_size", "pad", "correlate1d", "convolve1d", "correlate2d", "convolve2d", "conv2d_layer",
           "max_pool1d", "avg_pool1d", "max_pool2d", "avg_pool2d", "global_avg_pool", "global_max_pool",
           "as_signal", "PADDING_MODES"]

PADDING_MODES = {"zeros": "constant", "circular": "wrap", "reflect": "reflect", "replicate": "edge"}


def as_signal(x, ndim: int, name: str = "x") -> np.ndarray:
    """An ndarray of the given dimension; object dtype unless every entry is a float."""
    if isinstance(x, sp.MatrixBase):
        x = np.array(x.tolist(), dtype=object)
        if ndim == 1:
            x = x.reshape(-1)
    arr = np.asarray(x)
    if arr.ndim != ndim:
        raise ValueError(f"{name} must be {ndim}-D, got shape {arr.shape}")
    if arr.size == 0:
        raise ValueError(f"{name} must be non-empty")
    if arr.dtype.kind in "fc":
        return arr
    return np.array(arr.tolist(), dtype=object) if arr.dtype != object else arr


def output_size(n: int, k: int, padding: int = 0, stride: int = 1, dilation: int = 1) -> int:
    """floor((n + 2p - d(k-1) - 1) / s) + 1: the output length of a layer (PyTorch's formula).

    >>> output_size(5, 3, padding=1), output_size(7, 3, stride=2), output_size(12, 2, stride=2)
    (5, 3, 6)
    """
    n, k = check_size(n, "n"), check_size(k, "k")
    s, d = check_size(stride, "stride"), check_size(dilation, "dilation")
    if isinstance(padding, bool) or not isinstance(padding, int) or padding < 0:
        raise ValueError(f"padding must be an int >= 0, got {padding!r}")
    span = n + 2 * padding - d * (k - 1)
    if span < 1:
        raise ValueError(f"kernel of size {k} (dilation {d}) is larger than the padded input ({n + 2 * padding})")
    return (span - 1) // s + 1


def _pads(padding, k: int, d: int, flip: bool, n: int | None = None, s: int = 1) -> tuple[int, int]:
    if isinstance(padding, str):
        total = d * (k - 1)
        if padding == "same" and s > 1:      # TensorFlow's 'SAME' with strides: output ceil(n / s)
            total = max((-(-n // s) - 1) * s + d * (k - 1) + 1 - n, 0)
        if padding == "valid":
            return 0, 0
        if padding == "full":
            return total, total
        if padding == "same":
            small = total // 2
            return (total - small, small) if flip else (small, total - small)
        raise ValueError(f"padding must be an int, 'valid', 'same' or 'full', got {padding!r}")
    if isinstance(padding, bool) or not isinstance(padding, int) or padding < 0:
        raise ValueError(f"padding must be an int >= 0 or 'valid'/'same'/'full', got {padding!r}")
    return padding, padding


def pad(x, before: int | tuple, after: int | tuple | None = None, mode: str = "zeros") -> np.ndarray:
    """Pad a 1-D or 2-D signal (per axis ``before``/``after``) with one of PADDING_MODES.

    >>> pad([1, 2, 3], 2, mode='reflect')
    array([3, 2, 1, 2, 3, 2, 1], dtype=object)
    """
    arr = np.asarray(x) if isinstance(x, np.ndarray) else as_signal(x, np.asarray(x).ndim)
    if mode not in PADDING_MODES:
        raise ValueError(f"mode must be one of {sorted(PADDING_MODES)}, got {mode!r}")
    after = before if after is None else after
    b = before if isinstance(before, tuple) else (before,) * arr.ndim
    a = after if isinstance(after, tuple) else (after,) * arr.ndim
    if mode == "reflect" and any(p >= m for p, m in zip(b + a, arr.shape * 2)):
        raise ValueError("reflect padding must be smaller than the signal")
    widths = list(zip(b, a))
    out = np.pad(arr, widths, mode=PADDING_MODES[mode]) if mode != "zeros" else \
        np.pad(arr, widths, mode="constant", constant_values=0)
    if out.dtype == object:   # NumPy fills with its own integer type: back to Python numbers
        out = np.array([v.item() if isinstance(v, np.generic) else v for v in out.flat],
                       dtype=object).reshape(out.shape)
    return out


def _kernel_flip(w: np.ndarray) -> np.ndarray:
    return w[(slice(None, None, -1),) * w.ndim]


def correlate1d(x, w, padding="valid", mode: str = "zeros", stride: int = 1, dilation: int = 1,
                _flip: bool = False) -> np.ndarray:
    """Cross-correlation y[i] = sum_t w[t] xp[i*stride + t*dilation] (PyTorch's conv1d)."""
    xa, wa = as_signal(x, 1), as_signal(w, 1, "w")
    s, d = check_size(stride, "stride"), check_size(dilation, "dilation")
    k = len(wa)
    left, right = _pads(padding, k, d, _flip, len(xa), s)
    xp = pad(xa, left, right, mode)
    m = output_size(len(xp), k, 0, s, d)
    taps = _kernel_flip(wa) if _flip else wa
    out = [sum((taps[t] * xp[i * s + t * d] for t in range(k)), start=_zero(xp, taps)) for i in range(m)]
    return np.array(out, dtype=object if xp.dtype == object or taps.dtype == object else float)


def convolve1d(x, w, padding="valid", mode: str = "zeros", stride: int = 1, dilation: int = 1) -> np.ndarray:
    """Convolution (kernel flipped): 'full'/'same'/'valid' agree with np.convolve."""
    return correlate1d(x, w, padding, mode, stride, dilation, _flip=True)


def _zero(*arrs):
    return sp.Integer(0) if any(a.dtype == object and any(isinstance(v, sp.Basic) for v in a.flat)
                                for a in arrs) else 0


def _pairs(p) -> tuple:
    return p if isinstance(p, tuple) else (p, p)


def correlate2d(x, w, padding="valid", mode: str = "zeros", stride=1, dilation=1, _flip: bool = False) -> np.ndarray:
    """2-D cross-correlation (PyTorch's conv2d on one channel); padding per axis as (ph, pw) or a string."""
    xa, wa = as_signal(x, 2), as_signal(w, 2, "w")
    (sh, sw), (dh, dw) = _pairs(stride), _pairs(dilation)
    for v, nm in ((sh, "stride"), (sw, "stride"), (dh, "dilation"), (dw, "dilation")):
        check_size(v, nm)
    kh, kw = wa.shape
    ph, pw = padding if isinstance(padding, tuple) else (padding, padding)
    (top, bottom), (lft, rgt) = _pads(ph, kh, dh, _flip, xa.shape[0], sh), _pads(pw, kw, dw, _flip, xa.shape[1], sw)
    xp = pad(xa, (top, lft), (bottom, rgt), mode)
    mh, mw = output_size(xp.shape[0], kh, 0, sh, dh), output_size(xp.shape[1], kw, 0, sw, dw)
    taps = _kernel_flip(wa) if _flip else wa
    z = _zero(xp, taps)
    out = np.empty((mh, mw), dtype=object if xp.dtype == object or taps.dtype == object else float)
    for i in range(mh):
        for j in range(mw):
            out[i, j] = sum((taps[u, v] * xp[i * sh + u * dh, j * sw + v * dw]
                             for u in range(kh) for v in range(kw)), start=z)
    return out


def convolve2d(x, w, padding="valid", mode: str = "zeros", stride=1, dilation=1) -> np.ndarray:
    """2-D convolution (kernel flipped): 'full'/'same'/'valid' agree with scipy.signal.convolve2d."""
    return correlate2d(x, w, padding, mode, stride, dilation, _flip=True)


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
        acc = sum(correlate2d(xa[j], wa[i, j], padding, mode, stride, dilation) for j in range(xa.shape[0]))
        outs.append(acc + (bias[i] if bias is not None else 0))
    return np.array(outs)


def _pool1d(x, k, stride, fn):
    xa = as_signal(x, 1)
    k = check_size(k, "k")
    s = check_size(k if stride is None else stride, "stride")
    m = output_size(len(xa), k, 0, s)
    return np.array([fn(list(xa[i * s:i * s + k])) for i in range(m)], dtype=object if xa.dtype == object else float)


def _max(vals):
    """max of a window: Python's for numbers, SymPy's Max otherwise.  A window of distinct symbols whose
    signs are unknown is built unevaluated: SymPy could drop none of them (no two are comparable), so it
    is the evaluated Max, without the pairwise comparisons that cost ~50 ms a window."""
    if not any(isinstance(v, sp.Basic) for v in vals):
        return max(vals)
    if (len(set(vals)) == len(vals) and all(isinstance(v, sp.Symbol) for v in vals)
            and all(v.is_extended_real is not False and v.is_positive is None and v.is_negative is None
                    and v.is_zero is None for v in vals)):
        return sp.Max(*vals, evaluate=False)
    return sp.Max(*vals)


def _mean(vals):
    total = sum(vals[1:], start=vals[0])
    return total / len(vals) if not all(isinstance(v, int) for v in vals) else sp.Rational(total, len(vals))


def max_pool1d(x, k: int, stride: int | None = None) -> np.ndarray:
    """Max over windows of size k moved by stride (default k)."""
    return _pool1d(x, k, stride, _max)


def avg_pool1d(x, k: int, stride: int | None = None) -> np.ndarray:
    """Mean over windows of size k moved by stride (default k); exact for rationals."""
    return _pool1d(x, k, stride, _mean)


def _pool2d(x, k, stride, fn):
    xa = as_signal(x, 2)
    kh, kw = _pairs(k)
    sh, sw = _pairs(k if stride is None else stride)
    mh, mw = output_size(xa.shape[0], kh, 0, sh), output_size(xa.shape[1], kw, 0, sw)
    out = np.empty((mh, mw), dtype=object if xa.dtype == object else float)
    for i in range(mh):
        for j in range(mw):
            out[i, j] = fn(list(xa[i * sh:i * sh + kh, j * sw:j * sw + kw].flat))
    return out


def max_pool2d(x, k, stride=None) -> np.ndarray:
    """2-D max pooling (window k or (kh, kw), stride default k)."""
    return _pool2d(x, k, stride, _max)


def avg_pool2d(x, k, stride=None) -> np.ndarray:
    """2-D average pooling (window k or (kh, kw), stride default k); exact for rationals."""
    return _pool2d(x, k, stride, _mean)


def global_avg_pool(x):
    """The mean of all entries."""
    xa = np.asarray(x, dtype=object if not np.asarray(x).dtype.kind in "fc" else None)
    return _mean(list(xa.flat))


def global_max_pool(x):
    """The max of all entries."""
    return _max(list(np.asarray(x, dtype=object).flat))

