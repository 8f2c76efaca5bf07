"""English words for the texts Textual itself shows."""

EN: dict[str, str] = {
}
