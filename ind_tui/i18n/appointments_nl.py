"""Dutch texts of the appointments area. Every key here exists in appointments_en.py too."""

NL: dict[str, str] = {
}
