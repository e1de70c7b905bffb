"""Soundness of the rules for sums over an arbitrary finite group (symconv.engine.group_rules).

Each false step below is written next to the correct one: the false one must be rejected by the
rule itself (not only by the concrete evaluation), the correct one accepted.  The concrete
evaluation of group expressions (Z_n relabelled, the Klein group, D_3, D_4) is tested on its own:
it must catch a wrong group step that a rule accepting everything lets through.
"""

import pytest
import sympy as sp

import symconv as sc
from symconv.engine.concrete import concrete_compare
from symconv.engine.group_rules import (GroupArithmetic, GroupReindex, GroupSift, LeftInvariantKernel, group_word,
                                        label_only)
from symconv.engine.rule_base import Rule
from symconv.engine.rules import RuleError
from symconv.engine.statement import Statement, establishes
from symconv.objects.group_elements import GId, GInv, GMul
from symconv.objects.indexed import Iverson, W, entry_function, n, poly_function, sequence_function, zsum

a, g, h, k, x, y, z = sp.symbols("a g h k x y z", integer=True)
psi = entry_function("psi", r"\psi")
f = entry_function("f")
seq = sequence_function("hseq")          # a sequence on Z: its arguments are not labels
poly = poly_function("polyq", "q(#)")


def ok(start, stated, rule) -> bool:
    """The rule's own verdict; when it accepts, the derivation (rule + concrete evaluation) must too."""
    d = sc.Derivation(start).step(stated, rule)
    rule_says, detail = rule.check(start, stated)
    if rule_says:
        chk = d.check()
        assert chk.ok, "the rule accepts the step, the concrete evaluation contradicts it: " + chk.failure
        return True
    assert not d.check().ok
    return False


# ------------------------------------------------------------------ group words

def test_group_words_are_free_group_words():
    assert group_word(GMul(GMul(g, h), k)) == group_word(GMul(g, GMul(h, k)))          # associativity
    assert group_word(GMul(GInv(g), g)) == () == group_word(GId())                      # inverses
    assert group_word(GMul(g, GId())) == ((g, 1),)                                       # identity
    assert group_word(GInv(GInv(g))) == ((g, 1),)
    assert group_word(GMul(g, h)) != group_word(GMul(h, g))                              # no commutativity
    assert group_word(g + 1) is None and group_word(sp.Integer(0)) is None                # labels' arithmetic
    assert group_word(n) is None and group_word(sp.Symbol("r", real=True)) is None


# ------------------------------------------------------------------ the group axioms

def test_inverse_of_a_product_reverses_the_order():
    assert ok(psi(GInv(GMul(g, h))), psi(GMul(GInv(h), GInv(g))), GroupArithmetic())
    assert not ok(psi(GInv(GMul(g, h))), psi(GMul(GInv(g), GInv(h))), GroupArithmetic())


def test_commutativity_is_never_used():
    assert not ok(psi(GMul(g, h)), psi(GMul(h, g)), GroupArithmetic())
    assert not ok(psi(GMul(GMul(g, h), GInv(g))), psi(h), GroupArithmetic())           # conjugation is no identity
    assert ok(psi(GMul(GMul(g, h), GInv(h))), psi(g), GroupArithmetic())


def test_group_arithmetic_only_in_label_positions():
    # an argument of a sequence on Z, a polynomial or a bare number is an integer, not an element of G
    assert not ok(seq(GMul(GId(), g)), seq(g), GroupArithmetic())
    assert not ok(poly(GMul(GId(), g)), poly(g), GroupArithmetic())
    assert not ok(GMul(GId(), g), g, GroupArithmetic())
    assert ok(psi(GMul(GId(), g)), psi(g), GroupArithmetic())
    assert ok(Iverson(GMul(g, GInv(g)), h), Iverson(GId(), h), GroupArithmetic())
    # labels' addition is not the group law
    assert not ok(psi(GMul(GInv(h), g)), psi(g - h), GroupArithmetic())


# ------------------------------------------------------------------ reindexing a sum over G

def test_left_and_right_translations_and_inversion_reindex():
    assert ok(zsum(psi(h) * f(h), h), zsum(psi(GMul(g, k)) * f(GMul(g, k)), k), GroupReindex(h, GMul(g, k), k))
    assert ok(zsum(psi(h), h), zsum(psi(GMul(k, g)), k), GroupReindex(h, GMul(k, g), k))
    assert ok(zsum(psi(h), h), zsum(psi(GInv(k)), k), GroupReindex(h, GInv(k), k))
    # h -> k g^-1 g is the identity map: a bijection
    assert ok(zsum(psi(h), h), zsum(psi(k), k), GroupReindex(h, GMul(GMul(k, GInv(g)), g), k))


@pytest.mark.parametrize("image", [
    GMul(k, k),                       # squaring: not a bijection in general
    GMul(GMul(k, GInv(k)), g),        # reduces to the constant g
    g,                                # a constant
    GMul(h, k),                       # involves the bound (old) variable itself
    k + g,                            # labels' addition, not a group expression
])
def test_reindexing_that_is_not_a_bijection_is_refused(image):
    with pytest.raises(RuleError):
        GroupReindex(h, image, k)


def test_reindexing_refuses_capture_a_subset_and_a_clash():
    # capture: g is bound inside the summand
    body = zsum(psi(h) * zsum(f(GMul(g, h)), g), h)
    assert not ok(body, zsum(psi(GMul(g, k)) * zsum(f(GMul(g, GMul(g, k))), g), k), GroupReindex(h, GMul(g, k), k))
    # a sum over part of the group (a subset is not mapped onto itself by a translation)
    for lo, hi in ((0, n - 2), (1, n - 1), (-sp.oo, sp.oo)):
        part = sp.Sum(psi(h), (h, lo, hi))
        assert not ok(part, sp.Sum(psi(GMul(g, k)), (k, lo, hi)), GroupReindex(h, GMul(g, k), k))
    # the new variable already occurs
    assert not ok(zsum(psi(h) * f(k), h), zsum(psi(GMul(g, k)) * f(k), k), GroupReindex(h, GMul(g, k), k))
    # a summand that uses h as a number (h f(h) is no function on G)
    assert not ok(zsum(h * f(h), h), zsum(GMul(g, k) * f(GMul(g, k)), k), GroupReindex(h, GMul(g, k), k))


def test_label_only():
    assert label_only(psi(GMul(g, h)) * Iverson(h, GId()), h)
    assert not label_only(h * psi(h), h) and not label_only(seq(h), h) and not label_only(poly(h), h)


# ------------------------------------------------------------------ sifting over G

def test_sift_solves_the_bracket_in_the_group():
    assert ok(zsum(Iverson(x, GMul(a, z)) * W(z, y), z), W(GMul(GInv(a), x), y), GroupSift(z))
    assert ok(zsum(W(x, z) * Iverson(z, GMul(a, y)), z), W(x, GMul(a, y)), GroupSift(z))
    assert ok(zsum(Iverson(GMul(GMul(a, z), g), x) * f(z), z), f(GMul(GInv(a), GMul(x, GInv(g)))), GroupSift(z))
    assert ok(zsum(Iverson(GMul(GInv(z), a), x) * f(z), z), f(GMul(a, GInv(x))), GroupSift(z))
    # the wrong side of the inverse
    assert not ok(zsum(Iverson(x, GMul(a, z)) * W(z, y), z), W(GMul(x, GInv(a)), y), GroupSift(z))


def test_sift_refuses_brackets_without_a_unique_solution_and_bad_summands():
    # z = z a has a solution only when a = e; z z = x need not have one
    assert not ok(zsum(Iverson(z, GMul(z, a)) * f(z), z), f(a), GroupSift(z))
    assert not ok(zsum(Iverson(GMul(z, z), x) * f(z), z), f(x), GroupSift(z))
    # over part of the group
    assert not ok(sp.Sum(Iverson(z, a) * f(z), (z, 1, n - 1)), f(a), GroupSift(z))
    # a summand that uses z as a number
    assert not ok(zsum(Iverson(z, a) * z * f(z), z), a * f(a), GroupSift(z))
    # capture: the solution g is bound inside the summand
    assert not ok(zsum(Iverson(z, g) * zsum(f(GMul(z, g)), g), z), zsum(f(GMul(g, g)), g), GroupSift(z))


# ------------------------------------------------------------------ the lemma

PREMISE = sp.Eq(W(x, GMul(a, y)), W(GMul(GInv(a), x), y), evaluate=False)


def test_left_invariant_kernel_lemma():
    good = sp.Eq(W(x, y), W(GMul(GInv(y), x), GId()), evaluate=False)
    assert LeftInvariantKernel().check(PREMISE, good)[0]
    assert LeftInvariantKernel().check(sp.Eq(PREMISE.rhs, PREMISE.lhs, evaluate=False),
                                       sp.Eq(W(g, h), W(GMul(GInv(h), g), GId()), evaluate=False))[0]
    for bad in (sp.Eq(W(x, y), W(GMul(x, GInv(y)), GId()), evaluate=False),      # the kernel on the other side
                sp.Eq(W(x, y), W(GMul(GInv(x), y), GId()), evaluate=False),
                sp.Eq(W(x, x), W(GMul(GInv(x), x), GId()), evaluate=False),
                sp.Eq(W(x, y), W(GMul(GInv(y), x), a), evaluate=False)):
        assert not LeftInvariantKernel().check(PREMISE, bad)[0]
    # right translations, an extra symbol, a non-matrix
    for bad_premise in (sp.Eq(W(x, GMul(y, a)), W(GMul(x, GInv(a)), y), evaluate=False),
                        sp.Eq(W(x, GMul(a, y)), W(GMul(GInv(a), x), y) + g, evaluate=False),
                        sp.Eq(W(x, GMul(a, y)), W(GMul(GInv(g), x), y), evaluate=False),
                        sp.Eq(seq(x, GMul(a, y)), seq(GMul(GInv(a), x), y), evaluate=False)):
        assert not LeftInvariantKernel().check(bad_premise, good)[0]


# ------------------------------------------------------------------ concrete evaluation in concrete groups

def test_concrete_evaluation_uses_non_abelian_groups():
    wrong = concrete_compare(psi(GInv(GMul(g, h))), psi(GMul(GInv(g), GInv(h))))
    assert wrong.differ and "D_3" in wrong.detail and wrong.n == 6
    right = concrete_compare(psi(GInv(GMul(g, h))), psi(GMul(GInv(h), GInv(g))))
    assert right.status == "agree" and right.points > 0
    # labels are permuted: the group law of Z_n is not the addition of labels
    assert concrete_compare(psi(GMul(GInv(h), g)), psi(g - h), n_values=range(1, 6)).differ


def test_a_wrong_group_step_is_caught_by_concrete_evaluation():
    class AcceptAll(Rule):
        def check(self, prev, nxt):
            return True, "accepted"
    bad = sc.Derivation(zsum(psi(GMul(g, h)) * f(h), h)).step(zsum(psi(GMul(h, g)) * f(h), h), AcceptAll())
    chk = bad.check()
    assert not chk.ok and "concrete evaluation contradicts" in chk.failure


def test_every_equality_step_of_the_theorem_is_evaluated_concretely():
    from proofs import groups as G
    for d in G._derive_regular():
        defs = d.definitions()
        defs.update(G._REG)
        prev = d.start
        for st in d.steps:
            if getattr(st.rule, "relation", "=") == "=":
                pairs = (list(zip((prev.lhs, prev.rhs), (st.expr.lhs, st.expr.rhs))) if isinstance(prev, sp.Eq)
                         else [(prev, st.expr)])
                for p, q in pairs:
                    out = concrete_compare(p, q, definitions=defs)
                    assert out.status == "agree" and out.points > 0, (st.rule.name, out.detail)
            prev = st.expr


# ------------------------------------------------------------------ the theorem

def test_group_convolution_theorem_is_proved_and_its_variants_refuted():
    from proofs import groups as G
    res = sc.engine.runner.run_theorem(G.regular_equivariant_iff_group_convolution)
    assert res.verdict.value == "proved", (res.proof, res.notes)
    assert res.exact_evidence and res.n_checked == (1, 6)
    assert all(v.verdict.value == "refuted" for v in res.variants)
    assert any("D_3" in str(v.counterexample) for v in res.variants)


def test_a_missing_goal_or_a_wrong_conclusion_is_not_established():
    from proofs import groups as G
    parts = G._derive_regular()
    main = parts[0]
    no_goal = sc.Derivation(main.start, main.steps, main.title, None)
    assert not establishes(G.FORMAL_REGULAR, [no_goal] + parts[1:])[0]
    assert not establishes(G.FORMAL_REGULAR, parts[1:])[0]
    # the kernel on the other side: the lemma does not conclude it, so the chain fails
    E3r = sp.Eq(W(x, y), W(GMul(x, GInv(y)), GId()), evaluate=False)
    bad = sc.Derivation(main.start, main.steps[:-1], goal=E3r).step(E3r, LeftInvariantKernel())
    assert not bad.check().ok
    stmt = Statement.equivalence(main.start, E3r)
    assert not establishes([stmt], [bad])[0] or not bad.check().ok


def test_shadowed_bound_variable_is_refused_not_crashed_on():
    shadow = zsum(Iverson(z, GMul(a, g)) * zsum(f(z), z), z)
    assert not ok(shadow, zsum(f(z), z), GroupSift(z))
    assert not ok(zsum(psi(h) * zsum(f(h), h), h), zsum(psi(GMul(g, k)) * zsum(f(h), h), k),
                  GroupReindex(h, GMul(g, k), k))


def test_for_z_n_the_theorem_is_w_s_equals_s_w():
    """With the law of Z_n (a b = a + b, a^-1 = -a, e = 0) and a = 1, L_1 = S: the statement becomes
    the circulant theorem's, (S W)_ij = (W S)_ij <=> W_ij = W_{i-j,0}."""
    from proofs import groups as G
    from proofs import shift_equivariance as SE
    from symconv.engine.compare import equal_mod_n
    zn = {GMul: lambda p, q: p + q, GInv: lambda p: -p, GId: lambda: sp.Integer(0)}

    def as_zn(e):
        return e.replace(lambda q: isinstance(q, (GMul, GInv, GId)), lambda q: zn[type(q)](*q.args))
    E1, E3 = G.FORMAL_REGULAR[0].lhs, G.FORMAL_REGULAR[0].rhs
    assert equal_mod_n(as_zn(E3).subs({x: sp.Symbol("i", integer=True), y: sp.Symbol("j", integer=True)}),
                       SE.FORMAL.rhs)
    L1 = as_zn(G._REG["Lg"].expr.subs(a, 1))              # [x = 1 + y]: the shift S[x, y]
    assert equal_mod_n(L1, sc.objects.indexed.ENTRY["S"](x, y))


def test_guards_each_have_a_test():
    # a sum over part of G stated as a sum over all of G
    assert not ok(sp.Sum(psi(h), (h, 0, n - 2)), zsum(psi(GMul(g, k)), k), GroupReindex(h, GMul(g, k), k))
    # a bracket in which the variable occurs twice has no unique solution: nothing is substituted
    assert not ok(zsum(Iverson(z, GMul(z, a)) * f(z), z), f(GMul(z, a)), GroupSift(z))
    assert not ok(zsum(Iverson(GMul(z, z), x) * f(z), z), f(GMul(x, GInv(z))), GroupSift(z))
    # g g is not e: only a letter and its inverse cancel
    assert group_word(GMul(g, g)) == ((g, 1), (g, 1))
    assert not ok(psi(GMul(g, g)), psi(GId()), GroupArithmetic())
    # an object that is not an entry on Z_n (a cyclic polynomial-kind notation) has no label positions
    qp = entry_function("qp", "q", cyclic=True, kind="poly")
    assert not ok(qp(GMul(GId(), g)), qp(g), GroupArithmetic())
