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

from ..exact import congruent_mod, root_sum_is_zero

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


def _geometric_sum() -> LemmaCheck:
    r = sp.Symbol("r")
    n = sp.Symbol("n", integer=True, positive=True)
    l = sp.Symbol("l", integer=True)
    closed = sp.summation(r**l, (l, 0, n - 1))
    # closed is Piecewise((n, Eq(r, 1)), ((1 - r**n)/(1 - r), True))
    generic = closed.args[-1][0] if isinstance(closed, sp.Piecewise) else closed
    special = closed.args[0][0] if isinstance(closed, sp.Piecewise) else closed.subs(r, 1)
    telescoping = sp.cancel((r - 1) * generic - (r**n - 1)) == 0
    at_one = sp.simplify(special - n) == 0 if isinstance(closed, sp.Piecewise) else False
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


LEMMAS: dict[str, Lemma] = {
    "conjugate_roots_pair_up": Lemma(
        "conjugate_roots_pair_up",
        r"P \in \mathbb{R}[x],\ \deg P = 2L \Rightarrow m + 2c = 2L",
        r"real coefficients; $m$ real roots and $c$ conjugate pairs, with multiplicity",
        _conjugate_roots),
    "degree_of_product": Lemma(
        "degree_of_product", r"\deg(PQ) = \deg P + \deg Q",
        r"$P, Q \neq 0$ (their last taps are non-zero)", _degree_of_product),
    "degree_of_dilation": Lemma(
        "degree_of_dilation", r"\deg P(x^d) = d \deg P", r"$d \geq 1$", _degree_of_dilation),
    "kernel_length_is_degree_plus_one": Lemma(
        "kernel_length_is_degree_plus_one", r"|a| = \deg P_a + 1",
        "the first and last taps of $a$ are non-zero", _kernel_length),
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
