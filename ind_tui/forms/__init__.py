"""Form definitions and domain rules. Never imports Textual."""
