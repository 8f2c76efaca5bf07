"""Drafts (.tfa bundles), the document store and PDF checks. Never imports Textual."""
