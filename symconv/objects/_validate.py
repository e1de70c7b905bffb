"""Input checks shared by the object constructors (clear errors naming the parameter)."""

from __future__ import annotations

import numbers

import numpy as np
import sympy as sp


def check_size(n: object, name: str = "n") -> int:
    """A positive int size, or a clear TypeError/ValueError naming ``name``."""
    if type(n) is int and n > 0:        # the common case, decided without the checks below (the same answer)
        return n
    if isinstance(n, bool) or not isinstance(n, numbers.Integral):
        raise TypeError(f"{name} must be a positive int, got {type(n).__name__} {n!r}")
    if int(n) <= 0:
        raise ValueError(f"{name} must be a positive int, got {n}")
    return int(n)


def as_vector(x: object, name: str = "x") -> list:
    """A 1-D sequence as a list (SymPy matrices, NumPy arrays, lists)."""
    if isinstance(x, sp.MatrixBase):
        if 1 not in x.shape:
            raise ValueError(f"{name} must be a vector, got a {x.shape[0]}x{x.shape[1]} matrix")
        return list(x)
    if isinstance(x, np.ndarray):
        if x.ndim != 1:
            raise ValueError(f"{name} must be 1-D, got an array of shape {x.shape}")
        return list(x)
    if isinstance(x, (list, tuple)):
        return list(x)
    raise TypeError(f"{name} must be a list, tuple, NumPy array or SymPy vector, got {type(x).__name__}")


def square_shape(W: object, name: str = "W") -> int:
    """The size n of a square matrix, or a ValueError naming ``name``."""
    shape = getattr(W, "shape", None)
    if shape is None:
        try:
            shape = (len(W), len(W[0]))  # type: ignore[arg-type, index]
        except TypeError as exc:
            raise TypeError(f"{name} must be a square matrix, got {type(W).__name__}") from exc
    if len(shape) != 2 or shape[0] != shape[1] or shape[0] == 0:
        raise ValueError(f"{name} must be a non-empty square matrix, got shape {tuple(shape)}")
    return int(shape[0])
