import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import symconv as sc

from symconv.render import report
from symconv.cli import EXIT_OK, EXIT_REFUTED, EXIT_UNDECIDED, EXIT_USAGE, main

ROOT = Path(__file__).resolve().parents[1]
PROOFS = str(ROOT / "proofs")

FALSE_PROOF = '''
import symconv as sc
from symconv.engine.statement import Statement
from symconv.objects.indexed import S, i, j
bogus = sc.Theorem("shift_commutes_with_transpose", "S S^T = S^T S and S = S^T.", claims="verified",
    formal=Statement.identity(S(i, j), S(j, i)),
    exact=lambda n: sc.Holds("S = S^T") if n < 3 else sc.Counterexample(n, "S != S^T"), n_range=(1, 5),
    false_variants=[sc.FalseVariant("v", "v", exact=lambda n: sc.Counterexample(n, "x"))])
'''
SLOW_PROOF = '''
import time
import sympy as sp
import symconv as sc
from symconv.engine.statement import Statement
from symconv.objects.indexed import k, n
slow = sc.Theorem("slow_claim", "slow.", claims="verified", budget=0.3,
    formal=Statement.identity(2 * sp.Sum(k, (k, 1, n)), n * (n + 1)),
    exact=lambda n: (time.sleep(0.2), sc.Holds("slow"))[1], n_range=(1, 10),
    false_variants=[sc.FalseVariant("v", "v", exact=lambda n: sc.Counterexample(n, "x"))])
'''


def test_prove_streams_and_exits_zero(capsys):
    assert main(["prove", PROOFS, "-k", "shift_mul", "--n-max", "8"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "PASS  shift_mulVec" in out and "proved" in out and "summary" in out and "seed 0" in out


def test_json(capsys):
    assert main(["prove", PROOFS, "-k", "dft_diagonalizes", "--json", "--n-max", "6", "--seed", "7"]) == 0
    data = json.loads(capsys.readouterr().out)
    (t,) = data["results"]
    assert data["options"]["seed"] == 7 and data["options"]["n_max"] == 6 and data["command"] == "prove"
    assert t["verdict"] == "proved" and t["passed"] and data["exit_code"] == 0
    assert t["variants"][0]["verdict"] == "refuted" and t["variants"][0]["caught"]
    report.validate(data)


def test_refuted_exit_code(tmp_path, capsys):
    (tmp_path / "bogus.py").write_text(FALSE_PROOF)
    assert main(["prove", str(tmp_path)]) == EXIT_REFUTED
    out = capsys.readouterr().out
    assert "refuted" in out and "counterexample: n=3: S != S^T" in out


def test_undecided_exit_code(tmp_path, capsys):
    (tmp_path / "slow.py").write_text(SLOW_PROOF)
    assert main(["prove", str(tmp_path)]) == EXIT_UNDECIDED
    assert "undecided" in capsys.readouterr().out


@pytest.mark.parametrize("argv, fragment", [
    (["prove", "--n-max", "0"], "--n-max must be >= 1"),
    (["prove", "--n-max", "abc"], "--n-max must be an integer"),
    (["prove", "--dps", "5"], "--dps must be >= 15"),
    (["prove", "no/such/dir"], "no proof script or directory"),
    (["prove", PROOFS, "-k", "zzz_nothing"], "no theorems found"),
    (["frobnicate"], "invalid choice"),
    (["latex", PROOFS], "required: -o"),
])
def test_usage_errors_are_one_line_exit_2(argv, fragment, capsys):
    assert main(argv) == EXIT_USAGE
    err = capsys.readouterr().err
    assert fragment in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_module_entry_point_and_proof_script():
    r = subprocess.run([sys.executable, "-m", "symconv", "list", str(ROOT / "proofs" / "dft.py")],
                       capture_output=True, text=True)
    assert r.returncode == 0 and "dft_diagonalizes_circulant" in r.stdout
    r = subprocess.run([sys.executable, str(ROOT / "proofs" / "shift.py"), "--n-max", "3"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "shift_pow_eq_one" in r.stdout


def _compile(tex_path):
    proc = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", tex_path.name],
                          cwd=tex_path.parent, capture_output=True, text=True, errors="replace")
    log = tex_path.with_suffix(".log").read_text(errors="replace")
    return proc.returncode, log


def test_latex_is_deterministic_and_compiles(tmp_path, capsys):
    """A part of the catalogue is proved once (prove --json); the document is rendered from that run
    (latex --from: nothing is proved again) with its verdicts and counterexamples, compiles, and a second
    rendering, after every derivation of the catalogue was built again in reverse order (so that no
    global state of a run leaks into the text), is byte-identical.  The whole catalogue's statements and
    derivations (without verdicts: the proofs/ items prove them) compile with 0 errors and 0 overfull
    boxes."""
    from collections import OrderedDict

    from symconv.render import latex as latex_render

    results = tmp_path / "results.json"
    assert main(["prove", PROOFS, "-k", "shift_", "--json", "--n-max", "4", "-q"]) == EXIT_OK
    results.write_text(capsys.readouterr().out, encoding="utf-8")
    report.validate(json.loads(results.read_text(encoding="utf-8")))
    a, b = (tmp_path / d / "doc.tex" for d in "ab")
    pdf = shutil.which("pdflatex") is not None
    assert main(["latex", "--from", str(results), "-o", str(a)] + (["--pdf"] if pdf else [])) == 0
    thms = sc.load_theorems([PROOFS])
    for thm in reversed(thms):
        if thm.derivation is not None:
            thm.derivation()
    assert main(["latex", "--from", str(results), "-o", str(b)]) == 0
    assert a.read_bytes() == b.read_bytes()
    text = a.read_text()
    assert r"\begin{align*}" in text and "sifting" in text and "Verdict:" in text
    assert r"\section{The shift matrix S" in text        # section titles from the scripts' docstrings
    assert r"recorded in \texttt{results.json}; they were not checked again" in text   # provenance stated
    groups = OrderedDict()
    for t in thms:
        groups.setdefault(t.topic, []).append((t, None))
    full = tmp_path / "full" / "doc.tex"
    full.parent.mkdir()
    full.write_text(latex_render.document(list(groups.items())), encoding="utf-8")
    assert "geometric sum" in full.read_text()
    if pdf:
        assert a.with_suffix(".pdf").exists()
        for path in (a, full):
            code, log = _compile(path)
            assert code == 0 and "! " not in log, f"pdflatex reported an error in {path}"
            assert "Overfull" not in log, f"an overfull box in {path}"


def test_broken_proof_script_is_one_line(tmp_path, capsys):
    (tmp_path / "broken.py").write_text("import symconv as sc\nsc.no_such_thing\n")
    assert main(["prove", str(tmp_path)]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "AttributeError" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def _one_line_exit_2(argv, capsys, fragment):
    assert main(argv) == EXIT_USAGE
    err = capsys.readouterr().err
    assert fragment in err, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err


def test_proof_script_raising_system_exit_at_import_is_one_line(tmp_path, capsys):
    (tmp_path / "bye.py").write_text("import symconv as sc\nraise SystemExit(0)\n")
    _one_line_exit_2(["prove", str(tmp_path)], capsys, "raised SystemExit: 0 at import")
    _one_line_exit_2(["list", str(tmp_path / "bye.py")], capsys, "raised SystemExit")


def test_proof_script_with_zero_theorems_is_one_line(tmp_path, capsys):
    (tmp_path / "nothing.py").write_text("import symconv as sc\nx = 1\n")
    _one_line_exit_2(["prove", str(tmp_path / "nothing.py")], capsys, "defines no theorems")
    (tmp_path / "good.py").write_text(FALSE_PROOF)       # one good script does not excuse an empty one
    _one_line_exit_2(["prove", str(tmp_path)], capsys, "nothing.py defines no theorems")


def test_proof_script_whose_import_never_ends_is_one_line(tmp_path, capsys):
    import time as _time
    (tmp_path / "hang.py").write_text("import itertools\nsum(itertools.repeat(0))\n")   # C loop: no SIGALRM
    t0 = _time.monotonic()
    _one_line_exit_2(["prove", str(tmp_path), "--import-budget", "1"], capsys, "did not finish within 1 s")
    assert _time.monotonic() - t0 < 10


def test_audit_folder_without_claims_is_one_line(tmp_path, capsys):
    _one_line_exit_2(["audit", str(tmp_path)], capsys, "no audit claims found")
    (tmp_path / "a.py").write_text("AUDIT = []\n")
    _one_line_exit_2(["audit", str(tmp_path)], capsys, "defines no audit claims")
    (tmp_path / "a.py").write_text("raise SystemExit(0)\n")
    _one_line_exit_2(["audit", str(tmp_path)], capsys, "raised SystemExit")


def test_latex_output_directory_is_one_line(tmp_path, capsys):
    shift = str(ROOT / "proofs" / "shift.py")
    _one_line_exit_2(["latex", shift, "-o", str(tmp_path)], capsys, "is a directory")
    (tmp_path / "file").write_text("x")
    _one_line_exit_2(["latex", shift, "-o", str(tmp_path / "file" / "doc.tex")], capsys, "is a file, not a directory")


def test_help_documents_the_exit_codes(capsys):
    for argv in (["--help"], ["prove", "--help"], ["audit", "--help"]):
        assert main(argv) == 0          # --help prints and returns 0 (no SystemExit out of main)
        out = capsys.readouterr().out
        assert "exit codes:" in out and "2  usage error" in out and "3  a theorem is undecided" in out
        assert "4  latex --pdf: pdflatex failed" in out


def test_version(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"symconv {sc.__version__}"


def test_no_path_runs_the_shipped_catalogue(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)                     # no proofs/ here: the package's own catalogue is used
    assert main(["list", "-k", "shift_mulVec"]) == EXIT_OK
    assert "shift::shift_mulVec" in capsys.readouterr().out


def test_progress_counter_on_stderr_and_quiet(tmp_path, capsys):
    assert main(["prove", PROOFS, "-k", "shift_pow_eq_one", "--n-max", "4", "--progress"]) == EXIT_OK
    captured = capsys.readouterr()
    assert "[1/1] shift_pow_eq_one" in captured.err and "[1/1]" not in captured.out
    assert main(["prove", PROOFS, "-k", "shift_pow_eq_one", "--n-max", "4", "--progress", "-q"]) == EXIT_OK
    assert capsys.readouterr().err == ""
    assert main(["prove", PROOFS, "-k", "shift_pow_eq_one", "--n-max", "4"]) == EXIT_OK
    assert capsys.readouterr().err == ""        # stderr is not a terminal here: no counter unless asked


BAD_TEX_PROOF = r'''
import symconv as sc
from symconv.engine.statement import Statement
from symconv.objects.indexed import S, i, j, n
d = lambda: [sc.Derivation(S(i, j), title=r"a title with broken LaTeX $\frac{1}$", steps=[])]
bad = sc.Theorem("broken_title", "x.", claims="cross-checked", formal=Statement.identity(S(i, j), S(i + n, j)),
                 derivation=d, numeric=lambda rng, dps: (0.0, 0.0), false_variants=[
                     sc.FalseVariant("v", "v", exact=lambda n: sc.Counterexample(n, "x"))])
'''


@pytest.mark.skipif(shutil.which("pdflatex") is None, reason="pdflatex is not installed")
def test_pdflatex_failure_has_its_own_exit_code(tmp_path, capsys):
    (tmp_path / "bad.py").write_text(BAD_TEX_PROOF)
    code = main(["latex", str(tmp_path / "bad.py"), "-o", str(tmp_path / "out" / "doc.tex"), "--pdf", "-q"])
    err = capsys.readouterr().err
    assert code == 4, err
    assert err.startswith("symconv: error: pdflatex failed") and "! " in err and len(err.splitlines()) == 1


def test_latex_from_json_validates_and_matches(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"schema_version": 99}))
    assert main(["latex", "--from", str(bad), "-o", str(tmp_path / "x.tex")]) == EXIT_USAGE
    assert "schema version 1" in capsys.readouterr().err
    assert main(["prove", PROOFS, "-k", "shift_pow_eq_one", "--n-max", "4", "--json", "-q"]) == EXIT_OK
    doc = json.loads(capsys.readouterr().out)
    doc["results"][0]["statement"] = "a different statement"
    (tmp_path / "r.json").write_text(json.dumps(doc))
    assert main(["latex", "--from", str(tmp_path / "r.json"), "-o", str(tmp_path / "x.tex")]) == EXIT_USAGE
    assert "changed since that run" in capsys.readouterr().err


def test_system_exit_while_checking_is_not_a_pass(tmp_path, capsys, monkeypatch):
    """A SystemExit(0) raised in-process while theorems are checked (e.g. from a derivation) never exits 0."""
    import symconv.cli as cli

    def bye(*args, **kw):
        raise SystemExit(0)
    monkeypatch.setattr(cli, "check_in_workers", bye)
    assert main(["prove", str(ROOT / "proofs" / "shift.py"), "--n-max", "3"]) == EXIT_UNDECIDED
    err = capsys.readouterr().err
    assert "SystemExit(0)" in err and len(err.strip().splitlines()) == 1


UNICODE_PROOF = '''
"""Unicode in prose: ω, ≤ and → in a docstring, a statement and a counterexample."""
import symconv as sc
from symconv.engine.statement import Statement
from symconv.objects.indexed import S, i, j, n
unicode_statement = sc.Theorem("unicode_statement", "For ω = e^{-2πi/n}: |ω| ≤ 1 → ω^n = 1, and S_{i+n,j} = S_{i,j}.",
    claims="verified", formal=Statement.identity(S(i + n, j), S(i, j)),
    exact=lambda n_: sc.Holds("S is n-periodic in its row index"), n_range=(1, 3),
    false_variants=[sc.FalseVariant("v", "ω ≤ 0 → ∞", exact=lambda n_: sc.Counterexample(n_, "ω = 1 ≥ 0 → ✓"))])
'''


@pytest.mark.skipif(shutil.which("pdflatex") is None, reason="pdflatex is not installed")
def test_unicode_statement_compiles_to_pdf(tmp_path, capsys):
    (tmp_path / "uni.py").write_text(UNICODE_PROOF, encoding="utf-8")
    out = tmp_path / "out" / "doc.tex"
    assert main(["latex", str(tmp_path / "uni.py"), "-o", str(out), "--pdf", "-q"]) == EXIT_OK
    text = out.read_text(encoding="utf-8")
    assert r"\omega" in text and r"\leq" in text and r"\to" in text
    assert out.with_suffix(".pdf").exists() and "Overfull" not in out.with_suffix(".log").read_text(errors="replace")


def _verdict_lines(out: str) -> list[str]:
    """The report's lines without their timings."""
    import re
    return [re.sub(r"\s+\d+\.\d+s$", "", line) for line in out.splitlines() if line.startswith(("PASS", "FAIL"))]


def test_jobs_keep_the_order_and_the_verdicts(capsys):
    argv = ["prove", PROOFS, "-k", "filter", "--n-max", "5"]      # six quick theorems, proved and verified
    assert main(argv) == EXIT_OK
    serial = _verdict_lines(capsys.readouterr().out)
    assert main(argv + ["-j", "2"]) == EXIT_OK
    assert _verdict_lines(capsys.readouterr().out) == serial and len(serial) > 5


def test_a_worker_that_dies_is_undecided_never_a_pass(monkeypatch, capsys):
    import os

    from symconv.engine import pool
    monkeypatch.setattr(pool, "_check_next", lambda: os._exit(3))
    assert main(["prove", PROOFS, "-k", "shift_pow", "-k", "shift_", "--n-max", "3", "-j", "2"]) == EXIT_UNDECIDED
    out = capsys.readouterr().out
    assert "FAIL" in out and "PASS" not in out and "worker process running it failed" in out
