"""Theorems checked by N worker processes (engine/pool.py): every theorem exactly once, results in the list's
order, each worker on a contiguous run first, and a worker that dies leaves undecided theorems, never passes."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import symconv as sc
from symconv.engine import pool
from symconv.engine.budget import CAN_FORK
from symconv.engine.pool import Runs, check_in_workers
from symconv.engine.runner import RunOptions, run_theorems
from symconv.engine.statement import Statement
from symconv.objects.indexed import n as N

FORMAL = Statement.identity(N * (N + 1) - N ** 2, N)
FALSE_FORMAL = Statement.identity(N * (N + 1), N ** 2)


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 40), st.integers(1, 5), st.lists(st.integers(0, 4), max_size=120))
def test_every_index_is_taken_once_and_a_run_is_taken_front_to_back(n, parts, order):
    runs = Runs(n, parts)
    taken, own = [], {j: [] for j in range(parts)}
    for j in [w % parts for w in order] + [q for q in range(parts) for _ in range(n + 1)]:
        k = runs.take(j)
        if k is not None:
            taken.append(k)
            if j * n // parts <= k < (j + 1) * n // parts:
                own[j].append(k)
    assert sorted(taken) == list(range(n))
    for j, ks in own.items():             # its own run: a prefix in order, the rest taken by others from the back
        lo = j * n // parts
        assert ks == list(range(lo, lo + len(ks)))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 3), max_size=40), st.integers(1, 4), st.lists(st.integers(0, 3), max_size=120))
def test_with_groups_every_index_is_taken_once_and_runs_start_where_a_group_starts(labels, parts, order):
    n = len(labels)
    runs = Runs(n, parts, labels)
    edges = {k for k in range(n + 1) if k in (0, n) or labels[k] != labels[k - 1]}
    assert {runs._bounds[2 * j] for j in range(parts)} <= edges          # no group cut by the first split
    taken = []
    for j in [w % parts for w in order] + [q for q in range(parts) for _ in range(n + 1)]:
        k = runs.take(j)
        if k is not None:
            taken.append(k)
    assert sorted(taken) == list(range(n))


def test_a_worker_with_nothing_left_takes_the_last_whole_group_of_the_longest_run():
    runs = Runs(10, 2, list("aabbbccddd"))        # cut at 5: runs aabbb and ccddd
    assert [runs.take(0) for _ in range(5)] == [0, 1, 2, 3, 4]
    assert runs.take(0) == 7                      # worker 0 is empty: the whole ddd becomes its run ...
    assert runs.take(1) == 5
    assert [runs.take(0), runs.take(0)] == [8, 9]  # ... front to back
    assert [runs.take(1), runs.take(1), runs.take(0)] == [6, None, None]
    runs = Runs(8, 2, "aaabbbcd")                 # cut at 3 (the group edge nearest 4): aaa and bbbcd
    assert [runs.take(0), runs.take(1), runs.take(0), runs.take(0)] == [0, 3, 1, 2]
    assert [runs.take(0), runs.take(0)] == [7, 6]  # d, then c: one group each
    assert runs.take(1) == 4
    assert runs.take(0) == 5                      # one group left (bbb): its last index, as without groups
    assert [runs.take(1), runs.take(0)] == [None, None]
    with pytest.raises(ValueError, match="groups"):
        Runs(3, 2, "ab")


def test_runs_are_handed_to_workers_in_turn_and_bad_sizes_are_refused():
    runs = Runs(10, 3)
    assert [runs.claim() for _ in range(4)] == [0, 1, 2, 0]
    with pytest.raises(ValueError, match="parts"):
        Runs(5, 0)
    with pytest.raises(ValueError, match="n="):
        Runs(-1, 2)


def _exact(k):
    def check(m):
        return sc.Counterexample(m, "no") if (m + k) % 4 == 0 else sc.Holds(f"{m}")
    return check


def _theorems(count):
    v = sc.FalseVariant("v", "false.", exact=lambda m: sc.Counterexample(m, "no"), formal=FALSE_FORMAL)
    return [sc.Theorem(f"t{k}", f"t{k}.", claims="verified", exact=_exact(k), n_range=(1, 2 + k % 3),
                       formal=FORMAL, false_variants=[v]) for k in range(count)]


def _summary(res):
    return res.name, res.verdict, res.n_checked, str(res.counterexample), res.notes


@pytest.mark.skipif(not CAN_FORK, reason="needs fork")
@pytest.mark.parametrize("jobs", [2, 3])
def test_workers_give_the_serial_results_in_order(jobs):
    thms = _theorems(9)
    serial = [_summary(r) for r in run_theorems(thms, RunOptions())]
    assert [_summary(r) for r in check_in_workers(thms, RunOptions(), jobs)] == serial
    assert {s[1] for s in serial} == {sc.Verdict.VERIFIED, sc.Verdict.REFUTED}


_REAL_CHECK_NEXT = pool._check_next


def _dies_on_t3():         # module-level: the workers get it by reference (a local function does not pickle)
    got = _REAL_CHECK_NEXT()
    if got is not None and got[0] == 3:
        os._exit(3)
    return got


@pytest.mark.skipif(not CAN_FORK, reason="needs fork")
def test_a_worker_that_dies_leaves_its_theorems_undecided(monkeypatch):
    monkeypatch.setattr(pool, "_check_next", _dies_on_t3)
    out = list(check_in_workers(_theorems(6), RunOptions(), 2))
    assert [r.name for r in out] == [f"t{k}" for k in range(6)]
    assert out[3].verdict is sc.Verdict.UNDECIDED
    assert out[3].notes[-1].startswith("the worker process running it failed: BrokenProcessPool: ")   # it ran
    assert all(r.verdict is not sc.Verdict.VERIFIED for r in out if "worker" in " ".join(r.notes))
