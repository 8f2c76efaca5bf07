"""Dutch texts of the appointments and payments areas. Every key here exists in
appointments_en.py too."""

NL: dict[str, str] = {
    # --- afspraken: de lijst -----------------------------------------------------------------
    "appointments.title": "Afspraken",
    "appointments.title_count": "Afspraken ({count} gepland)",
    "appointments.loading": "Afspraken laden…",
    "appointments.none": "Nog geen afspraken. Druk op b om er een te boeken.",
    "appointments.hint": "Amsterdam zit wekenlang vol; door afzeggingen komt soms iets vrij.",
    "appointments.help": "Voor elk bezoek aan een IND-loket of expatcentrum is een afspraak "
                         "nodig; het doel bepaalt welke tijden er zijn. b boekt: kies de zaak, "
                         "het doel en de locaties (spatie vinkt een locatie aan, Enter zoekt; "
                         "uw keuze wordt onthouden), dan een van de eerste vrije tijden. m "
                         "verzet de gekozen afspraak, x zegt hem af (na een vraag), / filtert "
                         "(bv. zaak:3100000007 of status:geboekt), r vernieuwt.",
    "appointments.col.when": "Wanneer",
    "appointments.col.zaak": "Zaaknr.",
    "appointments.col.employee": "Werknemer",
    "appointments.col.purpose": "Doel",
    "appointments.col.place": "Locatie",
    "appointments.col.status": "Status",
    "appointments.col.type": "Soort",
    "appointments.key.book": "Boeken",
    "appointments.key.reschedule": "Verzetten",
    "appointments.key.cancel": "Afzeggen",
    "appointments.key.search": "Zoeken",
    "appointments.purpose.biometrics": "Biometrie (foto en vingerafdrukken)",
    "appointments.purpose.collect_document": "Verblijfsdocument ophalen",
    "appointments.purpose.endorsement_sticker": "Sticker verblijfsaantekening",
    "appointments.purpose_short.biometrics": "biometrie",
    "appointments.purpose_short.collect_document": "document",
    "appointments.purpose_short.endorsement_sticker": "sticker",
    "appointments.help.biometrics": "Foto en vingerafdrukken worden aan de balie gemaakt. De "
                                    "fotokaart kan nooit worden geüpload; met dit bezoek hoeft "
                                    "hij ook niet per post.",
    "appointments.help.collect_document": "Zodra de IND meldt dat het verblijfsdocument "
                                          "klaarligt; neem het paspoort en de brief mee.",
    "appointments.help.endorsement_sticker": "Een sticker in het paspoort die laat zien dat "
                                             "het verblijf rechtmatig is zolang er nog geen "
                                             "besluit is.",
    "appointments.not_now.biometrics": "nu niet: alleen voordat het document gemaakt wordt "
                                       "(lopend, of net ingewilligd)",
    "appointments.not_now.collect_document": "nog niet: pas als de IND meldt dat het "
                                             "document klaarligt",
    "appointments.not_now.endorsement_sticker": "nu niet: alleen zolang er geen besluit is",
    "appointments.status.booked": "geboekt",
    "appointments.status.cancelled": "afgezegd",
    "appointments.status.past": "voorbij",
    "appointments.short_place.ind_desk": "{city} (IND)",
    "appointments.short_place.expat_centre": "{city} (expat)",
    "appointments.kind.ind_desk": "IND-loket",
    "appointments.kind.expat_centre": "expatcentrum",
    "appointments.weekday.0": "ma",
    "appointments.weekday.1": "di",
    "appointments.weekday.2": "wo",
    "appointments.weekday.3": "do",
    "appointments.weekday.4": "vr",
    "appointments.weekday.5": "za",
    "appointments.weekday.6": "zo",
    "appointments.detail_status": "{status} · geboekt op {booked}",
    # --- afspraken: boeken -------------------------------------------------------------------
    "appointments.step.case": "Afspraak boeken: voor welke zaak?",
    "appointments.step.case_hint": "De persoon van de zaak komt naar het loket. Alleen zaken "
                                   "die nu een bezoek toelaten staan erin. / filtert, Enter "
                                   "kiest.",
    "appointments.step.purpose": "Waarvoor is het bezoek?",
    "appointments.step.places": "Waar? Vink de locaties aan die passen",
    "appointments.step.places_hint": "Spatie vinkt een locatie aan of uit; Enter zoekt de "
                                     "eerste vrije tijden op alle aangevinkte locaties.",
    "appointments.step.slot": "Eerste vrije tijden: {purpose}",
    "appointments.no_cases": "Geen zaak laat nu een bezoek toe",
    "appointments.for_case": "Voor {employee}, zaak {zaak}",
    "appointments.pick_one": "Vink minstens één locatie aan (spatie).",
    "appointments.searching": "Vrije tijden zoeken…",
    "appointments.found": "{count} vrije tijden, vroegste eerst. Enter boekt.",
    "appointments.none_free": "Niets vrij op deze locaties tot {until}. Kies andere locaties, "
                              "of kijk later opnieuw voor afzeggingen.",
    "appointments.full_until": "Volgeboekt tot {until}: {places}",
    "appointments.not_serving": "Niet voor deze aanvraag: {places}",
    "appointments.taken": "Iemand anders nam die tijd net; er is niets geboekt. Dit zijn de "
                          "vrije tijden zoals ze nu zijn.",
    "appointments.booked": "Geboekt: {when} bij {place}",
    "appointments.moved": "Verzet naar {when} bij {place}",
    "appointments.cancelled": "Bezoek van {when} bij {place} afgezegd",
    "appointments.closed": "Deze afspraak is afgezegd of al geweest; boek een nieuwe met b.",
    "appointments.cancel_title": "Deze afspraak afzeggen?",
    "appointments.cancel_text": "{employee}: {purpose}\n{when} bij {place}\n\nDe tijd gaat "
                                "meteen naar anderen; in Amsterdam kan een nieuwe weken op "
                                "zich laten wachten.",
    "appointments.cancel_yes": "Bezoek afzeggen",
    "appointments.cancel_no": "Behouden",
    # --- betalingen --------------------------------------------------------------------------
    "payments.title": "Betalingen",
    "payments.title_count": "Betalingen ({count})",
    "payments.loading": "Betalingen laden…",
    "payments.none": "Geen betalingen.",
    "payments.hint": "Leges voor een aanvraag die nooit aankwam, of dubbel betaald, komen "
                     "vanzelf terug.",
    "payments.help": "Alle leges die voor dit account betaald zijn, nieuwste eerst, met een "
                     "terugbetaling op dezelfde regel. / filtert wat u ziet, bv. "
                     "case:3100000007, status:terugbetaald of 2026; de totalen gaan over wat u "
                     "ziet. e exporteert wat u ziet als CSV voor de boekhouding; r vernieuwt.",
    "payments.col.paid": "Betaald",
    "payments.col.case": "Zaaknr.",
    "payments.col.employee": "Werknemer",
    "payments.col.amount": "Bedrag",
    "payments.col.status": "Status",
    "payments.col.refund": "Terugbetaling",
    "payments.col.reference": "Kenmerk",
    "payments.key.export": "CSV exporteren",
    "payments.status.pending": "nog te incasseren",
    "payments.status.paid": "betaald",
    "payments.status.refunded": "terugbetaald",
    "payments.method.direct_debit": "automatische incasso",
    "payments.method.one_off": "eenmalige betaling",
    "payments.reason.not_received": "niet ontvangen",
    "payments.reason.duplicate": "dubbel betaald",
    "payments.reason.other": "door de IND",
    "payments.refund_made": "{reason} {day}",
    "payments.refund_due": "uiterlijk {day}",
    "payments.totals": "{count} · betaald {charged} · open {pending} · terug {refunded} · "
                       "netto {net}",
    "payments.filtered": "(gefilterd, van {total})",
    "payments.fact.paid": "Betaald",
    "payments.detail_paid": "{method}, {paid}, afgeschreven {collected}",
    "payments.detail_case": "{case} · legesjaar {year}",
    "payments.detail_no_case": "geen: de aanvraag is niet bij de IND aangekomen · "
                               "legesjaar {year}",
    "payments.detail_refund": "{amount} op {when} ({reason}), kenmerk {reference}",
    "payments.detail_refund_due": "De IND betaalt deze leges uiterlijk {day} terug; u hoeft "
                                  "niets te doen.",
    "payments.export_title": "Betalingen exporteren als CSV",
    "payments.export_prompt": "{count} betalingen (wat de lijst toont). Bestand om te "
                              "schrijven (Enter schrijft, Esc annuleert):",
    "payments.export_failed": "Kon het bestand niet schrijven: {reason}",
    "payments.exported": "{count} betalingen geschreven naar {path}",
}
