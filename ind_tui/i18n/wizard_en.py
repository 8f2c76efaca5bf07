"""English texts of the wizard area. Every key here exists in wizard_nl.py too."""

EN: dict[str, str] = {
}
