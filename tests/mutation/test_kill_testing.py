"""Kill-tests for symconv/testing.py (the assertion helpers users call from their own pytest suites).

Each test states what a user relies on: the signal and the tolerance they pass are the ones used, a shift
given as a tuple is the shift tested, a symbolic entry is never "within tol", and the messages name the
failing / undecided shift and the entry they are about."""

import re

import numpy as np
import pytest
import sympy as sp

from symconv.testing import assert_circulant, assert_shift_equivariant, assert_shift_invariant

# 0, but no exact test can show it: every comparison involving it is undecided
C = sp.sin(1) ** 2 + sp.cos(1) ** 2 - 1


def _first_only(v):
    return np.array([v[0]])


# ---------------------------------------------------------------- assert_shift_invariant

def test_shift_invariant_tests_the_callers_signal():
    """x[0] is shift-invariant on a constant signal, not on a generic one: the caller's x decides."""
    table = assert_shift_invariant(_first_only, (3,), x=np.array([2.0, 2.0, 2.0]))
    assert table.invariant_shifts == [(1,), (2,)] and not table.exact
    with pytest.raises(AssertionError, match="not shift-invariant"):
        assert_shift_invariant(_first_only, (3,))


def test_shift_invariant_uses_the_callers_tolerance():
    x = np.array([1.0, 2.0, 3.0])
    op = lambda v: np.array([v.sum() + 1e-6 * v[0]])  # noqa: E731   # invariant up to 2e-6
    table = assert_shift_invariant(op, (3,), x=x, tol=1e-3)
    assert table.invariant_shifts == [(1,), (2,)]
    with pytest.raises(AssertionError, match=r"shift \(1,\) changes the output"):
        assert_shift_invariant(op, (3,), x=x)                       # the default 1e-9 is far below 1e-6


def test_shift_invariant_reads_tuple_shifts():
    """shifts=[(2,)] and shifts=[2] name the same shift of Z_4; 2-D shifts are tuples (or lists)."""
    from symconv.objects.layers import max_pool1d
    op = lambda v: max_pool1d(v, 2)  # noqa: E731
    for shifts in ([2], [(2,)], [[2]]):
        with pytest.raises(AssertionError, match=r"shift \(2,\) changes the output"):
            assert_shift_invariant(op, (4,), shifts=shifts)
    corner = lambda X: np.array([X[0, 0]])  # noqa: E731
    with pytest.raises(AssertionError, match=r"shift \(0, 1\) changes the output; failing shifts \[\(0, 1\)\]$"):
        assert_shift_invariant(corner, (2, 2), shifts=[(0, 1)])


def test_shift_invariant_failure_message_without_output_shift():
    """No cyclic shift of a length-1 output matches: the message names the first failing shift and all."""
    with pytest.raises(AssertionError) as err:
        assert_shift_invariant(_first_only, (3,))
    assert str(err.value) == ("op is not shift-invariant on shape (3,): shift (1,) changes the output; "
                              "failing shifts [(1,), (2,)]")


def test_shift_invariant_failure_message_says_where_the_output_moved():
    """The identity is equivariant, not invariant: each shift moves the output by itself."""
    with pytest.raises(AssertionError) as err:
        assert_shift_invariant(lambda v: v, (3,))
    assert str(err.value) == ("op is not shift-invariant on shape (3,): shift (1,) changes the output; it moves the "
                              "output by (1,); failing shifts [(1,), (2,)]")


def test_shift_invariant_undecided_message_gives_the_remedy():
    with pytest.raises(AssertionError) as err:
        assert_shift_invariant(lambda v: np.array([v[0] * C]), (3,))
    assert str(err.value) == ("shift invariance of op on shape (3,) is undecided at shifts [(1,), (2,)]: an exact "
                              "difference could be neither proved 0 nor certified non-zero (pass float input with "
                              "a tolerance, or rational entries)")


# ---------------------------------------------------------------- assert_shift_equivariant

def test_shift_equivariant_failure_also_names_the_undecided_shifts():
    """Shifts 1 and 3 certainly fail; shift 2 is undecided (the multiplier differs by C only)."""
    p, g = [1, 2, 1, 2], [1, 0, 0, 0]
    with pytest.raises(AssertionError) as err:
        assert_shift_equivariant(lambda v: [v[k] * (p[k] + C * g[k]) for k in range(4)], 4)
    msg = str(err.value)
    assert msg.startswith("op is not shift-equivariant at n=4: shift 1 fails at output 0 by ")
    assert msg.endswith("(exact); failing shifts [1, 3]; shifts [2] undecided")


def test_shift_equivariant_failure_message_without_undecided_shifts():
    with pytest.raises(AssertionError) as err:
        assert_shift_equivariant(lambda v: v[::-1], 3)
    assert str(err.value) == ("op is not shift-equivariant at n=3: shift 1 fails at output 0 by -x_0 + x_1 "
                              "(exact); failing shifts [1, 2]")
    with pytest.raises(AssertionError) as err:
        assert_shift_equivariant(np.cumsum, 3, x=np.array([1.0, 0.0, 0.0]))
    assert str(err.value) == ("op is not shift-equivariant at n=3: shift 1 fails at output 0 by 1 > 1.49e-08 "
                              "(rtol 1.49e-08 + atol 2.23e-308 (float64) times max|output| 1); failing shifts [1, 2]")
    with pytest.raises(AssertionError) as err:
        assert_shift_equivariant(np.cumsum, 3, x=np.array([1.0, 0.0, 0.0]), tol=1e-9)
    assert str(err.value) == ("op is not shift-equivariant at n=3: shift 1 fails at output 0 by 1 > tol 1e-09; "
                              "failing shifts [1, 2]")


@pytest.mark.parametrize("n, undecided", [(2, "[1]"), (3, "[1, 2]")])
def test_shift_equivariant_undecided_message_names_the_first_undecided_shift(n, undecided):
    """op multiplies output 0 by 1 + C: it is equivariant (C = 0), but no exact test shows it."""
    op = lambda v: [v[0] * (1 + C)] + list(v[1:])  # noqa: E731
    with pytest.raises(AssertionError) as err:
        assert_shift_equivariant(op, n)
    msg = str(err.value)
    assert msg.startswith(f"shift-equivariance at n={n} is undecided: could not decide shifts {undecided} "
                          "(at shift 1, output 0, the exact difference ")
    assert msg.endswith("could be neither proved 0 nor certified non-zero)")


# ---------------------------------------------------------------- assert_circulant

def test_circulant_defect_of_exactly_tol_passes_like_the_other_helpers():
    """Within tol means |defect| <= tol, as in assert_shift_equivariant (a shift fails when error > tol)."""
    assert_circulant(np.array([[1.0, 2.0], [2.5, 1.0]]), tol=0.5)
    assert_shift_equivariant(lambda v: v + np.array([0.0, 0.5]) * v.sum(), 2, x=np.array([1.0, 0.0]), tol=0.5)
    with pytest.raises(AssertionError, match=r"W\[0,1\] - W\[1,0\] = -0\.5"):
        assert_circulant(np.array([[1.0, 2.0], [2.5, 1.0]]), tol=0.4)


def test_circulant_symbolic_defect_is_never_within_tol():
    a, b, c = sp.symbols("a b c")
    with pytest.raises(AssertionError) as err:
        assert_circulant(sp.Matrix([[a, b], [c, a]]), tol=1e9)
    assert str(err.value) == "W is not circulant: W[0,1] - W[1,0] = b - c (1 of 4 entries off their cyclic diagonal)"


def test_circulant_undecided_message_names_the_entry_and_its_diagonal():
    W = sp.Matrix([[1, 3 + C, 2], [2, 1, 3], [3, 2, 1]])        # W[0,1] is W[2,0] + C
    with pytest.raises(AssertionError) as err:
        assert_circulant(W)
    assert str(err.value).startswith("whether W is circulant is undecided: W[0,1] - W[2,0] = ")
    assert str(err.value).endswith("could be neither proved 0 nor certified non-zero (1 such entries)")
    assert re.search(r"cos\(1\)\*\*2", str(err.value))


# ---------------------------------------------------------------- torch_op (torch itself is optional)

def test_torch_op_feeds_a_batch_of_one_channel_in_the_modules_dtype_and_returns_the_signal():
    """1-D input goes in as (1, 1, n) in the module's dtype; the batch and channel axes are removed."""
    torch = pytest.importorskip("torch")
    from symconv.testing import torch_op
    seen = []

    class Diff(torch.nn.Module):                    # a circular difference layer, float64 (a buffer says so)
        def __init__(self):
            super().__init__()
            self.register_buffer("w", torch.ones(1, dtype=torch.float64))

        def forward(self, t):
            seen.append((tuple(t.shape), t.dtype))
            return torch.stack([torch.stack([t[0, 0] - torch.roll(t[0, 0], 1), torch.zeros(3, dtype=t.dtype)]),
                                torch.ones(2, 3, dtype=t.dtype)])

    out = torch_op(Diff())([1, 4, 9])               # ints: converted to the module's float64
    assert seen == [((1, 1, 3), torch.float64)]
    assert out.shape == (2, 2, 3) and list(out[0, 0]) == [-8.0, 3.0, 5.0]
    single = torch_op(lambda t: t * 2)(np.array([1.0, 2.0]))
    assert single.dtype == np.float64 and list(single) == [2.0, 4.0]
