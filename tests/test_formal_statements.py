"""Every theorem in proofs/ carries its formal statement, and concrete evaluation never contradicts it.

* every theorem has ``formal`` (one or more ``Statement`` objects);
* the concrete evaluation of each statement (n = 1..8, every index value, random exact data) is never
  ``differ`` and never ill-typed: ``agree``, or ``unevaluable`` (integrals, determinants, maxima of data,
  equivalences, hypotheses that are no definitions), which is never a pass;
* every false variant that is stated formally is refuted by its statement (``differ``);
* how many statements concrete evaluation actually checks (``agree``) only grows: the counts below are
  the ones reached, so a statement that stops being evaluable is a regression.
"""

from __future__ import annotations

import pytest

import symconv as sc
from symconv.engine.statement import Statement

THEOREMS = sc.load_theorems(["proofs"])
STATEMENTS = [(t, q, st) for t in THEOREMS for q, st in enumerate(t.formal or ())]
VARIANTS = [(t, v) for t in THEOREMS for v in t.false_variants if v.formal is not None]

#: reached when every theorem in proofs/ got its formal statement: statements evaluated concretely and
#: equal at every point, and false variants refuted by their formal statement
MIN_AGREE = 100
MIN_VARIANTS_REFUTED = 20


_OUTCOMES: dict = {}


def outcome(st: Statement):
    """The statement's concrete evaluation (n = 1..8, seed 0), computed once."""
    if id(st) not in _OUTCOMES:
        _OUTCOMES[id(st)] = st.evaluate()
    return _OUTCOMES[id(st)]


def test_every_theorem_has_a_formal_statement():
    missing = [t.name for t in THEOREMS if not t.formal]
    assert not missing, f"theorems without a formal statement: {missing}"
    assert all(isinstance(st, Statement) for t in THEOREMS for st in t.formal)


def test_the_catalogue_is_complete():
    # 34 proved + 29 verified theorems; a theorem that disappears would drop out of every check below
    assert len(THEOREMS) >= 63


@pytest.mark.parametrize("thm,q,st", STATEMENTS, ids=[f"{t.name}[{q}]" for t, q, _ in STATEMENTS])
def test_concrete_evaluation_never_contradicts_a_theorem(thm, q, st):
    o = outcome(st)
    assert o.status in ("agree", "unevaluable"), f"{thm.name}: {st.sstr()}: {o.status}: {o.detail}"
    assert not o.ill_typed, f"{thm.name}: the formal statement is ill-typed: {o.detail}"
    if o.status == "agree":
        assert o.points > 0


@pytest.mark.parametrize("thm,var", VARIANTS, ids=[v.name for _, v in VARIANTS])
def test_a_formal_false_variant_is_refuted(thm, var):
    o = outcome(var.formal)
    assert o.status == "differ", f"{thm.name} / {var.name}: {var.formal.sstr()}: {o.status}: {o.detail}"
    assert o.n is not None and "first =" in o.detail       # the witness: n, the point, both exact values


def test_how_many_statements_are_evaluated_concretely():
    agree = sum(outcome(st).status == "agree" for _, _, st in STATEMENTS)
    refuted = sum(outcome(v.formal).status == "differ" for _, v in VARIANTS)
    assert agree >= MIN_AGREE, f"only {agree} formal statements are evaluated concretely (was {MIN_AGREE})"
    assert refuted >= MIN_VARIANTS_REFUTED, f"only {refuted} formal false variants are refuted"


def test_every_verified_theorem_has_an_evaluated_or_documented_statement():
    # the verified theorems (no derivation) that concrete evaluation checks: at least one of their statements
    # agrees; the others state integrals, a determinant or dimensions (documented, never a pass)
    checked = sorted(t.name for t in THEOREMS if t.derivation is None
                     and any(outcome(st).status == "agree" for st in t.formal))
    assert len(checked) >= 21, checked


def test_the_constructor_requires_a_formal_statement_of_every_theorem():
    variant = sc.FalseVariant("toy_false", "false.", exact=lambda n_: sc.Counterexample(n_, "no"))
    with pytest.raises(ValueError, match="unstated_toy: no formal statement"):
        sc.Theorem("unstated_toy", "toy.", claims="verified", exact=lambda n_: sc.Holds("ok"),
                   false_variants=[variant])
    from symconv.objects.indexed import S, i, j, x, zsum
    stated = sc.Theorem("stated_toy", "toy.", claims="verified", exact=lambda n_: sc.Holds("ok"),
                        formal=Statement.identity(zsum(S(i, j) * x(j), j), x(i - 1)), false_variants=[variant])
    assert stated.formal and outcome(stated.formal[0]).status == "agree"
