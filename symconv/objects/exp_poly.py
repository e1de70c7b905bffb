r"""Sums of polynomial-times-exponential terms p(t) exp(c t), and their exact integrals.

With s != 0,

    int p(t) exp(s t) dt = exp(s t) sum_k (-1)^k p^(k)(t) / s^(k+1),

and with s = 0 the antiderivative of the polynomial.  Every antiderivative is checked by
differentiating it (the derivative minus the integrand must expand to 0 over a common denominator),
so an integral here is a chain of checked identities, not a call to an integrator.  At an infinite
end a term must decay (c < 0 at +oo, c > 0 at -oo, c a real number), else a ValueError says that it
is not integrable.

>>> import sympy as sp
>>> t, x = sp.symbols("t x", real=True)
>>> exp_poly_terms(3 * t * sp.exp(-2 * t + 1) + 1, t)
[(3*E*t, -2), (1, 0)]
>>> definite_integral(sp.exp(-t) * sp.exp(-2 * (x - t)), t, 0, x)
exp(-x) - exp(-2*x)
>>> definite_integral(t * sp.exp(-t), t, 0, sp.oo)
1
"""

from __future__ import annotations

import functools

import sympy as sp

__all__ = ["exp_poly_terms", "antiderivative", "definite_integral"]


def exp_poly_terms(expr, var) -> list[tuple[sp.Expr, sp.Expr]]:
    """expr as a list of (p, c) with expr = sum p(var) exp(c var), p polynomial in var, c free of var
    (a ValueError for anything else).  Each (expr, var) is split once per process (a fresh list each call; a
    ValueError is raised again each time).

    >>> import sympy as sp
    >>> t = sp.Symbol("t")
    >>> exp_poly_terms(sp.exp(-t**2), t)
    Traceback (most recent call last):
    ...
    ValueError: expr: exp(-t**2) is not exp of a linear function of t
    """
    return list(_exp_poly_terms(sp.sympify(expr), var))


@functools.lru_cache(maxsize=4096)
def _exp_poly_terms(expr, var) -> tuple[tuple[sp.Expr, sp.Expr], ...]:
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
    expanded = [(sp.expand(p), c) for c, p in sorted(terms.items(), key=lambda kv: sp.default_sort_key(kv[0]))]
    return tuple((p, c) for p, c in expanded if p != 0)


def antiderivative(p, s, var) -> sp.Expr:
    """B with d/dvar (exp(s var) B) = p exp(s var): exp(s var) sum_k (-1)^k p^(k) / s^(k+1) for s != 0,
    the polynomial antiderivative of p for s = 0 (exactly zero); checked by differentiation.  Each
    (p, s, var) is computed and checked once per process (the result is immutable; a failed check raises
    and is not remembered).

    >>> import sympy as sp
    >>> t = sp.Symbol("t")
    >>> antiderivative(t, sp.Integer(-1), t)
    -t - 1
    >>> antiderivative(t, sp.Integer(0), t)
    t**2/2
    """
    return _checked_antiderivative(sp.sympify(p), sp.sympify(s), var)


#: stands for s in the check of an antiderivative (s != 0, free of the variable)
_S = sp.Dummy("s", nonzero=True)


@functools.lru_cache(maxsize=4096)
def _checked_antiderivative(p, s, var) -> sp.Expr:
    if s == 0:
        body = sp.Poly(p, var).integrate().as_expr()      # a polynomial: exact term by term
    else:
        deg = sp.degree(p, var) if p.has(var) else 0
        if s.free_symbols and not s.has(var) and not p.has(_S):
            # (s = c - 2 pi i omega, say) the formula with a symbol S for s, checked as an identity of rational
            # functions in S: S B + B' - p expands to 0 (the powers of S combine; nothing to bring over a common
            # denominator), so it holds at S = s, which is free of var (d/dvar commutes with putting s for S).
            # A number s keeps the check below: there it is fast, and the body's form is the one built with s.
            body = sum(((-1) ** k * sp.diff(p, var, k) / _S ** (k + 1) for k in range(deg + 1)), sp.Integer(0))
            if sp.expand(_S * body + sp.diff(body, var) - p) == 0:
                return body.xreplace({_S: s})
        body = sum(((-1) ** k * sp.diff(p, var, k) / s ** (k + 1) for k in range(deg + 1)), sp.Integer(0))
    # d/dvar (exp(s var) B) = exp(s var) (s B + B'), and exp(s var) != 0: the check is s B + B' = p
    residual = sp.together(sp.expand(s * body + sp.diff(body, var) - p))
    if sp.expand(sp.numer(residual)) != 0:        # never expected: the formula telescopes
        raise ArithmeticError(f"antiderivative of {p} exp({s} {var}) failed its check")
    return body


def _decays(c, end) -> bool:
    if not (c.is_number and c.is_real):
        return False
    return bool(c < 0) if end == sp.oo else bool(c > 0)


def definite_integral(expr, var, lo, hi) -> sp.Expr:
    """int_lo^hi expr d(var) for expr a sum of p(var) exp(c var) (lo <= hi; lo may be -oo, hi oo, the
    other limits free of var), from checked antiderivatives.  A ValueError when expr has another form
    or a term does not decay at an infinite end."""
    lo, hi = sp.sympify(lo), sp.sympify(hi)
    if lo == sp.oo or hi == -sp.oo:
        raise ValueError(f"limits: ({lo}, {hi}) is not an interval with lo <= hi")
    if lo.has(var) or hi.has(var):
        raise ValueError(f"limits: ({lo}, {hi}) contain the variable of integration {var}")
    if sp.sympify(expr).has(sp.nan, sp.zoo, sp.oo, -sp.oo):
        raise ValueError(f"expr: {expr} is not a finite integrand")
    total = sp.Integer(0)
    for p, c in exp_poly_terms(expr, var):
        body = antiderivative(p, c, var)
        for end, sign in ((hi, 1), (lo, -1)):
            if end in (sp.oo, -sp.oo):
                if not _decays(c, end):
                    raise ValueError(f"expr: the term ({p})*exp({c}*{var}) is not integrable towards {end}")
                continue                  # polynomial x exp(c var) -> 0 there
            total += sign * sp.exp(c * end) * body.subs(var, end)
    return total
