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


# ---------------------------------------------------------------- changes in place (containers, function code)

from symconv.engine.child_state import UNWATCHED, _changed_in_place, _contents, _internals  # noqa: E402


def test_contents_snapshots_dicts_lists_and_sets_only():
    d, seq, st = {"a": 1}, [1, 2], {3}
    for value, kind in ((d, dict), (seq, list), (st, set)):
        kept = _contents(value)
        assert type(kept) is kind and kept == value and kept is not value
    assert _contents((1, 2)) is None and _contents(frozenset({1})) is None and _contents("ab") is None
    assert _contents(None) is None and _contents(len) is None
    assert _contents(collections_ordered()) is None            # a subclass is not snapshotted


def collections_ordered():
    import collections
    return collections.OrderedDict(a=1)


def test_changed_in_place_of_a_dict():
    one, two = object(), object()
    kept = {"a": one, "b": None}
    assert _changed_in_place({"a": one, "b": None}, kept) == ""
    assert _changed_in_place({"a": one, "b": None, "c": two}, kept) == ""         # added: allowed
    assert _changed_in_place({"a": two, "b": None}, kept) == "['a']"
    assert _changed_in_place({"b": None}, kept) == "['a']"                       # removed
    assert _changed_in_place({"a": one}, kept) == "['b']"                        # a None entry removed
    assert _changed_in_place({"a": one, "b": 0}, kept) == "['b']"


def test_changed_in_place_of_a_list():
    one, two, three = object(), object(), object()
    kept = [one, two]
    assert _changed_in_place([one, two], kept) == ""
    assert _changed_in_place([one, two, three], kept) == ""                      # grown at its end: allowed
    assert _changed_in_place([three, two], kept) == "[0]"
    assert _changed_in_place([one, three], kept) == "[1]"
    assert _changed_in_place([one, three, two], kept) == "[1]"                   # inserted before the end
    assert _changed_in_place([one], kept) == "[1]"                               # shortened
    assert _changed_in_place([], kept) == "[0]"
    assert _changed_in_place([], []) == ""


def test_changed_in_place_of_a_set():
    assert _changed_in_place({1, 2}, {1, 2}) == ""
    assert _changed_in_place({1, 2, 3}, {1, 2}) == ""                            # an element added: allowed
    assert _changed_in_place({2}, {1, 2}) == " element 1"
    assert _changed_in_place(set(), {"b"}) == " element 'b'"


def test_internals_are_code_and_defaults():
    def f(a, b=1, *, c=2):
        return a
    assert _internals(f) == (f.__code__, (1,), {"c": 2})
    assert _internals(f)[0] is f.__code__ and _internals(f)[1] is f.__defaults__
    assert _internals(f)[2] is f.__kwdefaults__


def test_namespaces_watch_containers_and_functions(fake_modules):
    own, _ = fake_modules
    own.table_d, own.table_l, own.table_s, own.frozen = {"k": 1}, [1], {1}, frozenset({1})

    def fn(x=1):
        return x
    own.fn = fn
    ns = Namespaces()
    labels = {label: (live, kept) for label, live, kept in ns.containers}
    assert labels["symconv._kill_child_state.table_d"][0] is own.table_d
    assert labels["symconv._kill_child_state.table_d"][1] == {"k": 1}
    assert "symconv._kill_child_state.table_l" in labels and "symconv._kill_child_state.table_s" in labels
    assert "symconv._kill_child_state.frozen" not in labels
    assert "symconv.objects.indexed.ENTRY" in labels
    functions = {label: (fn_, kept) for label, fn_, kept in ns.functions}
    assert functions["symconv._kill_child_state.fn"] == (fn, (fn.__code__, (1,), None))
    assert "symconv._kill_child_state.f" not in functions                    # len: a builtin, not a function
    assert ns.tainted() == ""
    own.table_d["new"] = 2
    own.table_l.append(2)
    own.table_s.add(2)
    assert ns.tainted() == ""
    own.table_d["k"] = 3
    assert ns.tainted() == "symconv._kill_child_state.table_d['k'] was changed in place"
    own.table_d["k"] = 1
    assert ns.tainted() == ""
    own.table_l[0] = 5
    assert ns.tainted() == "symconv._kill_child_state.table_l[0] was changed in place"
    own.table_l[0] = 1
    own.table_s.discard(1)
    assert ns.tainted() == "symconv._kill_child_state.table_s element 1 was changed in place"
    own.table_s.add(1)
    assert ns.tainted() == ""
    fn.__defaults__ = (2,)
    assert ns.tainted() == "symconv._kill_child_state.fn's code or defaults were replaced in place"
    fn.__defaults__ = tuple([1])                 # an equal tuple, another object: still replaced
    assert ns.tainted() == "symconv._kill_child_state.fn's code or defaults were replaced in place"


def test_a_function_whose_code_is_replaced_taints(fake_modules):
    own, _ = fake_modules

    def fn(x=1):
        return x
    own.fn = fn
    ns = Namespaces()
    real = fn.__code__
    fn.__code__ = (lambda x=1: 0).__code__
    assert ns.tainted() == "symconv._kill_child_state.fn's code or defaults were replaced in place"
    fn.__code__ = real
    assert ns.tainted() == ""
    fn.__kwdefaults__ = {"y": 1}
    assert ns.tainted() == "symconv._kill_child_state.fn's code or defaults were replaced in place"


def test_rebinding_is_reported_before_a_change_in_place(fake_modules):
    own, _ = fake_modules
    own.table_d = {"k": 1}
    ns = Namespaces()
    own.table_d["k"] = 2
    own.f = max
    assert ns.tainted() == "symconv._kill_child_state.f was rebound"


def test_latex_names_are_the_only_unwatched_container():
    from symconv.objects.indexed import TEX_NAMES
    assert UNWATCHED == frozenset({"symconv.objects.indexed.TEX_NAMES"})
    ns = Namespaces()
    assert all(live is not TEX_NAMES for _, live, _ in ns.containers)
    TEX_NAMES["_kill_child_state"] = "x"
    try:
        ns2 = Namespaces()
        TEX_NAMES["_kill_child_state"] = "y"
        assert ns2.tainted() == ""
    finally:
        del TEX_NAMES["_kill_child_state"]


def test_builtins_are_watched_once_and_the_displayed_value_is_not(fake_modules):
    import builtins
    had = "_" in vars(builtins)
    old = vars(builtins).get("_")
    builtins._ = "displayed before the child started"
    ns = Namespaces()
    watched = [(label, kept) for label, live, kept in ns.containers if live is vars(builtins)]
    assert len(watched) == 1 and "_" not in watched[0][1] and "abs" in watched[0][1]
    assert watched[0][0].endswith(".__builtins__")
    shared = {"k": 1}
    own, _ = fake_modules
    own.first, own.second = shared, shared                     # one table under two names
    ns = Namespaces()
    labels = [label for label, live, _ in ns.containers if live is shared]
    assert labels == ["symconv._kill_child_state.first"]
    try:
        builtins._ = object()                                  # what a doctest or a prompt displayed last
        assert ns.tainted() == ""
        real = builtins.abs
        builtins.abs = lambda v: 0
        try:
            assert ns.tainted().endswith(".__builtins__['abs'] was changed in place")
        finally:
            builtins.abs = real
        assert ns.tainted() == ""
    finally:
        if had:
            builtins._ = old
        else:
            vars(builtins).pop("_", None)
