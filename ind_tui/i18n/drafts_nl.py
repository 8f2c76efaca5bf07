"""Dutch texts of the drafts area. Every key here exists in drafts_en.py too."""

NL: dict[str, str] = {
}
