"""Seed 001 (course slides): every worked number, matrix, shape and claim, checked exactly."""

import numpy as np
import sympy as sp

import symconv as sc
from symconv.engine.audit import AuditClaim, exactly, from_check, printed_decimal
from symconv.objects.kernels import conv_full
from symconv.objects.kernels2d import conv2d_full, separable
from symconv.objects.layers import avg_pool2d, convolve2d, correlate2d, max_pool2d, output_size
from symconv.verify.kernels import iterated_filter_size
from symconv.verify import layers as V

S = "001 slides"
F6 = [[3, 5, 3, 17, 19, 15], [4, 5, 7, 18, 19, 14], [3, 7, 1, 16, 29, 1],
      [1, 1, 2, 5, 3, 1], [2, 2, 3, 13, 5, 3], [2, 3, 2, 15, 4, 4]]
F5 = [[1, 1, 1, 0, 0], [0, 0, 0, 0, 0], [0, 0, 1, 0, 0], [0, 0, 0, 1, 0], [0, 0, 1, 0, 0]]
B3 = [[1, 2, 1], [2, 4, 2], [1, 2, 1]]
B5 = [[1, 4, 6, 4, 1], [4, 16, 24, 16, 4], [6, 24, 36, 24, 6], [4, 16, 24, 16, 4], [1, 4, 6, 4, 1]]


def _sum(m):
    return sum(sum(r) for r in m)


def _normalised(entries, denominator):
    total = _sum(entries)
    return ("holds" if total == denominator else "refuted"), f"entries sum to {total}: the factor is 1/{total}"


def _avg_pool():
    exact = avg_pool2d(F6, 3)
    printed = [["4.3", "16.4"], ["1.88", "5.88"]]
    verdicts = [printed_decimal(exact[i, j], printed[i][j])[0] for i in range(2) for j in range(2)]
    wrong = [printed[i][j] for i in range(2) for j in range(2) if verdicts[2 * i + j] == "refuted"]
    value = "[[38/9 = 4.22, 148/9 = 16.44], [18/9 = 2, 53/9 = 5.89]]"
    return ("holds" if not wrong else "refuted"), value + (f"; wrong as printed: {', '.join(wrong)}" if wrong else "")


def _assoc():
    a, b, c = (list(sp.symbols(f"{n}0:3")) for n in "abc")
    lhs, rhs = conv_full(conv_full(a, b), c), conv_full(a, conv_full(b, c))
    ok = all(sp.expand(p - q) == 0 for p, q in zip(lhs, rhs))
    return ("holds" if ok else "refuted"), "checked for generic 3-tap kernels (full convolution)"


def _sharpen(A):
    lap8 = [[-1, -1, -1], [-1, 8, -1], [-1, -1, -1]]
    delta = [[0, 0, 0], [0, 1, 0], [0, 0, 0]]
    got = [[(A - 1) * delta[i][j] + lap8[i][j] for j in range(3)] for i in range(3)]
    printed = [[-1, -1, -1], [-1, 9, -1], [-1, -1, -1]] if A == 2 else lap8
    return exactly(got, printed)


def _average_formula():
    f = np.array(sp.symbols("f0:25")).reshape(5, 5)
    g = np.full((3, 3), sp.Rational(1, 9), dtype=object)
    conv, corr = convolve2d(f, g, 1), correlate2d(f, g, 1)     # 'x' in the formula: f(x+v, y+u)
    ok = all(sp.expand(a - b) == 0 for a, b in zip(conv.flat, corr.flat))
    return ("holds" if ok else "refuted"), "the kernel is symmetric, so convolution and the formula's cross-correlation agree"


def _two_g3():
    two = [[2 * v for v in r] for r in B3]
    ok = two == B3
    return ("holds" if ok else "refuted"), ("as printed the right side is g3 itself, not 2 g3; what holds is "
                                            f"g3 * g3 = g5 = B5/256: {conv2d_full(B3, B3) == B5}")


def _pool_invariance():
    cex = V.local_pool_invariance_claim(4)
    g = V.global_pool_invariance(6)
    verdict, value = from_check(cex)
    glob = g.detail if isinstance(g, sc.Holds) else f"not shown: {g}"
    return verdict, (f"{cex.description if isinstance(cex, sc.Counterexample) else value}; invariance holds for "
                     f"global pooling after circular convolution ({glob})")


AUDIT = [
    AuditClaim(S, "The average filter", "g = 1/4 [[1, 1], [1, 1]] (an average)", lambda: _normalised([[1, 1], [1, 1]], 4)),
    AuditClaim(S, "The average filter", "g = 1/9 ones(3, 3)", lambda: _normalised([[1] * 3] * 3, 9)),
    AuditClaim(S, "Increasing the filter size", "g = 1/25 ones(5, 5)", lambda: _normalised([[1] * 5] * 5, 25)),
    AuditClaim(S, "The average filter", "F = f (x) g  <=>  F(x,y) = 1/9 sum_{u,v=-1..1} f(x+v, y+u)", _average_formula),
    AuditClaim(S, "Gaussian filter", "g = 1/16 [[1,2,1],[2,4,2],[1,2,1]]", lambda: _normalised(B3, 16)),
    AuditClaim(S, "Gaussian filter", "g5 = 1/246 [[1,4,6,4,1], ...]", lambda: _normalised(B5, 246),
               reading="the factor 1/246 normalises the 5x5 binomial filter (its entries then sum to 1)"),
    AuditClaim(S, "Iterative application", "g5 = 1/256 [[1,4,6,4,1], ...]", lambda: _normalised(B5, 256)),
    AuditClaim(S, "Iterative application", "2 x g3 = 1/16 [[1,2,1],[2,4,2],[1,2,1]]", _two_g3,
               reading="as printed: twice the matrix g3 equals g3"),
    AuditClaim(S, "Iterative application", "applying g3 twice = g5 (g3 * g3 = g5)",
               lambda: exactly(conv2d_full(B3, B3), B5)),
    AuditClaim(S, "Iterative application", "2 x a filter of size 3 = 1 x filter of size 5",
               lambda: exactly(len(conv_full([1] * 3, [1] * 3)), 5)),
    AuditClaim(S, "Iterative application", "3 x a filter of size 3 = 1 x filter of size 7",
               lambda: exactly(len(conv_full(conv_full([1] * 3, [1] * 3), [1] * 3)), 7)),
    AuditClaim(S, "Iterative application", "M* = 2 x ((M-1)/2) x N + 1",
               lambda: from_check(*(iterated_filter_size(N) for N in range(1, 6)),
                                  note="= N(M-1) + 1 (theorem iterated_filter_size, proved; rechecked for N <= 5, M <= 7)"),
               reading="N passes of a size-M filter equal one filter of size 2 ((M-1)/2) N + 1"),
    AuditClaim(S, "Iterative application", "(f (x) h) (x) g = f (x) (h (x) g)", _assoc),
    AuditClaim(S, "Derive a signal: Sobel", "Sobel x = [[1,0,-1],[2,0,-2],[1,0,-1]] is smoothing (x) derivative",
               lambda: exactly(separable([[1, 0, -1], [2, 0, -2], [1, 0, -1]]), ([1, 2, 1], [1, 0, -1]))),
    AuditClaim(S, "Derive a signal: Sobel", "Sobel y = [[1,2,1],[0,0,0],[-1,-2,-1]] is separable",
               lambda: exactly(separable([[1, 2, 1], [0, 0, 0], [-1, -2, -1]]), ([1, 0, -1], [1, 2, 1]))),
    AuditClaim(S, "Derive a signal: Sobel", "df/dv1 ~ f (x) [[2,1,0],[1,0,-1],[0,-1,-2]] (a derivative filter)",
               lambda: (exactly(_sum([[2, 1, 0], [1, 0, -1], [0, -1, -2]]), 0)[0],
                        "its entries sum to 0 (no response to constant images); rank "
                        f"{sp.Matrix([[2, 1, 0], [1, 0, -1], [0, -1, -2]]).rank()}, so unlike Sobel x and y it is "
                        f"not separable ({separable([[2, 1, 0], [1, 0, -1], [0, -1, -2]])})")),
    AuditClaim(S, "Derivative filters", "Roberts, Sobel and Laplacian filters sum to 0",
               lambda: exactly([_sum(m) for m in ([[1, -1]], [[1, 0], [0, -1]], [[1, 0, -1], [2, 0, -2], [1, 0, -1]],
                                                  [[0, -1, 0], [-1, 4, -1], [0, -1, 0]],
                                                  [[-1, -1, -1], [-1, 8, -1], [-1, -1, -1]])], [0] * 5)),
    AuditClaim(S, "Sharpen", "A = 2: (A-1) original + Laplacian = [[-1,-1,-1],[-1,9,-1],[-1,-1,-1]]",
               lambda: _sharpen(2)),
    AuditClaim(S, "Sharpen", "A = 1: standard Laplacian filter", lambda: _sharpen(1)),
    AuditClaim(S, "Convolutions in PyTorch", "F.conv2d(f, h) = [[4,3,2],[1,2,2],[2,3,3]] (h = ones 3x3)",
               lambda: exactly(correlate2d(F5, np.ones((3, 3), dtype=int)).tolist(), [[4, 3, 2], [1, 2, 2], [2, 3, 3]])),
    AuditClaim(S, "Convolutions in PyTorch", "F.conv2d(f, h, padding=1) = [[2,3,2,1,0],[2,4,3,2,0],[0,1,2,2,1],[0,2,3,3,1],[0,1,2,2,1]]",
               lambda: exactly(correlate2d(F5, np.ones((3, 3), dtype=int), padding=1).tolist(),
                               [[2, 3, 2, 1, 0], [2, 4, 3, 2, 0], [0, 1, 2, 2, 1], [0, 2, 3, 3, 1], [0, 1, 2, 2, 1]])),
    AuditClaim(S, "Convolutions in PyTorch", "without padding we lost 2 border rows and 2 border columns",
               lambda: exactly((5 - output_size(5, 3), 5 - output_size(5, 3)), (2, 2))),
    AuditClaim(S, "Max pooling", "max pooling 3x3 of the 6x6 example = [[7, 29], [3, 15]]",
               lambda: exactly(max_pool2d(F6, 3).tolist(), [[7, 29], [3, 15]])),
    AuditClaim(S, "Max pooling", "average pooling 3x3 of the 6x6 example = [[4.3, 16.4], [1.88, 5.88]]", _avg_pool,
               reading="each printed decimal is the exact average rounded to the digits shown"),
    AuditClaim(S, "Convolutions + pooling", "Convolutions introduce shift-equivariance",
               lambda: from_check(V.circular_layer_equivariant(6),
                                  note="exactly with circular padding; with zero padding only away from the borders "
                                       "(theorem padded_layer_equivariance_set)"),
               reading="a convolution layer with circular padding commutes with every cyclic shift"),
    AuditClaim(S, "Convolutions + pooling", "Convolutions + pooling create shift-invariant models", _pool_invariance,
               reading="a convolution layer followed by local (window 2, stride 2) max pooling is exactly invariant "
                       "to every shift of its input"),
    AuditClaim(S, "LeNet in PyTorch", "fc1 = Linear(4*4*50, 500) after conv5, pool2, conv5, pool2 on 28x28",
               lambda: from_check(V.lenet_shapes(28), note="28 -> 24 -> 12 -> 8 -> 4"),
               reading="conv5, pool2, conv5, pool2 (no padding) take a 28x28 input to 4x4, so fc1 has 4*4*50 inputs"),
]
