"""``assert_equivariant`` / ``equivariance_error`` compare floats with the same machinery as
``assert_shift_equivariant`` (``symconv.engine.tolerance``): atol + rtol * max|output|, defaults from
the least precise dtype, an absolute ``tol`` on request, NaN and infinity undecided.

For Z_n acting by the shift the two helpers ask the same question, so they are checked against each
other: the same tolerance, the same allowed defect, the same verdict."""

from __future__ import annotations

import numpy as np
import pytest

import symconv as sc
from symconv.engine.equivariance import analyse_shift_equivariance
from symconv.engine.tolerance import Tolerance
from symconv.objects.groups import cyclic_action, dihedral_action, p4_action


def bump_at(x: np.ndarray, delta: float):
    """The identity, plus ``delta`` at entry 0 for the one input x: op(S x) - S op(x) is exactly delta at
    entry 1 (x holds small integers, delta a power of 2) and max|output| is max|x|."""
    def op(v):
        v = np.asarray(v)
        out = v.copy()
        if np.array_equal(v, x):
            out[0] = out[0] + v.dtype.type(delta)
        return out
    return op


X = [1.0, 2.0, 3.0, 8.0]          # S x = (8, 1, 2, 3): the bump lands on 1, the scale is 8


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_the_defaults_are_assert_shift_equivariants(dtype):
    x = np.array(X, dtype=dtype)
    rep = sc.equivariance_error(bump_at(x, 0.0), cyclic_action(4), x=x)
    shift = analyse_shift_equivariance(bump_at(x, 0.0), 4, x=x)
    assert rep.tolerance == shift.tolerance == Tolerance.for_dtypes([dtype])
    assert rep.tolerance.dtype == np.dtype(dtype).name
    assert rep.defects[0].allowed == shift.defects[0].allowed == Tolerance.for_dtypes([dtype]).threshold(8.0)
    assert rep.defects[0].scale == 8.0


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_a_defect_just_below_the_tolerance_passes_and_just_above_fails(dtype):
    """Defects one unit in the last place (of 1 + defect) either side of atol + rtol * 8, and (float64,
    where it is a float of that form: 2^-23) exactly at it."""
    x = np.array(X, dtype=dtype)
    tol = Tolerance.for_dtypes([dtype])
    ulp = float(np.finfo(dtype).eps)                        # the spacing of dtype's floats in [1, 2)
    allowed = tol.threshold(8.0)
    below = np.floor(allowed / ulp) * ulp
    cases = [(below, True), (below + ulp, False)]
    if dtype is np.float64:
        assert allowed == below == 2.0 ** -23                     # 8 * 2^-26, atol lost in the rounding
        cases.append((below + 4 * ulp, False))
    assert below <= allowed < below + ulp
    for delta, ok in cases:
        op = bump_at(x, delta)
        rep = sc.equivariance_error(op, cyclic_action(4), x=x)
        d = rep.defects[0]
        assert d.error == delta and d.scale == 8.0 and d.allowed == allowed
        assert rep.equivariant is ok
        shift = analyse_shift_equivariance(op, 4, x=x)
        assert (1 in shift.commuting_shifts) is ok                       # the same verdict as the shift helper
        if ok:
            sc.assert_equivariant(op, cyclic_action(4), x=x)
        else:
            assert d.first_index == (1,)
            with pytest.raises(AssertionError, match=r"generator shift fails at output \(1,\) by .* times max\|output\| 8"):
                sc.assert_equivariant(op, cyclic_action(4), x=x)


def test_float32_and_float64_are_judged_by_their_own_dtype():
    """One relative defect of 2^-9 / 8: within float32's tolerance, far outside float64's."""
    outcomes = {}
    for dtype in (np.float32, np.float64):
        x = np.array(X, dtype=dtype)
        outcomes[dtype] = sc.equivariance_error(bump_at(x, 2.0 ** -9), cyclic_action(4), x=x).equivariant
    assert outcomes == {np.float32: True, np.float64: False}
    # a float64 input through a float32 computation: the least precise dtype involved sets the defaults
    x64 = np.array(X)
    op32 = lambda v: bump_at(x64.astype(np.float32), 2.0 ** -9)(np.asarray(v, dtype=np.float32))   # noqa: E731
    rep = sc.equivariance_error(op32, cyclic_action(4), x=x64)
    assert rep.tolerance.dtype == "float32" and rep.equivariant


def test_explicit_rtol_atol_and_the_absolute_tol():
    x = np.array(X)
    op = bump_at(x, 2.0 ** -20)
    assert not sc.equivariance_error(op, cyclic_action(4), x=x).equivariant
    assert sc.equivariance_error(op, cyclic_action(4), x=x, rtol=2.0 ** -20).equivariant        # 8 * 2^-20
    assert sc.equivariance_error(op, cyclic_action(4), x=x, rtol=0.0, atol=2.0 ** -20).equivariant
    assert not sc.equivariance_error(op, cyclic_action(4), x=x, rtol=0.0, atol=2.0 ** -21).equivariant
    rep = sc.equivariance_error(op, cyclic_action(4), x, None, 1e-6)                  # positional tol, as before
    assert rep.equivariant and rep.tolerance == Tolerance(0.0, 1e-6)
    with pytest.raises(AssertionError, match=r"by 9.54e-07 > tol 1e-07"):
        sc.assert_equivariant(op, cyclic_action(4), x=x, tol=1e-7)
    with pytest.raises(ValueError, match="tol .* cannot be combined with rtol/atol"):
        sc.equivariance_error(op, cyclic_action(4), x=x, tol=1e-6, rtol=1e-3)
    with pytest.raises(ValueError, match="rtol must be a finite number"):
        sc.equivariance_error(op, cyclic_action(4), x=x, rtol=-1.0)


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_a_nan_or_infinite_output_is_undecided_never_a_pass(bad):
    x = np.random.default_rng(0).standard_normal(5)
    smooth = lambda v: v + np.roll(v, 1) + np.roll(v, -1)                 # noqa: E731  D_5-equivariant
    poisoned = lambda v: np.where(np.arange(5) == 2, bad, smooth(v))      # noqa: E731
    rep = sc.equivariance_error(poisoned, dihedral_action(5), x=x)
    assert rep.undecided == ["shift", "reflection"] and rep.failing == [] and not rep.equivariant
    with pytest.raises(AssertionError, match=r"undecided: the output is not finite"):
        sc.assert_equivariant(poisoned, dihedral_action(5), x=x)
    with pytest.raises(AssertionError, match="undecided"):
        sc.assert_equivariant(poisoned, dihedral_action(5), x=x, tol=1e300)          # no tolerance lets it pass
    # the shift helper says the same
    assert analyse_shift_equivariance(poisoned, 5, x=x).undecided_shifts == [1, 2, 3, 4]


def test_nan_at_one_generator_and_a_failure_at_another_are_both_reported():
    x = np.random.default_rng(1).standard_normal(5)

    def op(v):                        # shift-equivariant cumulative-free map; NaN only for the reflected x
        out = v + np.roll(v, 1)
        return out * np.nan if np.array_equal(v, x[(-np.arange(5)) % 5]) else out
    rep = sc.equivariance_error(op, dihedral_action(5), x=x)
    assert rep.undecided == ["reflection"] and rep.failing == []
    broken = lambda v: op(v) + (v[0] if np.array_equal(v, np.roll(x, 1)) else 0.0)   # noqa: E731
    rep = sc.equivariance_error(broken, dihedral_action(5), x=x)
    assert rep.failing == ["shift"] and rep.undecided == ["reflection"]
    with pytest.raises(AssertionError, match=r"failing generators \['shift'\]; \['reflection'\] undecided"):
        sc.assert_equivariant(broken, dihedral_action(5), x=x)


def test_integer_input_with_float_output_is_compared_within_the_tolerance():
    """An op that returns floats for an integer signal (an FFT convolution) is a float comparison, as in
    assert_shift_equivariant, not an exact one that would fail on its round-off."""
    k = np.fft.fft([2.0, 1.0, 0.0, 0.0, 0.0, 1.0])                         # a symmetric kernel: D_6
    conv = lambda v: np.real(np.fft.ifft(np.fft.fft(np.asarray(v, dtype=float)) * k))   # noqa: E731
    x = np.array([3, 1, 4, 1, 5, 9])
    rep = sc.assert_equivariant(conv, dihedral_action(6), x=x)
    assert not rep.exact and rep.tolerance.dtype == "float64"
    assert max(rep.errors.values()) > 0                                    # round-off there, within tolerance


def test_exact_input_stays_exact():
    rep = sc.equivariance_error(lambda v: v + np.roll(v, 1), cyclic_action(4))
    assert rep.exact and rep.tolerance == 0.0 and rep.equivariant


def test_a_float32_torch_module_runs_in_float32_with_float32_tolerance():
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(5)
    conv = torch.nn.Conv2d(1, 1, 3, padding=1, padding_mode="circular", bias=False)      # float32
    w = rng.standard_normal((3, 3))
    with torch.no_grad():
        conv.weight[0, 0] = torch.as_tensor(sum(np.rot90(w, r) for r in range(4)), dtype=torch.float32)
    x = rng.standard_normal((6, 6))
    rep = sc.assert_equivariant(conv, p4_action(6), x=x)
    assert rep.tolerance == Tolerance.for_dtypes([np.float32])
    plain = torch.nn.Conv2d(1, 1, 3, padding=1, padding_mode="circular", bias=False)
    assert sc.equivariance_error(plain, p4_action(6), x=x).failing == ["rotation"]
    with pytest.raises(TypeError, match="x holds SymPy symbols"):
        sc.equivariance_error(conv, p4_action(6))
