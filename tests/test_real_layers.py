"""The testing helpers on real layers: tolerances scaled to the dtype, batch and channel axes, size-changing
layers, torch modules in their own dtype, and the structural fast path of the shift table (which must give
the verdicts of the plain exact comparison, shift by shift)."""

from itertools import product

import numpy as np
import pytest
import sympy as sp

import symconv as sc
from symconv.engine.equivariance import analyse_shift_equivariance
from symconv.engine.shift_match import Interner, RollIndex
from symconv.engine.shift_table import shift_table, spatial_axes
from symconv.engine.tolerance import Tolerance
from symconv.objects.layers import avg_pool1d, correlate1d, max_pool1d
from symconv.testing import assert_shift_equivariant, assert_shift_invariant, equivariance_defect

from shift_reference import reference_table as _reference_table

C = sp.sin(1) ** 2 + sp.cos(1) ** 2 - 1          # 0, but no exact test here can show it


def fft_conv(c):
    return lambda v: np.real(np.fft.ifft(np.fft.fft(v) * np.fft.fft(c, len(v))))


# ---------------------------------------------------------------- 1. tolerances

def test_fft_convolution_of_a_large_signal_passes_and_a_tiny_defect_relative_to_it_fails():
    x = 1e8 * np.random.default_rng(0).normal(size=16)
    rep = assert_shift_equivariant(fft_conv([1.0, -2.0, 0.5]), 16, x=x)
    assert rep.commuting_shifts == list(range(16)) and 0 < max(d.error for d in rep.defects) < 1e-5
    with pytest.raises(AssertionError, match="> tol 1e-09"):         # the old absolute tolerance
        assert_shift_equivariant(fft_conv([1.0, -2.0, 0.5]), 16, x=x, tol=1e-9)
    leak = lambda v: fft_conv([1.0, -2.0, 0.5])(v) + 1e-6 * v[0]  # noqa: E731   # relative defect ~1e-6
    with pytest.raises(AssertionError, match=r"shift 1 fails at output \d+ by .* > .*rtol 1.49e-08"):
        assert_shift_equivariant(leak, 16, x=x)


def test_an_underflowing_defect_still_fails():
    """cumsum is not equivariant; on a signal of size 1e-300 its defect is ~1e-300, below any absolute tolerance
    people use, but of the size of the output itself."""
    x = 1e-300 * np.random.default_rng(1).uniform(1, 2, size=5)
    with pytest.raises(AssertionError, match="not shift-equivariant at n=5: shift 1 fails"):
        assert_shift_equivariant(np.cumsum, 5, x=x)
    assert_shift_equivariant(np.cumsum, 5, x=x, tol=1e-9)             # what the absolute tolerance let through
    assert not sc.shift_table(np.cumsum, (5,), x=x).equivariant_shifts


def test_nan_and_infinite_outputs_are_undecided_never_passed():
    nan_op = lambda v: v * np.nan  # noqa: E731
    rep = analyse_shift_equivariance(nan_op, 4, x=np.arange(4.0))
    assert rep.undecided_shifts == [1, 2, 3] and not rep.equivariant
    assert np.isnan(equivariance_defect(nan_op, 4, x=np.arange(4.0))[1])
    with pytest.raises(AssertionError, match="undecided: the output is not finite"):
        assert_shift_equivariant(nan_op, 4, x=np.arange(4.0))
    with pytest.raises(AssertionError, match="not finite"):
        assert_shift_invariant(lambda v: np.array([np.inf * v.sum()]), (4,), x=np.arange(1.0, 5.0))
    tab = sc.shift_table(nan_op, (4,), x=np.arange(4.0))
    assert tab.undecided_shifts == [(1,), (2,), (3,)] and tab.equivariant_shifts == []


def test_tolerance_defaults_follow_the_least_precise_dtype_and_exact_input_is_never_tolerated():
    t32, t64 = Tolerance.for_dtypes([np.float64, np.float32]), Tolerance.for_dtypes([np.float64])
    assert t32.rtol == pytest.approx(np.sqrt(np.finfo(np.float32).eps)) and t32.dtype == "float32"
    assert t64.rtol == pytest.approx(np.sqrt(np.finfo(np.float64).eps)) and t64.atol == np.finfo(np.float64).tiny
    x32 = np.random.default_rng(2).normal(size=8).astype(np.float32)
    assert_shift_equivariant(lambda v: fft_conv([1.0, 3.0])(v).astype(np.float32), 8, x=x32)
    with pytest.raises(AssertionError):     # a relative defect of 1e-3 is beyond float32's default too
        assert_shift_equivariant(lambda v: (fft_conv([1.0, 3.0])(v) + 1e-3 * v[0]).astype(np.float32), 8, x=x32)
    # a factor 1 + 10**-400: exact input is decided exactly, whatever rtol says
    tiny = sp.Rational(1, 10 ** 400)
    with pytest.raises(AssertionError, match=r"shift 1 fails at output 0 by .* \(exact\)"):
        assert_shift_equivariant(lambda v: [v[0] * (1 + tiny)] + list(v[1:]), 3, rtol=0.5)
    assert analyse_shift_equivariance(lambda v: v, 3, rtol=0.5).tolerance == 0.0
    # an op that computes in floats is compared within the tolerance, even on an exact (int) signal
    rep = assert_shift_equivariant(fft_conv([1.0, 2.0]), 4, x=np.arange(4))
    assert not rep.exact and rep.tolerance.dtype == "float64"


def test_tolerance_arguments_and_non_finite_values():
    for bad in (-1.0, float("nan"), float("inf"), "1e-3", True):
        with pytest.raises(ValueError, match="rtol must be a finite number >= 0"):
            Tolerance(bad, 0.0)
        with pytest.raises(ValueError, match="atol must be a finite number >= 0"):
            Tolerance(0.0, bad)
    t = Tolerance(1e-3, 1e-6)
    assert t.threshold(2.0) == pytest.approx(2.001e-3) and t.allows(2.001e-3, 2.0) and not t.allows(2.002e-3, 2.0)
    assert not t.allows(float("nan"), 1.0) and not t.allows(0.0, float("inf")) and not t.allows(float("inf"), 1.0)
    assert str(Tolerance(0.0, 1e-9)) == "tol 1e-09" and str(t) == "rtol 0.001 + atol 1e-06"
    assert Tolerance.for_dtypes([np.int64]).dtype == "float64"          # no float dtype: float64's defaults
    assert Tolerance.for_dtypes([np.complex64]).dtype == "float32"


def test_equivariance_defect_takes_no_tolerance():
    with pytest.raises(TypeError):
        equivariance_defect(np.cumsum, 3, x=np.array([1.0, 0.0, 0.0]), tol=1e-3)
    assert equivariance_defect(lambda v: v, 3) == {1: 0.0, 2: 0.0}


# ---------------------------------------------------------------- 2. batch and channel axes

def _channel_conv(v):
    """(N, C, L) -> (N, 2, L): circular correlation along L, channels mixed, the batch left alone."""
    w = np.array([[1.0, -1.0, 2.0], [0.5, 3.0, -2.0]])
    return np.stack([sum(w[o, c] * np.roll(v[:, c], 1 - c, -1) for c in range(v.shape[1])) for o in range(2)], 1)


def test_batch_and_channel_axes_are_left_alone():
    assert spatial_axes(1) == (0,) and spatial_axes(2) == (0, 1) and spatial_axes(3) == (2,)
    assert spatial_axes(4) == (2, 3) and spatial_axes(3, (1, -1)) == (1, 2)
    x = np.random.default_rng(3).normal(size=(2, 3, 6))
    rep = assert_shift_equivariant(_channel_conv, (2, 3, 6), x=x)
    assert rep.commuting_shifts == list(range(6)) and rep.axes == (2,)
    sym = assert_shift_equivariant(lambda v: v[:, ::-1] + np.roll(v, 1, -1), (1, 2, 4))     # exact, symbolic
    assert sym.exact and sym.commuting_shifts == [0, 1, 2, 3]
    pos = np.arange(6.0)
    with pytest.raises(AssertionError, match=r"at shape \(2, 3, 6\): shift 1 fails at output \(0, 0, \d\)"):
        assert_shift_equivariant(lambda v: _channel_conv(v) + pos, (2, 3, 6), x=x)
    batch_mix = lambda v: v + v[::-1]  # noqa: E731           # mixes the batch: still commutes with shifts of L
    assert sc.shift_table(batch_mix, (2, 1, 5)).equivariant_shifts == [(k,) for k in range(1, 5)]


def test_2d_images_with_batch_and_channels():
    x = np.random.default_rng(4).normal(size=(1, 2, 4, 6))
    op = lambda v: v.sum(1, keepdims=True) - np.roll(v[:, :1], (1, 2), (2, 3))  # noqa: E731
    rep = assert_shift_equivariant(op, (1, 2, 4, 6), x=x)
    assert len(rep.commuting_shifts) == 24 and rep.commuting_shifts[0] == (0, 0)
    tab = sc.shift_table(op, (1, 2, 4, 6))          # exact, with a generic symbolic image
    assert tab.exact and len(tab.equivariant_shifts) == 23 and tab.invariant_shifts == []
    with pytest.raises(ValueError, match=r"shifts must have 2 entries"):
        assert_shift_equivariant(op, (1, 2, 4, 6), x=x, shifts=[1])


# ---------------------------------------------------------------- 4. size-changing layers

def test_strided_layer_commutes_with_the_shifts_its_stride_divides():
    pool = lambda v: avg_pool1d(v, 2)  # noqa: E731
    rep = analyse_shift_equivariance(pool, 8)
    assert rep.size_changing and rep.commuting_shifts == [0, 2, 4, 6] and rep.failing_shifts == [1, 3, 5, 7]
    assert [d.output_shift for d in rep.defects] == [None, 1, None, 2, None, 3, None]
    with pytest.raises(AssertionError) as err:
        assert_shift_equivariant(pool, 8)
    assert str(err.value) == ("op is not shift-equivariant at n=8: shift 1 has no corresponding output shift (op maps "
                              "spatial shape (8,) to (4,); shift table: input shift -> output shift 2 -> 1; 4 -> 2; "
                              "6 -> 3; shifts 1, 3, 5, 7 commute with no output shift); failing shifts [1, 3, 5, 7]")
    assert assert_shift_equivariant(pool, 8, shifts=[2, 4, 6]).commuting_shifts == [0, 2, 4, 6]
    # a layer that does not commute with its even shifts either: the first failing one is named with its output shift
    bad = lambda v: avg_pool1d(v, 2) * np.array([1, 2, 3, 4])  # noqa: E731
    with pytest.raises(AssertionError, match=r"shift 2 \(output shift 1\) fails at output 0 by"):
        assert_shift_equivariant(bad, 8, shifts=[2, 4])
    assert equivariance_defect(pool, 4)[1] == float("inf")


def test_a_valid_convolution_has_no_output_shift_for_any_input_shift():
    with pytest.raises(AssertionError,
                       match=r"maps spatial shape \(6,\) to \(4,\); shift table: no input shift commutes"):
        assert_shift_equivariant(lambda v: correlate1d(v, [1, 2, 3]), 6)


def test_max_pool_symbolic_and_float_agree():
    pool = lambda v: max_pool1d(v, 2)  # noqa: E731
    exact = analyse_shift_equivariance(pool, 6)
    num = analyse_shift_equivariance(pool, 6, x=np.random.default_rng(5).normal(size=6))
    assert exact.commuting_shifts == num.commuting_shifts == [0, 2, 4]


# ---------------------------------------------------------------- 6. the structural fast path

def _periodic(v):
    s = v.sum()
    return np.array([s ** 2, s, sp.expand(s ** 2), s], dtype=object)


def _parity_forms(v):
    """(v_i + v_{i+1})^2, written expanded at odd positions: structurally not equivariant, mathematically so."""
    n = len(v)
    return np.array([(v[i] + v[(i + 1) % n]) ** 2 if i % 2 == 0 else sp.expand((v[i] + v[(i + 1) % n]) ** 2)
                     for i in range(n)], dtype=object)


def _trig_forms(v):
    """v_i (sin^2 v_i + cos^2 v_i) at even positions, v_i at odd ones: equal, but not decidable here."""
    return np.array([v[i] * (sp.sin(v[i]) ** 2 + sp.cos(v[i]) ** 2) if i % 2 == 0 else v[i] for i in range(len(v))],
                    dtype=object)


CASES = [
    ("circular", lambda v: np.roll(v, 1) + 2 * v, (5,), None),
    ("zero padding", lambda v: correlate1d(v, [1, 1, 1], 1), (5,), None),
    ("periodic output", _periodic, (4,), None),
    ("parity forms", _parity_forms, (4,), None),
    ("trig forms", _trig_forms, (4,), None),
    ("undecided constant", lambda v: v * (1 + C), (3,), None),
    ("max pool", lambda v: max_pool1d(v, 2), (6,), None),
    ("2-D with channels", lambda v: v[:, ::-1] * np.roll(v, 1, 2), (2, 3, 2), (1, 2)),
    ("global sum", lambda v: np.array([v.sum()]), (4,), None),
]


@pytest.mark.parametrize("name, op, shape, axes", CASES, ids=[c[0] for c in CASES])
def test_fast_table_gives_the_verdicts_of_the_plain_comparison(name, op, shape, axes):
    axes_ = spatial_axes(len(shape), axes)
    tab = shift_table(op, shape, axes=axes)
    got = [(r.shift, r.output_shifts, r.invariant, r.undecided) for r in tab.rows]
    assert got == _reference_table(op, shape, axes_)


def test_structurally_different_but_equal_outputs_are_decided_not_declared_different():
    tab = shift_table(_parity_forms, (4,))
    assert tab.equivariant_shifts == [(1,), (2,), (3,)] and tab.undecided_shifts == []
    assert [r.defect for r in tab.rows] == [0, 0, 0]
    assert_shift_equivariant(_parity_forms, 4)
    trig = shift_table(_trig_forms, (4,))            # equal, but sin^2 + cos^2 = 1 is not decided here
    assert trig.undecided_shifts == [(1,), (3,)] and trig.equivariant_shifts == [(2,)]
    with pytest.raises(AssertionError, match="undecided"):
        assert_shift_equivariant(_trig_forms, 4)
    differs = shift_table(lambda v: _parity_forms(v) + np.array([0, 1, 0, 0]), (4,))   # truly not equivariant
    assert differs.equivariant_shifts == [] and differs.undecided_shifts == []
    with pytest.raises(AssertionError, match="shift 1 fails at output"):
        assert_shift_equivariant(lambda v: _parity_forms(v) + np.array([0, 1, 0, 0]), 4)


def test_roll_index_finds_every_shift_and_never_a_wrong_one():
    ids = Interner()
    Y = ids.ids(np.array([1, 2, 1, 2, 1, 2], dtype=object))
    idx = RollIndex(Y, (0,), ids)
    assert idx.period == [(0,), (2,), (4,)]
    assert idx.matches(np.roll(Y, 1)) == [(1,), (3,), (5,)] and idx.matches(ids.ids(np.array([1, 1, 2, 2, 1, 2]))) == []
    nan = ids.ids(np.array([sp.nan, 1.0, float("nan")], dtype=object))
    assert len(set(nan.tolist())) == 3 and ids.id(sp.nan) not in nan.tolist()     # NaN never matches itself


def test_float_table_matches_a_direct_comparison():
    rng = np.random.default_rng(6)
    x = rng.normal(size=(1, 2, 6, 4))
    op = lambda v: np.roll(v, (1, 0), (2, 3)) + v[:, ::-1] * 1e-3  # noqa: E731
    tab = sc.shift_table(op, x.shape, x=x)
    y = op(x)
    tol = Tolerance.for_dtypes([np.float64])
    for row in tab.rows:
        ys = op(np.roll(x, row.shift, (2, 3)))
        direct = [r for r in product(range(6), range(4))
                  if np.abs(ys - np.roll(y, r, (2, 3))).max() <= tol.threshold(max(np.abs(ys).max(), np.abs(y).max()))]
        assert row.output_shifts == direct == [row.shift]
