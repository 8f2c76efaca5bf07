"""English texts of the appointments area. Every key here exists in appointments_nl.py too."""

EN: dict[str, str] = {
}
