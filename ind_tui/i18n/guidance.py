"""Short explanations and next steps for every error code, in Dutch and English.

The texts are catalogue entries (`guidance_nl.py`, `guidance_en.py`): for each code
`guidance.<code>.title`, `.what` (what happened) and `.do` (what to do). One entry per
ErrorCode and ClientCode; a test checks that none is missing.
"""

from __future__ import annotations

from dataclasses import dataclass

from ind_tui.i18n import catalogue, text

_PREFIX = "guidance."


@dataclass(frozen=True)
class Guidance:
    """What went wrong and what to do, in the user's language."""

    code: str
    title: str
    explanation: str
    action: str

    def text(self) -> str:
        return f"{self.title}. {self.explanation} {self.action}"


_CODES = frozenset(key.split(".")[1] for key in catalogue("en") if key.startswith(_PREFIX))


def known_codes() -> frozenset[str]:
    return _CODES


def guidance(code: str, lang: str = "en") -> Guidance:
    """Guidance for `code` in `lang` ("nl" or "en"); an unknown code gets a generic text."""
    entry = code if code in _CODES else ("internal_error" if code else "bad_request")
    return Guidance(code=code, title=text(f"{_PREFIX}{entry}.title", lang),
                    explanation=text(f"{_PREFIX}{entry}.what", lang),
                    action=text(f"{_PREFIX}{entry}.do", lang))
