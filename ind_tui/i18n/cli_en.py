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
    "cli.drafts.attach_syntax": "--attach takes SLOT=FILE.pdf, not {value}",
    "cli.drafts.unknown_slot": "{type} has no document slot {slot}; its slots: {slots}",
    "cli.drafts.no_file": "no such file",
    "cli.drafts.unknown_type": "unknown application type {type}; the types: {types}",
    "cli.drafts.unknown_fields": (
        "{path}: {type} does not ask {fields} (see ind-tui forms show {type})"),
    "cli.drafts.answers_bad": "{path}: not a JSON object of answers ({reason})",
    "cli.drafts.exists": "{path} exists; choose another --out",
    "cli.drafts.written": "Draft written to {path}",
    "cli.drafts.confirm_bind": (
        "This draft is not bound to a company yet. Is it for {company}? [y/N] "),
    "cli.drafts.bound": "Draft bound to {company}.",
    "cli.drafts.already_filed": "ind-tui: this draft is filed already; nothing was sent again.",
    "cli.drafts.duplicates": "possible duplicate: {cases}.",
    "cli.drafts.filing_anyway": "filing although these may be the same application: {cases}",
    "cli.drafts.confirm_file": "File {type} for {person} under {company} and pay {fee}? [y/N] ",
    "cli.drafts.needs_yes": (
        "filing sends the application and pays its fee: pass --yes to file without a question"),
    "cli.drafts.blocking.one": "{n} thing blocks filing",
    "cli.drafts.blocking.other": "{n} things block filing",
    "cli.drafts.complete": "Complete: nothing blocks filing.",
    "cli.drafts.unbound": "unbound (from before drafts were bound to a company)",
    "cli.drafts.present": "present",
    "cli.drafts.missing": "not on this computer: attach again",
    "cli.drafts.label.file": "File",
    "cli.drafts.label.type": "Type",
    "cli.drafts.label.company": "Company",
    "cli.drafts.label.portal": "Portal",
    "cli.drafts.label.employee": "Employee",
    "cli.drafts.label.stage": "Stage",
    "cli.drafts.label.prefilled": "Prefilled",
    "cli.drafts.label.document": "Document",
    "cli.drafts.label.judged_on": "Judged on",
    "cli.drafts.unknown_form": (
        "{path}: this ind-tui does not know the form {type}: update ind-tui"),
    "cli.forms.required": "required",
    "cli.forms.optional": "optional",
    "cli.forms.conditional": "when it applies",
    "cli.forms.not_uploadable": "not uploadable: by post or at the desk",
    "cli.forms.slot": "document",
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
