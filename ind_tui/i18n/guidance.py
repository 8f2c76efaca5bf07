"""Short explanations and next steps for every error code, in Dutch and English.

One entry per ErrorCode and ClientCode (a test checks that none is missing). Each entry:
title, what happened, what to do — first Dutch, then English.
"""

from __future__ import annotations

from dataclasses import dataclass

from ind_tui.i18n.guidance_client import CLIENT_TEXTS, REPORT_EN, REPORT_NL, Entry


@dataclass(frozen=True)
class Guidance:
    """What went wrong and what to do, in the user's language."""

    code: str
    title: str
    explanation: str
    action: str

    def text(self) -> str:
        return f"{self.title}. {self.explanation} {self.action}"

_TEXTS: dict[str, Entry] = {
    # --- generic ---------------------------------------------------------------------------
    'bad_request': (
        "Verzoek geweigerd", "Het portaal kon dit verzoek niet verwerken.",
        "Controleer de invoer en probeer het opnieuw.",
        "Request refused", "The portal could not process this request.",
        "Check what you entered and try again."),
    'validation_failed': (
        "Gegevens niet geldig", "Een of meer velden voldoen niet aan de eisen van het portaal.",
        "Verbeter de gemarkeerde velden en verstuur opnieuw.",
        "Data not valid", "One or more fields do not meet the portal's rules.",
        "Correct the marked fields and send again."),
    'not_found': (
        "Niet gevonden", "Dit onderdeel bestaat niet (meer) of is niet zichtbaar voor u.",
        "Vernieuw de lijst; afgeronde zaken verdwijnen na 28 dagen uit het portaal.",
        "Not found", "This item does not exist (any more) or is not visible to you.",
        "Refresh the list; completed cases leave the portal after 28 days."),
    'method_not_allowed': (
        "Niet ondersteund", "Het portaal ondersteunt deze handeling niet.",
        "Werk ind-tui bij; misschien spreekt deze versie een oudere portaalversie.",
        "Not supported", "The portal does not support this action.",
        "Update ind-tui; this version may expect a different portal version."),
    'unauthenticated': (
        "Niet ingelogd", "Het portaal herkent uw sessie niet.",
        "Log opnieuw in; wat u aan het doen was blijft bewaard.",
        "Not logged in", "The portal does not recognise your session.",
        "Log in again; what you were doing is kept."),
    'session_expired': (
        "Sessie verlopen", "Uw sessie is verlopen of ingetrokken.",
        "Log opnieuw in; wat u aan het doen was blijft bewaard.",
        "Session expired", "Your session has expired or was revoked.",
        "Log in again; what you were doing is kept."),
    'forbidden': (
        "Geen toegang", "Uw account mag dit onderdeel niet gebruiken.",
        "Controleer met welk bedrijf u bent ingelogd (rechtsboven).",
        "No access", "Your account may not use this part of the portal.",
        "Check which company you are logged in for (top right)."),
    'service_not_allowed': (
        "Dienst niet beschikbaar voor uw account",
        "Deze dienst is alleen voor erkend referenten en hun gemachtigden.",
        "Zonder erkenning kunt u alleen de aanvragen indienen die voor u openstaan.",
        "Service not available for your account",
        "This service is only for recognised sponsors and their representatives.",
        "Without recognition you can only submit the applications open to you."),
    'service_unavailable': (
        "Portaal tijdelijk niet beschikbaar",
        "Het portaal is even niet bereikbaar of in onderhoud.",
        "Probeer het over enkele minuten opnieuw; er is niets verloren gegaan.",
        "Portal temporarily unavailable", "The portal is briefly unreachable or in maintenance.",
        "Try again in a few minutes; nothing was lost."),
    'rate_limited': (
        "Te veel verzoeken", "U stuurde in korte tijd te veel verzoeken.",
        "Wacht even en probeer het opnieuw.",
        "Too many requests", "Too many requests were sent in a short time.",
        "Wait a moment and try again."),
    'internal_error': (
        "Fout in het portaal", "Er ging iets mis aan de kant van het portaal.",
        "Probeer het later opnieuw. " + REPORT_NL,
        "Portal error", "Something went wrong on the portal's side.",
        "Try again later. " + REPORT_EN),
    # --- device login ----------------------------------------------------------------------
    'authorization_pending': (
        "Wacht op inloggen", "De inlog in de browser is nog niet afgerond.",
        "Rond eHerkenning af in de browser; ind-tui wacht.",
        "Waiting for login", "The login in the browser is not finished yet.",
        "Finish eHerkenning in the browser; ind-tui is waiting."),
    'slow_down': (
        "Even geduld", "Het portaal vraagt om minder vaak te controleren.",
        "Geen actie nodig; ind-tui wacht langer tussen pogingen.",
        "Please wait", "The portal asks to check less often.",
        "Nothing to do; ind-tui waits longer between checks."),
    'expired_token': (
        "Inlogcode verlopen", "De code is niet op tijd in de browser gebruikt.",
        "Start het inloggen opnieuw voor een nieuwe code.",
        "Login code expired", "The code was not used in the browser in time.",
        "Start the login again to get a new code."),
    'access_denied': (
        "Inloggen geweigerd", "Het inloggen is in de browser geweigerd of afgebroken.",
        "Probeer opnieuw; lukt het niet, vraag uw eHerkenningbeheerder om hulp.",
        "Login refused", "The login was refused or cancelled in the browser.",
        "Try again; if it fails, ask your eHerkenning administrator for help."),
    'invalid_grant': (
        "Sessie ongeldig", "Uw inlog is niet meer geldig, bijvoorbeeld na uitloggen elders.",
        "Log opnieuw in.",
        "Session no longer valid",
        "Your login is no longer valid, e.g. after logging out elsewhere.",
        "Log in again."),
    'eh_level_insufficient': (
        "Betrouwbaarheidsniveau te laag",
        "Het portaal vraagt eHerkenning niveau EH3 of hoger; dit middel heeft een lager niveau. "
        "Dit komt van uw eHerkenningleverancier, niet van de IND.",
        "Vraag de eHerkenningbeheerder van uw bedrijf om de dienst op niveau EH3 toe te voegen.",
        "Assurance level too low",
        "The portal needs eHerkenning level EH3 or higher; this means has a lower level. "
        "This comes from your eHerkenning provider, not from the IND.",
        "Ask your company's eHerkenning administrator to add the service at level EH3."),
    'eh_service_missing': (
        "Dienst ontbreekt in eHerkenning",
        "Uw eHerkenningmiddel heeft de dienst 'Immigratie- en Naturalisatiedienst: toegang tot "
        "het portaal' niet. Dit komt van uw eHerkenningleverancier, niet van de IND.",
        "Vraag de eHerkenningbeheerder van uw bedrijf deze dienst op EH3 toe te voegen.",
        "Service missing from eHerkenning",
        "Your eHerkenning means lacks the service 'Immigratie- en Naturalisatiedienst: toegang "
        "tot het portaal'. This comes from your eHerkenning provider, not from the IND.",
        "Ask your company's eHerkenning administrator to add this service at EH3."),
    'not_available_for_you': (
        "Deze dienst is niet voor u beschikbaar",
        "Waarschijnlijk kloppen de bedrijfsgegevens in het systeem van de IND niet.",
        "Meld het aan Team Zakelijk met een schermafdruk waarop het adres te zien is.",
        "This service is not available to you",
        "The company details in the IND's system are probably wrong.",
        "Report it to Team Zakelijk with a screenshot that shows the address."),
    'representation_not_recognised': (
        "Vertegenwoordiging niet mogelijk",
        "U logt in namens een bedrijf dat geen erkend referent is; gemachtigden kunnen alleen "
        "voor erkend referenten inloggen.",
        "Controleer de erkenning van uw opdrachtgever en neem daarna contact op met Team Zakelijk.",
        "Representation not possible",
        "You are logging in for a company that is not a recognised sponsor; representatives can "
        "only act for recognised sponsors.",
        "Check your client's recognition, then contact Team Zakelijk."),
    'representation_not_registered': (
        "Machtiging niet geregistreerd",
        "Uw machtiging voor dit bedrijf is (nog) niet bij de IND geregistreerd.",
        "Controleer of de machtiging is aangevraagd (ketenmachtiging in eHerkenning) en neem "
        "contact op met Team Zakelijk.",
        "Authorisation not registered",
        "Your authorisation for this company is not (yet) registered with the IND.",
        "Check that the authorisation was requested (chain authorisation in eHerkenning) and "
        "contact Team Zakelijk."),
    # --- applications and payment ----------------------------------------------------------
    'idempotency_key_required': (
        "Interne fout bij indienen", "Het verzoek miste een sleutel tegen dubbel indienen.",
        "Werk ind-tui bij en probeer opnieuw.",
        "Internal error while submitting", "The request lacked its key against double submission.",
        "Update ind-tui and try again."),
    'idempotency_key_reused': (
        "Aanvraag gewijzigd na verzenden",
        "Deze aanvraag is eerder verstuurd met andere gegevens.",
        "Bekijk de eerder verstuurde aanvraag bij Lopende aanvragen voordat u iets opnieuw "
        "indient.",
        "Application changed after sending",
        "This application was sent before with different data.",
        "Look at the application sent earlier under Running cases before submitting again."),
    'request_in_progress': (
        "Wordt nog verwerkt", "Het portaal verwerkt dit verzoek nog.",
        "Wacht even; ind-tui controleert de uitkomst. Verstuur niet opnieuw met nieuwe gegevens.",
        "Still being processed", "The portal is still processing this request.",
        "Wait a moment; ind-tui checks the outcome. Do not send it again with new data."),
    'type_not_allowed': (
        "Aanvraagsoort niet toegestaan", "Uw bedrijf mag deze soort aanvraag niet indienen.",
        "Kies een aanvraag uit de lijst die het portaal voor u toont.",
        "Application type not allowed", "Your company may not file this type of application.",
        "Choose an application from the list the portal shows you."),
    'form_version_outdated': (
        "Formulier verouderd", "Het portaal gebruikt een nieuwere versie van dit formulier.",
        "Open het concept opnieuw; uw antwoorden worden overgenomen waar dat kan.",
        "Form outdated", "The portal uses a newer version of this form.",
        "Reopen the draft; your answers are carried over where possible."),
    'extension_too_early': (
        "Verlenging te vroeg",
        "Een verlenging mag niet eerder dan 3 maanden voor het einde van de verblijfsvergunning.",
        "Bewaar het concept en dien het in vanaf 3 maanden voor de einddatum.",
        "Extension too early",
        "An extension may not be filed earlier than 3 months before the permit ends.",
        "Keep the draft and submit it from 3 months before the end date."),
    'already_paid': (
        "Al betaald", "Voor deze aanvraag is al betaald; er is niet nogmaals afgeschreven.",
        "Geen actie nodig. Bekijk het ontvangstbewijs.",
        "Already paid", "This application has already been paid; nothing was charged again.",
        "Nothing to do. See the receipt."),
    'payment_required': (
        "Betaling nodig", "De aanvraag is pas ingediend als de leges zijn betaald.",
        "Rond de betaling af.",
        "Payment needed", "The application counts as submitted only once the fee is paid.",
        "Complete the payment."),
    'amount_mismatch': (
        "Bedrag klopt niet", "Het bedrag verschilt van de leges die het portaal nu rekent.",
        "Vernieuw de aanvraag om het actuele bedrag te zien en bevestig opnieuw.",
        "Amount does not match", "The amount differs from the fee the portal charges now.",
        "Refresh the application to see the current fee and confirm again."),
    'nothing_to_pay': (
        "Niets te betalen", "Voor deze aanvraag zijn geen leges verschuldigd; er is niets "
        "afgeschreven.",
        "Geen actie nodig: de aanvraag is zonder betaling ingediend. Bekijk het "
        "ontvangstbewijs.",
        "Nothing to pay", "This application carries no fee; nothing was charged.",
        "Nothing to do: the application was filed without payment. See the receipt."),
    # --- documents ---------------------------------------------------------------------------
    'document_not_pdf': (
        "Geen PDF", "Het portaal neemt alleen PDF-bestanden aan.",
        "Sla het document op als PDF en upload het opnieuw.",
        "Not a PDF", "The portal only accepts PDF files.",
        "Save the document as PDF and upload it again."),
    'document_too_large': (
        "Bestand te groot", "Een document mag hoogstens 8 MB zijn.",
        "Verklein de PDF (bijvoorbeeld lagere scanresolutie) of splits hem.",
        "File too large", "A document may be at most 8 MB.",
        "Make the PDF smaller (e.g. lower scan resolution) or split it."),
    'document_encrypted': (
        "PDF beveiligd", "De PDF heeft een wachtwoord of beveiliging.",
        "Sla een onbeveiligde kopie op en upload die.",
        "PDF protected", "The PDF has a password or protection.",
        "Save an unprotected copy and upload that."),
    'document_not_allowed': (
        "Document niet toegestaan",
        "Dit document kan niet worden geüpload; de fotokaart gaat bijvoorbeeld altijd per post "
        "of de foto wordt bij een IND-loket gemaakt.",
        "Upload alleen de documenten die de aanvraag noemt.",
        "Document not allowed",
        "This document cannot be uploaded; the photo card, for example, always goes by post or "
        "the photo is taken at an IND desk.",
        "Upload only the documents the application names."),
    'case_decided': (
        "Al besloten", "De IND heeft over deze zaak besloten; nasturen kan niet meer.",
        "Neem contact op met de IND als u nog iets wilt melden.",
        "Already decided", "The IND has decided this case; documents can no longer be added.",
        "Contact the IND if you still need to report something."),
    # --- account and employees ---------------------------------------------------------------
    'paper_form_required': (
        "Papieren formulier nodig",
        "Een wijziging van post- of bezoekadres kan alleen met het papieren formulier.",
        "Gebruik het papieren formulier; het administratieadres kunt u hier wel wijzigen.",
        "Paper form required",
        "A change of postal or visiting address can only be reported on the paper form.",
        "Use the paper form; the administration address can be changed here."),
    'employee_exists': (
        "Al aangemeld", "Deze werknemer (V-nummer) is al aangemeld.",
        "Zoek de werknemer op in de lijst in plaats van opnieuw aan te melden.",
        "Already registered", "This employee (V-number) is already registered.",
        "Find the employee in the list instead of registering again."),
    'employee_deregistered': (
        "Al afgemeld", "Deze werknemer is al afgemeld.",
        "Geen actie nodig.",
        "Already deregistered", "This employee has already been deregistered.",
        "Nothing to do."),
    'employee_end_in_future': (
        "Einddatum ligt in de toekomst",
        "Een afmelding kan pas vanaf de dag dat het dienstverband of het werk eindigt.",
        "Meld af op of na de einddatum; u hebt daarna 4 weken. Is het einde van het contract "
        "bij de werknemer vastgelegd, dan herinnert ind-tui u eraan.",
        "End date is in the future",
        "An employee can be deregistered from the day the employment or the work ends.",
        "Deregister on or after the end date; you then have 4 weeks. With the contract end "
        "recorded for the employee, ind-tui reminds you."),
    'purpose_not_recognised': (
        "Niet erkend voor dit verblijfsdoel",
        "De onderneming is niet als referent erkend voor het gekozen verblijfsdoel.",
        "Kies een verblijfsdoel waarvoor de onderneming erkend is (zie Accountinformatie), of "
        "vraag eerst erkenning voor dit doel aan.",
        "Not recognised for this purpose",
        "The company is not a recognised sponsor for the chosen purpose of stay.",
        "Choose a purpose the company is recognised for (see Account information), or apply "
        "for recognition for this purpose first."),
    # --- messages --------------------------------------------------------------------------
    'message_answered': (
        "Al beantwoord",
        "Dit verzoek om informatie is al beantwoord, met andere documenten dan deze.",
        "Wilt u nog iets aanvullen, upload het dan als extra document bij de zaak; dat kan "
        "tot de IND heeft besloten.",
        "Already answered",
        "This request for information was already answered, with other documents than these.",
        "To add something, upload it as an extra document to the case; that is possible until "
        "the IND has decided."),
    'message_not_answerable': (
        "Kan niet (meer) beantwoord worden",
        "Alleen een openstaand verzoek om informatie kan beantwoord worden; dit bericht is "
        "geen verzoek, of de termijn is verstreken.",
        "Is de termijn verstreken, upload de documenten dan als extra document bij de zaak "
        "zolang de IND nog niet heeft besloten, of neem contact op met de IND.",
        "Cannot be answered (any more)",
        "Only an open request for information can be answered; this message is not a "
        "request, or its deadline has passed.",
        "If the deadline has passed, upload the documents as extra documents to the case "
        "while the IND has not decided yet, or contact the IND."),
    # --- appointments and refunds -----------------------------------------------------------
    'slot_taken': (
        "Tijdstip al bezet",
        "Iemand anders heeft dit tijdstip net geboekt, of het is al voorbij. Er is niets "
        "geboekt.",
        "Zoek opnieuw naar het eerste vrije tijdstip en kies een ander; afzeggingen komen "
        "geregeld vrij, vooral in Amsterdam.",
        "Time slot taken",
        "Someone else has just booked this time slot, or it has passed. Nothing was booked.",
        "Search again for the first free time slot and pick another; cancellations free up "
        "slots regularly, especially in Amsterdam."),
    'visit_not_possible': (
        "Dit bezoek past niet bij de zaak",
        "Een sticker verblijfsaantekening kan alleen zolang er nog geen besluit is; "
        "biometrie voor het document gemaakt wordt; het verblijfsdocument ophalen pas als de "
        "IND meldt dat het klaarligt.",
        "Kies een ander doel, of wacht tot de zaak zover is (zie Lopende aanvragen).",
        "This visit does not fit the case",
        "A residence endorsement sticker is only possible while no decision has been taken; "
        "biometrics before the document is made; collecting the residence document only once "
        "the IND reports it ready.",
        "Choose another purpose, or wait until the case gets there (see Running cases)."),
    'location_not_serving': (
        "Locatie helpt deze aanvraag niet",
        "Expatcentra helpen alleen kennismigranten en vergelijkbare aanvragen (en hun "
        "gezinsleden); of de locatie biedt dit doel niet aan.",
        "Kies een IND-loket of een andere locatie.",
        "Location does not serve this application",
        "Expat centres only serve highly skilled migrants and similar applications (and "
        "their family members); or the location does not offer this purpose.",
        "Choose an IND desk or another location."),
    'appointment_exists': (
        "Al een afspraak",
        "Voor deze zaak staat al een afspraak met hetzelfde doel.",
        "Verzet die afspraak in plaats van een tweede te boeken.",
        "Appointment already booked",
        "This case already has an appointment for the same purpose.",
        "Reschedule that appointment instead of booking a second one."),
    'appointment_closed': (
        "Afspraak niet meer te wijzigen",
        "Deze afspraak is afgezegd of al voorbij.",
        "Boek zo nodig een nieuwe afspraak.",
        "Appointment can no longer be changed",
        "This appointment was cancelled or has already taken place.",
        "Book a new appointment if needed."),
    'already_refunded': (
        "Al terugbetaald",
        "Deze betaling is al terugbetaald; er gaat niet nog eens geld terug.",
        "Geen actie nodig. De terugbetaling staat bij Betalingen.",
        "Already refunded",
        "This payment has already been refunded; no money goes back twice.",
        "Nothing to do. The refund is listed under Payments."),
    # --- sandbox ---------------------------------------------------------------------------
    'sandbox_admin_required': (
        "Sandboxbeheer nodig", "Dit kan alleen met het beheertoken van de sandbox.",
        "Gebruik de ingebouwde sandbox of geef het beheertoken op.",
        "Sandbox admin needed", "This needs the sandbox's admin token.",
        "Use the embedded sandbox or provide the admin token."),
    'unknown_identity': (
        "Onbekende testidentiteit", "De sandbox kent deze testidentiteit niet.",
        "Bekijk de lijst met 'ind-tui sandbox identities'.",
        "Unknown test identity", "The sandbox does not know this test identity.",
        "See the list with 'ind-tui sandbox identities'."),
    'clock_backwards': (
        "Klok kan niet terug", "De sandboxklok loopt alleen vooruit.",
        "Kies een moment na de huidige sandboxtijd.",
        "Clock cannot go back", "The sandbox clock only moves forward.",
        "Pick a moment after the current sandbox time."),
    **CLIENT_TEXTS,
}


def known_codes() -> frozenset[str]:
    return frozenset(_TEXTS)


def guidance(code: str, lang: str = "en") -> Guidance:
    """Guidance for `code` in `lang` ("nl" or "en"); an unknown code gets a generic text."""
    entry = _TEXTS.get(code)
    if entry is None:
        entry = _TEXTS['internal_error' if code else 'bad_request']
    part = entry[:3] if lang == "nl" else entry[3:]
    return Guidance(code=code, title=part[0], explanation=part[1], action=part[2])
