"""1-D kernels as polynomials, with exact arithmetic.

A kernel a = (a_0, ..., a_{k-1}) is the polynomial P_a(x) = sum_t a_t x^t.
Entries stay Python ints, Fractions or SymPy expressions: nothing is
converted to a fixed-width integer, so stacking many kernels cannot overflow.

Conventions (NumPy's, so they can be cross-checked):

* full linear convolution (a * b)_s = sum_t a_t b_{s-t}, s = 0..|a|+|b|-2
  (``np.convolve(a, b, 'full')``);
* full cross-correlation (a star b)_s = sum_t a_{t+s} b_t,
  s = -(|b|-1)..|a|-1 (``np.correlate(a, b, 'full')``, real entries); it is
  returned with its lowest index;
* dilation by d inserts d - 1 zeros between taps: P(x) -> P(x^d).

>>> conv_full([1, 1], [1, 1])
[1, 2, 1]
>>> correlate_full([1, 2, 3], [1, 1])
([1, 3, 5, 3], -1)
>>> dilate([1, 2, 3], 2)
[1, 0, 2, 0, 3]
>>> receptive_field([3] * 7)
15
"""

from __future__ import annotations

from fractions import Fraction
from typing import Sequence

import sympy as sp

from ._validate import as_vector, check_size

__all__ = ["kernel_polynomial", "kernel_from_polynomial", "conv_full", "correlate_full", "stack",
           "dilate", "receptive_field", "support_span", "circular_conv_poly"]


def _kernel(a: object, name: str) -> list:
    vals = as_vector(a, name)
    if not vals:
        raise ValueError(f"{name} must be a non-empty kernel")
    return [int(v) if _is_int(v) else v for v in vals]


def _is_int(v: object) -> bool:
    if type(v) is int:
        return True
    try:
        import numpy as np
        if isinstance(v, np.integer):
            return True
    except ImportError:  # pragma: no cover
        pass
    return isinstance(v, int) and not isinstance(v, bool)


def _zero(*vecs) -> object:
    return sp.Integer(0) if any(isinstance(v, sp.Basic) for vec in vecs for v in vec) else 0


def kernel_polynomial(a: object, x: sp.Symbol | None = None) -> sp.Expr:
    """P_a(x) = sum_t a_t x^t.

    >>> kernel_polynomial([1, -2, 1])
    x**2 - 2*x + 1
    """
    x = sp.Symbol("x") if x is None else x
    vals = _kernel(a, "a")
    total = sp.Add(*(sp.sympify(v) * x**t for t, v in enumerate(vals)))   # one Add: no quadratic sum()
    if isinstance(x, sp.Symbol) and x.is_commutative and all(_plain_tap(v) for v in vals):
        return total          # c x^t with c a number or a commutative symbol: already expanded
    return sp.expand(total)


def _plain_tap(v) -> bool:
    """An int, a SymPy rational or a commutative symbol: c x^t is then a term expand() leaves as it is."""
    return type(v) is int or (isinstance(v, sp.Basic) and (v.is_Rational or (v.is_Symbol and v.is_commutative)))


def kernel_from_polynomial(p: sp.Expr, x: sp.Symbol | None = None, size: int | None = None) -> list:
    """The coefficients of a polynomial in x, lowest first (padded to ``size``).

    >>> kernel_from_polynomial(sp.Symbol('x')**2 - 1)
    [-1, 0, 1]
    """
    x = sp.Symbol("x") if x is None else x
    coeffs = [c for c in reversed(sp.Poly(p, x).all_coeffs())]
    coeffs = [int(c) if c.is_Integer else c for c in coeffs]
    if size is not None:
        if len(coeffs) > size:
            raise ValueError(f"polynomial of degree {len(coeffs) - 1} does not fit size {size}")
        coeffs += [0] * (size - len(coeffs))
    return coeffs


def conv_full(a: object, b: object) -> list:
    """Full linear convolution, exact: (a * b)_s = sum_t a_t b_{s-t}.

    >>> conv_full([1, 2], [3, 4, 5])
    [3, 10, 13, 10]
    """
    av, bv = _kernel(a, "a"), _kernel(b, "b")
    zero = _zero(av, bv)
    if isinstance(zero, sp.Basic) and _exact_entries(av, bv) and not _all_numbers(av, bv):
        # symbolic and exact: one Add per entry of its products (the canonical sum repeated addition builds;
        # floats are left to repeated addition, whose Number arithmetic differs from Add's on 0.0, and
        # numbers to their own arithmetic, quicker than an Add)
        terms: list = [[zero] for _ in range(len(av) + len(bv) - 1)]
        for t, x in enumerate(av):
            if x == 0:
                continue
            for u, y in enumerate(bv):
                terms[t + u].append(x * y)
        return [sp.Add(*ts) for ts in terms]
    out = [zero] * (len(av) + len(bv) - 1)
    for t, x in enumerate(av):
        if x == 0:
            continue
        for u, y in enumerate(bv):
            out[t + u] = out[t + u] + x * y
    return out


def _all_numbers(*vecs: list) -> bool:
    return all(type(v) is int or (isinstance(v, sp.Basic) and v.is_Number) for vec in vecs for v in vec)


def _exact_entries(*vecs: list) -> bool:
    """Every entry a Python int, or a SymPy object without a Float in it."""
    return all(type(v) is int or (isinstance(v, sp.Basic) and (v.is_Symbol or v.is_Rational or not v.has(sp.Float)))
               for vec in vecs for v in vec)


def correlate_full(a: object, b: object) -> tuple[list, int]:
    """Full cross-correlation (a star b)_s = sum_t a_{t+s} b_t, with its lowest index s.

    Its Laurent polynomial is P_a(x) * P_b(1/x).

    >>> correlate_full([1, 0, 0], [1, 2])
    ([2, 1, 0, 0], -1)
    """
    av, bv = _kernel(a, "a"), _kernel(b, "b")
    lo = -(len(bv) - 1)
    out = [_zero(av, bv)] * (len(av) + len(bv) - 1)
    for t, y in enumerate(bv):
        for q, x in enumerate(av):      # s = q - t
            out[q - t - lo] = out[q - t - lo] + x * y
    return out, lo


def stack(kernels: Sequence[object]) -> list:
    """The single kernel equal to applying ``kernels`` one after another (their convolution).

    The product is a balanced tree (pairs, then pairs of pairs), so the big products come last
    and are few.  Integer and rational kernels use python-flint's polynomial products when it is
    installed; the pure-Python tree gives the same values without it.

    >>> stack([[1, 1]] * 4)
    [1, 4, 6, 4, 1]
    """
    ks = [_kernel(k, "kernels[i]") for k in kernels]
    if not ks:
        raise ValueError("kernels must hold at least one kernel")
    fast = _stack_flint(ks)
    return fast if fast is not None else _stack_tree(ks)


def _stack_tree(ks: list) -> list:
    """Balanced product tree of :func:`conv_full` products (any exact or symbolic entries)."""
    while len(ks) > 1:
        ks = [conv_full(ks[q], ks[q + 1]) if q + 1 < len(ks) else ks[q] for q in range(0, len(ks), 2)]
    return ks[0]


def _stack_flint(ks: list) -> list | None:
    """The same product with python-flint, for int / Fraction / SymPy Rational entries; None when
    flint is missing or an entry is anything else (floats, symbols, mpmath numbers)."""
    kinds = set()
    for k in ks:
        for v in k:
            t = type(v)
            if t is int:
                continue
            if t is Fraction:
                kinds.add(Fraction)
            elif isinstance(v, sp.Rational):
                kinds.add(sp.Basic)
            else:
                return None
    try:
        import flint
    except ImportError:
        return None
    length = sum(len(k) - 1 for k in ks) + 1
    if not kinds:
        polys = [flint.fmpz_poly(k) for k in ks]
    else:
        polys = [flint.fmpq_poly([flint.fmpq(int(v.numerator), int(v.denominator)) if type(v) is not int else v
                                  for v in k]) for k in ks]
    while len(polys) > 1:
        polys = [polys[q] * polys[q + 1] if q + 1 < len(polys) else polys[q] for q in range(0, len(polys), 2)]
    cs = polys[0].coeffs()
    if not kinds:
        return [int(c) for c in cs] + [0] * (length - len(cs))
    if sp.Basic in kinds:      # SymPy in, SymPy out (as the pure-Python tree gives)
        return [sp.Rational(int(c.p), int(c.q)) for c in cs] + [sp.Integer(0)] * (length - len(cs))
    return [Fraction(int(c.p), int(c.q)) for c in cs] + [Fraction(0)] * (length - len(cs))


def dilate(a: object, d: int) -> list:
    """Insert d - 1 zeros between the taps: P_a(x) -> P_a(x^d).

    >>> dilate([1, 1], 3)
    [1, 0, 0, 1]
    """
    d = check_size(d, "d")
    av = _kernel(a, "a")
    out = [_zero(av)] * ((len(av) - 1) * d + 1)
    for t, v in enumerate(av):
        out[t * d] = v
    return out


def receptive_field(sizes: Sequence[int], dilations: Sequence[int] | None = None) -> int:
    """Inputs seen by one output of a stack: 1 + sum_i (k_i - 1) d_i.

    >>> receptive_field([3, 3], [1, 2])
    7
    """
    sizes = [check_size(k, "sizes[i]") for k in sizes]
    if not sizes:
        raise ValueError("sizes must hold at least one kernel size")
    dil = [1] * len(sizes) if dilations is None else [check_size(d, "dilations[i]") for d in dilations]
    if len(dil) != len(sizes):
        raise ValueError(f"dilations must have {len(sizes)} entries, got {len(dil)}")
    return 1 + sum((k - 1) * d for k, d in zip(sizes, dil))


def support_span(a: object) -> int:
    """last non-zero index - first non-zero index + 1 (0 for the zero kernel).

    >>> support_span([0, 1, 0, 2, 0])
    3
    """
    av = _kernel(a, "a")
    nz = [t for t, v in enumerate(av) if sp.sympify(v) != 0]
    return nz[-1] - nz[0] + 1 if nz else 0


def circular_conv_poly(a: object, b: object, x: sp.Symbol | None = None) -> sp.Expr:
    """P_a * P_b reduced modulo x^n - 1 (n the common length).

    >>> circular_conv_poly([1, 2, 3], [0, 1, 0])
    2*x**2 + x + 3
    """
    x = sp.Symbol("x") if x is None else x
    av, bv = _kernel(a, "a"), _kernel(b, "b")
    if len(av) != len(bv):
        raise ValueError(f"a and b must have the same length, got {len(av)} and {len(bv)}")
    return sp.rem(sp.expand(kernel_polynomial(av, x) * kernel_polynomial(bv, x)), x**len(av) - 1, x)
