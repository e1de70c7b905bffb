"""One forked child per theorem (engine/theorem_child.py): each phase keeps its own deadline, a killed or dead
phase keeps what it reported, and the check goes on in the parent from the recorded phases, never a pass."""

from __future__ import annotations

import os
import signal
import time

import pytest

import symconv as sc
from symconv.engine import runner
from symconv.engine.budget import CAN_FORK, Guarded
from symconv.engine.runner import RunOptions
from symconv.engine.statement import Statement
from symconv.objects.indexed import n as N
from symconv.engine.theorem_child import phase_label, replaying, run_in_child

pytestmark = pytest.mark.skipif(not CAN_FORK, reason="needs fork")
FORMAL = Statement.identity(N * (N + 1) - N ** 2, N)


def _stuck(budget, report):
    """A phase stuck where SIGALRM cannot reach it (as in C code): only the watchdog ends it."""
    report("before")
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    time.sleep(60)
    return "never"


def _quick(budget, report):
    report(("holds", 1, "one"))
    return 42


def _dies(budget, report):
    report("last words")
    os._exit(3)


def test_every_phase_runs_in_the_child_and_its_outcome_reaches_the_parent():
    def body(phase):
        return [(g.status, g.value, g.progress, g.isolated) for g in
                (phase(_quick, 5.0, True), phase(lambda b, r: 1 / 0, 5.0, True))] + [os.getpid()]
    status, value, phases = run_in_child(body)
    assert status == "ok"
    assert value[0] == ("ok", 42, [("holds", 1, "one")], True)
    assert value[1][0] == "raised" and value[1][1] is None
    assert value[2] != os.getpid()                                   # it ran in another process
    assert [lbl for lbl, _ in phases] == [phase_label(_quick), phase_label(body).replace("body", "body.<locals>.<lambda>")]
    assert phases[0][1].value == 42 and "ZeroDivisionError" in phases[1][1].error


def test_a_phase_stuck_past_its_deadline_is_killed_with_what_it_reported():
    t0 = time.monotonic()
    status, why, phases = run_in_child(lambda phase: (phase(_quick, 5.0, True), phase(_stuck, 0.3, True)),
                                       grace=0.3)
    assert time.monotonic() - t0 < 10
    assert status == "stopped" and "stopped in phase" in why
    assert [g.status for _, g in phases] == ["ok", "killed"]
    assert phases[1][0] == phase_label(_stuck) and phases[1][1].progress == ["before"]
    assert not phases[1][1].ok and phases[1][1].value is None


def test_a_phase_whose_process_dies_is_died_not_a_pass():
    status, _, phases = run_in_child(lambda phase: phase(_dies, 5.0, True))
    assert status == "stopped"
    assert [(g.status, g.progress, g.error) for _, g in phases] == [("died", ["last words"], "exit code 3")]


def test_the_body_raising_or_returning_what_does_not_pickle_is_no_result():
    def raises(phase):
        phase(_quick, 5.0, True)
        raise RuntimeError("glue broke")
    status, why, phases = run_in_child(raises)
    assert status == "stopped" and "glue broke" in why and [g.status for _, g in phases] == ["ok"]
    status, why, _ = run_in_child(lambda phase: (lambda: 1))         # a lambda does not pickle
    assert status == "stopped" and "failed" in why


def test_a_child_idle_between_phases_is_killed():
    def slow_glue(phase):
        phase(_quick, 5.0, True)
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(60)
    t0 = time.monotonic()
    status, why, phases = run_in_child(slow_glue, idle=0.5, grace=0.2)
    assert time.monotonic() - t0 < 10
    assert status == "stopped" and "between phases" in why and [g.status for _, g in phases] == ["ok"]


def test_a_phase_that_reports_before_its_start_message_is_out_of_turn():
    def forged(phase):            # writes a message of the protocol itself, out of turn: no result
        import pickle
        import gc
        from multiprocessing.connection import Connection
        gc.unfreeze()                               # the inherited objects, the pipe's end among them
        conn = next(o for o in gc.get_objects() if isinstance(o, Connection) and o.writable)
        conn.send_bytes(pickle.dumps(("end", "ok", "forged")))
        return "result"
    status, why, phases = run_in_child(forged)
    assert status == "stopped" and why == "the child sent 'end' out of turn" and phases == []


def test_replaying_hands_back_the_recorded_phases_then_runs_the_rest():
    recorded = [(phase_label(_quick), Guarded("ok", 7)), (phase_label(_stuck), Guarded("killed", None, ["x"]))]
    ran = []

    def then(work, seconds, isolate):
        ran.append(phase_label(work))
        return Guarded("ok", "fresh")
    phase = replaying(recorded, then)
    assert phase(_quick, 1.0, True).value == 7
    assert phase(_stuck, 1.0, True).status == "killed"
    assert phase(_quick, 1.0, True).value == "fresh" and ran == [phase_label(_quick)]
    phase = replaying(recorded, then)                 # out of step: the record is dropped from there on
    assert phase(_stuck, 1.0, True).value == "fresh"
    assert phase(_stuck, 1.0, True).value == "fresh" and phase(_quick, 1.0, True).value == "fresh"


# ------------------------------------------------------------- through run_theorem

def _holds(n):
    return sc.Holds(f"n={n}")


def _stuck_exact(n):
    if n == 3:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(60)
    return sc.Holds(f"n={n}")


def _numeric_ok(n, rng, dps):
    return 0.0, 0.0


def _theorem(exact, **kw):
    v = sc.FalseVariant("v", "false.", exact=lambda n: sc.Counterexample(n, "no") if n == 2 else sc.Holds("-"))
    return sc.Theorem("t", "t.", claims="verified", exact=exact, n_range=(1, 5), numeric=_numeric_ok,
                      numeric_sizes=(2,), false_variants=[v], formal=FORMAL, **kw)


def test_a_stuck_exact_range_is_killed_and_the_later_phases_still_run():
    res = sc.run_theorem(_theorem(_stuck_exact), RunOptions(budget=0.5))
    assert res.verdict == sc.Verdict.CROSS_CHECKED                   # a time-out: only the numeric evidence
    assert res.n_checked == (1, 2)
    assert any("killed by the watchdog" in note for note in res.notes)
    assert res.numeric_error == 0.0                                  # the numeric phase ran after it
    assert [v.verdict for v in res.variants] == [sc.Verdict.REFUTED]


def test_the_one_child_gives_the_same_result_as_a_child_per_phase(monkeypatch):
    thm = _theorem(_holds)
    one = sc.run_theorem(thm)
    class Stops:                                     # a child that never brings the result back
        def __init__(self, bodies):
            pass

        def run(self, k):
            return "stopped", "forced", []

        def close(self):
            pass
    monkeypatch.setattr(runner, "ChildSession", Stops)
    each = sc.run_theorem(thm)                       # nothing recorded: every phase in a child of its own
    for res in (one, each):
        assert (res.verdict, res.n_checked, res.numeric_error, [v.verdict for v in res.variants]) == \
            (sc.Verdict.VERIFIED, (1, 5), 0.0, [sc.Verdict.REFUTED])
    assert str(one.variants[0].counterexample) == str(each.variants[0].counterexample) == "n=2: no"


def test_a_derivation_whose_process_dies_does_not_prove():
    def derivation():
        os._exit(0)
    thm = sc.Theorem("d", "d.", claims="proved", derivation=derivation, exact=_holds, n_range=(1, 3),
                     formal=FORMAL, false_variants=_theorem(_holds).false_variants)
    res = sc.run_theorem(thm)
    assert res.verdict == sc.Verdict.VERIFIED != sc.Verdict.PROVED
    assert "ended without an answer" in res.proof and res.n_checked == (1, 3)


def test_a_phase_that_changes_the_engine_cannot_reach_the_parent():
    """The child's state (here a phase that breaks the runner's glue there) is gone with it: the child brings
    no result, the parent replays the phases it recorded and runs the variant itself."""
    def vandal(n):
        runner.run_variant = None                 # would break this theorem's own variants in the child
        return sc.Holds("x")
    res = sc.run_theorem(_theorem(vandal))
    assert runner.run_variant is not None and callable(runner.run_variant)
    assert res.verdict == sc.Verdict.VERIFIED and res.n_checked == (1, 5)
    assert [v.verdict for v in res.variants] == [sc.Verdict.REFUTED]


def test_the_child_inherits_the_heap_frozen_and_the_parent_does_not_stay_frozen():
    import gc

    status, frozen_in_child, _ = run_in_child(lambda phase: gc.get_freeze_count())
    assert status == "ok" and frozen_in_child > 1000              # the inherited objects: skipped by its GC
    assert gc.get_freeze_count() == 0                              # the parent collects as before


def test_the_child_side_of_a_phase_in_this_process():
    """What a phase sends (start with its budget, each report, its end) and returns, read off a pipe here."""
    import multiprocessing
    import pickle

    from symconv.engine.theorem_child import _phase_in_child

    reader, writer = multiprocessing.Pipe(duplex=False)
    phase = _phase_in_child(writer)

    class Odd:                                      # does not pickle: sent (and kept) as its text
        def __reduce__(self):
            raise TypeError("no")

        def __str__(self):
            return "odd"

    def work(budget, report):
        report(("holds", 1, "a"))
        report(Odd())
        time.sleep(0.05)
        return 5
    t0 = time.monotonic()
    g = phase(work, 3.5, True)
    took = time.monotonic() - t0
    msgs = [pickle.loads(reader.recv_bytes()) for _ in range(4)]
    assert msgs[0] == ("start", phase_label(work), 3.5)            # the label the parent records it under
    assert 0.05 <= g.seconds <= took                                 # the phase's own time, as a child reports it
    assert msgs[1:] == [("progress", ("holds", 1, "a")), ("progress", "odd"), ("end", "ok", 5)]
    assert (g.status, g.value, g.progress, g.error, g.isolated) == ("ok", 5, [("holds", 1, "a"), "odd"], "", True)

    g = phase(lambda budget, report: [].pop(), 3.5, True)
    msgs = [pickle.loads(reader.recv_bytes()) for _ in range(2)]
    assert msgs[1][:2] == ("end", "raised") and "IndexError" in msgs[1][2]
    assert (g.status, g.value) == ("raised", None) and "IndexError" in g.error

    def interrupted(budget, report):
        raise KeyboardInterrupt
    g = phase(interrupted, 3.5, True)
    [pickle.loads(reader.recv_bytes()) for _ in range(2)]
    assert g.status == "raised" and "KeyboardInterrupt" in g.error        # as a child of its own reports it

    def slow(budget, report):
        while True:
            budget.check()
    g = phase(slow, 0.2, True)
    [pickle.loads(reader.recv_bytes()) for _ in range(2)]
    assert g.status == "timed out" and g.value is None and "0.2" in g.error
    reader.close()
    writer.close()


def test_recorded_phases_carry_their_time_and_isolation():
    """Each recorded outcome says how long its phase took and that it ran isolated (as a child of its own
    would report), for a phase that ended, one killed and one whose process died."""
    def slow_ok(budget, report):
        time.sleep(0.2)
        return 1
    status, _, phases = run_in_child(lambda phase: (phase(slow_ok, 5.0, True), phase(_stuck, 0.3, True)), grace=0.3)
    (_, done), (_, killed) = phases
    assert done.isolated is True and 0.2 <= done.seconds < 5
    # killed at its deadline plus the grace (0.6 s), later on a loaded machine: the message says how long
    assert killed.isolated is True and 0.6 <= killed.seconds < 10
    assert killed.error.startswith("no answer after ") and float(killed.error.split()[3]) >= 0.6
    status, _, [(_, died)] = run_in_child(lambda phase: phase(_dies, 5.0, True))
    assert died.isolated is True and 0 <= died.seconds < 10
    seen_by_body = run_in_child(lambda phase: phase(lambda b, r: (time.sleep(0.2), 3)[1], 5.0, True))[1]
    assert seen_by_body.status == "ok" and seen_by_body.seconds >= 0.2 and seen_by_body.isolated is True


def test_replaying_hands_the_isolation_asked_for_to_the_next_runner():
    seen = []

    def then(work, seconds, isolate):
        seen.append((seconds, isolate))
        return Guarded("ok", None)
    replaying([], then)(_quick, 2.5, True)
    replaying([(phase_label(_stuck), Guarded("ok", 1))], then)(_quick, 1.5, False)
    assert seen == [(2.5, True), (1.5, False)]


def test_without_fork_the_one_child_refuses_in_one_line(monkeypatch):
    from symconv.engine import theorem_child
    monkeypatch.setattr(theorem_child, "CAN_FORK", False)
    with pytest.raises(RuntimeError, match="^run_in_child needs the fork start method$"):
        run_in_child(lambda phase: 1)


def test_a_work_without_a_qualified_name_is_labelled_by_its_type():
    import functools

    assert phase_label(functools.partial(_quick)) == "partial"
    assert phase_label(_quick) == "_quick"


@pytest.mark.parametrize("payload, why", [(b"not a pickle", "unreadable message"),
                                          (__import__("pickle").dumps(["start"]), "not a message")])
def test_bytes_that_are_no_message_give_no_result(payload, why):
    def forged(phase):
        import gc
        from multiprocessing.connection import Connection
        gc.unfreeze()
        conn = next(o for o in gc.get_objects() if isinstance(o, Connection) and o.writable)
        conn.send_bytes(payload)
        return "result"
    status, text, phases = run_in_child(forged)
    assert status == "stopped" and why in text and phases == []
