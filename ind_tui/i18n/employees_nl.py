"""Dutch texts of the employees area. Every key here exists in employees_en.py too."""

NL: dict[str, str] = {
}
