"""Kill-tests for the lemma cache of symconv/engine/lemmas.py (check_lemma, checked_lemmas,
remember_lemma_checks) and for the dispatch of the group-action lemmas to orbit_lemmas.py.

Every test works on an empty cache of its own (the process's cache is put back afterwards), and on
stand-in checks that count their calls, so that what is asserted is the cache's behaviour: a check run
once, its outcome (pass or fail) kept as it was, nothing forged or overwritten from outside.

PYTEST_DONT_REWRITE: kill tests count by passing or failing; their asserts are not rewritten (that took
seconds in every xdist worker).
"""

import pytest

from symconv.engine import lemmas, orbit_lemmas
from symconv.engine.lemmas import LEMMAS, Lemma, LemmaCheck, check_lemma, checked_lemmas, remember_lemma_checks


@pytest.fixture
def cache(monkeypatch):
    fresh = {}
    monkeypatch.setattr(lemmas, "_CHECKED", fresh)
    return fresh


def _counting(monkeypatch, name, outcome):
    calls = []
    real = LEMMAS[name]
    monkeypatch.setitem(LEMMAS, name, Lemma(real.name, real.statement, real.side_conditions,
                                            lambda: calls.append(name) or outcome))
    return calls


def test_an_unknown_lemma_is_a_key_error_naming_the_known_ones(cache):
    with pytest.raises(KeyError) as exc:
        check_lemma("no_such_lemma")
    assert exc.value.args == (f"unknown lemma 'no_such_lemma'; known: {sorted(LEMMAS)}",)
    assert "orbit_counting" in exc.value.args[0] and cache == {}


def test_a_check_runs_once_and_is_kept(cache, monkeypatch):
    ok = LemmaCheck(True, "stand-in")
    calls = _counting(monkeypatch, "orbit_counting", ok)
    assert check_lemma("orbit_counting") is ok
    assert cache == {"orbit_counting": ok}
    assert check_lemma("orbit_counting") is ok and calls == ["orbit_counting"]


def test_a_failed_check_is_kept_failed(cache, monkeypatch):
    bad = LemmaCheck(False, "broken")
    calls = _counting(monkeypatch, "fubini", bad)
    assert check_lemma("fubini") is bad and check_lemma("fubini").ok is False
    assert calls == ["fubini"]


def test_each_lemma_is_cached_under_its_own_name(cache, monkeypatch):
    a, b = LemmaCheck(True, "a"), LemmaCheck(False, "b")
    _counting(monkeypatch, "orbit_counting", a)
    _counting(monkeypatch, "orbit_stabiliser", b)
    assert check_lemma("orbit_stabiliser") is b and check_lemma("orbit_counting") is a
    assert checked_lemmas() == {"orbit_counting": a, "orbit_stabiliser": b}


def test_checked_lemmas_is_a_copy(cache, monkeypatch):
    ok = LemmaCheck(True, "stand-in")
    _counting(monkeypatch, "diagonal_constancy", ok)
    check_lemma("diagonal_constancy")
    got = checked_lemmas()
    assert got == {"diagonal_constancy": ok} and got is not cache
    got["geometric_sum_roots_of_unity"] = LemmaCheck(True, "forged")
    got.pop("diagonal_constancy")
    assert checked_lemmas() == {"diagonal_constancy": ok}


def test_remember_keeps_every_valid_check_handed_back(cache):
    a, b = LemmaCheck(True, "child a"), LemmaCheck(False, "child b")
    remember_lemma_checks({"orbit_counting": a, "no_such_lemma": LemmaCheck(True, "x"), "fubini": b})
    assert cache == {"orbit_counting": a, "fubini": b}
    assert cache["fubini"] is b                       # a failed check handed back stays failed


@pytest.mark.parametrize("name, value", [
    ("no_such_lemma", LemmaCheck(True, "forged")),              # not a lemma
    ("fubini", "ok"),                                            # not a LemmaCheck
    ("fubini", None),
    ("degree_of_product", LemmaCheck("yes", "forged")),          # ok is not a bool
    ("degree_of_product", LemmaCheck(1, "forged")),
    ("degree_of_product", LemmaCheck(None, "forged"))])
def test_remember_refuses_what_is_not_a_lemma_check(cache, name, value):
    remember_lemma_checks({name: value})
    assert cache == {}


def test_remember_never_replaces_a_check_run_here(cache, monkeypatch):
    mine = LemmaCheck(True, "mine")
    calls = _counting(monkeypatch, "orbit_stabiliser", mine)
    check_lemma("orbit_stabiliser")
    remember_lemma_checks({"orbit_stabiliser": LemmaCheck(False, "a child said otherwise")})
    assert check_lemma("orbit_stabiliser") is mine and cache == {"orbit_stabiliser": mine} and calls == ["orbit_stabiliser"]


def test_a_remembered_check_is_not_run_again(cache, monkeypatch):
    child = LemmaCheck(True, "from a child")
    calls = _counting(monkeypatch, "orbit_counting", LemmaCheck(False, "never run"))
    remember_lemma_checks({"orbit_counting": child})
    assert check_lemma("orbit_counting") is child and calls == []


@pytest.mark.parametrize("lemma, fn", [("orbit_stabiliser", "_orbit_stabiliser"),
                                       ("orbit_counting", "_orbit_counting"),
                                       ("invariant_functions_dim_eq_orbits", "_invariant_functions_dim")])
def test_the_group_action_lemmas_run_their_own_check(monkeypatch, lemma, fn):
    out = LemmaCheck(True, f"the check {fn}")
    monkeypatch.setattr(orbit_lemmas, fn, lambda: out)
    assert LEMMAS[lemma].check() is out
    assert lemmas._orbit_lemma(fn) is out
