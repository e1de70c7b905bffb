"""Named lemmas that derivation rules rely on, each with its own check.

A lemma's check is run once per process (cached) and its outcome is part of
the evidence of every proof that uses it.  A lemma whose check fails makes
those proofs fail.

>>> check_lemma("geometric_sum_roots_of_unity").ok
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import sympy as sp
from sympy.polys.domains import QQ, ZZ
from sympy.polys.matrices.dense import ddm_berk
from sympy.polys.rings import ring

from ..exact import congruent_mod, decide_equal, root_sum_is_zero

__all__ = ["LEMMAS", "Lemma", "LemmaCheck", "check_lemma", "checked_lemmas", "remember_lemma_checks", "NonzeroEndTaps", "named_hypotheses", "side_conditions_met"]


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
    #: the hypothesis a use must name (empty: the lemma has no side condition left to the user;
    #: the instance predicate checks the syntactic ones, e.g. d >= 1), e.g. "non-zero end taps"
    needs: str = ""
    #: words the named hypothesis must contain (name or text, case-insensitive): one of each group
    needs_words: tuple = ()
    #: objects(old, new) -> the kernels the side condition is about; each must be covered by a
    #: stated NonzeroEndTaps(...) predicate (None: the condition is about no particular object)
    objects: Callable[[sp.Expr, sp.Expr], list] | None = None


def _geometric_sum() -> LemmaCheck:
    r = sp.Symbol("r")
    n = sp.Symbol("n", integer=True, positive=True)
    l = sp.Symbol("l", integer=True)
    closed = sp.summation(r**l, (l, 0, n - 1))
    # SymPy's closed form is Piecewise((n, Eq(r, 1)), ((1 - r**n)/(1 - r), True)); any other form fails the check
    if not (isinstance(closed, sp.Piecewise) and len(closed.args) == 2):
        return LemmaCheck(False, f"sum r^l = {closed} is not a closed form for r = 1 and one for r != 1")
    (special, at_r1), (generic, otherwise) = closed.args
    if at_r1 != sp.Eq(r, 1) or otherwise is not sp.true:
        return LemmaCheck(False, f"sum r^l = {closed}: its cases are not r = 1 and r != 1")
    telescoping = sp.cancel((r - 1) * generic - (r**n - 1)) == 0
    at_one = sp.expand(special - n) == 0
    # r = omega**d: r**n = omega**(d n) = 1 because d*n = 0 (mod n)
    dsym = sp.Symbol("d", integer=True)
    power_is_one = congruent_mod(dsym * n, 0, n)
    # exact instances in Q(zeta_N), every d, N <= 24
    instances = all(
        root_sum_is_zero(_counts(N, dd), N) == (dd != 0)
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
    """General, by induction on j: (=>) P(j): g(i, j) = g(i - j, 0) for all i.  P(0) is trivial; the
    hypothesis at (i - 1, j) gives g(i, j + 1) = g(i - 1, j), which P(j) at i - 1 turns into
    g(i - 1 - j, 0) = g(i - (j + 1), 0): P(j + 1).  j = 0..n-1 covers Z_n.  (<=) g(i+1, j+1) =
    g((i+1) - (j+1), 0).  Both index identities are checked symbolically.  Also: the solution space
    solved exactly for n <= 6 (g(i,j) = h(i-j))."""
    i_, j_ = sp.symbols("i j", integer=True)
    g = sp.Function("g")
    step = g(i_ - 1 - j_, 0)                       # g(i, j+1) = g(i-1, j) = g(i-1-j, 0) by P(j) at i-1
    if step != g(i_ - (j_ + 1), 0) or g(i_ - 0, 0) != g(i_, 0) or g((i_ + 1) - (j_ + 1), 0) != g(i_ - j_, 0):
        return LemmaCheck(False, "the inductive step's indices do not agree")
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
    return LemmaCheck(True, "general by induction on j (base j = 0; step g(i, j+1) = g(i-1, j) = g(i-1-j, 0), "
                            "indices checked symbolically; the induction itself is the written argument); "
                            "solution space of the linear system solved exactly for n = 1..6: "
                            "dimension n, g(i,j) = g(i-j,0)")


def _block_charpoly_holds(g: int, h: int, power: int | None = None) -> bool:
    """det(tI - [[lambda I_g, Q], [0, R]]) == (t - lambda)^power det(tI - R), generic Q (g x h) and R
    (h x h), exactly (power defaults to g, the true identity).

    Both characteristic polynomials by Berkowitz's division-free algorithm on the whole matrix (never a
    block decomposition, which would assume the identity), with entries in Z[lambda, q_ab, r_ab]: the
    coefficients of t^N..t^0 compared with those of (t - lambda)^power det(tI - R)."""
    names = ["lambda"] + [f"q_{a}_{b}" for a in range(g) for b in range(h)] + \
            [f"r_{a}_{b}" for a in range(h) for b in range(h)]
    K, lam, *entries = ring(names, ZZ)
    Q, R = entries[:g * h], entries[g * h:]
    N = g + h
    M = [[K.zero] * N for _ in range(N)]
    for a in range(g):
        M[a][a] = lam
        for b in range(h):
            M[a][g + b] = Q[a * h + b]
    for a in range(h):
        for b in range(h):
            M[g + a][g + b] = R[a * h + b]
    charpoly = [c[0] for c in ddm_berk(M, K)]                          # t^N, ..., t^0
    want = [c[0] for c in ddm_berk([row[g:] for row in M[g:]], K)]     # det(tI - R); [1] when h = 0
    for _ in range(g if power is None else power):                     # times (t - lambda)
        want = [(want[i] if i < len(want) else K.zero) - (lam * want[i - 1] if i else K.zero)
                for i in range(len(want) + 1)]
    return charpoly == want


def _simple_eigenspace() -> LemmaCheck:
    """General up to a size bound, plus instances.

    dim ker(A - lam I) >= 1 because det(A - lam I) = 0.  <= the algebraic multiplicity: with
    g = dim ker(A - lam I), a basis of the kernel extended to one of the whole space makes A
    block upper-triangular [[lam I_g, Q], [0, R]], whose characteristic polynomial is
    (t - lam)^g det(t I - R) -- checked here symbolically, generic Q and R, for every g + h <= 5.
    So a simple eigenvalue (multiplicity 1) has g = 1.  Instances: seeded triangular A, n <= 6."""
    import random

    for N in range(1, 6):
        for g in range(1, N + 1):
            if not _block_charpoly_holds(g, N - g):
                return LemmaCheck(False, f"g={g}, h={N - g}: the block-triangular characteristic polynomial is "
                                         f"not (t - lambda)^g det(tI - R)")
            if _block_charpoly_holds(g, N - g, power=g + 1):     # the comparison must be able to fail
                return LemmaCheck(False, f"g={g}, h={N - g}: (t - lambda)^(g+1) det(tI - R) was accepted too")
    for N in range(1, 7):
        rnd = random.Random(N)
        A = sp.Matrix(N, N, lambda a, b: a + 1 if a == b else (rnd.randint(-3, 3) if b > a else 0))
        for lam_ in range(1, N + 1):
            dim = len((A - lam_ * sp.eye(N)).nullspace())
            if dim != 1:
                return LemmaCheck(False, f"n={N}: ker(A - {lam_} I) has dimension {dim}")
    # the side condition matters: A = I_2 has the double eigenvalue 1 and a 2-dimensional eigenspace
    if len((sp.eye(2) - sp.eye(2)).nullspace()) != 2:   # pragma: no cover - sympy itself
        return LemmaCheck(False, "A = I_2: eigenspace of 1 is not 2-dimensional")
    return LemmaCheck(True, "1 <= dim ker(A - lambda I) <= algebraic multiplicity = 1: the characteristic "
                            "polynomial of [[lambda I_g, Q], [0, R]] is (t - lambda)^g det(tI - R), checked "
                            "symbolically with generic Q, R for n = g + h <= 5 only (for larger n this block-"
                            "determinant identity is the textbook one, not machine-checked here); instances "
                            "n <= 6 exact over Q; A = I_2 shows the condition 'simple' is needed")


def _random_poly(rnd, deg: int, x: sp.Symbol) -> sp.Expr:
    coeffs = [sp.Rational(rnd.randint(-5, 5), rnd.randint(1, 4)) for _ in range(deg)]
    lead = sp.Rational(rnd.choice([-3, -2, -1, 1, 2, 3]), rnd.randint(1, 4))
    return sum((c * x**e for e, c in enumerate(coeffs)), sp.Integer(0)) + lead * x**deg


def _product_degrees(p: sp.Expr, q: sp.Expr, x: sp.Symbol) -> tuple:
    """(deg pq, deg p, deg q) for polynomials p, q in x with rational coefficients, computed exactly in
    QQ[x] (anything else raises)."""
    R = ring([x], QQ)[0]
    P, Q = R(p), R(q)
    return (P * Q).degree(), P.degree(), Q.degree()


#: degrees p, q >= 0 and a height r >= 1, symbolic, for the general arguments below
_P, _Q = sp.symbols("p q", integer=True, nonnegative=True)
_R = sp.Symbol("r", integer=True, positive=True)
_E = sp.Symbol("e", integer=True)


def _cauchy_range(s, p, q) -> tuple:
    """The index range of e in the coefficient of x^s of (sum_{e<=p} a_e x^e)(sum_{e<=q} b_e x^e):
    sum_{e = max(0, s-q)}^{min(p, s)} a_e b_{s-e}."""
    return sp.Max(0, s - q), sp.Min(p, s)


def _cauchy_formula_instances(bound: int) -> str | None:
    """The coefficient formula of _cauchy_range, checked with generic coefficients for p, q <= bound.

    The product is computed in Z[x, a_0..a_bound, b_0..b_bound] (exact sparse polynomials); its terms
    in x^s are compared with the Cauchy sum times x^s."""
    R, x, *gens = ring(["x"] + [f"a{e}" for e in range(bound + 1)] + [f"b{e}" for e in range(bound + 1)], ZZ)
    for p in range(bound + 1):
        for q in range(bound + 1):
            a, b = gens[:p + 1], gens[bound + 1:bound + 2 + q]
            if len(set(a) | set(b)) != p + q + 2:          # generic: every coefficient its own generator
                return f"p={p}, q={q}: the coefficients are not p + q + 2 distinct generators"
            prod = sum((a[e] * x**e for e in range(p + 1)), R.zero) * sum((b[e] * x**e for e in range(q + 1)), R.zero)
            for s in range(p + q + 1):
                lo, hi = (int(v) for v in _cauchy_range(s, p, q))
                at_s = R({m: c for m, c in prod.items() if m[0] == s})
                if at_s - x**s * sum((a[e] * b[s - e] for e in range(lo, hi + 1)), R.zero) != 0:
                    return f"p={p}, q={q}: coefficient of x^{s} is not the Cauchy sum"
    return None


def _top_coefficient_is_product(nonzero: bool = True) -> tuple[bool, str]:
    """For symbolic p, q >= 0: the coefficient of x^(p+q) of PQ is a_p b_q, and every coefficient of
    x^(p+q+r), r >= 1, is an empty sum; a_p b_q != 0 follows from a_p, b_q != 0 (and not without)."""
    a, b = sp.Function("a"), sp.Function("b")
    lo, hi = _cauchy_range(_P + _Q, _P, _Q)
    # Max(0, p) and Min(p, p + q) evaluate from the assumptions p, q >= 0 when built; the difference is
    # then decided by expansion (exact), never by simplify(): anything left over fails the check
    if not (sp.expand(lo - _P) == 0 and sp.expand(hi - _P) == 0):
        return False, f"the range of the top coefficient is {lo}..{hi}, not the single index p"
    top = sp.Sum(a(_E) * b(_P + _Q - _E), (_E, lo, hi)).doit()
    if sp.expand(top - a(_P) * b(_Q)) != 0:
        return False, f"the top coefficient is {top}, not a_p b_q"
    lo, hi = _cauchy_range(_P + _Q + _R, _P, _Q)
    if (hi - lo).is_negative is not True:
        return False, "the range above degree p + q is not shown empty"
    ap, bq = sp.Symbol("a_p", nonzero=nonzero or None), sp.Symbol("b_q", nonzero=nonzero or None)
    if (ap * bq).is_nonzero is not True:
        return False, "a_p b_q is not shown non-zero"
    return True, "top coefficient a_p b_q"


def _degree_of_product() -> LemmaCheck:
    import random

    ok, why = _top_coefficient_is_product()
    if not ok:
        return LemmaCheck(False, why)
    if _top_coefficient_is_product(nonzero=False)[0]:      # the side condition must be what makes it work
        return LemmaCheck(False, "a_p b_q was shown non-zero without the side condition")
    bad = _cauchy_formula_instances(6)
    if bad:
        return LemmaCheck(False, bad)
    x = sp.Symbol("x")
    rnd = random.Random(7)
    for _ in range(60):
        p, q = _random_poly(rnd, rnd.randint(0, 6), x), _random_poly(rnd, rnd.randint(0, 6), x)
        of_product, of_p, of_q = _product_degrees(p, q, x)
        if of_product != of_p + of_q:
            return LemmaCheck(False, f"deg({p} * {q}) is not the sum of degrees")
    # dropping the condition: a 'degree 1' factor x + 0 x^2 ... a zero leading tap lowers the degree
    if sp.degree(sp.expand((0 * x**2 + x + 1) * (x + 1)), x) == 3:      # pragma: no cover - sympy itself
        return LemmaCheck(False, "a zero leading tap did not lower the degree")
    return LemmaCheck(True, "general for symbolic degrees p, q >= 0: in the Cauchy coefficient of x^(p+q) of "
                            "(sum_{e<=p} a_e x^e)(sum_{e<=q} b_e x^e) the index range max(0, p+q-q)..min(p, p+q) "
                            "simplifies to the single index p, so the coefficient is a_p b_q, non-zero from "
                            "a_p != 0 and b_q != 0 (not shown without them), and every coefficient of "
                            "x^(p+q+r), r >= 1, has an empty range; the Cauchy formula itself rechecked with "
                            "generic coefficients for p, q <= 6; a product over i = 1..L by induction on L "
                            "(the induction is not machine-checked); 60 seeded rational instances")


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
    """General for a symbolic size k: the coefficient of x^s of P_a = sum_{t=0}^{k-1} a_t x^t is
    sum_t a_t [t = s]; it is a_{k-1} at s = k - 1 and 0 above, so deg P_a = k - 1 when a_{k-1} != 0,
    and the support starts at tap 0 when a_0 != 0.  The end taps of a * b are a_0 b_0 and
    a_{p} b_{q} (Cauchy ranges at s = 0 and s = p + q, symbolic p, q): non-zero end taps are kept
    by convolution.  Sizes 1..8 recomputed with SymPy's degree."""
    from ..objects.kernels import kernel_polynomial

    k = sp.Symbol("k", integer=True, positive=True)
    t = sp.Symbol("t", integer=True)
    a = sp.Function("a")
    at_top = sp.Sum(a(t) * sp.KroneckerDelta(t, k - 1), (t, 0, k - 1)).doit()
    above = sp.Sum(a(t) * sp.KroneckerDelta(t, k - 1 + _R), (t, 0, k - 1)).doit()
    at_bottom = sp.Sum(a(t) * sp.KroneckerDelta(t, 0), (t, 0, k - 1)).doit()
    # zero decided by expansion (exact); a form SymPy leaves unevaluated fails the check
    if sp.expand(at_top - a(k - 1)) != 0 or sp.expand(above) != 0 or sp.expand(at_bottom - a(0)) != 0:
        return LemmaCheck(False, f"coefficients of P_a: x^(k-1) -> {at_top}, above -> {above}, x^0 -> {at_bottom}")
    lo, hi = _cauchy_range(sp.Integer(0), _P, _Q)
    if not (lo == 0 and hi == 0):
        return LemmaCheck(False, f"the first tap of a * b is a sum over {lo}..{hi}, not a_0 b_0")
    ok, why = _top_coefficient_is_product()
    if not ok:
        return LemmaCheck(False, "the last tap of a * b: " + why)
    x = sp.Symbol("x")
    for size_ in range(1, 9):
        taps = [sp.Symbol(f"a_{q}", nonzero=(q in (0, size_ - 1))) for q in range(size_)]
        if sp.degree(kernel_polynomial(taps, x), x) + 1 != size_:
            return LemmaCheck(False, f"size {size_}: degree {sp.degree(kernel_polynomial(taps, x), x)}")
    if sp.degree(kernel_polynomial([1, 2, 0], x), x) + 1 == 3:      # pragma: no cover - the condition matters
        return LemmaCheck(False, "a zero last tap did not lower the degree")
    return LemmaCheck(True, "general for a symbolic size k: the coefficient of x^(k-1) of sum_{t<k} a_t x^t is "
                            "a_{k-1} (non-zero by the side condition), every higher one is 0, the constant one "
                            "is a_0 (non-zero: the support starts at tap 0); the end taps of a * b are a_0 b_0 "
                            "and a_p b_q for symbolic p, q (non-zero end taps are kept by convolution); "
                            "sizes 1..8 recomputed; [1, 2, 0] shows the condition is needed")


def _conjugate_symmetry(real: bool = True) -> bool:
    """conj(P(z)) = P(conj z) and the same for P', for P = sum_{e=0}^{N} c_e z^e of symbolic degree N,
    with real coefficients c_e (``real=False``: complex ones, where it must not be shown)."""
    u, v = sp.symbols("u v", real=True)
    z = u + sp.I * v
    N = sp.Symbol("N", integer=True, nonnegative=True)
    e = sp.Symbol("e", integer=True, nonnegative=True)
    c = sp.Function("c", real=True) if real else sp.Function("c")
    for coeff, power in ((c(e), e), (e * c(e), e - 1)):           # P and its derivative P'
        P = lambda w: sp.Sum(coeff * w**power, (e, 0, N))       # noqa: E731
        if sp.expand(sp.conjugate(P(z)) - P(sp.conjugate(z))) != 0:
            return False
    return True


def _conjugate_roots() -> LemmaCheck:
    """General: conj(P(z)) = P(conj z) and conj(P'(z)) = P'(conj z) for a real polynomial of symbolic
    degree N (so a non-real root's conjugate is a root, with the same multiplicity, by induction on
    the derivatives, which are real polynomials too); for complex coefficients it is not shown, and
    P = z - i is a counterexample.  The fundamental theorem of algebra (deg P roots with
    multiplicity) is not machine-checked: seeded instances only."""
    import random

    if not _conjugate_symmetry(real=True):
        return LemmaCheck(False, "conj(P(z)) = P(conj z) not shown for real coefficients")
    if _conjugate_symmetry(real=False):
        return LemmaCheck(False, "conj(P(z)) = P(conj z) was 'shown' for complex coefficients")
    z = sp.Symbol("z")
    if sp.Poly(z - sp.I, z).eval(sp.conjugate(sp.I)) == 0:       # pragma: no cover - sympy itself
        return LemmaCheck(False, "z - i: -i is a root")
    rnd = random.Random(3)
    x = sp.Symbol("x")
    for _ in range(12):
        p = sp.Poly(_random_poly(rnd, rnd.randint(1, 6), x), x)
        roots = p.all_roots()
        if len(roots) != p.degree():
            return LemmaCheck(False, f"{p} does not have deg P roots")
        nonreal = [r_ for r_ in roots if r_.is_real is False]
        if sorted(map(str, nonreal)) != sorted(str(sp.conjugate(r_)) for r_ in nonreal):
            return LemmaCheck(False, f"{p}: the non-real roots are not closed under conjugation")
    return LemmaCheck(True, "general for a symbolic degree N: conj(P(z)) = P(conj z) and conj(P'(z)) = P'(conj z) "
                            "expanded to 0 for real coefficients (not shown for complex ones; z - i is a "
                            "counterexample), so non-real roots pair up with their conjugates, multiplicities "
                            "included; m + 2c = deg P = 2L needs the fundamental theorem of algebra and "
                            "deg P = 2L (last tap non-zero): the theorem of algebra is checked on 12 seeded "
                            "rational instances only (SymPy's exact roots), not in general")


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
    for k1 in range(1, 7):
        for k2 in range(1, 7):
            a, b = sp.symbols(f"a0:{k1}"), sp.symbols(f"b0:{k2}")
            # the three polynomials in kernel_polynomial's one variable x
            if sp.expand(kernel_polynomial(conv_full(a, b)) - kernel_polynomial(a) * kernel_polynomial(b)):
                return LemmaCheck(False, f"fails for kernel lengths ({k1}, {k2})")
    return LemmaCheck(True, "proved for all lengths as theorem kernel_poly_mul_eq_conv "
                            "(proofs/kernel_polynomial.py); rechecked here for lengths 1..6 with generic kernels")


def _fubini() -> LemmaCheck:
    """Instances where both orders are computed exactly: Gaussian integrals by completing the square
    (symconv.objects.gaussians), the others by SymPy's integrate."""
    from ..objects.gaussians import gaussian_integral
    x, y = sp.symbols("x y", real=True)

    def over_r(F, v):
        value = gaussian_integral(F, v)
        return sp.integrate(F, (v, -sp.oo, sp.oo)) if value is None else value
    for F in (sp.exp(-x**2 - 2 * y**2), sp.exp(-(x - y)**2 - y**2), sp.exp(-x**2) / (1 + y**2)):
        one = over_r(over_r(F, x), y)
        two = over_r(over_r(F, y), x)
        if decide_equal(one, two) is not True:
            return LemmaCheck(False, f"the two orders are not shown equal for {F}")
    return LemmaCheck(True, "Fubini-Tonelli: iterated integrals of an absolutely integrable function on R^2 agree in "
                            "either order, and int f(s)g(t) = (int f)(int g); for the convolution theorem "
                            "|e^{-2 pi i w t} f(tau) g(t - tau)| integrates to ||f||_1 ||g||_1 < oo.  Instances "
                            "computed exactly in both orders")


# ------------------------------------------------------------ side conditions as stated hypotheses
class NonzeroEndTaps(sp.Function):
    """The hypothesis predicate "the first and last taps of each of these kernels are non-zero",
    for ``Hypothesis(name, NonzeroEndTaps(a, b), text)``.  Its arguments are kernels: symbols
    (``a``, ``b``) or a member of a family (``g(i)``, for the index i of the statement).  A lemma
    about kernels (:attr:`Lemma.objects`) is applied only to kernels such a stated predicate
    names, or to convolutions of them (the end taps of a * b are a_0 b_0 and a_p b_q, checked in
    ``kernel_length_is_degree_plus_one``)."""

    def _latex(self, printer):
        names = ", ".join(printer._print(q) for q in self.args)
        return r"\text{the end taps of } " + names + r" \text{ are non-zero}"


def _kernel_of(e) -> sp.Expr:
    """The kernel K of a polynomial P_K(y); ValueError for anything else."""
    from ..objects.indexed import Pk
    if _is(e, Pk):
        return e.args[0]
    raise ValueError(f"{sp.sstr(e)} is not the polynomial P_K of a kernel: nothing says it is non-zero")


def _objects_kernel_length(old, new) -> list:
    from ..objects.indexed import Pk, deg, size
    if _is(old, size):
        return [old.args[0]]
    if _is(old, deg) and _is(old.args[0], Pk):
        return [old.args[0].args[0]]
    raise ValueError(f"{sp.sstr(old)} is neither |K| nor deg P_K")


def _objects_degree_product(old, new) -> list:
    from ..objects.indexed import deg
    if not _is(old, deg):
        raise ValueError(f"{sp.sstr(old)} is not a degree")
    arg = old.args[0]
    factors = [arg.function] if isinstance(arg, sp.Product) else list(sp.Mul.make_args(arg))
    return [_kernel_of(f) for f in factors]


def _says(h, groups) -> bool:
    words = (h.name + " " + h.text).lower().replace("\\", "")
    return all(any(w in words for w in group) for group in groups)


def _provides(lem: "Lemma", h) -> bool:
    """Whether hypothesis h states what lemma ``lem`` needs: for a lemma about kernels
    (``objects``) a NonzeroEndTaps predicate (the engine reads which kernels it names); for the
    others (the condition is about no object of the statement) its words, ``needs_words``."""
    if lem.objects is not None:
        return isinstance(h.expr, NonzeroEndTaps)
    return _says(h, lem.needs_words)


def _covered(K, named_kernels: list) -> bool:
    """Whether a stated NonzeroEndTaps predicate covers kernel K (K itself, or K = K1 * K2 with both covered)."""
    from ..objects.indexed import kconv
    if any(K == q for q in named_kernels):
        return True
    if _is(K, kconv):
        return all(_covered(q, named_kernels) for q in K.args)
    return False


def named_hypotheses(name: str, hypothesis) -> tuple:
    """The hypotheses a step with lemma ``name`` names (``hypothesis=``: one, or a tuple or list).

    A named hypothesis that does not say what the lemma needs is refused (RuleError), as
    ``Fubini`` refuses one that does not say "integrable"."""
    from .rule_base import RuleError
    from .statement import as_hypothesis

    if hypothesis is None:
        return ()
    hyps = tuple(as_hypothesis(h) for h in (hypothesis if isinstance(hypothesis, (tuple, list)) else (hypothesis,)))
    lem = LEMMAS.get(name)
    if lem is not None and lem.needs and not any(_provides(lem, h) for h in hyps):
        what = "a NonzeroEndTaps(...) predicate" if lem.objects is not None else f"words {lem.needs_words}"
        raise RuleError(f"lemma {name} needs '{lem.needs}' ({what}); the hypotheses {[h.name for h in hyps]} "
                        "do not state it")
    return hyps


def side_conditions_met(name: str, pairs, named, derivation) -> tuple[bool, str]:
    """Whether the side condition of lemma ``name`` is a stated hypothesis, for the rewrites
    ``pairs`` (old, new) of one step.

    ``named``: the hypotheses the step names (``hypothesis=``); ``derivation``: the derivation the
    step is part of (None outside one: no hypothesis is stated), whose hypotheses
    :func:`statement.establishes` requires to be the formal statement's.  Each
    named hypothesis must be stated.  For a lemma about kernels (:attr:`Lemma.objects`) every
    kernel the rewrite is about must be named by the ``NonzeroEndTaps`` predicate of a named
    hypothesis (or be a convolution of such kernels).  For a lemma whose condition is about no
    object of the statement (conjugate roots: m, c, L are counts), one named hypothesis must say
    it in words (:attr:`Lemma.needs_words`): the engine cannot read prose, so that tie is by
    words only.
    """
    lem = LEMMAS[name]
    named = tuple(named)
    stated = tuple(derivation.hypotheses) if derivation is not None else ()
    for h in named:
        if h not in stated:
            return False, (f"lemma {name}: the hypothesis {h.name!r} is not among the derivation's hypotheses "
                           f"{[q.name for q in stated]}")
    if not lem.needs:
        return True, "no side condition left to a hypothesis"
    if not named:
        return False, (f"lemma {name} needs the hypothesis '{lem.needs}' ({lem.side_conditions}): the step must "
                       "name it (hypothesis=H), with H among the derivation's hypotheses")
    saying = [h for h in named if _provides(lem, h)]
    if not saying:
        return False, (f"lemma {name} needs '{lem.needs}'; the named hypotheses {[h.name for h in named]} "
                       "do not say so")
    if lem.objects is not None:
        kernels = [q for h in saying for q in h.expr.args]
        for old, new in pairs:
            try:
                wanted = lem.objects(old, new)
            except ValueError as exc:
                return False, f"lemma {name}: {exc}"
            for K in wanted:
                if not _covered(K, kernels):
                    return False, (f"lemma {name}: no named hypothesis NonzeroEndTaps(...) covers the kernel "
                                   f"{sp.sstr(K)} (covered: {[sp.sstr(q) for q in kernels]})")
    return True, f"side condition '{lem.needs}' from {[h.name for h in saying]}"


_END_TAP_WORDS = (("tap",), ("non-zero", "nonzero", "neq 0"))

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
        r"real coefficients and $\deg P = 2L$ (last tap non-zero): a hypothesis saying so (real, non-zero) "
        r"must be named; $m$ real roots and $c$ conjugate pairs, with multiplicity",
        _conjugate_roots, _inst_conjugate_pairs,
        needs="real coefficients, last tap non-zero",
        needs_words=(("real",), ("non-zero", "nonzero", "neq 0"))),
    "degree_of_product": Lemma(
        "degree_of_product", r"\deg(PQ) = \deg P + \deg Q",
        r"$P, Q \neq 0$: each factor is $P_K$ of a kernel $K$ whose end taps are non-zero, by a named "
        r"hypothesis \texttt{NonzeroEndTaps}", _degree_of_product, _inst_degree_product,
        needs="non-zero end taps", needs_words=_END_TAP_WORDS, objects=_objects_degree_product),
    "degree_of_dilation": Lemma(
        "degree_of_dilation", r"\deg P(x^d) = d \deg P", r"$d \geq 1$ (read from the exponent's assumptions)",
        _degree_of_dilation, _inst_degree_dilation),
    "kernel_length_is_degree_plus_one": Lemma(
        "kernel_length_is_degree_plus_one", r"|a| = \deg P_a + 1",
        r"the first and last taps of $a$ are non-zero, by a named hypothesis \texttt{NonzeroEndTaps}",
        _kernel_length, _inst_kernel_length,
        needs="non-zero end taps", needs_words=_END_TAP_WORDS, objects=_objects_kernel_length),
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
    "orbit_stabiliser": Lemma(
        "orbit_stabiliser",
        r"\sum_{g \in G} [g \cdot z = z] = \lvert \mathrm{Stab}(z)\rvert = \lvert G\rvert / \lvert G z\rvert",
        r"$G$ finite, acting on a finite set (the action axioms); the rule checks that the sum runs over the "
        r"whole group and is the stabiliser's indicator", lambda: _orbit_lemma("_orbit_stabiliser")),
    "orbit_counting": Lemma(
        "orbit_counting", r"\sum_{z \in Z} 1/\lvert G z\rvert = \lvert G \backslash Z\rvert",
        r"$Z$ a finite $G$-set (here a product of the $G$-sets, with the diagonal action); the rule checks "
        r"that every sum runs over a whole $G$-set and that the orbit is that of the summation variables",
        lambda: _orbit_lemma("_orbit_counting")),
    "invariant_functions_dim_eq_orbits": Lemma(
        "invariant_functions_dim_eq_orbits",
        r"\dim\{W : W(g \cdot z) = W(z)\ \forall g, z\} = \lvert G \backslash Z\rvert",
        r"$Z$ a finite $G$-set; the rule checks that the equation is exactly invariance under one element "
        r"$g$ acting on every point, with no other symbol", lambda: _orbit_lemma("_invariant_functions_dim")),
    "simple_eigenvalue_eigenspace_is_a_line": Lemma(
        "simple_eigenvalue_eigenspace_is_a_line",
        r"\lambda \text{ simple} \Rightarrow \dim\ker(A-\lambda I)=1",
        r"$\lambda$ is a simple eigenvalue of $A$",
        _simple_eigenspace),
}


_CHECKED: dict[str, LemmaCheck] = {}      # the lemma checks run in this process (or handed back by a child)


def _orbit_lemma(name: str) -> LemmaCheck:
    from . import orbit_lemmas
    return getattr(orbit_lemmas, name)()


def check_lemma(name: str) -> LemmaCheck:
    """Run (once) the check of a named lemma."""
    if name not in LEMMAS:
        raise KeyError(f"unknown lemma {name!r}; known: {sorted(LEMMAS)}")
    if name not in _CHECKED:
        _CHECKED[name] = LEMMAS[name].check()
    return _CHECKED[name]


def checked_lemmas() -> dict[str, LemmaCheck]:
    """The lemma checks run so far in this process, by name (a copy)."""
    return dict(_CHECKED)


def remember_lemma_checks(results: dict) -> None:
    """Keep the checks a forked child ran (``checked_lemmas()`` sent back), so that the next phases
    forked from this process do not run them again.  Only known lemma names with a LemmaCheck are
    kept, and a check already run here is never replaced.

    >>> remember_lemma_checks({"no_such_lemma": LemmaCheck(True, "forged")})
    >>> "no_such_lemma" in checked_lemmas()
    False
    """
    for name, lc in results.items():
        if name in LEMMAS and isinstance(lc, LemmaCheck) and isinstance(lc.ok, bool):
            _CHECKED.setdefault(name, lc)
