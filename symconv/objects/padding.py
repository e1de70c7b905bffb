"""Signals, padding and output sizes shared by the layers (1-D, 2-D and N-D).

Padding modes: 'zeros' (a constant, ``fillvalue``, default 0: SciPy's boundary='fill'),
'circular' (NumPy's 'wrap', SciPy's 'wrap'), 'reflect' (edge not repeated: NumPy's and PyTorch's
'reflect'), 'replicate' (NumPy's 'edge'), 'symmetric' (edge repeated: NumPy's 'symmetric', SciPy's
boundary='symm').

'same' padding of a kernel of (dilated) size d(k-1)+1 pads d(k-1) in total; when that is odd the
two libraries disagree on where the extra sample goes, and ``same_convention`` names it:
'numpy' puts it before the signal (``np.convolve``/``np.correlate``, ``scipy.signal.convolve2d``),
'torch' after it (PyTorch's and TensorFlow's 'same', ``scipy.signal.correlate2d``).

>>> pad([1, 2, 3], 2, mode='reflect')
array([3, 2, 1, 2, 3, 2, 1], dtype=object)
>>> pad([1, 2, 3], 2, mode='symmetric')
array([2, 1, 1, 2, 3, 3, 2], dtype=object)
>>> same_pads(1, 'numpy'), same_pads(1, 'torch')
((1, 0), (0, 1))
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from ._validate import check_size

__all__ = ["PADDING_MODES", "SAME_CONVENTIONS", "as_signal", "output_size", "pad", "pads_for", "same_pads",
           "check_convention"]

PADDING_MODES = {"zeros": "constant", "circular": "wrap", "reflect": "reflect", "replicate": "edge",
                 "symmetric": "symmetric"}
SAME_CONVENTIONS = ("numpy", "torch")


def as_signal(x, ndim: int, name: str = "x") -> np.ndarray:
    """An ndarray of the given dimension; object dtype unless every entry is a float (or complex)."""
    if isinstance(x, sp.MatrixBase):
        x = np.array(x.tolist(), dtype=object)
        if ndim == 1:
            x = x.reshape(-1)
    arr = np.asarray(x)
    if arr.ndim != ndim:
        raise ValueError(f"{name} must be {ndim}-D, got shape {arr.shape}")
    if arr.size == 0:
        raise ValueError(f"{name} cannot be empty")
    if arr.dtype.kind in "fc":
        return arr
    return np.array(arr.tolist(), dtype=object) if arr.dtype != object else arr


def check_convention(same_convention: str) -> str:
    if same_convention not in SAME_CONVENTIONS:
        raise ValueError(f"same_convention must be one of {SAME_CONVENTIONS}, got {same_convention!r}")
    return same_convention


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


def same_pads(total: int, same_convention: str) -> tuple[int, int]:
    """(before, after) for a total 'same' pad: the odd sample before ('numpy') or after ('torch')."""
    small = total // 2
    return (total - small, small) if check_convention(same_convention) == "numpy" else (small, total - small)


def pads_for(padding, k: int, d: int, same_convention: str, n: int | None = None, s: int = 1) -> tuple[int, int]:
    """(before, after) pads of one axis for padding = an int p >= 0, 'valid', 'same' or 'full'.

    With stride s > 1, 'same' is TensorFlow's 'SAME': output ceil(n / s), total pad
    max((ceil(n/s) - 1) s + d(k-1) + 1 - n, 0).
    """
    if isinstance(padding, str):
        total = d * (k - 1)
        if padding == "same" and s > 1:
            total = max((-(-n // s) - 1) * s + d * (k - 1) + 1 - n, 0)
        if padding == "valid":
            return 0, 0
        if padding == "full":
            return total, total
        if padding == "same":
            return same_pads(total, same_convention)
        raise ValueError(f"padding must be an int, 'valid', 'same' or 'full', got {padding!r}")
    if isinstance(padding, bool) or not isinstance(padding, (int, np.integer)):
        raise TypeError(f"padding must be an int >= 0 or 'valid'/'same'/'full', got {type(padding).__name__} "
                        f"{padding!r}")
    if padding < 0:
        raise ValueError(f"padding must be an int >= 0 or 'valid'/'same'/'full', got {padding!r}")
    return int(padding), int(padding)


def _source_index(m: int, p: int, q: int, mode: str) -> np.ndarray:
    """For an axis of length m padded with p samples before and q after in ``mode`` (not 'zeros'): the index in
    the signal that each of the p + m + q outputs reads.  'circular' has period m, 'symmetric' (edge repeated)
    period 2m, 'replicate' clamps, 'reflect' (edge not repeated) needs p, q < m.

    >>> [_source_index(3, 2, 2, md).tolist() for md in ("circular", "symmetric", "replicate", "reflect")]
    [[1, 2, 0, 1, 2, 0, 1], [1, 0, 0, 1, 2, 2, 1], [0, 0, 0, 1, 2, 2, 2], [2, 1, 0, 1, 2, 1, 0]]
    """
    i = np.arange(-p, m + q, dtype=np.int64)
    if mode == "circular":
        return i % m
    if mode == "replicate":
        return np.clip(i, 0, m - 1)
    if mode == "symmetric":
        j = i % (2 * m)
        return np.where(j < m, j, 2 * m - 1 - j)
    if mode == "reflect":
        j = np.abs(i)
        return np.where(j > m - 1, 2 * (m - 1) - j, j)
    raise ValueError(f"mode must be one of {sorted(set(PADDING_MODES) - {'zeros'})}, got {mode!r}")


def pad(x, before: int | tuple, after: int | tuple | None = None, mode: str = "zeros", fillvalue=0) -> np.ndarray:
    """Pad a signal of any dimension (per axis ``before``/``after``) with one of PADDING_MODES.

    'zeros' pads with ``fillvalue``.  'reflect' pads must be smaller than the signal (as in PyTorch);
    'circular' and 'symmetric' may be longer (the signal is repeated, as in NumPy and SciPy).
    """
    arr = np.asarray(x) if isinstance(x, np.ndarray) else as_signal(x, np.asarray(x).ndim)
    if mode not in PADDING_MODES:
        raise ValueError(f"mode must be one of {sorted(PADDING_MODES)}, got {mode!r}")
    if np.ndim(fillvalue) != 0:
        one = np.asarray(fillvalue, dtype=object)
        if one.size != 1:
            raise ValueError(f"fillvalue must be a scalar or an array with one element, got {fillvalue!r}")
        fillvalue = one.reshape(())[()]
    after = before if after is None else after
    b = before if isinstance(before, tuple) else (before,) * arr.ndim
    a = after if isinstance(after, tuple) else (after,) * arr.ndim
    if mode == "reflect" and any(p >= m for p, m in zip(b + a, arr.shape * 2)):
        raise ValueError("reflect padding must be smaller than the signal")
    widths = list(zip(b, a))
    if mode != "zeros" and arr.size:
        # NumPy's np.pad(arr, widths, mode=PADDING_MODES[mode]) as one gather (the same entries: tests compare
        # the two), without np.pad's per-call set-up
        out = arr[np.ix_(*[_source_index(m, p, q, mode) for m, (p, q) in zip(arr.shape, widths)])]
    elif mode != "zeros":
        out = np.pad(arr, widths, mode=PADDING_MODES[mode])
    else:
        shape = tuple(m + p + q for m, (p, q) in zip(arr.shape, widths))
        out = np.empty(shape, dtype=arr.dtype)
        out.fill(fillvalue)
        out[tuple(slice(p, p + m) for m, (p, _) in zip(arr.shape, widths))] = arr
    if out.dtype == object:   # NumPy fills with its own integer type: back to Python numbers
        out = np.array([v.item() if isinstance(v, np.generic) else v for v in out.flat],
                       dtype=object).reshape(out.shape)
    return out
