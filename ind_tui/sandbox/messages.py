"""Letters the IND sends about a case, delivered with the daily refresh, and answering a
request for more information (herstel verzuim).

A case's life is planned at submission (lifecycle.py). When a request for information
arrives, the plan is bent to what the law says: assessment stands still until the documents
arrive or the deadline passes unused (Awb 4:15). So the planned resumption moves to the day
after the deadline, and answering earlier brings it (and everything after it) forward. The
decision deadline is extended by the time given while the request is open or lapsed, and by
the days actually waited once it is answered.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import date, datetime, time, timedelta
from typing import Any

from ind_tui.api.cases import CaseStatus, Decision, DossierDocument
from ind_tui.api.inbox import (
    AnswerReceipt,
    Message,
    MessageKind,
    RequestedDocument,
    RequestState,
)
from ind_tui.api.wire import ErrorCode
from ind_tui.sandbox.clock import AMSTERDAM
from ind_tui.sandbox.db import iso, parse_iso
from ind_tui.sandbox.errors import PortalError
from ind_tui.sandbox.lifecycle import INFO_REQUEST_EXTENSION_DAYS
from ind_tui.sandbox.pdfgen import letter

TIME_GIVEN_DAYS = INFO_REQUEST_EXTENSION_DAYS  # the request's deadline is the time given
SEEDED_UNREAD_DAYS = 4  # in a fresh demo, letters older than this count as read
RESUME_HOUR = 9  # a lapsed request: the IND picks the case up the next morning
ANSWER_REGISTERED = timedelta(hours=1)  # an answer is registered and assessment resumes

KINDS = {
    CaseStatus.INFO_REQUESTED: MessageKind.INFO_REQUEST,
    CaseStatus.DECIDED: MessageKind.DECISION,
    CaseStatus.READY_FOR_COLLECTION: MessageKind.READY_FOR_COLLECTION,
}

# What the IND may ask for, in its own words (Dutch) and in English.
REQUESTABLE: dict[str, tuple[str, str]] = {
    "employment_contract": ("Arbeidsovereenkomst, ondertekend door beide partijen",
                            "Employment contract, signed by both parties"),
    "salary_statement": ("Loonstroken van de laatste drie maanden",
                         "Payslips of the last three months"),
    "passport_copy": ("Kopie van alle pagina's van het paspoort",
                      "Copy of every page of the passport"),
    "antecedents_certificate": ("Ondertekende antecedentenverklaring",
                                "Signed antecedents certificate"),
    "diploma": ("Diploma met cijferlijst", "Diploma with transcript"),
    "marriage_certificate": ("Gelegaliseerde huwelijksakte of partnerschapsakte",
                             "Legalised marriage or partnership certificate"),
    "unmarried_declaration": ("Verklaring van ongehuwd zijn, niet ouder dan 6 maanden",
                              "Unmarried declaration, at most 6 months old"),
    "consent_declaration": ("Toestemmingsverklaring van de achterblijvende ouder",
                            "Consent declaration of the parent staying behind"),
    "hosting_agreement": ("Gastovereenkomst met de onderzoeksinstelling",
                          "Hosting agreement with the research organisation"),
}
_ASKED_BY_TYPE: dict[str, tuple[str, ...]] = {
    "family_first": ("marriage_certificate", "unmarried_declaration", "consent_declaration"),
    "family_extension": ("marriage_certificate", "consent_declaration"),
    "researcher": ("hosting_agreement", "passport_copy"),
    "eu_blue_card": ("diploma", "employment_contract", "salary_statement"),
}
_ASKED_DEFAULT = ("employment_contract", "salary_statement", "passport_copy",
                  "antecedents_certificate")

SUBJECTS = {
    MessageKind.INFO_REQUEST: "Verzoek om aanvullende gegevens (herstel verzuim)",
    MessageKind.DECISION: "Beslissing op uw aanvraag",
    MessageKind.READY_FOR_COLLECTION: "Verblijfsdocument ligt klaar",
}
HEADER = "Immigratie- en Naturalisatiedienst (sandbox)"


def asked_for(type_id: str, case_id: int) -> list[str]:
    """One or two documents, the same for a case every time (the demo must not change)."""
    options = _ASKED_BY_TYPE.get(type_id, _ASKED_DEFAULT)
    first = options[case_id % len(options)]
    if case_id % 3 == 0:
        return [first]
    return [first, options[(case_id + 1) % len(options)]]


def local_day(moment: datetime) -> date:
    return moment.astimezone(AMSTERDAM).date()


def lapse_moment(deadline: date) -> datetime:
    return datetime.combine(deadline + timedelta(days=1), time(RESUME_HOUR), AMSTERDAM)


# --- delivery, from the daily refresh ----------------------------------------------------------


def deliver(conn: sqlite3.Connection, previous: datetime | None, refresh_at: datetime) -> int:
    """Create the messages for letter events up to `refresh_at` (after `previous`), bending
    each new request's case plan first so the refresh shows the right state. Returns how many
    messages were created."""
    low = iso(previous) if previous is not None else ""
    high = iso(refresh_at)
    known = {
        (r[0], r[1], r[2]) for r in conn.execute(
            "SELECT case_id, event_at, kind FROM messages WHERE event_at > ? AND event_at <= ?",
            (low, high))
    }
    rows: list[tuple[Any, ...]] = []
    requests = conn.execute(
        "SELECT e.case_id, e.at, e.decision_deadline, c.type_id FROM case_events e "
        "JOIN cases c ON c.id = e.case_id WHERE e.status = ? AND e.at > ? AND e.at <= ? "
        "AND c.paper = 0 ORDER BY e.at, e.case_id",
        (CaseStatus.INFO_REQUESTED.value, low, high),
    ).fetchall()
    for case_id, at, extended, type_id in requests:
        if (case_id, at, MessageKind.INFO_REQUEST.value) in known:
            continue
        rows.append(_request_row(conn, case_id, at, extended, type_id, previous, refresh_at))
    letters = conn.execute(
        "SELECT e.case_id, e.at, e.status, e.decision FROM case_events e "
        "JOIN cases c ON c.id = e.case_id WHERE e.status IN (?, ?) AND e.at > ? AND e.at <= ? "
        "AND c.paper = 0 ORDER BY e.at, e.case_id",
        (CaseStatus.DECIDED.value, CaseStatus.READY_FOR_COLLECTION.value, low, high),
    ).fetchall()
    for case_id, at, status, decision in letters:
        kind = KINDS[CaseStatus(status)]
        if (case_id, at, kind.value) in known:
            continue
        read = _seeded_read(previous, at, refresh_at)
        rows.append((case_id, at, kind.value, None, None, None, decision, "[]", read, None,
                     None))
    if not rows:
        return 0
    rows.sort(key=lambda r: (r[1], r[0]))
    row = conn.execute("SELECT value FROM counters WHERE name='message'").fetchone()
    first = 1 if row is None else int(row[0]) + 1
    conn.executemany(
        "INSERT INTO messages (id, case_id, event_at, sent_at, kind, deadline, base_deadline, "
        "decision_deadline, decision, requested, read_at, answered_at, answer) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(f"M{first + n:09d}", r[0], r[1], r[1], *r[2:]) for n, r in enumerate(rows)],
    )
    conn.execute(
        "INSERT INTO counters (name, value) VALUES ('message', ?) "
        "ON CONFLICT(name) DO UPDATE SET value=excluded.value", (first + len(rows) - 1,))
    return len(rows)


def _seeded_read(previous: datetime | None, at: str, refresh_at: datetime) -> str | None:
    """Letters already in a fresh demo's history are read, except the last few days'."""
    if previous is not None:
        return None
    sent = parse_iso(at)
    return iso(sent + timedelta(hours=2)) if refresh_at - sent > timedelta(
        days=SEEDED_UNREAD_DAYS) else None


def _request_row(conn: sqlite3.Connection, case_id: int, at: str, extended: str, type_id: str,
                 previous: datetime | None, refresh_at: datetime) -> tuple[Any, ...]:
    sent = parse_iso(at)
    deadline = local_day(sent) + timedelta(days=TIME_GIVEN_DAYS)
    base = date.fromisoformat(extended) - timedelta(days=INFO_REQUEST_EXTENSION_DAYS)
    requested = json.dumps(asked_for(type_id, case_id))
    later = _events_after(conn, case_id, at)
    answered: str | None = None
    if previous is None and later and parse_iso(later[0]["at"]) <= refresh_at:
        # History of a fresh demo: this request was answered (by post) before the portal
        # started showing messages; the plan stands as it was.
        answered = later[0]["at"]
    elif later and parse_iso(later[0]["at"]) < lapse_moment(deadline):
        _shift(conn, case_id, later, lapse_moment(deadline) - parse_iso(later[0]["at"]), None,
               "no answer before the deadline; assessment resumed with what is known")
    read = answered or _seeded_read(previous, at, refresh_at)
    return (case_id, at, MessageKind.INFO_REQUEST.value, deadline.isoformat(),
            base.isoformat(), extended, None, requested, read, answered,
            json.dumps({}) if answered else None)


def _events_after(conn: sqlite3.Connection, case_id: int, at: str) -> list[sqlite3.Row]:
    return list(conn.execute(
        "SELECT at, status, decision, decision_deadline, completed_at, note FROM case_events "
        "WHERE case_id = ? AND at > ? ORDER BY at", (case_id, at)).fetchall())


def _shift(conn: sqlite3.Connection, case_id: int, later: list[sqlite3.Row], delta: timedelta,
           deadline: date | None, note: str) -> None:
    """Move the planned events `later` by `delta` (re-inserted: shifting in place could meet
    another event's key on the way); from the first, the decision deadline is `deadline`."""
    conn.execute("DELETE FROM case_events WHERE case_id = ? AND at >= ?",
                 (case_id, later[0]["at"]))
    moved = []
    for n, e in enumerate(later):
        completed = e["completed_at"]
        moved.append((
            case_id, iso(parse_iso(e["at"]) + delta), e["status"], e["decision"],
            deadline.isoformat() if deadline else e["decision_deadline"],
            iso(parse_iso(completed) + delta) if completed else None,
            note if n == 0 else e["note"],
        ))
    conn.executemany(
        "INSERT INTO case_events (case_id, at, status, decision, decision_deadline, "
        "completed_at, note) VALUES (?, ?, ?, ?, ?, ?, ?)", moved)


# --- reading ---------------------------------------------------------------------------------

COLUMNS = ("m.id, m.case_id, m.event_at, m.kind, m.sent_at, m.deadline, m.base_deadline, "
           "m.decision_deadline, m.decision, m.requested, m.read_at, m.answered_at, m.answer, "
           "c.zaaknummer, c.employee_name, c.type_id")


def state_of(row: Any, today: date) -> RequestState | None:
    if row["kind"] != MessageKind.INFO_REQUEST.value:
        return None
    if row["answered_at"]:
        return RequestState.ANSWERED
    if today > date.fromisoformat(row["deadline"]):
        return RequestState.LAPSED
    return RequestState.OPEN


def to_message(row: Any, today: date) -> Message:
    kind = MessageKind(row["kind"])
    answer: dict[str, str] = json.loads(row["answer"] or "{}")
    requested = [
        RequestedDocument(key=key, title_nl=REQUESTABLE[key][0], title_en=REQUESTABLE[key][1],
                          document_id=answer.get(key))
        for key in json.loads(row["requested"])
    ]
    return Message(
        id=row["id"], kind=kind, zaaknummer=row["zaaknummer"],
        employee_name=row["employee_name"], type_id=row["type_id"],
        sent_at=parse_iso(row["sent_at"]),
        read_at=parse_iso(row["read_at"]) if row["read_at"] else None,
        subject=SUBJECTS[kind], document_id=letter_id(row["id"], kind),
        decision=Decision(row["decision"]) if row["decision"] else None,
        state=state_of(row, today), deadline=row["deadline"], requested=requested,
        answered_at=parse_iso(row["answered_at"]) if row["answered_at"] else None,
        decision_deadline=row["decision_deadline"],
    )


def letter_id(message_id: str, kind: MessageKind) -> str:
    # The decision letter is the dossier's own "decision" document.
    return "decision" if kind is MessageKind.DECISION else f"letter-{message_id}"


# --- letters in the dossier --------------------------------------------------------------------


def _letter_rows(conn: sqlite3.Connection, case_id: int) -> list[sqlite3.Row]:
    return list(conn.execute(
        f"SELECT {COLUMNS} FROM messages m JOIN cases c ON c.id = m.case_id "
        "WHERE m.case_id = ? AND m.kind <> ? ORDER BY m.id",
        (case_id, MessageKind.DECISION.value)).fetchall())


def _letter_pdf(row: Any) -> bytes:
    kind = MessageKind(row["kind"])
    sent = local_day(parse_iso(row["sent_at"])).isoformat()
    lines = [HEADER, "", SUBJECTS[kind], "", f"Zaaknummer: {row['zaaknummer']}",
             f"Vreemdeling: {row['employee_name']}", f"Datum: {sent}", ""]
    if kind is MessageKind.INFO_REQUEST:
        lines += ["Wij missen gegevens om uw aanvraag te beoordelen.",
                  f"Stuur uiterlijk {row['deadline']} via het portaal:"]
        lines += [f"- {REQUESTABLE[k][0]}" for k in json.loads(row["requested"])]
        lines += ["", "De beslistermijn staat stil tot wij de gegevens hebben of de termijn",
                  "ongebruikt is verstreken."]
    else:
        lines += ["Het verblijfsdocument kan worden opgehaald.",
                  "Maak online een afspraak bij een IND-loket of expatcentrum."]
    return letter(lines)


def dossier_letters(conn: sqlite3.Connection, case_id: int) -> list[DossierDocument]:
    out = []
    for row in _letter_rows(conn, case_id):
        pdf = _letter_pdf(row)
        out.append(DossierDocument(
            id=f"letter-{row['id']}", title=SUBJECTS[MessageKind(row["kind"])], kind="letter",
            size=len(pdf), sha256=hashlib.sha256(pdf).hexdigest(),
            added_at=parse_iso(row["sent_at"])))
    return out


def letter_pdf(conn: sqlite3.Connection, case_id: int, doc_id: str) -> bytes | None:
    for row in _letter_rows(conn, case_id):
        if doc_id == f"letter-{row['id']}":
            return _letter_pdf(row)
    return None


# --- answering ---------------------------------------------------------------------------------


def answer(conn: sqlite3.Connection, row: Any, documents: dict[str, str], now: datetime,
           answered_by: str) -> AnswerReceipt:
    """Answer a request with documents already uploaded to the case. The same answer again
    replays the receipt; another answer to an answered request is refused."""
    today = local_day(now)
    state = state_of(row, today)
    if state is None:
        raise PortalError(409, ErrorCode.MESSAGE_NOT_ANSWERABLE,
                          "only a request for information can be answered",
                          {"kind": row["kind"]})
    if state is RequestState.ANSWERED:
        if json.loads(row["answer"] or "{}") == documents:
            return _receipt(conn, row, today)
        raise PortalError(409, ErrorCode.MESSAGE_ANSWERED, "this request was already answered",
                          {"answered_at": row["answered_at"]})
    if state is RequestState.LAPSED:
        raise PortalError(409, ErrorCode.MESSAGE_NOT_ANSWERABLE,
                          "the deadline of this request has passed",
                          {"reason": "deadline_passed", "deadline": row["deadline"]})
    asked = json.loads(row["requested"])
    missing, extra = sorted(set(asked) - set(documents)), sorted(set(documents) - set(asked))
    if missing or extra:
        raise PortalError(422, ErrorCode.VALIDATION_FAILED,
                          "answer each requested document, and only those",
                          {"missing": missing, "not_requested": extra})
    for key, doc_id in documents.items():
        found = conn.execute(
            "SELECT 1 FROM documents WHERE id = ? AND case_id = ? AND kind = 'upload'",
            (doc_id, row["case_id"])).fetchone()
        if found is None:
            raise PortalError(422, ErrorCode.DOCUMENT_NOT_ALLOWED,
                              "not a document uploaded to this case", {"key": key, "id": doc_id})
    later = _events_after(conn, row["case_id"], row["event_at"])
    decided = [e for e in later if parse_iso(e["at"]) <= now
               and CaseStatus(e["status"]) is not CaseStatus.IN_PROGRESS]
    if decided:
        raise PortalError(409, ErrorCode.CASE_DECIDED,
                          "the IND has decided; the request can no longer be answered")
    waited = (today - local_day(parse_iso(row["event_at"]))).days
    suspended = max(0, min(waited, TIME_GIVEN_DAYS))
    moved = date.fromisoformat(row["base_deadline"]) + timedelta(days=suspended)
    if later and parse_iso(later[0]["at"]) > now:
        _shift(conn, row["case_id"], later, now + ANSWER_REGISTERED - parse_iso(later[0]["at"]),
               moved, f"information received; assessment resumed; decision period "
                      f"suspended for {suspended} days")
    conn.execute(
        "UPDATE messages SET answered_at = ?, answered_by_kvk = ?, answer = ?, "
        "decision_deadline = ?, read_at = COALESCE(read_at, ?) WHERE id = ?",
        (iso(now), answered_by, json.dumps(documents, sort_keys=True), moved.isoformat(),
         iso(now), row["id"]))
    fresh = conn.execute(
        f"SELECT {COLUMNS} FROM messages m JOIN cases c ON c.id = m.case_id WHERE m.id = ?",
        (row["id"],)).fetchone()
    return _receipt(conn, fresh, today)


def _receipt(conn: sqlite3.Connection, row: Any, today: date) -> AnswerReceipt:
    answered = local_day(parse_iso(row["answered_at"]))
    sent = local_day(parse_iso(row["sent_at"]))
    resume = conn.execute(
        "SELECT at FROM case_events WHERE case_id = ? AND at > ? ORDER BY at LIMIT 1",
        (row["case_id"], row["event_at"])).fetchone()
    return AnswerReceipt(
        message=to_message(row, today),
        suspended_days=max(0, min((answered - sent).days, TIME_GIVEN_DAYS)),
        previous_decision_deadline=date.fromisoformat(row["base_deadline"])
        + timedelta(days=TIME_GIVEN_DAYS),
        decision_deadline=row["decision_deadline"],
        resumes_at=parse_iso(resume["at"]) if resume else None,
    )
