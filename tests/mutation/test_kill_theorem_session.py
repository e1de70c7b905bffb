"""Kill tests for the session code of engine/theorem_child.py (mutation testing, 2026-12-02).

Everything here runs in this process, with stand-ins for the pipes, the clock and the child: the child's main
loop (``_session_main``, which otherwise runs only in a forked child that mutmut cannot see), the parent's
reading of one body's messages (``_watch``, message by message, with a clock that moves only when the reader
waits), and ``ChildSession``'s bookkeeping (``run``, ``_start``, ``_end``) around them."""

from __future__ import annotations

import pickle
import types

import mpmath
import pytest

from symconv.engine import theorem_child as tc
from symconv.engine.budget import Guarded
from symconv.engine.theorem_child import ChildSession


# ---------------------------------------------------------------- _session_main, in this process

class _Exit(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


class _Requests:
    """The child's end of the request pipe: hands out the scripted requests (an exception is raised)."""

    def __init__(self, items):
        self.items = list(items)

    def recv(self):
        item = self.items.pop(0)
        if isinstance(item, BaseException):
            raise item
        return item


class _Conn:
    """The child's end of the message pipe: keeps what was sent (unpickled)."""

    def __init__(self, fail=False):
        self.sent, self.fail = [], fail

    def send_bytes(self, data):
        if self.fail:
            raise OSError("pipe closed")
        self.sent.append(pickle.loads(data))


class _End:
    closed = False

    def close(self):
        self.closed = True


@pytest.fixture
def child(monkeypatch):
    """Runs ``_session_main`` here: its os._exit raises _Exit, gc.freeze is counted."""
    frozen = []

    def exit_(code):
        raise _Exit(code)
    monkeypatch.setattr(tc, "os", types.SimpleNamespace(_exit=exit_))
    monkeypatch.setattr(tc, "gc", types.SimpleNamespace(freeze=lambda: frozen.append(1)))
    prec = mpmath.mp.prec

    def main(requests, bodies, conn=None):
        conn = conn or _Conn()
        end = _End()
        before = len(frozen)
        with pytest.raises(_Exit) as exited:
            tc._session_main(_Requests(requests), conn, bodies, end)
        assert end.closed
        return exited.value.code, conn.sent, len(frozen) - before
    yield main
    mpmath.mp.prec = prec


def _sets_prec(phase):
    mpmath.mp.prec = 11
    return "set"


def _reads_prec(phase):
    return mpmath.mp.prec


def test_the_child_runs_each_body_asked_for_with_the_settings_put_back(child):
    prec = mpmath.mp.prec
    code, sent, frozen = child([0, 1, 1, None], [_sets_prec, _reads_prec])
    assert code == 0 and sent == [("result", "set"), ("result", prec), ("result", prec)] and frozen == 3


def test_the_child_ends_when_the_parent_is_gone(child):
    assert child([0, EOFError()], [lambda phase: 5]) == (0, [("result", 5)], 1)
    assert child([OSError()], [lambda phase: 5]) == (0, [], 0)


def test_a_body_that_raises_ends_the_child_with_code_1_and_says_why(child):
    def raises(phase):
        raise RuntimeError("boom")
    code, sent, frozen = child([1, 0, None], [lambda phase: 1, raises])
    assert (code, sent, frozen) == (1, [("failed", "RuntimeError: boom")], 0)


def test_a_result_that_does_not_pickle_is_a_failure(child):
    code, sent, _ = child([0, 0], [lambda phase: (lambda: 1)])
    assert code == 1 and len(sent) == 1 and sent[0][0] == "failed" and "pickle" in sent[0][1].lower()


def test_a_failure_that_cannot_be_sent_still_ends_the_child_with_code_1(child):
    def raises(phase):
        raise RuntimeError("boom")
    assert child([0, 0], [raises], conn=_Conn(fail=True)) == (1, [], 0)


def test_a_body_runs_its_phases_through_the_message_pipe(child):
    def body(phase):
        g = phase(lambda budget, report: (report("r"), 6)[1], 4.0, True)
        return g.status, g.value, g.progress
    code, sent, _ = child([0, None], [body])
    assert code == 0 and sent[0][0] == "start" and sent[0][2] == 4.0
    assert sent[1:] == [("progress", "r"), ("end", "ok", 6), ("result", ("ok", 6, ["r"]))]


@pytest.fixture
def watched_module(monkeypatch):
    mod = types.ModuleType("symconv._kill_session_module")
    mod.f = len
    monkeypatch.setitem(__import__("sys").modules, mod.__name__, mod)
    return mod


def test_a_body_that_rebinds_a_watched_name_taints_the_child_before_the_next_body(child, watched_module):
    def patches(phase):
        watched_module.f = max
        return "patched"
    code, sent, frozen = child([0, 1, 1], [patches, lambda phase: "never"])
    assert code == 0 and frozen == 1
    assert sent == [("result", "patched"), ("tainted", "symconv._kill_session_module.f was rebound")]


def test_the_taint_check_runs_only_after_a_body_was_served(child, monkeypatch):
    class AlwaysTainted:                    # stands in for Namespaces: says "tainted" whenever it is asked
        asked = 0

        def tainted(self):
            AlwaysTainted.asked += 1
            return "m.f was rebound"
    monkeypatch.setattr(tc, "Namespaces", AlwaysTainted)
    code, sent, frozen = child([0, 0], [lambda phase: 1])
    assert (code, sent, frozen) == (0, [("result", 1), ("tainted", "m.f was rebound")], 1)
    assert AlwaysTainted.asked == 1         # a new child's first body is never refused


# ---------------------------------------------------------------- _watch, message by message

class _Clock:
    def __init__(self, t=100.0):
        self.t = t

    def monotonic(self):
        return self.t


class _Reader:
    """Scripted messages (tuples are pickled, bytes sent as they are, numbers are pauses in seconds,
    exceptions raised by recv_bytes); after the script, silence."""

    def __init__(self, clock, script):
        self.clock, self.script, self.polls = clock, list(script), []

    def poll(self, timeout):
        self.polls.append(timeout)
        assert len(self.polls) < 200, "the reader kept polling"
        if self.script and not isinstance(self.script[0], (int, float)):
            return True
        step = timeout
        if self.script:
            step = min(timeout, self.script[0])
            self.script[0] -= step
            if self.script[0] <= 0:
                self.script.pop(0)
        self.clock.t += step
        return False

    def recv_bytes(self):
        item = self.script.pop(0)
        if isinstance(item, BaseException):
            raise item
        return item if isinstance(item, bytes) else pickle.dumps(item)


@pytest.fixture
def clock(monkeypatch):
    c = _Clock()
    monkeypatch.setattr(tc, "time", c)
    return c


def _watch(clock, script, grace=0.5, idle=3.0):
    reader = _Reader(clock, script)
    return tc._watch(reader, grace, idle), reader.polls


def test_every_phase_is_recorded_with_its_progress_status_and_time(clock):
    (result, why, overdue, running, phases), _ = _watch(clock, [
        ("start", "p1", 2.0), 0.25, ("progress", 1), 0.25, ("progress", 2), ("end", "ok", 42),
        0.5, ("start", "p2", 1.0), 0.125, ("end", "raised", "ValueError: x"),
        ("start", "p3", 1.0), ("end", "timed out", 7), ("result", 7)])
    assert (result, why, overdue, running) == (("result", 7), "", False, None)
    assert phases == [("p1", Guarded("ok", 42, [1, 2], "", 0.5, True)),
                      ("p2", Guarded("raised", None, [], "ValueError: x", 0.125, True)),
                      ("p3", Guarded("timed out", None, [], "7", 0.0, True))]


def test_a_child_silent_between_phases_is_overdue_after_idle_seconds(clock):
    (result, why, overdue, running, phases), polls = _watch(clock, [], idle=2.5)
    assert (result, why, overdue, running, phases) == (None, "", True, None, [])
    assert polls == [1.0, 1.0, 0.5] and clock.t == 102.5


def test_a_phase_is_overdue_after_its_budget_and_the_grace(clock):
    (result, why, overdue, running, phases), polls = _watch(clock, [0.25, ("start", "p", 1.5), ("progress", "r")],
                                                            grace=0.5, idle=30.0)
    assert (result, why, overdue, phases) == (None, "", True, [])
    assert running == ("p", 100.25, ["r"]) and clock.t == 102.25
    assert polls == [1.0] * 5                      # a pause, the two messages, then 2 s of silence


def test_after_a_phase_the_idle_limit_starts_again(clock):
    (result, why, overdue, running, phases), polls = _watch(clock, [("start", "p", 1.0), 0.5, ("end", "ok", 1)],
                                                            grace=0.5, idle=2.0)
    assert overdue is True and running is None and [label for label, _ in phases] == ["p"]
    assert clock.t == 102.5                       # the end came at 100.5: idle from there, not the phase's 101.5


def test_a_phase_that_ends_at_its_deadline_is_not_overdue(clock):
    (result, _, overdue, _, phases), _ = _watch(clock, [("start", "p", 0.5), 0.75, ("end", "ok", 1), ("result", 2)],
                                                grace=0.5, idle=1.0)
    assert (result, overdue) == (("result", 2), False) and phases[0][1].seconds == 0.75
    (result, _, overdue, running, phases), _ = _watch(clock, [("start", "p", 0.5), 1.0, ("end", "ok", 1)],
                                                      grace=0.5, idle=1.0)
    assert (result, overdue, running[0], phases) == (None, True, "p", [])     # at its deadline: overdue


@pytest.mark.parametrize("error", [EOFError(), OSError()])
def test_a_child_that_is_gone_ends_the_watch_with_what_was_running(clock, error):
    (result, why, overdue, running, phases), _ = _watch(clock, [("start", "p", 5.0), ("progress", "x"), error])
    assert (result, why, overdue, running, phases) == (None, "", False, ("p", 100.0, ["x"]), [])


@pytest.mark.parametrize("payload, text", [
    (b"junk", "the child sent an unreadable message (UnpicklingError)"),
    (pickle.dumps(["start", "p", 1.0]), "the child sent something that is not a message"),
    (pickle.dumps(()), "the child sent something that is not a message"),
    (pickle.dumps((1, 2)), "the child sent something that is not a message"),
    (pickle.dumps("result"), "the child sent something that is not a message"),
])
def test_bytes_that_are_no_message(clock, payload, text):
    (result, why, overdue, running, phases), _ = _watch(clock, [payload, ("result", 1)])
    assert (result, why, overdue, running, phases) == (None, text, False, None, [])


@pytest.mark.parametrize("script, text", [
    ([("progress", 1)], "the child sent 'progress' out of turn"),
    ([("end", "ok", 1)], "the child sent 'end' out of turn"),
    ([("start", "p", 1.0), ("start", "q", 1.0)], "the child sent 'start' out of turn"),
    ([("start", "p", 1.0), ("result", 1)], "the child sent 'result' out of turn"),
    ([("start", "p", 1.0), ("tainted", "x")], "the child sent 'tainted' out of turn"),
    ([("start", "p", 1.0), ("end", "ok", 1), ("tainted", "x")], "the child sent 'tainted' out of turn"),
    ([("failed", "RuntimeError: boom")], "the child sent 'failed': RuntimeError: boom"),
    ([("hello", "x")], "the child sent 'hello' out of turn"),
])
def test_a_message_out_of_turn_ends_the_watch_without_a_result(clock, script, text):
    (result, why, overdue, _, _), _ = _watch(clock, script + [("result", 1)])
    assert (result, why, overdue) == (None, text, False)


def test_a_tainted_child_says_so_before_the_body_starts(clock):
    assert _watch(clock, [("tainted", "m.f was rebound"), ("result", 1)])[0] == (
        ("tainted", "m.f was rebound"), "", False, None, [])


# ---------------------------------------------------------------- ChildSession's bookkeeping

class _Pipe:
    def __init__(self, fail=False):
        self.sent, self.closed, self.fail = [], False, fail

    def send(self, obj):
        if self.fail:
            raise OSError("gone")
        self.sent.append(obj)

    def close(self):
        self.closed = True


@pytest.fixture
def session(monkeypatch, clock):
    """A ChildSession whose child is a stand-in: _start and _end are recorded, _watch answers from a list."""
    s = ChildSession([lambda phase: 1] * 3, grace=0.5, idle=9.0)
    log, answers = [], []

    def start():
        log.append("start")
        s._proc, s._requests, s._reader, s._fresh = object(), _Pipe(), "reader", True

    def end(overdue):
        log.append(("end", overdue))
        s.exitcode, s._proc = 3, None

    def watch(reader, grace, idle):
        log.append(("watch", reader, grace, idle, s._requests.sent[-1]))
        return answers.pop(0)
    s._start, s._end = start, end
    monkeypatch.setattr(tc, "_watch", watch)
    return s, log, answers


def test_a_result_comes_back_ok_and_the_child_is_kept(session):
    s, log, answers = session
    phases = [("p", Guarded("ok", 1))]
    answers += [(("result", "v"), "", False, None, phases), (("result", "w"), "", False, None, [])]
    assert s.run(2) == ("ok", "v", phases) and s._fresh is False
    assert s.run(0) == ("ok", "w", [])
    assert log == ["start", ("watch", "reader", 0.5, 9.0, 2), ("watch", "reader", 0.5, 9.0, 0)]


def test_a_tainted_child_is_replaced_and_the_body_sent_again(session):
    s, log, answers = session
    answers += [(("result", 1), "", False, None, []), (("tainted", "m.f was rebound"), "", False, None, []),
                (("result", 2), "", False, None, [])]
    s.run(0)
    assert s.run(1) == ("ok", 2, [])
    assert s.tainted == ["m.f was rebound"]
    assert log == ["start", ("watch", "reader", 0.5, 9.0, 0), ("watch", "reader", 0.5, 9.0, 1), ("end", False),
                   "start", ("watch", "reader", 0.5, 9.0, 1)]


def test_a_new_child_that_says_it_is_tainted_gives_no_result(session):
    s, log, answers = session
    answers += [(("tainted", "m.f"), "", True, None, [])]
    assert s.run(0) == ("stopped", "a new child was tainted: m.f", [])
    assert s.tainted == [] and log[-1] == ("end", True)


@pytest.mark.parametrize("overdue, why, status, error, text", [
    (True, "", "killed", "no answer after 2.5 s", "the child stopped in phase p"),
    (False, "", "died", "exit code 3", "the child stopped in phase p"),
    (False, "the child sent 'x' out of turn", "died", "exit code 3", "the child sent 'x' out of turn"),
])
def test_a_phase_that_was_running_is_recorded_killed_or_died(session, clock, overdue, why, status, error, text):
    s, log, answers = session
    before = [("q", Guarded("ok", 1))]
    answers += [(None, why, overdue, ("p", clock.t - 2.5, ["r"]), list(before))]
    assert s.run(1) == ("stopped", text, before + [("p", Guarded(status, None, ["r"], error, 2.5, True))])
    assert log[-1] == ("end", overdue)


@pytest.mark.parametrize("overdue, why, text", [
    (True, "", "the child was killed between phases"),
    (False, "", "the child ended without a result (exit code 3)"),
    (False, "the child sent 'failed': E", "the child sent 'failed': E"),
])
def test_no_result_between_phases(session, overdue, why, text):
    s, log, answers = session
    answers += [(None, why, overdue, None, [])]
    assert s.run(0) == ("stopped", text, []) and log[-1] == ("end", overdue)


def test_a_request_that_cannot_be_sent_is_left_to_the_watch(session):
    s, log, answers = session
    answers += [(None, "", False, None, [])]
    s._start()
    s._requests = _Pipe(fail=True)
    s._requests.sent.append("none sent")
    assert s.run(0)[0] == "stopped"


def test_end_asks_the_child_to_stop_then_reaps_it(monkeypatch):
    reaped = []
    monkeypatch.setattr(tc, "reap", lambda *a: reaped.append(a))
    s = ChildSession([], grace=0.7)
    s._end(True)                                        # no child: nothing to do
    assert reaped == []
    proc, requests = types.SimpleNamespace(exitcode=5), _Pipe()
    s._proc, s._reader, s._requests = proc, "reader", requests
    s._end(True)
    assert requests.sent == [None] and requests.closed and reaped == [(proc, "reader", True, 0.7)]
    assert s.exitcode == 5 and (s._proc, s._reader, s._requests) == (None, None, None)
    requests = _Pipe(fail=True)
    s._proc, s._reader, s._requests = proc, "reader", requests
    s.close()
    assert requests.closed and reaped[-1] == (proc, "reader", False, 0.7)


def test_start_forks_the_child_with_its_pipes_and_closes_the_child_ends(monkeypatch):
    made, started = [], []

    class End(_Pipe):
        def __init__(self, name):
            super().__init__()
            self.name = name

    class Ctx:
        def Pipe(self, duplex=True):
            made.append(("pipe", duplex))
            k = len([m for m in made if m[0] == "pipe"])
            return End(f"r{k}"), End(f"w{k}")

        def Process(self, **kw):
            made.append(("process", kw))
            return "proc"
    monkeypatch.setattr(tc, "multiprocessing", types.SimpleNamespace(get_context=lambda m: made.append(m) or Ctx()))
    monkeypatch.setattr(tc, "start_frozen", started.append)
    bodies = [lambda phase: 1]
    s = ChildSession(bodies)
    s._fresh = False
    s._start()
    assert made[0] == "fork" and made[1:3] == [("pipe", False), ("pipe", False)]
    kw = made[3][1]
    assert kw["target"] is tc._session_main and kw["daemon"] is True
    requests_in, writer, got_bodies, requests = kw["args"]
    assert (requests_in.name, writer.name, requests.name) == ("r2", "w1", "w2") and got_bodies is bodies
    assert started == ["proc"] and writer.closed and requests_in.closed and not requests.closed
    assert s._proc == "proc" and s._reader.name == "r1" and s._requests is requests and s._fresh is True


def test_a_new_session_has_no_child_yet():
    s = ChildSession([], grace=1.5, idle=4.0)
    assert (s.grace, s.idle, s._proc, s._reader, s._requests, s._fresh, s.tainted) == (
        1.5, 4.0, None, None, None, True, [])
    d = ChildSession([])
    assert (d.grace, d.idle) == (tc.WATCHDOG_GRACE, tc.IDLE_SECONDS) and tc.IDLE_SECONDS == 30.0


def test_run_in_child_passes_its_limits_on(monkeypatch):
    seen = []

    class Fake:
        def __init__(self, bodies, *, grace, idle):
            seen.append((len(bodies), grace, idle))

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            seen.append("closed")

        def run(self, k):
            return ("ok", k, [])
    monkeypatch.setattr(tc, "ChildSession", Fake)
    assert tc.run_in_child(lambda phase: 1, grace=0.25, idle=6.0) == ("ok", 0, [])
    assert seen == [(1, 0.25, 6.0), "closed"]
