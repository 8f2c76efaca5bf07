"""English texts of the employees area. Every key here exists in employees_nl.py too."""

EN: dict[str, str] = {
    # the list
    "employees.title": "Employees",
    "employees.loading": "Loading employees... {n} of {total}",
    "employees.count": "{shown} of {total} employees",
    "employees.count_duties": "{shown} of {total} employees · only those with something to do",
    "employees.empty": "No employees registered",
    "employees.empty_duties": "No employee has something to do now · u shows everyone",
    "employees.reading": "Loading employees…",
    "employees.none_match": "No employee matches the filter",
    "employees.status.registered": "registered",
    "employees.status.deregistered": "deregistered",
    "employees.detail": "{name} · V {v_number} · born {born} · {nationality} · {purpose}\n"
                        "Start {start} · permit until {permit} · contract until {contract} · "
                        "{status}",
    "employees.detail.deregistered": "Deregistered as of {end} ({reason}), reference "
                                     "{reference}{late}",
    "employees.detail.late": ", reported late",
    "employees.none": "-",
    "employees.hint": "Enter new application (prefilled) · n register · d deregister · "
                      "i import CSV · x export · f find · u only duties · / filter · s sort",
    "employees.found": "Found: {name}",
    "employees.not_found": "No employee with V-number or name {text}",
    "employees.find_prompt": "Find (V-number or start of a name), Enter jumps:",
    # why not
    "employees.denied.title": "Employees: not available for this account",
    "employees.denied.not_recognised": "Registering and deregistering employees is only for "
                                       "recognised sponsors and the representatives they "
                                       "authorised. This company (KvK {kvk}) is not a "
                                       "recognised sponsor.",
    "employees.denied.other": "This account may not register or deregister employees: "
                              "{reason}.",
    "employees.denied.todo": "Working for a recognised sponsor? Log in on its behalf (as its "
                             "registered representative), or ask the sponsor to register your "
                             "authorisation with the IND. Check the company top right.",
    # columns and fields
    "employees.field.name": "Name",
    "employees.field.v_number": "V-number",
    "employees.field.date_of_birth": "Date of birth",
    "employees.field.nationality": "Nationality",
    "employees.field.purpose": "Purpose of stay",
    "employees.field.start_date": "Start date",
    "employees.field.permit_end": "Permit end date",
    "employees.field.contract_end": "Contract end date",
    "employees.field.status": "Status",
    "employees.field.duty": "To do",
    "employees.field.end_date": "End date",
    "employees.field.reason": "Reason",
    "employees.field.note": "Note (optional)",
    "employees.col.name": "Name",
    "employees.col.v_number": "V-number",
    "employees.col.born": "Born",
    "employees.col.nationality": "Nat.",
    "employees.col.purpose": "Purpose",
    "employees.col.start": "Start",
    "employees.col.permit": "Permit end",
    "employees.col.status": "Status",
    "employees.col.duty": "To do",
    # reasons
    "employees.reason.employment_ended": "employment ended (the employee left)",
    "employees.reason.never_started": "the employee never started",
    "employees.reason.income_below_threshold": "income fell below the salary threshold",
    "employees.reason.work_ended": "the work ended (e.g. the permit ran out)",
    # duties
    "employees.duties.title": "To do ({n})",
    "employees.duties.none": "Nothing to do: no deregistration due and no permit expiring "
                             "within 3 months.",
    "employees.duties.more": "... and {n} more (u shows only these employees)",
    "employees.duty.deregister": "deregister by {due}",
    "employees.duty.deregister_late": "overdue since {due}",
    "employees.duty.extension_window": "extend before {due}",
    "employees.duty.line.deregister": "{due}  {name}: deregister, {days} days left ({why})",
    "employees.duty.line.deregister_late": "{due}  {name}: deregistration {days} days overdue "
                                           "({why})",
    "employees.duty.line.extension_window": "{due}  {name}: permit ends in {days} days, extension "
                                            "possible",
    "employees.duty.why.contract_ended": "contract ended",
    "employees.duty.why.permit_ended": "permit ended",
    "employees.home.deregister": "Employees: {n} to deregister within 4 weeks of their end",
    "employees.home.deregister_late": "Employees: {n} to deregister, {late} of them overdue",
    "employees.home.extension.one": "Employees: {n} permit expires within 3 months",
    "employees.home.extension.other": "Employees: {n} permits expire within 3 months",
    # keys
    "employees.key.register": "Register",
    "employees.key.deregister": "Deregister",
    "employees.key.import": "Import CSV",
    "employees.key.export": "Export",
    "employees.key.find": "Find",
    "employees.key.duties": "Only duties",
    "employees.key.send": "Send",
    "employees.key.cancel": "Cancel",
    "employees.key.preview": "Preview",
    "employees.key.failures": "Save failures",
    # register
    "employees.register.title": "Register an employee (aanmelden)",
    "employees.register.intro": "The portal checks every field; so does this form, before "
                                "sending. Dates as YYYY-MM-DD or DD-MM-YYYY.",
    "employees.register.purposes": "Recognised for: {purposes}",
    "employees.register.country": "{code}: {name}",
    "employees.register.done": "{name} is registered (V-number {v_number}).",
    "employees.register.refused": "The portal refused the registration; see the marked "
                                  "fields.",
    "employees.help.register": "Fill in the employee's details. Enter moves to the next field; "
                               "ctrl+s sends. Nationality: the 3-letter code (IND, CHN) or the "
                               "country's name. Esc cancels; what you typed is kept until you "
                               "send.",
    # deregister
    "employees.deregister.title": "Deregister an employee (afmelden)",
    "employees.deregister.who": "{name}, V-number {v_number}, registered since {start}",
    "employees.deregister.deadline": "Report within 4 weeks of the end date: by {deadline}.",
    "employees.deregister.late": "The 4 weeks ended on {deadline}. The report is still "
                                 "accepted, and marked late.",
    "employees.deregister.confirm": "Deregister {name} (V-number {v_number}) as of {end}, "
                                    "reason: {reason}? This cannot be undone here.",
    "employees.deregister.done": "{name} deregistered. Reference {reference}; deadline {deadline}.",
    "employees.deregister.done_late": "{name} deregistered, LATE: the deadline was {deadline}. "
                                      "Reference {reference}; keep it with your records.",
    "employees.deregister.already": "This employee is already deregistered.",
    "employees.deregister.pick": "Choose a reason with the arrow keys.",
    "employees.help.deregister": "End date and reason, then ctrl+s; you are asked to confirm "
                                 "before anything is sent. A report after the 4 weeks is "
                                 "accepted and marked late.",
    # export
    "employees.export.title": "Export the employees in view",
    "employees.export.path": "File (.csv or .json):",
    "employees.export.done": "{n} employees written to {path}",
    "employees.export.failed": "Could not write {path}: {reason}",
    # import
    "employees.import.title": "Import employees from a CSV file",
    "employees.import.intro": "A preview of every row comes first; nothing is sent until you "
                              "confirm. Format: see docs/employees-csv.md.",
    "employees.import.path": "CSV file:",
    "employees.import.reading": "Reading {path}...",
    "employees.import.unreadable": "Could not read {path}: {reason}",
    "employees.import.file": "{encoding}, separator {delimiter}, {rows} rows",
    "employees.import.summary": "{ready} to register · {already} already registered · "
                                "{duplicate} duplicate · {errors} with errors",
    "employees.import.blocked": "The file cannot be imported as it is:",
    "employees.import.confirm": "Register {n} employees now? Rows with errors are left out; "
                                "each row is sent once, also when you run this file again.",
    "employees.import.nothing": "Nothing to send.",
    "employees.import.sending": "Registering... {done} of {total}",
    "employees.import.result": "Registered {registered} · already registered {already} · "
                               "failed {failed} · not sent {not_sent}",
    "employees.import.stopped": "Stopped early: {reason}",
    "employees.import.failures": "Rows to fix, with the reason in the last column: {path}. "
                                 "Fix them and import that file.",
    "employees.import.no_failures": "No rows to fix.",
    "employees.import.state.ready": "ready",
    "employees.import.state.error": "error",
    "employees.import.state.already_registered": "already registered",
    "employees.import.state.duplicate": "duplicate",
    "employees.import.state.skipped": "skipped",
    "employees.import.state.registered": "registered",
    "employees.import.state.failed": "failed",
    "employees.import.state.not_sent": "not sent",
    "employees.import.col.line": "Line",
    "employees.import.col.state": "Result",
    "employees.import.col.problem": "Problem",
    "employees.help.import": "Type the path of the CSV file and press Enter for the preview. "
                             "ctrl+s registers the ready rows (after a confirmation); w saves "
                             "the rows to fix as a CSV.",
    # CSV and form problems
    "employees.csv.missing": "{field} is missing",
    "employees.csv.too_long": "{field} is too long (at most 120 characters)",
    "employees.csv.v_number_scientific": "V-number {value} was turned into a number by Excel: "
                                         "format the column as text",
    "employees.csv.v_number_short": "V-number {value} has fewer than 10 digits (did Excel "
                                    "drop leading zeros? format the column as text)",
    "employees.csv.bad_v_number": "V-number {value} is not 10 digits",
    "employees.csv.bad_date": "{field} {value} is not a date (write YYYY-MM-DD or DD-MM-YYYY)",
    "employees.csv.ambiguous_date": "{field} {value} can be read two ways: write YYYY-MM-DD "
                                    "or DD-MM-YYYY",
    "employees.csv.unknown_country": "{field} {value} is not a known country code (ISO, 3 "
                                     "letters, e.g. IND)",
    "employees.csv.unknown_purpose": "{field} {value} is unknown (labour, research, study, "
                                     "exchange)",
    "employees.csv.extra_cells": "a value ({value}) stands past the last column",
    "employees.csv.invalid": "{field} is not valid",
    "employees.csv.duplicate_row": "same row as line {line}: registered once",
    "employees.csv.duplicate_in_file": "V-number {value} is also on line {line}, with other "
                                       "details: keep one",
    "employees.csv.registered_differently": "already registered with other details ({value}); "
                                            "deregister first or correct the row",
    "employees.csv.deregistered_row": "marked deregistered ({value}): not registered again",
    "employees.csv.blank": "{field} is empty",
    "employees.csv.in_future": "{field} lies in the future",
    "employees.csv.implausible": "{field} is more than 120 years ago",
    "employees.csv.before_birth": "{field} is not after the date of birth",
    "employees.csv.before_start": "{field} is before the start date",
    "employees.csv.not_recognised": "the sponsor is not recognised for this {field}",
    "employees.csv.unknown_column": "unknown column '{value}'",
    "employees.csv.missing_column": "column {field} is missing",
    "employees.csv.duplicate_column": "column '{value}' appears twice",
    "employees.csv.empty": "the file holds no header row",
    "employees.csv.request": " (request {rid})",
}
