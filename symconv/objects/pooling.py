"""Pooling layers as exact operators (max, average, global), 1-D and 2-D.

>>> max_pool1d([3, 1, 4, 1, 5, 9], 2)
array([3, 4, 9], dtype=object)
>>> avg_pool1d([1, 2, 4, 4], 2)
array([3/2, 4], dtype=object)
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from ._validate import check_size
from .padding import as_signal, output_size

__all__ = ["max_pool1d", "avg_pool1d", "max_pool2d", "avg_pool2d", "global_avg_pool", "global_max_pool"]


def _pairs(p) -> tuple:
    return p if isinstance(p, tuple) else (p, p)

def _pool1d(x, k, stride, fn):
    xa = as_signal(x, 1)
    k = check_size(k, "k")
    s = check_size(k if stride is None else stride, "stride")
    m = output_size(len(xa), k, 0, s)
    return np.array([fn(list(xa[i * s:i * s + k])) for i in range(m)], dtype=object if xa.dtype == object else float)


_MAXES: dict = {}
#: SymPy windows' maxima remembered per process, for windows of symbols and rationals, under the window
#: itself (its entries in order with their classes, compared structurally: a symbol's assumptions are part of
#: it); the shifts of an equivariance check see the same windows again and again
MAXES_SIZE = 50_000


def _max(vals):
    """max of a window: Python's for numbers, SymPy's Max otherwise.  A window of distinct symbols whose
    signs are unknown is built unevaluated: SymPy could drop none of them (no two are comparable), so it
    is the evaluated Max, without the pairwise comparisons that cost ~50 ms a window."""
    if not any(isinstance(v, sp.Basic) for v in vals):
        return max(vals)
    if not all(isinstance(v, (sp.Symbol, sp.Rational)) for v in vals):
        return _sympy_max(vals)
    key = tuple((type(v), v) for v in vals)    # the class too: 1 and 1.0 compare equal, Max keeps them apart
    hit = _MAXES.get(key)
    if hit is None:
        hit = _sympy_max(vals)
        if len(_MAXES) >= MAXES_SIZE:
            _MAXES.clear()
        _MAXES[key] = hit
    return hit


def _sympy_max(vals):
    if (len(set(vals)) == len(vals) and all(isinstance(v, sp.Symbol) for v in vals)
            and all(v.is_extended_real is not False and v.is_positive is None and v.is_negative is None
                    and v.is_zero is None for v in vals)):
        return sp.Max(*vals, evaluate=False)
    return sp.Max(*vals)


def _mean(vals):
    if len(vals) > 2 and all(isinstance(v, sp.Expr) for v in vals):
        total = sp.Add(*vals)          # one flattening: the sum built term by term, without the quadratic rebuilds
    else:
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

