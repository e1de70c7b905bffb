"""Kill tests for cyclotomic.root_sum_is_zero: the remainder mod Phi_n from python-flint, and the long
division it falls back to without python-flint (forced here by hiding the module), give the same exact
answer on zeros and non-zeros, with exponents read modulo n.

PYTEST_DONT_REWRITE: kill tests count by passing or failing; their asserts are not rewritten (that took
seconds in every xdist worker).
"""

import random
import sys

import pytest

from symconv.exact.cyclotomic import CyclotomicOrderTooLarge, MAX_ORDER, root_sum_is_zero

CASES = [
    ([1, 1, 1], 3, True),
    ([1, 1], 3, False),
    ([1], 5, False),                         # the remainder is the constant 1
    ([2], 5, False),
    ([0, 1], 5, False),
    ([-1, 0, 1], 4, False),                  # zeta_4^2 = -1: the sum is -2
    ([1, 0, 1], 4, True),
    ([1, 0, -1], 4, False),
    ([0, 0, 0, 0, 0, 1, 1, 1, 1, 1], 5, True),    # exponents 5..9 are 0..4
    ([1, 0, 0, 0, 0, -1], 5, True),               # 1 - zeta^5 = 0
    ([1, 0, 0, 0, 0, 1], 5, False),               # 1 + zeta^5 = 2
    ([3, 0, 0, 0, 0, 0, 0, 4], 7, False),
    ([1, 0, 0, 1], 6, True),                      # 1 + zeta_6^3 = 0
    ([1, 1, 0, 0, 0, 0, 1], 6, False),
    ([], 4, True),
    ([0, 0, 0], 2, True),
    ([5], 1, False),
    ([2, -2], 1, True),                           # zeta_1 = 1
    ([1] * 30, 30, True),
    ([1] * 29 + [2], 30, False),
]


def _answer(counts, n, flint_hidden, monkeypatch):
    with monkeypatch.context() as m:
        if flint_hidden:
            m.setitem(sys.modules, "flint", None)        # `import flint` raises ImportError
        return root_sum_is_zero(counts, n)


@pytest.mark.parametrize("flint_hidden", [False, True])
@pytest.mark.parametrize("counts, n, want", CASES)
def test_root_sum_is_zero_with_and_without_flint(counts, n, want, flint_hidden, monkeypatch):
    if not flint_hidden:
        pytest.importorskip("flint")
    got = _answer(counts, n, flint_hidden, monkeypatch)
    assert type(got) is bool and got is want


def test_both_paths_agree_on_random_sums(monkeypatch):
    rnd = random.Random(11)
    for n in (1, 2, 3, 4, 6, 8, 9, 12, 15, 30):
        for _ in range(12):
            counts = [rnd.randint(-2, 2) for _ in range(rnd.randint(0, 3 * n))]
            if rnd.random() < 0.5:                        # add a multiple of a known zero
                for l in range(n):
                    counts += [0] * max(0, l + 1 - len(counts))
                    counts[l] += 3 if n > 1 else 0
            slow = _answer(counts, n, True, monkeypatch)
            exact = sum(c for c in counts) == 0 if n == 1 else None
            if exact is not None:
                assert slow is exact
            pytest.importorskip("flint")
            assert _answer(counts, n, False, monkeypatch) is slow, (counts, n)


@pytest.mark.parametrize("flint_hidden", [False, True])
def test_order_checks(flint_hidden, monkeypatch):
    with pytest.raises(CyclotomicOrderTooLarge, match="max_order"):
        _answer([1], MAX_ORDER + 1, flint_hidden, monkeypatch)
    with pytest.raises(TypeError, match="n must be a positive int"):
        _answer([1], 3.0, flint_hidden, monkeypatch)
    with pytest.raises(ValueError, match="n must be a positive int, got 0"):
        _answer([1], 0, flint_hidden, monkeypatch)
