"""Keys land where the user meant, however fast they come.

Textual hands a key to the widget in focus through that widget's message queue, and a key no
widget takes (Tab, `/`, `:`) reaches the app's bindings only after bubbling back up through
the queues. Keys that arrive in the meantime (a burst over SSH, a paste, a fast typist) were
already handed to the old focus: "1985-07-20" followed by Tab and "BRA" ended up as
"1985-07-20BRA" in one field. The gate holds each key until the one before it has done what
it does: bubbled to its end, moved the focus, opened a field, mounted a new screen.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Sequence
from time import monotonic
from typing import TYPE_CHECKING, Any
from weakref import WeakSet

from textual import events

if TYPE_CHECKING:
    from textual.app import App
    from textual.message_pump import MessagePump
    from textual.screen import Screen

# Only a safety net: a key whose effects never settle lets the next one go after this long.
# On a loaded machine a screen can take seconds to come up; keys typed meanwhile wait for it.
LONGEST_HOLD = 10.0
POLL = 0.001

Typed = events.Key | events.Paste


def _drained(node: MessagePump) -> bool:
    queue: asyncio.Queue[object] = node._message_queue
    # A message being handled still counts: its handler may move the focus when it ends.
    return queue.empty() and getattr(queue, "_unfinished_tasks", 0) == 0


class KeyGate:
    """Lets one typed key (or paste) through at a time; the rest wait their turn in order."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.held: deque[Typed] = deque()
        self.in_flight: Typed | None = None
        self._passes = 0  # how often the app has handled the key in flight
        self._at_screen = False  # the screen has had it: it goes on up to the app
        self._screens: WeakSet[Screen[Any]] = WeakSet()
        self._releasing: Typed | None = None
        self._watcher: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Once the app runs: follow what it handles, to see a key come back up."""
        self.app.message_signal.subscribe(self.app, self._handled, immediate=True)

    def admit(self, event: Typed) -> bool:
        """True: hand this one on now. False: it is held until the one before has landed."""
        if event is self._releasing:
            self._releasing = None
            return True
        if self.in_flight is not None or self.held:
            self.held.append(event)
            return False
        return True

    def sent(self, event: Typed) -> None:
        """The app has handed `event` on: watch it land before the next may go."""
        self.in_flight, self._passes, self._at_screen = event, 0, False
        screen = self.app.screen
        if screen not in self._screens:
            self._screens.add(screen)
            screen.message_signal.subscribe(self.app, self._seen_by_screen, immediate=True)
        origin = self.app.focused or screen
        path = [origin, *origin.ancestors]
        # Not handed on: a priority binding took it in the app itself. It is done, but what it
        # started (a screen pushed, a field focused) must still settle.
        self._watcher = asyncio.create_task(self._watch(event, path, not event.is_forwarded))

    def _seen_by_screen(self, message: object) -> None:
        if message is self.in_flight:
            self._at_screen = True

    def _handled(self, message: object) -> None:
        # The first time is the app handing the key on; a second time it came back up after
        # every widget let it pass, and the app's own bindings have had their say.
        if message is self.in_flight:
            self._passes += 1

    async def _watch(self, event: Typed, path: Sequence[MessagePump], taken: bool) -> None:
        deadline = monotonic() + LONGEST_HOLD
        try:
            while monotonic() < deadline and not self._landed(event, path, taken):
                await asyncio.sleep(POLL)
        finally:
            # Whatever happened to this one (the app closing, a screen gone), the next goes.
            self.in_flight = None
            if self.held:
                self._release()

    def _landed(self, event: Typed, path: Sequence[MessagePump], taken: bool) -> bool:
        # Done when the app's bindings have had it, or a widget below the screen took it (a
        # key that reaches the screen always goes on up to the app).
        stopped_below = event._stop_propagation and not self._at_screen
        if not (taken or stopped_below or self._passes >= 2):
            return False
        screen = self.app.screen
        if not screen.is_mounted or screen._callbacks:
            return False
        focused = self.app.focused
        now = [focused, *focused.ancestors] if focused is not None else [screen]
        return all(_drained(node) for node in (*path, *now) if node is not self.app)

    def _release(self) -> None:
        # Back through the app's queue, as if it came now; the others stay held behind it.
        event = self.held.popleft()
        self._releasing = self.in_flight = event
        self.app.post_message(event)
