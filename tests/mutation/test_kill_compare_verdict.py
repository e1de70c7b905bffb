"""Tests that kill surviving mutants of the trusted core (see MUTATION.md).

Each test names the mutant it was written against (``mutmut show NAME``); each
fails on that mutant and passes on the real code.

PYTEST_DONT_REWRITE: kill tests count by passing or failing; their asserts are not rewritten (that took
seconds in every xdist worker).
"""

import pytest
import sympy as sp

from symconv.engine.compare import (all_index_uses, equal_mod_n, finite_support, integer_poly, merge_powers,
                                    periodic_in, reorder_ok)
from symconv.objects.indexed import W, X, Iverson, c, i, j, k, n, omega, sequence_function, t, u, xi

h = sequence_function("h")
g = sp.Function("g")
r = sp.Symbol("r", real=True)
y, z = sp.symbols("y z", real=True)


# -- engine/compare.py: equal_mod_n ---------------------------------------------------------------

EQUAL = [
    # sums: bound variables renamed; Z_n entries shifted by n inside (needs integer dummies)
    (sp.Sum(W(t + n, j), (t, 0, n - 1)), sp.Sum(W(u, j), (u, 0, n - 1))),
    # a finite double sum taken in the other order (the first order tried does not match)
    (sp.Sum(h(t) * h(u), (t, 0, n - 1), (u, 0, 2 * n - 1)),
     sp.Sum(h(t) * h(u), (u, 0, 2 * n - 1), (t, 0, n - 1))),
    # integrals: the same range, the variable renamed
    (sp.Integral(g(y), (y, 0, 1)), sp.Integral(g(z), (z, 0, 1))),
    (sp.Integral(g(y) * g(y + r), (y, -sp.oo, sp.oo)), sp.Integral(g(z) * g(z + r), (z, -sp.oo, sp.oo))),
    # powers of one symbol merged in a product, exponents of omega modulo n
    (omega**j * omega**k * c(i), c(i) * omega**(j + k)),
    (X**i * X**(j - i) * c(i), c(i) * X**j),
    (xi**(j + n) * c(i), xi**j * c(i)),
    (sp.Integer(1), omega**(n * j)),
    (sp.Integer(1), xi**n),
    (sp.Mul(omega**j, omega**k, evaluate=False), omega**(j + k)),   # a product against a power
    # brackets: [a = b] read modulo n, either way round
    (Iverson(i, j), Iverson(i + n, j)),
    (Iverson(i, j), Iverson(j, i)),
    # equations: either side against either side
    (sp.Eq(W(i, j), c(i)), sp.Eq(c(i + n), W(i, j + n))),
]

DIFFERENT = [
    # sums over a different number of variables, or different ranges
    (sp.Sum(h(t), (t, 0, n - 1)), sp.Sum(h(t), (t, 0, n - 1), (u, 0, n - 1))),
    (sp.Sum(h(t), (t, 0, n - 1), (u, 0, n - 1)), sp.Sum(h(t), (t, 0, n - 1))),
    (sp.Sum(h(t), (t, 0, n - 1)), sp.Sum(h(t), (t, 1, n))),
    (sp.Sum(h(t), (t, -1, n - 1)), sp.Sum(h(t), (t, 1, n - 1))),
    (sp.Sum(h(t), (t, 0, sp.oo)), sp.Sum(h(t), (t, 0, n - 1))),
    # integrals over a different range, or a different number of variables
    (sp.Integral(g(y), (y, 0, 1)), sp.Integral(g(y), (y, 0, 2))),
    (sp.Integral(g(y), (y, 0, 1)), sp.Integral(g(y), (y, 1, 1))),
    (sp.Integral(g(y), (y, 0, 1)), sp.Integral(g(y), (y, 0, 1), (z, 0, 1))),
    (sp.Integral(g(y) * g(z), (y, 0, 1), (z, 0, 2)), sp.Integral(g(y) * g(z), (y, 0, 2), (z, 0, 1))),
    # powers of a non-cyclic symbol: exponents compared exactly
    (X**j, X**(-j)),
    (X**(j + 1), X**j),
    (X**(i + n), X**i),
    (sp.exp(y), sp.exp(-y)),
    # omega exponents modulo n only for integers
    (omega**(n * r), sp.Integer(1)),
    (omega**j, omega**(-j)),
    (X, X**2),
    # an undefined function that is not a Z_n entry: indices compared exactly
    (g(i + n), g(i)),
    # a term of one sum used twice to match two terms of the other
    (W(i, j) + W(i + n, j), W(i, j) + c(i)),
    # a sum of terms is not their product
    (W(i, j) + c(i), W(i, j) * c(i)),
    # an equation matches only side by side
    (sp.Eq(W(i, j), c(i)), sp.Eq(c(j), W(i, j))),
    # an equation, an integral or an entry against something of another kind
    (sp.Eq(W(i, j), c(i)), W(i, j)),
    (sp.Integral(g(y), (y, 0, 1)), g(y)),
    (W(i, j), c(i) * omega**n),
    # powers of different symbols
    (omega**j, xi**j),
    (X**j, y**j),
]


@pytest.mark.parametrize("a, b", EQUAL)
def test_equal_mod_n_shows_equal_expressions(a, b):
    assert equal_mod_n(a, b) is True
    assert equal_mod_n(b, a) is True


@pytest.mark.parametrize("a, b", DIFFERENT)
def test_equal_mod_n_never_equates_different_expressions(a, b):
    assert equal_mod_n(a, b) is False
    assert equal_mod_n(b, a) is False


# -- engine/compare.py: periodicity in an index ----------------------------------------------------

PERIODIC = [
    (c(j), i),                                  # i does not occur
    (W(i + 1, j), i),                           # a Z_n entry
    (Iverson(i, j + 1), i),                     # a bracket
    (omega**(i * j), i),                        # an omega exponent
    (xi**(2 * i), i),
    (sp.Sum(W(i, t), (t, 0, n - 1)), i),        # inside a sum whose range does not name i
    (W(i, j) * Iverson(i, k) + omega**i, i),
]

NOT_PERIODIC = [
    (h(i), i),                                  # a sequence on Z
    (W(i / 2, j), i),                           # a non-integer index
    (Iverson(i / 2, j), i),
    (X**i, i),                                  # a power of a non-cyclic symbol
    (omega**(i / 2), i),
    (sp.Sum(W(i, t), (t, 0, i)), i),            # a range that depends on i
    (sp.Sum(W(i, t), (t, i, n - 1)), i),
    (W(i, j) + i, i),
    (omega**sp.sqrt(i), i),                     # not a polynomial
    (omega**(2**i), i),                         # 2**i is not an integer for i < 0
    (sp.Sum(h(i) * W(t, j), (t, 0, n - 1)), i),   # i inside a sum, in a sequence on Z
]


@pytest.mark.parametrize("body, var", PERIODIC)
def test_all_index_uses_periodic(body, var):
    assert all_index_uses(body, var) is True
    assert periodic_in(body, var) is True


@pytest.mark.parametrize("body, var", NOT_PERIODIC)
def test_all_index_uses_not_periodic(body, var):
    assert all_index_uses(body, var) is False
    assert periodic_in(body, var) is False


def test_integer_poly():
    assert integer_poly(2 * i * n - 3) is True
    assert integer_poly(sp.Integer(4)) is True
    assert integer_poly(sp.Rational(1, 2)) is False
    assert integer_poly(i / 2) is False
    assert integer_poly(sp.sqrt(i)) is False
    assert integer_poly(2**i) is False
    assert integer_poly(r) is False


# -- engine/compare.py: finite support and reordering ------------------------------------------------

v = sp.Symbol("v", integer=True)
KD = sp.KroneckerDelta
DEEP = sp.Sum(h(t - u) * sp.Sum(h(u - v) * sp.Sum(h(v - k) * h(k), (k, -sp.oo, sp.oo)), (v, -sp.oo, sp.oo)),
              (u, -sp.oo, sp.oo))

FINITE = [
    (h(t - u) * h(u), [t, u], []),
    (h(t), [t, u], [u]),                        # u ranges over a finite set
    (h(t) ** 2, [t], []),
    (X * h(t), [t], []),
    (c(t) * h(t), [t], []),
    (KD(t, u) * h(u), [t, u], []),
    (h(0), [], []),
    (h(t) / r, [t], []),                        # a power of something that does not depend on t
    (DEEP, [t], []),                            # nested sums, every index bounded
]

NOT_FINITE = [
    (sp.Integer(1), [t], []),
    (1 + h(t), [t], []),                        # every term must be finitely supported
    (h(t) * h(u) + KD(t, u), [t, u], []),
    (KD(t, u), [t, u], []),
    (KD(t, 2 * u) * h(t - 2 * u), [t, u], []),  # both bound t - 2u only
    (h(t - u) * h(u - t), [t, u], []),
    (h(j * t), [t], []),                        # j = 0 is allowed: h(0) for every t
    (h(t / 2), [t], []),                        # coefficients must be integers
    (sp.Sum(h(t - u), (u, -sp.oo, 0)), [t], []),
    (sp.Sum(KD(t, u), (u, -sp.oo, sp.oo)), [t], []),          # = 1 for every t
    (sp.Sum(h(t - u) * h(u), (u, 0, v), (v, 0, n - 1)), [t], []),   # a dependent range: not opened
    (h(t) + sp.Sum(h(u), (u, 0, v), (v, 0, n - 1)), [t], []),
    (h(t) * sp.Sum(h(u), (u, 0, v), (v, 0, n - 1)), [t], []),
]


@pytest.mark.parametrize("body, vars_, bounded", FINITE)
def test_finite_support_shown(body, vars_, bounded):
    assert finite_support(body, vars_, bounded) is True


@pytest.mark.parametrize("body, vars_, bounded", NOT_FINITE)
def test_finite_support_not_shown(body, vars_, bounded):
    assert finite_support(body, vars_, bounded) is False


def test_reorder_ok():
    assert reorder_ok(sp.Sum(h(t), (t, -sp.oo, sp.oo))) is True
    # u bounded by its finite range, t by h(t - u)
    assert reorder_ok(sp.Sum(h(t - u), (t, -sp.oo, sp.oo), (u, 0, n - 1))) is True
    # u over -oo..0 is not a finite range
    assert reorder_ok(sp.Sum(h(t - u), (t, -sp.oo, sp.oo), (u, -sp.oo, 0))) is False
    assert reorder_ok(sp.Sum(KD(t, u), (t, -sp.oo, 0), (u, -sp.oo, 0))) is False
    assert reorder_ok(sp.Sum(KD(t, u), (t, 0, n - 1), (u, 0, n - 1))) is True
    # a range that depends on another summation variable, through its lower or its upper end
    assert reorder_ok(sp.Sum(h(t) * h(u), (t, u, n - 1), (u, 0, n - 1))) is False
    assert reorder_ok(sp.Sum(h(t) * h(u), (t, 0, u), (u, 0, n - 1))) is False


# -- engine/verdict.py ---------------------------------------------------------------------------------

from symconv.engine.verdict import Counterexample, Holds, StepReport, TheoremResult, VariantResult, Verdict  # noqa: E402


def test_only_proved_verified_cross_checked_reach_a_level():
    for v in (Verdict.REFUTED, Verdict.UNDECIDED):
        for claimed in Verdict:
            assert v.reaches(claimed) is False
    assert Verdict.CROSS_CHECKED.reaches(Verdict.CROSS_CHECKED) is True
    assert Verdict.VERIFIED.reaches(Verdict.CROSS_CHECKED) is True
    assert Verdict.VERIFIED.reaches(Verdict.PROVED) is False


def test_verdict_parse_names_the_claimable_levels():
    assert Verdict.parse("proved") is Verdict.PROVED
    assert Verdict.parse(Verdict.VERIFIED) is Verdict.VERIFIED
    with pytest.raises(ValueError) as exc:
        Verdict.parse("true")
    assert str(exc.value) == "claims must be one of ['proved', 'verified', 'cross-checked'], got 'true'"


def test_counterexample_str():
    assert str(Counterexample(3, "W S != S W")) == "n=3: W S != S W"
    assert str(Counterexample(0, "x")) == "n=0: x"
    assert str(Counterexample(None, "x")) == "x"


def test_holds_has_no_truth_value_and_says_how_to_combine():
    with pytest.raises(TypeError) as exc:
        bool(Holds("a"))
    assert str(exc.value) == ("Holds has no truth value: test isinstance(result, Counterexample), "
                              "or combine checks with Holds.all(...)")
    with pytest.raises(ValueError) as exc2:
        Holds.all()
    assert str(exc2.value) == "Holds.all() needs at least one result: nothing was decided"


def test_holds_all_joins_details_and_data():
    both = Holds.all(Holds("a", {"x": 1}), Holds("b", {"y": 2}))
    assert isinstance(both, Holds)
    assert both.detail == "a; b"
    assert both.data == {"x": 1, "y": 2}


def test_theorem_result_to_dict():
    cex = Counterexample(2, "differs", {"i": sp.Integer(1)})
    res = TheoremResult(
        name="t", topic="shift", statement="S W = W S", claims=Verdict.PROVED, verdict=Verdict.REFUTED,
        steps=[StepReport(0, "Unfold", False, "no")], counterexample=cex,
        variants=[VariantResult("v", "false", Verdict.REFUTED, cex)],
        notes=[Holds("checked", {"n": sp.Integer(3)})])
    d = res.to_dict()
    assert d["passed"] is False
    assert d["claims"] == "proved" and d["verdict"] == "refuted"
    assert d["counterexample"] == {"n": 2, "description": "differs", "data": {"i": "1"}}
    assert d["steps"] == [{"index": 0, "rule": "Unfold", "ok": False, "detail": "no"}]
    assert d["variants"] == [{"name": "v", "statement": "false", "verdict": "refuted",
                              "counterexample": {"n": 2, "description": "differs", "data": {"i": "1"}},
                              "detail": ""}]
    assert d["notes"] == [{"detail": "checked", "data": {"n": "3"}}]
    ok = TheoremResult(name="u", topic="", statement="", claims=Verdict.VERIFIED, verdict=Verdict.PROVED)
    assert ok.to_dict()["passed"] is True


def test_answer_text_passes_only_holds():
    from symconv.engine.verdict import answer_text

    assert answer_text(Holds("ok")) == "verified"
    assert answer_text(Counterexample(3, "no")) == "refuted: n=3: no"
    assert answer_text(None) == "undecided (the check answered NoneType)"
    assert answer_text(True) == "undecided (the check answered bool)"


# -- engine/sum_rules.py ----------------------------------------------------------------------------------

from symconv.engine.rule_base import RuleError  # noqa: E402
from symconv.engine.sum_rules import Sift, SwapSums  # noqa: E402
from symconv.objects.indexed import ENTRY, l, lsum, zsum  # noqa: E402


def test_swap_sums_needs_finite_ranges_or_finite_support():
    # u over 0..n-1 is finite, and h(t - u) bounds t: the exchange is allowed
    assert SwapSums().apply(sp.Sum(h(t - u), (t, -sp.oo, sp.oo), (u, 0, n - 1))) == \
        sp.Sum(h(t - u), (u, 0, n - 1), (t, -sp.oo, sp.oo))
    # -oo..0 is not a finite range, and [t = u] is 1 on a whole line
    with pytest.raises(RuleError, match="infinite range"):
        SwapSums().apply(sp.Sum(KD(t, u), (t, -sp.oo, 0), (u, -sp.oo, 0)))


def test_sift_takes_the_first_bracket_it_can_solve_and_keeps_the_other_factors():
    # the first bracket has coefficient 2 (not solved), the second fixes l = j + 1
    body = Iverson(i, 2 * l) * Iverson(l, j + 1) * W(l, j)
    assert Sift(l).apply(zsum(body, l)) == Iverson(i, 2 * j + 2) * W(j + 1, j)
    assert Sift(l).apply(zsum(2 * ENTRY["S"](i, l) * W(l, j), l)) == 2 * W(i - 1, j)
    # over Z, with Kronecker deltas
    assert Sift(l).apply(lsum(KD(0, 2 * l) * KD(i, l) * h(l), l)) == KD(0, 2 * i) * h(i)
    assert Sift(l).apply(lsum(2 * KD(l, i) * h(l), l)) == 2 * h(i)


def test_pull_out_splits_exponentials_and_powers():
    from symconv.engine.sum_rules import PullOut

    assert PullOut(t).apply(sp.Sum(sp.exp(y + t) * h(t), (t, 0, n - 1))) == \
        sp.exp(y) * sp.Sum(sp.exp(t) * h(t), (t, 0, n - 1))
    assert PullOut(t).apply(sp.Sum(sp.exp(y) * h(t), (t, 0, n - 1))) == sp.exp(y) * sp.Sum(h(t), (t, 0, n - 1))
    assert PullOut(t).apply(sp.Sum(sp.exp(t) * h(t), (t, 0, n - 1))) == sp.Sum(sp.exp(t) * h(t), (t, 0, n - 1))
    # a constant exponent 1 leaves the sum too
    assert PullOut(t).apply(sp.Sum(sp.exp(1 + t) * h(t), (t, 0, n - 1))) == \
        sp.E * sp.Sum(sp.exp(t) * h(t), (t, 0, n - 1))
    assert equal_mod_n(PullOut(t).apply(sp.Sum(X**(1 + t) * h(t), (t, 0, n - 1))),
                       X * sp.Sum(X**t * h(t), (t, 0, n - 1)))
    out = PullOut(t).apply(sp.Sum(X**(j + t) * h(t), (t, 0, n - 1)))
    assert equal_mod_n(out, X**j * sp.Sum(X**t * h(t), (t, 0, n - 1)))
    assert not equal_mod_n(out, sp.Sum(X**(j + t) * h(t), (t, 0, n - 1)))


def test_cancel_terms_concludes_only_zero_and_checks_every_term():
    from symconv.engine.sum_rules import CancelTerms

    assert CancelTerms().check(c(i) - c(i + n), sp.Integer(0))[0] is True
    assert CancelTerms().check(c(i) - c(i + n), sp.Integer(1))[0] is False
    assert CancelTerms().check(c(i) - c(i + n), c(i))[0] is False
    # the first two terms cancel, the third does not
    prev = -W(i + n, j) + W(i, j) + c(i)
    assert CancelTerms().check(prev, sp.Integer(0))[0] is False
    assert CancelTerms().check(prev - c(i + n), sp.Integer(0))[0] is True


def test_factor_integrals_needs_a_product_of_two_separate_integrals():
    from symconv.engine.sum_rules import FactorIntegrals

    fi = FactorIntegrals()
    prev = sp.Integral(g(y) * g(z), (y, 0, 1), (z, 0, 1))
    assert fi._check_step(prev, sp.Integral(g(y), (y, 0, 1)) * sp.Integral(g(z), (z, 0, 1)))[0] is True
    assert fi._check_step(prev, sp.Integral(g(y), (y, 0, 1)) * g(z))[0] is False
    assert fi._check_step(prev, sp.Integral(g(y), (y, 0, 1)) * sp.Integral(g(y), (y, 0, 1)))[0] is False
    assert fi._check_step(prev, sp.Integral(g(y), (y, 0, 1)) * sp.Integral(g(z), (z, 0, 2)))[0] is False
    # without its integrability hypothesis the step fails
    assert FactorIntegrals().check(prev, sp.Integral(g(y), (y, 0, 1)) * sp.Integral(g(z), (z, 0, 1)))[0] is False


# -- testing.py ------------------------------------------------------------------------------------------------

def test_the_callers_tolerance_is_used():
    import numpy as np

    from symconv.testing import assert_circulant, assert_shift_equivariant

    def noisy(v):       # the identity, off by 1e-6 at output 0: equivariant within 1e-3, not within 1e-9
        out = np.array(v, dtype=float)
        out[0] += 1e-6
        return out

    x = np.array([1.0, 2.0, 3.0, 4.0])
    assert_shift_equivariant(noisy, 4, x=x, tol=1e-3)
    with pytest.raises(AssertionError, match=r"by 1e-06 > tol 1e-09"):
        assert_shift_equivariant(noisy, 4, x=x, tol=1e-9)
    with pytest.raises(AssertionError, match=r"by 1e-06 > 5.96e-08 \(rtol 1.49e-08 .* times max\|output\| 4\)"):
        assert_shift_equivariant(noisy, 4, x=x)             # the default: rtol sqrt(eps) of the largest output
    # a circulant off by 1e-6 in one entry: within tol 1e-3, not within 1e-9; a list of lists has no shape
    W = np.array([[1.0, 2.0], [2.0, 1.0 + 1e-6]])
    assert_circulant(W, tol=1e-3)
    with pytest.raises(AssertionError, match=r"not circulant: W\[1,1\] - W\[0,0\]"):
        assert_circulant(W, tol=1e-9)
    with pytest.raises(AssertionError) as exc:
        assert_circulant([[1, 0, 2], [2, 1, 0], [0, 2, 5]])
    assert str(exc.value) == "W is not circulant: W[2,2] - W[0,0] = 4 (1 of 9 entries off their cyclic diagonal)"


# -- engine/compare.py: the work caps of _flat_terms (finite_support gives up past depth 8 or 64 products) ---------

def _caps_chain(pairs, summed, last_product=False):
    """_flat_terms of a chain of ``pairs`` (a product, a sum of terms), inside one sum when ``summed``; the
    innermost factor f0 is opened at depth 2 * pairs + summed (+ 1 when it sits in a product f0 f1)."""
    from symconv.engine import compare as cmp
    e = sp.Function("f0")(t) * sp.Function("f1")(t) if last_product else sp.Function("f0")(t)
    for q in range(pairs):
        e = sp.Function(f"g{q}")(t) * (sp.Function(f"h{q}")(t) + e)
    v = sp.Symbol("v", integer=True)
    return cmp._flat_terms(sp.Sum(e, (v, 0, n - 1)) if summed else e)


def test_flat_terms_gives_up_below_depth_8_exactly():
    # depth 8 is opened, depth 9 is not: through products and sums of terms, and through a sum
    assert len(_caps_chain(4, False)) == 5 and _caps_chain(4, True) is None
    assert len(_caps_chain(3, True, last_product=True)) == 4 and _caps_chain(4, False, last_product=True) is None
    assert _caps_chain(3, False, last_product=True) is not None


def test_flat_terms_gives_up_above_64_products_exactly():
    from symconv.engine import compare as cmp
    a = [sp.Function(f"a{q}")(t) for q in range(65)]
    assert len(cmp._flat_terms(sp.Add(*a[:64]))) == 64
    assert cmp._flat_terms(sp.Add(*a)) is None
    # a product of sums: 8 x 8 = 64 products opened, 5 x 13 = 65 not
    assert len(cmp._flat_terms(sp.Add(*a[:8]) * sp.Add(*a[8:16]))) == 64
    assert cmp._flat_terms(sp.Add(*a[:5]) * sp.Add(*a[5:18])) is None
    assert len(cmp._flat_terms(sp.Add(*a[:4]) * sp.Add(*a[4:8]) * sp.Add(*a[8:12]))) == 64
    assert cmp._flat_terms(sp.Add(*a[:4]) * sp.Add(*a[4:8]) * sp.Add(*a[8:13])) is None
    # the terms of an addend count towards the 64: 60 terms plus a product of two 2-term sums
    assert len(cmp._flat_terms(sp.Add(*a[:60]) + sp.Add(*a[60:62]) * sp.Add(*a[62:64]))) == 64
    assert cmp._flat_terms(sp.Add(*a[:61]) + sp.Add(*a[61:63]) * sp.Add(*a[63:65])) is None
