"""Plain-text and JSON reports (one line per theorem, then a summary).

>>> from symconv.engine.verdict import TheoremResult, Verdict
>>> r = TheoremResult("x_eq_x", "t", "x = x.", Verdict.PROVED, Verdict.PROVED, n_checked=(1, 8))
>>> theorem_line(r, timing=False)
'PASS  x_eq_x  proved (claims proved)  n=1..8'
"""

from __future__ import annotations

from collections import Counter

from ..engine.theorem import CASES, GENERIC
from ..engine.verdict import TheoremResult, Verdict

__all__ = ["theorem_line", "summary", "detail_lines"]


def theorem_line(r: TheoremResult, timing: bool = True, width: int = 0) -> str:
    status = "PASS" if r.passed else "FAIL"
    parts = [f"{status}  {r.name.ljust(width)}  {r.verdict.value} (claims {r.claims.value})"]
    if r.n_checked:
        if r.exact_scope == CASES:
            parts.append(f"cases {r.n_checked[0]}..{r.n_checked[1]}")
        else:
            scope = "" if r.exact_scope in ("", GENERIC) else " (instances)"
            parts.append(f"n={r.n_checked[0]}..{r.n_checked[1]}{scope}")
    if r.numeric_error is not None:
        parts.append(f"num err {r.numeric_error:.1e} (f64, tol {r.numeric_tolerance:.0e}) "
                     f"{r.numeric_mp_error:.1e} (mp{r.numeric_dps})")
    if r.variants:
        caught = sum(v.caught for v in r.variants)
        parts.append(f"false variants refuted {caught}/{len(r.variants)}")
    if r.script_definitions:
        parts.append("script definitions: " + ", ".join(r.script_definitions))
    if timing:
        parts.append(f"{r.seconds:.2f}s")
    return "  ".join(parts)


def detail_lines(r: TheoremResult) -> list[str]:
    """Why a theorem failed, or what a refutation found."""
    out = []
    if r.counterexample is not None:
        out.append(f"      counterexample: {r.counterexample}")
    if r.proof not in ("none",) and not r.proof.startswith("derivation checked"):
        out.append(f"      proof: {r.proof}")
    for note in r.notes:
        out.append(f"      note: {note}")
    for v in r.variants:
        if not v.caught:
            out.append(f"      false variant {v.name}: {v.detail}")
    return out


def summary(results: list[TheoremResult], seed: int, dps: int) -> str:
    counts = Counter(r.verdict.value for r in results)
    passed = sum(r.passed for r in results)
    lines = ["", "summary", "-------",
             "verdict         count"]
    for v in Verdict:
        lines.append(f"{v.value:<15} {counts.get(v.value, 0)}")
    variants = [v for r in results for v in r.variants]
    lines.append(f"false variants refuted: {sum(v.caught for v in variants)}/{len(variants)}")
    lines.append(f"theorems at their claimed level: {passed}/{len(results)}   (seed {seed}, mpmath dps {dps})")
    return "\n".join(lines)
