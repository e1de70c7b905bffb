"""Concrete evaluation (symconv.engine.concrete): exact values at small n, independent of the rules."""

import ast
import pathlib
import time

import pytest
import sympy as sp

from symconv.engine.concrete import SUPPORT_RADIUS, ConcreteOutcome, concrete_compare
from symconv.objects.indexed import (ENTRY, Iverson, S, W, X, a, b, c, conv, entry_function, i, j, k, l, lsum, m,
                                     n, omega, s_, sequence_function, t, u, v, x, xi, zsum)

D = sp.KroneckerDelta
za, zb = sequence_function("za", "a"), sequence_function("zb", "b")
f = entry_function("f")
r_real = sp.Symbol("r", real=True)


def agree(p, q, **kw):
    o = concrete_compare(p, q, **kw)
    assert o.status == "agree", o
    assert o.points > 0 and not o.differ
    return o


def differ(p, q, **kw):
    o = concrete_compare(p, q, **kw)
    assert o.status == "differ", o
    assert o.differ and "n = " in o.detail and "first = " in o.detail and "second = " in o.detail
    return o


def unevaluable(p, q, **kw):
    o = concrete_compare(p, q, **kw)
    assert o.status == "unevaluable", o
    assert o.detail and not o.differ
    return o


# --------------------------------------------------------------------------- independence

_ALLOWED = {"__future__", "cmath", "hashlib", "math", "dataclasses", "fractions", "random", "typing", "itertools",
            "sympy", "sympy.core.function", "sympy.core.relational", "sympy.logic.boolalg",
            "symconv.objects.indexed", "symconv.objects.group_elements", "symconv.objects.group_actions",  # notation
            "symconv.objects.expr_facts",     # SymPy's own free symbols and atoms, remembered (imports only SymPy)
            "symconv.engine._memo"}           # a bounded memo of outcomes (imports nothing)


@pytest.mark.parametrize("name,extra", [("concrete.py", {"symconv.engine.concrete_actions"}),     # points of G-sets
                                        ("concrete_actions.py", {"symconv.engine.concrete"})])   # its outcome type
def test_imports_only_sympy_stdlib_and_the_notation(name, extra):
    src = pathlib.Path(__file__).parents[1] / "symconv" / "engine" / name
    allowed = _ALLOWED | extra
    for node in ast.walk(ast.parse(src.read_text())):
        if isinstance(node, ast.Import):
            mods = [a_.name for a_ in node.names]
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, "no relative imports"
            mods = [node.module]
        else:
            continue
        for mod in mods:
            assert mod in allowed, f"{name} imports {mod}"


def test_expr_facts_imports_only_sympy_and_the_stdlib():
    src = pathlib.Path(__file__).parents[1] / "symconv" / "objects" / "expr_facts.py"
    for node in ast.walk(ast.parse(src.read_text())):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            mods = [a_.name for a_ in node.names] if isinstance(node, ast.Import) else [node.module]
            assert all(m in {"__future__", "functools", "sympy", "sympy.concrete.expr_with_limits"} for m in mods), mods


# --------------------------------------------------------------------------- correct identities agree

def test_shift_times_matrix():
    agree(zsum(Iverson(i, l + 1) * W(l, j), l), W(i - 1, j))
    agree(zsum(S(i, l) * W(l, j), l), W(i - 1, j))          # S through the conventions' ENTRY


def test_geometric_sum():
    o = agree(zsum(omega ** ((j - k) * l), l), n * Iverson(j, k))
    assert o.points == 1 + 4 + 9 + 16 + 24 + 24            # all pairs up to 24 per n, then a sample


def test_conv_associativity_on_Zn():
    agree(zsum(zsum(a(s_ - u - t) * b(t), t) * c(u), u), zsum(a(s_ - v) * zsum(b(v - u) * c(u), u), v))


def test_dft_shift_and_convolution():
    agree(zsum(omega ** (j * t) * a(t - m), t), omega ** (j * m) * zsum(omega ** (j * t) * a(t), t))
    agree(zsum(omega ** (j * k) * zsum(a(k - t) * b(t), t), k),
          zsum(omega ** (j * s_) * a(s_), s_) * zsum(omega ** (j * t) * b(t), t))
    agree(sp.conjugate(zsum(a(t) * omega ** (j * t), t)), zsum(sp.conjugate(a(t)) * omega ** (-j * t), t))


def test_parseval():
    agree(zsum(zsum(omega ** (j * k) * a(k), k) * zsum(omega ** (-j * l) * sp.conjugate(a(l)), l), j),
          n * zsum(a(k) * sp.conjugate(a(k)), k))


def test_sequences_on_Z():
    o = agree(lsum(za(t - u) * zb(u), u), lsum(za(u) * zb(t - u), u))
    assert "t = -2" not in o.detail
    agree(lsum(lsum(za(s_ - t) * zb(t) * X ** s_, t), s_), lsum(za(t) * X ** t, t) * lsum(zb(u) * X ** u, u))
    agree(lsum(D(s_, t) * za(t), t), za(s_))
    agree(sp.Sum(za(t), (t, 0, sp.oo)), sum(za(q) for q in range(SUPPORT_RADIUS + 1)))


def test_polynomials_mod_xn_minus_1():
    agree(xi ** n, 1)
    agree(xi ** (n + 2), xi ** 2)
    agree(zsum(c(t) * xi ** t, t) * zsum(c(u) * xi ** u, u), zsum(xi ** s_ * zsum(c(t) * c(s_ - t), t), s_))


def test_roots_of_unity_and_complex_parts():
    agree(omega ** (j * k), sp.exp(-2 * sp.pi * sp.I * j * k / n))
    agree(sp.cos(2 * sp.pi * j / n), (omega ** j + omega ** (-j)) / 2)
    agree(sp.sin(2 * sp.pi * j / n), (omega ** (-j) - omega ** j) / (2 * sp.I))
    agree(sp.re(a(j)), (a(j) + sp.conjugate(a(j))) / 2)
    agree(sp.im(a(j)), (a(j) - sp.conjugate(a(j))) / (2 * sp.I))
    agree(sp.Abs(a(j)) ** 2, a(j) * sp.conjugate(a(j)))
    agree(sp.I ** 2, -1)
    agree(a(j) / a(j), 1)
    agree(1 / (a(j) + omega), (a(j) + omega) ** -1)
    agree(sp.floor(n / 2) + sp.ceiling(n / 2), n)
    agree(Iverson(i, j), D(sp.Mod(i - j, n), 0))
    agree(sp.Product(omega ** t, (t, 0, n - 1)), omega ** (n * (n - 1) / 2))


def test_definitions_and_conventions():
    agree(conv(t), zsum(a(t - u) * b(u), u))                             # ENTRY's conv
    ab = entry_function("ab")
    defs = {"ab": sp.Lambda((k,), zsum(a(k - t) * b(t), t))}
    agree(zsum(omega ** (j * k) * ab(k), k), zsum(omega ** (j * k) * zsum(a(k - t) * b(t), t), k), definitions=defs)
    # lexical scope: the definition's bound t is not the caller's t
    agree(ab(t), zsum(a(t - u) * b(u), u), definitions=defs)


def test_sums_empty_and_dependent_ranges():
    agree(sp.Sum(a(t), (t, 3, 2)), 0)                                   # hi = lo - 1: empty
    agree(sp.Sum(sp.Sum(W(s_, t), (t, 0, s_)), (s_, 0, n - 1)), sp.Sum(sp.Sum(W(s_, t), (s_, t, n - 1)), (t, 0, n - 1)))
    agree(sp.Sum(W(s_, t), (t, 0, s_), (s_, 0, n - 1)), sp.Sum(sp.Sum(W(s_, t), (t, 0, s_)), (s_, 0, n - 1)))


# --------------------------------------------------------------------------- false ones differ, with a witness

def test_index_off_by_one():
    o = differ(zsum(S(i, l) * W(l, j), l), W(i + 1, j))
    assert "i = " in o.detail and "j = " in o.detail


def test_i_and_j_swapped():
    differ(W(i, j), W(j, i))
    differ(zsum(W(i, l) * W(l, j), l), zsum(W(j, l) * W(l, i), l))


def test_exponent_sign_flipped():
    differ(zsum(omega ** (j * t) * a(t - m), t), omega ** (-j * m) * zsum(omega ** (j * t) * a(t), t))
    differ(omega ** (j * k), sp.exp(2 * sp.pi * sp.I * j * k / n))


def test_dropped_conjugate():
    differ(sp.conjugate(zsum(a(t) * omega ** (j * t), t)), zsum(sp.conjugate(a(t)) * omega ** (j * t), t))


def test_extra_factor_n():
    differ(zsum(omega ** ((j - k) * l), l), n ** 2 * Iverson(j, k))
    differ(zsum(omega ** ((j - k) * l), l), Iverson(j, k) / n)


def test_captured_variable():
    # (a (*) b)_t unfolded with capture: a_0 sum_u b_u
    differ(zsum(a(t - u) * b(u), u), a(0) * zsum(b(u), u))
    differ(conv(t), a(0) * zsum(b(t), t))


def test_dependent_range_reordered():
    differ(sp.Sum(sp.Sum(f(s_, t), (t, 0, s_)), (s_, 0, n - 1)), sp.Sum(sp.Sum(f(s_, t), (s_, 0, t)), (t, 0, n - 1)))


def test_sequences_on_Z_are_not_periodic():
    differ(za(t), za(t + 5))
    differ(lsum(za(t - u) * zb(u), u), lsum(za(u) * zb(t + u), u))
    differ(lsum(za(t) * X ** t, t) * lsum(zb(u) * X ** (-u), u), lsum(X ** s_ * lsum(za(t) * zb(s_ - t), t), s_))


def test_linear_convolution_is_not_cyclic():
    differ(zsum(c(t) * xi ** t, t) * zsum(c(u) * xi ** u, u),
           sp.Sum(xi ** s_ * zsum(c(t) * c(s_ - t), t), (s_, 0, 2 * n - 2)))


def test_overridden_definition_is_used():
    # the conventions' S against a script that redefines it: the caller decides, the value follows
    differ(S(i, j) * x(j), x(j) * Iverson(i, j - 1))
    agree(S(i, j) * x(j), x(j) * Iverson(i, j - 1), definitions={"S": sp.Lambda((i, j), Iverson(i, j - 1))})


def test_sift_at_half_n_is_not_agree():
    o = unevaluable(zsum(Iverson(j, n / 2) * x(j), j), x(n / 2))
    assert "not an integer" in o.detail
    assert concrete_compare(x(n / 2), x(n / 2)).status == "unevaluable"


# --------------------------------------------------------------------------- unevaluable

def test_infinite_reorder_is_unevaluable():
    body = D(s_, t) - D(t, s_ + 1)
    unevaluable(lsum(lsum(body, t), s_), lsum(lsum(body, s_), t))
    unevaluable(lsum(lsum(body, t), s_), 0)
    unevaluable(lsum(Iverson(t, 0) * za(0), t), za(0))            # no finite support in t


def test_integral_and_real_exponent():
    tau = sp.Symbol("tau", real=True)
    unevaluable(sp.Integral(sp.Function("g")(tau), (tau, 0, 1)), 0)
    # a real scalar r is never an integer: omega^(n r) = 1 is refuted (at n = 2, say), and a bracket
    # [r = 0] is ill-typed, never "agree"
    differ(omega ** (n * r_real), 1)
    o = unevaluable(zsum(omega ** (r_real * l), l), n * Iverson(r_real, 0))
    assert o.ill_typed


def test_scalars_take_random_values():
    lam_ = sp.Symbol("lambda")
    assert concrete_compare(lam_ * a(i) * b(j), b(j) * a(i) * lam_).status == "agree"
    differ(lam_ * a(i), a(i))
    pos = sp.Symbol("p", positive=True)
    differ(sp.Abs(pos) - pos + 1, 0)
    assert concrete_compare(sp.Abs(pos), pos).status == "agree"


def test_ill_typed_index_is_flagged():
    o = unevaluable(zsum(Iverson(j, n / 2) * x(j), j), x(n / 2))
    assert o.ill_typed and "ill-typed" in o.detail
    assert not concrete_compare(a(i), a(i + 1) - a(i + 1) + a(i)).ill_typed


@pytest.mark.parametrize("expr", [sp.pi * a(i), sp.sqrt(2) * a(i), sp.Float(0.5) * a(i), sp.Function("g")(i),
                                  sp.Symbol("A", commutative=False),
                                  sp.Function("Pk")(a(i), X), sp.Sum(a(t), (t, 3, 0)), sp.log(a(i)),
                                  sp.Product(a(t), (t, 0, sp.oo)), omega ** sp.Rational(1, 2),
                                  a(i) / (a(i) - a(i))])
def test_unevaluable_expressions(expr):
    unevaluable(expr, expr)


def test_statements_are_left_to_the_caller():
    unevaluable(sp.Eq(a(i), a(i)), sp.Eq(a(i), a(i)))
    unevaluable(sp.Eq(a(i), a(i)), a(i))
    unevaluable(sp.true, sp.true)


def test_no_points_is_not_agree():
    p = sp.Symbol("p", integer=True, positive=True)
    o = concrete_compare(W(p, p), W(p, p), n_values=[1])
    assert o.status == "unevaluable" and o.points == 0


# --------------------------------------------------------------------------- determinism, sampling, speed

def test_deterministic():
    p, q = zsum(S(i, l) * W(l, j), l) + W(i, m), W(i + 1, j) + W(i, m)
    o1, o2 = concrete_compare(p, q, seed=3), concrete_compare(p, q, seed=3)
    assert o1 == o2 and o1.differ
    assert concrete_compare(p, q, seed=4).differ
    g1 = concrete_compare(zsum(omega ** ((j - k) * l), l) * W(i, m), n * Iverson(j, k) * W(i, m), seed=5)
    g2 = concrete_compare(zsum(omega ** ((j - k) * l), l) * W(i, m), n * Iverson(j, k) * W(i, m), seed=5)
    assert g1 == g2 and g1.status == "agree" and g1.points == 1 + 16 + 24 * 4


def test_trials_and_max_points():
    o = concrete_compare(W(i, j), W(i, j), n_values=[5], max_points=7, trials=3)
    assert o == ConcreteOutcome("agree", o.detail, 21)


def test_fast_enough():
    e1 = zsum(zsum(zsum(omega ** (j * k) * a(k) * omega ** (-j * l) * a(l) * W(i, j), l), k), j) + W(i, m)
    e2 = zsum(zsum(a(k) * a(l) * zsum(omega ** (j * k) * omega ** (-j * l) * W(i, j), j), l), k) + W(i, m)
    concrete_compare(e1, e2)
    best = min(_timed(e1, e2) for _ in range(3))
    assert best < 1.0, best          # about 0.1 s on an idle machine


def _timed(p, q):
    t0 = time.perf_counter()
    assert concrete_compare(p, q).status == "agree"
    return time.perf_counter() - t0


def test_entry_table_is_the_default():
    assert set(ENTRY) <= {"S", "C", "F", "F^*", "conv"}


def test_exact_inverse_in_cyclotomic_fields():
    import random
    from fractions import Fraction
    from symconv.engine.concrete import _cinv, _cmul, _cpow, _reduce
    rng = random.Random(1)
    for L in (4, 12, 20, 24, 28):
        for _ in range(10):
            val = {q: Fraction(rng.randint(-5, 5), rng.randint(1, 4)) for q in rng.sample(range(L), 3)}
            if not any(_reduce(val, L)):
                continue
            for w in (_cmul(val, _cinv(val, L), L), _cmul(_cpow(val, -3, L), _cpow(val, 3, L), L)):
                red = _reduce(w, L)
                assert red[0] == 1 and not any(red[1:])


def test_a_definition_parameter_does_not_widen_the_statement_index():
    """A definition's parameter named like a free index of the statement is bound in the definition:
    the statement's index keeps its own range (0..N-1 for an entry on Z_n)."""
    from symconv.engine.concrete import _collect
    h = sequence_function("h_par")
    g = entry_function("g_par")
    defs = {"g_par": sp.Lambda((i,), lsum(h(i - t) * h(t), t))}
    free, zargs = _collect([g(i) + x(i)], defs)
    assert i in free and i not in zargs
