"""The plain exact shift comparison the fast shift table must agree with (a test helper, not a test)."""

from itertools import product

import numpy as np
import sympy as sp

from symconv.engine.shift_table import _same


def reference_table(op, shape, axes):
    """The plain exact comparison, every (shift, output shift) pair decided entry by entry: the verdicts the
    fast table must reproduce."""
    xa = np.array(sp.symbols(f"x0:{int(np.prod(shape))}"), dtype=object).reshape(shape)
    y = np.asarray(op(xa))
    rows = []
    for m in product(*(range(shape[a]) for a in axes)):
        if not any(m):
            continue
        ys = np.asarray(op(np.roll(xa, m, axes)))
        group = list(product(*(range(y.shape[a]) for a in axes))) if y.ndim == xa.ndim else []
        v = {r: _same(ys, np.roll(y, r, axes))[0] for r in group}
        inv = _same(ys, y)[0]
        rows.append((m, sorted(r for r in group if v[r] is True), inv is True,
                     inv is None or any(t is None for t in v.values())))
    return rows
