"""Soundness of the derivation rules: each rule checks its own side conditions.

Every false theorem of issue 9 that went through a rule (variable capture, a
redefined convention, infinite or dependent reorderings of sums, non-integer
sifting and exponents, non-bijective substitutions) is written here as a step
that must be REJECTED, next to the correct step, which must still be accepted.
The mutation tests at the end fail if a guard of the rule layer is removed.
"""

import pytest
import sympy as sp

import symconv as sc
from symconv.engine.statement import Hypothesis
from symconv.engine.compare import equal_mod_n, finite_support, integer_poly, reorder_ok
from symconv.engine.rules import (ApplyLemma, CancelTerms, CombineSums, DiagonalConstancy, EvaluateSum, ExponentArithmetic,
                                  FactorIntegrals, FactorSums, Fold, Fubini, GeometricSum, IndexArithmetic,
                                  LemmaRewrite, PolyIdentity, ProductOfSums, PullIn, PullOut, Reindex, ReindexSum,
                                  RuleError, Sift, SplitSum, SubstituteIntegral, SwapSums, Unfold)
from symconv.objects.indexed import (X, Iverson, Pk, S, W, a, b, c, conv, deg, entry_function, i, j, k, l, lsum, m,
                                     n, omega, s_, sequence_function, t, u, x, xi, zsum)

D = sp.KroneckerDelta
R = (-sp.oo, sp.oo)
r = sp.Symbol("r", real=True)          # a real, possibly non-integer, parameter
h = sequence_function("h")             # a finitely supported sequence on Z (indices compared exactly)
g2 = sequence_function("g2")
za, zb, zc = (sequence_function(name) for name in ("za", "zb", "zc"))   # finitely supported sequences on Z


def ok(start, stated, rule, hypotheses=()) -> bool:
    """Whether the step start -> stated is accepted by the rule itself AND by the derivation.

    A rejection must come from the rule's own check: the derivation also evaluates its
    steps concretely, and that independent check must not hide a rule that accepts a
    false step (``assert not ok(...)`` fails as soon as the rule alone accepts it).
    """
    d = sc.Derivation(start, hypotheses=hypotheses).step(stated, rule)
    in_context = getattr(rule, "check_in_context", None)
    rule_says, detail = in_context(d, start, stated) if in_context else rule.check(start, stated)
    derivation_says = d.check().ok
    if rule_says:
        assert derivation_says, "the rule accepts the step, the derivation's other checks do not: " + detail
        return True
    assert not derivation_says, "the rule rejects the step but the derivation accepts it"
    return False


# ------------------------------------------------------------------ 1. capture-avoiding substitution

def test_unfold_conv_does_not_capture_the_free_index():
    # ENTRY's conv binds t; unfolding (a (*) b)_t must not give a_0 sum_u b_u
    assert not ok(conv(t), a(0) * zsum(b(u), u), Unfold("conv"))
    assert not ok(conv(t), zsum(a(0) * b(t), t), Unfold("conv"))
    assert ok(conv(t), zsum(a(t - u) * b(u), u), Unfold("conv"))
    assert ok(conv(i), zsum(a(i - t) * b(t), t), Unfold("conv"))


def test_fold_conv_does_not_capture_either():
    assert not ok(zsum(a(0) * b(t), t), conv(t), Fold("conv"))
    assert ok(zsum(a(t - u) * b(u), u), conv(t), Fold("conv"))


def test_script_definition_does_not_capture():
    Fc = entry_function("Fc_cap", "(Fc)")
    defs = {"Fc_cap": sp.Lambda((j,), zsum(omega ** (j * k) * c(k), k))}
    # the false (Fc)_k = sum_k omega^(k^2) c_k
    assert not ok(Fc(k), zsum(omega ** (k * k) * c(k), k), Unfold("Fc_cap", definitions=defs))
    assert not ok(zsum(omega ** (k * k) * c(k), k), Fc(k), Fold("Fc_cap", definitions=defs))
    assert ok(Fc(k), zsum(omega ** (k * l) * c(l), l), Unfold("Fc_cap", definitions=defs))
    assert ok(zsum(omega ** (k * l) * c(l), l), Fc(k), Fold("Fc_cap", definitions=defs))


def test_definition_parameters_are_not_captured_by_a_sum():
    # P(i, j) = [i = j + k] with k the definition's own parameter: under sum_k it would be captured
    Pw = entry_function("Pw_cap")
    defs = {"Pw_cap": sp.Lambda((i, j), Iverson(i, j + k))}
    assert not ok(zsum(c(k) * Pw(i, j), k), zsum(c(k) * Iverson(i, j + k), k), Unfold("Pw_cap", definitions=defs))
    assert ok(c(k) * Pw(i, j), c(k) * Iverson(i, j + k), Unfold("Pw_cap", definitions=defs))   # k free: fine
    # with k an argument it is the summed k
    Pk3 = entry_function("Pk3_cap")
    defs3 = {"Pk3_cap": sp.Lambda((k, i, j), Iverson(i, j + k))}
    assert ok(zsum(c(k) * Pk3(k, i, j), k), zsum(c(k) * Iverson(i, j + k), k), Unfold("Pk3_cap", definitions=defs3))


def test_pull_in_does_not_capture():
    double = sp.Sum(W(i, j), (i, 0, n - 1), (j, 0, n - 1))
    # x_i moved under a sum binding i
    assert not ok(x(i) * double, sp.Sum(x(i) * W(i, j), (i, 0, n - 1), (j, 0, n - 1)), PullIn(j))
    assert ok(x(i) * double, sp.Sum(x(i) * W(l, j), (l, 0, n - 1), (j, 0, n - 1)), PullIn(j))
    assert ok(x(i) * zsum(W(i, j), j), zsum(x(i) * W(i, j), j), PullIn(j))
    assert not ok(x(j) * zsum(W(i, j), j), zsum(x(j) * W(i, j), j), PullIn(j))


def test_pull_out_keeps_powers_of_the_summed_variable_inside():
    # sum_l l^(l+1) is not l * sum_l l^l (the base is the summed variable)
    assert not ok(zsum(l ** (l + 1), l), l * zsum(l ** l, l), PullOut(l))
    assert ok(zsum(omega ** (l + i) * x(l), l), omega ** i * zsum(omega ** l * x(l), l), PullOut(l))


def test_product_of_sums_does_not_capture():
    # the second sum's free t would fall under the first sum's t
    prod = lsum(za(t), t) * lsum(zb(u) * zc(t), u)
    assert not ok(prod, sp.Sum(za(t) * zb(u) * zc(t), (t, *R), (u, *R)), ProductOfSums())
    assert ok(lsum(za(t), t) * lsum(zb(u), u), sp.Sum(za(t) * zb(u), (t, *R), (u, *R)), ProductOfSums())
    # and in reverse: a factorisation whose factors share a variable is refused
    assert not ok(sp.Sum(za(s_) * zb(t), (s_, *R), (t, *R)), lsum(za(s_) * zb(t), s_) * lsum(zb(t), t), FactorSums())


def test_reindex_substitutes_only_free_indices():
    eq = sp.Eq(zsum(W(i, j), j), x(i), evaluate=False)
    shear = Reindex({i: i + j, j: j})
    assert not ok(eq, sp.Eq(zsum(W(i + j, j), j), x(i + j), evaluate=False), shear)   # the bound j captured
    assert ok(eq, sp.Eq(zsum(W(i + j, l), l), x(i + j), evaluate=False), shear)


# ------------------------------------------------------------------ 2. conventions are not redefined

def test_the_conventions_shift_cannot_be_redefined():
    wrong_S = {"S": sp.Lambda((i, j), Iverson(i, j - 1))}
    with pytest.raises(RuleError, match="convention"):
        Unfold("S", definitions=wrong_S)
    with pytest.raises(RuleError, match="convention"):
        Fold("S", definitions=wrong_S)
    with pytest.raises(RuleError, match="convention"):
        Unfold("conv", definitions={"conv": sp.Lambda((i,), zsum(c(i - t) * x(t), t))})
    # so "(S x)_i = x_{i+1}" cannot be derived through a redefinition
    start = zsum(S(i, j) * x(j), j)
    assert not ok(start, zsum(Iverson(i, j - 1) * x(j), j), Unfold("S"))
    assert ok(start, zsum(Iverson(i, j + 1) * x(j), j), Unfold("S"))


def test_the_same_definition_of_a_convention_is_not_a_redefinition():
    same = {"S": sp.Lambda((k, l), Iverson(k, l + 1))}           # ENTRY's S with other parameter names
    rule = Unfold("S", definitions=same)
    assert ok(zsum(S(i, j) * x(j), j), zsum(Iverson(i, j + 1) * x(j), j), rule)
    assert "this script" not in rule.justification()


def test_another_object_under_a_conventions_name_is_refused():
    other = entry_function("conv", r"(c \circledast x)")      # a different notation named conv
    assert other != conv
    assert not ok(other(i), zsum(a(i - t) * b(t), t), Unfold("conv"))


def test_script_definitions_are_flagged():
    K = entry_function("K_own", "K")
    rule = Unfold("K_own", definitions={"K_own": sp.Lambda((i,), x(i + 1))})
    d = sc.Derivation(K(i)).step(x(i + 1), rule).check()
    assert d.ok
    assert "this script's own" in d.reports[0].detail
    assert "(this script's)" in rule.justification() and "definition of $K$" in rule.justification()
    fold = Fold("K_own", definitions={"K_own": sp.Lambda((i,), x(i + 1))})
    d2 = sc.Derivation(x(i + 1)).step(K(i), fold).check()
    assert d2.ok and "this script's own" in d2.reports[0].detail
    labelled = Unfold("K_own", definitions={"K_own": sp.Lambda((i,), x(i + 1))}, label="equivariance")
    assert "this script's definition of" in labelled.justification()
    assert "this script" not in Unfold("S").justification()


# ------------------------------------------------------------------ 3. sums are reordered only when finite

DEP = sp.Sum(h(s_, t), (t, 0, s_), (s_, 0, n - 1))             # sum_{s<n} sum_{t<=s}
DEP_SWAPPED = sp.Sum(h(s_, t), (s_, 0, n - 1), (t, 0, s_))      # its ranges read as if independent


def test_dependent_ranges_are_not_reordered():
    assert not equal_mod_n(DEP, DEP_SWAPPED)
    assert not ok(DEP, DEP_SWAPPED, IndexArithmetic())
    assert not ok(DEP, DEP_SWAPPED, ExponentArithmetic())
    assert not ok(DEP, DEP_SWAPPED, SwapSums())
    assert not reorder_ok(DEP)
    # the same sum, its variables renamed, is the same sum
    assert ok(DEP, sp.Sum(h(u, l), (l, 0, u), (u, 0, n - 1)), IndexArithmetic())


def test_ranges_are_compared_after_renaming():
    # sum_{s<n} sum_{t<=s} h(t) is not sum_{u<n} sum_{t<=s} h(t) with a free s
    assert not equal_mod_n(sp.Sum(h(t), (t, 0, s_), (s_, 0, n - 1)), sp.Sum(h(t), (t, 0, s_), (u, 0, n - 1)))
    y_, z_, w_ = sp.symbols("y z w", real=True)
    f_ = sp.Function("f")
    tri = sp.Integral(f_(y_), (y_, 0, z_), (z_, 0, 1))
    assert not equal_mod_n(tri, sp.Integral(f_(y_), (y_, 0, z_), (w_, 0, 1)))     # z bound vs z free
    assert equal_mod_n(tri, sp.Integral(f_(w_), (w_, 0, y_), (y_, 0, 1)))         # renamed: the same


INF_BODY = D(s_, t) - D(t, s_ + 1)          # sum_s sum_t: 0 one way, 1 the other
INF_ST = sp.Sum(INF_BODY, (t, *R), (s_, *R))
INF_TS = sp.Sum(INF_BODY, (s_, *R), (t, *R))


def test_infinite_double_series_is_not_swapped():
    assert not ok(INF_ST, INF_TS, SwapSums())
    assert not ok(INF_ST, INF_TS, IndexArithmetic())
    assert not equal_mod_n(INF_ST, INF_TS)
    # the goal comparison alone does not accept the swap either
    assert not sc.Derivation(INF_ST, goal=INF_TS).step(INF_ST, IndexArithmetic()).check().ok
    half = sp.Sum(INF_BODY, (t, 0, sp.oo), (s_, 0, sp.oo))
    half_swapped = sp.Sum(INF_BODY, (s_, 0, sp.oo), (t, 0, sp.oo))
    assert not equal_mod_n(half, half_swapped)
    assert not ok(half, half_swapped, SwapSums())


def test_finite_double_sums_are_still_swapped():
    body = W(s_, t) * x(t)
    assert ok(sp.Sum(body, (t, 0, n - 1), (s_, 0, n - 1)), sp.Sum(body, (s_, 0, n - 1), (t, 0, n - 1)), SwapSums())
    assert equal_mod_n(sp.Sum(body, (t, 0, n - 1), (s_, 0, n - 1)), sp.Sum(body, (s_, 0, n - 1), (t, 0, n - 1)))
    fin = za(s_ - t) * zb(t)                                         # finitely supported on Z^2
    assert ok(sp.Sum(fin, (t, *R), (s_, *R)), sp.Sum(fin, (s_, *R), (t, *R)), SwapSums())
    assert equal_mod_n(sp.Sum(fin, (t, *R), (s_, *R)), sp.Sum(fin, (s_, *R), (t, *R)))


def test_finite_support_is_sound():
    assert not finite_support(D(s_, t), [s_, t])                  # one delta bounds s - t only
    assert not finite_support(INF_BODY, [s_, t])                  # every term must be finitely supported
    assert not finite_support(za(s_) * za(t) + D(s_, t), [s_, t])
    assert finite_support(za(s_) * za(t) + za(s_ - t) * zb(t), [s_, t])
    assert finite_support(D(s_, t) * za(t), [s_, t])
    assert not finite_support(D(s_, t ** 2) * za(t), [s_, t])      # s = t^2 is not bounded linearly
    assert not finite_support(za(s_ * t), [s_, t])
    assert not finite_support(lsum(za(t - u), u), [t])              # sum_u za(t - u) = sum a: constant in t
    assert finite_support(lsum(za(t - u) * zb(u), u), [t])           # a convolution of finite sequences
    assert not finite_support(sp.Sum(h(s_ - u), (u, 0, s_)), [s_])  # partial sums of h: not finite
    assert finite_support(zsum(h(s_ - u), u), [s_])                 # u in Z_n is bounded
    assert not finite_support(omega ** s_, [s_])
    assert not finite_support(x(s_), [s_])                          # a signal on Z_n is periodic
    assert finite_support(sp.conjugate(za(s_)) * za(s_ + t), [s_, t])   # a correlation of finite sequences
    assert not finite_support(sp.conjugate(za(s_)) * za(s_) ** -1, [s_])  # 1/a is not finitely supported
    q_ = sp.Function("q")                                           # a plain function promises no support
    assert not finite_support(q_(s_) * q_(t), [s_, t])
    assert not ok(sp.Sum(q_(s_) * q_(t), (t, *R), (s_, *R)), sp.Sum(q_(s_) * q_(t), (s_, *R), (t, *R)), SwapSums())


def test_moving_a_variable_innermost_is_a_reorder():
    inf = sp.Sum(D(s_, t) * omega ** s_, (s_, *R), (t, *R))
    assert not ok(inf, sp.Sum(omega ** s_ * lsum(D(s_, t), t), (s_, *R)), PullOut(t))
    fin = sp.Sum(za(s_) * zb(t), (s_, *R), (t, *R))
    assert ok(fin, lsum(za(s_) * lsum(zb(t), t), s_), PullOut(t))


def test_split_sum_over_z_needs_finite_parts():
    assert not ok(lsum(X ** t - X ** (t + 1), t), lsum(X ** t, t) - lsum(X ** (t + 1), t), SplitSum())
    assert ok(lsum(za(t) + zb(t), t), lsum(za(t), t) + lsum(zb(t), t), SplitSum())
    assert ok(zsum(omega ** t + x(t), t), zsum(omega ** t, t) + zsum(x(t), t), SplitSum())


# ------------------------------------------------------------------ 4. sifting needs an integer solution

def test_sift_refuses_a_non_integer_solution():
    assert not ok(zsum(Iverson(j, n / 2) * x(j), j), x(n / 2), Sift(j))
    assert not ok(zsum(Iverson(j, i / 2) * x(j), j), x(i / 2), Sift(j))
    assert not ok(zsum(Iverson(j, r) * x(j), j), x(r), Sift(j))
    assert not ok(lsum(D(j, n / 2) * za(j), j), za(n / 2), Sift(j))
    assert ok(zsum(Iverson(j, i + 1) * x(j), j), x(i + 1), Sift(j))
    assert ok(lsum(D(j, i + m) * za(j), j), za(i + m), Sift(j))


def test_sift_needs_a_unit_coefficient_and_periodicity():
    assert not ok(zsum(Iverson(2 * j, i) * x(j), j), x(i / 2), Sift(j))
    assert not ok(zsum(Iverson(2 * j, 2 * i) * x(j), j), x(i), Sift(j))    # 2j = 2i mod n: two solutions
    assert not ok(zsum(Iverson(j, i) * h(j), j), h(i), Sift(j))            # h on Z is not n-periodic
    assert not ok(zsum(Iverson(j, i) * sp.Sum(h(u), (u, 0, j)), j), sp.Sum(h(u), (u, 0, i)), Sift(j))
    assert ok(zsum(Iverson(j, i) * x(j), j), x(i), Sift(j))


# ------------------------------------------------------------------ 5. exponents must be integers

def test_exponent_arithmetic_needs_integer_exponents():
    assert not ok(omega ** (n * r), sp.Integer(1), ExponentArithmetic())
    assert not ok(omega ** (n * r) * omega ** i, omega ** i, ExponentArithmetic())
    assert not ok(xi ** (n * r), sp.Integer(1), ExponentArithmetic())
    assert not equal_mod_n(omega ** (n * r), 1)
    assert ok(omega ** (n * m), sp.Integer(1), ExponentArithmetic())
    assert ok(omega ** (k * n), sp.Integer(1), ExponentArithmetic())
    assert ok(omega ** i * omega ** (j + n), omega ** (i + j), ExponentArithmetic())


def test_geometric_sum_needs_an_integer_frequency():
    assert not ok(zsum(omega ** (r * l), l), n * Iverson(r, 0), GeometricSum(l))
    assert not ok(zsum(omega ** (l / 2), l), n * Iverson(sp.Rational(1, 2), 0), GeometricSum(l))
    assert ok(zsum(omega ** (m * l), l), n * Iverson(m, 0), GeometricSum(l))
    assert ok(zsum(omega ** ((j - k) * l), l), n * Iverson(j, k), GeometricSum(l))


def test_integer_poly_requires_integer_symbols():
    assert not integer_poly(r)
    assert not integer_poly(2 * r + n)
    assert not integer_poly(sp.Symbol("z"))
    assert not integer_poly(i / 2)
    assert integer_poly(2 * i * n - j + 3)


def test_brackets_and_entries_compare_modulo_n_only_for_integers():
    assert not equal_mod_n(Iverson(n * r, 0), Iverson(0, 0))
    assert not equal_mod_n(W(i + n * r, j), W(i, j))
    assert equal_mod_n(W(i + n * m, j), W(i, j))


# ------------------------------------------------------------------ 6. the other rules, attacked

def test_reindex_needs_a_bijection_of_the_indices():
    with pytest.raises(RuleError):
        Reindex({i: 2 * i})                        # not onto Z_n for even n
    with pytest.raises(RuleError):
        Reindex({i: -2 * i + 1})
    with pytest.raises(RuleError):
        Reindex({i: i + sp.Rational(1, 2)})
    with pytest.raises(RuleError):
        Reindex({i: i + r})                        # a real shift
    with pytest.raises(RuleError):
        Reindex({n: n + 1})                        # n is not an index
    with pytest.raises(RuleError):
        Reindex({i: j, j: 2 * j})                  # determinant 0
    Reindex({i: j, j: i})                          # a swap is a bijection
    Reindex({i: -i + m})                           # a reflection with an integer shift
    eq = sp.Eq(W(i, j), W(i + 1, j + 1), evaluate=False)
    assert not ok(eq, sp.Eq(W(2 * i, j), W(2 * i + 1, j + 1), evaluate=False), Reindex({i: i + 1}))
    assert ok(eq, sp.Eq(W(i + 1, j), W(i + 2, j + 1), evaluate=False), Reindex({i: i + 1}))


def test_diagonal_constancy_attacked():
    good = sp.Eq(W(i, j), W(i + 1, j + 1), evaluate=False)
    assert ok(good, sp.Eq(W(i, j), W(i - j, 0), evaluate=False), DiagonalConstancy())
    assert not ok(good, sp.Eq(W(i, j), W(j - i, 0), evaluate=False), DiagonalConstancy())     # i, j swapped
    assert not ok(good, sp.Eq(W(i, j), W(i - j + 1, 0), evaluate=False), DiagonalConstancy())  # index + 1
    assert not ok(sp.Eq(W(i, j), W(i + 1, j), evaluate=False), sp.Eq(W(i, j), W(i - j, 0), evaluate=False),
                  DiagonalConstancy())                                                        # not a diagonal
    assert not ok(sp.Eq(W(i, j), W(i + 2, j + 2), evaluate=False), sp.Eq(W(i, j), W(i - j, 0), evaluate=False),
                  DiagonalConstancy())
    # on Z (a sequence of two indices), i + 1 + n is not the next entry of the diagonal
    assert not ok(sp.Eq(g2(i, j), g2(i + 1 + n, j + 1), evaluate=False), sp.Eq(g2(i, j), g2(i - j, 0), evaluate=False),
                  DiagonalConstancy())
    assert ok(sp.Eq(g2(i, j), g2(i + 1, j + 1), evaluate=False), sp.Eq(g2(i, j), g2(i - j, 0), evaluate=False),
              DiagonalConstancy())
    # period n + 1 along the diagonal of a sequence on Z is not constancy
    assert not ok(sp.Eq(g2(i, j), g2(i + 1 + n, j + 1 + n), evaluate=False),
                  sp.Eq(g2(i, j), g2(i - j, 0), evaluate=False), DiagonalConstancy())
    assert ok(sp.Eq(W(i, j), W(i + 1 + n, j + 1 + n), evaluate=False), sp.Eq(W(i, j), W(i - j, 0), evaluate=False),
              DiagonalConstancy())
    assert not ok(sp.Eq(W(i, i), W(i + 1, i + 1), evaluate=False), sp.Eq(W(i, i), W(0, 0), evaluate=False),
                  DiagonalConstancy())


def test_evaluate_sum_attacked():
    M = sp.Symbol("M", integer=True, positive=True)
    assert ok(sp.Sum(k, (k, 0, M - 1)), M * (M - 1) / 2, EvaluateSum())
    assert not ok(sp.Sum(k, (k, 0, M - 1)), M * (M - 1), EvaluateSum())             # an extra factor 2
    assert not ok(sp.Sum(k, (k, 0, M - 1)), M * (M + 1) / 2, EvaluateSum())         # index + 1
    assert not ok(sp.Sum(1, (l, 0, n - 1)), n + 1, EvaluateSum())
    assert not ok(zsum(omega ** (j * l), l), n * Iverson(j, 0), EvaluateSum())       # SymPy: a Piecewise
    assert not ok(sp.Sum(1, (k, 0, sp.oo)), sp.oo, EvaluateSum())
    eq = sp.Eq(sp.Sum(1, (l, 0, n - 1)), M, evaluate=False)
    assert ok(eq, sp.Eq(n, M, evaluate=False), EvaluateSum())
    assert not ok(eq, sp.Eq(n + 1, M, evaluate=False), EvaluateSum())


def test_poly_identity_attacked():
    assert ok((n + 1) ** 2, n ** 2 + 2 * n + 1, PolyIdentity())
    assert not ok((n + 1) ** 2, n ** 2 + 2 * n, PolyIdentity())
    assert not ok(W(i, j) + W(j, i), 2 * W(i, j), PolyIdentity())                    # i and j swapped
    assert not ok(sp.conjugate(a(i)) * a(i), a(i) ** 2, PolyIdentity())              # a dropped conjugate
    assert not ok(zsum(x(t), t), zsum(x(t + 1), t), PolyIdentity())                  # not algebra
    assert not ok(omega ** (n * r), sp.Integer(1), PolyIdentity())


def test_lemma_rewrite_attacked():
    A_ = sp.Symbol("A_")
    d_ = sp.Symbol("d", integer=True, positive=True)
    good = {deg(Pk(A_, X ** d_)): d_ * deg(Pk(A_, X))}
    assert ok(deg(Pk(A_, X ** d_)) + 1, d_ * deg(Pk(A_, X)) + 1, LemmaRewrite("degree_of_dilation", good, "dil"))
    for bad_exp in (-1, sp.Rational(1, 2), r, sp.Symbol("e", integer=True)):         # side condition d >= 1
        old = deg(Pk(A_, X ** bad_exp))
        assert not ok(old + 1, bad_exp * deg(Pk(A_, X)) + 1,
                      LemmaRewrite("degree_of_dilation", {old: bad_exp * deg(Pk(A_, X))}, "dil"))
    extra = {deg(Pk(A_, X ** d_)): n * d_ * deg(Pk(A_, X))}                        # an extra factor n
    assert not ok(deg(Pk(A_, X ** d_)), n * d_ * deg(Pk(A_, X)), LemmaRewrite("degree_of_dilation", extra, "dil"))


def test_apply_lemma_uses_the_registered_predicate_only():
    A_ = sp.Symbol("A_")
    d_ = sp.Symbol("d", integer=True, positive=True)
    with pytest.raises(RuleError):
        ApplyLemma("degree_of_dilation", lambda p, q: (True, "trust me"), "forged")     # a script's predicate
    with pytest.raises(RuleError):
        ApplyLemma("no_such_lemma")
    with pytest.raises(RuleError):
        ApplyLemma("fubini")                                   # no instance predicate: cannot be checked
    old, new = deg(Pk(A_, X ** d_)), d_ * deg(Pk(A_, X))
    assert ok(old, new, ApplyLemma("degree_of_dilation"))
    assert not ok(old, n * new, ApplyLemma("degree_of_dilation"))
    assert not ok(deg(Pk(A_, X ** -1)), -deg(Pk(A_, X)), ApplyLemma("degree_of_dilation"))


def test_cancel_terms_attacked():
    assert ok(lsum(za(t), t) - lsum(za(u), u), sp.Integer(0), CancelTerms())
    assert not ok(lsum(za(t), t) - lsum(za(u + 1) * zb(u), u), sp.Integer(0), CancelTerms())
    assert not ok(zsum(x(t), t) - zsum(x(t + 1), t) + x(i), sp.Integer(0), CancelTerms())     # a term left
    assert not ok(lsum(za(t), t) - lsum(za(u) * 2, u), sp.Integer(0), CancelTerms())     # an extra factor
    assert not ok(sp.conjugate(zsum(x(t), t)) - zsum(x(t), t), sp.Integer(0), CancelTerms())  # dropped conjugate
    assert not ok(INF_ST - INF_TS, sp.Integer(0), CancelTerms())                      # an infinite reorder
    assert not ok(DEP - DEP_SWAPPED, sp.Integer(0), CancelTerms())                    # a dependent reorder
    assert not ok(zsum(W(i, t), t) - zsum(W(t, i), t), sp.Integer(0), CancelTerms())  # i and t swapped


def test_combine_and_factor_sums_attacked():
    assert ok(lsum(za(t), t) + lsum(zb(t), t), lsum(za(t) + zb(t), t), CombineSums())
    assert not ok(lsum(za(t), t) + lsum(zb(t), t), lsum(za(t) + 2 * zb(t), t), CombineSums())
    assert not ok(lsum(za(t), t) + lsum(zb(t), t), lsum(za(t) + zb(t + 1), t), CombineSums())
    assert not ok(lsum(X ** t, t) - lsum(X ** (t + 1), t), lsum(X ** t - X ** (t + 1), t), CombineSums())
    double = sp.Sum(omega ** (j * s_) * a(s_) * omega ** (j * t) * b(t), (s_, 0, n - 1), (t, 0, n - 1))
    good = zsum(omega ** (j * s_) * a(s_), s_) * zsum(omega ** (j * t) * b(t), t)
    assert ok(double, good, FactorSums())
    assert not ok(double, n * good, FactorSums())                                      # an extra n
    assert not ok(double, good / n, FactorSums())                                      # an extra 1/n
    assert not ok(double, zsum(omega ** (-j * s_) * a(s_), s_) * zsum(omega ** (j * t) * b(t), t), FactorSums())


def test_integral_rules_attacked():
    y_, z_, w_ = sp.symbols("y z w", real=True)
    f_, g_ = sp.Function("f"), sp.Function("g")
    one = sp.Integral(f_(y_), (y_, *R))
    assert ok(one, sp.Integral(f_(z_ + w_), (z_, *R)), SubstituteIntegral(y_, z_ + w_, z_))
    assert ok(one, sp.Integral(f_(-z_), (z_, *R)), SubstituteIntegral(y_, -z_, z_))
    with pytest.raises(RuleError):
        SubstituteIntegral(y_, 2 * z_, z_)                 # not measure-preserving
    with pytest.raises(RuleError):
        SubstituteIntegral(y_, z_ ** 2, z_)                # not a bijection
    with pytest.raises(RuleError):
        SubstituteIntegral(y_, z_ + sp.I, z_)              # a shift off the real line
    assert not ok(one, sp.Integral(f_(z_ + 1), (z_, *R)), SubstituteIntegral(y_, z_ - 1, z_))   # index + 1
    assert not ok(sp.Integral(f_(y_), (y_, 0, 1)), sp.Integral(f_(z_ + 1), (z_, 0, 1)),
                  SubstituteIntegral(y_, z_ + 1, z_))      # not the whole line: the range moves too
    L1 = Hypothesis("f, g absolutely integrable on R", text=r"$f, g \in L^1(\mathbb{R})$")
    hyp = (L1,)
    # Fubini swaps independent ranges only
    tri = sp.Integral(f_(y_) * g_(z_), (y_, 0, z_), (z_, 0, 1))
    assert not ok(tri, sp.Integral(f_(y_) * g_(z_), (z_, 0, 1), (y_, 0, z_)), Fubini(L1), hyp)
    sq = sp.Integral(f_(y_) * g_(z_), (y_, *R), (z_, *R))
    sq_swapped = sp.Integral(f_(y_) * g_(z_), (z_, *R), (y_, *R))
    assert ok(sq, sq_swapped, Fubini(hypothesis=L1), hyp)
    # FactorIntegrals: separate variables, no extra factor
    product = sp.Integral(f_(y_), (y_, *R)) * sp.Integral(g_(z_), (z_, *R))
    assert ok(sq, product, FactorIntegrals(hypothesis=L1), hyp)
    assert not ok(sq, 2 * product, FactorIntegrals(L1), hyp)
    assert not ok(sq, sp.Integral(f_(y_), (y_, *R)) * sp.Integral(g_(-z_), (z_, *R)), FactorIntegrals(L1), hyp)
    captured = sp.Integral(f_(y_) * g_(z_), (y_, *R)) * sp.Integral(g_(z_), (z_, *R))   # z free in the first
    assert not ok(sp.Integral(f_(y_) * g_(z_) * g_(z_), (y_, *R), (z_, *R)), captured, FactorIntegrals(L1), hyp)


def test_fubini_needs_its_stated_hypothesis():
    y_, z_ = sp.symbols("y z", real=True)
    f_, g_ = sp.Function("f"), sp.Function("g")
    sq = sp.Integral(f_(y_) * g_(z_), (y_, *R), (z_, *R))
    sq_swapped = sp.Integral(f_(y_) * g_(z_), (z_, *R), (y_, *R))
    product = sp.Integral(f_(y_), (y_, *R)) * sp.Integral(g_(z_), (z_, *R))
    L1 = Hypothesis("f, g absolutely integrable on R", text=r"$f, g \in L^1(\mathbb{R})$")
    for rule, stated in ((Fubini, sq_swapped), (FactorIntegrals, product)):
        assert not ok(sq, stated, rule())                          # no hypothesis
        assert not ok(sq, stated, rule(hypothesis=L1))             # not stated by the derivation
        assert not ok(sq, stated, rule(), (L1,))                   # stated, but the step does not use it
        assert ok(sq, stated, rule(hypothesis=L1), (L1,))
        assert "L^1" in rule(hypothesis=L1).justification()
        with pytest.raises(RuleError, match="integrab"):
            rule(hypothesis=Hypothesis("f is real"))               # not the hypothesis Fubini needs
        assert not rule(hypothesis=L1).check(sq, stated)[0]         # outside a derivation: no hypotheses


# ------------------------------------------------------------------ 7. mutation survivors of the rule layer

def test_mutant_sequences_on_z_are_not_compared_modulo_n():
    assert not equal_mod_n(h(i + n), h(i))
    assert not ok(h(i + n), h(i), IndexArithmetic())
    assert not ok(zsum(h(t + n), t), zsum(h(t), t), IndexArithmetic())
    assert ok(x(i + n), x(i), IndexArithmetic())
    assert ok(W(i + n, j - n), W(i, j), IndexArithmetic())


def test_mutant_only_cyclic_bases_are_compared_modulo_n():
    assert not equal_mod_n(X ** (i + n), X ** i)
    assert not ok(X ** (i + n), X ** i, ExponentArithmetic())
    assert not ok(sp.Symbol("y") ** n, sp.Integer(1), ExponentArithmetic())
    assert not ok(sp.exp(n), sp.Integer(1), ExponentArithmetic())
    assert ok(xi ** (i + n), xi ** i, ExponentArithmetic())
    assert ok(omega ** (i + n), omega ** i, ExponentArithmetic())


def test_mutant_not_every_iterated_sum_is_reordered():
    assert not reorder_ok(INF_ST)
    assert not reorder_ok(DEP)
    assert reorder_ok(sp.Sum(W(s_, t), (t, 0, n - 1), (s_, 0, n - 1)))
    assert not equal_mod_n(sp.Sum(h(s_) * sp.Integer(1), (t, 0, s_), (s_, 0, n - 1)),
                           sp.Sum(h(s_), (s_, 0, n - 1), (t, 0, s_)))


def test_mutant_geometric_sum_needs_the_range_zn():
    for lo, hi in ((0, n), (1, n - 1), (1, n), (0, m - 1), (-sp.oo, sp.oo), (0, 2 * n - 1)):
        assert not ok(sp.Sum(omega ** (m * l), (l, lo, hi)), n * Iverson(m, 0), GeometricSum(l)), (lo, hi)
    assert not ok(zsum(xi ** (m * l), l), n * Iverson(m, 0), GeometricSum(l))   # xi is not a primitive root
    assert not ok(zsum(X ** (m * l), l), n * Iverson(m, 0), GeometricSum(l))            # X is not a root of unity
    assert not ok(zsum(omega ** (m * l) * x(l), l), n * Iverson(m, 0) * x(0), GeometricSum(l))


def test_mutant_reindex_sum_needs_a_bijection():
    with pytest.raises(RuleError):
        ReindexSum(l, 2 * t, t)
    with pytest.raises(RuleError):
        ReindexSum(l, t + sp.Rational(1, 2), t)
    with pytest.raises(RuleError):
        ReindexSum(l, t + r, t)
    assert not ok(zsum(h(l), l), zsum(h(t + 1), t), ReindexSum(l, t + 1, t))      # h on Z: not n-periodic
    assert ok(zsum(x(l), l), zsum(x(t + 1), t), ReindexSum(l, t + 1, t))
    assert ok(lsum(za(l), l), lsum(za(t + 1), t), ReindexSum(l, t + 1, t))


def test_mutant_cos_is_converted_with_its_conjugate():
    from symconv.exact import cyclotomic_is_zero
    pi, I = sp.pi, sp.I
    assert cyclotomic_is_zero(2 * sp.cos(2 * pi / 7) - sp.exp(2 * pi * I / 7) - sp.exp(-2 * pi * I / 7))
    assert not cyclotomic_is_zero(sp.cos(2 * pi / 7) - sp.exp(2 * pi * I / 7))
    assert not cyclotomic_is_zero(2 * sp.cos(2 * pi / 9) - sp.exp(2 * pi * I / 9))
    assert cyclotomic_is_zero(2 * I * sp.sin(2 * pi / 7) - sp.exp(2 * pi * I / 7) + sp.exp(-2 * pi * I / 7))
    assert not cyclotomic_is_zero(2 * I * sp.sin(2 * pi / 7) - sp.exp(2 * pi * I / 7))


def test_mutant_integer_symbols_get_integer_test_points():
    from symconv.exact import admissible_points, decide_zero
    kk = sp.Symbol("kk", integer=True)
    for point in admissible_points([kk]):
        assert point[kk].is_integer
    # floor(k/2) + ceiling(k/2) = k for every integer k: never "certified different"
    assert decide_zero(sp.floor(kk / 2) + sp.ceiling(kk / 2) - kk) is not False


def test_congruent_mod_needs_integer_symbols():
    """The public congruence test: n*r = 0 (mod n) is not shown for a real (or unassumed) r."""
    import symconv as sc
    r, z = sp.Symbol("r", real=True), sp.Symbol("z")
    k = sp.Symbol("k", integer=True)
    nn = sp.Symbol("n", integer=True, positive=True)
    assert sc.congruent_mod(nn * k, 0, nn)
    assert not sc.congruent_mod(nn * r, 0, nn)
    assert not sc.congruent_mod(nn * z + k, k, nn)
    assert not sc.congruent_mod(sp.Symbol("m") * k, 0, sp.Symbol("m"))     # the modulus itself unassumed


def test_every_rule_implements_its_check():
    """The two NotImplementedError places are abstract bases: every rule class overrides apply, check
    or check_in_context, and every rule that needs an integrability hypothesis overrides _check_step."""
    from symconv.engine import rules as _rules  # noqa: F401  (registers every rule class)
    from symconv.engine.rule_base import Rule
    from symconv.engine.sum_rules import _NeedsIntegrability

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    for cls in subclasses(Rule):
        if cls is _NeedsIntegrability:
            continue
        own = {m for m in ("apply", "check", "check_in_context")
               if any(m in vars(c) for c in cls.__mro__ if c is not Rule)}
        assert own, f"{cls.__name__} implements neither apply, check nor check_in_context"
    for cls in subclasses(_NeedsIntegrability):
        assert any("_check_step" in vars(c) for c in cls.__mro__ if c is not _NeedsIntegrability), cls
