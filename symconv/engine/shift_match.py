"""Which cyclic shifts of one array equal another, entry for entry, in time linear in the array size.

Entries are interned to integer ids (structural equality: two SymPy expressions with the same tree,
two equal numbers); an array of ids is hashed once for each of its cyclic shifts over the given axes,
so finding the shifts r with roll(Y, r) == Z costs one hash of Z and one comparison per candidate,
instead of comparing Z with every shift of Y.  A hash only proposes a shift: every match is checked
entry for entry.  The shifts that match form a coset r0 + P of the period group P of Y, so one
checked match gives them all.

A structural match is a proof of equality; a non-match proves nothing (sin(x)**2 + cos(x)**2 and 1
are different trees): the callers decide those exactly.  NaN and infinities are never interned (each
occurrence gets a fresh id), so they never match.

>>> import numpy as np, sympy as sp
>>> x = sp.symbols("x0:4")
>>> ids = Interner()
>>> Y = ids.ids(np.array([x[0] + x[1], x[1] + x[2], x[2] + x[3], x[3] + x[0]], dtype=object))
>>> idx = RollIndex(Y, (0,), ids)
>>> idx.matches(np.roll(Y, 3)), idx.period
([(3,)], [(0,)])
>>> RollIndex(ids.ids(np.array([1, 2, 1, 2], dtype=object)), (0,), ids).period
[(0,), (2,)]
"""

from __future__ import annotations

from itertools import product

import numpy as np
import sympy as sp

__all__ = ["Interner", "RollIndex", "add_shifts"]

_NOT_INTERNED = (sp.nan, sp.zoo, sp.oo, -sp.oo)


class Interner:
    """Integer ids for entries: equal ids only for structurally equal, finite entries."""

    def __init__(self, seed: int = 20261130):
        self._ids: dict = {}
        self._next = 0
        self._rng = np.random.default_rng(seed)
        self._rand = np.zeros(0, dtype=np.uint64)

    def _fresh(self) -> int:
        self._next += 1
        return self._next - 1

    def _safe(self, v) -> bool:
        if isinstance(v, sp.Basic):
            return not v.has(*_NOT_INTERNED)
        if isinstance(v, (float, complex, np.floating, np.complexfloating)):
            return bool(np.isfinite(v))
        return True

    def id(self, v) -> int:
        try:
            got = self._ids.get(v)
        except TypeError:                # unhashable: never equal to anything else
            return self._fresh()
        if got is not None:
            return got
        if not self._safe(v):
            return self._fresh()
        self._ids[v] = new = self._fresh()
        return new

    def ids(self, arr: np.ndarray) -> np.ndarray:
        return np.fromiter((self.id(v) for v in arr.flat), dtype=np.int64, count=arr.size).reshape(arr.shape)

    def random(self, ids: np.ndarray) -> np.ndarray:
        """A fixed random 64-bit word per id (the hash's alphabet)."""
        need = self._next - len(self._rand)
        if need > 0:
            more = self._rng.integers(0, 2 ** 63, size=need + 64, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
            self._rand = np.concatenate([self._rand, more])
        return self._rand[ids]


def add_shifts(a: tuple, b: tuple, sizes: tuple) -> tuple:
    return tuple((u + v) % s for u, v, s in zip(a, b, sizes))


class RollIndex:
    """Every cyclic shift of the id array ``Y`` over ``axes``, hashed; the period group of Y."""

    def __init__(self, Y: np.ndarray, axes: tuple, interner: Interner, seed: int = 7):
        self.Y, self.axes, self._interner = Y, axes, interner
        self.sizes = tuple(Y.shape[a] for a in axes)
        self.group = list(product(*(range(s) for s in self.sizes)))
        rng = np.random.default_rng(seed)
        self._w = rng.integers(0, 2 ** 63, size=Y.shape, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
        rY = interner.random(Y)
        self._hashes: dict[int, list] = {}
        for r in self.group:
            self._hashes.setdefault(self._hash_words(np.roll(rY, r, axes)), []).append(r)
        self.period = [r for r in self._hashes.get(self.hash(Y), []) if np.array_equal(self.rolled(r), Y)]

    def _hash_words(self, words: np.ndarray) -> int:
        return int(np.sum(words * self._w, dtype=np.uint64))

    def hash(self, Z: np.ndarray) -> int:
        return self._hash_words(self._interner.random(Z))

    def rolled(self, r: tuple) -> np.ndarray:
        return np.roll(self.Y, r, self.axes)

    def first(self, Z: np.ndarray):
        """One shift r with roll(Y, r) == Z entry for entry, or None when there is none."""
        if Z.shape != self.Y.shape:
            return None
        for r in self._hashes.get(self.hash(Z), []):
            if np.array_equal(self.rolled(r), Z):
                return r
        return None

    def matches(self, Z: np.ndarray) -> list:
        """Every shift r with roll(Y, r) == Z, sorted: r0 + P for one checked match r0."""
        r0 = self.first(Z)
        return [] if r0 is None else sorted(add_shifts(r0, p, self.sizes) for p in self.period)
