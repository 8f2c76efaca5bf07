"""What this computer remembers about the inbox, per portal, profile and company (the scope
of `local.scope`, as the cases cache): which messages were already announced, when the cases
were last looked at, and address changes the user noted (a duty the portal cannot know
about until it is reported). Entries from before scopes named the portal are never read
again: which portal they came from is not known, so they must not show under this one.

One small JSON file in the data folder, replaced atomically; a damaged file is set aside and
started afresh (at worst a message is announced twice).
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from ind_tui.api.account import Address
from ind_tui.base.atomic import atomic_write_text, private_dir

STATE_FILE = "inbox-state.json"
# One lock per file for every InboxStore of the process: screens and the background look each
# make their own, and a read-modify-write must not lose another's update.
_LOCKS: dict[Path, threading.Lock] = {}
_LOCKS_GUARD = threading.Lock()


def _lock_for(path: Path) -> threading.Lock:
    with _LOCKS_GUARD:
        return _LOCKS.setdefault(path.resolve(), threading.Lock())
KEEP_ANNOUNCED = 5000  # ids kept per scope; older ones can no longer come back as new
ADDRESS_DEADLINE_DAYS = 14


@dataclass(frozen=True)
class AddressChange:
    """The administration address changes (or changed) on `effective`: report within 2 weeks.
    `before` is the address the portal had when it was noted; once the portal shows another,
    the report was made."""

    effective: date
    before: Address
    noted_at: datetime

    @property
    def due(self) -> date:
        return self.effective + timedelta(days=ADDRESS_DEADLINE_DAYS)


class InboxStore:
    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            from ind_tui.local.paths import data_dir

            path = data_dir() / STATE_FILE
        self.path = path
        self._lock = _lock_for(path)

    # --- file ----------------------------------------------------------------------------

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            with contextlib.suppress(OSError):
                os.replace(self.path, self.path.with_suffix(".damaged"))
            return {}
        return data if isinstance(data, dict) else {}

    def _write(self, data: dict[str, Any]) -> None:
        private_dir(self.path.parent)
        atomic_write_text(self.path, json.dumps(data, indent=1, sort_keys=True))

    def _scope(self, data: dict[str, Any], scope: str) -> dict[str, Any]:
        entry = data.setdefault(scope, {})
        if not isinstance(entry, dict):
            entry = data[scope] = {}
        return entry

    # --- announcements -----------------------------------------------------------------------

    def announced(self, scope: str) -> set[str]:
        with self._lock:
            ids = self._read().get(scope, {}).get("announced", [])
        return {str(i) for i in ids} if isinstance(ids, list) else set()

    def announced_more(self, scope: str) -> int:
        """Messages announced by count only (more than a page was new): their ids are not
        kept, but they were told, so they are not new the next time."""
        with self._lock:
            more = self._read().get(scope, {}).get("announced_more", 0)
        return more if isinstance(more, int) and more > 0 else 0

    def cases_looked_at(self, scope: str) -> datetime | None:
        with self._lock:
            text = self._read().get(scope, {}).get("cases_as_of")
        try:
            return datetime.fromisoformat(text) if isinstance(text, str) else None
        except ValueError:
            return None

    def remember(self, scope: str, message_ids: set[str], cases_as_of: datetime | None,
                 more: int | None = None) -> None:
        """Record messages as announced (and the portal time the cases were looked at);
        `more`: how many were announced by count only (see announced_more)."""
        with self._lock:
            data = self._read()
            entry = self._scope(data, scope)
            if more is not None:
                entry["announced_more"] = more
            known = [str(i) for i in entry.get("announced", []) if isinstance(i, str)]
            fresh = sorted(message_ids - set(known))
            entry["announced"] = (known + fresh)[-KEEP_ANNOUNCED:]
            if cases_as_of is not None:
                entry["cases_as_of"] = cases_as_of.isoformat()
            self._write(data)

    # --- address changes ---------------------------------------------------------------------

    def address_changes(self, scope: str) -> list[AddressChange]:
        with self._lock:
            raw = self._read().get(scope, {}).get("address_changes", [])
        out = []
        for item in raw if isinstance(raw, list) else []:
            try:
                out.append(AddressChange(
                    effective=date.fromisoformat(item["effective"]),
                    before=Address.model_validate(item["before"]),
                    noted_at=datetime.fromisoformat(item["noted_at"])))
            except (KeyError, TypeError, ValueError):
                continue  # one bad entry does not hide the others
        return out

    def note_address_change(self, scope: str, change: AddressChange) -> None:
        with self._lock:
            data = self._read()
            entry = self._scope(data, scope)
            items = [i for i in entry.get("address_changes", [])
                     if isinstance(i, dict) and i.get("effective") != change.effective.isoformat()]
            items.append({"effective": change.effective.isoformat(),
                          "before": change.before.model_dump(mode="json"),
                          "noted_at": change.noted_at.isoformat()})
            entry["address_changes"] = items
            self._write(data)

    def drop_address_changes(self, scope: str, effective: set[date]) -> None:
        with self._lock:
            data = self._read()
            entry = self._scope(data, scope)
            wanted = {d.isoformat() for d in effective}
            entry["address_changes"] = [
                i for i in entry.get("address_changes", [])
                if isinstance(i, dict) and i.get("effective") not in wanted
            ]
            self._write(data)
