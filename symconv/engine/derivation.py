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
from .statement import definitional
from .verdict import StepReport
from . import display as _display

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

    _repr_markdown_ = _display.derivation_markdown      # how a notebook shows it

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

    def definitions(self) -> dict:
        """Every definition the chain may unfold: its rules' ``definitions=`` and its definitional
        hypotheses F(i, j, ...) = body (F undefined, distinct index arguments)."""
        defs: dict = {}
        seen: set = set()
        for h in self.hypotheses:
            lam = definitional(h.expr)
            if lam is not None:
                name = h.expr.lhs.func.__name__
                if name in seen:           # two facts about one object: neither defines it
                    defs.pop(name, None)
                else:
                    defs[name] = lam
                seen.add(name)
        for st in self.steps:
            defs.update(getattr(st.rule, "definitions", None) or {})
        return defs

    def check(self, concrete: bool = True) -> DerivationCheck:
        """Re-check every step; stop at the first that fails.

        With ``concrete`` (the default) every equality step the rules accept is also evaluated
        concretely (:mod:`symconv.engine.concrete`, which shares no code with the rules): a step
        that concrete evaluation contradicts fails with the witness.
        """
        from .rules import equal_mod_n

        reports: list[StepReport] = []
        lemmas: list[str] = []
        if not self.steps:
            return DerivationCheck(False, reports, lemmas, "a derivation with no step proves nothing")
        defs = self.definitions() if concrete else {}
        prev = self.start
        for idx, st in enumerate(self.steps, 1):
            in_context = getattr(st.rule, "check_in_context", None)
            ok, detail = in_context(self, prev, st.expr) if in_context else st.rule.check(prev, st.expr)
            if ok and concrete:
                contradicted, why = concrete_contradicts(st.rule, prev, st.expr, defs)
                if contradicted:
                    ok, detail = False, f"{st.rule.name} was accepted by the rule, but {why}"
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


def concrete_contradicts(rule, prev, nxt, defs: dict) -> tuple[bool, str]:
    """Whether concrete evaluation contradicts an equality step prev = nxt (with the witness).

    Only equality steps are evaluated (an equivalence or implication step relates statements,
    not values), and not steps that use a hypothesis which is no definition, or a named lemma's
    facts about particular quantities (``rule.lemma_facts``: random data need not satisfy them;
    the lemma's own check backs such a step).  Both pairings of the sides of two equations must differ to contradict.
    """
    from .concrete import concrete_compare

    if getattr(rule, "relation", "=") != "=" or getattr(rule, "lemma_facts", False):
        return False, ""
    hyp = getattr(rule, "hyp", None)
    if hyp is not None and definitional(hyp) is None:
        return False, ""
    if isinstance(prev, sp.Eq) and isinstance(nxt, sp.Eq):
        pairings = [((prev.lhs, nxt.lhs), (prev.rhs, nxt.rhs)), ((prev.lhs, nxt.rhs), (prev.rhs, nxt.lhs))]
        whys = []
        for pairing in pairings:
            outs = [concrete_compare(p, q, definitions=defs) for p, q in pairing]
            bad = [o for o in outs if o.differ or o.ill_typed]
            if not bad:
                return False, ""
            whys.append(bad[0].detail)
        return True, f"concrete evaluation contradicts it: {whys[0]}"
    if isinstance(prev, sp.Eq) or isinstance(nxt, sp.Eq):
        return False, ""
    out = concrete_compare(prev, nxt, definitions=defs)
    if out.differ:
        return True, f"concrete evaluation contradicts it: {out.detail}"
    if out.ill_typed:
        return True, f"concrete evaluation finds it meaningless: {out.detail}"
    return False, ""
