"""Exhaustive sweeps: one theorem's exact check for every n in a range, split into n-blocks.

A sweep runs the theorem's exact check (the same ``check(n)`` as ``symconv prove``, under the same
watchdog, :func:`symconv.engine.runner.run_exact_range`) for n = lo..hi, in blocks of consecutive n.
The blocks run here one after another, or as tasks on a Dask distributed cluster (the optional
``sweep`` extra: ``pip install 'symconv[sweep]'``); a scheduler is not written here.

Both ways give the same result: the blocks are combined in order of n, and the sweep's answer is
that of the first block that did not hold for every n of it (its counterexample or its problem);
the serial run simply stops there.

>>> r = sweep_theorem("dft_diagonalizes_circulant", n_max=12, block=5)
>>> r.verdict, r.held, [(b.lo, b.hi) for b in r.blocks]
('verified', (1, 12), [(1, 5), (6, 10), (11, 12)])
>>> print(r.line())
dft_diagonalizes_circulant: verified for every n = 1..12 (exact check, 3 blocks of <= 5)
>>> r.exit_code
0
"""

from __future__ import annotations

import multiprocessing
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

from .engine.catalog import load_module_theorems, proof_files, shipped
from .engine.runner import run_exact_range
from .engine.verdict import Counterexample

__all__ = ["SweepBlock", "SweepResult", "sweep_theorem", "sweep_blocks", "run_block", "WORKER_CONFIG"]

#: seconds one block may take (each block runs under the watchdog of ``run_exact_range``)
BLOCK_BUDGET = 600.0

#: Dask settings for the workers of a sweep (``dask.config.set(WORKER_CONFIG)`` before the cluster starts):
#: non-daemonic workers, so that each block runs under the watchdog's child process; and the environment
#: Dask gives new workers without ``MALLOC_TRIM_THRESHOLD_`` (Dask sets it to 64 KiB, which makes glibc map
#: and unmap every large NumPy block afresh: the exact DFT checks ran about 2x slower in such a worker)
WORKER_CONFIG = {"distributed.worker.daemon": False,
                 "distributed.nanny.pre-spawn-environ": {"OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1,
                                                         "OPENBLAS_NUM_THREADS": 1}}


@dataclass(frozen=True)
class SweepBlock:
    """The outcome of one n-block: every n from ``lo`` to ``last_held`` held (Holds); then either a
    counterexample at ``counterexample_n``, a ``problem`` (an error, a wrong answer, the budget), or
    nothing (the whole block held)."""

    lo: int
    hi: int
    last_held: int | None
    counterexample_n: int | None = None
    counterexample: str | None = None
    problem: str | None = None
    evidence: str = ""
    seconds: float = 0.0
    watchdog: bool = True

    @property
    def complete(self) -> bool:
        return self.last_held == self.hi and self.counterexample is None and self.problem is None


@dataclass
class SweepResult:
    """The combined sweep: ``verdict`` is 'verified' (every n held), 'refuted' (a counterexample) or
    'undecided'; ``held`` the range of n that held from the start; ``exit_code`` as for ``prove``."""

    theorem: str
    lo: int
    hi: int
    block: int
    blocks: list[SweepBlock] = field(default_factory=list)
    verdict: str = "undecided"
    held: tuple[int, int] | None = None
    detail: str = ""

    @property
    def exit_code(self) -> int:
        return {"verified": 0, "refuted": 1}.get(self.verdict, 3)

    def line(self) -> str:
        """One line for the terminal."""
        return f"{self.theorem}: {self.detail}"

    def as_dict(self) -> dict:
        """The JSON form (schema: symconv/schema/sweep.schema.json); no timings, so that it is the same
        for every way of running the blocks."""
        blocks = [{k: v for k, v in asdict(b).items() if k != "seconds"} for b in self.blocks]
        return {"schema": "symconv-sweep/1", "theorem": self.theorem, "n_range": [self.lo, self.hi],
                "block": self.block, "verdict": self.verdict, "held": list(self.held) if self.held else None,
                "detail": self.detail, "exit_code": self.exit_code, "blocks": blocks}


def sweep_blocks(lo: int, hi: int, block: int) -> list[tuple[int, int]]:
    """The consecutive n-blocks of at most ``block`` values covering lo..hi.

    >>> sweep_blocks(1, 10, 4)
    [(1, 4), (5, 8), (9, 10)]
    """
    for name, v in (("lo", lo), ("hi", hi), ("block", block)):
        if not isinstance(v, int) or isinstance(v, bool):
            raise TypeError(f"{name} must be an int, got {type(v).__name__}")
    if lo < 1 or hi < lo:
        raise ValueError(f"the range must satisfy 1 <= lo <= hi, got lo={lo}, hi={hi}")
    if block < 1:
        raise ValueError(f"block must be >= 1, got {block}")
    return [(a, min(a + block - 1, hi)) for a in range(lo, hi + 1, block)]


@lru_cache(maxsize=8)
def _find(name: str, paths: tuple[str, ...]):
    """The theorem called ``name`` and the one proof script that defines it (the tasks of a sweep
    load only that script)."""
    for f in proof_files(list(paths) or [str(shipped("proofs"))]):
        for thm in load_module_theorems(f):
            if thm.name == name:
                if thm.exact is None:
                    raise ValueError(f"theorem {name!r} has no exact check to sweep")
                return thm, str(f)
    raise ValueError(f"theorem must name a theorem of {', '.join(paths) or 'the shipped catalogue'}, got {name!r}")


def _theorem(name: str, paths: tuple[str, ...]):
    return _find(name, paths)[0]


def _can_fork_here() -> bool:
    """A daemonic process (a Dask worker by default) may not start the watchdog's child process."""
    return not multiprocessing.current_process().daemon


def run_block(name: str, lo: int, hi: int, paths: tuple[str, ...] = (), budget: float = BLOCK_BUDGET) -> SweepBlock:
    """Run theorem ``name``'s exact check for n = lo..hi (one task of a sweep)."""
    import time

    thm = _theorem(name, tuple(paths))
    isolate = _can_fork_here()
    start = time.monotonic()
    out = run_exact_range(thm.exact, lo, hi, budget, isolate=isolate)
    seconds = time.monotonic() - start
    ce = out.counterexample
    return SweepBlock(lo, hi, out.last, counterexample_n=ce.n if isinstance(ce, Counterexample) else None,
                      counterexample=str(ce) if ce is not None else None, problem=out.problem or None,
                      evidence=out.evidence or "", seconds=seconds, watchdog=isolate)


def _combine(res: SweepResult) -> SweepResult:
    held_to = res.lo - 1
    for b in res.blocks:
        if b.last_held is not None:
            held_to = b.last_held
        if b.complete:
            continue
        if b.counterexample is not None:
            res.verdict = "refuted"
            res.detail = f"refuted: {b.counterexample}" + (
                f" (every n = {res.lo}..{held_to} before it held)" if held_to >= res.lo else "")
        else:
            res.verdict = "undecided"
            res.detail = f"undecided in n = {b.lo}..{b.hi}: {b.problem or 'the block did not finish'}" + (
                f" (every n = {res.lo}..{held_to} before it held)" if held_to >= res.lo else "")
        res.held = (res.lo, held_to) if held_to >= res.lo else None
        return res
    res.verdict, res.held = "verified", (res.lo, res.hi)
    res.detail = (f"verified for every n = {res.lo}..{res.hi} (exact check, {len(res.blocks)} block"
                  f"{'s' if len(res.blocks) != 1 else ''} of <= {res.block})")
    if not all(b.watchdog for b in res.blocks):
        res.detail += "; some blocks ran without the watchdog process (daemonic workers), budgets cooperative"
    return res


def sweep_theorem(name: str, n_max: int, *, n_min: int | None = None, block: int = 32, paths=(),
          client=None, budget: float = BLOCK_BUDGET) -> SweepResult:
    """Sweep theorem ``name``'s exact check over n = n_min..n_max (n_min: the start of its n_range).

    ``client``: a ``dask.distributed.Client``; the blocks are submitted as tasks and combined in
    order of n.  Without one they run here, in order, stopping at the first block that does not
    hold.  ``paths``: proof scripts or folders holding the theorem (default: the shipped catalogue);
    on a cluster every worker must be able to load them (the shipped catalogue always is).
    """
    if not isinstance(name, str):
        raise TypeError(f"name must be a theorem name (str), got {type(name).__name__}")
    paths = tuple(str(Path(p)) for p in ([paths] if isinstance(paths, (str, Path)) else paths))
    thm, script = _find(name, paths)
    paths = (script,)
    lo = thm.n_range[0] if n_min is None else n_min
    if not isinstance(n_max, int) or isinstance(n_max, bool):
        raise TypeError(f"n_max must be an int, got {type(n_max).__name__}")
    ranges = sweep_blocks(lo, n_max, block)
    res = SweepResult(name, lo, n_max, block)
    if client is None:
        for a, b in ranges:
            blk = run_block(name, a, b, paths, budget)
            res.blocks.append(blk)
            if not blk.complete:
                break
        return _combine(res)
    futures = [client.submit(run_block, name, a, b, paths, budget, key=f"symconv-sweep-{name}-{a}-{b}", pure=False)
               for a, b in ranges]
    blocks = client.gather(futures, errors="skip")
    got = {(b.lo, b.hi): b for b in blocks}
    for a, b in ranges:   # a task that failed on the cluster (a lost worker, an error) is undecided
        res.blocks.append(got.get((a, b)) or SweepBlock(a, b, None, problem="the task failed on the cluster"))
    # the same answer as the serial run: everything after the first block that did not hold is dropped
    for i, blk in enumerate(res.blocks):
        if not blk.complete:
            del res.blocks[i + 1:]
            break
    return _combine(res)
