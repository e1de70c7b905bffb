"""Check a list of theorems with N worker processes; the results come back in the list's order.

Each worker checks its theorems in one forked child (:class:`symconv.engine.runner.TheoremSession`), so the
caches SymPy and the engine fill for one theorem serve the next.  Theorems of one proof script share most of
them, so the list is cut into N contiguous runs (:class:`Runs`), one per worker: a worker checks its own run
front to back, and when it is empty takes the last unclaimed theorem of the run with most left.  Each worker
thus sees neighbours, and none idles while another still has theorems waiting.

A worker process that dies (or cannot bring a result back) leaves its theorems undecided with a note saying
so, never a pass.

>>> from symconv.engine.runner import RunOptions
>>> from symconv.engine.theorem import FalseVariant, Theorem
>>> from symconv.engine.statement import Statement
>>> from symconv.engine.verdict import Counterexample, Holds
>>> import sympy as sp
>>> from symconv.objects.indexed import n
>>> def square_mod(k):
...     r = sp.Mod(n**2, k)
...     ok = lambda m: Holds(f"{m}") if m * m % k in (0, 1) else Counterexample(m, "no")
...     return Theorem(f"square_mod_{k}", "n^2 mod k is 0 or 1.", claims="verified", exact=ok, n_range=(1, 9),
...                    formal=Statement.identity(r * (r - 1), 0),
...                    false_variants=[FalseVariant(f"v{k}", "-", exact=lambda m: Counterexample(m, "-"))])
>>> [(r.name, r.verdict.value) for r in check_in_workers([square_mod(k) for k in (3, 4, 5, 2)], RunOptions(), 2)]
[('square_mod_3', 'verified'), ('square_mod_4', 'verified'), ('square_mod_5', 'refuted'), ('square_mod_2', 'verified')]
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence

from .budget import CAN_FORK
from .runner import RunOptions, TheoremSession, run_theorems
from .theorem import Theorem
from .verdict import TheoremResult, Verdict

__all__ = ["check_in_workers", "Runs", "failed_in_worker"]


class Runs:
    """``n`` indices cut into ``parts`` contiguous runs, claimed under a lock shared by forked processes.

    >>> runs = Runs(7, 2)
    >>> [runs.take(0), runs.take(0), runs.take(1)]
    [0, 1, 3]
    >>> [runs.take(0), runs.take(0), runs.take(0), runs.take(0), runs.take(1)]
    [2, 6, 5, 4, None]
    """

    def __init__(self, n: int, parts: int):
        if not (isinstance(n, int) and isinstance(parts, int) and n >= 0 and parts >= 1):
            raise ValueError(f"Runs needs n >= 0 and parts >= 1, got n={n!r}, parts={parts!r}")
        ctx = multiprocessing.get_context("fork" if CAN_FORK else None)
        self.parts = parts
        self._lock = ctx.Lock()
        self._bounds = ctx.RawArray("i", [b for j in range(parts) for b in (j * n // parts, (j + 1) * n // parts)])
        self._next = ctx.RawValue("i", 0)

    def claim(self) -> int:
        """A run for a new worker: 0, 1, ... (then round again)."""
        with self._lock:
            j = self._next.value
            self._next.value = j + 1
        return j % self.parts

    def take(self, j: int) -> int | None:
        """The next index of run ``j``; when it is empty the last index of the run with most left; None when
        every index is taken."""
        b = self._bounds
        with self._lock:
            if b[2 * j] < b[2 * j + 1]:
                b[2 * j] += 1
                return b[2 * j] - 1
            i = max(range(self.parts), key=lambda q: (b[2 * q + 1] - b[2 * q], -q))
            if b[2 * i] < b[2 * i + 1]:
                b[2 * i + 1] -= 1
                return b[2 * i + 1]
        return None


def failed_in_worker(t: Theorem, exc: BaseException) -> TheoremResult:
    """A theorem whose worker process failed: undecided, never a pass."""
    return TheoremResult(t.name, t.topic, t.statement, t.claims, Verdict.UNDECIDED,
                         notes=[f"the worker process running it failed: {type(exc).__name__}: {exc}"])


_JOB: tuple = ()        # (theorems, options, runs), set before the worker processes are forked
_WORKER: list = []      # in a worker process: [its run, its TheoremSession]


def _check_next() -> tuple[int, TheoremResult] | None:
    """In a worker: check the next theorem of its run (or one taken from another run)."""
    thms, opts, runs = _JOB
    if not _WORKER:
        _WORKER.extend([runs.claim(), TheoremSession(thms, opts)])
    k = runs.take(_WORKER[0])
    if k is None:
        return None
    try:
        return k, _WORKER[1].check(k)
    except Exception as exc:                  # the check itself failed here: that theorem is undecided
        return k, failed_in_worker(thms[k], exc)


def check_in_workers(thms: Sequence[Theorem], opts: RunOptions | None, jobs: int) -> Iterator[TheoremResult]:
    """Each theorem's result, in the order of ``thms``, each as soon as it and those before it are known;
    with ``jobs`` > 1 (and fork) from that many worker processes, else one after another here."""
    thms, opts = list(thms), opts or RunOptions()
    if jobs <= 1 or len(thms) <= 1 or not CAN_FORK:
        yield from run_theorems(thms, opts)
        return
    from concurrent.futures import ProcessPoolExecutor, as_completed

    global _JOB
    workers = min(jobs, len(thms))
    _JOB = (thms, opts, Runs(len(thms), workers))
    done: dict[int, TheoremResult] = {}
    failure: BaseException | None = None
    nxt = 0
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            for fut in as_completed([pool.submit(_check_next) for _ in thms]):
                try:
                    got = fut.result()
                except Exception as exc:      # a worker that died: what it had not brought back is undecided
                    failure = failure or exc
                    continue
                if got is not None:
                    done[got[0]] = got[1]
                while nxt in done:
                    yield done.pop(nxt)
                    nxt += 1
    finally:
        _JOB = ()
    for k in range(nxt, len(thms)):
        yield done.pop(k) if k in done else failed_in_worker(
            thms[k], failure or RuntimeError("no worker brought its result back"))
