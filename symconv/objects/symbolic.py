"""Generic symbolic vectors and matrices: every entry an independent symbol.

A check that holds with these entries holds for every kernel or signal.

>>> symbol_vector('c', 3).T
Matrix([[c_0, c_1, c_2]])
"""

from __future__ import annotations

import sympy as sp

from ._validate import check_size

__all__ = ["symbol_vector", "symbol_matrix"]


def symbol_vector(name: str, n: int) -> sp.Matrix:
    """Column vector of symbols name_0 .. name_{n-1}."""
    n = check_size(n)
    if not isinstance(name, str) or not name:
        raise TypeError("name must be a non-empty str")
    return sp.Matrix(sp.symbols(f"{name}_0:{n}"))


def symbol_matrix(name: str, n: int, m: int | None = None) -> sp.Matrix:
    """n x m matrix of symbols name_i_j.

    >>> symbol_matrix('W', 2)
    Matrix([
    [W_0_0, W_0_1],
    [W_1_0, W_1_1]])
    """
    n = check_size(n)
    m = n if m is None else check_size(m, "m")
    return sp.Matrix(n, m, lambda i, j: sp.Symbol(f"{name}_{i}_{j}"))
