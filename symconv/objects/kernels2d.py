"""2-D kernels as bivariate polynomials: P_K(x, y) = sum_ij K[i][j] x^i y^j.

Stacking (full 2-D convolution) multiplies the polynomials; a kernel is
separable (an outer product u v^T) exactly when it has rank 1, exactly when
P_K(x, y) = p(x) q(y).  Whether a rational 5x5 kernel is the stack of two
rational 3x3 kernels is decided by unique factorisation in Q[x, y].

>>> conv2d_full([[1, 1]], [[1], [1]])
[[1, 1], [1, 1]]
>>> separable([[1, 2, 1], [2, 4, 2], [1, 2, 1]])
([1, 2, 1], [1, 2, 1])
>>> separable([[0, 1], [1, 0]]) is None
True
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product

import sympy as sp

__all__ = ["kernel2d_polynomial", "conv2d_full", "separable", "StackDecision", "split_into_two"]

_X, _Y = sp.symbols("x y")


def _matrix(K, name: str = "K") -> list[list]:
    rows = [list(r) for r in (K.tolist() if hasattr(K, "tolist") else K)]
    if not rows or not rows[0] or any(len(r) != len(rows[0]) for r in rows):
        raise ValueError(f"{name} must be a non-empty rectangular 2-D kernel")
    return [[sp.Rational(v) if isinstance(v, int) else sp.sympify(v) for v in r] for r in rows]


def kernel2d_polynomial(K) -> sp.Expr:
    """P_K(x, y) = sum_ij K[i][j] x^i y^j (i: row, j: column).

    >>> kernel2d_polynomial([[1, 2], [3, 4]])
    4*x*y + 3*x + 2*y + 1
    """
    M = _matrix(K)
    return sp.expand(sum((M[i][j] * _X**i * _Y**j for i in range(len(M)) for j in range(len(M[0]))),
                         sp.Integer(0)))


def _from_poly(P: sp.Expr, rows: int, cols: int) -> list[list]:
    poly = sp.Poly(P, _X, _Y)
    out = [[sp.Integer(0)] * cols for _ in range(rows)]
    for (i, j), c in poly.terms():
        if i >= rows or j >= cols:
            raise ValueError(f"polynomial of bidegree ({i}, {j}) does not fit {rows}x{cols}")
        out[i][j] = c
    return [[int(v) if v.is_Integer else v for v in r] for r in out]


def conv2d_full(A, B) -> list[list]:
    """Full 2-D convolution, exact: (A * B)[i][j] = sum A[p][q] B[i-p][j-q]."""
    MA, MB = _matrix(A, "A"), _matrix(B, "B")
    rows, cols = len(MA) + len(MB) - 1, len(MA[0]) + len(MB[0]) - 1
    entries = [v for M in (MA, MB) for r in M for v in r]
    if all(v.is_Number for v in entries) or not all(v.is_Symbol or v.is_Rational or not v.has(sp.Float)
                                                    for v in entries):
        # numbers (their own arithmetic is quicker than an Add), or floats: repeated addition
        out = [[sp.Integer(0)] * cols for _ in range(rows)]
        for p, q in product(range(len(MA)), range(len(MA[0]))):
            if MA[p][q] == 0:
                continue
            for r, s in product(range(len(MB)), range(len(MB[0]))):
                out[p + r][q + s] += MA[p][q] * MB[r][s]
        return [[int(v) if v.is_Integer else v for v in r] for r in out]
    terms = [[[sp.Integer(0)] for _ in range(cols)] for _ in range(rows)]    # symbolic: one Add per entry, in order
    for p, q in product(range(len(MA)), range(len(MA[0]))):
        if MA[p][q] == 0:
            continue
        for r, s in product(range(len(MB)), range(len(MB[0]))):
            terms[p + r][q + s].append(MA[p][q] * MB[r][s])
    out = [[sp.Add(*ts) for ts in row] for row in terms]
    return [[int(v) if v.is_Integer else v for v in r] for r in out]


def separable(K) -> tuple[list, list] | None:
    """(u, v) with K = u v^T when K has rank 1 (exact), else None.

    u is K's first non-zero column, v the matching row scaled by 1/K[i0][j0].
    """
    M = sp.Matrix(_matrix(K))
    if M.rank() != 1:
        return None
    i0, j0 = next((i, j) for i in range(M.rows) for j in range(M.cols) if M[i, j] != 0)
    u = [M[i, j0] for i in range(M.rows)]
    v = [M[i0, j] / M[i0, j0] for j in range(M.cols)]
    tidy = lambda w: [int(c) if sp.sympify(c).is_Integer else c for c in w]  # noqa: E731
    return tidy(u), tidy(v)


@dataclass
class StackDecision:
    """Whether a kernel is the stack of two kernels of a given size, with a certificate."""

    factors: bool
    A: list | None                    # certificate when True: K = A * B exactly
    B: list | None
    irreducible: list                 # [(factor, multiplicity, (deg_x, deg_y))] over Q
    reason: str


def split_into_two(K, size: int = 3) -> StackDecision:
    """Decide whether rational K ((2*size-1) square) is A * B with rational size x size A, B.

    By unique factorisation in Q[x, y], A and B exist iff the irreducible factors of P_K
    can be split in two groups whose bidegrees both fit (size-1, size-1).

    >>> d = split_into_two([[1, 2, 1, 0, 0]] * 1 + [[0] * 5] * 4)
    >>> d.factors
    True
    """
    M = _matrix(K)
    if len(M) != 2 * size - 1 or len(M[0]) != 2 * size - 1:
        raise ValueError(f"K must be {2 * size - 1}x{2 * size - 1}, got {len(M)}x{len(M[0])}")
    if any(not v.is_Rational for r in M for v in r):
        raise ValueError("K must have rational entries")
    P = kernel2d_polynomial(M)
    if P == 0:
        return StackDecision(True, [[0] * size] * size, [[1] + [0] * (size - 1)] + [[0] * size] * (size - 1), [],
                             "the zero kernel is 0 * B")
    const, facs = sp.factor_list(P, _X, _Y)
    irred = [(f, mult, (sp.degree(f, _X), sp.degree(f, _Y))) for f, mult in facs]
    units = [(f, dx, dy) for f, mult, (dx, dy) in irred for _ in range(mult)]
    cap = size - 1
    best = None
    for mask in product((0, 1), repeat=len(units)):
        ax = sum(dx for (f, dx, dy), b in zip(units, mask) if b)
        ay = sum(dy for (f, dx, dy), b in zip(units, mask) if b)
        bx = sum(dx for (f, dx, dy), b in zip(units, mask) if not b)
        by = sum(dy for (f, dx, dy), b in zip(units, mask) if not b)
        if ax <= cap and ay <= cap and bx <= cap and by <= cap:
            best = mask
            break
    if best is None:
        listing = ", ".join(f"({sp.sstr(f)})^{mult} (bidegree {bd})" for f, mult, bd in irred)
        return StackDecision(False, None, None, irred,
                             f"P_K = {sp.sstr(const)} * {listing}; no split of these irreducible factors gives "
                             f"two groups of bidegree <= ({cap}, {cap})")
    pa = const * sp.Mul(*(f for (f, _, _), b in zip(units, best) if b))
    pb = sp.Mul(*(f for (f, _, _), b in zip(units, best) if not b))
    A, B = _from_poly(sp.expand(pa), size, size), _from_poly(sp.expand(pb), size, size)
    if conv2d_full(A, B) != [[int(v) if v.is_Integer else v for v in r] for r in M]:  # pragma: no cover
        raise AssertionError("certificate does not reproduce K")
    return StackDecision(True, A, B, irred, "K = A * B, checked exactly")
