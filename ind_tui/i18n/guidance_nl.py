"""Dutch guidance for every error code: `guidance.<code>.title`, `.what` (what happened)
and `.do` (what to do). Every key here exists in guidance_en.py too."""

NL: dict[str, str] = {
    "guidance.bad_request.title": "Verzoek geweigerd",
    "guidance.bad_request.what": "Het portaal kon dit verzoek niet verwerken.",
    "guidance.bad_request.do": "Controleer de invoer en probeer het opnieuw.",
    "guidance.validation_failed.title": "Gegevens niet geldig",
    "guidance.validation_failed.what": (
        "Een of meer velden voldoen niet aan de eisen van het portaal."),
    "guidance.validation_failed.do": "Verbeter de gemarkeerde velden en verstuur opnieuw.",
    "guidance.not_found.title": "Niet gevonden",
    "guidance.not_found.what": "Dit onderdeel bestaat niet (meer) of is niet zichtbaar voor u.",
    "guidance.not_found.do": (
        "Vernieuw de lijst; afgeronde zaken verdwijnen na 28 dagen uit het portaal."),
    "guidance.method_not_allowed.title": "Niet ondersteund",
    "guidance.method_not_allowed.what": "Het portaal ondersteunt deze handeling niet.",
    "guidance.method_not_allowed.do": (
        "Werk ind-tui bij; misschien spreekt deze versie een oudere portaalversie."),
    "guidance.unauthenticated.title": "Niet ingelogd",
    "guidance.unauthenticated.what": "Het portaal herkent uw sessie niet.",
    "guidance.unauthenticated.do": "Log opnieuw in; wat u aan het doen was blijft bewaard.",
    "guidance.session_expired.title": "Sessie verlopen",
    "guidance.session_expired.what": "Uw sessie is verlopen of ingetrokken.",
    "guidance.session_expired.do": "Log opnieuw in; wat u aan het doen was blijft bewaard.",
    "guidance.forbidden.title": "Geen toegang",
    "guidance.forbidden.what": "Uw account mag dit onderdeel niet gebruiken.",
    "guidance.forbidden.do": "Controleer met welk bedrijf u bent ingelogd (rechtsboven).",
    "guidance.service_not_allowed.title": "Dienst niet beschikbaar voor uw account",
    "guidance.service_not_allowed.what": (
        "Deze dienst is alleen voor erkend referenten en hun gemachtigden."),
    "guidance.service_not_allowed.do": (
        "Zonder erkenning kunt u alleen de aanvragen indienen die voor u openstaan."),
    "guidance.service_unavailable.title": "Portaal tijdelijk niet beschikbaar",
    "guidance.service_unavailable.what": "Het portaal is even niet bereikbaar of in onderhoud.",
    "guidance.service_unavailable.do": (
        "Probeer het over enkele minuten opnieuw; er is niets verloren gegaan."),
    "guidance.rate_limited.title": "Te veel verzoeken",
    "guidance.rate_limited.what": "U stuurde in korte tijd te veel verzoeken.",
    "guidance.rate_limited.do": "Wacht even en probeer het opnieuw.",
    "guidance.request_too_large.title": "Te veel gegevens tegelijk",
    "guidance.request_too_large.what": "Het portaal weigerde dit verzoek omdat het te groot was.",
    "guidance.request_too_large.do": (
        "Maak lange teksten korter en verstuur opnieuw. Gebeurt dit vaker, werk ind-tui dan bij."),
    "guidance.request_timeout.title": "Versturen duurde te lang",
    "guidance.request_timeout.what": (
        "De verbinding was zo traag dat het portaal stopte met wachten; er is niets opgeslagen."),
    "guidance.request_timeout.do": "Controleer uw internetverbinding en verstuur opnieuw.",
    "guidance.internal_error.title": "Fout in het portaal",
    "guidance.internal_error.what": "Er ging iets mis aan de kant van het portaal.",
    "guidance.internal_error.do": (
        "Probeer het later opnieuw. Blijft dit gebeuren, meld het dan aan Team Zakelijk met een "
        "schermafdruk, uw KvK-nummer, datum en tijd en het verzoeknummer."),
    "guidance.authorization_pending.title": "Wacht op inloggen",
    "guidance.authorization_pending.what": "De inlog in de browser is nog niet afgerond.",
    "guidance.authorization_pending.do": "Rond eHerkenning af in de browser; ind-tui wacht.",
    "guidance.slow_down.title": "Even geduld",
    "guidance.slow_down.what": "Het portaal vraagt om minder vaak te controleren.",
    "guidance.slow_down.do": "Geen actie nodig; ind-tui wacht langer tussen pogingen.",
    "guidance.expired_token.title": "Inlogcode verlopen",
    "guidance.expired_token.what": "De code is niet op tijd in de browser gebruikt.",
    "guidance.expired_token.do": "Start het inloggen opnieuw voor een nieuwe code.",
    "guidance.access_denied.title": "Inloggen geweigerd",
    "guidance.access_denied.what": "Het inloggen is in de browser geweigerd of afgebroken.",
    "guidance.access_denied.do": (
        "Probeer opnieuw; lukt het niet, vraag uw eHerkenningbeheerder om hulp."),
    "guidance.invalid_grant.title": "Sessie ongeldig",
    "guidance.invalid_grant.what": (
        "Uw inlog is niet meer geldig, bijvoorbeeld na uitloggen elders."),
    "guidance.invalid_grant.do": "Log opnieuw in.",
    "guidance.eh_level_insufficient.title": "Betrouwbaarheidsniveau te laag",
    "guidance.eh_level_insufficient.what": (
        "Het portaal vraagt eHerkenning niveau EH3 of hoger; dit middel heeft een lager niveau. "
        "Dit komt van uw eHerkenningleverancier, niet van de IND."),
    "guidance.eh_level_insufficient.do": (
        "Vraag de eHerkenningbeheerder van uw bedrijf om de dienst op niveau EH3 toe te voegen."),
    "guidance.eh_service_missing.title": "Dienst ontbreekt in eHerkenning",
    "guidance.eh_service_missing.what": (
        "Uw eHerkenningmiddel heeft de dienst 'Immigratie- en Naturalisatiedienst: toegang tot "
        "het portaal' niet. Dit komt van uw eHerkenningleverancier, niet van de IND."),
    "guidance.eh_service_missing.do": (
        "Vraag de eHerkenningbeheerder van uw bedrijf deze dienst op EH3 toe te voegen."),
    "guidance.not_available_for_you.title": "Deze dienst is niet voor u beschikbaar",
    "guidance.not_available_for_you.what": (
        "Waarschijnlijk kloppen de bedrijfsgegevens in het systeem van de IND niet."),
    "guidance.not_available_for_you.do": (
        "Meld het aan Team Zakelijk met een schermafdruk waarop het adres te zien is."),
    "guidance.representation_not_recognised.title": "Vertegenwoordiging niet mogelijk",
    "guidance.representation_not_recognised.what": (
        "U logt in namens een bedrijf dat geen erkend referent is; gemachtigden kunnen alleen "
        "voor erkend referenten inloggen."),
    "guidance.representation_not_recognised.do": (
        "Controleer de erkenning van uw opdrachtgever en neem daarna contact op met Team "
        "Zakelijk."),
    "guidance.representation_not_registered.title": "Machtiging niet geregistreerd",
    "guidance.representation_not_registered.what": (
        "Uw machtiging voor dit bedrijf is (nog) niet bij de IND geregistreerd."),
    "guidance.representation_not_registered.do": (
        "Controleer of de machtiging is aangevraagd (ketenmachtiging in eHerkenning) en neem "
        "contact op met Team Zakelijk."),
    "guidance.idempotency_key_required.title": "Interne fout bij indienen",
    "guidance.idempotency_key_required.what": (
        "Het verzoek miste een sleutel tegen dubbel indienen."),
    "guidance.idempotency_key_required.do": "Werk ind-tui bij en probeer opnieuw.",
    "guidance.idempotency_key_reused.title": "Aanvraag gewijzigd na verzenden",
    "guidance.idempotency_key_reused.what": (
        "Deze aanvraag is eerder verstuurd met andere gegevens."),
    "guidance.idempotency_key_reused.do": (
        "Bekijk de eerder verstuurde aanvraag bij Lopende aanvragen voordat u iets opnieuw "
        "indient."),
    "guidance.request_in_progress.title": "Wordt nog verwerkt",
    "guidance.request_in_progress.what": "Het portaal verwerkt dit verzoek nog.",
    "guidance.request_in_progress.do": (
        "Wacht even; ind-tui controleert de uitkomst. Verstuur niet opnieuw met nieuwe gegevens."),
    "guidance.type_not_allowed.title": "Aanvraagsoort niet toegestaan",
    "guidance.type_not_allowed.what": "Uw bedrijf mag deze soort aanvraag niet indienen.",
    "guidance.type_not_allowed.do": "Kies een aanvraag uit de lijst die het portaal voor u toont.",
    "guidance.form_version_outdated.title": "Formulier verouderd",
    "guidance.form_version_outdated.what": (
        "Het portaal gebruikt een nieuwere versie van dit formulier."),
    "guidance.form_version_outdated.do": (
        "Open het concept opnieuw; uw antwoorden worden overgenomen waar dat kan."),
    "guidance.extension_too_early.title": "Verlenging te vroeg",
    "guidance.extension_too_early.what": (
        "Een verlenging mag niet eerder dan 3 maanden voor het einde van de verblijfsvergunning."),
    "guidance.extension_too_early.do": (
        "Bewaar het concept en dien het in vanaf 3 maanden voor de einddatum."),
    "guidance.already_paid.title": "Al betaald",
    "guidance.already_paid.what": (
        "Voor deze aanvraag is al betaald; er is niet nogmaals afgeschreven."),
    "guidance.already_paid.do": "Geen actie nodig. Bekijk het ontvangstbewijs.",
    "guidance.payment_required.title": "Betaling nodig",
    "guidance.payment_required.what": "De aanvraag is pas ingediend als de leges zijn betaald.",
    "guidance.payment_required.do": "Rond de betaling af.",
    "guidance.amount_mismatch.title": "Bedrag klopt niet",
    "guidance.amount_mismatch.what": "Het bedrag verschilt van de leges die het portaal nu rekent.",
    "guidance.amount_mismatch.do": (
        "Vernieuw de aanvraag om het actuele bedrag te zien en bevestig opnieuw."),
    "guidance.nothing_to_pay.title": "Niets te betalen",
    "guidance.nothing_to_pay.what": (
        "Voor deze aanvraag zijn geen leges verschuldigd; er is niets afgeschreven."),
    "guidance.nothing_to_pay.do": (
        "Geen actie nodig: de aanvraag is zonder betaling ingediend. Bekijk het ontvangstbewijs."),
    "guidance.document_not_pdf.title": "Geen PDF",
    "guidance.document_not_pdf.what": "Het portaal neemt alleen PDF-bestanden aan.",
    "guidance.document_not_pdf.do": "Sla het document op als PDF en upload het opnieuw.",
    "guidance.document_too_large.title": "Bestand te groot",
    "guidance.document_too_large.what": "Een document mag hoogstens 8 MB zijn.",
    "guidance.document_too_large.do": (
        "Verklein de PDF (bijvoorbeeld lagere scanresolutie) of splits hem."),
    "guidance.document_encrypted.title": "PDF beveiligd",
    "guidance.document_encrypted.what": "De PDF heeft een wachtwoord of beveiliging.",
    "guidance.document_encrypted.do": "Sla een onbeveiligde kopie op en upload die.",
    "guidance.document_unreadable.title": "PDF niet leesbaar",
    "guidance.document_unreadable.what": (
        "Het bestand begint als een PDF, maar is beschadigd, heeft geen pagina's of is te "
        "ingewikkeld om te openen."),
    "guidance.document_unreadable.do": (
        "Open het bestand zelf, sla het opnieuw op of druk het af als PDF en upload die kopie."),
    "guidance.document_not_allowed.title": "Document niet toegestaan",
    "guidance.document_not_allowed.what": (
        "Dit document kan niet worden geüpload; de fotokaart gaat bijvoorbeeld altijd per post of"
        " de foto wordt bij een IND-loket gemaakt."),
    "guidance.document_not_allowed.do": "Upload alleen de documenten die de aanvraag noemt.",
    "guidance.case_decided.title": "Al besloten",
    "guidance.case_decided.what": "De IND heeft over deze zaak besloten; nasturen kan niet meer.",
    "guidance.case_decided.do": "Neem contact op met de IND als u nog iets wilt melden.",
    "guidance.paper_form_required.title": "Papieren formulier nodig",
    "guidance.paper_form_required.what": (
        "Een wijziging van post- of bezoekadres kan alleen met het papieren formulier."),
    "guidance.paper_form_required.do": (
        "Gebruik het papieren formulier; het administratieadres kunt u hier wel wijzigen."),
    "guidance.employee_exists.title": "Al aangemeld",
    "guidance.employee_exists.what": "Deze werknemer (V-nummer) is al aangemeld.",
    "guidance.employee_exists.do": (
        "Zoek de werknemer op in de lijst in plaats van opnieuw aan te melden."),
    "guidance.employee_deregistered.title": "Al afgemeld",
    "guidance.employee_deregistered.what": "Deze werknemer is al afgemeld.",
    "guidance.employee_deregistered.do": "Geen actie nodig.",
    "guidance.employee_end_in_future.title": "Einddatum ligt in de toekomst",
    "guidance.employee_end_in_future.what": (
        "Een afmelding kan pas vanaf de dag dat het dienstverband of het werk eindigt."),
    "guidance.employee_end_in_future.do": (
        "Meld af op of na de einddatum; u hebt daarna 4 weken. Is het einde van het contract bij "
        "de werknemer vastgelegd, dan herinnert ind-tui u eraan."),
    "guidance.purpose_not_recognised.title": "Niet erkend voor dit verblijfsdoel",
    "guidance.purpose_not_recognised.what": (
        "De onderneming is niet als referent erkend voor het gekozen verblijfsdoel."),
    "guidance.purpose_not_recognised.do": (
        "Kies een verblijfsdoel waarvoor de onderneming erkend is (zie Accountinformatie), of "
        "vraag eerst erkenning voor dit doel aan."),
    "guidance.message_answered.title": "Al beantwoord",
    "guidance.message_answered.what": (
        "Dit verzoek om informatie is al beantwoord, met andere documenten dan deze."),
    "guidance.message_answered.do": (
        "Wilt u nog iets aanvullen, upload het dan als extra document bij de zaak; dat kan tot de"
        " IND heeft besloten."),
    "guidance.message_not_answerable.title": "Kan niet (meer) beantwoord worden",
    "guidance.message_not_answerable.what": (
        "Alleen een openstaand verzoek om informatie kan beantwoord worden; dit bericht is geen "
        "verzoek, of de termijn is verstreken."),
    "guidance.message_not_answerable.do": (
        "Is de termijn verstreken, upload de documenten dan als extra document bij de zaak zolang"
        " de IND nog niet heeft besloten, of neem contact op met de IND."),
    "guidance.slot_taken.title": "Tijdstip al bezet",
    "guidance.slot_taken.what": (
        "Iemand anders heeft dit tijdstip net geboekt, of het is al voorbij. Er is niets geboekt."),
    "guidance.slot_taken.do": (
        "Zoek opnieuw naar het eerste vrije tijdstip en kies een ander; afzeggingen komen "
        "geregeld vrij, vooral in Amsterdam."),
    "guidance.visit_not_possible.title": "Dit bezoek past niet bij de zaak",
    "guidance.visit_not_possible.what": (
        "Een sticker verblijfsaantekening kan alleen zolang er nog geen besluit is; biometrie "
        "voor het document gemaakt wordt; het verblijfsdocument ophalen pas als de IND meldt dat "
        "het klaarligt."),
    "guidance.visit_not_possible.do": (
        "Kies een ander doel, of wacht tot de zaak zover is (zie Lopende aanvragen)."),
    "guidance.location_not_serving.title": "Locatie helpt deze aanvraag niet",
    "guidance.location_not_serving.what": (
        "Expatcentra helpen alleen kennismigranten en vergelijkbare aanvragen (en hun "
        "gezinsleden); of de locatie biedt dit doel niet aan."),
    "guidance.location_not_serving.do": "Kies een IND-loket of een andere locatie.",
    "guidance.appointment_exists.title": "Al een afspraak",
    "guidance.appointment_exists.what": "Voor deze zaak staat al een afspraak met hetzelfde doel.",
    "guidance.appointment_exists.do": "Verzet die afspraak in plaats van een tweede te boeken.",
    "guidance.appointment_closed.title": "Afspraak niet meer te wijzigen",
    "guidance.appointment_closed.what": "Deze afspraak is afgezegd of al voorbij.",
    "guidance.appointment_closed.do": "Boek zo nodig een nieuwe afspraak.",
    "guidance.already_refunded.title": "Al terugbetaald",
    "guidance.already_refunded.what": (
        "Deze betaling is al terugbetaald; er gaat niet nog eens geld terug."),
    "guidance.already_refunded.do": "Geen actie nodig. De terugbetaling staat bij Betalingen.",
    "guidance.sandbox_admin_required.title": "Sandboxbeheer nodig",
    "guidance.sandbox_admin_required.what": "Dit kan alleen met het beheertoken van de sandbox.",
    "guidance.sandbox_admin_required.do": (
        "Gebruik de ingebouwde sandbox of geef het beheertoken op."),
    "guidance.unknown_identity.title": "Onbekende testidentiteit",
    "guidance.unknown_identity.what": "De sandbox kent deze testidentiteit niet.",
    "guidance.unknown_identity.do": "Bekijk de lijst met 'ind-tui sandbox identities'.",
    "guidance.clock_backwards.title": "Klok kan niet terug",
    "guidance.clock_backwards.what": "De sandboxklok loopt alleen vooruit.",
    "guidance.clock_backwards.do": "Kies een moment na de huidige sandboxtijd.",
    "guidance.connection_failed.title": "Geen verbinding",
    "guidance.connection_failed.what": "Het portaal is niet bereikbaar; er is niets verstuurd.",
    "guidance.connection_failed.do": (
        "Controleer de internetverbinding en het portaaladres en probeer opnieuw."),
    "guidance.timeout.title": "Geen antwoord op tijd",
    "guidance.timeout.what": "Het portaal antwoordde niet op tijd.",
    "guidance.timeout.do": "Probeer het opnieuw; ind-tui controleert eerst of iets al verwerkt is.",
    "guidance.connection_dropped.title": "Verbinding verbroken",
    "guidance.connection_dropped.what": "De verbinding viel weg voordat het antwoord binnen was.",
    "guidance.connection_dropped.do": (
        "Probeer het opnieuw; ind-tui controleert eerst of iets al verwerkt is."),
    "guidance.outcome_unknown.title": "Uitkomst onbekend",
    "guidance.outcome_unknown.what": (
        "Het is niet zeker of het portaal de aanvraag of betaling heeft ontvangen. Niet opnieuw "
        "indienen met een nieuwe aanvraag: dan kunt u dubbel betalen. Bij een betaling zonder "
        "ingediende aanvraag volgt terugbetaling."),
    "guidance.outcome_unknown.do": (
        "Probeer het later opnieuw vanuit hetzelfde concept; het portaal verwerkt het nooit twee "
        "keer. Blijft dit gebeuren, meld het dan aan Team Zakelijk met een schermafdruk, uw KvK-"
        "nummer, datum en tijd en het verzoeknummer."),
    "guidance.not_sent.title": "Niet ontvangen",
    "guidance.not_sent.what": (
        "Het portaal heeft de aanvraag niet ontvangen; er is niets afgeschreven."),
    "guidance.not_sent.do": "Probeer het opnieuw vanuit hetzelfde concept.",
    "guidance.paid_receipt_pending.title": "Betaald, ontvangstbewijs volgt",
    "guidance.paid_receipt_pending.what": (
        "De betaling is gelukt en de aanvraag is ingediend, maar het antwoord kwam niet aan."),
    "guidance.paid_receipt_pending.do": (
        "Betaal niet opnieuw. Open de aanvraag later om het ontvangstbewijs te zien."),
    "guidance.bad_response.title": "Onverwacht antwoord",
    "guidance.bad_response.what": "Het antwoord van het portaal was niet te lezen.",
    "guidance.bad_response.do": (
        "Werk ind-tui bij. Blijft dit gebeuren, meld het dan aan Team Zakelijk met een "
        "schermafdruk, uw KvK-nummer, datum en tijd en het verzoeknummer."),
    "guidance.not_logged_in.title": "Niet ingelogd",
    "guidance.not_logged_in.what": "Er is voor dit profiel geen inlog bewaard.",
    "guidance.not_logged_in.do": "Log in met 'ind-tui login' of via het inlogscherm.",
    "guidance.env_token_rejected.title": "Token uit omgeving geweigerd",
    "guidance.env_token_rejected.what": "Het token in IND_TUI_TOKEN is verlopen of ongeldig.",
    "guidance.env_token_rejected.do": (
        "Zet een nieuw token in IND_TUI_TOKEN, of haal de variabele weg en log in."),
    "guidance.keyring_missing.title": "Geen sleutelbos gevonden",
    "guidance.keyring_missing.what": (
        "Geen systeemsleutelbos (GNOME Keyring, KWallet): deze inlog geldt tot ind-tui stopt."),
    "guidance.keyring_missing.do": (
        'Om ingelogd te blijven: zet token_store = "encrypted_file" in het profiel '
        "(of IND_TUI_TOKEN_STORE=encrypted_file, met IND_TUI_PASSPHRASE op een server)."),
    "guidance.keyring_locked.title": "Sleutelbos op slot",
    "guidance.keyring_locked.what": (
        "De sleutelbos is vergrendeld of weigert toegang; uw inlog geldt alleen zolang ind-tui "
        "draait."),
    "guidance.keyring_locked.do": "Ontgrendel de sleutelbos en start ind-tui opnieuw.",
    "guidance.keyring_timeout.title": "Sleutelbos reageert niet",
    "guidance.keyring_timeout.what": (
        "De sleutelbos gaf geen antwoord; uw inlog geldt alleen zolang ind-tui draait."),
    "guidance.keyring_timeout.do": (
        'Herstart de sleutelbosdienst, of kies token_store = "encrypted_file".'),
    "guidance.keyring_error.title": "Fout in sleutelbos",
    "guidance.keyring_error.what": (
        "De sleutelbos gaf een fout; uw inlog geldt alleen zolang ind-tui draait."),
    "guidance.keyring_error.do": 'Controleer de sleutelbos of kies token_store = "encrypted_file".',
    "guidance.keyring_plaintext.title": "Onveilige sleutelbos genegeerd",
    "guidance.keyring_plaintext.what": (
        "De ingestelde sleutelbos bewaart wachtwoorden onversleuteld; ind-tui gebruikt die niet."),
    "guidance.keyring_plaintext.do": (
        'Kies een systeemsleutelbos of token_store = "encrypted_file".'),
    "guidance.memory_chosen.title": "Inlog alleen in geheugen",
    "guidance.memory_chosen.what": "Dit profiel bewaart de inlog niet op schijf.",
    "guidance.memory_chosen.do": "Geen actie nodig; u logt opnieuw in na het afsluiten.",
    "guidance.cryptfile_missing.title": "Versleuteld bestand niet beschikbaar",
    "guidance.cryptfile_missing.what": (
        "Het profiel vraagt een versleuteld tokenbestand, maar keyrings.cryptfile ontbreekt."),
    "guidance.cryptfile_missing.do": "Installeer het met: pip install keyrings.cryptfile",
    "guidance.passphrase_missing.title": "Wachtwoordzin ontbreekt",
    "guidance.passphrase_missing.what": (
        "Het versleutelde tokenbestand heeft een wachtwoordzin nodig en er kon niet om worden "
        "gevraagd."),
    "guidance.passphrase_missing.do": (
        "Zet de wachtwoordzin in IND_TUI_PASSPHRASE of start ind-tui in een terminal."),
    "guidance.passphrase_wrong.title": "Wachtwoordzin onjuist",
    "guidance.passphrase_wrong.what": (
        "Het versleutelde tokenbestand opent niet met deze wachtwoordzin."),
    "guidance.passphrase_wrong.do": (
        "Probeer opnieuw; vergeten? Verwijder het bestand en log opnieuw in."),
    "guidance.cache_rebuilt.title": "Lokale kopie hersteld",
    "guidance.cache_rebuilt.what": (
        "Het lokale bestand met zaken was beschadigd; het is opzij gezet en wordt opnieuw gevuld "
        "vanuit het portaal."),
    "guidance.cache_rebuilt.do": (
        "Geen actie nodig. Oude gearchiveerde zaken staan in het opzijgezette bestand."),
}
