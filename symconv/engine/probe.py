"""Probe the imports of proof scripts in one forked child, ahead of the parent.

A script is imported in this process only after a child has imported it, within its budget, and
found something in it: a script that raises (SystemExit included), hangs (even in C code: the parent
kills the child) or defines nothing is reported as a one-line :class:`LoadError`
and never imported here.  The child imports the scripts one after the other, in the same order and
in one process, as this process will, and runs ahead: while this process imports script k, the child
is already importing script k + 1 (two cores: about half the time of a fresh child per script, whose
imports this process then repeats).

Without fork, each script is probed in this process with the SIGALRM limit only
(:func:`probe_import`).
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from .budget import CAN_FORK, WATCHDOG_GRACE, Budget, BudgetExhausted, _describe, flush_std_streams, hard_limit

__all__ = ["LoadError", "probe_import", "probed_in_order"]


class LoadError(Exception):
    """A script that cannot be loaded (it raised, even SystemExit; its import did not end within its
    budget; it defines nothing to check).  The message is one line."""


def _child(conn, files, seconds, importer, count) -> None:  # pragma: no cover - runs in the child
    code = 0
    try:
        for k, f in enumerate(files):
            conn.send(("start", k))
            try:
                with hard_limit(Budget(seconds)):
                    value = int(count(importer(f)))
                conn.send(("done", k, value))
            except BudgetExhausted:
                conn.send(("timed out", k, None))
                return
            except KeyboardInterrupt:
                raise
            except BaseException as exc:     # SystemExit too: reported, and the probe stops there
                conn.send(("raised", k, _describe(exc)))
                return
    except BaseException:
        code = 1
    finally:
        flush_std_streams()
        os._exit(code)


def probed_in_order(files: list[Path], seconds: float, importer: Callable, count: Callable, what: str,
                    grace: float = WATCHDOG_GRACE) -> Iterator[Path]:
    """Yield each of ``files`` once a forked child has imported it (``importer(path)`` -> module) within
    ``seconds`` and ``count(module)`` > 0; raise :class:`LoadError` (one line) for the first that raised,
    did not end in time, or defines no ``what``."""
    files = list(files)
    if not files:
        return
    if not CAN_FORK:
        for f in files:
            probe_import(f, seconds, importer, count, what)
            yield f
        return
    ctx = multiprocessing.get_context("fork")
    reader, writer = ctx.Pipe(duplex=False)
    flush_std_streams()
    proc = ctx.Process(target=_child, args=(writer, files, seconds, importer, count), daemon=True)
    proc.start()
    writer.close()
    results: dict[int, tuple] = {}
    started: dict[int, float] = {}
    try:
        for k, f in enumerate(files):
            waiting = time.monotonic()
            while k not in results:
                deadline = started.get(k, waiting) + seconds + grace
                left = deadline - time.monotonic()
                if left <= 0:
                    raise LoadError(f"importing {f} did not finish within {seconds:g} s")
                if not reader.poll(max(0.0, min(left, 1.0))):
                    continue
                try:
                    msg = reader.recv()
                except (EOFError, OSError):
                    raise LoadError(f"cannot load {f}: the import ended the process "
                                    f"(exit code {proc.exitcode})") from None
                if msg[0] == "start":
                    started[msg[1]] = time.monotonic()
                else:
                    results[msg[1]] = msg
            status, _, value = results[k]
            if status == "timed out":
                raise LoadError(f"importing {f} did not finish within {seconds:g} s")
            if status == "raised":
                raise LoadError(f"cannot load {f}: it raised {value} at import")
            if value == 0:
                raise LoadError(f"{f} defines no {what}")
            yield f
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()
        reader.close()


def probe_import(path, seconds: float, importer, count, what: str = "theorems") -> int:
    """Import ``path`` first in a forked child process (``importer(path)`` -> module), within ``seconds``
    (a watchdog kills an import stuck even in C code), and return ``count(module)``.

    Raises :class:`LoadError` (one line) when the import raises anything, SystemExit included, does
    not end in time, or ``count`` is 0.  Without fork the probe runs in this process with the SIGALRM
    limit only (see :func:`symconv.engine.budget.run_guarded`).
    """
    from .budget import run_guarded

    def work(budget, report):
        return int(count(importer(path)))

    g = run_guarded(work, seconds)
    if g.status in ("timed out", "killed"):
        raise LoadError(f"importing {path} did not finish within {seconds:g} s")
    if not g.ok:
        why = f"it raised {g.error} at import" if g.status == "raised" else g.why()
        raise LoadError(f"cannot load {path}: {why}")
    if g.value == 0:
        raise LoadError(f"{path} defines no {what}")
    return g.value
