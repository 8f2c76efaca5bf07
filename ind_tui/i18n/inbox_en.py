"""English texts of the inbox area. Every key here exists in inbox_nl.py too."""

EN: dict[str, str] = {
}
