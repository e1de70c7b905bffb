"""The exact rank over Q of an integer matrix, for the nullspace checks of this layer.

With python-flint installed the rank is FLINT's ``fmpz_mat.rank`` (exact fraction-free elimination over
Z, whose rank is the rank over Q); without it, SymPy's ``DomainMatrix`` over QQ, as before.  Both are
exact; a float never enters.

>>> import numpy as np
>>> integer_rank(np.array([[1, -1, 0], [0, 1, -1], [1, 0, -1]]))
2
>>> integer_rank(np.array([[1, -1, 0], [0, 1, -1], [1, 0, -1]]), use_flint=False)
2
"""

from __future__ import annotations

import numpy as np
import sympy as sp
from sympy.polys.matrices import DomainMatrix

__all__ = ["integer_rank"]


def _flint():
    try:
        import flint
    except ImportError:       # pragma: no cover - python-flint is in the fast and test extras
        return None
    return flint


def integer_rank(A: np.ndarray, use_flint: bool = True) -> int:
    """The exact rank over Q of the 2-D integer array A (entries read as Python ints).

    ``use_flint=False`` takes SymPy's route (DomainMatrix over QQ) even when python-flint is installed.
    """
    if not isinstance(A, np.ndarray) or A.ndim != 2:
        raise TypeError(f"A must be a 2-D NumPy array, got {type(A).__name__}")
    if A.dtype.kind not in "iub":
        raise TypeError(f"A must hold integers, got dtype {A.dtype}")
    if A.shape[0] == 0 or A.shape[1] == 0:
        return 0
    rows = A.astype(np.int64).tolist() if A.dtype.kind == "b" else A.tolist()   # Python ints
    flint = _flint() if use_flint else None
    if flint is not None:
        return int(flint.fmpz_mat(rows).rank())
    dm = DomainMatrix([[sp.ZZ(v) for v in row] for row in rows], A.shape, sp.ZZ).convert_to(sp.QQ)
    return int(dm.rank())
