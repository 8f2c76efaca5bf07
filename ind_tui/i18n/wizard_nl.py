"""Dutch texts of the wizard area. Every key here exists in wizard_en.py too."""

NL: dict[str, str] = {
    # --- the wizard itself (wizard.* except docs/review/filing) ---
    "wizard.help": "Eén pagina van de aanvraag tegelijk; de lijst links toont alle pagina's "
                   "(✓ klaar, ✗ er klopt iets niet, · nog vragen open). PageDown/ctrl+n en "
                   "PageUp/ctrl+o wisselen van pagina, Tab en shift+Tab gaan van vraag naar "
                   "vraag, Enter naar de volgende vraag. F3 toont de toelichting bij de vraag "
                   "waar u staat. F4 toont wat indienen tegenhoudt; Enter op een regel gaat "
                   "erheen. ↺ naast een vraag: het antwoord is ingevuld uit het register of "
                   "een eerdere zaak (F3 zegt welke); wijzigt u het, dan gaat het teken weg. "
                   "Antwoorden worden binnen een seconde bewaard; F6 bewaart onder een "
                   "andere naam.",
    "wizard.key.next": "Volgende pagina",
    "wizard.key.previous": "Vorige pagina",
    "wizard.key.field_help": "Toelichting",
    "wizard.key.issues": "Wat houdt tegen",
    "wizard.key.submit": "Indienen",
    "wizard.key.save": "Nu bewaren",
    "wizard.key.save_as": "Bewaren als",
    "wizard.page.documents": "Documenten",
    "wizard.page.review": "Controleren",
    "wizard.progress": "{done} van {required} klaar",
    "wizard.yes": "Ja",
    "wizard.no": "Nee",
    "wizard.optional": "niet verplicht",
    "wizard.placeholder.date": "dd-mm-jjjj, bijv. 31-03-2026",
    "wizard.placeholder.money": "bedrag in euro, bijv. 5688,50",
    "wizard.placeholder.number": "een heel getal",
    "wizard.placeholder.v_number": "10 cijfers",
    "wizard.placeholder.bsn": "9 cijfers",
    "wizard.placeholder.postcode": "1234 AB",
    "wizard.placeholder.email": "naam@voorbeeld.nl",
    "wizard.placeholder.phone": "+31 70 123 4567",
    "wizard.placeholder.country": "typ een naam of code, → vult aan",
    "wizard.country_matches": "Gevonden: {matches}",
    "wizard.issues.title.one": "{n} punt houdt indienen tegen · Enter gaat erheen · Esc sluit",
    "wizard.issues.title.other": "{n} punten houden indienen tegen · Enter gaat erheen · Esc sluit",
    "wizard.issues.none": "Niets houdt indienen tegen.",
    "wizard.summary.blocked.one": "✗ {n} punt houdt indienen tegen · {shortcut} toont ze",
    "wizard.summary.blocked.other": "✗ {n} punten houden indienen tegen · {shortcut} toont ze",
    "wizard.summary.ready": "✓ Niets houdt indienen tegen · {shortcut} dient in",
    "wizard.summary.locked": "Al naar het portaal verstuurd · {shortcut} gaat verder met indienen",
    "wizard.locked": "Deze aanvraag is naar het portaal verstuurd: de antwoorden zijn wat het "
                     "portaal kreeg en kunnen niet meer veranderen. {shortcut} gaat verder met "
                     "indienen (betalen, ontvangstbevestiging).",
    "wizard.filed": "Ingediend op {date} als zaak {zaaknummer}; dit concept kan niet meer "
                    "veranderen. In Concepten kopieert c het als nieuwe aanvraag.",
    "wizard.summary.filed": "Ingediend als zaak {zaaknummer} · {shortcut} toont de "
                            "ontvangstbevestiging",
    "wizard.review.filed": "Ingediend: de antwoorden zijn wat het portaal heeft ontvangen.",
    "wizard.saved": "bewaard {time}",
    "wizard.saved_as": "Bewaard als {path}; u werkt nu in dit bestand.",
    "wizard.save_failed": "NIET BEWAARD",
    "wizard.save_failed_title": "Niet bewaard",
    "wizard.leave_unsaved": "Het concept kon niet worden bewaard; nu weggaan kost uw laatste "
                            "antwoorden. Los de oorzaak op of bewaar ergens anders (F6); druk "
                            "nogmaals op Esc om toch weg te gaan.",
    "wizard.no_more_pages": "In die richting is er geen pagina meer.",
    "wizard.help_no_field": "Ga eerst naar een vraag (Tab); F3 toont dan de toelichting.",
    "wizard.submit_blocked.one": "Nog niet: {n} punt houdt indienen tegen. Het staat hieronder.",
    "wizard.submit_blocked.other": (
        "Nog niet: {n} punten houden indienen tegen. Ze staan hieronder."),
    "wizard.open_failed": "Het bestand kon niet worden geopend: {reason}. Controleer de naam "
                          "en de map.",
    "wizard.refused.title": "Dit concept kan niet worden geopend",
    "wizard.refused.kept": "Er is niets veranderd in {path}. Esc gaat terug.",
    "wizard.save_as.title": "Bewaren als",
    "wizard.save_as.prompt": "Nieuwe bestandsnaam (een naam alleen komt in {folder}):",
    "wizard.save_as.hint": ".tfa wordt toegevoegd als het ontbreekt. Enter bewaart, Esc "
                           "annuleert. Het oude bestand blijft zoals het is.",
    "wizard.save_as.empty": "Typ een bestandsnaam.",
    "wizard.save_as.exists": "{path} bestaat al. Kies een andere naam; er is niets "
                             "overschreven.",
    "wizard.save_as.no_folder": "De map {folder} bestaat niet.",
    # --- end of the wizard itself ---
    # --- documents page, review page (wizard.docs.*, wizard.review.*) ---
    "wizard.docs.intro": "Alleen PDF, hoogstens 8 MB per stuk. Enter of a: bestand toevoegen "
                         "aan het gekozen document · d: verwijderen · u: nu uploaden (hoeft "
                         "niet: indienen uploadt wat nog ontbreekt).",
    "wizard.docs.key.attach": "Bestand toevoegen",
    "wizard.docs.key.detach": "Verwijderen",
    "wizard.docs.key.upload": "Nu uploaden",
    "wizard.docs.key.cancel_upload": "Upload stoppen",
    "wizard.docs.key.close": "Pad sluiten",
    "wizard.docs.key.complete": "Pad aanvullen",
    "wizard.docs.path_placeholder": "~/Documenten/paspoort.pdf",
    "wizard.docs.path_label": "Bestand voor “{slot}” (Tab vult aan, Enter controleert en "
                              "voegt toe, Esc sluit):",
    "wizard.docs.more": "… en nog {count}",
    "wizard.docs.none": "Deze aanvraag vraagt om geen documenten.",
    "wizard.docs.required": "verplicht",
    "wizard.docs.optional": "niet verplicht",
    "wizard.docs.empty": "nog niet toegevoegd",
    "wizard.docs.file": "{name} · {size} · {pages} blz.",
    "wizard.docs.uploaded": "geüpload",
    "wizard.docs.by_post": "kan niet worden geüpload: per post of op afspraak",
    "wizard.docs.checking_short": "wordt gecontroleerd…",
    "wizard.docs.checking": "{name} wordt gecontroleerd…",
    "wizard.docs.reattach": "{name}: staat niet op deze computer, voeg het opnieuw toe",
    "wizard.docs.missing_help": "Het concept noemt een bestand dat niet op deze computer staat "
                                "(het concept komt waarschijnlijk van een collega). Voeg het "
                                "bestand opnieuw toe, of vraag om een pakket met documenten.",
    "wizard.docs.not_asked": "{name}: uw antwoorden vragen hier niet meer om, verwijder het "
                             "met d",
    "wizard.docs.not_asked_help": "Uw antwoorden vragen niet meer om dit document. Het wordt "
                                  "niet meegestuurd; verwijder het met d.",
    "wizard.docs.photo_card": "De fotokaart wordt nooit geüpload: een scan is niet goed genoeg. "
                              "Stuur hem per post naar de IND, of maak een afspraak bij een "
                              "IND-loket of expatcentrum om de foto te laten maken (zie "
                              "Afspraken).",
    "wizard.docs.photo_card_hint": "Maak de afspraak voor de foto onder Afspraken "
                                   "(:afspraken).",
    "wizard.docs.busy": "Er wordt nog een bestand gecontroleerd; een ogenblik.",
    "wizard.docs.cannot_open": "Het bestand kan niet worden geopend: {reason}. Controleer het "
                               "pad en probeer het opnieuw.",
    "wizard.docs.attached.one": "{name} toegevoegd: {n} pagina, {size}.",
    "wizard.docs.attached.other": "{name} toegevoegd: {n} pagina's, {size}.",
    "wizard.docs.refused_title": "Niet toegevoegd: {name}",
    "wizard.docs.code": "Code: {code}",
    "wizard.docs.kept": "Uw antwoorden en een eerder document voor dit onderdeel zijn "
                        "ongewijzigd.",
    "wizard.docs.nothing_to_detach": "Hier is geen document toegevoegd.",
    "wizard.docs.detach_question": "Het document voor “{slot}” verwijderen?",
    "wizard.docs.detach_detail": "{name} wordt uit dit concept gehaald; het bestand op uw "
                                 "schijf blijft staan.",
    "wizard.docs.detached": "{name} verwijderd.",
    "wizard.docs.nothing_to_upload": "Er is geen toegevoegd document om te uploaden.",
    "wizard.docs.login_first": "Log eerst in: voor uploaden is het portaal nodig.",
    "wizard.docs.upload_start": "Bezig met uploaden…",
    "wizard.docs.upload_step": "{name}: {done} van {total}",
    "wizard.docs.locked": "Dit concept is naar het portaal verstuurd: de documenten "
                          "veranderen hier niet meer. Latere documenten gaan naar de zaak "
                          "zodra die is geregistreerd.",
    "wizard.docs.upload_done": "Documenten geüpload. Ze gaan mee met de aanvraag zodra u die "
                               "indient.",
    "wizard.docs.upload_cancelled": "Upload gestopt. Verder is niets veranderd; druk op u om "
                                    "het opnieuw te proberen.",
    "wizard.docs.upload_failed": "De upload is niet afgerond. Verder is niets veranderd; druk "
                                 "op u om het opnieuw te proberen.",
    "wizard.review.key.submit": "Indienen",
    "wizard.review.key.edit": "Wijzigen",
    "wizard.review.submit": "Indienen (s)",
    "wizard.review.yes": "Ja",
    "wizard.review.no": "Nee",
    "wizard.review.unanswered": "niet ingevuld",
    "wizard.review.documents": "Documenten",
    "wizard.review.notices": "Goed om te weten",
    "wizard.review.by_post": "per post of op afspraak (niet geüpload)",
    "wizard.review.doc": "{name} · {size} · {pages} blz.",
    "wizard.review.doc_missing": "{name}: staat niet op deze computer, voeg het opnieuw toe",
    "wizard.review.doc_required": "ontbreekt: voeg het toe",
    "wizard.review.doc_none": "geen",
    "wizard.review.fee": "Leges {year}: {amount}.",
    "wizard.review.provisional_amount": "{amount} (voorlopig)",
    "wizard.review.fee_provisional": "Voorlopig: de leges voor {year} zijn nog niet "
                                     "gepubliceerd; het portaal noemt het bedrag voordat u "
                                     "betaalt.",
    "wizard.review.fee_unknown": "Leges {year}: nog niet bekend; het portaal noemt het bedrag "
                                 "voordat u betaalt.",
    "wizard.review.fee_free": "Geen leges.",
    "wizard.review.blocked": "Indienen kan nog niet ({count} te herstellen); eerst: {first}.",
    "wizard.review.ready": "Alles is compleet. Enter op een regel wijzigt die; s dient in.",
    # --- end of documents and review ---
    # --- filing (wizard.filing.*) ---
    "wizard.filing.help": "Indienen stuurt het concept in vier stappen naar het portaal: "
                          "documenten, de aanvraag, de betaling en de ontvangstbevestiging. "
                          "Elke stap gaat één keer: ind-tui bewaart vóór het versturen een "
                          "sleutel bij het concept, dus opnieuw proberen of het concept later "
                          "weer openen dient nooit twee keer in en betaalt nooit twee keer.",
    "wizard.filing.key.send": "Indienen",
    "wizard.filing.key.retry": "Opnieuw",
    "wizard.filing.key.reconcile": "Navragen bij portaal",
    "wizard.filing.key.save": "Bevestiging opslaan",
    "wizard.filing.key.open_case": "Zaak openen",
    "wizard.filing.title": "Indienen: {form}",
    "wizard.filing.step.upload": "Documenten uploaden",
    "wizard.filing.step.submit": "Aanvraag indienen",
    "wizard.filing.step.pay": "{amount} betalen",
    "wizard.filing.step.receipt": "Ontvangstbevestiging",
    "wizard.filing.state.done": "klaar",
    "wizard.filing.state.running": "bezig…",
    "wizard.filing.state.failed": "niet afgerond",
    "wizard.filing.state.todo": "nog te doen",
    "wizard.filing.state.skipped": "niet nodig",
    "wizard.filing.confirm_title": "Voordat u indient",
    "wizard.filing.fee_set": "Leges die het portaal voor deze aanvraag vaststelde: {amount}.",
    "wizard.filing.fee_loading": "De leges worden bij het portaal opgevraagd…",
    "wizard.filing.once": "De aanvraag gaat precies één keer: valt de verbinding weg, dan "
                          "vraagt ind-tui eerst het portaal wat er aankwam en betaalt nooit "
                          "twee keer.",
    "wizard.filing.locks": "Vanaf het versturen zijn de antwoorden niet meer te wijzigen; "
                           "latere documenten gaan naar de zaak (zaaknummer op de "
                           "ontvangstbevestiging).",
    "wizard.filing.awaiting_payment": "Het portaal heeft de aanvraag; die wacht op de "
                                      "betaling.",
    "wizard.filing.method": "Betaalwijze (kies met j/k)",
    "wizard.filing.method.direct_debit": "Automatische incasso (machtiging van de referent)",
    "wizard.filing.method.one_off": "Eenmalige betaling (betaalstap van het portaal)",
    "wizard.filing.paying_by": "Betaling: {method}.",
    "wizard.filing.send_hint": "f: nu indienen · Esc: terug naar het concept, er wordt niets "
                               "verstuurd",
    "wizard.filing.pay_hint": "f: nu betalen · Esc: terug, de aanvraag blijft ingediend",
    "wizard.filing.ask": "Deze aanvraag indienen en {amount} betalen?",
    "wizard.filing.ask_free": "Deze aanvraag indienen (geen leges)?",
    "wizard.filing.ask_pay": "{amount} betalen voor de ingediende aanvraag?",
    "wizard.filing.uploading": "{name} wordt geüpload: {done} van {total}",
    "wizard.filing.doing.upload": "Bezig met uploaden…",
    "wizard.filing.doing.submit": "De aanvraag wordt verstuurd…",
    "wizard.filing.doing.pay": "Bezig met betalen…",
    "wizard.filing.doing.receipt": "De ontvangstbevestiging wordt opgehaald…",
    "wizard.filing.checking": "Navragen bij het portaal…",
    "wizard.filing.nothing_arrived": "Het portaal heeft niets ontvangen onder dit concept. "
                                     "Druk op f om het te versturen; dezelfde sleutel wordt "
                                     "gebruikt, dus dubbel indienen kan niet.",
    "wizard.filing.busy": "Het indienen is bezig; wacht tot het klaar is.",
    "wizard.filing.receipt_title": "Ontvangstbevestiging",
    "wizard.filing.done": "Ingediend. Zaaknummer {zaak}.",
    "wizard.filing.save_label": "Ontvangstbevestiging opslaan als (Enter slaat op, Esc "
                                "sluit):",
    "wizard.filing.saved": "Ontvangstbevestiging opgeslagen in {path}.",
    "wizard.filing.problem.code": "Code: {code}",
    "wizard.filing.problem.not_sent.title": "Niet verstuurd",
    "wizard.filing.problem.not_sent": "Het portaal heeft het niet ontvangen; deze poging heeft "
                                      "niets ingediend of betaald. Alle antwoorden zijn "
                                      "bewaard. Druk op r om het opnieuw te proberen: dat is "
                                      "veilig, dezelfde sleutel wordt gebruikt.",
    "wizard.filing.problem.unknown.title": "Uitkomst nog niet bekend",
    "wizard.filing.problem.unknown": "Het portaal heeft het misschien wel, misschien niet "
                                     "ontvangen, en navragen gaf geen uitsluitsel. Dien niet "
                                     "opnieuw in en betaal niet opnieuw, ook niet elders. Druk "
                                     "op c: ind-tui vraagt het portaal na onder de sleutel van "
                                     "dit concept en gaat dan verder.",
    "wizard.filing.problem.pending.title": "Betaald: bevestiging volgt nog",
    "wizard.filing.problem.pending": "De betaling is gelukt, maar de ontvangstbevestiging is "
                                     "niet aangekomen. Betaal niet opnieuw. Druk op c om de "
                                     "bevestiging bij het portaal op te vragen.",
    "wizard.filing.problem.unavailable.title": "Tijdelijk niet beschikbaar",
    "wizard.filing.problem.unavailable": "De dienst van het portaal voor deze aanvraag is "
                                         "tijdelijk niet beschikbaar. Alle antwoorden zijn "
                                         "bewaard in het concept. Probeer het later opnieuw "
                                         "met r.",
    "wizard.filing.problem.draft.title": "Een document is niet klaar",
    "wizard.filing.problem.draft": "Een document van het concept kan vanaf deze computer niet "
                                   "worden verstuurd. Er is niets ingediend.",
    "wizard.filing.problem.other.title": "Niet afgerond",
    "wizard.filing.problem.other": "Het indienen is gestopt (de melding zei waarom). Alle "
                                   "antwoorden zijn bewaard; druk op r om het opnieuw te "
                                   "proberen.",
    "wizard.filing.problem.company.title": "Concept van een andere klant",
    "wizard.filing.problem.company": "Dit concept hoort bij een ander bedrijf dan waarvoor u "
                                     "bent ingelogd.",
    "wizard.filing.problem.unbound.title": "Voor welke klant?",
    "wizard.filing.problem.unbound": "Dit concept zegt nog niet voor welk bedrijf het is, dus "
                                     "het wordt niet ingediend. Open het opnieuw en "
                                     "beantwoord de vraag, of log in voor de juiste klant.",
    "wizard.filing.bind": "Is dit concept voor {company}?",
    "wizard.filing.bind_detail": "Het is gemaakt voordat concepten hun bedrijf vastlegden. Ja "
                                 "koppelt het blijvend aan {company}; daarna kan het alleen "
                                 "voor dat bedrijf worden ingediend.",
    "wizard.filing.problem.offline.title": "Geen verbinding",
    "wizard.filing.problem.offline": "Er is nog geen verbinding met het portaal. Alle "
                                     "antwoorden zijn bewaard; kom terug zodra er verbinding "
                                     "is.",
    "wizard.filing.key.file_another": "Nog een voor dit bedrijf",
    "wizard.filing.key.to_drafts": "Concepten",
    "wizard.filing.kvk": "KvK {kvk}",
    "wizard.filing.next": "n: nog een aanvraag voor {company} · d: terug naar concepten · w: "
                          "bevestiging opslaan · o: zaak openen",
    "wizard.filing.step.pay_unknown": "Leges betalen",
    "wizard.filing.step.pay_free": "Betalen (geen leges)",
    "wizard.filing.ask_unknown": "Deze aanvraag indienen en de leges betalen die het portaal "
                                 "vaststelt?",
    "wizard.filing.ask_pay_unknown": "De leges betalen voor de ingediende aanvraag?",
    "wizard.filing.dup.checking": "Nagaan of deze persoon al zo'n aanvraag heeft…",
    "wizard.filing.dup.failed": "Niet na te gaan of deze persoon al zo'n aanvraag heeft; er "
                                "is niets verstuurd. Druk op f om het opnieuw te proberen.",
    "wizard.filing.dup.title": "Mogelijk dubbel",
    "wizard.filing.dup.ask": "{name} heeft deze aanvraag misschien al. Toch indienen?",
    "wizard.filing.dup.ask_anon": "Deze persoon heeft deze aanvraag misschien al. Toch "
                                  "indienen?",
    "wizard.filing.dup.portal": "zaak {zaak}: {kind}, {status}",
    "wizard.filing.dup.pending": "zaak {zaak}: {kind}, vanaf deze computer ingediend, nog "
                                 "niet geregistreerd",
    "wizard.filing.dup.filing": "concept {draft}: {kind}, {stage}",
    "wizard.filing.dup.stage.not_sent": "wordt verstuurd",
    "wizard.filing.dup.stage.submitted": "ingediend, nog niet betaald",
    "wizard.filing.dup.stage.paid": "betaald, bevestiging volgt nog",
    "wizard.filing.dup.more.one": "en nog {n}",
    "wizard.filing.dup.more.other": "en nog {n}",
    "wizard.filing.dup.advice": "Dien alleen in als een tweede aanvraag de bedoeling is. Nee "
                                "laat het concept zoals het is; er wordt niets verstuurd.",
    # --- end of filing ---
}
