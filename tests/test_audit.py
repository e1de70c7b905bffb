"""The audit of the seeds: one documented command, every check runs, known findings stay found."""

from pathlib import Path

import pytest

from symconv.cli import EXIT_OK, main
from symconv.engine.audit import load_audit, run_audit

AUDITS = Path(__file__).resolve().parents[1] / "audits"
ROWS = {r.claim: r for r in run_audit(load_audit([AUDITS]))}


def test_every_check_runs():
    assert ROWS and all(r.verdict in ("holds", "refuted") for r in ROWS.values())


@pytest.mark.parametrize("fragment, verdict, value", [
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
])
def test_known_findings(fragment, verdict, value):
    (row,) = [r for c, r in ROWS.items() if fragment in c]
    assert row.verdict == verdict and value in row.value


def test_audit_command(capsys):
    assert main(["audit", str(AUDITS)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "refuted" in out and "holds" in out and "undecided 0" in out
