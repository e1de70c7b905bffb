"""Kill tests for engine/child_state.py (mutation testing, 2026-12-02).

Settings and Namespaces are used in a session's forked child, where mutmut does not see which tests reach
them: these tests call them here, in this process, and check exact values."""

from __future__ import annotations

import random
import sys
import types

import mpmath
import numpy as np
import pytest
from sympy.core.parameters import global_parameters as gp

from symconv.engine import child_state
from symconv.engine.child_state import LIBRARIES, Namespaces, Settings, _spaces, _watched


def _now():
    return (random.getstate(), repr(np.random.get_state()), mpmath.mp.prec, np.geterr(), sys.getrecursionlimit(),
            (gp.evaluate, gp.distribute, gp.exp_is_pow))


def test_settings_put_back_every_setting_a_body_changed():
    before = _now()
    settings = Settings()
    assert settings.mp_prec == mpmath.mp.prec and settings.recursion == sys.getrecursionlimit()
    assert settings.np_err == np.geterr() and settings.sympy == (gp.evaluate, gp.distribute, gp.exp_is_pow)
    expected_random = random.random()
    expected_np = float(np.random.random())
    try:
        random.seed(12345)
        np.random.seed(54321)
        mpmath.mp.prec = 17
        np.seterr(all="raise")
        sys.setrecursionlimit(before[4] + 321)
        gp.evaluate, gp.distribute, gp.exp_is_pow = (not before[5][0], not before[5][1], not before[5][2])
        settings.restore()
        assert _now()[2:] == before[2:]
        # the generators are back at the state taken (not reseeded): the same draws as before the changes
        assert random.random() == expected_random and float(np.random.random()) == expected_np
    finally:
        settings.restore()
    assert _now()[2:] == before[2:]


def test_settings_restore_can_be_called_again():
    settings = Settings()
    prec = mpmath.mp.prec
    try:
        mpmath.mp.prec = prec + 40
        settings.restore()
        mpmath.mp.prec = prec + 80
        settings.restore()
        assert mpmath.mp.prec == prec
    finally:
        mpmath.mp.prec = prec


@pytest.mark.parametrize("name, watched", [
    ("symconv", True), ("symconv.engine", True), ("symconv.engine.runner", True), ("symconv_proofs_shift", True),
    ("sympy", True), ("numpy", True), ("mpmath", True),
    ("symconvx", False), ("symconv_proofs", False), ("xsymconv.engine", False), ("sympy.core", False),
    ("numpy.linalg", False), ("os", False), ("", False), ("symconv_proof_x", False),
])
def test_which_modules_are_watched(name, watched):
    assert _watched(name) is watched


def test_the_watched_libraries():
    assert LIBRARIES == ("sympy", "numpy", "mpmath")


@pytest.fixture
def fake_modules():
    """A watched module with a class of its own and a class from elsewhere, an unwatched one, a None entry."""
    own = types.ModuleType("symconv._kill_child_state")

    class Own:
        def method(self):
            return 1

    class Foreign:
        pass
    Own.__module__ = own.__name__
    Foreign.__module__ = "elsewhere"
    own.Own, own.Foreign, own.f, own.table, own.gone = Own, Foreign, len, None, abs
    other = types.ModuleType("unwatched_kill_child_state")
    other.g = len
    names = {own.__name__: own, other.__name__: other, "symconv._kill_child_state_none": None,
             "symconv._kill_child_state_no_dict": 5}              # sys.modules may hold any object
    sys.modules.update(names)
    try:
        yield own, other
    finally:
        for name in names:
            sys.modules.pop(name, None)


def test_spaces_lists_each_watched_module_and_its_own_classes(fake_modules):
    own, other = fake_modules
    spaces = {label: (live, names) for label, live, names in _spaces()}
    live, names = spaces["symconv._kill_child_state"]
    assert live is own.__dict__ and names == own.__dict__ and names is not own.__dict__
    live, names = spaces["symconv._kill_child_state.Own"]
    assert names == dict(own.Own.__dict__) and live["method"] is own.Own.method
    assert "symconv._kill_child_state.Foreign" not in spaces
    assert "unwatched_kill_child_state" not in spaces and "symconv._kill_child_state_none" not in spaces
    assert "symconv._kill_child_state_no_dict" not in spaces
    assert "symconv.engine.child_state" in spaces and "symconv.engine.child_state.Settings" in spaces
    assert "sympy" in spaces and "sympy.core" not in spaces
    labels = [label for label, _, _ in _spaces()]
    assert labels.index("symconv._kill_child_state") + 1 == labels.index("symconv._kill_child_state.Own")


def test_a_rebound_or_removed_name_taints_and_first_use_does_not(fake_modules):
    own, other = fake_modules
    before = Namespaces()
    assert before.tainted() == ""
    own.table = {"built": 1}                       # None -> a value: a table built on first use
    own.new_name = 3                               # a new name: a submodule or an export cached on first use
    other.g = max                                  # not watched
    assert before.tainted() == ""
    own.f = max
    assert before.tainted() == "symconv._kill_child_state.f was rebound"
    own.f = len
    assert before.tainted() == ""
    del own.gone
    assert before.tainted() == "symconv._kill_child_state.gone was removed"
    own.gone = abs
    own.Own.method = lambda self: 2
    assert before.tainted() == "symconv._kill_child_state.Own.method was rebound"
    del own.Own.method
    assert before.tainted() == "symconv._kill_child_state.Own.method was removed"


def test_a_value_set_to_none_is_a_rebinding(fake_modules):
    own, _ = fake_modules
    before = Namespaces()
    own.f = None
    assert before.tainted() == "symconv._kill_child_state.f was rebound"


def test_a_name_bound_to_an_equal_but_other_object_is_rebound(fake_modules):
    own, _ = fake_modules
    own.f = [1, 2]
    before = Namespaces()
    own.f = [1, 2]
    assert before.tainted() == "symconv._kill_child_state.f was rebound"


def test_a_name_removed_that_was_none_is_removed(fake_modules):
    own, _ = fake_modules
    before = Namespaces()
    del own.table
    assert before.tainted() == "symconv._kill_child_state.table was removed"


def test_the_module_exports():
    assert child_state.__all__ == ["Settings", "Namespaces"]
