"""English texts of `ind-tui support reproduce`: what a reproduction shows and what it could
not. Every key here exists in support_nl.py too."""

EN: dict[str, str] = {
    "reproduce.title": "Reproducing {bundle}",
    "reproduce.could": "Reproduced:",
    "reproduce.could_not": "Not reproduced:",
    "reproduce.old_format": "The bundle is format {version}: it does not name the screen, the "
                            "failed request or the kind of account.",
    "reproduce.login_refused": "The login is refused as the user's was ({code}): test "
                               "identity {identity}.",
    "reproduce.account": "Kind of account ({role}): logged in as test identity {identity}.",
    "reproduce.no_account": "The kind of account is not in the bundle: logged in as "
                            "{identity}.",
    "reproduce.time": "Portal time {time}, as the user's portal had it.",
    "reproduce.time_guessed": "Portal time {time}: when the bundle was made (it does not give "
                              "the portal's).",
    "reproduce.no_time": "No time in the bundle: the sandbox runs on today's.",
    "reproduce.screen": "Screen {screen}: the app opens on {area}.",
    "reproduce.no_screen": "Screen {screen} is not known: the app opens on home.",
    "reproduce.fault": "{route} answers {code} (fault {kind}) until the fault is cleared.",
    "reproduce.session": "Logged in long before, so the session has lapsed at the bundle's "
                         "time ({code}).",
    "reproduce.document": "The user's document is never in a bundle; the made-up {file} is "
                          "refused the same way ({code}).",
    "reproduce.no_fault": "{code} on {route}: no fault or made-up data gives it; do what the "
                          "user did.",
    "reproduce.late": "A made-up employee is deregistered {days} days after the end of "
                      "employment: late.",
    "reproduce.no_end_date": "The end date the user entered is not in the bundle.",
    "reproduce.ids": "{kind}: {count} named in the bundle, as hashes only; the sandbox's "
                     "made-up data stands in.",
    "reproduce.kind.case": "cases",
    "reproduce.kind.employee": "employees",
    "reproduce.kind.message": "messages",
    "reproduce.kind.application": "applications",
    "reproduce.kind.appointment": "appointments",
    "reproduce.kind.document": "documents",
    "reproduce.started": "Sandbox at {url}, in its own temporary folder {home}.",
    "reproduce.admin": "To move its clock or clear the fault from another terminal: "
                       "ind-tui --portal {url} sandbox faults clear --admin-token {token}",
    "reproduce.same": "The reproduced sandbox answers {code}, as the user's portal did.",
    "reproduce.other": "The reproduced sandbox answers {got}; the user's portal answered "
                       "{code}.",
    "reproduce.late_again": "The reproduced deregistration is late, as the user's was.",
    "reproduce.nothing": "Nothing to call again: do what the user did.",
    "reproduce.saved": "Scenario written to {path} (`ind-tui sandbox scenario load`).",
    "reproduce.opening": "The app opens as {identity}; ctrl+q ends it and the sandbox.",
    "reproduce.late_receipt": "Deregistration {reference}: reported after the deadline of "
                              "{deadline}, late.",
}
