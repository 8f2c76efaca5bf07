"""Background work belongs to the screen that started it and ends with it.

A screen that is popped, dismissed or switched away is removed: Textual first takes its
widgets down one by one and only then cancels its workers, so a load that answers in between
finds half a screen (`NoMatches`). `ScreenWork` cancels every worker of the screen and of its
widgets the moment removal starts, before any widget goes, and keeps timers and results from
threads off a screen that has left. `@work` and `run_worker` on a screen need nothing more.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.await_complete import AwaitComplete
from textual.dom import DOMNode
from textual.screen import Screen

if TYPE_CHECKING:
    from textual.await_remove import AwaitRemove
    from textual.timer import Timer, TimerCallback

    _Mixin = Screen[Any]
else:
    # A plain mixin at run time: Textual takes a screen's default CSS along its first
    # DOMNode base, so a Screen here would hide ModalScreen's (its see-through background).
    _Mixin = object


class ScreenWork(_Mixin):
    """A base of every screen of the app that starts work, listed before its Screen class."""

    _left = False
    _rebuilding = False

    @property
    def left(self) -> bool:
        """True once the screen is on its way out: nothing may touch its widgets any more."""
        return self._left

    @property
    def whole(self) -> bool:
        """Its widgets are all there: not leaving, and not between taking its widgets down
        and putting the new ones up (`recompose`). Work that ends otherwise keeps its result
        in attributes; the screen shows it when it is whole again."""
        return self.is_attached and not self._left and not self._rebuilding

    async def recompose(self) -> None:
        self._rebuilding = True
        try:
            await super().recompose()
        finally:
            self._rebuilding = False

    def remove(self) -> AwaitRemove:
        self.end_work()
        return super().remove()

    def end_work(self) -> None:
        """Cancel the workers of this screen and of everything on it."""
        if self._left:
            return
        self._left = True
        nodes = set(self.walk_children(with_self=True))
        for worker in list(self.app.workers):
            if worker.node in nodes:
                worker.cancel()

    def dismiss(self, result: Any = None) -> AwaitComplete:
        # Keys typed ahead may answer a dialog a jump already took away; popping then would
        # close whatever screen is on top instead.
        if self._left or self is not self.app.screen:
            return AwaitComplete.nothing()
        return super().dismiss(result)

    def set_timer(self, delay: float, callback: TimerCallback | None = None, *,
                  name: str | None = None, pause: bool = False) -> Timer:
        return super().set_timer(delay, self._while_here(callback), name=name, pause=pause)

    def set_interval(self, interval: float, callback: TimerCallback | None = None, *,
                     name: str | None = None, repeat: int = 0, pause: bool = False) -> Timer:
        return super().set_interval(interval, self._while_here(callback), name=name,
                                    repeat=repeat, pause=pause)

    def _while_here(self, callback: TimerCallback | None) -> TimerCallback | None:
        if callback is None:
            return None

        def tick() -> object:
            return None if self._left else callback()

        return tick


def from_thread(node: DOMNode, callback: Callable[..., object], *args: Any,
                **kwargs: Any) -> None:
    """From a thread worker: run `callback` on the UI, unless the node's screen has left
    meanwhile (a thread cannot be stopped; its result is dropped instead)."""

    def deliver() -> None:
        if not node.is_attached:
            return
        screen = node.screen
        if not (isinstance(screen, ScreenWork) and screen.left):
            callback(*args, **kwargs)

    node.app.call_from_thread(deliver)
