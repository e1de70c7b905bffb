"""Structural facts of SymPy expressions (free symbols, atoms of given types), remembered by the
expression itself.

SymPy computes ``free_symbols`` afresh at every call, and for a sum it first rebuilds the summand
(``xreplace`` of its bound variables), so a sum nested ``k`` deep costs ``k`` passes over the
innermost summand; concrete evaluation asks these questions of the same statements and definitions
again and again.  Here each subexpression is answered once, from its children's answers, by the
same rules as SymPy's (``Basic.free_symbols``: the union over the arguments;
``ExprWithLimits.free_symbols``: the summand's, minus each bound variable, plus its limits';
``Lambda.free_symbols``: the body's minus the variables), and
every other class (its own ``free_symbols``) is asked directly.  The memo is keyed by the
expression, never by its printed form: equal keys are equal expressions (SymPy's equality compares
symbols with their assumptions, and undefined functions with their options).

>>> import sympy as sp
>>> i, j, m = sp.symbols('i j m', integer=True)
>>> f = sp.Function('f')
>>> sorted(map(str, free_symbols(sp.Sum(f(i, j), (i, 0, m)))))
['j', 'm']
>>> free_symbols(sp.Sum(f(i), (i, 0, m))) == sp.Sum(f(i), (i, 0, m)).free_symbols
True
"""

from __future__ import annotations

from functools import lru_cache

import sympy as sp
from sympy.concrete.expr_with_limits import ExprWithLimits

__all__ = ["free_symbols", "atoms_of"]

_BASIC_FREE = sp.Basic.free_symbols
_LIMITS_FREE = ExprWithLimits.free_symbols
_LAMBDA_FREE = sp.Lambda.free_symbols


def free_symbols(e: sp.Basic) -> frozenset:
    """``e.free_symbols``, as a frozenset, each subexpression computed once (see the module)."""
    if not isinstance(e, sp.Basic):
        raise TypeError(f"e must be a SymPy expression, got {type(e).__name__}")
    return _free(e)


@lru_cache(maxsize=1 << 15)
def _free(e: sp.Basic) -> frozenset:
    if not e.args:
        return frozenset(e.free_symbols)
    kind = type(e).free_symbols
    if kind is _BASIC_FREE:
        out: set = set()
        for a in e.args:
            out |= _free(a)
        return frozenset(out)
    if kind is _LIMITS_FREE and all(isinstance(xab[0], sp.Symbol) and xab[0].free_symbols == {xab[0]}
                                    for xab in e.limits):
        # ExprWithLimits.free_symbols when every bound variable is a plain symbol (its renaming map
        # is then the identity): the summand's free symbols, limit by limit in order
        isyms = set(_free(e.function))
        for xab in e.limits:
            v = xab[0]
            if len(xab) == 1:
                isyms.add(v)
                continue
            isyms.discard(v)
            for bound in xab[1:]:
                isyms |= _free(bound)
        return frozenset(isyms)
    if kind is _LAMBDA_FREE:                      # Lambda.free_symbols: its body's, minus its variables
        return _free(e.expr) - frozenset(e.variables)
    return frozenset(e.free_symbols)


def atoms_of(e: sp.Basic, *types: type) -> frozenset:
    """``e.atoms(*types)`` (``types`` given), remembered by ``(e, types)``."""
    if not isinstance(e, sp.Basic):
        raise TypeError(f"e must be a SymPy expression, got {type(e).__name__}")
    if not types:
        raise ValueError("types: give at least one type (e.atoms() without types is not remembered here)")
    return _atoms(e, types)


@lru_cache(maxsize=1 << 14)
def _atoms(e: sp.Basic, types: tuple) -> frozenset:
    return frozenset(e.atoms(*types))
