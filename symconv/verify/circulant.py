"""Exact checks about circulants at one n (layer 3).

>>> print(commutes_with_shift_iff_circulant(4))
W S = S W exactly for generic W: the solution space has dimension 4, spanned by S^0..S^3 (n=4)
>>> print(circulant_mul_eq_circulant_conv(3, variant="correlation"))  # doctest: +ELLIPSIS
n=3: entry (0,0): circ(a)circ(b) has ... but the claimed circulant has ...
"""

from __future__ import annotations

import sympy as sp

from ..engine.verdict import Counterexample, Holds
from ..objects import circulant, circular_convolve, shift_matrix, symbol_vector
from ._polys import PolyEquality
from ._rank import integer_rank
from .shift import permutation_array

__all__ = ["commutes_with_shift_iff_circulant", "circulant_eq_sum_shift_powers",
           "circulant_mulVec_eq_conv", "circulant_mul_eq_circulant_conv", "circulant_mul_comm",
           "circulant_commutes_with_shift", "penalty_gradient_orthogonal"]


def first_difference(lhs: sp.Matrix, rhs: sp.Matrix):
    """(i, j, lhs_ij, rhs_ij) at the first entry where lhs - rhs does not expand to 0, else None."""
    for i in range(lhs.rows):
        for j in range(lhs.cols):
            d = sp.expand(lhs[i, j] - rhs[i, j])
            if d != 0:
                return i, j, sp.expand(lhs[i, j]), sp.expand(rhs[i, j])
    return None


def commutes_with_shift_iff_circulant(n: int, pattern: str = "difference") -> Counterexample | Holds:
    """Solve W S = S W for generic W exactly: the solutions are the span of S^0..S^(n-1).

    vec(WS - SW) = (S^T (x) I - I (x) S) vec(W); the null space is computed over Q.
    With pattern="sum" the (false) claim is that solutions depend on i + j.
    """
    import numpy as np

    S = permutation_array(n)
    I = np.eye(n, dtype=np.int64)
    A = np.kron(S.T, I) - np.kron(I, S)  # column-major vec: vec(WS) = (S^T (x) I) vec(W)
    dim = n * n - integer_rank(A)
    if pattern == "difference":
        if dim != n:
            return Counterexample(n, f"solution space of WS = SW has dimension {dim}, expected {n}")
        for kk in range(n):
            P = permutation_array(n, kk)
            if ((A @ P.flatten(order="F")) != 0).any():
                return Counterexample(n, f"S^{kk} does not solve WS = SW")
        # n independent solutions S^k (disjoint supports) span the null space
        return Holds(f"W S = S W exactly for generic W: the solution space has dimension {n}, spanned by "
                     f"S^0..S^{n - 1} (n={n})")
    if pattern == "sum":
        # claim: every solution W has W[i,j] depending only on i + j; S itself solves WS = SW
        for i in range(n):
            for j in range(n):
                for i2 in range(n):
                    j2 = (i + j - i2) % n
                    if S[i, j] != S[i2, j2]:
                        return Counterexample(n, f"W = S commutes with S but S[{i},{j}] = {S[i, j]} "
                                                 f"!= S[{i2},{j2}] = {S[i2, j2]} although {i}+{j} = {i2}+{j2} mod {n}")
        return Holds(f"W = S solves W S = S W and its entries depend only on i + j mod {n} (n={n})")
    raise ValueError(f"pattern must be 'difference' or 'sum', got {pattern!r}")


def circulant_eq_sum_shift_powers(n: int, transpose: bool = False) -> Counterexample | Holds:
    """circ(c) = sum_k c_k S^k for symbolic c (transpose=True: the false circ(c)^T)."""
    c = symbol_vector("c", n)
    lhs = circulant(c).T if transpose else circulant(c)
    rhs = sp.zeros(n, n)
    for kk in range(n):
        rhs += c[kk] * shift_matrix(n, kk)
    bad = first_difference(lhs, rhs)
    if bad:
        return Counterexample(n, "entry ({},{}): {} vs {}".format(*bad))
    return Holds(f"{'circ(c)^T' if transpose else 'circ(c)'} = sum_k c_k S^k entry by entry for symbolic c, n={n}")


def circulant_mulVec_eq_conv(n: int, transpose: bool = False) -> Counterexample | Holds:
    """circ(c) x = c (*) x for symbolic c and x (transpose=True: the false circ(c)^T x)."""
    c, x = symbol_vector("c", n), symbol_vector("x", n)
    M = circulant(c).T if transpose else circulant(c)
    lhs = M * x
    rhs = circular_convolve(list(c), list(x))
    for i in range(n):
        if sp.expand(lhs[i] - rhs[i]) != 0:
            return Counterexample(n, f"entry {i}: {sp.expand(lhs[i])} vs {sp.expand(rhs[i])}")
    return Holds(f"{'circ(c)^T' if transpose else 'circ(c)'} x = c (*) x entry by entry for symbolic c, x, n={n}")


def _correlate(a, b):
    n = len(a)
    return [sum((a[t] * b[(t + s) % n] for t in range(n)), sp.Integer(0)) for s in range(n)]


def circulant_mul_eq_circulant_conv(n: int, variant: str = "convolution") -> Counterexample | Holds:
    """circ(a) circ(b) = circ(a (*) b) for symbolic a, b (variant="correlation" is false)."""
    a, b = symbol_vector("a", n), symbol_vector("b", n)
    lhs = circulant(a) * circulant(b)
    if variant == "convolution":
        col = circular_convolve(list(a), list(b))
    elif variant == "correlation":
        col = _correlate(list(a), list(b))
    else:
        raise ValueError(f"variant must be 'convolution' or 'correlation', got {variant!r}")
    bad = first_difference(lhs, circulant(col))
    if bad:
        return Counterexample(n, "entry ({},{}): circ(a)circ(b) has {} but the claimed circulant has {}".format(*bad))
    return Holds(f"circ(a) circ(b) = circ(a {'(*)' if variant == 'convolution' else 'star'} b) entry by entry for "
                 f"symbolic a, b, n={n}")


def circulant_mul_comm(n: int, perturb: bool = False) -> Counterexample | Holds:
    """circ(a) circ(b) = circ(b) circ(a) for symbolic a, b.

    perturb=True checks the false claim that circ(a) commutes with
    B = circ(b) + e*E_00, a matrix that is not circulant.
    """
    a, b = symbol_vector("a", n), symbol_vector("b", n)
    A, B = circulant(a), circulant(b)
    if perturb:
        B = B.copy()
        B[0, 0] = B[0, 0] + sp.Symbol("e")
    bad = first_difference(A * B, B * A)
    if bad:
        return Counterexample(n, f"entry ({bad[0]},{bad[1]}) of AB - BA is {bad[2] - bad[3]}")
    what = "circ(a) (circ(b) + e E_00)" if perturb else "circ(a) circ(b)"
    return Holds(f"{what} commutes: AB - BA expands to 0 entry by entry for symbolic a, b, n={n}")


def circulant_commutes_with_shift(n: int, hankel: bool = False) -> Counterexample | Holds:
    """circ(c) S = S circ(c) for symbolic c (hankel=True: the false claim for c_{i+j})."""
    c = symbol_vector("c", n)
    M = sp.Matrix(n, n, lambda i, j: c[(i + j) % n]) if hankel else circulant(c)
    S = shift_matrix(n)
    bad = first_difference(M * S, S * M)
    name = "hankel(c)" if hankel else "circ(c)"
    if bad:
        return Counterexample(n, f"entry ({bad[0]},{bad[1]}) of {name} S - S {name} is "
                                 f"{sp.expand(bad[2] - bad[3])}")
    return Holds(f"{name} S = S {name} entry by entry for symbolic c, n={n}")


def penalty_gradient_orthogonal(n: int, hankel: bool = False) -> Counterexample | Holds:
    """<D S^T - S^T D, circ(c)> = 0 for generic D and c (hankel=True: the false claim for c_{i+j})."""
    D = sp.Matrix(n, n, lambda i, j: sp.Symbol(f"D_{i}_{j}"))
    c = symbol_vector("c", n)
    M = sp.Matrix(n, n, lambda i, j: c[(i + j) % n]) if hankel else circulant(c)
    S = shift_matrix(n)
    G = D * S.T - S.T * D
    ring = PolyEquality(list(D) + list(c))
    polys = [(ring.poly(G[i, j]), ring.poly(M[i, j])) for i in range(n) for j in range(n)]
    if all(g is not None and m is not None for g, m in polys):
        # in QQ[D, c]: the inner product is 0 exactly when its expansion is (expansion is canonical)
        zero = sum((g * m for g, m in polys), ring.ring(0)) == 0
    else:
        zero = None
    ip = sp.Integer(0) if zero else sp.expand(sum(G[i, j] * M[i, j] for i in range(n) for j in range(n)))
    if ip != 0:
        name = "hankel(c)" if hankel else "circ(c)"
        return Counterexample(n, f"<D S^T - S^T D, {name}> = {ip}")
    return Holds(f"<D S^T - S^T D, {'hankel(c)' if hankel else 'circ(c)'}> expands to 0 for generic D and c, n={n}")
