"""Red-team attacks on the generic rules (binders, script definitions of objects on Z_n, hypotheses).

Each test is one attack, with its exact outcome: the rule refuses (RuleError, or its check says no),
or the theorem comes out ``undecided`` / ``refuted``, never ``proved``.
"""

import pytest
import sympy as sp

import symconv as sc
from symconv.engine.rules import Fold, IndexArithmetic, ReindexSum, RuleError, Sift, Unfold, UseHypothesis, equal_mod_n
from symconv.engine.statement import Hypothesis, Statement, establishes, nonperiodic_definition
from symconv.objects.indexed import Iverson, a, b, entry_function, i, j, k, l, n, t, u, zsum


def _theorem(name, formal, derive):
    return sc.Theorem(name, "a false statement.", claims="proved", derivation=derive, formal=formal,
                      false_variants=[sc.FalseVariant(f"{name}_v", "i = i + 1.", formal=Statement.identity(i, i + 1))])


def _one_comparison_step_is_undecided(name, formal):
    """The statement claimed in one IndexArithmetic step (the comparison alone must refuse it)."""
    def derive():
        return [sc.Derivation(formal.lhs, goal=formal.rhs).step(formal.rhs, IndexArithmetic())]
    r = sc.run_theorem(_theorem(name, formal, derive))
    return r.verdict is sc.Verdict.UNDECIDED and not r.passed


def _one_hypothesis_step_is_refused(name, formal, hyp, because):
    """The statement claimed in one UseHypothesis step: the step fails saying ``because``, the theorem is undecided."""
    def derive():
        return [sc.Derivation(formal.lhs, goal=formal.rhs, hypotheses=(hyp,))
                .step(formal.rhs, UseHypothesis(hyp.expr, "h"))]
    d = derive()[0]
    ok, detail = d.steps[0].rule.check_in_context(d, d.start, d.steps[0].expr)
    assert not ok and because in detail, detail
    r = sc.run_theorem(_theorem(name, formal, derive))
    return r.verdict is sc.Verdict.UNDECIDED and not r.passed


def _rule_says(rule, prev, nxt):
    return rule.check(prev, nxt)[0]


# ---------------------------------------------------------------- 1. objects on Z_n with non-periodic definitions

_D = entry_function("rt_dper")                                 # cyclic: every rule reads its index modulo n
_DEFS = {"rt_dper": sp.Lambda((k,), sp.KroneckerDelta(k, 100))}   # [k = 100]: not n-periodic


def test_fold_refuses_a_non_periodic_definition_of_a_cyclic_object():
    # the false [i = 100] = [i + n = 100] (n = 100, i = 0): fold into the cyclic object, move its index by
    # n (equal modulo n), unfold.  Concrete evaluation (n <= 8, i < n) cannot see it: both sides are 0.
    with pytest.raises(RuleError, match="not shown n-periodic"):
        Unfold("rt_dper", definitions=_DEFS).apply(_D(i))
    assert not _rule_says(Fold("rt_dper", definitions=_DEFS), sp.KroneckerDelta(i, 100), _D(i))
    assert not _rule_says(Unfold("rt_dper", definitions=_DEFS), _D(i + n), sp.KroneckerDelta(i + n, 100))
    assert _rule_says(IndexArithmetic(), _D(i), _D(i + n))      # the engine's reading of an object on Z_n


def test_the_periodicity_attack_is_not_proved():
    formal = Statement.identity(sp.KroneckerDelta(i, 100), sp.KroneckerDelta(i + n, 100))

    def derive():
        return [sc.Derivation(formal.lhs, goal=formal.rhs)
                .step(_D(i), Fold("rt_dper", definitions=_DEFS))
                .step(_D(i + n), IndexArithmetic())
                .step(sp.KroneckerDelta(i + n, 100), Unfold("rt_dper", definitions=_DEFS))]
    assert not derive()[0].check().ok
    r = sc.run_theorem(_theorem("rt_kd_shift", formal, derive))
    assert r.verdict is sc.Verdict.UNDECIDED and not r.passed


def test_periodic_script_definitions_still_unfold():
    e = entry_function("rt_eper")
    defs = {"rt_eper": sp.Lambda((k,), Iverson(k, 3) + zsum(Iverson(k, t) * _D(t), t))}
    assert _rule_says(Unfold("rt_eper", definitions=defs), e(i + n),
                      Iverson(i + n, 3) + zsum(Iverson(i + n, l) * _D(l), l))
    seq = entry_function("rt_seq", cyclic=False)                # a sequence on Z: indices compared exactly
    sdefs = {"rt_seq": sp.Lambda((k,), sp.KroneckerDelta(k, 100))}
    assert _rule_says(Unfold("rt_seq", definitions=sdefs), seq(i + n), sp.KroneckerDelta(i + n, 100))
    assert not _rule_says(IndexArithmetic(), seq(i), seq(i + n))


def test_a_statement_defining_a_cyclic_object_non_periodically_is_not_established():
    # sum_{t<n} [t = 100] = sum_{u<n} [u + 1 = 100] is false at n = 100 (0 against 1); ReindexSum reads the
    # cyclic object modulo n and never unfolds it, so the guard is on the statement's definitions
    formal = Statement.identity(zsum(_D(t), t), zsum(_D(u + 1), u), definitions=_DEFS)

    def derive():
        return [sc.Derivation(formal.lhs, goal=formal.rhs).step(formal.rhs, ReindexSum(t, u + 1, u))]
    assert derive()[0].check().ok                                  # the rule's reading (d on Z_n) is fine
    assert "not shown n-periodic" in nonperiodic_definition(formal)
    assert establishes([formal], derive()) == (False, nonperiodic_definition(formal))
    r = sc.run_theorem(_theorem("rt_kd_reindex", formal, derive))
    assert r.verdict is sc.Verdict.UNDECIDED and not r.passed
    # the same through a definitional hypothesis
    hyp = Hypothesis("def", sp.Eq(_D(k), sp.KroneckerDelta(k, 100)), "d_k = [k = 100]")
    assert nonperiodic_definition(Statement.identity(zsum(_D(t), t), zsum(_D(u + 1), u), hypotheses=(hyp,)))


def test_sift_under_a_non_periodic_definition_is_not_established():
    # sum_{t<n} [t = 0] d(t + n) = d(0), literally [n = 100] = 0: false at n = 100 only.  Sift reads d
    # modulo n (its summand is "periodic" in t) and the goal d(0) is d(n) modulo n
    formal = Statement.identity(zsum(Iverson(t, 0) * _D(t + n), t), _D(0), definitions=_DEFS)

    def derive():
        return [sc.Derivation(formal.lhs, goal=formal.rhs).step(_D(n), Sift(t))]
    assert derive()[0].check().ok
    assert formal.evaluate().status == "agree"                     # n <= 8 cannot see it
    assert not establishes([formal], derive())[0]
    r = sc.run_theorem(_theorem("rt_kd_sift", formal, derive))
    assert r.verdict is sc.Verdict.UNDECIDED and not r.passed


# ---------------------------------------------------------------- 2. SolDim(E, W(p, ...)) binds W and E's symbols

from symconv.engine.action_rules import InvariantFunctionsDim          # noqa: E402
from symconv.objects.group_actions import Act, NumOrbits, Point, PtEq, SolDim   # noqa: E402

_X = sp.Symbol("X")
_x, _x1 = Point("x", _X), Point("x'", _X)
_g = sp.Symbol("g", integer=True)
_Wb = entry_function("rt_W", "W")
_Zb = entry_function("rt_Z", "Z")


def _invariant(w):
    return sp.Eq(w(Act(_g, _x)), w(_x), evaluate=False)


def test_use_hypothesis_does_not_rewrite_the_bound_unknown_of_soldim():
    # (Z = W for the free W)  =>  dim{W' : W'(g.x) = Z(x) for all g, x} = |G \ X|: false (W' = Z is forced,
    # g = e: dimension 0, never |G \ X| >= 1).  Rewriting Z -> W inside SolDim captures the free W as the bound one.
    hyp = Hypothesis("Z_is_W", sp.Eq(_Zb(_x), _Wb(_x)), "Z = W")
    formal = Statement.identity(SolDim(sp.Eq(_Wb(Act(_g, _x)), _Zb(_x), evaluate=False), _Wb(_x)), NumOrbits(_X),
                                hypotheses=(hyp,))

    def derive():
        return [sc.Derivation(formal.lhs, goal=formal.rhs, hypotheses=(hyp,))
                .step(SolDim(_invariant(_Wb), _Wb(_x)), UseHypothesis(hyp.expr, "Z = W"))
                .step(NumOrbits(_X), InvariantFunctionsDim())]
    d = derive()[0]
    ok, detail = d.steps[0].rule.check_in_context(d, d.start, d.steps[0].expr)
    assert not ok and "SolDim(" in detail
    assert formal.evaluate().status == "unevaluable"           # a hypothesis that is no definition: no net
    r = sc.run_theorem(_theorem("rt_soldim_hyp", formal, derive))
    assert r.verdict is sc.Verdict.UNDECIDED and not r.passed


def test_use_hypothesis_still_rewrites_outside_soldim():
    hyp = Hypothesis("Z_is_W", sp.Eq(_Zb(_x), _Wb(_x)), "Z = W")
    sd = SolDim(_invariant(_Wb), _Wb(_x))
    d = sc.Derivation(sd + _Zb(_x), hypotheses=(hyp,)).step(sd + _Wb(_x), UseHypothesis(hyp.expr, "Z = W"))
    assert d.steps[0].rule.check_in_context(d, d.start, d.steps[0].expr)[0]


def test_unfold_does_not_bring_a_free_symbol_under_soldim():
    # gx(x) := g . x with g free (fixed): dim{W : W(g.x) = W(x) for all x} is the number of orbits of <g>,
    # not of G (g = e: |X|).  Unfolding inside SolDim would let SolDim quantify g too.
    gx = sp.Function("rt_gx")
    defs = {"rt_gx": sp.Lambda((_x,), Act(_g, _x))}
    formal = Statement.identity(SolDim(sp.Eq(_Wb(gx(_x)), _Wb(_x), evaluate=False), _Wb(_x)), NumOrbits(_X),
                                definitions=defs)

    def derive():
        return [sc.Derivation(formal.lhs, goal=formal.rhs)
                .step(SolDim(_invariant(_Wb), _Wb(_x)), Unfold("rt_gx", definitions=defs))
                .step(NumOrbits(_X), InvariantFunctionsDim())]
    with pytest.raises(RuleError, match="under a SolDim"):
        Unfold("rt_gx", definitions=defs).apply(formal.lhs)
    assert formal.evaluate().status == "unevaluable"           # g has no value there: no net
    r = sc.run_theorem(_theorem("rt_soldim_unfold", formal, derive))
    assert r.verdict is sc.Verdict.UNDECIDED and not r.passed
    # the same definition with g fixed at the call site (an argument) unfolds: nothing is brought in
    gx2 = sp.Function("rt_gx2")
    defs2 = {"rt_gx2": sp.Lambda((_g, _x), Act(_g, _x))}
    assert Unfold("rt_gx2", definitions=defs2).check(
        SolDim(sp.Eq(_Wb(gx2(_g, _x)), _Wb(_x), evaluate=False), _Wb(_x)), SolDim(_invariant(_Wb), _Wb(_x)))[0]


def test_unfold_and_fold_do_not_touch_the_bound_unknown_of_soldim():
    defs = {"rt_W": sp.Lambda((_x,), sp.Integer(0))}
    sd = SolDim(_invariant(_Wb), _Wb(_x))
    with pytest.raises(RuleError, match="unknown of a SolDim"):
        Unfold("rt_W", definitions=defs).apply(sd)
    assert not Fold("rt_W", definitions=defs).check(SolDim(sp.Eq(0, 0, evaluate=False), 0), sd)[0]
    # a free object inside the equation still unfolds (P_X(g)[x', x] = [x' = g . x] has no parameter of its own)
    PXr = entry_function("rt_PX")
    pdefs = {"rt_PX": sp.Lambda((_g, _x1, _x), PtEq(_x1, Act(_g, _x)))}
    before = SolDim(sp.Eq(PXr(_g, _x1, _x) * _Wb(_x), _Wb(_x1), evaluate=False), _Wb(_x))
    after = SolDim(sp.Eq(PtEq(_x1, Act(_g, _x)) * _Wb(_x), _Wb(_x1), evaluate=False), _Wb(_x))
    assert Unfold("rt_PX", definitions=pdefs).check(before, after)[0]


# ---------------------------------------------------------------- 3. ranges that name a free symbol of the bound name

_xr, _yr, _zr = sp.symbols("x y z", real=True)
_fr = sp.Function("rt_f", real=True)


def test_a_free_symbol_in_a_range_is_not_the_bound_variable():
    # int_0^x f(x) dx (upper x free) = int_0^y f(y) dy (upper y free): false (f = 1: x against y), and an
    # integral is not evaluated concretely, so only the comparison stands between it and 'proved'
    lhs, rhs = sp.Integral(_fr(_xr), (_xr, 0, _xr)), sp.Integral(_fr(_yr), (_yr, 0, _yr))
    assert lhs.free_symbols == {_xr} and rhs.free_symbols == {_yr}
    assert not equal_mod_n(lhs, rhs)
    assert equal_mod_n(lhs, sp.Integral(_fr(_yr), (_yr, 0, _xr)))          # renaming the bound one is fine
    upto_t = sp.Sum(a(t), (t, 0, t))                                        # sum_{t'=0}^{t} a(t'), t free
    assert not equal_mod_n(upto_t, sp.Sum(a(u), (u, 0, u)))
    assert equal_mod_n(upto_t, sp.Sum(a(u), (u, 0, t)))
    formal = Statement.identity(lhs, rhs)
    assert formal.evaluate().status == "unevaluable"
    assert _one_comparison_step_is_undecided("rt_free_upper_limit", formal)


def test_dependent_ranges_still_compare_after_renaming():
    # sum_{u<n} sum_{t<=u}: the inner range names the outer variable, renamed with it
    assert equal_mod_n(sp.Sum(a(t, u), (t, 0, u), (u, 0, n - 1)), sp.Sum(a(l, j), (l, 0, j), (j, 0, n - 1)))
    assert not equal_mod_n(sp.Sum(a(t, u), (t, 0, u), (u, 0, n - 1)), sp.Sum(a(l, j), (l, 0, u), (j, 0, n - 1)))


def test_a_shadowed_variable_is_not_compared():
    # int_0^1 int_0^x f(x') dx' dx (the inner x shadows the outer one) = int_0^1 (1 - s) f(s) ds, not
    # int_0^1 y f(y) dy: reading the summand's x as the outer variable would equate them
    shadow = sp.Integral(_fr(_xr), (_xr, 0, _xr), (_xr, 0, 1))
    other = sp.Integral(_fr(_yr), (_zr, 0, _yr), (_yr, 0, 1))
    assert not equal_mod_n(shadow, other)
    formal = Statement.identity(shadow, other)
    assert _one_comparison_step_is_undecided("rt_shadowed_integral", formal)
    # the sum: n = 2 gives 2 a_0 + a_1 against a_0 + 2 a_1
    assert not equal_mod_n(sp.Sum(a(t), (t, 0, t), (t, 0, n - 1)), sp.Sum(a(u), (l, 0, u), (u, 0, n - 1)))


def test_capture_avoiding_substitution_keeps_a_free_symbol_of_a_range():
    from symconv.engine.rule_base import substitute
    out = substitute(sp.Sum(a(t), (t, 0, t)), {t: 5})                   # sum_{t'=0}^{5} a(t')
    assert equal_mod_n(out, sp.Sum(a(u), (u, 0, 5)))
    out2 = substitute(sp.Sum(a(t, u), (t, 0, u), (u, 0, t)), {t: 5, u: 7})
    assert equal_mod_n(out2, sp.Sum(a(l, j), (l, 0, j), (j, 0, 5)))


# ---------------------------------------------------------------- 4. other binders: Subs, Limit, Lambda, Derivative

_h = sp.Function("rt_h")


def test_unfold_does_not_capture_under_subs():
    # h(y) := x y, x the statement's free x (definitions are lexically scoped).  Subs(h(y), x, 0) is h(y) = x y
    # (h(y) has no x to replace); unfolding under the Subs would make it Subs(x y, x, 0) = 0.  Subs is not
    # evaluated concretely: the false x y = 0 came out proved.
    defs = {"rt_h": sp.Lambda((_yr,), _xr * _yr)}
    formal = Statement.identity(sp.Subs(_h(_yr), _xr, 0), sp.Subs(_xr * _yr, _xr, 0), definitions=defs)

    def derive():
        return [sc.Derivation(formal.lhs, goal=formal.rhs).step(formal.rhs, Unfold("rt_h", definitions=defs))]
    with pytest.raises(RuleError, match="would put the definition's"):
        Unfold("rt_h", definitions=defs).apply(formal.lhs)
    assert formal.evaluate().status == "unevaluable"
    r = sc.run_theorem(_theorem("rt_subs_unfold", formal, derive))
    assert r.verdict is sc.Verdict.UNDECIDED and not r.passed
    for binder in (sp.Limit(_h(_yr), _xr, 0), sp.Derivative(_h(_yr), _xr)):
        with pytest.raises(RuleError, match="would put the definition's"):
            Unfold("rt_h", definitions=defs).apply(binder)
    # outside the binder, and under a binder of another variable, it unfolds
    assert Unfold("rt_h", definitions=defs).check(sp.Subs(_h(_yr), _zr, 0), sp.Subs(_xr * _yr, _zr, 0))[0]


def test_use_hypothesis_does_not_capture_under_subs():
    # (h(y) = x y) => Subs(h(y), x, 0) = Subs(x y, x, 0): the left side is x y, the right 0
    hyp = Hypothesis("h_is_xy", sp.Eq(_h(_yr), _xr * _yr), "h(y) = x y")
    formal = Statement.identity(sp.Subs(_h(_yr), _xr, 0), sp.Subs(_xr * _yr, _xr, 0), hypotheses=(hyp,))
    assert _one_hypothesis_step_is_refused("rt_subs_hyp", formal, hyp, "under Subs")
    # an integral or a limit binding x: refused (for the integral SymPy refuses too; no exception escapes)
    for binder in (sp.Integral(_h(_yr), (_xr, 0, 1)), sp.Limit(_h(_yr), _xr, 0)):
        with pytest.raises(RuleError):
            UseHypothesis(hyp.expr, "h").apply(binder)
    # a hypothesis about the summed index itself (|g_i| = k for every i, used under sum_i) still applies
    assert UseHypothesis(sp.Eq(a(t), k)).apply(sp.Sum(2 * a(t), (t, 1, n))) == sp.Sum(2 * k, (t, 1, n))


# ---------------------------------------------------------------- 5. sum rules substituting under an inner binder

def test_sift_does_not_substitute_into_an_inner_binder_of_its_variable():
    # sum_l [l = j] Subs(a(l) b(j), l, 0) = a(0) b(j); xreplace l -> j inside the Subs (which binds its own l)
    # would give Subs(a(j) b(j), j, 0) = a(0) b(0).  Subs is not evaluated concretely: this came out proved.
    lhs = zsum(Iverson(l, j) * sp.Subs(a(l) * b(j), l, 0), l)
    formal = Statement.identity(lhs, sp.Subs(a(j) * b(j), j, 0))

    def derive():
        return [sc.Derivation(formal.lhs, goal=formal.rhs).step(formal.rhs, Sift(l))]
    with pytest.raises(RuleError, match="bound again"):
        Sift(l).apply(lhs)
    assert formal.evaluate().status == "unevaluable"
    r = sc.run_theorem(_theorem("rt_sift_inner_subs", formal, derive))
    assert r.verdict is sc.Verdict.UNDECIDED and not r.passed
    # the solution may not be captured by an inner Subs either (sum over Z: sum_l [l = j] Subs(a(l) b(j), j, 0)
    # = a(j) b(0), not Subs(a(j) b(j), j, 0) = a(0) b(0))
    from symconv.objects.indexed import lsum
    with pytest.raises(RuleError, match="capture"):
        Sift(l).apply(lsum(sp.KroneckerDelta(l, j) * sp.Subs(a(l) * b(j), j, 0), l))
    # nor by ReindexSum
    with pytest.raises(RuleError, match="bound again"):
        ReindexSum(l, u + 1, u).apply(zsum(a(l) * sp.Subs(a(l) * b(j), l, 0), l))
    # a sum over another variable inside is fine
    assert equal_mod_n(Sift(l).apply(zsum(Iverson(l, j) * zsum(a(l) * b(t), t), l)), zsum(a(j) * b(t), t))


def test_sift_over_z_does_not_substitute_into_an_inner_binder_either():
    from symconv.objects.indexed import lsum
    with pytest.raises(RuleError, match="bound again"):
        Sift(l).apply(lsum(sp.KroneckerDelta(l, j) * sp.Limit(a(l) * b(j), l, sp.oo), l))


def test_unfold_does_not_let_a_binder_inside_a_definition_capture_the_argument():
    # h(y) := Subs(f(x, y), x, 0) = f(0, y).  h(x) is f(0, x); substituting y -> x under the definition's Subs
    # would give Subs(f(x, x), x, 0) = f(0, 0).  Not evaluated concretely: it came out proved.
    f2, h2 = sp.Function("rt_f2"), sp.Function("rt_h2")
    defs = {"rt_h2": sp.Lambda((_yr,), sp.Subs(f2(_xr, _yr), _xr, 0))}
    formal = Statement.identity(h2(_xr), sp.Subs(f2(_xr, _xr), _xr, 0), definitions=defs)

    def derive():
        return [sc.Derivation(formal.lhs, goal=formal.rhs).step(formal.rhs, Unfold("rt_h2", definitions=defs))]
    with pytest.raises(RuleError, match="under a Subs"):
        Unfold("rt_h2", definitions=defs).apply(h2(_xr))
    r = sc.run_theorem(_theorem("rt_definition_subs", formal, derive))
    assert r.verdict is sc.Verdict.UNDECIDED and not r.passed
    # with an argument the Subs does not bind, it unfolds
    assert Unfold("rt_h2", definitions=defs).check(h2(_zr), sp.Subs(f2(_xr, _zr), _xr, 0))[0]


# ---------------------------------------------------------------- 6. lemma rewrites under a binder

def test_lemma_rewrite_does_not_bring_its_symbols_under_a_binder():
    # m = 2L - 2c (conjugate root pairs, c the statement's count).  sum_{c'=0}^{3} m = 4m = 8L - 8c; rewriting
    # m -> 2L - 2c under the sum binding c gives sum_{c'} (2L - 2c') = 8L - 12, a false m = 2L - 3 (m is even)
    from symconv.engine.lemmas import HALF_DEGREE as L_, REAL_ROOTS as m_, ROOT_PAIRS as c_
    from symconv.engine.rules import EvaluateSum, LemmaRewrite
    real = Hypothesis("a real, size 2L+1, last tap non-zero", text="$a$ real, of size $2L+1$, last tap non-zero")
    formal = Statement.identity(sp.Sum(m_, (c_, 0, 3)), 8 * L_ - 12, hypotheses=(real,))

    def derive():
        return [sc.Derivation(formal.lhs, goal=formal.rhs, hypotheses=(real,))
                .step(sp.Sum(2 * L_ - 2 * c_, (c_, 0, 3)),
                      LemmaRewrite("conjugate_roots_pair_up", {m_: 2 * L_ - 2 * c_}, "pairs", hypothesis=real))
                .step(8 * L_ - 12, EvaluateSum())]
    d = derive()[0]
    ok, detail = d.steps[0].rule.check_in_context(d, d.start, d.steps[0].expr)
    assert not ok and "which binds them" in detail
    r = sc.run_theorem(_theorem("rt_lemma_under_sum", formal, derive))
    assert r.verdict is sc.Verdict.UNDECIDED and not r.passed
    # outside the binder it still applies (the catalogue's use: c + m/2 = L)
    d2 = sc.Derivation(c_ + m_ / 2, hypotheses=(real,))
    rule = LemmaRewrite("conjugate_roots_pair_up", {m_: 2 * L_ - 2 * c_}, "pairs", hypothesis=real)
    assert rule.check_in_context(d2, c_ + m_ / 2, c_ + (2 * L_ - 2 * c_) / 2)[0]


def _orbit_count_by_unfolding(formal, constraint, name, defs):
    """SolDim(constraint, W) = |G \\ X| in two steps: the constraint is W's invariance after unfolding ``name``
    with ``defs`` (an inner derivation), then the count of invariant functions."""
    from symconv.engine.action_rules import EquivalentConstraints
    inner = sc.Derivation(constraint, goal=_invariant(_Wb)).step(_invariant(_Wb), Unfold(name, definitions=defs))
    return [sc.Derivation(formal.lhs, goal=formal.rhs)
            .step(SolDim(_invariant(_Wb), _Wb(_x)), EquivalentConstraints(inner))
            .step(NumOrbits(_X), InvariantFunctionsDim())]


def test_a_definition_naming_the_unknown_of_soldim_is_refused():
    # Z(x) := W(x): is the definition's W the outer object or the SolDim's unknown?  Read lexically,
    # SolDim(W(g.x) = Z(x), W(x)) is the dimension of {W' : W'(g.x) = W(x)}, at most one point (0), not |G \ X|;
    # concrete evaluation reads it as the unknown (so it agrees).  The rules refuse rather than pick one.
    Zk = entry_function("rt_Zk", "Z")
    defs = {"rt_Zk": sp.Lambda((_x,), _Wb(_x))}
    e1 = sp.Eq(_Wb(Act(_g, _x)), Zk(_x), evaluate=False)
    formal = Statement.identity(SolDim(e1, _Wb(_x)), NumOrbits(_X), definitions=defs)

    def derive():
        return _orbit_count_by_unfolding(formal, e1, "rt_Zk", defs)
    d = derive()[0]
    ok, detail = d.steps[0].rule.check(d.start, d.steps[0].expr)
    assert not ok and "names the unknown" in detail
    with pytest.raises(RuleError, match="the unknown of a SolDim"):
        Unfold("rt_Zk", definitions=defs).apply(formal.lhs)
    r = sc.run_theorem(_theorem("rt_soldim_definition_names_w", formal, derive))
    assert r.verdict is sc.Verdict.UNDECIDED and not r.passed


# ---------------------------------------------------------------- 7. non-commuting factors (matrices)

_A, _B, _C = sp.symbols("A B C", commutative=False)


def test_matrices_are_not_compared_as_commuting():
    # equal_mod_n matched the factors of a product in any order: A B = B A came out proved (a statement about
    # non-commuting symbols is not evaluated concretely)
    assert not equal_mod_n(_A * _B, _B * _A)
    assert equal_mod_n(2 * _A * _B, _A * _B * 2)                       # scalars commute
    assert equal_mod_n(i * _A * _B, _A * i * _B)
    formal = Statement.identity(_A * _B, _B * _A)
    assert formal.evaluate().status == "unevaluable"
    assert _one_comparison_step_is_undecided("rt_matrices_commute", formal)


def test_powers_of_a_matrix_are_not_merged_across_another():
    from symconv.engine.compare import merge_powers
    assert merge_powers(_A * _B * _A) == _A * _B * _A
    assert not IndexArithmetic().check(_A * _B * _A, _A ** 2 * _B)[0]


def test_sum_rules_keep_matrices_in_place():
    from symconv.engine.rules import ProductOfSums, PullIn, PullOut
    M = sp.Function("rt_M", commutative=False)
    s = zsum(_A * M(t) * _C, t)                                          # sum_t A M_t C = A (sum_t M_t) C
    assert not PullOut(t).check(s, _A * _C * zsum(M(t), t))[0]
    assert not PullIn(t).check(_A * zsum(M(t), t) * _C, zsum(_A * _C * M(t), t))[0]
    assert not ProductOfSums().check(zsum(M(t), t) * _C * zsum(M(u), u), zsum(zsum(_C * M(t) * M(u), u), t))[0]


# ---------------------------------------------------------------- 8. one name, one definition (steps and statement)

_d3 = entry_function("rt_d3", cyclic=False)
_f3 = sp.Function("rt_f3", real=True)
_ONE = {"rt_d3": sp.Lambda((k,), sp.Integer(1))}
_ZERO = {"rt_d3": sp.Lambda((k,), sp.Integer(0))}


def _unevaluable_pair():
    # int_0^1 d_i f(x) dx and int_0^1 f(x) dx: an integral is not evaluated concretely
    return sp.Integral(_d3(i) * _f3(_xr), (_xr, 0, 1)), sp.Integral(_f3(_xr), (_xr, 0, 1))


def test_a_step_may_not_unfold_another_definition_than_the_statements():
    lhs, rhs = _unevaluable_pair()
    formal = Statement.identity(lhs, rhs, definitions=_ZERO)            # d = 0: the left side is 0

    def derive():
        return [sc.Derivation(formal.lhs, goal=formal.rhs).step(formal.rhs, Unfold("rt_d3", definitions=_ONE))]
    assert derive()[0].check().ok                                      # the step itself is fine (d = 1 there)
    assert "the statement defines it" in establishes([formal], derive())[1]
    r = sc.run_theorem(_theorem("rt_other_definition", formal, derive))
    assert r.verdict is sc.Verdict.UNDECIDED and not r.passed


def test_a_step_may_not_define_an_object_the_statement_leaves_arbitrary():
    lhs, rhs = _unevaluable_pair()
    formal = Statement.identity(lhs, rhs)                              # for every sequence d: false (d = 0)

    def derive():
        return [sc.Derivation(formal.lhs, goal=formal.rhs).step(formal.rhs, Unfold("rt_d3", definitions=_ONE))]
    assert "leaves arbitrary" in establishes([formal], derive())[1]
    r = sc.run_theorem(_theorem("rt_defines_free_object", formal, derive))
    assert r.verdict is sc.Verdict.UNDECIDED and not r.passed


def test_fold_and_unfold_must_use_one_definition():
    # 0 = int_0^1 f: fold 0 into h_i * int f with h := 0, unfold h with h := 1 (concrete evaluation of the
    # steps reads one merged definition, and cannot evaluate the integral anyway)
    hh = entry_function("rt_hh", cyclic=False)
    zero, one = {"rt_hh": sp.Lambda((k,), sp.Integer(0))}, {"rt_hh": sp.Lambda((k,), sp.Integer(1))}
    integral = sp.Integral(_f3(_xr), (_xr, 0, 1))
    formal = Statement.identity(sp.Integer(0), integral)

    def derive():
        return [sc.Derivation(sp.Integer(0), goal=integral)
                .step(hh(i) * integral, Fold("rt_hh", definitions=zero))
                .step(integral, Unfold("rt_hh", definitions=one))]
    assert derive()[0].check().ok
    assert "one name, two definitions" in establishes([formal], derive())[1]
    r = sc.run_theorem(_theorem("rt_two_definitions", formal, derive))
    assert r.verdict is sc.Verdict.UNDECIDED and not r.passed


def test_inner_derivations_of_equivalent_constraints_use_the_statements_definitions():
    # the statement: Pq(g, x) := x, so SolDim(W(Pq(g, x)) = W(x), W(x)) = |X|, not |G \ X|; the inner
    # derivation unfolds Pq as g . x instead
    Pq = sp.Function("rt_Pq")
    stated = {"rt_Pq": sp.Lambda((_g, _x), _x)}
    other = {"rt_Pq": sp.Lambda((_g, _x), Act(_g, _x))}
    e1 = sp.Eq(_Wb(Pq(_g, _x)), _Wb(_x), evaluate=False)
    formal = Statement.identity(SolDim(e1, _Wb(_x)), NumOrbits(_X), definitions=stated)

    def derive():
        return _orbit_count_by_unfolding(formal, e1, "rt_Pq", other)
    assert derive()[0].check(concrete=False).ok                     # the rules alone accept the chain
    ok, why = establishes([formal], derive())
    assert not ok and "EquivalentConstraints" in why and "the statement defines it" in why
    r = sc.run_theorem(_theorem("rt_inner_definition", formal, derive))
    assert r.verdict in (sc.Verdict.UNDECIDED, sc.Verdict.REFUTED) and not r.passed


# ---------------------------------------------------------------- 9. a hypothesis about the statement's t, under sum_t

def test_use_hypothesis_about_the_statements_index_does_not_reach_a_bound_one():
    # (|g_t| = k for this t)  =>  sum_{s=1}^{L} |g_s| + |g_t| = L k + k: false (the other g_s are arbitrary).
    # SymPy's subs rewrites size(g(t)) under the sum binding t too.
    from symconv.objects.indexed import sequence_function, size
    g = sequence_function("rt_g")
    L_ = sp.Symbol("L", integer=True, positive=True)
    hyp = Hypothesis("|g_t| = k", sp.Eq(size(g(t)), k), "$|g_t| = k$ (this t)")
    formal = Statement.identity(sp.Sum(size(g(t)), (t, 1, L_)) + size(g(t)), sp.Sum(k, (t, 1, L_)) + k,
                                hypotheses=(hyp,))
    assert _one_hypothesis_step_is_refused("rt_hyp_bound_index", formal, hyp, "the statement's ['t']")
    # with t free only in the hypothesis (|g_i| = k for every i, as proofs/kernel_support.py uses it) it applies
    formal2 = Statement.identity(sp.Sum(size(g(t)), (t, 1, L_)), sp.Sum(k, (t, 1, L_)), hypotheses=(hyp,))
    d2 = sc.Derivation(formal2.lhs, goal=formal2.rhs, hypotheses=(hyp,)).step(formal2.rhs, UseHypothesis(hyp.expr))
    assert d2.check().ok


def test_a_lemmas_side_condition_about_the_statements_index_does_not_cover_a_bound_one():
    # (end taps of g_t non-zero, this t)  =>  sum_s deg P_{g_s} + deg P_{g_t} = sum_s (|g_s| - 1) + |g_t| - 1:
    # false (a g_s with a zero last tap has deg P < |g_s| - 1); the rewrite reached the g_s under the sum
    from symconv.engine.lemmas import NonzeroEndTaps
    from symconv.engine.rules import LemmaRewrite
    from symconv.objects.indexed import Pk, X, deg, size
    g = sp.Function("rt_gk")
    L_ = sp.Symbol("L", integer=True, positive=True)
    hyp = Hypothesis("end taps of g_t non-zero", NonzeroEndTaps(g(t)), "the end taps of $g_t$ (this t) are non-zero")
    lhs = sp.Sum(deg(Pk(g(t), X)), (t, 1, L_)) + deg(Pk(g(t), X))
    rhs = sp.Sum(size(g(t)) - 1, (t, 1, L_)) + size(g(t)) - 1
    formal = Statement.identity(lhs, rhs, hypotheses=(hyp,))

    def derive():
        return [sc.Derivation(lhs, goal=rhs, hypotheses=(hyp,))
                .step(rhs, LemmaRewrite("kernel_length_is_degree_plus_one", {deg(Pk(g(t), X)): size(g(t)) - 1},
                                        "length", hypothesis=hyp))]
    d = derive()[0]
    ok, detail = d.steps[0].rule.check_in_context(d, d.start, d.steps[0].expr)
    assert not ok and "the statement's ['t']" in detail
    r = sc.run_theorem(_theorem("rt_lemma_side_condition_bound", formal, derive))
    assert r.verdict is sc.Verdict.UNDECIDED and not r.passed


# ---------------------------------------------------------------- 10. Fubini under a hypothesis about other functions

def test_fubini_needs_a_hypothesis_that_covers_the_integrand():
    # int_0^1 int_0^1 (x^2 - y^2)/(x^2 + y^2)^2 dy dx = pi/4, the other order -pi/4: not absolutely integrable.
    # A hypothesis that says "g is integrable" (about another function) let Fubini swap them: proved.
    from symconv.engine.rules import FactorIntegrals, Fubini
    fr = (_xr ** 2 - _yr ** 2) / (_xr ** 2 + _yr ** 2) ** 2
    hyp = Hypothesis("g integrable", text="$g$ is absolutely integrable")
    lhs, rhs = sp.Integral(fr, (_yr, 0, 1), (_xr, 0, 1)), sp.Integral(fr, (_xr, 0, 1), (_yr, 0, 1))
    formal = Statement.identity(lhs, rhs, hypotheses=(hyp,))

    def derive():
        return [sc.Derivation(lhs, goal=rhs, hypotheses=(hyp,)).step(rhs, Fubini(hypothesis=hyp))]
    d = derive()[0]
    ok, detail = d.steps[0].rule.check_in_context(d, lhs, rhs)
    assert not ok and "not shown to cover" in detail
    r = sc.run_theorem(_theorem("rt_fubini_other_function", formal, derive))
    assert r.verdict is sc.Verdict.UNDECIDED and not r.passed
    # f(tau) g(t - tau) under "f, g in L^1": covered (one named function per variable, independent forms) ...
    f_, g_ = sp.Function("f"), sp.Function("g")
    l1 = Hypothesis("f, g absolutely integrable on R", text=r"$f, g \in L^1(\mathbb{R})$")
    R_ = (-sp.oo, sp.oo)
    good = sp.Integral(f_(_yr) * g_(_xr - _yr), (_yr, *R_), (_xr, *R_))
    d2 = sc.Derivation(good, hypotheses=(l1,))
    assert Fubini(hypothesis=l1).check_in_context(d2, good, sp.Integral(good.function, (_xr, *R_), (_yr, *R_)))[0]
    # ... but f(tau) f(tau) (the same form twice: int over t diverges) and f(tau) alone over R^2 are not
    for bad in (f_(_yr) * g_(_yr), f_(_yr)):
        it = sp.Integral(bad, (_yr, *R_), (_xr, *R_))
        assert not Fubini(hypothesis=l1).check_in_context(d2, it, sp.Integral(bad, (_xr, *R_), (_yr, *R_)))[0]
    # FactorIntegrals: each factor must be covered too
    prod = sp.Integral(f_(_yr), (_yr, *R_)) * sp.Integral(_fr(_xr), (_xr, *R_))
    merged = sp.Integral(f_(_yr) * _fr(_xr), (_xr, *R_), (_yr, *R_))
    assert not FactorIntegrals(hypothesis=l1).check_in_context(sc.Derivation(merged, hypotheses=(l1,)), merged, prod)[0]


def test_a_step_may_not_define_an_object_a_convention_leaves_arbitrary():
    # (a (*) b)_i int f = (sum_t b_t) int f "for every a": unfold the convention conv, then give its a a
    # definition (a = 1) the statement never made
    from symconv.objects.indexed import conv
    integral = sp.Integral(_f3(_xr), (_xr, 0, 1))
    formal = Statement.identity(conv(i) * integral, zsum(b(t), t) * integral)
    one = {"a": sp.Lambda((k,), sp.Integer(1))}

    def derive():
        return [sc.Derivation(formal.lhs, goal=formal.rhs)
                .step(zsum(a(i - t) * b(t), t) * integral, Unfold("conv"))
                .step(formal.rhs, Unfold("a", definitions=one))]
    assert derive()[0].check().ok
    assert "defines a as" in establishes([formal], derive())[1]
    r = sc.run_theorem(_theorem("rt_convention_data_defined", formal, derive))
    assert r.verdict is sc.Verdict.UNDECIDED and not r.passed


# ---------------------------------------------------------------- 11. PolyIdentity and a cancelled denominator

def test_poly_identity_does_not_cancel_a_denominator_that_may_vanish():
    # (i^2 - 1)/(i - 1) = i + 1 for every integer i: at i = 1 the left side is 0/0.  Concrete evaluation finds
    # that point unevaluable (never a refutation), so the rule alone decided it: proved.
    from symconv.engine.rules import PolyIdentity
    formal = Statement.identity((i ** 2 - 1) / (i - 1), i + 1)

    def derive():
        return [sc.Derivation(formal.lhs, goal=formal.rhs).step(formal.rhs, PolyIdentity())]
    ok, detail = PolyIdentity().check(formal.lhs, formal.rhs)
    assert not ok and "may vanish" in detail
    r = sc.run_theorem(_theorem("rt_removable_pole", formal, derive))
    assert r.verdict is sc.Verdict.UNDECIDED and not r.passed
    # omega = 1 at n = 1: (omega^2 - 1)/(omega - 1) is not omega + 1 there either
    from symconv.objects.indexed import omega
    assert not PolyIdentity().check((omega ** 2 - 1) / (omega - 1), omega + 1)[0]
    # a denominator shown non-zero (n >= 1, a number) may go
    assert PolyIdentity().check((n * i + n) / n, i + 1)[0]
    assert PolyIdentity().check((2 * i + 2) / 2, i + 1)[0]


def test_evaluate_sum_and_lemma_rewrite_do_not_cancel_a_denominator_that_may_vanish_either():
    # sum_{k<n} k = n(n-1)(n-5) / (2(n-5)): 0/0 at n = 5 (concrete evaluation skips that point)
    from symconv.engine.rules import EvaluateSum
    tri = sp.Sum(k, (k, 0, n - 1))
    ok, detail = EvaluateSum().check(tri, n * (n - 1) * (n - 5) / (2 * (n - 5)))
    assert not ok and "may vanish" in detail
    assert EvaluateSum().check(tri, n * (n - 1) / 2)[0]
    formal = Statement.identity(tri, n * (n - 1) * (n - 5) / (2 * (n - 5)))

    def derive():
        return [sc.Derivation(formal.lhs, goal=formal.rhs).step(formal.rhs, EvaluateSum())]
    r = sc.run_theorem(_theorem("rt_sum_removable_pole", formal, derive))
    assert r.verdict is sc.Verdict.UNDECIDED and not r.passed
