"""The base of derivation rules: a rule recomputes a step and compares it soundly."""

from __future__ import annotations

from typing import Callable

import sympy as sp

from .compare import equal_mod_n

__all__ = ["Rule", "RuleError", "bound_symbols"]


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
    """Variables bound by the sums inside e."""
    return {lim[0] for sm in e.atoms(sp.Sum) for lim in sm.limits}


def _no_capture(value: sp.Expr, body: sp.Expr) -> None:
    """Substituting ``value`` into ``body`` must not put its variables under a sum binding them."""
    clash = sp.sympify(value).free_symbols & bound_symbols(body)
    if clash:
        raise RuleError(f"substitution would capture {sorted(map(str, clash))} under an inner sum")


def _fail(msg: str):
    raise RuleError(msg)
