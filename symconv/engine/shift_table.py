"""Which shifts an operator commutes with, or is invariant to, exhaustively (any number of spatial axes,
with batch and channel axes left alone).

For every input shift m (every element of Z_n, or of Z_m x Z_n, ... over the spatial ``axes``) it
finds every output shift r with op(S^m x) = S^r op(x) (so strided layers and pooling are covered:
r = m/s), says whether op(S^m x) = op(x) (invariance), and measures the defect op(S^m x) - S^m op(x)
when the output has the input's spatial shape.  Exact for SymPy/rational input (generic symbols by
default); for floats within a tolerance (``symconv.engine.tolerance``: rtol plus an atol scaled to the
dtype).  A NaN or infinite float output is undecided, never equal.

Exact comparisons go structurally first: the output entries are interned and hashed once per cyclic
shift (``shift_match``), so a shift whose output is a shift of op(x) entry for entry is found without
comparing it with every other shift; a structural match is a proof of equality.  Everything that does
not match structurally is decided as before: a rational point refutes cheaply, then
``symconv.exact.decide_zero`` decides entry by entry (proved 0, certified non-zero, or undecided).

>>> import numpy as np
>>> t = shift_table(lambda v: v[::2] + v[1::2], (4,))         # sum pooling, window 2, stride 2
>>> [(row.shift, row.output_shifts, row.invariant) for row in t.rows]
[((1,), [], False), ((2,), [(1,)], False), ((3,), [], False)]
>>> t = shift_table(lambda v: v + np.roll(v, 1, -1), (2, 3, 5))    # (N, C, L): the shift acts on L
>>> t.axes, len(t.rows), t.equivariant_shifts == [(k,) for k in range(1, 5)]
((2,), 4, True)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import product

import numpy as np
import sympy as sp

from ..exact import admissible_points, decide_zero
from . import display as _display
from .shift_match import Interner, RollIndex, add_shifts
from .tolerance import Tolerance, has_floats

__all__ = ["ShiftRow", "ShiftTable", "shift_table", "spatial_axes"]


@dataclass
class ShiftRow:
    shift: tuple
    output_shifts: list             # every r with op(S^shift x) = S^r op(x)
    invariant: bool                 # op(S^shift x) = op(x)
    defect: object = None           # max |op(S^m x) - S^m op(x)| (same spatial shape only), exact when exact
    first_difference: object = None
    undecided: bool = False         # some comparison could not be decided (never counted as equal)


@dataclass
class ShiftTable:

    _repr_markdown_ = _display.shift_table_markdown      # how a notebook shows it
    shape: tuple
    exact: bool
    tolerance: object               # 0.0 when exact, else a Tolerance
    rows: list = field(default_factory=list)
    axes: tuple = ()                # the spatial axes the shifts act on
    output_shape: tuple = ()

    @property
    def equivariant_shifts(self) -> list:
        """Shifts m with op(S^m x) = S^m op(x)."""
        return [r.shift for r in self.rows if r.shift in r.output_shifts]

    @property
    def invariant_shifts(self) -> list:
        return [r.shift for r in self.rows if r.invariant]

    @property
    def undecided_shifts(self) -> list:
        """Shifts where some comparison was undecided: neither counted as equal nor as different."""
        return [r.shift for r in self.rows if r.undecided]


def spatial_axes(ndim: int, axes=None) -> tuple:
    """The axes a shift acts on: ``axes`` (ints, negative allowed), else every axis of a 1- or 2-D
    signal and the axes after the first two of a longer one (PyTorch's (N, C, *spatial) layout)."""
    if axes is None:
        return tuple(range(ndim)) if ndim <= 2 else tuple(range(2, ndim))
    if isinstance(axes, (int, np.integer)) and not isinstance(axes, bool):
        axes = (axes,)
    if not isinstance(axes, (tuple, list)) or not axes or \
            not all(isinstance(a, (int, np.integer)) and not isinstance(a, bool) and -ndim <= a < ndim for a in axes):
        raise ValueError(f"axes must be a non-empty tuple of axes of a {ndim}-D signal, got {axes!r}")
    out = tuple(sorted(int(a) % ndim for a in axes))
    if len(set(out)) != len(out):
        raise ValueError(f"axes must be distinct, got {axes!r}")
    return out


def _same(a: np.ndarray, b: np.ndarray):
    """Exactly: (True, None) when every entry is proved equal, (False, idx) at a proved difference,
    (None, idx) when some entry is undecided."""
    if a.shape != b.shape:
        return False, None
    pending = None
    for idx in np.ndindex(a.shape):
        zero = decide_zero(a[idx] - b[idx])
        if zero is False:
            return False, idx
        if zero is None and pending is None:
            pending = idx
    return (True, None) if pending is None else (None, pending)


def _symbols(arr: np.ndarray) -> set:
    return set().union(*(sp.sympify(v).free_symbols for v in arr.reshape(-1)))


def _at_point(arr: np.ndarray, point: dict | None, memo: dict | None = None):
    """The entries at ``point`` (one admissible rational value per symbol, the same for every array
    compared), when all come out rational (else None).  Two outputs whose rational values differ there
    differ as functions: a cheap, exact refutation before the entry-by-entry decision.

    ``memo`` (one per point): entry -> its value there, keyed by (class, entry) so that only
    structurally equal entries of the same class (never 1 and True, or 1 and 1.0) share a value."""
    if point is None or not _symbols(arr) <= set(point):
        return None
    if memo is None:
        memo = {}
    out = []
    for v in arr.reshape(-1):
        key = (type(v), v)
        try:
            val = memo.get(key)
        except TypeError:              # an unhashable entry: evaluated, not remembered
            out.append(sp.sympify(v).xreplace(point))
            continue
        if val is None:
            val = memo[key] = sp.sympify(v).xreplace(point)
        out.append(val)
    vals = np.array(out, dtype=object).reshape(arr.shape)
    return vals if all(v.is_Rational for v in vals.reshape(-1)) else None


def _generic(shape: tuple) -> np.ndarray:
    syms = sp.symbols(f"x0:{int(np.prod(shape))}")
    return np.array(syms, dtype=object).reshape(shape)


def _check_shape(shape) -> tuple:
    if isinstance(shape, (int, np.integer)) and not isinstance(shape, bool):
        shape = (int(shape),)
    if not (isinstance(shape, tuple) and len(shape) >= 1
            and all(isinstance(s, (int, np.integer)) and not isinstance(s, bool) and s > 0 for s in shape)):
        raise ValueError(f"shape must be a tuple of positive ints such as (n,), (m, n) or (N, C, H, W), got {shape!r}")
    return tuple(int(s) for s in shape)


class _ExactComparer:
    """Exact comparisons of outputs with the shifts of y = op(x): structural first, then decided."""

    def __init__(self, xa, y, axes, out_axes):
        self.y, self.out_axes = y, out_axes
        self.ids = Interner()
        self.yid = self.ids.ids(y)
        self.index = RollIndex(self.yid, out_axes, self.ids) if out_axes else None
        self._xsyms = _symbols(xa) | _symbols(y)
        self._point, self._yv, self._vindex, self._periods = False, None, None, {}
        self._values: dict = {}        # (class, entry) -> its value at the point

    def point(self):
        if self._point is False:     # computed on first need: most shifts match structurally
            self._point = next(admissible_points(sorted(self._xsyms, key=str)), None)
            self._yv = _at_point(self.y, self._point, self._values)
            if self._yv is not None and self.index is not None:
                self._vids = Interner()
                self._vindex = RollIndex(self._vids.ids(self._yv), self.out_axes, self._vids)
        return self._point

    def period_verdict(self, p: tuple):
        """Is roll(y, p) = y?  True / False / None (undecided); structural periods are True."""
        if p not in self._periods:
            if p in self.index.period:
                v = True
            else:
                self.point()
                if self._vindex is not None and p not in self._vindex.period:
                    v = False                        # the values at the point differ
                else:
                    v = _same(self.y, np.roll(self.y, p, self.out_axes))[0]
            self._periods[p] = v
        return self._periods[p]

    def output_verdicts(self, ys, zid) -> dict:
        """{r: True/False/None} for every output shift r: is op(S^m x) = S^r op(x)?"""
        group = self.index.group
        if ys.shape != self.y.shape:
            return dict.fromkeys(group, False)
        r0 = self.index.first(zid)
        if r0 is not None:                           # ys = roll(y, r0) entry for entry
            sizes = self.index.sizes
            return {add_shifts(r0, p, sizes): self.period_verdict(p) for p in group}
        self.point()
        ysv = _at_point(ys, self._point, self._values) if self._vindex is not None else None
        if ysv is not None:
            near = set(self._vindex.matches(self._vids.ids(ysv)))   # the only shifts equal at the point
            return {r: (_same(ys, np.roll(self.y, r, self.out_axes))[0] if r in near else False) for r in group}
        return {r: _same(ys, np.roll(self.y, r, self.out_axes))[0] for r in group}

    def equal(self, a, aid):
        """Is a = y?  Structural identity first, then the rational point, then entry by entry."""
        b = self.y
        if a.shape != b.shape:
            return False
        if np.array_equal(aid, self.yid):
            return True
        self.point()
        av, bv = _at_point(a, self._point, self._values), _at_point(b, self._point, self._values)
        if av is not None and bv is not None and bool((av != bv).any()):
            return False
        return _same(a, b)[0]

    def defect(self, ys, zid, m):
        """(max |op(S^m x) - S^m op(x)|, (index, difference) of the first non-zero one) exactly: 0 when
        equal.  Structurally equal entries have difference 0; the others are decided."""
        target = np.roll(self.y, m, self.out_axes)
        nz = []
        for idx in zip(*np.nonzero(zid != np.roll(self.yid, m, self.out_axes))):
            idx = tuple(int(i) for i in idx)
            d = ys[idx] - target[idx]
            if decide_zero(d) is not True:
                nz.append((idx, sp.expand(d)))
        if not nz:
            return 0, None
        return (float("inf") if any(sp.sympify(d).free_symbols for _, d in nz)
                else max(abs(float(d)) for _, d in nz)), nz[0]


def _as_float(a: np.ndarray, what: str) -> np.ndarray:
    try:
        return np.asarray(a, dtype=complex if np.iscomplexobj(a) or a.dtype == object else float)
    except (TypeError, ValueError) as e:
        raise TypeError(f"{what} mixes floats with entries that are not numbers ({e}); pass a float signal "
                        "or an exact (int, rational, SymPy) one") from None


def _float_verdicts(ys, y, out_axes, group, tol: Tolerance) -> dict:
    """{r: True/False/None}: max |ys - roll(y, r)| <= tol, for every r; None when not finite."""
    if ys.shape != y.shape:
        return dict.fromkeys(group, False)
    a, b = _as_float(ys, "op(S^m x)"), _as_float(y, "op(x)")
    if not (np.isfinite(a).all() and np.isfinite(b).all()):
        return dict.fromkeys(group, None)
    scale = float(max(np.abs(a).max(initial=0.0), np.abs(b).max(initial=0.0)))
    limit = tol.threshold(scale)
    if scale == 0:
        return dict.fromkeys(group, True)
    an, bn = a / scale, b / scale
    # squared distance to every shift at once: |a|^2 + |b|^2 - 2 Re <a, roll(b, r)>, by FFT over the spatial axes
    corr = np.fft.ifftn(np.fft.fftn(an, axes=out_axes) * np.conj(np.fft.fftn(bn, axes=out_axes)), axes=out_axes)
    other = tuple(i for i in range(an.ndim) if i not in out_axes)
    corr = corr.real.sum(axis=other) if other else corr.real
    energy = float(np.sum(np.abs(an) ** 2) + np.sum(np.abs(bn) ** 2))
    dist2 = energy - 2 * corr
    # a shift within the tolerance has dist2 <= size * (limit/scale)^2; the FFT's rounding is far below 1e-8 * energy
    bound = an.size * (limit / scale) ** 2 + 1e-8 * energy
    out = dict.fromkeys(group, False)
    for r in zip(*np.nonzero(dist2 <= bound)):
        r = tuple(int(v) for v in r)
        out[r] = bool(np.abs(a - np.roll(b, r, out_axes)).max() <= limit)
    return out


def _float_equal(a, b, tol: Tolerance):
    if a.shape != b.shape:
        return False
    a, b = _as_float(a, "op(S^m x)"), _as_float(b, "op(x)")
    if not (np.isfinite(a).all() and np.isfinite(b).all()):
        return None
    scale = float(max(np.abs(a).max(initial=0.0), np.abs(b).max(initial=0.0)))
    return bool(np.abs(a - b).max(initial=0.0) <= tol.threshold(scale))


def shift_table(op, shape: tuple, x=None, tol: float | None = None, *, rtol: float | None = None,
                atol: float | None = None, axes=None) -> ShiftTable:
    """Exhaustive shift analysis of ``op`` on signals of ``shape``, the shifts acting on ``axes``.

    ``shape`` is the whole input shape: (n,), (m, n), (N, C, L), (N, C, H, W)...; ``axes`` defaults to
    every axis of a 1- or 2-D shape and to the axes after batch and channel otherwise.  Exact input
    (the default: generic symbols) is decided exactly; float input within ``rtol``/``atol`` (defaults
    from the dtype) or the absolute ``tol``."""
    if not callable(op):
        raise TypeError(f"op must be callable, got {type(op).__name__}")
    shape = _check_shape(shape)
    axes = spatial_axes(len(shape), axes)
    xa = _generic(shape) if x is None else np.asarray(x)
    if xa.shape != shape:
        raise ValueError(f"x must have shape {shape}, got {xa.shape}")
    if xa.dtype.kind in "iub":
        xa = xa.astype(object)
    y = np.asarray(op(xa))
    exact = not has_floats(xa) and not has_floats(y)
    tolerance = Tolerance.for_dtypes([xa.dtype, y.dtype], rtol, atol, tol)     # checks the arguments
    tolerance = 0.0 if exact else tolerance
    table = ShiftTable(shape, exact, tolerance, axes=axes, output_shape=y.shape)
    out_axes = axes if y.ndim == xa.ndim else ()
    same_grid = bool(out_axes) and all(y.shape[a] == xa.shape[a] for a in axes)
    group = list(product(*(range(y.shape[a]) for a in out_axes))) if out_axes else []
    cmp = _ExactComparer(xa, y, out_axes, out_axes) if exact else None
    for m in product(*(range(shape[a]) for a in axes)):
        if not any(m):
            continue
        ys = np.asarray(op(np.roll(xa, m, axes)))
        if exact:
            zid = cmp.ids.ids(ys)
            verdicts = cmp.output_verdicts(ys, zid) if out_axes else {}
            same_as_y = verdicts[(0,) * len(out_axes)] if out_axes else cmp.equal(ys, zid)
        else:
            verdicts = _float_verdicts(ys, y, out_axes, group, tolerance) if out_axes else {}
            same_as_y = verdicts[(0,) * len(out_axes)] if out_axes else _float_equal(ys, y, tolerance)
        matches = sorted(r for r, v in verdicts.items() if v is True)
        undecided = same_as_y is None or any(v is None for v in verdicts.values())
        defect, first = None, None
        if same_grid and ys.shape == y.shape:
            if exact:
                defect, first = cmp.defect(ys, zid, m)
            else:
                defect = float(np.abs(_as_float(ys, "op(S^m x)") - np.roll(_as_float(y, "op(x)"), m, axes)).max())
        table.rows.append(ShiftRow(tuple(m), matches, same_as_y is True, defect, first, undecided))
    return table

