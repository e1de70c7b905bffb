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
           "is_cyclic", "same_index", "finite_support", "finite_range", "integer_valued", "congruent_ints",
           "reorder_ok"]


def is_cyclic(func) -> bool:
    """Whether an applied function's indices live in Z_n (set by entry_function)."""
    return bool(getattr(func, "_symconv_cyclic", False))


def integer_valued(*exprs) -> bool:
    """Whether every free symbol of the expressions is declared integer (``integer=True``).

    A congruence a = b (mod n) shown by :func:`congruent_mod` (a - b = n q with q a polynomial
    with integer coefficients) holds for every value of the symbols only when those values are
    integers: for a real r, n r = 0 (mod n) is false (r = 1/2).

    >>> r = sp.Symbol('r', real=True)
    >>> integer_valued(n * r), integer_valued(n + 1)
    (False, True)
    """
    return all(s_.is_integer is True for e in exprs for s_ in sp.sympify(e).free_symbols)


def congruent_ints(p: sp.Expr, q: sp.Expr) -> bool:
    """p = q (mod n), shown for all values of the symbols: only for integer-valued symbols.

    >>> from symconv.objects.indexed import i
    >>> r = sp.Symbol('r', real=True)
    >>> congruent_ints(i + n, i), congruent_ints(n * r, 0)
    (True, False)
    """
    return integer_valued(p, q) and congruent_mod(p, q, n)


def same_index(p: sp.Expr, q: sp.Expr, cyclic: bool) -> bool:
    """Index equality: modulo n for Z_n indices (integer-valued), exact for Z indices."""
    return congruent_ints(p, q) if cyclic else sp.expand(p - q) == 0


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
    """Iterated sums over the same ranges, up to renaming of their bound variables.

    The ranges are compared after the renaming (a range may name an outer variable of
    its own sum, never a free symbol of the same name).  The order of summation may differ
    only when :func:`reorder_ok` allows it: ranges independent of the summation variables,
    and a finite sum (finite ranges, or a summand shown finitely supported).
    """
    from itertools import permutations

    la, lb = list(a.limits), list(b.limits)
    if len(la) != len(lb) or any(len(lim) != 3 for lim in la + lb) or _repeated(la) or _repeated(lb):
        return False
    dummies = [sp.Dummy(f"s{q}", integer=True) for q in range(len(la))]
    ra = {lim[0]: d for lim, d in zip(la, dummies)}
    fa = a.function.xreplace(ra)
    rng_a = _ranges(la, dummies)
    identity = tuple(range(len(lb)))
    orders = permutations(identity) if reorder_ok(a) and reorder_ok(b) else [identity]
    for perm in orders:
        rb = {lb[perm[q]][0]: dummies[q] for q in range(len(la))}
        # reordered only with independent ranges, so a range names no summation variable: the scoped
        # renaming of the permuted limits leaves every range as it is
        rng_b = _ranges([lb[perm[q]] for q in range(len(la))], dummies)
        if any(not (_same_bound(p[0], q_[0]) and _same_bound(p[1], q_[1])) for p, q_ in zip(rng_a, rng_b)):
            continue
        if equal_mod_n(fa, b.function.xreplace(rb)):
            return True
    return False


def _repeated(limits) -> bool:
    """Whether an iterated sum or integral binds one variable twice (the inner binding shadows the outer
    one in the summand): not compared."""
    vars_ = [lim[0] for lim in limits]
    return len(set(vars_)) != len(vars_)


def range_scopes(limits, names) -> list[dict]:
    """For each limit of an iterated sum or integral (SymPy's limits, innermost first), the renaming to
    ``names`` of the variables *in scope in its range*: those of the limits after it (the outer ones),
    the nearest binding of a repeated variable winning; never its own or an inner one, which there is a
    free symbol of the same name (in Sum(f(t), (t, 0, t)) the upper t is free).

    >>> t, u, d0, d1 = sp.symbols("t u d0 d1")
    >>> range_scopes([(t, 0, u), (u, 0, t)], [d0, d1])
    [{u: d1}, {}]
    """
    out = []
    for q in range(len(limits)):
        outer: dict = {}
        for w, d in zip(limits[q + 1:], names[q + 1:]):
            outer.setdefault(w[0], d)
        out.append(outer)
    return out


def _ranges(limits, dummies) -> list:
    """The ranges of an iterated sum or integral, each with the variables in scope there renamed to
    ``dummies`` (:func:`range_scopes`)."""
    return [(sp.sympify(lim[1]).xreplace(m), sp.sympify(lim[2]).xreplace(m))
            for lim, m in zip(limits, range_scopes(limits, dummies))]


def _same_bound(p: sp.Expr, q: sp.Expr) -> bool:
    if p == q:
        return True
    if any(e.has(sp.oo, -sp.oo, sp.zoo, sp.nan) for e in (p, q)):
        return False
    return sp.expand(p - q) == 0


def finite_range(lo: sp.Expr, hi: sp.Expr) -> bool:
    """Whether the range lo..hi is finite for every value of the parameters (both ends finite).

    >>> finite_range(0, n - 1), finite_range(-sp.oo, sp.oo), finite_range(0, sp.oo)
    (True, False, False)
    >>> finite_range(0, sp.Symbol('N'))     # a symbol that might be infinite: not shown
    False
    """
    return all(sp.sympify(e).is_finite is True for e in (lo, hi))


def independent_ranges(limits) -> bool:
    """No range of an iterated sum (or integral) depends on one of its own variables."""
    bound = {lim[0] for lim in limits}
    return all(len(lim) == 3 and not (bound & (sp.sympify(lim[1]).free_symbols | sp.sympify(lim[2]).free_symbols))
               for lim in limits)


def reorder_ok(sm: sp.Sum) -> bool:
    """Whether the iterated sum ``sm`` may be taken in any order of its variables: every range is
    independent of the summation variables, and the sum is finite (every range finite, or the
    summand shown finitely supported in the variables whose range is infinite).

    >>> from symconv.objects.indexed import sequence_function, t, u
    >>> h = sequence_function("h")
    >>> reorder_ok(sp.Sum(h(t) * h(u), (t, 0, n - 1), (u, 0, n - 1)))
    True
    >>> reorder_ok(sp.Sum(h(t, u), (t, 0, u), (u, 0, n - 1)))             # dependent ranges
    False
    >>> reorder_ok(sp.Sum(sp.KroneckerDelta(t, u), (t, -sp.oo, sp.oo), (u, -sp.oo, sp.oo)))
    False
    >>> reorder_ok(sp.Sum(h(t) * h(u), (t, -sp.oo, sp.oo), (u, -sp.oo, sp.oo)))
    True
    """
    lims = list(sm.limits)
    if len(lims) == 1:
        return True
    if not independent_ranges(lims):
        return False
    if all(finite_range(lim[1], lim[2]) for lim in lims):
        return True
    bounded = [lim[0] for lim in lims if finite_range(lim[1], lim[2])]
    return finite_support(sm.function, [lim[0] for lim in lims], bounded)


def _integrals_equal(a: sp.Integral, b: sp.Integral) -> bool:
    """Iterated integrals with the same ranges in the same order (reordering needs Fubini)."""
    la, lb = list(a.limits), list(b.limits)
    if len(la) != len(lb) or any(len(lim) != 3 for lim in la + lb) or _repeated(la) or _repeated(lb):
        return False
    dummies = [sp.Dummy(f"r{q}", real=True) for q in range(len(la))]
    ra = {lim[0]: d for lim, d in zip(la, dummies)}
    rb = {lim[0]: d for lim, d in zip(lb, dummies)}
    # ranges compared after the renaming of the variables in scope there (an outer variable, not a free one)
    for p, q in zip(_ranges(la, dummies), _ranges(lb, dummies)):
        if not all(_same_bound(p[e], q[e]) for e in (0, 1)):
            return False
    return equal_mod_n(a.function.xreplace(ra), b.function.xreplace(rb))


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
    if base in CYCLIC_BASES:       # omega**n = 1: exponents modulo n, when they are integers
        return congruent_ints(ea, eb)
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
        return congruent_ints(da, db) or congruent_ints(da, -db)
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
    if a.is_Add and b.is_Add:
        if _match_unordered(a.args, b.args):
            return True
    if a.is_Mul and b.is_Mul:
        if a.is_commutative and b.is_commutative:
            if _match_unordered(a.args, b.args):
                return True
        else:                      # matrices: the commuting factors in any order, the others in theirs
            (ca, na), (cb, nb) = a.args_cnc(), b.args_cnc()
            if (len(na) == len(nb) and _match_unordered(tuple(ca), tuple(cb))
                    and all(equal_mod_n(p, q) for p, q in zip(na, nb))):
                return True
    if a.is_Mul or b.is_Mul:  # merge powers of the same symbol, then compare
        na, nb = merge_powers(a), merge_powers(b)
        if (na, nb) != (a, b):
            return equal_mod_n(na, nb)
    return False


def merge_powers(e: sp.Expr) -> sp.Expr:
    """Combine the powers of each symbol in a product into one power (x^a x^b = x^(a+b)); a product of
    non-commuting factors is left as it is (A B A is not A^2 B)."""
    if not e.is_Mul or not e.is_commutative:
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
    if isinstance(body, sp.Sum):          # a range that depends on var is not periodic in it
        if any(var in sp.sympify(q).free_symbols for lim in body.limits for q in lim[1:]):
            return False
        return all_index_uses(body.function, var)
    if body.is_Add or body.is_Mul:
        return all(all_index_uses(a_, var) for a_ in body.args)
    return False


def integer_poly(e: sp.Expr) -> bool:
    """Whether e is a polynomial with integer coefficients in integer symbols (so integer-valued).

    >>> from symconv.objects.indexed import i
    >>> integer_poly(2 * i * n - 3), integer_poly(i / 2), integer_poly(sp.Symbol('r', real=True))
    (True, False, False)
    """
    e = sp.expand(e)
    syms = sorted(e.free_symbols, key=str)
    if not syms:
        return bool(e.is_Integer)
    if not integer_valued(e):
        return False
    try:
        return all(c_.is_Integer for c_ in sp.Poly(e, *syms).coeffs())
    except sp.PolynomialError:
        return False


def finite_support(body: sp.Expr, vars_: list, bounded=()) -> bool:
    """Whether the summand is shown to vanish outside a finite set of values of ``vars_``.

    Sequences on Z (``sequence_function``) are finitely supported, so each of their
    indices is bounded where the term is not 0, and so is p - q where a Kronecker
    delta [p = q] is not 0.  A product is non-zero only where all its factors are,
    so its bounded forms add up; a sum of terms is finitely supported when every
    term is; an inner sum's own variables are bounded like the others (by a finite
    range, or by the forms of its summand).  The support is finite when the bounded
    forms, linear in the variables with integer coefficients, have full rank.
    ``bounded``: variables known to range over a finite set.

    >>> from symconv.objects.indexed import sequence_function, t, u
    >>> h = sequence_function("h")
    >>> finite_support(h(t - u) * h(u), [t, u])
    True
    >>> finite_support(sp.KroneckerDelta(t, u), [t, u])              # bounds t - u only
    False
    >>> finite_support(h(t) * h(u) + sp.KroneckerDelta(t, u), [t, u])  # every term must be
    False
    >>> finite_support(sp.Sum(h(t - u), (u, -sp.oo, sp.oo)), [t])      # sum of h: constant in t
    False
    """
    terms = _flat_terms(sp.sympify(body))
    if terms is None:
        return False
    return all(_term_finite(factors, list(vars_) + inner, set(bounded), fin) for factors, inner, fin in terms)


def _flat_terms(e: sp.Expr, depth: int = 0):
    """e as a list of products (factors, inner variables, the inner variables' ranges),
    distributing over sums of terms and opening inner sums (their variables renamed to fresh
    symbols); None when it would be too large to tell."""
    if depth > 8:
        return None
    if e == 0:
        return []
    if e.is_Add:
        out = []
        for term in e.args:
            sub = _flat_terms(term, depth + 1)
            if sub is None or len(out) + len(sub) > 64:
                return None
            out += sub
        return out
    if isinstance(e, sp.Sum):
        if not all(len(lim) == 3 for lim in e.limits) or not independent_ranges(e.limits):
            return None
        ren = {lim[0]: sp.Dummy(str(lim[0]), integer=True) for lim in e.limits}
        inner = [ren[lim[0]] for lim in e.limits]
        rng = [(ren[lim[0]], sp.sympify(lim[1]).xreplace(ren), sp.sympify(lim[2]).xreplace(ren))
               for lim in e.limits]
        sub = _flat_terms(e.function.xreplace(ren), depth + 1)
        if sub is None:
            return None
        return [(fs, inner + iv, rng + fv) for fs, iv, fv in sub]
    if e.is_Mul:
        out: list = [([], [], [])]
        for fac in e.args:
            sub = _flat_terms(fac, depth + 1)
            if sub is None or len(out) * len(sub) > 64:
                return None
            out = [(f1 + f2, v1 + v2, r1 + r2) for f1, v1, r1 in out for f2, v2, r2 in sub]
        return out
    return [([e], [], [])]


def _linear_row(expr: sp.Expr, vars_: list):
    """The integer coefficients of expr in vars_, when expr is linear in them (else None)."""
    expr = sp.expand(expr)
    coeffs = [expr.coeff(v_) for v_ in vars_]
    rest = sp.expand(expr - sum(c_ * v_ for c_, v_ in zip(coeffs, vars_)))
    if rest.free_symbols & set(vars_) or any(not (c_.is_integer and not (c_.free_symbols & set(vars_)))
                                              for c_ in coeffs):
        return None
    return coeffs if any(c_ != 0 for c_ in coeffs) else None


def _term_finite(factors: list, vars_: list, bounded: set, ranges: list) -> bool:
    # an inner variable is bounded by its range when the range is finite and names none of the
    # variables (a range 0..s with s summed over Z bounds nothing)
    bounded = set(bounded) | {v_ for v_, lo, hi in ranges if finite_range(lo, hi)
                              and not ((sp.sympify(lo).free_symbols | sp.sympify(hi).free_symbols) & set(vars_))}
    rows = [[sp.Integer(int(v_ == w)) for w in vars_] for v_ in vars_ if v_ in bounded]
    for fac in factors:
        if fac == 0:
            return True
        # a factor that may be infinite where another one vanishes (1/a_s, a_s^(1/2)...): 0 * oo is no 0
        if any(p_.base.free_symbols & set(vars_) and not (p_.exp.is_integer and p_.exp.is_nonnegative)
               for p_ in sp.sympify(fac).atoms(sp.Pow)):
            return False
        if fac.is_Pow and fac.exp.is_Integer and fac.exp > 0:
            fac = fac.base
        if isinstance(fac, (sp.conjugate, sp.Abs)):     # zero exactly where its argument is
            fac = fac.args[0]
        if isinstance(fac, sp.KroneckerDelta):          # [p = q]: p - q bounded (it is 0)
            forms = [fac.args[0] - fac.args[1]]
        elif isinstance(fac, AppliedUndef) and getattr(fac.func, "_symconv_kind", None) == "sequence":
            forms = list(fac.args)     # a finitely supported sequence on Z (sequence_function); a plain
            #                            SymPy Function carries no such promise
        else:
            continue
        for form in forms:
            row = _linear_row(form, vars_)
            if row is not None:
                rows.append(row)
    if not vars_:
        return True
    if len(rows) < len(vars_):
        return False
    from itertools import combinations

    for pick in combinations(rows, len(vars_)):  # a maximal minor that is a non-zero number, whatever
        det = sp.expand(sp.Matrix(pick).det())     # the values of symbolic coefficients
        if det.is_Number and det != 0:
            return True
    return False
