"""Dutch texts of the cases area. Every key here exists in cases_en.py too."""

NL: dict[str, str] = {
}
