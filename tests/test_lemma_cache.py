"""Lemma checks run in a forked derivation phase are handed back to the parent, so the next theorems'
phases (forked from it) do not run them again; nothing else can be slipped into that cache."""

from pathlib import Path

import pytest

from symconv.engine import lemmas
from symconv.engine.catalog import load_theorems
from symconv.engine.lemmas import LemmaCheck, check_lemma, checked_lemmas, remember_lemma_checks
from symconv.engine.runner import RunOptions, run_theorem
from symconv.engine.verdict import Verdict

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def empty_cache(monkeypatch):
    monkeypatch.setattr(lemmas, "_CHECKED", {})


def _theorem(name):
    return next(t for t in load_theorems([ROOT / "proofs" / "dft.py"]) if t.name == name)


def test_a_forked_derivation_hands_its_lemma_checks_back(empty_cache):
    thm = _theorem("dft_mul_conjTranspose_eq_smul_one")
    res = run_theorem(thm, RunOptions(isolate=True, variants=False))
    assert res.verdict == Verdict.PROVED
    assert "geometric_sum_roots_of_unity" in res.lemmas
    got = checked_lemmas()["geometric_sum_roots_of_unity"]
    assert got.ok is True and "n" in got.evidence


def test_a_remembered_check_is_reused_not_rerun(empty_cache, monkeypatch):
    calls = []
    real = lemmas.LEMMAS["diagonal_constancy"]
    monkeypatch.setitem(lemmas.LEMMAS, "diagonal_constancy",
                        lemmas.Lemma(real.name, real.statement, real.side_conditions,
                                     lambda: calls.append(1) or real.check()))
    first = check_lemma("diagonal_constancy")
    assert check_lemma("diagonal_constancy") is first and calls == [1]


def test_remember_keeps_only_known_lemmas_with_a_real_check(empty_cache):
    remember_lemma_checks({"no_such_lemma": LemmaCheck(True, "forged"),
                           "fubini": "ok",                                   # not a LemmaCheck
                           "degree_of_product": LemmaCheck("yes", "forged")})  # ok is not a bool
    assert checked_lemmas() == {}


def test_remember_never_replaces_a_check_run_here(empty_cache):
    mine = check_lemma("diagonal_constancy")
    remember_lemma_checks({"diagonal_constancy": LemmaCheck(False, "a child said otherwise")})
    assert check_lemma("diagonal_constancy") is mine


def test_a_failed_check_handed_back_stays_failed(empty_cache, monkeypatch):
    """A lemma whose check failed in a child fails every later derivation that uses it."""
    remember_lemma_checks({"geometric_sum_roots_of_unity": LemmaCheck(False, "broken in a child")})
    thm = _theorem("dft_mul_conjTranspose_eq_smul_one")
    res = run_theorem(thm, RunOptions(isolate=True, variants=False))
    assert res.verdict != Verdict.PROVED
    assert "geometric_sum_roots_of_unity failed its check" in res.proof
