"""The draft as data: what a .tfa holds, and its validation (docs/tfa-format.md).

`Draft` is the object the wizard edits. The pydantic models are the on-disk shapes; they
validate everything read from a file, and everything before it is written, so ind-tui never
writes a bundle it would refuse to read.
"""

from __future__ import annotations

import json
import re
import unicodedata
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)

from ind_tui import __version__
from ind_tui.local.drafts.errors import BundleRefused, Code

FORMAT_NAME = "ind-tui-draft"
FORMAT_VERSION = (1, 2)
MANIFEST = "manifest.json"
ANSWERS = "answers.json"
DOCUMENTS = "documents.json"

MAX_SLOTS = 200
MAX_ANSWER_DEPTH = 32
SHA256_RE = re.compile(r"^[0-9a-fA-F]{64}$")
SLOT_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_VERSION_RE = re.compile(r"^(\d{1,4})\.(\d{1,4})$")
_KEY_PATTERN = r"^[A-Za-z0-9_-]{8,128}$"
# Identifiers the portal hands out (application, document, payment reference, zaaknummer).
_PORTAL_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$"
# C0 controls except tab/newline/CR, DEL, C1 controls and bidi overrides: harmless in data,
# dangerous on a terminal (escape sequences) or misleading on screen.
_BAD_IN_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def utcnow() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def new_draft_id() -> str:
    return uuid.uuid4().hex


def _printable(value: str) -> str:
    """Single-line display text: no control or format characters at all."""
    if any(unicodedata.category(ch).startswith("C") for ch in value):
        raise ValueError("control or format character")
    return value


Printable = Annotated[str, AfterValidator(_printable)]


def _sha256(value: str) -> str:
    if not SHA256_RE.match(value):
        raise ValueError("not 64 hexadecimal characters")
    return value.lower()


Sha256 = Annotated[str, AfterValidator(_sha256)]


class DocumentRef(BaseModel):
    """One attached document: a reference into the store plus what its check found."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    sha256: Sha256
    name: Printable = Field(min_length=1, max_length=255)
    size: int = Field(ge=1, le=1 << 40)
    pages: int = Field(ge=1, le=1_000_000)
    checked_at: AwareDatetime


PortalId = Annotated[str, Field(pattern=_PORTAL_ID_PATTERN)]


def _date_text(value: Any) -> Any:
    # Only "YYYY-MM-DD" (or a date): pydantic would also read a number as a Unix time.
    if not isinstance(value, str | date):
        raise ValueError("expected a date as YYYY-MM-DD")
    return value


IsoDate = Annotated[date, BeforeValidator(_date_text)]


class FilingStage(StrEnum):
    """How far filing got: what the portal is known to have of this draft."""

    NOT_SENT = "not_sent"  # nothing confirmed (with an idempotency key: maybe sent)
    SUBMITTED = "submitted"  # the portal has the application; it awaits payment
    PAID = "paid"  # paid for certain; the receipt is not known yet
    DONE = "done"  # the receipt is known


class FilingReceipt(BaseModel):
    """The receipt (ontvangstbevestiging) the portal gave, with the payment it took."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    zaaknummer: str = Field(pattern=r"^[A-Za-z0-9-]{1,40}$")
    receipt_date: IsoDate
    decision_deadline: IsoDate
    payment_reference: PortalId | None = None  # None: a free application
    paid_at: AwareDatetime | None = None


class _Manifest(BaseModel):
    # Unknown fields from a newer minor version are kept and written back unchanged.
    model_config = ConfigDict(extra="allow")

    format: str
    format_version: str
    draft_id: str = Field(pattern=r"^[A-Za-z0-9-]{1,64}$")
    form_id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
    form_version: int = Field(ge=1, le=1_000_000)
    profile: Printable = Field(min_length=1, max_length=64)
    kvk: str | None = Field(default=None, pattern=r"^\d{8}$")
    # 1.2: the company and portal the draft is prepared for (with `kvk`: its binding)
    sponsor_name: Printable | None = Field(default=None, max_length=200)
    portal: Printable | None = Field(default=None, max_length=300)
    prefilled: dict[str, Printable] = Field(default_factory=dict, max_length=MAX_SLOTS)
    created_at: AwareDatetime
    updated_at: AwareDatetime
    app_version: Printable = Field(max_length=64)
    idempotency_key: str | None = Field(default=None, pattern=_KEY_PATTERN)
    # 1.1: filing state
    uploads: dict[Sha256, PortalId] = Field(default_factory=dict, max_length=MAX_SLOTS)
    stage: FilingStage = FilingStage.NOT_SENT
    application_id: PortalId | None = None
    fee_eur: int | None = Field(default=None, ge=0, le=1_000_000)
    payment_key: str | None = Field(default=None, pattern=_KEY_PATTERN)
    payment_method: str | None = Field(default=None, pattern=r"^[a-z][a-z_]{0,31}$")
    receipt: FilingReceipt | None = None

    @model_validator(mode="after")
    def _filing_consistent(self) -> _Manifest:
        # A draft that claims more than it holds would resume wrongly: refuse it whole.
        if self.stage is not FilingStage.NOT_SENT and (
            self.application_id is None or self.fee_eur is None or self.idempotency_key is None
        ):
            raise ValueError(f"stage {self.stage.value} without application, fee and key")
        if (self.stage is FilingStage.DONE) != (self.receipt is not None):
            raise ValueError("a receipt belongs to stage done, and only to it")
        paid = self.stage in (FilingStage.PAID, FilingStage.DONE) and bool(self.fee_eur)
        if paid and self.payment_key is None:
            raise ValueError(f"stage {self.stage.value} without a payment key")
        if paid and self.receipt is not None and self.receipt.payment_reference is None:
            raise ValueError("a paid receipt without its payment reference")
        return self


class _Index(BaseModel):
    model_config = ConfigDict(extra="ignore")

    slots: dict[str, Any] = Field(default_factory=dict)


@dataclass
class Draft:
    """A form in progress. `documents` maps a slot id of the form to a stored document."""

    form_id: str
    form_version: int
    answers: dict[str, Any] = field(default_factory=dict)
    documents: dict[str, DocumentRef] = field(default_factory=dict)
    profile: str = "default"
    kvk: str | None = None  # the company acted for: with `portal`, the draft's binding
    sponsor_name: str | None = None
    portal: str | None = None  # the profile's portal setting ("embedded" or a base URL)
    # field id -> where its answer came from ("register", "case:<zaaknummer>"), until edited
    prefilled: dict[str, str] = field(default_factory=dict)
    idempotency_key: str | None = None
    draft_id: str = field(default_factory=new_draft_id)
    created_at: datetime = field(default_factory=utcnow)
    updated_at: datetime = field(default_factory=utcnow)
    app_version: str = __version__
    # The version the file was read in (a newer minor is readable), and manifest fields
    # this version does not know, carried over on save.
    format_version: tuple[int, int] = FORMAT_VERSION
    extra_manifest: dict[str, Any] = field(default_factory=dict)
    # Filing (format 1.1; see drafts/filing.py): each item is saved before the next step.
    uploads: dict[str, str] = field(default_factory=dict)  # sha256 -> portal document id
    stage: FilingStage = FilingStage.NOT_SENT
    application_id: str | None = None
    fee_eur: int | None = None  # the fee the portal set for this application
    payment_key: str | None = None  # the payment's Idempotency-Key
    payment_method: str | None = None  # the method sent with that key (it must not change)
    receipt: FilingReceipt | None = None


# --- reading ------------------------------------------------------------------------------


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key {key[:40]!r}")
        result[key] = value
    return result


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def parse_json(data: bytes, what: str) -> dict[str, Any]:
    """Strict JSON object: UTF-8, no duplicate keys, no NaN/Infinity."""
    try:
        value = json.loads(
            data.decode("utf-8"),
            object_pairs_hook=_no_duplicate_keys,
            parse_constant=_no_constant,
        )
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError
        raise BundleRefused(Code.BUNDLE_INVALID_JSON, f"{what}: {type(exc).__name__}") from None
    if not isinstance(value, dict):
        raise BundleRefused(Code.BUNDLE_INVALID_JSON, f"{what}: not an object")
    return value


def parse_version(value: object) -> tuple[int, int]:
    match = _VERSION_RE.match(value) if isinstance(value, str) else None
    if match is None:
        raise BundleRefused(Code.BUNDLE_INVALID_MANIFEST, "format_version is not MAJOR.MINOR")
    return int(match.group(1)), int(match.group(2))


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err["loc"])
    return f"{where}: {err['msg']}"[:200]


def check_answers(value: Any, depth: int = 0) -> None:
    """Answers are plain JSON, bounded in depth, with no terminal control characters."""
    if depth > MAX_ANSWER_DEPTH:
        raise BundleRefused(Code.BUNDLE_INVALID_ANSWERS, "nested too deeply")
    if isinstance(value, str):
        if _BAD_IN_TEXT.search(value):
            raise BundleRefused(Code.BUNDLE_INVALID_ANSWERS, "control character in a text")
    elif isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise BundleRefused(Code.BUNDLE_INVALID_ANSWERS, "key is not a text")
            check_answers(key, depth + 1)
            check_answers(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            check_answers(item, depth + 1)
    elif value is not None and not isinstance(value, bool | int | float):
        raise BundleRefused(Code.BUNDLE_INVALID_ANSWERS, f"{type(value).__name__} is not JSON")


def parse_index(raw: dict[str, Any]) -> dict[str, DocumentRef]:
    try:
        slots = _Index.model_validate(raw).slots
    except ValidationError as exc:
        raise BundleRefused(Code.BUNDLE_INVALID_INDEX, _first_error(exc)) from None
    if len(slots) > MAX_SLOTS:
        raise BundleRefused(Code.BUNDLE_INVALID_INDEX, f"{len(slots)} slots")
    refs: dict[str, DocumentRef] = {}
    for slot, entry in slots.items():
        if not SLOT_RE.match(slot):
            raise BundleRefused(Code.BUNDLE_INVALID_INDEX, f"slot name {slot[:40]!r}")
        sha = entry.get("sha256") if isinstance(entry, dict) else None
        if not isinstance(sha, str) or not SHA256_RE.match(sha):
            raise BundleRefused(Code.BUNDLE_BAD_HASH, f"slot {slot}")
        try:
            refs[slot] = DocumentRef.model_validate(entry)
        except ValidationError as exc:
            raise BundleRefused(Code.BUNDLE_INVALID_INDEX, _first_error(exc)) from None
    return refs


def draft_from_parts(
    manifest: dict[str, Any], answers: dict[str, Any], index: dict[str, Any]
) -> Draft:
    if manifest.get("format") != FORMAT_NAME:
        raise BundleRefused(Code.BUNDLE_NOT_A_DRAFT, "manifest format is not " + FORMAT_NAME)
    version = parse_version(manifest.get("format_version"))
    if version[0] != FORMAT_VERSION[0]:
        # Only the major version breaks readers; a newer minor only adds what we may ignore.
        raise BundleRefused(
            Code.BUNDLE_VERSION_UNSUPPORTED,
            f"format {version[0]}.{version[1]}, this ind-tui reads {FORMAT_VERSION[0]}.x",
        )
    try:
        m = _Manifest.model_validate(manifest)
    except ValidationError as exc:
        raise BundleRefused(Code.BUNDLE_INVALID_MANIFEST, _first_error(exc)) from None
    check_answers(answers)
    return Draft(
        form_id=m.form_id,
        form_version=m.form_version,
        answers=answers,
        documents=parse_index(index),
        profile=m.profile,
        kvk=m.kvk,
        sponsor_name=m.sponsor_name,
        portal=m.portal,
        prefilled=dict(m.prefilled),
        idempotency_key=m.idempotency_key,
        draft_id=m.draft_id,
        created_at=m.created_at,
        updated_at=m.updated_at,
        app_version=m.app_version,
        format_version=version,
        extra_manifest=dict(m.model_extra or {}),
        uploads=dict(m.uploads),
        stage=m.stage,
        application_id=m.application_id,
        fee_eur=m.fee_eur,
        payment_key=m.payment_key,
        payment_method=m.payment_method,
        receipt=m.receipt,
    )


# --- writing ------------------------------------------------------------------------------


def _iso(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.isoformat().replace("+00:00", "Z")


def _dump(value: dict[str, Any]) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1, allow_nan=False).encode(
        "utf-8"
    )


def draft_to_parts(draft: Draft) -> dict[str, bytes]:
    """The three entries of a bundle, serialised; raises ValueError/TypeError if not JSON."""
    manifest: dict[str, Any] = dict(draft.extra_manifest)
    manifest.update(
        format=FORMAT_NAME,
        format_version=f"{FORMAT_VERSION[0]}.{FORMAT_VERSION[1]}",
        draft_id=draft.draft_id,
        form_id=draft.form_id,
        form_version=draft.form_version,
        profile=draft.profile,
        kvk=draft.kvk,
        sponsor_name=draft.sponsor_name,
        portal=draft.portal,
        prefilled=dict(sorted(draft.prefilled.items())),
        created_at=_iso(draft.created_at),
        updated_at=_iso(draft.updated_at),
        app_version=draft.app_version,
        idempotency_key=draft.idempotency_key,
        uploads=dict(sorted(draft.uploads.items())),
        stage=FilingStage(draft.stage).value,
        application_id=draft.application_id,
        fee_eur=draft.fee_eur,
        payment_key=draft.payment_key,
        payment_method=draft.payment_method,
        receipt=draft.receipt.model_dump(mode="json") if draft.receipt is not None else None,
    )
    slots = {
        slot: {
            "sha256": ref.sha256,
            "name": ref.name,
            "size": ref.size,
            "pages": ref.pages,
            "checked_at": _iso(ref.checked_at),
        }
        for slot, ref in draft.documents.items()
    }
    return {
        MANIFEST: _dump(manifest),
        ANSWERS: _dump(draft.answers),
        DOCUMENTS: _dump({"slots": slots}),
    }
