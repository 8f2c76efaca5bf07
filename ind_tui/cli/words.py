"""The names the command line prints for the portal's codes, in the command's language: an
application type, a case status or decision, a message kind, as the screens name them
(their texts in the catalogues); a code this version has no words for is printed as sent."""

from __future__ import annotations

from ind_tui.i18n import catalogue, text


def named(prefix: str, code: str | None, lang: str) -> str:
    """The text `prefix.code` in `lang`; the code itself when there is none ("" for None)."""
    if code is None or code == "":
        return ""
    key = f"{prefix}.{code}"
    return text(key, lang) if key in catalogue(lang) else code


def type_name(type_id: str, lang: str) -> str:
    return named("cases.type", type_id, lang)


def status_name(status: str, decision: str | None, lang: str) -> str:
    """A case status, with its decision when there is one: "besloten (ingewilligd)"."""
    said = named("cases.status", status, lang)
    if not decision:
        return said
    return text("cases.with_decision", lang, status=said,
                decision=named("cases.decision", decision, lang))


def stage_name(stage: str, lang: str) -> str:
    """How far filing a draft got (the drafts screen's words; none there for not sent)."""
    return text("cli.drafts.not_sent", lang) if stage == "not_sent" else named(
        "drafts.stage", stage, lang)


def portal_name(portal: str | None, lang: str) -> str:
    """A profile's portal setting: a URL, or the embedded sandbox in words."""
    if not portal:
        return "-"
    return text("cli.status.embedded", lang) if portal == "embedded" else portal
