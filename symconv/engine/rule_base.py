"""The base of derivation rules: a rule recomputes a step and compares it soundly."""

from __future__ import annotations

from typing import Callable

import sympy as sp

from .compare import equal_mod_n, range_scopes

__all__ = ["Rule", "RuleError", "bound_symbols", "rename_bound", "substitute", "replace_applied", "soldim_bound",
           "binder_vars"]


class RuleError(ValueError):
    """A rule does not apply to the expression it was given."""


# --------------------------------------------------------------------- rules


class Rule:
    """Base class: apply() computes the next expression; check() compares."""

    relation = "="
    lemma: str | None = None

    def apply(self, expr: sp.Basic) -> sp.Basic:  # pragma: no cover - abstract
        raise NotImplementedError

    def check(self, prev: sp.Basic, nxt: sp.Basic) -> tuple[bool, str]:
        try:
            got = self.apply(prev)
        except RuleError as exc:
            return False, f"{self.name} does not apply: {exc}"
        if equal_mod_n(got, nxt):
            return True, f"{self.name}: recomputed and matched"
        return False, f"{self.name} gives {sp.sstr(got)}, not the stated {sp.sstr(nxt)}"

    @property
    def name(self) -> str:
        return type(self).__name__

    def justification(self) -> str:  # LaTeX-safe text
        return self.name


def _eq_map(expr: sp.Basic, fn: Callable[[sp.Expr], sp.Expr]) -> sp.Basic:
    if isinstance(expr, sp.Eq):
        return sp.Eq(fn(expr.lhs), fn(expr.rhs), evaluate=False)
    return fn(expr)


def bound_symbols(e: sp.Basic) -> set:
    """Variables bound inside e: by its sums, products and integrals, and by any other binder
    (:func:`binder_vars`: Subs, Lambda, Limit, Derivative, the symbols a SolDim quantifies)."""
    return {q for node in sp.preorder_traversal(sp.sympify(e)) for q in binder_vars(node)
            if isinstance(q, sp.Symbol) and q is not IN_SOLDIM}


def _no_capture(value: sp.Expr, body: sp.Expr, var: sp.Symbol | None = None) -> None:
    """Substituting ``value`` for ``var`` into ``body`` (by xreplace) must not put its variables under a
    binder binding them, nor reach an inner binder of ``var`` itself (whose var is another variable)."""
    bound = bound_symbols(body)
    clash = sp.sympify(value).free_symbols & bound
    if clash:
        raise RuleError(f"substitution would capture {sorted(map(str, clash))} under an inner sum")
    if var is not None and var in bound:
        raise RuleError(f"{var} is bound again inside {sp.sstr(body)}: rename the inner one first")


#: expressions that bind the variables of their limits
BINDERS = (sp.Sum, sp.Product, sp.Integral)


def _fresh(var: sp.Symbol, cls) -> sp.Dummy:
    if cls is sp.Integral:                # a real variable keeps its assumptions
        return sp.Dummy(var.name, **{k_: v_ for k_, v_ in var.assumptions0.items() if k_ != "commutative"})
    return sp.Dummy(var.name, integer=True)   # sums and products run over integers


def _rebuild(e: sp.Basic, args: list) -> sp.Basic:
    if list(args) == list(e.args):
        return e
    if isinstance(e, sp.Eq):
        return sp.Eq(*args, evaluate=False)
    return e.func(*args)


def rename_bound(e: sp.Basic) -> sp.Basic:
    """e with every variable bound inside it (by a sum, product or integral) renamed to a fresh
    symbol, so that substituting into e can capture nothing.

    >>> from symconv.objects.indexed import a, b, t, zsum
    >>> s = rename_bound(zsum(a(t) * b(t), t))
    >>> t in s.free_symbols, s.limits[0][0] == t, s.function.free_symbols == {s.limits[0][0]}
    (False, False, True)
    """
    e = sp.sympify(e)
    if not e.args:
        return e
    if isinstance(e, BINDERS):
        lims = list(e.limits)
        fresh = [_fresh(lim[0], type(e)) for lim in lims]
        ren = {}
        for lim, d in zip(reversed(lims), reversed(fresh)):     # innermost binding last: it wins in the body
            ren[lim[0]] = d
        body = rename_bound(e.function).xreplace(ren)
        # a range is in the scope of the outer limits only (its own variable there is a free symbol)
        limits = [(d,) + tuple(rename_bound(sp.sympify(r)).xreplace(scope) for r in lim[1:])
                  for lim, d, scope in zip(lims, fresh, range_scopes(lims, fresh))]
        return type(e)(body, *limits)
    return _rebuild(e, [rename_bound(q) for q in e.args])


def substitute(e: sp.Basic, mapping: dict) -> sp.Basic:
    """Capture-avoiding substitution of free symbols: the bound variables of e are renamed to
    fresh symbols first.

    >>> from symconv.objects.indexed import a, b, i, t, zsum
    >>> substitute(zsum(a(i - t) * b(t), t), {i: t})    # the free i becomes t, not the bound t
    Sum(a(-_t + t)*b(_t), (_t, 0, n - 1))
    """
    mapping = {sp.sympify(k_): sp.sympify(v_) for k_, v_ in mapping.items()}
    renamed = rename_bound(e)
    # the variables of a Subs, a Lambda, a Limit or a Derivative are not renamed: a substitution may not
    # reach them, nor bring a symbol under them (Subs(f(x, y), x, 0) with y -> x is not Subs(f(x, x), x, 0))
    kept = set().union(*(_other_binder_vars(q) for q in sp.preorder_traversal(renamed)))
    touched = (set(mapping) | {s_ for v_ in mapping.values() for s_ in v_.free_symbols}) & kept
    if touched:
        raise RuleError(f"substitution would reach or capture {sorted(map(str, touched))} under a Subs, Lambda, "
                        "Limit or Derivative binding them")
    return renamed.xreplace(mapping)


#: in the ``bound`` set of :func:`replace_applied` inside a SolDim: every symbol that enters its equation
#: is quantified there, so a substitution may bring in no symbol at all
IN_SOLDIM = sp.Dummy("in_SolDim")


def soldim_bound(sd) -> set:
    """What ``SolDim(E, W(p, ...))`` binds: every free symbol of its equation E (quantified, as is any
    symbol that a rewrite would bring into E: :data:`IN_SOLDIM`) and the unknown W itself (a function,
    not the object of that name outside)."""
    eq, unknown = sd.args
    return (set(sp.sympify(eq).free_symbols) | set(unknown.free_symbols) | {getattr(unknown, "func", unknown)}
            | {IN_SOLDIM})


def _other_binder_vars(e: sp.Basic) -> set:
    """The variables that a Subs, a Lambda, a Limit or a Derivative binds (none for anything else): an
    object brought inside must not name them (Subs(h(y), x, 0), with h(y) := x y for the free x, is x y)."""
    if isinstance(e, (sp.Subs, sp.Lambda)):
        return set(e.bound_symbols)
    if isinstance(e, sp.Limit):
        return {e.args[1]}
    if isinstance(e, sp.Derivative):
        return set(e.variables)
    return set()


def binder_vars(e: sp.Basic) -> set:
    """The variables e binds itself: a sum's, product's or integral's limit variables, a SolDim's (every
    symbol of its equation), a Subs's, Lambda's, Limit's or Derivative's variables; else none."""
    if isinstance(e, BINDERS):
        return {lim[0] for lim in e.limits}
    from ..objects.group_actions import SolDim
    if isinstance(e, SolDim):
        return {q for q in soldim_bound(e) if isinstance(q, sp.Basic)}
    return _other_binder_vars(e)


def replace_applied(e: sp.Basic, match, build, bound: frozenset = frozenset()) -> sp.Basic:
    """Replace every applied function q with match(q) by build(q, bound), bottom-up; ``bound`` is the
    set of variables bound around q (so build can refuse to capture them): by sums, products and
    integrals, by a SolDim (its equation's free symbols and its unknown function), by a Subs, a Lambda,
    a Limit or a Derivative (their variables)."""
    from ..objects.group_actions import SolDim

    e = sp.sympify(e)
    if not e.args:
        return e
    if isinstance(e, SolDim):
        bound = frozenset(bound | soldim_bound(e))
    else:
        bound = frozenset(bound | _other_binder_vars(e))
    if isinstance(e, BINDERS):
        inner = bound | {lim[0] for lim in e.limits}
        body = replace_applied(e.function, match, build, inner)
        limits = [(lim[0],) + tuple(replace_applied(sp.sympify(q), match, build, inner) for q in lim[1:])
                  for lim in e.limits]
        return type(e)(body, *limits) if (body, limits) != (e.function, [tuple(q) for q in e.limits]) else e
    out = _rebuild(e, [replace_applied(q, match, build, bound) for q in e.args])
    return build(out, bound) if match(out) else out


def _fail(msg: str):
    raise RuleError(msg)
