"""English guidance for every error code: `guidance.<code>.title`, `.what` (what happened)
and `.do` (what to do). Every key here exists in guidance_nl.py too."""

EN: dict[str, str] = {
    "guidance.bad_request.title": "Request refused",
    "guidance.bad_request.what": "The portal could not process this request.",
    "guidance.bad_request.do": "Check what you entered and try again.",
    "guidance.validation_failed.title": "Data not valid",
    "guidance.validation_failed.what": "One or more fields do not meet the portal's rules.",
    "guidance.validation_failed.do": "Correct the marked fields and send again.",
    "guidance.not_found.title": "Not found",
    "guidance.not_found.what": "This item does not exist (any more) or is not visible to you.",
    "guidance.not_found.do": "Refresh the list; completed cases leave the portal after 28 days.",
    "guidance.method_not_allowed.title": "Not supported",
    "guidance.method_not_allowed.what": "The portal does not support this action.",
    "guidance.method_not_allowed.do": (
        "Update ind-tui; this version may expect a different portal version."),
    "guidance.unauthenticated.title": "Not logged in",
    "guidance.unauthenticated.what": "The portal does not recognise your session.",
    "guidance.unauthenticated.do": "Log in again; what you were doing is kept.",
    "guidance.session_expired.title": "Session expired",
    "guidance.session_expired.what": "Your session has expired or was revoked.",
    "guidance.session_expired.do": "Log in again; what you were doing is kept.",
    "guidance.forbidden.title": "No access",
    "guidance.forbidden.what": "Your account may not use this part of the portal.",
    "guidance.forbidden.do": "Check which company you are logged in for (top right).",
    "guidance.service_not_allowed.title": "Service not available for your account",
    "guidance.service_not_allowed.what": (
        "This service is only for recognised sponsors and their representatives."),
    "guidance.service_not_allowed.do": (
        "Without recognition you can only submit the applications open to you."),
    "guidance.service_unavailable.title": "Portal temporarily unavailable",
    "guidance.service_unavailable.what": "The portal is briefly unreachable or in maintenance.",
    "guidance.service_unavailable.do": "Try again in a few minutes; nothing was lost.",
    "guidance.rate_limited.title": "Too many requests",
    "guidance.rate_limited.what": "Too many requests were sent in a short time.",
    "guidance.rate_limited.do": "Wait a moment and try again.",
    "guidance.request_too_large.title": "Too much data at once",
    "guidance.request_too_large.what": "The portal refused this request because it was too large.",
    "guidance.request_too_large.do": (
        "Shorten long texts and send again. If it keeps happening, update ind-tui."),
    "guidance.request_timeout.title": "Sending took too long",
    "guidance.request_timeout.what": (
        "The connection was so slow that the portal stopped waiting; nothing was saved."),
    "guidance.request_timeout.do": "Check your internet connection and send again.",
    "guidance.internal_error.title": "Portal error",
    "guidance.internal_error.what": "Something went wrong on the portal's side.",
    "guidance.internal_error.do": (
        "Try again later. If it keeps happening, report it to Team Zakelijk with a screenshot, "
        "your KvK number, the date and time, and the request number."),
    "guidance.authorization_pending.title": "Waiting for login",
    "guidance.authorization_pending.what": "The login in the browser is not finished yet.",
    "guidance.authorization_pending.do": "Finish eHerkenning in the browser; ind-tui is waiting.",
    "guidance.slow_down.title": "Please wait",
    "guidance.slow_down.what": "The portal asks to check less often.",
    "guidance.slow_down.do": "Nothing to do; ind-tui waits longer between checks.",
    "guidance.expired_token.title": "Login code expired",
    "guidance.expired_token.what": "The code was not used in the browser in time.",
    "guidance.expired_token.do": "Start the login again to get a new code.",
    "guidance.access_denied.title": "Login refused",
    "guidance.access_denied.what": "The login was refused or cancelled in the browser.",
    "guidance.access_denied.do": (
        "Try again; if it fails, ask your eHerkenning administrator for help."),
    "guidance.invalid_grant.title": "Session no longer valid",
    "guidance.invalid_grant.what": (
        "Your login is no longer valid, e.g. after logging out elsewhere."),
    "guidance.invalid_grant.do": "Log in again.",
    "guidance.eh_level_insufficient.title": "Assurance level too low",
    "guidance.eh_level_insufficient.what": (
        "This login method has a lower assurance level than the portal needs (EH3 or "
        "higher); this comes from your eHerkenning provider, not the IND."),
    "guidance.eh_level_insufficient.do": (
        "Ask your company's eHerkenning administrator to add the service at level EH3."),
    "guidance.eh_service_missing.title": "Service missing from eHerkenning",
    "guidance.eh_service_missing.what": (
        "Your eHerkenning login lacks the service 'Immigratie- en Naturalisatiedienst: toegang "
        "tot het portaal'. This comes from your eHerkenning provider, not from the IND."),
    "guidance.eh_service_missing.do": (
        "Ask your company's eHerkenning administrator to add this service at EH3."),
    "guidance.not_available_for_you.title": "This service is not available to you",
    "guidance.not_available_for_you.what": (
        "The company details in the IND's system are probably wrong."),
    "guidance.not_available_for_you.do": (
        "Report it to Team Zakelijk with a screenshot that shows the address."),
    "guidance.representation_not_recognised.title": "Representation not possible",
    "guidance.representation_not_recognised.what": (
        "You are logging in for a company that is not a recognised sponsor; representatives can "
        "only act for recognised sponsors."),
    "guidance.representation_not_recognised.do": (
        "Check your client's recognition, then contact Team Zakelijk."),
    "guidance.representation_not_registered.title": "Authorisation not registered",
    "guidance.representation_not_registered.what": (
        "Your authorisation for this company is not (yet) registered with the IND."),
    "guidance.representation_not_registered.do": (
        "Check that the authorisation was requested (chain authorisation in eHerkenning) and "
        "contact Team Zakelijk."),
    "guidance.idempotency_key_required.title": "Internal error while submitting",
    "guidance.idempotency_key_required.what": (
        "The request lacked its key against double submission."),
    "guidance.idempotency_key_required.do": "Update ind-tui and try again.",
    "guidance.idempotency_key_reused.title": "Application changed after sending",
    "guidance.idempotency_key_reused.what": "This application was sent before with different data.",
    "guidance.idempotency_key_reused.do": (
        "Look at the application sent earlier under Running cases before submitting again."),
    "guidance.request_in_progress.title": "Still being processed",
    "guidance.request_in_progress.what": "The portal is still processing this request.",
    "guidance.request_in_progress.do": (
        "Wait a moment; ind-tui checks the outcome. Do not send it again with new data."),
    "guidance.type_not_allowed.title": "Application type not allowed",
    "guidance.type_not_allowed.what": "Your company may not file this type of application.",
    "guidance.type_not_allowed.do": "Choose an application from the list the portal shows you.",
    "guidance.form_version_outdated.title": "Form outdated",
    "guidance.form_version_outdated.what": "The portal uses a newer version of this form.",
    "guidance.form_version_outdated.do": (
        "Reopen the draft; your answers are carried over where possible."),
    "guidance.extension_too_early.title": "Extension too early",
    "guidance.extension_too_early.what": (
        "An extension may not be filed earlier than 3 months before the permit ends."),
    "guidance.extension_too_early.do": (
        "Keep the draft and submit it from 3 months before the end date."),
    "guidance.already_paid.title": "Already paid",
    "guidance.already_paid.what": (
        "This application has already been paid; nothing was charged again."),
    "guidance.already_paid.do": "Nothing to do. See the receipt.",
    "guidance.payment_required.title": "Payment needed",
    "guidance.payment_required.what": (
        "The application counts as submitted only once the fee is paid."),
    "guidance.payment_required.do": "Complete the payment.",
    "guidance.amount_mismatch.title": "Amount does not match",
    "guidance.amount_mismatch.what": "The amount differs from the fee the portal charges now.",
    "guidance.amount_mismatch.do": (
        "Refresh the application to see the current fee and confirm again."),
    "guidance.nothing_to_pay.title": "Nothing to pay",
    "guidance.nothing_to_pay.what": "This application carries no fee; nothing was charged.",
    "guidance.nothing_to_pay.do": (
        "Nothing to do: the application was filed without payment. See the receipt."),
    "guidance.document_not_pdf.title": "Not a PDF",
    "guidance.document_not_pdf.what": "The portal only accepts PDF files.",
    "guidance.document_not_pdf.do": "Save the document as PDF and upload it again.",
    "guidance.document_too_large.title": "File too large",
    "guidance.document_too_large.what": "A document may be at most 8 MB.",
    "guidance.document_too_large.do": (
        "Make the PDF smaller (e.g. lower scan resolution) or split it."),
    "guidance.document_encrypted.title": "PDF protected",
    "guidance.document_encrypted.what": "The PDF has a password or protection.",
    "guidance.document_encrypted.do": "Save an unprotected copy and upload that.",
    "guidance.document_unreadable.title": "PDF cannot be read",
    "guidance.document_unreadable.what": (
        "The file starts like a PDF, but it is damaged, has no pages or is too complex to open."),
    "guidance.document_unreadable.do": (
        "Open the file yourself, save or print it again as PDF and upload that copy."),
    "guidance.document_not_allowed.title": "Document not allowed",
    "guidance.document_not_allowed.what": (
        "This document cannot be uploaded; the photo card, for example, always goes by post or "
        "the photo is taken at an IND desk."),
    "guidance.document_not_allowed.do": "Upload only the documents the application names.",
    "guidance.case_decided.title": "Already decided",
    "guidance.case_decided.what": (
        "The IND has decided this case; documents can no longer be added."),
    "guidance.case_decided.do": "Contact the IND if you still need to report something.",
    "guidance.paper_form_required.title": "Paper form required",
    "guidance.paper_form_required.what": (
        "A change of postal or visiting address can only be reported on the paper form."),
    "guidance.paper_form_required.do": (
        "Use the paper form; the administration address can be changed here."),
    "guidance.employee_exists.title": "Already registered",
    "guidance.employee_exists.what": "This employee (V-number) is already registered.",
    "guidance.employee_exists.do": "Find the employee in the list instead of registering again.",
    "guidance.employee_deregistered.title": "Already deregistered",
    "guidance.employee_deregistered.what": "This employee has already been deregistered.",
    "guidance.employee_deregistered.do": "Nothing to do.",
    "guidance.employee_end_in_future.title": "End date is in the future",
    "guidance.employee_end_in_future.what": (
        "An employee can be deregistered from the day the employment or the work ends."),
    "guidance.employee_end_in_future.do": (
        "Deregister on or after the end date; you then have 4 weeks. With the contract end "
        "recorded for the employee, ind-tui reminds you."),
    "guidance.purpose_not_recognised.title": "Not recognised for this purpose",
    "guidance.purpose_not_recognised.what": (
        "The company is not a recognised sponsor for the chosen purpose of stay."),
    "guidance.purpose_not_recognised.do": (
        "Choose a purpose the company is recognised for (see Account information), or apply for "
        "recognition for this purpose first."),
    "guidance.message_answered.title": "Already answered",
    "guidance.message_answered.what": (
        "This request for information was already answered, with other documents than these."),
    "guidance.message_answered.do": (
        "To add something, upload it as an extra document to the case; that is possible until the"
        " IND has decided."),
    "guidance.message_not_answerable.title": "Cannot be answered (any more)",
    "guidance.message_not_answerable.what": (
        "Only an open request for information can be answered; this message is not a request, or "
        "its deadline has passed."),
    "guidance.message_not_answerable.do": (
        "If the deadline has passed, upload the documents as extra documents to the case while "
        "the IND has not decided yet, or contact the IND."),
    "guidance.slot_taken.title": "Time slot taken",
    "guidance.slot_taken.what": (
        "Someone else has just booked this time slot, or it has passed. Nothing was booked."),
    "guidance.slot_taken.do": (
        "Search again for the first free time slot and pick another; cancellations free up slots "
        "regularly, especially in Amsterdam."),
    "guidance.visit_not_possible.title": "This visit does not fit the case",
    "guidance.visit_not_possible.what": (
        "A residence endorsement sticker is only possible while no decision has been taken; "
        "biometrics before the document is made; collecting the residence document only once the "
        "IND reports it ready."),
    "guidance.visit_not_possible.do": (
        "Choose another purpose, or wait until the case gets there (see Running cases)."),
    "guidance.location_not_serving.title": "Location does not serve this application",
    "guidance.location_not_serving.what": (
        "Expat centres only serve highly skilled migrants and similar applications (and their "
        "family members); or the location does not offer this purpose."),
    "guidance.location_not_serving.do": "Choose an IND desk or another location.",
    "guidance.appointment_exists.title": "Appointment already booked",
    "guidance.appointment_exists.what": (
        "This case already has an appointment for the same purpose."),
    "guidance.appointment_exists.do": (
        "Reschedule that appointment instead of booking a second one."),
    "guidance.appointment_closed.title": "Appointment can no longer be changed",
    "guidance.appointment_closed.what": (
        "This appointment was cancelled or has already taken place."),
    "guidance.appointment_closed.do": "Book a new appointment if needed.",
    "guidance.already_refunded.title": "Already refunded",
    "guidance.already_refunded.what": (
        "This payment has already been refunded; no money goes back twice."),
    "guidance.already_refunded.do": "Nothing to do. The refund is listed under Payments.",
    "guidance.sandbox_admin_required.title": "Sandbox admin needed",
    "guidance.sandbox_admin_required.what": "This needs the sandbox's admin token.",
    "guidance.sandbox_admin_required.do": "Use the embedded sandbox or provide the admin token.",
    "guidance.unknown_identity.title": "Unknown test identity",
    "guidance.unknown_identity.what": "The sandbox does not know this test identity.",
    "guidance.unknown_identity.do": "See the list with 'ind-tui sandbox identities'.",
    "guidance.clock_backwards.title": "Clock cannot go back",
    "guidance.clock_backwards.what": "The sandbox clock only moves forward.",
    "guidance.clock_backwards.do": "Pick a moment after the current sandbox time.",
    "guidance.connection_failed.title": "No connection",
    "guidance.connection_failed.what": "The portal cannot be reached; nothing was sent.",
    "guidance.connection_failed.do": (
        "Check the network connection and the portal address, then try again."),
    "guidance.timeout.title": "No answer in time",
    "guidance.timeout.what": "The portal did not answer in time.",
    "guidance.timeout.do": (
        "Try again; ind-tui first checks whether anything was already processed."),
    "guidance.connection_dropped.title": "Connection dropped",
    "guidance.connection_dropped.what": "The connection broke off before the answer arrived.",
    "guidance.connection_dropped.do": (
        "Try again; ind-tui first checks whether anything was already processed."),
    "guidance.outcome_unknown.title": "Outcome unknown",
    "guidance.outcome_unknown.what": (
        "It is not certain whether the portal received the application or payment. Do not file a "
        "new application: you could pay twice. A payment without a submitted application is "
        "refunded."),
    "guidance.outcome_unknown.do": (
        "Try again later from the same draft; the portal never processes it twice. If it keeps "
        "happening, report it to Team Zakelijk with a screenshot, your KvK number, the date and "
        "time, and the request number."),
    "guidance.not_sent.title": "Not received",
    "guidance.not_sent.what": "The portal did not receive the application; nothing was charged.",
    "guidance.not_sent.do": "Try again from the same draft.",
    "guidance.paid_receipt_pending.title": "Paid, receipt to follow",
    "guidance.paid_receipt_pending.what": (
        "The payment went through and the application is submitted, but the answer got lost."),
    "guidance.paid_receipt_pending.do": (
        "Do not pay again. Open the application later to see the receipt."),
    "guidance.bad_response.title": "Unexpected answer",
    "guidance.bad_response.what": "The portal's answer could not be read.",
    "guidance.bad_response.do": (
        "Update ind-tui. If it keeps happening, report it to Team Zakelijk with a screenshot, "
        "your KvK number, the date and time, and the request number."),
    "guidance.not_logged_in.title": "Not logged in",
    "guidance.not_logged_in.what": "No login is stored for this profile.",
    "guidance.not_logged_in.do": "Log in with 'ind-tui login' or from the login screen.",
    "guidance.env_token_rejected.title": "Token from environment refused",
    "guidance.env_token_rejected.what": "The token in IND_TUI_TOKEN is expired or invalid.",
    "guidance.env_token_rejected.do": "Put a new token in IND_TUI_TOKEN, or unset it and log in.",
    "guidance.keyring_missing.title": "No keyring found",
    "guidance.keyring_missing.what": (
        "No system keyring (GNOME Keyring, KWallet): this login lasts until ind-tui stops."),
    "guidance.keyring_missing.do": (
        'To stay logged in, set token_store = "encrypted_file" in the profile '
        "(or IND_TUI_TOKEN_STORE=encrypted_file, with IND_TUI_PASSPHRASE on a server)."),
    "guidance.keyring_locked.title": "Keyring locked",
    "guidance.keyring_locked.what": (
        "The keyring is locked or refuses access; your login lasts only while ind-tui runs."),
    "guidance.keyring_locked.do": "Unlock the keyring and start ind-tui again.",
    "guidance.keyring_timeout.title": "Keyring not responding",
    "guidance.keyring_timeout.what": (
        "The keyring did not answer; your login lasts only while ind-tui runs."),
    "guidance.keyring_timeout.do": (
        'Restart the keyring service, or choose token_store = "encrypted_file".'),
    "guidance.keyring_error.title": "Keyring error",
    "guidance.keyring_error.what": (
        "The keyring reported an error; your login lasts only while ind-tui runs."),
    "guidance.keyring_error.do": 'Check the keyring, or choose token_store = "encrypted_file".',
    "guidance.keyring_plaintext.title": "Unsafe keyring ignored",
    "guidance.keyring_plaintext.what": (
        "The configured keyring stores secrets unencrypted; ind-tui does not use it."),
    "guidance.keyring_plaintext.do": 'Choose a system keyring or token_store = "encrypted_file".',
    "guidance.memory_chosen.title": "Login in memory only",
    "guidance.memory_chosen.what": "This profile does not keep the login on disk.",
    "guidance.memory_chosen.do": "Nothing to do; you log in again after quitting.",
    "guidance.cryptfile_missing.title": "Encrypted file not available",
    "guidance.cryptfile_missing.what": (
        "The profile asks for an encrypted token file, but keyrings.cryptfile is missing."),
    "guidance.cryptfile_missing.do": "Install it with: pip install keyrings.cryptfile",
    "guidance.passphrase_missing.title": "Passphrase missing",
    "guidance.passphrase_missing.what": (
        "The encrypted token file needs a passphrase and none could be asked for."),
    "guidance.passphrase_missing.do": (
        "Set the passphrase in IND_TUI_PASSPHRASE or run ind-tui in a terminal."),
    "guidance.passphrase_wrong.title": "Wrong passphrase",
    "guidance.passphrase_wrong.what": (
        "The encrypted token file does not open with this passphrase."),
    "guidance.passphrase_wrong.do": "Try again; forgotten? Delete the file and log in again.",
    "guidance.cache_rebuilt.title": "Local copy rebuilt",
    "guidance.cache_rebuilt.what": (
        "The local file with cases was damaged; it was set aside and is refilled from the portal."),
    "guidance.cache_rebuilt.do": (
        "Nothing to do. Older archived cases are in the file that was set aside."),
}
