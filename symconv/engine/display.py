"""How the engine's objects show themselves in a notebook (``_repr_markdown_``): a verdict with its
evidence, a theorem with its formal statement, a derivation step by step, a shift table.

The functions read their object's fields only (duck typing: this module imports no other engine
module), and formulas go through SymPy's LaTeX printer between ``$`` signs, which Jupyter renders.

>>> from symconv.engine.verdict import TheoremResult, Verdict
>>> print(result_markdown(TheoremResult("x_eq_x", "t", "x = x.", Verdict.PROVED, Verdict.PROVED, n_checked=(1, 8))))
**PASS** `x_eq_x`: **proved** (claims proved)
<BLANKLINE>
x = x.
<BLANKLINE>
| evidence | |
|---|---|
| exact | n = 1..8 |
| false variants | none |
"""

from __future__ import annotations

from typing import Any

__all__ = ["result_markdown", "theorem_markdown", "derivation_markdown", "shift_table_markdown",
           "equivariance_markdown"]


def _cell(text: Any) -> str:
    """Text for a Markdown table cell (no pipes or line breaks)."""
    return " ".join(str(text).split()).replace("|", "\\|")


def _math(expr: Any) -> str:
    import sympy as sp

    return sp.latex(expr) if isinstance(expr, sp.Basic) else sp.latex(sp.sympify(expr))


def result_markdown(r: Any) -> str:
    """A TheoremResult: the verdict against the claim, then every piece of evidence in a table."""
    lines = [f"**{'PASS' if r.passed else 'FAIL'}** `{r.name}`: **{r.verdict.value}** (claims {r.claims.value})",
             "", _cell(r.statement), "", "| evidence | |", "|---|---|"]
    if r.proof and r.proof != "none":
        lines.append(f"| proof | {_cell(r.proof)} |")
    if r.n_checked:
        scope = f" ({_cell(r.exact_scope)})" if r.exact_scope else ""
        lines.append(f"| exact | n = {r.n_checked[0]}..{r.n_checked[1]}{scope} |")
    if r.concrete_evidence:
        lines.append(f"| concrete evaluation | {_cell(r.concrete_evidence)} |")
    if r.numeric_error is not None:
        lines.append(f"| numeric | float64 error {r.numeric_error:.1e} (tolerance {r.numeric_tolerance:.0e}), "
                     f"mpmath {r.numeric_mp_error:.1e} at {r.numeric_dps} digits |")
    if r.counterexample is not None:
        lines.append(f"| counterexample | {_cell(r.counterexample)} |")
    caught = sum(v.caught for v in r.variants)
    lines.append(f"| false variants | {f'{caught}/{len(r.variants)} refuted' if r.variants else 'none'} |")
    for v in r.variants:
        if not v.caught:
            lines.append(f"| variant `{v.name}` not refuted | {_cell(v.detail)} |")
    if r.script_definitions:
        lines.append(f"| script definitions | {_cell(', '.join(r.script_definitions))} |")
    for note in r.notes:
        lines.append(f"| note | {_cell(note)} |")
    return "\n".join(lines)


def theorem_markdown(t: Any) -> str:
    """A Theorem before it is run: its claim, prose, formal statement(s) and false variants."""
    lines = [f"**Theorem** `{t.name}` (claims **{t.claims.value}**)", "", _cell(t.statement), ""]
    for stmt in t.formal or ():
        rel = "=" if stmt.kind == "identity" else r"\iff"
        hyps = [h.text or h.name for h in stmt.hypotheses]
        lines.append((f"if {'; '.join(hyps)}: " if hyps else "") + f"${_math(stmt.lhs)} {rel} {_math(stmt.rhs)}$")
        lines.append("")
    if t.false_variants:
        lines.append("False variants (each must be refuted): "
                     + "; ".join(f"`{v.name}` ({_cell(v.statement)})" for v in t.false_variants))
    return "\n".join(lines).rstrip()


def derivation_markdown(d: Any) -> str:
    """A Derivation, one step per line with the rule that justifies it (not checked here: ``d.check()``)."""
    lines = [f"**{_cell(d.title)}**" if d.title else "**Derivation**", "", "$$\\begin{aligned}",
             f"& {_math(d.start)}"]
    for st in d.steps:
        rule = type(st.rule).__name__
        lines.append(f"\\\\ {st.rule.relation}{{}} & {_math(st.expr)} && \\text{{{rule}}}")
    lines.append("\\end{aligned}$$")
    if d.goal is not None:
        lines += ["", f"goal: ${_math(d.goal)}$"]
    return "\n".join(lines)


def shift_table_markdown(t: Any) -> str:
    """A ShiftTable: for each shift, the output shifts it matches and whether the output is unchanged."""
    kind = "exact" if t.exact else f"within {t.tolerance}"
    lines = [f"**Shift table** of an op on shape {t.shape} ({kind})", "",
             "| shift | commutes with output shifts | invariant | undecided |", "|---|---|---|---|"]
    for r in t.rows:
        outs = ", ".join(map(str, r.output_shifts)) or "none"
        lines.append(f"| {r.shift} | {_cell(outs)} | {'yes' if r.invariant else 'no'} | "
                     f"{'yes' if r.undecided else ''} |")
    return "\n".join(lines)


def equivariance_markdown(rep: Any) -> str:
    """An EquivarianceReport: the verdict, then each shift's defect."""
    kind = "exact" if rep.exact else f"within {rep.tolerance}"
    verdict = "shift-equivariant" if rep.equivariant else (
        "not shift-equivariant" if rep.failing_shifts else "undecided")
    lines = [f"**{verdict}** at n = {rep.n} ({kind})", "", "| shift | defect | decided |", "|---|---|---|"]
    for d in rep.defects:
        lines.append(f"| {d.shift} | {d.error:.3g} | {'exactly' if d.exact and d.decided else 'yes' if d.decided else 'no'} |")
    return "\n".join(lines)
