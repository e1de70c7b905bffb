"""The peers' calling conventions around symconv's functions, for running the peers' own tests.

Each adapter takes the peer's arguments, calls symconv (exact for integer and object inputs, float
arithmetic of symconv's own for float/complex ones), and returns what the peer returns: an ndarray
of the peer's result dtype (``np.result_type`` of the inputs, integers wrapped to its width as NumPy's
own arithmetic does), a NumPy scalar for 0-D results.  Parameters that only the peer has (SciPy's
``method``) are validated like the peer and otherwise ignored: symconv always computes the exact
direct sum.  No adapter calls the peer's function it replaces; every call is counted in ``CALLS``.
"""

from __future__ import annotations

import collections

import numpy as np
import sympy as sp

from symconv.objects import layers as L
from symconv.objects import signal_nd as S
from symconv.objects import toeplitz as T
from symconv.objects.circulant import circulant_array

CALLS: collections.Counter = collections.Counter()

_NP_MODES = {0: "valid", 1: "same", 2: "full"}


def _in(x):
    """A peer's array-like as symconv's input: exact object arrays (Python ints) for ints and bools,
    float and complex arrays as they are, object arrays (Decimal, SymPy) as they are."""
    arr = np.asarray(x)
    if arr.dtype.kind not in "biu":
        return arr
    out = np.empty(arr.shape, dtype=object)
    out.reshape(-1)[:] = [int(v) for v in arr.reshape(-1).tolist()]
    return out


def _cast_int(v, dt: np.dtype) -> int:
    if dt.kind == "b":
        return bool(v)
    bits = dt.itemsize * 8
    v = int(v) % (1 << bits)
    return v - (1 << bits) if dt.kind == "i" and v >= 1 << (bits - 1) else v


def _out(y, *inputs):
    """symconv's result in the peer's result dtype (object stays object)."""
    dt = np.result_type(*[np.asarray(i).dtype for i in inputs])
    y = np.asarray(y)
    if dt == object:
        return y
    if dt.kind in "biu":
        flat = [_cast_int(v, dt) for v in y.flat]
        out = np.array(flat, dtype=dt).reshape(y.shape)
    else:
        out = np.array([complex(v) if dt.kind == "c" else float(v) for v in y.flat] if y.dtype == object else y,
                       dtype=dt).reshape(y.shape)
    return out[()] if out.ndim == 0 else out


def _np_mode(mode):
    if isinstance(mode, (int, np.integer)) and not isinstance(mode, bool):
        if int(mode) not in _NP_MODES:
            raise ValueError(f"mode must be one of 'valid', 'same', or 'full' (got {mode!r})")
        return _NP_MODES[int(mode)]
    return mode


# --- NumPy ---------------------------------------------------------------------------------------------

def np_convolve(a, v, mode="full"):
    CALLS["np.convolve"] += 1
    return _out(L.convolve1d(_in(a), _in(v), _np_mode(mode)), a, v)


def np_correlate(a, v, mode="valid"):
    CALLS["np.correlate"] += 1
    return _out(L.correlate1d(_in(a), _in(v), _np_mode(mode)), a, v)


# --- scipy.signal --------------------------------------------------------------------------------------

_METHODS = ("auto", "direct", "fft")
_BOUNDARIES = {"fill": "zeros", "pad": "zeros", "wrap": "circular", "circular": "circular",
               "symm": "symmetric", "symmetric": "symmetric"}


def _method(method):
    if method not in _METHODS:
        raise ValueError(f"Acceptable method flags are 'auto', 'direct', or 'fft', got {method!r}")


def sig_convolve(in1, in2, mode="full", method="auto"):
    CALLS["signal.convolve"] += 1
    _method(method)
    return _out(S.convolve(_in(in1), _in(in2), mode), in1, in2)


def sig_correlate(in1, in2, mode="full", method="auto"):
    CALLS["signal.correlate"] += 1
    _method(method)
    return _out(S.correlate(_in(in1), _in(in2), mode), in1, in2)


def _boundary(boundary):
    if boundary not in _BOUNDARIES:
        raise ValueError(f"Acceptable boundary flags are 'fill', 'circular' (or 'wrap'), and 'symmetric' "
                         f"(or 'symm'), got {boundary!r}")
    return _BOUNDARIES[boundary]


def _fill(fillvalue):
    arr = np.asarray(fillvalue)
    if arr.size != 1:
        raise ValueError("`fillvalue` must be scalar or an array with one element.")
    return _in(arr.reshape(())).item() if arr.dtype.kind in "biu" else arr.reshape(()).item()


def sig_convolve2d(in1, in2, mode="full", boundary="fill", fillvalue=0):
    CALLS["signal.convolve2d"] += 1
    y = L.convolve2d(_in(in1), _in(in2), mode, _boundary(boundary), fillvalue=_fill(fillvalue))
    return _out(y, in1, in2)


def sig_correlate2d(in1, in2, mode="full", boundary="fill", fillvalue=0):
    CALLS["signal.correlate2d"] += 1
    y = L.correlate2d(_in(in1), _in(in2), mode, _boundary(boundary), fillvalue=_fill(fillvalue))
    return _out(y, in1, in2)


# --- scipy.linalg --------------------------------------------------------------------------------------

def linalg_circulant(c):
    CALLS["linalg.circulant"] += 1
    return _out(circulant_array(_in(c)), c)


def linalg_toeplitz(c, r=None):
    CALLS["linalg.toeplitz"] += 1
    y = T.toeplitz(_in(c), None if r is None else _in(r))
    return _out(y, c, *(() if r is None else (r,)))


def linalg_convolution_matrix(a, n, mode="full"):
    CALLS["linalg.convolution_matrix"] += 1
    return _out(T.convolution_matrix(_in(a), n, mode), a)


# --- sympy.discrete ------------------------------------------------------------------------------------

def _sympy_seq(seq, name):
    if not hasattr(seq, "__iter__") or isinstance(seq, (str, sp.Basic)):
        raise TypeError(f"Expected a sequence of numeric coefficients for {name}")
    return [sp.sympify(v) for v in seq]


def sympy_convolution(a, b, cycle=0, dps=None, prime=None, dyadic=None, subset=None):
    """sympy.discrete.convolution: the linear (cycle=0) or cyclic convolution, each coefficient
    expanded (SymPy's output form).  dps/prime/dyadic/subset are SymPy's other products: refused."""
    CALLS["sympy.convolution"] += 1
    if dps is not None or prime is not None or dyadic or subset:
        raise NotImplementedError("symconv computes the exact linear or cyclic convolution only")
    if cycle < 0:
        raise ValueError("The length for cyclic convolution must be non-negative")
    av, bv = _sympy_seq(a, "a"), _sympy_seq(b, "b")
    if not av or not bv:
        return []
    full = [sp.expand(v) for v in S.convolve(np.array(av, dtype=object), np.array(bv, dtype=object))]
    if cycle:
        folded = [sp.Integer(0)] * cycle
        for i, v in enumerate(full):
            folded[i % cycle] += v
        full = [sp.expand(v) for v in folded]
    return [int(v) if isinstance(v, sp.Integer) else v for v in full] if all(
        isinstance(v, (int, sp.Integer)) for v in av + bv) else full


def sympy_convolution_int(a, b):
    """The coefficients of the product polynomial, trailing zeros dropped (SymPy's dense form)."""
    CALLS["sympy.convolution_int"] += 1
    out = [int(v) for v in S.convolve(np.array([int(v) for v in a], dtype=object),
                                      np.array([int(v) for v in b], dtype=object))]
    while len(out) > 1 and out[-1] == 0:
        out.pop()
    return out


def sympy_convolution_fft(a, b, dps=None):
    CALLS["sympy.convolution_fft"] += 1
    if dps is not None:
        raise NotImplementedError("symconv's convolution is exact; dps (an FFT in floating point) is SymPy's")
    return sympy_convolution(a, b)
