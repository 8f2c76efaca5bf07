"""English texts of the command line (`ind-tui login | logout | status`) and of the token
store. Every key here exists in cli_nl.py too."""

EN: dict[str, str] = {
    "cli.login.token_from_env": "ind-tui: IND_TUI_TOKEN is set; no login needed.",
    "cli.login.identity_needs_sandbox": (
        "--identity works only with the sandbox (pass --admin-token)"),
    "cli.login.identity_refused": "Test identity {identity} is refused ({code}).",
    "cli.login.open_page": "Open this page and log in with eHerkenning:",
    "cli.login.enter_code": "and enter this code: {code}",
    "cli.login.waiting": "Waiting for the login...",
    "cli.login.logged_in_as": "Logged in as",
    "cli.login.other_kvk": (
        "ind-tui: note: this profile belongs to KvK {kvk}; you are in another account. "
        "Request eHerkenning for the right KvK number."),
    "cli.login.token_kept": "Token kept in: ",
    "cli.status.embedded": "embedded sandbox",
    "cli.status.profile": "Profile:  ",
    "cli.status.portal": "Portal:   ",
    "cli.status.logged_in": "Logged in: ",
    "cli.status.not_logged_in": "Not logged in.",
    "cli.status.token": "Token:    ",
    "cli.logout.token_from_env": (
        "ind-tui: the token comes from IND_TUI_TOKEN; unset that variable."),
    "cli.logout.done": "Logged out.",
    "cli.logout.was_not": "Was not logged in.",
    "cli.appointments.only_types": "  (highly skilled migrants etc.)",
    "cli.appointments.nothing_free": (
        "ind-tui: nothing free until {until} at these locations; try others, or again later."),
    "cli.appointments.booked": "Booked: {when} at {where}",
    "cli.payments.totals.one": (
        "{n} payment · charged {charged} · pending {pending} · refunded {refunded} · net {net}"),
    "cli.payments.totals.other": (
        "{n} payments · charged {charged} · pending {pending} · refunded {refunded} · "
        "net {net}"),
    "receipt.title": "Receipt",
    "receipt.form": "Application",
    "receipt.application": "Application number",
    "receipt.zaak": "Case number (zaaknummer)",
    "receipt.received": "Received on",
    "receipt.deadline": "Decision due by",
    "receipt.fee": "Fee",
    "receipt.free": "none, this application is free",
    "receipt.reference": "Payment reference",
    "receipt.paid_at": "Paid on",
    "receipt.method": "Payment method",
    "receipt.direct_debit": "direct debit",
    "receipt.one_off": "one-off payment",
    "receipt.keep": (
        "Keep this receipt. With the case number you can send further documents until the IND has"
        " decided."),
    "receipt.file": "receipt",
    "tokens.where.keyring": "system keyring",
    "tokens.where.encrypted_file": "encrypted file",
    "tokens.where.memory": "memory only",
    "tokens.where.environment": "environment variable",
}
