"""2-D kernels are bivariate polynomials: separable = rank 1 = p(x) q(y); two stacked 3x3
kernels give a 5x5 kernel, but only a 17-dimensional family of the 25 dimensions.

What the dimension count (the fibre dimension: dim image = 2k^2 - dim fibre, fibre a line)
rests on, for each k = 1..5 only (the theorem claims ``verified`` for that range, not ``proved``):
the scaling direction (A, -B) lies in the kernel of the Jacobian of (A, B) -> A * B, checked
symbolically with generic entries (upper bound 2k^2 - 1), and the Jacobian has rank 2k^2 - 1 at
one seeded rational point, computed exactly over Q (lower bound).  Two standard facts are used and
not machine-checked: the image's dimension is the generic rank of the Jacobian, and the rank at
one point is at most the generic rank.  No general-k argument is checked (a written one: at a
point where P_A, P_B are coprime and P_A has full bidegree, unique factorisation in Q[x, y] leaves
only the line (A, -B) in the Jacobian's kernel)."""

import numpy as np
import sympy as sp

import symconv as sc
from symconv.engine.rules import Fold, ProductOfSums, Unfold
from symconv.engine.statement import Statement
from symconv.objects.indexed import X, lsum, poly_function, sequence_function

ORDER = 100  # position in reports and in the LaTeX document

Y = sp.Symbol("y")
i2, j2 = sp.symbols("i j", integer=True)
uu, vv = sequence_function("u"), sequence_function("v")
p_, q_ = poly_function("p", "p_u(#)"), poly_function("q", "q_v(#)")
PK = poly_function("PK", r"P_{u v^{\mathsf T}}(#)")
DEFS = {"p": sp.Lambda((X,), lsum(uu(i2) * X**i2, i2)),
        "q": sp.Lambda((Y,), lsum(vv(j2) * Y**j2, j2)),
        "PK": sp.Lambda((X, Y), lsum(lsum(uu(i2) * vv(j2) * X**i2 * Y**j2, j2), i2))}


#: p_u(x) q_v(y) = P_{u v^T}(x, y): the polynomial of an outer product is the product of the polynomials
FORMAL_SEP = Statement.identity(p_(X) * q_(Y), PK(X, Y), definitions=DEFS)


def _derive_sep():
    return [sc.Derivation(p_(X) * q_(Y), title=r"$K = u v^{\mathsf T}$, i.e. $K_{ij} = u_i v_j$",
                          goal=PK(X, Y),
                          conclusion=r"$K$ has rank 1 iff $K = u v^{\mathsf T}$ iff $P_K(x, y) = p_u(x)\,q_v(y)$; "
                                     r"a polynomial $p(x)q(y)$ gives back $u, v$ as its coefficient lists")
            .step(lsum(uu(i2) * X**i2, i2) * lsum(vv(j2) * Y**j2, j2), Unfold("p", "q", definitions=DEFS))
            .step(lsum(lsum(uu(i2) * vv(j2) * X**i2 * Y**j2, j2), i2), ProductOfSums())
            .step(PK(X, Y), Fold("PK", definitions=DEFS))]


def _numeric_sep(n_, rng, dps):
    import mpmath
    u, v = rng.standard_normal(n_), rng.standard_normal(n_)
    K = np.outer(u, v)
    s = np.linalg.svd(K, compute_uv=False)
    err = s[1] / s[0] if n_ > 1 else 0.0
    x0, y0 = 0.3, -0.7
    lhs = sum(K[i, j] * x0**i * y0**j for i in range(n_) for j in range(n_))
    rhs = np.polyval(u[::-1], x0) * np.polyval(v[::-1], y0)
    with mpmath.workdps(dps):
        um, vm = [mpmath.mpf(float(w)) for w in u], [mpmath.mpf(float(w)) for w in v]
        xm, ym = mpmath.mpf(3) / 10, mpmath.mpf(-7) / 10
        lm = sum(um[i] * vm[j] * xm**i * ym**j for i in range(n_) for j in range(n_))
        rm = mpmath.polyval(um[::-1], xm) * mpmath.polyval(vm[::-1], ym)
    return float(max(err, abs(lhs - rhs))), float(abs(lm - rm))


separable_iff_rank_one = sc.Theorem(
    "separable_iff_rank_one",
    "A 2-D kernel is separable (an outer product u v^T) iff it has rank 1 iff its polynomial is p(x) q(y).",
    claims="proved",
    latex=r"P_K(x,y) = \sum_{ij} K_{ij} x^i y^j,\qquad K = u v^{\mathsf T} \iff \operatorname{rank} K = 1 "
          r"\iff P_K(x,y) = p_u(x)\,q_v(y)",
    derivation=_derive_sep, formal=FORMAL_SEP,
    exact=sc.verify.kernels.separable_iff_rank_one, n_range=(1, 6),
    numeric=_numeric_sep, numeric_sizes=(1, 2, 3, 5), tolerance=1e-9,
    false_variants=[sc.FalseVariant(
        "separable_iff_symmetric", "A 2-D kernel is separable iff it is symmetric.",
        exact=lambda n_: sc.verify.kernels.separable_iff_rank_one(n_, symmetric_claim=True))],
)



def _numeric_dim(n_, rng, dps):
    """Numeric Jacobian rank of (A, B) -> A * B at a random point (relative singular value gap)."""
    import mpmath
    A, B = rng.standard_normal((n_, n_)), rng.standard_normal((n_, n_))
    cols = []
    for p in range(n_):
        for q in range(n_):
            E = np.zeros((n_, n_)); E[p, q] = 1
            cols.append(np.array(sc.objects.kernels2d.conv2d_full(E.tolist(), B.tolist()), dtype=float).ravel())
    for p in range(n_):
        for q in range(n_):
            E = np.zeros((n_, n_)); E[p, q] = 1
            cols.append(np.array(sc.objects.kernels2d.conv2d_full(A.tolist(), E.tolist()), dtype=float).ravel())
    J = np.array(cols).T
    s = np.linalg.svd(J, compute_uv=False)
    r = 2 * n_ * n_ - 1
    err = s[r] / s[0] if len(s) > r else 0.0     # the smallest singular value must vanish
    with mpmath.workdps(dps):                    # J (A, -B) = 0 at the point, in mpmath
        Jm = sc.mp_matrix(J)
        w = sc.mp_matrix(np.concatenate([A.ravel(), -B.ravel()]))
        errm = sc.mp_max_abs(Jm * w) / max(1.0, float(mpmath.mnorm(w, 1)))
    return float(err), float(errm)


_K = sp.Symbol("k", integer=True, positive=True)
_a2, _b2, _u2, _v2 = sp.symbols("a b u v", integer=True)
_c2 = sp.Symbol("c", nonzero=True)
_A2, _B2 = sequence_function("A"), sequence_function("B")
stack_dim = poly_function("stackdim", r"\dim\{A * B : A, B \in \mathbb{R}^{#\times #}\}")


def _stack(A, B):
    """(A * B)_{ab} = sum_{u,v < k} A_uv B_{a-u, b-v}, A and B k x k."""
    return sp.Sum(A(_u2, _v2) * B(_a2 - _u2, _b2 - _v2), (_v2, 0, _K - 1), (_u2, 0, _K - 1))


#: the dimension of the family of stacks (notation: not evaluated concretely), and the fact it rests on that is
#: evaluated concretely: every fibre of (A, B) -> A * B contains the line (c A, B / c), c != 0
_Ac, _Bc = sequence_function("Ac", "(cA)"), sequence_function("Bc", "(B/c)")
_LINE = {"Ac": sp.Lambda((_u2, _v2), _c2 * _A2(_u2, _v2)), "Bc": sp.Lambda((_u2, _v2), _B2(_u2, _v2) / _c2)}
FORMAL_DIM = (Statement.identity(stack_dim(_K), 2 * _K ** 2 - 1, text="2 <= k <= 5"),
              Statement.identity(_stack(_Ac, _Bc), _stack(_A2, _B2), definitions=_LINE))


stack_3x3_image_dim = sc.Theorem(
    "stack_3x3_image_dim",
    "Two stacked k x k kernels reach a (2k^2 - 1)-dimensional family of the (2k-1)^2 dimensions, "
    "checked exactly for k = 1..5 only (Jacobian rank at one rational point; see the module docstring): "
    "17 < 25 for k = 3, so not every 5x5 kernel is a stack of two 3x3.",
    claims="verified",
    latex=r"\dim\{A * B : A, B \in \mathbb{R}^{k\times k}\} = 2k^2 - 1 < (2k-1)^2 \quad (2 \le k \le 5)",
    exact=sc.verify.kernels.stack_image_dimension, n_range=(1, 5), formal=FORMAL_DIM,
    numeric=_numeric_dim, numeric_sizes=(2, 3, 4),
    false_variants=[sc.FalseVariant(
        "every_5x5_is_a_stack_of_3x3", "Every rational (2k-1)x(2k-1) kernel is a stack of two rational k x k kernels.",
        exact=sc.verify.kernels.every_kernel_is_a_stack, n_range=(1, 4))],
)


if __name__ == "__main__":
    raise SystemExit(sc.prove_module(globals()))
