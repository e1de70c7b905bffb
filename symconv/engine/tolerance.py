"""When two float outputs count as equal: a relative tolerance plus an absolute one scaled to the dtype.

Exact values (ints, rationals, SymPy expressions) are never compared with a tolerance: they are decided
exactly (``symconv.exact.decide_zero``).  Floats agree when

    max |a - b| <= atol + rtol * max(max |a|, max |b|)

the difference judged against the larger output, so that the round-off of an FFT, which scales with
the whole signal, passes at any scale (e3nn's ``assert_equivariant`` and NumPy's ``isclose`` combine
rtol and atol the same way).  Defaults from the least precise dtype involved: rtol = sqrt(eps) (half
the significant digits) and atol = the smallest normal number (a result flushed to zero, nothing
more), so a defect that is large relative to the output fails however small the signal.  A NaN or an
infinity is never within any tolerance: the comparison is undecided.

>>> t = Tolerance.for_dtypes([np.float32])
>>> (t.rtol, t.atol) == (float(np.sqrt(np.finfo(np.float32).eps)), float(np.finfo(np.float32).tiny))
True
>>> Tolerance.for_dtypes([np.float64]).allows(6e-8, 1e8), Tolerance(0.0, 1e-9).allows(6e-8, 1e8)
(True, False)
>>> print(Tolerance.for_dtypes([np.float64], rtol=1e-6))
rtol 1e-06 + atol 2.23e-308 (float64)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

__all__ = ["Tolerance", "is_float_value", "has_floats"]


@dataclass(frozen=True)
class Tolerance:
    rtol: float
    atol: float
    dtype: str = ""                  # the dtype the defaults came from ("" when given explicitly)

    def __post_init__(self):
        for name in ("rtol", "atol"):
            v = getattr(self, name)
            if isinstance(v, bool) or not isinstance(v, (int, float)) or not v >= 0 or math.isinf(v):
                raise ValueError(f"{name} must be a finite number >= 0, got {v!r}")

    @classmethod
    def for_dtypes(cls, dtypes, rtol: float | None = None, atol: float | None = None,
                   tol: float | None = None) -> "Tolerance":
        """The tolerance for outputs of these float dtypes (the least precise one sets the defaults).

        ``tol`` is the absolute-only tolerance of earlier versions (rtol 0); it cannot be combined with
        ``rtol``/``atol``."""
        if tol is not None:
            if rtol is not None or atol is not None:
                raise ValueError("tol (an absolute tolerance) cannot be combined with rtol/atol: pass rtol and atol")
            return cls(0.0, tol)
        floats = [np.dtype(d) for d in dtypes if np.dtype(d).kind in "fc"]
        coarse = max(floats, key=lambda d: np.finfo(d).eps, default=np.dtype(np.float64))
        info = np.finfo(coarse)
        name = np.dtype(info.dtype).name
        return cls(float(np.sqrt(info.eps)) if rtol is None else rtol,
                   float(info.tiny) if atol is None else atol, name)

    def threshold(self, scale: float) -> float:
        """atol + rtol * scale: the largest difference allowed between outputs of size ``scale``."""
        return self.atol + self.rtol * scale

    def allows(self, error: float, scale: float) -> bool:
        """error <= atol + rtol * scale; never for a NaN or infinite error or scale."""
        return bool(math.isfinite(error) and math.isfinite(scale) and error <= self.threshold(scale))

    def __str__(self) -> str:
        if self.rtol == 0:
            return f"tol {self.atol:g}"
        return f"rtol {self.rtol:.3g} + atol {self.atol:.3g}" + (f" ({self.dtype})" if self.dtype else "")


def is_float_value(v) -> bool:
    """A Python or NumPy float/complex (not an exact number, not a SymPy expression)."""
    return isinstance(v, (float, complex, np.floating, np.complexfloating))


def has_floats(arr: np.ndarray) -> bool:
    """Does the array hold floats (a float dtype, or float entries in an object array)?"""
    if arr.dtype.kind in "fc":
        return True
    if arr.dtype != object:
        return False
    return any(is_float_value(v) for v in arr.flat)

