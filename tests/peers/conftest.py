"""Run the peers' own tests (NumPy, SciPy, SymPy, as installed) against symconv's twins.

* ``xp``: SciPy's array-namespace fixture, NumPy only (SciPy's default without SCIPY_ARRAY_API);
* the peers' markers are registered; SciPy's ``slow`` tests are skipped as SciPy skips them by default;
* each case named in ``unsupported.toml`` is skipped with its reason ("unsupported by design").
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

UNSUPPORTED_FILE = Path(__file__).with_name("unsupported.toml")
PEER_MARKERS = ("skip_xp_backends", "xfail_xp_backends", "array_api_backends", "slow", "xslow", "fail_slow",
                "xfail_on_32bit", "skip_xp_invalid_arg", "thread_unsafe", "parallel_threads", "timeout")


def load_unsupported() -> dict[str, dict[str, str]]:
    """{suite: {case: reason}}; a case is 'Class::test' (every parametrization) or 'Class::test[id]'."""
    with UNSUPPORTED_FILE.open("rb") as f:
        return tomllib.load(f)


def case_key(item) -> tuple[str, str, str]:
    """(suite, 'Class::test', 'Class::test[id]') of a collected peer test."""
    suite = Path(str(item.fspath)).stem.removeprefix("test_peer_")
    parts = item.nodeid.split("::")[1:]
    full = "::".join(parts)
    return suite, full.split("[")[0], full


def pytest_configure(config):
    for name in PEER_MARKERS:
        config.addinivalue_line("markers", f"{name}: a marker of the peers' own test suites")


def pytest_collection_modifyitems(config, items):
    unsupported = load_unsupported()
    for item in items:
        if "tests/peers/test_peer_" not in item.nodeid.replace("\\", "/"):
            continue
        suite, base, full = case_key(item)
        reason = unsupported.get(suite, {}).get(full) or unsupported.get(suite, {}).get(base)
        if reason:
            item.add_marker(pytest.mark.skip(reason=f"unsupported by design: {reason}"))
        elif item.get_closest_marker("slow") or item.get_closest_marker("xslow"):
            item.add_marker(pytest.mark.skip(reason="the peer's slow test (skipped by the peer by default)"))


@pytest.fixture
def xp():
    from scipy._lib._array_api import array_namespace
    import numpy as np

    return array_namespace(np.empty(0))
