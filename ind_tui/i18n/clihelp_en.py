"""English words of the command line's help (`--help`) and of argparse itself: its
messages (`cli.argparse.msg.*`, in argparse's own English, which `cli.argparse_text` reads
back to say them in Dutch). Every key here exists in clihelp_nl.py too."""

EN: dict[str, str] = {
    "cli.help.ind_tui": "Terminal client for the IND Business Portal",
    "cli.help.portal": "portal base URL (default: the embedded sandbox)",
    "cli.help.profile": "profile from the config file",
    "cli.help.lang": "language of the interface",
    "cli.help.day": "DD-MM-YYYY",
    "cli.argparse.usage": "usage: ",
    "cli.argparse.positionals": "positional arguments",
    "cli.argparse.options": "options",
    "cli.argparse.help": "show this help message and exit",
    "cli.argparse.msg.argument": "argument {argument}: {message}",
    "cli.argparse.msg.unrecognized": "unrecognized arguments: {arguments}",
    "cli.argparse.msg.required": "the following arguments are required: {arguments}",
    "cli.argparse.msg.one_required": "one of the arguments {arguments} is required",
    "cli.argparse.msg.expected_one": "expected one argument",
    "cli.argparse.msg.expected_at_most_one": "expected at most one argument",
    "cli.argparse.msg.expected_at_least_one": "expected at least one argument",
    "cli.argparse.msg.expected_count": "expected {n} argument",
    "cli.argparse.msg.expected_counts": "expected {n} arguments",
    "cli.argparse.msg.ambiguous": "ambiguous option: {option} could match {matches}",
    "cli.argparse.msg.invalid_choice": "invalid choice: {value} (choose from {choices})",
    "cli.argparse.msg.invalid_value": "invalid {type} value: {value}",
    "cli.argparse.msg.not_allowed_with": "not allowed with argument {argument}",
    "cli.argparse.msg.ignored_explicit": "ignored explicit argument {value}",
    "cli.argparse.msg.cannot_open": "can't open '{filename}': {error}",
    "cli.argparse.msg.unexpected_option": "unexpected option string: {option}",
    "cli.help.appointments.appointments": "appointments at IND desks and expat centres",
    "cli.help.appointments.list": "this account's bookings",
    "cli.help.appointments.case": "only this case's",
    "cli.help.appointments.locations": "IND desks and expat centres, with their ids",
    "cli.help.appointments.book": "book the first free slot across locations",
    "cli.help.appointments.case2": "zaaknummer whose foreign national will come",
    "cli.help.appointments.location": (
        "one or more location ids, repeated or comma-separated (see `locations`)"),
    "cli.help.appointments.from": "not before this day (DD-MM-YYYY or YYYY-MM-DD)",
    "cli.help.cases.cases": "running cases (lopende aanvragen)",
    "cli.help.cases.list": "every case this account may see",
    "cli.help.cases.status": "only these statuses, e.g. in-progress or received,in_progress",
    "cli.help.cases.type": "only this application type",
    "cli.help.cases.show": "one case: timeline, deadline, dossier",
    "cli.help.cases.upload": "add an extra document (PDF) to a case's dossier",
    "cli.help.cases.file": "the PDF to add",
    "cli.help.cases.allow_duplicate": "send it even when the dossier already holds the same file",
    "cli.help.completion.completion": "print a shell completion script (see the README)",
    "cli.help.drafts.new": "a draft for the company the login acts for",
    "cli.help.drafts.type": "the application type (see `ind-tui forms show`)",
    "cli.help.drafts.employee": "prefill from the register and this employee's latest case",
    "cli.help.drafts.answers": "answers by field key",
    "cli.help.drafts.attach": "a document for a slot (repeat for more)",
    "cli.help.drafts.out": "where to write the draft",
    "cli.help.drafts.show": "what a draft holds and what blocks filing",
    "cli.help.drafts.file": "upload, submit and pay a draft, exactly once",
    "cli.help.drafts.yes": "file and pay without asking (and bind an unbound draft)",
    "cli.help.drafts.allow_duplicate": (
        "file although the same person has an application of this kind "
        ""),
    "cli.help.drafts.method": "how to pay the fee",
    "cli.help.drafts.bind": "bind a draft from before drafts were bound, once",
    "cli.help.drafts.yes2": "bind without asking",
    "cli.help.drafts.drafts": "prepare, check, file, pack and unpack drafts (.tfa)",
    "cli.help.drafts.list": "the drafts in the drafts folder",
    "cli.help.drafts.dir": "another folder to list",
    "cli.help.drafts.check": "check a draft and say which documents to re-attach",
    "cli.help.drafts.file2": "a file, or the name of a draft in the drafts folder",
    "cli.help.drafts.pack": "one portable file with the draft and its documents",
    "cli.help.drafts.out2": "the file to write (or a folder)",
    "cli.help.drafts.force": "replace OUT if it exists",
    "cli.help.drafts.unpack": "bring a packed draft and its documents in",
    "cli.help.drafts.outdir": "where to write the .tfa",
    "cli.help.drafts.documents": "check documents before attaching",
    "cli.help.drafts.check2": "would the portal accept this PDF?",
    "cli.help.drafts.max_bytes": "the portal's size limit (default 8 MB)",
    "cli.help.drafts.timeout": "seconds the check may take",
    "cli.help.employees.employees": "registered employees (aanmelden, afmelden)",
    "cli.help.employees.list": "every employee of the sponsor",
    "cli.help.employees.duties": "deregistrations due, permits expiring soon",
    "cli.help.employees.import": "register the employees in a CSV file",
    "cli.help.employees.dry_run": "show the preview of every row; send nothing",
    "cli.help.employees.failures": (
        "where to write the rows to fix (default: FILE-failures.csv; with --dry-run only "
        "when given)"),
    "cli.help.forms.forms": "the application forms: fields and document slots",
    "cli.help.forms.show": "the fields and document slots of a form",
    "cli.help.forms.form_id": "the application type, e.g. hsm_extension",
    "cli.help.inbox.inbox": "messages from the IND (newest first)",
    "cli.help.inbox.unread": "only unread messages",
    "cli.help.inbox.case": "only the messages about this case",
    "cli.help.inbox.kind": "info_request, decision or ready_for_collection",
    "cli.help.inbox.due": "what is due soon, soonest first (portal date)",
    "cli.help.listing.csv_dialect": (
        "CSV for a spreadsheet in the language of --lang (nl: ';' and a decimal comma; en: "
        "',' and a decimal point), or neutral: ',', a decimal point and column codes, for scripts"),
    "cli.help.listing.output": (
        "write the list to FILE instead of standard output, whole or not at all: a failure "
        "part-way leaves no half file (and an existing FILE as it was)"),
    "cli.help.opener.open": "open a draft (.tfa) in the TUI, after logging in",
    "cli.help.payments.payments": "fees paid, pending direct debits and refunds",
    "cli.help.payments.list": "this account's payments, newest first",
    "cli.help.payments.case": "only this case's",
    "cli.help.payments.year": "only this fee year",
    "cli.help.reproduce.reproduce": (
        "start a sandbox set to what a bundle describes and open the app there "
        ""),
    "cli.help.reproduce.dry_run": "only say what would be reproduced; start nothing",
    "cli.help.reproduce.check": (
        "start the sandbox, make the failed call again, say what it answered, and stop (no "
        "app)"),
    "cli.help.reproduce.save_scenario": "also write the reproduced sandbox's state as a scenario",
    "cli.help.sandbox.sandbox": "the sandbox portal server",
    "cli.help.sandbox.serve": "run the sandbox portal over HTTP",
    "cli.help.sandbox.db": "SQLite file (default: in the user data dir)",
    "cli.help.sandbox.seed": "data for a new database (default: demo)",
    "cli.help.sandbox.employees": "seed N extra employees for the sponsor, for scale tests",
    "cli.help.sandbox.cases": "seed N extra cases for scale tests",
    "cli.help.sandbox.admin_token": (
        "sandbox admin token (default: $IND_TUI_SANDBOX_ADMIN_TOKEN or new) "
        ""),
    "cli.help.sandbox.clock": "a new database's clock ticks (running) or waits (frozen)",
    "cli.help.sandbox.token_ttl": "access token lifetime on the sandbox clock (default 900)",
    "cli.help.sandbox.scenario": "start from this scenario (replaces the database's state)",
    "cli.help.sandbox.identities": "list the test identities",
    "cli.help.sandbox_admin.admin_token": (
        "admin token of the sandbox at --portal (default: $IND_TUI_SANDBOX_ADMIN_TOKEN) "
        ""),
    "cli.help.sandbox_admin.clock": "show or move the portal time (before and after)",
    "cli.help.sandbox_admin.advance": "move on by e.g. 3d, 2h, 90m, 1d12h",
    "cli.help.sandbox_admin.set": (
        "move to e.g. '31-12-2026 23:59' or 2026-12-31T23:59 (Amsterdam time unless a zone "
        "given)"),
    "cli.help.sandbox_admin.freeze": "stop the clock (it waits until moved)",
    "cli.help.sandbox_admin.run": "let the clock tick with the wall clock",
    "cli.help.sandbox_admin.faults": "faults the sandbox answers with, per route",
    "cli.help.sandbox_admin.list": "the faults now set",
    "cli.help.sandbox_admin.add": "make a route fail or slow",
    "cli.help.sandbox_admin.route": "route name, e.g. applications.submit, or *",
    "cli.help.sandbox_admin.kind": (
        "latency, unavailable, server_error, rate_limit, commit_then_drop or "
        "commit_then_error"),
    "cli.help.sandbox_admin.count": "fire N times, then stop",
    "cli.help.sandbox_admin.delay": (
        "latency: how slow (default 2s); unavailable, rate_limit: Retry-After "
        ""),
    "cli.help.sandbox_admin.clear": "remove faults",
    "cli.help.sandbox_admin.route2": "only those on this route",
    "cli.help.sandbox_scenario.scenario": "the sandbox's whole state as a TOML file",
    "cli.help.sandbox_scenario.dump": "write the state (to stdout without OUT.toml)",
    "cli.help.sandbox_scenario.load": "replace the state with a scenario's",
    "cli.help.session.login": "log in to the portal (device login)",
    "cli.help.session.identity": (
        "sandbox only: approve this test identity (see `sandbox identities`) "
        ""),
    "cli.help.session.admin_token": (
        "sandbox admin token for --identity against `sandbox serve` (default: "
        "$IND_TUI_SANDBOX_ADMIN_TOKEN)"),
    "cli.help.session.status": "who is logged in, where, and where the token is",
    "cli.help.session.logout": "log out and remove the stored token",
    "cli.help.support.support": "support bundles",
    "cli.help.support.show": "show what a support bundle holds",
}
