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

from .piecewise import X

__all__ = ["exp_poly_terms", "fourier"]


def exp_poly_terms(expr, var=X) -> list[tuple[sp.Expr, sp.Expr]]:
    """expr as a list of (p, c) with expr = sum p(var) exp(c var), p polynomial, c constant.

    >>> exp_poly_terms(3 * X * sp.exp(-2 * X + 1) + 1)
    [(3*E*x, -2), (1, 0)]
    """
    terms: dict = {}
    for term in sp.Add.make_args(sp.expand(sp.sympify(expr), power_exp=True)):
        c, coeff = sp.Integer(0), sp.Integer(1)
        for factor in sp.Mul.make_args(term):
            base, e = factor.as_base_exp()
            if base == sp.E or isinstance(factor, sp.exp):
                arg = factor.args[0] if isinstance(factor, sp.exp) else e
                slope = sp.diff(arg, var)
                if slope.has(var):
                    raise ValueError(f"expr: exp({arg}) is not exp of a linear function of {var}")
                c += slope
                coeff *= sp.exp(sp.expand(arg - slope * var))
            else:
                coeff *= factor
        if not coeff.is_polynomial(var):
            raise ValueError(f"expr: the term {term} is not a polynomial times exp(c {var})")
        terms[c] = terms.get(c, 0) + coeff
    return [(sp.expand(p), c) for c, p in sorted(terms.items(), key=lambda kv: sp.default_sort_key(kv[0]))
            if sp.expand(p) != 0]


def _antiderivative(p, s, var):
    """exp(s var) sum_k (-1)^k p^(k) / s^(k+1), checked by differentiation."""
    deg = sp.degree(p, var) if p.has(var) else 0
    body = sum(((-1) ** k * sp.diff(p, var, k) / s ** (k + 1) for k in range(deg + 1)), sp.Integer(0))
    anti = sp.exp(s * var) * body
    residual = sp.together(sp.expand(sp.diff(anti, var) - p * sp.exp(s * var), power_exp=True))
    if sp.expand(sp.numer(residual)) != 0:        # never expected: the formula telescopes
        raise ArithmeticError(f"antiderivative of {p} exp({s} {var}) failed its check")
    return body


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
            body = _antiderivative(p, s, X)
            for end, sign in ((b, 1), (a, -1)):
                if end == sp.oo or end == -sp.oo:
                    decays = c < 0 if end == sp.oo else c > 0
                    if not decays:
                        raise ValueError(f"pieces: the term ({p})*exp({c}*x) on [{a}, {b}) is not integrable "
                                         f"towards {end}")
                    continue                  # polynomial x exp(c x) -> 0 there: the term vanishes
                total += sign * sp.exp(s * end) * body.subs(X, end)
    return sp.expand(total)
