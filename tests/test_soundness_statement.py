"""Soundness of the link between a theorem's formal statement and its derivations (issue 9).

Each test feeds the engine a false theorem the way a careless or malicious user could, through the
public API, and asserts that it is NOT proved.
"""

import pytest
import sympy as sp

import symconv as sc
from symconv.engine.rules import EigenLine, RuleError, Sift, Unfold, UseHypothesis
from symconv.engine.statement import Hypothesis, SimpleEigenvalue, Statement, establishes
from symconv.objects.indexed import Iverson, S, W, i, j, l, n, x, zsum

_REFUTED_VARIANT = [sc.FalseVariant("toy_false", "false.", exact=lambda n_: sc.Counterexample(n_, "no"))]


def _proved(derive, formal, **kw):
    thm = sc.Theorem("toy", kw.pop("statement", "toy."), claims="proved", derivation=derive, formal=formal,
                     false_variants=_REFUTED_VARIANT, **kw)
    return sc.run_theorem(thm, sc.RunOptions(variants=False))


def _shift_chain(goal=True):
    d = sc.Derivation(zsum(S(i, l) * x(l), l), goal=x(i - 1) if goal else None)
    return d.step(zsum(Iverson(i, l + 1) * x(l), l), Unfold("S")).step(x(i - 1), Sift(l))


SHIFT = Statement.identity(zsum(S(i, l) * x(l), l), x(i - 1))


def test_a_true_linked_derivation_is_proved():
    r = _proved(lambda: [_shift_chain()], SHIFT)
    assert r.verdict is sc.Verdict.PROVED, r.proof


def test_derivation_without_goal_proves_nothing():
    r = _proved(lambda: [_shift_chain(goal=False)], SHIFT)
    assert r.verdict is not sc.Verdict.PROVED
    assert "no goal" in r.proof


def test_empty_derivation_list_proves_nothing():
    r = _proved(lambda: [], Statement.identity(sp.Integer(1), sp.Integer(2)), statement="1 = 2")
    assert r.verdict is not sc.Verdict.PROVED
    assert "no derivation" in r.proof


def test_prose_one_eq_two_with_an_unrelated_true_derivation_is_not_proved():
    r = _proved(lambda: [_shift_chain()], Statement.identity(sp.Integer(1), sp.Integer(2)), statement="1 = 2")
    assert r.verdict is not sc.Verdict.PROVED
    assert "establishes" in r.proof


def test_derivation_reaching_another_statement_is_not_proved():
    wrong = Statement.identity(zsum(S(i, l) * x(l), l), x(i + 1))      # the shift to the left
    r = _proved(lambda: [_shift_chain()], wrong)
    assert r.verdict is not sc.Verdict.PROVED


def test_step_less_derivation_fails():
    s, t = sp.symbols("s t", integer=True)
    body = sp.KroneckerDelta(s, t) - sp.KroneckerDelta(t, s + 1)
    one = sp.Sum(body, (s, -sp.oo, sp.oo), (t, -sp.oo, sp.oo))
    other = sp.Sum(body, (t, -sp.oo, sp.oo), (s, -sp.oo, sp.oo))
    d = sc.Derivation(one, goal=other)
    assert not d.check().ok
    ok, why = establishes([Statement.identity(one, other)], [d])
    assert not ok and "no step" in why


def test_theorem_with_derivation_needs_its_formal_statement():
    with pytest.raises(ValueError, match="formal statement"):
        sc.Theorem("toy", "toy.", claims="proved", derivation=lambda: [_shift_chain()],
                   false_variants=_REFUTED_VARIANT)


def test_statement_sides_must_differ_and_be_expressions():
    with pytest.raises(ValueError):
        Statement.identity(x(i), x(i))
    with pytest.raises(TypeError):
        Statement.identity(sp.Eq(x(i), x(i + 1), evaluate=False), x(i))
    with pytest.raises(TypeError):
        Statement.equivalence(x(i), x(i + 1))


# ------------------------------------------------------------------ hypotheses

def test_unstated_hypothesis_is_refused():
    """UseHypothesis(Eq(x(i-1), x(i+1))) 'proved' x_{i-1} = x_{i+1}."""
    hyp = sp.Eq(x(i - 1), x(i + 1))
    d = sc.Derivation(x(i - 1), goal=x(i + 1)).step(x(i + 1), UseHypothesis(hyp, "h"))
    assert not d.check().ok
    r = _proved(lambda: [d], Statement.identity(x(i - 1), x(i + 1)))
    assert r.verdict is not sc.Verdict.PROVED


def test_hypothesis_in_derivation_but_not_in_statement_is_refused():
    hyp = sp.Eq(x(i - 1), x(i + 1))
    d = sc.Derivation(x(i - 1), goal=x(i + 1), hypotheses=(hyp,)).step(x(i + 1), UseHypothesis(hyp, "h"))
    assert d.check().ok                                   # the step is fine given the hypothesis ...
    r = _proved(lambda: [d], Statement.identity(x(i - 1), x(i + 1)))
    assert r.verdict is not sc.Verdict.PROVED             # ... which the statement does not make
    assert "does not make" in r.proof
    r2 = _proved(lambda: [d], Statement.identity(x(i - 1), x(i + 1), hypotheses=(hyp,)))
    assert r2.verdict is sc.Verdict.PROVED                # stated as a hypothesis: an implication, proved


def test_use_hypothesis_needs_an_equation():
    with pytest.raises(RuleError):
        UseHypothesis(x(i) > 0)


A, B, v = sp.symbols("A B v", commutative=False)
lam, mu = sp.symbols("lambda mu")
AB = Hypothesis("AB = BA", sp.Eq(A * B, B * A))
AV = Hypothesis("Av = lambda v", sp.Eq(A * v, lam * v))
SIMPLE = Hypothesis("lambda simple", SimpleEigenvalue(A, lam))


def _eigen(hyps, start=A * B * v, A_=A):
    return (sc.Derivation(start, goal=mu * v, hypotheses=hyps)
            .step(B * A * v, UseHypothesis(sp.Eq(A * B, B * A)))
            .step(lam * B * v, UseHypothesis(sp.Eq(A * v, lam * v)))
            .step(mu * v, EigenLine(A_, B * v, lam, v, mu)))


def test_eigenline_with_its_premises_proves_the_lemma():
    stmt = Statement.identity(B * v, mu * v, hypotheses=(AB, AV, SIMPLE))
    r = _proved(lambda: [_eigen((AB, AV, SIMPLE))], stmt)
    assert r.verdict is sc.Verdict.PROVED, r.proof


def test_eigenline_without_simple_eigenvalue_fails():
    """'Every eigenvector of A is one of B whenever AB = BA' is false (A = I)."""
    d = _eigen((AB, AV))
    assert not d.check().ok
    stmt = Statement.identity(B * v, mu * v, hypotheses=(AB, AV))
    assert _proved(lambda: [d], stmt).verdict is not sc.Verdict.PROVED


def test_eigenline_from_an_arbitrary_start_fails():
    """Starting the chain at lam*B*v (not at A(Bv)) would 'prove' Bv = mu v for every B."""
    d = (sc.Derivation(lam * B * v, goal=mu * v, hypotheses=(AV, SIMPLE))
         .step(mu * v, EigenLine(A, B * v, lam, v, mu)))
    assert not d.check().ok


def test_eigenline_needs_the_eigenvector_hypothesis():
    d = _eigen((AB, SIMPLE))
    assert not d.check().ok


def test_eigenline_concludes_only_about_its_X():
    """The conclusion is X = mu v; a statement about another vector is not established."""
    stmt = Statement.identity(A * v, mu * v, hypotheses=(AB, AV, SIMPLE))
    assert _proved(lambda: [_eigen((AB, AV, SIMPLE))], stmt).verdict is not sc.Verdict.PROVED


def test_equivalence_needs_equivalence_steps_only():
    """An equivalence established through an implication step is not proved."""
    eq1 = sp.Eq(zsum(S(i, l) * W(l, j), l), zsum(W(i, l) * S(l, j), l), evaluate=False)
    eq2 = sp.Eq(W(i - 1, j), W(i, j + 1), evaluate=False)
    d = (sc.Derivation(eq1, goal=eq2)
         .step(sp.Eq(zsum(Iverson(i, l + 1) * W(l, j), l), zsum(W(i, l) * Iverson(l, j + 1), l), evaluate=False),
               Unfold("S"))
         .step(eq2, Sift(l)))
    assert d.check().ok
    assert establishes([Statement.equivalence(eq1, eq2)], [d])[0]
    assert not establishes([Statement.equivalence(eq1, sp.Eq(W(i + 1, j), W(i, j + 1), evaluate=False))], [d])[0]
    assert not establishes([Statement.identity(eq1.lhs, eq2.lhs)], [d])[0]


# ------------------------------------------------------------------ the statement's concrete evaluation

def test_false_formal_statement_is_refuted_even_with_a_vacuous_exact_check():
    """An exact check that says Holds for everything cannot carry a false formal statement."""
    thm = sc.Theorem("toy", "(S x)_i = x_{i+1}.", claims="verified", exact=lambda n_: sc.Holds("trust me"),
                     formal=Statement.identity(zsum(S(i, l) * x(l), l), x(i + 1)), n_range=(1, 4),
                     false_variants=_REFUTED_VARIANT)
    r = sc.run_theorem(thm, sc.RunOptions(variants=False))
    assert r.verdict is sc.Verdict.REFUTED
    assert "concrete evaluation" in r.counterexample.description and r.counterexample.n is not None


def test_true_formal_statement_records_concrete_evidence():
    r = _proved(lambda: [_shift_chain()], SHIFT)
    assert r.verdict is sc.Verdict.PROVED and "equal at" in r.concrete_evidence


def test_ill_typed_formal_statement_is_undecided():
    bad = Statement.identity(zsum(Iverson(l, n / 2) * x(l), l), x(n / 2))
    thm = sc.Theorem("toy", "x_{n/2}.", claims="verified", exact=lambda n_: sc.Holds("trust me"), formal=bad,
                     n_range=(1, 4), false_variants=_REFUTED_VARIANT)
    r = sc.run_theorem(thm, sc.RunOptions(variants=False))
    assert r.verdict is sc.Verdict.UNDECIDED and any("ill-typed" in note for note in r.notes)


def test_false_variant_stated_formally_is_refuted_by_concrete_evaluation():
    var = sc.FalseVariant("shift_left", "(S x)_i = x_{i+1}.",
                          formal=Statement.identity(zsum(S(i, l) * x(l), l), x(i + 1)))
    thm = sc.Theorem("toy", "toy.", claims="proved", derivation=lambda: [_shift_chain()], formal=SHIFT,
                     false_variants=[var])
    r = sc.run_theorem(thm)
    assert r.passed and r.variants[0].verdict is sc.Verdict.REFUTED
    true_var = sc.FalseVariant("not_false", "(S x)_i = x_{i-1}.", formal=SHIFT)
    r2 = sc.run_theorem(sc.Theorem("toy", "toy.", claims="proved", derivation=lambda: [_shift_chain()],
                                   formal=SHIFT, false_variants=[true_var]))
    assert not r2.passed and r2.variants[0].verdict is sc.Verdict.UNDECIDED


def test_hypotheses_that_are_not_definitions_are_not_evaluated_on_random_data():
    """x_{i-1} = x_{i+1} under the hypothesis that x has period 2 is not refuted by random data."""
    hyp = Hypothesis("x has period 2", sp.Eq(x(i - 1), x(i + 1)))
    out = Statement.identity(x(i - 1), x(i + 1), hypotheses=(hyp,)).evaluate()
    assert out.status == "unevaluable" and "no definition" in out.detail


def test_only_index_definitions_are_unfolded_for_concrete_evaluation():
    """A hypothesis is used as a definition only when it reads F(indices) = body: a fact about a
    particular object (|a| = p), a non-index argument, or two facts about one object are not."""
    from symconv.engine.statement import definitional
    from symconv.objects.indexed import poly_function
    size_ = poly_function("size_h", "|#|")
    a_ = sp.Symbol("a")
    assert definitional(sp.Eq(x(i), W(i, i + 1))) is not None        # x(i) := W(i, i+1): an index definition
    assert definitional(sp.Eq(x(i), x(i + 1))) is None               # recursive: a property, not a definition
    assert definitional(sp.Eq(size_(a_), sp.Symbol("p"))) is None    # a fact about the kernel a
    assert definitional(sp.Eq(x(i + 1), x(i))) is None               # not F(variables)
    assert definitional(sp.Eq(x(i), x(i - 1) + 1)) is None           # recursive
    two = (Hypothesis("h1", sp.Eq(x(i), W(i, i))), Hypothesis("h2", sp.Eq(x(j), W(j, 0))))
    d = sc.Derivation(x(i), hypotheses=two).step(x(i), UseHypothesis(sp.Eq(x(i), W(i, i))))
    assert "x" not in d.definitions()


def test_readme_example_runs_and_proves():
    import pathlib
    import re
    readme = (pathlib.Path(__file__).resolve().parents[1] / "README.md").read_text()
    code = re.search(r"## Writing a theorem\s+```python\n(.*?)```", readme, re.S).group(1)
    ns: dict = {}
    exec(code, ns)
    r = sc.run_theorem(ns["shift_mulVec"])
    assert r.verdict is sc.Verdict.PROVED and r.passed
