"""The handcrafted filters of the slides (seed 001), as exact rational matrices.

>>> sum(sum(r) for r in box(3))
1
>>> binomial(3)[1][1]
1/4
>>> sobel("x")
[[1, 0, -1], [2, 0, -2], [1, 0, -1]]
"""

from __future__ import annotations

from math import comb

import sympy as sp

from ._validate import check_size

__all__ = ["box", "binomial", "sampled_gaussian", "roberts", "sobel", "prewitt", "laplacian", "sharpen",
           "identity_filter", "FILTERS"]


def _scale(m, c):
    return [[sp.Rational(v) * c for v in r] for r in m]


def box(k: int) -> list:
    """The k x k average (box) filter, 1/k^2 ones."""
    k = check_size(k, "k")
    return _scale([[1] * k for _ in range(k)], sp.Rational(1, k * k))


def binomial(k: int) -> list:
    """The k x k binomial (discrete Gaussian) filter: outer product of binomial rows, normalised to sum 1."""
    k = check_size(k, "k")
    row = [comb(k - 1, i) for i in range(k)]
    return _scale([[a * b for b in row] for a in row], sp.Rational(1, 4 ** (k - 1)))


def sampled_gaussian(k: int, sigma_x=1, sigma_y=1) -> list:
    """The slides' formula G(x, y) = exp(-(x^2/sx^2 + y^2/sy^2)/2) / (2 pi sx sy) sampled on the integer
    grid centred on the middle tap (exact SymPy numbers, not normalised)."""
    k = check_size(k, "k")
    c = (k - 1) / sp.Integer(2)
    sx, sy = sp.sympify(sigma_x), sp.sympify(sigma_y)
    return [[sp.exp(-((i - c) ** 2 / sx**2 + (j - c) ** 2 / sy**2) / 2) / (2 * sp.pi * sx * sy) for j in range(k)]
            for i in range(k)]


def roberts(direction: str = "x") -> list:
    """Roberts derivative filters: 'x' [[1, -1]], 'y' [[1], [-1]], 'diagonal' [[1, 0], [0, -1]]."""
    table = {"x": [[1, -1]], "y": [[1], [-1]], "diagonal": [[1, 0], [0, -1]]}
    if direction not in table:
        raise ValueError(f"direction must be one of {sorted(table)}, got {direction!r}")
    return table[direction]


def sobel(direction: str = "x") -> list:
    """Sobel filters as in the slides: 'x', 'y', 'v1', 'v2' (the two diagonals)."""
    table = {"x": [[1, 0, -1], [2, 0, -2], [1, 0, -1]], "y": [[1, 2, 1], [0, 0, 0], [-1, -2, -1]],
             "v1": [[2, 1, 0], [1, 0, -1], [0, -1, -2]], "v2": [[0, 1, 2], [-1, 0, 1], [-2, -1, 0]]}
    if direction not in table:
        raise ValueError(f"direction must be one of {sorted(table)}, got {direction!r}")
    return table[direction]


def prewitt(direction: str = "x") -> list:
    """Prewitt filters: 'x' [[1,0,-1]]*3 rows, 'y' its transpose."""
    px = [[1, 0, -1], [1, 0, -1], [1, 0, -1]]
    if direction == "x":
        return px
    if direction == "y":
        return [list(r) for r in zip(*px)]
    raise ValueError(f"direction must be 'x' or 'y', got {direction!r}")


def laplacian(neighbours: int = 4) -> list:
    """The slides' Laplacian (high-pass) filters with 4 or 8 neighbours."""
    if neighbours == 4:
        return [[0, -1, 0], [-1, 4, -1], [0, -1, 0]]
    if neighbours == 8:
        return [[-1, -1, -1], [-1, 8, -1], [-1, -1, -1]]
    raise ValueError(f"neighbours must be 4 or 8, got {neighbours!r}")


def identity_filter(k: int = 3) -> list:
    """The k x k delta (identity) filter."""
    k = check_size(k, "k")
    return [[1 if (i, j) == (k // 2, k // 2) else 0 for j in range(k)] for i in range(k)]


def sharpen(A=2, neighbours: int = 8) -> list:
    """(A - 1) * identity + Laplacian: A = 1 is the Laplacian itself (slides 001)."""
    lap, delta = laplacian(neighbours), identity_filter(3)
    A = sp.sympify(A)
    return [[(A - 1) * delta[i][j] + lap[i][j] for j in range(3)] for i in range(3)]


FILTERS = {
    "box2": lambda: box(2), "box3": lambda: box(3), "box5": lambda: box(5),
    "binomial3": lambda: binomial(3), "binomial5": lambda: binomial(5),
    "roberts_x": lambda: roberts("x"), "roberts_y": lambda: roberts("y"), "roberts_diagonal": lambda: roberts("diagonal"),
    "sobel_x": lambda: sobel("x"), "sobel_y": lambda: sobel("y"), "sobel_v1": lambda: sobel("v1"),
    "sobel_v2": lambda: sobel("v2"), "prewitt_x": lambda: prewitt("x"), "prewitt_y": lambda: prewitt("y"),
    "laplacian4": lambda: laplacian(4), "laplacian8": lambda: laplacian(8),
}
