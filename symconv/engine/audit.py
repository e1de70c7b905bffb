"""Audits of the seeds' worked examples: each claim as printed, checked exactly.

A claim's check returns (verdict, correct value).  Verdicts: ``holds``,
``refuted`` (the correct value is shown), or ``undecided`` when the check
itself fails.  Printed decimals hold only if the exact value rounds to them.

>>> c = AuditClaim("toy", "slide 1", "1/3 = 0.33", lambda: printed_decimal(sp.Rational(1, 3), "0.33"))
>>> run_audit([c])[0].verdict
'holds'
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Callable

import sympy as sp

from ..exact.closed import decide_equal

__all__ = ["AuditClaim", "AuditRow", "run_audit", "printed_decimal", "exactly", "load_audit"]


@dataclass
class AuditClaim:
    seed: str
    where: str
    claim: str
    check: Callable[[], tuple[str, str]]


@dataclass
class AuditRow:
    seed: str
    where: str
    claim: str
    verdict: str
    value: str


def printed_decimal(exact, printed: str) -> tuple[str, str]:
    """'holds' when the exact number rounds (half-even) to the printed decimal, else 'refuted'."""
    value = sp.Rational(exact)
    places = len(printed.split(".")[1]) if "." in printed else 0
    q = Decimal(1).scaleb(-places)
    as_dec = (Decimal(int(value.p)) / Decimal(int(value.q))).quantize(q, rounding=ROUND_HALF_EVEN)
    shown = f"{value} = {float(value):.6g}"
    return ("holds" if as_dec == Decimal(printed) else "refuted"), shown


def exactly(computed, printed) -> tuple[str, str]:
    """'holds' when the computed exact value equals the printed one (SymPy numbers are compared by
    symconv.exact.decide_equal: proved equal, certified different, or undecided)."""
    if not isinstance(computed, sp.Basic):
        return ("holds" if computed == printed else "refuted"), str(computed)
    same = decide_equal(computed, printed)
    return {True: "holds", False: "refuted", None: "undecided"}[same], str(computed)


def run_audit(claims: list[AuditClaim]) -> list[AuditRow]:
    rows = []
    for c in claims:
        try:
            verdict, value = c.check()
        except Exception as exc:  # a broken check is reported, never counted as holding
            verdict, value = "undecided", f"check raised {type(exc).__name__}: {exc}"
        if verdict not in ("holds", "refuted", "undecided"):
            verdict, value = "undecided", f"check returned an unknown verdict {verdict!r}"
        rows.append(AuditRow(c.seed, c.where, c.claim, verdict, value))
    return rows


def load_audit(paths) -> list[AuditClaim]:
    """The AUDIT lists of audit scripts (files or directories), in file order."""
    import importlib.util
    from pathlib import Path

    from .catalog import proof_files

    out: list[AuditClaim] = []
    for f in proof_files(paths):
        spec = importlib.util.spec_from_file_location(f"symconv_audit_{Path(f).stem}", f)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        out.extend(getattr(mod, "AUDIT", []))
    return out
