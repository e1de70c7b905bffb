"""Time limits for the exact layer.  Running out of time is *undecided*, never an answer.

Two mechanisms, as in ``symconv.engine.budget`` (which this layer may not import):

* cooperative: long loops of this layer call :func:`check` between units of work;
* hard: :func:`time_limit` also arms SIGALRM (main thread, POSIX only) so that a long SymPy call
  (``minimal_polynomial``, ``expand``) is interrupted.  An outer timer (for example the engine's
  ``hard_limit``) is preserved: when it is due first, it fires as before.

The exception, :class:`ExactTimeout`, derives from ``BaseException`` so that a broad
``except Exception`` inside SymPy cannot swallow it and carry on with a half-finished computation.

>>> with time_limit(5.0):
...     check()                 # plenty of time left: nothing happens
>>> remaining() is None         # no limit outside the block
True
"""

from __future__ import annotations

import contextlib
import contextvars
import signal
import threading
import time
from typing import Iterator

__all__ = ["ExactTimeout", "time_limit", "check", "remaining"]

_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar("symconv_exact_deadline", default=None)


class ExactTimeout(BaseException):
    """The time limit of an exact decision ran out (the answer is undecided)."""


def remaining() -> float | None:
    """Seconds left before the innermost deadline, or None when no limit is active."""
    d = _DEADLINE.get()
    return None if d is None else d - time.monotonic()


def check() -> None:
    """Raise :class:`ExactTimeout` when the active deadline has passed."""
    d = _DEADLINE.get()
    if d is not None and time.monotonic() >= d:
        raise ExactTimeout("time limit of the exact decision exhausted")


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Limit the block to ``seconds`` (None: no new limit; an enclosing one still applies)."""
    if seconds is None:
        yield
        return
    if seconds < 0:
        raise ValueError(f"seconds must be >= 0 or None, got {seconds}")
    now = time.monotonic()
    outer = _DEADLINE.get()
    deadline = now + seconds if outer is None else min(outer, now + seconds)
    token = _DEADLINE.set(deadline)
    try:
        if deadline <= now:
            raise ExactTimeout("time limit of the exact decision exhausted")
        with _alarm(deadline):
            yield
    finally:
        _DEADLINE.reset(token)


@contextlib.contextmanager
def _alarm(deadline: float) -> Iterator[None]:
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return
    start = time.monotonic()
    prev_delay, _ = signal.getitimer(signal.ITIMER_REAL)
    ours = deadline - start
    if prev_delay > 0 and prev_delay <= ours:
        yield               # the outer timer fires first, with its own handler; cooperative checks do the rest
        return
    active = [True]
    old = signal.getsignal(signal.SIGALRM)

    def on_alarm(signum, frame):  # pragma: no cover - timing dependent
        if active[0]:
            raise ExactTimeout("time limit of the exact decision exhausted")

    signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, max(ours, 1e-4))
    try:
        yield
    finally:
        active[0] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL if old is None else old)
        if prev_delay > 0:   # restore the outer timer, shortened by the time spent
            signal.setitimer(signal.ITIMER_REAL, max(1e-3, prev_delay - (time.monotonic() - start)))
