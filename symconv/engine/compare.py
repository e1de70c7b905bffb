"""Sound comparison of derivation expressions.

``equal_mod_n(a, b)`` answers True only when a and b agree for every n and
every value of the indices.  It knows three kinds of index arithmetic:

* entries of objects indexed by Z_n (``entry_function(..., cyclic=True)``) and
  Iverson brackets compare their indices modulo n;
* sequences indexed by Z (``sequence_function``, and any other undefined
  function) compare their indices exactly;
* powers of omega and of xi (omega**n = xi**n = 1; xi is x in Q[x]/(x^n - 1))
  compare exponents modulo n; powers of any other symbol (a polynomial
  variable x, say) compare exponents exactly.

False means "not shown".

>>> from symconv.objects.indexed import W, i, j, n, X, sequence_function
>>> h = sequence_function("h")
>>> equal_mod_n(W(i - 1, j), W(i + n - 1, j))
True
>>> equal_mod_n(h(i - 1), h(i + n - 1))    # a sequence on Z: not equal
False
>>> equal_mod_n(X**i * X**(j - i), X**j)
True
"""

from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef

from ..exact.modular import congruent_mod
from ..objects.indexed import CYCLIC_BASES, Iverson, n

__all__ = ["equal_mod_n", "merge_powers", "periodic_in", "all_index_uses", "integer_poly",
           "is_cyclic", "same_index", "finite_support"]


def is_cyclic(func) -> bool:
    """Whether an applied function's indices live in Z_n (set by entry_function)."""
    return bool(getattr(func, "_symconv_cyclic", False))


def same_index(p: sp.Expr, q: sp.Expr, cyclic: bool) -> bool:
    """Index equality: modulo n for Z_n indices, exact for Z indices."""
    return congruent_mod(p, q, n) if cyclic else sp.expand(p - q) == 0


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


def _sums_equal(a: sp.Sum, b: sp.Sum) -> bool:
    """Iterated sums with the same ranges; the order of summation may differ when the
    sum is finite (ranges Z_n, or Z with a finitely supported summand)."""
    from itertools import permutations

    la, lb = list(a.limits), list(b.limits)
    if len(la) != len(lb):
        return False
    dummies = [sp.Dummy(f"s{q}", integer=True) for q in range(len(la))]
    fa = a.function.xreplace({lim[0]: d for lim, d in zip(la, dummies)})
    reorder_ok = len(la) == 1 or all(lim[1] == 0 for lim in la) or finite_support(a.function, [lim[0] for lim in la])
    orders = permutations(range(len(lb))) if reorder_ok else [tuple(range(len(lb)))]
    for perm in orders:
        if any((la[q][1], la[q][2]) != (lb[perm[q]][1], lb[perm[q]][2]) for q in range(len(la))):
            continue
        fb = b.function.xreplace({lb[perm[q]][0]: dummies[q] for q in range(len(la))})
        if equal_mod_n(fa, fb):
            return True
    return False


def _integrals_equal(a: sp.Integral, b: sp.Integral) -> bool:
    """Iterated integrals with the same ranges in the same order (reordering needs Fubini)."""
    la, lb = list(a.limits), list(b.limits)
    if len(la) != len(lb) or any((p[1], p[2]) != (q[1], q[2]) for p, q in zip(la, lb)):
        return False
    dummies = [sp.Dummy(f"r{q}", real=True) for q in range(len(la))]
    fa = a.function.xreplace({lim[0]: d for lim, d in zip(la, dummies)})
    fb = b.function.xreplace({lim[0]: d for lim, d in zip(lb, dummies)})
    return equal_mod_n(fa, fb)


def _as_power(e: sp.Expr):
    """(base, exponent) for a power of a symbol, with e == 1 read as base**0 (base None)."""
    if isinstance(e, sp.exp):
        return sp.E, e.args[0]
    if e.is_Pow and (e.base.is_Symbol or e.base == sp.E):
        return e.base, e.exp
    if e.is_Symbol:
        return e, sp.Integer(1)
    if e == 1:
        return None, sp.Integer(0)
    return None


def _same_power(pa, pb) -> bool:
    (ba, ea), (bb, eb) = pa, pb
    base = ba if ba is not None else bb
    if base is None or (ba is not None and bb is not None and ba != bb):
        return False
    if base in CYCLIC_BASES:
        return congruent_mod(ea, eb, n)
    return sp.expand(ea - eb) == 0


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
        cyc = is_cyclic(a.func)
        return (a.func == b.func and len(a.args) == len(b.args)
                and all(same_index(p, q, cyc) for p, q in zip(a.args, b.args)))
    pa, pb = _as_power(a), _as_power(b)
    if pa is not None and pb is not None and (pa[0] is not None or pb[0] is not None):
        return _same_power(pa, pb)
    if isinstance(a, sp.Sum) and isinstance(b, sp.Sum):
        return _sums_equal(a, b)
    if isinstance(a, sp.Integral) and isinstance(b, sp.Integral):
        return _integrals_equal(a, b)
    if (a.is_Add and b.is_Add) or (a.is_Mul and b.is_Mul):
        if _match_unordered(a.args, b.args):
            return True
    if a.is_Mul or b.is_Mul:  # merge powers of the same symbol, then compare
        na, nb = merge_powers(a), merge_powers(b)
        if (na, nb) != (a, b):
            return equal_mod_n(na, nb)
    return False


def merge_powers(e: sp.Expr) -> sp.Expr:
    """Combine the powers of each symbol in a product into one power (x^a x^b = x^(a+b))."""
    if not e.is_Mul:
        return e
    exps: dict[sp.Symbol, list] = {}
    rest = []
    for f_ in e.args:
        p = _as_power(f_)
        if p is not None and p[0] is not None:
            exps.setdefault(p[0], []).append(p[1])
        else:
            rest.append(f_)
    if all(len(v) < 2 for v in exps.values()):
        return e
    powers = [sp.Pow(base, sp.expand(sp.Add(*es)), evaluate=False) for base, es in exps.items()]
    return sp.Mul(*rest) * sp.Mul(*powers, evaluate=False)


def periodic_in(body: sp.Expr, var: sp.Symbol) -> bool:
    """Whether body(var + n) = body(var) is shown (Z_n entries are n-periodic)."""
    return equal_mod_n(body.xreplace({var: var + n}), body) or all_index_uses(body, var)


def all_index_uses(body: sp.Expr, var: sp.Symbol) -> bool:
    """Every occurrence of var is inside a Z_n-entry index, a bracket or an omega exponent
    with integer coefficients: then the expression is n-periodic in var."""
    if var not in body.free_symbols:
        return True
    if isinstance(body, AppliedUndef):
        return is_cyclic(body.func) and all(integer_poly(a_) for a_ in body.args)
    if isinstance(body, Iverson):
        return all(integer_poly(a_) for a_ in body.args)
    if body.is_Pow and body.base in CYCLIC_BASES:
        return integer_poly(body.exp)
    if isinstance(body, sp.Sum):
        return all_index_uses(body.function, var)
    if body.is_Add or body.is_Mul:
        return all(all_index_uses(a_, var) for a_ in body.args)
    return False


def integer_poly(e: sp.Expr) -> bool:
    """Whether e is a polynomial with integer coefficients (integer-valued on integers)."""
    e = sp.expand(e)
    syms = sorted(e.free_symbols, key=str)
    if not syms:
        return bool(e.is_Integer)
    try:
        return all(c_.is_Integer for c_ in sp.Poly(e, *syms).coeffs())
    except sp.PolynomialError:
        return False


def finite_support(body: sp.Expr, vars_: list) -> bool:
    """Whether the summand is shown to vanish outside a finite set of values of ``vars_``.

    The factors of ``body`` (through nested sums) that are sequences on Z are
    finitely supported; when their index forms, linear in ``vars_`` with integer
    coefficients, have full rank, only finitely many points give a non-zero term.
    """
    rows = []

    def walk(e):
        if isinstance(e, sp.Sum):
            walk(e.function)
        elif e.is_Mul:
            for f_ in e.args:
                walk(f_)
        elif isinstance(e, sp.KroneckerDelta):          # [p = q]: p - q bounded (it is 0)
            diff = sp.expand(e.args[0] - e.args[1])
            coeffs = [diff.coeff(v) for v in vars_]
            if all(c_.is_integer for c_ in coeffs) and any(c_ != 0 for c_ in coeffs):
                rows.append(coeffs)
        elif isinstance(e, AppliedUndef) and not is_cyclic(e.func):
            for arg in e.args:
                arg = sp.expand(arg)
                coeffs = [arg.coeff(v) for v in vars_]
                if all(c_.is_Integer for c_ in coeffs) and any(c_ != 0 for c_ in coeffs):
                    rows.append(coeffs)

    walk(body)
    if not rows:
        return False
    from itertools import combinations

    r = len(vars_)
    for pick in combinations(rows, r):     # a maximal minor that is a non-zero number, whatever
        det = sp.expand(sp.Matrix(pick).det())  # the values of symbolic coefficients
        if det.is_Number and det != 0:
            return True
    return False
