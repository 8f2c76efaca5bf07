"""Plumbing that knows nothing of the portal: atomic file writes, SQLite migrations.

The lowest layer: every other part of the package (the sandbox too) may import it.
"""
