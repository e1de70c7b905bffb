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
