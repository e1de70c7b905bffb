"""``python -m symconv`` runs the CLI."""

from .cli import main

raise SystemExit(main())
