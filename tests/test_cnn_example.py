"""The README's worked example: a small PyTorch CNN (conv, ReLU, max pool, conv, global average pool).
Which shifts does it commute with, and which does it ignore?  Each answer is stated once exactly (symconv's
exact layers on a generic symbolic signal, n = 8) and once numerically (the real module, float32 and float64).

The answers: the trunk (conv, ReLU, pool with stride 2) commutes with the even shifts k, moving its output by
k/2, and with no odd shift; the whole network ignores exactly the even shifts."""

import numpy as np
import pytest
import sympy as sp

import symconv as sc
from symconv.objects.layers import correlate1d, global_avg_pool, max_pool1d

N = 8
W1 = [[1, -2, 1], [sp.Rational(1, 2), 1, -1]]                 # conv 1 -> 2 channels, kernel 3
B1 = [0, -sp.Rational(1, 2)]
W2 = [[[1, 0, -1], [2, 1, 0]], [[0, 1, 1], [-1, 3, sp.Rational(1, 4)]]]    # conv 2 -> 2 channels
EVEN = [(k,) for k in range(2, N, 2)]


# ---------------------------------------------------------------- the exact twin (symconv.objects.layers)

def exact_trunk(x):
    """(1, n) -> (2, n/2): conv (circular, 'same'), ReLU, max pool 2."""
    feats = [correlate1d(x[0], W1[o], "same", "circular") + B1[o] for o in range(2)]
    return np.array([max_pool1d([sp.Max(v, 0) for v in f], 2) for f in feats], dtype=object)


def exact_net(x):
    """(1, n) -> (2, 1): the trunk, conv 2 (circular, 'same'), global average pool."""
    h = exact_trunk(x)
    out = [sum(correlate1d(h[i], W2[o][i], "same", "circular") for i in range(2)) for o in range(2)]
    return np.array([[global_avg_pool(o)] for o in out], dtype=object)


def test_exact_answers():
    trunk = sc.shift_table(exact_trunk, (1, N), axes=(1,))
    assert trunk.exact and trunk.undecided_shifts == []
    assert {r.shift: r.output_shifts for r in trunk.rows} == {
        (k,): ([(k // 2,)] if k % 2 == 0 else []) for k in range(1, N)}
    net = sc.shift_table(exact_net, (1, N), axes=(1,))
    assert net.exact and net.undecided_shifts == [] and net.invariant_shifts == EVEN
    with pytest.raises(AssertionError, match=r"not shift-invariant on shape \(1, 8\): shift \(1,\) changes the output"):
        sc.assert_shift_invariant(exact_net, (1, N), axes=(1,))


# ---------------------------------------------------------------- the real module

def torch_net(torch, dtype):
    def conv(cin, cout, weights, bias=None):
        c = torch.nn.Conv1d(cin, cout, 3, padding=1, padding_mode="circular", bias=bias is not None)
        with torch.no_grad():
            c.weight.copy_(torch.tensor([[[float(v) for v in k] for k in (w if cin > 1 else [w])] for w in weights]))
            if bias is not None:
                c.bias.copy_(torch.tensor([float(b) for b in bias]))
        return c
    trunk = torch.nn.Sequential(conv(1, 2, W1, B1), torch.nn.ReLU(), torch.nn.MaxPool1d(2))
    net = torch.nn.Sequential(trunk, conv(2, 2, W2), torch.nn.AdaptiveAvgPool1d(1))
    return trunk.to(dtype), net.to(dtype)


@pytest.mark.parametrize("dtype_name", ["float32", "float64"])
def test_numeric_answers_on_the_real_module(dtype_name):
    torch = pytest.importorskip("torch")
    dtype = getattr(torch, dtype_name)
    trunk, net = torch_net(torch, dtype)
    x = np.random.default_rng(0).normal(size=(1, 1, N))
    tab = sc.shift_table(sc.torch_op(trunk), (1, 1, N), x=x)
    assert not tab.exact and tab.tolerance.dtype == dtype_name
    assert {r.shift: r.output_shifts for r in tab.rows} == {
        (k,): ([(k // 2,)] if k % 2 == 0 else []) for k in range(1, N)}
    assert sc.shift_table(sc.torch_op(net), (1, 1, N), x=x).invariant_shifts == EVEN
    sc.assert_shift_invariant(sc.torch_op(net), (1, 1, N), x=x, shifts=EVEN)
    sc.assert_shift_equivariant(sc.torch_op(trunk), (1, 1, N), x=x, shifts=EVEN)
    with pytest.raises(AssertionError, match=r"shift 1 has no corresponding output shift \(op maps spatial shape "
                                             r"\(8,\) to \(4,\); shift table: input shift -> output shift "
                                             r"2 -> 1; 4 -> 2; 6 -> 3"):
        sc.assert_shift_equivariant(sc.torch_op(trunk), (1, 1, N), x=x)


def test_the_exact_twin_is_the_same_function_as_the_module():
    """At a random rational signal the exact network's value and the float64 module's agree."""
    torch = pytest.importorskip("torch")
    _, net = torch_net(torch, torch.float64)
    rng = np.random.default_rng(1)
    xq = [sp.Rational(int(v), 8) for v in rng.integers(-16, 17, size=N)]
    exact = exact_net(np.array([xq], dtype=object))
    got = sc.torch_op(net)(np.array([[[float(v) for v in xq]]]))
    assert np.allclose(np.array(exact, dtype=float).reshape(-1), got.reshape(-1), rtol=1e-12, atol=1e-12)


def test_torch_op_default_float32_module_and_symbolic_input():
    torch = pytest.importorskip("torch")
    conv = torch.nn.Conv1d(1, 1, 3, padding=1, padding_mode="circular")       # float32, as PyTorch makes it
    x = np.random.default_rng(2).normal(size=16)
    rep = sc.assert_shift_equivariant(sc.torch_op(conv), 16, x=x)
    assert rep.tolerance.dtype == "float32" and rep.commuting_shifts == list(range(16))
    assert sc.torch_op(conv)(x).dtype == np.float32
    with pytest.raises(TypeError, match=r"x holds SymPy symbols \(x_0, x_1, x_2, ...\): pass a float signal, e\.g\. "
                                        r"x=np\.random\.default_rng\(0\)\.normal\(size=\(16,\)\)"):
        sc.assert_shift_equivariant(sc.torch_op(conv), 16)
    zeros = torch.nn.Conv1d(1, 1, 3, padding=1)                  # zero padding: not equivariant, in float32 too
    with pytest.raises(AssertionError, match="not shift-equivariant at n=16: shift 1 fails"):
        sc.assert_shift_equivariant(sc.torch_op(zeros), 16, x=x)
    assert sc.torch_op(lambda t: 2 * t, dtype=torch.float32)(x).dtype == np.float32
