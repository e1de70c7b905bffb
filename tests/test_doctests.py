"""Run the docstring examples of every symconv module (public examples must run)."""

import doctest
import importlib
import pkgutil

import pytest

import symconv

MODULES = sorted(m.name for m in pkgutil.walk_packages(symconv.__path__, "symconv.")
                 if m.name != "symconv.__main__")


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    mod = importlib.import_module(name)
    res = doctest.testmod(mod, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert res.failed == 0, f"{res.failed} doctest(s) failed in {name}"


def test_public_api_documented():
    for name in symconv.__all__:
        obj = getattr(symconv, name)
        if callable(obj) and not name.startswith("_"):
            assert obj.__doc__, f"symconv.{name} has no docstring"


def test_every_module_is_reachable_as_an_attribute():
    """`import symconv` loads lazily, yet `sc.render.text`, `sc.engine.equivariance` and every other module
    are attributes of their package in a fresh interpreter (no other import needed first); private
    modules (a leading underscore) are not part of that promise."""
    import subprocess
    import sys

    code = ("import importlib, pkgutil, symconv as sc\n"
            "for m in pkgutil.walk_packages(sc.__path__, 'symconv.'):\n"
            "    parts = m.name.split('.')[1:]\n"
            "    if any(p.startswith('_') for p in parts) or parts[0] in ('proofs', 'audits', 'experiments', 'pytest_plugin'):\n"
            "        continue\n"
            "    obj = sc\n"
            "    for part in parts:\n"
            "        obj = getattr(obj, part)\n"
            "print('ok')\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "ok", out.stderr[-2000:]
