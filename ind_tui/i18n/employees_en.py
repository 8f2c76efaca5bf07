"""English texts of the employees area. Every key here exists in employees_nl.py too."""

EN: dict[str, str] = {
}
