"""Dutch texts of the wizard area. Every key here exists in wizard_en.py too."""

NL: dict[str, str] = {
}
