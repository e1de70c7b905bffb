"""A failing symconv assertion in a user's test points at the user's line: symconv's own frames are
hidden (``__tracebackhide__``), as pytest's own helpers do.

PYTEST_DONT_REWRITE: kill tests count by passing or failing; their asserts are not rewritten (that took
seconds in every xdist worker).
"""

import numpy  # noqa: F401  (loaded before pytester runs in-process: NumPy cannot be imported twice)
import sympy  # noqa: F401

import symconv.engine.runner  # noqa: F401
import symconv.testing  # noqa: F401

pytest_plugins = ["pytester"]

USER_TEST = '''
import sympy as sp
import symconv as sc

def not_equivariant(x):
    return [x[0]] * len(x)

def test_user_layer():
    sc.assert_shift_equivariant(not_equivariant, 3)

def test_user_matrix():
    sc.assert_circulant(sp.Matrix([[1, 2], [3, 4]]))

def test_user_invariance():
    sc.assert_shift_invariant(lambda x: x, (3,))
'''


def test_failing_assertions_hide_symconv_frames(pytester):
    pytester.makepyfile(test_user=USER_TEST)
    res = pytester.runpytest("-q", "-p", "no:cacheprovider")
    res.assert_outcomes(failed=3)
    out = res.stdout.str()
    assert "not shift-equivariant" in out and "not circulant" in out and "not shift-invariant" in out
    assert "symconv/testing/" not in out and "symconv\\testing\\" not in out, out
