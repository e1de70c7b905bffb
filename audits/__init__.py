"""The seed audit: the source documents' worked examples and claims (installed as ``symconv.audits``).

``symconv audit`` with no path runs these scripts.
"""
