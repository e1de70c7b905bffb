"""The negative catalogue: mutated derivation steps and mutated formal statements, generated from
every derivation in proofs/ (issue 9, "Guarding it").

A mutant replaces one step's expression (or one side of a formal statement) by a near miss a
careless or malicious author could write:

* ``index+1`` / ``index-1``: one argument of one entry or sequence moved by one;
* ``swap``: two free indices exchanged;
* ``exp-sign``: the exponent of a power of omega, xi or x negated;
* ``drop-conj``: a conjugate dropped;
* ``times-n`` / ``over-n``: an extra factor n or 1/n;
* ``non-bijective``: a summation variable v replaced by 2v in its summand;
* ``capture``: a sum's bound variable renamed to a free index of its summand;
* ``dependent-range``: an inner range made to depend on the outer variable;
* ``false-hypothesis``: a step justified by an equation the statement does not make.

A mutant whose value is the same as the original's (concrete evaluation agrees everywhere) is an
*equivalent* mutant and is not counted.  Every other one must be rejected by the derivation check.

``python tests/negative_catalogue.py`` prints the counts (the README's Soundness section).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import sympy as sp
from sympy.core.function import AppliedUndef

from symconv.engine.concrete import concrete_compare
from symconv.engine.derivation import Derivation, Step
from symconv.engine.rules import UseHypothesis
from symconv.objects.indexed import X, n, omega, xi

BASES = (omega, xi, X)


@dataclass(frozen=True)
class Mutant:
    theorem: str
    derivation: int
    step: int          # 1-based step index; 0 for a statement's right side
    kind: str
    expr: sp.Basic


def _sides(e):
    return (e.lhs, e.rhs) if isinstance(e, sp.Eq) else (e,)


def _rebuild(e, new_sides):
    return sp.Eq(*new_sides, evaluate=False) if isinstance(e, sp.Eq) else new_sides[0]


def _side_mutants(e: sp.Expr):
    """(kind, mutated expression) pairs of one expression, one at a time: a caller that takes the first
    few builds only those (each mutant rebuilds its ancestors, and SymPy re-evaluates them)."""
    apps = sorted(e.atoms(AppliedUndef), key=sp.default_sort_key)[:4]
    for app in apps:
        for pos, arg in enumerate(app.args[:2]):
            if not (arg.is_integer or arg.free_symbols):
                continue
            for d, kind in ((1, "index+1"), (-1, "index-1")):
                args = list(app.args)
                args[pos] = arg + d
                yield kind, e.xreplace({app: app.func(*args)})
    free = sorted((q for q in e.free_symbols if q.is_integer and q != n), key=str)
    for p, q in itertools.combinations(free, 2):
        yield "swap", e.xreplace({p: q, q: p})
    for pw in sorted(e.atoms(sp.Pow), key=sp.default_sort_key):
        if pw.base in BASES and pw.exp != 0:
            yield "exp-sign", e.xreplace({pw: sp.Pow(pw.base, -pw.exp)})
    for cj in e.atoms(sp.conjugate):
        yield "drop-conj", e.xreplace({cj: cj.args[0]})
    if e != 0:
        yield "times-n", n * e
        yield "over-n", e / n
    for sm in sorted(e.atoms(sp.Sum), key=sp.default_sort_key)[:3]:
        v, lo, hi = sm.limits[0]
        try:                # v -> 2v inside a nested sum that binds v again: SymPy cannot build it, no mutant
            doubled = e.xreplace({sm: sp.Sum(sm.function.xreplace({v: 2 * v}), *sm.limits)})
        except ValueError:
            doubled = None
        if doubled is not None:
            yield "non-bijective", doubled
        bound = {lim[0] for lim in sm.limits}
        victims = sorted((q for q in sm.function.free_symbols - bound if q.is_integer and q != n), key=str)
        if victims:
            w = victims[0]
            yield "capture", e.xreplace({sm: sp.Sum(sm.function.xreplace({v: w}), (w, lo, hi), *sm.limits[1:])})
        if len(sm.limits) >= 2 and sm.limits[0][2] != sp.oo:
            (v1, lo1, _), outer = sm.limits[0], sm.limits[1]
            yield "dependent-range", e.xreplace({sm: sp.Sum(sm.function, (v1, lo1, outer[0]), *sm.limits[1:])})
        inner = sm.function
        if isinstance(inner, sp.Sum) and inner.limits[0][2] != sp.oo:
            (v1, lo1, _), = inner.limits[:1]
            dep = sp.Sum(sp.Sum(inner.function, (v1, lo1, sm.limits[0][0]), *inner.limits[1:]), *sm.limits)
            yield "dependent-range", e.xreplace({sm: dep})


def expr_mutants(e):
    """Mutants of an expression or of an equation (one side at a time)."""
    return list(iter_expr_mutants(e))


def iter_expr_mutants(e):
    """:func:`expr_mutants` one at a time, in the same order."""
    sides = _sides(e)
    for pos, side in enumerate(sides):
        for kind, m in _side_mutants(sp.sympify(side)):
            new = list(sides)
            new[pos] = m
            try:
                built = _rebuild(e, new)
            except Exception:       # a mutation SymPy cannot even build is no mutant
                continue
            if built != e and built not in (sp.true, sp.false):
                yield kind, built


def _definitions(d: Derivation) -> dict:
    defs = {}
    for st in d.steps:
        defs.update(getattr(st.rule, "definitions", {}) or {})
    return defs


def is_equivalent(a, b, defs) -> bool | None:
    """True when concrete evaluation finds the two equal everywhere, False when it finds them
    different, None when it cannot evaluate them."""
    sides = list(zip(_sides(a), _sides(b))) if isinstance(a, sp.Eq) == isinstance(b, sp.Eq) else []
    if not sides:
        return None
    verdicts = [concrete_compare(p, q, n_values=range(1, 6), max_points=12, definitions=defs).status
                for p, q in sides]
    if "differ" in verdicts:
        return False
    if all(v == "agree" for v in verdicts):
        return True
    return None


def replaced(d: Derivation, k: int, expr) -> Derivation:
    steps = list(d.steps)
    steps[k] = Step(expr, steps[k].rule, steps[k].note)
    return Derivation(d.start, tuple(steps), d.title, d.goal, d.hypotheses, d.conclusion)


def with_false_hypothesis(d: Derivation) -> Derivation:
    """The chain, then one more step 'by' an unstated (and false) hypothesis e = e + 1."""
    end = d.end
    e = end.lhs if isinstance(end, sp.Eq) else end
    hyp = sp.Eq(e, e + 1, evaluate=False)
    nxt = sp.Eq(e + 1, end.rhs, evaluate=False) if isinstance(end, sp.Eq) else e + 1
    steps = d.steps + (Step(nxt, UseHypothesis(hyp, "a false hypothesis")),)
    return Derivation(d.start, steps, d.title, None, d.hypotheses, d.conclusion)


def rules_reject(d: Derivation, k: int) -> bool:
    """Whether the rules alone reject the derivation whose step k (1-based) was mutated: only step k,
    step k + 1 and the goal comparison can change (the other steps were checked unmutated)."""
    from symconv.engine.rules import equal_mod_n

    prevs = [d.start] + [st.expr for st in d.steps]
    for q in (k, k + 1):
        if q > len(d.steps):
            continue
        rule = d.steps[q - 1].rule
        in_context = getattr(rule, "check_in_context", None)
        try:
            ok, _ = (in_context(d, prevs[q - 1], prevs[q]) if in_context else rule.check(prevs[q - 1], prevs[q]))
        except Exception:       # a rule that raises on a mutant rejects it
            ok = False
        if not ok:
            return True
    if d.goal is not None and k >= len(d.steps) and not equal_mod_n(d.steps[-1].expr, d.goal):
        return True
    return False


def step_catalogue(theorems):
    """Yield (Mutant, mutated Derivation, equivalent) for every step of every derivation."""
    for thm in theorems:
        if thm.derivation is None:
            continue
        for di, d in enumerate(thm.derivation()):
            defs = _definitions(d)
            for k, st in enumerate(d.steps):
                for kind, m in expr_mutants(st.expr):
                    eq = is_equivalent(st.expr, m, defs)
                    yield Mutant(thm.name, di, k + 1, kind, m), replaced(d, k, m), eq
            yield Mutant(thm.name, di, len(d.steps) + 1, "false-hypothesis", d.end), with_false_hypothesis(d), False


def statement_catalogue(theorems, second_order: int = 4):
    """Yield (Mutant, Statement, left side, mutated right side) for every formal identity: each
    side mutated once (compared with the other side), and up to ``second_order`` double mutants of
    each single one."""
    for thm in theorems:
        for si, stmt in enumerate(thm.formal or ()):
            if stmt.kind != "identity":
                continue
            for keep, change in ((stmt.lhs, stmt.rhs), (stmt.rhs, stmt.lhs)):
                for kind, m in expr_mutants(change):
                    yield Mutant(thm.name, si, 0, kind, m), stmt, keep, m
                    for kind2, m2 in itertools.islice(iter_expr_mutants(m), second_order):
                        if m2 != change:
                            yield Mutant(thm.name, si, 0, f"{kind}+{kind2}", m2), stmt, keep, m2


def main() -> None:   # pragma: no cover - a report for the README
    import collections
    import time

    import symconv as sc

    t0 = time.perf_counter()
    theorems = sc.load_theorems(["proofs"])
    counts = collections.Counter()
    escaped = []
    for mut, d, eq in step_catalogue(theorems):
        if eq:
            counts["equivalent"] += 1
            continue
        ok = not rules_reject(d, mut.step)
        counts["rejected" if not ok else "ACCEPTED"] += 1
        if ok:
            escaped.append((mut, eq))
    print(f"mutated steps: {counts['rejected'] + counts['ACCEPTED']} non-equivalent, {counts['rejected']} rejected, "
          f"{counts['ACCEPTED']} accepted; {counts['equivalent']} equivalent mutants skipped")
    for mut, eq in escaped:
        print("  accepted:", mut.theorem, mut.derivation, mut.step, mut.kind, sp.sstr(mut.expr)[:100], eq)
    st = collections.Counter()
    for mut, stmt, keep, m in statement_catalogue(theorems):
        o = concrete_compare(keep, m, definitions=stmt.definition_map)
        st[o.status] += 1
    print(f"mutated statements: {sum(st.values())}: {dict(st)}  ({time.perf_counter() - t0:.0f} s)")


if __name__ == "__main__":   # pragma: no cover
    main()
