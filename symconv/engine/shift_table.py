"""Which shifts an operator commutes with, or is invariant to, exhaustively (1-D and 2-D signals).

For every input shift m (every element of Z_n, or of Z_m x Z_n) it finds every output shift r with
op(S^m x) = S^r op(x) (so strided layers and pooling are covered: r = m/s), says whether
op(S^m x) = op(x) (invariance), and measures the defect op(S^m x) - S^m op(x) when the output has
the input's shape.  Exact for SymPy/rational input (generic symbols by default), within a
tolerance for floats.

>>> import numpy as np
>>> t = shift_table(lambda v: v[::2] + v[1::2], (4,))         # sum pooling, window 2, stride 2
>>> [(row.shift, row.output_shifts, row.invariant) for row in t.rows]
[((1,), [], False), ((2,), [(1,)], False), ((3,), [], False)]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import product

import numpy as np
import sympy as sp

from ..exact import admissible_points, decide_zero
from . import display as _display

__all__ = ["ShiftRow", "ShiftTable", "shift_table"]


@dataclass
class ShiftRow:
    shift: tuple
    output_shifts: list             # every r with op(S^shift x) = S^r op(x)
    invariant: bool                 # op(S^shift x) = op(x)
    defect: object = None           # max |op(S^m x) - S^m op(x)| (same shapes only), exact when exact
    first_difference: object = None
    undecided: bool = False         # some exact comparison could not be decided (never counted as equal)


@dataclass
class ShiftTable:

    _repr_markdown_ = _display.shift_table_markdown      # how a notebook shows it
    shape: tuple
    exact: bool
    tolerance: float
    rows: list = field(default_factory=list)

    @property
    def equivariant_shifts(self) -> list:
        """Shifts m with op(S^m x) = S^m op(x)."""
        return [r.shift for r in self.rows if r.shift in r.output_shifts]

    @property
    def invariant_shifts(self) -> list:
        return [r.shift for r in self.rows if r.invariant]

    @property
    def undecided_shifts(self) -> list:
        """Shifts where some exact comparison was undecided: neither counted as equal nor as different."""
        return [r.shift for r in self.rows if r.undecided]


def _is_zero(d, exact: bool, tol: float) -> bool | None:
    """Exactly (True/False with a proof, None undecided: symconv.exact.decide_zero) or within tol."""
    if not exact:
        return abs(complex(d)) <= tol
    return decide_zero(d)


def _same(a: np.ndarray, b: np.ndarray, exact: bool, tol: float):
    """(True, None) when every entry agrees, (False, idx) at a proved difference, (None, idx) undecided."""
    if a.shape != b.shape:
        return False, None
    pending = None
    for idx in np.ndindex(a.shape):
        zero = _is_zero(a[idx] - b[idx], exact, tol)
        if zero is False:
            return False, idx
        if zero is None and pending is None:
            pending = idx
    return (True, None) if pending is None else (None, pending)


def _symbols(arr: np.ndarray) -> set:
    return set().union(*(sp.sympify(v).free_symbols for v in arr.reshape(-1)))


def _at_point(arr: np.ndarray, point: dict | None):
    """The entries at ``point`` (one admissible rational value per symbol, the same for every array
    compared), when all come out rational (else None).  Two outputs whose rational values differ there
    differ as functions: a cheap, exact refutation before the entry-by-entry decision."""
    if point is None or not _symbols(arr) <= set(point):
        return None
    vals = np.array([sp.sympify(v).xreplace(point) for v in arr.reshape(-1)], dtype=object).reshape(arr.shape)
    return vals if all(v.is_Rational for v in vals.reshape(-1)) else None


def _differ_at_point(a, b) -> bool:
    return a is not None and b is not None and a.shape == b.shape and bool((a != b).any())


def _generic(shape: tuple) -> np.ndarray:
    syms = sp.symbols(f"x0:{int(np.prod(shape))}")
    return np.array(syms, dtype=object).reshape(shape)


def shift_table(op, shape: tuple, x=None, tol: float = 1e-9) -> ShiftTable:
    """Exhaustive shift analysis of ``op`` on signals of ``shape`` (a 1- or 2-tuple)."""
    if not callable(op):
        raise TypeError(f"op must be callable, got {type(op).__name__}")
    if isinstance(shape, int):
        shape = (shape,)
    if not (isinstance(shape, tuple) and 1 <= len(shape) <= 2 and all(isinstance(s, int) and s > 0 for s in shape)):
        raise ValueError(f"shape must be (n,) or (m, n) with positive ints, got {shape!r}")
    xa = _generic(shape) if x is None else np.asarray(x)
    if xa.shape != shape:
        raise ValueError(f"x must have shape {shape}, got {xa.shape}")
    exact = xa.dtype == object or xa.dtype.kind in "iu"
    if xa.dtype.kind in "iu":
        xa = xa.astype(object)
    y = np.asarray(op(xa))
    axes = tuple(range(len(shape)))
    table = ShiftTable(shape, exact, 0.0 if exact else tol)
    out_shifts = list(product(*(range(s) for s in y.shape))) if y.ndim == len(shape) else []
    point = next(admissible_points(sorted(_symbols(xa) | _symbols(y), key=str)), None) if exact else None
    yv = _at_point(y, point)
    for m in product(*(range(s) for s in shape)):
        if not any(m):
            continue
        ys = np.asarray(op(np.roll(xa, m, axes)))
        ysv = _at_point(ys, point)
        verdicts = {r: (False if _differ_at_point(ysv, None if yv is None else np.roll(yv, r, axes))
                        else _same(ys, np.roll(y, r, axes), exact, tol)[0]) for r in out_shifts}
        matches = [r for r, v in verdicts.items() if v is True]
        same_as_y = False if _differ_at_point(ysv, yv) else _same(ys, y, exact, tol)[0]
        invariant = same_as_y is True
        undecided = same_as_y is None or any(v is None for v in verdicts.values())
        defect, first = None, None
        if ys.shape == xa.shape == y.shape:
            target = np.roll(y, m, axes)
            diffs = [ys[idx] - target[idx] for idx in np.ndindex(ys.shape)]
            if exact:
                nz = [(idx, sp.expand(d)) for idx, d in zip(np.ndindex(ys.shape), diffs) if _is_zero(d, True, 0) is not True]
                defect = 0 if not nz else (float("inf") if any(d.free_symbols for _, d in nz)
                                           else max(abs(float(d)) for _, d in nz))
                first = nz[0] if nz else None
            else:
                defect = max(abs(complex(d)) for d in diffs)
        table.rows.append(ShiftRow(tuple(m), matches, invariant, defect, first, undecided))
    return table
