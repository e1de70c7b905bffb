"""Layer 4: rendering (plain text, JSON reports, LaTeX; prose with formulas)."""

from . import latex, prose, report, text  # noqa: F401  (sc.render.X)
