"""Kill tests for engine/pool.py (mutation testing, 2026-12-02).

The runs are checked index by index (where each run is cut, which index each take returns, what is left);
``_check_next`` runs in a worker process, where mutmut does not see which tests reach it, so it is also called
here with a stand-in session; ``check_in_workers`` is run with stand-in sessions (module-level, so that the
forked workers find them) that answer at once, die, or bring nothing back."""

from __future__ import annotations

import multiprocessing
import os

import pytest

import symconv as sc
from symconv.engine import pool
from symconv.engine.budget import CAN_FORK
from symconv.engine.pool import Runs, check_in_workers, failed_in_worker
from symconv.engine.runner import RunOptions
from symconv.engine.statement import Statement
from symconv.objects.indexed import n as N
from symconv.engine.verdict import TheoremResult, Verdict

needs_fork = pytest.mark.skipif(not CAN_FORK, reason="needs fork")


# ---------------------------------------------------------------- Runs: the cuts

@pytest.mark.parametrize("n, parts, groups, bounds, starts", [
    (7, 2, None, [0, 3, 3, 7], [0, 1, 2, 3, 4, 5, 6]),
    (8, 2, "aaabbbcc", [0, 3, 3, 8], [0, 0, 0, 3, 3, 3, 6, 6]),
    (10, 3, None, [0, 3, 3, 6, 6, 10], list(range(10))),
    (6, 4, "aabbbb", [0, 0, 0, 2, 2, 2, 2, 6], [0, 0, 2, 2, 2, 2]),     # ties: the smaller edge
    (9, 2, "aaaabbbbb", [0, 4, 4, 9], [0, 0, 0, 0, 4, 4, 4, 4, 4]),
    (4, 2, "abbb", [0, 1, 1, 4], [0, 1, 1, 1]),
    (0, 3, None, [0, 0, 0, 0, 0, 0], []),
    (5, 1, None, [0, 5], [0, 1, 2, 3, 4]),
    (6, 3, "aaaaaa", [0, 0, 0, 6, 6, 6], [0] * 6),
    (8, 3, "aabbccdd", [0, 2, 2, 4, 4, 8], [0, 0, 2, 2, 4, 4, 6, 6]),
    (10, 4, "abcdefghij", [0, 2, 2, 5, 5, 7, 7, 10], list(range(10))),
    (6, 2, "abab" + "ab", [0, 3, 3, 6], list(range(6))),              # labels seen again: each stretch a group
    (7, 2, ["x", "x", "y", "y", "y", "x", "x"], [0, 2, 2, 7], [0, 0, 2, 2, 2, 5, 5]),
    (5, 2, (1, 1, 1, 1, 2), [0, 0, 0, 5], [0, 0, 0, 0, 4]),               # a tie at 2: the edge 0
])
def test_runs_are_cut_at_the_group_edge_nearest_each_equal_share(n, parts, groups, bounds, starts):
    runs = Runs(n, parts, groups)
    assert list(runs._bounds) == bounds and runs._starts == starts and runs.parts == parts
    assert runs._next.value == 0


@pytest.mark.parametrize("args, match", [
    ((5, 0), r"^Runs needs n >= 0 and parts >= 1, got n=5, parts=0$"),
    ((-1, 2), r"^Runs needs n >= 0 and parts >= 1, got n=-1, parts=2$"),
    ((3.0, 2), r"^Runs needs n >= 0 and parts >= 1, got n=3.0, parts=2$"),
    ((3, 2.0), r"^Runs needs n >= 0 and parts >= 1, got n=3, parts=2.0$"),
    ((3, 2, "ab"), r"^groups must label each of the 3 indices, got 2 labels$"),
    ((3, 2, "abcd"), r"^groups must label each of the 3 indices, got 4 labels$"),
])
def test_bad_sizes_are_refused_with_their_values(args, match):
    with pytest.raises(ValueError, match=match):
        Runs(*args)


def test_the_smallest_sizes_are_accepted():
    assert list(Runs(0, 1)._bounds) == [0, 0]
    assert list(Runs(1, 1, ["a"])._bounds) == [0, 1]
    assert Runs(0, 1).take(0) is None


# ---------------------------------------------------------------- Runs: taking

def _takes(runs, order):
    return [runs.take(j) for j in order]


def test_each_run_is_taken_front_to_back_then_the_longest_is_taken_from_the_back():
    runs = Runs(10, 3)                                   # 0-3, 3-6, 6-10
    assert _takes(runs, [0, 0, 0]) == [0, 1, 2]
    assert list(runs._bounds) == [3, 3, 3, 6, 6, 10]
    assert runs.take(0) == 9                             # run 2 has most left (4): its last index
    assert list(runs._bounds) == [10, 10, 3, 6, 6, 9]
    assert runs.take(0) == 5                             # runs 1 and 2 have 3 left each: the first one gives
    assert list(runs._bounds) == [6, 6, 3, 5, 6, 9]


def test_equal_runs_left_the_first_one_gives():
    runs = Runs(6, 3)                                    # 0-2, 2-4, 4-6
    assert _takes(runs, [0, 0]) == [0, 1]
    assert runs.take(0) == 3                             # runs 1 and 2 both have 2 left: run 1 gives its last
    assert list(runs._bounds) == [4, 4, 2, 3, 4, 6]
    assert runs.take(0) == 5                             # now run 2 has most left
    assert list(runs._bounds) == [6, 6, 2, 3, 4, 5]
    assert _takes(runs, [1, 1, 2, 1, 0]) == [2, 4, None, None, None]     # run 2's one index moves to run 1


def test_a_whole_group_moves_to_the_empty_run_and_is_taken_front_to_back():
    runs = Runs(10, 2, "aabbbccddd")                     # aabbb | ccddd
    assert _takes(runs, [0] * 5) == [0, 1, 2, 3, 4]
    assert runs.take(0) == 7
    assert list(runs._bounds) == [8, 10, 5, 7]
    assert _takes(runs, [1, 0, 0, 1, 1, 0]) == [5, 8, 9, 6, None, None]


def test_the_last_group_of_a_run_that_is_one_group_gives_its_last_index():
    runs = Runs(6, 2, "aaaaab")                          # cut at 5 (nearest 3 of 0, 5, 6): aaaaa | b
    assert list(runs._bounds) == [0, 5, 5, 6]
    assert runs.take(1) == 5 and list(runs._bounds) == [0, 5, 6, 6]
    assert runs.take(1) == 4 and list(runs._bounds) == [0, 4, 5, 5]   # one group left in run 0: its last index
    assert _takes(runs, [1, 0, 1, 0]) == [3, 0, 2, 1]
    assert _takes(runs, [0, 1]) == [None, None]


def test_a_group_that_starts_where_the_run_starts_is_not_moved_whole():
    runs = Runs(6, 2, "aaabbb")                          # aaa | bbb
    assert _takes(runs, [0, 0, 0]) == [0, 1, 2]
    assert runs.take(0) == 5                             # bbb is the whole of run 1: only its last index moves
    assert list(runs._bounds) == [6, 6, 3, 5]
    assert _takes(runs, [1, 0, 1, 0]) == [3, 4, None, None]


def test_a_later_group_moves_whole_from_a_run_that_was_partly_taken():
    runs = Runs(9, 2, "aaaabbcc" + "c")                  # aaaa | bbccc
    assert list(runs._bounds) == [0, 4, 4, 9]
    assert runs.take(1) == 4
    assert _takes(runs, [0, 0, 0, 0]) == [0, 1, 2, 3]
    assert runs.take(0) == 6                             # run 1 is 5..9 (b, ccc): ccc moves whole
    assert list(runs._bounds) == [7, 9, 5, 6]
    assert _takes(runs, [1, 1]) == [5, 8]               # ccc is partly taken: only its last index moves
    assert list(runs._bounds) == [7, 8, 9, 9]
    assert _takes(runs, [0, 0, 1]) == [7, None, None]


def test_runs_are_claimed_in_turn_round_and_round():
    runs = Runs(10, 3)
    assert [runs.claim() for _ in range(7)] == [0, 1, 2, 0, 1, 2, 0]
    assert runs._next.value == 7
    assert [Runs(4, 1).claim() for _ in range(2)] == [0, 0]


# ---------------------------------------------------------------- a failed worker

def _theorems(count, topics=None):
    v = sc.FalseVariant("v", "false.", exact=lambda m: sc.Counterexample(m, "no"))
    return [sc.Theorem(f"t{k}", f"t{k} holds.", claims="verified", exact=lambda m: sc.Holds("-"), n_range=(1, 2),
                       formal=Statement.identity(N * (N + 1) - N ** 2, N), false_variants=[v], topic=(topics[k] if topics else f"topic{k % 2}"))
            for k in range(count)]


def test_a_theorem_of_a_failed_worker_is_undecided_with_the_reason():
    t = _theorems(1)[0]
    res = failed_in_worker(t, ValueError("bad pipe"))
    assert isinstance(res, TheoremResult)
    assert (res.name, res.topic, res.statement, res.claims, res.verdict) == (
        "t0", "topic0", "t0 holds.", Verdict.VERIFIED, Verdict.UNDECIDED)
    assert res.notes == ["the worker process running it failed: ValueError: bad pipe"]
    assert failed_in_worker(t, RuntimeError()).notes == ["the worker process running it failed: RuntimeError: "]


# ---------------------------------------------------------------- _check_next, here

class _Session:
    """Stands in for TheoremSession: answers at once, names the process that answered."""
    made: list = []

    def __init__(self, thms, opts):
        _Session.made.append((list(thms), opts))
        self.thms = thms

    def check(self, k):
        t = self.thms[k]
        if t.name == "unpicklable":
            res = TheoremResult(t.name, t.topic, t.statement, t.claims, Verdict.VERIFIED)
            res.notes = [lambda: 1]                      # the worker cannot send this back
            return res
        if t.name == "raises":
            raise KeyError("no such thing")
        if t.name == "dies":
            os._exit(7)
        return TheoremResult(t.name, t.topic, t.statement, t.claims, Verdict.VERIFIED, notes=[f"pid {os.getpid()}"])


class _NoSession(_Session):
    def check(self, k):
        raise AssertionError("not called")


@pytest.fixture
def job(monkeypatch):
    _Session.made = []
    monkeypatch.setattr(pool, "TheoremSession", _Session)
    monkeypatch.setattr(pool, "_WORKER", [])
    monkeypatch.setattr(pool, "_JOB", ())
    return monkeypatch


def test_check_next_claims_a_run_once_and_checks_its_theorems_in_order(job):
    thms, opts = _theorems(5), RunOptions(budget=3.0)
    runs = Runs(5, 2)                                    # 0-2, 2-5
    runs.claim()                                         # a first worker has run 0: this one gets run 1
    job.setattr(pool, "_JOB", (thms, opts, runs))
    got = [pool._check_next() for _ in range(6)]
    assert [g[0] if g else g for g in got] == [2, 3, 4, 1, 0, None]
    assert [g[1].name for g in got[:5]] == ["t2", "t3", "t4", "t1", "t0"]
    assert all(g[1].verdict is Verdict.VERIFIED for g in got[:5])
    assert pool._WORKER[0] == 1 and isinstance(pool._WORKER[1], _Session) and len(pool._WORKER) == 2
    assert len(_Session.made) == 1 and _Session.made[0][0] == thms and _Session.made[0][1] is opts
    assert runs._next.value == 2


def test_check_next_makes_a_theorem_whose_check_raises_undecided(job):
    thms = _theorems(3)
    thms[1].name = "raises"
    job.setattr(pool, "_JOB", (thms, RunOptions(), Runs(3, 1)))
    got = [pool._check_next() for _ in range(4)]
    assert [g[0] if g else g for g in got] == [0, 1, 2, None]
    assert got[1][1].verdict is Verdict.UNDECIDED and got[1][1].name == "raises"
    assert got[1][1].notes == ["the worker process running it failed: KeyError: 'no such thing'"]
    assert got[2][1].verdict is Verdict.VERIFIED


def test_check_next_with_nothing_left_returns_none(job):
    job.setattr(pool, "TheoremSession", _NoSession)
    job.setattr(pool, "_JOB", ([], RunOptions(), Runs(0, 1)))
    assert pool._check_next() is None
    assert pool._WORKER[0] == 0 and len(pool._WORKER) == 2


# ---------------------------------------------------------------- check_in_workers, with stand-in sessions

def _serial(thms, opts):
    for t in thms:
        yield TheoremResult(t.name, t.topic, t.statement, t.claims, Verdict.VERIFIED, notes=["serial"])


@pytest.mark.parametrize("jobs, count", [(1, 3), (0, 3), (-2, 3), (4, 1), (4, 0)])
def test_one_job_or_one_theorem_is_checked_here_in_order(job, jobs, count):
    seen = []

    def serial(thms, opts):
        seen.append((thms, opts))
        return _serial(thms, opts)
    job.setattr(pool, "run_theorems", serial)
    thms, opts = _theorems(count), RunOptions(budget=4.0)
    out = list(check_in_workers(iter(thms), opts, jobs))
    assert [(r.name, r.notes) for r in out] == [(t.name, ["serial"]) for t in thms]
    assert seen[0][0] == thms and isinstance(seen[0][0], list) and seen[0][1] is opts


def test_without_options_the_defaults_are_used(job):
    seen = []
    job.setattr(pool, "run_theorems", lambda thms, opts: (seen.append(opts), _serial(thms, opts))[1])
    list(check_in_workers(_theorems(2), None, 1))
    assert isinstance(seen[0], RunOptions) and vars(seen[0]) == vars(RunOptions())


def test_without_fork_everything_is_checked_here(job):
    job.setattr(pool, "CAN_FORK", False)
    job.setattr(pool, "run_theorems", _serial)
    assert [r.notes for r in check_in_workers(_theorems(3), RunOptions(), 2)] == [["serial"]] * 3


@needs_fork
def test_workers_bring_every_result_back_in_order_from_other_processes(job):
    made = []
    real_runs = pool.Runs

    def runs(n, parts, groups):
        made.append((n, parts, list(groups)))
        return real_runs(n, parts, groups)
    job.setattr(pool, "Runs", runs)
    job.setattr(pool, "run_theorems", lambda *a: pytest.fail("checked here"))
    thms = _theorems(7, topics="aabbbcc")
    out = list(check_in_workers(thms, RunOptions(), 3))
    assert [r.name for r in out] == [f"t{k}" for k in range(7)]
    assert all(r.verdict is Verdict.VERIFIED for r in out)
    pids = {r.notes[0] for r in out}
    assert f"pid {os.getpid()}" not in pids and 1 <= len(pids) <= 3
    assert made == [(7, 3, list("aabbbcc"))]
    assert pool._JOB == ()                               # the job is not kept after the run
    made.clear()
    assert len(list(check_in_workers(_theorems(2), RunOptions(), 5))) == 2
    assert made[0][:2] == (2, 2)                         # no more workers than theorems


@needs_fork
def test_a_theorem_whose_check_raises_in_a_worker_is_undecided_the_others_come_back(job):
    thms = _theorems(4)
    thms[2].name = "raises"
    out = list(check_in_workers(thms, RunOptions(), 2))
    assert [r.name for r in out] == ["t0", "t1", "raises", "t3"]
    assert [r.verdict for r in out] == [Verdict.VERIFIED, Verdict.VERIFIED, Verdict.UNDECIDED, Verdict.VERIFIED]
    assert out[2].notes == ["the worker process running it failed: KeyError: 'no such thing'"]


@needs_fork
def test_a_worker_that_dies_leaves_what_it_had_not_brought_back_undecided(job):
    thms = _theorems(6)
    thms[3].name = "dies"
    out = list(check_in_workers(thms, RunOptions(), 2))
    assert [r.name for r in out] == ["t0", "t1", "t2", "dies", "t4", "t5"]
    assert out[3].verdict is Verdict.UNDECIDED
    for r in out:
        if r.verdict is not Verdict.VERIFIED:
            assert r.verdict is Verdict.UNDECIDED and len(r.notes) == 1
            assert r.notes[0].startswith("the worker process running it failed: BrokenProcessPool: ")
        else:
            assert r.notes[0].startswith("pid ")
    assert pool._JOB == ()


def _nothing():
    return None


_REAL_CHECK_NEXT = pool._check_next


def _drops_the_first():
    got = _REAL_CHECK_NEXT()
    return None if got is not None and got[0] == 0 else got


@needs_fork
def test_a_result_that_never_came_is_undecided_and_the_later_ones_still_come_in_order(job):
    job.setattr(pool, "_check_next", _drops_the_first)
    out = list(check_in_workers(_theorems(4), RunOptions(), 2))
    assert [(r.name, r.verdict) for r in out] == [("t0", Verdict.UNDECIDED)] + [
        (f"t{k}", Verdict.VERIFIED) for k in (1, 2, 3)]
    assert out[0].notes == ["the worker process running it failed: RuntimeError: no worker brought its result back"]
    assert all(r.notes[0].startswith("pid ") for r in out[1:])


@needs_fork
def test_a_result_a_worker_cannot_send_back_is_undecided_and_the_worker_goes_on(job):
    thms = _theorems(5)
    thms[1].name = "unpicklable"
    out = list(check_in_workers(thms, RunOptions(), 2))
    assert [(r.name, r.verdict) for r in out] == [("t0", Verdict.VERIFIED), ("unpicklable", Verdict.UNDECIDED)] + [
        (f"t{k}", Verdict.VERIFIED) for k in (2, 3, 4)]
    assert out[1].notes[0].startswith("the worker process running it failed: ")
    assert "BrokenProcessPool" not in out[1].notes[0]


@needs_fork
def test_the_pool_has_one_forked_process_per_run(job):
    import concurrent.futures

    made = []

    class Executor(concurrent.futures.ProcessPoolExecutor):
        def __init__(self, *args, **kw):
            made.append((args, kw["mp_context"] is multiprocessing.get_context("fork")))
            super().__init__(*args, **kw)
    job.setattr(concurrent.futures, "ProcessPoolExecutor", Executor)
    assert len(list(check_in_workers(_theorems(5), RunOptions(), 3))) == 5
    assert len(list(check_in_workers(_theorems(2), RunOptions(), 4))) == 2
    # the fork context itself, not the platform's default (forkserver on Linux from Python 3.14): the workers
    # inherit the job (_JOB) only when forked
    assert made == [((3,), True), ((2,), True)]


@needs_fork
def test_workers_that_bring_nothing_back_leave_every_theorem_undecided(job):
    job.setattr(pool, "_check_next", _nothing)
    out = list(check_in_workers(_theorems(3), RunOptions(), 2))
    assert [(r.name, r.verdict, r.notes) for r in out] == [
        (f"t{k}", Verdict.UNDECIDED, ["the worker process running it failed: RuntimeError: no worker brought its "
                                      "result back"]) for k in range(3)]


def test_the_module_exports():
    assert pool.__all__ == ["check_in_workers", "Runs", "failed_in_worker"]
