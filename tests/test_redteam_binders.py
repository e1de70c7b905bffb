"""Red-team attacks on the generic rules (binders, script definitions of objects on Z_n, hypotheses).

Each test is one attack, with its exact outcome: the rule refuses (RuleError, or its check says no),
or the theorem comes out ``undecided`` / ``refuted``, never ``proved``.
"""

import pytest
import sympy as sp

import symconv as sc
from symconv.engine.rules import Fold, IndexArithmetic, ReindexSum, RuleError, Sift, Unfold
from symconv.engine.statement import Hypothesis, Statement, establishes, nonperiodic_definition
from symconv.objects.indexed import Iverson, entry_function, i, j, k, l, n, t, u, zsum


def _theorem(name, formal, derive):
    return sc.Theorem(name, "a false statement.", claims="proved", derivation=derive, formal=formal,
                      false_variants=[sc.FalseVariant(f"{name}_v", "i = i + 1.", formal=Statement.identity(i, i + 1))])


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
    assert _rule_says(Unfold("rt_eper", definitions=defs), e(i + n), Iverson(i + n, 3) + zsum(Iverson(i + n, l) * _D(l), l))
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
