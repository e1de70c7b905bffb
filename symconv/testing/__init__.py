"""Assertion helpers for your own pytest suite (front end).

``assert_*`` raise AssertionError with a message naming the failing shift
and the size of the defect; ``equivariance_defect`` returns the numbers.
Signals may carry batch and channel axes ((N, C, L), (N, C, H, W)): shifts act
on the spatial ``axes`` only.  Floats are compared within
atol + rtol * max|output| (defaults from the dtype, e.g. float32 or float64);
exact signals (ints, rationals, SymPy symbols) are decided exactly.  Hypothesis
strategies to fuzz your own layers: ``symconv.testing.strategies``.

>>> import numpy as np
>>> conv = lambda v: np.real(np.fft.ifft(np.fft.fft(v) * np.fft.fft([1., 2., 0., 0.])))
>>> _ = assert_shift_equivariant(conv, 4, x=1e8 * np.arange(4.0))
>>> equivariance_defect(np.cumsum, 3, x=np.array([1.0, 0.0, 0.0]))
{1: 1.0, 2: 1.0}
>>> assert_shift_equivariant(lambda v: v[::-1], 3)
Traceback (most recent call last):
...
AssertionError: op is not shift-equivariant at n=3: shift 1 fails at output 0 by -x_0 + x_1 (exact); failing shifts [1, 2]
"""

from __future__ import annotations

import importlib

from ..engine.equivariance import EquivarianceReport, analyse_shift_equivariance
from ..engine.shift_table import ShiftTable, shift_table
from ..engine.tolerance import Tolerance
from ..objects.circulant import circulant_defect
from ._torch import torch_op

__all__ = ["assert_shift_equivariant", "equivariance_defect", "assert_circulant",
           "EquivarianceReport", "shift_table", "ShiftTable", "assert_shift_invariant", "torch_op", "Tolerance"]


def __getattr__(name: str):
    """``symconv.testing.strategies`` is imported on first use (it needs the optional hypothesis)."""
    if name == "strategies":
        return importlib.import_module(".strategies", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def equivariance_defect(op, n, x=None, *, axes=None) -> dict:
    """Max |op(S^k x) - S^r op(x)| for every shift k (0.0 when exactly equal; r = k, or k/s for a layer
    with stride s; inf for a shift no output shift corresponds to; nan for a non-finite output).

    It returns the numbers and takes no tolerance: compare them with your own, or let
    ``assert_shift_equivariant`` (rtol, atol) decide.  With ``x`` omitted a generic symbolic signal is
    used (exact); an exact but non-zero symbolic defect is reported as inf.
    """
    return analyse_shift_equivariance(op, n, x=x, axes=axes).as_dict()


def _shape_change_summary(op, rep: EquivarianceReport, x, tol, rtol, atol) -> str:
    """Which input shifts commute with which output shifts (the shift table), for a layer that changes
    the spatial shape."""
    tab = shift_table(op, rep.input_shape, x=x, tol=tol, rtol=rtol, atol=atol, axes=rep.axes)
    one = len(rep.axes) == 1
    show = (lambda s: str(s[0])) if one else str          # noqa: E731
    moved = [f"{show(r.shift)} -> {', '.join(show(o) for o in r.output_shifts)}" for r in tab.rows if r.output_shifts]
    none = [show(r.shift) for r in tab.rows if not r.output_shifts and not r.undecided]
    sp_in = tuple(rep.input_shape[a] for a in rep.axes)
    sp_out = tuple(rep.output_shape[a] for a in rep.axes)
    text = f"op maps spatial shape {sp_in} to {sp_out}; shift table: "
    text += ("input shift -> output shift " + "; ".join(moved)) if moved else \
        "no input shift commutes with an output shift"
    if none:
        text += f"; shifts {', '.join(none)} commute with no output shift"
    return text


def assert_shift_equivariant(op, n, x=None, tol: float | None = None, *, rtol: float | None = None,
                             atol: float | None = None, axes=None, shifts=None) -> EquivarianceReport:
    """Assert op(S^k x) = S^k op(x) for every shift k of the spatial axes (all shifts, not a sample).

    ``n``: the length of a 1-D signal, or the whole input shape ((m, n), (N, C, L), (N, C, H, W));
    ``axes``: the spatial axes (default: every axis of a 1- or 2-D shape, those after batch and channel
    otherwise).  Exact for SymPy or rational input and output (the default is a generic symbolic x):
    every difference is decided by ``symconv.exact.decide_zero``, so a defect too small for float64 (a
    factor 1 + 10**-400) still fails, and a difference that can be neither proved 0 nor certified
    non-zero raises an AssertionError saying "undecided" (never a pass); rtol and atol play no part.
    Float signals, and an op that returns floats whatever x is, are compared within
    atol + rtol * max|output|, defaults from the dtype (``Tolerance``), or the absolute ``tol``; a NaN or
    infinite output is undecided.  A layer that shrinks the spatial shape by s (stride, pooling) is
    compared with the output shift k/s; shifts s does not divide fail, and the message gives the shift
    table (pass ``shifts=`` to assert the equivariance such a layer can have).  Returns the report when
    it passes.
    """
    __tracebackhide__ = True     # a failing assertion shows the user's frame, not symconv's
    rep = analyse_shift_equivariance(op, n, x=x, tol=tol, shifts=shifts, rtol=rtol, atol=atol, axes=axes)
    where = f"n={n}" if isinstance(rep.n, int) else f"shape {rep.input_shape}"
    if rep.failing_shifts:
        d = next(d for d in rep.defects if d.shift == rep.failing_shifts[0])
        also = f"; shifts {rep.undecided_shifts} undecided" if rep.undecided_shifts else ""
        if d.output_shift is None:
            raise AssertionError(f"op is not shift-equivariant at {where}: shift {d.shift} has no corresponding "
                                 f"output shift ({_shape_change_summary(op, rep, x, tol, rtol, atol)}); "
                                 f"failing shifts {rep.failing_shifts}{also}")
        how = f"by {d.difference} (exact)" if rep.exact else _beyond(d, rep.tolerance)
        to = f" (output shift {d.output_shift})" if rep.size_changing else ""
        raise AssertionError(f"op is not shift-equivariant at {where}: shift {d.shift}{to} fails at output "
                             f"{d.first_index} {how}; failing shifts {rep.failing_shifts}{also}")
    if rep.undecided_shifts:
        d = next(d for d in rep.defects if d.shift == rep.undecided_shifts[0])
        if rep.exact:
            raise AssertionError(f"shift-equivariance at {where} is undecided: could not decide shifts "
                                 f"{rep.undecided_shifts} (at shift {d.shift}, output {d.first_index}, the exact "
                                 f"difference {d.difference} could be neither proved 0 nor certified non-zero)")
        raise AssertionError(f"shift-equivariance at {where} is undecided: the output is not finite (NaN or "
                             f"infinity) at shifts {rep.undecided_shifts} (shift {d.shift}, output {d.first_index})")
    return rep


def _beyond(d, tol: Tolerance) -> str:
    if tol.rtol == 0:
        return f"by {d.error:.3g} > tol {tol.atol:g}"
    return f"by {d.error:.3g} > {d.allowed:.3g} ({tol} times max|output| {d.scale:.3g})"


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


def assert_shift_invariant(op, shape, x=None, tol: float | None = None, shifts=None, *, rtol: float | None = None,
                           atol: float | None = None, axes=None) -> ShiftTable:
    """Assert op(S^m x) = op(x) for every shift m of the spatial axes (or the given ``shifts``).

    ``shape`` is the whole input shape, ``axes`` the spatial axes (as for ``shift_table``); floats within
    atol + rtol * max|output| (defaults from the dtype) or the absolute ``tol``.

    >>> assert_shift_invariant(lambda v: sum(v), (4,)).invariant_shifts
    [(1,), (2,), (3,)]
    """
    __tracebackhide__ = True     # a failing assertion shows the user's frame, not symconv's
    table = shift_table(op, shape, x=x, tol=tol, rtol=rtol, atol=atol, axes=axes)
    wanted = None if shifts is None else {tuple(s) if isinstance(s, (tuple, list)) else (s,) for s in shifts}
    failing = [r for r in table.rows if not r.invariant and (wanted is None or r.shift in wanted)]
    open_ = [r for r in failing if r.undecided]
    if open_:
        why = ("an exact difference could be neither proved 0 nor certified non-zero (pass float input with a "
               "tolerance, or rational entries)" if table.exact else "a float output is not finite (NaN or infinity)")
        raise AssertionError(f"shift invariance of op on shape {table.shape} is undecided at shifts "
                             f"{[r.shift for r in open_]}: {why}")
    if failing:
        r = failing[0]
        moved = f"; it moves the output by {r.output_shifts[0]}" if r.output_shifts else ""
        raise AssertionError(f"op is not shift-invariant on shape {table.shape}: shift {r.shift} changes the "
                             f"output{moved}; failing shifts {[f.shift for f in failing]}")
    return table


