"""The portal client and the API contract. Never imports Textual."""
