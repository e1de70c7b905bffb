"""symconv.testing.strategies, used the way users would: fuzzing layers against the testing helpers.

Deterministic (``derandomize=True``, no example database) and small."""

import numpy as np
import pytest
import sympy as sp

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from symconv.engine.equivariance import analyse_shift_equivariance  # noqa: E402
from symconv.engine.shift_match import Interner, RollIndex  # noqa: E402
from symconv.engine.shift_table import shift_table  # noqa: E402
from symconv.testing import assert_shift_equivariant, strategies as scst  # noqa: E402

from shift_reference import reference_table as _reference_table  # noqa: E402

SETTINGS = dict(deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])


@settings(max_examples=25, **SETTINGS)
@given(scst.layer_configs(modes=("circular",), paddings=("same",), strides=(1,), max_n=8))
def test_circular_same_layers_are_equivariant_exactly_and_in_floats(cfg):
    assert cfg.shift_equivariant
    rep = assert_shift_equivariant(cfg, cfg.n)            # generic symbolic x, exact
    assert rep.exact and rep.commuting_shifts == list(range(cfg.n))
    x = np.random.default_rng(cfg.n).normal(size=cfg.n) * 1e6
    assert_shift_equivariant(cfg, cfg.n, x=x)


@settings(max_examples=30, **SETTINGS)
@given(scst.layer_configs(max_n=6, max_kernel=3))
def test_any_layer_gets_the_verdicts_of_the_plain_comparison(cfg):
    tab = shift_table(cfg, (cfg.n,))
    got = [(r.shift, r.output_shifts, r.invariant, r.undecided) for r in tab.rows]
    assert got == _reference_table(cfg, (cfg.n,), (0,))
    if cfg.shift_equivariant:
        assert len(tab.equivariant_shifts) == cfg.n - 1


@settings(max_examples=30, **SETTINGS)
@given(scst.layer_configs(max_n=7, max_kernel=3), st.data())
def test_a_shift_that_commutes_exactly_commutes_in_floats(cfg, data):
    """Exact (for every signal) implies numeric (for the drawn one); the converse fails for special signals."""
    exact = analyse_shift_equivariance(cfg, cfg.n)
    x = data.draw(scst.signals(cfg.n, elements="floats"))
    num = analyse_shift_equivariance(cfg, cfg.n, x=x)
    assert set(exact.commuting_shifts) <= set(num.commuting_shifts)


@settings(max_examples=40, **SETTINGS)
@given(scst.signals(ndim=2, max_size=5, elements="ints", bound=1), st.data())
def test_roll_index_agrees_with_brute_force(y, data):
    ids = Interner()
    Y = ids.ids(y)
    z = np.roll(y, data.draw(scst.shifts(y.shape)), (0, 1)) if data.draw(st.booleans()) else \
        data.draw(scst.signals(y.shape, elements="ints", bound=1))
    brute = [(a, b) for a in range(y.shape[0]) for b in range(y.shape[1])
             if np.array_equal(np.roll(y, (a, b), (0, 1)), z)]
    assert RollIndex(Y, (0, 1), ids).matches(ids.ids(z)) == brute


@settings(max_examples=20, **SETTINGS)
@given(scst.kernels(elements="floats"), scst.signals(12, elements="floats"), st.sampled_from([1e-200, 1.0, 1e150]))
def test_fft_convolution_is_equivariant_at_any_scale(w, x, scale):
    conv = lambda v: np.real(np.fft.ifft(np.fft.fft(v) * np.fft.fft(w, len(v))))  # noqa: E731
    assert_shift_equivariant(conv, 12, x=scale * x)


def test_strategy_arguments_are_checked():
    with pytest.raises(ValueError, match="kind must be one of"):
        scst.elements("complex")
    with pytest.raises(ValueError, match="bound must be a positive int"):
        scst.elements("ints", 0)
    half = hypothesis.find(scst.elements("rationals"), lambda v: not v.is_integer, settings=settings(database=None))
    assert isinstance(half, sp.Rational) and half.q > 1
