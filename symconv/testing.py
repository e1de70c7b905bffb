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
from .engine.shift_table import ShiftTable, shift_table
from .objects.circulant import circulant_defect

__all__ = ["assert_shift_equivariant", "equivariance_defect", "assert_circulant",
           "EquivarianceReport", "shift_table", "ShiftTable", "assert_shift_invariant", "torch_op"]


def equivariance_defect(op, n: int, x=None, tol: float = 1e-9) -> dict[int, float]:
    """Max |op(S^k x) - S^k op(x)| for every shift k = 1..n-1 (0.0 when exactly equal).

    With ``x`` omitted a generic symbolic signal is used (exact); an exact but
    non-zero symbolic defect is reported as inf.
    """
    return analyse_shift_equivariance(op, n, x=x, tol=tol).as_dict()


def assert_shift_equivariant(op, n: int, x=None, tol: float = 1e-9) -> EquivarianceReport:
    """Assert op(S^k x) = S^k op(x) for every k (all shifts, not a sample).

    Exact for SymPy or rational input (the default is a generic symbolic x): every difference is
    decided by ``symconv.exact.decide_zero``, so a defect too small for float64 (a factor
    1 + 10**-400) still fails, and a difference that can be neither proved 0 nor certified non-zero
    raises an AssertionError saying "undecided" (never a pass).  Within ``tol`` for floats.
    Returns the report when it passes.
    """
    __tracebackhide__ = True     # a failing assertion shows the user's frame, not symconv's
    rep = analyse_shift_equivariance(op, n, x=x, tol=tol)
    if rep.failing_shifts:
        d = next(d for d in rep.defects if d.shift == rep.failing_shifts[0])
        how = f"by {d.difference} (exact)" if rep.exact else f"by {d.error:.3g} > tol {tol:g}"
        also = f"; shifts {rep.undecided_shifts} undecided" if rep.undecided_shifts else ""
        raise AssertionError(f"op is not shift-equivariant at n={n}: shift {d.shift} fails at output "
                             f"{d.first_index} {how}; failing shifts {rep.failing_shifts}{also}")
    if rep.undecided_shifts:
        d = next(d for d in rep.defects if d.shift == rep.undecided_shifts[0])
        raise AssertionError(f"shift-equivariance at n={n} is undecided: could not decide shifts "
                             f"{rep.undecided_shifts} (at shift {d.shift}, output {d.first_index}, the exact "
                             f"difference {d.difference} could be neither proved 0 nor certified non-zero)")
    return rep


def assert_circulant(W, tol: float | None = None) -> None:
    """Assert W[i, j] = W[(i - j) mod n, 0] for all i, j (exact unless ``tol`` is given).

    Exact entries are decided by ``symconv.exact.decide_zero`` (roots of unity in Q(zeta_n)); an
    entry whose difference can be neither proved 0 nor certified non-zero raises an AssertionError
    saying "undecided", never a pass.

    >>> assert_circulant([[1, 3], [3, 1]])
    >>> assert_circulant([[1, 2], [3, 1]])
    Traceback (most recent call last):
    ...
    AssertionError: W is not circulant: W[0,1] - W[1,0] = -1 (1 of 4 entries off their cyclic diagonal)
    """
    __tracebackhide__ = True     # a failing assertion shows the user's frame, not symconv's
    defects = circulant_defect(W)
    n = len(W) if not hasattr(W, "shape") else W.shape[0]
    if tol is not None:
        defects = [d for d in defects if _magnitude(d[2]) > tol]
    certain = [d for d in defects if d.decided]
    if certain:
        i, j, d = certain[0]
        raise AssertionError(f"W is not circulant: W[{i},{j}] - W[{(i - j) % n},0] = {d} "
                             f"({len(certain)} of {n * n} entries off their cyclic diagonal)")
    if defects:
        i, j, d = defects[0]
        raise AssertionError(f"whether W is circulant is undecided: W[{i},{j}] - W[{(i - j) % n},0] = {d} "
                             f"could be neither proved 0 nor certified non-zero ({len(defects)} such entries)")


def _magnitude(d) -> float:
    """|d| as a float for the tolerance test; inf when d is not a number (symbols: never within tol)."""
    try:
        return abs(complex(d))
    except (TypeError, ValueError):
        return float("inf")


def assert_shift_invariant(op, shape, x=None, tol: float = 1e-9, shifts=None) -> ShiftTable:
    """Assert op(S^m x) = op(x) for every shift m of Z_n or Z_m x Z_n (or the given ``shifts``).

    >>> assert_shift_invariant(lambda v: sum(v), (4,)).invariant_shifts
    [(1,), (2,), (3,)]
    """
    __tracebackhide__ = True     # a failing assertion shows the user's frame, not symconv's
    table = shift_table(op, shape, x=x, tol=tol)
    wanted = None if shifts is None else {tuple(s) if isinstance(s, (tuple, list)) else (s,) for s in shifts}
    failing = [r for r in table.rows if not r.invariant and (wanted is None or r.shift in wanted)]
    open_ = [r for r in failing if r.undecided]
    if open_:
        raise AssertionError(f"shift invariance of op on shape {table.shape} is undecided at shifts "
                             f"{[r.shift for r in open_]}: an exact difference could be neither proved 0 nor "
                             "certified non-zero (pass float input with a tolerance, or rational entries)")
    if failing:
        r = failing[0]
        moved = f"; it moves the output by {r.output_shifts[0]}" if r.output_shifts else ""
        raise AssertionError(f"op is not shift-invariant on shape {table.shape}: shift {r.shift} changes the "
                             f"output{moved}; failing shifts {[f.shift for f in failing]}")
    return table


def torch_op(module):
    """Wrap a PyTorch module or function as a NumPy operator on one signal (float64).

    1-D signals are fed as (1, 1, n), 2-D ones as (1, 1, m, n); the batch and channel axes are removed
    from the result.  Requires the optional ``torch`` extra.
    """
    import numpy as np
    import torch

    def op(x):
        arr = np.asarray(x, dtype=np.float64)
        with torch.no_grad():
            out = module(torch.as_tensor(arr)[None, None])
        return out.detach().numpy()[0, 0]
    return op
