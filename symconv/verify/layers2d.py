"""Exact checks about 2-D layers: which 2-D cyclic shifts a layer commutes with, exhaustively
(``symconv.engine.shift_table``), with generic symbolic images and kernels.

>>> print(circular_layer2d_equivariant(3))
circular 'same' padding, 3x4 image, 3x2 kernel: all 11 non-zero 2-D cyclic shifts commute with the layer (exhaustive, generic image and kernel), n=3
>>> print(circular_layer2d_equivariant(2, mode="zeros"))            # doctest: +ELLIPSIS
n=2: zeros padding: the shift (0, 1) of a 2x3 image ...
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from ..engine.shift_table import shift_table
from ..engine.verdict import Counterexample, Holds
from ..objects.layers import avg_pool2d, correlate2d, max_pool2d
from ._polys import PolyEquality

__all__ = ["circular_layer2d_equivariant", "pool2d_equivariance", "avg_pool2d_equivariance",
           "predicted_good_outputs2d", "padded_layer2d_equivariance_set"]


def _undecided(table, n: int):
    if table.undecided_shifts:
        raise RuntimeError(f"n={n}: shifts {table.undecided_shifts} undecided")


def circular_layer2d_equivariant(n: int, mode: str = "circular") -> Counterexample | Holds:
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
    return Holds(f"{mode} 'same' padding, {shape[0]}x{shape[1]} image, {k[0]}x{k[1]} kernel: all {len(table.rows)} non-zero 2-D "
                 f"cyclic shifts commute with the layer (exhaustive, generic image and kernel), n={n}")


def pool2d_equivariance(q: int, pool=max_pool2d, claim_invariant: bool = False) -> Counterexample | Holds:
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
    claim = "every 2-D cyclic shift leaves the output unchanged" if claim_invariant else \
        "a shift matches an output shift exactly when k divides it (then only m/k), and none leaves the output unchanged"
    return Holds(f"{pool.__name__}, k x k windows with stride k for k = 2, 3 on ({q}k) x ({q}k) images, every 2-D cyclic "
                 f"shift (exhaustive, generic image): {claim} (q={q})")


def avg_pool2d_equivariance(q: int) -> Counterexample | Holds:
    """:func:`pool2d_equivariance` for average pooling."""
    return pool2d_equivariance(q, pool=avg_pool2d)


def predicted_good_outputs2d(shape: tuple, k: tuple, shift: tuple) -> list[tuple]:
    """Outputs (i, j) of a padded 'same' 2-D layer unchanged by the cyclic shift (a, b): along each
    shifted axis the 1-D condition (both windows inside without wrapping), any index along an
    unshifted axis."""
    from .layers import predicted_good_outputs
    rows = range(shape[0]) if shift[0] == 0 else predicted_good_outputs(shape[0], k[0], shift[0])
    cols = range(shape[1]) if shift[1] == 0 else predicted_good_outputs(shape[1], k[1], shift[1])
    return [(i, j) for i in rows for j in cols]


def padded_layer2d_equivariance_set(n: int, mode: str = "zeros", predict=None) -> Counterexample | Holds:
    """An n x (n+1) image and a generic kernel of min(n, 3) x min(n+1, 2) (then 2 x min(n+1, 3)), 'same'
    padding in ``mode`` (zeros, replicate; reflect for n >= 3): for every 2-D cyclic shift, the outputs
    equal for every image and kernel are exactly ``predict`` (default predicted_good_outputs2d)."""
    from ..exact import decide_zero
    predict = predict or predicted_good_outputs2d
    if mode == "reflect" and n < 3:   # reflecting 2 samples is wrapping: outside the statement
        return Holds(f"n={n}: reflect padding needs n >= 3 (reflecting 2 samples is wrapping); nothing to check")
    shape = (n, n + 1)
    x = np.array(sp.symbols(f"x0:{n * (n + 1)}"), dtype=object).reshape(shape)
    kernels = list(dict.fromkeys([(min(n, 3), min(n + 1, 2)), (min(n, 2), min(n + 1, 3))]))
    for k in kernels:
        w = np.array(sp.symbols(f"w0:{k[0] * k[1]}"), dtype=object).reshape(k)
        y = correlate2d(x, w, "same", mode)
        ring = PolyEquality(list(x.flat) + list(w.flat))     # each output read once into QQ[x, w]

        def zero(u, v):
            """u - v = 0?  Compared in the ring when both are polynomials there, else decide_zero."""
            same = ring.equal(u, v)
            return same if same is not None else decide_zero(u - v)

        for a in range(n):
            for b in range(n + 1):
                if not (a or b):
                    continue
                ys = correlate2d(np.roll(x, (a, b), (0, 1)), w, "same", mode)
                verdicts = {(i, j): zero(ys[i, j], y[(i - a) % n, (j - b) % (n + 1)])
                            for i in range(n) for j in range(n + 1)}
                if None in verdicts.values():
                    raise RuntimeError(f"n={n}: an output comparison was undecided")
                good = [ij for ij, v in verdicts.items() if v]
                want = predict(shape, k, (a, b))
                if sorted(good) != sorted(want):
                    diff = sorted(set(good) ^ set(want))
                    return Counterexample(n, f"kernel {k[0]}x{k[1]}, {mode}, shift ({a}, {b}): {len(good)} outputs "
                                             f"unchanged, {len(want)} predicted; they differ at {diff[:3]}")
    ks = " and ".join(f"{a}x{b}" for a, b in kernels)
    return Holds(f"{mode} 'same' padding, {n}x{n + 1} image, kernels {ks}: for all {n * (n + 1) - 1} non-zero 2-D cyclic "
                 f"shifts the outputs unchanged for every image and kernel (decide_zero, none undecided) are exactly "
                 f"the predicted ones, n={n}")
