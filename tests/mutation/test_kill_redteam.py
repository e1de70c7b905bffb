"""Kill tests for the mutants of the red-team soundness fixes (2026-12-02) that the other tests let survive."""
