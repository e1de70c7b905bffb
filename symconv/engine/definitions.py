"""What a definition is: whether two agree for every argument, and whether one is n-periodic in its indices.

Unfold / Fold (``rules``) and :func:`symconv.engine.statement.establishes` both ask; this module sits below both
(it imports neither).
"""

from __future__ import annotations

import sympy as sp

from .compare import equal_mod_n, periodic_in
from .rule_base import RuleError, substitute

__all__: list[str] = []


def _same_definition(lam1, lam2) -> bool:
    """Whether two definitions agree for every argument (compared soundly at fresh indices)."""
    if not (isinstance(lam1, sp.Lambda) and isinstance(lam2, sp.Lambda)
            and len(lam1.variables) == len(lam2.variables)):
        return False
    args = [sp.Dummy(f"q{q}", integer=True) for q in range(len(lam1.variables))]
    try:
        return equal_mod_n(substitute(lam1.expr, dict(zip(lam1.variables, args))),
                           substitute(lam2.expr, dict(zip(lam2.variables, args))))
    except RuleError:
        return False


def _periodic_definition(lam, at=None) -> bool:
    """Whether a definition is shown n-periodic in its indices at the positions ``at`` (all by default):
    every index there is read only modulo n (as an index of an entry on Z_n, in a bracket, an exponent
    of omega, or as a group label: an argument of GMul, GInv or of the action Act).

    >>> from symconv.objects.indexed import ENTRY, i
    >>> all(_periodic_definition(lam) for lam in ENTRY.values())
    True
    >>> _periodic_definition(sp.Lambda((i,), sp.KroneckerDelta(i, 100)))
    False
    """
    at = range(len(lam.variables)) if at is None else at
    key = (lam, tuple(at))
    if key not in _PERIODIC:
        fresh = {lam.variables[p]: sp.Dummy(f"q{p}", integer=True) for p in at}
        try:
            body = substitute(lam.expr, fresh)
        except RuleError:                   # a parameter bound again inside (by a Subs, say): not shown
            _PERIODIC[key] = False
            return False
        _PERIODIC[key] = all(periodic_in(body, q) or _labels_only(body, q) for q in fresh.values())
    return _PERIODIC[key]


_PERIODIC: dict = {}


def _labels_only(body, var) -> bool:
    """Whether var occurs in body only in label positions (group_rules.label_only), the group element
    of an action g . p counted as one (Act depends on g only through its residue modulo n)."""
    from ..objects.group_actions import Act, PtEq
    from .group_rules import _label_arg_ok, _label_parent

    if var not in body.free_symbols:
        return True
    if isinstance(body, Act):
        return _label_arg_ok(body.args[0], var) and _labels_only(body.args[1], var)
    if isinstance(body, PtEq) or body.is_Add or body.is_Mul:
        return all(_labels_only(q, var) for q in body.args)
    if _label_parent(body):
        return all(_label_arg_ok(q, var) for q in body.args)
    if isinstance(body, sp.Sum):
        if any(var in sp.sympify(q).free_symbols for lim in body.limits for q in lim[1:]):
            return False
        return _labels_only(body.function, var)
    return False
