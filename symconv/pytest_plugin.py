"""pytest plugin (registered through the ``pytest11`` entry point).

It collects nothing unless asked. Proof scripts are collected from

- the theorem catalogue shipped with the package (``pytest --pyargs symconv``; in a checkout of
  symconv that is ``proofs/``);
- the folders named by the ini option ``symconv_proof_dirs`` (paths relative to the ini file);
- the folders given with ``--symconv-proofs DIR`` (repeatable; relative to the working directory).

Every Theorem in such a script becomes a test item, marked ``symconv``; it passes when the theorem
reaches its claimed level and all its false variants are refuted. Options: ``--symconv-n-max``,
``--symconv-seed``, ``--symconv-dps``; a bad value is a usage error. SymPy, NumPy and mpmath are
imported only when a proof script is collected, so the plugin costs an unrelated project nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

_DIRS = pytest.StashKey[frozenset]()
_CATALOGUE = pytest.StashKey[Path]()
_CHECKS = pytest.StashKey[tuple]()     # (TheoremSession over the collected theorems, {id(theorem): index})


def pytest_addoption(parser):
    group = parser.getgroup("symconv")
    group.addoption("--symconv-proofs", action="append", default=[], metavar="DIR",
                    help="collect the proof scripts in DIR (repeatable)")
    group.addoption("--symconv-n-max", default=None, metavar="N", help="cap exact ranges of theorems (N >= 1)")
    group.addoption("--symconv-seed", default="0", metavar="SEED", help="seed of numeric cross-checks (>= 0)")
    group.addoption("--symconv-dps", default="50", metavar="DPS", help="mpmath digits (>= 15)")
    parser.addini("symconv_proof_dirs", "folders whose .py files are symconv proof scripts (relative to the "
                  "ini file)", type="paths", default=[])


def _int_option(config, name: str, minimum: int) -> int | None:
    text = config.getoption(name)
    if text is None:
        return None
    from ._options import int_at_least

    try:
        return int_at_least(text, "--" + name.replace("_", "-"), minimum)
    except ValueError as exc:
        raise pytest.UsageError(str(exc)) from None


def pytest_configure(config):
    config.addinivalue_line("markers", "symconv: a theorem of a symconv proof script (collected by the "
                                       "symconv plugin)")
    config.symconv_run = (_int_option(config, "symconv_n_max", 1), _int_option(config, "symconv_dps", 15),
                          _int_option(config, "symconv_seed", 0))
    dirs = set()
    for text in config.getoption("symconv_proofs"):
        path = Path(text).resolve()
        if not path.is_dir():
            raise pytest.UsageError(f"--symconv-proofs {text}: no such directory")
        dirs.add(path)
    dirs.update(Path(p).resolve() for p in config.getini("symconv_proof_dirs"))
    from ._shipped import shipped       # light: finds the package's catalogue folder
    catalogue = shipped("proofs").resolve()
    dirs.add(catalogue)
    config.stash[_DIRS] = frozenset(dirs)
    config.stash[_CATALOGUE] = catalogue


def pytest_collect_directory(path, parent):
    """``pytest --pyargs symconv`` collects the package's folder.  In a wheel the catalogue is inside it
    (symconv/proofs); in an editable install of a checkout it is the checkout's proofs/, outside the
    package folder, and is added to the package's collection here."""
    package = Path(__file__).resolve().parent
    catalogue = parent.config.stash[_CATALOGUE]
    if Path(path).resolve() == package and not catalogue.is_relative_to(package):
        return _PackageWithCatalogue.from_parent(parent, path=Path(path))
    return None


class _PackageWithCatalogue(pytest.Package):
    def collect(self):
        yield from super().collect()
        for f in sorted(self.config.stash[_CATALOGUE].glob("*.py")):
            if not f.name.startswith(("_", "test_", "conftest")):
                yield ProofScript.from_parent(self, path=f)


def pytest_collect_file(file_path, parent):
    if (file_path.suffix != ".py" or file_path.name.startswith(("_", "test_", "conftest"))
            or file_path.parent.resolve() not in parent.config.stash[_DIRS]):
        return None
    return ProofScript.from_parent(parent, path=file_path)


class ProofScript(pytest.File):
    def collect(self):
        from .engine.catalog import load_module_theorems

        for thm in load_module_theorems(self.path):
            item = TheoremItem.from_parent(self, name=thm.name, theorem=thm)
            item.add_marker("symconv")
            yield item


def _checks(item) -> tuple:
    """The run's TheoremSession: the theorems of every collected item, checked (on request) one after another in
    one forked child of this process, so what SymPy and the engine cache for one theorem serves the next."""
    config = item.config
    if _CHECKS not in config.stash:
        from .engine.runner import RunOptions, TheoremSession

        thms = [it.theorem for it in item.session.items if isinstance(it, TheoremItem)]
        if not any(t is item.theorem for t in thms):      # an item run outside the session's list
            thms.append(item.theorem)
        n_max, dps, seed = config.symconv_run
        config.stash[_CHECKS] = (TheoremSession(thms, RunOptions(n_max=n_max, dps=dps, seed=seed)),
                                 {id(t): k for k, t in enumerate(thms)})
    session, index = config.stash[_CHECKS]
    if id(item.theorem) not in index:                      # pragma: no cover - every run item was collected
        raise RuntimeError(f"theorem {item.theorem.name} was not collected in this run")
    return session, index


def pytest_unconfigure(config):
    checks = config.stash.get(_CHECKS, None)
    if checks is not None:
        checks[0].close()


class TheoremFailed(Exception):
    pass


class TheoremItem(pytest.Item):
    def __init__(self, *, theorem, **kw):
        super().__init__(**kw)
        self.theorem = theorem

    def runtest(self):
        from .render.text import detail_lines, theorem_line

        session, index = _checks(self)
        res = session.check(index[id(self.theorem)])
        if not res.passed:
            raise TheoremFailed("\n".join([theorem_line(res)] + detail_lines(res)))

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, TheoremFailed):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, None, f"theorem {self.theorem.name}"
