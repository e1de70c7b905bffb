"""pytest plugin (registered through the ``pytest11`` entry point).

Every Theorem in a ``proofs/*.py`` script becomes a test item; it passes when
the theorem reaches its claimed level and all its false variants are refuted.
Options: ``--symconv-n-max``, ``--symconv-seed``, ``--symconv-dps``.
"""

from __future__ import annotations

import pytest

from .engine.catalog import load_module_theorems
from .engine.runner import RunOptions, run_theorem
from .render.text import detail_lines, theorem_line


def pytest_addoption(parser):
    group = parser.getgroup("symconv")
    group.addoption("--symconv-n-max", type=int, default=None, help="cap exact ranges of theorems")
    group.addoption("--symconv-seed", type=int, default=0, help="seed of numeric cross-checks")
    group.addoption("--symconv-dps", type=int, default=50, help="mpmath digits")
    parser.addini("symconv_proof_dirs", "directory names whose .py files are proof scripts",
                  type="args", default=["proofs"])


def pytest_collect_file(file_path, parent):
    dirs = parent.config.getini("symconv_proof_dirs")
    if (file_path.suffix == ".py" and file_path.parent.name in dirs
            and not file_path.name.startswith(("_", "test_", "conftest"))):
        return ProofScript.from_parent(parent, path=file_path)
    return None


class ProofScript(pytest.File):
    def collect(self):
        for thm in load_module_theorems(self.path):
            yield TheoremItem.from_parent(self, name=thm.name, theorem=thm)


class TheoremFailed(Exception):
    pass


class TheoremItem(pytest.Item):
    def __init__(self, *, theorem, **kw):
        super().__init__(**kw)
        self.theorem = theorem

    def runtest(self):
        cfg = self.config
        opts = RunOptions(n_max=cfg.getoption("symconv_n_max"), dps=cfg.getoption("symconv_dps"),
                          seed=cfg.getoption("symconv_seed"))
        res = run_theorem(self.theorem, opts)
        if not res.passed:
            raise TheoremFailed("\n".join([theorem_line(res)] + detail_lines(res)))

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, TheoremFailed):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, None, f"theorem {self.theorem.name}"
