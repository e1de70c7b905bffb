import random
from fractions import Fraction

import pytest
import sympy as sp

from symconv.exact import (CyclotomicField, NotCyclotomic, congruent_mod, cyclotomic_is_zero,
                           cyclotomic_residual, reduce_mod_cyclotomic, root_sum_is_zero, to_cyclotomic)


def test_plain_sympy_fails_where_we_decide():
    w = sp.exp(2 * sp.pi * sp.I / 3)
    assert sp.simplify(1 + w + w**2) != 0          # the motivating failure of plain SymPy
    assert cyclotomic_is_zero(1 + w + w**2)


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5, 6, 8, 9, 12, 15])
def test_matches_sympy_cyclotomic_field(n):
    """Our reduced coefficients agree with SymPy's QQ.cyclotomic_field(n) elements."""
    K = CyclotomicField(n)
    L = sp.QQ.cyclotomic_field(n)
    z = L.from_sympy(L.ext)
    rnd = random.Random(n)
    for trial in range(6):
        coeffs = [rnd.randint(-2, 2) for _ in range(2 * n)]
        if trial == 0:
            coeffs = [1] * n              # the sum of all n-th roots: zero for n > 1
        ours = K.from_poly(coeffs)
        theirs = L.zero
        for e, c in enumerate(coeffs):
            theirs += L.convert(c) * z**e
        assert ours.is_zero == (theirs == L.zero)
        rep = [Fraction(int(c.numerator), int(c.denominator)) for c in reversed(theirs.to_list())]
        assert list(ours.coeffs) == rep + [0] * (K.degree - len(rep))   # same canonical form


@pytest.mark.parametrize("n", range(1, 40))
def test_sum_of_all_roots_is_zero_exactly(n):
    assert root_sum_is_zero([1] * n, n) == (n > 1)


@pytest.mark.parametrize("n", [1, 2, 3, 4, 6, 12, 30, 64, 105, 1155])
def test_root_sum_is_zero_agrees_with_long_division(n):
    """root_sum_is_zero takes the remainder mod Phi_n from python-flint when installed: it must give the
    answer of the pure long division (reduce_mod_cyclotomic) on zeros and non-zeros alike, every length."""
    rnd = random.Random(n)
    cases = [[1] * n, [0] * n, [], [n], [1] + [0] * (n - 1) + [-1]]
    cases += [[(d * l) % n == 0 for l in range(n)] for d in (1, 2, 3)]        # bool counts: ints
    for d in range(min(n, 12)):                                              # geometric sums minus a value
        counts = [0] * n
        for l in range(n):
            counts[(d * l) % n] += 1
        for value in (0, 1, n):
            cases.append([counts[0] - value] + counts[1:])
    cases += [[rnd.randint(-3, 3) for _ in range(rnd.randint(1, 3 * n))] for _ in range(8)]
    for counts in cases:
        folded = [0] * n
        for e, c in enumerate(counts):
            folded[e % n] += int(c)
        assert root_sum_is_zero(counts, n) is (not any(reduce_mod_cyclotomic(folded, n))), counts[:20]


def test_field_arithmetic_and_inverse():
    K = CyclotomicField(7)
    z = K.zeta()
    x = 3 + z - 2 * z**4
    assert x * x.inverse() == K.one
    assert (z**7) == K.one and z**-1 == z**6
    assert (x.conjugate().to_complex() - x.to_complex().conjugate()) == pytest.approx(0)


def test_conversion():
    assert to_cyclotomic(sp.I, 4) == CyclotomicField(4).zeta(1)
    assert to_cyclotomic(sp.exp(-2 * sp.pi * sp.I / 8), 8) == CyclotomicField(8).zeta(7)
    assert cyclotomic_is_zero(sp.sin(sp.pi / 7) * 2 * sp.I - sp.exp(sp.I * sp.pi / 7) + sp.exp(-sp.I * sp.pi / 7))
    with pytest.raises(NotCyclotomic):
        to_cyclotomic(sp.exp(sp.Integer(1)))
    with pytest.raises(NotCyclotomic):
        cyclotomic_residual(sp.Symbol("a") * sp.exp(sp.Symbol("b")))    # not polynomial: no guess


def test_nonzero_is_reported_not_guessed():
    w = sp.exp(2 * sp.pi * sp.I / 5)
    res = cyclotomic_residual(sp.Symbol("a") * (1 + w))
    assert list(res) == [sp.Symbol("a")]


def test_reduce_and_bad_orders():
    assert reduce_mod_cyclotomic([0, 0, 0, 0, 1], 4) == [1, 0]     # zeta_4^4 = 1
    with pytest.raises(ValueError, match="n must be a positive int"):
        CyclotomicField(0)
    with pytest.raises(TypeError, match="n must be a positive int"):
        CyclotomicField(2.5)


def test_congruences():
    i, n = sp.symbols("i n", integer=True)
    assert congruent_mod(i + 2 * n, i, n)
    assert not congruent_mod(i + 1, i, n)
    assert not congruent_mod(n * (n + 1) / 2, 0, n)   # not shown for all n: must be False


def test_closed_form_decisions_never_guess():
    from symconv.exact import certified_nonzero, decide_equal
    x = sp.Symbol("x", real=True)
    near = sp.exp(sp.pi * sp.sqrt(163)) - (640320**3 + 744)     # about -7.5e-13: not zero
    assert certified_nonzero(near) is True
    assert decide_equal(sp.sin(x)**2 + sp.cos(x)**2, 1) is None   # true, but not shown by expansion: undecided
    assert decide_equal(sp.sqrt(2) * sp.sqrt(8), 4) is True
    assert decide_equal(sp.erf(x), sp.erf(x) + sp.Rational(1, 10**30)) is False


def test_float_taps_keep_their_exact_value():
    from symconv.objects.factorize import factor_into_size3
    f = factor_into_size3([0.1, 1.0, 1.0])
    assert f.kernel[0] == sp.Rational(0.1) != sp.Rational(1, 10)        # the binary value, not a guess
