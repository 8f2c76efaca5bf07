"""A status-history note in the reader's language.

The portal writes each note of a case's status history as text, and the wire keeps it so
(`CaseEvent.note`). The sandbox writes its notes in English from a fixed set of parts joined
by "; " ("more information requested; decision period extended by 28 days"): those parts are
known here and said in the chosen language; any other part (a real portal's, a scenario's)
is shown as the portal sent it. Matching the sandbox's own words keeps its wire format and
its database as they are, and the sandbox needs none of the client's texts.
"""

from __future__ import annotations

import re

from ind_tui.i18n import text

# The sandbox's note parts (sandbox/lifecycle.py, sandbox/messages.py) → text keys.
PARTS = {
    "application submitted": "case.note.submitted",
    "receipt sent": "case.note.received",
    "assessment started": "case.note.in_progress",
    "more information requested": "case.note.info_requested",
    "decision taken": "case.note.decided",
    "residence document ready for collection": "case.note.ready_for_collection",
    "case closed": "case.note.closed",
    "application withdrawn": "case.note.withdrawn",
    "no answer before the deadline": "case.note.no_answer",
    "assessment resumed with what is known": "case.note.resumed_known",
    "information received": "case.note.info_received",
    "assessment resumed": "case.note.resumed",
}
COUNTED = (
    (re.compile(r"decision period extended by (\d+) days"), "case.note.extended"),
    (re.compile(r"decision period suspended for (\d+) days"), "case.note.suspended"),
)


def _part(part: str, lang: str) -> str:
    key = PARTS.get(part)
    if key is not None:
        return text(key, lang)
    for pattern, counted in COUNTED:
        if m := pattern.fullmatch(part):
            return text(counted, lang, days=int(m[1]))
    return part


def note_text(note: str, lang: str) -> str:
    """`note` with each part the sandbox writes said in `lang`; other parts as they are."""
    return "; ".join(_part(part.strip(), lang) for part in note.split(";"))
