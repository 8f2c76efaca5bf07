"""appointments."""
