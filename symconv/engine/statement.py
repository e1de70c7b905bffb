"""Formal statements: the one SymPy object a theorem is about, and the check that its
derivations establish exactly that object.

A :class:`Statement` is an identity ``lhs = rhs`` or an equivalence of two
equations ``E1 <=> E2``, under explicit :class:`Hypothesis` objects, quantified
over ``n`` and every free symbol (indices are integer symbols, ``n >= 1``).

Derivations establish a statement only through their start and goal:

* an identity ``L = R`` is established when L and R are joined by a path of
  derivations whose steps are all equalities (each derivation an edge
  start--goal; equality is symmetric and transitive), or when an implication
  rule's conclusion (e.g. ``EigenLine``) is the identity itself;
* an equivalence ``E1 <=> E2`` is established by a path of derivations of
  equations whose steps are all equalities or equivalences;
* every derivation must have a goal and at least one step, and may use only
  hypotheses of the statement.

Anything else (no derivation, an empty one, a missing goal, a hypothesis the
statement does not make, a chain that ends elsewhere) is *not established*,
and the theorem is not ``proved``.

>>> from symconv.objects.indexed import S, W, Iverson, i, j, l, zsum
>>> from symconv.engine.derivation import Derivation
>>> from symconv.engine.rules import Unfold, Sift
>>> stmt = Statement.identity(zsum(S(i, l) * W(l, j), l), W(i - 1, j))
>>> d = (Derivation(stmt.lhs, goal=stmt.rhs)
...      .step(zsum(Iverson(i, l + 1) * W(l, j), l), Unfold("S"))
...      .step(W(i - 1, j), Sift(l)))
>>> establishes([stmt], [d])
(True, 'every formal statement is established by the derivations')
>>> establishes([Statement.identity(W(i, j), W(j, i))], [d])[0]
False
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import sympy as sp

__all__ = ["Hypothesis", "Statement", "SimpleEigenvalue", "establishes", "nonperiodic_definition",
           "inconsistent_definitions", "as_hypothesis", "chain_relation",
           "definitional"]

#: relations of derivation steps: equalities, equivalences, implications
EQUAL, IFF, IMPLIES = "=", r"\iff", r"\Rightarrow"


class SimpleEigenvalue(sp.Function):
    """The predicate "lam is a simple eigenvalue of A", for hypotheses (``SimpleEigenvalue(A, lam)``)."""

    nargs = 2

    def _latex(self, printer):
        a, lam = (printer._print(x) for x in self.args)
        return rf"{lam} \text{{ a simple eigenvalue of }} {a}"


@dataclass(frozen=True)
class Hypothesis:
    """A named hypothesis of a statement: a SymPy relation when it has one (``expr``), and
    its text (LaTeX-safe prose, shown beside the formula).

    >>> Hypothesis("a_real", text="$a$ is real") == Hypothesis("a_real", text="$a$ is real")
    True
    """

    name: str
    expr: sp.Basic | None = None
    text: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name:
            raise ValueError(f"hypothesis name must be a non-empty str, got {self.name!r}")
        if self.expr is not None and not isinstance(self.expr, sp.Basic):
            raise TypeError(f"hypothesis expr must be a SymPy object, got {type(self.expr).__name__}")

    def latex(self) -> str:
        from sympy import latex
        if self.expr is not None:
            if isinstance(self.expr, sp.Eq):
                return f"{latex(self.expr.lhs)} = {latex(self.expr.rhs)}"
            return latex(self.expr)
        return r"\text{" + (self.text or self.name).replace("$", "") + "}"


def as_hypothesis(h) -> Hypothesis:
    """A Hypothesis from a Hypothesis, a SymPy relation (named by its text) or a prose string."""
    if isinstance(h, Hypothesis):
        return h
    if isinstance(h, sp.Basic):
        return Hypothesis(sp.sstr(h), h, sp.sstr(h))
    if isinstance(h, str):
        return Hypothesis(h, None, h)
    raise TypeError(f"a hypothesis must be a Hypothesis, a SymPy relation or a str, got {type(h).__name__}")


@dataclass(frozen=True)
class Statement:
    """An identity (``kind='identity'``: lhs = rhs) or an equivalence of two equations
    (``kind='equivalence'``: lhs <=> rhs), under hypotheses, for all n >= 1 and all values of the
    free symbols."""

    lhs: sp.Basic
    rhs: sp.Basic
    kind: str = "identity"
    hypotheses: tuple[Hypothesis, ...] = ()
    text: str = ""
    #: the script's own notation the statement uses, as (name, Lambda) pairs (the conventions'
    #: ENTRY table is always in force); concrete evaluation unfolds them
    definitions: tuple = ()

    def __post_init__(self) -> None:
        if self.kind not in ("identity", "equivalence"):
            raise ValueError(f"kind must be 'identity' or 'equivalence', got {self.kind!r}")
        for side in (self.lhs, self.rhs):
            if not isinstance(side, sp.Basic):
                raise TypeError(f"a statement's sides must be SymPy objects, got {type(side).__name__}")
            if self.kind == "equivalence" and not isinstance(side, sp.Eq):
                raise TypeError("an equivalence relates two equations (sympy.Eq)")
            if self.kind == "identity" and not isinstance(side, sp.Expr):
                raise TypeError("an identity relates two expressions; use Statement.equivalence for equations")
        if self.lhs == self.rhs:
            raise ValueError("a statement whose two sides are the same object says nothing")

    @classmethod
    def identity(cls, lhs, rhs, hypotheses: Sequence = (), text: str = "",
                 definitions: dict | None = None) -> "Statement":
        """lhs = rhs for all n and all free symbols (under the hypotheses)."""
        return cls(sp.sympify(lhs), sp.sympify(rhs), "identity",
                   tuple(as_hypothesis(h) for h in hypotheses), text, _defs(definitions))

    @classmethod
    def equivalence(cls, left: sp.Eq, right: sp.Eq, hypotheses: Sequence = (), text: str = "",
                    definitions: dict | None = None) -> "Statement":
        """(left holds for all indices) <=> (right holds for all indices)."""
        return cls(left, right, "equivalence", tuple(as_hypothesis(h) for h in hypotheses), text,
                   _defs(definitions))

    @property
    def definition_map(self) -> dict:
        return dict(self.definitions)

    def evaluate(self, n_max: int = 8, seed: int = 0):
        """Concrete evaluation of the statement (:func:`symconv.engine.concrete.concrete_compare`):
        both sides exactly at n = 1..n_max, every index value (sampled), random exact data, the
        script's definitions and the definitional hypotheses unfolded.

        A statement with a hypothesis that is no definition is not evaluated (random data need not
        satisfy it): the outcome is ``unevaluable``, with the reason.  So is an equivalence.

        >>> from symconv.objects.indexed import S, x, i, j, zsum
        >>> Statement.identity(zsum(S(i, j) * x(j), j), x(i - 1)).evaluate().status
        'agree'
        >>> Statement.identity(zsum(S(i, j) * x(j), j), x(i + 1)).evaluate().n
        3
        """
        from .concrete import ConcreteOutcome, concrete_compare

        if self.kind != "identity":
            return ConcreteOutcome("unevaluable", "an equivalence of two equations: not evaluated concretely", 0)
        defs = self.definition_map
        for h in self.hypotheses:
            lam = definitional(h.expr)
            if lam is None:
                return ConcreteOutcome("unevaluable", f"the hypothesis {h.name!r} is no definition: random data "
                                                      "need not satisfy it", 0)
            defs[h.expr.lhs.func.__name__] = lam
        return concrete_compare(self.lhs, self.rhs, n_values=range(1, n_max + 1), seed=seed, definitions=defs)

    @property
    def free_symbols(self) -> set:
        out = set(self.lhs.free_symbols) | set(self.rhs.free_symbols)
        for h in self.hypotheses:
            if h.expr is not None:
                out |= h.expr.free_symbols
        return out

    def sstr(self) -> str:
        rel = " = " if self.kind == "identity" else " <=> "
        body = _side_str(self.lhs) + rel + _side_str(self.rhs)
        if self.hypotheses:
            body = "(" + " and ".join(h.name for h in self.hypotheses) + ") => " + body
        return body

    def __str__(self) -> str:
        return self.sstr()


def definitional(expr) -> sp.Lambda | None:
    """F(v1, ..., vk) = body, F undefined and v1..vk distinct integer symbols (indices), as a Lambda;
    else None (a fact about particular objects, e.g. |a| = p, is no definition)."""
    from sympy.core.function import AppliedUndef
    if not isinstance(expr, sp.Eq) or not isinstance(expr.lhs, AppliedUndef):
        return None
    args = expr.lhs.args
    if (not all(a.is_Symbol and a.is_integer for a in args) or len(set(args)) != len(args)
            or any(q.func == expr.lhs.func for q in expr.rhs.atoms(AppliedUndef))):
        return None
    return sp.Lambda(args, expr.rhs)


def _defs(definitions: dict | None) -> tuple:
    if definitions is None:
        return ()
    if not isinstance(definitions, dict):
        raise TypeError(f"definitions must be a dict name -> sympy.Lambda, got {type(definitions).__name__}")
    for name, lam in definitions.items():
        if not isinstance(name, str) or not isinstance(lam, sp.Lambda):
            raise TypeError(f"definitions must map names to sympy.Lambda, got {name!r}: {type(lam).__name__}")
    return tuple(sorted(definitions.items()))


def _side_str(e) -> str:
    if isinstance(e, sp.Eq):
        return f"[{sp.sstr(e.lhs)} = {sp.sstr(e.rhs)}]"
    return sp.sstr(e)


def chain_relation(derivation) -> str:
    """The relation a derivation establishes between its start and its end: '=' when every step
    is an equality, '<=>' when some are equivalences, '=>' when some step only implies."""
    rels = {getattr(st.rule, "relation", EQUAL) for st in derivation.steps}
    if IMPLIES in rels or rels - {EQUAL, IFF}:
        return IMPLIES
    return IFF if IFF in rels else EQUAL


def _same(a, b) -> bool:
    from .compare import equal_mod_n
    return equal_mod_n(a, b)


def _connected(src, dst, edges) -> bool:
    """Whether src and dst are joined by a path of edges (nodes compared soundly)."""
    seen = [src]
    frontier = [src]
    while frontier:
        node = frontier.pop()
        if _same(node, dst):
            return True
        for a, b in edges:
            for x, y in ((a, b), (b, a)):
                if _same(node, x) and not any(_same(y, s) for s in seen):
                    seen.append(y)
                    frontier.append(y)
    return False


def nonperiodic_definition(stmt: Statement) -> str:
    """Why a derivation cannot establish ``stmt``: an object on Z_n (``entry_function(..., cyclic=True)``)
    that the statement defines (``definitions=``, or a definitional hypothesis) by a definition not shown
    n-periodic in the indices it is given; else ''.

    Every rule reads the integer indices of an object on Z_n modulo n, while the statement (and its
    concrete evaluation) reads such a definition literally: a table of finitely many values, say.  A
    derivation could then move an index by n where the definition gives another value.
    """
    from sympy.core.function import AppliedUndef

    from .compare import integer_valued, is_cyclic
    from .definitions import _periodic_definition

    defs = stmt.definition_map
    for h in stmt.hypotheses:
        lam = definitional(h.expr)
        if lam is not None:
            defs.setdefault(h.expr.lhs.func.__name__, lam)
    if not defs:
        return ""
    exprs = [stmt.lhs, stmt.rhs] + [h.expr for h in stmt.hypotheses if h.expr is not None]
    exprs += [lam.expr for lam in defs.values()]
    for e in exprs:
        for q in sp.sympify(e).atoms(AppliedUndef):
            nm = q.func.__name__
            if nm not in defs or not is_cyclic(q.func):
                continue
            at = tuple(p for p, a_ in enumerate(q.args) if integer_valued(a_))
            if at and not _periodic_definition(defs[nm], at):
                return (f"{nm} is an object on Z_n (the rules read its indices modulo n), but the statement "
                        f"defines it by {sp.sstr(defs[nm])}, not shown n-periodic in the indices of {sp.sstr(q)}: "
                        "a derivation cannot establish the statement (define it with cyclic=False, or periodically)")
    return ""


def _definition_uses(derivation, where: str = ""):
    """(name, Lambda, where) for every definition a derivation's steps may unfold or fold (their rules'
    ``definitions=``, the conventions' ENTRY left out), the inner derivations of a step included."""
    from ..objects.indexed import ENTRY
    for idx, st in enumerate(derivation.steps, 1):
        for nm, lam in (getattr(st.rule, "definitions", None) or {}).items():
            if nm not in ENTRY:
                yield nm, lam, f"{where}step {idx} ({st.rule.name})"
        for inner in getattr(st.rule, "derivations", None) or ():
            yield from _definition_uses(inner, f"{where}step {idx}, inner derivation: ")


def inconsistent_definitions(statements: Sequence[Statement], derivations: Sequence) -> str:
    """Why the derivations' definitions do not fit the statements ('' when they do): a name defined
    twice differently (steps, or a step and the statement), or an object the statement leaves
    arbitrary (it names it without defining it) that a derivation defines.

    Each Unfold / Fold carries its own ``definitions=``; a derivation that folds with one definition and
    unfolds with another, or unfolds the statement's object with another definition than the
    statement's, would prove an identity between two different things.
    """
    from sympy.core.function import AppliedUndef

    from .definitions import _same_definition

    stated: dict = {}
    named: set = set()
    for s in statements:
        stated.update(s.definition_map)
        for h in s.hypotheses:
            lam = definitional(h.expr)
            if lam is not None:
                stated.setdefault(h.expr.lhs.func.__name__, lam)
        for e in [s.lhs, s.rhs] + [h.expr for h in s.hypotheses if h.expr is not None]:
            named |= {q.func.__name__ for q in sp.sympify(e).atoms(AppliedUndef)}
    # and the objects the statement reaches through a definition (its own, or a convention's: the a and b
    # of ENTRY's conv are as arbitrary as the statement's own data)
    from ..objects.indexed import ENTRY
    bodies = dict(ENTRY, **stated)
    todo = list(named)
    while todo:
        lam = bodies.get(todo.pop())
        if lam is None:
            continue
        for q in sp.sympify(lam.expr).atoms(AppliedUndef):
            if q.func.__name__ not in named:
                named.add(q.func.__name__)
                todo.append(q.func.__name__)
    seen: dict = {}
    for d in derivations:
        for nm, lam, where in _definition_uses(d, f"derivation '{d.title or sp.sstr(d.start)}', "):
            if nm in seen and not _same_definition(seen[nm][0], lam):
                return (f"{where} defines {nm} as {sp.sstr(lam)}, but {seen[nm][1]} as {sp.sstr(seen[nm][0])}: "
                        "one name, two definitions")
            seen.setdefault(nm, (lam, where))
            if nm in stated:
                if not _same_definition(stated[nm], lam):
                    return (f"{where} defines {nm} as {sp.sstr(lam)}, but the statement defines it as "
                            f"{sp.sstr(stated[nm])}")
            elif nm in named:
                return (f"{where} defines {nm} as {sp.sstr(lam)}, an object the statement leaves arbitrary "
                        "(it names it without defining it): state the definition with the statement")
    return ""


def establishes(statements: Sequence[Statement], derivations: Sequence) -> tuple[bool, str]:
    """Whether the (already checked) derivations establish every statement; with the reason."""
    statements = list(statements)
    derivations = list(derivations)
    if not statements:
        return False, "the theorem has no formal statement"
    if not derivations:
        return False, "the derivation function returned no derivation"
    allowed = {h for s in statements for h in s.hypotheses}
    edges_eq, edges_iff, concluded = [], [], []
    for d in derivations:
        title = d.title or sp.sstr(d.start)
        if d.goal is None:
            return False, f"derivation '{title}' has no goal"
        if not d.steps:
            return False, f"derivation '{title}' has no step"
        for h in d.hypotheses:
            h = as_hypothesis(h)
            if h not in allowed:
                return False, f"derivation '{title}' uses the hypothesis {h.name!r}, which the statement does not make"
        rel = chain_relation(d)
        if rel == EQUAL and not isinstance(d.start, sp.Eq):
            edges_eq.append((d.start, d.goal))
        elif rel in (EQUAL, IFF) and isinstance(d.start, sp.Eq) and isinstance(d.goal, sp.Eq):
            edges_iff.append((d.start, d.goal))
        concl = getattr(d.steps[-1].rule, "concludes", None)
        if rel == IMPLIES and concl is not None:
            concluded.append(concl)
    why = inconsistent_definitions(statements, derivations)
    if why:
        return False, why
    for s in statements:
        why = nonperiodic_definition(s)
        if why:
            return False, why
        if s.kind == "identity":
            ok = _connected(s.lhs, s.rhs, edges_eq) or any(
                _same(c, sp.Eq(s.lhs, s.rhs, evaluate=False)) for c in concluded)
        else:
            ok = _connected(s.lhs, s.rhs, edges_iff)
        if not ok:
            return False, f"no chain of derivations establishes the statement {s.sstr()}"
    return True, "every formal statement is established by the derivations"
