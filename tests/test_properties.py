"""Property tests (hypothesis) for the exact layer.

* Q(zeta_n) arithmetic agrees with mpmath at 60 digits on random elements;
* decide_zero, decide_equal and cyclotomic_is_zero never contradict the truth of generated closed
  forms (exp/cos/sin of rational multiples of pi, radicals, erf, Gauss sums, sums that cancel
  exactly), whose value is known by construction and checked against mpmath at 60 digits;
* engine.compare.equal_mod_n True implies equality at random integer points for Z_n-index
  expressions.

Deterministic (``derandomize=True``, no example database) and fast.  The number of examples run is
counted in ``EXAMPLES`` and checked by the last test; ``--hypothesis-show-statistics`` prints it per
test.  Reproduce:  python -m pytest -q tests/test_properties.py --hypothesis-show-statistics
"""

from __future__ import annotations

import random
from collections import Counter
from fractions import Fraction

import mpmath
import pytest
import sympy as sp

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from symconv.exact import (CyclotomicField, NotCyclotomic, cyclotomic_is_zero, decide_equal,  # noqa: E402
                           decide_zero)

EXAMPLES: Counter = Counter()
SETTINGS = dict(deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
N_ARITH, N_CLOSED, N_COMPARE = 150, 120, 150

pi, I = sp.pi, sp.I
MACHIN = 4 * sp.atan(sp.Rational(1, 5)) - sp.atan(sp.Rational(1, 239)) - pi / 4     # exactly 0


# ------------------------------------------------------------------ Q(zeta_n) against mpmath

def _mp_value(el) -> mpmath.mpc:
    n = el.field.n
    return mpmath.fsum(mpmath.mpf(c.numerator) / c.denominator * mpmath.expjpi(mpmath.mpf(2 * k) / n)
                       for k, c in enumerate(el.coeffs) if c) + mpmath.mpc(0)


@st.composite
def field_elements(draw):
    n = draw(st.integers(1, 36))
    K = CyclotomicField(n)
    frac = st.fractions(min_value=-5, max_value=5, max_denominator=7)
    polys = [draw(st.lists(frac, min_size=0, max_size=min(2 * n, 12))) for _ in range(2)]
    k = draw(st.integers(-4, 6))
    return K, polys, k


@settings(max_examples=N_ARITH, **SETTINGS)
@given(field_elements())
def test_cyclotomic_arithmetic_matches_mpmath(data):
    EXAMPLES["arithmetic"] += 1
    K, (pa, pb), k = data
    a, b = K.from_poly(pa), K.from_poly(pb)
    with mpmath.workdps(60):
        va, vb = _mp_value(a), _mp_value(b)
        scale = 1 + abs(va) + abs(vb)
        tol = mpmath.mpf(10) ** -50

        def close(x, y, s=scale):
            return abs(x - y) <= tol * s ** 4

        # the reduced form has the value of the unreduced polynomial
        raw = mpmath.fsum(mpmath.mpf(c.numerator) / c.denominator * mpmath.expjpi(mpmath.mpf(2 * e) / K.n)
                          for e, c in enumerate(pa)) + mpmath.mpc(0)
        assert close(va, raw)
        assert close(_mp_value(a + b), va + vb)
        assert close(_mp_value(a - b), va - vb)
        assert close(_mp_value(a * b), va * vb)
        assert close(_mp_value(a.conjugate()), mpmath.conj(va))
        assert close(_mp_value(K.zeta(k)), mpmath.expjpi(mpmath.mpf(2 * k) / K.n))
        assert a.is_zero == (abs(va) < tol)          # canonical form: zero exactly when the value is 0
        if not a.is_zero:
            assert close(_mp_value(a.inverse()) * va, 1, 1 + abs(_mp_value(a.inverse())) * abs(va))
            p = a ** (k % 4)
            assert close(_mp_value(p), va ** (k % 4))


# ------------------------------------------------------------------ closed forms with a known truth

def _atoms_and_rewrites(draw):
    """(A, B): an atom and an exact rewrite of it (A - B == 0 exactly)."""
    kind = draw(st.sampled_from(["exp", "cos", "sin", "sqrt_p", "sqrt2", "sqrt_sq", "nested", "roots_sum",
                                 "erf", "machin", "rational"]))
    if kind == "exp":
        p, q = draw(st.integers(-7, 7)), draw(st.integers(1, 12))
        A = sp.exp(2 * pi * I * sp.Rational(p, q))
        return A, sp.cos(2 * pi * sp.Rational(p, q)) + I * sp.sin(2 * pi * sp.Rational(p, q))
    if kind in ("cos", "sin"):
        r = sp.Rational(draw(st.integers(-9, 9)), draw(st.integers(1, 10)))
        e1, e2 = sp.exp(I * pi * r), sp.exp(-I * pi * r)
        return (sp.cos(pi * r), (e1 + e2) / 2) if kind == "cos" else (sp.sin(pi * r), (e1 - e2) / (2 * I))
    if kind == "sqrt_p":
        p = draw(st.sampled_from([3, 5, 7, 11, 13]))
        g = sum(sp.exp(2 * pi * I * sp.Rational(k * k, p)) for k in range(p))    # Gauss sum
        return sp.sqrt(p), (g if p % 4 == 1 else -I * g)
    if kind == "sqrt2":
        return sp.sqrt(2), sp.exp(I * pi / 4) + sp.exp(-I * pi / 4)
    if kind == "sqrt_sq":
        m, s = draw(st.sampled_from([2, 3, 5, 6, 7])), draw(st.integers(2, 5))
        return sp.sqrt(m * s * s, evaluate=False), s * sp.sqrt(m)
    if kind == "nested":
        x, y = draw(st.sampled_from([(2, 3), (1, 2), (2, 5), (3, 5)]))
        return sp.sqrt(x + y + 2 * sp.sqrt(x * y)), sp.sqrt(x) + sp.sqrt(y)
    if kind == "roots_sum":
        q = draw(st.integers(2, 9))
        return sp.Integer(0), sum(sp.exp(2 * pi * I * sp.Rational(k, q)) for k in range(q))
    if kind == "erf":
        s = sp.Rational(draw(st.integers(-6, 6)), draw(st.integers(1, 4)))
        return sp.erf(s), -sp.erf(-s)
    if kind == "machin":
        f = draw(st.sampled_from([sp.sinh, sp.tanh, sp.erf, sp.sin, sp.atan]))
        return sp.Integer(0), f(MACHIN)
    r = sp.Rational(draw(st.integers(-9, 9)), draw(st.integers(1, 9)))
    return r, r


@st.composite
def closed_cases(draw):
    """(lhs, rhs, equal): lhs = sum of c_i A_i (products of atoms), rhs = the same with every atom
    rewritten exactly, plus a perturbation delta; equal is True iff delta == 0."""
    terms_l, terms_r = [], []
    for _ in range(draw(st.integers(1, 3))):
        c = sp.Rational(draw(st.integers(-4, 4)), draw(st.integers(1, 3)))
        fl, fr = [], []
        for _ in range(draw(st.integers(1, 2))):
            A, B = _atoms_and_rewrites(draw)
            fl.append(A)
            fr.append(B)
        terms_l.append(c * sp.Mul(*fl))
        terms_r.append(c * sp.Mul(*fr))
    delta = draw(st.sampled_from([0, 0, 0, sp.Rational(1, 10**30), sp.Rational(-3, 7), sp.sqrt(2) / 10**20,
                                  sp.exp(2 * pi * I / 5) / 1000, sp.erf(sp.Rational(1, 10**25))]))
    return sp.Add(*terms_l), sp.Add(*terms_r) + delta, delta == 0


def _mp_abs(e) -> mpmath.mpf:
    with mpmath.workdps(60):
        return abs(mpmath.mpmathify(complex(0)) + sp.N(e, 60))


@settings(max_examples=N_CLOSED, **SETTINGS)
@given(closed_cases())
def test_decisions_never_contradict_the_truth(case):
    EXAMPLES["closed"] += 1
    lhs, rhs, equal = case
    d = lhs - rhs
    truth_small = _mp_abs(d) < mpmath.mpf(10) ** -45          # mpmath at 60 digits agrees with the truth
    if equal:
        assert truth_small
    z = decide_zero(d, timeout=10)
    q = decide_equal(lhs, rhs, timeout=10)
    if equal:
        assert z is not False and q is not False
    else:
        assert z is not True and q is not True
    if z is True or q is True:
        assert truth_small
    try:
        c = cyclotomic_is_zero(d, timeout=10)
    except NotCyclotomic:
        c = None
    assert c is None or c == equal
    if c is not None:
        EXAMPLES["closed_cyclotomic_decided"] += 1
    if z is not None:
        EXAMPLES["closed_decided"] += 1


# ------------------------------------------------------------------ equal_mod_n at integer points

def _index_exprs():
    from symconv.objects.indexed import i, j, k, n
    lin = st.tuples(st.integers(-2, 2), st.integers(-2, 2), st.integers(-1, 1), st.integers(-3, 3), st.integers(-2, 2))
    return lin.map(lambda t: t[0] * i + t[1] * j + t[2] * k + t[3] + t[4] * n)


@st.composite
def compare_cases(draw):
    """(a, b): a Z_n-index expression and a variant, equivalent (indices of cyclic objects and
    exponents of omega moved by multiples of n, factors reordered) or mutated."""
    from symconv.objects.indexed import Iverson, entry_function, n, omega, sequence_function
    W, c = entry_function("W"), entry_function("c")
    h = sequence_function("h")
    idx = _index_exprs()

    def shifted(p):            # an equivalent index modulo n
        return p + draw(st.integers(-2, 2)) * n

    factors_a, factors_b = [], []
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["W", "c", "h", "iverson", "omega"]))
        p, q = draw(idx), draw(idx)
        mutate = draw(st.integers(0, 5)) == 0
        bump = 1 if mutate else 0
        if kind == "W":
            fa, fb = W(p, q), W(shifted(p) + bump, shifted(q))
        elif kind == "c":
            fa, fb = c(p), c(shifted(p) + bump)
        elif kind == "h":          # a sequence on Z: moving by n is a mutation
            fa, fb = h(p), h(p + (n if mutate else 0))
        elif kind == "iverson":
            if draw(st.booleans()):
                fa, fb = Iverson(p, q), Iverson(shifted(q), shifted(p) + bump)
            else:
                fa, fb = Iverson(p, q), Iverson(p - q, bump)
        else:
            fa, fb = omega ** p, omega ** (shifted(p) + bump)
        factors_a.append(fa)
        factors_b.append(fb)
    order = draw(st.permutations(range(len(factors_b))))
    a = sp.Mul(*factors_a)
    b = sp.Mul(*[factors_b[o] for o in order])
    if draw(st.booleans()):
        extra = draw(idx)
        a, b = a + c(extra), b + c(shifted(extra))
    return a, b


class _Eval:
    """Concrete value of a Z_n-index expression at integer points, in Q(zeta_n) (omega = zeta_n^-1)."""

    def __init__(self, n: int, seed: int):
        self.n, self.K, self.rng, self.table = n, CyclotomicField(n), random.Random(seed), {}

    def _data(self, key):
        if key not in self.table:
            self.table[key] = Fraction(self.rng.randint(-50, 50), self.rng.randint(1, 9))
        return self.table[key]

    def __call__(self, e, env):
        from sympy.core.function import AppliedUndef

        from symconv.engine.compare import is_cyclic
        from symconv.objects.indexed import Iverson, omega
        K, n = self.K, self.n
        if e.is_Integer:
            return K(int(e))
        if e.is_Rational:
            return K(Fraction(int(e.p), int(e.q)))
        if e.is_Add:
            return sum((self(a, env) for a in e.args), K.zero)
        if e.is_Mul:
            out = K.one
            for a in e.args:
                out = out * self(a, env)
            return out
        if e.is_Pow and e.base == omega:
            return K.zeta(-int(e.exp.subs(env)))
        if e.is_Pow and e.exp.is_Integer:
            return self(e.base, env) ** int(e.exp)
        if e == omega:
            return K.zeta(-1)
        if isinstance(e, Iverson):
            a, b = (int(x.subs(env)) for x in e.args)
            return K.one if (a - b) % n == 0 else K.zero
        if isinstance(e, AppliedUndef):
            vals = tuple(int(x.subs(env)) for x in e.args)
            if is_cyclic(e.func):
                vals = tuple(v % n for v in vals)
            return K(self._data((e.func.__name__,) + vals))
        raise AssertionError(f"unexpected node {e!r}")


@settings(max_examples=N_COMPARE, **SETTINGS)
@given(compare_cases(), st.integers(0, 10**6))
def test_equal_mod_n_true_implies_equal_at_integer_points(case, seed):
    from symconv.engine.compare import equal_mod_n
    from symconv.objects.indexed import i, j, k, n as N
    EXAMPLES["compare"] += 1
    a, b = case
    if not equal_mod_n(a, b):
        return
    EXAMPLES["compare_true"] += 1
    rng = random.Random(seed)
    for _ in range(6):
        nv = rng.randint(1, 7)
        env = {N: nv, i: rng.randint(-9, 9), j: rng.randint(-9, 9), k: rng.randint(-9, 9)}
        ev = _Eval(nv, seed)
        assert ev(a.subs(N, nv), env) == ev(b.subs(N, nv), env), (a, b, env)


def test_zz_examples_were_run():
    """Runs last in this file: every property ran its examples, and each kind of case occurred."""
    # a property that did not run in this process (-k, another order, another xdist worker) runs here
    for kind, prop in (("arithmetic", test_cyclotomic_arithmetic_matches_mpmath),
                       ("closed", test_decisions_never_contradict_the_truth),
                       ("compare", test_equal_mod_n_true_implies_equal_at_integer_points)):
        if not EXAMPLES[kind]:
            prop()
    print(f"\n{sum(EXAMPLES[k] for k in ('arithmetic', 'closed', 'compare'))} hypothesis examples run: "
          f"{dict(EXAMPLES)}")
    assert EXAMPLES["arithmetic"] >= N_ARITH // 2
    assert EXAMPLES["closed"] >= N_CLOSED // 2 and EXAMPLES["closed_decided"] > 0
    assert EXAMPLES["compare"] >= N_COMPARE // 2 and EXAMPLES["compare_true"] > 0
