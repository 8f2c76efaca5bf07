"""English texts of the drafts area. Every key here exists in drafts_nl.py too."""

EN: dict[str, str] = {
}
