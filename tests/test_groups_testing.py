"""assert_equivariant / equivariance_error for any finite group action: exact for symbolic input,
within a tolerance for floats, on PyTorch modules; non-equivariant maps claimed equivariant fail."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

import symconv as sc
from symconv.group_testing import assert_equivariant, equivariance_error
from symconv.objects.groups import (cyclic_action, dihedral_action, p4_action, p4m_action, symmetric_action,
                                    symmetric_pairs_action, with_channels)


def circ_conv(kernel):
    """v -> sum_k kernel[k] S^k v on Z_n (object-safe: works for SymPy entries)."""
    return lambda v: sum(c * np.roll(v, k) for k, c in enumerate(kernel))


def conv2(kernel3):
    """The 2-D circular cross-correlation with a 3x3 kernel (what a 'circular' conv layer computes)."""
    return lambda im: sum(kernel3[a][b] * np.roll(np.roll(im, 1 - a, axis=0), 1 - b, axis=1)
                          for a in range(3) for b in range(3))


def test_symmetric_kernel_is_dihedral_equivariant_exactly():
    rep = assert_equivariant(circ_conv([2, 1, 0, 0, 0, 1]), dihedral_action(6))
    assert rep.exact and rep.equivariant and rep.errors == {"shift": 0.0, "reflection": 0.0}


def test_an_asymmetric_kernel_fails_the_reflection_only():
    rep = equivariance_error(circ_conv([2, 1]), dihedral_action(6))
    assert rep.failing == ["reflection"]
    with pytest.raises(AssertionError, match="generator reflection fails at output"):
        assert_equivariant(circ_conv([2, 1]), dihedral_action(6))


def test_p4_rotation_invariant_kernel_passes_and_a_plain_kernel_fails():
    k_sym = [[1, 2, 1], [2, 5, 2], [1, 2, 1]]
    assert assert_equivariant(conv2(k_sym), p4_action(4)).equivariant
    sobel = [[1, 0, -1], [2, 0, -2], [1, 0, -1]]
    rep = equivariance_error(conv2(sobel), p4_action(4))
    assert rep.failing == ["rotation"]                         # translations pass, the rotation does not
    corner = [[0, 0, 1], [0, 0, 0], [0, 0, 0]]                 # rotation of the kernel gives another: p4 only
    assert equivariance_error(conv2([[1, 0, 1], [0, 1, 0], [1, 0, 1]]), p4m_action(4)).equivariant
    assert equivariance_error(conv2(corner), p4_action(4)).failing == ["rotation"]


def test_deepsets_layer_passes_and_a_layer_that_favours_element_0_fails():
    deepsets = lambda v: 3 * v + 2 * sum(v)
    assert assert_equivariant(deepsets, symmetric_action(5)).equivariant
    with pytest.raises(AssertionError, match="not equivariant to S_5"):
        assert_equivariant(lambda v: v + v[0], symmetric_action(5))


def test_pairs_layer_transpose_and_row_sums():
    layer = lambda X: 2 * X + X.T + X.sum(axis=1)[:, None] + np.trace(X)     # in the 15-dimensional space
    assert assert_equivariant(layer, symmetric_pairs_action(4)).equivariant
    assert equivariance_error(lambda X: X[::-1], symmetric_pairs_action(4)).failing


def test_set_to_pairs_with_action_out():
    outer = lambda v: np.outer(v, v)[:, :] * 0 + v[:, None] + 2 * v[None, :]
    assert assert_equivariant(outer, symmetric_action(3), action_out=symmetric_pairs_action(3)).equivariant


def test_channels_mixing_with_circular_kernels():
    A_in, A_out = with_channels(cyclic_action(5), 2), with_channels(cyclic_action(5), 3)

    def layer(x):                                              # x: (2, 5) -> (3, 5), one kernel per channel pair
        return np.array([sum(circ_conv([a + b, 1, a])(x[b]) for b in range(2)) for a in range(3)])
    assert assert_equivariant(layer, A_in, action_out=A_out).equivariant
    broken = lambda x: np.array([x[0], x[1], np.roll(x[0], 1) * 0 + x[0][0]])
    assert equivariance_error(broken, A_in, action_out=A_out).failing == ["shift"]


def test_undecided_is_never_a_pass():
    tricky = lambda v: v * (sp.sin(1) ** 2 + sp.cos(1) ** 2)           # equal to v, but not by expansion
    with pytest.raises(AssertionError, match="undecided"):
        assert_equivariant(lambda v: v[::-1] * (sp.sin(1) ** 2 + sp.cos(1) ** 2 - 1), cyclic_action(3))
    rep = equivariance_error(tricky, cyclic_action(3))
    assert rep.equivariant                                            # exactly: both sides are the same expression


def test_float_input_with_tolerance_and_all_elements():
    x = np.random.default_rng(0).standard_normal(6)
    noisy = lambda v: circ_conv([1.0, 0.5, 0, 0, 0, 0.5])(v) * (1 + 1e-13)
    rep = assert_equivariant(noisy, dihedral_action(6), x=x)
    assert not rep.exact and rep.equivariant
    full = equivariance_error(noisy, dihedral_action(6), x=x, all_elements=True)
    assert len(full.defects) == 12 and full.equivariant
    with pytest.raises(AssertionError, match=r"> \S+ \(rtol 1.49e-08 \+ atol 2.23e-308 \(float64\) times max\|output\|"):
        assert_equivariant(circ_conv([1.0, 0.5]), dihedral_action(6), x=x)


def test_generators_at_one_float_signal_are_not_the_whole_group():
    """At a fixed float x, op(g x) = g op(x) for the generators does not give it for every element:
    ``all_elements`` checks them all, so a map equivariant at x only for the generators is caught."""
    n = 4
    x = np.zeros(n)
    x[0] = 1.0

    def op(v):                                                # identity on x and its first shift, 0 elsewhere
        return v if tuple(v) in {tuple(x), tuple(np.roll(x, 1))} else 0 * v
    assert equivariance_error(op, cyclic_action(n), x=x).equivariant
    assert not equivariance_error(op, cyclic_action(n), x=x, all_elements=True).equivariant


@pytest.mark.parametrize("call,exc,word", [
    (lambda: equivariance_error(np.cumsum, "Z_3"), TypeError, "action"),
    (lambda: equivariance_error(np.cumsum, cyclic_action(3), action_out=dihedral_action(3)), ValueError, "action_out"),
    (lambda: equivariance_error(42, cyclic_action(3)), TypeError, "op"),
    (lambda: equivariance_error(np.cumsum, cyclic_action(3), x=[1, 2]), ValueError, "x"),
    (lambda: equivariance_error(lambda v: v[:2], cyclic_action(3)), ValueError, "output"),
])
def test_bad_input(call, exc, word):
    with pytest.raises(exc, match=word):
        call()


def test_exports():
    assert sc.assert_equivariant is assert_equivariant and sc.equivariance_error is equivariance_error
    assert sc.equivariant_basis(sc.p4_action(3)).dim == 3


# ---------------------------------------------------------------- PyTorch (skipped where torch is absent)

def _rot_invariant(w):
    return sum(np.rot90(w, r) for r in range(4))


def test_torch_rot90_equivariant_layer_and_a_plain_conv():
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(3)
    n = 6
    x = rng.standard_normal((n, n))
    conv = torch.nn.Conv2d(1, 1, 3, padding=1, padding_mode="circular", bias=True).double()
    with torch.no_grad():
        conv.weight[0, 0] = torch.as_tensor(_rot_invariant(rng.standard_normal((3, 3))))
    assert assert_equivariant(conv, p4_action(n), x=x, tol=1e-12).equivariant
    assert equivariance_error(conv, p4_action(n), x=x, tol=1e-12, all_elements=True).equivariant   # all 144
    plain = torch.nn.Conv2d(1, 1, 3, padding=1, padding_mode="circular").double()
    rep = equivariance_error(plain, p4_action(n), x=x, tol=1e-9)
    assert rep.failing == ["rotation"]                        # a plain conv layer is translation-equivariant only
    with pytest.raises(AssertionError, match="generator rotation fails"):
        assert_equivariant(plain, p4_action(n), x=x)


def test_torch_channels():
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(4)
    n = 5
    conv = torch.nn.Conv2d(2, 3, 3, padding=1, padding_mode="circular", bias=False).double()
    with torch.no_grad():
        for o in range(3):
            for i in range(2):
                conv.weight[o, i] = torch.as_tensor(_rot_invariant(rng.standard_normal((3, 3))))
    A_in, A_out = with_channels(p4_action(n), 2), with_channels(p4_action(n), 3)
    x = rng.standard_normal((2, n, n))
    assert assert_equivariant(conv, A_in, x=x, action_out=A_out, tol=1e-12).equivariant
    zero_pad = torch.nn.Conv2d(2, 3, 3, padding=1, bias=False).double()      # zero padding breaks translations
    with torch.no_grad():
        zero_pad.weight.copy_(conv.weight)
    assert "row shift" in equivariance_error(zero_pad, A_in, x=x, action_out=A_out).failing
