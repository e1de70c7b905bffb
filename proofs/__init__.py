"""The theorem catalogue: one proof script per topic (installed as ``symconv.proofs``).

``symconv prove`` with no path runs these scripts; ``pytest --pyargs symconv`` collects them.
"""
