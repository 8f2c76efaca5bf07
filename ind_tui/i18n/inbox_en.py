"""English texts of the inbox area. Every key here exists in inbox_nl.py too."""

EN: dict[str, str] = {
    # --- the inbox -------------------------------------------------------------------------
    "inbox.title": "Messages from the IND",
    "inbox.help": "Letters the IND sent about your cases: requests for more information, "
                  "decisions, documents ready for collection. Unread ones come first (●). "
                  "1-5 pick a view, / filters (text, or field:value such as case:3100000003 "
                  "employee:chen kind:request), c keeps only the highlighted case and e only "
                  "its employee (again: all), m marks as read, o opens the case, r refreshes, "
                  "Enter opens the message.",
    "inbox.loading": "Reading the messages...",
    "inbox.empty": "No messages.",
    "inbox.empty_filter": "No messages in this view.",
    "inbox.counts": "{total} messages, {unread} unread · portal date {today}",
    "inbox.counts_shown": "{shown} of {total} messages, {unread} unread · portal date {today}",
    "inbox.kept": "Shown: the list as read on {when}.",
    "inbox.col.sent": "Date",
    "inbox.col.kind": "Kind",
    "inbox.col.case": "Case",
    "inbox.col.employee": "Employee",
    "inbox.col.about": "About",
    "inbox.col.deadline": "Answer by",
    "inbox.kind.info_request": "request",
    "inbox.kind.decision": "decision",
    "inbox.kind.ready_for_collection": "ready",
    "inbox.kind_long.info_request": "Request for more information",
    "inbox.kind_long.decision": "Decision",
    "inbox.kind_long.ready_for_collection": "Residence document ready for collection",
    "inbox.state.open": "open",
    "inbox.state.answered": "answered",
    "inbox.state.lapsed": "deadline passed",
    "inbox.decision.granted": "granted",
    "inbox.decision.rejected": "rejected",
    "inbox.decision.not_considered": "not considered",
    "inbox.about.open": "{left}",
    "inbox.about.ready": "to collect",
    "inbox.days.left": "{n} days left",
    "inbox.days.one": "1 day left",
    "inbox.days.today": "today",
    "inbox.days.late": "{n} days late",
    "inbox.facet.all": "all",
    "inbox.facet.unread": "unread",
    "inbox.facet.requests": "open requests",
    "inbox.facet.decisions": "decisions",
    "inbox.facet.ready": "ready",
    "inbox.facets": "View: {facets}",
    "inbox.only_case": "only case {zaak}",
    "inbox.only_employee": "only {name}",
    "inbox.key.facet": "View",
    "inbox.key.read": "Mark read",
    "inbox.key.case": "Open case",
    "inbox.key.by_case": "This case",
    "inbox.key.by_employee": "This employee",
    "inbox.key.answer": "Answer",
    "inbox.read_done": "Marked as read.",
    # --- one message -----------------------------------------------------------------------
    "inbox.msg.help": "One message. a answers a request by uploading the documents asked for, "
                      "o opens the case (its dossier holds the letter), Esc goes back.",
    "inbox.msg.head": "{kind} · case {zaak}",
    "inbox.msg.fact.employee": "Employee",
    "inbox.msg.fact.type": "Application",
    "inbox.msg.fact.sent": "Sent",
    "inbox.msg.fact.subject": "Subject (IND)",
    "inbox.msg.letter": "The letter is in the case's dossier ({doc}); o opens the case.",
    "inbox.msg.deadline": "Answer by {date} ({left}).",
    "inbox.msg.asked": "Documents asked for:",
    "inbox.msg.asked_item": "  • {title}",
    "inbox.msg.asked_done": "  ✓ {title} ({doc})",
    "inbox.msg.open": "The decision period stands still until the IND has these documents, at "
                      "most until the deadline. Decision deadline for now: {date}; each day "
                      "you answer sooner brings it a day closer. Press a to answer.",
    "inbox.msg.answered": "Answered on {when}. The decision deadline is now {date}.",
    "inbox.msg.lapsed": "The deadline passed without an answer. The IND goes on with what it "
                        "has; the decision deadline is {date}. Until the IND decides, documents "
                        "can still be uploaded to the case (o, then u).",
    "inbox.msg.decision": "The IND has decided: {decision}.",
    "inbox.msg.ready": "The residence document is ready. Make an appointment at an IND desk "
                       "to collect it.",
    "inbox.msg.not_open": "Only an open request can be answered.",
    # --- answering -------------------------------------------------------------------------
    "inbox.answer.title": "Answer the request for case {zaak}",
    "inbox.answer.intro": "Choose one PDF for each document asked for (at most {mb} MB, "
                          "not password-protected). They are checked here first, then "
                          "uploaded to the case, and then the answer is sent. Tab completes a "
                          "path; ctrl+s sends.",
    "inbox.answer.help": "Type or complete (Tab) the path of a PDF for each document; ctrl+s "
                         "checks them all and sends the answer, Esc goes back without sending.",
    "inbox.answer.missing": "Choose a file for: {what}",
    "inbox.answer.checking": "Checking the documents...",
    "inbox.answer.ok.one": "✓ {name}: PDF, {n} page",
    "inbox.answer.ok.other": "✓ {name}: PDF, {n} pages",
    "inbox.answer.warning": "  note: {text}",
    "inbox.answer.refused": "✗ {name}: {reason}",
    "inbox.answer.fix": "Nothing was sent. Choose another file for each document marked ✗.",
    "inbox.answer.uploading": "Uploading {name}...",
    "inbox.answer.sending": "Sending the answer...",
    "inbox.answer.kept": "Documents already uploaded are kept: sending again uploads only what "
                         "is still missing.",
    "inbox.answer.done.one": (
        "Answered. The decision period stood still {n} day; the decision deadline is now {date} "
        "(it was {before} while waiting)."),
    "inbox.answer.done.other": (
        "Answered. The decision period stood still {n} days; the decision deadline is now {date} "
        "(it was {before} while waiting)."),
    "inbox.answer.key.send": "Send answer",
    # --- home and announcements --------------------------------------------------------------
    "inbox.home.unread.one": "{n} unread message from the IND (:inbox)",
    "inbox.home.unread.other": "{n} unread messages from the IND (:inbox)",
    "inbox.home.next": "Next deadline: answer for {name} (case {zaak}) by {date}, {left} "
                       "(:due)",
    "inbox.announce.title": "New from the IND",
    "inbox.announce.messages.one": "{n} new message: {kinds}",
    "inbox.announce.messages.other": "{n} new messages: {kinds}",
    "inbox.announce.count.one": "{n} new message",
    "inbox.announce.count.other": "{n} new messages",
    "inbox.announce.cases.one": "{n} case changed since you last looked",
    "inbox.announce.cases.other": "{n} cases changed since you last looked",
    # --- due soon ----------------------------------------------------------------------------
    "due.title": "Due soon",
    "due.help": "Everything with a date to act by, soonest first, counted on the portal's "
                "date: requests for information, employees to deregister, extensions to file, "
                "a reported address change, appointments. Enter goes to it (on an extension: "
                "starts it, filled in from the register); a notes a change "
                "of administration address (report it within 2 weeks), x forgets such a "
                "note, r refreshes, / filters. Space marks an extension (m marks them all, "
                "✓ shows a mark); b makes an extension draft for each marked employee and "
                "files them together.",
    "due.loading": "Collecting what is due...",
    "due.empty": "Nothing due.",
    "due.summary.one": "{n} item, {late} late · portal date {today}",
    "due.summary.other": "{n} items, {late} late · portal date {today}",
    "due.failed": "Could not read {parts}; the rest is shown. r tries again.",
    "due.part.messages": "the messages",
    "due.part.employees": "the employees",
    "due.part.appointments": "the appointments",
    "due.part.account": "the account",
    "due.col.date": "Date",
    "due.col.left": "When",
    "due.col.what": "What",
    "due.col.who": "Who",
    "due.col.case": "Case",
    "due.col.detail": "Details",
    "due.kind.information": "answer request",
    "due.kind.deregister": "deregister",
    "due.kind.extension_window": "file extension",
    "due.kind.address": "report address",
    "due.kind.appointment": "appointment",
    "due.detail.documents.one": "{n} document asked",
    "due.detail.documents.other": "{n} documents asked",
    "due.detail.contract_ended": "contract ended",
    "due.detail.permit_ended": "permit ended",
    "due.detail.opens": "permit ends; extension possible from {date}",
    "due.detail.address": "administration address changes on {date}",
    "due.detail.appointment": "{time} {location}, {purpose}",
    "due.purpose.biometrics": "biometrics",
    "due.purpose.collect_document": "collect document",
    "due.purpose.endorsement_sticker": "endorsement sticker",
    "due.key.address": "Address change",
    "due.key.forget": "Forget note",
    "due.address.title": "Change of administration address",
    "due.address.label": "Date the administration address changes (YYYY-MM-DD)",
    "due.address.invalid": "Write the date as YYYY-MM-DD.",
    "due.address.noted": "Noted. Report the new administration address by {date}.",
    "due.address.forgotten": "Note removed.",
    "due.address.only_sponsor": "Only the sponsor itself reports its administration address.",
    "due.address.not_selected": "Highlight a noted address change first.",
}
