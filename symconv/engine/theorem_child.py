"""Run all the phases of a theorem in ONE forked child, each phase still under its own watchdog; and, with
:class:`ChildSession`, several theorems one after another in the same child.

:func:`symconv.engine.budget.run_guarded` forks a child per phase.  A fork of a process that holds
SymPy costs about 25 ms (page tables, then the child's exit) plus the copy-on-write faults of the
pages the phase touches; a theorem has five phases or more.  Here the child runs the theorem's whole
check, ``body(phase)``, and runs each phase in itself under the SIGALRM limit
(:func:`symconv.engine.budget._run_here`, as a per-phase child would), telling the parent when the
phase starts (with its time budget), what it reports, and how it ended.  The parent is the watchdog:
it kills the child ``grace`` seconds after the running phase's deadline (or when the child spends more
than ``idle`` seconds between phases).

A :class:`ChildSession` keeps its child between bodies: SymPy's caches, the modules it imports on first
use and the engine's memos are filled once for a list of theorems instead of once per theorem (about a
third of the catalogue's time).  None of them changes an answer; the process-wide settings a body could
leave changed are put back before the next body.

When the child does not bring back the body's result (it was killed in a phase, it died, the body
raised, the result does not pickle) the parent knows how every finished phase ended, and for the
phase that was running, that it was killed or that the process died, with what it had reported:
:func:`replaying` hands those outcomes back in order, so the caller can run the body again in this
process, each remaining phase in a child of its own (nothing is run twice).

Each phase's value and progress go through pickle in the child, exactly as they would reach the parent
from a child of their own, so the body sees the same values whether it runs in the child or replays.

>>> def body(phase):
...     g = phase(lambda budget, report: (report(1), 6 * 7)[1], 10.0, True)
...     return g.status, g.value, g.progress
>>> run_in_child(body)[:2] if CAN_FORK else ("ok", ("ok", 42, [1]))
('ok', ('ok', 42, [1]))
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import time
from collections.abc import Callable, Sequence
from typing import Any

from .budget import CAN_FORK, WATCHDOG_GRACE, Guarded, _describe, _masked_alarm, _run_here, \
    flush_std_streams, picklable, reap, start_frozen
from .child_state import Namespaces, Settings

__all__ = ["PhaseRunner", "ChildSession", "run_in_child", "replaying", "phase_label", "IDLE_SECONDS"]

#: (work, seconds, isolate) -> Guarded: how a theorem's check runs one phase
PhaseRunner = Callable[[Callable, float, bool], Guarded]

#: seconds the child may spend between two phases (the theorem's own bookkeeping) before it is killed
IDLE_SECONDS = 30.0


def phase_label(work: Callable) -> str:
    """The name a phase is recorded under (its work function's qualified name)."""
    return str(getattr(work, "__qualname__", type(work).__name__))


def _through_pickle(conn, message: tuple) -> tuple:
    """Send ``message`` to the parent and return what the parent receives (a pickled copy)."""
    data = pickle.dumps(message)
    with _masked_alarm():
        conn.send_bytes(data)
    return pickle.loads(data)


def _phase_in_child(conn) -> PhaseRunner:
    def phase(work: Callable, seconds: float, isolate: bool = True) -> Guarded:
        start = time.monotonic()
        _through_pickle(conn, ("start", phase_label(work), float(seconds)))
        progress: list = []

        def report(msg) -> None:
            progress.append(_through_pickle(conn, ("progress", picklable(msg)))[1])

        try:
            status, value = _run_here(work, seconds, report)
        except BaseException as exc:       # KeyboardInterrupt too: a child of its own reported it so
            status, value = "raised", _describe(exc)
        _, status, value = _through_pickle(conn, ("end", status, picklable(value)))
        ok = status == "ok"
        return Guarded(status, value if ok else None, progress, "" if ok else str(value),
                       time.monotonic() - start, True)
    return phase


def _session_main(requests, conn, bodies: Sequence[Callable[[PhaseRunner], Any]], parent_end) -> None:  # pragma: no cover - in the child
    code = 0
    try:
        parent_end.close()                      # the parent's end of the requests: at its exit, end of file here
        settings, names, phase = Settings(), Namespaces(), _phase_in_child(conn)
        served = False
        while True:
            try:
                k = requests.recv()
            except (EOFError, OSError):         # the parent is gone
                break
            if k is None:
                break
            why = names.tainted() if served else ""
            if why:                             # a body rebound a name: this body gets a new child
                conn.send_bytes(pickle.dumps(("tainted", why)))
                break
            served = True
            try:
                settings.restore()
                data = pickle.dumps(("result", bodies[k](phase)))
            except BaseException as exc:
                code = 1
                try:
                    conn.send_bytes(pickle.dumps(("failed", _describe(exc))))
                except BaseException:
                    pass
                break
            conn.send_bytes(data)
            # what the bodies so far left alive (SymPy's caches mostly) is moved out of the collector's
            # generations: the next bodies' collections skip it instead of walking it again (a sixth of
            # the catalogue's time in one child); cyclic garbage left now stays until the child ends
            gc.freeze()
    finally:
        flush_std_streams()
        os._exit(code)


class ChildSession:
    """A forked child that runs ``bodies[k](phase)`` when asked, one body after another, in the same
    process: what SymPy and the engine remember (caches, imported modules, checked lemmas) carries from
    one body to the next, which a child per body would compute again.  Those caches do not change what a
    check answers; the settings a body could leave changed are put back before each body, and a body
    that rebinds a name of symconv, of a proof script or of SymPy / NumPy / mpmath leaves the child
    tainted (:mod:`symconv.engine.child_state`): the next body is sent to a new child (listed in
    ``tainted``), never run where the patch is.

    :meth:`run` watches the child exactly as :func:`run_in_child` does and returns the same triple.
    A body that does not bring its result back (a phase killed, the process died, the body raised) ends
    the child; the next :meth:`run` forks a new one.  :meth:`close` (or leaving the ``with`` block)
    ends the child; so does the parent's exit (the child is a daemon and reads end of file).

    >>> bodies = [lambda phase: phase(lambda budget, report: 6 * 7, 10.0, True).value, lambda phase: os.getpid()]
    >>> if CAN_FORK:
    ...     with ChildSession(bodies) as session:
    ...         (s0, v0, _), (s1, pid1, _), (s2, pid2, _) = session.run(0), session.run(1), session.run(1)
    ...     print(s0, v0, s1, pid1 == pid2 != os.getpid())
    ... else:
    ...     print("ok 42 ok True")
    ok 42 ok True
    """

    def __init__(self, bodies: Sequence[Callable[[PhaseRunner], Any]], *, grace: float = WATCHDOG_GRACE,
                 idle: float = IDLE_SECONDS):
        if not CAN_FORK:
            raise RuntimeError("run_in_child needs the fork start method")
        self.bodies, self.grace, self.idle = bodies, grace, idle
        self._proc = self._reader = self._requests = None
        self._fresh = True                        # the child has served no body yet
        self.tainted: list[str] = []              # why a child was replaced before a body

    def __enter__(self) -> "ChildSession":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _start(self) -> None:
        ctx = multiprocessing.get_context("fork")
        reader, writer = ctx.Pipe(duplex=False)
        requests_in, requests = ctx.Pipe(duplex=False)
        flush_std_streams()                       # nothing buffered is written twice by the child
        proc = ctx.Process(target=_session_main, args=(requests_in, writer, self.bodies, requests), daemon=True)
        start_frozen(proc)
        writer.close()
        requests_in.close()
        self._proc, self._reader, self._requests = proc, reader, requests
        self._fresh = True

    def _end(self, overdue: bool) -> None:
        if self._proc is None:
            return
        try:
            self._requests.send(None)             # a child waiting for the next body ends now
        except OSError:
            pass
        self._requests.close()
        reap(self._proc, self._reader, overdue, self.grace)
        self.exitcode = self._proc.exitcode
        self._proc = self._reader = self._requests = None

    def close(self) -> None:
        """End the child (it finishes nothing: call between bodies)."""
        self._end(False)

    def run(self, k: int) -> tuple[str, Any, list[tuple[str, Guarded]]]:
        """Run ``bodies[k]`` in the child; ``("ok", value, phases)`` or ``("stopped", why, phases)``
        as :func:`run_in_child` returns them."""
        while True:
            if self._proc is None:
                self._start()
            try:
                self._requests.send(k)
            except OSError:
                pass                              # the child is gone: the watch below says so
            result, why, overdue, running, phases = _watch(self._reader, self.grace, self.idle)
            if result is None or result[0] != "tainted" or self._fresh:
                break
            self.tainted.append(str(result[1]))   # a new child (never tainted before its first body)
            self._end(False)
        if result is not None and result[0] == "result":
            self._fresh = False
            return "ok", result[1], phases
        if result is not None:                    # pragma: no cover - a new child is never tainted
            result, why = None, f"a new child was tainted: {result[1]}"
        self._end(overdue)
        if running is not None:
            label, started, progress = running
            elapsed = time.monotonic() - started
            if overdue:
                phases.append((label, Guarded("killed", None, progress, f"no answer after {elapsed:.1f} s", elapsed, True)))
            else:
                phases.append((label, Guarded("died", None, progress, f"exit code {self.exitcode}", elapsed, True)))
            return "stopped", why or f"the child stopped in phase {label}", phases
        return "stopped", why or ("the child was killed between phases" if overdue else
                                  f"the child ended without a result (exit code {self.exitcode})"), phases


def _watch(reader, grace: float, idle: float) -> tuple:
    """Read one body's messages: ``(result, why, overdue, running, phases)``, ``result`` the
    ``("result", value)`` message when it came, ``running`` the phase in progress when it did not."""
    phases: list[tuple[str, Guarded]] = []
    running: tuple | None = None              # (label, started, progress) of the phase in progress
    deadline = time.monotonic() + idle
    result, why, overdue = None, "", False
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            overdue = True
            break
        if not reader.poll(min(left, 1.0)):
            continue
        try:
            msg = pickle.loads(reader.recv_bytes())
        except (EOFError, OSError):
            break                                   # the child is gone
        except Exception as exc:                    # bytes that are no message: no result from this child
            why = f"the child sent an unreadable message ({type(exc).__name__})"
            break
        if not (isinstance(msg, tuple) and msg and isinstance(msg[0], str)):
            why = "the child sent something that is not a message"
            break
        kind = msg[0]
        if kind == "start" and running is None:
            running = (msg[1], time.monotonic(), [])
            deadline = running[1] + msg[2] + grace
        elif kind == "progress" and running is not None:
            running[2].append(msg[1])
        elif kind == "end" and running is not None:
            label, started, progress = running
            status, value = msg[1], msg[2]
            ok = status == "ok"
            phases.append((label, Guarded(status, value if ok else None, progress, "" if ok else str(value),
                                          time.monotonic() - started, True)))
            running, deadline = None, time.monotonic() + idle
        elif kind == "result" and running is None:
            result = msg
            break
        elif kind == "tainted" and running is None and not phases:
            result = msg                            # the body did not start: ChildSession.run sends it again
            break
        else:
            why = f"the child sent {kind!r}" + (f": {msg[1]}" if kind == "failed" else " out of turn")
            break
    return result, why, overdue, running, phases


def run_in_child(body: Callable[[PhaseRunner], Any], *, grace: float = WATCHDOG_GRACE,
                 idle: float = IDLE_SECONDS) -> tuple[str, Any, list[tuple[str, Guarded]]]:
    """Run ``body(phase)`` in a forked child; ``phase(work, seconds, isolate)`` runs a phase there.

    Returns ``("ok", value, phases)`` with the body's return value, or ``("stopped", why, phases)``
    when the child did not bring it back; ``phases`` lists ``(label, Guarded)`` for every phase that
    ended in the child, then, if one was running, that phase as ``"killed"`` (past its deadline plus
    ``grace``) or ``"died"`` (the process ended), with the progress it had reported.
    """
    with ChildSession([body], grace=grace, idle=idle) as session:
        return session.run(0)


def replaying(phases: list[tuple[str, Guarded]], then: PhaseRunner) -> PhaseRunner:
    """A phase runner that returns the recorded outcomes in order, as long as each phase asked for has
    the recorded label, and runs every other phase with ``then``."""
    queue = list(phases)

    def phase(work: Callable, seconds: float, isolate: bool = True) -> Guarded:
        if queue and queue[0][0] == phase_label(work):
            return queue.pop(0)[1]
        queue.clear()                       # out of step: nothing recorded is used from here on
        return then(work, seconds, isolate)
    return phase
