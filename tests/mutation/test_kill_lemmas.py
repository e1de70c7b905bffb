"""Tests that kill surviving mutants of symconv/engine/lemmas.py (see MUTATION.md).

Each test states a property of the correct lemmas: an instance predicate that must refuse a false
rewrite (or accept a true one), a side condition that must be stated, the reason a use is refused,
or what a lemma's check reports it has checked.  tests/test_soundness_lemmas.py (lemma uses inside
derivations) is not repeated here.

PYTEST_DONT_REWRITE: kill tests count by passing or failing; their asserts are not rewritten (that took
seconds in every xdist worker).
"""

import random
import re

import pytest
import sympy as sp

from symconv.engine import lemmas as lm
from symconv.engine.lemmas import (HALF_DEGREE as L2, LEMMAS, REAL_ROOTS as m_, ROOT_PAIRS as c_, NonzeroEndTaps,
                                   check_lemma, named_hypotheses, side_conditions_met)
from symconv.engine.rule_base import RuleError
from symconv.engine.statement import Hypothesis
from symconv.objects.indexed import Pk, X, deg, kconv, poly_function, size

A, B, C = sp.symbols("a b c")
i = sp.Symbol("i", integer=True, positive=True)
d = sp.Symbol("d", integer=True, positive=True)
L = sp.Symbol("L", integer=True, positive=True)
g = poly_function("g", "g_{#}")
Y = sp.Symbol("y")

END_AB = Hypothesis("end taps of a, b non-zero", NonzeroEndTaps(A, B), "the end taps of $a$ and $b$ are non-zero")
END_A = Hypothesis("end taps of a non-zero", NonzeroEndTaps(A), "the end taps of $a$ are non-zero")
REAL = Hypothesis("a real, size 2L+1, last tap non-zero", text="$a$ real, of size $2L+1$, last tap non-zero")


class _Der:
    """A derivation as side_conditions_met reads it: only its hypotheses."""

    def __init__(self, *hypotheses):
        self.hypotheses = hypotheses


# -- instance predicates: is the rewrite old -> new an instance of the lemma? -------------------------------------

def test_kernel_length_instances():
    inst = LEMMAS["kernel_length_is_degree_plus_one"].instance
    assert inst(size(A), deg(Pk(A, X)) + 1)
    assert not inst(size(A), deg(Pk(A, X)) + 2)
    assert not inst(size(A), deg(Pk(B, X)) + 1)
    assert inst(deg(Pk(A, X)), size(A) - 1)
    assert not inst(deg(Pk(A, X)), size(A))
    assert not inst(deg(Pk(A, X ** 2)), size(A) - 1)        # P_a(x^2) has degree 2 deg P_a
    assert not inst(deg(A), size(A) - 1)                     # not the degree of a kernel polynomial
    assert not inst(A, deg(Pk(A, X)) + 1)


def test_degree_of_product_instances():
    inst = LEMMAS["degree_of_product"].instance
    P, Q = Pk(A, X), Pk(B, X)
    assert inst(deg(P * Q), deg(P) + deg(Q))
    assert inst(deg(P * Q * Pk(C, X)), deg(P) + deg(Q) + deg(Pk(C, X)))
    assert not inst(deg(P * Q), deg(P) + deg(Q) + 1)
    assert not inst(deg(P), deg(P))                          # one factor: not a product
    assert not inst(deg(P), deg(A) + deg(X))                 # P_a(x) has two arguments, but is no product
    assert not inst(deg(P + Q), deg(P) + deg(Q))             # a sum is no product
    assert not inst(size(P * Q), deg(P) + deg(Q))
    stack = sp.Product(Pk(g(i), X), (i, 1, L))
    assert inst(deg(stack), sp.Sum(deg(Pk(g(i), X)), (i, 1, L)))
    assert not inst(deg(stack), sp.Sum(deg(Pk(g(i), X)), (i, 1, L + 1)))     # other limits
    assert not inst(deg(stack), sp.Sum(Pk(g(i), X), (i, 1, L)))             # not the degrees
    assert not inst(deg(stack), L * deg(Pk(g(i), X)))                        # not a sum


def test_degree_of_dilation_instances():
    inst = LEMMAS["degree_of_dilation"].instance
    assert inst(deg(Pk(A, X ** d)), d * deg(Pk(A, X)))
    assert inst(deg(Pk(A, X ** 3)), 3 * deg(Pk(A, X)))
    assert not inst(deg(Pk(A, X ** d)), (d + 1) * deg(Pk(A, X)))
    for bad in (X ** -1, X ** sp.Rational(1, 2), X ** sp.Symbol("e"), X ** sp.Symbol("e", integer=True), Y ** d):
        # x^(-1), x^(1/2), an exponent not shown to be a positive integer, another variable
        assert not inst(deg(Pk(A, bad)), bad.exp * deg(Pk(A, X))), bad
    assert not inst(deg(Pk(A, X)), deg(Pk(A, X)))            # x = x^1 is not a power
    assert not inst(deg(A), d * deg(Pk(A, X)))
    assert not inst(size(Pk(A, X ** d)), d * deg(Pk(A, X)))


def test_polynomial_of_convolution_instances():
    inst = LEMMAS["polynomial_of_convolution"].instance
    assert inst(Pk(kconv(A, B), Y), Pk(A, Y) * Pk(B, Y))
    assert not inst(Pk(kconv(A, B), Y), Pk(A, Y) + Pk(B, Y))
    assert not inst(Pk(kconv(A, B), Y), Pk(A, X) * Pk(B, X))     # evaluated elsewhere
    assert not inst(Pk(A, Y), Pk(A, Y))
    assert not inst(deg(kconv(A, B)), Pk(A, Y) * Pk(B, Y))


def test_conjugate_pairs_instances():
    inst = LEMMAS["conjugate_roots_pair_up"].instance
    assert inst(m_, 2 * L2 - 2 * c_)
    assert not inst(m_, 2 * L2 - c_)
    assert not inst(c_, 2 * L2 - 2 * c_)


def test_is_reads_only_sympy_objects():
    assert not lm._is("deg", deg) and not lm._is(None, deg)
    assert lm._is(deg(A), deg) and not lm._is(size(A), deg)


# -- the objects a side condition is about ------------------------------------------------------------------------

def test_the_kernels_a_rewrite_is_about():
    about = LEMMAS["kernel_length_is_degree_plus_one"].objects
    assert about(size(kconv(A, B)), None) == [kconv(A, B)]
    assert about(deg(Pk(A, X)), None) == [A]
    with pytest.raises(ValueError, match=r"^deg\(a\) is neither \|K\| nor deg P_K$"):
        about(deg(A), None)
    prod = LEMMAS["degree_of_product"].objects
    assert prod(deg(Pk(A, X) * Pk(B, X)), None) == [A, B]
    assert prod(deg(sp.Product(Pk(g(i), X), (i, 1, L))), None) == [g(i)]
    with pytest.raises(ValueError, match=r"^size\(a\) is not a degree$"):
        prod(size(A), None)
    with pytest.raises(ValueError, match=r"^f\(x\) is not the polynomial P_K of a kernel: nothing says it is non-zero$"):
        prod(deg(sp.Function("f")(X) * Pk(A, X)), None)


# -- side conditions: which hypotheses state them ------------------------------------------------------------------

def test_named_hypotheses():
    assert named_hypotheses("degree_of_product", None) == ()
    assert named_hypotheses("degree_of_product", END_AB) == (END_AB,)
    assert named_hypotheses("degree_of_product", [END_A, END_AB]) == (END_A, END_AB)
    assert named_hypotheses("degree_of_product", (REAL, END_AB)) == (REAL, END_AB)   # one of them states it
    assert named_hypotheses("polynomial_of_convolution", REAL) == (REAL,)               # needs nothing
    assert named_hypotheses("no such lemma", "anything") == (Hypothesis("anything", None, "anything"),)
    assert named_hypotheses("conjugate_roots_pair_up", "a has real taps, the last one non-zero")[0].name == \
        "a has real taps, the last one non-zero"
    with pytest.raises(RuleError) as exc:
        named_hypotheses("degree_of_product", REAL)
    assert str(exc.value) == ("lemma degree_of_product needs 'non-zero end taps' (a NonzeroEndTaps(...) predicate); "
                              "the hypotheses ['a real, size 2L+1, last tap non-zero'] do not state it")
    with pytest.raises(RuleError) as exc:
        named_hypotheses("conjugate_roots_pair_up", END_A)
    assert str(exc.value) == ("lemma conjugate_roots_pair_up needs 'real coefficients, last tap non-zero' (words "
                              "(('real',), ('non-zero', 'nonzero', 'neq 0'))); the hypotheses "
                              "['end taps of a non-zero'] do not state it")


@pytest.mark.parametrize("text, says", [
    ("a real, last tap non-zero", True),
    ("a REAL, last tap NONZERO", True),                       # any case
    (r"a real, $a_{2L} \neq 0$", True),
    (r"a real, last tap non\-zero", True),                     # LaTeX's discretionary hyphen is read as "-"
    ("a real", False),
    ("last tap non-zero", False),
])
def test_conjugate_roots_needs_both_words(text, says):
    hyp = Hypothesis("h", text=text)
    ok, detail = side_conditions_met("conjugate_roots_pair_up", [(m_, 2 * L2 - 2 * c_)], (hyp,), _Der(hyp))
    assert ok is says
    if says:
        assert detail == "side condition 'real coefficients, last tap non-zero' from ['h']"
    else:
        assert detail == ("lemma conjugate_roots_pair_up needs 'real coefficients, last tap non-zero'; the named "
                          "hypotheses ['h'] do not say so")
    # the words may be in the name as well
    by_name = Hypothesis(text, text="")
    assert side_conditions_met("conjugate_roots_pair_up", [], (by_name,), _Der(by_name))[0] is says


def test_side_conditions_met_messages():
    pairs = [(deg(Pk(A, X) * Pk(B, X)), deg(Pk(A, X)) + deg(Pk(B, X)))]
    # a named hypothesis the derivation does not state
    assert side_conditions_met("degree_of_product", pairs, (END_AB,), _Der(END_A)) == (False, (
        "lemma degree_of_product: the hypothesis 'end taps of a, b non-zero' is not among the derivation's "
        "hypotheses ['end taps of a non-zero']"))
    assert side_conditions_met("degree_of_product", pairs, (END_AB,), None)[0] is False       # outside a derivation
    # nothing named
    assert side_conditions_met("degree_of_product", pairs, (), _Der(END_AB)) == (False, (
        "lemma degree_of_product needs the hypothesis 'non-zero end taps' ($P, Q \\neq 0$: each factor is $P_K$ of a "
        "kernel $K$ whose end taps are non-zero, by a named hypothesis \\texttt{NonzeroEndTaps}): the step must name "
        "it (hypothesis=H), with H among the derivation's hypotheses"))
    # named and stated, but not covering b
    assert side_conditions_met("degree_of_product", pairs, (END_A,), _Der(END_A)) == (False, (
        "lemma degree_of_product: no named hypothesis NonzeroEndTaps(...) covers the kernel b (covered: ['a'])"))
    # the rewrite is not about kernel polynomials
    f_ = sp.Function("f")
    assert side_conditions_met("degree_of_product", [(deg(f_(X) * Pk(A, X)), 0)], (END_AB,), _Der(END_AB)) == (False, (
        "lemma degree_of_product: f(x) is not the polynomial P_K of a kernel: nothing says it is non-zero"))
    # covered, also for a convolution of covered kernels
    assert side_conditions_met("degree_of_product", pairs, (END_AB,), _Der(END_AB)) == \
        (True, "side condition 'non-zero end taps' from ['end taps of a, b non-zero']")
    ab = [(size(kconv(A, B)), deg(Pk(kconv(A, B), X)) + 1)]
    assert side_conditions_met("kernel_length_is_degree_plus_one", ab, (END_AB,), _Der(END_AB))[0]
    assert not side_conditions_met("kernel_length_is_degree_plus_one", ab, (END_A,), _Der(END_A))[0]
    assert not side_conditions_met("kernel_length_is_degree_plus_one", [(size(kconv(A, C)), 0)], (END_AB,),
                                   _Der(END_AB))[0]
    # a lemma with no side condition left to a hypothesis
    assert side_conditions_met("polynomial_of_convolution", [], (), None) == \
        (True, "no side condition left to a hypothesis")
    # a prose hypothesis does not name kernels, however it is worded
    prose = Hypothesis("end taps of a, b non-zero", text="the end taps of a and b are non-zero")
    assert side_conditions_met("degree_of_product", pairs, (prose,), _Der(prose)) == (False, (
        "lemma degree_of_product needs 'non-zero end taps'; the named hypotheses ['end taps of a, b non-zero'] "
        "do not say so"))


def test_covered_kernels():
    assert lm._covered(A, [A, B])
    assert not lm._covered(C, [A, B])
    assert lm._covered(kconv(A, kconv(B, A)), [A, B])
    assert not lm._covered(kconv(A, C), [A, B])
    assert not lm._covered(size(A), [A])             # not a convolution


def test_nonzero_end_taps_prints_what_it_says():
    assert sp.latex(NonzeroEndTaps(A, B)) == r"\text{the end taps of } a, b \text{ are non-zero}"


def test_check_lemma_names_the_known_lemmas():
    with pytest.raises(KeyError) as exc:
        check_lemma("no_such_lemma")
    assert exc.value.args[0] == f"unknown lemma 'no_such_lemma'; known: {sorted(LEMMAS)}"
    assert check_lemma("diagonal_constancy") is check_lemma("diagonal_constancy")      # run once, cached


# -- the helpers of the lemma checks ------------------------------------------------------------------------------

def test_counts_of_the_geometric_sum_instances():
    # omega^(d q) for q in Z_N: which exponents occur how often
    assert lm._counts(4, 2) == [2, 0, 2, 0]
    assert lm._counts(5, 2) == [1, 1, 1, 1, 1]
    assert lm._counts(3, 0) == [3, 0, 0]
    assert lm._counts(1, 0) == [1]


def test_random_polynomials_have_the_asked_degree():
    rnd = random.Random(5)
    for deg_ in range(7):
        p = sp.Poly(lm._random_poly(rnd, deg_, X), X)
        assert p.degree() == deg_ and all(q.is_Rational for q in p.all_coeffs())
    # coefficients below the top one range over -5..5 / 1..4, the top one is non-zero
    seen = {c for _ in range(80) for c in sp.Poly(lm._random_poly(rnd, 3, X), X).all_coeffs()}
    assert sp.Rational(5, 1) in seen and sp.Rational(-5, 1) in seen and sp.Rational(1, 4) in seen and 0 in seen


def test_cauchy_ranges():
    assert lm._cauchy_range(5, 3, 4) == (1, 3)
    assert lm._cauchy_range(0, 3, 4) == (0, 0)
    assert lm._cauchy_range(7, 3, 4) == (3, 3)
    assert lm._cauchy_formula_instances(3) is None


def test_top_coefficient_needs_the_side_condition():
    assert lm._top_coefficient_is_product() == (True, "top coefficient a_p b_q")
    assert lm._top_coefficient_is_product(nonzero=False) == (False, "a_p b_q is not shown non-zero")


# -- the lemma checks: what each reports it has checked, and that each part of it counts -------------------------

EVIDENCE = {
    "geometric_sum_roots_of_unity": "(r-1)*sum r^l = r^n - 1 cancelled exactly with n symbolic; sum = n at r = 1; "
                                    "omega^(dn) = 1; instances n <= 24 exact in Q(zeta_n)",
    "diagonal_constancy": "general by induction on j (base j = 0; step g(i, j+1) = g(i-1, j) = g(i-1-j, 0), indices "
                          "checked symbolically; the induction itself is the written argument); solution space of "
                          "the linear system solved exactly for n = 1..6: dimension n, g(i,j) = g(i-j,0)",
    "degree_of_dilation": "the leading term c x^m becomes c x^(dm); 40 seeded instances computed exactly",
    "polynomial_of_convolution": "proved for all lengths as theorem kernel_poly_mul_eq_conv "
                                 "(proofs/kernel_polynomial.py); rechecked here for lengths 1..6 with generic kernels",
}


EVIDENCE.update({
    "fubini": "Fubini-Tonelli: iterated integrals of an absolutely integrable function on R^2 agree in either order, "
              "and int f(s)g(t) = (int f)(int g); for the convolution theorem |e^{-2 pi i w t} f(tau) g(t - tau)| "
              "integrates to ||f||_1 ||g||_1 < oo.  Instances computed exactly in both orders",
    "degree_of_product": "general for symbolic degrees p, q >= 0: in the Cauchy coefficient of x^(p+q) of "
                         "(sum_{e<=p} a_e x^e)(sum_{e<=q} b_e x^e) the index range max(0, p+q-q)..min(p, p+q) "
                         "simplifies to the single index p, so the coefficient is a_p b_q, non-zero from a_p != 0 and "
                         "b_q != 0 (not shown without them), and every coefficient of x^(p+q+r), r >= 1, has an empty "
                         "range; the Cauchy formula itself rechecked with generic coefficients for p, q <= 6; a "
                         "product over i = 1..L by induction on L (the induction is not machine-checked); 60 seeded "
                         "rational instances",
    "conjugate_roots_pair_up": "general for a symbolic degree N: conj(P(z)) = P(conj z) and conj(P'(z)) = P'(conj z) "
                               "expanded to 0 for real coefficients (not shown for complex ones; z - i is a "
                               "counterexample), so non-real roots pair up with their conjugates, multiplicities "
                               "included; m + 2c = deg P = 2L needs the fundamental theorem of algebra and deg P = 2L "
                               "(last tap non-zero): the theorem of algebra is checked on 12 seeded rational instances "
                               "only (SymPy's exact roots), not in general",
    "simple_eigenvalue_eigenspace_is_a_line": "1 <= dim ker(A - lambda I) <= algebraic multiplicity = 1: the "
                                              "characteristic polynomial of [[lambda I_g, Q], [0, R]] is (t - lambda)^g "
                                              "det(tI - R), checked symbolically with generic Q, R for n = g + h <= 5 "
                                              "only (for larger n this block-determinant identity is the textbook one, "
                                              "not machine-checked here); instances n <= 6 exact over Q; A = I_2 shows "
                                              "the condition 'simple' is needed",
    "kernel_length_is_degree_plus_one": "general for a symbolic size k: the coefficient of x^(k-1) of sum_{t<k} a_t "
                                        "x^t is a_{k-1} (non-zero by the side condition), every higher one is 0, the "
                                        "constant one is a_0 (non-zero: the support starts at tap 0); the end taps of "
                                        "a * b are a_0 b_0 and a_p b_q for symbolic p, q (non-zero end taps are kept by "
                                        "convolution); sizes 1..8 recomputed; [1, 2, 0] shows the condition is needed",
})

EVIDENCE.update({     # the group-action lemmas (checks in engine/orbit_lemmas.py)
    "orbit_stabiliser": "general (the textbook argument, not machine-checked): g Stab(z) -> g.z is a well-defined "
                        "bijection from the cosets of Stab(z) onto the orbit G z, by the action axioms, and the cosets "
                        "partition G into |G z| classes of size |Stab(z)|; recomputed exactly on 17 actions (X, Y and "
                        "Y x X, every point: 323 points, every element enumerated); a map that is not an action "
                        "breaks it",
    "orbit_counting": "general (the written argument): the orbits partition the set (the action axioms make 'z' = g.z "
                      "for some g' an equivalence), so sum_z 1/|Gz| = sum_O sum_{z in O} 1/|O| = sum_O 1; recomputed "
                      "in exact rationals on 17 actions (51 G-sets: X, Y and Y x X)",
    "invariant_functions_dim_eq_orbits": "general (the written argument): W(g.z) = W(z) for all g, z says W is "
                                         "constant on each orbit, so W = sum_O W(O) 1_O; the indicators 1_O are "
                                         "invariant and have disjoint supports, so they are independent: a basis, one "
                                         "per orbit; recomputed exactly on 17 actions (51 G-sets: X, Y and Y x X): the "
                                         "rank over Q of the equations W(g.z) - W(z) = 0 for every element g gives the "
                                         "dimension, equal to the number of orbits, and every orbit indicator solves "
                                         "them",
})


@pytest.mark.parametrize("name", sorted(LEMMAS))
def test_lemma_checks_pass_and_say_what_they_checked(name):
    """A lemma's evidence is its record of what was checked (how general, which instances): it is part
    of the evidence of every proof that uses the lemma.  (Not through check_lemma, which caches.)"""
    res = LEMMAS[name].check()
    assert res.ok and res.evidence == EVIDENCE[name]


def test_geometric_sum_check_covers_its_instances_and_needs_each_part(monkeypatch):
    seen = []
    real = lm.root_sum_is_zero

    def spy(counts, N):
        seen.append((N, tuple(counts)))
        return real(counts, N)

    monkeypatch.setattr(lm, "root_sum_is_zero", spy)
    assert lm._geometric_sum().ok
    # every N = 1..24 ("instances n <= 24") and every d in Z_N
    assert sorted(seen) == sorted((N, tuple(lm._counts(N, dd))) for N in range(1, 25) for dd in range(N))
    # a wrong instance, or omega^(dn) = 1 not shown: the check fails
    monkeypatch.setattr(lm, "root_sum_is_zero", lambda counts, N: True)         # "every sum vanishes"
    assert not lm._geometric_sum().ok
    monkeypatch.setattr(lm, "root_sum_is_zero", real)
    monkeypatch.setattr(lm, "congruent_mod", lambda *args: False)
    assert not lm._geometric_sum().ok


def test_lemma_checks_fail_with_the_reason_when_a_part_fails(monkeypatch):
    """Each part of a lemma check counts: when one fails (patched here), the check fails and says which."""
    with monkeypatch.context() as mp:          # the two orders of a Fubini instance not shown equal
        mp.setattr(lm, "decide_equal", lambda a, b: None)
        res = lm._fubini()
        assert not res.ok and res.evidence.startswith("the two orders are not shown equal for exp(")
    with monkeypatch.context() as mp:          # the Cauchy formula wrong for some p, q
        mp.setattr(lm, "_cauchy_formula_instances", lambda bound: "p=1, q=1: wrong")
        assert lm._degree_of_product() == lm.LemmaCheck(False, "p=1, q=1: wrong")
    with monkeypatch.context() as mp:          # the top coefficient not shown
        mp.setattr(lm, "_top_coefficient_is_product", lambda nonzero=True: (False, "not a_p b_q"))
        assert lm._degree_of_product() == lm.LemmaCheck(False, "not a_p b_q")
        assert lm._kernel_length() == lm.LemmaCheck(False, "the last tap of a * b: not a_p b_q")
    with monkeypatch.context() as mp:          # shown even without the side condition
        mp.setattr(lm, "_top_coefficient_is_product", lambda nonzero=True: (True, "assumed"))
        assert lm._degree_of_product() == lm.LemmaCheck(False, "a_p b_q was shown non-zero without the side condition")
    with monkeypatch.context() as mp:          # the symmetry for real coefficients not shown, or shown for complex ones
        mp.setattr(lm, "_conjugate_symmetry", lambda real=True: False)
        assert lm._conjugate_roots() == lm.LemmaCheck(False, "conj(P(z)) = P(conj z) not shown for real coefficients")
        mp.setattr(lm, "_conjugate_symmetry", lambda real=True: True)
        assert lm._conjugate_roots() == lm.LemmaCheck(
            False, "conj(P(z)) = P(conj z) was 'shown' for complex coefficients")
    with monkeypatch.context() as mp:          # the first tap of a * b not a single product
        mp.setattr(lm, "_cauchy_range", lambda s, p, q: (sp.Max(0, s - q), sp.Min(p, s) + 1))
        res = lm._kernel_length()
        assert not res.ok and res.evidence == "the first tap of a * b is a sum over 0..1, not a_0 b_0"
    with monkeypatch.context() as mp:          # the block determinant identity fails, or holds with the wrong power
        mp.setattr(lm, "_block_charpoly_holds", lambda g, h, power=None: False)
        assert lm._simple_eigenspace() == lm.LemmaCheck(
            False, "g=1, h=0: the block-triangular characteristic polynomial is not (t - lambda)^g det(tI - R)")
        mp.setattr(lm, "_block_charpoly_holds", lambda g, h, power=None: True)
        assert lm._simple_eigenspace() == lm.LemmaCheck(
            False, "g=1, h=0: (t - lambda)^(g+1) det(tI - R) was accepted too")
    from symconv.objects import kernels
    with monkeypatch.context() as mp:          # a wrong full convolution
        mp.setattr(kernels, "conv_full", lambda a, b: list(a) + list(b))
        assert lm._poly_of_conv() == lm.LemmaCheck(False, "fails for kernel lengths (1, 1)")


def test_lemma_checks_cover_the_instances_they_report(monkeypatch):
    """The evidence names the instances checked ("lengths 1..6", "g + h <= 5"): each is computed."""
    from symconv.objects import kernels
    lengths = []
    real_conv = kernels.conv_full

    def conv_spy(a, b):
        lengths.append((len(a), len(b)))
        return real_conv(a, b)

    monkeypatch.setattr(kernels, "conv_full", conv_spy)
    assert lm._poly_of_conv().ok
    assert lengths == [(k1, k2) for k1 in range(1, 7) for k2 in range(1, 7)]
    blocks = []
    real_block = lm._block_charpoly_holds

    def block_spy(g_, h_, power=None):
        blocks.append((g_, h_, power))
        return real_block(g_, h_, power)

    monkeypatch.setattr(lm, "_block_charpoly_holds", block_spy)
    assert lm._simple_eigenspace().ok
    # every split g + h = N <= 5 with g >= 1, the identity and its wrong power (g + 1)
    assert sorted(blocks, key=str) == sorted([(g_, N - g_, p_) for N in range(1, 6) for g_ in range(1, N + 1)
                                              for p_ in (None, g_ + 1)], key=str)


def test_diagonal_constancy_and_dilation_checks_cover_their_instances(monkeypatch):
    shapes = []
    real_zeros = sp.zeros

    def zeros_spy(*args, **kw):
        M = real_zeros(*args, **kw)
        shapes.append(M.shape)
        return M

    monkeypatch.setattr(sp, "zeros", zeros_spy)
    assert lm._diagonal_constancy().ok
    # "solved exactly for n = 1..6": one n^2 x n^2 system each
    assert shapes == [(N * N, N * N) for N in range(1, 7)]
    monkeypatch.setattr(sp, "zeros", real_zeros)
    degrees = []
    real_poly = lm._random_poly

    def poly_spy(rnd, deg_, x):
        degrees.append(deg_)
        return real_poly(rnd, deg_, x)

    monkeypatch.setattr(lm, "_random_poly", poly_spy)
    assert lm._degree_of_dilation().ok
    # "40 seeded instances", of every degree 0..6
    assert len(degrees) == 40 and set(degrees) == set(range(7))


# -- every part of a lemma check counts, with fakes of SymPy where SymPy itself never fails -------------------------
#
# A lemma check has no input: the branches that fail it are reached only when SymPy (or a helper) answers otherwise.
# ``_sympy_with(...)`` is the ``sp`` a lemma check sees, with some functions replaced by a fake or a spy.

class _sympy_with:
    def __init__(self, **replaced):
        self.__dict__.update(replaced)

    def __getattr__(self, name):
        return getattr(sp, name)


def test_geometric_sum_check_needs_the_two_cases_of_the_closed_form(monkeypatch):
    r = sp.Symbol("r")
    n = sp.Symbol("n", integer=True, positive=True)
    generic = (1 - r ** n) / (1 - r)
    for fake, why in [
        (generic, f"sum r^l = {generic} is not a closed form for r = 1 and one for r != 1"),
        (sp.Piecewise((n, sp.Eq(r, 1)), (0, sp.Eq(r, -1)), (generic, True)),
         f"sum r^l = {sp.Piecewise((n, sp.Eq(r, 1)), (0, sp.Eq(r, -1)), (generic, True))} is not a closed form for "
         "r = 1 and one for r != 1"),
        (sp.Piecewise((n, sp.Eq(r, 2)), (generic, True)),
         f"sum r^l = {sp.Piecewise((n, sp.Eq(r, 2)), (generic, True))}: its cases are not r = 1 and r != 1"),
        (sp.Piecewise((n, sp.Eq(r, 1)), (generic, r > 1)),
         f"sum r^l = {sp.Piecewise((n, sp.Eq(r, 1)), (generic, r > 1))}: its cases are not r = 1 and r != 1"),
    ]:
        monkeypatch.setattr(lm, "sp", _sympy_with(summation=lambda *args, fake=fake: fake))
        assert lm._geometric_sum() == lm.LemmaCheck(False, why)
    # the two cases, each with a wrong value: the check fails (its evidence stays the list of what it checks)
    for fake in (sp.Piecewise((n + 1, sp.Eq(r, 1)), (generic, True)),
                 sp.Piecewise((n, sp.Eq(r, 1)), ((1 - r ** (n + 1)) / (1 - r), True))):
        monkeypatch.setattr(lm, "sp", _sympy_with(summation=lambda *args, fake=fake: fake))
        res = lm._geometric_sum()
        assert res.ok is False and res.evidence == EVIDENCE["geometric_sum_roots_of_unity"]
    monkeypatch.setattr(lm, "sp", sp)
    assert lm._geometric_sum().ok is True


def test_diagonal_constancy_check_fails_with_the_reason(monkeypatch):
    # the index identities of the induction: an entry function whose values SymPy cannot compare
    monkeypatch.setattr(lm, "sp", _sympy_with(Function=lambda name: (lambda *args: sp.Dummy(name))))
    assert lm._diagonal_constancy() == lm.LemmaCheck(False, "the inductive step's indices do not agree")
    monkeypatch.setattr(lm, "sp", sp)
    real_nullspace = sp.MutableDenseMatrix.nullspace
    # a solution space of the wrong dimension
    monkeypatch.setattr(sp.MutableDenseMatrix, "nullspace", lambda self: real_nullspace(self) + [sp.ones(self.rows, 1)])
    assert lm._diagonal_constancy() == lm.LemmaCheck(False, "n=1: solution space has dimension 2, not 1")

    # a solution that is not constant on the diagonals (n = 1 has one diagonal: n = 2 is the first that fails)
    def not_constant(self):
        basis = real_nullspace(self)
        if self.rows > 1:
            basis[0] = basis[0] + sp.Matrix([1] + [0] * (self.rows - 1))
        return basis

    monkeypatch.setattr(sp.MutableDenseMatrix, "nullspace", not_constant)
    assert lm._diagonal_constancy() == lm.LemmaCheck(False, "n=2: a solution is not constant on diagonals")



def _upper_triangular_instances(monkeypatch):
    """Run _simple_eigenspace (its block identity stubbed): the matrices A built and those whose kernel is computed."""
    made, kernels = [], []
    real_matrix, real_nullspace = sp.Matrix, sp.MutableDenseMatrix.nullspace

    def matrix_spy(*args):
        made.append(real_matrix(*args))
        return made[-1]

    def nullspace_spy(self):
        kernels.append(self.copy())
        return real_nullspace(self)

    monkeypatch.setattr(lm, "_block_charpoly_holds", lambda g_, h_, power=None: power is None)
    monkeypatch.setattr(lm, "sp", _sympy_with(Matrix=matrix_spy))
    monkeypatch.setattr(sp.MutableDenseMatrix, "nullspace", nullspace_spy)
    res = lm._simple_eigenspace()
    return res, made, kernels


def test_simple_eigenspace_check_computes_the_instances_it_reports(monkeypatch):
    """"instances n <= 6 exact over Q": for n = 1..6 a seeded upper-triangular A with the simple eigenvalues
    1..n on its diagonal, and ker(A - lambda I) for each of them; then A = I_2."""
    res, made, kernels = _upper_triangular_instances(monkeypatch)
    assert res.ok
    assert [A.shape for A in made] == [(N, N) for N in range(1, 7)]
    above = []
    for N, A in zip(range(1, 7), made):
        assert [A[a, a] for a in range(N)] == list(range(1, N + 1))          # distinct: every eigenvalue simple
        assert all(A[a, b] == 0 for a in range(N) for b in range(a))         # upper triangular
        above += [A[a, b] for a in range(N) for b in range(a + 1, N)]
    assert all(q.is_Integer for q in above) and min(above) == -3 and max(above) == 3 and 0 in above
    assert kernels == [A - lam * sp.eye(A.rows) for A in made for lam in range(1, A.rows + 1)] + [sp.zeros(2, 2)]
    # seeded: the same instances every time
    _, again, _ = _upper_triangular_instances(monkeypatch)
    assert again == made


def test_simple_eigenspace_check_fails_with_the_reason(monkeypatch):
    real_nullspace = sp.MutableDenseMatrix.nullspace
    monkeypatch.setattr(lm, "_block_charpoly_holds", lambda g_, h_, power=None: power is None)
    monkeypatch.setattr(sp.MutableDenseMatrix, "nullspace", lambda self: [])
    assert lm._simple_eigenspace() == lm.LemmaCheck(False, "n=1: ker(A - 1 I) has dimension 0")
    # a triangular instance of size 3 whose eigenvalue 2 has a 2-dimensional eigenspace
    monkeypatch.setattr(sp.MutableDenseMatrix, "nullspace",
                        lambda self: real_nullspace(self) * (2 if self.shape == (3, 3) and self[1, 1] == 0 else 1))
    assert lm._simple_eigenspace() == lm.LemmaCheck(False, "n=3: ker(A - 2 I) has dimension 2")
    # A = I_2: the eigenvalue 1 is double and its eigenspace must be 2-dimensional
    monkeypatch.setattr(sp.MutableDenseMatrix, "nullspace",
                        lambda self: [] if self.shape == (2, 2) and self.is_zero_matrix else real_nullspace(self))
    assert lm._simple_eigenspace() == lm.LemmaCheck(False, "A = I_2: eigenspace of 1 is not 2-dimensional")
    # each split g + h of the block identity is named
    monkeypatch.setattr(lm, "_block_charpoly_holds", lambda g_, h_, power=None: power is None and (g_, h_) != (2, 1))
    assert lm._simple_eigenspace() == lm.LemmaCheck(
        False, "g=2, h=1: the block-triangular characteristic polynomial is not (t - lambda)^g det(tI - R)")
    monkeypatch.setattr(lm, "_block_charpoly_holds", lambda g_, h_, power=None: power is None or (g_, h_) == (1, 3))
    assert lm._simple_eigenspace() == lm.LemmaCheck(
        False, "g=1, h=3: (t - lambda)^(g+1) det(tI - R) was accepted too")


def test_block_charpoly_identity_is_exact():
    """det(tI - [[lambda I_g, Q], [0, R]]) = (t - lambda)^g det(tI - R), and no other power of (t - lambda)."""
    for g_, h_ in ((1, 0), (2, 0), (1, 1), (1, 2), (2, 1)):
        assert lm._block_charpoly_holds(g_, h_) is True
        assert lm._block_charpoly_holds(g_, h_, power=g_) is True
        assert lm._block_charpoly_holds(g_, h_, power=g_ + 1) is False
        assert lm._block_charpoly_holds(g_, h_, power=g_ - 1) is False


def test_block_charpoly_is_computed_on_the_generic_whole_matrix(monkeypatch):
    """The matrix handed to Berkowitz is [[lambda I_g, Q], [0, R]] with Q and R generic: every entry its own
    generator q_a_b / r_a_b in place, zeros elsewhere (a check on a degenerate Q or R proves less)."""
    seen = []
    real = lm.ddm_berk

    def spy(M, K):
        seen.append([row[:] for row in M])
        return real(M, K)
    monkeypatch.setattr(lm, "ddm_berk", spy)
    g_, h_ = 2, 3
    assert lm._block_charpoly_holds(g_, h_) is True
    whole, lower = seen[0], seen[1]
    assert len(whole) == g_ + h_ and all(len(row) == g_ + h_ for row in whole)
    names = [[str(e) for e in row] for row in whole]
    for a_ in range(g_ + h_):
        for b_ in range(g_ + h_):
            if a_ < g_ and b_ < g_:
                want = "lambda" if a_ == b_ else "0"
            elif a_ < g_:
                want = f"q_{a_}_{b_ - g_}"
            elif b_ < g_:
                want = "0"
            else:
                want = f"r_{a_ - g_}_{b_ - g_}"
            assert names[a_][b_] == want, (a_, b_, names[a_][b_])
    assert [[str(e) for e in row] for row in lower] == [row[g_:] for row in names[g_:]]


def test_kernel_length_check_recomputes_sizes_1_to_8_under_its_side_condition(monkeypatch):
    from symconv.objects import kernels
    seen = []
    real = kernels.kernel_polynomial

    def spy(taps, x=None):
        seen.append(list(taps))
        return real(taps, x)

    monkeypatch.setattr(kernels, "kernel_polynomial", spy)
    assert lm._kernel_length().ok
    # "sizes 1..8 recomputed": generic taps, the first and last declared non-zero (the side condition), the others not
    assert [len(t) for t in seen[:-1]] == list(range(1, 9))
    for taps in seen[:-1]:
        assert all(isinstance(q, sp.Symbol) for q in taps) and len(set(taps)) == len(taps)
        assert taps[0].is_nonzero is True and taps[-1].is_nonzero is True
        assert all(q.is_nonzero is not True for q in taps[1:-1])
    # "[1, 2, 0] shows the condition is needed"
    assert seen[-1] == [1, 2, 0]


def test_kernel_length_check_fails_with_the_reason(monkeypatch):
    from symconv.objects import kernels
    real = kernels.kernel_polynomial
    # two degrees too many
    monkeypatch.setattr(kernels, "kernel_polynomial", lambda taps, x=None: real(taps, x) * x**2)
    assert lm._kernel_length() == lm.LemmaCheck(False, "size 1: degree 2")
    # a zero last tap that does not lower the degree: the example no longer shows the condition is needed
    monkeypatch.setattr(kernels, "kernel_polynomial", lambda taps, x=None: real([1 if q == 0 else q for q in taps], x))
    assert lm._kernel_length() == lm.LemmaCheck(False, "a zero last tap did not lower the degree")


_RANDOM_POLY = lm._random_poly


def _dilation_instances(monkeypatch):
    polys, dilated = [], []
    real_poly, real_expand = _RANDOM_POLY, sp.expand

    def poly_spy(rnd, deg_, x):
        polys.append(real_poly(rnd, deg_, x))
        return polys[-1]

    def expand_spy(e):
        dilated.append(e)
        return real_expand(e)

    monkeypatch.setattr(lm, "_random_poly", poly_spy)
    monkeypatch.setattr(lm, "sp", _sympy_with(expand=expand_spy))
    return lm._degree_of_dilation(), polys, dilated


def test_degree_of_dilation_check_draws_seeded_instances_of_every_dilation(monkeypatch):
    res, polys, dilated = _dilation_instances(monkeypatch)
    assert res.ok and len(polys) == len(dilated) == 40
    x = sp.Symbol("x")
    factors = set()
    for p, q in zip(polys, dilated):
        if sp.degree(p, x) > 0:
            d_ = sp.degree(q, x) // sp.degree(p, x)
            assert sp.expand(q - p.subs(x, x ** d_)) == 0
            factors.add(d_)
    assert factors == {1, 2, 3, 4, 5}            # the dilations d = 1..5 all occur
    _, again, _ = _dilation_instances(monkeypatch)
    assert again == polys                         # seeded


def test_degree_of_dilation_check_fails_with_the_instance(monkeypatch):
    x = sp.Symbol("x")
    polys = []
    real_poly = lm._random_poly
    monkeypatch.setattr(lm, "_random_poly", lambda rnd, deg_, y: polys.append(real_poly(rnd, deg_, y)) or polys[-1])
    monkeypatch.setattr(lm, "sp", _sympy_with(expand=lambda e: sp.expand(e) * x))      # one degree too many
    res = lm._degree_of_dilation()
    p = re.escape(str(polys[0]))
    assert res.ok is False and len(polys) == 1
    assert re.fullmatch(rf"deg {p}\(x\^([1-5])\) is not \1 deg {p}", res.evidence), res.evidence


#: the Fubini check's instances, on R^2 (x, y real; its failure messages print them with these names)
FX, FY = sp.symbols("x y", real=True)
FUBINI_INSTANCES = (sp.exp(-FX ** 2 - 2 * FY ** 2), sp.exp(-(FX - FY) ** 2 - FY ** 2), sp.exp(-FX ** 2) / (1 + FY ** 2))


def test_fubini_check_computes_both_orders_of_its_instances(monkeypatch):
    """Every integral over R goes first to the exact Gaussian integral (SymPy's integrate when it refuses):
    each instance is integrated dx then dy, and dy then dx, and the two results compared."""
    import symconv.objects.gaussians as gauss
    calls, fallbacks, compared = [], [], []
    real_gauss, real_integrate, real_decide = gauss.gaussian_integral, sp.integrate, lm.decide_equal

    def gauss_spy(f, v):
        k, step = divmod(len(calls), 4)
        if step in (0, 2):      # an instance itself, dx first then dy first; another integrand fails here, at once
            assert (f, v) == (FUBINI_INSTANCES[k], (FX, FY)[step // 2]), (f, v)
        calls.append((f, v))
        return real_gauss(f, v)

    def integrate_spy(f, lim):
        fallbacks.append((f, lim))
        return real_integrate(f, lim)

    def decide_spy(a, b):
        compared.append((a, b))
        return real_decide(a, b)

    monkeypatch.setattr(gauss, "gaussian_integral", gauss_spy)
    monkeypatch.setattr(lm, "sp", _sympy_with(integrate=integrate_spy))
    monkeypatch.setattr(lm, "decide_equal", decide_spy)
    assert lm._fubini().ok
    x, y = calls[0][1], calls[2][1]
    assert x != y and x.is_real is True and y.is_real is True          # functions on R^2
    instances = [sp.exp(-x ** 2 - 2 * y ** 2), sp.exp(-(x - y) ** 2 - y ** 2), sp.exp(-x ** 2) / (1 + y ** 2)]
    assert len(calls) == 12
    for k, F in enumerate(instances):
        first, second = calls[4 * k: 4 * k + 2], calls[4 * k + 2: 4 * k + 4]
        assert first[0] == (F, x) and first[1][1] == y                 # dx, then dy
        assert second[0] == (F, y) and second[1][1] == x               # dy, then dx
    # only the Cauchy factor 1/(1 + y^2) is not a Gaussian: SymPy integrates it, over the whole line
    assert [lim for _, lim in fallbacks] == [(y, -sp.oo, sp.oo), (y, -sp.oo, sp.oo)]
    assert compared == [(sp.sqrt(2) * sp.pi / 2,) * 2, (sp.pi, sp.pi), (sp.pi ** sp.Rational(3, 2),) * 2]


@pytest.mark.parametrize("instance", range(3))
@pytest.mark.parametrize("order", (1, 2))
def test_fubini_check_compares_the_results_of_both_orders_of_each_instance(monkeypatch, instance, order):
    """One order of one instance computed wrongly (its outer integral off by 1, whether the Gaussian integral
    or SymPy's integrate computed it): the check fails, naming that instance; the instances before it pass."""
    import symconv.objects.gaussians as gauss
    target = 4 * instance + 2 * order - 1      # the outer integral: the 2nd (dx, then dy) or 4th (dy, then dx) call
    asked = []
    real_gauss, real_integrate = gauss.gaussian_integral, sp.integrate

    def gauss_spy(f, v):
        asked.append(v)
        value = real_gauss(f, v)
        return value + 1 if value is not None and len(asked) - 1 == target else value

    def integrate_spy(f, lim):                 # after the Gaussian integral refused the same integrand
        value = real_integrate(f, lim)
        return value + 1 if len(asked) - 1 == target else value

    monkeypatch.setattr(gauss, "gaussian_integral", gauss_spy)
    monkeypatch.setattr(lm, "sp", _sympy_with(integrate=integrate_spy))
    assert lm._fubini() == lm.LemmaCheck(
        False, f"the two orders are not shown equal for {FUBINI_INSTANCES[instance]}")
    assert len(asked) == target + 1 + 2 * (order == 1)     # stopped after the instance's two orders


def _conjugate_symmetry_sums(monkeypatch, real):
    """The sums (summand, limits) _conjugate_symmetry(real) builds, and its answer."""
    seen = []
    monkeypatch.setattr(lm, "sp", _sympy_with(Sum=lambda f, lim: seen.append((f, lim)) or sp.Sum(f, lim)))
    return lm._conjugate_symmetry(real=real), seen


def test_conjugate_symmetry_checks_p_and_its_derivative_for_a_symbolic_degree(monkeypatch):
    assert lm._conjugate_symmetry() is True and lm._conjugate_symmetry(real=True) is True
    assert lm._conjugate_symmetry(real=False) is False
    ok, seen = _conjugate_symmetry_sums(monkeypatch, True)
    assert ok is True and len(seen) == 4
    # the symbols, whatever their names: u, v real (z = u + iv), the degree N and the exponent e integers >= 0,
    # real coefficients c(e)
    e, lo, N = seen[0][1]
    u, v = sorted(seen[0][0].free_symbols - {e}, key=str)
    c = next(iter(seen[0][0].atoms(sp.core.function.AppliedUndef))).func
    assert lo == 0 and u.is_real and v.is_real and c(e).is_real is True
    assert N.is_integer and N.is_nonnegative and e.is_integer and e.is_nonnegative
    z = u + sp.I * v
    # P(z), P(conj z), then P'(z), P'(conj z)
    assert seen == [(coeff * w ** power, (e, 0, N)) for coeff, power in ((c(e), e), (e * c(e), e - 1))
                    for w in (z, sp.conjugate(z))]
    # complex coefficients: P's identity is not shown, and the check stops there
    ok, seen = _conjugate_symmetry_sums(monkeypatch, False)
    assert ok is False and len(seen) == 2
    c = next(iter(seen[0][0].atoms(sp.core.function.AppliedUndef))).func
    assert c(e).is_real is None


def _conjugate_roots_instances(monkeypatch):
    polys, roots = [], []
    real_all_roots = sp.Poly.all_roots

    def roots_spy(self, *args, **kw):
        roots.append(real_all_roots(self, *args, **kw))
        return roots[-1]

    monkeypatch.setattr(lm, "_random_poly", lambda rnd, deg_, y: polys.append(_RANDOM_POLY(rnd, deg_, y)) or polys[-1])
    monkeypatch.setattr(sp.Poly, "all_roots", roots_spy)
    return lm._conjugate_roots(), polys, roots


def test_conjugate_roots_check_computes_12_seeded_instances(monkeypatch):
    res, polys, roots = _conjugate_roots_instances(monkeypatch)
    assert res.ok and len(polys) == len(roots) == 12
    x = sp.Symbol("x")
    assert {sp.degree(p, x) for p in polys} == set(range(1, 7))              # every degree 1..6
    assert all(len(r) == sp.degree(p, x) for p, r in zip(polys, roots))
    assert any(q.is_real is False for r in roots for q in r)                  # the conjugation is put to work
    _, again, _ = _conjugate_roots_instances(monkeypatch)
    assert again == polys                                                      # seeded


def test_conjugate_roots_check_fails_with_the_reason(monkeypatch):
    x = sp.Symbol("x")
    polys = []
    monkeypatch.setattr(lm, "_random_poly", lambda rnd, deg_, y: polys.append(_RANDOM_POLY(rnd, deg_, y)) or polys[-1])
    real_all_roots = sp.Poly.all_roots
    monkeypatch.setattr(sp.Poly, "all_roots", lambda self, *a, **kw: real_all_roots(self, *a, **kw)[1:])
    assert lm._conjugate_roots() == lm.LemmaCheck(False, f"{sp.Poly(polys[0], x)} does not have deg P roots")
    # a non-real root without its conjugate (a real root is its own conjugate)
    for real_roots in (0, 1):
        polys.clear()
        monkeypatch.setattr(sp.Poly, "all_roots", lambda self, *a, k=real_roots, **kw: [sp.Integer(2)] * k
                            + [sp.I] * (self.degree() - k))
        assert lm._conjugate_roots() == lm.LemmaCheck(
            False, f"{sp.Poly(polys[0], x)}: the non-real roots are not closed under conjugation")
    # conjugate pairs and real roots, as many as the degree: closed under conjugation
    monkeypatch.setattr(sp.Poly, "all_roots", lambda self, *a, **kw: [sp.I, -sp.I] * (self.degree() // 2)
                        + [sp.Integer(2)] * (self.degree() % 2))
    assert lm._conjugate_roots().ok is True


def test_conjugate_roots_check_needs_its_counterexample(monkeypatch):
    # a conjugation that does nothing: z - i would have the root conj(i) = i, and the check must notice
    monkeypatch.setattr(lm, "_conjugate_symmetry", lambda real=True: real)
    monkeypatch.setattr(lm, "sp", _sympy_with(conjugate=lambda e: e))
    assert lm._conjugate_roots() == lm.LemmaCheck(False, "z - i: -i is a root")


def _product_instances(monkeypatch, bounds=None):
    polys = []
    monkeypatch.setattr(lm, "_top_coefficient_is_product", lambda nonzero=True: (nonzero, "stub"))
    bounds = [] if bounds is None else bounds
    monkeypatch.setattr(lm, "_cauchy_formula_instances", lambda bound: bounds.append(bound))
    monkeypatch.setattr(lm, "_random_poly", lambda rnd, deg_, y: polys.append(_RANDOM_POLY(rnd, deg_, y)) or polys[-1])
    return lm._degree_of_product(), polys


def test_degree_of_product_check_computes_60_seeded_instances(monkeypatch):
    bounds = []
    res, polys = _product_instances(monkeypatch, bounds)
    x = sp.Symbol("x")
    assert bounds == [6]                                      # "rechecked with generic coefficients for p, q <= 6"
    assert res.ok and len(polys) == 120                       # "60 seeded rational instances": 60 products p q
    for factors in (polys[0::2], polys[1::2]):                # p and q each of every degree 0..6
        assert {sp.degree(f, x) for f in factors} == set(range(7))
    _, again = _product_instances(monkeypatch)
    assert again == polys                                      # seeded


def test_degree_of_product_check_fails_with_the_reason(monkeypatch):
    x = sp.Symbol("x")
    res, polys = None, []
    real_degrees = lm._product_degrees
    monkeypatch.setattr(lm, "_product_degrees",                                           # one degree too many
                        lambda p, q, y: (real_degrees(p, q, y)[0] + 1,) + real_degrees(p, q, y)[1:])
    res, polys = _product_instances(monkeypatch)
    assert res == lm.LemmaCheck(False, f"deg({polys[0]} * {polys[1]}) is not the sum of degrees") and len(polys) == 2
    for wrong in (lambda d: (d[0], d[1] + 1, d[2]), lambda d: (d[0], d[1], d[2] - 1)):    # a factor's degree wrong
        monkeypatch.setattr(lm, "_product_degrees", lambda p, q, y, wrong=wrong: wrong(real_degrees(p, q, y)))
        res, polys = _product_instances(monkeypatch)
        assert res == lm.LemmaCheck(False, f"deg({polys[0]} * {polys[1]}) is not the sum of degrees")
    monkeypatch.setattr(lm, "_product_degrees", real_degrees)
    # the example of a zero leading tap: (0 x^2 + x + 1)(x + 1) must have degree 2, not 3
    seen = []

    def expand(e):
        seen.append(e)
        return sp.expand(e) + (x ** 3 if e == (x + 1) ** 2 else 0)

    monkeypatch.setattr(lm, "sp", _sympy_with(expand=expand))
    assert _product_instances(monkeypatch)[0] == lm.LemmaCheck(False, "a zero leading tap did not lower the degree")
    assert seen[-1] == (x + 1) ** 2


def test_top_coefficient_check_fails_with_the_reason(monkeypatch):
    P, Q, R = lm._P, lm._Q, lm._R
    real_range = lm._cauchy_range
    monkeypatch.setattr(lm, "_cauchy_range", lambda s, p, q: (real_range(s, p, q)[0], real_range(s, p, q)[1] + 1))
    assert lm._top_coefficient_is_product() == (False, "the range of the top coefficient is p..p + 1, not the single "
                                                       "index p")
    monkeypatch.setattr(lm, "_cauchy_range", lambda s, p, q: (real_range(s, p, q)[0] - 1, real_range(s, p, q)[1]))
    assert lm._top_coefficient_is_product() == (False, "the range of the top coefficient is p - 1..p, not the single "
                                                       "index p")
    # above degree p + q: a range that is not empty
    monkeypatch.setattr(lm, "_cauchy_range", lambda s, p, q: real_range(s, p, q) if s == P + Q else (0, p))
    assert lm._top_coefficient_is_product() == (False, "the range above degree p + q is not shown empty")
    monkeypatch.setattr(lm, "_cauchy_range", real_range)
    # the top coefficient computed wrong
    monkeypatch.setattr(lm, "sp", _sympy_with(Sum=lambda f, lim: sp.Sum(2 * f, lim)))
    a, b = sp.Function("a"), sp.Function("b")
    assert lm._top_coefficient_is_product() == (False, f"the top coefficient is {2 * a(P) * b(Q)}, not a_p b_q")
    assert R.is_positive


def test_random_polynomials_draw_from_the_stated_ranges():
    rnd = random.Random(5)
    drawn = [sp.Poly(lm._random_poly(rnd, 2, X), X).all_coeffs() for _ in range(400)]      # [lead, c1, c0]
    # below the top: -5..5 over 1..4, at every position; the top one: +-1, +-2, +-3 over 1..4 (never 0)
    below = {sp.Rational(a_, b_) for a_ in range(-5, 6) for b_ in range(1, 5)}
    top = {sp.Rational(a_, b_) for a_ in (-3, -2, -1, 1, 2, 3) for b_ in range(1, 5)}
    assert {c_[2] for c_ in drawn} == below and {c_[1] for c_ in drawn} == below
    assert {c_[0] for c_ in drawn} == top


def test_cauchy_formula_instances_cover_every_coefficient_up_to_the_bound(monkeypatch):
    seen = []
    real_range = lm._cauchy_range
    monkeypatch.setattr(lm, "_cauchy_range", lambda s, p, q: seen.append((s, p, q)) or real_range(s, p, q))
    assert lm._cauchy_formula_instances(3) is None
    assert sorted(seen) == sorted((s, p, q) for p in range(4) for q in range(4) for s in range(p + q + 1))
    # a range one too short at the top: the first coefficient that needs it is named
    monkeypatch.setattr(lm, "_cauchy_range", lambda s, p, q: (real_range(s, p, q)[0], real_range(s, p, q)[1] - 1))
    assert lm._cauchy_formula_instances(3) == "p=0, q=0: coefficient of x^0 is not the Cauchy sum"
    monkeypatch.setattr(lm, "_cauchy_range", lambda s, p, q: (real_range(s, p, q)[0], min(p, s, 0)))
    assert lm._cauchy_formula_instances(3) == "p=1, q=0: coefficient of x^1 is not the Cauchy sum"


def test_kernel_length_check_computes_the_coefficients_of_a_symbolic_size(monkeypatch):
    """"general for a symbolic size k": the coefficients of x^(k-1), x^(k-1+r) and x^0 of sum_{t=0}^{k-1} a_t x^t,
    as sums over t = 0..k-1 of a_t [t = s] (spied: the sums built, whatever the symbols are named)."""
    sums = []
    monkeypatch.setattr(lm, "sp", _sympy_with(Sum=lambda f, lim: sums.append((f, lim)) or sp.Sum(f, lim)))
    assert lm._kernel_length().ok
    t, lo, top = sums[0][1]
    k = top + 1
    a = next(iter(sums[0][0].atoms(sp.core.function.AppliedUndef))).func
    assert k.is_Symbol and k.is_integer and k.is_positive and t.is_integer and lo == 0
    assert sums[:3] == [(a(t) * sp.KroneckerDelta(t, s), (t, 0, k - 1)) for s in (k - 1, k - 1 + lm._R, 0)]


def test_kernel_length_check_names_each_coefficient_it_could_not_show(monkeypatch):
    k = sp.Symbol("k", integer=True, positive=True)
    t = sp.Symbol("t", integer=True)
    a = sp.Function("a")
    wrong = sp.Symbol("wrong")
    right = [a(k - 1), sp.Integer(0), a(0)]
    for bad in range(3):
        calls = []

        def fake_sum(f, lim, bad=bad, calls=calls):
            calls.append(f)
            return wrong if len(calls) == bad + 1 else sp.Sum(f, lim)

        monkeypatch.setattr(lm, "sp", _sympy_with(Sum=fake_sum))
        got = [wrong if q == bad else right[q] for q in range(3)]
        assert lm._kernel_length() == lm.LemmaCheck(
            False, f"coefficients of P_a: x^(k-1) -> {got[0]}, above -> {got[1]}, x^0 -> {got[2]}")
    assert t.is_integer


def test_fubini_check_names_the_instance_it_could_not_show(monkeypatch):
    x, y = sp.symbols("x y", real=True)
    monkeypatch.setattr(lm, "decide_equal", lambda a, b: None)          # undecided is not equal
    assert lm._fubini() == lm.LemmaCheck(False, f"the two orders are not shown equal for {sp.exp(-x**2 - 2 * y**2)}")
    monkeypatch.setattr(lm, "decide_equal", lambda a, b: a != sp.pi)    # the second instance
    assert lm._fubini() == lm.LemmaCheck(False, f"the two orders are not shown equal for {sp.exp(-(x - y)**2 - y**2)}")


def test_kernel_length_check_names_the_range_of_the_first_tap(monkeypatch):
    monkeypatch.setattr(lm, "_cauchy_range", lambda s, p, q: (sp.Max(0, s - q), sp.Min(p, s) + 1))
    assert lm._kernel_length() == lm.LemmaCheck(False, "the first tap of a * b is a sum over 0..1, not a_0 b_0")
