"""symconv's layers against NumPy, SciPy and PyTorch where they used to disagree (issue 11), the new
operators (N-D, complex, fillvalue, 'symm', convolution_matrix, batched circulant) against their
peers, and the speed of the exact path (no quadratic re-scan)."""

import itertools
import time

import numpy as np
import pytest
import sympy as sp

from symconv.objects import signal_nd as S
from symconv.objects.circulant import circulant_array
from symconv.objects.layers import convolve1d, convolve2d, correlate1d, correlate2d
from symconv.objects.toeplitz import convolution_matrix, is_toeplitz, toeplitz, toeplitz_kernel

signal = pytest.importorskip("scipy.signal")
RNG = np.random.default_rng(11)


def test_the_issues_disagreements_are_gone():
    assert convolve1d([1, 2], [1, 10, 100], "valid").tolist() == [12, 120] == np.convolve([1, 2], [1, 10, 100],
                                                                                        "valid").tolist()
    assert convolve1d([1, 2], [1, 10, 100], "same").tolist() == [1, 12, 120]
    assert correlate1d([1, 2, 3], [4, 5], "same").tolist() == [5, 14, 23]
    assert correlate1d([1, 2, 3], [4, 5], "same", same_convention="torch").tolist() == [14, 23, 12]
    assert convolve2d([[1, 2]], [[1, 10, 100]], "valid").tolist() == [[12, 120]]


@pytest.mark.parametrize("fn, ref", [(convolve1d, np.convolve), (correlate1d, np.correlate)])
def test_1d_matches_numpy_exactly_for_every_size_and_mode(fn, ref):
    for n, k in itertools.product(range(1, 7), repeat=2):
        x, w = RNG.integers(-9, 10, n), RNG.integers(-9, 10, k)
        for mode in ("full", "same", "valid"):
            assert fn(x, w, mode).tolist() == ref(x, w, mode).tolist(), (n, k, mode)


@pytest.mark.parametrize("fn, ref", [(convolve2d, signal.convolve2d), (correlate2d, signal.correlate2d)])
def test_2d_matches_scipy_exactly_for_every_mode_and_boundary(fn, ref):
    for (h, w), (kh, kw) in itertools.product([(1, 1), (2, 3), (4, 4), (3, 5)], [(1, 1), (2, 2), (3, 2), (5, 6)]):
        x, k = RNG.integers(-9, 10, (h, w)), RNG.integers(-9, 10, (kh, kw))
        for mode, boundary, fill in itertools.product(("full", "same", "valid"), ("fill", "wrap", "symm"), (0, 3)):
            ours_mode = {"fill": "zeros", "wrap": "circular", "symm": "symmetric"}[boundary]
            try:
                want = ref(x, k, mode, boundary, fill).tolist()
            except ValueError:
                with pytest.raises(ValueError):
                    fn(x, k, mode, ours_mode, fillvalue=fill)
                continue
            assert fn(x, k, mode, ours_mode, fillvalue=fill).tolist() == want, (x.shape, k.shape, mode, boundary)


@pytest.mark.parametrize("fn", [convolve2d, correlate2d])
@pytest.mark.parametrize("boundary, mode, expected", [("symm", "symmetric", [37, 42, 44, 45]),
                                                      ("wrap", "circular", [43, 44, 42, 39])])
def test_same_with_a_kernel_longer_than_the_image(fn, boundary, mode, expected):
    """SciPy's test_same_with_boundary (gh-8684), which the peer adapter cannot reach."""
    assert fn([[2, -1, 3, 4]], np.ones((1, 21), dtype=int), "same", mode).tolist() == [expected]


def test_nd_convolve_and_correlate_match_scipy_in_three_dimensions():
    for _ in range(5):
        a = RNG.integers(-5, 6, tuple(RNG.integers(1, 5, 3)))
        b = RNG.integers(-5, 6, tuple(RNG.integers(1, 5, 3)))
        for mode in ("full", "same", "valid"):
            for ours, theirs in ((S.convolve, signal.convolve), (S.correlate, signal.correlate)):
                try:
                    want = theirs(a, b, mode, method="direct")
                except ValueError:
                    with pytest.raises(ValueError):
                        ours(a, b, mode)
                    continue
                assert ours(a, b, mode).tolist() == want.tolist()


def test_complex_inputs_exact_and_float():
    x, w = [1 + 1j, 2 - 1j, 3j], [2 - 3j, 1j]
    assert np.allclose(correlate1d(x, w, "full").astype(complex), np.correlate(x, w, "full"))
    assert np.allclose(convolve1d(x, w, "same").astype(complex), np.convolve(x, w, "same"))
    I = sp.I
    xs, ws = [1 + I, 2 - I, 3 * I], [2 - 3 * I, I]
    exact = [sp.expand(v) for v in correlate1d(xs, ws, "full")]
    assert np.allclose(np.array([complex(v) for v in exact]), np.correlate(x, w, "full"))
    assert [sp.expand(v) for v in correlate1d(xs, ws, "full", conjugate=False)] != exact


def test_a_complex_symbolic_kernel_needs_an_explicit_conjugate():
    w0 = sp.Symbol("w0")
    with pytest.raises(ValueError, match="conjugate=True"):
        correlate1d([1, 2], [sp.I * w0])
    assert correlate1d([1, 2], [sp.I * w0], conjugate=True).tolist() == [sp.conjugate(sp.I * w0),
                                                                        2 * sp.conjugate(sp.I * w0)]
    assert correlate1d([1, 2], [w0]).tolist() == [w0, 2 * w0]      # a plain symbol stands for a real weight


def test_error_types_match_numpy():
    with pytest.raises(TypeError):
        correlate1d([1.0, 2.0], [1.0], None)
    with pytest.raises(ValueError):
        correlate1d([1.0, 2.0], [1.0], "v")
    with pytest.raises(ValueError, match="x cannot be empty"):
        convolve1d([], [1, 2])
    with pytest.raises(ValueError, match="w cannot be empty"):
        convolve1d([1, 2], [])
    with pytest.raises(ValueError, match="fillvalue"):
        convolve2d([[1]], [[1, 2]], "full", fillvalue=[1, 2])


def test_torch_convention_is_pytorchs_same_where_installed():
    torch = pytest.importorskip("torch")
    F = torch.nn.functional
    for n, k in itertools.product(range(3, 8), range(1, 5)):
        x, w = RNG.standard_normal(n), RNG.standard_normal(k)
        ref = F.conv1d(torch.tensor(x)[None, None], torch.tensor(w)[None, None], padding="same")[0, 0].numpy()
        assert np.allclose(correlate1d(x, w, "same", same_convention="torch"), ref)


def test_convolution_matrix_is_scipys_and_convolves():
    linalg = pytest.importorskip("scipy.linalg")
    for m, n in itertools.product(range(1, 6), repeat=2):
        a = RNG.integers(-9, 10, m)
        for mode in ("full", "same", "valid"):
            C = convolution_matrix(a, n, mode)
            assert C.tolist() == linalg.convolution_matrix(a, n, mode).tolist()
            v = RNG.integers(-9, 10, n)
            assert (C @ v).tolist() == np.convolve(v, a, mode).tolist()
    x = sp.symbols("x0:4")
    a = sp.symbols("a0:3")
    full = convolution_matrix(a, 4, "full").dot(np.array(x, dtype=object))
    assert all(sp.expand(u - v) == 0 for u, v in zip(full, S.convolve(a, x)))


def test_toeplitz_iff_a_valid_convolution_matrix():
    M = toeplitz([1, 2, 3], [1, 4, 5, 6])
    assert is_toeplitz(M) is True
    assert convolution_matrix(toeplitz_kernel(M), 4, "valid").tolist() == M.tolist()
    M[2, 3] = 7
    assert is_toeplitz(M) is False
    assert convolution_matrix(toeplitz_kernel(M), 4, "valid").tolist() != M.tolist()


def test_batched_circulant_is_scipys():
    linalg = pytest.importorskip("scipy.linalg")
    c = RNG.integers(-9, 10, (2, 3, 5))
    assert circulant_array(c).tolist() == linalg.circulant(c).tolist()


def _cpu(f, reps=3):
    best = float("inf")
    for _ in range(reps):
        t = time.process_time()
        f()
        best = min(best, time.process_time() - t)
    return best


@pytest.mark.parametrize("kwargs", [{}, {"stride": 2}, {"padding": "same", "mode": "circular"}])
def test_exact_correlation_is_linear_in_the_signal_length(kwargs):
    """Issue 11: correlate1d re-scanned every entry for each output (22 ms at n = 500, 1,242 ms at
    n = 4,000 for k = 3).  Now 8 times the signal costs about 8 times the time (quadratic: 64)."""
    small, large = list(range(1000)), list(range(8000))
    t_small = _cpu(lambda: correlate1d(small, [1, 2, 3], **kwargs))
    t_large = _cpu(lambda: correlate1d(large, [1, 2, 3], **kwargs))
    assert t_large < 24 * max(t_small, 1e-3), (t_small, t_large)


def test_a_zero_fill_is_zero_whatever_its_type_and_a_nonzero_fill_never_changes_the_same_length():
    """'same' with a kernel longer than the signal has NumPy's length max(n, k): SymPy's 0 is the zero fill
    too, and a non-zero fill (which would give another length) is refused with the reason."""
    import sympy as sp
    from symconv.objects.layers import convolve1d, correlate1d
    want = list(np.correlate([1, 2], [1, 10, 100], "same"))
    for zero in (0, 0.0, np.int64(0), sp.Integer(0), sp.Float(0)):
        assert list(correlate1d([1, 2], [1, 10, 100], "same", fillvalue=zero)) == want
    assert list(convolve1d([1, 2], [1, 10, 100], "same", fillvalue=sp.Integer(0))) == \
        list(np.convolve([1, 2], [1, 10, 100], "same"))
    for c in (1, sp.Symbol("c"), 1e-300):
        with pytest.raises(ValueError, match="fillvalue"):
            correlate1d([1, 2], [1, 10, 100], "same", fillvalue=c)
    assert len(correlate1d([1, 2, 3], [1, 10], "same", fillvalue=5)) == 3     # kernel not longer: fine
