"""A document the form does not ask for (attached to a slot the answers no longer call for,
or one the form never had) warns and is left out of what is sent; it does not block filing.
The portal itself still refuses such a document. Against the real sandbox, in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ind_tui.api.applications import ApplicationRequest, Person
from ind_tui.api.errors import DocumentRejectedError
from ind_tui.services.filing import Filing, FilingStage
from tests.conftest_drafts import pdf_bytes
from tests.test_filing import DD, HSM, PERSON, Portal, make_draft, portal, put_document, reopen

__all__ = ["portal"]  # the fixture


async def test_an_unasked_document_is_a_warning_and_is_not_sent(
        portal: Portal, tmp_path: Path) -> None:
    # No antecedents: the form no longer asks for the passport copy attached earlier.
    answers = {**{k: v for k, v in HSM.items() if k != "antecedents_details"},
               "antecedents": False}
    session = make_draft(tmp_path, answers=answers)
    put_document(session, "birth_certificate", "akte.pdf", pdf_bytes(1))  # never asked
    session.save()
    filing = Filing(portal.client, session)
    ev = filing.evaluation()
    assert ev.ok, [i.code for i in ev.blocking]
    warned = {(i.target, i.code) for i in ev.issues if not i.blocking}
    assert ("birth_certificate", "document_unknown") in warned
    assert ("passport_copy", "document_unknown") in warned
    await filing.run(DD)
    assert reopen(session).draft.stage is FilingStage.DONE
    db = portal.app.state.sandbox.db.read()
    (body,) = [json.loads(r["body"]) for r in db.execute("SELECT body FROM applications")]
    assert body["documents"] == {}
    assert db.execute("SELECT COUNT(*) FROM documents WHERE kind='upload'").fetchone()[0] == 0


async def test_the_portal_still_refuses_an_unasked_document(portal: Portal) -> None:
    from ind_tui.domain.forms import example_answers, split_answers

    answers = {**example_answers("hsm_first_vvr", with_wire=True), **PERSON,
               "antecedents": False}
    rest, employee, _ = split_answers("hsm_first_vvr", answers)
    doc = await portal.client.upload_document(pdf_bytes(1), "akte.pdf")
    body = ApplicationRequest(type_id="hsm_first_vvr", form_version=1, answers=rest,
                              employee=Person.model_validate(employee),
                              documents={"birth_certificate": doc.id})
    with pytest.raises(DocumentRejectedError) as refused:
        await portal.client.submit_application(body, "unasked-document-1")
    assert refused.value.details.get("slot") == "birth_certificate"
