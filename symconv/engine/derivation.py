"""Derivations: chains of steps, each justified by a rule the engine re-checks.

>>> from symconv.objects.indexed import zsum, S, W, i, j, l
>>> from symconv.engine.rules import Unfold, Sift
>>> d = Derivation(zsum(S(i, l) * W(l, j), l), title="(SW)_ij")
>>> d = d.step(zsum(Iverson(i, l + 1) * W(l, j), l), Unfold("S"))
>>> d = d.step(W(i - 1, j), Sift(l))
>>> d.check().ok
True
>>> bad = Derivation(zsum(S(i, l) * W(l, j), l)).step(W(i + 1, j), Unfold("S"))
>>> bad.check().ok
False
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from ..objects.indexed import Iverson  # noqa: F401  (doctest namespace)
from .rules import Rule
from .verdict import StepReport

__all__ = ["Derivation", "Step", "DerivationCheck"]


@dataclass(frozen=True)
class Step:
    expr: sp.Basic
    rule: Rule
    note: str = ""


@dataclass
class DerivationCheck:
    ok: bool
    reports: list[StepReport]
    lemmas: list[str]
    failure: str = ""


@dataclass
class Derivation:
    """A chain start -> step_1 -> ... -> step_k.

    ``goal``, when given, must match the last expression (up to the sound
    comparison of rules.equal_mod_n).  ``hypotheses`` (Hypothesis objects, SymPy
    relations or prose strings) are the only facts a step may use: a
    ``UseHypothesis`` or ``EigenLine`` step whose fact is not among them fails.
    A derivation with no step proves nothing and fails.  Whether the chain
    establishes a theorem's formal statement is decided by
    :func:`symconv.engine.statement.establishes`.
    """

    start: sp.Basic
    steps: tuple[Step, ...] = ()
    title: str = ""
    goal: sp.Basic | None = None
    hypotheses: tuple = ()   # of Hypothesis (strings and SymPy relations are converted)
    conclusion: str = ""

    def __post_init__(self) -> None:
        from .statement import as_hypothesis
        self.hypotheses = tuple(as_hypothesis(h) for h in self.hypotheses)

    def step(self, expr: sp.Basic, rule: Rule, note: str = "") -> "Derivation":
        """A new derivation with one more step."""
        return Derivation(self.start, self.steps + (Step(sp.sympify(expr), rule, note),),
                          self.title, self.goal, self.hypotheses, self.conclusion)

    @property
    def end(self) -> sp.Basic:
        return self.steps[-1].expr if self.steps else self.start

    def check(self) -> DerivationCheck:
        """Re-check every step; stop at the first that fails."""
        from .rules import equal_mod_n

        reports: list[StepReport] = []
        lemmas: list[str] = []
        if not self.steps:
            return DerivationCheck(False, reports, lemmas, "a derivation with no step proves nothing")
        prev = self.start
        for idx, st in enumerate(self.steps, 1):
            in_context = getattr(st.rule, "check_in_context", None)
            ok, detail = in_context(self, prev, st.expr) if in_context else st.rule.check(prev, st.expr)
            reports.append(StepReport(idx, st.rule.name, ok, detail))
            if not ok:
                return DerivationCheck(False, reports, lemmas, f"step {idx}: {detail}")
            if st.rule.lemma and st.rule.lemma not in lemmas:
                lemmas.append(st.rule.lemma)
            prev = st.expr
        if self.goal is not None and not equal_mod_n(prev, self.goal):
            return DerivationCheck(False, reports, lemmas,
                                   f"the chain ends at {sp.sstr(prev)}, not at the goal {sp.sstr(self.goal)}")
        return DerivationCheck(True, reports, lemmas)

