"""English texts of the cases area. Every key here exists in cases_nl.py too."""

EN: dict[str, str] = {
}
