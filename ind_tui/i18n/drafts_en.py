"""English texts of the drafts area. Every key here exists in drafts_nl.py too."""

EN: dict[str, str] = {
    # --- new application ------------------------------------------------------------------
    "new.title": "New application",
    "new.for": "Applications for {name} (KvK {kvk})",
    "new.help": "The application types this account may file, as the portal lists them, with "
                "the fee and the decision period. Enter starts a draft and opens it; / filters "
                "the list; d shows the drafts you saved. A provisional fee is not published for "
                "this year yet: the portal's estimate, based on the latest published fee.",
    "new.hint": "Enter start · / filter · d drafts · Esc back",
    "new.key.drafts": "Drafts",
    "new.loading": "Asking the portal which applications this account may file…",
    "new.load_failed": "The list of application types could not be loaded. Press F5 to try "
                       "again.",
    "new.count": "{count} application types this account may file:",
    "new.none": "The portal lists no application type this account may file.",
    "new.not_logged_in": "Log in first: which applications you may file depends on the account.",
    "new.not_allowed": "This account may not file applications: {reason}.",
    "new.free": "no fee",
    "new.fee": "fee {amount} ({year})",
    "new.fee_provisional": "fee {amount} ({year}, provisional)",
    "new.decision": "decision within {days} days",
    "new.no_decision": "no decision needed",
    "new.extension": "extension",
    "new.needs_update": "This version of ind-tui does not have this form yet: update ind-tui.",
    "new.has_drafts.one": "You already have {n} saved draft of this form.",
    "new.has_drafts.other": "You already have {n} saved drafts of this form.",
    "new.exists.title": "Drafts of this form exist",
    "new.exists.text.one": (
        "You already have {n} saved draft of '{form}' for this company. Continue that one, or "
        "start a new application?"),
    "new.exists.text.other": (
        "You already have {n} saved drafts of '{form}' for this company. Continue one of those, "
        "or start a new application?"),
    "new.exists.new": "start a new one",
    "new.exists.drafts": "show the drafts",
    "new.exists.cancel": "cancel",
    "new.created": "Draft started: {name}",
    "new.create_failed": "The draft could not be started: {reason}",
    # --- drafts screen --------------------------------------------------------------------
    "drafts.title": "Drafts",
    "drafts.title_count": "Drafts ({count})",
    "drafts.help": "Every application saved on this computer, newest change first. Enter "
                   "opens one in the wizard; r renames the file, c copies it as a new "
                   "application, d deletes it (after asking), p packs it with its documents "
                   "into one file for a colleague, u unpacks such a file. / filters, s sorts. "
                   "Only the drafts of the company you act for are listed (a: every "
                   "company's) and no filed ones (f: those too); a filed draft opens "
                   "read-only.",
    "drafts.hint": "Enter open · r rename · c copy · d delete · p pack · u unpack · n new",
    "drafts.loading": "Reading the drafts…",
    "drafts.none": "No drafts saved yet. Press n to start a new application.",
    "drafts.folder_unreadable": "The drafts folder could not be read: {reason}",
    "drafts.col.form": "Form",
    "drafts.col.employee": "Employee",
    "drafts.col.company": "Company",
    "drafts.unbound": "not bound yet",
    "drafts.none_shown": "No drafts in this view: the others are another company's, or filed.",
    "drafts.view.count": "{shown} of {total} drafts",
    "drafts.view.company": "{company} only ({press})",
    "drafts.view.all": "all companies ({press})",
    "drafts.view.filed_hidden": "{n} filed hidden ({press})",
    "drafts.view.filed_shown": "filed shown ({press})",
    "drafts.col.progress": "Progress",
    "drafts.col.stage": "Filing",
    "drafts.col.documents": "Missing",
    "drafts.col.changed": "Last change",
    "drafts.unreadable": "unreadable: {code}",
    "drafts.stage.started": "sent, not confirmed",
    "drafts.stage.awaiting_payment": "not yet paid",
    "drafts.stage.submitted": "submitted",
    "drafts.stage.paid": "paid",
    "drafts.stage.done": "filed",
    "drafts.detail.unreadable": "This file cannot be opened:",
    "drafts.detail.unknown_form": "Form '{form}' is unknown to this version of ind-tui: update "
                                  "ind-tui to open this draft.",
    "drafts.detail.missing": "Documents still needed ({count}): {names}",
    "drafts.detail.no_missing": "No required document is missing.",
    "drafts.detail.reattach": "Attached on another computer, attach again here: {names}",
    "drafts.detail.stage": "Filing: {stage}",
    "drafts.detail.started": "A submission was sent; whether it arrived is not confirmed yet. "
                             "Open the draft to check with the portal (never twice).",
    "drafts.detail.receipt": "Filed as case {zaaknummer}; decision due by {deadline}.",
    "drafts.detail.created": "Started {when}",
    "drafts.detail.kvk": " · for {company}",
    "drafts.detail.filed": "Filed: it opens read-only; c copies it as a new application.",
    "drafts.cannot_open": "{name} cannot be opened; the panel below says why.",
    "drafts.key.rename": "Rename",
    "drafts.key.duplicate": "Copy",
    "drafts.key.delete": "Delete",
    "drafts.key.pack": "Pack",
    "drafts.key.unpack": "Unpack",
    "drafts.key.all": "All companies",
    "drafts.key.filed": "Filed",
    "drafts.key.new": "New application",
    "drafts.key.yes": "Yes",
    "drafts.key.no": "No",
    "drafts.key.other": "Other choice",
    "drafts.dialog.key": "{keys}: {label}",
    "drafts.rename.title": "Rename draft",
    "drafts.rename.prompt": "New name for {name} (the .tfa is added). Enter renames, Esc "
                            "cancels.",
    "drafts.renamed": "Renamed to {name}",
    "drafts.name_invalid": "Use letters, digits, spaces and _ . , ( ) + & ' - only, at most 100 "
                           "characters, and no folder.",
    "drafts.name_taken": "There is already a file called {name}: choose another name.",
    "drafts.duplicated": "Copied as a new application: {name}",
    "drafts.copy.title": "Copy as a new application",
    "drafts.copy.text": "Copy the person too ({employee}: name, date of birth, V-number and "
                        "their documents)? Usually a copy is for the next employee: without "
                        "the person, only the answers about the job and the company come "
                        "along. Filing keys and receipts never do.",
    "drafts.copy.nobody": "not filled in",
    "drafts.copy.with": "with the person",
    "drafts.copy.without": "without the person (Enter)",
    "drafts.copy.cancel": "cancel",
    "drafts.delete.title": "Delete draft?",
    "drafts.delete.text": "Delete {name}? This cannot be undone.",
    "drafts.delete.started": "A submission was started from this draft. Its file holds the key "
                             "that stops the portal from filing or charging twice: keep it "
                             "until the filing is finished.",
    "drafts.delete.documents_kept": "Its documents stay in the document store.",
    "drafts.delete.yes": "delete",
    "drafts.delete.no": "keep it",
    "drafts.deleted": "Deleted {name}",
    "drafts.pack.title": "Pack for a colleague",
    "drafts.pack.prompt": "One file with the draft and its documents, to send to a colleague "
                          "(who unpacks it with u). Where should it go? A folder is fine; the "
                          "name ends in {suffix}.",
    "drafts.packed.one": "Packed into {path} ({n} document)",
    "drafts.packed.other": "Packed into {path} ({n} documents)",
    "drafts.packed_missing": "Not on this computer, so not included: {slots}",
    "drafts.unpack.title": "Unpack a draft",
    "drafts.unpack.prompt": "The packed file a colleague sent you. Its draft goes into the "
                            "drafts folder, its documents into the document store.",
    "drafts.unpacked.one": "Unpacked {name} ({n} document)",
    "drafts.unpacked.other": "Unpacked {name} ({n} documents)",
    "drafts.unpacked_missing": "Attach these again, they were not in the pack: {slots}",
    "drafts.path_empty": "Type where the file should go.",
    "drafts.no_folder": "The folder {folder} does not exist.",
    "drafts.path_taken": "{path} exists already: choose another name.",
    "drafts.failed": "That did not work: {reason}",
    "drafts.no_wizard": "The application wizard is not part of this build; the draft is saved "
                        "as {path}.",
    "drafts.home.count": "{count} drafts",
    "drafts.home.one": "1 draft",
    "drafts.home.unpaid": "{count} not yet paid",
    "drafts.home.unreadable": "{count} unreadable",
    # --- ind-tui open ---------------------------------------------------------------------
    "drafts.open.unbound": "Not opened: the draft stays unbound. Open it again and answer yes "
                           "if it is for {company}, or log in for the client it is for.",
    "drafts.open.packed": "{path}: this is a packed draft; unpack it first with "
                          "`ind-tui drafts unpack`",
    "drafts.open.unknown_form": "{path}: form '{form}' is unknown to this version of ind-tui; "
                                "update ind-tui",
}
