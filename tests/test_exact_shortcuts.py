"""The exact shortcuts of the verify layer decide what the SymPy routes they replace decided.

* ``integer_rank`` (FLINT's exact rank over Z) against SymPy's DomainMatrix rank over QQ, on random
  integer matrices of every shape, low-rank products, zero rows and large entries; ``nullspace_dim``
  against the old route on commutator systems of permutations and of matrices that are not
  permutations (a broken action);
* ``PolyEquality`` against ``decide_zero`` on random polynomial expressions that are equal or differ,
  and it refuses (None) what is not a polynomial of its ring (floats, I, functions, other symbols);
* ``shift_entries_are_permutation`` reads a SymPy integer matrix as ints only when every entry is an
  Integer: a broken shift (a 2, a missing 1, a symbol, a float) gets the old route's answer;
* ``padded_layer2d_equivariance_set`` with the ring gives the old decide_zero verdict on every output,
  for layers that are equivariant and layers that are not;
* the global-pool check still refutes a pooling that is not invariant.

Deterministic (``derandomize=True``, no example database).
"""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from sympy.polys.matrices import DomainMatrix

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import symconv as sc  # noqa: E402
from symconv.exact import decide_zero  # noqa: E402
from symconv.verify import layers as V  # noqa: E402
from symconv.verify import layers2d as V2  # noqa: E402
from symconv.verify import shift as vshift  # noqa: E402
from symconv.verify._polys import PolyEquality  # noqa: E402
from symconv.verify._rank import integer_rank  # noqa: E402
from symconv.verify.groups import _commutator_system, exact_commutant_dim  # noqa: E402
from symconv.verify.shift2d import nullspace_dim  # noqa: E402

SETTINGS = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _old_rank(A: np.ndarray) -> int:
    """The route integer_rank replaces: DomainMatrix over ZZ converted to QQ."""
    return DomainMatrix([[sp.ZZ(int(v)) for v in row] for row in A.tolist()], A.shape, sp.ZZ).convert_to(sp.QQ).rank()


def _old_nullspace_dim(blocks) -> int:
    A = np.vstack(blocks)
    return A.shape[1] - _old_rank(A)


# ---------------------------------------------------------------- rank

@st.composite
def int_matrices(draw):
    rows, cols = draw(st.integers(1, 9)), draw(st.integers(1, 9))
    kind = draw(st.sampled_from(["dense", "sparse", "lowrank", "big"]))
    if kind == "lowrank":
        r = draw(st.integers(0, min(rows, cols)))
        L = np.array(draw(st.lists(st.integers(-3, 3), min_size=rows * r, max_size=rows * r)), dtype=np.int64)
        Rm = np.array(draw(st.lists(st.integers(-3, 3), min_size=r * cols, max_size=r * cols)), dtype=np.int64)
        return L.reshape(rows, r) @ Rm.reshape(r, cols)
    lo, hi = {"dense": (-5, 5), "sparse": (-1, 1), "big": (-(2 ** 40), 2 ** 40)}[kind]
    vals = draw(st.lists(st.integers(lo, hi), min_size=rows * cols, max_size=rows * cols))
    A = np.array(vals, dtype=np.int64).reshape(rows, cols)
    if kind == "sparse":
        A[draw(st.integers(0, rows - 1))] = 0                       # a zero row
    return A


@SETTINGS
@given(int_matrices())
def test_integer_rank_equals_the_domainmatrix_rank(A):
    want = _old_rank(A)
    assert integer_rank(A) == want
    assert integer_rank(A, use_flint=False) == want
    assert integer_rank(A.T) == want                  # rank of the transpose, through the same route


def test_integer_rank_of_a_known_matrix_and_bad_input():
    A = np.array([[1, 2, 3], [2, 4, 6], [1, 0, 1]])   # rank 2: row 2 = 2 row 1
    assert integer_rank(A) == 2 and integer_rank(A, use_flint=False) == 2
    assert integer_rank(np.eye(7, dtype=np.int64)) == 7
    assert integer_rank(np.zeros((0, 4), dtype=np.int64)) == 0
    with pytest.raises(TypeError, match="A must hold integers"):
        integer_rank(np.array([[0.5, 1.0]]))
    with pytest.raises(TypeError, match="2-D"):
        integer_rank(np.array([1, 2, 3]))


def _actions():
    from symconv.objects.groups import (cyclic_action, dihedral_action, p4_action, symmetric_action,
                                        symmetric_pairs_action, torus_action, with_channels)
    return [(cyclic_action(5), cyclic_action(5)), (dihedral_action(6), dihedral_action(6)),
            (symmetric_action(4), symmetric_pairs_action(4)), (p4_action(3), p4_action(3)),
            (torus_action(3, 4), torus_action(3, 4)), (with_channels(cyclic_action(3), 2), with_channels(cyclic_action(3), 3))]


@pytest.mark.parametrize("k", range(6))
def test_commutant_dim_equals_the_old_route(k):
    a_in, a_out = _actions()[k]
    assert exact_commutant_dim(a_in, a_out) == _old_nullspace_dim(_commutator_system(a_in, a_out))


@SETTINGS
@given(st.integers(1, 6), st.data())
def test_nullspace_dim_of_broken_generators_equals_the_old_route(N, data):
    """Generators that are not permutation matrices (a broken action): the rank route must still agree."""
    P = np.array(data.draw(st.lists(st.integers(-1, 2), min_size=N * N, max_size=N * N)), dtype=np.int64).reshape(N, N)
    I = np.eye(N, dtype=np.int64)
    blocks = [np.kron(P.T, I) - np.kron(I, P)]
    if data.draw(st.booleans()):
        Q = np.roll(I, 1, axis=0)
        blocks.append(np.kron(Q.T, I) - np.kron(I, Q))
    assert nullspace_dim(blocks) == _old_nullspace_dim(blocks)


# ---------------------------------------------------------------- polynomial equality

SYMS = sp.symbols("a0:4")


@st.composite
def polys(draw, depth=3):
    if depth == 0 or draw(st.integers(0, 3)) == 0:
        return draw(st.one_of(st.sampled_from(SYMS),
                              st.builds(sp.Rational, st.integers(-4, 4), st.integers(1, 3))))
    op = draw(st.sampled_from(["add", "mul", "pow"]))
    if op == "pow":
        return draw(polys(depth - 1)) ** draw(st.integers(0, 3))
    parts = draw(st.lists(polys(depth - 1), min_size=2, max_size=3))
    return sp.Add(*parts) if op == "add" else sp.Mul(*parts)


@SETTINGS
@given(polys(), polys(), st.booleans())
def test_poly_equality_agrees_with_decide_zero(p, q, rewrite):
    eq = PolyEquality(SYMS)
    if rewrite:                                   # an equal pair written differently: expanded form
        q = sp.expand(p)
    got, want = eq.equal(p, q), decide_zero(p - q)
    assert want is not None
    assert got is want


@pytest.mark.parametrize("e", [sp.Float(1.0) * SYMS[0], sp.I * SYMS[0], sp.sin(SYMS[0]), SYMS[0] ** -1,
                               sp.sqrt(2) * SYMS[1], sp.Symbol("other") + SYMS[0], SYMS[0] ** sp.Rational(1, 2),
                               sp.Float(0.5)])
def test_poly_equality_refuses_what_is_not_a_polynomial_of_its_ring(e):
    eq = PolyEquality(SYMS)
    assert eq.poly(e) is None
    assert eq.equal(e, e) is None                  # never True by reading only part of it


def test_poly_equality_needs_plain_commutative_symbols():
    for bad in ([sp.Symbol("z", zero=True)], [sp.Symbol("c", commutative=False)], [], [SYMS[0], SYMS[0]],
                [sp.Indexed("x", 1)]):
        with pytest.raises(ValueError, match="symbols"):
            PolyEquality(bad)


# ---------------------------------------------------------------- shift entries

def _old_shift_check(S, n):
    for i in range(n):
        row = [S[i, j] for j in range(n)]
        if sorted(row) != [0] * (n - 1) + [1]:
            return f"row {i} of S is {row}"
    for j in range(n):
        col = [S[i, j] for i in range(n)]
        if sorted(col) != [0] * (n - 1) + [1]:
            return f"column {j} of S is {col}"
    return None


def _broken_shifts(n):
    good = sc.shift_matrix(n) if hasattr(sc, "shift_matrix") else vshift.shift_matrix(n)
    yield good
    M = good.copy(); M[0, 0] = 2; yield M                             # noqa: E702
    M = good.copy(); M[1 % n, 0] = 0; yield M                         # noqa: E702 - a column without a 1
    M = good.copy(); M[0, 0] = 1; yield M                             # noqa: E702 - two 1s in a row
    M = good.copy(); M[0, 0] = -1; yield M                            # noqa: E702
    M = good.copy(); M[1 % n, 0] = sp.Float(1.0); yield M             # noqa: E702 - a float one
    M = good.copy(); M[1 % n, 0] = sp.Rational(1, 1) + sp.Rational(0); yield M   # noqa: E702
    yield sp.ones(n, n)
    yield sp.eye(n)


@pytest.mark.parametrize("n", [1, 2, 3, 5])
def test_shift_entries_check_gives_the_old_answer_on_broken_shifts(n, monkeypatch):
    for M in _broken_shifts(n):
        monkeypatch.setattr(vshift, "shift_matrix", lambda n_, M=M: M)
        got = vshift.shift_entries_are_permutation(n)
        want = _old_shift_check(M, n)
        if want is None:
            assert isinstance(got, sc.Holds), M
        else:
            assert isinstance(got, sc.Counterexample) and want in str(got), (M, got)


def test_shift_entries_check_with_a_symbolic_entry_is_not_a_pass(monkeypatch):
    M = vshift.shift_matrix(3).copy()
    M[1, 0] = sp.Symbol("t")
    monkeypatch.setattr(vshift, "shift_matrix", lambda n_: M)
    with pytest.raises(TypeError):           # sorting a symbol with numbers: the old route raised too
        vshift.shift_entries_are_permutation(3)


# ---------------------------------------------------------------- padded 2-D layers

def _old_verdicts(x, w, mode, a, b):
    n, m = x.shape
    y = V2.correlate2d(x, w, "same", mode)
    ys = V2.correlate2d(np.roll(x, (a, b), (0, 1)), w, "same", mode)
    return {(i, j): decide_zero(ys[i, j] - y[(i - a) % n, (j - b) % m]) for i in range(n) for j in range(m)}


@pytest.mark.parametrize("mode", ["zeros", "replicate", "reflect", "circular"])
def test_ring_verdicts_equal_decide_zero_on_every_output(mode):
    x = np.array(sp.symbols("x0:12"), dtype=object).reshape(3, 4)
    w = np.array(sp.symbols("w0:6"), dtype=object).reshape(3, 2)
    ring = PolyEquality(list(x.flat) + list(w.flat))
    y = V2.correlate2d(x, w, "same", mode)
    seen = set()
    for a, b in [(0, 1), (1, 0), (1, 2), (2, 3)]:
        ys = V2.correlate2d(np.roll(x, (a, b), (0, 1)), w, "same", mode)
        old = _old_verdicts(x, w, mode, a, b)
        new = {(i, j): ring.equal(ys[i, j], y[(i - a) % 3, (j - b) % 4]) for i in range(3) for j in range(4)}
        assert new == old
        seen |= set(new.values())
    assert seen == ({True} if mode == "circular" else {True, False})    # both answers exercised


def test_padded_layer2d_set_still_refutes_a_wrong_prediction():
    r = V2.padded_layer2d_equivariance_set(3, "zeros", predict=lambda shape, k, m: [
        (i, j) for i in V.predicted_good_outputs(shape[0], k[0], m[0]) for j in V.predicted_good_outputs(shape[1], k[1], m[1])])
    assert isinstance(r, sc.Counterexample)
    r = V2.padded_layer2d_equivariance_set(2, "replicate", predict=lambda shape, k, m: [])
    assert isinstance(r, sc.Counterexample)
    assert isinstance(V2.padded_layer2d_equivariance_set(3, "replicate"), sc.Holds)


def test_global_pool_check_refutes_a_pool_that_is_not_invariant(monkeypatch):
    assert isinstance(V.global_pool_invariance(4), sc.Holds)
    monkeypatch.setattr(V, "global_avg_pool", lambda v: v[0])          # not a symmetric function
    assert isinstance(V.global_pool_invariance(3), sc.Counterexample)


# ---------------------------------------------------------------- the groups' numeric commutator

def _groups_script():
    import importlib.util
    from pathlib import Path
    path = Path(__file__).resolve().parents[1] / "proofs" / "groups.py"
    spec = importlib.util.spec_from_file_location("_groups_for_shortcut_tests", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize("dps", [15, 50])
def test_mp_products_with_a_permutation_equal_mpmaths_products(dps):
    import mpmath
    G = _groups_script()
    rng = np.random.default_rng(dps)
    for trial in range(20):
        N = int(rng.integers(1, 10))
        P = np.eye(N)[rng.permutation(N)]
        with mpmath.workdps(dps):
            W = rng.standard_normal((N, N))
            Wm = sc.mp_matrix(W) if trial % 2 else mpmath.matrix([[mpmath.mpf(v) / 3 for v in r] for r in W])
            right, left = G._mp_products(Wm, P)
            Pm = sc.mp_matrix(P)
            R, L = Wm * Pm, Pm * Wm
            assert all(right[i, j] == R[i, j] and left[i, j] == L[i, j] for i in range(N) for j in range(N))


def test_mp_products_with_other_matrices_are_mpmaths_and_errors_stay_visible():
    import mpmath
    G = _groups_script()
    rng = np.random.default_rng(3)
    W = rng.standard_normal((4, 4))
    for P in (2 * np.eye(4), np.ones((4, 4)), np.eye(4)[[0, 0, 1, 2]], np.eye(4) * 0.5 + np.eye(4)[::-1] * 0.5):
        assert G._permutation_columns(P) is None
        with mpmath.workdps(30):
            right, left = G._mp_products(sc.mp_matrix(W), P)
            Pm = sc.mp_matrix(P)
            assert right == sc.mp_matrix(W) * Pm and left == Pm * sc.mp_matrix(W)
    # a W that does not commute with a permutation: the error is the true one in both precisions
    P = np.eye(4)[[1, 2, 3, 0]]
    err, errm = G._commutator_error(W, [P], 40)
    want = float(np.abs(W @ P - P @ W).max())
    assert err == want and abs(errm - want) <= 1e-12 * max(1.0, want) and errm > 0.1
    # a symmetric circulant commutes with the cyclic shift: zero in both
    c = rng.standard_normal(5)
    Wc = sc.objects.circulant_array(c + np.roll(c[::-1], 1))
    err, errm = G._commutator_error(Wc, [np.eye(5)[[4, 0, 1, 2, 3]]], 40)
    assert err < 1e-12 and errm < 1e-12


# ---------------------------------------------------------------- shift_table: values at the point, remembered

def test_values_at_the_point_are_remembered_per_class_and_entry():
    from symconv.engine.shift_table import _at_point
    x, y = sp.symbols("x y")
    point = {x: sp.Rational(3), y: sp.Rational(-2, 5)}
    arr = np.array([sp.Integer(1), 1, x + 1, sp.Max(x, y), sp.Max(x, y, evaluate=False), x * y], dtype=object)
    memo: dict = {}
    first = _at_point(arr, point, memo)
    assert list(first) == list(_at_point(arr, point))                  # the same values as without a memo
    assert list(_at_point(arr[::-1], point, memo)) == list(first[::-1])
    # True hashes like 1 but is not a number: it must not take 1's remembered value
    assert _at_point(np.array([True], dtype=object), point, memo) is None
    assert _at_point(np.array([True], dtype=object), point) is None
    # 1.0 hashes like 1 too; it is evaluated on its own (a Float), never given the Integer's value
    got = _at_point(np.array([1.0], dtype=object), point, memo)
    assert got is None or not isinstance(got[0], sp.Integer)
    # an unhashable entry is evaluated without the memo, as before (here: the same error as before)
    odd = np.empty(1, dtype=object)
    odd[0] = sp.ImmutableMatrix([x]).as_mutable()
    outcomes = []
    for m in (None, memo):
        try:
            outcomes.append(repr(_at_point(odd, point, m)))
        except Exception as e:           # noqa: BLE001 - whatever it was, it must be the same
            outcomes.append(type(e).__name__)
    assert outcomes[0] == outcomes[1]


# ---------------------------------------------------------------- 1-D layers: _same and multisets with the ring

@SETTINGS
@given(polys(), polys())
def test_layers_same_with_the_ring_is_the_expansion_test(p, q):
    ring = PolyEquality(SYMS)
    want = sp.expand(p - q) == 0
    assert V._same(p, q, ring) is want and V._same(p, q) is want
    assert V._same(p, sp.expand(p), ring) is True


@SETTINGS
@given(st.lists(polys(2), min_size=1, max_size=5), st.randoms(use_true_random=False), st.integers(0, 3))
def test_multiset_comparison_agrees_with_sorted_srepr(vals, rnd, change):
    old_key = lambda v: sorted(sp.srepr(sp.expand(e)) for e in v)      # noqa: E731 - the route it replaces
    other = list(vals)
    rnd.shuffle(other)
    if change == 1:
        other[0] = other[0] + 1                                     # a different multiset
    elif change == 2:
        other[0] = sp.Max(SYMS[0], SYMS[1])                        # not a polynomial: the srepr route
    elif change == 3:
        other = [sp.expand(e) for e in other]                       # the same polynomials, expanded
    ring = PolyEquality(SYMS)
    keys: dict = {}
    assert V._same_multiset(other, vals, ring, keys) is (old_key(other) == old_key(vals))
    assert V._same_multiset(vals, other, ring, {}) is (old_key(other) == old_key(vals))
    assert V._same_multiset(other, vals, None, {}) is (old_key(other) == old_key(vals))


def test_layer_checks_refute_what_is_false():
    assert isinstance(V.circular_layer_equivariant(4, mode="zeros"), sc.Counterexample)
    assert isinstance(V.circular_layer_equivariant(4), sc.Holds)
    assert isinstance(V.padded_layer_equivariance_set(5, "zeros", predict=lambda n, k, m: list(range(n))),
                      sc.Counterexample)
    assert isinstance(V.padded_layer_equivariance_set(5, "replicate"), sc.Holds)
    assert isinstance(V.strided_layer_equivariance(6, claim_all_shifts=True), sc.Counterexample)
    assert isinstance(V.strided_layer_equivariance(6), sc.Holds)


def test_global_pool_check_refutes_a_layer_whose_multiset_changes(monkeypatch):
    real = V.correlate1d
    monkeypatch.setattr(V, "global_avg_pool", lambda v: 0)                    # the average side passes
    monkeypatch.setattr(V, "correlate1d", lambda x, w, pad, mode, **kw: real(x, w, pad, "zeros", **kw))
    r = V.global_pool_invariance(3)
    assert isinstance(r, sc.Counterexample) and "multiset" in str(r)


# ---------------------------------------------------------------- pooling: the mean's sum built in one Add

_MIXED = [sp.Rational(1, 3), SYMS[0], 2 * SYMS[1] * SYMS[2], -SYMS[0], sp.sqrt(2), sp.Float(0.5), sp.I * SYMS[3],
          sp.Integer(0), SYMS[2] ** 2]


@SETTINGS
@given(st.one_of(st.lists(polys(2), min_size=1, max_size=7),
                 st.lists(st.sampled_from(_MIXED), min_size=1, max_size=7)))
def test_mean_is_the_term_by_term_sum_divided(vals):
    from symconv.objects.pooling import _mean
    old = sum(vals[1:], start=vals[0])
    old = old / len(vals) if not all(isinstance(v, int) for v in vals) else sp.Rational(old, len(vals))
    got = _mean(list(vals))
    assert sp.srepr(got) == sp.srepr(old)


def test_mean_of_numbers_keeps_its_kind():
    from symconv.objects.pooling import _mean
    assert _mean([1, 2, 4, 4]) == sp.Rational(11, 4) and isinstance(_mean([1, 2, 4]), sp.Rational)
    assert _mean([1.0, 2.0, 4.5]) == 2.5


# ---------------------------------------------------------------- concrete evaluation of actions: remembered values

def _action_pairs():
    """Pairs of expressions of the action notation: consecutive steps of the group derivations (which
    agree), and false pairs (which differ, or are unevaluable or ill-typed)."""
    from symconv.objects.group_actions import Act, NumOrbits, Point, PtEq, SolDim, xsum
    from symconv.objects.indexed import n as n_sym, zsum
    G = _groups_script()
    pairs = []
    for d in G._derive_orbitals() + G._derive_burnside():
        exprs = [d.start] + [st.expr for st in d.steps]
        for p, q in zip(exprs, exprs[1:]):
            for s in ((p.lhs, q.lhs), (p.rhs, q.rhs)) if isinstance(p, sp.Eq) and isinstance(q, sp.Eq) else ((p, q),):
                pairs.append((s, d.definitions()))
    W0 = G.Wo(G._py, G._px)
    pairs.append(((SolDim(G.COMMUTES, W0), SolDim(G.ROWS, W0)), G._PERM))          # differ
    pairs.append(((SolDim(G.COMMUTES, W0), NumOrbits(G._SY, G._SX)), G._PERM))     # agree
    pairs.append(((G._FIX_X / n_sym, NumOrbits(G._SY, G._SX)), {}))                 # differ
    X = sp.Symbol("X")
    x = Point("x", X)
    g = sp.Symbol("g", integer=True)
    pairs.append(((zsum(xsum(PtEq(Act(g, x), x), x), g) / n_sym, NumOrbits(X)), {}))
    pairs.append(((zsum(xsum(PtEq(Act(g, x), x), x), g), NumOrbits(X)), {}))
    pairs.append(((PtEq(x, G._py), 1), {}))                                         # ill-typed
    pairs.append(((sp.Function("Unknown")(x), 1), {}))                              # unevaluable
    pairs.append(((1 / (xsum(PtEq(Act(g, x), x), x) - xsum(PtEq(Act(g, x), x), x)), 1), {}))   # 1/0
    return pairs


def _outcome(o):
    return (o.status, o.detail, o.points, o.ill_typed)


def test_remembered_values_give_the_outcomes_of_a_cold_evaluation():
    from symconv.engine import concrete_actions as CA
    pairs = _action_pairs()
    cold = []
    for (p, q), defs in pairs:
        CA._MEMO.clear()
        CA._VALUES.clear()
        cold.append(_outcome(CA.compare(p, q, definitions=defs)))
    statuses = {c[0] for c in cold}
    assert {"agree", "differ", "unevaluable"} <= statuses and any(c[3] for c in cold)
    for order in (list(range(len(pairs))), list(reversed(range(len(pairs))))):
        CA._MEMO.clear()
        CA._VALUES.clear()
        for k in order:
            (p, q), defs = pairs[k]
            CA._MEMO.clear()                       # the values stay, the outcomes are computed again
            assert _outcome(CA.compare(p, q, definitions=defs)) == cold[k], pairs[k]
            assert _outcome(CA.compare(q, p, definitions=defs))[0] == cold[k][0]


# ---------------------------------------------------------------- 2-D DFT: (F F*) sums counted with bincount

@pytest.mark.parametrize("n", [1, 2, 3, 4, 6])
def test_dft2_root_sums_are_the_loops_counts(n, monkeypatch):
    from math import lcm

    from symconv.verify import shift2d
    seen, real = set(), shift2d.root_sum_is_zero

    def spy(counts, L):
        seen.add((tuple(counts), L))
        return real(counts, L)
    monkeypatch.setattr(shift2d, "root_sum_is_zero", spy)
    assert isinstance(shift2d.dft2_diagonalizes_bccb(n), sc.Holds)
    want = set()
    for m in range(1, n + 1):                       # the loop the bincount replaced
        L = lcm(m, n)
        for d1 in range(m):
            for d2 in range(n):
                counts = [0] * L
                for l1 in range(m):
                    for l2 in range(n):
                        counts[(d1 * l1 * (L // m) + d2 * l2 * (L // n)) % L] += 1
                want.add((tuple(counts), L))
    assert seen == want


def test_dft2_check_fails_when_a_root_sum_is_decided_wrongly(monkeypatch):
    from symconv.verify import shift2d
    monkeypatch.setattr(shift2d, "root_sum_is_zero", lambda counts, L: False)    # the off-diagonal sums
    assert isinstance(shift2d.dft2_diagonalizes_bccb(3), sc.Counterexample)
    monkeypatch.setattr(shift2d, "root_sum_is_zero", lambda counts, L: True)     # the diagonal one
    assert isinstance(shift2d.dft2_diagonalizes_bccb(3), sc.Counterexample)


# ---------------------------------------------------------------- penalty gradient: the inner product in the ring

def _old_penalty(n, hankel, S):
    from symconv.objects import circulant, symbol_vector
    D = sp.Matrix(n, n, lambda i, j: sp.Symbol(f"D_{i}_{j}"))
    c = symbol_vector("c", n)
    M = sp.Matrix(n, n, lambda i, j: c[(i + j) % n]) if hankel else circulant(c)
    G = D * S.T - S.T * D
    return sp.expand(sum(G[i, j] * M[i, j] for i in range(n) for j in range(n)))


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5])
@pytest.mark.parametrize("broken", [False, True])
def test_penalty_gradient_check_agrees_with_the_expansion(n, broken, monkeypatch):
    from symconv.objects import shift_matrix
    from symconv.verify import circulant as vcirc
    S = shift_matrix(n)
    if broken and n >= 3:
        S = S.copy()
        S.row_swap(0, 1)                       # a permutation that is not a cyclic shift
        monkeypatch.setattr(vcirc, "shift_matrix", lambda n_: S)
    for hankel in (False, True):
        ip = _old_penalty(n, hankel, S)
        got = vcirc.penalty_gradient_orthogonal(n, hankel=hankel)
        if ip == 0:
            assert isinstance(got, sc.Holds)
        else:
            assert isinstance(got, sc.Counterexample) and str(ip) in str(got)


# ---------------------------------------------------------------- stack image dimension: derivatives by index

@SETTINGS
@given(polys(), st.integers(0, 3))
def test_ring_derivative_by_index_is_by_generator(p, q):
    R = sp.ring(SYMS, sp.QQ)[0]
    E = R(p)
    assert E.diff(R.gens.index(R(SYMS[q]))) == E.diff(R(SYMS[q]))


def test_stack_image_dimension_fails_for_a_product_that_is_not_bilinear(monkeypatch):
    from symconv.objects import kernels2d
    from symconv.verify.kernels import stack_image_dimension
    assert isinstance(stack_image_dimension(2), sc.Holds)
    real = kernels2d.conv2d_full
    # of degree 2 in A and 1 in B: (cA, B/c) changes it, so (A, -B) is not in the Jacobian's kernel
    monkeypatch.setattr(kernels2d, "conv2d_full", lambda A, B: [[e * A[0][0] for e in row] for row in real(A, B)])
    r = stack_image_dimension(2)
    assert isinstance(r, sc.Counterexample) and "scaling direction" in str(r)


# ---------------------------------------------------------------- size-3 factors: real taps

def test_real_tap_test_is_sympys_reading_of_the_printed_tap():
    import mpmath
    from symconv.verify.kernels import _is_real_tap
    with mpmath.workdps(40):
        taps = [0, 1, -7, 10 ** 30, sp.Rational(-3, 7), sp.Integer(4), mpmath.mpf("8.1471630039048421"),
                mpmath.mpf(2) / 3, mpmath.mpf("1e-300"), mpmath.mpf("-3.5e+200"), mpmath.mpf(0), mpmath.inf,
                -mpmath.inf, mpmath.nan, mpmath.mpc(1, 2), mpmath.mpc(1, 0), sp.sqrt(2), sp.I, 1.5]
        for c in taps:
            assert _is_real_tap(c) is bool(sp.sympify(str(c)).is_real), c


# ---------------------------------------------------------------- group convolution of integer functions

@pytest.mark.parametrize("which", ["cyclic", "dihedral", "symmetric"])
def test_group_convolution_of_integers_is_the_definition(which):
    from symconv.objects.groups import cyclic_action, dihedral_action, regular_action, symmetric_action
    from symconv.verify import groups as VG
    base = {"cyclic": cyclic_action(5), "dihedral": dihedral_action(4), "symmetric": symmetric_action(3)}[which]
    R = regular_action(base)
    mult, inv = VG._mult_tables(R.elements)
    G = R.degree
    rng = np.random.default_rng(7)
    for _ in range(10):
        p, q = rng.integers(-5, 6, G), rng.integers(-5, 6, G)
        want = np.array([sum(p[h] * q[mult[inv[h], g]] for h in range(G)) for g in range(G)], dtype=p.dtype)
        got = VG._convolve(p, q, mult, inv)
        assert got.dtype == want.dtype and np.array_equal(got, want)
    assert isinstance(VG.group_convolutions_compose(4), sc.Holds)
    assert isinstance(VG.group_convolutions_commute(3), sc.Counterexample)


def test_group_convolutions_compose_fails_on_a_broken_table(monkeypatch):
    from symconv.verify import groups as VG
    real = VG._mult_tables

    def broken(elements):
        mult, inv = real(elements)
        mult = mult.copy()
        mult[1, 2], mult[1, 3] = mult[1, 3], mult[1, 2]      # no longer a group law
        return mult, inv
    monkeypatch.setattr(VG, "_mult_tables", broken)
    assert isinstance(VG.group_convolutions_compose(4), sc.Counterexample)


def test_remembered_outcomes_and_values_tell_the_sets_of_points_apart():
    """srepr prints Point('x') for a point of any set: a memo keyed by it would hand the outcome (or the
    values) of one comparison to another that differs only in the sets of its points."""
    from symconv.engine import concrete_actions as CA
    from symconv.objects.group_actions import Act, NumOrbits, OrbitSize, Point, SolDim
    X, Y = sp.symbols("X Y")
    xX, xY = Point("x", X), Point("x", Y)
    assert sp.srepr(OrbitSize(xX)) == sp.srepr(OrbitSize(xY))            # why srepr cannot be the key
    CA._MEMO.clear()
    CA._VALUES.clear()
    assert CA.compare(OrbitSize(xX), OrbitSize(xX)).status == "agree"
    assert CA.compare(OrbitSize(xX), OrbitSize(xY)).status == "differ"
    # bound points only (SolDim binds them): W on Y x X against W on X x X, both against NumOrbits(Y, X)
    g = sp.Symbol("g", integer=True)
    W = sp.Function("W")

    def soldim(y, x):
        return SolDim(sp.Eq(W(Act(g, y), Act(g, x)), W(y, x), evaluate=False), W(y, x))
    on_yx, on_xx = soldim(Point("y", Y), Point("x", X)), soldim(Point("y", X), Point("x", X))
    assert sp.srepr(on_yx) == sp.srepr(on_xx)
    cold = []
    for e in (on_yx, on_xx):
        CA._MEMO.clear()
        CA._VALUES.clear()
        cold.append(_outcome(CA.compare(e, NumOrbits(Y, X))))
    assert cold[0][0] == "agree" and cold[1][0] == "differ"
    CA._MEMO.clear()
    CA._VALUES.clear()
    assert [_outcome(CA.compare(e, NumOrbits(Y, X))) for e in (on_yx, on_xx)] == cold
