"""The full discrete convolution of two arrays of any (equal) number of dimensions, exactly.

(a * b)[n] = sum_m a[m] b[n - m], of shape a.shape + b.shape - 1.  One pass over the entries
chooses the route, and no route re-scans the inputs per output sample:

* integers (Python or NumPy ints) and rationals (``Fraction``, SymPy ``Integer``/``Rational``), 1-D:
  python-flint's polynomial product (``fmpz_poly``/``fmpq_poly``) when it is installed; the product of
  the generating polynomials is the convolution, coefficient by coefficient;
* other exact entries (SymPy expressions, ``Decimal``...): every output entry is one sum of its
  terms, built once (``sympy.Add(*terms)`` for SymPy entries);
* float and complex arrays: one shifted multiply-add per entry of the smaller operand, in float.

Exact inputs give exact outputs of the same kind (Python ints stay Python ints, SymPy numbers
stay SymPy numbers).

>>> full_convolve(np.array([1, 2, 3], dtype=object), np.array([1, 1], dtype=object))
array([1, 3, 5, 3], dtype=object)
>>> import sympy as sp
>>> a0, a1, b0, b1 = sp.symbols('a0 a1 b0 b1')
>>> full_convolve(np.array([a0, a1]), np.array([b0, b1]))
array([a0*b0, a0*b1 + a1*b0, a1*b1], dtype=object)
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import numpy as np
import sympy as sp

__all__ = ["full_convolve", "is_numeric_array"]

try:  # the optional fast route (the ``fast`` extra)
    import flint as _flint
except ImportError:  # pragma: no cover - exercised where python-flint is absent
    _flint = None


def is_numeric_array(arr: np.ndarray) -> bool:
    """Float or complex dtype: computed in floating point (everything else is exact)."""
    return arr.dtype.kind in "fc"


def _kind(values) -> str:
    """'int', 'rat', 'sympy-rat' (SymPy Integer/Rational only), 'sympy' (any SymPy entry) or 'other'."""
    kind = "int"
    for v in values:
        if isinstance(v, (bool, np.bool_)):
            return "other"
        if isinstance(v, (int, np.integer)):
            continue
        if isinstance(v, Fraction):
            kind = "rat" if kind in ("int", "rat") else "other"
        elif isinstance(v, sp.Rational):
            kind = "sympy-rat" if kind in ("int", "sympy-rat") else "sympy"
        elif isinstance(v, sp.Basic):
            kind = "sympy"
        else:
            return "other" if kind != "sympy" else "sympy"
    return kind


def _flint_convolve(a: list, b: list, kind: str) -> list:
    if kind == "int":
        prod = _flint.fmpz_poly([int(v) for v in a]) * _flint.fmpz_poly([int(v) for v in b])
        out = [int(c) for c in prod.coeffs()]
    else:
        def q(v):
            return _flint.fmpq(int(v.numerator), int(v.denominator)) if not isinstance(v, (int, np.integer)) \
                else _flint.fmpq(int(v))
        prod = _flint.fmpq_poly([q(v) for v in a]) * _flint.fmpq_poly([q(v) for v in b])
        coeffs = prod.coeffs()
        conv = sp.Rational if kind == "sympy-rat" else Fraction
        out = [conv(int(c.p), int(c.q)) for c in coeffs]
    n = len(a) + len(b) - 1
    zero = sp.Integer(0) if kind == "sympy-rat" else (Fraction(0) if kind == "rat" else 0)
    if kind == "sympy-rat":
        out = [sp.Integer(v) if isinstance(v, int) else v for v in out]
    return out + [zero] * (n - len(out))      # flint drops trailing zero coefficients


def _shape_out(a: np.ndarray, b: np.ndarray) -> tuple:
    return tuple(p + q - 1 for p, q in zip(a.shape, b.shape))


def _terms_convolve(a: np.ndarray, b: np.ndarray, symbolic: bool) -> np.ndarray:
    """Each output entry summed once from its own list of terms."""
    shape = _shape_out(a, b)
    terms = [[] for _ in range(int(np.prod(shape)))]
    strides = [int(np.prod(shape[i + 1:])) for i in range(len(shape))]
    a_pos = [sum(i * s for i, s in zip(idx, strides)) for idx in itertools.product(*map(range, a.shape))]
    a_flat = list(a.flat)
    for idx in itertools.product(*map(range, b.shape)):
        off = sum(i * s for i, s in zip(idx, strides))
        bv = b[idx]
        for p, av in zip(a_pos, a_flat):
            terms[p + off].append(av * bv)
    if symbolic:
        vals = [sp.Add(*t) for t in terms]
    else:
        vals = [sum(t[1:], start=t[0]) if t else 0 for t in terms]
    out = np.empty(len(vals), dtype=object)
    out[:] = vals
    return out.reshape(shape)


def _float_convolve(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    if a.size < b.size:
        a, b = b, a
    dtype = np.result_type(a.dtype, b.dtype, np.float64)
    out = np.zeros(_shape_out(a, b), dtype=dtype)
    for idx in itertools.product(*map(range, b.shape)):
        out[tuple(slice(i, i + n) for i, n in zip(idx, a.shape))] += b[idx] * a
    return out


def full_convolve(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The full convolution of two non-empty arrays with the same number of dimensions (>= 1).

    Float/complex inputs give a float/complex array; anything else an object array of exact entries.

    >>> full_convolve(np.array([1.0, 2.0]), np.array([[1.0]]))
    Traceback (most recent call last):
    ...
    ValueError: a and b must have the same number of dimensions, got 1 and 2
    """
    if a.ndim != b.ndim:
        raise ValueError(f"a and b must have the same number of dimensions, got {a.ndim} and {b.ndim}")
    if a.ndim == 0 or a.size == 0 or b.size == 0:
        raise ValueError("a and b must be non-empty arrays of dimension >= 1")
    if is_numeric_array(a) and is_numeric_array(b):
        return _float_convolve(a, b)
    if a.dtype.kind in "fc" or b.dtype.kind in "fc":   # mixed: keep the exact side exact
        a, b = a.astype(object), b.astype(object)
    if a.dtype != object or b.dtype != object:
        a, b = np.asarray(a, dtype=object), np.asarray(b, dtype=object)
    kind = _kind(itertools.chain(a.flat, b.flat))
    if _flint is not None and a.ndim == 1 and kind in ("int", "rat", "sympy-rat"):
        out = np.empty(len(a) + len(b) - 1, dtype=object)
        out[:] = _flint_convolve(list(a), list(b), kind)
        return out
    a, b = _python_scalars(a), _python_scalars(b)   # NumPy's fixed-width ints would overflow
    if kind in ("int", "rat"):
        return _object_accumulate(a, b)
    return _terms_convolve(a, b, symbolic=kind in ("sympy", "sympy-rat"))


def _python_scalars(arr: np.ndarray) -> np.ndarray:
    if not any(isinstance(v, np.generic) for v in arr.flat):
        return arr
    out = np.empty(arr.shape, dtype=object)
    out[...] = np.array([v.item() if isinstance(v, np.generic) else v for v in arr.flat],
                        dtype=object).reshape(arr.shape)
    return out


def _object_accumulate(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Exact ints/Fractions without flint: one shifted multiply-add per entry of the smaller operand."""
    if a.size < b.size:
        a, b = b, a
    out = np.empty(_shape_out(a, b), dtype=object)
    out.fill(0)
    for idx in itertools.product(*map(range, b.shape)):
        out[tuple(slice(i, i + n) for i, n in zip(idx, a.shape))] += b[idx] * a
    return out
