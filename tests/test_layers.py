"""Layers against NumPy, SciPy and (where installed) PyTorch: conventions, shapes, errors."""

import numpy as np
import pytest
import sympy as sp

from symconv.objects.layers import (avg_pool2d, conv2d_layer, convolve1d, convolve2d, correlate1d, correlate2d,
                                    max_pool2d, output_size, pad)

signal = pytest.importorskip("scipy.signal")
RNG = np.random.default_rng(3)


@pytest.mark.parametrize("n, k", [(5, 1), (5, 2), (6, 3), (7, 4), (4, 4)])
@pytest.mark.parametrize("mode", ["full", "same", "valid"])
def test_numpy_and_scipy_conventions(n, k, mode):
    x, w = RNG.integers(-5, 6, n), RNG.integers(-3, 4, k)
    assert convolve1d(x, w, mode).astype(int).tolist() == np.convolve(x, w, mode).tolist()
    assert correlate1d(x, w, "valid").astype(int).tolist() == np.correlate(x, w, "valid").tolist()
    X, W = RNG.integers(-5, 6, (n, n + 1)), RNG.integers(-3, 4, (k, max(1, k - 1)))
    assert convolve2d(X, W, mode).astype(int).tolist() == signal.convolve2d(X, W, mode).tolist()
    assert correlate2d(X, W, mode).astype(int).tolist() == signal.correlate2d(X, W, mode).tolist()


def test_circular_padding_is_scipy_wrap():
    X, W = RNG.integers(-5, 6, (6, 5)), RNG.integers(-3, 4, (3, 3))
    ours = convolve2d(X, W, "same", mode="circular").astype(int)
    assert ours.tolist() == signal.convolve2d(X, W, "same", boundary="wrap").tolist()


def test_padding_modes_are_numpy_modes():
    x = [1, 2, 3, 4]
    assert pad(x, 2, mode="reflect").tolist() == np.pad(x, 2, "reflect").tolist()
    assert pad(x, 2, mode="replicate").tolist() == np.pad(x, 2, "edge").tolist()
    assert pad(x, 2, mode="circular").tolist() == np.pad(x, 2, "wrap").tolist()
    assert pad(x, (1,), (2,)).tolist() == [0, 1, 2, 3, 4, 0, 0]


def test_slides_pytorch_conv2d_examples():
    """Slides 001, 'Convolutions in PyTorch': F.conv2d(f, h) and with padding=1 (h = ones 3x3)."""
    f = [[1, 1, 1, 0, 0], [0, 0, 0, 0, 0], [0, 0, 1, 0, 0], [0, 0, 0, 1, 0], [0, 0, 1, 0, 0]]
    h = np.ones((3, 3), dtype=int)
    assert correlate2d(f, h).tolist() == [[4, 3, 2], [1, 2, 2], [2, 3, 3]]
    assert correlate2d(f, h, padding=1).tolist() == [[2, 3, 2, 1, 0], [2, 4, 3, 2, 0], [0, 1, 2, 2, 1],
                                                     [0, 2, 3, 3, 1], [0, 1, 2, 2, 1]]


def test_channels_and_bias_exact():
    a, b = sp.symbols("a b")
    x = np.array([[[1, 2], [3, 4]], [[0, 1], [1, 0]]], dtype=object)          # 2 input channels
    w = np.array([[[[a]], [[b]]]], dtype=object)                                # 1 output channel, 1x1
    y = conv2d_layer(x, w, bias=[5])
    assert y.shape == (1, 2, 2) and sp.expand(y[0, 0, 1] - (2 * a + b + 5)) == 0


def test_pooling_and_rationals():
    X = [[3, 5, 3, 17, 19, 15], [4, 5, 7, 18, 19, 14], [3, 7, 1, 16, 29, 1],
         [1, 1, 2, 5, 3, 1], [2, 2, 3, 13, 5, 3], [2, 3, 2, 15, 4, 4]]
    assert max_pool2d(X, 3).tolist() == [[7, 29], [3, 15]]
    assert avg_pool2d(X, 3).tolist() == [[sp.Rational(38, 9), sp.Rational(148, 9)], [2, sp.Rational(53, 9)]]


@pytest.mark.parametrize("call, exc, fragment", [
    (lambda: correlate1d([1, 2], [1, 2, 3], 0), ValueError, "larger than the padded input"),   # int padding: PyTorch
    (lambda: correlate1d([1, 2, 3], [1], stride=0), ValueError, "stride must be a positive int"),
    (lambda: correlate1d([1, 2, 3], [1], padding=-1), ValueError, "padding must be an int >= 0"),
    (lambda: correlate1d([1, 2, 3], [1], padding="half"), ValueError, "'valid', 'same' or 'full'"),
    (lambda: pad([1, 2], 1, mode="mirror"), ValueError, "mode must be one of"),
    (lambda: pad([1, 2], 2, mode="reflect"), ValueError, "smaller than the signal"),
    (lambda: conv2d_layer(np.zeros((2, 3, 3)), np.zeros((1, 3, 1, 1))), ValueError, "expects 3 input channels"),
    (lambda: correlate2d([1, 2, 3], [[1]]), ValueError, "x must be 2-D"),
    (lambda: output_size(5, 3, stride=0), ValueError, "stride must be a positive int"),
])
def test_bad_parameters(call, exc, fragment):
    with pytest.raises(exc, match=fragment):
        call()


def test_against_pytorch_where_installed():
    torch = pytest.importorskip("torch")
    F = torch.nn.functional
    x, w = RNG.standard_normal((1, 1, 7, 6)), RNG.standard_normal((1, 1, 3, 2))
    for padding, mode in [(0, "zeros"), (1, "zeros"), (1, "circular"), (1, "reflect"), (1, "replicate")]:
        tx = torch.tensor(x)
        if mode != "zeros" and padding:
            tx = F.pad(tx, (padding,) * 4, mode=mode)
            ref = F.conv2d(tx, torch.tensor(w)).numpy()[0, 0]
        else:
            ref = F.conv2d(tx, torch.tensor(w), padding=padding).numpy()[0, 0]
        ours = correlate2d(x[0, 0], w[0, 0], padding, mode).astype(float)
        assert np.allclose(ours, ref)
    ref = F.conv2d(torch.tensor(x), torch.tensor(w), padding="same").numpy()[0, 0]
    assert np.allclose(correlate2d(x[0, 0], w[0, 0], "same").astype(float), ref)


@pytest.mark.parametrize("s", [1, 2, 3])
def test_tensorflow_same_with_strides_gives_ceil(s):
    for n in range(1, 12):
        for k in (1, 2, 3, 4):
            y = correlate1d(list(range(n)), [1] * k, "same", stride=s, same_convention="torch")
            assert len(y) == -(-n // s), (n, k, s)


def test_deep_learning_conv_is_cross_correlation_where_torch_installed():
    """Seed 003 / issue 5: what PyTorch's conv1d computes is the cross-correlation sum_t w[t] x[i + t]
    (np.correlate), not the convolution (np.convolve flips the kernel), with exact integer data."""
    torch = pytest.importorskip("torch")
    x = np.array([3., 1., 4., 1., 5., 9., 2., 6.])
    w = np.array([1., 2., 0., -1.])                      # asymmetric: flipping changes the result
    torch_out = torch.nn.functional.conv1d(torch.tensor(x)[None, None], torch.tensor(w)[None, None])[0, 0].numpy()
    assert np.array_equal(torch_out, np.correlate(x, w, "valid"))
    assert np.array_equal(torch_out, correlate1d(x, w).astype(float))
    assert not np.array_equal(torch_out, np.convolve(x, w, "valid"))
    assert np.array_equal(torch_out, np.convolve(x, w[::-1], "valid"))


def test_unevaluated_max_of_a_window_is_the_evaluated_max():
    """max_pool's shortcut (an unevaluated Max for distinct symbols of unknown sign) builds exactly
    SymPy's evaluated Max; windows where SymPy can drop an argument keep the evaluated form."""
    import itertools

    from symconv.objects.pooling import _max
    plain = sp.symbols("a0:4")
    real = sp.symbols("r0:3", real=True)
    pos, neg = sp.Symbol("p", positive=True), sp.Symbol("q", negative=True)
    nonneg = sp.Symbol("z", nonnegative=True)
    pool = list(plain) + list(real) + [pos, neg, nonneg, plain[0] + 1, sp.Integer(3)]
    windows = list(itertools.permutations(pool, 2)) + [w[::-1] for w in itertools.combinations(pool, 3)]
    for window in windows:
        assert _max(list(window)) == sp.Max(*window), window
    assert _max([pos, neg]) == pos and _max([plain[0], plain[0]]) == plain[0]
