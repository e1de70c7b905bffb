"""The theorems of proofs/twin_options.py (complex correlation, fillvalue, 'symmetric' padding): their exact
checks hold with generic symbols, and each false claim is refuted by the exact check of the real functions
at the first n where it is false."""

from __future__ import annotations

import importlib.util
import pathlib

import numpy as np
import pytest

import symconv as sc
from symconv.objects.layers import correlate1d

_PATH = pathlib.Path(__file__).resolve().parents[1] / "proofs" / "twin_options.py"
_SPEC = importlib.util.spec_from_file_location("twin_options_under_test", _PATH)
T = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(T)

THEOREMS = [T.correlate1d_conj_eq_convolve1d_conj_reverse, T.correlate1d_fill_eq_zero_fill_add_outside_taps,
            T.symmetric_pad_correlate_eq_half_sample_extension]


@pytest.mark.parametrize("thm", THEOREMS, ids=lambda t: t.name)
@pytest.mark.parametrize("n_", [1, 2, 3])
def test_twin_theorem_holds_exactly(thm, n_):
    out = thm.exact(n_)
    assert isinstance(out, sc.Holds), out
    assert f"n={n_}" in out.detail and " cases" in out.detail


# (theorem, variant name, the last n where the false claim still holds, the first where it is refuted)
FIRST_REFUTED = [
    (0, "correlate1d_eq_convolve1d_reverse_complex", None, 1),
    (0, "correlate1d_same_eq_convolve1d_same_every_length", 1, 2),
    (1, "correlate1d_fill_eq_zero_fill_add_kernel_sum", None, 1),
    (2, "symmetric_pad_correlate_eq_whole_sample_reflection", None, 1),   # 2-D: the axis of length 2
]


@pytest.mark.parametrize("idx,name,holds_at,refuted_at", FIRST_REFUTED, ids=[f[1] for f in FIRST_REFUTED])
def test_twin_false_variant_refuted_by_the_exact_check(idx, name, holds_at, refuted_at):
    var = next(v for v in THEOREMS[idx].false_variants if v.name == name)
    assert var.formal is None                      # refuted by the exact check of the real functions
    if holds_at is not None:
        assert isinstance(var.exact(holds_at), sc.Holds)
    cex = var.exact(refuted_at)
    assert isinstance(cex, sc.Counterexample) and cex.n == refuted_at
    assert "expected" in cex.description and "x = [" in cex.description    # the concrete witness


def test_twin_half_and_whole_sample_extensions():
    # the two index maps, written out at n = 2: half-sample x[-1] = x[0], whole-sample x[-1] = x[1]
    assert [T._half_sample(e, 2) for e in (-2, -1, 0, 1, 2, 3)] == [1, 0, 0, 1, 1, 0]
    assert [T._whole_sample(e, 2) for e in (-2, -1, 0, 1, 2, 3)] == [0, 1, 0, 1, 0, 1]
    assert T._whole_sample(-1, 1) == T._half_sample(-1, 1) == 0          # they agree at n = 1
    # the real function reads the half-sample extension: x = [2, 3] -> [2 | 2, 3 | 3], w = [1, 1]
    assert list(correlate1d([2, 3], [1, 1], "full", "symmetric")) == [4, 5, 6]
    assert list(correlate1d([2, 3], [1, 1], "full", "reflect")) == [5, 5, 5]


def test_twin_same_window_exception_is_numpys():
    # the one case the complex-correlation theorem excludes is NumPy's own behaviour, not symconv's
    x, w = np.array([1.0, 2.0]), np.array([1 + 2j, 3 - 1j, -2 + 1j])
    assert not np.allclose(np.correlate(x, w, "same"), np.convolve(x, np.conj(w[::-1]), "same"))
    assert np.allclose(correlate1d(x, w, "same", conjugate=True), np.correlate(x, w, "same"))
    assert np.allclose(correlate1d(x, w, "same", conjugate=True), np.convolve(x, np.conj(w[::-1]), "full")[1:4])


@pytest.mark.parametrize("thm", THEOREMS, ids=lambda t: t.name)
def test_twin_numeric_cross_check_agrees(thm):
    from symconv.engine.numeric import rng_for
    err, errm = thm.numeric(5, rng_for(thm.name, 0), 30)
    assert 0 <= err < 1e-9 and 0 <= errm < 1e-20
