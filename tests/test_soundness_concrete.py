"""Concrete evaluation alone catches the false steps of issue 9.

Each false step is fed through ``Trusting``, a user-written rule that accepts every step (the
worst rule a careless or malicious author could register).  The derivation check must still
reject it: concrete evaluation (engine.concrete, which shares no code with the rules) contradicts
it with a witness, or finds it meaningless.
"""

import pytest
import sympy as sp

import symconv as sc
from symconv.engine.rule_base import Rule
from symconv.engine.rules import Unfold
from symconv.objects.indexed import (C, Iverson, S, W, X, a, b, c, conv, entry_function, i, j, k, l, lsum,
                                     n, omega, s_, sequence_function, t, u, x, xi, zsum)


class Trusting(Rule):
    """Accepts every step: only concrete evaluation stands between it and a false proof."""

    def check(self, prev, nxt):
        return True, "trusted"


def rejected(start, nxt, **kw):
    d = sc.Derivation(start, **kw).step(nxt, Trusting())
    chk = d.check()
    assert not chk.ok, "a false step passed"
    assert "concrete evaluation" in chk.failure
    assert d.check(concrete=False).ok          # the rule alone would have let it through
    return chk.failure


def test_trusting_rule_accepts_a_true_step():
    d = sc.Derivation(zsum(S(i, l) * x(l), l)).step(x(i - 1), Trusting())
    assert d.check().ok


# ------------------------------------------------------------------ variable capture

def test_unfold_capture():
    """(a (*) b)_t = a_0 sum_u b_u: the definition's bound t captured by the free t."""
    rejected(conv(t), a(0) * zsum(b(u), u))


def test_fold_capture():
    rejected(a(0) * zsum(b(u), u), conv(t))


def test_script_definition_capture():
    """(F c)_k = sum_k omega^(k^2) c_k."""
    Fc = entry_function("Fc")
    defs = {"Fc": sp.Lambda((j,), zsum(omega ** (j * k) * c(k), k))}
    d = sc.Derivation(Fc(k)).step(zsum(omega ** (k * k) * c(k), k), Trusting())
    d2 = d.step(Fc(k), Unfold("Fc", definitions=defs))    # brings the definition into the chain
    assert not d2.check().ok
    assert "concrete evaluation" in d2.check().failure


def test_pull_in_capture():
    y = entry_function("y")
    rejected(x(i) * zsum(y(i), i), zsum(x(i) * y(i), i))


# ------------------------------------------------------------------ sums

def test_dependent_range_reorder():
    f = entry_function("f")
    s, t_ = sp.symbols("s t", integer=True)
    rejected(sp.Sum(f(s, t_), (t_, 0, s), (s, 0, n - 1)), sp.Sum(f(s, t_), (s, 0, t_), (t_, 0, n - 1)))


def test_sift_at_half_n_is_meaningless():
    failure = rejected(zsum(Iverson(j, n / 2) * x(j), j), x(n / 2))
    assert "meaningless" in failure


def test_sift_with_non_unit_coefficient():
    rejected(zsum(Iverson(2 * l, i) * x(l), l), x(i / 2))


def test_non_bijective_reindex():
    rejected(zsum(x(l), l), zsum(x(2 * l), l))


# ------------------------------------------------------------------ exponents

def test_real_exponent_of_omega():
    r = sp.Symbol("r", real=True)
    rejected(omega ** (n * r), sp.Integer(1))


def test_geometric_sum_for_real_r():
    r = sp.Symbol("r", real=True)
    rejected(zsum(omega ** (r * l), l), n * Iverson(r, 0))


def test_exponent_sign_flipped_and_conjugate_dropped():
    rejected(omega ** i * omega ** j, omega ** (i - j))
    rejected(sp.conjugate(zsum(omega ** (j * t) * a(t), t)), zsum(omega ** (j * t) * a(t), t))


# ------------------------------------------------------------------ the comparison's mutation survivors

def test_z_sequences_are_not_periodic():
    h = sequence_function("h")
    rejected(h(i), h(i + n))


def test_only_roots_of_unity_reduce_mod_n():
    rejected(X ** (i + n), X ** i)
    assert sc.Derivation(xi ** (i + n)).step(xi ** i, Trusting()).check().ok     # xi^n = 1 is true


def test_extra_factor_n():
    rejected(zsum(omega ** ((j - k) * l), l), n * n * Iverson(j, k))
    rejected(zsum(omega ** ((j - k) * l), l), Iverson(j, k))


def test_shift_direction():
    rejected(zsum(S(i, l) * W(l, j), l), W(i + 1, j))
    rejected(zsum(C(i, l) * x(l), l), zsum(c(i + l) * x(l), l))


def test_z_convolution_index_swap():
    aa, bb = sequence_function("a"), sequence_function("b")
    rejected(lsum(aa(s_ - t) * bb(t), t), lsum(aa(t) * bb(t - s_), t))


@pytest.mark.parametrize("claim", [
    (Iverson(i, j + n), Iverson(i, j + 1)),
    (omega ** (n * k), omega),
    (zsum(x(l), l), n * x(0)),
])
def test_more_false_identities(claim):
    rejected(*claim)


def test_polynomial_notation_is_neither_data_nor_a_finite_sequence():
    """size(a), deg(P), P_a(x) (poly_function) are notation: concrete evaluation does not invent values
    for them, and the rules do not take them for finitely supported sequences."""
    from symconv.engine.compare import finite_support
    from symconv.engine.concrete import concrete_compare
    from symconv.objects.indexed import poly_function
    size_ = poly_function("size_t", "|#|")
    assert concrete_compare(size_(i) + size_(j), size_(j) + size_(i) + 1).status == "unevaluable"
    s, t_ = sp.symbols("s t", integer=True)
    assert not finite_support(size_(s) * size_(t_), [s, t_])
    seq = sequence_function("seq_t")
    assert finite_support(seq(s) * seq(t_), [s, t_])
