"""Dutch texts of the inbox area. Every key here exists in inbox_en.py too."""

NL: dict[str, str] = {
}
