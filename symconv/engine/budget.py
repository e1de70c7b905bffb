"""Time budgets.  Running out of time is a verdict (``undecided``), never a pass.

Two mechanisms work together: loops call :meth:`Budget.check` between units
of work (cooperative), and :func:`hard_limit` interrupts a long SymPy call
through SIGALRM when it runs in the main thread.

>>> b = Budget(10.0)
>>> b.check()          # plenty of time left: no exception
>>> Budget(0.0).expired
True
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from typing import Iterator

__all__ = ["Budget", "BudgetExhausted", "hard_limit"]


class BudgetExhausted(Exception):
    """The time budget of a check ran out."""


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
