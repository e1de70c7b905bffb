"""Sound comparison of derivation expressions: indices modulo n, powers of omega.

``equal_mod_n(a, b)`` answers True only when a and b agree for every n and
every value of the indices: arguments of entries and Iverson brackets are
compared modulo n, powers of omega by their exponents modulo n (omega**n = 1).
False means "not shown".

>>> from symconv.objects.indexed import W, i, j, n
>>> equal_mod_n(W(i - 1, j), W(i + n - 1, j))
True
"""

from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef

from ..exact.modular import congruent_mod
from ..objects.indexed import Iverson, n, omega

__all__ = ["equal_mod_n", "merge_omega", "periodic_in", "all_index_uses", "integer_poly"]


def _match_unordered(xs: tuple, ys: tuple) -> bool:
    if len(xs) != len(ys):
        return False
    used = [False] * len(ys)
    for x_ in xs:
        for q, y_ in enumerate(ys):
            if not used[q] and equal_mod_n(x_, y_):
                used[q] = True
                break
        else:
            return False
    return True


def _canon_sum(s: sp.Sum) -> tuple[sp.Expr, tuple]:
    (var, lo, hi), = s.limits
    d = sp.Dummy("s", integer=True)
    return s.function.xreplace({var: d}), (lo, hi), d


def equal_mod_n(a: sp.Basic, b: sp.Basic) -> bool:
    """Sound equality of derivation expressions (see the module docstring).

    >>> from symconv.objects.indexed import Iverson, omega, i, j, n
    >>> equal_mod_n(Iverson(i - 1, j), Iverson(i, j + 1))
    True
    >>> equal_mod_n(omega**(i*n + j), omega**j)
    True
    >>> equal_mod_n(omega**j, omega**(-j))
    False
    """
    a, b = sp.sympify(a), sp.sympify(b)
    if a == b:
        return True
    if isinstance(a, sp.Eq) and isinstance(b, sp.Eq):
        return ((equal_mod_n(a.lhs, b.lhs) and equal_mod_n(a.rhs, b.rhs))
                or (equal_mod_n(a.lhs, b.rhs) and equal_mod_n(a.rhs, b.lhs)))
    if isinstance(a, Iverson) and isinstance(b, Iverson):
        da, db = a.args[0] - a.args[1], b.args[0] - b.args[1]
        return congruent_mod(da, db, n) or congruent_mod(da, -db, n)
    if isinstance(a, AppliedUndef) and isinstance(b, AppliedUndef):
        return (a.func == b.func and len(a.args) == len(b.args)
                and all(congruent_mod(p, q, n) for p, q in zip(a.args, b.args)))
    pa = a if (a.is_Pow and a.base == omega) else (sp.Pow(omega, 0, evaluate=False) if a == 1 else None)
    pb = b if (b.is_Pow and b.base == omega) else (sp.Pow(omega, 0, evaluate=False) if b == 1 else None)
    if pa is not None and pb is not None:
        return congruent_mod(pa.exp, pb.exp, n)
    if isinstance(a, sp.Sum) and isinstance(b, sp.Sum):
        fa, ra, da = _canon_sum(a)
        fb, rb, db = _canon_sum(b)
        return ra == rb and equal_mod_n(fa, fb.xreplace({db: da}))
    if (a.is_Add and b.is_Add) or (a.is_Mul and b.is_Mul):
        if _match_unordered(a.args, b.args):
            return True
    if a.is_Mul or b.is_Mul:  # merge omega powers, then compare
        na, nb = merge_omega(a), merge_omega(b)
        if (na, nb) != (a, b):
            return equal_mod_n(na, nb)
    return False


def merge_omega(e: sp.Expr) -> sp.Expr:
    """Combine the powers of omega in a product into one power."""
    if not e.is_Mul:
        return e
    exps, rest = [], []
    for f_ in e.args:
        if f_.is_Pow and f_.base == omega:
            exps.append(f_.exp)
        elif f_ == omega:
            exps.append(sp.Integer(1))
        else:
            rest.append(f_)
    if len(exps) < 2:
        return e
    return sp.Mul(*rest) * sp.Pow(omega, sp.expand(sp.Add(*exps)), evaluate=False)


def periodic_in(body: sp.Expr, var: sp.Symbol) -> bool:
    """Whether body(var + n) = body(var) is shown (entries are n-periodic)."""
    return equal_mod_n(body.xreplace({var: var + n}), body) or all_index_uses(body, var)


def all_index_uses(body: sp.Expr, var: sp.Symbol) -> bool:
    """Every occurrence of var is inside an entry index, a bracket or an omega exponent
    with integer coefficients: then the expression is n-periodic in var."""
    if var not in body.free_symbols:
        return True
    if isinstance(body, (AppliedUndef, Iverson)):
        return all(integer_poly(a_) for a_ in body.args)
    if body.is_Pow and body.base == omega:
        return integer_poly(body.exp)
    if isinstance(body, sp.Sum):
        return all_index_uses(body.function, var)
    if body.is_Add or body.is_Mul:
        return all(all_index_uses(a_, var) for a_ in body.args)
    return False


def integer_poly(e: sp.Expr) -> bool:
    e = sp.expand(e)
    syms = sorted(e.free_symbols, key=str)
    if not syms:
        return e.is_Integer
    try:
        return all(c_.is_Integer for c_ in sp.Poly(e, *syms).coeffs())
    except sp.PolynomialError:
        return False


