"""Exact, exhaustive equivariance analysis of an operator on Z_n signals.

For every shift k = 1..n-1 it compares op(S^k x) with S^k op(x): exactly
for SymPy/rational input (every difference decided by
``symconv.exact.decide_zero``: proved 0, certified non-zero however small,
or undecided), within a tolerance for floats.

>>> import numpy as np
>>> rep = analyse_shift_equivariance(lambda v: np.cumsum(v), 3, x=np.array([1.0, 2.0, 3.0]))
>>> rep.commuting_shifts, rep.failing_shifts
([0], [1, 2])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np
import sympy as sp

from ..exact import decide_zero
from ..objects import shift, symbol_vector
from . import display as _display

__all__ = ["ShiftDefect", "EquivarianceReport", "analyse_shift_equivariance"]


@dataclass
class ShiftDefect:
    shift: int
    error: float                 # max |op(S^k x) - S^k op(x)| (0 when exactly equal)
    exact: bool                  # decided exactly?
    decided: bool = True
    first_index: int | None = None
    difference: object = None    # the exact (symbolic) difference at first_index
    differs: bool = False        # exact: some output difference is certified non-zero (however small)


@dataclass
class EquivarianceReport:

    _repr_markdown_ = _display.equivariance_markdown      # how a notebook shows it
    n: int
    exact: bool
    tolerance: float
    defects: list[ShiftDefect] = field(default_factory=list)

    def _fails(self, d: ShiftDefect) -> bool:
        return d.differs if d.exact else d.error > self.tolerance

    @property
    def commuting_shifts(self) -> list[int]:
        return [0] + [d.shift for d in self.defects if d.decided and not self._fails(d)]

    @property
    def failing_shifts(self) -> list[int]:
        return [d.shift for d in self.defects if d.decided and self._fails(d)]

    @property
    def undecided_shifts(self) -> list[int]:
        return [d.shift for d in self.defects if not d.decided]

    @property
    def equivariant(self) -> bool:
        return not self.failing_shifts and not self.undecided_shifts

    def as_dict(self) -> dict[int, float]:
        return {d.shift: d.error for d in self.defects}


def _as_list(y, n: int, what: str) -> list:
    if isinstance(y, sp.MatrixBase):
        vals = list(y)
    elif isinstance(y, np.ndarray):
        vals = list(y.reshape(-1))
    else:
        vals = list(y)
    if len(vals) != n:
        raise ValueError(f"{what} must have length n = {n}, got {len(vals)}")
    return vals


def _exact_difference(d) -> tuple[bool | None, float]:
    """-> (zero, magnitude): zero is True (proved 0), False (certified non-zero) or None (undecided),
    by symconv.exact.decide_zero; the magnitude is a float estimate for the report (inf for a
    symbolic difference; at least the smallest positive float for a certified non-zero number, so
    that a defect below float64 range is never shown as 0)."""
    if isinstance(d, (int, Fraction)) and not isinstance(d, bool):
        if d == 0:
            return True, 0.0
        try:
            return False, abs(float(d)) or 5e-324
        except OverflowError:
            return False, float("inf")
    e = sp.expand(sp.sympify(d))
    zero = decide_zero(e)
    if zero:
        return True, 0.0
    if e.free_symbols:
        return zero, float("inf")
    try:
        mag = float(abs(sp.N(e)))
    except (TypeError, ValueError, OverflowError):
        mag = float("nan")
    if zero is False and not mag > 0:
        mag = 5e-324
    return zero, mag


def analyse_shift_equivariance(op, n: int, x=None, tol: float = 1e-9, shifts=None) -> EquivarianceReport:
    """Compare op(S^k x) with S^k op(x) for every k (or the given ``shifts``)."""
    from ..objects._validate import check_size

    n = check_size(n)
    if not callable(op):
        raise TypeError(f"op must be callable, got {type(op).__name__}")
    if x is None:
        x = symbol_vector("x", n)
    xs = _as_list(x, n, "x")
    exact = not any(isinstance(v, (float, complex, np.floating, np.complexfloating)) for v in xs)
    wrap = (lambda v: sp.Matrix(v)) if isinstance(x, sp.MatrixBase) else \
        (lambda v: np.array(v, dtype=x.dtype)) if isinstance(x, np.ndarray) else (lambda v: list(v))
    base = _as_list(op(x), n, "op(x)")
    report = EquivarianceReport(n, exact, 0.0 if exact else tol)
    for k in (range(1, n) if shifts is None else shifts):
        lhs = _as_list(op(wrap(shift(list(xs), k))), n, f"op(S^{k} x)")
        rhs = shift(list(base), k)
        worst, first, diff, all_decided, differs = 0.0, None, None, True, False
        for idx, (p, q) in enumerate(zip(lhs, rhs)):
            if exact:
                zero, mag = _exact_difference(p - q)
                all_decided = all_decided and zero is not None
                if zero is False and not differs:          # the first certified difference is the witness
                    differs, first, diff = True, idx, sp.expand(sp.sympify(p - q))
                elif zero is None and first is None:
                    first, diff = idx, sp.expand(sp.sympify(p - q))
                if zero is not True and mag == mag:
                    worst = max(worst, mag)
            else:
                err = float(abs(complex(p) - complex(q)))
                if err > tol and first is None:
                    first, diff = idx, p - q
                worst = max(worst, err)
        decided = differs or all_decided if exact else True
        report.defects.append(ShiftDefect(k, worst, exact, decided, first, diff, differs))
    return report
