"""English guidance for the error codes of drafts, bundles and documents (`drafterror.<code>`).
Every key here exists in drafterrors_nl.py too."""

EN: dict[str, str] = {
    "drafterror.bundle_unreadable": (
        "The file is not a readable draft (it is damaged or not a zip file). Ask the sender to "
        "save and send the draft again."),
    "drafterror.bundle_too_large": (
        "The file is larger than a draft or pack can ever be and was not opened. Check that you "
        "picked the right file."),
    "drafterror.bundle_too_many_entries": (
        "The file holds far more parts than a draft has and was refused. Ask the sender to save "
        "and send the draft again."),
    "drafterror.bundle_entry_too_large": (
        "A part of the file is larger than allowed and was not unpacked. Ask the sender to save "
        "and send the draft again."),
    "drafterror.bundle_ratio_too_high": (
        "A part is suspiciously highly compressed (a possible zip bomb) and was not unpacked. Do "
        "not open this file again; ask for a fresh copy."),
    "drafterror.bundle_bad_name": (
        "The file holds a part with an invalid or dangerous name (for example a path outside the "
        "folder). Nothing was written. Ask for a fresh copy."),
    "drafterror.bundle_duplicate_name": (
        "The file holds two parts with the same name, so it is unclear which one counts. Nothing "
        "was written. Ask the sender to save and send the draft again."),
    "drafterror.bundle_symlink": (
        "The file holds a symbolic link; links are never followed. Nothing was written. Ask for a"
        " fresh copy."),
    "drafterror.bundle_unsupported_entry": (
        "The file uses encryption, a compression method or a kind of part that a draft never "
        "uses. Ask the sender to save and send the draft again."),
    "drafterror.bundle_overlapping_entries": (
        "Parts of the file overlap each other (a known zip bomb). The file was not unpacked. Do "
        "not open it again; ask for a fresh copy."),
    "drafterror.bundle_missing_entry": (
        "A required part is missing from the file. Ask the sender to save and send the draft "
        "again."),
    "drafterror.bundle_not_a_draft": (
        "This is not an ind-tui draft. A .tfa saved by the web portal itself cannot be opened by "
        "ind-tui: open it in the portal."),
    "drafterror.bundle_version_unsupported": (
        "This draft was made by a newer ind-tui in a format this version does not know. Update "
        "ind-tui and open the draft again."),
    "drafterror.bundle_invalid_json": (
        "A part of the draft is not valid JSON. Was the file edited by hand? Ask the sender to "
        "save and send the draft again."),
    "drafterror.bundle_invalid_manifest": (
        "The draft's description (manifest) is wrong: a field is missing or has an invalid value."
        " Ask the sender to save and send the draft again."),
    "drafterror.bundle_invalid_answers": (
        "The answers in the draft are invalid (wrong shape, nested too deeply or holding control "
        "characters). Ask the sender to save and send the draft again."),
    "drafterror.bundle_invalid_index": (
        "The draft's list of documents is invalid. Ask the sender to save and send the draft "
        "again."),
    "drafterror.bundle_bad_hash": (
        "A document reference in the file has no valid SHA-256 code (64 hexadecimal characters). "
        "Ask the sender to save and send the draft again."),
    "drafterror.pack_not_a_pack": (
        "This is not an ind-tui pack (a draft with its documents). A plain draft (.tfa) is opened"
        " with 'drafts check' or in the application."),
    "drafterror.pack_hash_mismatch": (
        "A document in the pack does not match its checksum: it is damaged or was changed. "
        "Nothing was stored. Ask for a fresh pack."),
    "drafterror.pack_unexpected_document": (
        "The pack holds a document the draft does not refer to, or one whose size differs from "
        "the listed size. Nothing was stored. Ask for a fresh pack."),
    "drafterror.draft_invalid": (
        "The draft cannot be saved because a field has an invalid value. This is a fault in ind-"
        "tui; please report it with the error code."),
    "drafterror.draft_too_large": (
        "The draft is too large to save (the answers are exceptionally long). Shorten long texts "
        "and save again."),
    "drafterror.draft_save_failed": (
        "The draft could not be saved (disk full, no write permission?). The previous version is "
        "unchanged. Free some space or pick another folder and try again."),
    "drafterror.store_write_failed": (
        "A document could not be kept in the document store (disk full, no write permission?). "
        "Free some space and attach the document again."),
    "drafterror.store_blob_corrupt": (
        "A stored document is damaged: its content no longer matches its checksum. Attach the "
        "document again from the original."),
    "drafterror.document_missing": (
        "A document of this draft is not on this computer (the draft probably comes from another "
        "computer). Attach the document again, or ask for a pack with documents."),
    "drafterror.document_not_pdf": (
        "The file is not a PDF (the content counts, not the name). The portal accepts PDF only: "
        "export or print the document to PDF."),
    "drafterror.document_too_large": (
        "The document is larger than the portal allows (8 MB by default). Make it smaller, for "
        "instance by scanning at a lower resolution, or split it into parts."),
    "drafterror.document_encrypted": (
        "The PDF is password protected or encrypted; the portal refuses those. Open it, remove "
        "the protection (or print it to PDF again) and attach it again."),
    "drafterror.document_no_pages": "The PDF has no pages. Check that you picked the right file.",
    "drafterror.document_unreadable": (
        "The PDF is damaged or too complex to read. Open it in a PDF reader and save it again (or"
        " print it to PDF), then attach it again."),
    "drafterror.document_check_timeout": (
        "Checking the PDF took too long and was stopped; the portal may refuse such a file too. "
        "Save it again as PDF (or print it to PDF) and try again."),
    "drafterror.document_has_javascript": (
        "Note: the PDF holds JavaScript. The document was accepted, but that is unusual for "
        "evidence; if in doubt, print it to PDF again."),
    "drafterror.document_has_embedded_files": (
        "Note: the PDF holds embedded files. The document was accepted, but the IND only looks at"
        " the pages; supply attachments as documents of their own."),
    "drafterror.draft_other_company": (
        "This draft is prepared for {draft}; you are logged in for {login}. Log in for that "
        "client (eHerkenning for KvK {draft_kvk}), or pick the profile you use for it "
        "(--profile). Nothing was sent."),
    "drafterror.draft_other_portal": (
        "This draft is for the portal {draft_portal}; you are connected to {login_portal}. "
        "Use the profile of that portal (--profile or --portal). Nothing was sent."),
    "drafterror.draft_unbound": (
        "This draft is from before drafts were bound to a company. Confirm that it is for "
        "{login} (answer yes, or pass --yes) to bind it once; nothing was sent."),
    "drafterror.draft_possible_duplicate": (
        "The same person may already have an application of this kind. Check the cases "
        "listed; file anyway only when it is not a duplicate (confirm, or --allow-duplicate)."),
    "drafterror.prefill_not_registered": (
        "No employee with this V-number is in the register of the company you act for. Check "
        "the number (ind-tui employees list), or register the employee first."),
    "drafterror.unknown": "Unknown error.",
}
