"""The audit of the seeds: one documented command, every check runs, known findings stay found."""

import contextlib
import io
import json
from pathlib import Path

import pytest

from symconv.cli import EXIT_OK, main
from symconv.engine import audit as audit_mod
from symconv.render import report

AUDITS = Path(__file__).resolve().parents[1] / "audits"


@pytest.fixture(scope="module")
def audit_json():
    """The documented command, run once (per xdist worker that runs these tests):
    ``symconv audit audits --json`` -> (exit code, report)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["audit", str(AUDITS), "--json"])
    doc = json.loads(out.getvalue())
    report.validate(doc)
    return code, doc


@pytest.fixture(scope="module")
def ROWS(audit_json):
    return {r["claim"]: audit_mod.AuditRow(**r) for r in audit_json[1]["results"]}


def test_every_check_runs(audit_json, ROWS):
    code, doc = audit_json
    assert code == EXIT_OK and doc["summary"]["undecided"] == 0 and doc["exit_code"] == EXIT_OK
    assert ROWS and all(r.verdict in ("holds", "refuted") for r in ROWS.values())
    assert len(ROWS) == doc["summary"]["claims"] == len(audit_mod.load_audit([AUDITS]))


KNOWN_FINDINGS = [
    ("g5 = 1/246", "refuted", "1/256"),
    ("g5 = 1/256", "holds", "256"),
    ("average pooling 3x3 of the 6x6 example", "refuted", "38/9"),
    ("max pooling 3x3 of the 6x6 example", "holds", "[[7, 29], [3, 15]]"),
    ("F.conv2d(f, h) = ", "holds", "[[4, 3, 2]"),
    ("Convolutions + pooling create shift-invariant models", "refuted", "after shifting"),
    ("receptive field of size 9", "refuted", "15"),
    ("Translation in-variance is a result of the pooling operation", "refuted", "global pooling"),
    ("extracts the vertical line", "refuted", "two edges"),
    ("/ 20 is f(x) * g(x)", "refuted", "0.1662"),
    ("fc1 = Linear(4*4*50, 500)", "holds", "28 -> 24"),
    ("produces a new distribution", "holds", "integrates to 1"),
    ("30x30 Gaussian kernel gives a Gaussian blur", "holds", "24.865"),
    ("as many times differentiable as the max", "refuted", "triangle * triangle is C^2"),
    ("F{f * g} = F{f} F{g}", "holds", "6/6 piecewise pairs"),
    ("fastest way to compute a convolution", "refuted", "from kernel length 17"),
    ("the proof ends with", "refuted", "F{f}(w) F{g}(w)"),
    ("peaks where the filter matches", "refuted", "20 at offset 6"),
    ("for better computational performance", "refuted", "30 products for both"),
    ("cross correlation is not commutative", "holds", "(g star f)(1) = 9/10"),
    ("G(i + x, j + y)", "holds", "H(-i, -j)"),
    ("weighted smoothing", "refuted", "21/10 > max f = 1"),
    ("Prewitt and Sobel", "holds", "columns [3, 4]"),
]


def test_known_findings(ROWS):
    """Each known finding (a fragment of the claim, its verdict, a fragment of the value) stays found; one
    test (parametrized, its cases were spread over the xdist workers, each computing the audit)."""
    wrong = []
    for fragment, verdict, value in KNOWN_FINDINGS:
        rows = [r for c, r in ROWS.items() if fragment in c]
        if len(rows) != 1 or rows[0].verdict != verdict or value not in rows[0].value:
            wrong.append((fragment, verdict, value, rows))
    assert not wrong, wrong
    assert len(KNOWN_FINDINGS) == 23


def test_seeds_002_and_003_are_covered(ROWS):
    for seed, least in (("002", 8), ("003", 20)):
        assert sum(r.seed.startswith(seed) for r in ROWS.values()) >= least, seed


def test_audit_command_prints_a_table(ROWS, capsys, monkeypatch):
    """The text form of the same command (the rows of the run above, not computed again)."""
    monkeypatch.setattr(audit_mod, "run_audit", lambda claims: [ROWS[c.claim] for c in claims])
    assert main(["audit", str(AUDITS)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "refuted" in out and "holds" in out and "undecided 0" in out
    held = sum(r.verdict == "holds" for r in ROWS.values())
    assert f"{len(ROWS)} claims" in out and f"holds {held}, refuted {len(ROWS) - held}, undecided 0" in out
    assert all(f"-> {r.value}" in out for r in ROWS.values())
