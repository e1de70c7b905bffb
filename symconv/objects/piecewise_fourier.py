"""The Fourier transform F{f}(w) = int exp(-2 pi i w t) f(t) dt of a piecewise function, exactly.

Each piece must be a sum of terms p(t) exp(c t), p a polynomial and c a real constant (boxes,
triangles, one-sided exponentials and their convolutions).  With s = c - 2 pi i w,

    int p(t) exp(s t) dt = exp(s t) sum_k (-1)^k p^(k)(t) / s^(k+1),

and every antiderivative is checked by differentiating it (the derivative minus the integrand must
expand to 0 over a common denominator), so the transform is a chain of checked identities, not a
call to an integrator.  At an infinite end a term must decay (c < 0 at +oo, c > 0 at -oo), else
the function is not integrable and a ValueError says so.  The result holds for w != 0; the
transform of an integrable function is continuous, so it extends to w = 0 by its limit.

>>> import sympy as sp
>>> from symconv.objects.piecewise import X
>>> w = sp.Symbol('omega', real=True)
>>> fourier([(0, sp.oo, sp.exp(-X))], w)
-1/(-2*I*pi*omega - 1)
>>> fourier([(0, 1, sp.Integer(1))], w)
-I/(2*pi*omega) + I*exp(-2*I*pi*omega)/(2*pi*omega)
"""

from __future__ import annotations

import sympy as sp

from . import exp_poly as _exp_poly
from .piecewise import X

__all__ = ["exp_poly_terms", "fourier"]


def exp_poly_terms(expr, var=X) -> list[tuple[sp.Expr, sp.Expr]]:
    """expr as a list of (p, c) with expr = sum p(var) exp(c var), p polynomial, c constant
    (:func:`symconv.objects.exp_poly.exp_poly_terms` with the pieces' variable x by default).

    >>> exp_poly_terms(3 * X * sp.exp(-2 * X + 1) + 1)
    [(3*E*x, -2), (1, 0)]
    """
    return _exp_poly.exp_poly_terms(expr, var)


def fourier(pieces: list, w: sp.Symbol) -> sp.Expr:
    """F{f}(w) = int exp(-2 pi i w t) f(t) dt for f given as pieces (a, b, expr) (see the module doc)."""
    if not isinstance(w, sp.Symbol):
        raise TypeError(f"w must be a SymPy Symbol, got {type(w).__name__}")
    total = sp.Integer(0)
    for a, b, expr in pieces:
        a, b = sp.sympify(a), sp.sympify(b)
        for p, c in exp_poly_terms(expr):
            if not (c.is_real and c.is_number):
                raise ValueError(f"pieces: exp({c} x) needs a real constant rate, got {c}")
            s = c - 2 * sp.pi * sp.I * w
            body = _exp_poly.antiderivative(p, s, X)
            for end, sign in ((b, 1), (a, -1)):
                if end == sp.oo or end == -sp.oo:
                    decays = c < 0 if end == sp.oo else c > 0
                    if not decays:
                        raise ValueError(f"pieces: the term ({p})*exp({c}*x) on [{a}, {b}) is not integrable "
                                         f"towards {end}")
                    continue                  # polynomial x exp(c x) -> 0 there: the term vanishes
                total += sign * sp.exp(s * end) * body.subs(X, end)
    return sp.expand(total)
