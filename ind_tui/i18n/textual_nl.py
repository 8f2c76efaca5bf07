"""Dutch words for the texts Textual itself shows."""

NL: dict[str, str] = {
}
