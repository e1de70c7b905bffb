"""Integer options shared by the command line and the pytest plugin (light: no heavy imports)."""

from __future__ import annotations

__all__ = ["int_at_least"]


def int_at_least(text: str, flag: str, minimum: int) -> int:
    """``text`` as an int >= ``minimum``; else ValueError with a one-line message naming ``flag``.

    >>> int_at_least("8", "--n-max", 1)
    8
    >>> int_at_least("0", "--n-max", 1)
    Traceback (most recent call last):
    ...
    ValueError: --n-max must be >= 1, got 0
    """
    try:
        value = int(text)
    except (TypeError, ValueError):
        raise ValueError(f"{flag} must be an integer, got {text!r}") from None
    if value < minimum:
        raise ValueError(f"{flag} must be >= {minimum}, got {value}")
    return value
