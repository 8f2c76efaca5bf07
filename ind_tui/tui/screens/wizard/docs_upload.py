"""Uploading the wizard's attached documents ahead of filing, with a progress bar, and
cancelling it: each portal id is kept in the draft as it arrives."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import work
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import ProgressBar, Static
from textual.worker import Worker, WorkerState

from ind_tui.i18n import language, t
from ind_tui.tui.context import Done, Failed, PortalHost, Result
from ind_tui.tui.screens.wizard.review import size_text
from ind_tui.tui.screens.wizard.slots import UploadMeter
from ind_tui.tui.screens.wizard.status import StatusLine

if TYPE_CHECKING:
    from ind_tui.client.client import PortalClient
    from ind_tui.domain.forms.engine import SlotState
    from ind_tui.local.drafts.session import DraftSession


class DocumentUploads(Vertical):
    """The upload half of `DocumentsPane`. Needs from the pane: `session`, `status`,
    `_host()`, `_states()`, `_render_slots()`, its `Changed` message and the widgets
    #docs-progress and #docs-upload-label."""

    session: DraftSession

    if TYPE_CHECKING:  # provided by the pane; declared here for the type checker only
        Changed: ClassVar[type[Message]]

        @property
        def status(self) -> StatusLine: ...
        def _host(self) -> PortalHost | None: ...
        def _states(self) -> list[SlotState]: ...
        def _render_slots(self) -> None: ...

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._upload: Worker[Any] | None = None

    def _uploadable(self) -> list[str]:
        return [s.slot.id for s in self._states()
                if s.present and s.slot.uploadable and s.slot.id not in self.session.missing]

    def action_upload(self) -> None:
        if self._upload is not None and self._upload.is_running:
            return
        if self.session.locked:
            self.app.notify(t("wizard.docs.locked"), severity="warning")
            return
        slots = self._uploadable()
        if not slots:
            self.app.notify(t("wizard.docs.nothing_to_upload"))
            return
        host = self._host()
        if host is None or host.context.client is None or host.context.me is None:
            self.app.notify(t("wizard.docs.login_first"), severity="warning")
            return
        self.add_class("-uploading")
        self.status.say(None)
        self._upload = self.upload(host, host.context.client, slots)
        self.refresh_bindings()

    @work(exclusive=True, group="docs-upload")
    async def upload(self, host: PortalHost, client: PortalClient, slots: list[str]
                     ) -> Result[None]:  # fmt: skip
        """Send the attached documents; each portal id is kept in the draft as it arrives,
        so a cancel or a failure costs only the document under way."""
        from ind_tui.local.drafts.errors import DraftError
        from ind_tui.services.filing import Filing, FilingProgress

        meter = UploadMeter(sum({self.session.draft.documents[slot].sha256:
                            self.session.draft.documents[slot].size for slot in slots}.values()))
        bar = self.query_one("#docs-progress", ProgressBar)
        bar.update(total=meter.total, progress=0)
        label = self.query_one("#docs-upload-label", Static)
        label.update(t("wizard.docs.upload_start"))

        def progress(step: FilingProgress) -> None:
            if step.step == "upload":
                bar.update(progress=meter.advance(step.done, step.total))
                label.update(Text(t("wizard.docs.upload_step", name=step.label,
                                    done=size_text(step.done), total=size_text(step.total))))

        filing = Filing(client, self.session)

        return await host.call(lambda: filing.upload_documents(progress, slots=slots),
                               handle=(DraftError,))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker is not self._upload:
            return
        state = event.state
        if state in (WorkerState.PENDING, WorkerState.RUNNING):
            return
        self.remove_class("-uploading")
        from ind_tui.local.drafts.errors import DraftError

        result = event.worker.result if state is WorkerState.SUCCESS else None
        if isinstance(result, Done):
            self.status.say(lambda: t("wizard.docs.upload_done"), style="green")
            self.post_message(self.Changed())
        elif isinstance(result, Failed) and isinstance(result.error, DraftError):
            error = result.error
            self.status.say(lambda: error.guidance(language()), style="red")  # type: ignore[arg-type]
        elif state is WorkerState.CANCELLED:
            self.status.say(lambda: t("wizard.docs.upload_cancelled"), style="yellow")
        else:
            self.status.say(lambda: t("wizard.docs.upload_failed"), style="red")
        self._render_slots()
        self.refresh_bindings()

    def action_cancel_upload(self) -> None:
        if self._upload is not None and self._upload.is_running:
            self._upload.cancel()

