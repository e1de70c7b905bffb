"""The exact check that every orbital basis matrix commutes (verify.groups._basis_commutes) reads the
permutations off the generators' matrices; it agrees with the matrix products M P_in = P_out M, basis
matrix by basis matrix, on correct bases and on bases with one label changed."""

import numpy as np
import pytest

from symconv.objects.groups import dihedral_action, p4_action, regular_action, symmetric_action, symmetric_pairs_action
from symconv.objects.orbit_basis import EquivariantBasis, equivariant_basis
from symconv.verify.groups import _basis_commutes, _permutation_of


def _by_products(B):
    for k in range(len(B.action_in.generators)):
        Pi, Po = B.action_in.matrix(k), B.action_out.matrix(k)
        for b in range(B.dim):
            M = B.matrix(b)
            if not np.array_equal(M @ Pi, Po @ M):
                return b, k
    return None


PAIRS = [(dihedral_action(5), dihedral_action(5)), (p4_action(3), p4_action(3)),
         (symmetric_action(4), symmetric_pairs_action(4)),
         (regular_action(dihedral_action(3)), regular_action(dihedral_action(3)))]


@pytest.mark.parametrize("a_in,a_out", PAIRS, ids=lambda a: a.name)
def test_agrees_with_the_matrix_products(a_in, a_out):
    B = equivariant_basis(a_in, a_out)
    assert _basis_commutes(B) is None and _by_products(B) is None
    rng = np.random.default_rng(1)
    for _ in range(25):
        broken = B.labels.copy()
        y, x = rng.integers(broken.shape[0]), rng.integers(broken.shape[1])
        broken[y, x] = (broken[y, x] + 1 + rng.integers(max(B.dim - 1, 1))) % B.dim
        C = EquivariantBasis(a_in, a_out, broken)
        got, want = _basis_commutes(C), _by_products(C)
        assert got == want
        assert B.dim == 1 or got is not None          # one pair moved to another orbit never commutes


def test_permutation_of_refuses_what_is_not_a_permutation_matrix():
    assert list(_permutation_of(np.array([[0, 1], [1, 0]]))) == [1, 0]
    assert _permutation_of(np.array([[1, 1], [0, 0]])) is None        # a column with two 1s
    assert _permutation_of(np.array([[2, 0], [0, 1]])) is None        # not 0/1
    assert _permutation_of(np.eye(2, 3, dtype=int)) is None           # not square


def test_a_generator_matrix_that_is_no_permutation_is_an_error_not_a_counterexample():
    """The shortcut reads permutations off the matrices; a broken matrix must not become a false 'does not
    commute' (a refutation of a true statement): it raises, and the exact check is undecided."""
    a = dihedral_action(4)
    B = equivariant_basis(a, a)

    class Broken:
        generators = a.generators

        @staticmethod
        def matrix(k):
            M = a.matrix(k).copy()
            M[0, :] = 1
            return M
    C = EquivariantBasis(Broken, a, B.labels)
    with pytest.raises(ValueError, match="not a permutation matrix"):
        _basis_commutes(C)
