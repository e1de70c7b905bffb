"""What a session's child (:class:`symconv.engine.theorem_child.ChildSession`) puts back, and what it checks,
between two bodies, so that each body runs in the state a child of its own would have started in.

* :class:`Settings`: the process-wide settings a check may change and forget to restore (Python's and
  NumPy's global random generators, mpmath's precision, NumPy's error handling, SymPy's global evaluate /
  distribute flags, the recursion limit): taken when the child starts, put back before each body.
* :class:`Namespaces`: which object each name of symconv's modules, the loaded proof scripts, and the
  top-level ``sympy``, ``numpy`` and ``mpmath`` namespaces is bound to (classes defined there: each
  attribute too).  A body that rebinds one of them (a monkeypatch of ``decide_zero``, of a rule's ``check``,
  of ``sympy.expand``...) leaves the child *tainted*: the next body gets a new child.  New names (a
  submodule imported on first use, an export cached by ``symconv.__getattr__``) and a name bound to None
  that gets its value (a table built on first use) are what first use does, not a patch.
  The same holds inside the dicts, lists and sets bound there when the child starts (the conventions'
  ``ENTRY``, the lemma registry, the memos...): a body that writes over or deletes an entry, or removes an
  element, taints the child; an entry added (a memo filling up, a list growing at its end) does not.  So does
  assigning the ``__code__`` or the defaults of a function bound there.

>>> before = Namespaces()
>>> before.tainted()
''
>>> import symconv.engine.statement as st
>>> real = st.establishes
>>> st.establishes = lambda *a, **k: True
>>> before.tainted()
'symconv.engine.statement.establishes was rebound'
>>> st.establishes = real
>>> before.tainted()
''
>>> from symconv.objects.indexed import ENTRY
>>> real = ENTRY["S"]
>>> ENTRY["S"] = ENTRY["C"]
>>> before.tainted()
"symconv.objects.indexed.ENTRY['S'] was changed in place"
>>> ENTRY["S"] = real
>>> before.tainted()
''
"""

from __future__ import annotations

import builtins
import sys
from types import FunctionType

__all__ = ["Settings", "Namespaces"]

#: top-level namespaces of the libraries the checks call, watched besides symconv and the proof scripts
LIBRARIES = ("sympy", "numpy", "mpmath")


class Settings:
    """The process-wide settings, as they are now; :meth:`restore` puts them back."""

    def __init__(self) -> None:
        import random

        import mpmath
        import numpy as np
        from sympy.core.parameters import global_parameters as gp
        self.random, self.np_random = random.getstate(), np.random.get_state()
        self.mp_prec, self.np_err, self.recursion = mpmath.mp.prec, np.geterr(), sys.getrecursionlimit()
        self.sympy = (gp.evaluate, gp.distribute, gp.exp_is_pow)

    def restore(self) -> None:
        import random

        import mpmath
        import numpy as np
        from sympy.core.parameters import global_parameters as gp
        random.setstate(self.random)
        np.random.set_state(self.np_random)
        mpmath.mp.prec = self.mp_prec
        np.seterr(**self.np_err)
        sys.setrecursionlimit(self.recursion)
        gp.evaluate, gp.distribute, gp.exp_is_pow = self.sympy


def _watched(name: str) -> bool:
    return name == "symconv" or name.startswith(("symconv.", "symconv_proofs_")) or name in LIBRARIES


_MISSING = object()


def _spaces() -> list[tuple[str, object, dict]]:
    """(label, live namespace, its bindings now) for every watched module and every class defined in one."""
    out = []
    for modname, mod in list(sys.modules.items()):
        names = getattr(mod, "__dict__", None) if mod is not None and _watched(modname) else None
        if names is None:
            continue
        out.append((modname, names, dict(names)))
        for attr, value in list(names.items()):
            if isinstance(value, type) and value.__module__ == modname:
                out.append((f"{modname}.{attr}", value.__dict__, dict(value.__dict__)))
    return out


#: containers a body may write over: LaTeX names only (``entry_function`` records the TeX of the notation built
#: last under a name, and scripts build theirs while they check); no check reads them
UNWATCHED = frozenset({"symconv.objects.indexed.TEX_NAMES"})
_BUILTINS = vars(builtins)


def _contents(value):
    """A snapshot of a watched container's entries (dict: key -> object, list: the objects in order, set: its
    elements), or None for anything else."""
    kind = type(value)
    if kind is dict:
        return dict(value)
    if kind is list:
        return list(value)
    if kind is set:
        return set(value)
    return None


def _changed_in_place(live, kept) -> str:
    """'' when ``live`` still has every entry of its snapshot ``kept`` (same objects; added entries allowed),
    else which entry was overwritten or removed."""
    if type(kept) is dict:
        for key, value in kept.items():
            if live.get(key, _MISSING) is not value:
                return f"[{key!r}]"
    elif type(kept) is list:
        if len(live) < len(kept) or any(a is not b for a, b in zip(live, kept)):
            return f"[{next((i for i, (a, b) in enumerate(zip(live, kept)) if a is not b), len(live))}]"
    elif not kept <= live:
        return f" element {next(iter(kept - live))!r}"
    return ""


def _internals(fn) -> tuple:
    """What a function runs with and that can be assigned without rebinding its name."""
    return fn.__code__, fn.__defaults__, fn.__kwdefaults__


class Namespaces:
    """The bindings of the watched namespaces, the entries of the dicts, lists and sets bound there, and the
    code and defaults of the functions bound there, as they are now; :meth:`tainted` says what was rebound, or
    changed in place, since."""

    def __init__(self) -> None:
        self.spaces = _spaces()
        self.containers, seen = [], set()
        for label, _, names in self.spaces:
            for name, value in names.items():
                if id(value) in seen or f"{label}.{name}" in UNWATCHED or (kept := _contents(value)) is None:
                    continue                    # (one container bound under several names is watched once)
                seen.add(id(value))
                if value is _BUILTINS:
                    kept.pop("_", None)         # the last value an interactive session or doctest displayed
                self.containers.append((f"{label}.{name}", value, kept))
        self.functions = [(f"{label}.{name}", value, _internals(value)) for label, _, names in self.spaces
                          for name, value in names.items() if type(value) is FunctionType]

    def tainted(self) -> str:
        """'' when every name still has its object (or was None and got one) and every watched container still
        has its entries, else what was rebound, removed or changed in place."""
        for label, live, names in self.spaces:
            for name, value in names.items():
                current = live.get(name, _MISSING)
                if current is not value and (value is not None or current is _MISSING):
                    return f"{label}.{name} was " + ("removed" if current is _MISSING else "rebound")
        for label, live, kept in self.containers:
            where = _changed_in_place(live, kept)
            if where:
                return f"{label}{where} was changed in place"
        for label, fn, kept in self.functions:
            if any(a is not b for a, b in zip(_internals(fn), kept)):
                return f"{label}'s code or defaults were replaced in place"
        return ""
