"""Typed errors of the drafts package, each with a stable code and guidance in nl and en.

The codes are part of the contract (the CLI prints them, the TUI maps them to help text,
support asks for them): never rename one. Guidance says what happened and what to do.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

Lang = Literal["nl", "en"]


class Code(StrEnum):
    # the bundle (.tfa) or packed file as a container
    BUNDLE_UNREADABLE = "bundle_unreadable"
    BUNDLE_TOO_LARGE = "bundle_too_large"
    BUNDLE_TOO_MANY_ENTRIES = "bundle_too_many_entries"
    BUNDLE_ENTRY_TOO_LARGE = "bundle_entry_too_large"
    BUNDLE_RATIO_TOO_HIGH = "bundle_ratio_too_high"
    BUNDLE_BAD_NAME = "bundle_bad_name"
    BUNDLE_DUPLICATE_NAME = "bundle_duplicate_name"
    BUNDLE_SYMLINK = "bundle_symlink"
    BUNDLE_UNSUPPORTED_ENTRY = "bundle_unsupported_entry"
    BUNDLE_OVERLAPPING_ENTRIES = "bundle_overlapping_entries"
    BUNDLE_MISSING_ENTRY = "bundle_missing_entry"
    # the contents
    BUNDLE_NOT_A_DRAFT = "bundle_not_a_draft"
    BUNDLE_VERSION_UNSUPPORTED = "bundle_version_unsupported"
    BUNDLE_INVALID_JSON = "bundle_invalid_json"
    BUNDLE_INVALID_MANIFEST = "bundle_invalid_manifest"
    BUNDLE_INVALID_ANSWERS = "bundle_invalid_answers"
    BUNDLE_INVALID_INDEX = "bundle_invalid_index"
    BUNDLE_BAD_HASH = "bundle_bad_hash"
    # packed files
    PACK_NOT_A_PACK = "pack_not_a_pack"
    PACK_HASH_MISMATCH = "pack_hash_mismatch"
    PACK_UNEXPECTED_DOCUMENT = "pack_unexpected_document"
    # saving and the document store
    DRAFT_INVALID = "draft_invalid"
    DRAFT_TOO_LARGE = "draft_too_large"
    DRAFT_SAVE_FAILED = "draft_save_failed"
    STORE_WRITE_FAILED = "store_write_failed"
    STORE_BLOB_CORRUPT = "store_blob_corrupt"
    DOCUMENT_MISSING = "document_missing"
    # document checks (refusals)
    DOCUMENT_NOT_PDF = "document_not_pdf"
    DOCUMENT_TOO_LARGE = "document_too_large"
    DOCUMENT_ENCRYPTED = "document_encrypted"
    DOCUMENT_NO_PAGES = "document_no_pages"
    DOCUMENT_UNREADABLE = "document_unreadable"
    DOCUMENT_CHECK_TIMEOUT = "document_check_timeout"
    # document checks (warnings: the document is accepted)
    DOCUMENT_HAS_JAVASCRIPT = "document_has_javascript"
    DOCUMENT_HAS_EMBEDDED_FILES = "document_has_embedded_files"


_BROKEN_NL = "Vraag de afzender om het concept opnieuw op te slaan en te sturen."
_BROKEN_EN = "Ask the sender to save and send the draft again."

GUIDANCE: dict[str, tuple[str, str]] = {
    Code.BUNDLE_UNREADABLE: (
        "Het bestand is geen leesbaar concept (het is beschadigd of geen zip-bestand). "
        + _BROKEN_NL,
        "The file is not a readable draft (it is damaged or not a zip file). " + _BROKEN_EN,
    ),
    Code.BUNDLE_TOO_LARGE: (
        "Het bestand is groter dan een concept of pakket ooit mag zijn en is niet geopend. "
        "Controleer of u het juiste bestand kiest.",
        "The file is larger than a draft or pack can ever be and was not opened. "
        "Check that you picked the right file.",
    ),
    Code.BUNDLE_TOO_MANY_ENTRIES: (
        "Het bestand bevat veel meer onderdelen dan een concept heeft en is geweigerd. "
        + _BROKEN_NL,
        "The file holds far more parts than a draft has and was refused. " + _BROKEN_EN,
    ),
    Code.BUNDLE_ENTRY_TOO_LARGE: (
        "Een onderdeel van het bestand is groter dan toegestaan en is niet uitgepakt. "
        + _BROKEN_NL,
        "A part of the file is larger than allowed and was not unpacked. " + _BROKEN_EN,
    ),
    Code.BUNDLE_RATIO_TOO_HIGH: (
        "Een onderdeel is verdacht sterk gecomprimeerd (een mogelijke zip-bom) en is niet "
        "uitgepakt. Open dit bestand niet opnieuw; vraag om een nieuw exemplaar.",
        "A part is suspiciously highly compressed (a possible zip bomb) and was not unpacked. "
        "Do not open this file again; ask for a fresh copy.",
    ),
    Code.BUNDLE_BAD_NAME: (
        "Het bestand bevat een onderdeel met een ongeldige of gevaarlijke naam (bijvoorbeeld "
        "een pad buiten de map). Er is niets geschreven. Vraag om een nieuw exemplaar.",
        "The file holds a part with an invalid or dangerous name (for example a path outside "
        "the folder). Nothing was written. Ask for a fresh copy.",
    ),
    Code.BUNDLE_DUPLICATE_NAME: (
        "Het bestand bevat twee onderdelen met dezelfde naam, dus het is onduidelijk welke "
        "geldt. Er is niets geschreven. " + _BROKEN_NL,
        "The file holds two parts with the same name, so it is unclear which one counts. "
        "Nothing was written. " + _BROKEN_EN,
    ),
    Code.BUNDLE_SYMLINK: (
        "Het bestand bevat een snelkoppeling (symlink); die worden nooit gevolgd. Er is niets "
        "geschreven. Vraag om een nieuw exemplaar.",
        "The file holds a symbolic link; links are never followed. Nothing was written. "
        "Ask for a fresh copy.",
    ),
    Code.BUNDLE_UNSUPPORTED_ENTRY: (
        "Het bestand gebruikt versleuteling, een compressiemethode of een soort onderdeel "
        "die een concept nooit gebruikt. " + _BROKEN_NL,
        "The file uses encryption, a compression method or a kind of part that a draft never "
        "uses. " + _BROKEN_EN,
    ),
    Code.BUNDLE_OVERLAPPING_ENTRIES: (
        "Onderdelen van het bestand overlappen elkaar (een bekende zip-bom). Het bestand is "
        "niet uitgepakt. Open het niet opnieuw; vraag om een nieuw exemplaar.",
        "Parts of the file overlap each other (a known zip bomb). The file was not unpacked. "
        "Do not open it again; ask for a fresh copy.",
    ),
    Code.BUNDLE_MISSING_ENTRY: (
        "Een verplicht onderdeel ontbreekt in het bestand. " + _BROKEN_NL,
        "A required part is missing from the file. " + _BROKEN_EN,
    ),
    Code.BUNDLE_NOT_A_DRAFT: (
        "Dit is geen concept van ind-tui. Een .tfa van het webportaal zelf kan ind-tui niet "
        "openen: open die in het portaal.",
        "This is not an ind-tui draft. A .tfa saved by the web portal itself cannot be opened "
        "by ind-tui: open it in the portal.",
    ),
    Code.BUNDLE_VERSION_UNSUPPORTED: (
        "Dit concept is gemaakt met een nieuwere versie van ind-tui in een opmaak die deze "
        "versie niet kent. Werk ind-tui bij en open het concept opnieuw.",
        "This draft was made by a newer ind-tui in a format this version does not know. "
        "Update ind-tui and open the draft again.",
    ),
    Code.BUNDLE_INVALID_JSON: (
        "Een onderdeel van het concept is geen geldige JSON. Is het bestand met de hand "
        "bewerkt? " + _BROKEN_NL,
        "A part of the draft is not valid JSON. Was the file edited by hand? " + _BROKEN_EN,
    ),
    Code.BUNDLE_INVALID_MANIFEST: (
        "De beschrijving (manifest) van het concept klopt niet: een veld ontbreekt of heeft "
        "een ongeldige waarde. " + _BROKEN_NL,
        "The draft's description (manifest) is wrong: a field is missing or has an invalid "
        "value. " + _BROKEN_EN,
    ),
    Code.BUNDLE_INVALID_ANSWERS: (
        "De antwoorden in het concept zijn ongeldig (verkeerde vorm, te diep genest of met "
        "stuurtekens). " + _BROKEN_NL,
        "The answers in the draft are invalid (wrong shape, nested too deeply or holding "
        "control characters). " + _BROKEN_EN,
    ),
    Code.BUNDLE_INVALID_INDEX: (
        "De lijst met documenten in het concept is ongeldig. " + _BROKEN_NL,
        "The draft's list of documents is invalid. " + _BROKEN_EN,
    ),
    Code.BUNDLE_BAD_HASH: (
        "Een documentverwijzing in het bestand heeft geen geldige SHA-256-code (64 "
        "hexadecimale tekens). " + _BROKEN_NL,
        "A document reference in the file has no valid SHA-256 code (64 hexadecimal "
        "characters). " + _BROKEN_EN,
    ),
    Code.PACK_NOT_A_PACK: (
        "Dit is geen pakket (concept met documenten) van ind-tui. Een los concept (.tfa) opent "
        "u met 'drafts check' of in de applicatie.",
        "This is not an ind-tui pack (a draft with its documents). A plain draft (.tfa) is "
        "opened with 'drafts check' or in the application.",
    ),
    Code.PACK_HASH_MISMATCH: (
        "Een document in het pakket komt niet overeen met zijn controlecode: het is "
        "beschadigd of gewijzigd. Er is niets opgeslagen. Vraag om een nieuw pakket.",
        "A document in the pack does not match its checksum: it is damaged or was changed. "
        "Nothing was stored. Ask for a fresh pack.",
    ),
    Code.PACK_UNEXPECTED_DOCUMENT: (
        "Het pakket bevat een document waarnaar het concept niet verwijst, of een document met "
        "een andere grootte dan vermeld. Er is niets opgeslagen. Vraag om een nieuw pakket.",
        "The pack holds a document the draft does not refer to, or one whose size differs "
        "from the listed size. Nothing was stored. Ask for a fresh pack.",
    ),
    Code.DRAFT_INVALID: (
        "Het concept kan niet worden opgeslagen omdat een veld een ongeldige waarde heeft. "
        "Dit is een fout in ind-tui; meld het met de foutcode.",
        "The draft cannot be saved because a field has an invalid value. This is a fault in "
        "ind-tui; please report it with the error code.",
    ),
    Code.DRAFT_TOO_LARGE: (
        "Het concept wordt te groot om op te slaan (de antwoorden zijn uitzonderlijk lang). "
        "Kort lange teksten in en sla opnieuw op.",
        "The draft is too large to save (the answers are exceptionally long). Shorten long "
        "texts and save again.",
    ),
    Code.DRAFT_SAVE_FAILED: (
        "Het concept kon niet worden opgeslagen (schijf vol, geen schrijfrechten?). De vorige "
        "versie is ongewijzigd. Maak ruimte of kies een andere map en probeer opnieuw.",
        "The draft could not be saved (disk full, no write permission?). The previous version "
        "is unchanged. Free some space or pick another folder and try again.",
    ),
    Code.STORE_WRITE_FAILED: (
        "Een document kon niet in de documentenopslag worden bewaard (schijf vol, geen "
        "schrijfrechten?). Maak ruimte en voeg het document opnieuw toe.",
        "A document could not be kept in the document store (disk full, no write "
        "permission?). Free some space and attach the document again.",
    ),
    Code.STORE_BLOB_CORRUPT: (
        "Een opgeslagen document is beschadigd: de inhoud past niet meer bij de controlecode. "
        "Voeg het document opnieuw toe vanaf het origineel.",
        "A stored document is damaged: its content no longer matches its checksum. Attach the "
        "document again from the original.",
    ),
    Code.DOCUMENT_MISSING: (
        "Een document van dit concept staat niet op deze computer (het concept komt "
        "waarschijnlijk van een andere computer). Voeg het document opnieuw toe, of vraag om "
        "een pakket met documenten.",
        "A document of this draft is not on this computer (the draft probably comes from "
        "another computer). Attach the document again, or ask for a pack with documents.",
    ),
    Code.DOCUMENT_NOT_PDF: (
        "Het bestand is geen PDF (de inhoud telt, niet de naam). Het portaal neemt alleen PDF "
        "aan: exporteer of print het document als PDF.",
        "The file is not a PDF (the content counts, not the name). The portal accepts PDF only: "
        "export or print the document to PDF.",
    ),
    Code.DOCUMENT_TOO_LARGE: (
        "Het document is groter dan het portaal toestaat (standaard 8 MB). Verklein het, "
        "bijvoorbeeld door in lagere resolutie te scannen, of splits het in delen.",
        "The document is larger than the portal allows (8 MB by default). Make it smaller, "
        "for instance by scanning at a lower resolution, or split it into parts.",
    ),
    Code.DOCUMENT_ENCRYPTED: (
        "De PDF is beveiligd met een wachtwoord of versleuteld; het portaal weigert die. Open "
        "hem, verwijder de beveiliging (of print opnieuw naar PDF) en voeg hem opnieuw toe.",
        "The PDF is password protected or encrypted; the portal refuses those. Open it, remove "
        "the protection (or print it to PDF again) and attach it again.",
    ),
    Code.DOCUMENT_NO_PAGES: (
        "De PDF heeft geen pagina's. Controleer of u het juiste bestand kiest.",
        "The PDF has no pages. Check that you picked the right file.",
    ),
    Code.DOCUMENT_UNREADABLE: (
        "De PDF is beschadigd of te ingewikkeld om te lezen. Open hem in een PDF-lezer en sla "
        "hem opnieuw op (of print naar PDF), en voeg hem dan opnieuw toe.",
        "The PDF is damaged or too complex to read. Open it in a PDF reader and save it again "
        "(or print it to PDF), then attach it again.",
    ),
    Code.DOCUMENT_CHECK_TIMEOUT: (
        "Het controleren van de PDF duurde te lang en is afgebroken; zo'n bestand kan het "
        "portaal ook weigeren. Sla hem opnieuw op als PDF (of print naar PDF) en probeer "
        "opnieuw.",
        "Checking the PDF took too long and was stopped; the portal may refuse such a file "
        "too. Save it again as PDF (or print it to PDF) and try again.",
    ),
    Code.DOCUMENT_HAS_JAVASCRIPT: (
        "Let op: de PDF bevat JavaScript. Het document is aangenomen, maar dat is ongebruikelijk "
        "voor een bewijsstuk; print het bij twijfel opnieuw naar PDF.",
        "Note: the PDF holds JavaScript. The document was accepted, but that is unusual for "
        "evidence; if in doubt, print it to PDF again.",
    ),
    Code.DOCUMENT_HAS_EMBEDDED_FILES: (
        "Let op: de PDF bevat ingesloten bestanden. Het document is aangenomen, maar de IND "
        "bekijkt alleen de pagina's; lever bijlagen als eigen document aan.",
        "Note: the PDF holds embedded files. The document was accepted, but the IND only looks "
        "at the pages; supply attachments as documents of their own.",
    ),
}


def guidance(code: str, lang: Lang = "en") -> str:
    """Guidance for a code in the given language; unknown codes get a generic line."""
    texts = GUIDANCE.get(code)
    if texts is None:
        return "Onbekende fout." if lang == "nl" else "Unknown error."
    return texts[0] if lang == "nl" else texts[1]


class DraftError(Exception):
    """Base of every error this package raises on purpose.

    `code` is stable, `detail` is a short technical fact (an entry name, a version) for
    support; neither ever holds document contents.
    """

    def __init__(self, code: Code, detail: str = "") -> None:
        self.code = code
        self.detail = detail
        super().__init__(f"{code.value}: {detail}" if detail else code.value)

    def guidance(self, lang: Lang = "en") -> str:
        return guidance(self.code, lang)

    def one_line(self, lang: Lang = "en") -> str:
        """Code, detail and guidance on a single line (CLI stderr, logs)."""
        head = f"{self.code.value} ({self.detail})" if self.detail else self.code.value
        return f"{head}: {self.guidance(lang)}".replace("\n", " ")


class BundleRefused(DraftError):
    """A .tfa or packed file was refused: damaged, hostile or from an unknown version."""


class DocumentRefused(DraftError):
    """A document failed its check (not a PDF, too large, encrypted, ...)."""


class DraftSaveError(DraftError):
    """Saving a draft or storing a document failed; the previous state is intact."""
