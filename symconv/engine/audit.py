"""Audits of the seeds' worked examples: each claim as printed, checked exactly.

A claim's check returns (verdict, correct value).  Verdicts: ``holds``,
``refuted`` (the correct value is shown), or ``undecided`` when the check
itself fails.  Printed decimals hold only if the exact value rounds to them.

A claim in prose can be read several ways, and a counterexample refutes only
the reading it contradicts: a claim's ``reading`` states the precise statement
its check decides (e.g. "max pooling is exactly shift-invariant"), and every
``refuted`` row must have one.  A refuted row without a reading is reported
``undecided``.  :func:`from_check` turns the answers of symconv's exact checks
into a verdict: ``holds`` only on ``Holds``, ``refuted`` only on a
``Counterexample``.

>>> c = AuditClaim("toy", "slide 1", "1/3 = 0.33", lambda: printed_decimal(sp.Rational(1, 3), "0.33"))
>>> run_audit([c])[0].verdict
'holds'
>>> from_check(Holds("checked"), note="see theorem x")
('holds', 'see theorem x')
>>> from_check(Holds("a"), None)
('undecided', 'a check returned None, expected Holds or Counterexample')
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Callable

import sympy as sp

from ..exact.closed import decide_equal
from .verdict import Counterexample, Holds

__all__ = ["AuditClaim", "AuditRow", "run_audit", "printed_decimal", "exactly", "load_audit", "from_check"]


@dataclass
class AuditClaim:
    seed: str
    where: str
    claim: str
    check: Callable[[], tuple[str, str]]
    #: the precise statement the check decides (required for a refuted row), e.g. "max pooling is
    #: exactly shift-invariant"
    reading: str = ""


@dataclass
class AuditRow:
    seed: str
    where: str
    claim: str
    verdict: str
    value: str
    reading: str = ""


def from_check(*results, note: str = "") -> tuple[str, str]:
    """A verdict from the answers of exact checks: ``holds`` only when every answer is ``Holds``,
    ``refuted`` on the first ``Counterexample`` (its description is the value), ``undecided`` for
    anything else (None, True...).  ``note`` is the value shown (default: the Holds details)."""
    for r in results:
        if isinstance(r, Counterexample):
            return "refuted", str(r) + (f"; {note}" if note else "")
    bad = [r for r in results if not isinstance(r, Holds)]
    if bad or not results:
        what = type(bad[0]).__name__ if bad and bad[0] is not None else "None"
        return "undecided", f"a check returned {what}, expected Holds or Counterexample"
    return "holds", note or "; ".join(r.detail for r in results)


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
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # a broken check (SystemExit too) is reported, never counted as holding
            verdict, value = "undecided", f"check raised {type(exc).__name__}: {exc}"
        if verdict not in ("holds", "refuted", "undecided"):
            verdict, value = "undecided", f"check returned an unknown verdict {verdict!r}"
        reading = getattr(c, "reading", "")
        if verdict == "refuted" and not reading:
            verdict, value = "undecided", f"refuted, but the row does not say which reading it refutes: {value}"
        rows.append(AuditRow(c.seed, c.where, c.claim, verdict, value, reading))
    return rows


def _import_audit(path):
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location(f"symconv_audit_{Path(path).stem}", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def load_audit(paths, import_budget: float | None = None) -> list[AuditClaim]:
    """The AUDIT lists of audit scripts (files or directories), in file order.

    With ``import_budget`` (seconds) each script is first imported in a child process under a
    watchdog, and a script that raises (SystemExit too), hangs or has no claim raises
    :class:`symconv.engine.catalog.LoadError`.
    """
    from .catalog import LoadError, proof_files
    from .probe import probed_in_order

    out: list[AuditClaim] = []
    files = proof_files(paths)
    if import_budget is not None:     # each script imported here only once a child has imported it
        files = probed_in_order(files, import_budget, _import_audit,
                                lambda mod: len(getattr(mod, "AUDIT", [])), "audit claims")
    for f in files:
        if import_budget is not None:
            try:
                mod = _import_audit(f)
            except KeyboardInterrupt:
                raise
            except BaseException as exc:     # SystemExit included
                raise LoadError(f"cannot load {f}: it raised {type(exc).__name__}: {exc} at import") from None
        else:
            mod = _import_audit(f)
        out.extend(getattr(mod, "AUDIT", []))
    return out
