"""A bounded memo of outcomes, for the concrete evaluators: a value, or an exception of the listed kinds
remembered and raised again (anything else, e.g. a RecursionError that depends on the stack, is never
remembered).  The caller's key must hold everything the outcome depends on."""

from __future__ import annotations

from typing import Any, Callable

__all__ = ["definitions_key", "remembered"]


def remembered(table: dict, size: int, key, compute: Callable[[], Any], errors: tuple) -> Any:
    """``compute()``, remembered in ``table`` under ``key`` (cleared when it holds ``size`` entries);
    an exception in ``errors`` is remembered and raised again at every hit.

    >>> t = {}
    >>> remembered(t, 10, "k", lambda: 1 + 1, (ZeroDivisionError,)), remembered(t, 10, "k", lambda: 0, ())
    (2, 2)
    >>> remembered(t, 10, "z", lambda: 1 / 0, (ZeroDivisionError,))
    Traceback (most recent call last):
    ZeroDivisionError: division by zero
    >>> t["z"][0]
    False
    """
    hit = table.get(key)
    if hit is None:
        try:
            hit = (True, compute())
        except errors as ex:
            hit = (False, ex)
        if len(table) >= size:
            table.clear()
        table[key] = hit
    if not hit[0]:
        raise hit[1]
    return hit[1]


def definitions_key(defs) -> tuple | None:
    """Definitions (a mapping name -> definition) as a key: the (name, definition) pairs sorted by name, the
    definitions compared structurally (never by a printed form); None when one is not hashable (then the
    caller remembers nothing).

    >>> definitions_key({"b": 2, "a": 1})
    (('a', 1), ('b', 2))
    >>> definitions_key({"a": []}) is None
    True
    """
    items = tuple(sorted(defs.items(), key=lambda kv: str(kv[0])))
    try:
        hash(items)
    except TypeError:
        return None
    return items
