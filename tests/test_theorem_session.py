"""Several theorems in one forked child (ChildSession, TheoremSession, run_theorems): the results are those of a
child per theorem, a body that does not come back never passes and the next one gets a new child, and what a body
leaves changed in the process-wide settings does not reach the next body."""

from __future__ import annotations

import os
import random
import signal
import sys
import time

import mpmath
import numpy as np
import pytest

import symconv as sc
from symconv.engine.budget import CAN_FORK
from symconv.engine.runner import RunOptions, TheoremSession, run_theorem, run_theorems
from symconv.engine.statement import Statement
from symconv.engine.theorem_child import ChildSession
from symconv.objects.indexed import n as N

pytestmark = pytest.mark.skipif(not CAN_FORK, reason="needs fork")
FORMAL = Statement.identity(N * (N + 1) - N ** 2, N)
FALSE_FORMAL = Statement.identity(N * (N + 1), N ** 2)


def _pid(phase):
    return phase(lambda budget, report: os.getpid(), 5.0, True).value


def _stuck(budget, report):
    report("before")
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    time.sleep(60)


def _dies(budget, report):
    os._exit(3)


def _raises(phase):
    raise RuntimeError("boom")


def test_bodies_run_one_after_another_in_one_child_until_it_is_closed():
    with ChildSession([_pid, _pid]) as session:
        (s0, pid0, p0), (s1, pid1, _) = session.run(0), session.run(1)
        proc = session._proc
    assert (s0, s1) == ("ok", "ok") and pid0 == pid1 != os.getpid()
    assert [label for label, _ in p0] == ["_pid.<locals>.<lambda>"]
    assert not proc.is_alive() and session._proc is None            # closed: the child has ended


@pytest.mark.parametrize("body, status_word", [
    (lambda phase: phase(_stuck, 0.3, True), "killed"),
    (lambda phase: phase(_dies, 5.0, True), "died"),
])
def test_a_body_that_does_not_come_back_is_stopped_and_the_next_gets_a_new_child(body, status_word):
    with ChildSession([_pid, body, _pid], grace=0.3) as session:
        _, first, _ = session.run(0)
        status, why, phases = session.run(1)
        assert status == "stopped" and phases[-1][1].status == status_word
        assert session._proc is None                                  # that child is gone
        status, again, _ = session.run(2)
    assert status == "ok" and again not in (first, os.getpid())


def test_a_body_that_raises_is_stopped_and_the_session_goes_on():
    with ChildSession([_raises, _pid]) as session:
        status, why, phases = session.run(0)
        assert status == "stopped" and "boom" in why and phases == []
        assert session.run(1)[0] == "ok"


def test_a_result_that_does_not_pickle_is_no_result():
    with ChildSession([lambda phase: (lambda: 1), _pid]) as session:
        status, why, _ = session.run(0)
        assert status == "stopped" and "failed" in why
        assert session.run(1)[0] == "ok"


def _leaves_settings_changed(phase):
    random.seed(99)
    np.random.seed(99)
    mpmath.mp.dps = 7
    np.seterr(all="raise")
    return random.random()


def _reads_settings(phase):
    return random.random(), float(np.random.random()), mpmath.mp.prec, np.geterr()["divide"]


def test_the_process_wide_settings_a_body_changes_are_put_back_before_the_next():
    np.random.get_state()          # NumPy seeds its global generator at first use: here, not in each child
    with ChildSession([_reads_settings]) as alone:
        fresh = alone.run(0)[1]                                      # what a child of its own sees
    with ChildSession([_reads_settings, _leaves_settings_changed, _reads_settings]) as session:
        before = session.run(0)[1]
        assert session.run(1)[0] == "ok"
        after = session.run(2)[1]
    assert after == before
    # Python's random is seeded again in every forked child (random.py registers it at fork): the rest is
    # what a child of its own inherits from this process
    assert after[1:] == fresh[1:] and after[2] == mpmath.mp.prec and after[3] == np.geterr()["divide"]


def _holds(n):
    return sc.Holds(f"n={n}")


def _theorem(name, exact, formal=FORMAL):
    v = sc.FalseVariant(f"{name}_v", "false.", exact=lambda n: sc.Counterexample(n, "no") if n == 2 else sc.Holds("-"),
                        formal=FALSE_FORMAL)
    return sc.Theorem(name, f"{name}.", claims="verified", exact=exact, n_range=(1, 5), false_variants=[v],
                      formal=formal)


def _dies_at_3(n):
    if n == 3:
        os._exit(3)
    return sc.Holds(f"n={n}")


def _none_at_4(n):
    return None if n == 4 else sc.Holds(f"n={n}")


def _counter_at_2(n):
    return sc.Counterexample(n, "no") if n == 2 else sc.Holds(f"n={n}")


def _summary(res):
    return (res.name, res.verdict, res.n_checked, str(res.counterexample), res.notes,
            [(v.verdict, str(v.counterexample)) for v in res.variants])


def test_theorems_in_one_session_get_the_results_of_a_child_each():
    thms = [_theorem("ok1", _holds), _theorem("dies", _dies_at_3), _theorem("none", _none_at_4),
            _theorem("false", _counter_at_2, formal=FALSE_FORMAL), _theorem("ok2", _holds)]
    together = [_summary(r) for r in run_theorems(thms, RunOptions(budget=5.0))]
    apart = [_summary(run_theorem(t, RunOptions(budget=5.0))) for t in thms]
    assert together == apart
    verdicts = [s[1] for s in together]
    assert verdicts == [sc.Verdict.VERIFIED, sc.Verdict.UNDECIDED, sc.Verdict.UNDECIDED, sc.Verdict.REFUTED,
                        sc.Verdict.VERIFIED]
    assert together[1][2] == (1, 2) and together[3][3] == "n=2: no"


def test_a_session_without_isolation_checks_here():
    thms = [_theorem("ok1", _holds)]
    with TheoremSession(thms, RunOptions(isolate=False)) as session:
        assert session._child is None
        assert session.check(0).verdict == sc.Verdict.VERIFIED


def test_the_session_child_ends_when_the_parent_closes_its_request_pipe():
    session = ChildSession([_pid])
    session.run(0)
    proc = session._proc
    session._requests.close()                                        # as when the parent process ends
    proc.join(5)
    assert not proc.is_alive() and proc.exitcode == 0
    session._proc = None


# ---------------------------------------------------------------- a body that patches what the next one uses

def _patch_decide_zero(phase):
    import symconv.exact as ex
    ex.decide_zero = lambda e, *a, **k: True           # careless: never put back
    return os.getpid()


def _patch_sympy_expand(phase):
    import sympy
    sympy.expand = lambda e, *a, **k: 0
    return os.getpid()


def _patch_a_method(phase):
    from symconv.engine.rule_base import Rule
    Rule.check = lambda self, *a, **k: None
    return os.getpid()


def _first_use_only(phase):
    import symconv.engine.orbit_lemmas as ol
    if ol.ACTION_CATALOGUE is None:                    # (unless the parent built it already)
        assert ol._catalogue() is ol.ACTION_CATALOGUE      # None -> the table: built on first use, not a patch
    import sympy.physics.units  # noqa: F401  (a submodule imported on first use: a new name, not a patch)
    return os.getpid()


def _sees(phase):
    import sympy

    import symconv.exact as ex
    from symconv.engine.rule_base import Rule
    return os.getpid(), ex.decide_zero(sympy.Integer(1)), sympy.expand((N + 1) ** 2) != 0, Rule.check.__name__


@pytest.mark.parametrize("patch, names", [(_patch_decide_zero, "symconv.exact.decide_zero"),
                                          (_patch_sympy_expand, "sympy.expand"),
                                          (_patch_a_method, "symconv.engine.rule_base.Rule.check")])
def test_a_body_that_rebinds_a_name_taints_its_child_and_the_next_body_gets_a_new_one(patch, names):
    with ChildSession([patch, _sees]) as session:
        _, patched_in, _ = session.run(0)
        status, (pid, one_is_zero, expand_works, check_name), _ = session.run(1)
        assert status == "ok" and pid != patched_in
        assert (one_is_zero, expand_works, check_name) == (False, True, "check")
        assert len(session.tainted) == 1 and names in session.tainted[0]


def test_first_use_of_a_module_or_a_table_does_not_taint():
    with ChildSession([_first_use_only, _sees]) as session:
        _, first, _ = session.run(0)
        assert session.run(1)[1][0] == first and session.tainted == []


def _careless_theorem_exact(n):
    import symconv.exact as ex
    ex.decide_zero = lambda e, *a, **k: True
    return sc.Holds(f"n={n}")


def _false_claim_exact(n):
    import sympy

    import symconv.exact as ex
    zero = ex.decide_zero(sympy.Integer(n))
    return sc.Holds("decided 0") if zero else sc.Counterexample(n, f"{n} is not 0")


def test_a_theorem_that_patches_the_engine_cannot_make_the_next_one_pass():
    thms = [_theorem("careless", _careless_theorem_exact), _theorem("false", _false_claim_exact)]
    together = [_summary(r) for r in run_theorems(thms, RunOptions(budget=5.0))]
    assert together[1][1] == sc.Verdict.REFUTED and together[1][3] == "n=1: 1 is not 0"
    assert together == [_summary(run_theorem(t, RunOptions(budget=5.0))) for t in thms]


def _freeze_count(phase):
    import gc
    return gc.get_freeze_count()


def test_what_a_body_leaves_alive_is_frozen_before_the_next():
    import gc
    gc.collect()
    with ChildSession([lambda phase: [object() for _ in range(1000)] and 1, _freeze_count]) as session:
        session.run(0)
        assert session.run(1)[1] > 0
    assert gc.get_freeze_count() == 0                   # the parent is not frozen


# ---------------------------------------------------------------- changes in place, not rebinding

def _careless_entry_exact(n):
    import sympy

    from symconv.objects.indexed import ENTRY, i, j
    ENTRY["S"] = sympy.Lambda((i, j), sympy.Integer(1))     # "S is all ones": written into the conventions
    return sc.Holds(f"n={n}")


def _shift_is_all_ones_exact(n):
    """False: S[0, 0] = [0 = 1 (mod n)] is 0 for n >= 2, read from the conventions' definition of S."""
    from symconv.objects.indexed import ENTRY
    value = ENTRY["S"](0, 0)
    return sc.Holds(f"S[0, 0] = {value}") if value == 1 or n == 1 else sc.Counterexample(n, f"S[0, 0] = {value}")


def test_a_theorem_that_writes_into_the_conventions_cannot_make_the_next_one_pass():
    thms = [_theorem("careless", _careless_entry_exact), _theorem("false", _shift_is_all_ones_exact)]
    together = [_summary(r) for r in run_theorems(thms, RunOptions(budget=5.0))]
    assert together[1][1] == sc.Verdict.REFUTED and together[1][3] == "n=2: S[0, 0] = Iverson(0, 1)", together
    assert together == [_summary(run_theorem(t, RunOptions(budget=5.0))) for t in thms]


def _overwrite_lemma(phase):
    from symconv.engine import lemmas
    name = sorted(lemmas.LEMMAS)[0]
    lemmas.LEMMAS[name] = lemmas.LEMMAS[sorted(lemmas.LEMMAS)[1]]
    return os.getpid()


def _delete_lemma(phase):
    from symconv.engine import lemmas
    del lemmas.LEMMAS[sorted(lemmas.LEMMAS)[0]]
    return os.getpid()


def _test_module():
    return sys.modules["symconv_proofs_test_containers"]


def _replace_list_item(phase):
    _test_module().ITEMS[0] = "patched"
    return os.getpid()


def _shorten_list(phase):
    _test_module().ITEMS.pop()
    return os.getpid()


def _remove_set_element(phase):
    _test_module().NAMES.discard("b")
    return os.getpid()


def _grow_everything(phase):
    from symconv.engine import concrete
    _test_module().ITEMS.append("new")       # a list growing at its end, a set getting an element,
    _test_module().NAMES.add("z")            # a memo filling up: what first use does
    concrete._SIDE_VALUES[("symconv test key",)] = 0
    return os.getpid()


@pytest.fixture()
def watched_containers(monkeypatch):
    """A module named like a proof script (watched), with a list and a set."""
    import types
    mod = types.ModuleType("symconv_proofs_test_containers")
    mod.ITEMS, mod.NAMES = ["a", "b"], {"a", "b"}
    monkeypatch.setitem(sys.modules, "symconv_proofs_test_containers", mod)
    return mod


def _replace_code(phase):
    import symconv.exact as ex
    ex.decide_zero.__code__ = (lambda e, *a, **k: True).__code__      # the same function object, other code
    return os.getpid()


def _replace_defaults(phase):
    from symconv.engine.child_state import _contents
    _contents.__defaults__ = (1,)
    return os.getpid()


@pytest.mark.parametrize("patch, what", [
    (_replace_code, "symconv.exact.closed.decide_zero's code or defaults were replaced in place"),
    (_replace_defaults, "symconv.engine.child_state._contents's code or defaults were replaced in place"),
    (_overwrite_lemma, "symconv.engine.lemmas.LEMMAS["),
    (_delete_lemma, "symconv.engine.lemmas.LEMMAS["),
    (_replace_list_item, "symconv_proofs_test_containers.ITEMS[0] was changed in place"),
    (_shorten_list, "symconv_proofs_test_containers.ITEMS[1] was changed in place"),
    (_remove_set_element, "symconv_proofs_test_containers.NAMES element 'b' was changed in place"),
])
def test_a_body_that_changes_a_container_in_place_taints_its_child(watched_containers, patch, what):
    with ChildSession([patch, _sees]) as session:
        _, patched_in, _ = session.run(0)
        status, (pid, *_), _ = session.run(1)
        assert status == "ok" and pid != patched_in
        assert len(session.tainted) == 1 and what in session.tainted[0], session.tainted


def test_containers_that_only_grow_do_not_taint(watched_containers):
    with ChildSession([_grow_everything, _sees]) as session:
        _, first, _ = session.run(0)
        assert session.run(1)[1][0] == first and session.tainted == []


def _rename_notation(phase):
    from symconv.objects.indexed import TEX_NAMES, entry_function
    entry_function("ab", r"\text{another }(a b)")        # a script's notation: its TeX under a name already used
    assert TEX_NAMES["ab"] == r"\text{another }(a b)"
    return os.getpid()


def test_latex_names_of_notations_are_not_watched(monkeypatch):
    from symconv.objects.indexed import TEX_NAMES
    monkeypatch.setitem(TEX_NAMES, "ab", "(a * b)")      # the name is in the table when the child starts
    with ChildSession([_rename_notation, _sees]) as session:
        _, first, _ = session.run(0)
        assert session.run(1)[1][0] == first and session.tainted == []
