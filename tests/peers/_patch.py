"""Replace names inside a peer's test module for the duration of one test, and check that the
test did call symconv (a peer test that never reaches the adapter proves nothing)."""

from __future__ import annotations

import contextlib
import sys

import pytest

from . import adapters


def import_peer(name: str):
    """``pytest.importorskip(name)`` for a peer's own test module, without pytest's assertion rewriting:
    the peer's asserts fail as written (their messages are the peer's), and rewriting the thousands of
    them in NumPy's and SciPy's modules took seconds in every worker."""
    hooks = [h for h in sys.meta_path if type(h).__name__ == "AssertionRewritingHook"]
    for h in hooks:
        sys.meta_path.remove(h)
    try:
        return pytest.importorskip(name)
    finally:
        sys.meta_path[:0] = hooks


class Proxy:
    """A module with some attributes replaced (e.g. numpy with convolve/correlate from symconv)."""

    def __init__(self, module, **replaced):
        self._module, self._replaced = module, replaced

    def __getattr__(self, name):
        if name in self._replaced:
            return self._replaced[name]
        return getattr(self._module, name)


@contextlib.contextmanager
def twins(monkeypatch, module, **names):
    for name, value in names.items():
        monkeypatch.setattr(module, name, value)
    before = sum(adapters.CALLS.values())
    yield
    assert sum(adapters.CALLS.values()) > before, "the peer's test never called symconv's twin"
