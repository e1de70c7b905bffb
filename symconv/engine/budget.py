"""Time budgets.  Running out of time is a verdict (``undecided``), never a pass.

Three mechanisms work together: loops call :meth:`Budget.check` between units
of work (cooperative); :func:`hard_limit` interrupts a long SymPy call through
SIGALRM when it runs in the main thread; and :func:`run_guarded` runs a whole
phase in a forked child process that a watchdog (the parent) kills at the
deadline plus a grace period, so neither a loop stuck in C code (which never
sees SIGALRM) nor a broad ``except`` in a check can defeat the budget.

:class:`BudgetExhausted` derives from ``BaseException``, so ``except Exception``
in a check does not swallow it.

>>> b = Budget(10.0)
>>> b.check()          # plenty of time left: no exception
>>> Budget(0.0).expired
True
>>> issubclass(BudgetExhausted, Exception)
False
>>> out = run_guarded(lambda budget, report: (report(1), 6 * 7)[1], 10.0)
>>> out.status, out.value, out.progress
('ok', 42, [1])
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

__all__ = ["Budget", "BudgetExhausted", "hard_limit", "run_guarded", "Guarded", "picklable", "CAN_FORK",
           "WATCHDOG_GRACE"]


class BudgetExhausted(BaseException):
    """The time budget of a check ran out.

    A ``BaseException`` (like ``KeyboardInterrupt``), so that a check's own ``except Exception``
    cannot turn a time-out into a pass.
    """


class Budget:
    """A deadline, ``seconds`` from now."""

    def __init__(self, seconds: float):
        if seconds < 0:
            raise ValueError(f"seconds must be >= 0, got {seconds}")
        self.seconds = float(seconds)
        self.deadline = time.monotonic() + self.seconds

    @property
    def remaining(self) -> float:
        return max(0.0, self.deadline - time.monotonic())

    @property
    def expired(self) -> bool:
        return time.monotonic() >= self.deadline

    def check(self) -> None:
        if self.expired:
            raise BudgetExhausted(f"time budget of {self.seconds:g}s exhausted")


@contextlib.contextmanager
def hard_limit(budget: Budget) -> Iterator[None]:
    """Raise BudgetExhausted inside the block when the budget's deadline passes.

    Only active in the main thread on platforms with SIGALRM; elsewhere the
    cooperative checks are the only limit.
    """
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def on_alarm(signum, frame):  # pragma: no cover - timing dependent
        raise BudgetExhausted(f"time budget of {budget.seconds:g}s exhausted")

    remaining = budget.remaining
    if remaining <= 0:
        raise BudgetExhausted(f"time budget of {budget.seconds:g}s exhausted")
    start = time.monotonic()
    old = signal.signal(signal.SIGALRM, on_alarm)
    prev = signal.setitimer(signal.ITIMER_REAL, remaining)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
        if prev[0] > 0:  # restore an outer timer, shortened by the time spent
            signal.setitimer(signal.ITIMER_REAL, max(1e-3, prev[0] - (time.monotonic() - start)))


#: where the fork start method exists, every phase runs in a child process under the watchdog
CAN_FORK = "fork" in multiprocessing.get_all_start_methods()
#: seconds the watchdog waits past a phase's deadline before it kills the child
WATCHDOG_GRACE = 2.0


@dataclass
class Guarded:
    """Outcome of :func:`run_guarded`.

    ``status`` is ``"ok"`` (``value`` holds the result), ``"timed out"`` (the budget ran out inside
    the phase), ``"killed"`` (the watchdog killed a child that ignored its deadline), ``"raised"``
    (``error`` names the exception) or ``"died"`` (the child ended without an answer).  ``progress``
    lists what the phase reported before it ended, in order.
    """

    status: str
    value: Any = None
    progress: list = field(default_factory=list)
    error: str = ""
    seconds: float = 0.0
    isolated: bool = False

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def why(self) -> str:
        """One phrase for a report: why this phase gave no answer."""
        if self.status == "killed":
            return f"timed out, killed by the watchdog after {self.seconds:.1f} s"
        if self.status == "timed out":
            return f"timed out ({self.error})" if self.error else "timed out"
        if self.status == "raised":
            return f"raised {self.error}"
        if self.status == "died":
            return f"its process ended without an answer ({self.error})"
        return "ok"


def picklable(obj: Any) -> Any:
    """``obj`` itself when it pickles; else, for an object with a ``data`` dict (Counterexample,
    Holds), a copy whose data values are strings; else ``str(obj)``."""
    try:
        pickle.dumps(obj)
        return obj
    except Exception:
        pass
    data = getattr(obj, "data", None)
    if isinstance(data, dict):
        import copy

        try:
            clone = copy.copy(obj)
            clone.data = {str(k): str(v) for k, v in data.items()}
            for name, value in vars(clone).items():
                if name != "data":
                    try:
                        pickle.dumps(value)
                    except Exception:
                        setattr(clone, name, str(value))
            pickle.dumps(clone)
            return clone
        except Exception:
            pass
    if isinstance(obj, tuple):
        return tuple(picklable(v) for v in obj)
    if isinstance(obj, list):
        return [picklable(v) for v in obj]
    return str(obj)


def _describe(exc: BaseException) -> str:
    text = str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _masked_alarm():
    """Block SIGALRM while a message is written (a half-written message would corrupt the pipe)."""
    if hasattr(signal, "pthread_sigmask"):
        return _SigMask()
    return contextlib.nullcontext()


class _SigMask:
    def __enter__(self):
        self.old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})

    def __exit__(self, *exc):
        signal.pthread_sigmask(signal.SIG_SETMASK, self.old)
        return False


def _run_here(work: Callable, seconds: float, report: Callable) -> tuple[str, Any]:
    """Run ``work(budget, report)`` with the SIGALRM limit; -> (status, value or error)."""
    budget = Budget(seconds)
    try:
        with hard_limit(budget):
            value = work(budget, report)
        return "ok", value
    except BudgetExhausted as exc:
        return "timed out", str(exc)
    except KeyboardInterrupt:
        raise
    except BaseException as exc:   # Exception, SystemExit, GeneratorExit: never a pass
        return "raised", _describe(exc)


def flush_std_streams() -> None:
    """Flush stdout and stderr, ignoring any error: before a fork (nothing buffered is written twice)
    and before a child's os._exit (nothing it printed is lost)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BaseException:
            pass


def start_frozen(proc) -> None:
    """Start a fork-context process with the garbage collector's objects frozen for the fork
    (``gc.freeze``): the child's collections then skip the objects it inherited, instead of writing to
    every one of them and so copying every page of the parent's heap.  The parent unfreezes at once."""
    gc.freeze()
    try:
        proc.start()
    finally:
        gc.unfreeze()


def reap(proc, reader, overdue: bool, grace: float) -> None:
    """End a watched child: one that answered (or died) is joined, one still running (past its deadline,
    or not ending within ``grace``) is killed; then the pipe is closed."""
    if not overdue:
        proc.join(grace)                            # a child that has answered (or died) ends now
    if proc.is_alive():
        proc.kill()
    proc.join()
    reader.close()


def _child_main(conn, work: Callable, seconds: float) -> None:  # pragma: no cover - runs in the child
    code = 0
    try:
        def report(msg):
            with _masked_alarm():
                conn.send(("progress", picklable(msg)))

        status, value = _run_here(work, seconds, report)
        conn.send((status, picklable(value)))
    except BaseException as exc:
        code = 1
        try:
            conn.send(("raised", _describe(exc)))
        except BaseException:
            pass
    finally:
        flush_std_streams()
        os._exit(code)


def run_guarded(work: Callable[[Budget, Callable[[Any], None]], Any], seconds: float, *,
                isolate: bool = True, grace: float = WATCHDOG_GRACE) -> Guarded:
    """Run one phase of a check, ``work(budget, report)``, within ``seconds``.

    ``work`` gets its :class:`Budget` and a ``report(message)`` function that streams progress (for
    instance each n that passed), so a phase that is killed keeps what it had already shown.

    With ``isolate`` (the default) and the fork start method, the phase runs in a forked child
    process (``multiprocessing.get_context("fork")``) that sends its pickled messages through a
    pipe; the parent is the watchdog and kills the child ``grace`` seconds after the deadline,
    which stops even a loop stuck in C code.  Values that do not pickle are sent as strings (see
    :func:`picklable`).  Side effects of ``work`` (caches, globals) stay in the child.

    Without fork (Windows, or ``isolate=False``) the phase runs in this process, limited only by
    the cooperative :meth:`Budget.check` calls and the SIGALRM limit of :func:`hard_limit` (main
    thread only): there a loop stuck in C code cannot be stopped.
    """
    start = time.monotonic()
    progress: list = []
    if not (isolate and CAN_FORK):
        status, value = _run_here(work, seconds, progress.append)
        return Guarded(status, value if status == "ok" else None, progress,
                       "" if status == "ok" else str(value), time.monotonic() - start, False)

    ctx = multiprocessing.get_context("fork")
    reader, writer = ctx.Pipe(duplex=False)
    flush_std_streams()                       # nothing buffered is written twice by the child
    proc = ctx.Process(target=_child_main, args=(writer, work, seconds), daemon=True)
    start_frozen(proc)
    writer.close()
    deadline = start + seconds + grace
    final, overdue = None, False
    try:
        while final is None:
            left = deadline - time.monotonic()
            if left <= 0:
                overdue = True                          # the watchdog's deadline: kill the child
                break
            if not reader.poll(min(left, 1.0)):
                continue
            try:
                msg = reader.recv()
            except (EOFError, OSError):
                break                                   # the child is gone without an answer
            if msg[0] == "progress":
                progress.append(msg[1])
            else:
                final = msg
    finally:
        reap(proc, reader, overdue, grace)
    killed = overdue and final is None
    elapsed = time.monotonic() - start
    if final is not None:
        status, value = final
        return Guarded(status, value if status == "ok" else None, progress,
                       "" if status == "ok" else str(value), elapsed, True)
    if killed:
        return Guarded("killed", None, progress, f"no answer after {elapsed:.1f} s", elapsed, True)
    return Guarded("died", None, progress, f"exit code {proc.exitcode}", elapsed, True)
