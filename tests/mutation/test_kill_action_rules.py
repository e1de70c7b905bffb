"""Kill-tests for symconv/engine/action_rules.py (a finite group acting on finite sets).

tests/test_action_rules.py states the soundness of each rule through whole steps and derivations; here
every helper and every guard is pinned directly: the exact action words and canonical forms, each side
condition refused with its own message, each accepted step, and the texts printed beside the steps in
the LaTeX document.  A guard that is weakened must make one of the refusals below pass; a rule that
recomputes the wrong result must fail one of the exact results below.

PYTEST_DONT_REWRITE: kill tests count by passing or failing; their asserts are not rewritten (that took
seconds in every xdist worker).
"""

import pytest
import sympy as sp

import symconv as sc
from symconv.engine import action_rules as ar
from symconv.engine.action_rules import (ActionArithmetic, ActionReindex, ActionSift, CountOrbits,
                                         EquivalentConstraints, InvariantFunctionsDim, OrbitStabiliser,
                                         RegroupFiniteSums, _act_expr, _agree, _bound, _flatten, _flatten_all,
                                         _label, _outermost, _stabiliser_points, _typed, action_canonical,
                                         action_word, ill_typed)
from symconv.engine.lemmas import LemmaCheck
from symconv.engine.rules import RuleError, Unfold
from symconv.objects.group_actions import Act, Card, NumOrbits, OrbitSize, Point, PtEq, SolDim, xsum
from symconv.objects.group_elements import GId, GInv, GMul
from symconv.objects.indexed import entry_function, n, zsum

SX, SY = sp.symbols("X Y")
x, x1, x2 = Point("x", SX), Point("x'", SX), Point("x''", SX)
y, y1 = Point("y", SY), Point("y'", SY)
g, h, k = sp.symbols("g h k", integer=True)
u = sp.Symbol("u")                                    # no assumptions: not a label
Wa = entry_function("Wa", "W")
F = entry_function("Fa", "F")
f = entry_function("fmap", "f")                       # an arbitrary map, not an action
ALL_X, ALL_Y = (0, Card(SX) - 1), (0, Card(SY) - 1)


def E(lhs, rhs):
    return sp.Eq(lhs, rhs, evaluate=False)


def same(a, b) -> bool:
    """Structural equality (never up to the axioms)."""
    return sp.sympify(a) == sp.sympify(b)


# ------------------------------------------------------------------ action words and canonical forms

def test_action_word_reads_points_and_actions_only():
    assert action_word(x) == ((), x)
    assert action_word(Act(g, x)) == (((g, 1),), x)
    assert action_word(Act(g, Act(h, x))) == (((g, 1), (h, 1)), x)
    assert action_word(Act(GInv(h), Act(GMul(h, g), x))) == (((g, 1),), x)      # reduced
    assert action_word(Act(GId(), Act(g, Act(GInv(g), y)))) == ((), y)
    assert isinstance(action_word(Act(g, Act(h, x)))[0], tuple)
    # not a point expression: the acting element or the base is not what the axioms speak about
    assert action_word(Act(g + 1, x)) is None
    assert action_word(Act(g, Act(g + 1, x))) is None
    assert action_word(Act(g, f(x))) is None
    assert action_word(Act(u, x)) is None and action_word(Act(n, x)) is None
    assert action_word(g) is None and action_word(x + 1) is None and action_word(f(g, x)) is None


def test_act_expr_writes_a_word_acting_on_a_point():
    assert _act_expr((), x) is x
    assert same(_act_expr(((g, 1),), x), Act(g, x))
    assert same(_act_expr(((g, 1), (h, -1)), y), Act(GMul(g, GInv(h)), y))


def test_action_canonical_forms():
    assert same(action_canonical(Act(GInv(g), Act(g, x))), x)
    assert same(action_canonical(Act(g, Act(h, x))), Act(GMul(g, h), x))
    assert same(action_canonical(Act(GMul(g, GInv(g)), x)), x)
    # inside functions, sums (the limits kept), brackets and orbit sizes
    assert same(action_canonical(Wa(Act(GInv(g), Act(g, y)), x)), Wa(y, x))
    s = action_canonical(xsum(Wa(Act(g, Act(GInv(g), x))), x))
    assert same(s, xsum(Wa(x), x)) and s.limits == ((x, *ALL_X),)
    assert same(action_canonical(PtEq(x1, x)), action_canonical(PtEq(x, x1)))
    assert same(action_canonical(PtEq(x1, x)), PtEq(x, x1))
    assert same(action_canonical(PtEq(Act(GMul(g, GInv(g)), x1), x)), PtEq(x, x1))
    assert same(action_canonical(OrbitSize(y, x)), OrbitSize(x, y))
    assert same(action_canonical(OrbitSize(Act(g, Act(GInv(g), y)), x)), OrbitSize(x, y))
    assert same(action_canonical(NumOrbits(SY, SX)), NumOrbits(SX, SY))
    # an action by something that is not a group expression is kept, its inside made canonical
    assert same(action_canonical(Act(g + 1, Act(GInv(g), Act(g, x)))), Act(g + 1, x))
    # atoms and plain numbers; a Python number is sympified
    assert same(action_canonical(x), x) and action_canonical(1) == sp.Integer(1)
    assert same(action_canonical(E(Wa(Act(GId(), x)), F(x))), E(Wa(x), F(x)))


def test_canonical_forms_keep_what_the_axioms_do_not_give():
    # g.(h.x) is not (h g).x, [x = x'] is not [x = x''], |G(x, y)| is not |G x|
    assert not same(action_canonical(Act(g, Act(h, x))), action_canonical(Act(GMul(h, g), x)))
    assert not same(action_canonical(PtEq(x, x1)), action_canonical(PtEq(x, x2)))
    assert not same(action_canonical(OrbitSize(x, y)), action_canonical(OrbitSize(x)))
    assert not same(action_canonical(NumOrbits(SX, SY)), action_canonical(NumOrbits(SX)))


# ------------------------------------------------------------------ typing

def test_ill_typed_names_each_fault():
    assert ill_typed(sp.Sum(F(x), (x, *ALL_Y))) == \
        "the point x of X is summed over (0, Card(Y) - 1), not over its set"
    assert ill_typed(sp.Sum(F(x), (x, 0, Card(SX) - 2))) == \
        "the point x of X is summed over (0, Card(X) - 2), not over its set"
    assert ill_typed(PtEq(x, y)) == "the bracket PtEq(x, y) compares points of X and Y"
    assert ill_typed(Wa(x + n)) == "the point x is used as a number in x + n"
    assert ill_typed(2 * Act(g, x)) == "the point Act(g, x) is used as a number in 2*Act(g, x)"
    assert ill_typed(Wa(x ** 2)) == "the point x is used as a number in x**2"
    assert ill_typed(Act(g + 1, x)) == "Act(g + 1, x): the acting element is not a group expression"
    assert ill_typed(Act(g, g)) == "Act(g, g): the element acts on something that is not a point"
    assert ill_typed(Act(g, f(x))) == "Act(g, fmap(x)): the element acts on something that is not a point"


def test_well_typed_expressions():
    for e in (xsum(F(x), x), PtEq(x, Act(g, x1)), PtEq(Act(h, y), y1), Act(GMul(g, GInv(h)), Act(g, y)),
              zsum(F(g) * PtEq(Act(g, x), x), g), sp.Sum(F(k), (k, 0, n - 1)), 2 * F(x) + Wa(Act(g, y), x),
              PtEq(x, g), sp.Integer(3)):
        assert ill_typed(e) == "", e
    assert ill_typed(0) == ""


def test_ill_typed_checks_every_sum_bracket_and_action():
    # the fault is found whichever part of the expression holds it
    assert "not over its set" in ill_typed(xsum(F(x), x) + sp.Sum(F(x1), (x1, *ALL_Y)))
    assert "compares points" in ill_typed(PtEq(x, x1) * PtEq(y, x))
    assert "not a group expression" in ill_typed(Wa(Act(g, x)) + Wa(Act(u, x)))
    assert "not a point" in ill_typed(Wa(Act(g, x)) * Wa(Act(h, h)))
    # the second limit of an iterated sum too
    assert "x' of X is summed" in ill_typed(sp.Sum(F(x, x1), (x, *ALL_X), (x1, *ALL_Y)))


def test_typed_checks_both_sides():
    assert _typed(PtEq(x, y), 0, "R") == \
        "R: ill-typed expression: the bracket PtEq(x, y) compares points of X and Y"
    assert _typed(0, PtEq(x, y), "Q") == \
        "Q: ill-typed expression: the bracket PtEq(x, y) compares points of X and Y"
    assert _typed(F(x), F(y), "R") == ""


def test_bound_variables_of_sums_and_solution_spaces():
    sd = SolDim(E(Wa(Act(g, y), x), Wa(y, x)), Wa(y, x))
    assert _bound(sd + xsum(F(x1), x1)) == {g, x, y, x1}
    assert _bound(F(x)) == set()
    assert _bound(zsum(F(h), h)) == {h}
    assert _bound(1) == set()


def test_agree_up_to_the_axioms_only():
    assert _agree(F(x), F(x))
    assert _agree(Wa(Act(GInv(g), Act(g, y)), x), Wa(y, x))
    assert _agree(PtEq(x, x1), PtEq(x1, x))
    assert not _agree(Wa(Act(g, y), x), Wa(y, x))
    assert not _agree(Wa(Act(GMul(g, h), y)), Wa(Act(GMul(h, g), y)))


def test_label_is_an_integer_symbol_other_than_n():
    assert _label(g, "w") is g
    for bad in (n, u, x, sp.Integer(1), g + 1, sp.Symbol("r", real=True)):
        with pytest.raises(RuleError) as exc:
            _label(bad, "the acting element")
        assert str(exc.value) == f"the acting element must be an integer symbol (a group label) other than n, got {bad!r}"


# ------------------------------------------------------------------ ActionArithmetic

def test_action_arithmetic_messages_and_justification():
    assert ActionArithmetic().check(Wa(Act(GInv(g), Act(g, y))), Wa(y)) == \
        (True, "ActionArithmetic: the action words agree")
    assert ActionArithmetic().check(E(Wa(Act(GId(), y)), F(x)), E(Wa(y), F(x))) == \
        (True, "ActionArithmetic: the action words agree")
    assert ActionArithmetic().check(Wa(y), Wa(Act(g, y))) == (
        False, "ActionArithmetic: Wa(y) and Wa(Act(g, y)) do not agree by the action axioms "
               "(the reduced action words differ)")
    msg = "ActionArithmetic relates an equation to an equation, an expression to an expression"
    assert ActionArithmetic().check(E(Wa(y), 0), Wa(y)) == (False, msg)
    assert ActionArithmetic().check(Wa(y), E(Wa(y), 0)) == (False, msg)
    assert ActionArithmetic().check(PtEq(x, y), PtEq(x, y)) == (
        False, "ActionArithmetic: ill-typed expression: the bracket PtEq(x, y) compares points of X and Y")
    assert ActionArithmetic().check(Wa(Act(g + 1, y)), Wa(Act(g + 1, y)))[0] is False
    assert ActionArithmetic().justification() == \
        r"action axioms: $e \cdot p = p$, $g \cdot (h \cdot p) = (gh) \cdot p$"
    assert ActionArithmetic("my text").justification() == "my text"
    assert ActionArithmetic().text == ""


# ------------------------------------------------------------------ ActionSift

def test_action_sift_needs_a_point():
    for bad in (g, u, sp.Integer(0)):
        with pytest.raises(RuleError) as exc:
            ActionSift(bad)
        assert str(exc.value) == f"var must be a Point (a point of a G-set), got {bad!r}"
    assert ActionSift(x1).var is x1


def test_action_sift_solves_a_bracket():
    S = ActionSift(x1)
    assert same(S._solve(PtEq(x1, Act(g, x))), Act(g, x))
    assert same(S._solve(PtEq(Act(g, x), x1)), Act(g, x))
    assert same(S._solve(PtEq(Act(h, x1), Act(g, x))), Act(GMul(GInv(h), g), x))
    assert same(S._solve(PtEq(Act(g, x), Act(h, x1))), Act(GMul(GInv(h), g), x))
    assert same(S._solve(PtEq(Act(GMul(g, h), x1), x)), Act(GMul(GInv(h), GInv(g)), x))
    assert same(S._solve(PtEq(Act(g, x1), Act(g, x))), x)
    assert same(S._solve(PtEq(x1, x2)), x2)
    # no unique solution, or not a bracket of points of the variable's set
    for br in (PtEq(x1, x1), PtEq(Act(g, x1), x1), PtEq(Act(g, x1), Act(h, x1)), PtEq(x, x2),
               PtEq(x1, Act(g, y)), PtEq(Act(g, y), x1), PtEq(x1, f(x)), PtEq(f(x), x1), PtEq(x1, Act(g + 1, x)),
               PtEq(Act(u, x1), x)):
        assert S._solve(br) is None, br


SIFTED = xsum(Wa(y, x1) * PtEq(x1, Act(g, x)), x1)


def test_action_sift_results():
    S = ActionSift(x1)
    assert same(S.apply(SIFTED), Wa(y, Act(g, x)))
    assert S.check(SIFTED, Wa(y, Act(g, x))) == (True, "ActionSift: recomputed and matched")
    # both sides of an equation; the other factors kept; the sum elsewhere in the expression
    got = S.apply(E(SIFTED, F(y) * SIFTED))
    assert same(got, E(Wa(y, Act(g, x)), F(y) * Wa(y, Act(g, x))))
    assert same(S.apply(3 + F(x) * SIFTED), 3 + F(x) * Wa(y, Act(g, x)))
    assert same(S.apply(xsum(F(x1) * Wa(x1) * PtEq(Act(h, x1), x) * 2, x1)),
                2 * F(Act(GInv(h), x)) * Wa(Act(GInv(h), x)))
    # an outer sum stays (its variable in scope)
    it = sp.Sum(PtEq(x1, Act(g, x2)) * F(x1, x2), (x1, *ALL_X), (x2, *ALL_X))
    got = S.apply(it)
    assert isinstance(got, sp.Sum) and got.limits == ((x2, *ALL_X),) and same(got.function, F(Act(g, x2), x2))
    # the first bracket with no solution is skipped, the next one sifts
    two = xsum(PtEq(x1, Act(g, y)) * PtEq(Act(h, x1), x) * F(x1), x1)
    assert same(S.apply(two), PtEq(Act(GInv(h), x), Act(g, y)) * F(Act(GInv(h), x)))
    # a bracket that does not contain the variable is kept as a factor
    keep = xsum(PtEq(x, x2) * PtEq(x1, x) * F(x1), x1)
    assert same(S.apply(keep), PtEq(x, x2) * F(x))


def test_action_sift_refusals_say_why():
    S = ActionSift(x1)

    def why(prev):
        ok, msg = S.check(prev, 0)
        assert not ok
        return msg

    assert why(sp.Sum(PtEq(x2, Act(g, x1)) * F(x1, x2), (x2, *ALL_X), (x1, *ALL_X))) == \
        "ActionSift does not apply: the sum over x' must be the innermost one (SymPy's first limit)"
    assert why(sp.Sum(PtEq(x1, Act(g, x)) * F(x1), (x1, *ALL_X), (k, 0, Wa(x1)))) == \
        "ActionSift does not apply: an outer range depends on x'"
    assert why(sp.Sum(PtEq(x1, Act(g, x)) * F(x1), (x1, *ALL_X), (k, Wa(x1), 3))) == \
        "ActionSift does not apply: an outer range depends on x'"
    assert why(xsum(F(x1), x1)) == \
        "ActionSift does not apply: no bracket [w . x' = q] of two points of X in which x' occurs exactly once"
    assert why(xsum(PtEq(Act(g, x1), x1) * F(x1), x1)) == \
        "ActionSift does not apply: no bracket [w . x' = q] of two points of X in which x' occurs exactly once"
    assert why(xsum(PtEq(x1, Act(g, x)) * xsum(Wa(y, x) * F(x1), x), x1)) == \
        "ActionSift does not apply: substitution would capture ['x'] under an inner sum"
    assert why(SIFTED) == "ActionSift gives Wa(y, Act(g, x)), not the stated 0"
    assert why(sp.Sum(PtEq(x1, Act(g, x)), (x1, 0, Card(SX) - 2))) == \
        "ActionSift: ill-typed expression: the point x' of X is summed over (0, Card(X) - 2), not over its set"
    assert why(F(x1)) == "ActionSift gives Fa(x'), not the stated 0"        # nothing to sift: unchanged


def test_action_sift_tries_the_next_bracket():
    # [g.x' = x'] (x' on both sides: no unique solution) comes first in the product; [x' = x] sifts
    body = PtEq(Act(g, x1), x1) * PtEq(x1, x) * F(x1)
    assert [q for q in sp.Mul.make_args(body) if isinstance(q, PtEq)][0] == PtEq(Act(g, x1), x1)
    assert same(ActionSift(x1).apply(xsum(body, x1)), F(x) * PtEq(Act(g, x), x))
    assert ActionSift(x1).check(xsum(body, x1), F(x) * PtEq(x, Act(g, x)))[0]


def test_action_sift_refuses_a_variable_bound_again_in_the_summand():
    # a SolDim quantifies over its equation's symbols: x' bound there, the substitution would change it
    inner = SolDim(E(Wa(Act(g, x1)), Wa(x1)), Wa(x1))
    with pytest.raises(RuleError) as exc:
        ActionSift(x1)._sift(xsum(PtEq(x1, Act(g, x)) * F(x1) * inner, x1))
    assert str(exc.value) == "x' is bound again inside the summand: rename the inner sum first"


def test_action_sift_range_checks():
    S = ActionSift(x1)
    # the range is checked by the rule itself (not only by the typing of the expression)
    with pytest.raises(RuleError) as exc:
        S._sift(sp.Sum(PtEq(x1, Act(g, x)) * F(x1), (x1, 0, Card(SX) - 2)))
    assert str(exc.value) == "the sum over x' must run over its whole G-set X, not 0..Card(X) - 2"
    with pytest.raises(RuleError) as exc:
        S._sift(sp.Sum(PtEq(x1, Act(g, x)) * F(x1), (x1, 1, Card(SX))))
    assert str(exc.value) == "the sum over x' must run over its whole G-set X, not 1..Card(X)"
    assert same(S._sift(sp.Sum(PtEq(x1, Act(g, x)) * F(x1), (x1, *ALL_X), (x2, *ALL_X))),
                sp.Sum(F(Act(g, x)), (x2, *ALL_X)))
    assert same(S._sift(sp.Sum(PtEq(x1, Act(g, x)) * F(x1), (x1, *ALL_X))), F(Act(g, x)))


def test_action_sift_justification():
    assert ActionSift(x1).justification() == (
        r"sifting over $X$: $p \mapsto w \cdot p$ is a bijection, so the bracket holds for exactly one $x'$")
    assert ActionSift(y1).justification() == (
        r"sifting over $Y$: $p \mapsto w \cdot p$ is a bijection, so the bracket holds for exactly one $y'$")


# ------------------------------------------------------------------ ActionReindex

PREV = E(Wa(y, Act(g, x)), Wa(Act(GInv(g), y), x))
GOOD = E(Wa(Act(g, y), Act(g, x)), Wa(y, x))


def test_action_reindex_construction():
    R = ActionReindex(y, Act(g, y))
    assert R.var is y and same(R.image, Act(g, y)) and R.relation == r"\iff"
    for bad in (g, u, 0):
        with pytest.raises(RuleError) as exc:
            ActionReindex(bad, Act(g, y))
        assert str(exc.value) == f"var must be a Point (a point of a G-set), got {bad!r}"
    for bad, shown in ((Act(g, x), "Act(g, x)"), (g, "g"), (f(y), "fmap(y)"), (Act(g + 1, y), "Act(g + 1, y)"),
                       (y1, "y'")):
        with pytest.raises(RuleError) as exc:
            ActionReindex(y, bad)
        assert str(exc.value) == (f"the image {shown} must be w . y (the same point acted on by a group "
                                  "expression): otherwise the substitution is not a bijection of the set")
    assert ActionReindex(y, y).image == y                         # the identity map is a bijection too
    assert same(ActionReindex(y, Act(GMul(g, h), y)).image, Act(GMul(g, h), y))


def test_action_reindex_apply():
    R = ActionReindex(y, Act(g, y))
    got = R.apply(PREV)
    assert isinstance(got, sp.Eq)
    assert same(got.lhs, Wa(Act(g, y), Act(g, x))) and same(got.rhs, Wa(Act(GInv(g), Act(g, y)), x))
    # unevaluated: an equation whose sides become equal stays an equation
    same_sides = ActionReindex(y, Act(g, y)).apply(E(Wa(y), F(y)))
    assert isinstance(same_sides, sp.Eq) and same(same_sides.rhs, F(Act(g, y)))
    triv = ActionReindex(y, y).apply(E(Wa(y), Wa(y)))
    assert isinstance(triv, sp.Eq) and triv.lhs == Wa(y)


def test_action_reindex_refusals():
    R = ActionReindex(y, Act(g, y))
    for bad, msg in ((Wa(y), "ActionReindex substitutes in an equation whose free symbols are quantified"),
                     (E(Wa(x), 0), "y is not a free (quantified) symbol of the equation"),
                     (E(xsum(Wa(y, x), y), Wa(y, x)), "y is also bound in the equation: rename the bound one first"),
                     (E(zsum(Wa(y, Act(g, x)), g), Wa(y, x)),
                      "substitution would capture ['g'] under a sum or a SolDim"),
                     (E(SolDim(E(Wa(Act(g, x1)), Wa(x1)), Wa(x1)), Wa(y)),
                      "substitution would capture ['g'] under a sum or a SolDim")):
        with pytest.raises(RuleError) as exc:
            R.apply(bad)
        assert str(exc.value) == msg
    with pytest.raises(RuleError) as exc:
        ActionReindex(y, Act(GMul(g, h), y)).apply(E(zsum(zsum(Wa(y, Act(GMul(g, h), x)), g), h), Wa(y, x)))
    assert str(exc.value) == "substitution would capture ['g', 'h'] under a sum or a SolDim"
    # a SolDim that binds the point
    sd = E(SolDim(E(Wa(Act(g, y), Act(g, x)), Wa(y, x)), Wa(y, x)), Wa(y, x))
    with pytest.raises(RuleError) as exc:
        ActionReindex(y, Act(h, y)).apply(sd)
    assert str(exc.value) == "y is also bound in the equation: rename the bound one first"


def test_action_reindex_check():
    R = ActionReindex(y, Act(g, y))
    assert R.check(PREV, GOOD) == (True, "ActionReindex: recomputed and matched")
    msg = "ActionReindex relates two equations (each quantified over its free symbols)"
    assert R.check(Wa(y), Wa(Act(g, y))) == (False, msg)
    assert R.check(PREV, Wa(y)) == (False, msg)
    assert R.check(Wa(y), PREV) == (False, msg)
    assert R.check(E(Wa(x), 0), E(Wa(x), 0)) == \
        (False, "ActionReindex does not apply: y is not a free (quantified) symbol of the equation")
    assert R.check(PREV, E(Wa(Act(g, y), x), Wa(y, x))) == (
        False, "ActionReindex gives Eq(Wa(Act(g, y), Act(g, x)), Wa(Act(GInv(g), Act(g, y)), x)), not the stated "
               "Eq(Wa(Act(g, y), x), Wa(y, x))")


def test_action_reindex_justification():
    assert ActionReindex(y, Act(g, y)).justification() == (
        r"substitute $y \to g \cdot y$: a bijection of $Y$ (inverse $y \mapsto g^{-1} \cdot y$)")
    assert ActionReindex(x, Act(GMul(g, h), x)).justification() == (
        r"substitute $x \to \left(g h\right) \cdot x$: a bijection of $X$ "
        r"(inverse $x \mapsto \left(h^{-1} g^{-1}\right) \cdot x$)")


# ------------------------------------------------------------------ RegroupFiniteSums

def test_sympy_flattens_nested_sums():
    """The premise of the equivalence of _flatten's and _flatten_all's mutants (MUTATION.md): SymPy's Sum
    constructor already writes Sum(Sum(f, inner), outer) as Sum(f, inner, outer), also when a rule
    rebuilds a sum (func(*args), xreplace), so neither helper ever meets a sum whose summand is a sum."""
    nested = sp.Sum(sp.Sum(Wa(x, x1), (x, *ALL_X)), (x1, *ALL_X))
    assert not isinstance(nested.function, sp.Sum) and nested.limits == ((x, *ALL_X), (x1, *ALL_X))
    rebuilt = sp.Sum(Wa(x1), (x1, *ALL_X)).xreplace({Wa(x1): sp.Sum(Wa(x, x1), (x, *ALL_X))})
    assert not isinstance(rebuilt.function, sp.Sum) and len(rebuilt.limits) == 2
    assert not isinstance(nested.func(*nested.args).function, sp.Sum)


def test_flatten_and_flatten_all():
    nested = xsum(xsum(xsum(Wa(x, x1, x2), x), x1), x2)
    flat = _flatten(nested)
    assert same(flat.function, Wa(x, x1, x2)) and flat.limits == ((x, *ALL_X), (x1, *ALL_X), (x2, *ALL_X))
    assert _flatten(xsum(Wa(x), x)) == xsum(Wa(x), x)
    got = _flatten_all(E(F(nested) + 1, xsum(Wa(x2) * xsum(Wa(x), x), x2)))
    assert isinstance(got, sp.Eq)
    inner = got.lhs.args[1] if isinstance(got.lhs.args[0], sp.Integer) else got.lhs.args[0]
    assert same(inner, F(flat)) and got.lhs.has(sp.Integer(1))
    # a sum inside a summand (not the whole summand) stays a sum of its own
    assert same(got.rhs, xsum(Wa(x2) * xsum(Wa(x), x), x2))
    # a sum in the summand of a sum inside a function: flattened too
    deep = xsum(F(xsum(xsum(Wa(x, x1), x), x1)), x2)
    assert same(_flatten_all(deep), xsum(F(sp.Sum(Wa(x, x1), (x, *ALL_X), (x1, *ALL_X))), x2))
    assert _flatten_all(x) is x and _flatten_all(3) == 3


def test_regroup_finite_sums_messages():
    R = RegroupFiniteSums()
    s = sp.Sum(Wa(x, y), (x, *ALL_X), (y, *ALL_Y))
    swapped = sp.Sum(Wa(x, y), (y, *ALL_Y), (x, *ALL_X))
    assert R.check(s, swapped) == (True, "RegroupFiniteSums: the same finite iterated sum")
    assert R.check(xsum(xsum(Wa(x, y), x), y), s) == (True, "RegroupFiniteSums: the same finite iterated sum")
    assert R.check(E(s, 0), E(xsum(xsum(Wa(x, y), y), x), 0))[0]
    msg = "RegroupFiniteSums relates an equation to an equation, an expression to an expression"
    assert R.check(E(s, 0), s) == (False, msg) and R.check(s, E(s, 0)) == (False, msg)
    assert R.check(PtEq(x, y), PtEq(x, y)) == (
        False, "RegroupFiniteSums: ill-typed expression: the bracket PtEq(x, y) compares points of X and Y")
    assert R.check(xsum(Wa(x), x), 0) == (
        False, "RegroupFiniteSums: Sum(Wa(x), (x, 0, Card(X) - 1)) and 0 are not the same finite iterated sum")
    assert R.check(xsum(Wa(x), x), xsum(Wa(x) + 1, x))[0] is False
    assert R.justification() == "exchange of finite sums"


# ------------------------------------------------------------------ OrbitStabiliser

def _stab(*brackets, lim=(g, 0, n - 1)):
    return sp.Sum(sp.Mul(*brackets), lim)


def test_stabiliser_points():
    # in the order of SymPy's factors (the rule sorts them before building the orbit)
    assert _stabiliser_points(PtEq(Act(g, y), y) * PtEq(x, Act(g, x)), g) == \
        [q.args[1] if isinstance(q.args[0], Act) else q.args[0]
         for q in sp.Mul.make_args(PtEq(Act(g, y), y) * PtEq(x, Act(g, x)))]
    assert set(_stabiliser_points(PtEq(Act(g, y), y) * PtEq(x, Act(g, x)), g)) == {x, y}
    assert _stabiliser_points(PtEq(Act(g, x), x), g) == [x]
    assert _stabiliser_points(PtEq(x, Act(g, x)), g) == [x]
    for bad in (PtEq(Act(g, x), x) * F(g), PtEq(Act(h, x), x), PtEq(Act(GInv(g), x), x),
                PtEq(Act(GMul(g, g), x), x), PtEq(Act(g, x), x1), PtEq(x, x), PtEq(Act(g, x), Act(g, x)),
                PtEq(Act(g, Act(g, x)), Act(g, x)), PtEq(Act(g, f(x)), f(x)),
                PtEq(Act(g, x), x) ** 2, sp.Integer(1), F(g)):
        assert _stabiliser_points(bad, g) is None, bad
    assert _stabiliser_points(PtEq(Act(g, x), x) * PtEq(x, Act(g, x)) * PtEq(Act(g, y), y), g) is None


def test_orbit_stabiliser_results():
    O = OrbitStabiliser()
    s = _stab(PtEq(Act(g, y), y), PtEq(Act(g, x), x))
    assert same(O.apply(s), n / OrbitSize(x, y))
    assert O.check(s, n / OrbitSize(y, x)) == (True, "OrbitStabiliser: recomputed and matched")
    assert same(O.apply(_stab(PtEq(x, Act(g, x)))), n / OrbitSize(x))
    # the outer sums stay; an equation: both sides
    out = O.apply(sp.Sum(PtEq(Act(g, x), x), (g, 0, n - 1), (x, *ALL_X)))
    assert same(out, xsum(n / OrbitSize(x), x))
    got = O.apply(E(3 * _stab(PtEq(Act(g, x), x)), _stab(PtEq(Act(g, y), y))))
    assert same(got, E(3 * n / OrbitSize(x), n / OrbitSize(y)))
    assert O.lemma == "orbit_stabiliser"


def test_orbit_stabiliser_refusals():
    O = OrbitStabiliser()

    def why(prev):
        with pytest.raises(RuleError) as exc:
            O.apply(prev)
        return str(exc.value)

    assert why(_stab(PtEq(Act(g, x), x), lim=(g, 0, n - 2))) == \
        "the sum over g must run over the whole group (0..n-1), not 0..n - 2"
    assert why(_stab(PtEq(Act(g, x), x), lim=(g, 1, n - 1))) == \
        "the sum over g must run over the whole group (0..n-1), not 1..n - 1"
    assert why(_stab(PtEq(Act(g, x), x), lim=(g, 0, n))) == \
        "the sum over g must run over the whole group (0..n-1), not 0..n"
    assert why(sp.Sum(PtEq(Act(g, x), x), (g, 0, n - 1), (k, 0, g))) == "an outer range depends on g"
    assert why(sp.Sum(PtEq(Act(g, x), x), (g, 0, n - 1), (k, g, n))) == "an outer range depends on g"
    assert why(_stab(PtEq(Act(g, x), x), F(g))) == (
        "the summand Fa(g)*PtEq(Act(g, x), x) is not a product of brackets [g . p = p] for distinct points p "
        "(the indicator of a stabiliser)")
    none = "no sum over the group (innermost) of brackets [g . p = p]"
    assert why(F(x)) == none
    assert why(sp.Sum(F(g), (g, 0, n - 1))) == none                               # no bracket
    assert why(xsum(PtEq(Act(g, x), x), x)) == none                               # over points
    assert why(sp.Sum(PtEq(Act(u, x), x), (u, 0, n - 1))) == none                 # u is not an integer
    assert why(E(F(x), 0)) == none
    assert O.check(F(x), 0) == (False, "OrbitStabiliser does not apply: " + none)


def test_orbit_stabiliser_over_the_group_inside_a_sum_over_points():
    # is_stab looks at the innermost variable: a sum whose innermost variable is a point is no group sum
    O = OrbitStabiliser()
    s = sp.Sum(PtEq(Act(g, x), x), (x, *ALL_X), (g, 0, n - 1))
    with pytest.raises(RuleError) as exc:
        O.apply(s)
    assert str(exc.value) == "no sum over the group (innermost) of brackets [g . p = p]"


def test_orbit_stabiliser_justification():
    assert OrbitStabiliser().justification() == (
        r"orbit--stabiliser: $\sum_{g}[g \cdot p = p] = \lvert \mathrm{Stab}(p)\rvert = "
        r"\lvert G\rvert / \lvert G p\rvert$")


# ------------------------------------------------------------------ CountOrbits

def test_count_orbits_results():
    C = CountOrbits()
    assert same(C.apply(sp.Sum(1 / OrbitSize(x, y), (x, *ALL_X), (y, *ALL_Y))), NumOrbits(SX, SY))
    assert same(C.apply(sp.Sum(1 / OrbitSize(y, x), (x, *ALL_X), (y, *ALL_Y))), NumOrbits(SY, SX))
    assert same(C.apply(xsum(xsum(1 / OrbitSize(x, y), x), y)), NumOrbits(SX, SY))
    assert same(C.apply(E(2 + xsum(1 / OrbitSize(x), x), 0)), E(2 + NumOrbits(SX), 0))
    assert C.check(xsum(1 / OrbitSize(x), x), NumOrbits(SX)) == (True, "CountOrbits: recomputed and matched")
    assert C.lemma == "orbit_counting"


def test_count_orbits_refusals():
    C = CountOrbits()

    def why(prev):
        with pytest.raises(RuleError) as exc:
            C.apply(prev)
        return str(exc.value)

    assert why(sp.Sum(1 / OrbitSize(x), (x, *ALL_X), (k, 0, n - 1))) == "every sum must run a point over its whole G-set"
    assert why(sp.Sum(1 / OrbitSize(x), (x, 0, Card(SX) - 2))) == "every sum must run a point over its whole G-set"
    assert why(xsum(2 / OrbitSize(x), x)) == "the summand 2/OrbitSize(x) is not 1/|G (p1, ..., pk)|"
    assert why(xsum(1 / OrbitSize(x) ** 2, x)) == "the summand OrbitSize(x)**(-2) is not 1/|G (p1, ..., pk)|"
    assert why(xsum(OrbitSize(x), x)) == "the summand OrbitSize(x) is not 1/|G (p1, ..., pk)|"
    assert why(xsum(1 / (OrbitSize(x) + 1), x)) == "the summand 1/(OrbitSize(x) + 1) is not 1/|G (p1, ..., pk)|"
    assert why(xsum(1 / OrbitSize(x1), x)) == "the orbit's points [x'] are not the summation variables [x], each once"
    assert why(xsum(1 / OrbitSize(x, x), x)) == \
        "the orbit's points [x, x] are not the summation variables [x], each once"
    assert why(xsum(xsum(1 / OrbitSize(x, x1), x), x)) == \
        "the orbit's points [x, x'] are not the summation variables [x, x], each once"
    assert why(sp.Sum(1 / OrbitSize(x), (x, *ALL_X), (y, *ALL_Y))) == \
        "the orbit's points [x] are not the summation variables [x, y], each once"
    assert why(F(x)) == "no sum of 1/|G (p1, ..., pk)|"
    assert why(xsum(F(x), x)) == "no sum of 1/|G (p1, ..., pk)|"
    assert C.check(F(x), 0) == (False, "CountOrbits does not apply: no sum of 1/|G (p1, ..., pk)|")


def test_count_orbits_justification():
    assert CountOrbits().justification() == (
        r"counting orbits: $\sum_{z} 1/\lvert Gz\rvert = \sum_{O} \sum_{z \in O} 1/\lvert O\rvert$ "
        r"$=$ the number of orbits $O$")


def test_outermost_replaces_only_the_outermost_matches():
    found = []
    e = F(xsum(xsum(Wa(x, x1), x), x1)) + xsum(Wa(x2), x2)
    got = _outermost(e, lambda q: isinstance(q, sp.Sum), lambda q: sp.Symbol("S"), found)
    assert same(got, F(sp.Symbol("S")) + sp.Symbol("S"))
    assert len(found) == 2 and set(found) == {xsum(xsum(Wa(x, x1), x), x1), xsum(Wa(x2), x2)}
    found = []
    assert _outermost(3, lambda q: False, None, found) == 3 and found == []
    assert _outermost(x, lambda q: q == x, lambda q: y, found) == y and found == [x]


# ------------------------------------------------------------------ InvariantFunctionsDim

INV = E(Wa(Act(g, y), Act(g, x)), Wa(y, x))


def test_invariant_functions_dim_results():
    I = InvariantFunctionsDim()
    assert same(I.apply(SolDim(INV, Wa(y, x))), NumOrbits(SY, SX))
    assert same(I.apply(SolDim(E(Wa(y, x), Wa(Act(g, y), Act(g, x))), Wa(y, x))), NumOrbits(SY, SX))   # either side
    assert same(I.apply(SolDim(E(Wa(Act(h, x)), Wa(x)), Wa(x))), NumOrbits(SX))
    assert same(I.apply(E(2 * SolDim(INV, Wa(y, x)), 1)), E(2 * NumOrbits(SY, SX), 1))
    assert I.check(SolDim(INV, Wa(y, x)), NumOrbits(SY, SX)) == (True, "InvariantFunctionsDim: recomputed and matched")
    assert I.lemma == "invariant_functions_dim_eq_orbits"


def test_invariant_functions_dim_refusals():
    I = InvariantFunctionsDim()

    def why(prev):
        with pytest.raises(RuleError) as exc:
            I.apply(prev)
        return str(exc.value)

    unknown = "the unknown must be an entry W(p1, ..., pk) of distinct points"
    assert why(SolDim(INV, Wa(y, y))) == unknown
    assert why(SolDim(INV, Wa())) == unknown
    assert why(SolDim(INV, Wa(y, g))) == unknown
    assert why(SolDim(INV, Wa(y, x) + 1)) == unknown
    assert why(SolDim(Wa(y, x), Wa(y, x))) == "SolDim's first argument must be an equation"
    assert why(SolDim(E(Wa(Act(g, y), Act(h, x)), Wa(y, x)), Wa(y, x))) == "one group element must act on every point"
    must = "the equation must read Wa(g.p1, ..., g.pk) = Wa(y, x)"
    for eq_ in (E(Wa(Act(g, y), Act(g, x)), Wa(y, x) + k),          # not the unknown on one side
                E(Wa(Act(g, y), x), Wa(y, x)),                       # a point not acted on
                E(Wa(Act(GMul(g, g), y), Act(GMul(g, g), x)), Wa(y, x)),   # g^2
                E(Wa(Act(GInv(g), y), Act(GInv(g), x)), Wa(y, x)),   # g^-1
                E(Wa(Act(g + 1, y), Act(g + 1, x)), Wa(y, x)),       # not a group expression
                E(Wa(Act(g, x), Act(g, y)), Wa(y, x)),               # the points exchanged
                E(F(Act(g, y), Act(g, x)), Wa(y, x)),                 # another function
                E(Wa(Act(g, y)), Wa(y, x)),                           # another arity
                E(Wa(Act(g, y), Act(g, x)), Wa(x, y)),               # another entry of W
                E(Wa(y, x), Wa(y, x))):
        assert why(SolDim(eq_, Wa(y, x))) == must, eq_
    # a repeated point: W(y, y) is not an unknown (the diagonal leaves the other entries free), and
    # dim {W : W(g.y, g.y) = W(y, y)} is not the number of orbits on Y x Y
    diag = SolDim(E(Wa(Act(g, y), Act(g, y)), Wa(y, y)), Wa(y, y))
    assert why(diag) == unknown
    assert not I.check(diag, NumOrbits(SY, SY))[0] and not I.check(diag, NumOrbits(SY))[0]
    extra = E(Wa(Act(GMul(h, GMul(GInv(h), g)), y), Act(g, x)), Wa(y, x))
    assert why(SolDim(extra, Wa(y, x))) == "the equation has symbols other than g and the points: ['g', 'h', 'x', 'y']"
    assert why(F(x)) == "no dimension of a solution space SolDim(E, W)"
    assert I.check(F(x), 0) == (False, "InvariantFunctionsDim does not apply: no dimension of a solution space SolDim(E, W)")


def test_invariant_functions_dim_justification():
    assert InvariantFunctionsDim().justification() == (
        r"lemma: the $W$ with $W(g \cdot z) = W(z)$ for all $g, z$ are the functions constant on the "
        r"orbits; the orbits' indicators (disjoint supports) are a basis, one per orbit")


# ------------------------------------------------------------------ EquivalentConstraints

def _groups():
    import importlib.util
    from pathlib import Path
    path = Path(__file__).resolve().parents[2] / "proofs" / "groups.py"
    spec = importlib.util.spec_from_file_location("_groups_for_action_kill_tests", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


G = _groups()
W0 = G.Wo(G._py, G._px)


def test_equivalent_constraints_construction():
    with pytest.raises(RuleError) as exc:
        EquivalentConstraints()
    assert str(exc.value) == "EquivalentConstraints needs the derivations of the equivalence"
    d = G._derive_commuting()
    ec = EquivalentConstraints(d)
    assert ec.derivations == (d,) and ec.text == ""
    assert ec.own_names == ("PX", "PY")               # the script's own definitions the inner derivation unfolds
    assert ec.definitions == d.definitions() and {"PX", "PY"} <= set(ec.definitions)
    assert ec.definitions["PX"] == G._PERM["PX"]
    assert EquivalentConstraints(d, text="T").justification() == "T"
    assert EquivalentConstraints(d).justification() == \
        r"the two conditions are equivalent (derivation above), for every $W$: same solutions"


def test_equivalent_constraints_collects_the_names_of_every_derivation():
    class Own(sc.engine.rules.Rule):
        def __init__(self, names):
            self.own_names = names

        def check(self, prev, nxt):
            return True, "ok"

    a = sc.Derivation(G.COMMUTES).step(G.COMMUTES, Own(("B", "A")))
    b = sc.Derivation(G.COMMUTES).step(G.COMMUTES, Own(("C", "A")))
    assert EquivalentConstraints(a, b).own_names == ("A", "B", "C")
    one = sc.Derivation(G.COMMUTES).step(G.COMMUTES, Unfold("PX", definitions={"PX": G._PERM["PX"]}))
    two = sc.Derivation(G.COMMUTES).step(G.COMMUTES, Unfold("PY", definitions={"PY": G._PERM["PY"]}))
    defs = EquivalentConstraints(one, two).definitions        # the definitions of both derivations
    assert defs["PX"] == G._PERM["PX"] and defs["PY"] == G._PERM["PY"]
    assert defs == {**one.definitions(), **two.definitions()}


def test_equivalent_constraints_accepts_the_checked_equivalence():
    ec = EquivalentConstraints(G._derive_commuting())
    assert ec.check(SolDim(G.COMMUTES, W0), SolDim(G.ORBITAL, W0)) == \
        (True, "EquivalentConstraints: 1 derivation(s) checked, establishing E <=> E'")


def test_equivalent_constraints_refusals():
    d = G._derive_commuting()
    ec = EquivalentConstraints(d)
    P, O = G.COMMUTES, G.ORBITAL
    assert ec.check(P, SolDim(O, W0)) == (False, "EquivalentConstraints relates two dimensions SolDim(E, W)")
    assert ec.check(SolDim(P, W0), O) == (False, "EquivalentConstraints relates two dimensions SolDim(E, W)")
    differ = "EquivalentConstraints: the unknowns differ (or are not an entry W(...))"
    assert ec.check(SolDim(P, W0), SolDim(O, G.Wo(G._px, G._py))) == (False, differ)
    assert ec.check(SolDim(P, G._py), SolDim(O, G._py)) == (False, differ)
    both = "EquivalentConstraints: both constraints must be equations"
    assert ec.check(SolDim(P.lhs, W0), SolDim(O, W0)) == (False, both)
    assert ec.check(SolDim(P, W0), SolDim(O.lhs, W0)) == (False, both)
    hyp = sc.Derivation(d.start, steps=d.steps, goal=d.goal, hypotheses=("W is symmetric",), title="H")
    assert EquivalentConstraints(hyp).check(SolDim(P, W0), SolDim(O, W0)) == \
        (False, "EquivalentConstraints: derivation 'H' makes hypotheses: not for every Wo")
    spec = sc.Derivation(P, goal=O, title="U").step(P, Unfold("Wo", definitions={
        "Wo": sp.Lambda((G._py, G._px), sp.Integer(0))}))
    assert EquivalentConstraints(spec).check(SolDim(P, W0), SolDim(O, W0)) == \
        (False, "EquivalentConstraints: derivation 'U' unfolds Wo: not for every Wo")
    rows = E(G.Wo(Act(G._gb, G._py), G._px), W0)
    broken = sc.Derivation(P, goal=rows, title="B").step(rows, ActionReindex(G._py, Act(G._gb, G._py)))
    ok, why = EquivalentConstraints(broken).check(SolDim(P, W0), SolDim(rows, W0))
    assert not ok and why.startswith("EquivalentConstraints: derivation 'B' fails: ")
    assert why == "EquivalentConstraints: derivation 'B' fails: " + broken.check().failure
    ok, why = ec.check(SolDim(P, W0), SolDim(rows, W0))
    assert not ok and why.startswith(
        "EquivalentConstraints: the derivations do not establish the equivalence: ")


def test_equivalent_constraints_refuses_an_equivalence_shown_for_one_w_only():
    """W = 0 makes the commutation condition and the false rows-only condition both 0 = 0: a derivation
    that unfolds W to 0 checks and establishes the equivalence, for that W.  The solution spaces differ
    (concrete evaluation computes both dimensions): only the rule's 'no unfolding of W' guard refuses."""
    from symconv.engine.concrete import concrete_compare
    from symconv.engine.rules import EvaluateSum, Fold
    from symconv.engine.statement import Statement, establishes
    zero = {"Wo": sp.Lambda((G._py, G._px), sp.Integer(0)), **G._PERM}
    unfold = Unfold("Wo", definitions=zero)
    d = (sc.Derivation(G.COMMUTES, goal=G.ROWS, title="W = 0")
         .step(unfold.apply(G.COMMUTES), unfold)
         .step(E(sp.Integer(0), sp.Integer(0)), EvaluateSum())
         .step(G.ROWS, Fold("Wo", definitions=zero)))
    assert d.check().ok
    # establishes() itself refuses it now: the derivation defines Wo, which the statement leaves arbitrary
    ok, why = establishes([Statement.equivalence(G.COMMUTES, G.ROWS, definitions=G._PERM)], [d])
    assert not ok and "defines Wo as" in why and "leaves arbitrary" in why
    assert EquivalentConstraints(d).check(SolDim(G.COMMUTES, W0), SolDim(G.ROWS, W0)) == \
        (False, "EquivalentConstraints: derivation 'W = 0' unfolds Wo: not for every Wo")
    assert concrete_compare(SolDim(G.COMMUTES, W0), SolDim(G.ROWS, W0), definitions=G._PERM).status == "differ"


def test_equivalent_constraints_checks_every_derivation():
    d = G._derive_commuting()
    hyp = sc.Derivation(d.start, steps=d.steps, goal=d.goal, hypotheses=("W is symmetric",), title="H")
    ok, why = EquivalentConstraints(d, hyp).check(SolDim(G.COMMUTES, W0), SolDim(G.ORBITAL, W0))
    assert (ok, why) == (False, "EquivalentConstraints: derivation 'H' makes hypotheses: not for every Wo")
    # a step that unfolds W after steps that do not
    spec = sc.Derivation(G.COMMUTES, goal=G.ORBITAL, title="U2").step(G.COMMUTES, ActionArithmetic()).step(
        G.COMMUTES, Unfold("Wo", definitions={"Wo": sp.Lambda((G._py, G._px), sp.Integer(0))}))
    assert EquivalentConstraints(spec).check(SolDim(G.COMMUTES, W0), SolDim(G.ORBITAL, W0)) == \
        (False, "EquivalentConstraints: derivation 'U2' unfolds Wo: not for every Wo")


def test_equivalent_constraints_checks_the_inner_lemmas(monkeypatch):
    from symconv.engine import lemmas
    d = G._derive_burnside()[1]            # cites orbit_stabiliser and orbit_counting
    start, goal = d.start, d.goal
    # an inner derivation of an identity, wrapped so that its lemmas are the inner ones
    seen = []

    def fake(name):
        seen.append(name)
        return LemmaCheck(name != "orbit_counting", f"fake {name}")

    monkeypatch.setattr(lemmas, "check_lemma", fake)
    ok, why = EquivalentConstraints(d).check(SolDim(E(start, 0), W0), SolDim(E(goal, 0), W0))
    assert not ok and why == "EquivalentConstraints: lemma orbit_counting failed its check: fake orbit_counting"
    assert seen == ["orbit_stabiliser", "orbit_counting"]
    seen.clear()
    monkeypatch.setattr(lemmas, "check_lemma", lambda name: seen.append(name) or LemmaCheck(True, "fake"))
    ok, why = EquivalentConstraints(d).check(SolDim(E(start, 0), W0), SolDim(E(goal, 0), W0))
    assert seen == ["orbit_stabiliser", "orbit_counting"]
    assert not ok and why.startswith("EquivalentConstraints: the derivations do not establish the equivalence")


def test_equivalent_constraints_reports_a_statement_it_cannot_form(monkeypatch):
    from symconv.engine import statement

    def refuse(*args, **kw):
        raise ValueError("no such statement")

    monkeypatch.setattr(statement.Statement, "equivalence", classmethod(lambda cls, *a, **kw: refuse()))
    ec = EquivalentConstraints(G._derive_commuting())
    assert ec.check(SolDim(G.COMMUTES, W0), SolDim(G.ORBITAL, W0)) == \
        (False, "EquivalentConstraints: no such statement")

    def refuse_type(*args, **kw):
        raise TypeError("not an equation")

    monkeypatch.setattr(statement.Statement, "equivalence", classmethod(lambda cls, *a, **kw: refuse_type()))
    assert ec.check(SolDim(G.COMMUTES, W0), SolDim(G.ORBITAL, W0)) == \
        (False, "EquivalentConstraints: not an equation")


def test_module_exports():
    assert set(ar.__all__) == {"action_word", "action_canonical", "ill_typed", "ActionArithmetic", "ActionSift",
                               "ActionReindex", "RegroupFiniteSums", "OrbitStabiliser", "CountOrbits",
                               "InvariantFunctionsDim", "EquivalentConstraints"}
