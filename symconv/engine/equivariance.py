"""Exact, exhaustive equivariance analysis of an operator on signals over Z_n (or Z_m x Z_n, ...).

For every shift k of the spatial axes it compares op(S^k x) with S^r op(x), r = k for a layer that
keeps the spatial shape and r = k/s for one that shrinks it by an integer factor s (stride, pooling;
a shift k that s does not divide has no corresponding output shift and fails).  Batch and channel
axes are left alone: (N, C, L) and (N, C, H, W) signals are shifted along L, or H and W.

Exact for SymPy/rational input and output (every difference decided by ``symconv.exact.decide_zero``,
after a structural comparison: identical entries are equal, the others are decided: proved 0,
certified non-zero however small, or undecided).  Floats are compared within
atol + rtol * max|output| (``symconv.engine.tolerance``: defaults from the dtype); a NaN or an
infinity leaves the shift undecided, never passed.

>>> import numpy as np
>>> rep = analyse_shift_equivariance(lambda v: np.cumsum(v), 3, x=np.array([1.0, 2.0, 3.0]))
>>> rep.commuting_shifts, rep.failing_shifts
([0], [1, 2])
>>> from symconv.objects.layers import avg_pool1d
>>> rep = analyse_shift_equivariance(lambda v: avg_pool1d(v, 2), 6)       # window 2, stride 2
>>> rep.commuting_shifts, rep.failing_shifts, [d.output_shift for d in rep.defects]
([0, 2, 4], [1, 3, 5], [None, 1, None, 2, None])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np
import sympy as sp

from ..exact import decide_zero
from ..objects import symbol_vector
from . import display as _display
from .shift_table import spatial_axes
from .tolerance import Tolerance, has_floats

__all__ = ["ShiftDefect", "EquivarianceReport", "analyse_shift_equivariance", "exact_difference"]


@dataclass
class ShiftDefect:
    shift: object                # an int (one spatial axis) or a tuple
    error: float                 # max |op(S^k x) - S^r op(x)| (0 when exactly equal; nan: not finite)
    exact: bool                  # decided exactly?
    decided: bool = True
    first_index: object = None   # where the first (certified or undecided) difference is
    difference: object = None    # the (exact) difference at first_index
    differs: bool = False        # exact: some output difference is certified non-zero (however small)
    allowed: float | None = None  # floats: the largest difference allowed here, atol + rtol * scale
    scale: float | None = None   # floats: max |output| of the two outputs compared
    output_shift: object = 0     # r, the output shift compared with; None when no shift of the output corresponds


@dataclass
class EquivarianceReport:

    _repr_markdown_ = _display.equivariance_markdown      # how a notebook shows it
    n: object                    # the size n, or the input shape
    exact: bool
    tolerance: object            # 0.0 when exact, else a Tolerance
    defects: list[ShiftDefect] = field(default_factory=list)
    axes: tuple = (0,)
    input_shape: tuple = ()
    output_shape: tuple = ()

    def _fails(self, d: ShiftDefect) -> bool:
        if d.output_shift is None:
            return True
        return d.differs if d.exact else not d.error <= d.allowed

    @property
    def _zero(self):
        return 0 if len(self.axes) == 1 else (0,) * len(self.axes)

    @property
    def commuting_shifts(self) -> list:
        return [self._zero] + [d.shift for d in self.defects if d.decided and not self._fails(d)]

    @property
    def failing_shifts(self) -> list:
        return [d.shift for d in self.defects if d.decided and self._fails(d)]

    @property
    def undecided_shifts(self) -> list:
        return [d.shift for d in self.defects if not d.decided]

    @property
    def equivariant(self) -> bool:
        return not self.failing_shifts and not self.undecided_shifts

    @property
    def size_changing(self) -> bool:
        """Does op change the spatial shape (stride, pooling)?"""
        return tuple(self.input_shape[a] for a in self.axes) != tuple(self.output_shape[a] for a in self.axes)

    def as_dict(self) -> dict:
        """{shift: max |op(S^k x) - S^r op(x)|}; inf for a shift no output shift corresponds to."""
        return {d.shift: d.error for d in self.defects}


def exact_difference(d) -> tuple[bool | None, float]:
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


_NOT_FINITE = (sp.nan, sp.zoo, sp.oo, -sp.oo)


def _structurally_equal(p, q, finite: dict) -> bool:
    """p and q are the same finite expression or number (a proof that they are equal); False proves
    nothing.  ``finite`` remembers which expressions hold no NaN or infinity (those are never equal)."""
    if isinstance(p, (float, complex, np.floating, np.complexfloating)):
        return False
    try:
        if not bool(p == q):
            return False
    except (TypeError, ValueError):
        return False
    if not isinstance(p, sp.Basic):
        return True
    try:
        ok = finite.get(p)
    except TypeError:
        return False
    if ok is None:
        ok = finite[p] = not p.has(*_NOT_FINITE)
    return ok


def _array(y, one_d: bool, what: str) -> np.ndarray:
    if isinstance(y, sp.MatrixBase):
        arr = np.array(list(y) if one_d else y.tolist(), dtype=object)
    else:
        arr = np.asarray(y)
    if arr.dtype.kind in "iub":
        arr = arr.astype(object)
    if arr.dtype.kind not in "fcO":
        raise TypeError(f"{what} must hold numbers or SymPy expressions, got dtype {arr.dtype}")
    return arr


def _shape(n) -> tuple:
    from ..objects._validate import check_size
    if isinstance(n, tuple):
        if not n or not all(isinstance(s, (int, np.integer)) and not isinstance(s, bool) and s > 0 for s in n):
            raise ValueError(f"n must be a positive int or a shape tuple of positive ints, got {n!r}")
        return tuple(int(s) for s in n)
    return (check_size(n),)


def _output_shift(k: tuple, strides) -> tuple | None:
    if strides is None or any(kk % s for kk, s in zip(k, strides)):
        return None
    return tuple(kk // s for kk, s in zip(k, strides))


def _compare_exact(lhs, rhs, one_d, finite: dict):
    worst, first, diff, all_decided, differs = 0.0, None, None, True, False
    for idx in np.ndindex(lhs.shape):
        p, q = lhs[idx], rhs[idx]
        if _structurally_equal(p, q, finite):
            continue
        zero, mag = exact_difference(p - q)
        all_decided = all_decided and zero is not None
        where = idx[0] if one_d else idx
        if zero is False and not differs:          # the first certified difference is the witness
            differs, first, diff = True, where, sp.expand(sp.sympify(p - q))
        elif zero is None and first is None:
            first, diff = where, sp.expand(sp.sympify(p - q))
        if zero is not True and mag == mag:
            worst = max(worst, mag)
    return worst, first, diff, differs or all_decided, differs


def _compare_float(lhs, rhs, one_d, tol: Tolerance):
    a, b = np.asarray(lhs, dtype=complex), np.asarray(rhs, dtype=complex)
    diff = np.abs(a - b)
    finite = bool(np.isfinite(a).all() and np.isfinite(b).all())
    scale = float(max(np.abs(a).max(initial=0.0), np.abs(b).max(initial=0.0))) if finite else float("nan")
    allowed = tol.threshold(scale) if finite else float("nan")
    err = float(diff.max(initial=0.0)) if finite else float("nan")
    bad = np.argwhere(~(diff <= allowed)) if finite else np.argwhere(~np.isfinite(diff))
    first = None
    if len(bad):
        idx = tuple(int(i) for i in bad[0])
        first = idx[0] if one_d else idx
        d = lhs[idx] - rhs[idx]
    return err, first, (d if first is not None else None), finite, allowed, scale


def analyse_shift_equivariance(op, n, x=None, tol: float | None = None, shifts=None, *, rtol: float | None = None,
                               atol: float | None = None, axes=None) -> EquivarianceReport:
    """Compare op(S^k x) with S^r op(x) for every shift k of the spatial ``axes`` (or the given ``shifts``).

    ``n`` is the length of a 1-D signal, or the whole input shape ((m, n), (N, C, L), (N, C, H, W));
    ``axes`` defaults to every axis of a 1- or 2-D shape and to the axes after batch and channel
    otherwise.  Floats are compared within ``rtol``/``atol`` (defaults from the dtype) or the absolute
    ``tol``; exact values exactly."""
    shape = _shape(n)
    if not callable(op):
        raise TypeError(f"op must be callable, got {type(op).__name__}")
    axes = spatial_axes(len(shape), axes)
    one_d = len(shape) == 1
    if x is None:
        x = symbol_vector("x", shape[0]) if one_d else \
            np.array(sp.symbols(f"x_0:{int(np.prod(shape))}"), dtype=object).reshape(shape)
    xa = _array(x, one_d, "x")
    if xa.shape != shape:
        raise ValueError(f"x must have length n = {shape[0]}, got {xa.size}" if one_d and xa.ndim == 1
                         else f"x must have shape {shape}, got {xa.shape}")
    if isinstance(x, sp.MatrixBase):
        wrap = lambda v: sp.Matrix(list(v))  # noqa: E731
    elif isinstance(x, np.ndarray):
        wrap = lambda v: np.asarray(v, dtype=x.dtype)  # noqa: E731
    else:
        wrap = lambda v: v.tolist()  # noqa: E731
    base = _array(op(x), one_d, "op(x)")
    if base.ndim != xa.ndim:
        raise ValueError(f"op(x) must have the input's {xa.ndim} axes (shape {shape}), got shape {base.shape}: "
                         "an output without the spatial axes has no shift to commute with "
                         "(use assert_shift_invariant for invariance)")
    exact = not has_floats(xa) and not has_floats(base)
    tolerance = Tolerance.for_dtypes([xa.dtype, base.dtype], rtol, atol, tol)      # checks the arguments
    report = EquivarianceReport(shape[0] if one_d and not isinstance(n, tuple) else shape, exact,
                                0.0 if exact else tolerance, axes=axes, input_shape=shape, output_shape=base.shape)
    sizes_in, sizes_out = [shape[a] for a in axes], [base.shape[a] for a in axes]
    divides = all(i % o == 0 for i, o in zip(sizes_in, sizes_out))
    strides = tuple(i // o for i, o in zip(sizes_in, sizes_out)) if divides else None
    single, finite = len(axes) == 1, {}
    if shifts is None:
        from itertools import product
        wanted = [k for k in product(*(range(s) for s in sizes_in)) if any(k)]
    else:
        wanted = [tuple(k) if isinstance(k, (tuple, list)) else (k,) for k in shifts]
    for k in wanted:
        if len(k) != len(axes):
            raise ValueError(f"shifts must have {len(axes)} entries each (one per spatial axis), got {k!r}")
        label = k[0] if single else k
        r = _output_shift(k, strides)
        if r is None:
            report.defects.append(ShiftDefect(label, float("inf"), exact, True, None, None, exact, output_shift=None))
            continue
        lhs = _array(op(wrap(np.roll(xa, k, axes))), one_d, f"op(S^{label} x)")
        rhs = np.roll(base, r, axes)
        out_label = r[0] if single else r
        if lhs.shape != rhs.shape:
            raise ValueError(f"op(S^{label} x) has shape {lhs.shape}, op(x) has {rhs.shape}")
        if exact:
            worst, first, diff, decided, differs = _compare_exact(lhs, rhs, one_d, finite)
            report.defects.append(ShiftDefect(label, worst, True, decided, first, diff, differs,
                                              output_shift=out_label))
        else:
            err, first, diff, finite, allowed, scale = _compare_float(lhs, rhs, one_d, tolerance)
            report.defects.append(ShiftDefect(label, err, False, finite, first, diff, False, allowed, scale,
                                              output_shift=out_label))
    return report
