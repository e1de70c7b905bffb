"""Kill tests for the mutants of the red-team soundness fixes (2026-12-02) that the other tests let survive."""

import pytest
import sympy as sp

from symconv.engine.rules import _labels_only
from symconv.objects.group_actions import Act, Point, PtEq
from symconv.objects.group_elements import GMul
from symconv.objects.indexed import entry_function, omega, zsum

_X = sp.Symbol("X")
_x, _x1 = Point("x", _X), Point("x'", _X)
_g, _h, _t = (sp.Symbol(s_, integer=True) for s_ in "ght")
_f = entry_function("krt_f")
_acyc = entry_function("krt_a", cyclic=False)


@pytest.mark.parametrize("body, expected", [
    (_acyc(_h), True),                          # var absent: anything goes
    (_g, False),                                # a bare index is not a label
    (omega**_g, False),                         # _labels_only knows no omega exponents (label_only does)
    (Act(_g, _x), True),
    (Act(GMul(_g, _h), _x), True),
    (Act(_g**2 / 2, _x), False),                # the group element must be a label
    (Act(_h, Act(_g**2 / 2, _x)), False),       # the point is checked too
    (Act(_h, Act(_g, _x)), True),
    (PtEq(_x1, Act(_g, _x)), True),
    (PtEq(_x1, Act(_g**2 / 2, _x)), False),
    (_f(_g) + _f(_g + 1), True),
    (_f(_g) + _g, False),
    (_g + _f(_g), False),
    (_f(_g) * _f(2 * _g), True),
    (_f(_g) * _acyc(_g), False),
    (_acyc(_g) * _f(_g), False),
    (_f(_g), True),
    (_f(_g / 2), False),
    (_acyc(_g), False),
    (GMul(_g, _h), True),
    (zsum(_f(_g + _t), _t), True),
    (zsum(_acyc(_g + _t), _t), False),
    (sp.Sum(_f(_t), (_t, 0, _g)), False),       # var in a range: not a label
    (sp.Sum(_f(_t), (_t, _g, 5)), False),
])
def test_labels_only_exact(body, expected):
    assert _labels_only(body, _g) is expected


# ---------------------------------------------------------------- the messages and guards of the binder checks

import types  # noqa: E402

import symconv as sc  # noqa: E402
from symconv.engine.lemmas import HALF_DEGREE as _L2, REAL_ROOTS as _m, ROOT_PAIRS as _c, NonzeroEndTaps  # noqa: E402
from symconv.engine.rule_base import IN_SOLDIM, soldim_bound  # noqa: E402
from symconv.engine.rules import (ApplyLemma, EvaluateSum, Fubini, LemmaRewrite, PolyIdentity, PullIn,  # noqa: E402
                                  RuleError, UseHypothesis, _outer_symbol_bound, _poles, _same_definition)
from symconv.engine.statement import Hypothesis, _definition_uses  # noqa: E402
from symconv.objects.group_actions import SolDim  # noqa: E402
from symconv.objects.indexed import Pk, X, deg, k, n, poly_function, t  # noqa: E402


def test_lemma_rewrite_names_the_binder_it_refuses():
    real = Hypothesis("a real, size 2L+1, last tap non-zero", text="$a$ real, of size $2L+1$, last tap non-zero")
    rule = LemmaRewrite("conjugate_roots_pair_up", {_m: 2 * _L2 - 2 * _c}, "pairs", hypothesis=real)
    with pytest.raises(RuleError) as exc:
        rule.apply(sp.Sum(_m, (_c, 0, 3)))
    assert str(exc.value) == "rewriting m -> 2*L - 2*c would bring ['c'] under Sum(m, (c, 0, 3)), which binds them"


_i = sp.Symbol("i", integer=True, positive=True)
_d = sp.Symbol("d", integer=True, positive=True)
_L = sp.Symbol("L", integer=True, positive=True)
_gp = poly_function("g", "g_{#}")
_END_G = Hypothesis("end taps of every g_i non-zero", NonzeroEndTaps(_gp(_i)),
                    "the end taps of every $g_i$ are non-zero")
_STACK = sp.Product(Pk(_gp(_i), X ** _d), (_i, 1, _L))
_WHOLE = sp.Sum(deg(Pk(_gp(_i), X ** _d)), (_i, 1, _L))


def test_apply_lemma_side_condition_about_the_statements_index_does_not_cover_a_bound_one():
    rule = ApplyLemma("degree_of_product", hypothesis=_END_G)
    der = sc.Derivation(deg(_STACK) + _i, hypotheses=(_END_G,))         # i free in the statement
    assert rule.check_in_context(der, deg(_STACK), _WHOLE) == (
        False, "lemma degree_of_product: its side condition is about the statement's ['i'], not about the variable "
               "of that name bound in Product(Pk(g(i), x**d), (i, 1, L))")
    der2 = sc.Derivation(deg(_STACK), hypotheses=(_END_G,))              # i only bound: "for every i"
    assert rule.check_in_context(der2, deg(_STACK), _WHOLE) == (
        True, "lemma degree_of_product: instance recognised; side condition 'non-zero end taps' from "
              "['end taps of every g_i non-zero']")


def test_outer_symbol_bound_is_empty_without_a_derivation_or_an_outer_symbol():
    assert _outer_symbol_bound(None, sp.Sum(t, (t, 0, 3)), {t}, lambda q: True) == ""
    assert _outer_symbol_bound(sc.Derivation(k), sp.Sum(t, (t, 0, 3)), {t}, lambda q: True) == ""


_X = sp.Symbol("X")
_W = entry_function("krt_W", "W")
_Z = entry_function("krt_Z", "Z")
_xr, _yr = sp.symbols("x_r y_r")
_hf = sp.Function("krt_h")


def test_use_hypothesis_refusals_say_why():
    hyp = sp.Eq(_Z(_x), _W(_x))
    sd = SolDim(sp.Eq(_W(Act(_g, _x)), _Z(_x), evaluate=False), _W(_x))
    with pytest.raises(RuleError) as exc:
        UseHypothesis(hyp, "Z = W").apply(sd)
    assert str(exc.value) == ("the hypothesis would rewrite inside SolDim(Eq(krt_W(Act(g, x)), krt_Z(x)), krt_W(x)), "
                              "which binds its unknown and the symbols of its equation")
    hx = sp.Eq(_hf(_yr), _xr * _yr)
    with pytest.raises(RuleError) as exc:
        UseHypothesis(hx, "h").apply(sp.Subs(_hf(_yr), _xr, 0))
    assert str(exc.value) == "the hypothesis would bring ['x_r'] under Subs(krt_h(y_r), x_r, 0), which binds them"
    with pytest.raises(RuleError) as exc:
        UseHypothesis(hx, "h").apply(sp.Integral(_hf(_yr), (_xr, 0, 1)))
    assert str(exc.value) == "the hypothesis cannot be substituted: substitution cannot create dummy dependencies"


def test_soldim_bound_is_every_symbol_of_its_equation_and_the_unknown():
    sd = SolDim(sp.Eq(_W(Act(_g, _x)), _Z(_x), evaluate=False), _W(_x))
    assert soldim_bound(sd) == {_g, _x, _W, IN_SOLDIM}


def test_same_definition_refuses_when_a_parameter_is_bound_again_inside():
    x = sp.Symbol("x")
    F = sp.Function("krt_F")
    assert _same_definition(sp.Lambda((x,), sp.Subs(F(x), x, 0)), sp.Lambda((x,), sp.Subs(F(x), x, 0))) is False
    assert _same_definition(sp.Lambda((x,), F(x)), sp.Lambda((_yr,), F(_yr))) is True


# ---------------------------------------------------------------- poles

def test_poles_collects_every_denominator():
    assert _poles(1 / (_i - 1) + 1 / (_i - 2)) == {_i - 1, _i - 2}


def test_poly_identity_compares_the_poles_side_by_side():
    i = sp.Symbol("i", integer=True)
    prev = sp.Eq((i ** 2 - 1) / (i - 1), i + 1, evaluate=False)
    nxt = sp.Eq(i + 1, (i ** 2 - 1) / (i - 1), evaluate=False)
    assert PolyIdentity().check(prev, nxt) == (
        False, "PolyIdentity: the denominators differ by ['i - 1'], which may vanish: the two sides are equal as "
               "rational functions, not as values where it does")
    assert PolyIdentity().check(1 / (i - 1) + 1, i / (i - 1)) == (True, "PolyIdentity: equal as rational functions")


_TRI = sp.Sum(k, (k, 0, n - 1))
_LOST = ("EvaluateSum: the denominators differ by ['n - 5'], which may vanish: the two sides are equal as rational "
         "functions, not as values where it does")


def test_evaluate_sum_reads_the_poles_of_its_own_closed_form():
    assert EvaluateSum().check(_TRI + (n ** 2 - 25) / (n - 5), n * (n - 1) / 2 + n + 5) == (False, _LOST)


def test_evaluate_sum_compares_the_poles_of_each_side_of_an_equation():
    eq = lambda a_, b_: sp.Eq(a_, b_, evaluate=False)   # noqa: E731
    half = n * (n - 1) / 2
    assert EvaluateSum().check(eq(_TRI, (n ** 2 - 25) / (n - 5)), eq(half, n + 5)) == (False, _LOST)
    assert EvaluateSum().check(eq(_TRI + (n ** 2 - 25) / (n - 5), 0), eq(half + n + 5, 0)) == (False, _LOST)
    ok = (True, "EvaluateSum: closed forms matched")
    assert EvaluateSum().check(eq(_TRI + 1 / (n - 5), 0), eq(half + 1 / (n - 5), 0)) == ok
    assert EvaluateSum().check(eq(_TRI, 1 / (n - 5)), eq(half, 1 / (n - 5))) == ok


# ---------------------------------------------------------------- sum rules

def test_pull_in_keeps_the_names_and_refuses_matrices_with_its_message():
    c = sp.Symbol("c")
    assert PullIn(t).apply(c * zsum(_f(t), t)) == sp.Sum(c * _f(t), (t, 0, n - 1))
    A_, C_ = sp.symbols("A C", commutative=False)
    M = sp.Function("krt_M", commutative=False)
    with pytest.raises(RuleError) as exc:
        PullIn(t).apply(A_ * zsum(M(t), t) * C_)
    assert str(exc.value) == "PullIn moves factors past a sum: not for non-commuting factors"


_xs, _ys = sp.symbols("x y", real=True)
_F, _G = sp.Function("F"), sp.Function("G")
_H = Hypothesis("F, G absolutely integrable", text=r"$F, G \in L^1$")
_COVER = ("the hypothesis 'F, G absolutely integrable' is not shown to cover the factor {} of {}: only functions it "
          "names, of independent linear arguments, times unimodular exponentials")


def _double(e):
    return sp.Integral(e, (_xs, -sp.oo, sp.oo), (_ys, -sp.oo, sp.oo))


@pytest.mark.parametrize("e, expected", [
    (_F(_xs) * _G(_ys), ""),
    (sp.Symbol("c") * _F(_xs) * _G(_ys), "the factor c is not shown finite"),
    (2 * _F(_xs) * _G(_ys), ""),
    (sp.exp(sp.I * _xs) * _F(_xs) * _G(_ys), ""),
    (sp.exp(_xs) * _F(_xs) * _G(_ys), _COVER.format("exp(x)", "F(x)*G(y)*exp(x)")),
    (_F(_xs + _ys ** 2) * _G(_ys), _COVER.format("F(x + y**2)", "F(x + y**2)*G(y)")),
    (_F(sp.Symbol("a", real=True) * _xs) * _G(_ys), _COVER.format("F(a*x)", "F(a*x)*G(y)")),
    (_F(_xs - _ys) * _G(_ys), ""),
    (_F(_xs) * _G(_xs), "the integrand F(x)*G(x) is not one named L^1 function of an independent linear form per "
                        "variable [x, y]: its integrability is not shown"),
])
def test_fubini_integrands_covered_exact(e, expected):
    assert Fubini(hypothesis=_H)._integrands_covered(_double(e), None) == expected


def test_fubini_reads_only_the_iterated_integrals():
    prev = _double(_F(_xs) * _G(_ys)) + sp.Integral(_xs ** 2, (_xs, 0, 1))
    assert Fubini(hypothesis=_H)._integrands_covered(prev, None) == ""


# ---------------------------------------------------------------- the definitions a derivation uses

def test_definition_uses_reaches_inner_derivations_with_step_numbers():
    lam1, lam2, lam3 = (sp.Lambda((t,), t + q) for q in range(3))
    rule = lambda nm, defs=None, ders=None: types.SimpleNamespace(name=nm, definitions=defs, derivations=ders)  # noqa
    inner = types.SimpleNamespace(steps=[types.SimpleNamespace(rule=rule("Fold", {"krt_p": lam3}))])
    outer = types.SimpleNamespace(steps=[
        types.SimpleNamespace(rule=rule("Unfold", {"krt_p": lam1, "conv": lam2})),
        types.SimpleNamespace(rule=rule("Inner", None, [inner])),
    ])
    assert list(_definition_uses(outer, "D: ")) == [
        ("krt_p", lam1, "D: step 1 (Unfold)"),
        ("krt_p", lam3, "D: step 2, inner derivation: step 1 (Fold)"),
    ]


def test_nonperiodic_definition_exact_message_and_what_it_reads():
    from symconv.engine.statement import Statement, nonperiodic_definition
    from symconv.objects.indexed import i, u
    D = entry_function("krt_dper")
    S = entry_function("krt_seq", cyclic=False)
    E = entry_function("krt_e")
    defs = {"krt_dper": sp.Lambda((k,), sp.KroneckerDelta(k, 100))}
    why = ("krt_dper is an object on Z_n (the rules read its indices modulo n), but the statement defines it by "
           "Lambda(k, KroneckerDelta(100, k)), not shown n-periodic in the indices of krt_dper({}): a derivation "
           "cannot establish the statement (define it with cyclic=False, or periodically)")
    assert nonperiodic_definition(Statement.identity(zsum(D(t), t), zsum(D(u + 1), u), definitions=defs)) == \
        why.format("t")
    # a sequence on Z (not cyclic) may be defined by any table
    sdefs = {"krt_seq": sp.Lambda((k,), sp.KroneckerDelta(k, 100))}
    assert nonperiodic_definition(Statement.identity(zsum(S(t), t), zsum(S(u + 1), u), definitions=sdefs)) == ""
    # the object named only in a hypothesis that is no definition
    h = Hypothesis("h", sp.Ne(D(i), 0), "d_i != 0")
    assert nonperiodic_definition(Statement.identity(E(i), E(i + 1), definitions=defs, hypotheses=(h,))) == \
        why.format("i")


# ---------------------------------------------------------------- periodic definitions (the cache cleared first)

def test_periodic_definition_exact_and_cached():
    from symconv.engine import rules as rules_mod
    from symconv.engine.rules import _periodic_definition
    from symconv.objects.group_actions import Point
    rules_mod._PERIODIC.clear()      # filled by earlier tests (and by the parent process under mutmut)
    F = sp.Function("krt_F")
    x = sp.Symbol("x")
    y = sp.Symbol("y", integer=True)
    px = Point("x", _X)
    cases = [
        (sp.Lambda((k,), sp.KroneckerDelta(k, 100)), None, False),
        (sp.Lambda((k,), _f(k + 1)), None, True),
        (sp.Lambda((_g, px), Act(_g, px)), (0,), True),                      # a group label only
        (sp.Lambda((x,), sp.Subs(F(x), x, 0)), None, False),                 # the parameter bound again inside
        (sp.Lambda((k, y), sp.KroneckerDelta(y, 100) * _f(k)), (0,), True),  # only the positions asked for
        (sp.Lambda((k, y), sp.KroneckerDelta(y, 100) * _f(k)), None, False),
    ]
    for lam, at, expected in cases:
        assert _periodic_definition(lam, at) is expected, (lam, at)
        assert _periodic_definition(lam, at) is expected, (lam, at)        # from the cache
    rules_mod._PERIODIC.clear()


# ---------------------------------------------------------------- establishes: every early answer

def test_establishes_exact_answers():
    from symconv.engine.rules import IndexArithmetic
    from symconv.engine.statement import Statement, establishes
    from symconv.objects.indexed import i
    s = Statement.identity(_f(i), _f(i + n))
    d = sc.Derivation(_f(i), goal=_f(i + n)).step(_f(i + n), IndexArithmetic())
    yes = (True, "every formal statement is established by the derivations")
    assert establishes([], [d]) == (False, "the theorem has no formal statement")
    assert establishes([s], []) == (False, "the derivation function returned no derivation")
    assert establishes([s], [d]) == yes
    assert establishes([s], [sc.Derivation(_f(i)).step(_f(i + n), IndexArithmetic())]) == (
        False, "derivation 'krt_f(i)' has no goal")
    assert establishes([s], [sc.Derivation(_f(i), title="T").step(_f(i + n), IndexArithmetic())]) == (
        False, "derivation 'T' has no goal")
    assert establishes([s], [sc.Derivation(_f(i), goal=_f(i + n))]) == (False, "derivation 'krt_f(i)' has no step")
    h = Hypothesis("hh", sp.Eq(_f(0), 1), "f_0 = 1")
    unstated = sc.Derivation(_f(i), goal=_f(i + n), hypotheses=(h,)).step(_f(i + n), IndexArithmetic())
    assert establishes([s], [unstated]) == (
        False, "derivation 'krt_f(i)' uses the hypothesis 'hh', which the statement does not make")
    sh = Statement.identity(_f(i), _f(i + n), hypotheses=(h,))
    assert establishes([sh], [sc.Derivation(_f(i), goal=_f(i + n), hypotheses=(h,))
                              .step(_f(i + n), IndexArithmetic())]) == yes
    s3 = Statement.identity(_f(i), _f(i + 1))
    assert establishes([s3], [d]) == (False, f"no chain of derivations establishes the statement {s3.sstr()}")


# ---------------------------------------------------------------- one name, one definition

def test_inconsistent_definitions_exact():
    from symconv.engine.rules import Unfold
    from symconv.engine.statement import Statement, inconsistent_definitions
    from symconv.objects.indexed import i
    p, q, r = (entry_function(f"krt_{c_}", cyclic=False) for c_ in "pqr")
    d1, d2 = {"krt_p": sp.Lambda((k,), k + 1)}, {"krt_p": sp.Lambda((k,), k + 2)}

    def D(defs, title=None):
        return sc.Derivation(p(i), goal=i + 1, title=title).step(i + 1, Unfold("krt_p", definitions=defs))
    s = Statement.identity(q(i), q(i) + 1)
    assert inconsistent_definitions([s], [D(d1, "T"), D(d2)]) == (
        "derivation 'krt_p(i)', step 1 (Unfold) defines krt_p as Lambda(k, k + 2), but derivation 'T', step 1 "
        "(Unfold) as Lambda(k, k + 1): one name, two definitions")
    assert inconsistent_definitions([s], [D(d1), D(d1)]) == ""
    h = Hypothesis("def", sp.Eq(p(k), k + 2), "p_k = k + 2")               # a definitional hypothesis
    sh = Statement.identity(p(i), i + 2, hypotheses=(h,))
    assert inconsistent_definitions([sh], [D(d1)]) == (
        "derivation 'krt_p(i)', step 1 (Unfold) defines krt_p as Lambda(k, k + 1), but the statement defines it as "
        "Lambda(k, k + 2)")
    assert inconsistent_definitions([sh], [D(d2)]) == ""
    arbitrary = ("derivation 'krt_p(i)', step 1 (Unfold) defines krt_p as Lambda(k, k + 1), an object the statement "
                 "leaves arbitrary (it names it without defining it): state the definition with the statement")
    hn = Hypothesis("nz", sp.Ne(p(0), 0), "p_0 != 0")                       # p named in a hypothesis only
    assert inconsistent_definitions([Statement.identity(q(i), q(i) + 1, hypotheses=(hn,))], [D(d1)]) == arbitrary
    # p reached through the statement's definitions, two levels down (q := 2 r, r := 3 p)
    sq = Statement.identity(q(i), 2 * i, definitions={"krt_q": sp.Lambda((k,), 2 * r(k)),
                                                      "krt_r": sp.Lambda((k,), 3 * p(k))})
    assert inconsistent_definitions([sq], [D(d1)]) == arbitrary


def test_substitution_refusals_say_why():
    from symconv.engine.rule_base import _no_capture, substitute
    with pytest.raises(RuleError) as exc:
        _no_capture(sp.Integer(1), zsum(_f(t), t), t)
    assert str(exc.value) == "t is bound again inside Sum(krt_f(t), (t, 0, n - 1)): rename the inner one first"
    x = sp.Symbol("x")
    with pytest.raises(RuleError) as exc:
        substitute(sp.Subs(sp.Function("krt_F")(x), x, 0), {x: 1})
    assert str(exc.value) == ("substitution would reach or capture ['x'] under a Subs, Lambda, Limit or Derivative "
                              "binding them")


def test_unfold_refusals_say_why():
    from symconv.engine.rules import Unfold
    from symconv.objects.indexed import i
    sd = SolDim(sp.Eq(_W(Act(_g, _x)), _Z(_x), evaluate=False), _W(_x))
    with pytest.raises(RuleError) as exc:
        Unfold("krt_W", definitions={"krt_W": sp.Lambda((_x,), sp.Integer(0))}).apply(sd)
    assert str(exc.value) == ("krt_W(Act(g, x)) is the unknown of a SolDim around it (bound there), not the object "
                              "krt_W the definition is about")
    D = entry_function("krt_dper")
    with pytest.raises(RuleError) as exc:
        Unfold("krt_dper", definitions={"krt_dper": sp.Lambda((k,), sp.KroneckerDelta(k, 100))}).apply(D(i))
    assert str(exc.value) == ("'krt_dper' is an object on Z_n (indices read modulo n), but its definition "
                              "Lambda(k, KroneckerDelta(100, k)) is not shown n-periodic in the indices of krt_dper(i)")
    with pytest.raises(RuleError) as exc:
        Unfold("krt_Z", definitions={"krt_Z": sp.Lambda((_x,), sp.Symbol("c"))}).apply(sd)
    assert str(exc.value) == ("unfolding krt_Z(x) would put the definition's ['c'] under a SolDim, which quantifies "
                              "(binds) every symbol of its equation")


def test_substitute_integral_refuses_to_capture_or_reach_an_inner_binder():
    from symconv.engine.rules import SubstituteIntegral
    x, y, v = sp.symbols("x y v", real=True)
    f2, h2 = sp.Function("krt_f2"), sp.Function("krt_h2")
    whole = (x, -sp.oo, sp.oo)
    with pytest.raises(RuleError) as exc:
        SubstituteIntegral(x, v + y, v).apply(sp.Integral(f2(x) * sp.Sum(h2(y), (y, 0, 3)), whole))
    assert str(exc.value) == "substitution would capture ['y'] under an inner sum"
    with pytest.raises(RuleError) as exc:
        SubstituteIntegral(x, v + 1, v).apply(sp.Integral(f2(x) * sp.Subs(h2(x), x, 0), whole))
    assert str(exc.value) == "x is bound again inside krt_f2(x)*Subs(krt_h2(x), x, 0): rename the inner one first"
    assert SubstituteIntegral(x, v + 1, v).apply(sp.Integral(f2(x), whole)) == sp.Integral(f2(v + 1),
                                                                                       (v, -sp.oo, sp.oo))


def test_product_of_sums_refuses_matrices_with_its_message():
    from symconv.engine.rules import ProductOfSums
    from symconv.objects.indexed import u
    M = sp.Function("krt_M", commutative=False)
    C_ = sp.Symbol("C", commutative=False)
    with pytest.raises(RuleError) as exc:
        ProductOfSums().apply(zsum(M(t), t) * C_ * zsum(M(u), u))
    assert str(exc.value) == "ProductOfSums moves factors past sums: not for non-commuting factors"


def test_integration_variables_are_compared_as_real():
    from symconv.engine.compare import equal_mod_n
    x = sp.Symbol("x")                       # no assumption: over a real range it is real
    f2 = sp.Function("krt_f2")
    assert equal_mod_n(sp.Integral(sp.conjugate(x) * f2(x), (x, 0, 1)), sp.Integral(x * f2(x), (x, 0, 1))) is True


def test_use_hypothesis_names_only_the_captured_symbols():
    z = sp.Symbol("z")
    with pytest.raises(RuleError) as exc:
        UseHypothesis(sp.Eq(_hf(_yr), _xr * z * _yr), "h").apply(sp.Subs(_hf(_yr), _xr, 0))
    assert str(exc.value) == "the hypothesis would bring ['x_r'] under Subs(krt_h(y_r), x_r, 0), which binds them"


def test_an_implication_chain_establishes_no_equivalence_and_no_identity():
    """establishes: a chain with a step that only implies joins nothing (unless its last rule concludes the
    statement); '=' and '<=>' chains between equations join an equivalence, '=' chains between terms an identity."""
    import types

    from symconv.engine.statement import EQUAL, IFF, IMPLIES, Statement, chain_relation, establishes
    from symconv.objects.indexed import i, x
    left, right = sp.Eq(x(i), 0, evaluate=False), sp.Eq(x(i + 1), 0, evaluate=False)

    def chain(start, goal, *relations):
        steps = [types.SimpleNamespace(rule=types.SimpleNamespace(name="R", relation=r)) for r in relations]
        return types.SimpleNamespace(start=start, goal=goal, steps=steps, hypotheses=(), title="T")
    assert chain_relation(chain(left, right, EQUAL, IMPLIES)) == IMPLIES
    assert chain_relation(chain(left, right, EQUAL, IFF)) == IFF
    assert chain_relation(chain(left, right, EQUAL, EQUAL)) == EQUAL
    assert chain_relation(chain(left, right, EQUAL, "~")) == IMPLIES          # an unknown relation implies at most
    equiv = Statement.equivalence(left, right)
    no = (False, f"no chain of derivations establishes the statement {equiv.sstr()}")
    assert establishes([equiv], [chain(left, right, IMPLIES)]) == no
    assert establishes([equiv], [chain(left, right, IFF, IMPLIES)]) == no
    assert establishes([equiv], [chain(left, right, IFF)])[0] is True
    assert establishes([equiv], [chain(left, right, EQUAL)])[0] is True
    ident = Statement.identity(x(i), x(i + 1))
    no_id = (False, f"no chain of derivations establishes the statement {ident.sstr()}")
    assert establishes([ident], [chain(x(i), x(i + 1), IMPLIES)]) == no_id
    assert establishes([ident], [chain(x(i), x(i + 1), IFF)]) == no_id
    assert establishes([ident], [chain(x(i), x(i + 1), EQUAL)])[0] is True
    assert establishes([equiv], [chain(x(i), x(i + 1), EQUAL)]) == no            # terms join no equations
