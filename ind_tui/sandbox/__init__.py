"""The sandbox portal server (FastAPI + SQLite). Never imports Textual."""
