"""The fast exact DFT checks remember decisions by the exact count vector of a geometric sum; that
must change no answer: compared with deciding every sum afresh, and false claims still refuted."""

import numpy as np
import pytest

import symconv as sc
from symconv.exact import root_sum_is_zero
from symconv.verify import dft


@pytest.mark.parametrize("n", [1, 2, 3, 4, 6, 12, 30, 35])
def test_geometric_sums_match_fresh_decisions(n):
    fresh = [root_sum_is_zero(np.bincount((d * np.arange(n)) % n, minlength=n).tolist(), n) for d in range(n)]
    assert dft.geometric_sums(n) == fresh == [d != 0 for d in range(n)]


@pytest.mark.parametrize("n", [2, 6, 35])
def test_false_scales_are_still_refuted(n):
    assert isinstance(dft.dft_mul_conj_transpose(n), sc.Holds)
    for scale in (1, n - 1, n + 1, 0):
        assert isinstance(dft.dft_mul_conj_transpose(n, scale=scale), sc.Counterexample), scale
