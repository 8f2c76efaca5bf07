"""English texts of the wizard area. Every key here exists in wizard_nl.py too."""

EN: dict[str, str] = {
    # --- the wizard itself (wizard.* except docs/review/filing) ---
    "wizard.help": "One page of the application at a time; the list on the left shows every "
                   "page (✓ done, ✗ something is wrong, · questions left). PageDown/ctrl+n and "
                   "PageUp/ctrl+o change page, Tab and shift+Tab move between questions, Enter "
                   "goes to the next question. F3 shows the help of the question you are in. "
                   "F4 lists what stops submitting; Enter on a line goes there. ↺ beside a "
                   "question: the answer was filled in from the register or an earlier case "
                   "(F3 says which); change it and the mark goes. Answers are saved within a "
                   "second; F6 saves under another name.",
    "wizard.key.next": "Next page",
    "wizard.key.previous": "Previous page",
    "wizard.key.field_help": "Question help",
    "wizard.key.issues": "What blocks",
    "wizard.key.submit": "Submit",
    "wizard.key.save": "Save now",
    "wizard.key.save_as": "Save as",
    "wizard.page.documents": "Documents",
    "wizard.page.review": "Review",
    "wizard.progress": "{done} of {required} done",
    "wizard.yes": "Yes",
    "wizard.no": "No",
    "wizard.optional": "optional",
    "wizard.placeholder.date": "dd-mm-yyyy, e.g. 31-03-2026",
    "wizard.placeholder.money": "amount in euros, e.g. 5688.50",
    "wizard.placeholder.number": "a whole number",
    "wizard.placeholder.v_number": "10 digits",
    "wizard.placeholder.bsn": "9 digits",
    "wizard.placeholder.postcode": "1234 AB",
    "wizard.placeholder.email": "name@example.nl",
    "wizard.placeholder.phone": "+31 70 123 4567",
    "wizard.placeholder.country": "type a name or code, → completes",
    "wizard.country_matches": "Matches: {matches}",
    "wizard.issues.title.one": "{n} thing stops submitting · Enter goes there · Esc closes",
    "wizard.issues.title.other": "{n} things stop submitting · Enter goes there · Esc closes",
    "wizard.issues.none": "Nothing stops submitting.",
    "wizard.summary.blocked.one": "✗ {n} thing stops submitting · {shortcut} shows them",
    "wizard.summary.blocked.other": "✗ {n} things stop submitting · {shortcut} shows them",
    "wizard.summary.ready": "✓ Nothing stops submitting · {shortcut} submits",
    "wizard.summary.locked": "Already sent to the portal · {shortcut} continues filing",
    "wizard.locked": "This application was sent to the portal: the answers are what the portal "
                     "received and can no longer change. {shortcut} continues filing (payment, "
                     "receipt).",
    "wizard.filed": "Filed on {date} as case {zaaknummer}; this draft can no longer be changed. "
                    "In Drafts, c copies it as a new application.",
    "wizard.summary.filed": "Filed as case {zaaknummer} · {shortcut} shows the receipt",
    "wizard.review.filed": "Filed: the answers are what the portal received.",
    "wizard.saved": "saved {time}",
    "wizard.saved_as": "Saved as {path}; you now work in this file.",
    "wizard.save_failed": "NOT SAVED",
    "wizard.save_failed_title": "Not saved",
    "wizard.leave_unsaved": "The draft could not be saved, so leaving now would lose your "
                            "latest answers. Fix the cause or save elsewhere (F6); press Esc "
                            "again to leave anyway.",
    "wizard.no_more_pages": "There is no page further in that direction.",
    "wizard.help_no_field": "Go to a question first (Tab); F3 then shows its help.",
    "wizard.submit_blocked.one": "Not yet: {n} thing stops submitting. It is listed below.",
    "wizard.submit_blocked.other": "Not yet: {n} things stop submitting. They are listed below.",
    "wizard.open_failed": "The file could not be opened: {reason}. Check the name and folder.",
    "wizard.refused.title": "This draft cannot be opened",
    "wizard.refused.kept": "Nothing was changed in {path}. Esc goes back.",
    "wizard.save_as.title": "Save as",
    "wizard.save_as.prompt": "New file name (a name alone goes in {folder}):",
    "wizard.save_as.hint": ".tfa is added when missing. Enter saves, Esc cancels. The old "
                           "file stays as it is.",
    "wizard.save_as.empty": "Type a file name.",
    "wizard.save_as.exists": "{path} already exists. Choose another name; nothing was "
                             "overwritten.",
    "wizard.save_as.no_folder": "The folder {folder} does not exist.",
    # --- end of the wizard itself ---
    # --- documents page, review page (wizard.docs.*, wizard.review.*) ---
    "wizard.docs.intro": "PDF only, at most 8 MB each. Enter or a: attach a file to the "
                         "highlighted document · d: remove · u: upload now (optional: filing "
                         "uploads what is left).",
    "wizard.docs.key.attach": "Attach file",
    "wizard.docs.key.detach": "Remove",
    "wizard.docs.key.upload": "Upload now",
    "wizard.docs.key.cancel_upload": "Stop upload",
    "wizard.docs.key.close": "Close path",
    "wizard.docs.key.complete": "Complete path",
    "wizard.docs.path_placeholder": "~/Documents/passport.pdf",
    "wizard.docs.path_label": "File for “{slot}” (Tab completes, Enter checks and attaches, "
                              "Esc closes):",
    "wizard.docs.more": "… and {count} more",
    "wizard.docs.none": "This application asks for no documents.",
    "wizard.docs.required": "required",
    "wizard.docs.optional": "optional",
    "wizard.docs.empty": "not attached yet",
    "wizard.docs.file": "{name} · {size} · {pages} p.",
    "wizard.docs.uploaded": "uploaded",
    "wizard.docs.by_post": "cannot be uploaded: by post or at an appointment",
    "wizard.docs.checking_short": "checking…",
    "wizard.docs.checking": "Checking {name}…",
    "wizard.docs.reattach": "{name}: not on this computer, attach it again",
    "wizard.docs.missing_help": "The draft names a file that is not on this computer (the "
                                "draft probably came from a colleague). Attach the file again, "
                                "or ask for a pack with documents.",
    "wizard.docs.not_asked": "{name}: the answers no longer ask for this, press d to remove it",
    "wizard.docs.not_asked_help": "Your answers no longer ask for this document. It will not "
                                  "be sent; remove it with d.",
    "wizard.docs.photo_card": "The photo card is never uploaded: a scan is not good enough. "
                              "Post it to the IND, or make an appointment at an IND desk or "
                              "expat centre to have the photo taken (see Appointments).",
    "wizard.docs.photo_card_hint": "Book the appointment for the photo under Appointments "
                                   "(:appointments).",
    "wizard.docs.busy": "A file is still being checked; wait a moment.",
    "wizard.docs.cannot_open": "The file cannot be opened: {reason}. Check the path and try "
                               "again.",
    "wizard.docs.attached.one": "Attached {name}: {n} page, {size}.",
    "wizard.docs.attached.other": "Attached {name}: {n} pages, {size}.",
    "wizard.docs.refused_title": "Not attached: {name}",
    "wizard.docs.code": "Code: {code}",
    "wizard.docs.kept": "Your answers and any earlier document for this slot are unchanged.",
    "wizard.docs.nothing_to_detach": "No document is attached here.",
    "wizard.docs.detach_question": "Remove the document for “{slot}”?",
    "wizard.docs.detach_detail": "{name} is removed from this draft; the file on your disk "
                                 "stays where it is.",
    "wizard.docs.detached": "Removed {name}.",
    "wizard.docs.nothing_to_upload": "There is no attached document to upload.",
    "wizard.docs.login_first": "Log in first: uploading needs the portal.",
    "wizard.docs.upload_start": "Uploading…",
    "wizard.docs.upload_step": "{name}: {done} of {total}",
    "wizard.docs.locked": "This draft has been sent to the portal: its documents no longer "
                          "change here. Further documents go to the case once it is "
                          "registered.",
    "wizard.docs.upload_done": "Documents uploaded. They are filed with the application when "
                               "you submit it.",
    "wizard.docs.upload_cancelled": "Upload stopped. Nothing else changed; press u to try "
                                    "again.",
    "wizard.docs.upload_failed": "The upload did not finish. Nothing else changed; press u to "
                                 "try again.",
    "wizard.review.key.submit": "Submit",
    "wizard.review.key.edit": "Change",
    "wizard.review.submit": "Submit (s)",
    "wizard.review.yes": "Yes",
    "wizard.review.no": "No",
    "wizard.review.unanswered": "not answered",
    "wizard.review.documents": "Documents",
    "wizard.review.notices": "Good to know",
    "wizard.review.by_post": "by post or at an appointment (not uploaded)",
    "wizard.review.doc": "{name} · {size} · {pages} p.",
    "wizard.review.doc_missing": "{name}: not on this computer, attach it again",
    "wizard.review.doc_required": "missing: attach it",
    "wizard.review.doc_none": "none",
    "wizard.review.fee": "Fee for {year}: {amount}.",
    "wizard.review.provisional_amount": "{amount} (provisional)",
    "wizard.review.fee_provisional": "Provisional: the {year} fee is not published yet; the "
                                     "portal states the amount before you pay.",
    "wizard.review.fee_unknown": "Fee for {year}: not known yet; the portal states it before "
                                 "you pay.",
    "wizard.review.fee_free": "No fee.",
    "wizard.review.blocked": "Cannot submit yet ({count} to fix); first: {first}.",
    "wizard.review.ready": "Everything is complete. Enter on a line changes it; s submits.",
    # --- end of documents and review ---
    # --- filing (wizard.filing.*) ---
    "wizard.filing.help": "Filing sends the draft to the portal in four steps: documents, the "
                          "application, the payment and the receipt. Each is sent once: "
                          "ind-tui keeps a key with the draft before it sends, so trying "
                          "again, or reopening the draft later, never files or pays twice.",
    "wizard.filing.key.send": "File",
    "wizard.filing.key.retry": "Try again",
    "wizard.filing.key.reconcile": "Check with portal",
    "wizard.filing.key.save": "Save receipt",
    "wizard.filing.key.open_case": "Open case",
    "wizard.filing.title": "File: {form}",
    "wizard.filing.step.upload": "Upload documents",
    "wizard.filing.step.submit": "Submit the application",
    "wizard.filing.step.pay": "Pay {amount}",
    "wizard.filing.step.receipt": "Receipt",
    "wizard.filing.state.done": "done",
    "wizard.filing.state.running": "under way…",
    "wizard.filing.state.failed": "did not finish",
    "wizard.filing.state.todo": "to do",
    "wizard.filing.state.skipped": "not needed",
    "wizard.filing.confirm_title": "Before you file",
    "wizard.filing.fee_set": "Fee set by the portal for this application: {amount}.",
    "wizard.filing.fee_loading": "Asking the portal for the fee…",
    "wizard.filing.once": "It is filed exactly once: if the connection breaks, ind-tui asks "
                          "the portal before it tries again, and never pays twice.",
    "wizard.filing.locks": "From the moment it is sent, the answers can no longer be changed; "
                           "further documents go to the case (zaaknummer on the receipt).",
    "wizard.filing.awaiting_payment": "The portal has the application; it waits for the "
                                      "payment.",
    "wizard.filing.method": "Payment method (j/k to choose)",
    "wizard.filing.method.direct_debit": "Direct debit (the sponsor's mandate)",
    "wizard.filing.method.one_off": "One-off payment (the portal's payment step)",
    "wizard.filing.paying_by": "Payment: {method}.",
    "wizard.filing.send_hint": "f: file now · Esc: back to the draft, nothing is sent",
    "wizard.filing.pay_hint": "f: pay now · Esc: back, the application stays submitted",
    "wizard.filing.ask": "File this application and pay {amount}?",
    "wizard.filing.ask_free": "File this application (no fee)?",
    "wizard.filing.ask_pay": "Pay {amount} for the submitted application?",
    "wizard.filing.uploading": "Uploading {name}: {done} of {total}",
    "wizard.filing.doing.upload": "Uploading…",
    "wizard.filing.doing.submit": "Sending the application…",
    "wizard.filing.doing.pay": "Paying…",
    "wizard.filing.doing.receipt": "Fetching the receipt…",
    "wizard.filing.checking": "Checking with the portal…",
    "wizard.filing.nothing_arrived": "The portal has nothing filed under this draft. Press f "
                                     "to send it; the same key is used, so it cannot be filed "
                                     "twice.",
    "wizard.filing.busy": "Filing is under way; wait until it finishes.",
    "wizard.filing.receipt_title": "Receipt",
    "wizard.filing.done": "Filed. Case number {zaak}.",
    "wizard.filing.save_label": "Save the receipt as (Enter saves, Esc closes):",
    "wizard.filing.saved": "Receipt saved to {path}.",
    "wizard.filing.problem.code": "Code: {code}",
    "wizard.filing.problem.not_sent.title": "Not sent",
    "wizard.filing.problem.not_sent": "The portal did not receive it; nothing was filed or "
                                      "paid by this attempt. Every answer is kept. Press r to "
                                      "try again: it is safe, the same key is used.",
    "wizard.filing.problem.unknown.title": "Outcome not known yet",
    "wizard.filing.problem.unknown": "The portal may or may not have received it, and asking "
                                     "did not tell. Do not file or pay again anywhere else. "
                                     "Press c and ind-tui checks with the portal under this "
                                     "draft's key, then carries on.",
    "wizard.filing.problem.pending.title": "Paid: receipt still to come",
    "wizard.filing.problem.pending": "The payment went through, but the receipt did not "
                                     "arrive. Do not pay again. Press c to ask the portal for "
                                     "the receipt.",
    "wizard.filing.problem.unavailable.title": "Temporarily unavailable",
    "wizard.filing.problem.unavailable": "The portal's service for this application is "
                                         "temporarily unavailable. Every answer is kept in the "
                                         "draft. Try again later with r.",
    "wizard.filing.problem.draft.title": "A document is not ready",
    "wizard.filing.problem.draft": "A document of the draft cannot be sent from this "
                                   "computer. Nothing was filed.",
    "wizard.filing.problem.other.title": "Not finished",
    "wizard.filing.problem.other": "Filing stopped (the message said why). Every answer is "
                                   "kept; press r to try again.",
    "wizard.filing.problem.company.title": "Another client's draft",
    "wizard.filing.problem.company": "This draft belongs to another company than the one "
                                     "you are logged in for.",
    "wizard.filing.problem.unbound.title": "Which client?",
    "wizard.filing.problem.unbound": "This draft does not say which company it is for yet, "
                                     "so it is not filed. Open it again and answer the "
                                     "question, or log in for the right client.",
    "wizard.filing.bind": "Is this draft for {company}?",
    "wizard.filing.bind_detail": "It was made before drafts recorded their company. Yes binds "
                                 "it to {company} for good; it can then only be filed for "
                                 "that company.",
    "wizard.filing.problem.offline.title": "No connection",
    "wizard.filing.problem.offline": "There is no connection to the portal yet. Every answer "
                                     "is kept; come back once connected.",
    "wizard.filing.key.file_another": "Another for this company",
    "wizard.filing.key.to_drafts": "Drafts",
    "wizard.filing.kvk": "KvK {kvk}",
    "wizard.filing.next": "n: file another for {company} · d: back to drafts · w: save the "
                          "receipt · o: open the case",
    "wizard.filing.step.pay_unknown": "Pay the fee",
    "wizard.filing.step.pay_free": "Pay (no fee)",
    "wizard.filing.ask_unknown": "File this application and pay the fee the portal sets?",
    "wizard.filing.ask_pay_unknown": "Pay the fee for the submitted application?",
    "wizard.filing.dup.checking": "Looking for applications this person already has…",
    "wizard.filing.dup.failed": "Could not check whether this person already has an "
                                "application of this kind; nothing was sent. Press f to try "
                                "again.",
    "wizard.filing.dup.title": "Possible duplicate",
    "wizard.filing.dup.ask": "{name} may already have this application. File anyway?",
    "wizard.filing.dup.ask_anon": "This person may already have this application. File "
                                  "anyway?",
    "wizard.filing.dup.portal": "case {zaak}: {kind}, {status}",
    "wizard.filing.dup.pending": "case {zaak}: {kind}, filed from this computer, not yet "
                                 "registered",
    "wizard.filing.dup.filing": "draft {draft}: {kind}, {stage}",
    "wizard.filing.dup.stage.not_sent": "being sent",
    "wizard.filing.dup.stage.submitted": "submitted, not paid yet",
    "wizard.filing.dup.stage.paid": "paid, receipt still to come",
    "wizard.filing.dup.more.one": "and {n} more",
    "wizard.filing.dup.more.other": "and {n} more",
    "wizard.filing.dup.advice": "File it only if a second application is meant. No keeps "
                                "the draft as it is; nothing is sent.",
    # --- end of filing ---
}
