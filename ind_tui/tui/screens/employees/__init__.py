"""employees."""
