"""Drafts (.tfa bundles), the document store and PDF checks: import from the submodules."""
