"""Soundness of the rules for a finite group acting on finite sets (symconv.engine.action_rules) and of
the two theorems they prove (proofs/groups.py: equivariant_iff_constant_on_orbitals,
orbital_basis_dim_eq_burnside).

Each false step below is what a careless or malicious user could feed a rule; it must be rejected by
the rule itself, next to the correct step, which must be accepted (and then concrete evaluation, in
concrete groups acting on concrete sets, must agree).  Concrete evaluation is tested on its own at
the end: it must catch a false step that a rule accepting everything lets through.
"""

import pytest
import sympy as sp

import symconv as sc
from symconv.engine.action_rules import (ActionArithmetic, ActionReindex, ActionSift, CountOrbits,
                                         EquivalentConstraints, InvariantFunctionsDim, OrbitStabiliser,
                                         RegroupFiniteSums, action_canonical, action_word, ill_typed)
from symconv.engine.concrete import concrete_compare
from symconv.engine.group_rules import GroupSift
from symconv.engine.lemmas import check_lemma
from symconv.engine.orbit_lemmas import (action_catalogue, check_invariant_functions_dim,
                                         check_orbit_counting, check_orbit_stabiliser)
from symconv.engine.rules import RuleError, Sift, Unfold
from symconv.engine.statement import Statement, establishes
from symconv.objects.group_actions import (Act, Card, NumOrbits, OrbitSize, Point, PtEq, SolDim, base_point,
                                           point_set, xsum)
from symconv.objects.group_elements import GId, GInv, GMul
from symconv.objects.indexed import entry_function, n, sequence_function, zsum

SX, SY = sp.symbols("X Y")
x, x1, x2 = Point("x", SX), Point("x'", SX), Point("x''", SX)
y, y1 = Point("y", SY), Point("y'", SY)
g, h, k = sp.symbols("g h k", integer=True)
Wa = entry_function("Wa", "W")
F = entry_function("Fa", "F")
f = entry_function("fmap", "f")          # an arbitrary map, not an action


def accepts(rule, prev, nxt) -> bool:
    ok, _ = rule.check(prev, nxt)
    if ok:      # the derivation (rule + concrete evaluation, which cannot evaluate points) agrees
        assert sc.Derivation(prev).step(nxt, rule).check().ok
    return ok


def eq(a, b):
    return sp.Eq(a, b, evaluate=False)


# ---------------------------------------------------------------- the notation

def test_points_are_typed_and_are_not_labels():
    assert Point("x", SX) != Point("x", SY) and Point("x", SX) == x
    assert x.is_integer is None                    # never a label, never an index of Z_n
    assert point_set(Act(g, Act(h, y))) == SY and base_point(Act(g, Act(h, y))) == y
    assert point_set(g) is None and point_set(Act(g, g)) is None
    with pytest.raises(TypeError):
        Point("x", g)                               # a set is not an integer symbol
    with pytest.raises(TypeError):
        xsum(F(g), g)
    assert Card(SX).is_finite and Card(SX).is_positive


def test_action_words():
    assert action_word(Act(g, Act(GInv(g), x))) == ((), x)
    assert action_word(Act(GMul(g, h), x)) == action_word(Act(g, Act(h, x)))
    assert action_word(Act(GMul(g, h), x)) != action_word(Act(h, Act(g, x)))     # no commutativity
    assert action_word(Act(g + 1, x)) is None and action_word(Act(x1, x)) is None
    assert action_word(f(g, x)) is None                                          # not an action
    assert action_canonical(PtEq(x, Act(GId(), x1))) == action_canonical(PtEq(x1, x))


def test_existing_rules_do_not_touch_points():
    s = xsum(PtEq(x1, Act(g, x)) * Wa(y, x1), x1)
    with pytest.raises(RuleError):
        GroupSift(x1)                               # a point is not a group label
    assert not Sift(x1).check(s, Wa(y, Act(g, x)))[0]       # nor an index of Z_n


# ---------------------------------------------------------------- ActionArithmetic

def test_action_arithmetic():
    assert accepts(ActionArithmetic(), Wa(Act(GInv(g), Act(g, y)), x), Wa(y, x))
    assert accepts(ActionArithmetic(), Wa(Act(g, Act(h, y)), x), Wa(Act(GMul(g, h), y), x))
    assert accepts(ActionArithmetic(), Wa(Act(GId(), y), x), Wa(y, x))
    # g.(h.y) is not (h g).y (the group need not be abelian); g.y is not y; h.y is not g.y
    assert not accepts(ActionArithmetic(), Wa(Act(g, Act(h, y)), x), Wa(Act(GMul(h, g), y), x))
    assert not accepts(ActionArithmetic(), Wa(Act(g, y), x), Wa(y, x))
    assert not accepts(ActionArithmetic(), Wa(Act(g, y), x), Wa(Act(h, y), x))
    # an action law applied to a map that is not an action: f(g, f(h, y)) is not f(g h, y)
    assert not accepts(ActionArithmetic(), Wa(f(g, f(h, y)), x), Wa(f(GMul(g, h), y), x))
    assert not ActionArithmetic().check(eq(Wa(y, x), Wa(y, x)), Wa(y, x))[0]


# ---------------------------------------------------------------- ActionSift

def test_action_sift_correct_steps():
    assert accepts(ActionSift(x1), xsum(Wa(y, x1) * PtEq(x1, Act(g, x)), x1), Wa(y, Act(g, x)))
    assert accepts(ActionSift(y1), xsum(PtEq(y, Act(g, y1)) * Wa(y1, x), y1), Wa(Act(GInv(g), y), x))
    # the bracket's sides in the other order, and a word on both sides
    assert accepts(ActionSift(x1), xsum(PtEq(Act(h, x1), Act(g, x)) * F(x1), x1), F(Act(GMul(GInv(h), g), x)))


def test_action_sift_refuses_false_steps():
    s = xsum(Wa(y, x1) * PtEq(x1, Act(g, x)), x1)
    assert not accepts(ActionSift(x1), s, Wa(y, Act(GInv(g), x)))          # the wrong solution
    with pytest.raises(RuleError):
        ActionSift(g)                                                       # a label is not a point
    # not the whole set: the sum stops before the last point, or runs over Z_n
    part = sp.Sum(Wa(y, x1) * PtEq(x1, Act(g, x)), (x1, 0, Card(SX) - 2))
    assert not accepts(ActionSift(x1), part, Wa(y, Act(g, x)))
    zn = sp.Sum(Wa(y, x1) * PtEq(x1, Act(g, x)), (x1, 0, n - 1))
    assert not accepts(ActionSift(x1), zn, Wa(y, Act(g, x)))
    # the variable on both sides ([g.x' = x'] holds for every fixed point, not for one x')
    assert not accepts(ActionSift(x1), xsum(PtEq(Act(g, x1), x1) * F(x1), x1), F(x1))
    # a bracket that compares points of two different sets (x' in X, g.y in Y)
    assert not accepts(ActionSift(x1), xsum(PtEq(x1, Act(g, y)) * F(x1), x1), F(Act(g, y)))
    # a point of Y with the same name as a point of X is another point
    assert not accepts(ActionSift(x1), xsum(PtEq(x1, Act(g, Point("x", SY))) * F(x1), x1), F(Act(g, x)))
    # sifting over a map that is not a bijection by the axioms (x' -> f(x'), x' -> x' acted on by a non-group)
    assert not accepts(ActionSift(x1), xsum(PtEq(x, f(x1)) * F(x1), x1), F(x))
    assert not accepts(ActionSift(x1), xsum(PtEq(x, Act(g + 1, x1)) * F(x1), x1), F(Act(GInv(g), x)))
    # capture: the solution g.x would fall under the inner sum binding x
    cap = xsum(PtEq(x1, Act(g, x)) * xsum(Wa(y, x) * F(x1), x), x1)
    assert not accepts(ActionSift(x1), cap, xsum(Wa(y, x) * F(Act(g, x)), x))
    # in an iterated sum, only the innermost variable is sifted (the outer one stays in scope)
    it = sp.Sum(PtEq(x1, Act(g, x2)) * F(x1, x2), (x1, 0, Card(SX) - 1), (x2, 0, Card(SX) - 1))
    assert accepts(ActionSift(x1), it, xsum(F(Act(g, x2), x2), x2))
    outer = sp.Sum(PtEq(x2, Act(g, x1)) * F(x1, x2), (x1, 0, Card(SX) - 1), (x2, 0, Card(SX) - 1))
    assert not accepts(ActionSift(x2), outer, xsum(F(x1, Act(g, x1)), x1))
    assert not accepts(ActionSift(x1), xsum(F(x1), x1), F(x))


# ---------------------------------------------------------------- ActionReindex

def test_action_reindex():
    prev = eq(Wa(y, Act(g, x)), Wa(Act(GInv(g), y), x))
    good = eq(Wa(Act(g, y), Act(g, x)), Wa(y, x))
    assert ActionReindex(y, Act(g, y)).check(prev, good)[0]
    # the false commutation step: "W commutes iff W[g.y, x] = W[y, x]"
    assert not ActionReindex(y, Act(g, y)).check(prev, eq(Wa(Act(g, y), x), Wa(y, x)))[0]
    # a substitution that is not a bijection of Y: y -> g.x (another point), y -> f(y), y -> (g+1).y
    for bad in (Act(g, x), f(y), Act(g + 1, y), g):
        with pytest.raises(RuleError):
            ActionReindex(y, bad)
    with pytest.raises(RuleError):
        ActionReindex(g, Act(g, y))
    # only in an equation whose free symbols are quantified, and only a free point
    assert not ActionReindex(y, Act(g, y)).check(Wa(y, x), Wa(Act(g, y), x))[0]
    assert not ActionReindex(y1, Act(g, y1)).check(prev, good)[0]
    bound = eq(xsum(Wa(y, x), y), Wa(y, x))
    assert not ActionReindex(y, Act(g, y)).check(bound, eq(xsum(Wa(y, x), y), Wa(Act(g, y), x)))[0]
    # capture: the acting element g is bound in the equation
    cap = eq(zsum(Wa(y, Act(g, x)), g), Wa(y, x))
    assert not ActionReindex(y, Act(g, y)).check(cap, eq(zsum(Wa(Act(g, y), Act(g, x)), g), Wa(Act(g, y), x)))[0]
    assert ActionReindex(y, Act(g, y)).relation == r"\iff"      # an equivalence, never an identity of values
    # a point that a SolDim binds is not a free point of the equation
    sd = eq(SolDim(eq(Wa(Act(g, y), Act(g, x)), Wa(y, x)), Wa(y, x)), Wa(y, x))
    assert not ActionReindex(y, Act(h, y)).check(sd, eq(SolDim(eq(Wa(Act(g, Act(h, y)), Act(g, x)), Wa(Act(h, y), x)),
                                                                 Wa(Act(h, y), x)), Wa(Act(h, y), x)))[0]


# ---------------------------------------------------------------- OrbitStabiliser

def _stab(*brackets, lim=(g, 0, n - 1)):
    return sp.Sum(sp.Mul(*brackets), lim)


def test_orbit_stabiliser():
    s = _stab(PtEq(Act(g, y), y), PtEq(Act(g, x), x))
    assert accepts(OrbitStabiliser(), s, n / OrbitSize(y, x))
    assert accepts(OrbitStabiliser(), xsum(xsum(s, x), y), xsum(xsum(n / OrbitSize(x, y), x), y))
    assert not accepts(OrbitStabiliser(), s, n / OrbitSize(x))                   # a point dropped
    assert not accepts(OrbitStabiliser(), s, 1 / OrbitSize(x, y))                # |G| dropped
    # not the whole group
    assert not accepts(OrbitStabiliser(), _stab(PtEq(Act(g, x), x), lim=(g, 0, n - 2)), n / OrbitSize(x))
    # not a stabiliser: an extra factor, g^2, g^-1, two different points, the same point twice
    assert not accepts(OrbitStabiliser(), _stab(PtEq(Act(g, x), x), F(g)), n / OrbitSize(x))
    assert not accepts(OrbitStabiliser(), _stab(PtEq(Act(GMul(g, g), x), x)), n / OrbitSize(x))
    assert not accepts(OrbitStabiliser(), _stab(PtEq(Act(g, x), x1)), n / OrbitSize(x))
    assert not accepts(OrbitStabiliser(), _stab(PtEq(Act(g, x), x), PtEq(Act(g, x), x)), n / OrbitSize(x))
    assert not accepts(OrbitStabiliser(), _stab(PtEq(Act(h, x), x)), n / OrbitSize(x))
    # a sum over points, not over the group
    assert not accepts(OrbitStabiliser(), xsum(PtEq(Act(g, x), x), x), n / OrbitSize(x))
    # an outer range that depends on g
    dep = sp.Sum(PtEq(Act(g, x), x), (g, 0, n - 1), (k, 0, g))
    assert not accepts(OrbitStabiliser(), dep, sp.Sum(n / OrbitSize(x), (k, 0, g)))


# ---------------------------------------------------------------- CountOrbits

def test_count_orbits():
    s = sp.Sum(1 / OrbitSize(x, y), (x, 0, Card(SX) - 1), (y, 0, Card(SY) - 1))
    assert accepts(CountOrbits(), s, NumOrbits(SY, SX))
    assert accepts(CountOrbits(), xsum(1 / OrbitSize(x), x), NumOrbits(SX))
    # the square dropped: the count of orbits on X alone
    assert not accepts(CountOrbits(), s, NumOrbits(SX))
    # the lemma cited on the wrong set: the orbit of x alone, summed over Y x X
    wrong = sp.Sum(1 / OrbitSize(x), (x, 0, Card(SX) - 1), (y, 0, Card(SY) - 1))
    assert not accepts(CountOrbits(), wrong, NumOrbits(SY, SX))
    assert not accepts(CountOrbits(), wrong, NumOrbits(SX))
    # a partial range, a summand that is not 1/|orbit|, an orbit of points that are not the variables
    part = sp.Sum(1 / OrbitSize(x), (x, 0, Card(SX) - 2))
    assert not accepts(CountOrbits(), part, NumOrbits(SX))
    assert not accepts(CountOrbits(), xsum(2 / OrbitSize(x), x), NumOrbits(SX))
    assert not accepts(CountOrbits(), xsum(1 / OrbitSize(x1), x), NumOrbits(SX))
    assert not accepts(CountOrbits(), xsum(1 / OrbitSize(x, x), x), NumOrbits(SX, SX))


# ---------------------------------------------------------------- InvariantFunctionsDim

def test_invariant_functions_dim():
    inv = eq(Wa(Act(g, y), Act(g, x)), Wa(y, x))
    assert accepts(InvariantFunctionsDim(), SolDim(inv, Wa(y, x)), NumOrbits(SY, SX))
    assert not accepts(InvariantFunctionsDim(), SolDim(inv, Wa(y, x)), NumOrbits(SX))     # the square dropped
    # the rows-only condition W(g.y, x) = W(y, x) is not invariance on Y x X
    assert not accepts(InvariantFunctionsDim(), SolDim(eq(Wa(Act(g, y), x), Wa(y, x)), Wa(y, x)), NumOrbits(SY, SX))
    # two group elements, a word that is not g, an unknown that is not the equation's, an extra symbol
    bad = [SolDim(eq(Wa(Act(g, y), Act(h, x)), Wa(y, x)), Wa(y, x)),
           SolDim(eq(Wa(Act(GMul(g, g), y), Act(GMul(g, g), x)), Wa(y, x)), Wa(y, x)),
           SolDim(inv, Wa(x, y)),
           SolDim(eq(Wa(Act(g, y), Act(g, x)), Wa(y, x) + k), Wa(y, x)),
           SolDim(eq(Wa(Act(g, y), Act(g, x)), F(y, x)), F(y, x))]
    for s in bad:
        assert not accepts(InvariantFunctionsDim(), s, NumOrbits(SY, SX)), s


# ---------------------------------------------------------------- EquivalentConstraints and RegroupFiniteSums

def _theorems():
    import importlib.util
    from pathlib import Path
    path = Path(__file__).resolve().parents[1] / "proofs" / "groups.py"
    spec = importlib.util.spec_from_file_location("_groups_for_action_tests", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


G = _theorems()


def test_equivalent_constraints():
    ders = [G._derive_commuting()]
    W, P = G.Wo(G._py, G._px), G.COMMUTES
    assert EquivalentConstraints(*ders).check(SolDim(P, W), SolDim(G.ORBITAL, W))[0]
    rows = eq(G.Wo(Act(G._gb, G._py), G._px), W)
    assert not EquivalentConstraints(*ders).check(SolDim(P, W), SolDim(rows, W))[0]      # not what they establish
    assert not EquivalentConstraints(*ders).check(SolDim(P, W), SolDim(G.ORBITAL, G.Wo(G._px, G._py)))[0]
    # a derivation that holds only for a particular W (it unfolds W), or under a hypothesis
    spec = sc.Derivation(P, goal=G.ORBITAL).step(P, Unfold("Wo", definitions={
        "Wo": sp.Lambda((G._py, G._px), sp.Integer(0))}))
    assert not EquivalentConstraints(spec).check(SolDim(P, W), SolDim(G.ORBITAL, W))[0]
    hyp = sc.Derivation(ders[0].start, steps=ders[0].steps, goal=ders[0].goal, hypotheses=("W is symmetric",))
    assert not EquivalentConstraints(hyp).check(SolDim(P, W), SolDim(G.ORBITAL, W))[0]
    # a derivation whose step fails
    broken = sc.Derivation(P, goal=rows).step(rows, ActionReindex(G._py, Act(G._gb, G._py)))
    assert not EquivalentConstraints(broken).check(SolDim(P, W), SolDim(rows, W))[0]
    with pytest.raises(RuleError):
        EquivalentConstraints()


def test_regroup_finite_sums():
    t, u = sp.symbols("t u", integer=True)
    s = sp.Sum(PtEq(Act(g, x), x) * PtEq(Act(g, y), y), (y, 0, Card(SY) - 1), (x, 0, Card(SX) - 1), (g, 0, n - 1))
    swapped = sp.Sum(PtEq(Act(g, x), x) * PtEq(Act(g, y), y), (g, 0, n - 1), (x, 0, Card(SX) - 1), (y, 0, Card(SY) - 1))
    assert RegroupFiniteSums().check(s, swapped)[0]
    # a swap that moves a bound variable into a range, and one of infinite sums
    hs = sequence_function("hs")
    dep = sp.Sum(hs(t, u), (t, 0, u), (u, 0, n - 1))
    assert not RegroupFiniteSums().check(dep, sp.Sum(hs(t, u), (u, 0, n - 1), (t, 0, u)))[0]
    f0 = sp.Function("f0")                      # not finitely supported
    body = f0(t) * sp.KroneckerDelta(t, u)
    inf = sp.Sum(body, (t, -sp.oo, sp.oo), (u, -sp.oo, sp.oo))
    assert not RegroupFiniteSums().check(inf, sp.Sum(body, (u, -sp.oo, sp.oo), (t, -sp.oo, sp.oo)))[0]
    # the ranges are the points' sets: exchanging X's and Y's ranges is refused
    wrong = sp.Sum(PtEq(Act(g, x), x) * PtEq(Act(g, y), y), (g, 0, n - 1), (x, 0, Card(SY) - 1), (y, 0, Card(SX) - 1))
    assert not RegroupFiniteSums().check(s, wrong)[0]
    assert "not over its set" in ill_typed(wrong) and ill_typed(s) == ""
    assert "compares points of" in ill_typed(PtEq(x, y)) and "not a group expression" in ill_typed(Act(g + 1, x))
    assert "not a point" in ill_typed(Act(g, g))
    assert "used as a number" in ill_typed(Wa(x + n)) and "used as a number" in ill_typed(2 * Act(g, x))
    # a point shifted by n (meaningless) is not slipped through the comparison of iterated sums
    assert not RegroupFiniteSums().check(xsum(Wa(x), x), xsum(Wa(x + n), x))[0]


# ---------------------------------------------------------------- the lemmas

def test_lemmas_check_and_their_side_condition_matters():
    for name in ("orbit_stabiliser", "orbit_counting", "invariant_functions_dim_eq_orbits"):
        assert check_lemma(name).ok, check_lemma(name).evidence
    cat = action_catalogue()
    assert len(cat) >= 15 and any(len(e[1][0]) != len(e[2][0]) for e in cat)     # two different G-sets
    assert check_orbit_stabiliser(cat)[0] and check_orbit_counting(cat)[0] and check_invariant_functions_dim(cat)[0]
    # not an action (Z_3 -> e: id, a: (0 1), a^2: (0 1)): orbit-stabiliser fails, and the check says so
    bad = ("not an action", [(0, 1, 2), (1, 0, 2), (1, 0, 2)], [(0,)] * 3, [], [])
    ok, why = check_orbit_stabiliser([bad])
    assert not ok and "|Stab(0)| |G 0| = 1 * 2 != |G| = 3" in why


# ---------------------------------------------------------------- the theorems

def test_the_theorems_derivations_check_and_establish_their_statements():
    for thm in (G.equivariant_iff_constant_on_orbitals, G.orbital_basis_dim_eq_burnside):
        assert thm.claims.value == "proved"
        parts = thm.derivation()
        for d in parts:
            chk = d.check()
            assert chk.ok, chk.failure
        assert establishes(thm.formal, parts)[0]
    lemmas = {lem for d in G.orbital_basis_dim_eq_burnside.derivation() for lem in d.check().lemmas}
    assert lemmas == {"orbit_stabiliser", "orbit_counting", "invariant_functions_dim_eq_orbits"}
    # every identity statement is evaluated concretely (concrete groups acting on concrete sets)
    for st in (G.FORMAL_BURNSIDE[0], G.FORMAL_BURNSIDE[1], G.FORMAL_ORBITALS[1]):
        o = st.evaluate()
        assert o.status == "agree" and o.points > 20, o.detail


def test_the_false_statements_are_not_established():
    thm = G.orbital_basis_dim_eq_burnside
    parts = thm.derivation()
    # dimension = the number of orbits on X alone (Burnside without the square)
    no_square = Statement.identity(SolDim(G.COMMUTES, G.Wo(G._py, G._px)), NumOrbits(G._SX))
    assert not establishes([no_square], parts)[0]
    rows = eq(G.Wo(Act(G._gb, G._py), G._px), G.Wo(G._py, G._px))
    assert not establishes([Statement.equivalence(G.COMMUTES, rows)], G._derive_orbitals())[0]
    assert not establishes([Statement.identity(SolDim(G.COMMUTES, G.Wo(G._py, G._px)), SolDim(rows, G.Wo(G._py, G._px)))],
                           G._derive_orbitals())[0]


def test_the_false_variants_are_refuted_exactly():
    from symconv.verify import groups as V
    r = V.commuting_iff_rows_invariant(2)
    assert isinstance(r, sc.Counterexample) and "W[g.y, x] != W[y, x]" in r.description
    r = V.orbit_basis_spans_commutant(2, false_count=True)
    assert isinstance(r, sc.Counterexample)


# ---------------------------------------------------------------- concrete evaluation of the notation

class _Yes(sc.engine.rules.Rule):
    """A rule that accepts every step: only concrete evaluation stands between it and a false step."""

    def check(self, prev, nxt):
        return True, "yes"


def test_concrete_evaluation_catches_false_steps_that_a_rule_let_through():
    defs = G._PERM
    sifted = eq(G.Wo(G._py, Act(G._gb, G._px)), G.Wo(Act(GInv(G._gb), G._py), G._px))
    unfolded = eq(xsum(G.Wo(G._py, G._px1) * PtEq(G._px1, Act(G._gb, G._px)), G._px1),
                  xsum(PtEq(G._py, Act(G._gb, G._py1)) * G.Wo(G._py1, G._px), G._py1))
    good = sc.Derivation(G.COMMUTES).step(unfolded, Unfold("PX", "PY", definitions=defs)).step(sifted, _Yes())
    assert good.check().ok                                              # true steps: concrete evaluation agrees
    assert concrete_compare(G.COMMUTES.lhs, sifted.lhs, definitions=defs).status == "agree"
    wrong = eq(G.Wo(G._py, Act(GInv(G._gb), G._px)), G.Wo(Act(GInv(G._gb), G._py), G._px))   # g^-1 for g
    bad = sc.Derivation(G.COMMUTES).step(wrong, _Yes())
    chk = bad.check()
    assert not chk.ok and "concrete evaluation contradicts it" in chk.failure
    # Burnside without the square, orbit-stabiliser without |G|, the orbit count of X for that of Y x X
    fix2 = G._FIX / n
    for a_, b_ in ((fix2, NumOrbits(SX)), (G._FIX_X / n, NumOrbits(SY, SX)),
                   (sp.Sum(PtEq(Act(g, x), x), (g, 0, n - 1)), 1 / OrbitSize(x)),
                   (xsum(1 / OrbitSize(x, y), x), NumOrbits(SX))):
        o = concrete_compare(a_, b_)
        assert o.status == "differ", (a_, b_, o)
    assert concrete_compare(sp.Sum(PtEq(Act(g, x), x), (g, 0, n - 1)), n / OrbitSize(x)).status == "agree"
    assert concrete_compare(xsum(xsum(1 / OrbitSize(x, y), x), y), NumOrbits(SY, SX)).status == "agree"


def test_concrete_evaluation_of_dimensions():
    W = G.Wo(G._py, G._px)
    assert concrete_compare(SolDim(G.COMMUTES, W), NumOrbits(G._SY, G._SX), definitions=G._PERM).status == "agree"
    o = concrete_compare(SolDim(G.COMMUTES, W), SolDim(G.ROWS, W), definitions=G._PERM)
    assert o.status == "differ" and "first =" in o.detail
    # without the definitions, P_X and P_Y are random data: the commutation equation is another one
    assert concrete_compare(SolDim(G.COMMUTES, W), NumOrbits(G._SY, G._SX)).status == "differ"


def test_concrete_evaluation_refuses_ill_typed_expressions():
    o = concrete_compare(PtEq(x, y), 0)
    assert o.ill_typed and "compares points" in o.detail
    o = concrete_compare(sp.Sum(F(x), (x, 0, Card(SY) - 1)), sp.Sum(F(x), (x, 0, Card(SY) - 1)))
    assert o.ill_typed and "not over its set" in o.detail
    # a symbol that is neither a label nor a point, an affine 'solution space': never a pass
    assert concrete_compare(xsum(F(x), x) * sp.Symbol("r"), 0).status == "unevaluable"
    affine = SolDim(eq(Wa(y, x), 1), Wa(y, x))
    assert concrete_compare(affine, 0).status == "unevaluable"
