#!/usr/bin/env python3
"""The project's two commands, in plain Python (the Makefile calls these).

    python3 tasks.py demo    # venv + install, symconv prove proofs/, symconv audit, LaTeX document (+ PDF)
    python3 tasks.py test    # venv + install, the whole test suite
    python3 tasks.py bench   # every speed target next to its measured figure, then the comparison benchmarks
    python3 tasks.py notebooks  # re-execute the notebooks (from a temporary directory) and store them with outputs
    python3 tasks.py wheel   # build the wheel, install it in a fresh venv outside the checkout, run it from a temp dir
    python3 tasks.py mutate [PATH]  # mutation testing of the trusted core (mutmut); PATH limits it to one file or folder

Each creates .venv and installs the package (editable, with test extras) when
needed, so a fresh machine with only Python >= 3.11 and pip is enough.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".symconv-installed"
CHILDREN = os.environ.get("SYMCONV_MUTATE_CHILDREN", "2")  # mutmut workers (the machine has 2 cores)
MUTMUT_STATUS_KILLED = {"killed", "timeout", "caught by type check"}
MUTMUT_STATUS_PENDING = {"not checked", "skipped", "check was interrupted by user"}


def run(*cmd) -> None:
    print("+", " ".join(map(str, cmd)), flush=True)
    subprocess.run([str(c) for c in cmd], cwd=ROOT, check=True)


PACKAGES_TO_COMPILE = ("symconv", "proofs", "audits", "experiments")


def ensure_env(extras: str = "test") -> None:
    if not PY.exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    pyproject = ROOT / "pyproject.toml"
    stamp = STAMP if extras == "test" else STAMP.with_name(f"{STAMP.name}-{extras.replace(',', '-')}")
    if not stamp.exists() or stamp.stat().st_mtime < pyproject.stat().st_mtime:
        run(PY, "-m", "pip", "install", "-q", "--upgrade", "pip")
        run(PY, "-m", "pip", "install", "-q", "-e", f".[{extras}]")
        stamp.touch()
    # the checkout's own modules compiled once (stale .pyc are re-checked by Python against their source):
    # where PYTHONDONTWRITEBYTECODE is set, every process (CLI runs, test workers, notebook kernels)
    # would otherwise compile the package again, about 0.35 s each
    subprocess.run([str(PY), "-m", "compileall", "-q", "-j", "0", *(str(ROOT / d) for d in PACKAGES_TO_COMPILE)],
                   cwd=ROOT, stdout=subprocess.DEVNULL, check=False)


def demo() -> None:
    ensure_env()
    jobs = str(os.cpu_count() or 1)
    run(BIN / "symconv", "prove", "proofs", "-j", jobs)
    run(BIN / "symconv", "audit", "audits")
    run(BIN / "symconv", "latex", "proofs", "-o", "out/symconv.tex", "--pdf", "-j", jobs)


def test() -> None:
    ensure_env()
    run(PY, "-m", "pytest", "-q", "-n", "auto")     # pytest-xdist: one worker per core


def bench() -> None:
    """Every speed target of the project next to its measured figure (benchmarks/*_targets.py, each
    module's ``targets()``), then the comparison benchmarks."""
    ensure_env()
    code = ("import importlib.util, json, sys\n"
            "for path in sys.argv[1:]:\n"
            "    spec = importlib.util.spec_from_file_location(path.rsplit('/', 1)[-1][:-3], path)\n"
            "    mod = importlib.util.module_from_spec(spec)\n"
            "    spec.loader.exec_module(mod)\n"
            "    try:\n"
            "        got = mod.targets()\n"
            "    except Exception as exc:\n"
            "        got = [{'target': path, 'limit': float('nan'), 'unit': '', 'measured': float('nan'),\n"
            "                'replaces': '', 'met': False, 'note': f'{type(exc).__name__}: {exc}'}]\n"
            "    for r in got:\n"
            "        print(json.dumps(r), flush=True)\n")
    modules = sorted(str(p) for p in (ROOT / "benchmarks").glob("*_targets.py"))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    # the machine's speed of the moment: CPU time of a fixed pure-Python loop (best of 3, in a child process);
    # it varies by a third from one hour to the next on this project's 2-core machine (about 1.0 s at best)
    loop = ("import time\nbest = 9e9\nfor _ in range(3):\n    t = time.process_time(); s = 0\n"
            "    for k in range(10**7): s += k\n    best = min(best, time.process_time() - t)\nprint(best)")
    speed = float(subprocess.run([str(PY), "-c", loop], stdout=subprocess.PIPE, text=True).stdout or "nan")
    print(f"targets (issue 13 and the others), load average {load:.1f} on {os.cpu_count()} cores, "
          f"reference loop {speed:.2f} s CPU:", flush=True)
    import json
    rows = []
    for module in modules:      # each in its own process: no module's caches or imports help the next
        out = subprocess.run([str(PY), "-c", code, module], cwd=ROOT, stdout=subprocess.PIPE, text=True)
        got = [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]
        rows += got or [{"target": module, "limit": float("nan"), "unit": "", "measured": float("nan"),
                         "replaces": "", "met": False, "note": f"no figures (exit {out.returncode})"}]
    missed = 0
    for r in rows:
        unit = r.get("unit", "")
        fig = lambda v: "-" if v != v else (f"{v:.3g} {unit}" if unit != "x" else f"{v:.2f}x")  # noqa: E731
        ok = "met" if r.get("met") else "NOT MET"
        missed += not r.get("met")
        note = f"  ({r['note']})" if r.get("note") else ""
        rel = ">=" if r.get("better") == "higher" else "<="
        print(f"  {ok:8} {r['target']:58} {fig(r['measured']):>10}  target {rel} {fig(r['limit']):>9}"
              f"  (was {r.get('replaces', '?')}){note}")
    print(f"{len(rows) - missed} of {len(rows)} targets met")
    run(PY, "benchmarks/dft_diagonalization.py")
    run(PY, "benchmarks/convolution_theorem_functions.py")
    run(PY, "benchmarks/fft_vs_direct.py")


def notebooks() -> None:
    """Execute every notebook from a temporary directory and store it with its outputs."""
    import tempfile

    ensure_env()
    code = ("import sys, nbformat, nbclient\n"
            "for p in sys.argv[2:]:\n"
            "    nb = nbformat.read(p, as_version=4)\n"
            "    nbclient.NotebookClient(nb, timeout=600, kernel_name='python3',\n"
            "                            resources={'metadata': {'path': sys.argv[1]}}).execute()\n"
            "    nbformat.write(nb, p)\n"
            "    print('stored', p, 'with outputs')\n")
    with tempfile.TemporaryDirectory(prefix="symconv-notebooks-") as tmp:
        env = dict(os.environ, PATH=str(BIN) + os.pathsep + os.environ.get("PATH", ""))
        subprocess.run([str(PY), "-c", code, tmp, *sorted(map(str, (ROOT / "notebooks").glob("*.ipynb")))],
                       cwd=tmp, check=True, env=env)


def wheel() -> None:
    """The installed package, away from the checkout: build the wheel, install it (with the latex extra,
    pytest and jsonschema) into a fresh venv in a temporary directory, and from there run
    `symconv --version`, `symconv prove -k shift`, `symconv audit --json` (validated against the shipped
    schema) and `pytest --pyargs symconv -k shift_mulVec`."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="symconv-wheel-") as tmp:
        tmp = Path(tmp)
        run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", tmp / "dist", ROOT)
        (whl,) = (tmp / "dist").glob("symconv-*.whl")
        venv.EnvBuilder(with_pip=True).create(tmp / "venv")
        vbin = tmp / "venv" / BIN.name
        vpy = vbin / PY.name
        run(vpy, "-m", "pip", "install", "-q", f"{whl}[latex]", "pytest", "jsonschema")
        work = tmp / "work"
        work.mkdir()

        def here(*cmd, **kw):
            print("+ (in a temporary directory)", " ".join(map(str, cmd)), flush=True)
            return subprocess.run([str(c) for c in cmd], cwd=work, check=True, **kw)

        here(vbin / "symconv", "--version")
        here(vbin / "symconv", "prove", "-k", "shift", "-q")
        audit = here(vbin / "symconv", "audit", "--json", capture_output=True, text=True).stdout
        (work / "audit.json").write_text(audit, encoding="utf-8")
        here(vpy, "-c", "import json; from symconv.render.report import validate; "
                        "d = json.load(open('audit.json')); validate(d); "
                        "print('audit --json: valid, schema', d['schema_version'], d['summary'])")
        here(vpy, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--pyargs", "symconv", "-k", "shift_mulVec")
    print("wheel check passed")


def mutant_glob(target: str) -> str:
    """A file or folder of the package (or a dotted module) as a glob over mutmut's mutant names."""
    module = target.strip().rstrip("/").removesuffix(".py").replace("/", ".").replace(os.sep, ".")
    module = module.removesuffix(".__init__")
    return f"{module}.*"


def mutation_results(glob: str) -> dict[str, dict[str, list[str]]]:
    """{module: {status: [mutant names]}} from `mutmut results --all true`, for the mutants matching glob."""
    import fnmatch
    import re

    out = subprocess.run([str(BIN / "mutmut"), "results", "--all", "true"], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout
    by_module: dict[str, dict[str, list[str]]] = {}
    for line in out.splitlines():
        name, sep, status = line.strip().rpartition(": ")
        if not sep or "__mutmut_" not in name or not fnmatch.fnmatch(name, glob):
            continue
        module = re.split(r"\.x(?:_|\u01c1)", name, maxsplit=1)[0]
        by_module.setdefault(module, {}).setdefault(status, []).append(name)
    return by_module


def mutate(target: str | None = None) -> None:
    """Mutation testing of the trusted core ([tool.mutmut] in pyproject.toml), then the score and the survivors.

    With a PATH (a file or folder of the package) only its mutants are tested, and only those not
    tested yet: a run stopped half-way goes on where it stopped.  Without one, mutmut itself resumes
    and re-tests the functions that changed since the last run.
    """
    import time

    ensure_env("test,mutate")
    # torch's OpenMP pool, started in mutmut's parent, spins in the forked children until their CPU-time limit
    # (recorded as timeouts that say nothing about the mutant): one thread keeps torch_op's mutants testable
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    glob = mutant_glob(target) if target else "*"
    known = mutation_results(glob)
    pending = [name for by_status in known.values() for status, names in by_status.items()
               if status in MUTMUT_STATUS_PENDING for name in names]
    start = time.monotonic()
    if not target:
        run(BIN / "mutmut", "run", "--max-children", CHILDREN)
    elif not known:
        run(BIN / "mutmut", "run", "--max-children", CHILDREN, glob)
    elif pending:
        print(f"+ mutmut run --max-children {CHILDREN} <the {len(pending)} mutants of {target} not tested yet>", flush=True)
        subprocess.run([str(BIN / "mutmut"), "run", "--max-children", CHILDREN, *pending], cwd=ROOT, check=True)
    else:
        print(f"every mutant of {target} was tested (a run without PATH re-tests changed functions)")
    elapsed = time.monotonic() - start
    results = mutation_results(glob)
    total_killed = total_checked = total_pending = 0
    survivors: list[tuple[str, str]] = []
    print(f"\nmutation score (killed / mutants tested; a timeout counts as killed){' for ' + target if target else ''}:")
    for module, by_status in sorted(results.items()):
        killed = sum(len(v) for k, v in by_status.items() if k in MUTMUT_STATUS_KILLED)
        checked = sum(len(v) for k, v in by_status.items() if k not in MUTMUT_STATUS_PENDING)
        waiting = sum(len(v) for k, v in by_status.items() if k in MUTMUT_STATUS_PENDING)
        total_killed, total_checked, total_pending = total_killed + killed, total_checked + checked, total_pending + waiting
        score = f"{100 * killed / checked:.1f}%" if checked else "-"
        print(f"  {module:40} {killed:5} / {checked:<5} {score:>6}" + (f"  ({waiting} not tested yet)" if waiting else ""))
        survivors += [(name, status) for status, names in by_status.items()
                      if status not in MUTMUT_STATUS_KILLED | MUTMUT_STATUS_PENDING for name in names]
    score = f"{100 * total_killed / total_checked:.1f}%" if total_checked else "-"
    print(f"  {'total':40} {total_killed:5} / {total_checked:<5} {score:>6}"
          + (f"  ({total_pending} not tested yet)" if total_pending else ""))
    print(f"  ({elapsed:.0f} s for this run; `mutmut show NAME` prints a mutant's diff)")
    if survivors:
        print(f"\nsurvivors ({len(survivors)}):")
        for name, status in sorted(survivors):
            print(f"  {name}: {status}")


if __name__ == "__main__":
    tasks = {"demo": demo, "test": test, "bench": bench, "wheel": wheel, "notebooks": notebooks, "mutate": mutate}
    if not (len(sys.argv) == 2 and sys.argv[1] in tasks or len(sys.argv) == 3 and sys.argv[1] == "mutate"):
        print(f"usage: python3 tasks.py {{{'|'.join(tasks)}}}  (mutate takes an optional PATH)", file=sys.stderr)
        raise SystemExit(2)
    try:
        tasks[sys.argv[1]](*sys.argv[2:])
    except subprocess.CalledProcessError as exc:
        raise SystemExit(exc.returncode) from None
