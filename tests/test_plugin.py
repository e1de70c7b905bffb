"""The pytest plugin is a good citizen: inert in an unrelated project (nothing collected, nothing
heavy imported, its start-up cost measured), options checked as usage errors, markers registered,
and proof scripts collected only where asked."""

import subprocess
import sys
import textwrap

import pytest

import numpy  # noqa: F401  (loaded before pytester runs in-process: NumPy cannot be imported twice)
import sympy  # noqa: F401

import symconv.engine.runner  # noqa: F401
import symconv.testing  # noqa: F401

pytest_plugins = ["pytester"]

TINY_PROOF = textwrap.dedent('''
    """A tiny catalogue."""
    import symconv as sc
    from symconv.engine.statement import Statement
    from symconv.objects.indexed import S, i, j, n
    periodic = sc.Theorem("shift_entry_periodic", "S_{i+n, j} = S_{i, j}.", claims="verified",
        formal=Statement.identity(S(i + n, j), S(i, j)),
        exact=lambda n_: sc.Holds("checked"), n_range=(1, 3),
        false_variants=[sc.FalseVariant("v", "v", exact=lambda n_: sc.Counterexample(n_, "x"))])
''')


@pytest.fixture
def unrelated(pytester):
    """A project that has nothing to do with symconv, with a folder that happens to be named proofs/."""
    pytester.makepyfile(test_mine="def test_mine():\n    assert 1 + 1 == 2\n")
    (pytester.path / "proofs").mkdir()
    (pytester.path / "proofs" / "broken.py").write_text("raise RuntimeError('side effect at import')\n")
    (pytester.path / "docs" / "proofs").mkdir(parents=True)
    (pytester.path / "docs" / "proofs" / "lemma.py").write_text("import not_installed_anywhere\n")
    return pytester


def test_unrelated_project_collects_nothing_of_symconv(unrelated):
    res = unrelated.runpytest("-q")
    res.assert_outcomes(passed=1)
    assert "symconv" not in res.stdout.str() and "side effect" not in res.stdout.str()


def test_plugin_imports_nothing_heavy(unrelated):
    code = ("import sys, pytest; rc = pytest.main(['-q', '-p', 'no:cacheprovider', '.']); "
            "print('HEAVY', sorted(m for m in ('sympy', 'numpy', 'mpmath', 'symconv.engine') if m in sys.modules)); "
            "print('LOADED', 'symconv.pytest_plugin' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=unrelated.path, capture_output=True, text=True).stdout
    assert "LOADED True" in out            # the plugin is active ...
    assert "HEAVY []" in out, out           # ... and imported none of SymPy, NumPy, mpmath, the engine


def test_plugin_startup_overhead_is_measured_and_small():
    """The plugin's own start-up work (its module, the package's light __init__, finding the catalogue),
    in a fresh interpreter; the best of five runs must stay under 50 ms."""
    code = ("import time, pytest; t = time.perf_counter(); import symconv.pytest_plugin; "
            "from symconv._shipped import shipped; shipped('proofs'); print(time.perf_counter() - t)")
    best = min(float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
                     .stdout) for _ in range(5))
    print(f"plugin start-up: {best * 1000:.1f} ms")
    assert best < 0.050, f"the plugin adds {best * 1000:.0f} ms to pytest's start-up"


@pytest.mark.parametrize("argv, message", [
    (["--symconv-n-max", "0"], "--symconv-n-max must be >= 1, got 0"),
    (["--symconv-dps", "5"], "--symconv-dps must be >= 15, got 5"),
    (["--symconv-seed", "x"], "--symconv-seed must be an integer, got 'x'"),
    (["--symconv-proofs", "no/such/dir"], "--symconv-proofs no/such/dir: no such directory"),
])
def test_bad_options_are_usage_errors(unrelated, argv, message):
    res = unrelated.runpytest(*argv)
    assert res.ret == pytest.ExitCode.USAGE_ERROR
    assert message in res.stderr.str()


def test_markers_are_registered(unrelated):
    res = unrelated.runpytest("--markers")
    assert "@pytest.mark.symconv:" in res.stdout.str()


def test_collects_where_asked_by_flag_and_ini(unrelated):
    (unrelated.path / "mine").mkdir()
    (unrelated.path / "mine" / "tiny.py").write_text(TINY_PROOF)
    res = unrelated.runpytest("-q", "--strict-markers", "--symconv-proofs", "mine", "mine", "-m", "symconv")
    res.assert_outcomes(passed=1)
    unrelated.makeini("[pytest]\nsymconv_proof_dirs = mine\n")
    res = unrelated.runpytest("mine", "-v")
    res.assert_outcomes(passed=1)
    assert "shift_entry_periodic" in res.stdout.str()


def test_notebook_displays():
    """Results, theorems, derivations and shift tables show as Markdown in a notebook; verdicts print
    as their word."""
    import symconv as sc

    (t,) = [t for t in sc.load_theorems([sc.shipped("proofs") / "shift.py"]) if t.name == "shift_mulVec"]
    assert str(sc.Verdict.PROVED) == "proved" and f"{sc.Verdict.REFUTED}" == "refuted"
    assert "`shift_mulVec` (claims **proved**)" in t._repr_markdown_() and "x_{i - 1}" in t._repr_markdown_()
    d = t.derivation()[0]._repr_markdown_()
    assert "\\begin{aligned}" in d and "Sift" in d
    r = sc.run_theorem(t, sc.RunOptions(n_max=3))
    md = r._repr_markdown_()
    assert md.startswith("**PASS** `shift_mulVec`: **proved**") and "| false variants | 1/1 refuted |" in md
    assert "| exact | n = 1..3 (" in md
    table = sc.shift_table(lambda x: x, (3,))._repr_markdown_()
    assert "| (1,) | (1,) | no |" in table
    rep = sc.assert_shift_equivariant(lambda x: x, 3)._repr_markdown_()
    assert rep.startswith("**shift-equivariant** at n = 3 (exact)")


def test_pyargs_runs_the_shipped_catalogue(unrelated):
    res = unrelated.runpytest("-q", "--pyargs", "symconv", "-k", "shift_mulVec")
    res.assert_outcomes(passed=1)


PID_PROOF = textwrap.dedent('''
    """Two theorems that fail on purpose, saying which process checked them."""
    import os
    import symconv as sc
    from symconv.engine.statement import Statement
    from symconv.objects.indexed import S, i, j, n
    def _says_pid(n_):
        return sc.Counterexample(n_, f"checked in pid {os.getpid()}")
    first, second = (sc.Theorem(name, "S_{i+n, j} = S_{i, j}.", claims="verified",
        formal=Statement.identity(S(i + n, j), S(i, j)), exact=_says_pid, n_range=(1, 2),
        false_variants=[sc.FalseVariant(name + "_v", "v", exact=lambda n_: sc.Counterexample(n_, "x"))])
        for name in ("first_fails", "second_fails"))
''')


def test_the_items_of_a_run_are_checked_in_one_child_and_still_fail(unrelated):
    """One forked child checks every theorem item of the run (its caches serve the next theorem); a refuted
    theorem still fails its item."""
    import re

    (unrelated.path / "mine").mkdir()
    (unrelated.path / "mine" / "pids.py").write_text(PID_PROOF)
    result = unrelated.runpytest("--symconv-proofs", "mine", "-p", "no:cacheprovider")
    result.assert_outcomes(failed=2, passed=1)             # and the unrelated project's own test
    pids = set(re.findall(r"checked in pid (\d+)", result.stdout.str()))
    assert len(pids) == 1 and pids != {str(__import__("os").getpid())}
