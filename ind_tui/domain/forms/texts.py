"""Bilingual texts of the form engine: the type every label and help uses, and the messages
the engine gives per issue code. Written for the sponsor's HR staff, in Dutch and English.

These stay beside the form definitions rather than in the `i18n` catalogues: the definitions
are versioned data documents whose version pins their wording, and the sandbox evaluates the
same forms and returns these messages while it may not import the client's texts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

LANGS = ("nl", "en")


@dataclass(frozen=True)
class Text:
    nl: str
    en: str

    def get(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en

    def format(self, **params: Any) -> Text:
        return Text(self.nl.format(**params), self.en.format(**params))

    @classmethod
    def parse(cls, raw: Any, where: str) -> Text:
        """A text from a definition: both languages, neither empty."""
        if not isinstance(raw, Mapping) or not all(
            isinstance(raw.get(lang), str) and raw[lang].strip() for lang in LANGS
        ):
            raise ValueError(f"{where}: needs non-empty 'nl' and 'en' texts")
        return cls(raw["nl"], raw["en"])


# One message per issue code. Parameters are filled in by the check that finds the issue.
MESSAGES: dict[str, Text] = {
    "required": Text("Vul dit in: het is verplicht.", "Please fill this in: it is required."),
    "invalid_type": Text("Dit antwoord heeft niet de juiste vorm.",
                         "This answer does not have the expected form."),
    "too_short": Text("Te kort: minstens {min} tekens.", "Too short: at least {min} characters."),
    "too_long": Text("Te lang: hoogstens {max} tekens.", "Too long: at most {max} characters."),
    "invalid_date": Text("Geen geldige datum. Gebruik jjjj-mm-dd, bijvoorbeeld 2026-03-31.",
                         "Not a valid date. Use yyyy-mm-dd, for example 2026-03-31."),
    "date_in_future": Text("Deze datum mag niet na vandaag ({today}) liggen.",
                           "This date may not be after today ({today})."),
    "date_in_past": Text("Deze datum mag niet voor vandaag ({today}) liggen.",
                         "This date may not be before today ({today})."),
    "invalid_choice": Text("Kies een van de aangeboden mogelijkheden.",
                           "Choose one of the options offered."),
    "invalid_yes_no": Text("Antwoord met ja of nee.", "Answer yes or no."),
    "invalid_number": Text("Vul een heel getal in.", "Enter a whole number."),
    "invalid_money": Text("Vul een bedrag in euro's in, bijvoorbeeld 5688 of 5688,50.",
                          "Enter an amount in euros, for example 5688 or 5688.50."),
    "too_small": Text("Dit is te laag: minstens {min}.", "This is too low: at least {min}."),
    "too_large": Text("Dit is te hoog: hoogstens {max}.", "This is too high: at most {max}."),
    "invalid_country": Text("Kies een land uit de lijst (drielettercode, bijvoorbeeld NLD).",
                            "Choose a country from the list (three-letter code, e.g. NLD)."),
    "invalid_v_number": Text("Een V-nummer bestaat uit precies 10 cijfers.",
                             "A V-number consists of exactly 10 digits."),
    "invalid_bsn": Text("Dit is geen geldig burgerservicenummer (9 cijfers, elfproef).",
                        "This is not a valid citizen service number (BSN, 9 digits)."),
    "invalid_postcode": Text("Een Nederlandse postcode is 4 cijfers en 2 letters, zoals 1234 AB.",
                             "A Dutch postcode is 4 digits and 2 letters, such as 1234 AB."),
    "invalid_email": Text("Dit is geen geldig e-mailadres.", "This is not a valid e-mail address."),
    "invalid_phone": Text("Vul een telefoonnummer in van 8 tot 15 cijfers, eventueel met +.",
                          "Enter a phone number of 8 to 15 digits, optionally with +."),
    # The reason is the field's own (`yes_reason` in its definition): what "no" means there
    # and why the application needs a yes.
    "must_be_yes": Text("Deze aanvraag kan alleen met ja worden ingediend. {reason}",
                        "This application can only be filed with a yes here. {reason}"),
    "date_order": Text("Deze datum moet na {other} liggen.", "This date must be after {other}."),
    "salary_below_threshold": Text(
        "Het brutomaandsalaris ({salary}) ligt onder het normbedrag van {year} voor {kind}: "
        "{threshold} euro per maand{provisional}, zonder 8% vakantiegeld.",
        "The gross monthly salary ({salary}) is below the {year} threshold for {kind}: "
        "EUR {threshold} a month{provisional}, excluding the 8% holiday allowance."),
    "threshold_provisional": Text(
        "Het normbedrag van {year} voor {kind} is nog niet gepubliceerd. Het salaris is "
        "getoetst aan het voorlopige bedrag van {threshold} euro per maand; toets opnieuw zodra "
        "de IND het bedrag publiceert.",
        "The {year} threshold for {kind} is not published yet. The salary was checked against "
        "the provisional figure of EUR {threshold} a month; check again once the IND publishes "
        "it."),
    "experience_not_yet": Text(
        "Werkervaring telt pas vanaf {since} in plaats van een diploma; daarvoor was een "
        "diploma hoger onderwijs nodig.",
        "Work experience counts instead of a degree only from {since}; before then a "
        "higher-education degree was required."),
    "experience_too_short": Text(
        "{years} jaar relevante werkervaring is te weinig: zonder diploma is minstens {needed} "
        "jaar nodig (3 jaar voor managers en specialisten in informatie- en "
        "communicatietechnologie, anders 5).",
        "{years} years of relevant professional experience is not enough: without a degree at "
        "least {needed} years are needed (3 for managers and specialists in information and "
        "communication technology, 5 otherwise)."),
    "contract_length_mismatch": Text(
        "De duur van het contract ({months} maanden) en de einddatum ({end}) spreken elkaar "
        "tegen: een contract van {months} maanden vanaf {start} eindigt rond {expected}. Pas een "
        "van beide aan.",
        "The contract length ({months} months) and the end date ({end}) disagree: a contract "
        "of {months} months from {start} ends around {expected}. Correct one of them."),
    "extension_too_early": Text(
        "Een verlenging kan pas vanaf {opens} worden ingediend: hoogstens 3 maanden voor de "
        "einddatum van de huidige verblijfsvergunning.",
        "An extension can be filed from {opens} onwards: at most 3 months before the current "
        "permit expires."),
    "permit_expired": Text(
        "De verblijfsvergunning is al verlopen; verlengen kan dan niet meer. Dien een eerste "
        "aanvraag in.",
        "The residence permit has already expired, so it can no longer be extended. File a "
        "first application instead."),
    "document_too_old": Text(
        "Dit document is van {date} en daarmee ouder dan {months} maanden. Vraag een nieuw "
        "exemplaar aan (uiterlijk van {oldest}).",
        "This document dates from {date}, more than {months} months ago. Obtain a new one "
        "(dated {oldest} or later)."),
    "too_long_ago": Text("Deze datum ligt meer dan {months} maanden terug (voor {oldest}).",
                         "This date is more than {months} months ago (before {oldest})."),
    "report_late": Text(
        "De termijn om dit te melden ({days} dagen) is verstreken op {deadline}. Meld het alsnog "
        "zo snel mogelijk.",
        "The period for reporting this ({days} days) ended on {deadline}. Report it now, as "
        "soon as possible."),
    "document_required": Text("Voeg dit document toe (PDF, hoogstens 8 MB).",
                              "Attach this document (PDF, at most 8 MB)."),
    "document_not_uploadable": Text(
        "De fotokaart kan niet worden geüpload; zie de toelichting.",
        "The photo card cannot be uploaded; see the explanation."),
    "document_unknown": Text(
        "Deze aanvraag vraagt niet om dit document; het wordt niet meegestuurd.",
        "This application does not ask for this document; it is not sent."),
}

PROVISIONAL = Text(" (voorlopig: nog niet gepubliceerd)", " (provisional: not published yet)")

THRESHOLD_NAMES: dict[str, Text] = {
    "hsm_30_plus": Text("kennismigranten van 30 jaar en ouder",
                        "highly skilled migrants aged 30 or over"),
    "hsm_under_30": Text("kennismigranten jonger dan 30 jaar",
                         "highly skilled migrants under 30"),
    "hsm_reduced": Text("het verlaagde criterium (afgestudeerden)",
                        "the reduced criterion (recent graduates)"),
    "blue_card": Text("de Europese blauwe kaart", "the EU Blue Card"),
    "blue_card_reduced": Text("de Europese blauwe kaart, verlaagd criterium (afgestudeerden)",
                              "the EU Blue Card, reduced criterion (recent graduates)"),
}


def message(code: str, **params: Any) -> Text:
    """The message for `code`; parameters may themselves be bilingual texts."""
    template = MESSAGES[code]
    nl = {k: (v.nl if isinstance(v, Text) else v) for k, v in params.items()}
    en = {k: (v.en if isinstance(v, Text) else v) for k, v in params.items()}
    return Text(template.nl.format(**nl), template.en.format(**en))
