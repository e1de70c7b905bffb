"""Named lemmas that derivation rules rely on, each with its own check.

A lemma's check is run once per process (cached) and its outcome is part of
the evidence of every proof that uses it.  A lemma whose check fails makes
those proofs fail.

>>> check_lemma("geometric_sum_roots_of_unity").ok
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

import sympy as sp

from ..exact import congruent_mod, decide_equal, root_sum_is_zero

__all__ = ["LEMMAS", "Lemma", "LemmaCheck", "check_lemma"]


@dataclass(frozen=True)
class LemmaCheck:
    ok: bool
    evidence: str


@dataclass(frozen=True)
class Lemma:
    name: str
    statement: str
    side_conditions: str
    check: Callable[[], LemmaCheck]
    # instance(old, new) -> bool: is the rewrite old -> new an instance of the statement?
    instance: Callable[[sp.Expr, sp.Expr], bool] | None = None


def _geometric_sum() -> LemmaCheck:
    r = sp.Symbol("r")
    n = sp.Symbol("n", integer=True, positive=True)
    l = sp.Symbol("l", integer=True)
    closed = sp.summation(r**l, (l, 0, n - 1))
    # closed is Piecewise((n, Eq(r, 1)), ((1 - r**n)/(1 - r), True))
    generic = closed.args[-1][0] if isinstance(closed, sp.Piecewise) else closed
    special = closed.args[0][0] if isinstance(closed, sp.Piecewise) else closed.subs(r, 1)
    telescoping = sp.cancel((r - 1) * generic - (r**n - 1)) == 0
    at_one = sp.expand(special - n) == 0 if isinstance(closed, sp.Piecewise) else False
    # r = omega**d: r**n = omega**(d n) = 1 because d*n = 0 (mod n)
    dsym = sp.Symbol("d", integer=True)
    power_is_one = congruent_mod(dsym * n, 0, n)
    # exact instances in Q(zeta_N), every d, N <= 24
    instances = all(
        root_sum_is_zero(_counts(N, dd), N) == (dd % N != 0)
        for N in range(1, 25) for dd in range(N))
    ok = telescoping and at_one and power_is_one and instances
    return LemmaCheck(ok, "(r-1)*sum r^l = r^n - 1 cancelled exactly with n symbolic; "
                          "sum = n at r = 1; omega^(dn) = 1; instances n <= 24 exact in Q(zeta_n)")


def _counts(N: int, d: int) -> list[int]:
    counts = [0] * N
    for q in range(N):
        counts[(d * q) % N] += 1
    return counts


def _diagonal_constancy() -> LemmaCheck:
    """Solve g(i,j) = g(i+1,j+1) exactly for n <= 6: the solutions are g(i,j) = h(i-j)."""
    for N in range(1, 7):
        idx = {(a, b): a * N + b for a in range(N) for b in range(N)}
        A = sp.zeros(N * N, N * N)
        for (a, b), row in idx.items():
            A[row, row] += 1
            A[row, idx[(a + 1) % N, (b + 1) % N]] -= 1
        basis = A.nullspace()
        if len(basis) != N:
            return LemmaCheck(False, f"n={N}: solution space has dimension {len(basis)}, not {N}")
        for v in basis:
            if any(v[idx[a, b]] != v[idx[(a - b) % N, 0]] for a in range(N) for b in range(N)):
                return LemmaCheck(False, f"n={N}: a solution is not constant on diagonals")
    return LemmaCheck(True, "solution space of the linear system solved exactly for n = 1..6: "
                            "dimension n, g(i,j) = g(i-j,0)")


def _simple_eigenspace() -> LemmaCheck:
    """Instances: for seeded rational triangular A with eigenvalues 1..n (simple), n <= 6,
    every kernel ker(A - lambda I) has dimension exactly 1 (computed over Q)."""
    import random

    for N in range(1, 7):
        rnd = random.Random(N)
        A = sp.Matrix(N, N, lambda a, b: a + 1 if a == b else (rnd.randint(-3, 3) if b > a else 0))
        for lam in range(1, N + 1):
            dim = len((A - lam * sp.eye(N)).nullspace())
            if dim != 1:
                return LemmaCheck(False, f"n={N}: ker(A - {lam} I) has dimension {dim}")
    return LemmaCheck(True, "rank-nullity: a simple root of the characteristic polynomial has a 1-dimensional "
                            "eigenspace; instances n <= 6 computed exactly over Q")


def _random_poly(rnd, deg: int, x: sp.Symbol) -> sp.Expr:
    coeffs = [sp.Rational(rnd.randint(-5, 5), rnd.randint(1, 4)) for _ in range(deg)]
    lead = sp.Rational(rnd.choice([-3, -2, -1, 1, 2, 3]), rnd.randint(1, 4))
    return sum((c * x**e for e, c in enumerate(coeffs)), sp.Integer(0)) + lead * x**deg


def _degree_of_product() -> LemmaCheck:
    import random

    x = sp.Symbol("x")
    rnd = random.Random(7)
    for _ in range(60):
        p, q = _random_poly(rnd, rnd.randint(0, 6), x), _random_poly(rnd, rnd.randint(0, 6), x)
        if sp.degree(sp.expand(p * q), x) != sp.degree(p, x) + sp.degree(q, x):
            return LemmaCheck(False, f"deg({p} * {q}) is not the sum of degrees")
    return LemmaCheck(True, "Q[x] has no zero divisors, so the leading coefficient of PQ is the product of "
                            "the leading ones; 60 seeded rational instances computed exactly")


def _degree_of_dilation() -> LemmaCheck:
    import random

    x = sp.Symbol("x")
    rnd = random.Random(11)
    for _ in range(40):
        p, d = _random_poly(rnd, rnd.randint(0, 6), x), rnd.randint(1, 5)
        if sp.degree(sp.expand(p.subs(x, x**d)), x) != d * sp.degree(p, x):
            return LemmaCheck(False, f"deg {p}(x^{d}) is not {d} deg {p}")
    return LemmaCheck(True, "the leading term c x^m becomes c x^(dm); 40 seeded instances computed exactly")


def _kernel_length() -> LemmaCheck:
    from ..objects.kernels import kernel_polynomial

    x = sp.Symbol("x")
    for k in range(1, 9):
        a = [sp.Symbol(f"a_{t}", nonzero=(t in (0, k - 1))) for t in range(k)]
        if sp.degree(kernel_polynomial(a, x), x) + 1 != k:
            return LemmaCheck(False, f"size {k}: degree {sp.degree(kernel_polynomial(a, x), x)}")
    return LemmaCheck(True, "a kernel a_0..a_{k-1} with a_{k-1} != 0 has P_a of degree k - 1 (definition); "
                            "sizes 1..8 computed")


def _conjugate_roots() -> LemmaCheck:
    """conj(P(z)) = P(conj z) for real coefficients (degrees <= 6, exact), and all_roots
    counts deg P roots with multiplicity on seeded rational instances."""
    import random

    u, v = sp.symbols("u v", real=True)
    z = u + sp.I * v
    for deg in range(0, 7):
        cs = sp.symbols(f"c0:{deg + 1}", real=True)
        P = lambda w: sum((c * w**e for e, c in enumerate(cs)), sp.Integer(0))  # noqa: E731
        if sp.expand(sp.conjugate(P(z)) - P(sp.conjugate(z))) != 0:
            return LemmaCheck(False, f"degree {deg}: conj(P(z)) != P(conj z)")
    rnd = random.Random(3)
    x = sp.Symbol("x")
    for _ in range(12):
        p = sp.Poly(_random_poly(rnd, rnd.randint(1, 6), x), x)
        if len(p.all_roots()) != p.degree():
            return LemmaCheck(False, f"{p} does not have deg P roots")
    return LemmaCheck(True, "conj(P(z)) = P(conj z) expanded exactly for real coefficients, degrees 0..6; "
                            "the fundamental theorem of algebra (deg P roots with multiplicity) on 12 seeded "
                            "instances with SymPy's exact roots")


# ------------------------------------------------------------ instance predicates
def _is(e, fn) -> bool:
    return isinstance(e, sp.Basic) and getattr(e, "func", None) == fn


def _inst_kernel_length(old, new) -> bool:
    """size(K) -> deg P_K(x) + 1, or deg P_K(x) -> size(K) - 1."""
    from ..objects.indexed import Pk, X, deg, size
    if _is(old, size):
        return sp.expand(new - (deg(Pk(old.args[0], X)) + 1)) == 0
    if _is(old, deg) and _is(old.args[0], Pk) and old.args[0].args[1] == X:
        return sp.expand(new - (size(old.args[0].args[0]) - 1)) == 0
    return False


def _inst_degree_product(old, new) -> bool:
    """deg(F1 ... Fr) -> deg F1 + ... + deg Fr, or deg(prod_i F) -> sum_i deg F."""
    from ..objects.indexed import deg
    if not _is(old, deg):
        return False
    arg = old.args[0]
    if isinstance(arg, sp.Product):
        return isinstance(new, sp.Sum) and new.limits == arg.limits and new.function == deg(arg.function)
    if arg.is_Mul and len(arg.args) >= 2:
        return sp.expand(new - sp.Add(*(deg(f) for f in arg.args))) == 0
    return False


def _inst_degree_dilation(old, new) -> bool:
    """deg P_K(x^d) -> d deg P_K(x)."""
    from ..objects.indexed import Pk, X, deg
    if not (_is(old, deg) and _is(old.args[0], Pk)):
        return False
    K, y = old.args[0].args
    if not (y.is_Pow and y.base == X):
        return False
    if not (y.exp.is_integer and y.exp.is_positive):      # the side condition d >= 1 (x^(-1), x^(1/2): no)
        return False
    return sp.expand(new - y.exp * deg(Pk(K, X))) == 0


def _inst_poly_of_conv(old, new) -> bool:
    """P_{K1 * K2}(y) -> P_{K1}(y) P_{K2}(y)."""
    from ..objects.indexed import Pk, kconv
    if not (_is(old, Pk) and _is(old.args[0], kconv)):
        return False
    (k1, k2), y = old.args[0].args, old.args[1]
    return sp.expand(new - Pk(k1, y) * Pk(k2, y)) == 0


#: counts in the conjugate-pairs lemma: m real roots and c conjugate pairs of a degree-2L polynomial
REAL_ROOTS, ROOT_PAIRS, HALF_DEGREE = sp.symbols("m c L", integer=True, nonnegative=True)


def _inst_conjugate_pairs(old, new) -> bool:
    return old == REAL_ROOTS and sp.expand(new - (2 * HALF_DEGREE - 2 * ROOT_PAIRS)) == 0


def _poly_of_conv() -> LemmaCheck:
    from ..objects.kernels import conv_full, kernel_polynomial
    x = sp.Symbol("x")
    for k1 in range(1, 7):
        for k2 in range(1, 7):
            a, b = sp.symbols(f"a0:{k1}"), sp.symbols(f"b0:{k2}")
            if sp.expand(kernel_polynomial(conv_full(a, b), x) - kernel_polynomial(a, x) * kernel_polynomial(b, x)):
                return LemmaCheck(False, f"fails for kernel lengths ({k1}, {k2})")
    return LemmaCheck(True, "proved for all lengths as theorem kernel_poly_mul_eq_conv "
                            "(proofs/kernel_polynomial.py); rechecked here for lengths 1..6 with generic kernels")


def _fubini() -> LemmaCheck:
    """Instances where both orders are computed exactly by SymPy."""
    x, y = sp.symbols("x y", real=True)
    for F in (sp.exp(-x**2 - 2 * y**2), sp.exp(-(x - y)**2 - y**2), sp.exp(-x**2) / (1 + y**2)):
        one = sp.integrate(sp.integrate(F, (x, -sp.oo, sp.oo)), (y, -sp.oo, sp.oo))
        two = sp.integrate(sp.integrate(F, (y, -sp.oo, sp.oo)), (x, -sp.oo, sp.oo))
        if decide_equal(one, two) is not True:
            return LemmaCheck(False, f"the two orders are not shown equal for {F}")
    return LemmaCheck(True, "Fubini-Tonelli: iterated integrals of an absolutely integrable function on R^2 agree in "
                            "either order, and int f(s)g(t) = (int f)(int g); for the convolution theorem "
                            "|e^{-2 pi i w t} f(tau) g(t - tau)| integrates to ||f||_1 ||g||_1 < oo.  Instances "
                            "computed exactly in both orders")


LEMMAS: dict[str, Lemma] = {
    "fubini": Lemma(
        "fubini", r"\iint F\,d\tau\,dt = \iint F\,dt\,d\tau",
        r"$F$ absolutely integrable on $\mathbb{R}^2$: here $f, g \in L^1(\mathbb{R})$", _fubini),
    "polynomial_of_convolution": Lemma(
        "polynomial_of_convolution", r"P_{a * b}(y) = P_a(y)\,P_b(y)", "none", _poly_of_conv,
        _inst_poly_of_conv),
    "conjugate_roots_pair_up": Lemma(
        "conjugate_roots_pair_up",
        r"P \in \mathbb{R}[x],\ \deg P = 2L \Rightarrow m + 2c = 2L",
        r"real coefficients; $m$ real roots and $c$ conjugate pairs, with multiplicity",
        _conjugate_roots, _inst_conjugate_pairs),
    "degree_of_product": Lemma(
        "degree_of_product", r"\deg(PQ) = \deg P + \deg Q",
        r"$P, Q \neq 0$ (their last taps are non-zero)", _degree_of_product, _inst_degree_product),
    "degree_of_dilation": Lemma(
        "degree_of_dilation", r"\deg P(x^d) = d \deg P", r"$d \geq 1$", _degree_of_dilation,
        _inst_degree_dilation),
    "kernel_length_is_degree_plus_one": Lemma(
        "kernel_length_is_degree_plus_one", r"|a| = \deg P_a + 1",
        "the first and last taps of $a$ are non-zero", _kernel_length, _inst_kernel_length),
    "geometric_sum_roots_of_unity": Lemma(
        "geometric_sum_roots_of_unity",
        r"\sum_{l=0}^{n-1}\omega^{dl} = n\,[d\equiv 0 \pmod n]",
        r"$\omega$ is a primitive $n$-th root of unity, so $\omega^d\neq 1$ for $d\not\equiv 0$",
        _geometric_sum),
    "diagonal_constancy": Lemma(
        "diagonal_constancy",
        r"g_{i,j}=g_{i+1,j+1}\ \forall i,j \iff g_{i,j}=g_{i-j,0}\ \forall i,j",
        "indices in $\\mathbb{Z}_n$",
        _diagonal_constancy),
    "simple_eigenvalue_eigenspace_is_a_line": Lemma(
        "simple_eigenvalue_eigenspace_is_a_line",
        r"\lambda \text{ simple} \Rightarrow \dim\ker(A-\lambda I)=1",
        r"$\lambda$ is a simple eigenvalue of $A$",
        _simple_eigenspace),
}


@lru_cache(maxsize=None)
def check_lemma(name: str) -> LemmaCheck:
    """Run (once) the check of a named lemma."""
    if name not in LEMMAS:
        raise KeyError(f"unknown lemma {name!r}; known: {sorted(LEMMAS)}")
    return LEMMAS[name].check()
