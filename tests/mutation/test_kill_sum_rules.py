"""Tests that kill surviving mutants of symconv/engine/sum_rules.py (see MUTATION.md).

Each test states a property of the correct rules: a false step that must be rejected, a true one
that must be accepted, the failure message a user reads, or the justification printed in the LaTeX.
The sum_rules tests of tests/mutation/test_kill_compare_verdict.py are not repeated here.

PYTEST_DONT_REWRITE: kill tests count by passing or failing; their asserts are not rewritten (that took
seconds in every xdist worker).
"""

import pytest
import sympy as sp

import symconv as sc
from symconv.engine.rule_base import RuleError
from symconv.engine.statement import Hypothesis
from symconv.engine.sum_rules import (CancelTerms, CombineSums, FactorIntegrals, FactorSums, Fubini, GeometricSum,
                                      ProductOfSums, PullIn, PullOut, ReindexSum, Sift, SplitSum, SubstituteIntegral,
                                      SwapSums)
from symconv.objects.indexed import W, X, Iverson, a, b, c, i, j, k, l, lsum, n, omega, sequence_function, t, u, zsum

h = sequence_function("h")             # a finitely supported sequence on Z
f_, g_ = sp.Function("f"), sp.Function("g")
y, z, w = sp.symbols("y z w", real=True)
R = (-sp.oo, sp.oo)
D = sp.KroneckerDelta
L1 = Hypothesis("f, g absolutely integrable on R", text=r"$f, g \in L^1(\mathbb{R})$")


def in_derivation(start, stated, rule, hypotheses=()):
    """The rule's verdict on start -> stated inside a derivation with these hypotheses, and the
    derivation's (they must agree)."""
    der = sc.Derivation(start, hypotheses=hypotheses).step(stated, rule)
    in_context = getattr(rule, "check_in_context", None)
    ok, detail = in_context(der, start, stated) if in_context else rule.check(start, stated)
    res = der.check()
    assert res.ok == ok
    return ok, detail


# -- the justifications printed beside each step in the LaTeX -------------------------------------------------

def test_justifications_printed_in_the_latex():
    assert Sift(l).justification() == r"sifting: the bracket fixes $l$"
    assert ReindexSum(t, u + 1, u).justification() == r"substitute $t = u + 1$ (a bijection of the index set)"
    assert PullOut(t).justification() == r"linearity: factors free of $t$ come out"
    assert PullIn(t).justification() == r"linearity: factors free of $t$ go inside"
    assert GeometricSum(l).justification() == r"geometric sum: $\sum_{l}\omega^{dl}=n\,[d\equiv 0]$ ($\omega$ primitive)"
    assert ProductOfSums().justification() == "product of finite sums"
    assert FactorSums().justification() == "a double sum of a product is the product of the sums"
    assert SwapSums().justification() == "exchange of finite sums"
    assert SplitSum().justification() == "linearity of finite sums"
    assert CombineSums().justification() == "linearity of finite sums"
    assert CancelTerms().justification() == "the two sums are equal"
    assert SubstituteIntegral(y, z + 1, z).justification() == r"substitute $y = z + 1$ (a translation of $\mathbb{R}$)"
    assert Fubini().justification() == "Fubini (hypothesis not stated)"
    assert Fubini(L1).justification() == r"Fubini ($f, g \in L^1(\mathbb{R})$)"
    assert FactorIntegrals().justification() == ("Fubini: an integral of a product of separate factors is the product "
                                                 "of the integrals (hypothesis not stated)")
    assert FactorIntegrals(L1).justification().endswith(r"($f, g \in L^1(\mathbb{R})$)")
    # a hypothesis without text is named
    assert Fubini(Hypothesis("f in L1")).justification() == "Fubini (f in L1)"



# -- Sift, and the reordering of iterated sums: the reason a step is refused -------------------------------------

@pytest.mark.parametrize("summand, message", [
    # over Z: the delta must fix the variable at an integer, with a unit coefficient
    (lsum(D(l, i / 2) * h(l), l), "the delta fixes l = i/2, which is not shown to be an integer"),
    (lsum(h(l), l), r"no Kronecker delta \[l = \.\.\.\] with unit coefficient in the summand"),
    # over Z_n: a bracket, an integer solution, a periodic rest
    (sp.Sum(Iverson(l, i) * W(l, j), (l, 0, n)), "the sum must run over Z_n or Z"),
    (zsum(Iverson(l, n / 2) * W(l, j), l), "the bracket fixes l = n/2, which is not shown to be an integer"),
    (zsum(Iverson(l, i) * h(l), l), "summand is not shown n-periodic in l"),
    (zsum(W(l, j), l), r"no bracket \[l = \.\.\.\] with unit coefficient in the summand"),
])
def test_sift_says_why_it_does_not_apply(summand, message):
    with pytest.raises(RuleError, match="^" + message + "$"):
        Sift(l).apply(summand)
    ok, detail = Sift(l).check(summand, sp.Integer(0))
    assert not ok and detail.startswith("Sift does not apply: ")


def test_iterated_sums_say_why_they_are_not_reordered():
    with pytest.raises(RuleError, match="^the ranges of an iterated sum depend on its variables$"):
        SwapSums().apply(sp.Sum(h(t) * h(u), (t, 0, u), (u, 0, n - 1)))
    with pytest.raises(RuleError, match="^the iterated sum runs over an infinite range and its summand is not shown "
                                        "finitely supported$"):
        SwapSums().apply(sp.Sum(h(t) * W(u, j), (t, -sp.oo, sp.oo), (u, -sp.oo, sp.oo)))


# -- Fubini and FactorIntegrals: the integrability hypothesis ------------------------------------------------------

SQ = sp.Integral(f_(y) * g_(z), (y, *R), (z, *R))
SQ_SWAPPED = sp.Integral(f_(y) * g_(z), (z, *R), (y, *R))
PRODUCT = sp.Integral(f_(y), (y, *R)) * sp.Integral(g_(z), (z, *R))


@pytest.mark.parametrize("hyp", [
    Hypothesis("f, g integrable"),                                     # the word, in the name only
    Hypothesis("f, g Integrable"),                                     # any case
    Hypothesis("h1", text="f, g are absolutely INTEGRABLE"),
    Hypothesis("h2", text=r"$f, g \in L^1$"),
    Hypothesis("h3", text=r"$f, g \in L^{1}(\mathbb{R})$"),
    Hypothesis("h4", text="f, g in L1"),
    Hypothesis("h5", text="f, g \u2208 L\u00b9"),
    Hypothesis("h6", text=r"f, g in L\^1 (the caret escaped, as in LaTeX text)"),
    "f, g integrable on R",                                            # a prose string becomes a hypothesis
])
def test_integrability_hypotheses_are_recognised_by_their_words(hyp):
    for rule, stated in ((Fubini, SQ_SWAPPED), (FactorIntegrals, PRODUCT)):
        r_ = rule(hypothesis=hyp)
        ok, detail = in_derivation(SQ, stated, r_, (hyp,))
        assert ok, detail
        assert detail.endswith(f"(under {r_.hypothesis.name})")


def test_an_integrability_hypothesis_must_name_the_integrands_functions():
    """'Integrable' of nothing named (or of f alone) does not cover f(y) g(z): the step fails."""
    for hyp in (Hypothesis("Integrable"), Hypothesis("f integrable")):
        for rule, stated in ((Fubini, SQ_SWAPPED), (FactorIntegrals, PRODUCT)):
            ok, detail = in_derivation(SQ, stated, rule(hypothesis=hyp), (hyp,))
            assert not ok and "is not shown to cover the factor" in detail


@pytest.mark.parametrize("hyp", [Hypothesis("f is real"), Hypothesis("f, g", text="bounded, in L^2"), "f is smooth"])
def test_other_hypotheses_are_refused_with_the_reason(hyp):
    name = hyp.name if isinstance(hyp, Hypothesis) else hyp
    for rule in (Fubini, FactorIntegrals):
        with pytest.raises(RuleError) as exc:
            rule(hypothesis=hyp)
        assert str(exc.value) == (f"{rule.__name__} needs absolute integrability (L^1); the hypothesis {name!r} "
                                  "does not say so")


def test_integrability_failures_say_what_is_missing():
    for rule, stated in ((Fubini, SQ_SWAPPED), (FactorIntegrals, PRODUCT)):
        name = rule.__name__
        ok, detail = rule().check_in_context(sc.Derivation(SQ, hypotheses=(L1,)), SQ, stated)
        assert not ok and detail == (f"{name} needs its hypothesis (absolute integrability), stated in the derivation: "
                                     f"{name}(hypothesis=H) with H among the derivation's hypotheses")
        other = Hypothesis("g bounded")
        ok, detail = in_derivation(SQ, stated, rule(hypothesis=L1), (other,))
        assert not ok and detail == (f"{name}: the hypothesis {L1.name!r} is not among the derivation's hypotheses "
                                     "['g bounded']")
        # the step itself false: the rule's own reason, with no "(under ...)"
        ok, detail = in_derivation(SQ, 2 * stated, rule(hypothesis=L1), (L1,))
        assert not ok and detail == rule(hypothesis=L1)._check_step(SQ, 2 * stated)[1]


# -- FactorIntegrals: what is multiplied out ------------------------------------------------------------------

def test_factor_integrals_refuses_two_integrals_over_the_same_variable():
    # (int f(y) dy)(int g(y) dy) is not int int f(y) g(y) dy dy (the inner integral binds y, the outer
    # one integrates a constant), nor anything else
    same = sp.Integral(f_(y), (y, *R)) * sp.Integral(g_(y), (y, *R))
    for prev in (sp.Integral(f_(y) * g_(y), (y, *R), (y, *R)), SQ):
        ok, detail = in_derivation(prev, same, FactorIntegrals(L1), (L1,))
        assert not ok and detail == "the two integrals use the same variable"


def test_factor_integrals_messages():
    fi = FactorIntegrals(L1)
    assert fi._check_step(SQ, sp.Integral(f_(y), (y, *R))) == (False, "FactorIntegrals needs a product of two integrals")
    captured = y * PRODUCT            # y free outside, bound inside: multiplying in would capture it
    assert fi._check_step(sp.Integral(y * f_(y) * g_(z), (y, *R), (z, *R)), captured) == \
        (False, "the integration variables are not separate")
    assert fi._check_step(SQ, PRODUCT) == \
        (True, "FactorIntegrals: the stated product multiplies out to the previous integral")
    # the failure names the stated product, what it multiplies out to (inner variable first), and the previous one
    assert fi._check_step(SQ, 2 * PRODUCT) == (False, (
        "FactorIntegrals: 2*Integral(f(y), (y, -oo, oo))*Integral(g(z), (z, -oo, oo)) multiplies out to "
        "Integral(2*f(y)*g(z), (z, -oo, oo), (y, -oo, oo)), not Integral(f(y)*g(z), (y, -oo, oo), (z, -oo, oo))"))


def test_factor_integrals_accepts_the_nested_forms():
    # int f(y) (int g(z) dz) dy and int g(z) (int f(y) dy) dz are the product too
    for prev in (sp.Integral(f_(y) * sp.Integral(g_(z), (z, *R)), (y, *R)),
                 sp.Integral(g_(z) * sp.Integral(f_(y), (y, *R)), (z, *R))):
        ok, detail = in_derivation(prev, PRODUCT, FactorIntegrals(L1), (L1,))
        assert ok, detail
    wrong = sp.Integral(f_(y) * sp.Integral(g_(z), (z, *R)), (y, 0, 1))
    assert not in_derivation(wrong, PRODUCT, FactorIntegrals(L1), (L1,))[0]


# -- Fubini, SubstituteIntegral --------------------------------------------------------------------------------

def test_fubini_exchanges_the_two_outermost_integrals_of_any_depth():
    triple = sp.Integral(f_(y) * g_(z) * f_(w), (y, *R), (z, *R), (w, *R))
    swapped = sp.Integral(f_(y) * g_(z) * f_(w), (y, *R), (w, *R), (z, *R))
    assert in_derivation(triple, swapped, Fubini(L1), (L1,))[0]
    assert not in_derivation(triple, sp.Integral(f_(y) * g_(z) * f_(w), (z, *R), (y, *R), (w, *R)),
                             Fubini(L1), (L1,))[0]
    # a single integral beside the double one is left alone
    beside = sp.Integral(f_(y), (y, *R)) * SQ
    assert in_derivation(beside, sp.Integral(f_(y), (y, *R)) * SQ_SWAPPED, Fubini(L1), (L1,))[0]
    with pytest.raises(RuleError, match="^the ranges of the iterated integral depend on its variables$"):
        Fubini().apply(sp.Integral(f_(y) * g_(z), (y, 0, z), (z, 0, 1)))


def test_substitute_integral_refusals():
    with pytest.raises(RuleError, match=r"^y -> y \+ z is not a translation or reflection$"):
        SubstituteIntegral(y, z + y, z)             # the shift must be free of the old variable
    with pytest.raises(RuleError, match=r"^y -> 2\*z is not a translation or reflection$"):
        SubstituteIntegral(y, 2 * z, z)
    with pytest.raises(RuleError, match="^the shift I is not shown to be real$"):
        SubstituteIntegral(y, z + sp.I, z)
    with pytest.raises(RuleError, match="^SubstituteIntegral needs an integral over the whole real line$"):
        SubstituteIntegral(y, z + 1, z).apply(sp.Integral(f_(y), (y, 0, 1)))
    # the new variable may not be captured: free in the integrand, or bound by another integral
    for body in (sp.Integral(f_(y) * g_(z), (y, *R)), sp.Integral(f_(y), (y, *R), (z, *R))):
        with pytest.raises(RuleError, match="^z already occurs in the integral$"):
            SubstituteIntegral(y, z + 1, z).apply(body)
    assert not in_derivation(sp.Integral(f_(y) * g_(z), (y, *R)), sp.Integral(f_(z + 1) * g_(z), (z, *R)),
                             SubstituteIntegral(y, z + 1, z))[0]
    # another integral over a different variable is no obstacle
    ok, detail = in_derivation(SQ, sp.Integral(f_(w + 1) * g_(z), (w, *R), (z, *R)), SubstituteIntegral(y, w + 1, w))
    assert ok, detail


# -- sums: reindexing, pulling out, swapping, splitting -----------------------------------------------------------

def test_reindex_sum_refusals_and_a_double_sum():
    with pytest.raises(RuleError, match=r"^t -> 2\*u is not a shift or reflection of Z_n$"):
        ReindexSum(t, 2 * u, u)
    with pytest.raises(RuleError, match="^summand is not shown finitely supported in t$"):
        ReindexSum(t, u + 1, u).apply(lsum(c(t), t))
    with pytest.raises(RuleError, match="^the sum must run over Z or over Z_n with a summand n-periodic in t$"):
        ReindexSum(t, u + 1, u).apply(sp.Sum(c(t), (t, 0, n)))
    # u free in the summand, or bound by the other sum: it would be captured
    for body in (zsum(W(t, u), t), sp.Sum(W(t, j), (t, 0, n - 1), (u, 0, n - 1))):
        with pytest.raises(RuleError, match="^u already occurs in the sum$"):
            ReindexSum(t, u + 1, u).apply(body)
    assert not in_derivation(zsum(W(t, u), t), zsum(W(u + 1, u), u), ReindexSum(t, u + 1, u))[0]
    double = sp.Sum(W(t, u), (t, 0, n - 1), (u, 0, n - 1))
    ok, detail = in_derivation(double, sp.Sum(W(l + 1, u), (l, 0, n - 1), (u, 0, n - 1)), ReindexSum(t, l + 1, l))
    assert ok, detail


def test_pull_out_keeps_the_other_sums_of_an_iterated_sum():
    x_ = sp.Symbol("x")
    double = sp.Sum(x_ * h(t) * W(u, j), (t, *R), (u, 0, n - 1))
    ok, detail = in_derivation(double, sp.Sum(x_ * W(u, j) * lsum(h(t), t), (u, 0, n - 1)), PullOut(t))
    assert ok, detail
    # the innermost sum may have a range that depends on an outer variable: nothing is reordered
    dep = sp.Sum(x_ * h(t), (t, 0, u), (u, 0, n - 1))
    ok, detail = in_derivation(dep, sp.Sum(x_ * sp.Sum(h(t), (t, 0, u)), (u, 0, n - 1)), PullOut(t))
    assert ok, detail
    with pytest.raises(RuleError, match="^z is not the innermost integral: exchange the integrals with Fubini first$"):
        PullOut(z).apply(SQ)


def test_pull_in_refuses_a_factor_that_involves_the_variable():
    with pytest.raises(RuleError, match="^a factor outside the sum involves t$"):
        PullIn(t).apply(h(t) * lsum(h(t), t))


def test_swap_sums_exchanges_the_two_outermost_sums_of_any_depth():
    body = W(t, u) * W(l, j)
    triple = sp.Sum(body, (t, 0, n - 1), (u, 0, n - 1), (l, 0, n - 1))
    assert in_derivation(triple, sp.Sum(body, (t, 0, n - 1), (l, 0, n - 1), (u, 0, n - 1)), SwapSums())[0]
    # a single sum beside the double one is left alone
    single = zsum(W(t, j), t)
    double = sp.Sum(W(t, u), (t, 0, n - 1), (u, 0, n - 1))
    assert in_derivation(single * double, single * sp.Sum(W(t, u), (u, 0, n - 1), (t, 0, n - 1)), SwapSums())[0]


def test_split_sum_over_infinite_and_dependent_ranges():
    # over Z x Z_n, every part finitely supported in t: split
    double = sp.Sum((h(t) + h(t + 1)) * W(u, j), (t, *R), (u, 0, n - 1))
    parts = sp.Sum(h(t) * W(u, j), (t, *R), (u, 0, n - 1)) + sp.Sum(h(t + 1) * W(u, j), (t, *R), (u, 0, n - 1))
    assert in_derivation(double, parts, SplitSum())[0]
    # one sum over Z: the parts are finitely supported once expanded (the whole, unexpanded, is not shown)
    one = lsum((h(t) + c(t)) ** 2 - c(t) ** 2, t)
    assert in_derivation(one, lsum(h(t) ** 2, t) + 2 * lsum(h(t) * c(t), t), SplitSum())[0]
    with pytest.raises(RuleError, match="^a part of the split sum runs over an infinite range and its summand is not "
                                        "shown finitely supported$"):
        SplitSum().apply(lsum(h(t) + c(t), t))
    # sum over u in Z of sum_{t=0}^{u} h(u - t) diverges (the inner sum tends to sum_{s>=0} h(s)): it is not
    # split, although each part is finitely supported in u for a fixed t
    with pytest.raises(RuleError, match="^the ranges of an iterated sum depend on its variables$"):
        SplitSum().apply(sp.Sum(h(u - t) + h(u - t + 1), (t, 0, u), (u, *R)))


def test_combine_sums_compares_the_expanded_parts():
    prev = zsum(W(t, j) * (c(t) + 1), t) + zsum(c(t), t)
    stated = zsum(W(t, j) * (c(t) + 1) + c(t), t)
    assert CombineSums().check(prev, stated) == (True, "CombineSums: the stated sum splits into the previous ones")
    ok, detail = CombineSums().check(zsum(c(t), t), zsum(c(t) + W(t, j), t))
    assert not ok and detail == ("CombineSums: Sum(W(t, j) + c(t), (t, 0, n - 1)) splits into "
                                 "Sum(W(t, j), (t, 0, n - 1)) + Sum(c(t), (t, 0, n - 1)), not Sum(c(t), (t, 0, n - 1))")
    with pytest.raises(RuleError, match="^CombineSums is checked by splitting the stated sum$"):
        CombineSums().apply(prev)


def test_product_of_sums_refuses_two_sums_over_the_same_variable():
    """(sum_t a_t)(sum_t b_t) is not sum_t sum_t a_t b_t (= n sum_t a_t b_t): before the fix, ProductOfSums
    accepted this step and FactorSums its reverse (only the derivation's concrete evaluation caught it)."""
    prod = zsum(a(t), t) * zsum(b(t), t)
    same = sp.Sum(a(t) * b(t), (t, 0, n - 1), (t, 0, n - 1))
    assert ProductOfSums().check(prod, same) == (False, "ProductOfSums does not apply: bound variable t clashes")
    assert FactorSums().check(same, prod) == (False, "FactorSums: bound variable t clashes")
    assert not sc.Derivation(same).step(prod, FactorSums()).check().ok
    # distinct variables: the product is the double sum
    ok_prod = zsum(a(t), t) * zsum(b(u), u)
    double = sp.Sum(a(t) * b(u), (t, 0, n - 1), (u, 0, n - 1))
    assert ProductOfSums().check(ok_prod, double)[0]
    assert FactorSums().check(double, ok_prod) == \
        (True, "FactorSums: the stated product multiplies out to the previous sum")


def test_factor_sums_messages():
    double = sp.Sum(a(t) * b(u), (t, 0, n - 1), (u, 0, n - 1))
    ok, detail = FactorSums().check(double, 2 * zsum(a(t), t) * zsum(b(u), u))
    assert not ok and detail == ("FactorSums: 2*Sum(a(t), (t, 0, n - 1))*Sum(b(u), (u, 0, n - 1)) multiplies out to "
                                 "Sum(2*a(t)*b(u), (t, 0, n - 1), (u, 0, n - 1)), not "
                                 "Sum(a(t)*b(u), (t, 0, n - 1), (u, 0, n - 1))")
    with pytest.raises(RuleError, match="^FactorSums is checked by expanding the stated product$"):
        FactorSums().apply(double)


# -- the geometric sum --------------------------------------------------------------------------------------------

def test_geometric_sum_needs_d_times_the_variable():
    # omega^(j l + 1) sums to omega * n [j = 0], not n [j = 0]
    assert not in_derivation(zsum(omega ** (j * l + 1), l), n * Iverson(j, 0), GeometricSum(l))[0]
    # a product of powers of omega is merged first
    assert in_derivation(zsum(omega ** (j * l) * omega ** (-k * l), l), n * Iverson(j - k, 0), GeometricSum(l))[0]
    for summand, message in ((sp.Sum(omega ** (j * l), (l, 0, n)), "the sum must run over Z_n"),
                             (zsum(X ** l, l), r"summand x\*\*l is not a power of omega"),
                             (zsum(omega ** (l ** 2), l), r"exponent l\*\*2 is not d\*l with integer d free of l"),
                             (zsum(omega ** (j * l + 1), l), r"exponent j\*l \+ 1 is not d\*l with integer d free of l")):
        with pytest.raises(RuleError, match="^" + message + "$"):
            GeometricSum(l).apply(summand)


def test_geometric_sum_names_its_lemma():
    from symconv.engine.lemmas import LEMMAS

    res = sc.Derivation(zsum(omega ** (j * l), l)).step(n * Iverson(j, 0), GeometricSum(l)).check()
    assert res.ok and res.lemmas == ["geometric_sum_roots_of_unity"]
    assert GeometricSum(l).lemma in LEMMAS


# -- CancelTerms ------------------------------------------------------------------------------------------------

def test_cancel_terms_messages():
    assert CancelTerms().check(c(i) - c(i + n), sp.Integer(1)) == (False, "CancelTerms concludes 0")
    assert CancelTerms().check(c(i) + c(j), sp.Integer(0)) == (False, "the term c(i) does not cancel")
    assert CancelTerms().check(c(i) - c(i + n), sp.Integer(0)) == (True, "CancelTerms: every term cancels")
