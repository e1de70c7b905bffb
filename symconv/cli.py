"""The ``symconv`` command (front end).

Exit codes:
  0  every theorem reached its claimed level and every false variant was refuted
  1  a theorem was refuted, or a false variant was not refuted (the checker is not sound)
  2  usage error (bad argument, missing path, a script that cannot be loaded: it raises,
     SystemExit included, its import does not end within --import-budget, or it defines
     no theorem / no audit claim; `latex -o` naming a directory); one line on stderr,
     no traceback
  3  a theorem is undecided or below its claimed level (no counterexample);
     for `audit`, a check that could not run
  4  `latex --pdf`: pdflatex failed (its first error line is printed)

With no path, `prove`, `list` and `latex` run the theorem catalogue shipped with the package
(`symconv.proofs`, the checkout's proofs/) and `audit` runs the shipped seed audit (`symconv.audits`).
"""

from __future__ import annotations

import argparse
import logging
import shutil
import subprocess
import sys
from collections import OrderedDict
from pathlib import Path

from ._options import int_at_least
from ._version import __version__
from .engine.catalog import LoadError, load_theorems, module_theorems, select, shipped
from .engine.pool import check_in_workers
from .engine.runner import RunOptions
from .engine.verdict import TheoremResult, Verdict
from .render import latex as latex_render
from .render import report
from .render.text import detail_lines, summary, theorem_line

__all__ = ["main", "prove_module", "exit_code", "EXIT_OK", "EXIT_REFUTED", "EXIT_USAGE",
           "EXIT_UNDECIDED", "EXIT_PDFLATEX"]

EXIT_OK, EXIT_REFUTED, EXIT_USAGE, EXIT_UNDECIDED, EXIT_PDFLATEX = 0, 1, 2, 3, 4


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2, no usage dump
        raise UsageError(message)


def exit_code(results: list[TheoremResult]) -> int:
    """0 all pass; 1 something refuted or a false variant escaped; 3 undecided/below level."""
    if any(r.verdict is Verdict.REFUTED or not all(v.caught for v in r.variants) for r in results):
        return EXIT_REFUTED
    if not all(r.passed for r in results):
        return EXIT_UNDECIDED
    return EXIT_OK


def _int_option(name: str, minimum: int):
    """argparse type: an int >= minimum, with a one-line message naming the option."""
    def conv(text):
        try:
            return int_at_least(text, name, minimum)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None
    return conv


_n_max, _seed, _dps = _int_option("--n-max", 1), _int_option("--seed", 0), _int_option("--dps", 15)
_jobs = _int_option("--jobs", 1)


def _seconds(text):
    """argparse type: a positive number of seconds."""
    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--import-budget must be a number of seconds, got {text!r}") from None
    if not v > 0 or v == float("inf"):
        raise argparse.ArgumentTypeError(f"--import-budget must be > 0 seconds, got {text}")
    return v


#: seconds a script's import may take (it runs in a child process first, under a watchdog)
IMPORT_BUDGET = 60.0

EXIT_CODES = """exit codes:
  0  every theorem reached its claimed level and every false variant was refuted
     (audit: every check ran; refuted rows are findings)
  1  a theorem was refuted, or a false variant was not refuted
  2  usage error: bad argument, missing path, a script that cannot be loaded (it
     raises, SystemExit included; its import does not end within --import-budget;
     it defines no theorem or no audit claim), latex -o naming a directory;
     one line on stderr
  3  a theorem is undecided or below its claimed level (no counterexample);
     audit: a check that could not run
  4  latex --pdf: pdflatex failed (its first error line is printed)
with no path, prove/list/latex run the shipped theorem catalogue (symconv.proofs)
and audit runs the shipped seed audit (symconv.audits)"""


SWEEP_EXIT_CODES = """exit codes:
  0  the exact check held for every n of the range
  1  a counterexample (the first n that failed)
  2  usage error (unknown theorem, bad range, dask not installed, no scheduler at ADDRESS)
  3  undecided: a block raised, gave a wrong answer or ran out of time (the n before it are reported)
the result and the exit code are the same whether the blocks run here, on --local-cluster or on --dask"""


def _sweep(args) -> int:
    from . import sweep as sweep_mod

    client = cluster = None
    try:
        if args.dask or args.local_cluster:
            try:
                import dask
                from dask.distributed import Client, LocalCluster
            except ImportError:
                raise UsageError("symconv sweep --dask/--local-cluster needs dask: pip install 'symconv[sweep]'") from None
            if args.local_cluster:
                # non-daemonic worker processes, so that each block runs under the watchdog's child process
                dask.config.set(sweep_mod.WORKER_CONFIG)
                cluster = LocalCluster(n_workers=args.local_cluster, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=logging.ERROR)
                client = Client(cluster)
            else:
                try:
                    client = Client(args.dask, timeout=30)
                except (OSError, TimeoutError) as exc:
                    raise UsageError(f"--dask: no scheduler at {args.dask}: {exc}") from None
        try:
            res = sweep_mod.sweep_theorem(args.theorem, args.n_max, n_min=args.n_min, block=args.block,
                                  paths=args.paths, client=client)
        except (ValueError, TypeError) as exc:
            raise UsageError(str(exc)) from None
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
    if args.json:
        import json
        print(json.dumps(res.as_dict(), indent=2, sort_keys=True))
    else:
        print(res.line())
    return res.exit_code


def _parser() -> argparse.ArgumentParser:
    fmt = argparse.RawDescriptionHelpFormatter
    p = _Parser(prog="symconv", description="Machine-checked mathematics of convolutional layers.",
                epilog=EXIT_CODES, formatter_class=fmt)
    p.add_argument("--version", action="version", version=f"symconv {__version__}")
    sub = p.add_subparsers(dest="cmd", required=True, parser_class=_Parser)
    common = _Parser(add_help=False)
    common.add_argument("paths", nargs="*", help="proof scripts or directories (default: the shipped catalogue)")
    common.add_argument("-k", dest="pattern", help="only theorems whose name or topic contains PATTERN")
    common.add_argument("--n-max", type=_n_max, help="cap every exact range at n")
    common.add_argument("--dps", type=_dps, default=50, help="mpmath digits (default 50)")
    common.add_argument("--seed", type=_seed, default=0, help="seed of the numeric checks (default 0)")
    common.add_argument("--import-budget", type=_seconds, default=IMPORT_BUDGET, metavar="SECONDS",
                        help=f"seconds each script's import may take (default {IMPORT_BUDGET:g})")
    common.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N",
                        help="run N theorems at a time in worker processes (output order unchanged; default 1)")
    common.add_argument("-q", "--quiet", action="store_true", help="no k/N progress counter")
    common.add_argument("--progress", action="store_true",
                        help="a [k/N] line per theorem on stderr even when it is not a terminal (on a terminal "
                             "the counter is on by default, one line rewritten in place)")
    pr = sub.add_parser("prove", parents=[common], help="check theorems and print verdicts",
                        epilog=EXIT_CODES, formatter_class=fmt)
    pr.add_argument("--json", action="store_true",
                    help="the report as JSON (schema: symconv/schema/results.schema.json)")
    sub.add_parser("list", parents=[common], help="list theorems", epilog=EXIT_CODES, formatter_class=fmt)
    au = sub.add_parser("audit", help="check the seeds' worked examples and claims (default audits/)",
                        epilog=EXIT_CODES, formatter_class=fmt)
    au.add_argument("paths", nargs="*", help="audit scripts or directories (default: the shipped seed audit)")
    au.add_argument("--json", action="store_true",
                    help="the report as JSON (schema: symconv/schema/results.schema.json)")
    au.add_argument("--import-budget", type=_seconds, default=IMPORT_BUDGET, metavar="SECONDS",
                    help=f"seconds each script's import may take (default {IMPORT_BUDGET:g})")
    lx = sub.add_parser("latex", parents=[common], help="write the LaTeX document", epilog=EXIT_CODES,
                        formatter_class=fmt)
    lx.add_argument("-o", "--output", required=True, help="output .tex file")
    lx.add_argument("--from", dest="from_json", metavar="RESULTS.json",
                    help="render the results of a finished `prove --json` run (nothing is proved again; "
                         "the theorems are loaded from the run's paths, or from PATHS when given)")
    lx.add_argument("--pdf", action="store_true", help="also compile with pdflatex where it exists")
    sw = sub.add_parser("sweep", help="one theorem's exact check for every n up to --n-max, in n-blocks, here "
                                      "or on a Dask cluster", epilog=SWEEP_EXIT_CODES, formatter_class=fmt)
    sw.add_argument("theorem", help="the theorem's name")
    sw.add_argument("paths", nargs="*", help="proof scripts or directories (default: the shipped catalogue)")
    sw.add_argument("--n-max", type=_n_max, required=True, help="the last n")
    sw.add_argument("--n-min", type=_int_option("--n-min", 1), help="the first n (default: the start of the theorem's range)")
    sw.add_argument("--block", type=_int_option("--block", 1), default=32, help="n values per task (default 32)")
    where = sw.add_mutually_exclusive_group()
    where.add_argument("--dask", metavar="ADDRESS", help="run the blocks on the Dask scheduler at ADDRESS "
                                                         "(e.g. tcp://10.0.0.5:8786; needs symconv[sweep])")
    where.add_argument("--local-cluster", type=_int_option("--local-cluster", 1), metavar="WORKERS",
                       help="start a Dask LocalCluster of WORKERS single-threaded processes for the run")
    sw.add_argument("--json", action="store_true", help="the result as JSON (schema: symconv/schema/sweep.schema.json)")
    return p


def _load(args):
    try:
        thms = load_theorems(args.paths, import_budget=args.import_budget)
    except FileNotFoundError as exc:
        raise UsageError(str(exc)) from None
    except LoadError as exc:
        raise UsageError(str(exc)) from None
    except Exception as exc:  # a proof script that does not import: one line, exit 2
        raise UsageError(f"cannot load proof scripts: {type(exc).__name__}: {exc}") from None
    thms = select(thms, args.pattern)
    if not thms:
        raise UsageError(f"no theorems found in {' '.join(args.paths)}"
                         + (f" matching -k {args.pattern!r}" if args.pattern else ""))
    return thms


def _options(args) -> dict:
    """The options a report records."""
    return {"paths": [str(p) for p in args.paths], "pattern": getattr(args, "pattern", None),
            "n_max": getattr(args, "n_max", None), "dps": getattr(args, "dps", None),
            "seed": getattr(args, "seed", None)}


def _results(thms, opts, jobs: int):
    """Each theorem's result, in order; with jobs > 1 from that many worker processes."""
    return check_in_workers(thms, opts, jobs)


def _run_all(thms, opts, quiet: bool, progress: bool = False, jobs: int = 1):
    """Run each theorem, with a k/N counter on stderr: on a terminal one line rewritten in place; elsewhere
    (a log, a pipe) a line per theorem only with ``progress``, so that errors stay one line on stderr."""
    tty = sys.stderr.isatty()
    quiet = quiet or not (tty or progress)
    width = len(str(len(thms)))
    for k, (t, r) in enumerate(zip(thms, _results(thms, opts, jobs)), 1):
        if not quiet:
            msg = f"[{k:>{width}}/{len(thms)}] {t.name}"
            print(("\r\033[K" + msg) if tty else msg, file=sys.stderr, end="" if tty else "\n", flush=True)
        yield t, r
    if not quiet and tty:
        print("\r\033[K", file=sys.stderr, end="", flush=True)


def _prove(thms, opts, as_json, out=None, options: dict | None = None, quiet: bool = True,
           progress: bool = False, jobs: int = 1) -> int:
    out = out or sys.stdout
    width = max(len(t.name) for t in thms)
    results = []
    if not as_json:
        print(f"symconv prove: {len(thms)} theorems (seed {opts.seed}, mpmath dps {opts.dps}"
              + (f", n <= {opts.n_max}" if opts.n_max else "") + ")", file=out, flush=True)
    for t, r in _run_all(thms, opts, quiet, progress, jobs):
        results.append(r)
        if not as_json:
            print(theorem_line(r, width=width), file=out, flush=True)
            for line in detail_lines(r):
                print(line, file=out, flush=True)
    code = exit_code(results)
    if as_json:
        options = options or {"paths": [], "pattern": None, "n_max": opts.n_max, "dps": opts.dps, "seed": opts.seed}
        print(report.dumps(report.prove_document(results, options, code)), file=out)
    else:
        print(summary(results, opts.seed, opts.dps), file=out)
    return code


def _check_output(output: str) -> None:
    """-o must name a file we can write: not a directory, under a directory (or a path to create)."""
    out = Path(output)
    if out.is_dir() or output.endswith(("/", "\\")):
        raise UsageError(f"-o {output} is a directory: give the .tex file to write")
    for parent in out.parents:
        if parent.exists():
            if not parent.is_dir():
                raise UsageError(f"-o {output}: {parent} is a file, not a directory")
            break


def _results_from(path: str) -> tuple[dict, list[TheoremResult]]:
    import json

    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"--from {path}: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise UsageError(f"--from {path}: not JSON ({exc})") from None
    try:
        return doc, report.results_from_document(doc)
    except (report.ReportError, KeyError, TypeError, ValueError) as exc:
        raise UsageError(f"--from {path}: {exc}") from None


def _pdflatex(out: Path) -> int:
    """Compile twice; on failure print the log's first error line and return EXIT_PDFLATEX."""
    exe = shutil.which("pdflatex")
    if exe is None:
        print("pdflatex not found: PDF not built (install texlive-latex-base)")
        return EXIT_OK
    for _ in range(2):
        proc = subprocess.run([exe, "-interaction=nonstopmode", "-halt-on-error", out.name],
                              cwd=out.parent.resolve(), capture_output=True, text=True, errors="replace")
        if proc.returncode != 0:
            lines = proc.stdout.splitlines()
            first = next((q for q, line in enumerate(lines) if line.startswith("!")), None)
            where = " ".join(lines[first:first + 2]) if first is not None else (lines[-1] if lines else "")
            print(f"symconv: error: pdflatex failed on {out}: {where.strip()}", file=sys.stderr)
            return EXIT_PDFLATEX
    print(f"wrote {out.with_suffix('.pdf')}")
    return EXIT_OK


def _latex(thms, opts, output: str, pdf: bool, results=None, quiet: bool = True, progress: bool = False,
           jobs: int = 1, source: str | None = None) -> int:
    """Write the document; ``results`` (from a JSON report) are rendered instead of running the theorems."""
    groups: "OrderedDict[str, list]" = OrderedDict()
    pairs = list(zip(thms, results)) if results is not None else _run_all(thms, opts, quiet, progress, jobs)
    done = []
    for t, r in pairs:
        done.append(r)
        groups.setdefault(t.topic, []).append((t, r))
    text = latex_render.document(list(groups.items()), source=source)
    out = Path(output)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"symconv: error: cannot write {out}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"wrote {out} ({len(thms)} theorems)")
    if pdf:
        code = _pdflatex(out)
        if code:
            return code
    return exit_code(done)


def _match(thms, results: list[TheoremResult], path: str):
    """The loaded theorems in the order of the report's results (each matched by topic and name)."""
    by_key = {(t.topic, t.name): t for t in thms}
    missing = [f"{r.topic}::{r.name}" for r in results if (r.topic, r.name) not in by_key]
    if missing:
        raise UsageError(f"--from {path}: the scripts define no theorem {missing[0]}"
                         + (f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""))
    changed = [r.name for r in results if by_key[(r.topic, r.name)].statement != r.statement]
    if changed:
        raise UsageError(f"--from {path}: the statement of {changed[0]} changed since that run: prove again")
    return [by_key[(r.topic, r.name)] for r in results]


def _audit(paths, as_json: bool, import_budget: float = IMPORT_BUDGET) -> int:
    """Print the audit table; exit 0 when every check ran (refuted rows are findings), 3 otherwise."""
    from .engine.audit import load_audit, run_audit

    try:
        claims = load_audit(paths, import_budget=import_budget)
    except FileNotFoundError as exc:
        raise UsageError(str(exc)) from None
    except LoadError as exc:
        raise UsageError(str(exc)) from None
    except Exception as exc:
        raise UsageError(f"cannot load audit scripts: {type(exc).__name__}: {exc}") from None
    if not claims:
        raise UsageError(f"no audit claims found in {' '.join(map(str, paths))}")
    rows = run_audit(claims)
    code = EXIT_UNDECIDED if any(r.verdict == "undecided" for r in rows) else EXIT_OK
    if as_json:
        options = {"paths": [str(p) for p in paths], "pattern": None, "n_max": None, "dps": None, "seed": None}
        print(report.dumps(report.audit_document(rows, options, code)))
    else:
        print(f"symconv audit: {len(rows)} claims from the seeds")
        for r in rows:
            print(f"[{r.verdict:>9}] {r.seed} / {r.where}: {r.claim}")
            if r.reading:
                print(f"             read as: {r.reading}")
            print(f"             -> {r.value}")
        counts = {v: sum(r.verdict == v for r in rows) for v in ("holds", "refuted", "undecided")}
        print(f"\nholds {counts['holds']}, refuted {counts['refuted']}, undecided {counts['undecided']}")
    return code


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``symconv`` command; returns the exit code."""
    try:
        try:
            args = _parser().parse_args(argv)
        except SystemExit as exc:       # --help and --version print and stop: their code, not a traceback
            return int(exc.code or 0)
        doc = results = None
        if args.cmd == "latex" and args.from_json:
            doc, results = _results_from(args.from_json)
            if not args.paths:
                args.paths = doc["options"]["paths"]
        if not args.paths and args.cmd != "sweep":
            args.paths = [str(shipped("audits" if args.cmd == "audit" else "proofs"))]
        if args.cmd == "sweep":
            return _sweep(args)
        if args.cmd == "audit":
            return _audit(args.paths, args.json, args.import_budget)
        opts = RunOptions(n_max=args.n_max, dps=args.dps, seed=args.seed)
        if args.cmd == "latex":
            _check_output(args.output)
            try:
                import pylatexenc  # noqa: F401
            except ImportError:
                raise UsageError("symconv latex needs pylatexenc: pip install 'symconv[latex]'") from None
        thms = _load(args)
        if results is not None:
            thms = _match(thms, results, args.from_json)
    except UsageError as exc:
        print(f"symconv: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (ValueError, TypeError, ImportError, SyntaxError) as exc:
        print(f"symconv: error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        if args.cmd == "list":
            for t in thms:
                print(f"{t.topic}::{t.name}  [{t.claims.value}]  {t.statement}")
            return EXIT_OK
        if args.cmd == "prove":
            return _prove(thms, opts, args.json, options=_options(args), quiet=args.quiet, progress=args.progress,
                          jobs=args.jobs)
        return _latex(thms, opts, args.output, args.pdf, results=results, quiet=args.quiet, progress=args.progress,
                      jobs=args.jobs, source=Path(args.from_json).name if args.from_json else None)
    except SystemExit as exc:   # raised by a proof script while it was checked: never a silent exit 0
        print(f"symconv: error: a proof script raised SystemExit({exc.code!r}) while its theorems were checked; "
              "nothing is reported as passing", file=sys.stderr)
        return EXIT_UNDECIDED


def prove_module(namespace: dict, argv: list[str] | None = None) -> int:
    """Run the theorems defined in a proof script (``python proofs/x.py``).

    Accepts the same -k/--n-max/--dps/--seed/--json options as ``symconv prove``.
    """
    p = _Parser(prog=Path(sys.argv[0]).name)
    p.add_argument("-k", dest="pattern")
    p.add_argument("--n-max", type=_n_max)
    p.add_argument("--dps", type=_dps, default=50)
    p.add_argument("--seed", type=_seed, default=0)
    p.add_argument("--json", action="store_true")
    try:
        args = p.parse_args(sys.argv[1:] if argv is None else argv)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    topic = Path(namespace.get("__file__", "proof")).stem
    thms = select(module_theorems(namespace, topic), args.pattern)
    return _prove(thms, RunOptions(args.n_max, args.dps, args.seed), args.json)
