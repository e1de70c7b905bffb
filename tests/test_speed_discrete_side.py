"""The exact shortcuts of the discrete / linear-algebra side decide what the routes they replace decided.

* the block-triangular characteristic polynomial of ``simple_eigenvalue_eigenspace_is_a_line``: Berkowitz over
  Z[lambda, q, r] (coefficient lists) against the old route (SymPy expressions, ``det(method="berkowitz")``,
  ``expand``), for every split g + h <= 4 and every power g - 1 .. g + 2 (only g is right);
* the Cauchy coefficient instances of ``degree_of_product``: the product in Z[x, a, b] against the old route
  (``Poly`` of the expression, ``coeff_monomial``, ``expand``) under the true index range and under ranges
  that are wrong (shifted, shortened, widened, at random coefficients): the same first failure, or None;
* the random degree instances of ``degree_of_product``: degrees in QQ[x] against ``sp.degree(sp.expand(...))``;
  what is not a polynomial over QQ (1/x, sqrt(2) x, a second symbol) is refused, never given a degree;

Deterministic (``derandomize=True``, no example database).
"""

from __future__ import annotations

import random

import numpy as np

import pytest
import sympy as sp

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from symconv.engine import lemmas as lm  # noqa: E402

SETTINGS = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# ---------------------------------------------------------------- the block characteristic polynomial

def _old_block_charpoly_holds(g: int, h: int, power: int | None = None) -> bool:
    """The route the ring replaces (symconv/engine/lemmas.py before): SymPy expressions, expanded."""
    t, lam = sp.symbols("t lambda")
    N = g + h
    M = sp.zeros(N, N)
    M[:g, :g] = lam * sp.eye(g)
    M[:g, g:] = sp.Matrix(g, h, lambda a, b: sp.Symbol(f"q_{a}_{b}"))
    R = sp.Matrix(h, h, lambda a, b: sp.Symbol(f"r_{a}_{b}"))
    M[g:, g:] = R
    charpoly = (t * sp.eye(N) - M).det(method="berkowitz")
    rest = (t * sp.eye(h) - R).det(method="berkowitz") if h else sp.Integer(1)
    return sp.expand(charpoly - (t - lam) ** (g if power is None else power) * rest) == 0


@pytest.mark.parametrize("g, h", [(g, N - g) for N in range(1, 5) for g in range(1, N + 1)])
def test_block_charpoly_agrees_with_the_expression_route(g, h):
    for power in (None, g - 1, g, g + 1, g + 2):
        new = lm._block_charpoly_holds(g, h, power)
        assert new is lm._block_charpoly_holds(g, h, power)          # a bool, deterministic
        assert new == _old_block_charpoly_holds(g, h, power), (g, h, power)
    assert lm._block_charpoly_holds(g, h) is True
    assert lm._block_charpoly_holds(g, h, g + 1) is False and lm._block_charpoly_holds(g, h, g - 1) is False


def test_block_charpoly_detects_a_wrong_characteristic_polynomial(monkeypatch):
    real = lm.ddm_berk
    # one coefficient of det(tI - M) off by one: the identity is no longer shown
    monkeypatch.setattr(lm, "ddm_berk", lambda M, K: real(M, K) if len(M) < 3 else
                        real(M, K)[:-1] + [[real(M, K)[-1][0] + K.one]])
    assert lm._block_charpoly_holds(2, 1) is False
    assert lm._block_charpoly_holds(1, 1) is True                # 2 x 2: untouched
    assert lm._simple_eigenspace().ok is False


# ---------------------------------------------------------------- the Cauchy coefficient instances

def _old_cauchy_formula_instances(bound: int) -> str | None:
    x = sp.Symbol("x")
    for p in range(bound + 1):
        for q in range(bound + 1):
            a, b = sp.symbols(f"a0:{p + 1}"), sp.symbols(f"b0:{q + 1}")
            prod = sp.Poly(sum(a[e] * x**e for e in range(p + 1)) * sum(b[e] * x**e for e in range(q + 1)), x)
            for s in range(p + q + 1):
                lo, hi = (int(v) for v in lm._cauchy_range(s, p, q))
                if sp.expand(prod.coeff_monomial(x**s) - sum(a[e] * b[s - e] for e in range(lo, hi + 1))) != 0:
                    return f"p={p}, q={q}: coefficient of x^{s} is not the Cauchy sum"
    return None


_TRUE_RANGE = lm._cauchy_range


def _both(monkeypatch, rng, bound):
    monkeypatch.setattr(lm, "_cauchy_range", rng)
    try:
        return lm._cauchy_formula_instances(bound), _old_cauchy_formula_instances(bound)
    finally:
        monkeypatch.setattr(lm, "_cauchy_range", _TRUE_RANGE)


@pytest.mark.parametrize("bound", [0, 1, 3, 6])
def test_cauchy_instances_pass_with_the_true_range(bound):
    assert lm._cauchy_formula_instances(bound) is None
    if bound <= 3:
        assert _old_cauchy_formula_instances(bound) is None


@SETTINGS
@given(st.integers(0, 10**6), st.integers(1, 3), st.sampled_from(["lo", "hi", "both"]), st.integers(-2, 2))
def test_cauchy_instances_agree_with_the_old_route_on_wrong_ranges(seed, bound, which, delta):
    """A range wrong at some (s, p, q) (drawn): both routes name the same first wrong coefficient (a
    widened range can only reach valid indices here, a shortened one is always wrong)."""
    picks = random.Random(seed)
    wrong_at = {(s, p, q) for p in range(bound + 1) for q in range(bound + 1) for s in range(p + q + 1)
                if picks.random() < 0.3}

    def rng(s, p, q):
        lo, hi = (int(v) for v in _TRUE_RANGE(s, p, q))
        if (s, p, q) in wrong_at and delta:
            lo2 = lo + delta if which in ("lo", "both") else lo
            hi2 = hi + delta if which in ("hi", "both") else hi
            # keep the indices in range (a[e], b[s - e] exist), as both routes index the same tuples
            lo, hi = max(lo2, 0, s - q), min(hi2, p, s)
            if (lo, hi) == tuple(int(v) for v in _TRUE_RANGE(s, p, q)):
                lo, hi = lo, hi - 1                   # still wrong: one term fewer
        return lo, hi

    with pytest.MonkeyPatch.context() as mp:
        new, old = _both(mp, rng, bound)
    assert new == old
    assert (new is None) == (not wrong_at or not delta)


def test_cauchy_instances_catch_a_wrong_coefficient_formula(monkeypatch):
    # the range of the next coefficient (s + 1): wrong from p = 1, q = 0 on (at p = 0 every range is {0})
    new, old = _both(monkeypatch, lambda s, p, q: _TRUE_RANGE(min(s + 1, p + q), p, q), 2)
    assert new == old == "p=1, q=0: coefficient of x^0 is not the Cauchy sum"


# ---------------------------------------------------------------- degrees of products over QQ

X = sp.Symbol("x")


@st.composite
def rational_polys(draw):
    deg = draw(st.integers(0, 7))
    coeffs = [sp.Rational(draw(st.integers(-9, 9)), draw(st.integers(1, 5))) for _ in range(deg)]
    lead = sp.Rational(draw(st.integers(1, 9)) * draw(st.sampled_from([-1, 1])), draw(st.integers(1, 5)))
    return sum((c * X**e for e, c in enumerate(coeffs)), sp.Integer(0)) + lead * X**deg


@SETTINGS
@given(rational_polys(), rational_polys())
def test_product_degrees_agree_with_expansion(p, q):
    assert lm._product_degrees(p, q, X) == (sp.degree(sp.expand(p * q), X), sp.degree(p, X), sp.degree(q, X))


def test_product_degrees_of_the_seeded_instances_agree_with_expansion():
    rnd = random.Random(7)
    for _ in range(60):
        p, q = lm._random_poly(rnd, rnd.randint(0, 6), X), lm._random_poly(rnd, rnd.randint(0, 6), X)
        assert lm._product_degrees(p, q, X) == (sp.degree(sp.expand(p * q), X), sp.degree(p, X), sp.degree(q, X))


@pytest.mark.parametrize("bad", [1 / X, sp.sqrt(2) * X, X + sp.Symbol("y"), sp.exp(X)])
def test_product_degrees_refuse_what_is_not_a_polynomial_over_qq(bad):
    with pytest.raises(Exception):
        lm._product_degrees(bad, X + 1, X)


# ---------------------------------------------------------------- the shift's eigenvalues in mpmath

def _dft_proofs():
    from pathlib import Path
    from symconv.engine.catalog import load_proof_module
    return load_proof_module(Path(__file__).resolve().parents[1] / "proofs" / "dft.py")


@pytest.mark.parametrize("n", [1, 2, 3, 5, 8, 12])
def test_shift_eigenvalues_without_eigenvectors_are_the_same_numbers(n):
    """shift_charpoly_eq_X_pow_sub_one's mpmath check asks eig for the eigenvalues only (right=False): the
    same QR iterations, so the same numbers, bit for bit, as when the eigenvectors were computed too."""
    import mpmath
    import symconv as sc
    with mpmath.workdps(50):
        M = sc.mp_matrix(sc.verify.permutation_array(n).astype(float))
        with_vectors, _ = mpmath.eig(M)
        alone = _dft_proofs()._mp_eigenvalues(M)
        assert list(alone) == list(with_vectors) and len(alone) == n
        assert all(isinstance(v, (mpmath.mpf, mpmath.mpc)) for v in alone)


# ---------------------------------------------------------------- parallel vectors (commuting_preserves_eigenvectors)

def _old_parallel(u, v) -> bool:
    return all(sp.expand(u[p] * v[q] - u[q] * v[p]) == 0 for p in range(len(u)) for q in range(len(u)))


@SETTINGS
@given(st.lists(st.fractions(min_value=-20, max_value=20, max_denominator=7), min_size=1, max_size=6),
       st.fractions(min_value=-5, max_value=5, max_denominator=4), st.integers(0, 5), st.integers(-3, 3))
def test_parallel_rational_vectors_agree_with_expansion(entries, scale, where, bump):
    from symconv.verify.commuting import _parallel
    u = sp.Matrix([sp.Rational(e.numerator, e.denominator) for e in entries])
    v = u * sp.Rational(scale.numerator, scale.denominator)
    w = v.copy()
    w[where % len(w)] += bump                     # parallel again only if bump == 0 (or u, v are 0 there)
    for a, b in ((u, v), (v, u), (u, w), (w, u), (w, v)):
        assert _parallel(a, b) == _old_parallel(a, b)
    assert _parallel(u, v) is True


def test_parallel_falls_back_to_expansion_beyond_the_rationals():
    from symconv.verify.commuting import _parallel
    s = sp.sqrt(2)
    a = sp.Symbol("a")
    cases = [(sp.Matrix([1, s]), sp.Matrix([s, 2])), (sp.Matrix([1, s]), sp.Matrix([s, 3])),
             (sp.Matrix([a, a**2]), sp.Matrix([1, a])), (sp.Matrix([a, 1]), sp.Matrix([1, a])),
             (sp.Matrix([(a + 1)**2, 1]), sp.Matrix([a**2 + 2 * a + 1, 1]))]
    assert [_parallel(u, v) for u, v in cases] == [_old_parallel(u, v) for u, v in cases] == \
        [True, False, True, False, True]


# ---------------------------------------------------------------- concrete evaluation: remembered side values

def _proof(name):
    from pathlib import Path
    from symconv.engine.catalog import load_proof_module
    return load_proof_module(Path(__file__).resolve().parents[1] / "proofs" / f"{name}.py")


def _step_pairs():
    """Consecutive sides of the derivations of some discrete scripts (with their definitions), the formal
    statements' ends, and pairs that differ, are unevaluable, ill-typed or divide by 0."""
    from symconv.objects.indexed import Iverson, S, W, i, j, k, l, n, omega, x, zsum
    pairs = []
    for script, makers in (("circulant", ("_derive_sum", "_derive_mul", "_derive_comm")), ("shift", ("_derive_mulVec", "_derive_pow", "_derive_transpose")),
                           ("shift2d", ("_derive",)), ("kernel_polynomial", ("_derive_mul", "_derive_circular"))):
        mod = _proof(script)
        for maker in makers:
            for d in getattr(mod, maker)():
                exprs = [d.start] + [st.expr for st in d.steps]
                defs = d.definitions()
                for p, q in zip(exprs, exprs[1:]):
                    if isinstance(p, sp.Eq) and isinstance(q, sp.Eq):
                        pairs += [((p.lhs, q.lhs), defs), ((p.rhs, q.rhs), defs)]
                    elif not isinstance(p, sp.Eq) and not isinstance(q, sp.Eq):
                        pairs.append(((p, q), defs))
    pairs.append(((zsum(S(i, l) * W(l, j), l), W(i + 1, j)), {}))                       # differ
    pairs.append(((zsum(S(i, l) * W(l, j), l), W(i - 1, j)), {}))                       # agree
    pairs.append(((zsum(omega ** ((j - k) * l), l), n * Iverson(j, k)), {}))            # agree
    pairs.append(((zsum(Iverson(j, n / 2) * x(j), j), x(n / 2)), {}))                   # ill-typed at odd n
    pairs.append(((sp.pi * x(i), x(i)), {}))                                            # unevaluable
    pairs.append(((1 / Iverson(i, 0), 1), {}))                                          # 1/0 at i != 0
    pairs.append(((1 / (x(i) - x(0)), 1), {}))                                          # 1/0 at i = 0, differ
    pairs.append(((1 / (x(i) - x(0)), 1 / (x(i) - x(0))), {}))                          # 1/0 at i = 0, else equal
    return pairs


def _coutcome(o):
    return (o.status, o.detail, o.points, o.ill_typed, o.differ, o.n)


def test_remembered_side_values_give_the_outcomes_of_a_cold_evaluation():
    from symconv.engine import concrete as C
    pairs = _step_pairs()
    assert len(pairs) > 20
    cold = []
    for (p, q), defs in pairs:
        C._SIDE_VALUES.clear()
        cold.append(_coutcome(C.concrete_compare(p, q, definitions=defs)))
    statuses = {c[0] for c in cold}
    assert {"agree", "differ", "unevaluable"} <= statuses and any(c[3] for c in cold)
    assert any("a negative power of 0" in c[1] for c in cold) and any("division by zero" in c[1] for c in cold)
    for order in (list(range(len(pairs))), list(reversed(range(len(pairs))))):
        C._SIDE_VALUES.clear()
        for k in order:
            (p, q), defs = pairs[k]
            assert _coutcome(C.concrete_compare(p, q, definitions=defs)) == cold[k], pairs[k]
            assert C.concrete_compare(q, p, definitions=defs).status == cold[k][0]
    # another n range and seed (other points, other data) after all of them: the outcome of a cold evaluation
    for (p, q), defs in pairs[::3]:
        warm = _coutcome(C.concrete_compare(p, q, n_values=range(1, 8), seed=1, definitions=defs))
        saved = dict(C._SIDE_VALUES)
        C._SIDE_VALUES.clear()
        assert _coutcome(C.concrete_compare(p, q, n_values=range(1, 8), seed=1, definitions=defs)) == warm
        C._SIDE_VALUES.update(saved)
    assert C._SIDE_VALUES                                                               # values were remembered


def test_remembered_side_values_tell_assumptions_definitions_and_data_apart():
    """A remembered value is never handed to an expression that only prints the same (other assumptions), to
    the same expression under other definitions, or at another point, seed or trial."""
    from symconv.engine import concrete as C
    from symconv.objects.indexed import i, j, x
    C._SIDE_VALUES.clear()
    ip = sp.Symbol("i", integer=True, nonnegative=True)
    assert str(x(ip)) == str(x(i)) and x(ip) != x(i)
    a_ = sp.Symbol("a", integer=True)
    cold = {}
    for p, q in ((x(i), x(ip)), (x(ip), x(ip)), (x(a_), x(i)), (x(i), x(i))):
        C._SIDE_VALUES.clear()
        cold[p, q] = _coutcome(C.concrete_compare(p, q))
    assert cold[x(i), x(ip)][0] == "differ" and cold[x(a_), x(i)][0] == "differ"   # two indices, two values
    assert cold[x(ip), x(ip)][0] == cold[x(i), x(i)][0] == "agree"
    for order in (list(cold), list(reversed(list(cold)))):
        C._SIDE_VALUES.clear()
        for p, q in order:
            assert _coutcome(C.concrete_compare(p, q)) == cold[p, q]
    F = sp.Function("F")
    d1, d2 = {"F": sp.Lambda(j, x(j) + 1)}, {"F": sp.Lambda(j, x(j) + 2)}
    assert C.concrete_compare(F(i), x(i) + 1, definitions=d1).status == "agree"
    assert C.concrete_compare(F(i), x(i) + 1, definitions=d2).status == "differ"
    assert C.concrete_compare(F(i), x(i) + 2, definitions=d2).status == "agree"
    # the same side, another seed or trial: other data, so x(i) against a value remembered for seed 0 differs
    assert C.concrete_compare(x(i) * 0 + x(i), x(i), seed=3, trials=2).status == "agree"
    keys = {k[2] for k in C._SIDE_VALUES}                          # (seed, N, group, trial)
    assert {(0, 1, None, 0), (3, 1, None, 0), (3, 1, None, 1)} <= keys
    # a scalar's value is part of the key (a fresh value per point)
    lam = sp.Symbol("lambda")
    assert C.concrete_compare(lam * x(i), x(i) * lam).status == "agree"
    assert C.concrete_compare(lam * x(i), x(i)).status == "differ"


def test_unhashable_definitions_are_evaluated_without_memory():
    from symconv.engine import concrete as C
    from symconv.objects.indexed import i, x

    class Unhashable(dict):
        __hash__ = None

    assert C.definitions_key({"F": Unhashable()}) is None
    C._SIDE_VALUES.clear()
    out = C.concrete_compare(x(i), x(i), definitions={"F": Unhashable()})
    assert out.status == "agree" and not C._SIDE_VALUES


# ---------------------------------------------------------------- symbolic convolutions: one Add per entry

def _old_conv_full(a, b):
    """kernels.conv_full before: each entry built by repeated addition."""
    from symconv.objects import kernels as K
    av, bv = K._kernel(a, "a"), K._kernel(b, "b")
    out = [K._zero(av, bv)] * (len(av) + len(bv) - 1)
    for t, x in enumerate(av):
        if x == 0:
            continue
        for u, y in enumerate(bv):
            out[t + u] = out[t + u] + x * y
    return out


def _old_conv2d_full(A, B):
    from itertools import product
    from symconv.objects.kernels2d import _matrix
    MA, MB = _matrix(A, "A"), _matrix(B, "B")
    rows, cols = len(MA) + len(MB) - 1, len(MA[0]) + len(MB[0]) - 1
    out = [[sp.Integer(0)] * cols for _ in range(rows)]
    for p, q in product(range(len(MA)), range(len(MA[0]))):
        if MA[p][q] == 0:
            continue
        for r, s in product(range(len(MB)), range(len(MB[0]))):
            out[p + r][q + s] += MA[p][q] * MB[r][s]
    return [[int(v) if v.is_Integer else v for v in r] for r in out]


_SYMS = sp.symbols("u v w")


@st.composite
def taps(draw, floats=True):
    """An entry of a kernel: ints, rationals, floats, symbols (with assumptions), sums and products."""
    kind = draw(st.sampled_from(["int", "rat", "sym", "pos", "sum", "prod", "zero"] + (["float"] if floats else [])))
    if kind == "int":
        return draw(st.integers(-5, 5))
    if kind == "rat":
        return sp.Rational(draw(st.integers(-9, 9)), draw(st.integers(1, 4)))
    if kind == "float":
        return sp.Float(draw(st.floats(-3, 3, allow_nan=False, width=32)))
    if kind == "zero":
        return 0
    s = draw(st.sampled_from(_SYMS))
    if kind == "sym":
        return s
    if kind == "pos":
        return sp.Symbol(str(s), positive=True)
    t = draw(st.sampled_from(_SYMS))
    return s + 2 * t if kind == "sum" else -s * t


@SETTINGS
@given(st.lists(taps(), min_size=1, max_size=6), st.lists(taps(), min_size=1, max_size=6))
def test_symbolic_conv_full_is_the_repeated_addition(a, b):
    from symconv.objects.kernels import conv_full
    new, old = conv_full(a, b), _old_conv_full(a, b)
    assert new == old and [type(v) for v in new] == [type(v) for v in old]


@SETTINGS
@given(st.lists(taps(floats=False), min_size=1, max_size=7), st.lists(taps(floats=False), min_size=1, max_size=7))
def test_exact_conv_full_is_the_repeated_addition(a, b):
    """Without floats every symbolic product goes through one Add per entry: the same expressions."""
    from symconv.objects.kernels import _exact_entries, conv_full
    assert _exact_entries(a, b)
    new, old = conv_full(a, b), _old_conv_full(a, b)
    assert new == old and [type(v) for v in new] == [type(v) for v in old]


def test_float_entries_keep_repeated_addition():
    from symconv.objects.kernels import _exact_entries, conv_full
    u = sp.Symbol("u")
    for a, b in (([1], [sp.Float(0.0)]), ([u, 2], [sp.Float(0.5) * u, 1]), ([u], [sp.Float(0.25) + u])):
        assert not _exact_entries(a, b)
        assert conv_full(a, b) == _old_conv_full(a, b)
    assert conv_full([1], [sp.Float(0.0)]) == [0] and sp.Add(0, sp.Float(0.0)) != 0    # why floats are left alone


@SETTINGS
@given(st.integers(1, 3), st.integers(1, 3), st.integers(1, 3), st.integers(1, 3), st.data())
def test_conv2d_full_is_the_repeated_addition(r1, c1, r2, c2, data):
    from symconv.objects.kernels2d import conv2d_full
    A = [[data.draw(taps()) for _ in range(c1)] for _ in range(r1)]
    B = [[data.draw(taps()) for _ in range(c2)] for _ in range(r2)]
    new, old = conv2d_full(A, B), _old_conv2d_full(A, B)
    assert new == old and [type(v) for r in new for v in r] == [type(v) for r in old for v in r]


def test_stacks_of_generic_kernels_are_unchanged():
    from symconv.objects import kernels as K
    from symconv.verify.kernels import generic_kernel
    for n_, M in ((2, 3), (3, 7), (6, 4)):
        ks = [generic_kernel(f"g{q}", M, True) for q in range(n_)]
        while len(ks) > 1:           # the old balanced tree, with the old products
            ks = [_old_conv_full(ks[q], ks[q + 1]) if q + 1 < len(ks) else ks[q] for q in range(0, len(ks), 2)]
        assert K.stack([generic_kernel(f"g{q}", M, True) for q in range(n_)]) == ks[0]
    # a wrong product is told apart: a tap dropped from the middle
    a, b = generic_kernel("a", 3), generic_kernel("b", 3)
    assert K.conv_full(a, b) != _old_conv_full(a, b[:2] + [0])


# ---------------------------------------------------------------- concrete evaluation of actions: the interpreter

def _ca_outcome(a, b, defs=None, n_values=range(1, 7)):
    from symconv.engine import concrete_actions as CA
    CA._MEMO.clear()
    CA._VALUES.clear()
    o = CA.compare(a, b, n_values, definitions=defs or {})
    return o.status, o.detail, o.points, o.ill_typed


def test_actions_n_is_the_group_order_and_only_n():
    """n is |G|; a symbol that only prints as n (other assumptions, a Dummy) is another symbol, bound by its
    sum like any other."""
    from symconv.objects.group_actions import Card
    from symconv.objects.indexed import n as n_sym
    X_ = sp.Symbol("X")
    other_n, dummy_n = sp.Symbol("n"), sp.Dummy("n")
    assert other_n != n_sym and str(other_n) == str(n_sym)
    assert _ca_outcome(n_sym * Card(X_), 3 * Card(X_), n_values=[3])[0] == "agree"
    assert _ca_outcome(n_sym * Card(X_), 3 * Card(X_), n_values=[2])[0] == "differ"
    for s in (other_n, dummy_n):
        assert _ca_outcome(sp.Sum(s, (s, 0, 2)) * Card(X_), 3 * Card(X_), n_values=[5]) == \
            ("agree", "equal at 4 points (n in 5..5, concrete groups and actions)", 4, False)
        assert _ca_outcome(sp.Sum(s, (s, 0, 2)) * Card(X_), 5 * Card(X_), n_values=[5])[0] == "differ"


def test_actions_pteq_evaluates_its_first_point_first():
    from symconv.objects.group_actions import PtEq, Point
    X_, Y_ = sp.symbols("X Y")
    x, y = Point("x", X_), Point("y", Y_)
    st_, detail, _, ill = _ca_outcome(PtEq(x, y), 0)
    assert st_ == "unevaluable" and ill and "compares points of X and Y" in detail
    z = Point("z", X_)                       # bound by no sum inside a definition's body: the first one named
    F = sp.Function("F")
    st_, detail, _, ill = _ca_outcome(F(x), 0, {"F": sp.Lambda((x,), PtEq(z, Point("w", X_)))})
    assert st_ == "unevaluable" and "the point z is not bound" in detail


def test_actions_nested_sums_rebind_their_own_variable():
    from symconv.objects.group_actions import Card, PtEq, Point, xsum
    X_ = sp.Symbol("X")
    x = Point("x", X_)
    g = sp.Symbol("g", integer=True)
    # the inner sum over the same g: its own values inside, the outer g's after it
    inner_same = sp.Sum(sp.Sum(g, (g, 0, 1)) * g, (g, 0, 2)) * Card(X_)       # (0 + 1 + 2) |X|
    assert _ca_outcome(inner_same, 3 * Card(X_))[0] == "agree"
    assert _ca_outcome(inner_same, 4 * Card(X_))[0] == "differ"
    y = Point("y", X_)
    assert _ca_outcome(xsum(xsum(PtEq(x, y), y), x), Card(X_))[0] == "agree"          # one y = x per x
    assert _ca_outcome(xsum(xsum(PtEq(x, x), x), x), Card(X_) ** 2)[0] == "agree"     # the inner x shadows


def test_actions_definitions_check_their_arguments_after_evaluating_all_of_them():
    from symconv.objects.group_actions import Act, Card, PtEq, Point
    X_, Y_ = sp.symbols("X Y")
    x, y = Point("x", X_), Point("y", Y_)
    p, q = Point("p", X_), Point("q", X_)
    g = sp.Symbol("g", integer=True)
    P = sp.Function("P")
    defs = {"P": sp.Lambda((g, p, q), PtEq(q, Act(g, p)))}
    assert _ca_outcome(P(g, x, Act(g, x)) * Card(Y_), Card(Y_), defs)[0] == "agree"
    assert _ca_outcome(P(g, x, x) * Card(Y_), Card(Y_), defs)[0] == "differ"
    # a point of Y where a point of X is wanted: ill-typed, naming the variable
    st_, detail, _, ill = _ca_outcome(P(g, y, x), 1, defs)
    assert st_ == "unevaluable" and ill and "its argument p is a point of X" in detail
    # a wrong first argument and an unevaluable later one: the later one's failure comes first (all arguments
    # are evaluated before their types are checked), so the outcome is unevaluable, not ill-typed
    U = sp.Function("U")              # neither data nor defined
    st_, detail, _, ill = _ca_outcome(P(g, y, U(x)), 1, defs)
    assert st_ == "unevaluable" and not ill and "U is neither data on indices nor defined" in detail
    # the body sees the caller's environment with the definition's variables bound over it
    h = sp.Symbol("h", integer=True)
    assert _ca_outcome(sp.Sum(P(h, x, Act(h, x)), (h, 0, 1)) * Card(Y_), 2 * Card(Y_), defs, [2, 3])[0] == "agree"


# ---------------------------------------------------------------- remembered window maxima (max pooling)

def _old_max(vals):
    """pooling._max before: no memory."""
    if not any(isinstance(v, sp.Basic) for v in vals):
        return max(vals)
    if (len(set(vals)) == len(vals) and all(isinstance(v, sp.Symbol) for v in vals)
            and all(v.is_extended_real is not False and v.is_positive is None and v.is_negative is None
                    and v.is_zero is None for v in vals)):
        return sp.Max(*vals, evaluate=False)
    return sp.Max(*vals)


_WINDOW_ENTRIES = [sp.Symbol("p"), sp.Symbol("q"), sp.Symbol("p", positive=True), sp.Symbol("q", negative=True),
                   sp.Symbol("r", real=True), sp.Symbol("z", zero=True), sp.Integer(2), sp.Rational(-1, 3),
                   sp.Integer(0), 3, sp.Float(2.0), sp.Float(1.0), sp.Symbol("p") + 1]


@SETTINGS
@given(st.lists(st.lists(st.sampled_from(_WINDOW_ENTRIES), min_size=1, max_size=4), min_size=1, max_size=8))
def test_remembered_maxima_are_the_maxima(windows):
    from symconv.objects import pooling
    for w in windows + windows[::-1]:                  # each window twice, in both orders of the sequence
        new, old = pooling._max(list(w)), _old_max(list(w))
        assert new == old and type(new) is type(old), w


def test_remembered_maxima_tell_look_alike_windows_apart():
    from symconv.objects import pooling
    p, p_pos = sp.Symbol("p"), sp.Symbol("p", positive=True)
    q = sp.Symbol("q")
    pooling._MAXES.clear()
    assert pooling._max([p, q]) == sp.Max(p, q, evaluate=False)
    assert pooling._max([p_pos, q]) == sp.Max(p_pos, q)             # another p: evaluated, not the window above
    assert pooling._max([p, p]) == p                                 # a repeated entry: SymPy's evaluated Max
    assert pooling._max([sp.Integer(1), p]) == sp.Max(1, p) and pooling._max([sp.Float(1.0), p]) == sp.Max(1.0, p)
    assert str(pooling._max([sp.Float(1.0), p])) != str(pooling._max([sp.Integer(1), p]))
    assert len(pooling._MAXES) >= 3
    assert pooling._max([3, 1, 2]) == 3 and pooling._max([sp.Integer(3), sp.Rational(7, 2)]) == sp.Rational(7, 2)


def test_remembered_index_values_respect_each_symbols_assumptions():
    from symconv.engine import concrete as C
    syms = [sp.Symbol("i", integer=True), sp.Symbol("i", integer=True, positive=True),
            sp.Symbol("i", integer=True, nonnegative=True), sp.Symbol("i", integer=True, even=True),
            sp.Symbol("i", integer=True, odd=True, negative=True), sp.Symbol("j", integer=True, nonzero=True)]
    C._ALLOWED.clear()
    for rep in range(2):                           # cold, then remembered
        for s in syms:
            for v in range(-3, 5):
                assert C._allowed(s, v) == C._allowed_by_assumptions(s, v)
    assert [C._allowed(syms[1], v) for v in (-1, 0, 1)] == [False, False, True]
    assert [C._allowed(syms[2], v) for v in (-1, 0, 1)] == [False, True, True]
    assert [C._allowed(syms[3], v) for v in (1, 2)] == [False, True]
    assert [C._allowed(syms[4], v) for v in (-3, -2, 1)] == [True, False, False]
    assert C._allowed(syms[0], -7) and not C._allowed(syms[5], 0)


# ---------------------------------------------------------------- ranks of signed incidence matrices

def _flint_rank(A):
    import flint
    return int(flint.fmpz_mat(A.tolist()).rank()) if A.size else 0


def _sympy_rank(A):
    from sympy.polys.matrices import DomainMatrix
    return int(DomainMatrix([[sp.ZZ(int(v)) for v in r] for r in A.tolist()], A.shape, sp.ZZ).convert_to(sp.QQ).rank())


@st.composite
def incidence_matrices(draw):
    cols = draw(st.integers(1, 12))
    rows = draw(st.integers(1, 20))
    out = np.zeros((rows, cols), dtype=np.int64)
    for r in range(rows):
        if cols >= 2 and draw(st.booleans()):
            a, b = draw(st.lists(st.integers(0, cols - 1), min_size=2, max_size=2, unique=True))
            out[r, a], out[r, b] = 1, -1
    return out


@SETTINGS
@given(incidence_matrices())
def test_incidence_rank_is_the_rank(A):
    from symconv.verify._rank import incidence_rank, integer_rank
    r = incidence_rank(A)
    assert r is not None and r == _flint_rank(A) == _sympy_rank(A) == integer_rank(A)
    assert integer_rank(A, use_flint=False) == r


@SETTINGS
@given(incidence_matrices(), st.integers(0, 10**6), st.sampled_from(["two", "plus_plus", "three", "lonely"]))
def test_other_matrices_are_not_ranked_as_graphs(A, seed, how):
    """A matrix with a row that is not e_a - e_b is refused by the graph route; integer_rank gives FLINT's rank."""
    from symconv.verify._rank import incidence_rank, integer_rank
    picks = random.Random(seed)
    r = picks.randrange(A.shape[0])
    c = picks.randrange(A.shape[1])
    B = A.copy()
    if how == "two":
        B[r, c] = 2
    elif how == "plus_plus":
        B[r, :] = 0
        B[r, c] = 1
        B[r, (c + 1) % B.shape[1]] += 1
    elif how == "three":
        B[r, :] = 0
        B[r, c] = 1
        B[r, (c + 1) % B.shape[1]] -= 1
        B[r, (c + 2) % B.shape[1]] += 1
    else:
        B[r, :] = 0
        B[r, c] = -1
    assert incidence_rank(B) is None          # a 2, two 1s, three non-zero entries or a lone -1 in row r
    assert integer_rank(B) == _flint_rank(B) == _sympy_rank(B)


def test_commutator_systems_of_the_group_family_rank_as_before():
    """The exact commutant dimension of every action pair the group checks use: the graph's rank is FLINT's."""
    from symconv.verify import groups as VG
    from symconv.verify._rank import incidence_rank
    seen = 0
    for n_ in range(1, 5):
        for a, b in VG._family(n_):
            if a.degree * b.degree > VG.NULLSPACE_MAX:
                continue
            A = np.vstack(VG._commutator_system(a, b))
            assert incidence_rank(A) == _flint_rank(A)
            seen += 1
    assert seen > 20
    # a broken action (not a permutation): refused, ranked by FLINT
    A = np.vstack(VG._commutator_system(VG.cyclic_action(3), VG.cyclic_action(3)))
    A[0, :] *= 2
    assert incidence_rank(A) is None


def test_incidence_rank_refuses_what_is_no_integer_matrix():
    from symconv.verify._rank import incidence_rank
    assert incidence_rank(np.array([[1.0, -1.0]])) is None
    assert incidence_rank(np.array([[True, False]])) is None
    assert incidence_rank(np.array([1, -1])) is None
    assert incidence_rank(np.zeros((2, 3), dtype=np.int64)) == 0


# ---------------------------------------------------------------- powers of the shift

def test_binary_powers_are_the_repeated_products():
    from symconv.verify.shift import _int_power, permutation_array
    rnd = np.random.default_rng(0)
    for n_ in (1, 2, 3, 5, 8, 13):
        S = permutation_array(n_)
        A = rnd.integers(-2, 3, size=(n_, n_))          # not a permutation: powers with growing entries
        for M0 in (S, A):
            M = np.eye(n_, dtype=np.int64)
            for p_ in range(0, 2 * n_ + 3):
                assert np.array_equal(_int_power(M0, p_), M), (n_, p_)
                M = M0 @ M
    assert np.array_equal(_int_power(permutation_array(4), -1), np.eye(4, dtype=np.int64))    # as range(-1): I


def test_shift_power_check_still_refutes():
    from symconv.verify.shift import shift_pow_eq_one
    from symconv.engine.verdict import Counterexample, Holds
    for n_ in range(1, 20):
        assert isinstance(shift_pow_eq_one(n_), Holds)
        if n_ > 1:
            assert isinstance(shift_pow_eq_one(n_, power=n_ - 1), Counterexample)
            assert isinstance(shift_pow_eq_one(n_, power=n_ + 1), Counterexample)
        assert isinstance(shift_pow_eq_one(n_, power=2 * n_), Holds)


# ---------------------------------------------------------------- kernel polynomials of plain taps

_PLAIN = [0, 1, -3, sp.Integer(2), sp.Rational(-5, 3), sp.Symbol("a"), sp.Symbol("b", positive=True),
          sp.Symbol("x"), sp.Symbol("c", integer=True), sp.Dummy("d")]
_NOT_PLAIN = [sp.Float(0.5), sp.Symbol("a") + 1, sp.Symbol("a") * sp.Symbol("x"), sp.sqrt(2), sp.I,
              (sp.Symbol("x") + 1) ** 2, sp.Symbol("N", commutative=False)]


@SETTINGS
@given(st.lists(st.sampled_from(_PLAIN + _NOT_PLAIN), min_size=1, max_size=8),
       st.sampled_from([None, sp.Symbol("x"), sp.Symbol("y", positive=True), sp.Symbol("x") + 1, sp.Integer(2)]))
def test_kernel_polynomial_is_the_expanded_sum(taps_, x):
    from symconv.objects.kernels import kernel_polynomial
    y = sp.Symbol("x") if x is None else x
    want = sp.expand(sp.Add(*(sp.sympify(v) * y**t for t, v in enumerate(taps_))))
    got = kernel_polynomial(taps_, x)
    assert got == want and type(got) is type(want)


@SETTINGS
@given(st.lists(st.sampled_from(_PLAIN), min_size=1, max_size=10), st.sampled_from([None, sp.Symbol("x"), sp.Symbol("t")]))
def test_kernel_polynomial_of_plain_taps_is_the_expanded_sum(taps_, x):
    from symconv.objects.kernels import _plain_tap, kernel_polynomial
    assert all(_plain_tap(v) for v in taps_)
    y = sp.Symbol("x") if x is None else x
    want = sp.expand(sp.Add(*(sp.sympify(v) * y**t for t, v in enumerate(taps_))))
    assert kernel_polynomial(taps_, x) == want
    assert not any(_plain_tap(v) for v in _NOT_PLAIN)


# ---------------------------------------------------------------- concrete evaluation of actions: compiled closures

def _ca_both(a, b, defs=None, n_values=range(1, 7), seed=0):
    """The outcome of comparing a and b by the compiled closures and by the reference interpreter alone,
    each cold (no remembered outcome or value)."""
    from symconv.engine import concrete_actions as CA

    class Reference(CA._Eval):
        def __init__(self, *args, **kw):
            super().__init__(*args, **kw)
            self.reference = True

    out = []
    for cls in (CA._Eval, Reference):
        CA._MEMO.clear()
        CA._VALUES.clear()
        CA._CODE.clear()
        saved = CA._Eval
        CA._Eval = cls
        try:
            o = CA.compare(a, b, n_values, seed=seed, definitions=defs or {})
        except Exception as ex:        # an error that is no outcome must be the same error
            o = ("raised", type(ex).__name__, str(ex))
        finally:
            CA._Eval = saved
        out.append(o if isinstance(o, tuple) else (o.status, o.detail, o.points, o.ill_typed, o.differ, o.n))
    return out


def _action_catalogue_pairs():
    """Every pair the group scripts compare by actions: consecutive sides of their derivations and the two
    sides of their formal statements (true and false variants), with their definitions."""
    from symconv.engine.concrete_actions import uses_actions
    G = _proof("groups")
    pairs = []
    for d in G._derive_orbitals() + G._derive_burnside():
        exprs = [d.start] + [st.expr for st in d.steps]
        for p, q in zip(exprs, exprs[1:]):
            if isinstance(p, sp.Eq) and isinstance(q, sp.Eq):
                pairs += [((p.lhs, q.lhs), d.definitions()), ((p.rhs, q.rhs), d.definitions())]
            elif not isinstance(p, sp.Eq) and not isinstance(q, sp.Eq):
                pairs.append(((p, q), d.definitions()))
    for t in [v for v in vars(G).values() if type(v).__name__ == "Theorem"]:
        stmts = list(t.formal or ()) if isinstance(t.formal, (tuple, list)) else [t.formal]
        stmts += [v.formal for v in t.false_variants if getattr(v, "formal", None) is not None]
        for s in stmts:
            if s is None:
                continue
            if uses_actions([s.lhs, s.rhs], s.definition_map):
                for x, y in ((s.lhs, s.rhs),) if not isinstance(s.lhs, sp.Eq) else \
                        ((s.lhs.lhs, s.lhs.rhs), (s.rhs.lhs, s.rhs.rhs)):
                    pairs.append(((x, y), s.definition_map))
    return pairs


def test_compiled_actions_agree_with_the_interpreter_on_the_catalogue():
    pairs = _action_catalogue_pairs()
    assert len(pairs) >= 15
    statuses = set()
    for (a, b), defs in pairs:
        compiled, reference = _ca_both(a, b, defs)
        assert compiled == reference, (a, b)
        statuses.add(compiled[0])
    assert {"agree", "differ"} <= statuses


def test_compiled_actions_agree_with_the_interpreter_on_errors():
    """Ill-typed, unbound, undefined, wrong arity, reversed and non-integer ranges, 1/0, the unknown where
    an index is wanted: the same outcome, the same first message."""
    from symconv.objects.group_actions import Act, Card, NumOrbits, OrbitSize, Point, PtEq, SolDim, xsum
    from symconv.objects.group_elements import GId, GInv, GMul
    from symconv.objects.indexed import Iverson, entry_function, n as n_sym, zsum
    X_, Y_ = sp.symbols("X Y")
    x, x1, y = Point("x", X_), Point("x'", X_), Point("y", Y_)
    g, h = sp.symbols("g h", integer=True)
    r = sp.Symbol("r")                                  # not an integer: neither a label nor a point
    W, U, F = entry_function("W"), sp.Function("U"), sp.Function("F")
    defs = {"F": sp.Lambda((g, x), PtEq(x, Act(g, x)))}
    cases = [
        (PtEq(x, y), 0, {}), (PtEq(Act(g, y), x), 0, {}), (PtEq(g, h), 0, {}), (PtEq(U(x), F(y)), 0, defs), (Act(x, x), x, {}), (Act(g, g), x, {}),
        (x + 1, 1, {}), (2 * x, 1, {}), (xsum(PtEq(x, x1), x1), 1, {}),
        (sp.Sum(PtEq(x, x1), (x1, 0, Card(X_) - 2)), 1, {}), (sp.Sum(g, (g, 0, r)), 1, {}),
        (sp.Sum(g, (g, 3, 1)), 0, {}), (sp.Sum(g, (g, 2, 1)), 0, {}),
        (U(x), 1, {}), (W(x, g) * Card(Y_), W(x, g + n_sym) * Card(Y_), {}), (W(x, sp.Rational(1, 2)), 1, {}),
        (F(g, x), 1, defs), (F(g, y), 1, defs), (F(g), 1, defs), (F(x, x), 1, defs),
        (1 / (xsum(PtEq(Act(g, x), x), x) - xsum(PtEq(Act(g, x), x), x)), 1, {}),
        (Iverson(GMul(g, GInv(g)), GId()) * Card(X_), Card(X_), {}), (Iverson(GMul(g, h), GMul(h, g)), 1, {}),
        (PtEq(Act(GMul(g, h), x), Act(g, Act(h, x))), 1, {}), (W(x, GMul(g, h)), W(x, GMul(h, g)), {}),
        (OrbitSize(x, y) * NumOrbits(X_), n_sym, {}), (zsum(OrbitSize(Act(g, x)), g), n_sym * OrbitSize(x), {}),
        (SolDim(sp.Eq(W(Act(g, y), Act(g, x)), W(y, x), evaluate=False), W(y, x)), NumOrbits(Y_, X_), {}),
        (SolDim(sp.Eq(W(Act(g, y), x) * W(y, x), W(y, x), evaluate=False), W(y, x)), 1, {}),       # not linear
        (SolDim(sp.Eq(W(y, x), W(y, x) + 1, evaluate=False), W(y, x)), 1, {}),                       # no solution
        (SolDim(sp.Eq(W(x, y), W(y, x), evaluate=False), W(y, x)), 1, {}),                           # ill-typed
        (SolDim(sp.Eq(W(y, g), W(y, x), evaluate=False), W(y, x)), 1, {}),                           # index
        (zsum(PtEq(Act(g, x), x) * g ** 2 / 3, g), Card(X_), {}), (PtEq(x, x) ** -1, 1, {}),
        (x ** 2, 1, {}), (sp.Integer(0) * U(x), 0, {}), (Iverson(g, 0) * U(x), 0, {}),
    ]
    for a, b, d in cases:
        compiled, reference = _ca_both(a, b, d)
        assert compiled == reference, (a, b)


def _action_exprs(draw, depth):
    """A random expression of the action notation (points of X and Y, labels g, h), well or ill typed."""
    from symconv.objects.group_actions import Act, Card, OrbitSize, Point, PtEq, xsum
    from symconv.objects.group_elements import GId, GInv, GMul
    from symconv.objects.indexed import Iverson, entry_function, n as n_sym, zsum
    X_, Y_ = sp.symbols("X Y")
    pts = [Point("x", X_), Point("x'", X_), Point("y", Y_)]
    labels = list(sp.symbols("g h", integer=True))
    W = entry_function("W")

    def label(d):
        k = draw(st.integers(0, 4 if d > 0 else 1))
        if k == 0:
            return draw(st.sampled_from(labels))
        if k == 1:
            return draw(st.sampled_from([sp.Integer(draw(st.integers(-2, 3))), GId()]))
        if k == 2:
            return GMul(label(d - 1), label(d - 1))
        if k == 3:
            return GInv(label(d - 1))
        return draw(st.sampled_from(pts))                 # ill-typed
    def point(d):
        if d <= 0 or draw(st.booleans()):
            return draw(st.sampled_from(pts))
        return Act(label(d - 1), point(d - 1))
    def number(d):
        k = draw(st.integers(0, 8 if d > 0 else 2))
        if k == 0:
            return sp.Rational(draw(st.integers(-3, 3)), draw(st.integers(1, 3)))
        if k == 1:
            return draw(st.sampled_from([n_sym, Card(X_), Card(Y_)]))
        if k == 2:
            return PtEq(point(d), point(d))
        if k == 3:
            return number(d - 1) + number(d - 1)
        if k == 4:
            return number(d - 1) * number(d - 1)
        if k == 5:
            p = draw(st.sampled_from(pts))
            return xsum(number(d - 1), p) if draw(st.booleans()) else zsum(number(d - 1), labels[0])
        if k == 6:
            return Iverson(label(d - 1), label(d - 1))
        if k == 7:
            return W(point(d - 1), label(d - 1))
        return OrbitSize(point(d - 1))
    return number(depth)


@SETTINGS
@given(st.data(), st.integers(0, 3))
def test_compiled_actions_agree_with_the_interpreter_on_random_expressions(data, seed):
    a = _action_exprs(data.draw, 3)
    b = _action_exprs(data.draw, 2)
    compiled, reference = _ca_both(a, b, n_values=range(1, 5), seed=seed)
    assert compiled == reference, (a, b)


# ---------------------------------------------------------------- proofs/layer_equivariance.py: Max, Min, floor, Mod unevaluated

def _fresh_script(name, tag):
    import importlib.util
    from pathlib import Path
    path = Path(__file__).resolve().parents[1] / "proofs" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"r2_fresh_{name}_{tag}", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _statements_of(mod):
    """name -> every formal statement of the script's theorems and false variants, in order."""
    out = {}
    for v in vars(mod).values():
        if type(v).__name__ != "Theorem":
            continue
        stmts = list(v.formal) if isinstance(v.formal, (tuple, list)) else [v.formal]
        for var in v.false_variants:
            stmts.append(var.formal)
        out[v.name] = stmts
    return out


def _sympy_globals(mod):
    """The script's module-level SymPy objects, and those inside its module-level dicts and tuples."""
    out = {}
    for k, v in vars(mod).items():
        if isinstance(v, sp.Basic):
            out[k] = v
        elif isinstance(v, dict) and all(isinstance(q, sp.Basic) for q in v.values()) and v:
            out[k] = tuple(sorted(v.items()))
        elif isinstance(v, tuple) and v and all(isinstance(q, sp.Basic) for q in v):
            out[k] = v
    return out


@pytest.mark.parametrize("script, unevaluated, globals_", [("layer_equivariance", 81, {"_MAX2", "_MAX2D"}),
                                                           ("layer_shapes", 11, {"_OUT"}),
                                                           ("filters", 28, {"_SMOOTH", "_B246"})])
def test_scripts_statements_are_the_evaluated_ones(script, unevaluated, globals_, monkeypatch):
    """The scripts build Max, Min, floor and Mod unevaluated (layer_equivariance's _max, _min, _floor,
    _mod; layer_shapes' _le and _formula; filters' _inside and _binom); built with SymPy's evaluated ones instead, every statement,
    definition and module-level object is the same: equal structurally, the same srepr, the same LaTeX."""
    from symconv.render.latex import statement_latex
    fast = _fresh_script(script, "fast")
    real_max, real_min = sp.Max, sp.Min
    calls = []

    def evaluated(cls):
        def make(*args, **kw):
            calls.append(kw.pop("evaluate", None))
            return cls(*args, **kw)            # evaluated, whatever the caller asked
        return make
    for name in ("Max", "Min", "floor", "Mod"):
        monkeypatch.setattr(sp, name, evaluated(getattr(sp, name)))
    slow = _fresh_script(script, "slow")
    monkeypatch.undo()
    assert calls.count(False) >= unevaluated and sp.Max is real_max   # the script's unevaluated calls, evaluated
    sf, ss = _statements_of(fast), _statements_of(slow)
    assert list(sf) == list(ss) and len(sf) >= 2
    n_stmts = 0
    for name in sf:
        assert len(sf[name]) == len(ss[name]), name
        for a, b in zip(sf[name], ss[name]):
            assert (a is None) == (b is None), name
            if a is None:
                continue
            n_stmts += 1
            assert a == b, name
            for f in ("lhs", "rhs", "definitions", "hypotheses"):
                assert sp.srepr(getattr(a, f)) == sp.srepr(getattr(b, f)), (name, f)
            assert statement_latex(a) == statement_latex(b), name
            for (na, la), (nb, lb) in zip(a.definitions, b.definitions):
                assert na == nb and sp.latex(la) == sp.latex(lb), (name, na)
    assert n_stmts >= 4
    gf, gs = _sympy_globals(fast), _sympy_globals(slow)
    assert set(gf) == set(gs) and globals_ <= set(gf)
    for k in gf:
        assert gf[k] == gs[k] and sp.srepr(gf[k]) == sp.srepr(gs[k]), k
    # the comparison sees a difference: what evaluation decides is not the unevaluated object
    e = sp.Symbol("e", integer=True, nonnegative=True)
    assert real_max(e, 0) == e and real_max(e, 0, evaluate=False) != e
    assert sp.floor(e + 1) != sp.floor(e + 1, evaluate=False) and sp.Mod(e + 2, 2) != sp.Mod(e + 2, 2, evaluate=False)


# ---------------------------------------------------------------- remainder by x^n -+ 1 (circular_poly_eq_mod)

@SETTINGS
@given(st.integers(1, 7), st.sampled_from([-1, 1]),
       st.lists(st.tuples(st.integers(0, 30), st.integers(0, 3), st.integers(0, 2), st.integers(-9, 9)),
                max_size=25))
def test_remainder_by_x_pow_is_the_rings_remainder(n, sign, terms):
    from symconv.verify import kernels as VK
    R, x, a0, b0 = sp.ring([VK.X, sp.Symbol("a_0"), sp.Symbol("b_0")], sp.ZZ, sp.lex)
    P = sum((c * x**e * a0**p * b0**q for e, p, q, c in terms), R(0))
    assert VK._rem_x_pow(P, n, sign) == P.rem(x**n + sign)


def test_remainder_by_x_pow_refuses_other_rings_and_moduli():
    """x not first, n < 1 or a sign other than -+1: the ring's own remainder (or its error), as before."""
    from symconv.verify import kernels as VK
    R, a0, x = sp.ring([sp.Symbol("a_0"), VK.X], sp.ZZ, sp.lex)
    P = x**5 * a0 + 3 * x**2 + a0**2 * x**7
    assert VK._rem_x_pow(P, 3, -1) == P.rem(x**3 - 1)
    _, x2, b2 = sp.ring([VK.X, sp.Symbol("b_0")], sp.ZZ, sp.lex)
    Q = x2**5 * b2 + 3 * x2**2 + 7
    assert VK._rem_x_pow(Q, 2, 2) == Q.rem(x2**2 + 2) == 4 * x2 * b2 + 1        # x^2 = -2
    with pytest.raises(ZeroDivisionError):
        VK._rem_x_pow(Q, 0, -1)


@pytest.mark.parametrize("n", range(1, 9))
@pytest.mark.parametrize("sign", [-1, 1])
def test_circular_poly_eq_mod_decides_as_with_the_rings_remainder(n, sign, monkeypatch):
    from symconv.verify import kernels as VK
    new = VK.circular_poly_eq_mod(n, sign)
    monkeypatch.setattr(VK, "_rem_x_pow", lambda P, n_, s: P.rem(P.ring(VK.X)**n_ + s))
    old = VK.circular_poly_eq_mod(n, sign)
    assert type(new) is type(old) and str(new) == str(old)
    assert type(new).__name__ == ("Holds" if sign == -1 or n == 1 else "Counterexample")   # n = 1: degree 0
