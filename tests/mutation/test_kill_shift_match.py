"""Kill-tests for symconv/engine/shift_match.py and symconv/engine/tolerance.py (split out of testing.py).

shift_match: a structural match is a proof of equality, so equal ids must mean equal finite entries, an id
must be stable (the first id, 0, included), and every shift the index reports must be a real match (and
every real match reported).  tolerance: the comparison error <= atol + rtol * scale, never for a NaN or an
infinity, with the dtype's defaults and the messages users read.

PYTEST_DONT_REWRITE: kill tests count by passing or failing; their asserts are not rewritten (that took
seconds in every xdist worker).
"""

import math
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp

from symconv.engine.shift_match import Interner, RollIndex, add_shifts
from symconv.engine.tolerance import Tolerance, has_floats, is_float_value

x = sp.symbols("x0:6")


# ------------------------------------------------------------------ Interner

def test_ids_start_at_zero_and_are_stable():
    ids = Interner()
    assert ids.id(x[0]) == 0                      # the first id is 0 (falsy): it must still be found again
    assert ids.id(x[0]) == 0
    assert ids.id(x[1]) == 1 and ids.id(x[0] + x[1]) == 2 and ids.id(x[1]) == 1
    assert ids.id(3) == 3 and ids.id(sp.Integer(3)) == 3      # equal numbers share an id
    assert ids._next == 4


def test_unhashable_and_non_finite_entries_are_never_interned():
    ids = Interner()
    a, b = ids.id([1, 2]), ids.id([1, 2])
    assert a != b and (a, b) == (0, 1)
    for v in (float("nan"), float("inf"), -float("inf"), complex(float("nan"), 0), np.float32("inf"), np.float64("nan"),
              sp.nan, sp.zoo, sp.oo, -sp.oo, x[0] + sp.oo, sp.Max(x[0], -sp.oo) + sp.zoo):
        first, second = ids.id(v), ids.id(v)
        assert first != second, v
    assert ids.id(1.5) == ids.id(1.5) and ids.id(complex(1, 2)) == ids.id(complex(1, 2))
    assert ids.id(np.float64(2.5)) == ids.id(np.float64(2.5))


def test_safe():
    ids = Interner()
    assert ids._safe(x[0]) and ids._safe(sp.Integer(1)) and ids._safe(1.0) and ids._safe(np.complex128(1j))
    assert ids._safe(7) and ids._safe("text")
    assert not ids._safe(sp.nan) and not ids._safe(sp.zoo) and not ids._safe(sp.oo) and not ids._safe(-sp.oo)
    assert not ids._safe(sp.sin(x[0]) * sp.oo)
    assert not ids._safe(float("nan")) and not ids._safe(complex(0, float("inf"))) and not ids._safe(np.float16("inf"))
    assert ids._safe(True) is True and ids._safe(x[0]) is True and ids._safe(np.float64(1.0)) is True


def test_ids_of_an_array_keep_its_shape():
    ids = Interner()
    arr = np.array([[x[0], x[1], x[0]], [x[2], x[0], x[1]]], dtype=object)
    got = ids.ids(arr)
    assert got.shape == (2, 3) and got.dtype == np.int64
    assert got.tolist() == [[0, 1, 0], [2, 0, 1]]


def test_random_words_are_odd_fixed_per_id_and_distinct():
    ids = Interner()
    first = ids.ids(np.array([x[0], x[1], x[2]], dtype=object))
    w1 = ids.random(first)
    assert w1.dtype == np.uint64 and len(set(w1.tolist())) == 3 and all(int(v) % 2 == 1 for v in w1)
    # more ids later: the earlier words do not change
    more = ids.ids(np.array([x[3 % 6] + k for k in range(200)], dtype=object))
    w_more = ids.random(more)
    assert len(set(w_more.tolist())) == 200 and all(int(v) % 2 == 1 for v in w_more)
    assert ids.random(first).tolist() == w1.tolist()
    assert len(ids._rand) >= ids._next
    # the words are seeded: two interners give the same words, another seed others
    for seed, same in ((20261130, True), (1, False)):
        other = Interner(seed=seed) if seed != 20261130 else Interner()
        other.ids(np.array([x[0], x[1], x[2]], dtype=object))
        assert (other.random(first).tolist() == w1.tolist()) is same
    # 63 random bits shifted up, the low bit set: every word uses the whole 64-bit range
    big = Interner()
    big.ids(np.array([x[0] + k for k in range(400)], dtype=object))
    words = big.random(np.arange(400))
    assert max(int(v) for v in words) >= 2 ** 63 and min(int(v) for v in words) < 2 ** 62


# ------------------------------------------------------------------ add_shifts

def test_add_shifts():
    assert add_shifts((1, 2), (3, 4), (3, 5)) == (1, 1)
    assert add_shifts((0,), (0,), (4,)) == (0,)
    assert add_shifts((2,), (3,), (4,)) == (1,)
    assert isinstance(add_shifts((2,), (3,), (4,)), tuple)


# ------------------------------------------------------------------ RollIndex

def _idx(arr, axes=(0,)):
    ids = Interner()
    Y = ids.ids(np.array(arr, dtype=object))
    return ids, Y, RollIndex(Y, axes, ids)


def test_roll_index_finds_every_shift_and_only_real_ones():
    ids, Y, idx = _idx([x[0], x[1], x[2], x[3]])
    assert idx.sizes == (4,) and idx.group == [(0,), (1,), (2,), (3,)] and idx.axes == (0,)
    assert idx.period == [(0,)]
    for r in range(4):
        assert idx.matches(np.roll(Y, r)) == [(r,)]
        assert idx.first(np.roll(Y, r)) == (r,)
    assert idx.matches(Y[::-1].copy()) == [] and idx.first(Y[::-1].copy()) is None
    assert idx.first(Y[:3]) is None and idx.matches(Y[:3]) == []
    assert np.array_equal(idx.rolled((1,)), np.roll(Y, 1))


def test_roll_index_period_and_coset():
    ids, Y, idx = _idx([1, 2, 1, 2, 1, 2])
    assert idx.period == [(0,), (2,), (4,)]
    Z = np.roll(Y, 1)
    assert idx.matches(Z) == [(1,), (3,), (5,)]
    ids, Y, idx = _idx([7, 7, 7])
    assert idx.period == [(0,), (1,), (2,)] and idx.matches(Y) == [(0,), (1,), (2,)]


def test_roll_index_over_two_axes_and_one_of_two():
    arr = [[x[0], x[1], x[2]], [x[3], x[4], x[5]]]
    ids, Y, idx = _idx(arr, axes=(0, 1))
    assert idx.sizes == (2, 3) and len(idx.group) == 6 and idx.group[0] == (0, 0) and idx.group[-1] == (1, 2)
    for r in idx.group:
        assert idx.matches(np.roll(Y, r, (0, 1))) == [r]
    ids, Y, idx = _idx(arr, axes=(1,))
    assert idx.sizes == (3,) and idx.group == [(0,), (1,), (2,)]
    assert idx.matches(np.roll(Y, 2, 1)) == [(2,)] and idx.matches(np.roll(Y, 1, 0)) == []
    # periodic along the second axis only
    ids, Y, idx = _idx([[x[0], x[1], x[0], x[1]], [x[2], x[3], x[2], x[3]]], axes=(0, 1))
    assert idx.period == [(0, 0), (0, 2)]
    assert idx.matches(np.roll(Y, (1, 1), (0, 1))) == [(1, 1), (1, 3)]


def test_roll_index_matches_are_checked_entry_for_entry():
    """A hash collision must not become a match: with every word forced equal, only real matches count."""
    ids = Interner()
    Y = ids.ids(np.array([x[0], x[1], x[2], x[3]], dtype=object))
    idx = RollIndex(Y, (0,), ids)
    idx._hashes = {h: [r for rs in idx._hashes.values() for r in rs] for h in [idx.hash(Y)]}
    other = ids.ids(np.array([x[3], x[2], x[1], x[0]], dtype=object))
    idx._hashes[idx.hash(other)] = list(idx.group)
    assert idx.first(other) is None and idx.matches(other) == []
    assert idx.first(np.roll(Y, 2)) in (None, (2,))
    assert idx.first(Y) == (0,)


def test_roll_index_never_matches_nan():
    ids = Interner()
    Y = ids.ids(np.array([1.0, float("nan"), 2.0], dtype=object))
    idx = RollIndex(Y, (0,), ids)
    again = ids.ids(np.array([1.0, float("nan"), 2.0], dtype=object))
    assert idx.matches(again) == [] and idx.first(again) is None


def test_roll_index_hash_uses_position_weights():
    """The hash is a weighted sum of the words: a permutation that is not a roll has another hash."""
    ids, Y, idx = _idx([x[0], x[1], x[2], x[3], x[4]])
    perm = Y[[1, 0, 2, 3, 4]].copy()
    assert idx.hash(perm) != idx.hash(Y)
    assert idx.hash(np.roll(Y, 1)) in idx._hashes and idx.hash(perm) not in idx._hashes
    assert idx._w.dtype == np.uint64 and idx._w.shape == Y.shape and all(int(v) % 2 == 1 for v in idx._w)
    assert len(set(idx._w.tolist())) == 5
    assert isinstance(idx.hash(Y), int)
    same_seed = RollIndex(Y, (0,), ids)
    assert same_seed._w.tolist() == idx._w.tolist() and RollIndex(Y, (0,), ids, seed=8)._w.tolist() != idx._w.tolist()
    assert max(int(v) for v in RollIndex(ids.ids(np.array(list(range(64)), dtype=object)), (0,), ids)._w) >= 2 ** 63


# ------------------------------------------------------------------ Tolerance

@pytest.mark.parametrize("field", ["rtol", "atol"])
@pytest.mark.parametrize("bad", [True, False, "1e-3", None, -1e-9, float("nan"), float("inf"), -float("inf"),
                                 Fraction(1, 2), np.float32(1e-3)])
def test_tolerance_fields_must_be_finite_numbers(field, bad):
    kw = {"rtol": 0.0, "atol": 0.0, field: bad}
    with pytest.raises(ValueError) as err:
        Tolerance(**kw)
    assert str(err.value) == f"{field} must be a finite number >= 0, got {bad!r}"


def test_tolerance_accepts_finite_non_negative_numbers():
    t = Tolerance(0, 1)
    assert (t.rtol, t.atol, t.dtype) == (0, 1, "")
    assert Tolerance(1e-3, 0.0).rtol == 1e-3 and Tolerance(0.0, 1e300).atol == 1e300
    assert Tolerance(np.float64(1e-3), 0.0).rtol == 1e-3        # a numpy float64 is a float


def test_for_dtypes_defaults_from_the_least_precise_float():
    f16, f32, f64 = (np.finfo(d) for d in (np.float16, np.float32, np.float64))
    t = Tolerance.for_dtypes([np.float64, np.float32, np.int64])
    assert t == Tolerance(float(np.sqrt(f32.eps)), float(f32.tiny), "float32")
    assert Tolerance.for_dtypes([np.float16, np.float32]).dtype == "float16"
    assert Tolerance.for_dtypes([np.float16]).rtol == float(np.sqrt(f16.eps))
    assert Tolerance.for_dtypes([np.complex64]) == Tolerance(float(np.sqrt(f32.eps)), float(f32.tiny), "float32")
    assert Tolerance.for_dtypes([np.complex128, np.float32]).dtype == "float32"
    # no float dtype (ints, objects): float64
    for dts in ([], [np.int32], [object, np.int64], [bool]):
        assert Tolerance.for_dtypes(dts) == Tolerance(float(np.sqrt(f64.eps)), float(f64.tiny), "float64")
    assert type(Tolerance.for_dtypes([np.float32]).rtol) is float and type(Tolerance.for_dtypes([]).atol) is float


def test_for_dtypes_explicit_values():
    assert Tolerance.for_dtypes([np.float32], rtol=1e-3) == Tolerance(1e-3, float(np.finfo(np.float32).tiny), "float32")
    assert Tolerance.for_dtypes([np.float32], atol=1e-5) == Tolerance(
        float(np.sqrt(np.finfo(np.float32).eps)), 1e-5, "float32")
    assert Tolerance.for_dtypes([np.float32], rtol=0.0, atol=0.0) == Tolerance(0.0, 0.0, "float32")
    assert Tolerance.for_dtypes([np.float32], tol=1e-4) == Tolerance(0.0, 1e-4, "")
    assert Tolerance.for_dtypes([], tol=0.0) == Tolerance(0.0, 0.0, "")
    msg = r"^tol \(an absolute tolerance\) cannot be combined with rtol/atol: pass rtol and atol$"
    for kw in ({"rtol": 1e-3}, {"atol": 1e-3}, {"rtol": 0.0}, {"atol": 0.0}, {"rtol": 1.0, "atol": 1.0}):
        with pytest.raises(ValueError, match=msg):
            Tolerance.for_dtypes([np.float64], tol=1e-4, **kw)


def test_threshold_and_allows():
    t = Tolerance(0.5, 2.0)
    assert t.threshold(10.0) == 7.0 and t.threshold(0.0) == 2.0
    assert t.allows(7.0, 10.0) is True                         # the bound itself is allowed
    assert t.allows(7.000001, 10.0) is False
    assert t.allows(0.0, 0.0) is True and t.allows(2.5, 0.0) is False
    for err, scale in ((float("nan"), 1.0), (float("inf"), 1.0), (1.0, float("inf")), (1.0, float("nan")),
                       (float("nan"), float("nan"))):
        assert t.allows(err, scale) is False
    assert Tolerance(0.0, 0.0).allows(0.0, 1e300) is True and Tolerance(0.0, 0.0).allows(1e-300, 1.0) is False
    assert Tolerance(1e-3, 0.0).allows(1e-3, 1.0) is True and Tolerance(1e-3, 0.0).allows(2e-3, 1.0) is False


def test_tolerance_text():
    assert str(Tolerance(0.0, 1e-9)) == "tol 1e-09"
    assert str(Tolerance(0, 0.5)) == "tol 0.5"
    assert str(Tolerance(1.23456e-3, 2.5e-7)) == "rtol 0.00123 + atol 2.5e-07"
    assert str(Tolerance(1e-6, float(np.finfo(np.float64).tiny), "float64")) == "rtol 1e-06 + atol 2.23e-308 (float64)"
    assert str(Tolerance.for_dtypes([np.float32])) == "rtol 0.000345 + atol 1.18e-38 (float32)"


# ------------------------------------------------------------------ float values and arrays

def test_is_float_value():
    for v in (1.0, 1j, complex(1, 0), np.float16(1), np.float32(1), np.float64(1), np.complex64(1), np.longdouble(1)):
        assert is_float_value(v) is True, v
    for v in (1, True, Fraction(1, 2), sp.Float(1.5), sp.Rational(1, 2), np.int64(1), "1.0", None,
              np.array([1.0])):
        assert is_float_value(v) is False, v


def test_has_floats():
    assert has_floats(np.array([1.0, 2.0])) is True and has_floats(np.array([1j])) is True
    assert has_floats(np.array([1, 2])) is False and has_floats(np.array([True])) is False
    assert has_floats(np.array(["a"])) is False
    assert has_floats(np.array([1, sp.Rational(1, 2), x[0]], dtype=object)) is False
    assert has_floats(np.array([1, 2.5], dtype=object)) is True
    assert has_floats(np.array([x[0], np.float32(1)], dtype=object)) is True
    assert has_floats(np.array([[1, 2], [3, 1j]], dtype=object)) is True          # every entry, not the first row
    assert has_floats(np.array([], dtype=object)) is False
    assert math.isfinite(0.0)
