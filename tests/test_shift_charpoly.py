"""shift_charpoly is structural: S is read from the matrix shift_matrix builds, det(xI - P) is the product of
x^L - 1 over the cycles of its permutation (a lemma, cross-checked here against SymPy's generic charpoly),
and squarefreeness is gcd(p, p') = 1 exactly.  It works at n = 4096, where SymPy's charpoly recursed too deep."""

import itertools
import random

import pytest
import sympy as sp

import symconv as sc
from symconv.verify import shift as vs

X = sp.Symbol("x")


def _perm_matrix(perm):
    n = len(perm)
    return sp.Matrix(n, n, lambda i, j: 1 if perm[j] == i else 0)


@pytest.mark.parametrize("n", [1, 2, 3, 4])
def test_lemma_matches_sympy_charpoly_for_every_permutation(n):
    for perm in itertools.permutations(range(n)):
        M = _perm_matrix(list(perm))
        p, lengths = vs.permutation_charpoly(M, X)
        assert sorted(lengths) == sorted(len(c) for c in sp.combinatorics.Permutation(list(perm)).full_cyclic_form)
        assert p == sp.Poly(M.charpoly(X).as_expr(), X, domain="ZZ"), perm


def test_lemma_matches_sympy_charpoly_for_random_non_cyclic_permutations():
    rng = random.Random(13)
    seen_non_cyclic = 0
    for _ in range(12):
        n = rng.randint(5, 9)
        perm = list(range(n))
        rng.shuffle(perm)
        M = _perm_matrix(perm)
        p, lengths = vs.permutation_charpoly(M, X)
        seen_non_cyclic += len(lengths) > 1
        assert sum(lengths) == n
        assert p == sp.Poly(M.charpoly(X).as_expr(), X, domain="ZZ"), perm
    assert seen_non_cyclic >= 3


def test_cycle_type_product_examples():
    p, lengths = vs.permutation_charpoly(sp.eye(5), X)          # five fixed points
    assert lengths == [1] * 5 and p == sp.Poly((X - 1) ** 5, X)
    p, lengths = vs.permutation_charpoly(_perm_matrix([1, 0, 3, 4, 2]), X)
    assert lengths == [2, 3] and p == sp.Poly((X**2 - 1) * (X**3 - 1), X)


@pytest.mark.parametrize("M, match", [
    (sp.Matrix([[0, 2], [1, 0]]), r"M\[0,1\] = 2"),
    (sp.Matrix([[0, sp.Symbol("a")], [1, 0]]), r"M\[0,1\] = a"),
    (sp.Matrix([[0, sp.Float(1.0)], [1, 0]]), r"M\[0,1\] = 1.0"),
    (sp.Matrix([[1, 1], [0, 0]]), "row 0 of M has more than one 1"),
    (sp.Matrix([[1, 0], [1, 0]]), "column 0 of M has more than one 1"),
    (sp.Matrix([[1, 0], [0, 0]]), "column 1 of M has no 1"),
    (sp.Matrix([[0, 1, 0], [1, 0, 0]]), "square"),
])
def test_non_permutation_matrices_are_refused(M, match):
    with pytest.raises(ValueError, match=match):
        vs.permutation_of_matrix(M)
    with pytest.raises(TypeError, match="M must be a SymPy matrix"):
        vs.permutation_of_matrix([[1]])


def test_shift_matrix_is_the_rule_it_states():
    for n in range(1, 9):
        for k in (-1, 0, 1, 2, n + 1):
            S = sc.shift_matrix(n, k)
            assert S == sp.Matrix(n, n, lambda i, j: 1 if i == (j + k) % n else 0)
            assert vs.permutation_of_matrix(S) == sc.objects.shift_permutation(n, k)
            # todok lists every non-zero entry: the sparse reading agrees with a full dense scan
            assert S.todok() == {(i, j): S[i, j] for i in range(n) for j in range(n) if S[i, j] != 0}


@pytest.mark.parametrize("n", [1, 2, 3, 6, 12])
def test_shift_charpoly_agrees_with_sympy_at_small_n(n):
    out = vs.shift_charpoly(n)
    assert isinstance(out, sc.Holds) and "one cycle of length" in out.detail
    assert sp.expand(sc.shift_matrix(n).charpoly(X).as_expr() - (X**n - 1)) == 0


@pytest.mark.parametrize("n", [1, 2, 7, 64])
def test_false_constants_are_refuted(n):
    for constant in (1, 0, -2):
        out = vs.shift_charpoly(n, constant=constant)
        assert isinstance(out, sc.Counterexample), (n, constant)
        assert out.description.startswith(f"det(xI - S) = {X**n - 1}, not {X**n + constant}"), out


def test_shift_charpoly_at_4096():
    out = vs.shift_charpoly(4096)
    assert isinstance(out, sc.Holds) and "x**4096 - 1 exactly" in out.detail and "length 4096" in out.detail
    out = vs.shift_charpoly(4096, constant=+1)
    assert isinstance(out, sc.Counterexample) and out.description.startswith("det(xI - S) = x**4096 - 1, not x**4096 + 1")


def test_the_check_reads_the_matrix_actually_built(monkeypatch):
    """shift_matrix replaced by a non-cyclic permutation matrix: det = (x^2 - 1)(x - 1), refuted; by a
    matrix that is not a permutation matrix: the lemma does not apply, so no verdict (an exception)."""
    monkeypatch.setattr(vs, "shift_matrix", lambda n: _perm_matrix([1, 0, 2]))
    out = vs.shift_charpoly(3)
    assert isinstance(out, sc.Counterexample) and "cycles of lengths [2, 1]" in out.description
    monkeypatch.setattr(vs, "shift_matrix", lambda n: sp.Matrix([[0, 0, 1], [1, 0, 0], [0, 1, 1]]))
    with pytest.raises(ValueError, match="column 2 of S has more than one 1"):
        vs.shift_charpoly(3)


def test_repeated_roots_are_detected_by_the_gcd():
    """The squarefree half is decided, not assumed: the identity's charpoly (x - 1)^n has gcd(p, p') != 1."""
    p, _ = vs.permutation_charpoly(sp.eye(3), X)
    assert p.gcd(p.diff(X)).degree() == 2


def test_bad_constant_is_refused():
    with pytest.raises(TypeError, match="constant"):
        vs.shift_charpoly(3, constant=1.5)
