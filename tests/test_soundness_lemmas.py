"""Soundness of named lemmas: no side condition is assumed.

A lemma with a side condition (non-zero end taps, real coefficients) is used only by a step
that names a hypothesis stating it (``LemmaRewrite(..., hypothesis=H)``, ``ApplyLemma(...,
hypothesis=H)``), H among the derivation's hypotheses, which must in turn be hypotheses of
the theorem's formal statement.  For each lemma: a false use is rejected (no hypothesis, a
hypothesis the derivation or the statement does not make, one about other kernels, a wrong
instance), the correct use is accepted, and the mutation tests at the end fail if a guard
(or a lemma's own check) is weakened.
"""

import copy
import dataclasses

import pytest
import sympy as sp

import symconv as sc
from symconv.engine import lemmas
from symconv.engine.lemmas import HALF_DEGREE as L2, LEMMAS, REAL_ROOTS as m_, ROOT_PAIRS as c_, NonzeroEndTaps
from symconv.engine.rules import ApplyLemma, LemmaRewrite, RuleError
from symconv.engine.statement import Hypothesis, Statement, establishes
from symconv.objects.indexed import Pk, X, deg, kconv, poly_function, size

A, B, C = sp.symbols("a b c")
i = sp.Symbol("i", integer=True, positive=True)
d = sp.Symbol("d", integer=True, positive=True)
L = sp.Symbol("L", integer=True, positive=True)
g = poly_function("g", "g_{#}")

END_AB = Hypothesis("end taps of a, b non-zero", NonzeroEndTaps(A, B), "the end taps of $a$ and $b$ are non-zero")
END_A = Hypothesis("end taps of a non-zero", NonzeroEndTaps(A), "the end taps of $a$ are non-zero")
END_G = Hypothesis("end taps of every g_i non-zero", NonzeroEndTaps(g(i)), "the end taps of every $g_i$ are non-zero")
PROSE_END = Hypothesis("end taps non-zero", text="the end taps of $a$ and $b$ are non-zero")   # no predicate
UNRELATED = Hypothesis("a real", text="$a$ is real")
REAL = Hypothesis("a real, size 2L+1, last tap non-zero", text="$a$ real, of size $2L+1$, last tap non-zero")
COMPLEX = Hypothesis("a complex, size 2L+1, last tap non-zero", text="$a$ complex, last tap non-zero")
REAL_ONLY = Hypothesis("a real", text="$a$ has real taps")          # says nothing about the degree

PROD = deg(Pk(A, X) * Pk(B, X))
SUM = deg(Pk(A, X)) + deg(Pk(B, X))


def accepted(start, stated, rule, hypotheses=()) -> bool:
    """Whether the step start -> stated is accepted in a derivation with these hypotheses (the
    rule's own verdict and the derivation's must agree)."""
    der = sc.Derivation(start, hypotheses=hypotheses).step(stated, rule)
    rule_says, _ = rule.check_in_context(der, start, stated)
    assert rule_says == der.check().ok
    return rule_says


def why(start, stated, rule, hypotheses=()) -> str:
    return sc.Derivation(start, hypotheses=hypotheses).step(stated, rule).check().failure


# ------------------------------------------------------------------ degree_of_product

def test_degree_of_product_correct_use_is_accepted():
    rw = LemmaRewrite("degree_of_product", {PROD: SUM}, "deg", hypothesis=END_AB)
    assert accepted(PROD + 1, SUM + 1, rw, (END_AB,))
    assert accepted(PROD, SUM, ApplyLemma("degree_of_product", hypothesis=END_AB), (END_AB,))
    stack = sp.Product(Pk(g(i), X ** d), (i, 1, L))
    whole = sp.Sum(deg(Pk(g(i), X ** d)), (i, 1, L))
    assert accepted(deg(stack), whole, LemmaRewrite("degree_of_product", {deg(stack): whole}, "deg", hypothesis=END_G),
                    (END_G,))


def test_degree_of_product_without_its_hypothesis_is_rejected():
    rw = LemmaRewrite("degree_of_product", {PROD: SUM}, "deg")
    assert not accepted(PROD, SUM, rw)
    assert not accepted(PROD, SUM, rw, (END_AB,))                        # stated, but the step does not name it
    assert "needs the hypothesis 'non-zero end taps'" in why(PROD, SUM, rw, (END_AB,))
    named = LemmaRewrite("degree_of_product", {PROD: SUM}, "deg", hypothesis=END_AB)
    assert not accepted(PROD, SUM, named)                                # named, not stated by the derivation
    assert "not among the derivation's hypotheses" in why(PROD, SUM, named)
    assert not named.check(PROD, SUM)[0]                                 # outside a derivation: no hypotheses
    assert not ApplyLemma("degree_of_product").check(PROD, SUM)[0]
    assert not accepted(PROD, SUM, ApplyLemma("degree_of_product"), (END_AB,))


def test_degree_of_product_hypothesis_must_cover_every_factor():
    rw = LemmaRewrite("degree_of_product", {PROD: SUM}, "deg", hypothesis=END_A)
    assert not accepted(PROD, SUM, rw, (END_A,))                         # nothing about b
    assert "covers the kernel b" in why(PROD, SUM, rw, (END_A,))
    f_, h_ = sp.Function("f"), sp.Function("h")
    free = deg(f_(X) * h_(X))                                            # not polynomials of kernels
    assert not accepted(free, deg(f_(X)) + deg(h_(X)),
                        LemmaRewrite("degree_of_product", {free: deg(f_(X)) + deg(h_(X))}, "deg", hypothesis=END_AB),
                        (END_AB,))
    other = deg(Pk(g(i + 1), X) * Pk(A, X))                              # g(i+1): not the stated g(i)
    assert not accepted(other, deg(Pk(g(i + 1), X)) + deg(Pk(A, X)),
                        ApplyLemma("degree_of_product", hypothesis=(END_G, END_A)), (END_G, END_A))


def test_degree_of_product_refuses_a_hypothesis_that_does_not_state_it():
    for hyp in (PROSE_END, UNRELATED, REAL):
        with pytest.raises(RuleError, match="NonzeroEndTaps"):
            LemmaRewrite("degree_of_product", {PROD: SUM}, "deg", hypothesis=hyp)
        with pytest.raises(RuleError, match="NonzeroEndTaps"):
            ApplyLemma("degree_of_product", hypothesis=hyp)


def test_degree_of_product_wrong_instance_is_rejected():
    for wrong in (SUM + 1, SUM - 1, 2 * SUM, deg(Pk(A, X)) * deg(Pk(B, X))):    # deg(PQ) = deg P + deg Q + 1, ...
        assert not accepted(PROD, wrong, ApplyLemma("degree_of_product", hypothesis=END_AB), (END_AB,))
        assert not accepted(PROD + 1, wrong + 1,
                            LemmaRewrite("degree_of_product", {PROD: wrong}, "deg", hypothesis=END_AB), (END_AB,))


# ------------------------------------------------------------------ kernel_length_is_degree_plus_one

def test_kernel_length_correct_use_and_convolution_of_covered_kernels():
    ab = kconv(A, B)
    rw = LemmaRewrite("kernel_length_is_degree_plus_one", {size(ab): deg(Pk(ab, X)) + 1}, "len", hypothesis=END_AB)
    assert accepted(size(ab), deg(Pk(ab, X)) + 1, rw, (END_AB,))
    back = LemmaRewrite("kernel_length_is_degree_plus_one", {deg(Pk(A, X)): size(A) - 1}, "len", hypothesis=END_AB)
    assert accepted(deg(Pk(A, X)) + 1, size(A), back, (END_AB,))


def test_kernel_length_false_uses_are_rejected():
    ab = kconv(A, B)
    good = {size(ab): deg(Pk(ab, X)) + 1}
    assert not accepted(size(ab), deg(Pk(ab, X)) + 1, LemmaRewrite("kernel_length_is_degree_plus_one", good, "len"),
                        (END_AB,))                                                       # end-tap condition dropped
    only_a = LemmaRewrite("kernel_length_is_degree_plus_one", good, "len", hypothesis=END_A)
    assert not accepted(size(ab), deg(Pk(ab, X)) + 1, only_a, (END_A,))                  # b's taps unknown
    other = {size(C): deg(Pk(C, X)) + 1}
    assert not accepted(size(C), deg(Pk(C, X)) + 1,
                        LemmaRewrite("kernel_length_is_degree_plus_one", other, "len", hypothesis=END_AB), (END_AB,))
    for wrong in (deg(Pk(ab, X)), deg(Pk(ab, X)) + 2, deg(Pk(A, X)) + 1):
        assert not accepted(size(ab), wrong,
                            LemmaRewrite("kernel_length_is_degree_plus_one", {size(ab): wrong}, "len",
                                         hypothesis=END_AB), (END_AB,))
    with pytest.raises(RuleError):
        LemmaRewrite("kernel_length_is_degree_plus_one", good, "len", hypothesis=PROSE_END)


# ------------------------------------------------------------------ conjugate_roots_pair_up

def test_conjugate_roots_correct_use_is_accepted():
    rw = LemmaRewrite("conjugate_roots_pair_up", {m_: 2 * L2 - 2 * c_}, "pairs", hypothesis=REAL)
    assert accepted(c_ + m_ / 2, c_ + (2 * L2 - 2 * c_) / 2, rw, (REAL,))
    assert accepted(m_, 2 * L2 - 2 * c_, ApplyLemma("conjugate_roots_pair_up", hypothesis=REAL), (REAL,))


def test_conjugate_roots_false_uses_are_rejected():
    start, stated = c_ + m_ / 2, c_ + (2 * L2 - 2 * c_) / 2
    bare = LemmaRewrite("conjugate_roots_pair_up", {m_: 2 * L2 - 2 * c_}, "pairs")
    assert not accepted(start, stated, bare, (REAL,))                    # real coefficients assumed, not named
    assert "real" in why(start, stated, bare, (REAL,))
    named = LemmaRewrite("conjugate_roots_pair_up", {m_: 2 * L2 - 2 * c_}, "pairs", hypothesis=REAL)
    assert not accepted(start, stated, named)                            # not stated by the derivation
    for hyp in (COMPLEX, REAL_ONLY, UNRELATED, END_AB):                   # a complex polynomial; degree unknown
        with pytest.raises(RuleError, match="real"):
            LemmaRewrite("conjugate_roots_pair_up", {m_: 2 * L2 - 2 * c_}, "pairs", hypothesis=hyp)
    for wrong in (2 * L2 - c_, L2 - 2 * c_, 2 * L2 + 2 * c_):
        assert not accepted(m_, wrong, ApplyLemma("conjugate_roots_pair_up", hypothesis=REAL), (REAL,))


def test_conjugate_pairing_is_false_for_a_complex_polynomial():
    """The side condition matters: (x - i)(x - 2) has one real root and no conjugate pair, so
    m + 2c = 1, not its degree 2; and the lemma's symbolic check fails without real coefficients."""
    x_ = sp.Symbol("x")
    roots = sp.Poly(sp.expand((x_ - sp.I) * (x_ - 2)), x_).all_roots()
    real = [r for r in roots if r.is_real]
    pairs = [r for r in roots if r.is_real is False and sp.conjugate(r) in roots and sp.im(r) > 0]
    assert len(real) + 2 * len(pairs) == 1 != 2
    assert lemmas._conjugate_symmetry(real=True)
    assert not lemmas._conjugate_symmetry(real=False)


# ------------------------------------------------------------------ lemmas with no hypothesis left to the user

def test_lemmas_without_side_condition_still_work_and_named_hypotheses_must_be_stated():
    rw = LemmaRewrite("polynomial_of_convolution", {Pk(kconv(A, B), X): Pk(A, X) * Pk(B, X)}, "P")
    assert accepted(Pk(kconv(A, B), X), Pk(A, X) * Pk(B, X), rw)
    dil = ApplyLemma("degree_of_dilation")
    assert accepted(deg(Pk(A, X ** d)), d * deg(Pk(A, X)), dil)
    extra = ApplyLemma("degree_of_dilation", hypothesis=END_AB)               # named: must be stated too
    assert not accepted(deg(Pk(A, X ** d)), d * deg(Pk(A, X)), extra)
    assert accepted(deg(Pk(A, X ** d)), d * deg(Pk(A, X)), extra, (END_AB,))


# ------------------------------------------------------------------ the proof scripts state what they use

def _theorems(path):
    return {t.name: t for t in sc.load_theorems([path])}


def _without(der, drop=None, unname=False):
    """The derivation with hypothesis ``drop`` removed, or with its lemma steps naming no hypothesis."""
    steps = []
    for st in der.steps:
        rule = st.rule
        if unname and getattr(rule, "hypotheses", ()):
            rule = copy.copy(rule)
            rule.hypotheses = ()
        steps.append(dataclasses.replace(st, rule=rule))
    hyps = tuple(h for h in der.hypotheses if h != drop)
    return sc.Derivation(der.start, tuple(steps), der.title, der.goal, hyps, der.conclusion)


@pytest.mark.parametrize("path, name, needed", [
    ("proofs/kernel_support.py", "conv_support_span", "end taps non-zero"),
    ("proofs/kernel_support.py", "stack_receptive_field", "end taps of every g_i non-zero"),
    ("proofs/kernel_factorisation.py", "real_kernel_factors_into_size3", "a real, size 2L+1, last tap non-zero"),
])
def test_proof_scripts_tie_their_lemmas_to_stated_hypotheses(path, name, needed):
    thm = _theorems(path)[name]
    parts = list(thm.derivation())
    assert all(p.check().ok for p in parts)
    assert establishes(thm.formal, parts)[0]
    hyp = next(h for h in parts[0].hypotheses if h.name == needed)
    assert hyp in thm.formal[0].hypotheses
    # the condition dropped from the derivation, or not named by the lemma steps: the proof fails
    assert not _without(parts[0], drop=hyp).check().ok
    assert not _without(parts[0], unname=True).check().ok
    # the condition dropped from the formal statement: the derivation no longer establishes it
    st = thm.formal[0]
    weaker = Statement.identity(st.lhs, st.rhs, hypotheses=tuple(h for h in st.hypotheses if h != hyp))
    ok, reason = establishes([weaker], parts)
    assert not ok and "does not make" in reason


def test_lemma_checks_say_what_they_check():
    for name in ("degree_of_product", "kernel_length_is_degree_plus_one", "conjugate_roots_pair_up"):
        res = LEMMAS[name].check()
        assert res.ok and res.evidence.startswith("general")
    assert "instances only" in LEMMAS["conjugate_roots_pair_up"].check().evidence    # the theorem of algebra
    assert "<= 5 only" in LEMMAS["simple_eigenvalue_eigenspace_is_a_line"].check().evidence
    assert "not machine-checked" in LEMMAS["degree_of_product"].check().evidence     # the induction on L
    for name in ("degree_of_product", "kernel_length_is_degree_plus_one", "conjugate_roots_pair_up"):
        assert LEMMAS[name].needs and LEMMAS[name].needs in lemmas.side_conditions_met(
            name, [], (), None)[1]


# ------------------------------------------------------------------ mutation tests: weaken a guard, a test fails

def _false_uses_are_rejected():
    """The false uses of this file in one place; raises AssertionError when one is accepted."""
    assert not accepted(PROD, SUM, LemmaRewrite("degree_of_product", {PROD: SUM}, "deg"), (END_AB,))
    assert not accepted(PROD, SUM, LemmaRewrite("degree_of_product", {PROD: SUM}, "deg", hypothesis=END_A), (END_A,))
    assert not accepted(PROD, SUM, ApplyLemma("degree_of_product", hypothesis=END_AB))
    assert not accepted(PROD, SUM + 1, ApplyLemma("degree_of_product", hypothesis=END_AB), (END_AB,))
    assert not accepted(m_, 2 * L2 - 2 * c_, ApplyLemma("conjugate_roots_pair_up"), (REAL,))
    assert not accepted(m_, 2 * L2 - c_, ApplyLemma("conjugate_roots_pair_up", hypothesis=REAL), (REAL,))
    ab = kconv(A, B)
    assert not accepted(size(ab), deg(Pk(ab, X)) + 2, ApplyLemma(
        "kernel_length_is_degree_plus_one", hypothesis=END_AB), (END_AB,))
    assert not accepted(size(ab), deg(Pk(ab, X)) + 1, LemmaRewrite(
        "kernel_length_is_degree_plus_one", {size(ab): deg(Pk(ab, X)) + 1}, "len", hypothesis=END_A), (END_A,))
    for lemma, hyp in (("degree_of_product", PROSE_END), ("conjugate_roots_pair_up", COMPLEX)):
        with pytest.raises(RuleError):
            ApplyLemma(lemma, hypothesis=hyp)


def test_false_uses_are_rejected():
    _false_uses_are_rejected()


@pytest.mark.parametrize("target, replacement", [
    ("side_conditions_met", lambda *args, **kw: (True, "assumed")),      # the side condition assumed
    ("_covered", lambda *args, **kw: True),                               # any kernel covered
    ("_provides", lambda *args, **kw: True),                              # any hypothesis states it
    ("_says", lambda *args, **kw: True),                                  # any words will do
])
def test_mutant_weakened_side_condition_is_caught(monkeypatch, target, replacement):
    monkeypatch.setattr(lemmas, target, replacement)
    with pytest.raises((AssertionError, pytest.fail.Exception)):
        _false_uses_are_rejected()


@pytest.mark.parametrize("name", ["degree_of_product", "conjugate_roots_pair_up", "kernel_length_is_degree_plus_one"])
def test_mutant_instance_predicate_that_accepts_everything_is_caught(monkeypatch, name):
    monkeypatch.setitem(LEMMAS, name, dataclasses.replace(LEMMAS[name], instance=lambda old, new: True))
    with pytest.raises(AssertionError):
        _false_uses_are_rejected()


def test_mutant_lemma_checks_that_skip_the_side_condition_fail(monkeypatch):
    # degree of a product: a top-coefficient test that passes without a_p, b_q != 0 is caught
    with monkeypatch.context() as mp:
        mp.setattr(lemmas, "_top_coefficient_is_product", lambda nonzero=True: (True, "assumed"))
        assert not LEMMAS["degree_of_product"].check().ok
    # conjugate roots: a symmetry test that passes for complex coefficients is caught
    with monkeypatch.context() as mp:
        mp.setattr(lemmas, "_conjugate_symmetry", lambda real=True: True)
        assert not LEMMAS["conjugate_roots_pair_up"].check().ok
    # kernel length: a wrong Cauchy range (an extra index) is caught
    with monkeypatch.context() as mp:
        mp.setattr(lemmas, "_cauchy_range", lambda s, p, q: (sp.Max(0, s - q), sp.Min(p, s) + 1))
        assert not LEMMAS["kernel_length_is_degree_plus_one"].check().ok
        assert not LEMMAS["degree_of_product"].check().ok
    for name in ("degree_of_product", "conjugate_roots_pair_up", "kernel_length_is_degree_plus_one"):
        assert LEMMAS[name].check().ok                                    # unpatched: they pass


def test_mutant_simple_eigenspace_check_compares_its_identity(monkeypatch):
    """A block-determinant comparison that accepts anything (or the wrong power) fails the check."""
    assert lemmas._block_charpoly_holds(2, 2) and not lemmas._block_charpoly_holds(2, 2, power=3)
    with monkeypatch.context() as mp:
        mp.setattr(lemmas, "_block_charpoly_holds", lambda g, h, power=None: True)
        assert not LEMMAS["simple_eigenvalue_eigenspace_is_a_line"].check().ok
    with monkeypatch.context() as mp:
        mp.setattr(lemmas, "_block_charpoly_holds", lambda g, h, power=None: power is not None)
        assert not LEMMAS["simple_eigenvalue_eigenspace_is_a_line"].check().ok
    assert LEMMAS["simple_eigenvalue_eigenspace_is_a_line"].check().ok
