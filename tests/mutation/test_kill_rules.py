"""Tests that kill surviving mutants of symconv/engine/rules.py (see MUTATION.md).

Each test states a property of the rules: a false step that must be rejected (with the reason a
user reads), a true step that must be accepted, or the justification text that the LaTeX
document prints for a step.  They call ``check`` / ``check_in_context`` / ``apply`` or
``Derivation.check()`` directly (in the pytest process, so that mutmut sees them).

PYTEST_DONT_REWRITE: kill tests count by passing or failing; their asserts are not rewritten (that took
seconds in every xdist worker).
"""

import pytest
import sympy as sp

import symconv as sc
from symconv.engine.rules import (DiagonalConstancy, EigenLine, EvaluateSum, ExponentArithmetic, Fold,
                                  IndexArithmetic, PolyIdentity, Reindex, RuleError, Unfold, UseHypothesis)
from symconv.engine.statement import Hypothesis, SimpleEigenvalue
from symconv.objects.indexed import (C, ENTRY, Iverson, S, W, c, conv, entry_function, i, j, k, l, m, n, omega,
                                     sequence_function, x, zsum)

y, z = sp.symbols("y z")


# -- EigenLine: every premise is checked --------------------------------------------------------------

A, B, v = sp.symbols("A B v", commutative=False)
lam, mu = sp.symbols("lambda mu")
AV = Hypothesis("Av = lambda v", sp.Eq(A * v, lam * v))
SIMPLE = Hypothesis("lambda simple", SimpleEigenvalue(A, lam))
EIGEN = EigenLine(A, B * v, lam, v, mu)
PREMISES = ("EigenLine: A X = lam X, A v = lam v, lam simple: X lies on the line of v")


def _eigen_context(start=A * B * v, hyps=(AV, SIMPLE)):
    return sc.Derivation(start, hypotheses=hyps)


def test_eigenline_accepts_the_lemma_with_all_its_premises():
    rule = EigenLine(A, B * v, lam, v, mu)
    ok, detail = rule.check_in_context(_eigen_context(), lam * B * v, mu * v)
    assert ok and detail == PREMISES
    assert rule.concludes == sp.Eq(B * v, mu * v)
    assert rule.relation == r"\Rightarrow"             # an implication, not an equality of values
    assert rule.lemma == "simple_eigenvalue_eigenspace_is_a_line"
    assert rule.justification() == "lemma: the eigenspace of a simple eigenvalue is a line"
    # the derivation records the lemma it used
    d = (_eigen_context(hyps=(Hypothesis("AB = BA", sp.Eq(A * B, B * A)), AV, SIMPLE))
         .step(B * A * v, UseHypothesis(sp.Eq(A * B, B * A)))
         .step(lam * B * v, UseHypothesis(sp.Eq(A * v, lam * v)))
         .step(mu * v, rule))
    out = d.check()
    assert out.ok and out.lemmas == ["simple_eigenvalue_eigenspace_is_a_line"]


def test_eigenline_rejects_a_chain_that_does_not_start_at_A_X():
    ok, detail = EIGEN.check_in_context(_eigen_context(start=B * A * v), lam * B * v, mu * v)
    assert not ok
    assert detail == "EigenLine needs a chain from A*B*v, not from B*A*v"
    # the chain must start exactly at A X (a multiple of it is not A X)
    assert not EIGEN.check_in_context(_eigen_context(start=2 * A * B * v), lam * B * v, mu * v)[0]


def test_eigenline_rejects_a_previous_expression_other_than_lam_X():
    ok, detail = EIGEN.check_in_context(_eigen_context(), B * v, mu * v)
    assert not ok
    assert detail == "EigenLine needs lambda*B*v, got B*v"
    assert not EIGEN.check_in_context(_eigen_context(), 2 * lam * B * v, mu * v)[0]


def test_eigenline_rejects_without_the_eigenvector_hypothesis():
    for hyps in ((SIMPLE,), (SIMPLE, "A v = lambda v"), (SIMPLE, Hypothesis("Bv", sp.Eq(B * v, lam * v)))):
        ok, detail = EIGEN.check_in_context(_eigen_context(hyps=hyps), lam * B * v, mu * v)
        assert not ok
        assert detail == "EigenLine needs the hypothesis A*v = lambda*v"


def test_eigenline_rejects_without_the_simple_eigenvalue_hypothesis():
    for hyps in ((AV,), (AV, "lambda is simple"), (AV, Hypothesis("s", SimpleEigenvalue(B, lam)))):
        ok, detail = EIGEN.check_in_context(_eigen_context(hyps=hyps), lam * B * v, mu * v)
        assert not ok
        assert detail == ("EigenLine needs the hypothesis that lambda is a simple eigenvalue of A (SimpleEigenvalue): "
                          "without it the eigenspace need not be a line (A = I)")
        assert not _eigen_context(hyps=hyps).step(lam * B * v, UseHypothesis(sp.Eq(A * B, B * A))).check().ok


def test_eigenline_concludes_only_mu_v():
    for wrong in (2 * mu * v, mu * B * v, lam * v):
        ok, detail = EIGEN.check_in_context(_eigen_context(), lam * B * v, wrong)
        assert not ok
        assert detail == f"EigenLine concludes mu*v, not {sp.sstr(wrong)}"


def test_eigenline_outside_a_derivation_proves_nothing():
    ok, detail = EIGEN.check(lam * B * v, mu * v)
    assert not ok and detail == "EigenLine needs the derivation's start and hypotheses (its premises)"


@pytest.mark.parametrize("where", ["A", "X", "lam", "v"])
def test_eigenline_new_scalar_must_be_new(where):
    args = {"A": A, "X": B * v, "lam": lam, "v": v}
    args[where] = args[where] * mu if where != "lam" else mu
    with pytest.raises(RuleError, match="the new scalar mu must not occur"):
        EigenLine(args["A"], args["X"], args["lam"], args["v"], mu)


# -- UseHypothesis: only a stated hypothesis ----------------------------------------------------------

HYP = sp.Eq(A * B, B * A)


def test_use_hypothesis_needs_the_hypothesis_stated():
    rule = UseHypothesis(HYP, "AB = BA")
    stated = sc.Derivation(A * B * v, hypotheses=(Hypothesis("AB = BA", HYP),))
    assert rule.check_in_context(stated, A * B * v, B * A * v)[0]
    # stated the other way round: the same fact
    flipped = sc.Derivation(A * B * v, hypotheses=(Hypothesis("BA = AB", sp.Eq(B * A, A * B)),))
    assert rule.check_in_context(flipped, A * B * v, B * A * v)[0]
    for hyps in ((), ("AB = BA",), (AV,), (Hypothesis("AB = AB", sp.Eq(A * B, A * B, evaluate=False)),)):
        ok, detail = rule.check_in_context(sc.Derivation(A * B * v, hypotheses=hyps), A * B * v, B * A * v)
        assert not ok
        assert detail.startswith("the hypothesis Eq(A*B, B*A) is not among the derivation's hypotheses [")
    ok, detail = rule.check(A * B * v, B * A * v)
    assert not ok and detail == ("UseHypothesis Eq(A*B, B*A) outside a derivation that states it: "
                                 "a hypothesis must be one of the derivation's hypotheses")
    with pytest.raises(RuleError) as exc:
        UseHypothesis(A * B)
    assert str(exc.value) == "UseHypothesis needs an equation lhs = rhs, got A*B"


def test_use_hypothesis_must_give_the_stated_expression():
    rule = UseHypothesis(HYP, "AB = BA")
    stated = sc.Derivation(A * B * v, hypotheses=(Hypothesis("AB = BA", HYP),))
    ok, detail = rule.check_in_context(stated, A * B * v, A * B * v)
    assert not ok and detail == "using AB = BA gives B*A*v, not A*B*v"
    assert rule.check_in_context(stated, A * B * v + A * B, B * A * v + B * A)[0]     # every occurrence, expanded
    assert rule.check_in_context(stated, A * B * (v + 1), B * A * v + B * A)[0]
    assert rule.justification() == "hypothesis AB = BA"
    assert UseHypothesis(HYP).justification() == "hypothesis"


# -- PolyIdentity: both sides of an equation --------------------------------------------------------

def test_poly_identity_equations_side_by_side():
    rule = PolyIdentity()
    assert rule.check(sp.Eq(y * (y + 1), z), sp.Eq(y ** 2 + y, z)) == (True, "PolyIdentity: equal as rational functions")
    assert rule.check(sp.Eq(z, (2 * y + 2) / 2), sp.Eq(z, y + 1))[0]
    # y - 1 may vanish: equal as rational functions, not as values at y = 1 (0/0)
    assert not rule.check(sp.Eq(z, (y ** 2 - 1) / (y - 1)), sp.Eq(z, y + 1))[0]
    for wrong in (sp.Eq(y ** 2 + y, z + 1), sp.Eq(y ** 2, z), sp.Eq(z, y ** 2 + y)):
        ok, detail = rule.check(sp.Eq(y * (y + 1), z), wrong)
        assert not ok and detail == f"Eq(y*(y + 1), z) and {sp.sstr(wrong)} differ as rational functions"
    assert not rule.check(sp.Eq(y * (y + 1), z), y ** 2 + y)[0]       # an equation is not an expression


def test_poly_identity_expressions():
    rule = PolyIdentity()
    assert rule.check((2 * y + 2) / 2, y + 1)[0]
    assert rule.check(y * (y + z), y * z + y ** 2)[0]
    ok, detail = rule.check((y ** 2 - 1) / (y - 1), y + 1)       # 0/0 at y = 1
    assert not ok and detail.startswith("PolyIdentity: the denominators differ by ['y - 1']")
    ok, detail = rule.check(y, y + 1)
    assert not ok and detail == "y and y + 1 differ as rational functions"
    assert rule.justification() == "algebra"


# -- EvaluateSum --------------------------------------------------------------------------------------

def test_evaluate_sum_closed_forms():
    rule = EvaluateSum()
    tri = sp.Sum(k, (k, 0, n - 1))
    ok, detail = rule.check(tri, n * (n - 1) / 2)
    assert ok and detail == "EvaluateSum: closed form matched"
    ok, detail = rule.check(tri, n * (n + 1) / 2)
    assert not ok and detail == "closed form n**2/2 - n/2 is not n*(n + 1)/2"
    ok, detail = rule.check(sp.Eq(tri, y), sp.Eq(n * (n - 1) / 2, y))
    assert ok and detail == "EvaluateSum: closed forms matched"
    for wrong in (sp.Eq(n * (n - 1) / 2, y + 1), sp.Eq(n * (n + 1) / 2, y), sp.Eq(y, n * (n - 1) / 2)):
        ok, detail = rule.check(sp.Eq(tri, y), wrong)
        assert not ok and detail == f"closed form Eq(n**2/2 - n/2, y) is not {sp.sstr(wrong)}"
    assert not rule.check(sp.Eq(tri, y), n * (n - 1) / 2)[0]           # an equation against an expression
    assert not rule.check(tri, sp.Eq(n * (n - 1) / 2, y))[0]
    assert rule.justification() == "sum in closed form"


def test_evaluate_sum_refuses_what_sympy_leaves_unevaluated():
    rule = EvaluateSum()
    left = sp.Sum(c(k), (k, 0, n - 1))
    ok, detail = rule.check(left, left)                                  # nothing evaluated
    assert not ok and detail == "SymPy left Sum(c(k), (k, 0, n - 1)) unevaluated"
    geo = sp.Sum(y ** k, (k, 0, n - 1))                                  # a case distinction y = 1 / y != 1
    piece = geo.doit()
    assert isinstance(piece, sp.Piecewise)
    ok, detail = rule.check(geo, piece)
    assert not ok and "SymPy left Piecewise" in detail
    assert not rule.check(geo, (y ** n - 1) / (y - 1))[0]               # false for y = 1
    # a term that is undefined (1/0, 0/0) is no closed form, even stated as it is
    for undefined in (sp.Sum(x(1 / (k - 2)), (k, 0, 4)), sp.Sum(x((k - 1) / (k ** 2 - 1)), (k, 1, 1))):
        got = rule.apply(undefined)
        assert got.has(sp.zoo) or got.has(sp.nan)
        ok, detail = rule.check(undefined, got)
        assert not ok and detail == f"SymPy left {sp.sstr(got)} unevaluated"
    # only the sums are evaluated: an integral around or inside the sum stays an integral (for a later step)
    inner = sp.Integral(sp.Sum(k * y, (k, 0, n - 1)), (y, 0, 1))
    assert rule.apply(inner) == sp.Integral(y * (n ** 2 / 2 - n / 2), (y, 0, 1))
    integral = sp.Integral(z, (z, 0, 1))
    ok, detail = rule.check(sp.Sum(k * integral, (k, 0, n - 1)), (n ** 2 / 2 - n / 2) * integral)
    assert ok, detail


# -- DiagonalConstancy --------------------------------------------------------------------------------

h2 = sequence_function("h2")          # two indices on Z: compared exactly
r = sp.Symbol("r", real=True)


def test_diagonal_constancy_concludes_the_diagonal_form():
    rule = DiagonalConstancy()
    for eq in (sp.Eq(W(i, j), W(i + 1, j + 1)), sp.Eq(W(i, j), W(i + 1 + n, j + 1 - n)),
               sp.Eq(h2(i, j), h2(i + 1, j + 1))):
        out = rule.apply(eq)
        g = eq.lhs.func
        assert isinstance(out, sp.Eq) and out.lhs == g(i, j) and out.rhs == g(i - j, 0)
    assert rule.relation == r"\iff" and rule.lemma == "diagonal_constancy"
    assert rule.justification() == r"lemma: constant along cyclic diagonals (induction on $j$)"


@pytest.mark.parametrize("expr, message", [
    (W(i, j), "needs an equation g(i, j) = g(i + 1, j + 1)"),
    (sp.Eq(W(i, j), c(i)), "both sides must be entries of the same matrix"),
    (sp.Eq(c(i), W(i + 1, j + 1)), "both sides must be entries of the same matrix"),
    (sp.Eq(W(i, j), S(i + 1, j + 1)), "both sides must be entries of the same matrix"),
    (sp.Eq(c(i), c(i + 1)), "both sides must be entries of the same matrix"),
    (sp.Eq(W(i, j), W(i + 1, j + 1, k)), "both sides must be entries of the same matrix"),
    (sp.Eq(W(i, j, k), W(i + 1, j + 1)), "both sides must be entries of the same matrix"),
    (sp.Eq(W(i, j), W(i + 1, j)), "the right side must be the entry one step down the diagonal"),
    (sp.Eq(W(i, j), W(i, j + 1)), "the right side must be the entry one step down the diagonal"),
    (sp.Eq(h2(i, j), h2(i + 1 + n, j + 1)), "the right side must be the entry one step down the diagonal"),
    (sp.Eq(h2(i, j), h2(i + 1, j + 1 + n)), "the right side must be the entry one step down the diagonal"),
    (sp.Eq(W(i, i), W(i + 1, i + 1)), "the left side must be g(i, j) for two distinct index symbols"),
    (sp.Eq(W(i + 1, j), W(i + 2, j + 1)), "the left side must be g(i, j) for two distinct index symbols"),
    (sp.Eq(W(i, j + 1), W(i + 1, j + 2)), "the left side must be g(i, j) for two distinct index symbols"),
    (sp.Eq(h2(i, y), h2(i + 1, y + 1)), "the left side must be g(i, j) for two distinct index symbols"),
    (sp.Eq(h2(r, j), h2(r + 1, j + 1)), "the left side must be g(i, j) for two distinct index symbols"),
])
def test_diagonal_constancy_refuses(expr, message):
    rule = DiagonalConstancy()
    with pytest.raises(RuleError) as exc:
        rule.apply(expr)
    assert str(exc.value) == message
    ok, detail = rule.check(expr, sp.Eq(W(i, j), W(i - j, 0)))
    assert not ok and detail == f"DiagonalConstancy does not apply: {message}"


# -- Reindex ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("subs, message", [
    ({n: n + 1}, "n is not an index (an integer symbol other than n)"),
    ({y: y + 1}, "y is not an index (an integer symbol other than n)"),
    ({r: r + 1}, "r is not an index (an integer symbol other than n)"),
    ({i + 1: i}, "i + 1 is not an index (an integer symbol other than n)"),
    ({i: 2 * i}, "is not a bijection of Z_n (determinant not +-1)"),
    ({i: j, j: 2 * j}, "is not a bijection of Z_n (determinant not +-1)"),
    ({i: i + sp.Rational(1, 2)}, "i -> i + 1/2 is not affine with integer coefficients"),
    ({i: sp.Rational(1, 2) * i + j}, "is not affine with integer coefficients"),
    ({i: i + r}, "i -> i + r is not affine with integer coefficients"),
    ({i: i + y}, "i -> i + y is not affine with integer coefficients"),
    ({i: i * j, j: j}, "is not affine with integer coefficients"),
    ({i: i + j ** 2, j: j}, "is not affine with integer coefficients"),
])
def test_reindex_refuses_what_is_not_a_bijection_of_Zn(subs, message):
    with pytest.raises(RuleError, match=message.replace("+", r"\+").replace("(", r"\(").replace(")", r"\)")):
        Reindex(subs)


def test_reindex_accepts_unimodular_affine_maps():
    for subs in ({i: i + 1}, {i: -i + m}, {i: i + m ** 2}, {i: i + j, j: j}, {i: j, j: i}, {i: i + 2 * j, j: i + 3 * j}):
        Reindex(subs)
    rule = Reindex({i: i + 1, j: j - 1})
    assert rule.relation == r"\iff"
    assert rule.justification() == r"for all indices: substitute $i\mapsto i + 1, j\mapsto j - 1$"
    ok, detail = rule.check(W(i, j), W(i + 1, j - 1))
    assert not ok and detail == "Reindex does not apply: Reindex needs an equation"
    assert rule.check(sp.Eq(W(i, j), c(i)), sp.Eq(W(i + 1, j - 1), c(i + 1)))[0]
    assert not rule.check(sp.Eq(W(i, j), c(i)), sp.Eq(W(i + 1, j - 1), c(i)))[0]


# -- ExponentArithmetic, IndexArithmetic --------------------------------------------------------------

def test_exponent_arithmetic():
    rule = ExponentArithmetic()
    ok, detail = rule.check(omega ** i * omega ** j * c(i), omega ** (i + j) * c(i))
    assert ok and detail == "ExponentArithmetic: exponents agree modulo n"
    ok, detail = rule.check(omega ** i * omega ** j, omega ** (i - j))
    assert not ok and detail == "exponents of omega differ: omega**i*omega**j vs omega**(i - j)"
    assert rule.check(sp.Eq(omega ** i * omega ** j, c(i)), sp.Eq(omega ** (i + j), c(i)))[0]
    assert not rule.check(sp.Eq(omega ** i * omega ** j, c(i)), sp.Eq(omega ** (i + j), c(i + 1)))[0]
    assert rule.justification() == r"$y^a y^b = y^{a+b}$; $\omega^n = \bar x^n = 1$"
    # products are merged everywhere, also inside a power or an argument
    assert rule.check(sp.Pow(omega ** i * omega ** j, 2, evaluate=False), omega ** (2 * i + 2 * j))[0]
    assert rule.check(c(omega ** i * omega ** j), c(omega ** (i + j)))[0]
    assert not rule.check(sp.Pow(omega ** i * omega ** j, 2, evaluate=False), omega ** (i + j))[0]
    assert IndexArithmetic().check(c(i + n) * W(j - n, i), c(i) * W(j, i))[0]
    assert not IndexArithmetic().check(c(i + 1), c(i))[0]
    assert IndexArithmetic().justification() == r"indices modulo $n$"


# -- Unfold / Fold: which object, how many indices, no capture ----------------------------------------

K_OTHER = entry_function("Kmut", "K'")                 # another object with the same name, another notation
K = entry_function("Kmut", "K")                        # (made last: its notation is the name's default)
S_OTHER = entry_function("S", "S", cyclic=False)       # a script's object named like the convention S
KDEF = {"Kmut": sp.Lambda((i, j), Iverson(i, j))}


def test_unfold_conventions_and_script_definitions():
    assert Unfold("S").apply(S(i, j)) == Iverson(i, j + 1)
    assert Unfold("S", "C").apply(S(i, j) * C(i, j)) == Iverson(i, j + 1) * c(i - j)
    assert Unfold("Kmut", definitions=KDEF).apply(sp.Eq(K(i, j), K(j, i))) == sp.Eq(Iverson(i, j), Iverson(j, i))
    ok, detail = Unfold("S").check(S(i, j), Iverson(i, j + 1))
    assert ok and detail == "Unfold: recomputed and matched"
    ok, detail = Unfold("Kmut", definitions=KDEF).check(K(i, j), Iverson(i, j))
    assert ok and detail.endswith("(definition of Kmut: this script's own, not a convention)")
    ok, detail = Unfold("Kmut", definitions=KDEF).check(K(i, j), Iverson(i, j + 1))
    assert not ok and detail.endswith("(definition of Kmut: this script's own, not a convention)")
    # a convention given again with the same meaning (indices modulo n) is allowed, and is no script's own
    same = Unfold("S", definitions={"S": sp.Lambda((i, j), Iverson(i + n, j + 1))})
    assert same.own_names == () and same.check(S(i, j), Iverson(i, j + 1))[0]
    assert Unfold("S", "Kmut", definitions=KDEF).own_names == ("Kmut",)
    assert Unfold("S", definitions=KDEF).own_names == ()


@pytest.mark.parametrize("make, message", [
    (lambda: Unfold("S", definitions={"S": sp.Lambda((i, j), Iverson(i, j))}),
     "'S' is a convention (symconv.objects.indexed.ENTRY: Lambda((i, j), Iverson(i, j + 1))); a script may not "
     "redefine it as Lambda((i, j), Iverson(i, j)): give its object another name"),
    (lambda: Unfold("S", definitions={"S": sp.Lambda((i, j, k), Iverson(i, j + 1))}), "'S' is a convention"),
    (lambda: Unfold("S", definitions={"S": sp.Lambda(i, Iverson(i, j + 1))}), "'S' is a convention"),
    (lambda: Unfold("S", definitions={"S": Iverson(i, j + 1)}), "'S' is a convention"),
    (lambda: Unfold("Kmut", definitions={"Kmut": Iverson(i, j)}),
     "the definition of 'Kmut' must be a sympy Lambda, got Iverson"),
    (lambda: Unfold("Qnone"), "no definition for 'Qnone'"),
    (lambda: Unfold("S", "Qnone"), "no definition for 'Qnone'"),
])
def test_unfold_refuses_bad_definitions(make, message):
    with pytest.raises(RuleError) as exc:
        make()
    assert str(exc.value).startswith(message)


@pytest.mark.parametrize("rule, expr, message", [
    (Unfold("S"), S_OTHER(i, j),
     "'S' here is not the convention's object of that name (ENTRY): rename the script's object"),
    (Unfold("S"), S(i, j) + S_OTHER(i, j), "'S' here is not the convention's object"),
    (Unfold("Kmut", definitions=KDEF), K(i, j) + K_OTHER(i, j), "several different objects are named 'Kmut'"),
    (Unfold("Kmut", definitions=KDEF), K(i), "Kmut takes 2 indices, got Kmut(i)"),
    (Unfold("Kmut", definitions=KDEF), K(i, j, k), "Kmut takes 2 indices, got Kmut(i, j, k)"),
    (Unfold("Kmut", definitions={"Kmut": sp.Lambda((i, j), Iverson(i, j + k))}), zsum(K(i, j), k),
     "unfolding Kmut(i, j) would put the definition's ['k'] under a sum binding them"),
])
def test_unfold_refuses(rule, expr, message):
    with pytest.raises(RuleError) as exc:
        rule.apply(expr)
    assert str(exc.value).startswith(message)
    ok, detail = rule.check(expr, expr)
    assert not ok and detail.startswith("Unfold does not apply: " + message)
    ok, detail = Fold(*rule.names, definitions={nm: rule.definitions[nm] for nm in rule.own_names}).check(expr, expr)
    assert not ok and detail.startswith("Fold does not apply: " + message)


def test_unfold_own_parameter_under_another_sum_is_fine():
    rule = Unfold("Kmut", definitions={"Kmut": sp.Lambda((i, j), Iverson(i, j + k))})
    assert rule.apply(zsum(K(i, j), l)) == zsum(Iverson(i, j + k), l)
    assert rule.apply(K(i, j)) == Iverson(i, j + k)


def test_fold_is_checked_backwards_only():
    with pytest.raises(RuleError) as exc:
        Fold("S").apply(Iverson(i, j + 1))
    assert str(exc.value) == "Fold is checked by unfolding the stated expression"


def test_unfold_detail_names_every_own_definition():
    K2 = entry_function("Kmut2", "K_2")
    defs = dict(KDEF, Kmut2=sp.Lambda((i, j), Iverson(i, j + 2)))
    rule = Unfold("Kmut", "Kmut2", definitions=defs)
    ok, detail = rule.check(K(i, j) * K2(i, j), Iverson(i, j) * Iverson(i, j + 2))
    assert ok and detail == ("Unfold: recomputed and matched (definition of Kmut, Kmut2: this script's own, "
                             "not a convention)")
    assert rule.justification() == "definition of $K$, $K_2$ (this script's)"


def test_the_conventions_objects_are_known_by_name():
    """Unfold tells the conventions' objects from a script's objects of the same name by this table:
    it must hold every convention of ENTRY, each under its own name."""
    from symconv.engine.rules import _entry_functions
    from symconv.objects import indexed
    table = _entry_functions()
    assert set(table) == set(ENTRY)
    assert all(fn.__name__ == nm for nm, fn in table.items())
    assert table["F^*"] is indexed.Fs and table["conv"] is indexed.conv and table["S"] is indexed.S


def test_fold():
    ok, detail = Fold("S").check(Iverson(i, j + 1), S(i, j))
    assert ok and detail == "Fold: stated expression unfolds to the previous one"
    ok, detail = Fold("S").check(Iverson(i, j), S(i, j))
    assert not ok and detail == "Fold: S(i, j) unfolds to Iverson(i, j + 1), not Iverson(i, j)"
    ok, detail = Fold("Kmut", definitions=KDEF).check(Iverson(i, j), K(i, j))
    assert ok and detail.endswith("(definition of Kmut: this script's own, not a convention)")
    # the previous expression is unfolded too: folding S into S is no change
    assert Fold("S").check(S(i, j) + Iverson(i, j + 1), S(i, j) + S(i, j))[0]


# -- the justification printed in the LaTeX document --------------------------------------------------

def test_unfold_justification_names_the_definitions():
    # (the notation is the step's: other scripts may register other notations for the same names)
    def just(rule, *exprs):
        return rule.justification_in(exprs[0], rule.apply(exprs[0]))
    assert just(Unfold("S"), S(i, j)) == "definition of $S$"
    assert just(Unfold("conv", "S"), conv(i) * S(i, j)) == r"definition of $(a \circledast b)$, $S$"
    assert just(Unfold("C"), C(i, j)) == r"definition of $\mathrm{circ}(c)$"
    assert just(Unfold("S", "Kmut", definitions=KDEF), S(i, j) * K(i, j)) == (
        "definition of $S$; definition of $K$ (this script's)")
    assert Unfold("S", label="shift-equivariance").justification() == "shift-equivariance"
    labelled = Unfold("Kmut", definitions=KDEF, label="hypothesis H")
    assert labelled.justification_in(K(i, j), Iverson(i, j)) == "hypothesis H (this script's definition of $K$)"


def test_unfold_justification_uses_the_notation_of_the_step():
    """Two scripts may give one name two notations: the step's own expressions decide."""
    rule = Unfold("Kmut", definitions=KDEF)
    assert rule.justification_in(K(i, j), Iverson(i, j)) == "definition of $K$ (this script's)"
    assert rule.justification_in(K_OTHER(i, j), Iverson(i, j)) == "definition of $K'$ (this script's)"
    assert rule.justification_in(Iverson(i, j), K_OTHER(i, j)) == "definition of $K'$ (this script's)"
    assert Unfold("S").justification_in(S(i, j), Iverson(i, j + 1)) == "definition of $S$"


def test_justification_of_an_object_without_a_notation():
    """A plain SymPy function (no notation registered) is named by its name."""
    G = sp.Function("Gplainmut")
    rule = Unfold("Gplainmut", definitions={"Gplainmut": sp.Lambda((i,), c(i))})
    assert rule.check(G(i), c(i))[0]
    assert rule.justification() == "definition of $Gplainmut$ (this script's)"
    assert rule.justification_in(G(i), c(i)) == "definition of $Gplainmut$ (this script's)"


def test_labelled_justification_names_every_own_definition_with_its_parameters():
    entry_function("Qmut1", "Q_{#1,#2}")
    entry_function("Kmut2", "K_2")
    defs = {"Qmut1": sp.Lambda((i, j), Iverson(i, j)), "Kmut2": sp.Lambda((i, j), Iverson(i, j + 2))}
    rule = Unfold("Qmut1", "Kmut2", definitions=defs, label="hypothesis H")
    assert rule.justification() == "hypothesis H (this script's definition of $Q_{i,j}$, $K_2$)"


def test_justification_of_a_convention_in_a_notation_with_parameters():
    """The notation passed in (the step's) decides; its #1, #2 are the convention's parameters."""
    assert Unfold("S").justification({"S": "S_{#1,#2}"}) == "definition of $S_{i,j}$"
    assert Unfold("conv").justification({"conv": r"(a \circledast b)_{#1}"}) == r"definition of $(a \circledast b)_{i}$"


def test_justification_prints_the_parameters_of_a_definition():
    """A notation with #1, #2 shows the definition's parameters; a bare # is dropped."""
    Q1 = entry_function("Qmut1", "Q_{#1,#2}")
    Q2 = entry_function("Qmut2", r"(#1 \star #2)")
    Q3 = entry_function("Qmut3", "P_a(#)")
    Q4 = entry_function("Qmut4", "#")
    Q5 = entry_function("Qmut5", "R_{#}")
    defs = {"Qmut1": sp.Lambda((i, j), Iverson(i, j)), "Qmut2": sp.Lambda((k, l), Iverson(k, l)),
            "Qmut3": sp.Lambda((i,), c(i)), "Qmut4": sp.Lambda((i,), c(i)), "Qmut5": sp.Lambda((i,), c(i))}
    shown = {"Qmut1": "Q_{i,j}", "Qmut2": r"(k \star l)", "Qmut3": "P_a", "Qmut4": "Qmut4", "Qmut5": "R"}
    for q, nm in zip((Q1, Q2, Q3, Q4, Q5), defs):
        rule = Unfold(nm, definitions=defs)
        assert rule.justification() == f"definition of ${shown[nm]}$ (this script's)"
        arg = q(i, j) if nm in ("Qmut1", "Qmut2") else q(i)
        assert rule.justification_in(arg, rule.apply(arg)) == f"definition of ${shown[nm]}$ (this script's)"
    # twelve parameters: #12 is not read as #1 followed by 2
    vs = sp.symbols("v1:13", integer=True)
    entry_function("Qmut12", "T_{" + ",".join(f"#{q}" for q in range(1, 13)) + "}")
    rule = Unfold("Qmut12", definitions={"Qmut12": sp.Lambda(vs, c(vs[0]))})
    assert rule.justification() == "definition of $T_{" + ",".join(sp.latex(q) for q in vs) + "}$ (this script's)"


# -- ApplyLemma, LemmaRewrite: the lemma's own predicate and its side condition -----------------------

from symconv.engine.lemmas import LEMMAS, NonzeroEndTaps            # noqa: E402
from symconv.objects.indexed import Pk, X, deg, kconv              # noqa: E402
from symconv.engine.rules import ApplyLemma, LemmaRewrite         # noqa: E402

KA, KB = sp.symbols("ka kb")
PC = Pk(kconv(KA, KB), X)                                          # P_{a * b}(x)
PAPB = Pk(KA, X) * Pk(KB, X)
END = Hypothesis("end taps non-zero", NonzeroEndTaps(KA, KB))
PROD = deg(Pk(KA, X) * Pk(KB, X))
SUM = deg(Pk(KA, X)) + deg(Pk(KB, X))


@pytest.mark.parametrize("make, message", [
    (lambda: ApplyLemma("no_such_lemma"),
     "'no_such_lemma' is not a lemma of symconv.engine.lemmas.LEMMAS with an instance predicate"),
    (lambda: ApplyLemma("fubini"), "'fubini' is not a lemma of symconv.engine.lemmas.LEMMAS with an instance predicate"),
    (lambda: ApplyLemma("polynomial_of_convolution", instance=lambda old, new: True),
     "the instance predicate of 'polynomial_of_convolution' is the lemma's own (LEMMAS), not the script's"),
    (lambda: ApplyLemma("polynomial_of_convolution", relation=r"\iff"), "a lemma's instance is an equality"),
])
def test_apply_lemma_refuses(make, message):
    with pytest.raises(RuleError) as exc:
        make()
    assert str(exc.value) == message


def test_apply_lemma_uses_the_lemmas_own_predicate():
    own = LEMMAS["polynomial_of_convolution"].instance
    rule = ApplyLemma("polynomial_of_convolution", instance=own)
    assert rule.instance is own and rule.relation == "=" and rule.hypotheses == ()
    assert rule.justification() == "polynomial_of_convolution"          # the lemma's name when no text is given
    assert ApplyLemma("polynomial_of_convolution", text=r"$P_{a*b} = P_a P_b$").justification() == r"$P_{a*b} = P_a P_b$"
    ok, detail = rule.check(PC, PAPB)
    assert ok and detail == ("lemma polynomial_of_convolution: instance recognised; "
                             "no side condition left to a hypothesis")
    ok, detail = rule.check(PC, Pk(KA, X) + Pk(KB, X))
    assert not ok and detail == "lemma polynomial_of_convolution: not an instance"
    assert not rule.check_in_context(sc.Derivation(PC), PC, 2 * PAPB)[0]


def test_apply_lemma_predicate_that_cannot_read_the_step():
    ok, detail = ApplyLemma("degree_of_dilation").check(deg(Pk(KA)), 2)
    assert not ok and detail.startswith("lemma degree_of_dilation: ValueError: ")
    assert ApplyLemma("degree_of_dilation").check(deg(Pk(KA, X ** 2)), 2 * deg(Pk(KA, X)))[0]


def test_apply_lemma_side_condition():
    rule = ApplyLemma("degree_of_product", hypothesis=END, text="degree of a product")
    assert rule.hypotheses == (END,)
    ok, detail = rule.check_in_context(sc.Derivation(PROD, hypotheses=(END,)), PROD, SUM)
    assert ok and detail == ("lemma degree_of_product: instance recognised; "
                             "side condition 'non-zero end taps' from ['end taps non-zero']")
    ok, detail = rule.check_in_context(sc.Derivation(PROD), PROD, SUM)
    assert not ok and detail == ("lemma degree_of_product: the hypothesis 'end taps non-zero' is not among the "
                                 "derivation's hypotheses []")
    assert not rule.check(PROD, SUM)[0]                                  # outside a derivation: no hypotheses
    assert not rule.check_in_context(sc.Derivation(PROD, hypotheses=(END,)), PROD, SUM + 1)[0]
    assert rule.justification() == "degree of a product"


def test_lemma_rewrite_applies_recognised_instances():
    rule = LemmaRewrite("polynomial_of_convolution", {PC: PAPB}, r"$P_{a*b} = P_a P_b$")
    assert rule.justification() == r"$P_{a*b} = P_a P_b$" and rule.hypotheses == ()
    assert rule.apply(PC + 1) == PAPB + 1
    ok, detail = rule.check(PC + 1, PAPB + 1)
    assert ok and detail == ("lemma polynomial_of_convolution: instance recognised and matched; "
                             "no side condition left to a hypothesis")
    ok, detail = rule.check(PC + 1, PAPB + 2)
    assert not ok and detail == ("lemma polynomial_of_convolution gives Pk(ka, x)*Pk(kb, x) + 1, "
                                 "not Pk(ka, x)*Pk(kb, x) + 2")
    # equal as rational functions, or equal modulo n (the indices of entries): either suffices
    assert rule.check((2 * PC + 2) / 2, PAPB + 1)[0]
    # but not a cancelled denominator that may vanish (P_a P_b = 1 makes the left side 0/0)
    ok, detail = rule.check((PC ** 2 - 1) / (PC - 1), PAPB + 1)
    assert not ok and detail.startswith("lemma polynomial_of_convolution: the denominators differ by")
    assert rule.check(PC * c(i + n), PAPB * c(i))[0]
    assert not rule.check(PC * c(i + 1), PAPB * c(i))[0]


@pytest.mark.parametrize("rule, prev, message", [
    (LemmaRewrite("no_such_lemma", {PC: PAPB}, "x"), PC, "lemma 'no_such_lemma' has no instance predicate"),
    (LemmaRewrite("fubini", {PC: PAPB}, "x"), PC, "lemma 'fubini' has no instance predicate"),
    (LemmaRewrite("polynomial_of_convolution", {PC: Pk(KA, X) + Pk(KB, X)}, "x"), PC,
     "Pk(kconv(ka, kb), x) -> Pk(ka, x) + Pk(kb, x) is not an instance of polynomial_of_convolution"),
    (LemmaRewrite("polynomial_of_convolution", {PC: PAPB}, "x"), Pk(KA, X),
     "Pk(kconv(ka, kb), x) does not occur in Pk(ka, x)"),
])
def test_lemma_rewrite_refuses(rule, prev, message):
    with pytest.raises(RuleError) as exc:
        rule.apply(prev)
    assert str(exc.value) == message
    ok, detail = rule.check(prev, PAPB)
    assert not ok and detail == f"lemma {rule.lemma} does not apply: {message}"


def test_lemma_rewrite_side_condition():
    rule = LemmaRewrite("degree_of_product", {PROD: SUM}, "deg", hypothesis=END)
    ok, detail = rule.check_in_context(sc.Derivation(PROD, hypotheses=(END,)), PROD, SUM)
    assert ok and detail == ("lemma degree_of_product: instance recognised and matched; "
                             "side condition 'non-zero end taps' from ['end taps non-zero']")
    ok, detail = rule.check_in_context(sc.Derivation(PROD), PROD, SUM)
    assert not ok and "'end taps non-zero' is not among the derivation's hypotheses" in detail
    assert not rule.check(PROD, SUM)[0]
    assert not LemmaRewrite("degree_of_product", {PROD: SUM}, "deg").check_in_context(
        sc.Derivation(PROD, hypotheses=(END,)), PROD, SUM)[0]


def test_poly_identity_refuses_an_equation_against_an_expression():
    """An equation is never 'equal as rational functions' to an expression: refused with the reason (it
    used to raise TypeError from SymPy)."""
    from symconv.engine.rules import PolyIdentity
    xx = sp.Symbol("xx")
    for prev, nxt in ((xx, sp.Eq(xx, xx + 1, evaluate=False)), (sp.Eq(xx, xx + 1, evaluate=False), xx)):
        ok, why = PolyIdentity().check(prev, nxt)
        assert ok is False
        assert why == "PolyIdentity compares an equation with an equation, an expression with an expression"
    assert PolyIdentity().check(sp.Eq(xx, 2 * xx), sp.Eq(xx, xx + xx))[0] is True
