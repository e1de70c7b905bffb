"""Kill-tests for symconv/engine/group_rules.py (the rules for sums over a finite group G).

tests/test_group_rules.py (not in the mutation selection) states the soundness of each rule through a whole
derivation; here every helper and every guard is pinned directly: the exact reduced words, the exact
canonical expressions, each side condition refused with its own message, and each accepted step.  A guard
that is weakened must make one of the refusals below pass.

PYTEST_DONT_REWRITE: kill tests count by passing or failing; their asserts are not rewritten (that took
seconds in every xdist worker).
"""

import pytest
import sympy as sp

from symconv.engine.group_rules import (GroupArithmetic, GroupReindex, GroupSift, LeftInvariantKernel, _at_sum,
                                        _inverse, _label_arg_ok, _label_parent, _over_group, _reduce, bound_in,
                                        group_canonical, group_word, label_only, word_expr)
from symconv.engine.rules import RuleError
from symconv.objects.group_elements import GId, GInv, GMul
from symconv.objects.indexed import Iverson, W, entry_function, n, omega, poly_function, sequence_function, zsum

a, g, h, k, x, y, z = sp.symbols("a g h k x y z", integer=True)
r = sp.Symbol("r", real=True)
u = sp.Symbol("u")                                    # no assumptions: is_integer is None
psi = entry_function("psi", r"\psi")
f = entry_function("f")
seq = sequence_function("kseq")                       # a sequence on Z: its arguments are not labels
poly = poly_function("kpoly", "q(#)")
acyc = entry_function("acyc", "A", cyclic=False)      # an entry that is not read mod n


def E(lhs, rhs):
    return sp.Eq(lhs, rhs, evaluate=False)


# ------------------------------------------------------------------ words

def test_reduce_cancels_only_a_letter_against_its_own_inverse():
    assert _reduce([(g, 1), (g, -1)]) == ()
    assert _reduce([(g, -1), (g, 1)]) == ()
    assert _reduce([(g, 1), (g, 1)]) == ((g, 1), (g, 1))
    assert _reduce([(g, 1), (h, -1)]) == ((g, 1), (h, -1))
    assert _reduce([(g, 1), (h, 1), (h, -1), (g, -1), (k, 1)]) == ((k, 1),)      # cancellation cascades
    assert _reduce([(h, 1), (g, 1), (h, -1)]) == ((h, 1), (g, 1), (h, -1))       # never commutes
    assert _reduce([]) == ()
    assert isinstance(_reduce([(g, 1)]), tuple)


def test_inverse_reverses_and_flips():
    assert _inverse(((g, 1), (h, -1), (k, 1))) == ((k, -1), (h, 1), (g, -1))
    assert _inverse(()) == ()


def test_group_word_reads_every_form():
    assert group_word(GId()) == ()
    assert group_word(g) == ((g, 1),)
    assert group_word(GInv(g)) == ((g, -1),)
    assert group_word(GMul(g, h)) == ((g, 1), (h, 1))
    assert group_word(GInv(GMul(g, GInv(h)))) == ((h, 1), (g, -1))
    assert group_word(GMul(GMul(g, h), GInv(h))) == ((g, 1),)
    assert group_word(GMul(GInv(g), GMul(g, h))) == ((h, 1),)
    # not group expressions
    assert group_word(n) is None and group_word(r) is None and group_word(u) is None
    assert group_word(0) is None and group_word(g + 1) is None and group_word(psi(g)) is None
    assert group_word(GMul(g, u)) is None and group_word(GMul(u, g)) is None
    assert group_word(GMul(n, g)) is None and group_word(GInv(u)) is None and group_word(GInv(g + 1)) is None
    assert group_word(GMul(GInv(u), g)) is None


def test_word_expr_is_right_nested():
    assert word_expr(()) == GId()
    assert word_expr(((g, 1),)) == g
    assert word_expr(((g, -1),)) == GInv(g)
    assert word_expr(((g, 1), (h, -1), (k, 1))) == GMul(g, GMul(GInv(h), k))
    assert word_expr(((g, -1), (h, 1))) == GMul(GInv(g), h)
    for w in (((g, 1), (h, 1)), ((g, -1), (h, -1), (k, 1), (g, 1))):
        assert group_word(word_expr(w)) == w


# ------------------------------------------------------------------ label positions

def test_label_parents():
    assert _label_parent(Iverson(g, h)) and _label_parent(GMul(g, h)) and _label_parent(GInv(g))
    assert _label_parent(psi(g)) and _label_parent(W(g, h))
    assert not _label_parent(seq(g)) and not _label_parent(poly(g)) and not _label_parent(acyc(g))
    assert not _label_parent(GId()) and not _label_parent(g + h) and not _label_parent(sp.Function("plain")(g))
    qp = entry_function("kqp", "q", cyclic=True, kind="poly")
    assert not _label_parent(qp(g))
    # a function marked cyclic by hand, with no kind: not an entry, so no label positions (and no error)
    assert _label_parent(sp.Function("khand", _symconv_cyclic=True)(g)) is False


def test_group_canonical_rewrites_label_positions_only():
    assert group_canonical(psi(GMul(GMul(g, h), GInv(h)))) == psi(g)
    assert group_canonical(psi(GMul(g, GMul(h, k)))) == psi(GMul(g, GMul(h, k)))
    assert group_canonical(psi(GMul(GMul(g, h), k))) == psi(GMul(g, GMul(h, k)))   # associativity, right-nested
    assert group_canonical(psi(GMul(g, GInv(g)))) == psi(GId())
    assert group_canonical(Iverson(GMul(GId(), g), GInv(GInv(h)))) == Iverson(g, h)
    # the top level and the arguments of non-label objects are left alone
    assert group_canonical(GMul(GId(), g)) == GMul(GId(), g)
    assert group_canonical(GMul(GId(), g), label=True) == g
    assert group_canonical(seq(GMul(GId(), g))) == seq(GMul(GId(), g))
    assert group_canonical(poly(GMul(GId(), g))) == poly(GMul(GId(), g))
    # inside products, sums and equations
    e = 2 * psi(GMul(GId(), g)) + seq(GMul(GId(), g))
    assert group_canonical(e) == 2 * psi(g) + seq(GMul(GId(), g))
    assert group_canonical(E(psi(GMul(GId(), g)), f(h))) == E(psi(g), f(h))
    # a sum keeps its limits, its body is rewritten
    s = group_canonical(sp.Sum(psi(GMul(GId(), h)), (h, 1, n - 2)))
    assert s == sp.Sum(psi(h), (h, 1, n - 2))
    # a group expression that is not a word (a non-label atom inside) stays, its label parts are rewritten
    assert group_canonical(psi(GMul(u, GMul(GId(), g)))) == psi(GMul(u, g))
    assert group_canonical(g) == g and group_canonical(3) == 3


def test_label_arg_ok():
    assert _label_arg_ok(g + 1, h)                     # does not involve the variable
    assert _label_arg_ok(GMul(g, h), h) and _label_arg_ok(2 * h + 1, h)
    assert _label_arg_ok(GMul(h, g + 1), h)            # not a word, but each factor is fine
    assert _label_arg_ok(GInv(2 * h), h)
    assert not _label_arg_ok(h / 2, h) and not _label_arg_ok(r * h, h)
    assert not _label_arg_ok(GMul(h / 2, g), h) and not _label_arg_ok(GInv(h / 2), h)
    assert not _label_arg_ok(sp.Abs(h), h)


def test_label_only():
    assert label_only(psi(g) * 7, h)                                   # h does not occur
    assert label_only(psi(GMul(g, h)) * Iverson(h, GId()), h)
    assert label_only(psi(h) + f(h), h) and label_only(omega ** (2 * h * g), h)
    assert not label_only(omega ** (h / 2), h) and not label_only(sp.exp(h), h) and not label_only(r ** h, h)
    assert not label_only(h * psi(h), h) and not label_only(seq(h), h) and not label_only(poly(h), h)
    assert not label_only(psi(h) + h, h) and not label_only(acyc(h), h)
    assert not label_only(psi(h / 2), h)
    # a sum inside: fine when h is only in its body, refused when h is in its limits
    assert label_only(sp.Sum(psi(GMul(h, k)), (k, 0, n - 1)), h)
    assert not label_only(sp.Sum(psi(k), (k, 0, h)), h)
    assert not label_only(sp.Sum(psi(k), (k, h, n - 1)), h)
    assert not label_only(sp.Sum(h * psi(k), (k, 0, n - 1)), h)


def test_over_group_and_bound_in():
    assert _over_group((h, 0, n - 1)) and _over_group((h, sp.Integer(0), -1 + n))
    assert not _over_group((h, 0, n)) and not _over_group((h, 1, n - 1)) and not _over_group((h, 0, n - 2))
    assert not _over_group((h,)) and not _over_group((h, 0, n - 1, 1))
    assert bound_in(psi(g)) == set()
    assert bound_in(zsum(psi(h) * zsum(f(k), k), h) + zsum(f(z), z)) == {h, k, z}
    assert bound_in(sp.Sum(psi(h), (h, 0, n - 1), (k, 0, n - 1))) == {h, k}


def test_at_sum_refuses_iterated_sums_and_touches_only_its_variable():
    seen = []

    def fn(body, lim):
        seen.append((body, lim))
        return sp.Integer(5)
    assert _at_sum(h, fn)(zsum(psi(h), h) + zsum(psi(k), k)) == 5 + zsum(psi(k), k)
    assert seen == [(psi(h), (h, 0, n - 1))]
    with pytest.raises(RuleError, match=r"^the sum over h is iterated: split it into single sums first$"):
        _at_sum(h, fn)(sp.Sum(psi(h), (h, 0, n - 1), (k, 0, n - 1)))
    with pytest.raises(RuleError, match="iterated"):
        _at_sum(k, fn)(sp.Sum(psi(h), (h, 0, n - 1), (k, 0, n - 1)))


# ------------------------------------------------------------------ GroupArithmetic

def test_group_arithmetic_accepts_the_axioms_and_says_so():
    assert GroupArithmetic().check(psi(GInv(GMul(g, h))), psi(GMul(GInv(h), GInv(g)))) == (
        True, "GroupArithmetic: the group words agree")
    assert GroupArithmetic().check(E(psi(GMul(g, GInv(g))), f(h)), E(psi(GId()), f(h)))[0]
    # equal_mod_n is still used after the rewriting (h + n is h as a label)
    assert GroupArithmetic().check(psi(GMul(GId(), h)), psi(h + n))[0]


def test_group_arithmetic_refuses_with_its_messages():
    ok, msg = GroupArithmetic().check(psi(GMul(g, h)), psi(GMul(h, g)))
    assert not ok and msg == ("GroupArithmetic: psi(GMul(g, h)) and psi(GMul(h, g)) do not agree by the group axioms "
                              "(reduced words in the free group differ)")
    assert GroupArithmetic().check(E(psi(g), psi(g)), psi(g)) == (
        False, "GroupArithmetic relates an equation to an equation, an expression to an expression")
    assert GroupArithmetic().check(psi(g), E(psi(g), psi(g)))[0] is False
    assert not GroupArithmetic().check(seq(GMul(GId(), g)), seq(g))[0]
    assert not GroupArithmetic().check(psi(GMul(g, g)), psi(GId()))[0]


def test_group_arithmetic_justification():
    assert GroupArithmetic().justification() == r"group axioms: $(xy)z = x(yz)$, $ex = x$, $x^{-1}x = e$"
    assert GroupArithmetic("my words").justification() == "my words"
    assert GroupArithmetic().text == ""


# ------------------------------------------------------------------ GroupReindex

def test_group_reindex_applies_and_matches():
    rule = GroupReindex(h, GMul(g, k), k)
    assert (rule.old, rule.image, rule.new) == (h, GMul(g, k), k)
    assert rule.apply(zsum(psi(h) * f(h), h)) == zsum(psi(GMul(g, k)) * f(GMul(g, k)), k)
    assert rule.apply(E(zsum(psi(h), h), f(g))) == E(zsum(psi(GMul(g, k)), k), f(g))
    assert rule.check(zsum(psi(h), h), zsum(psi(GMul(g, k)), k)) == (True, "GroupReindex: recomputed and matched")
    # matched only up to the group axioms
    assert rule.check(zsum(psi(GMul(GInv(g), h)), h), zsum(psi(k), k))[0]
    rule2 = GroupReindex(h, GMul(GInv(k), g), k)
    assert rule2.apply(zsum(psi(h), h)) == zsum(psi(GMul(GInv(k), g)), k)


def test_group_reindex_refuses_a_wrong_result_with_its_message():
    rule = GroupReindex(h, GMul(g, k), k)
    ok, msg = rule.check(zsum(psi(h), h), zsum(psi(GMul(k, g)), k))
    assert not ok and msg == ("GroupReindex gives Sum(psi(GMul(g, k)), (k, 0, n - 1)), "
                              "not the stated Sum(psi(GMul(k, g)), (k, 0, n - 1))")


@pytest.mark.parametrize("old,new,name", [(r, k, "old"), (u, k, "old"), (n, k, "old"), (h, r, "new"), (h, u, "new"),
                                          (h, n, "new"), (h + 1, k, "old"), (h, k + 1, "new")])
def test_group_reindex_variables_must_be_integer_labels(old, new, name):
    with pytest.raises(RuleError, match=rf"^{name} must be an integer symbol \(a label\) other than n, got "):
        GroupReindex(old, GMul(g, k), new)


def test_group_reindex_constructor_messages():
    with pytest.raises(RuleError, match=r"^k \+ 1 is not a group expression \(integer symbols, GMul, GInv, GId\)$"):
        GroupReindex(h, k + 1, k)
    with pytest.raises(RuleError, match=r"^the image GMul\(h, k\) involves the old variable h: not a translation$"):
        GroupReindex(h, GMul(h, k), k)
    with pytest.raises(RuleError, match=r"^k must occur exactly once in the reduced image GMul\(k, k\): otherwise "
                                        r"the substitution is not shown to be a bijection of G$"):
        GroupReindex(h, GMul(k, k), k)
    with pytest.raises(RuleError, match=r"reduced image g:"):
        GroupReindex(h, GMul(GMul(k, GInv(k)), g), k)
    with pytest.raises(RuleError, match="exactly once"):
        GroupReindex(h, GMul(k, GMul(g, k)), k)
    with pytest.raises(RuleError, match="exactly once"):
        GroupReindex(h, GMul(GInv(k), GMul(g, GInv(k))), k)
    # one occurrence after reduction is enough
    GroupReindex(h, GMul(GMul(k, g), GMul(GInv(g), GMul(GInv(k), k))), k)


def test_group_reindex_side_conditions_each_with_its_message():
    rule = GroupReindex(h, GMul(g, k), k)
    for lim, txt in (((h, 0, n - 2), "0..n - 2"), ((h, 1, n - 1), "1..n - 1"), ((h, 0, n), "0..n")):
        with pytest.raises(RuleError, match=rf"^the sum over h must run over the whole group \(0\.\.n-1\), not "
                                            rf"{txt}$"):
            rule.apply(sp.Sum(psi(h), lim))
    with pytest.raises(RuleError, match=r"^the summand depends on h outside label positions \(not a function on "
                                        r"G\)$"):
        rule.apply(zsum(h * psi(h), h))
    with pytest.raises(RuleError, match=r"^k already occurs in the sum$"):
        rule.apply(zsum(psi(h) * f(k), h))
    with pytest.raises(RuleError, match=r"^k already occurs in the sum$"):
        rule.apply(zsum(psi(h) * zsum(f(GMul(h, k)), k), h))            # k bound inside (not free)
    # an inner sum over h is reached first by apply (innermost first), so this guard is met through _reindex
    with pytest.raises(RuleError, match=r"^k already occurs in the sum$"):
        rule.apply(zsum(psi(h) * zsum(f(h), h), h))
    with pytest.raises(RuleError, match=r"^h is bound again inside the summand: rename the inner sum first$"):
        rule._reindex(psi(h) * zsum(f(h), h), (h, 0, n - 1))
    with pytest.raises(RuleError, match=r"^substitution would capture \['g'\] under an inner sum$"):
        rule.apply(zsum(psi(h) * zsum(f(GMul(g, h)), g), h))
    ok, msg = rule.check(zsum(h * psi(h), h), zsum(GMul(g, k) * psi(GMul(g, k)), k))
    assert not ok and msg == ("GroupReindex does not apply: the summand depends on h outside label positions "
                              "(not a function on G)")


def test_group_reindex_justification():
    assert GroupReindex(h, GMul(g, k), k).justification() == (
        r"substitute $h = g \cdot k$ (a bijection of $G$: translation is invertible)"
        if sp.latex(GMul(g, k)) == r"g \cdot k" else
        rf"substitute $h = {sp.latex(GMul(g, k))}$ (a bijection of $G$: translation is invertible)")
    assert GroupReindex(h, GMul(g, k), k).justification() == (
        "substitute $h = " + sp.latex(GMul(g, k)) + "$ (a bijection of $G$: translation is invertible)")


# ------------------------------------------------------------------ GroupSift

@pytest.mark.parametrize("p,q,sol", [
    (x, GMul(a, z), GMul(GInv(a), x)),                       # x = a z      => z = a^-1 x
    (z, GMul(a, y), GMul(a, y)),                             # z = a y
    (GMul(a, y), z, GMul(a, y)),                             # the sides swapped
    (GMul(GMul(a, z), g), x, GMul(GInv(a), GMul(x, GInv(g)))),   # a z g = x  => z = a^-1 x g^-1
    (GMul(GInv(z), a), x, GMul(a, GInv(x))),                 # z^-1 a = x => z = a x^-1
    (GInv(z), x, GInv(x)),                                   # z^-1 = x   => z = x^-1
    (z, GId(), GId()),
    (GMul(GMul(a, GInv(z)), g), x, GMul(g, GMul(GInv(x), a))),   # a z^-1 g = x => z = g x^-1 a
])
def test_sift_solves(p, q, sol):
    br = Iverson(p, q)
    assert GroupSift(z)._solve(br) == sol
    assert GroupSift(z).apply(zsum(br * f(z), z)) == f(sol)
    assert GroupSift(z).check(zsum(br * f(z), z), f(sol)) == (True, "GroupSift: recomputed and matched")


def test_sift_has_no_solution_unless_the_variable_occurs_once():
    s = GroupSift(z)
    assert s._solve(Iverson(z, GMul(z, a))) is None                     # z cancels
    assert s._solve(Iverson(GMul(z, z), x)) is None                     # twice
    assert s._solve(Iverson(x, a)) is None                              # not at all
    assert s._solve(Iverson(z + 1, x)) is None and s._solve(Iverson(x, z + 1)) is None
    assert s._solve(Iverson(z, u)) is None


def test_sift_uses_the_first_bracket_with_a_solution_and_keeps_the_rest():
    s = GroupSift(z)
    # the first bracket has no unique solution; the second has one; the first stays in the result
    body = Iverson(a, GMul(z, z)) * Iverson(z, x) * f(z)
    assert sp.Mul.make_args(body)[0] == Iverson(a, GMul(z, z))          # the bracket without a solution comes first
    assert s.apply(zsum(body, z)) == Iverson(a, GMul(x, x)) * f(x)
    got = s.apply(zsum(Iverson(GMul(z, z), x) * Iverson(z, a) * f(z), z))
    assert got == Iverson(GMul(a, a), x) * f(a)
    assert s.apply(zsum(psi(x) * Iverson(z, a), z)) == psi(x)
    assert s.apply(E(zsum(Iverson(z, a) * f(z), z), psi(a))) == E(f(a), psi(a))


def test_sift_side_conditions_each_with_its_message():
    s = GroupSift(z)
    with pytest.raises(RuleError, match=r"^the sum over z must run over the whole group \(0\.\.n-1\), not 1\.\.n - 1$"):
        s.apply(sp.Sum(Iverson(z, a) * f(z), (z, 1, n - 1)))
    with pytest.raises(RuleError, match="no bracket"):              # the inner sum is reached first
        s.apply(zsum(Iverson(z, GMul(a, g)) * zsum(f(z), z), z))
    with pytest.raises(RuleError, match=r"^z is bound again inside the summand: rename the inner sum first$"):
        s._sift(Iverson(z, GMul(a, g)) * zsum(f(z), z), (z, 0, n - 1))
    with pytest.raises(RuleError, match=r"^the summand depends on z outside label positions \(not a function on G\)$"):
        s.apply(zsum(Iverson(z, a) * z * f(z), z))
    with pytest.raises(RuleError, match=r"^substitution would capture \['g'\] under an inner sum$"):
        s.apply(zsum(Iverson(z, g) * zsum(f(GMul(z, g)), g), z))
    with pytest.raises(RuleError, match=r"^no bracket \[p = q\] of group expressions in which z occurs exactly "
                                        r"once$"):
        s.apply(zsum(Iverson(z, GMul(z, a)) * f(z), z))
    with pytest.raises(RuleError, match="no bracket"):
        s.apply(zsum(Iverson(x, a) * f(z), z))                          # a bracket without z
    with pytest.raises(RuleError, match="no bracket"):
        s.apply(zsum(psi(z) * f(z), z))
    ok, msg = s.check(zsum(Iverson(z, a) * z * f(z), z), a * f(a))
    assert not ok and msg == ("GroupSift does not apply: the summand depends on z outside label positions "
                              "(not a function on G)")
    ok, msg = s.check(zsum(Iverson(z, a) * f(z), z), f(x))
    assert not ok and msg == "GroupSift gives f(a), not the stated f(x)"


@pytest.mark.parametrize("var", [r, u, n, z + 1, 3])
def test_sift_variable_must_be_an_integer_label(var):
    with pytest.raises(RuleError, match=r"^var must be an integer symbol \(a label\) other than n, got "):
        GroupSift(var)


def test_sift_justification():
    assert GroupSift(z).var == z
    assert GroupSift(z).justification() == r"sifting over $G$: the bracket holds for exactly one $z$"


# ------------------------------------------------------------------ LeftInvariantKernel

PREMISE = E(W(x, GMul(a, y)), W(GMul(GInv(a), x), y))
GOOD = E(W(x, y), W(GMul(GInv(y), x), GId()))
LIK_OK = "LeftInvariantKernel: W(x, a y) = W(a^-1 x, y) for all a  <=>  W(x, y) = W(y^-1 x, e)"


def test_lemma_accepts_its_shape_in_every_order_and_naming():
    L = LeftInvariantKernel()
    assert L.relation == r"\iff"
    assert L.check(PREMISE, GOOD) == (True, LIK_OK)
    assert L.check(E(PREMISE.rhs, PREMISE.lhs), GOOD) == (True, LIK_OK)
    assert L.check(PREMISE, E(GOOD.rhs, GOOD.lhs)) == (True, LIK_OK)
    assert L.check(PREMISE, E(W(g, h), W(GMul(GInv(h), g), GId()))) == (True, LIK_OK)
    # the premise's three elements renamed (a <-> x among them)
    assert L.check(E(W(a, GMul(x, y)), W(GMul(GInv(x), a), y)), GOOD)[0]
    # a premise written up to the group axioms
    assert L.check(E(W(x, GMul(GMul(a, GId()), y)), W(GMul(GInv(a), x), y)), GOOD)[0]


def test_lemma_refuses_premises_with_their_messages():
    L = LeftInvariantKernel()
    shape = ("LeftInvariantKernel does not apply: the premise must read W(x, a y) = W(a^{-1} x, y) for three "
             "distinct elements x, y, a")
    for bad in (E(W(x, GMul(y, a)), W(GMul(x, GInv(a)), y)),               # right translation
                E(W(x, GMul(a, y)), W(GMul(GInv(g), x), y)),               # another element on the right
                E(W(x, GMul(a, y)), W(GMul(a, x), y)),                     # a, not a^-1
                E(W(x, GMul(GInv(a), y)), W(GMul(GInv(a), x), y)),         # a^-1 y on the left
                E(W(x, GMul(a, GInv(y))), W(GMul(GInv(a), x), y)),
                E(W(x, GMul(a, y)), W(GMul(GInv(a), GInv(x)), y)),
                E(W(x, GMul(a, y)), W(GMul(GInv(a), y), y)),               # y for x
                E(W(x, GMul(a, y)), W(GMul(GInv(a), x), x)),               # x for y
                E(W(x, GMul(a, x)), W(GMul(GInv(a), x), x)),               # x = y: two elements only
                E(W(x, GMul(x, y)), W(GMul(GInv(x), x), y)),               # a = x
                E(W(x, GMul(a, a)), W(GMul(GInv(a), x), a)),               # a = y
                E(W(x, GMul(GMul(a, g), y)), W(GMul(GInv(a), x), y)),      # three letters
                E(W(x, a), W(GMul(GInv(a), x), y)),                        # one letter
                E(W(x, GMul(a, y)), W(GInv(a), y)),
                E(W(x, GMul(a, y)), W(GMul(GInv(a), x + 1), y)),
                E(W(x + 1, GMul(a, y)), W(GMul(GInv(a), x), y)),           # x not a symbol
                E(W(x, GMul(a, y)), W(GMul(GInv(a), x), GId())),           # y not a symbol
                E(W(x, GMul(a, y + 1)), W(GMul(GInv(a), x), y)),
                E(W(x, GMul(u, y)), W(GMul(GInv(u), x), y))):              # not group expressions
        assert L.check(bad, GOOD) == (False, shape), bad
    assert L.check(E(W(x, GMul(a, y)), W(GMul(GInv(a), x), y) + g), GOOD) == (
        False, "LeftInvariantKernel does not apply: both sides must be entries W(., .) of one matrix on G")


def test_lemma_needs_entries_of_one_matrix():
    L = LeftInvariantKernel()
    both = "LeftInvariantKernel does not apply: both sides must be entries W(., .) of one matrix on G"
    assert L.check(W(x, y), GOOD) == (False, "LeftInvariantKernel does not apply: needs an equation between two "
                                             "entries of one matrix")
    V = entry_function("V")
    W3 = entry_function("W3")
    seq2 = sequence_function("kseq2")
    acyc2 = entry_function("acyc2", cyclic=False)
    qp = entry_function("kqp2", "q", cyclic=True, kind="poly")
    for bad in (E(W(x, GMul(a, y)), V(GMul(GInv(a), x), y)),
                E(seq2(x, GMul(a, y)), seq2(GMul(GInv(a), x), y)),
                E(acyc2(x, GMul(a, y)), acyc2(GMul(GInv(a), x), y)),
                E(qp(x, GMul(a, y)), qp(GMul(GInv(a), x), y)),
                E(W3(x, GMul(a, y), g), W3(GMul(GInv(a), x), y, g)),
                E(sp.Function("plainw")(x, GMul(a, y)), sp.Function("plainw")(GMul(GInv(a), x), y)),
                E(W(x, GMul(a, y)), g), E(g, W(x, GMul(a, y)))):
        assert L.check(bad, GOOD) == (False, both), bad
    hand = sp.Function("khand2", _symconv_cyclic=True)          # cyclic by hand, with no kind: not an entry
    assert L.check(E(hand(x, GMul(a, y)), hand(GMul(GInv(a), x), y)), GOOD) == (False, both)
    # the conclusion is checked the same way
    assert L.check(PREMISE, W(x, y)) == (False, "LeftInvariantKernel does not apply: needs an equation between two "
                                                "entries of one matrix")
    assert L.check(PREMISE, E(W(x, y), V(GMul(GInv(y), x), GId()))) == (False, both)
    assert L.check(PREMISE, E(W(x, y), g))[0] is False


def test_lemma_refuses_extra_symbols_in_the_premise():
    # W(x, a y) = W(a^-1 x, y) with an extra symbol: the only way is in a third argument-free position;
    # entry arguments are checked to be words of x, y, a, so an extra symbol needs a group-equal spelling
    L = LeftInvariantKernel()
    extra = E(W(x, GMul(a, y)), W(GMul(GInv(a), GMul(x, GMul(g, GInv(g)))), y))
    assert L.check(extra, GOOD) == (
        False, "LeftInvariantKernel does not apply: the equation has symbols other than the three quantified elements")


def test_lemma_refuses_conclusions_with_its_message():
    L = LeftInvariantKernel()
    tail = ("LeftInvariantKernel concludes W(x, y) = W(y^-1 x, e) for two distinct elements, not ")
    for bad in (E(W(x, y), W(GMul(x, GInv(y)), GId())),
                E(W(x, y), W(GMul(GInv(x), y), GId())),
                E(W(x, y), W(GMul(GInv(y), x), y)),
                E(W(x, y), W(GMul(GInv(y), x), a)),
                E(W(x, x), W(GMul(GInv(x), x), GId())),
                E(W(x, y), W(GInv(y), GId())),
                E(W(x, y), W(GMul(GInv(y), GMul(x, GMul(g, GInv(g)))), GId())),     # an extra symbol
                E(W(x, GMul(GId(), y)), W(GMul(GInv(y), x), GId())),
                E(W(GMul(GId(), x), y), W(GMul(GInv(y), x), GId())),
                E(W(x, y), W(GMul(GInv(y), x), GMul(g, GInv(g)))),
                E(W(x, y), W(GMul(GInv(y), GMul(x, g)), GId()))):
        got = L.check(PREMISE, bad)
        assert got == (False, tail + sp.sstr(bad)), bad
    # the conclusion must be about the premise's matrix W, not another one
    V = entry_function("V")
    other = E(V(x, y), V(GMul(GInv(y), x), GId()))
    assert L.check(PREMISE, other) == (False, tail + sp.sstr(other))
    assert L.check(PREMISE, E(V(GMul(GInv(y), x), GId()), V(x, y)))[0] is False


def test_lemma_rechecks_the_converse_on_the_premise_it_was_given(monkeypatch):
    """The converse (<=) is re-checked on the premise itself: were the shape test ever to accept a
    premise with the kernel on the wrong side, the rewriting W(u, v) -> W(v^-1 u, e) refuses it."""
    L = LeftInvariantKernel()
    right = E(W(x, GMul(y, a)), W(GMul(x, GInv(a)), y))                 # right translation: not the lemma's premise
    assert L.check(right, GOOD)[0] is False
    monkeypatch.setattr(LeftInvariantKernel, "_premise", lambda self, prev: (W, x, a, y))
    assert L.check(right, GOOD) == (False, "LeftInvariantKernel: the converse does not check")
    assert L.check(E(W(x, GMul(a, y)), W(GMul(GInv(a), x), x)), GOOD) == (
        False, "LeftInvariantKernel: the converse does not check")
    assert L.check(PREMISE, GOOD) == (True, LIK_OK)


def test_lemma_justification():
    assert LeftInvariantKernel().justification() == (
        r"lemma: $W(x, ay) = W(a^{-1}x, y)\ \forall a$ $\iff$ $W(x,y) = W(y^{-1}x, e)$ "
        r"($\Rightarrow$: $a = y$, then $y = e$; $\Leftarrow$: $(ay)^{-1} = y^{-1}a^{-1}$)")
