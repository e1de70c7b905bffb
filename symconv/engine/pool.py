"""Check a list of theorems with N worker processes; the results come back in the list's order.

Each worker checks its theorems in one forked child (:class:`symconv.engine.runner.TheoremSession`), so the
caches SymPy and the engine fill for one theorem serve the next.  Theorems of one proof script share most of
them, so the list is cut into N contiguous runs (:class:`Runs`), one per worker, where a script ends: a worker
checks its own run front to back, and when it is empty takes the last script of the run with most left (or,
when one script is left there, its last theorem).  Each worker thus sees neighbours, a script is shared by
two workers only near the end, and none idles while another still has theorems waiting.

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

    ``groups`` (optional) labels each index (its proof script): runs are then cut where a group ends, and
    a worker whose run is empty takes the whole last group of the run with most left, so that a group is
    split between workers only when it is the last one of a run.  Without labels every index is its own
    group.

    >>> runs = Runs(7, 2)
    >>> [runs.take(0), runs.take(0), runs.take(1)]
    [0, 1, 3]
    >>> [runs.take(0), runs.take(0), runs.take(0), runs.take(0), runs.take(1)]
    [2, 6, 5, 4, None]
    >>> runs = Runs(8, 2, groups="aaabbbcc")       # cut after 'aaa' (at 3, the boundary nearest 4)
    >>> [runs.take(1), runs.take(0), runs.take(0), runs.take(0), runs.take(0), runs.take(1)]
    [3, 0, 1, 2, 6, 4]
    """

    def __init__(self, n: int, parts: int, groups: Sequence | None = None):
        if not (isinstance(n, int) and isinstance(parts, int) and n >= 0 and parts >= 1):
            raise ValueError(f"Runs needs n >= 0 and parts >= 1, got n={n!r}, parts={parts!r}")
        if groups is not None and len(groups) != n:
            raise ValueError(f"groups must label each of the {n} indices, got {len(groups)} labels")
        labels = list(range(n)) if groups is None else list(groups)
        # starts[k]: the first index of k's group (a group is a maximal stretch of equal labels)
        self._starts = [0] * n
        for k in range(1, n):
            self._starts[k] = self._starts[k - 1] if labels[k] == labels[k - 1] else k
        edges = [k for k in range(n + 1) if k in (0, n) or labels[k] != labels[k - 1]]
        cuts = [0] + [min(edges, key=lambda e: (abs(e - j * n // parts), e)) for j in range(1, parts)] + [n]
        cuts = [max(cuts[:q + 1]) for q in range(len(cuts))]       # (non-decreasing: a run may be empty)
        ctx = multiprocessing.get_context("fork" if CAN_FORK else None)
        self.parts = parts
        self._lock = ctx.Lock()
        self._bounds = ctx.RawArray("i", [b for j in range(parts) for b in (cuts[j], cuts[j + 1])])
        self._next = ctx.RawValue("i", 0)

    def claim(self) -> int:
        """A run for a new worker: 0, 1, ... (then round again)."""
        with self._lock:
            j = self._next.value
            self._next.value = j + 1
        return j % self.parts

    def take(self, j: int) -> int | None:
        """The next index of run ``j``; when it is empty, the first index of the last group of the run with
        most left, the rest of that group becoming run ``j`` (or, when only one group is left there, that
        run's last index); None when every index is taken."""
        b = self._bounds
        with self._lock:
            if b[2 * j] >= b[2 * j + 1]:
                i = max(range(self.parts), key=lambda q: (b[2 * q + 1] - b[2 * q], -q))
                lo, hi = b[2 * i], b[2 * i + 1]
                if lo >= hi:
                    return None
                start = self._starts[hi - 1]
                cut = start if start > lo else hi - 1        # a whole group moves, else the last index
                b[2 * i + 1] = cut
                b[2 * j], b[2 * j + 1] = cut, hi
            b[2 * j] += 1
            return b[2 * j] - 1


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
    _JOB = (thms, opts, Runs(len(thms), workers, [t.topic for t in thms]))
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
