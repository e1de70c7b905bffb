"""The README's interactive examples run as written (doctest)."""

import doctest
from pathlib import Path


def test_readme_examples():
    res = doctest.testfile(str(Path(__file__).resolve().parents[1] / "README.md"), module_relative=False,
                           optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert res.attempted >= 4 and res.failed == 0
