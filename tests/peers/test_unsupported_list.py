"""Every entry of unsupported.toml names a peer test that the adapter modules do run, with a reason."""

import importlib

from .conftest import load_unsupported


def test_each_unsupported_case_exists_and_has_a_reason():
    listed = load_unsupported()
    assert set(listed) == {"numpy", "scipy_signal", "scipy_linalg", "sympy"}
    for suite, cases in listed.items():
        module = importlib.import_module(f"{__package__}.test_peer_{suite}")
        for key, reason in cases.items():
            assert len(reason) > 20, (suite, key)
            obj = module
            for part in key.split("[")[0].split("::"):
                obj = getattr(obj, part)        # AttributeError: the entry names no test
            assert callable(obj)
