"""Replace names inside a peer's test module for the duration of one test, and check that the
test did call symconv (a peer test that never reaches the adapter proves nothing)."""

from __future__ import annotations

import contextlib

from . import adapters


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
