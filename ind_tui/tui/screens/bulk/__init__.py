"""Bulk extensions: the drafts made for the employees marked in Due soon, filed together."""
