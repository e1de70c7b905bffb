"""Exact checks about 2-D layers: which 2-D cyclic shifts a layer commutes with, exhaustively
(``symconv.engine.shift_table``), with generic symbolic images and kernels.

>>> print(circular_layer2d_equivariant(3))
None
>>> print(circular_layer2d_equivariant(2, mode="zeros"))            # doctest: +ELLIPSIS
n=2: zeros padding: the shift (0, 1) of a 2x3 image ...
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from ..engine.shift_table import shift_table
from ..engine.verdict import Counterexample
from ..objects.layers import avg_pool2d, correlate2d, max_pool2d

__all__ = ["circular_layer2d_equivariant", "pool2d_equivariance", "avg_pool2d_equivariance"]


def _undecided(table, n: int):
    if table.undecided_shifts:
        raise RuntimeError(f"n={n}: shifts {table.undecided_shifts} undecided")


def circular_layer2d_equivariant(n: int, mode: str = "circular") -> Counterexample | None:
    """An n x (n+1) image, a generic kernel of size min(n, 3) x min(n+1, 2) (non-square, so rows and
    columns are not confused), 'same' padding in ``mode``: every 2-D cyclic shift must commute."""
    shape, k = (n, n + 1), (min(n, 3), min(n + 1, 2))
    w = np.array(sp.symbols(f"w0:{k[0] * k[1]}"), dtype=object).reshape(k)
    table = shift_table(lambda x: correlate2d(x, w, "same", mode), shape)
    _undecided(table, n)
    bad = [r.shift for r in table.rows if r.shift not in r.output_shifts]
    if bad:
        return Counterexample(n, f"{mode} padding: the shift {bad[0]} of a {shape[0]}x{shape[1]} image does not "
                                 f"commute with the layer ({len(bad)} of {len(table.rows)} shifts fail)")
    return None


def pool2d_equivariance(q: int, pool=max_pool2d, claim_invariant: bool = False) -> Counterexample | None:
    """k x k pooling with stride k (k = 2, 3) on a (qk) x (qk) image: a shift m matches an output shift
    exactly when k divides both components, and then only r = m/k; no shift leaves the output unchanged.
    With ``claim_invariant`` the false claim that every shift leaves it unchanged."""
    for k in (2, 3):
        side = q * k
        table = shift_table(lambda x: pool(x, k), (side, side))
        _undecided(table, q)
        for row in table.rows:
            m = row.shift
            if claim_invariant:
                if not row.invariant:
                    return Counterexample(q, f"{k}x{k} pooling of a {side}x{side} image: the shift {m} changes "
                                             f"the output (it moves it by {row.output_shifts or 'no shift'})")
                continue
            want = [(m[0] // k, m[1] // k)] if m[0] % k == 0 and m[1] % k == 0 else []
            if row.output_shifts != want or row.invariant:
                return Counterexample(q, f"{k}x{k} pooling of a {side}x{side} image: the shift {m} moves the output "
                                         f"by {row.output_shifts} (expected {want}), invariant: {row.invariant}")
    return None


def avg_pool2d_equivariance(q: int) -> Counterexample | None:
    return pool2d_equivariance(q, pool=avg_pool2d)
