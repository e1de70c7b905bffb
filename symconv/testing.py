"""Assertion helpers for your own pytest suite (front end).

``assert_*`` raise AssertionError with a message naming the failing shift
and the size of the defect; ``equivariance_defect`` returns the numbers.

>>> import numpy as np
>>> conv = lambda v: np.real(np.fft.ifft(np.fft.fft(v) * np.fft.fft([1., 2., 0., 0.])))
>>> _ = assert_shift_equivariant(conv, 4, x=np.arange(4.0))
>>> equivariance_defect(np.cumsum, 3, x=np.array([1.0, 0.0, 0.0]))
{1: 1.0, 2: 1.0}
>>> assert_shift_equivariant(lambda v: v[::-1], 3)
Traceback (most recent call last):
...
AssertionError: op is not shift-equivariant at n=3: shift 1 fails at output 0 by -x_0 + x_1 (exact); failing shifts [1, 2]
"""

from __future__ import annotations


from .engine.equivariance import EquivarianceReport, analyse_shift_equivariance
from .objects.circulant import circulant_defect

__all__ = ["assert_shift_equivariant", "equivariance_defect", "assert_circulant",
           "EquivarianceReport"]


def equivariance_defect(op, n: int, x=None, tol: float = 1e-9) -> dict[int, float]:
    """Max |op(S^k x) - S^k op(x)| for every shift k = 1..n-1 (0.0 when exactly equal).

    With ``x`` omitted a generic symbolic signal is used (exact); an exact but
    non-zero symbolic defect is reported as inf.
    """
    return analyse_shift_equivariance(op, n, x=x, tol=tol).as_dict()


def assert_shift_equivariant(op, n: int, x=None, tol: float = 1e-9) -> EquivarianceReport:
    """Assert op(S^k x) = S^k op(x) for every k (all shifts, not a sample).

    Exact for SymPy or rational input (the default is a generic symbolic x),
    within ``tol`` for floats.  Returns the report when it passes.
    """
    rep = analyse_shift_equivariance(op, n, x=x, tol=tol)
    if rep.undecided_shifts:
        raise AssertionError(f"could not decide shift-equivariance at n={n} for shifts "
                             f"{rep.undecided_shifts} (expressions outside the exact domains)")
    if rep.failing_shifts:
        d = next(d for d in rep.defects if d.shift == rep.failing_shifts[0])
        how = f"by {d.difference} (exact)" if rep.exact else f"by {d.error:.3g} > tol {tol:g}"
        raise AssertionError(f"op is not shift-equivariant at n={n}: shift {d.shift} fails at output "
                             f"{d.first_index} {how}; failing shifts {rep.failing_shifts}")
    return rep


def assert_circulant(W, tol: float | None = None) -> None:
    """Assert W[i, j] = W[(i - j) mod n, 0] for all i, j (exact unless ``tol`` is given).

    >>> assert_circulant([[1, 3], [3, 1]])
    >>> assert_circulant([[1, 2], [3, 1]])
    Traceback (most recent call last):
    ...
    AssertionError: W is not circulant: W[0,1] - W[1,0] = -1 (1 of 4 entries off their cyclic diagonal)
    """
    defects = circulant_defect(W)
    n = len(W) if not hasattr(W, "shape") else W.shape[0]
    if tol is not None:
        defects = [d for d in defects if abs(complex(d[2])) > tol]
    if defects:
        i, j, d = defects[0]
        raise AssertionError(f"W is not circulant: W[{i},{j}] - W[{(i - j) % n},0] = {d} "
                             f"({len(defects)} of {n * n} entries off their cyclic diagonal)")
