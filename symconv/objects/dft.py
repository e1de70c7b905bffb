"""The DFT matrix F[j, k] = omega**(j*k), omega = exp(-2*pi*i/n) (NumPy's sign).

Unnormalised.  With zeta = exp(2*pi*i/n) a primitive n-th root of unity,
omega = zeta**-1, so F[j, k] = zeta**(-j*k mod n): the exact matrix is an
integer matrix of exponents, and that is how symconv computes with it.

>>> dft_exponents(3)
array([[0, 0, 0],
       [0, 2, 1],
       [0, 1, 2]])
>>> dft_matrix(2)
Matrix([
[1,  1],
[1, -1]])
"""

from __future__ import annotations

import cmath
import math

import numpy as np
import sympy as sp

from ..exact import CyclotomicElement, CyclotomicField
from ._validate import as_vector, check_size

__all__ = ["dft_exponents", "dft_exponent_rows", "dft_matrix", "dft_matrix_cyclotomic", "dft_matrix_numeric",
           "fourier_mode", "omega", "NORMS", "dft_scale", "dft", "idft", "idft_matrix"]

#: NumPy's normalisations (``np.fft.fft(x, norm=...)``): the forward / inverse scale factors are
#: 'backward' 1 / (1/n), 'ortho' 1/sqrt(n) / 1/sqrt(n), 'forward' 1/n / 1
NORMS = ("backward", "ortho", "forward")


def omega(n: int) -> sp.Expr:
    """omega = exp(-2*pi*I/n), the DFT's root of unity.

    >>> omega(4)
    -I
    """
    n = check_size(n)
    return sp.exp(-2 * sp.pi * sp.I / n)


def dft_exponents(n: int) -> np.ndarray:
    """Integer matrix E with F[j, k] = zeta_n**E[j, k], E[j, k] = -j*k mod n."""
    n = check_size(n)
    return dft_exponent_rows(n, 0, n)


def dft_exponent_rows(n: int, start: int, stop: int) -> np.ndarray:
    """Rows start..stop-1 of :func:`dft_exponents` (a (stop - start) x n block; the same entries).

    >>> dft_exponent_rows(3, 1, 3)
    array([[0, 2, 1],
           [0, 1, 2]])
    """
    n = check_size(n)
    for name, v in (("start", start), ("stop", stop)):
        if isinstance(v, bool) or not isinstance(v, int):
            raise TypeError(f"{name} must be an int, got {type(v).__name__}")
    if not 0 <= start <= stop <= n:
        raise ValueError(f"need 0 <= start <= stop <= n, got start={start}, stop={stop}, n={n}")
    j = np.arange(start, stop, dtype=np.int64)
    k = np.arange(n, dtype=np.int64)
    return (-np.outer(j, k)) % n


def dft_matrix(n: int) -> sp.Matrix:
    """The exact DFT matrix with SymPy entries exp(-2*pi*I*j*k/n)."""
    n = check_size(n)
    E = dft_exponents(n)
    return sp.Matrix(n, n, lambda j, k: sp.exp(2 * sp.pi * sp.I * sp.Rational(int(E[j, k]), n)))


def dft_matrix_cyclotomic(n: int) -> list[list[CyclotomicElement]]:
    """The DFT matrix with entries in Q(zeta_n) (rows of CyclotomicElement).

    >>> F = dft_matrix_cyclotomic(3)
    >>> F[1][1]
    -1 - ζ (in Q(ζ_3))
    """
    K = CyclotomicField(check_size(n))
    E = dft_exponents(n)
    roots = [K.zeta(e) for e in range(n)]
    return [[roots[int(E[j, k])] for k in range(n)] for j in range(n)]


def dft_matrix_numeric(n: int, dps: int | None = None):
    """F as a complex128 NumPy array, or as an mpmath matrix at ``dps`` digits.

    >>> bool(np.allclose(dft_matrix_numeric(4), np.fft.fft(np.eye(4))))
    True
    """
    n = check_size(n)
    if dps is None:
        j = np.arange(n)
        return np.exp(-2j * np.pi * np.outer(j, j) / n)
    import mpmath

    with mpmath.workdps(dps):
        w = [mpmath.expjpi(mpmath.mpf(-2 * e) / n) for e in range(n)]
        return mpmath.matrix([[w[(j * k) % n] for k in range(n)] for j in range(n)])


def fourier_mode(n: int, k: int) -> sp.Matrix:
    """f_k = (omega**(-j*k))_j = (exp(2*pi*I*j*k/n))_j, the k-th column of n*F^-1.

    S f_k = omega**k f_k for the shift S, and circ(c) f_k = (F c)_k f_k.

    >>> fourier_mode(4, 1).T
    Matrix([[1, I, -1, -I]])
    """
    n = check_size(n)
    return sp.Matrix([sp.exp(2 * sp.pi * sp.I * sp.Rational((j * k) % n, n)) for j in range(n)])


def dft_scale(n: int, norm: str | None = "backward", inverse: bool = False) -> sp.Expr:
    """The factor NumPy's ``norm`` puts in front of the forward (or inverse) DFT, exactly.

    >>> [dft_scale(4, m) for m in NORMS], [dft_scale(4, m, inverse=True) for m in NORMS]
    ([1, 1/2, 1/4], [1/4, 1/2, 1])
    """
    n = check_size(n)
    norm = "backward" if norm is None else norm
    if norm not in NORMS:
        raise ValueError(f"norm must be one of {NORMS} (or None), got {norm!r}")
    if norm == "ortho":
        return 1 / sp.sqrt(n)
    return sp.Rational(1, n) if (norm == "backward") == inverse else sp.Integer(1)


#: binary floats whose every value is a 53-bit double (np.longdouble is not: it keeps the exact route)
_DOUBLES = (float, np.float64, np.float32, np.float16)
_COMPLEX_DOUBLES = (complex, np.complex128, np.complex64)


def _inexact_parts(v):
    """(re, im, prec): an inexact entry's real and imaginary parts as mpmath values and its precision in bits
    -- a Python or NumPy float / complex (53 bits), a SymPy Float, or SymPy's a + b*I / b*I of Floats -- else
    None (an exact or symbolic entry: the transform stays exact)."""
    import mpmath

    if isinstance(v, bool):
        return None
    if isinstance(v, _DOUBLES):
        return (mpmath.mpf(float(v)), mpmath.mpf(0), 53) if math.isfinite(v) else None
    if isinstance(v, _COMPLEX_DOUBLES):
        c = complex(v)
        return (mpmath.mpf(c.real), mpmath.mpf(c.imag), 53) if cmath.isfinite(c) else None
    if not isinstance(v, sp.Basic):
        return None
    if v.is_Float:          # (a SymPy Float is finite: sympify(inf) and sympify(nan) are oo and nan)
        return (mpmath.mpf(v._mpf_), mpmath.mpf(0), v._prec) if v.is_finite else None
    if v.is_Mul and len(v.args) == 2 and v.args[0].is_Float and v.args[1] is sp.I and v.args[0].is_finite:
        return mpmath.mpf(0), mpmath.mpf(v.args[0]._mpf_), v.args[0]._prec
    if v.is_Add and len(v.args) == 2:
        re, im = v.args if v.args[0].is_Float else v.args[::-1]
        rest = _inexact_parts(im) if re.is_Float and im.is_Mul else None
        if rest is not None:
            return mpmath.mpf(re._mpf_), rest[1], max(re._prec, rest[2])
    return None


def _numeric_transform(parts: list, scale: sp.Expr, sign: int) -> list:
    """scale * sum_k exp(sign 2 pi i jk/n) x_k for inexact x (``_inexact_parts`` of each entry): summed in mpmath
    with guard bits above the entries' largest precision p, each output rounded to p bits (a SymPy Float, or
    re + im*I).  The exact route's expression evaluates to the same number up to that rounding."""
    import mpmath

    n = len(parts)
    prec = max(p for _, _, p in parts)
    with mpmath.workprec(prec + 20 + 2 * n.bit_length()):
        xs = [mpmath.mpc(a, b) for a, b, _ in parts]
        roots = [mpmath.expjpi(mpmath.mpf(sign * 2 * e) / n) for e in range(n)]
        s = scale._to_mpmath(mpmath.mp.prec)
        sums = [s * mpmath.fdot([roots[(j * k) % n] for k in range(n)], xs) for j in range(n)]
    return [sp.Float(v.real, precision=prec) + sp.Float(v.imag, precision=prec) * sp.I for v in sums]


def _transform(x, norm, inverse: bool) -> list:
    """The transform's entries: exact expressions, expanded, or (every entry inexact) SymPy numbers."""
    raw = as_vector(x, "x")
    if not raw:
        raise ValueError("x must be non-empty")
    n = len(raw)
    sign = 1 if inverse else -1
    parts = [_inexact_parts(v) for v in raw]
    if all(q is not None for q in parts):
        # every entry inexact: the roots of unity at the entries' precision, not SymPy sums of exp(2 pi i k/n)
        return _numeric_transform(parts, dft_scale(n, norm, inverse), sign)
    xv = [sp.sympify(v) for v in raw]
    roots = [sp.exp(sign * 2 * sp.pi * sp.I * sp.Rational(e, n)) for e in range(n)]
    scale = dft_scale(n, norm, inverse)
    return [sp.expand(scale * sp.Add(*[roots[(j * k) % n] * xv[k] for k in range(n)])) for j in range(n)]


def dft(x, norm: str | None = "backward") -> list:
    """X_j = s * sum_k x_k omega**(j*k), exactly (NumPy's ``np.fft.fft(x, norm=norm)``; s = dft_scale).

    Exact or symbolic entries give exact expressions; when every entry is inexact (floats, complex numbers,
    SymPy Floats) the sums are evaluated at the entries' precision (SymPy Floats of that precision).

    >>> dft([1, 2, 3, 4])
    [10, -2 + 2*I, -2, -2 - 2*I]
    >>> dft([1.0, 2.0, 3.0, 4.0])
    [10.0000000000000, -2.0 + 2.0*I, -2.00000000000000, -2.0 - 2.0*I]
    """
    return _transform(x, norm, inverse=False)


def idft(x, norm: str | None = "backward") -> list:
    """x_j = s * sum_k X_k omega**(-j*k), exactly (NumPy's ``np.fft.ifft(X, norm=norm)``); inexact entries
    as in :func:`dft`.

    >>> idft(dft([1, 2, 3, 4], 'ortho'), 'ortho')
    [1, 2, 3, 4]
    """
    return _transform(x, norm, inverse=True)


def idft_matrix(n: int, norm: str | None = "backward") -> sp.Matrix:
    """The inverse DFT matrix s * omega**(-j*k) (s = dft_scale(n, norm, inverse=True)).

    >>> idft_matrix(2)
    Matrix([
    [1/2,  1/2],
    [1/2, -1/2]])
    """
    n = check_size(n)
    scale = dft_scale(n, norm, inverse=True)
    return sp.Matrix(n, n, lambda j, k: scale * sp.exp(2 * sp.pi * sp.I * sp.Rational((j * k) % n, n)))
