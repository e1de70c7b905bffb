"""Kill-tests for the symconv/testing package (the assertion helpers users call from their own pytest suites,
the torch wrapper and the Hypothesis strategies).

Each test states what a user relies on: the signal and the tolerance they pass are the ones used, a shift
given as a tuple is the shift tested, a symbolic entry is never "within tol", and the messages name the
failing / undecided shift and the entry they are about.

PYTEST_DONT_REWRITE: kill tests count by passing or failing; their asserts are not rewritten (that took
seconds in every xdist worker).
"""

import re

import numpy as np
import pytest
import sympy as sp

from symconv.testing import assert_circulant, assert_shift_equivariant, assert_shift_invariant, equivariance_defect

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


# ---------------------------------------------------------------- the caller's shifts, axes and tolerances are used

def _pool(v):
    from symconv.objects.layers import avg_pool1d
    return avg_pool1d(v, 2)


def _rows_shift(X):
    """Shifts along axis 1 commute (a circular difference per row); axis 0 does not (row 1 is doubled)."""
    return X - np.roll(X, 1, axis=1) + X[::-1] * np.array([[1.0], [2.0]])


def test_shift_equivariant_asserts_only_the_callers_shifts():
    """A stride-2 pool commutes with the even shifts only: asserting those passes, all shifts fails."""
    rep = assert_shift_equivariant(_pool, 8, shifts=[2, 4, 6])
    assert rep.commuting_shifts == [0, 2, 4, 6] and rep.failing_shifts == []
    with pytest.raises(AssertionError, match=r"failing shifts \[1, 3, 5, 7\]$"):
        assert_shift_equivariant(_pool, 8)


def test_shift_equivariant_and_defect_use_the_callers_axes():
    rep = assert_shift_equivariant(_rows_shift, (2, 3), axes=(1,))
    assert rep.axes == (1,) and rep.commuting_shifts == [0, 1, 2]
    with pytest.raises(AssertionError) as err:
        assert_shift_equivariant(_rows_shift, (2, 3))
    assert str(err.value).startswith("op is not shift-equivariant at shape (2, 3): shift (1, 0) fails at output "
                                     "(0, 0) by ")
    assert str(err.value).endswith("(exact); failing shifts [(1, 0), (1, 1), (1, 2)]")
    assert equivariance_defect(_rows_shift, (2, 3), axes=(1,)) == {1: 0.0, 2: 0.0}
    assert equivariance_defect(_rows_shift, (2, 3)) == {(0, 1): 0.0, (0, 2): 0.0, (1, 0): float("inf"),
                                                        (1, 1): float("inf"), (1, 2): float("inf")}


def test_shift_invariant_uses_the_callers_axes():
    sums = lambda X: np.array([X[0].sum(), X[1].sum()])  # noqa: E731      # each row's sum: invariant along axis 1
    table = assert_shift_invariant(sums, (2, 3), axes=(1,))
    assert table.axes == (1,) and table.invariant_shifts == [(1,), (2,)]
    with pytest.raises(AssertionError) as err:
        assert_shift_invariant(sums, (2, 3))
    assert str(err.value) == ("op is not shift-invariant on shape (2, 3): shift (1, 0) changes the output; "
                              "failing shifts [(1, 0), (1, 1), (1, 2)]")


@pytest.mark.parametrize("kw", [{"rtol": 1e-3}, {"atol": 1e-3}])
def test_shift_invariant_uses_the_callers_rtol_and_atol(kw):
    x = np.array([1.0, 2.0, 3.0])
    op = lambda v: np.array([v.sum() + 1e-6 * v[0]])  # noqa: E731   # invariant up to 2e-6 (max|output| 6)
    table = assert_shift_invariant(op, (3,), x=x, **kw)
    assert table.invariant_shifts == [(1,), (2,)]
    name, value = next(iter(kw.items()))
    assert getattr(table.tolerance, name) == value
    with pytest.raises(AssertionError, match=r"shift \(1,\) changes the output"):
        assert_shift_invariant(op, (3,), x=x)


def test_shift_invariant_undecided_float_message():
    with pytest.raises(AssertionError) as err:
        assert_shift_invariant(lambda v: np.array([np.nan]), (3,), x=np.ones(3))
    assert str(err.value) == ("shift invariance of op on shape (3,) is undecided at shifts [(1,), (2,)]: a float "
                              "output is not finite (NaN or infinity)")


def test_shift_equivariant_undecided_float_message():
    with pytest.raises(AssertionError) as err:
        assert_shift_equivariant(lambda v: v * np.nan, 3, x=np.ones(3))
    assert str(err.value) == ("shift-equivariance at n=3 is undecided: the output is not finite (NaN or infinity) "
                              "at shifts [1, 2] (shift 1, output 0)")


def test_shift_equivariant_names_the_output_shift_of_a_size_changing_layer():
    bad = lambda v: _pool(v) * np.array([1, 2, 3, 4])  # noqa: E731
    with pytest.raises(AssertionError) as err:
        assert_shift_equivariant(bad, 8, shifts=[2, 4])
    assert str(err.value) == ("op is not shift-equivariant at n=8: shift 2 (output shift 1) fails at output 0 by "
                              "-3*x_6/2 - 3*x_7/2 (exact); failing shifts [2, 4]")


# ---------------------------------------------------------------- the shift table of a layer that changes the shape

POOL_TABLE = "input shift -> output shift 2 -> 1; 4 -> 2; 6 -> 3; shifts 1, 3, 5, 7 commute with no output shift"


def test_shape_changing_layer_message_gives_the_shift_table():
    with pytest.raises(AssertionError) as err:
        assert_shift_equivariant(_pool, 8)
    assert str(err.value) == ("op is not shift-equivariant at n=8: shift 1 has no corresponding output shift (op maps "
                              f"spatial shape (8,) to (4,); shift table: {POOL_TABLE}); failing shifts [1, 3, 5, 7]")


def test_shape_changing_table_is_computed_on_the_callers_signal():
    """On x = (1, 1, 0, 0, 1, 1, 0, 0) each even shift also commutes with a second output shift."""
    x = np.array([1.0, 1, 0, 0, 1, 1, 0, 0])
    with pytest.raises(AssertionError) as err:
        assert_shift_equivariant(_pool, 8, x=x)
    assert ("shift table: input shift -> output shift 2 -> 1, 3; 4 -> 0, 2; 6 -> 1, 3; shifts 1, 3, 5, 7 commute "
            "with no output shift); failing shifts [1, 3, 5, 7]") in str(err.value)


@pytest.mark.parametrize("kw", [{"tol": 1e-3}, {"rtol": 1e-3}, {"atol": 1e-3}])
def test_shape_changing_table_uses_the_callers_tolerance(kw):
    """A pool plus 1e-6 x[0]: the even shifts commute within 1e-3 (the table says so), not within the default."""
    x = np.random.default_rng(0).normal(size=8)
    op = lambda v: _pool(v) + 1e-6 * v[0]  # noqa: E731
    with pytest.raises(AssertionError) as err:
        assert_shift_equivariant(op, 8, x=x, **kw)
    assert str(err.value).endswith(f"shift table: {POOL_TABLE}); failing shifts [1, 3, 5, 7]")
    with pytest.raises(AssertionError) as err:
        assert_shift_equivariant(op, 8, x=x)
    assert ("shift table: no input shift commutes with an output shift; shifts 1, 2, 3, 4, 5, 6, 7 commute with no "
            "output shift); failing shifts [1, 2, 3, 4, 5, 6, 7]") in str(err.value)


def test_shape_changing_table_without_any_commuting_shift():
    from symconv.objects.layers import correlate1d
    with pytest.raises(AssertionError) as err:
        assert_shift_equivariant(lambda v: correlate1d(v, [1, 2, 3]), 6)
    assert str(err.value) == ("op is not shift-equivariant at n=6: shift 1 has no corresponding output shift (op maps "
                              "spatial shape (6,) to (4,); shift table: no input shift commutes with an output shift; "
                              "shifts 1, 2, 3, 4, 5 commute with no output shift); failing shifts [1, 2, 3, 4, 5]")


def test_shape_changing_table_leaves_out_undecided_shifts():
    """Output 0 is multiplied by 1 + C: the even shifts are undecided, listed as such and not as "no output shift"."""
    def op(v):
        p = _pool(v)
        return np.array([p[0] * (1 + C)] + list(p[1:]), dtype=object)
    with pytest.raises(AssertionError) as err:
        assert_shift_equivariant(op, 8)
    assert str(err.value) == ("op is not shift-equivariant at n=8: shift 1 has no corresponding output shift (op maps "
                              "spatial shape (8,) to (4,); shift table: no input shift commutes with an output shift; "
                              "shifts 1, 3, 5, 7 commute with no output shift); failing shifts [1, 3, 5, 7]; "
                              "shifts [2, 4, 6] undecided")


def _pool2d(X):
    return np.array([[sum(X[2 * a + i, 2 * b + j] for i in range(2) for j in range(2)) / 4 for b in range(2)]
                     for a in range(2)], dtype=object)


def test_shape_changing_2d_table_shows_tuples():
    with pytest.raises(AssertionError) as err:
        assert_shift_equivariant(_pool2d, (4, 4))
    odd = "(0, 1), (0, 3), (1, 0), (1, 1), (1, 2), (1, 3), (2, 1), (2, 3), (3, 0), (3, 1), (3, 2), (3, 3)"
    assert str(err.value) == (
        "op is not shift-equivariant at shape (4, 4): shift (0, 1) has no corresponding output shift (op maps spatial "
        "shape (4, 4) to (2, 2); shift table: input shift -> output shift (0, 2) -> (0, 1); (2, 0) -> (1, 0); "
        f"(2, 2) -> (1, 1); shifts {odd} commute with no output shift); failing shifts [{odd}]")


def test_shape_changing_table_uses_the_callers_axes():
    """A pool along axis 1 of a (2, 8) array: the table is about the shifts of that axis only."""
    op = lambda X: np.array([_pool(row) for row in X])  # noqa: E731
    with pytest.raises(AssertionError) as err:
        assert_shift_equivariant(op, (2, 8), axes=(1,))
    assert str(err.value) == ("op is not shift-equivariant at shape (2, 8): shift 1 has no corresponding output "
                              f"shift (op maps spatial shape (8,) to (4,); shift table: {POOL_TABLE}); failing shifts "
                              "[1, 3, 5, 7]")


def test_shape_changing_table_with_batch_and_channel_axes():
    """(N, C, L) = (1, 1, 8): the spatial axis is the last; the shapes and shifts named are the spatial ones."""
    op = lambda v: _pool(v[0, 0])[None, None]  # noqa: E731
    with pytest.raises(AssertionError) as err:
        assert_shift_equivariant(op, (1, 1, 8))
    assert str(err.value) == ("op is not shift-equivariant at shape (1, 1, 8): shift 1 has no corresponding output "
                              f"shift (op maps spatial shape (8,) to (4,); shift table: {POOL_TABLE}); failing shifts "
                              "[1, 3, 5, 7]")


# ---------------------------------------------------------------- symconv.testing.strategies on first use

def test_strategies_is_imported_on_first_use(monkeypatch):
    pytest.importorskip("hypothesis")
    import importlib

    import symconv.testing as testing
    monkeypatch.delattr(testing, "strategies", raising=False)          # as before the first use
    assert testing.strategies is importlib.import_module("symconv.testing.strategies")
    with pytest.raises(AttributeError) as err:
        testing.no_such_helper  # noqa: B018
    assert str(err.value) == "module 'symconv.testing' has no attribute 'no_such_helper'"


# ---------------------------------------------------------------- torch_op with torch itself (optional)

def _torch():
    torch = pytest.importorskip("torch")
    torch.set_num_threads(1)                  # one thread: the machine is shared, and forked workers stay safe
    return torch


class _Spy:
    """Records the tensors a module is called with (shape, dtype, device) and returns a fixed output."""

    def __init__(self, torch, out=None):
        self.torch, self.seen, self.out = torch, [], out

    def __call__(self, t):
        self.seen.append((tuple(t.shape), t.dtype, t.device.type))
        return t * 2 if self.out is None else self.out


def test_torch_op_runs_in_the_modules_dtype():
    torch = _torch()
    from symconv.testing import torch_op
    conv = torch.nn.Conv1d(1, 1, 3, padding=1, padding_mode="circular", bias=False)
    out = torch_op(conv)(np.arange(5.0))
    assert out.dtype == np.float32 and out.shape == (5,)                       # a default Conv1d is float32
    assert torch_op(torch.nn.Conv1d(1, 1, 3, padding=1).double())(np.arange(5.0)).dtype == np.float64
    relu = torch.nn.ReLU()                                                     # no parameters: float64
    assert torch_op(relu)(np.array([-1.0, 2.0])).dtype == np.float64
    assert list(torch_op(relu, dtype=torch.float16)(np.array([-1.0, 2.0]))) == [0.0, 2.0]
    assert torch_op(relu, dtype=torch.float16)(np.array([-1.0, 2.0])).dtype == np.float16


def test_torch_op_takes_the_first_floating_parameter_or_buffer():
    torch = _torch()
    from symconv.testing import torch_op

    class Mixed(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.register_buffer("count", torch.zeros(1, dtype=torch.int64))   # not floating: skipped
            self.register_buffer("scale", torch.ones(1, dtype=torch.float64))

        def forward(self, t):                    # the buffer only sets the dtype
            return t * 2

    class Complex(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.register_buffer("w", torch.ones(1, dtype=torch.complex128))

        def forward(self, t):
            return t * self.w

    assert torch_op(Mixed())(np.arange(3.0)).dtype == np.float64
    assert torch_op(Mixed(), dtype=torch.float32)(np.arange(3.0)).dtype == np.float32   # the caller's dtype wins
    assert torch_op(Complex())(np.arange(3.0)).dtype == np.complex128


def test_torch_op_device_is_the_modules_or_the_callers():
    torch = _torch()
    from symconv.testing import torch_op
    seen = []

    class Dev(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.w = torch.nn.Parameter(torch.ones(1, dtype=torch.float64))

        def forward(self, t):
            seen.append(t.device)
            return t * self.w

    torch_op(Dev())(np.arange(3.0))
    torch_op(Dev(), device="cpu")(np.arange(3.0))
    torch_op(lambda t: (seen.append(t.device), t)[1])(np.arange(3.0))
    torch_op(lambda t: (seen.append(t.device), t)[1], device=torch.device("cpu"))(np.arange(3.0))
    assert seen == [torch.device("cpu")] * 4
    # "meta" tensors have no data, so the result cannot be read back: the call fails after the module ran
    record = lambda t: (seen.append(t.device), t)[1]  # noqa: E731
    for module, device in ((Dev().to("meta"), None), (Dev(), "meta"), (record, "meta")):
        with pytest.raises((RuntimeError, NotImplementedError)):
            torch_op(module, device=device)(np.arange(3.0))
    assert [d.type for d in seen[4:]] == ["meta"] * 3           # the module's device, else the caller's


def test_torch_op_moves_a_functions_input_to_the_cpu_whatever_the_default_device():
    """A function (no parameters) runs on the CPU: with torch's default device set to "meta" (tensors without
    data), the input is still moved to the CPU, which fails before the function is called."""
    torch = _torch()
    if not hasattr(torch, "get_default_device"):
        pytest.skip("torch.get_default_device needs torch 2.3")
    from symconv.testing import torch_op
    spy = _Spy(torch)
    before = torch.get_default_device()
    torch.set_default_device("meta")
    try:
        with pytest.raises((RuntimeError, NotImplementedError)):
            torch_op(spy)(np.arange(3.0))
    finally:
        torch.set_default_device(before)
    assert spy.seen == [] and torch.get_default_device() == before


def test_torch_op_gives_a_function_floats_and_converts_real_exact_signals_without_warnings():
    torch = _torch()
    import warnings

    from symconv.testing import torch_op
    spy = _Spy(torch)
    torch_op(spy)(np.array([1, 2, 3]))                           # NumPy ints: float64 for a function
    assert spy.seen == [((1, 1, 3), torch.float64, "cpu")]
    always = torch.is_warn_always_enabled()
    torch.set_warn_always(True)                                  # torch warns once per process otherwise
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")                       # e.g. "casting complex values to real"
            out = torch_op(spy)(np.array([1, sp.Rational(1, 2)], dtype=object))
    finally:
        torch.set_warn_always(always)
    assert list(out) == [2.0, 1.0]


def test_torch_op_feeds_1d_and_2d_signals_with_a_batch_and_a_channel():
    torch = _torch()
    from symconv.testing import torch_op
    spy = _Spy(torch)
    assert list(torch_op(spy)(np.array([1.0, 2.0, 3.0]))) == [2.0, 4.0, 6.0]
    img = torch_op(spy)(np.arange(6.0).reshape(2, 3))
    assert img.shape == (2, 3) and img[1, 2] == 10.0
    batch = torch_op(spy)(np.zeros((2, 1, 4)))                                 # (N, C, L): fed as it is
    assert batch.shape == (2, 1, 4)
    assert spy.seen == [((1, 1, 3), torch.float64, "cpu"), ((1, 1, 2, 3), torch.float64, "cpu"),
                        ((2, 1, 4), torch.float64, "cpu")]


def test_torch_op_keeps_the_axes_of_an_output_that_is_not_one_batch_and_channel():
    torch = _torch()
    from symconv.testing import torch_op
    two = _Spy(torch, out=torch.zeros(1, 2, 3, dtype=torch.float64))           # two channels: kept
    assert torch_op(two)(np.arange(3.0)).shape == (1, 2, 3)
    flat = _Spy(torch, out=torch.zeros(3, dtype=torch.float64))                 # already 1-D: kept
    assert torch_op(flat)(np.arange(3.0)).shape == (3,)
    one = _Spy(torch, out=torch.zeros(1, 1, dtype=torch.float64))              # (1, 1): a scalar per signal
    assert torch_op(one)(np.arange(3.0)).shape == ()
    batched = _Spy(torch, out=torch.zeros(1, 1, 3, dtype=torch.float64))       # input with its own axes: kept
    assert torch_op(batched)(np.zeros((1, 1, 3))).shape == (1, 1, 3)


def test_torch_op_converts_exact_numbers_and_sympy_vectors():
    torch = _torch()
    from symconv.testing import torch_op
    spy = _Spy(torch)
    out = torch_op(spy)(np.array([1, sp.Rational(1, 2), sp.Integer(3)], dtype=object))
    assert out.dtype == np.float64 and list(out) == [2.0, 1.0, 6.0]
    col = torch_op(spy)(sp.Matrix([1, 2, 3]))                                  # a column vector: a 1-D signal
    row = torch_op(spy)(sp.Matrix([[1, 2, 3]]))                                # a row vector too
    mat = torch_op(spy)(sp.Matrix([[1, 2], [3, 4]]))                           # a matrix: a 2-D signal
    assert list(col) == list(row) == [2.0, 4.0, 6.0] and mat.tolist() == [[2.0, 4.0], [6.0, 8.0]]
    assert [s[0] for s in spy.seen[1:]] == [(1, 1, 3), (1, 1, 3), (1, 1, 2, 2)]
    cplx = torch_op(spy, dtype=torch.complex128)(np.array([1, 2j], dtype=object))
    assert cplx.dtype == np.complex128 and list(cplx) == [2, 4j]


def test_torch_op_refuses_symbols_and_says_what_to_pass():
    torch = _torch()
    from symconv.testing import torch_op
    a, b, c, d = sp.symbols("a b c d")
    op = torch_op(torch.nn.ReLU())
    with pytest.raises(TypeError) as err:
        op(np.array([a, 1, b, c, d], dtype=object))
    assert str(err.value) == (
        "torch_op runs a PyTorch module on numbers, but x holds SymPy symbols (a, b, c, ...): pass a float signal, "
        "e.g. x=np.random.default_rng(0).normal(size=(5,)) (checked within the dtype's tolerance); for an exact, "
        "symbolic check use symconv's exact layers (symconv.objects.layers) instead")
    with pytest.raises(TypeError, match=r"SymPy symbols \(a, b\): pass a float signal"):
        op(np.array([a, b], dtype=object))                       # all of them named: no ", ..."
    with pytest.raises(TypeError, match=r"SymPy symbols \(a, b, c\): pass"):
        op(np.array([a, b, c], dtype=object))
    with pytest.raises(TypeError, match=r"SymPy symbols \(a, \.\.\.\): pass"):
        op(np.array([a, sp.pi, 2], dtype=object))            # pi is a number: only a is a symbol


# ---------------------------------------------------------------- symconv.testing.strategies (optional hypothesis)

def _drawn(strategy, n=100):
    """Every value a deterministic Hypothesis run of n examples draws from the strategy (Hypothesis's health
    checks stay on, except the one for slow generation on a loaded machine: a strategy that draws huge or
    mostly invalid examples fails fast)."""
    hyp = pytest.importorskip("hypothesis")
    out = []

    @hyp.settings(max_examples=n, derandomize=True, database=None, deadline=None,
                  suppress_health_check=[hyp.HealthCheck.too_slow])
    @hyp.given(strategy)
    def run(v):
        out.append(v)

    run()
    return out


def _scst():
    pytest.importorskip("hypothesis")
    from symconv.testing import strategies
    return strategies


def test_int_elements_cover_exactly_the_bound():
    scst = _scst()
    got = _drawn(scst.elements("ints", 3))
    assert all(type(v) is int for v in got) and set(got) == set(range(-3, 4))
    assert set(_drawn(scst.elements("ints", 1), 50)) == {-1, 0, 1}          # bound 1 is allowed


def test_rational_elements_are_sympy_rationals_in_the_bound_with_small_denominators():
    scst = _scst()
    for strat, bound in ((scst.elements("rationals", 2), 2), (scst.elements(), 10)):
        got = _drawn(strat)
        assert all(isinstance(v, sp.Rational) and -bound <= v <= bound and v.q <= 9 for v in got)
        assert any(v.q > 1 for v in got) and any(v < 0 and v.q > 1 for v in got) and any(v > 0 for v in got)


def test_float_elements_are_finite_floats_in_the_bound():
    scst = _scst()
    got = _drawn(scst.elements("floats", 4))
    assert all(type(v) is float and np.isfinite(v) and -4 <= v <= 4 for v in got)
    assert any(v < 0 for v in got) and any(v > 0 for v in got) and any(0 < abs(v) < 1 for v in got)


@pytest.mark.parametrize("kind, bound, message", [
    ("complex", 3, "kind must be one of ('ints', 'rationals', 'floats'), got 'complex'"),
    ("ints", 0, "bound must be a positive int, got 0"),
    ("ints", -2, "bound must be a positive int, got -2"),
    ("ints", True, "bound must be a positive int, got True"),
    ("floats", 2.5, "bound must be a positive int, got 2.5"),
    ("floats", "3", "bound must be a positive int, got '3'"),
])
def test_element_arguments_are_checked(kind, bound, message):
    scst = _scst()
    with pytest.raises(ValueError) as err:
        scst.elements(kind, bound)
    assert str(err.value) == message


def test_signals_draw_their_shape():
    scst = _scst()
    got = _drawn(scst.signals(ndim=2, min_size=2, max_size=3, elements="ints", bound=1), 100)
    shapes = {v.shape for v in got}
    assert shapes == {(2, 2), (2, 3), (3, 2), (3, 3)}
    assert {v.shape for v in _drawn(scst.signals(4), 20)} == {(4,)}
    assert {v.shape for v in _drawn(scst.signals((1, 2, 3)), 20)} == {(1, 2, 3)}
    assert {v.shape for v in _drawn(scst.signals((1,)), 20)} == {(1,)}


@pytest.mark.parametrize("shape", [(), (0,), (2, -1), (2.5,), [2, 3], "3", (2, 3.0)])
def test_signal_shapes_are_checked(shape):
    scst = _scst()
    with pytest.raises(ValueError) as err:
        _drawn(scst.signals(shape), 1)
    assert str(err.value) == f"shape must be a positive int or a tuple of them, got {shape!r}"


def test_kernels_defaults_and_arguments():
    scst = _scst()
    got = _drawn(scst.kernels())
    assert {v.shape for v in got} == {(1,), (2,), (3,), (4,), (5,)}
    vals = [e for v in got for e in v]
    assert all(isinstance(e, sp.Rational) and abs(e) <= 5 for e in vals) and any(abs(e) > 4 for e in vals)
    assert any(e.q > 1 for e in vals)
    got = _drawn(scst.kernels(2, 3, ndim=2, elements="ints", bound=2), 100)
    assert {v.shape for v in got} == {(2, 2), (2, 3), (3, 2), (3, 3)}
    vals = [e for v in got for e in v.flat]
    assert all(type(e) is int for e in vals) and set(vals) == {-2, -1, 0, 1, 2}
    assert all(v.dtype == np.float64 for v in _drawn(scst.kernels(elements="floats"), 20))


def test_shifts_cover_the_group():
    scst = _scst()
    assert set(_drawn(scst.shifts(4), 100)) == {0, 1, 2, 3}
    assert set(_drawn(scst.shifts((2, 3)), 100)) == {(a, b) for a in range(2) for b in range(3)}


@pytest.mark.parametrize("cfg, x, want", [
    (dict(n=5, kernel=(1, 10), padding="same", mode="zeros"), [1, 2, 3, 4, 5], [21, 32, 43, 54, 5]),  # torch's 'same'
    (dict(n=5, kernel=(1, 10), padding="same", mode="circular"), [1, 2, 3, 4, 5], [21, 32, 43, 54, 15]),
    (dict(n=6, kernel=(1, 10), padding="valid", mode="zeros", stride=2), [1, 2, 3, 4, 5, 6], [21, 43, 65]),
    (dict(n=5, kernel=(1, 10), padding="valid", mode="zeros", dilation=2), [1, 2, 3, 4, 5], [31, 42, 53]),
    (dict(n=3, kernel=(1, 10), padding=1, mode="zeros"), [1, 2, 3], [10, 21, 32, 3]),
])
def test_layer_config_computes_pytorchs_cross_correlation(cfg, x, want):
    scst = _scst()
    layer = scst.LayerConfig(**cfg)
    assert [int(v) for v in layer(np.array(x, dtype=object))] == want
