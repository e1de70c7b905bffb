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
])
def test_known_findings(fragment, verdict, value):
    (row,) = [r for c, r in ROWS.items() if fragment in c]
    assert row.verdict == verdict and value in row.value


def test_seeds_002_and_003_are_covered():
    for seed, least in (("002", 8), ("003", 20)):
        assert sum(r.seed.startswith(seed) for r in ROWS.values()) >= least, seed


def test_audit_command(capsys):
    assert main(["audit", str(AUDITS)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "refuted" in out and "holds" in out and "undecided 0" in out
