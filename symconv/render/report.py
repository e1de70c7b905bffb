"""The JSON report of ``symconv prove --json`` and ``symconv audit --json``: one documented shape.

The schema is ``symconv/schema/results.schema.json`` (shipped in the package; :func:`schema` loads
it). Every document carries ``schema_version``, ``symconv_version``, the ``command``, the ``options``
used (paths, pattern, n_max, dps, seed), the ``results``, a ``summary`` and the ``exit_code``.
:func:`results_from_document` reads a prove document back, so ``symconv latex --from results.json``
renders a finished run without proving anything again.

>>> from symconv.engine.verdict import TheoremResult, Verdict
>>> r = TheoremResult("x_eq_x", "t", "x = x.", Verdict.PROVED, Verdict.PROVED, n_checked=(1, 8))
>>> doc = prove_document([r], {"paths": ["proofs"], "pattern": None, "n_max": None, "dps": 50, "seed": 0}, 0)
>>> doc["schema_version"], doc["command"], doc["summary"]["passed"], doc["results"][0]["n_checked"]
(1, 'prove', 1, [1, 8])
>>> validate(doc)
>>> back = results_from_document(doc)[0]
>>> (back.name, back.verdict, back.n_checked, back.passed)
('x_eq_x', <Verdict.PROVED: 'proved'>, (1, 8), True)
"""

from __future__ import annotations

import json
import math
from collections import Counter
from typing import Any

from .._version import __version__
from ..engine.verdict import Counterexample, StepReport, TheoremResult, VariantResult, Verdict
from .latex import RawLatex, value_latex

__all__ = ["SCHEMA_VERSION", "schema", "prove_document", "audit_document", "dumps", "validate",
           "results_from_document", "ReportError"]

SCHEMA_VERSION = 1

_OPTION_KEYS = ("paths", "pattern", "n_max", "dps", "seed")


class ReportError(ValueError):
    """A JSON document that is not a symconv report of this schema version."""


def schema() -> dict[str, Any]:
    """The JSON schema of the reports (a draft 2020-12 schema, shipped in the package)."""
    import importlib.resources

    return json.loads(importlib.resources.files("symconv").joinpath("schema/results.schema.json")
                      .read_text(encoding="utf-8"))


def _float(x: float | None) -> float | str | None:
    if x is None:
        return None
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


def _unfloat(x: Any) -> float | None:
    return None if x is None else float(x)


def _counterexample(c: Counterexample | None) -> dict[str, Any] | None:
    if c is None:
        return None
    return {"n": c.n, "description": c.description,
            "data": {str(k): {"text": str(v), "latex": value_latex(v)} for k, v in c.data.items()}}


def _theorem(r: TheoremResult) -> dict[str, Any]:
    return {
        "name": r.name, "topic": r.topic, "statement": r.statement, "claims": r.claims.value,
        "verdict": r.verdict.value, "passed": r.passed, "proof": r.proof,
        "steps": [{"index": s.index, "rule": s.rule, "ok": bool(s.ok), "detail": s.detail} for s in r.steps],
        "lemmas": list(r.lemmas),
        "n_checked": list(r.n_checked) if r.n_checked else None,
        "n_requested": list(r.n_requested) if r.n_requested else None,
        "exact_scope": r.exact_scope, "exact_evidence": r.exact_evidence,
        "concrete_evidence": r.concrete_evidence, "script_definitions": list(r.script_definitions),
        "counterexample": _counterexample(r.counterexample),
        "numeric_error": _float(r.numeric_error), "numeric_mp_error": _float(r.numeric_mp_error),
        "numeric_tolerance": _float(r.numeric_tolerance), "numeric_dps": r.numeric_dps,
        "numeric_seed": r.numeric_seed, "numeric_sizes": [int(s) for s in r.numeric_sizes],
        "variants": [{"name": v.name, "statement": v.statement, "verdict": v.verdict.value, "caught": v.caught,
                      "counterexample": _counterexample(v.counterexample), "detail": v.detail}
                     for v in r.variants],
        "notes": list(r.notes), "seconds": _float(r.seconds),
    }


def _options(options: dict[str, Any]) -> dict[str, Any]:
    missing = [k for k in _OPTION_KEYS if k not in options]
    if missing:
        raise ValueError(f"options must give {', '.join(_OPTION_KEYS)}; missing {', '.join(missing)}")
    return {"paths": [str(p) for p in options["paths"]], "pattern": options["pattern"],
            "n_max": options["n_max"], "dps": options["dps"], "seed": options["seed"]}


def prove_document(results: list[TheoremResult], options: dict[str, Any], exit_code: int) -> dict[str, Any]:
    """The report of a ``prove`` run, as a JSON-ready dict (see the schema)."""
    counts = Counter(r.verdict.value for r in results)
    variants = [v for r in results for v in r.variants]
    return {
        "schema_version": SCHEMA_VERSION, "symconv_version": __version__, "command": "prove",
        "options": _options(options), "results": [_theorem(r) for r in results],
        "summary": {"theorems": len(results), "passed": sum(r.passed for r in results),
                    "verdicts": {v.value: counts.get(v.value, 0) for v in Verdict},
                    "false_variants": len(variants), "false_variants_refuted": sum(v.caught for v in variants)},
        "exit_code": exit_code,
    }


def audit_document(rows: list[Any], options: dict[str, Any], exit_code: int) -> dict[str, Any]:
    """The report of an ``audit`` run (rows are :class:`symconv.engine.audit.AuditRow`)."""
    counts = Counter(r.verdict for r in rows)
    return {
        "schema_version": SCHEMA_VERSION, "symconv_version": __version__, "command": "audit",
        "options": _options(options),
        "results": [{"seed": r.seed, "where": r.where, "claim": r.claim, "reading": r.reading,
                     "verdict": r.verdict, "value": r.value} for r in rows],
        "summary": {"claims": len(rows), **{v: counts.get(v, 0) for v in ("holds", "refuted", "undecided")}},
        "exit_code": exit_code,
    }


def dumps(doc: dict[str, Any]) -> str:
    """The document as JSON text (strict JSON: no NaN or Infinity literals)."""
    return json.dumps(doc, indent=2, ensure_ascii=False, allow_nan=False)


def validate(doc: dict[str, Any]) -> None:
    """Raise :class:`ReportError` (naming the first problem) unless ``doc`` matches the schema.

    Needs ``jsonschema`` (the ``test`` extra); without it, only the version fields are checked."""
    if not isinstance(doc, dict) or doc.get("schema_version") != SCHEMA_VERSION:
        version = doc.get("schema_version") if isinstance(doc, dict) else None
        raise ReportError(f"not a symconv report of schema version {SCHEMA_VERSION} (schema_version: {version!r})")
    try:
        import jsonschema
    except ImportError:
        return
    errors = sorted(jsonschema.Draft202012Validator(schema()).iter_errors(doc), key=lambda e: list(e.path))
    if errors:
        e = errors[0]
        where = "/".join(str(p) for p in e.path) or "(top)"
        raise ReportError(f"the report does not match the schema at {where}: {e.message}")


def _cex_back(d: dict[str, Any] | None) -> Counterexample | None:
    if d is None:
        return None
    return Counterexample(d["n"], d["description"], {k: RawLatex(v["latex"]) for k, v in d["data"].items()})


def results_from_document(doc: dict[str, Any]) -> list[TheoremResult]:
    """The theorem results of a ``prove`` report (validated first)."""
    validate(doc)
    if doc.get("command") != "prove":
        raise ReportError(f"a prove report is needed, this one is from {doc.get('command')!r}")
    out = []
    for d in doc["results"]:
        out.append(TheoremResult(
            name=d["name"], topic=d["topic"], statement=d["statement"], claims=Verdict(d["claims"]),
            verdict=Verdict(d["verdict"]), proof=d["proof"],
            steps=[StepReport(s["index"], s["rule"], s["ok"], s["detail"]) for s in d["steps"]],
            lemmas=list(d["lemmas"]),
            n_checked=tuple(d["n_checked"]) if d["n_checked"] else None,
            n_requested=tuple(d["n_requested"]) if d["n_requested"] else None,
            exact_scope=d["exact_scope"], concrete_evidence=d["concrete_evidence"],
            script_definitions=list(d["script_definitions"]), exact_evidence=d["exact_evidence"],
            counterexample=_cex_back(d["counterexample"]),
            numeric_error=_unfloat(d["numeric_error"]), numeric_mp_error=_unfloat(d["numeric_mp_error"]),
            numeric_tolerance=_unfloat(d["numeric_tolerance"]), numeric_dps=d["numeric_dps"],
            numeric_seed=d["numeric_seed"], numeric_sizes=list(d["numeric_sizes"]),
            variants=[VariantResult(v["name"], v["statement"], Verdict(v["verdict"]), _cex_back(v["counterexample"]),
                                    v["detail"]) for v in d["variants"]],
            notes=list(d["notes"]), seconds=float(_unfloat(d["seconds"]) or 0.0)))
    return out
