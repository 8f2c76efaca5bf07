"""English texts of the appointments and payments areas. Every key here exists in
appointments_nl.py too."""

EN: dict[str, str] = {
    # --- appointments: the list --------------------------------------------------------------
    "appointments.title": "Appointments",
    "appointments.title_count": "Appointments ({count} coming up)",
    "appointments.loading": "Loading appointments…",
    "appointments.none": "No appointments yet. Press b to book one.",
    "appointments.hint": "Amsterdam is full for weeks; cancellations free up slots now and "
                         "then.",
    "appointments.help": "Every visit to an IND desk or expat centre needs an appointment, and "
                         "its purpose decides which slots are offered. b books: choose the case, "
                         "the purpose and the places (space marks a place, Enter searches; your "
                         "choice is kept for next time), then one of the first free slots. m "
                         "moves the selected booking, x cancels it (after a question), / filters "
                         "(e.g. zaak:3100000007 or status:booked), r refreshes.",
    "appointments.col.when": "When",
    "appointments.col.zaak": "Case no.",
    "appointments.col.employee": "Employee",
    "appointments.col.purpose": "Purpose",
    "appointments.col.place": "Place",
    "appointments.col.status": "Status",
    "appointments.col.type": "Type",
    "appointments.key.book": "Book",
    "appointments.key.reschedule": "Move",
    "appointments.key.cancel": "Cancel visit",
    "appointments.key.search": "Search",
    "appointments.purpose.biometrics": "Biometrics (photo and fingerprints)",
    "appointments.purpose.collect_document": "Collect the residence document",
    "appointments.purpose.endorsement_sticker": "Residence endorsement sticker",
    "appointments.purpose_short.biometrics": "biometrics",
    "appointments.purpose_short.collect_document": "document",
    "appointments.purpose_short.endorsement_sticker": "sticker",
    "appointments.help.biometrics": "Photo and fingerprints are taken at the desk. The photo "
                                    "card can never be uploaded; with this visit it need not "
                                    "go by post either.",
    "appointments.help.collect_document": "Once the IND reports the residence document is "
                                          "ready; bring the passport and the letter.",
    "appointments.help.endorsement_sticker": "A sticker in the passport that shows the stay "
                                             "is lawful while the decision is pending.",
    "appointments.not_now.biometrics": "not now: only before the document is made (pending, "
                                       "or just granted)",
    "appointments.not_now.collect_document": "not yet: only once the IND reports the "
                                             "document ready",
    "appointments.not_now.endorsement_sticker": "not now: only while the decision is pending",
    "appointments.status.booked": "booked",
    "appointments.status.cancelled": "cancelled",
    "appointments.status.past": "past",
    "appointments.short_place.ind_desk": "{city} (IND)",
    "appointments.short_place.expat_centre": "{city} (expat)",
    "appointments.kind.ind_desk": "IND desk",
    "appointments.kind.expat_centre": "expat centre",
    "appointments.weekday.0": "Mon",
    "appointments.weekday.1": "Tue",
    "appointments.weekday.2": "Wed",
    "appointments.weekday.3": "Thu",
    "appointments.weekday.4": "Fri",
    "appointments.weekday.5": "Sat",
    "appointments.weekday.6": "Sun",
    "appointments.detail_status": "{status} · booked on {booked}",
    # --- appointments: booking ---------------------------------------------------------------
    "appointments.step.case": "Book an appointment: which case?",
    "appointments.step.case_hint": "The person of the case comes to the desk. Only cases that "
                                   "allow a visit now are listed. / filters, Enter picks.",
    "appointments.step.purpose": "What is the visit for?",
    "appointments.step.places": "Where? Mark the places that suit",
    "appointments.step.places_hint": "Space marks or unmarks a place; Enter searches the "
                                     "first free slots across all marked places.",
    "appointments.step.slot": "First free slots: {purpose}",
    "appointments.no_cases": "No case allows a visit now",
    "appointments.for_case": "For {employee}, case {zaak}",
    "appointments.pick_one": "Mark at least one place (space).",
    "appointments.searching": "Looking for free slots…",
    "appointments.found": "{count} free slots, earliest first. Enter books.",
    "appointments.none_free": "Nothing free at these places until {until}. Try other places, "
                              "or look again later for cancellations.",
    "appointments.full_until": "Fully booked until {until}: {places}",
    "appointments.not_serving": "Not for this application: {places}",
    "appointments.taken": "Someone else just took that slot; nothing was booked. Here are the "
                          "free slots as they are now.",
    "appointments.booked": "Booked: {when} at {place}",
    "appointments.moved": "Moved to {when} at {place}",
    "appointments.cancelled": "Cancelled the visit of {when} at {place}",
    "appointments.closed": "This appointment was cancelled or has taken place; book a new one "
                           "with b.",
    "appointments.cancel_title": "Cancel this appointment?",
    "appointments.cancel_text": "{employee}: {purpose}\n{when} at {place}\n\nThe slot goes "
                                "back to others at once; in Amsterdam a new one may be weeks "
                                "away.",
    "appointments.cancel_yes": "Cancel the visit",
    "appointments.cancel_no": "Keep it",
    # --- payments ----------------------------------------------------------------------------
    "payments.title": "Payments",
    "payments.title_count": "Payments ({count})",
    "payments.loading": "Loading payments…",
    "payments.none": "No payments.",
    "payments.hint": "A fee for a submission that never arrived, or paid twice, comes back "
                     "by itself.",
    "payments.help": "Every fee paid for this account, newest first, with refunds on the same "
                     "line. / filters what is shown, e.g. case:3100000007, status:refunded or "
                     "2026; the totals are those of what is shown. e exports what is shown as "
                     "CSV for the bookkeeping; r refreshes.",
    "payments.col.paid": "Paid",
    "payments.col.case": "Case no.",
    "payments.col.employee": "Employee",
    "payments.col.amount": "Amount",
    "payments.col.status": "Status",
    "payments.col.refund": "Refund",
    "payments.col.reference": "Reference",
    "payments.key.export": "Export CSV",
    "payments.status.pending": "to be collected",
    "payments.status.paid": "paid",
    "payments.status.refunded": "refunded",
    "payments.method.direct_debit": "direct debit",
    "payments.method.one_off": "one-off payment",
    "payments.reason.not_received": "not received",
    "payments.reason.duplicate": "paid twice",
    "payments.reason.other": "by the IND",
    "payments.refund_made": "{reason} {day}",
    "payments.refund_due": "due {day}",
    "payments.totals": "{count} · charged {charged} · pending {pending} · refunded "
                       "{refunded} · net {net}",
    "payments.filtered": "(filtered, of {total})",
    "payments.fact.paid": "Paid",
    "payments.detail_paid": "{method}, {paid}, collected {collected}",
    "payments.detail_case": "{case} · fee year {year}",
    "payments.detail_no_case": "none: the submission did not arrive at the IND · fee year "
                               "{year}",
    "payments.detail_refund": "{amount} on {when} ({reason}), reference {reference}",
    "payments.detail_refund_due": "The IND refunds this fee by {day}; nothing to do.",
    "payments.export_title": "Export payments as CSV",
    "payments.export_prompt": "{count} payments (what the list shows). File to write "
                              "(Enter writes, Esc cancels):",
    "payments.export_failed": "Could not write the file: {reason}",
    "payments.exported": "{count} payments written to {path}",
}
