import numpy as np
import pytest
import sympy as sp

import symconv as sc
from symconv.testing import assert_circulant, assert_shift_equivariant, equivariance_defect


def circ_conv(c):
    return lambda v: np.real(np.fft.ifft(np.fft.fft(v) * np.fft.fft(c)))


def test_float_convolution_passes_every_shift():
    rep = assert_shift_equivariant(circ_conv([1.0, -2.0, 0.5, 0, 0]), 5, x=np.random.default_rng(0).normal(size=5))
    assert rep.commuting_shifts == [0, 1, 2, 3, 4]


def test_exact_symbolic_circulant_passes():
    c = [sp.Rational(1, 3), 2, -1, 0]
    assert_shift_equivariant(lambda v: sc.circulant(c) * v, 4)


def test_zero_padding_conv_fails_with_shift_and_size():
    def zero_pad_conv(v):      # 'same' zero-padded correlation with [1, 1, 1]
        v = list(v)
        p = [0] + v + [0]
        return [p[i] + p[i + 1] + p[i + 2] for i in range(len(v))]
    with pytest.raises(AssertionError, match=r"shift 1 fails at output 0 by .* \(exact\)"):
        assert_shift_equivariant(zero_pad_conv, 4)
    errs = equivariance_defect(zero_pad_conv, 4, x=np.array([1.0, 0, 0, 0]))
    assert set(errs) == {1, 2, 3} and max(errs.values()) == 1.0


def test_roots_of_unity_are_decided_exactly():
    w = sp.exp(2 * sp.pi * sp.I / 3)
    # multiplying by the Fourier mode is not equivariant; F-domain scaling by a constant is
    assert_shift_equivariant(lambda v: (1 + w + w**2 + 2) * v, 3)
    with pytest.raises(AssertionError):
        assert_shift_equivariant(lambda v: sp.Matrix([w**q * v[q] for q in range(3)]), 3)


def test_assert_circulant():
    assert_circulant(sc.circulant(sp.symbols("a b c")))
    assert_circulant(np.array([[1.0, 2.0], [2.0, 1.0 + 1e-12]]), tol=1e-9)
    with pytest.raises(AssertionError, match="not circulant"):
        assert_circulant(sc.circulant([1, 2, 3]) + sp.eye(3) * sp.Matrix([[0, 0, 0], [0, 0, 0], [0, 0, 1]]))


@pytest.mark.parametrize("call, exc, fragment", [
    (lambda: sc.shift_matrix(0), ValueError, "n must be a positive int"),
    (lambda: sc.shift_matrix(2.5), TypeError, "n must be a positive int"),
    (lambda: sc.circular_convolve([1, 2], [1, 2, 3]), ValueError, "same length"),
    (lambda: sc.circulant([]), ValueError, "non-empty"),
    (lambda: assert_circulant([[1, 2, 3], [4, 5, 6]]), ValueError, "square"),
    (lambda: assert_shift_equivariant(lambda v: sum(v), 3), ValueError, "op\\(x\\) must have the input's 1 axes"),
    (lambda: assert_shift_equivariant(lambda v: v, 3, rtol=-1.0, x=[1.0, 2, 3]), ValueError, "rtol must be"),
    (lambda: assert_shift_equivariant(lambda v: v, 3, tol=1e-3, atol=1e-3), ValueError, "cannot be combined"),
    (lambda: sc.shift_table(lambda v: v, (2, 3, 4), axes=(5,)), ValueError, "axes must be"),
    (lambda: assert_shift_equivariant(lambda v: v, 3, x=[1, 2]), ValueError, "x must have length n = 3"),
    (lambda: assert_shift_equivariant("nope", 3), TypeError, "op must be callable"),
    (lambda: sc.symbol_vector("c", -1), ValueError, "n must be a positive int"),
])
def test_bad_inputs(call, exc, fragment):
    with pytest.raises(exc, match=fragment):
        call()


def test_conventions_match_numpy_and_scipy():
    x = np.arange(5.0)
    S = np.array(sc.shift_matrix(5), dtype=float)
    assert np.array_equal(S @ x, np.roll(x, 1))                    # (S x)_i = x_{i-1}
    F = np.array(sc.dft_matrix(4).evalf(), dtype=complex)
    assert np.allclose(F @ np.eye(4), np.fft.fft(np.eye(4), axis=0))  # NumPy's sign
    scipy_linalg = pytest.importorskip("scipy.linalg")
    assert np.array_equal(np.array(sc.circulant([1, 2, 3]), dtype=float), scipy_linalg.circulant([1, 2, 3]))


def test_shift_table_2d_strided_pooling_exact():
    from symconv.objects.layers import correlate2d, max_pool2d
    op = lambda X: max_pool2d(correlate2d(X, [[1, 2], [3, 4]], "same", "circular"), 2)  # noqa: E731
    tab = sc.shift_table(op, (4, 4))
    moved = {r.shift: r.output_shifts for r in tab.rows if r.output_shifts}
    assert moved == {(0, 2): [(0, 1)], (2, 0): [(1, 0)], (2, 2): [(1, 1)]}
    assert tab.invariant_shifts == [] and tab.exact


def test_assert_shift_invariant_global_pool_and_failure():
    from symconv.objects.layers import correlate1d, global_avg_pool, max_pool1d
    sc.assert_shift_invariant(lambda v: global_avg_pool(correlate1d(v, [1, -2, 1], "same", "circular")), (6,))
    with pytest.raises(AssertionError, match=r"shift \(2,\) changes the output; it moves the output by \(1,\)"):
        sc.assert_shift_invariant(lambda v: max_pool1d(v, 2), (4,), shifts=[2])


def test_shift_table_float_defect():
    x = np.random.default_rng(1).normal(size=5)
    tab = sc.shift_table(np.cumsum, (5,), x=x)
    assert tab.equivariant_shifts == [] and all(r.defect > 0 for r in tab.rows)


def test_torch_module_where_installed():
    torch = pytest.importorskip("torch")
    conv = torch.nn.Conv2d(1, 1, 3, padding=1, padding_mode="circular", bias=False).double()
    tab = sc.shift_table(sc.torch_op(conv), (4, 5), x=np.random.default_rng(0).normal(size=(4, 5)))
    assert len(tab.equivariant_shifts) == len(tab.rows) == 19
    zeros = torch.nn.Conv2d(1, 1, 3, padding=1, bias=False).double()
    tab = sc.shift_table(sc.torch_op(zeros), (4, 5), x=np.random.default_rng(0).normal(size=(4, 5)))
    assert tab.equivariant_shifts == []


def test_undecided_comparisons_are_neither_equal_nor_different():
    """c = sin(1)^2 + cos(1)^2 - 1 is 0, but no exact test here can show it: the analyses must say
    'undecided', never 'invariant' and never 'fails'."""
    import sympy as sp
    c = sp.sin(1) ** 2 + sp.cos(1) ** 2 - 1
    table = sc.shift_table(lambda v: np.array([v[0] * c]), (3,))
    assert table.undecided_shifts == [(1,), (2,)] and table.invariant_shifts == []
    with pytest.raises(AssertionError, match="undecided at shifts"):
        sc.assert_shift_invariant(lambda v: np.array([v[0] * c]), (3,))
    rep = sc.engine.equivariance.analyse_shift_equivariance(lambda v: [v[0] * (1 + c), v[1], v[2]], 3)
    assert rep.undecided_shifts == [1, 2] and rep.failing_shifts == [] and not rep.equivariant


def test_shift_table_point_filter_only_refutes():
    """The outputs below agree (all 0) at the rational point the fast filter uses (x_k = k + 2), but differ
    as functions: the exact entry-by-entry decision must still say 'not invariant'."""
    op = lambda v: np.array([(v[0] - 2) * (v[1] - 3) * (v[2] - 4)])  # noqa: E731
    table = sc.shift_table(op, (3,))
    assert table.invariant_shifts == [] and table.undecided_shifts == []
    same = sc.shift_table(lambda v: np.array([v[0] * v[1] * v[2]]), (3,))
    assert same.invariant_shifts == [(1,), (2,)]


def test_shift_table_point_is_shared_by_both_sides():
    """y = [x0] and the shifted output [x2] hold different symbols; the filter must evaluate both at one
    assignment (else 'x0 at its point' and 'x2 at its point' could look equal or different at random)."""
    table = sc.shift_table(lambda v: np.array([v[0] - v[0] ** 2]), (3,))
    assert table.invariant_shifts == []
    same = sc.shift_table(lambda v: np.array([v[0] + v[1] + v[2]]), (3,))
    assert same.invariant_shifts == [(1,), (2,)]
