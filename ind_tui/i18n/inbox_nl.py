"""Dutch texts of the inbox area. Every key here exists in inbox_en.py too."""

NL: dict[str, str] = {
    # --- the inbox -------------------------------------------------------------------------
    "inbox.title": "Berichten van de IND",
    "inbox.help": "Brieven die de IND over uw zaken stuurde: verzoeken om aanvullende "
                  "informatie, besluiten, documenten die klaarliggen. Ongelezen berichten staan "
                  "bovenaan (●). 1-5 kiezen een weergave, / filtert (tekst, of veld:waarde zoals "
                  "zaak:3100000003 werknemer:chen soort:verzoek), c toont alleen de zaak van de "
                  "regel en e alleen die werknemer (nogmaals: alles), m markeert als gelezen, "
                  "o opent de zaak, r ververst, Enter opent het bericht.",
    "inbox.loading": "Berichten worden gelezen...",
    "inbox.empty": "Geen berichten.",
    "inbox.empty_filter": "Geen berichten in deze weergave.",
    "inbox.counts": "{total} berichten, {unread} ongelezen · portaaldatum {today}",
    "inbox.counts_shown": "{shown} van {total} berichten, {unread} ongelezen · portaaldatum "
                          "{today}",
    "inbox.kept": "Getoond: de lijst zoals gelezen op {when}.",
    "inbox.col.sent": "Datum",
    "inbox.col.kind": "Soort",
    "inbox.col.case": "Zaak",
    "inbox.col.employee": "Werknemer",
    "inbox.col.about": "Betreft",
    "inbox.col.deadline": "Termijn",
    "inbox.kind.info_request": "verzoek",
    "inbox.kind.decision": "besluit",
    "inbox.kind.ready_for_collection": "klaar",
    "inbox.kind_long.info_request": "Verzoek om aanvullende informatie",
    "inbox.kind_long.decision": "Besluit",
    "inbox.kind_long.ready_for_collection": "Verblijfsdocument ligt klaar",
    "inbox.state.open": "open",
    "inbox.state.answered": "beantwoord",
    "inbox.state.lapsed": "termijn verstreken",
    "inbox.decision.granted": "ingewilligd",
    "inbox.decision.rejected": "afgewezen",
    "inbox.decision.not_considered": "buiten behandeling gesteld",
    "inbox.about.open": "{left}",
    "inbox.about.ready": "ophalen",
    "inbox.days.left": "nog {n} dagen",
    "inbox.days.one": "nog 1 dag",
    "inbox.days.today": "vandaag",
    "inbox.days.late": "{n} dagen te laat",
    "inbox.facet.all": "alles",
    "inbox.facet.unread": "ongelezen",
    "inbox.facet.requests": "open verzoeken",
    "inbox.facet.decisions": "besluiten",
    "inbox.facet.ready": "klaar",
    "inbox.facets": "Weergave: {facets}",
    "inbox.only_case": "alleen zaak {zaak}",
    "inbox.only_employee": "alleen {name}",
    "inbox.key.facet": "Weergave",
    "inbox.key.read": "Gelezen",
    "inbox.key.case": "Zaak openen",
    "inbox.key.by_case": "Deze zaak",
    "inbox.key.by_employee": "Deze werknemer",
    "inbox.key.answer": "Beantwoorden",
    "inbox.read_done": "Gemarkeerd als gelezen.",
    # --- one message -----------------------------------------------------------------------
    "inbox.msg.help": "Eén bericht. a beantwoordt een verzoek door de gevraagde documenten te "
                      "uploaden, o opent de zaak (in het dossier staat de brief), Esc gaat "
                      "terug.",
    "inbox.msg.head": "{kind} · zaak {zaak}",
    "inbox.msg.fact.employee": "Werknemer",
    "inbox.msg.fact.type": "Aanvraag",
    "inbox.msg.fact.sent": "Verstuurd",
    "inbox.msg.fact.subject": "Onderwerp (IND)",
    "inbox.msg.letter": "De brief staat in het dossier van de zaak ({doc}); o opent de zaak.",
    "inbox.msg.deadline": "Reageren vóór of op {date} ({left}).",
    "inbox.msg.asked": "Gevraagde documenten:",
    "inbox.msg.asked_item": "  • {title}",
    "inbox.msg.asked_done": "  ✓ {title} ({doc})",
    "inbox.msg.open": "De beslistermijn staat stil tot de IND deze documenten heeft, hooguit "
                      "tot de termijn verstrijkt. Uiterste beslisdatum voorlopig: {date}; elke "
                      "dag dat u eerder reageert, komt die een dag dichterbij. Druk op a om te "
                      "reageren.",
    "inbox.msg.answered": "Beantwoord op {when}. De uiterste beslisdatum is nu {date}.",
    "inbox.msg.lapsed": "De termijn is verstreken zonder reactie. De IND gaat verder met wat "
                        "zij heeft; de uiterste beslisdatum is {date}. Tot de IND besluit, kunt "
                        "u nog documenten bij de zaak uploaden (o, dan u).",
    "inbox.msg.decision": "De IND heeft besloten: {decision}.",
    "inbox.msg.ready": "Het verblijfsdocument ligt klaar. Maak een afspraak bij een IND-loket "
                       "om het op te halen.",
    "inbox.msg.not_open": "Alleen een openstaand verzoek kan worden beantwoord.",
    # --- answering -------------------------------------------------------------------------
    "inbox.answer.title": "Reageren op het verzoek voor zaak {zaak}",
    "inbox.answer.intro": "Kies per gevraagd document één pdf (hooguit {mb} MB, zonder "
                          "wachtwoord). Ze worden eerst hier gecontroleerd, dan bij de zaak "
                          "geüpload, en daarna wordt de reactie verstuurd. Tab vult een pad "
                          "aan; ctrl+s verstuurt.",
    "inbox.answer.help": "Typ of vul (Tab) het pad van een pdf aan voor elk document; ctrl+s "
                         "controleert ze allemaal en verstuurt de reactie, Esc gaat terug "
                         "zonder te versturen.",
    "inbox.answer.missing": "Kies een bestand voor: {what}",
    "inbox.answer.checking": "De documenten worden gecontroleerd...",
    "inbox.answer.ok.one": "✓ {name}: pdf, {n} pagina",
    "inbox.answer.ok.other": "✓ {name}: pdf, {n} pagina's",
    "inbox.answer.warning": "  let op: {text}",
    "inbox.answer.refused": "✗ {name}: {reason}",
    "inbox.answer.fix": "Er is niets verstuurd. Kies een ander bestand voor elk document met ✗.",
    "inbox.answer.uploading": "{name} wordt geüpload...",
    "inbox.answer.sending": "De reactie wordt verstuurd...",
    "inbox.answer.kept": "Al geüploade documenten blijven bewaard: opnieuw versturen uploadt "
                         "alleen wat nog ontbreekt.",
    "inbox.answer.done.one": (
        "Beantwoord. De beslistermijn stond {n} dag stil; de uiterste beslisdatum is nu {date} "
        "(tijdens het wachten was dat {before})."),
    "inbox.answer.done.other": (
        "Beantwoord. De beslistermijn stond {n} dagen stil; de uiterste beslisdatum is nu {date} "
        "(tijdens het wachten was dat {before})."),
    "inbox.answer.key.send": "Reactie versturen",
    # --- home and announcements --------------------------------------------------------------
    "inbox.home.unread.one": "{n} ongelezen bericht van de IND (:inbox)",
    "inbox.home.unread.other": "{n} ongelezen berichten van de IND (:inbox)",
    "inbox.home.next": "Eerstvolgende termijn: reageren voor {name} (zaak {zaak}) uiterlijk "
                       "{date}, {left} (:due)",
    "inbox.announce.title": "Nieuw van de IND",
    "inbox.announce.messages.one": "{n} nieuw bericht: {kinds}",
    "inbox.announce.messages.other": "{n} nieuwe berichten: {kinds}",
    "inbox.announce.count.one": "{n} nieuw bericht",
    "inbox.announce.count.other": "{n} nieuwe berichten",
    "inbox.announce.cases.one": "{n} zaak gewijzigd sinds u laatst keek",
    "inbox.announce.cases.other": "{n} zaken gewijzigd sinds u laatst keek",
    # --- due soon ----------------------------------------------------------------------------
    "due.title": "Binnenkort te doen",
    "due.help": "Alles met een datum waarvoor u iets moet doen, eerstvolgende bovenaan, "
                "gerekend op de datum van het portaal: verzoeken om informatie, werknemers "
                "afmelden, verlengingen indienen, een adreswijziging melden, afspraken. Enter "
                "gaat erheen (bij een verlenging: begint die, ingevuld uit het register); "
                "a noteert een wijziging van het administratieadres (binnen 2 "
                "weken melden), x vergeet zo'n notitie, r ververst, / filtert. Spatie "
                "markeert een verlenging (m markeert ze alle, ✓ toont een markering); b "
                "maakt een concept-verlenging per gemarkeerde werknemer en dient ze samen "
                "in.",
    "due.loading": "Verzamelen wat er te doen is...",
    "due.empty": "Niets te doen.",
    "due.summary.one": "{n} punt, {late} te laat · portaaldatum {today}",
    "due.summary.other": "{n} punten, {late} te laat · portaaldatum {today}",
    "due.failed": "Kon {parts} niet lezen; de rest staat hieronder. r probeert opnieuw.",
    "due.part.messages": "de berichten",
    "due.part.employees": "de werknemers",
    "due.part.appointments": "de afspraken",
    "due.part.account": "het account",
    "due.col.date": "Datum",
    "due.col.left": "Wanneer",
    "due.col.what": "Wat",
    "due.col.who": "Wie",
    "due.col.case": "Zaak",
    "due.col.detail": "Details",
    "due.kind.information": "verzoek beantwoorden",
    "due.kind.deregister": "afmelden",
    "due.kind.extension_window": "verlenging indienen",
    "due.kind.address": "adres melden",
    "due.kind.appointment": "afspraak",
    "due.detail.documents.one": "{n} document gevraagd",
    "due.detail.documents.other": "{n} documenten gevraagd",
    "due.detail.contract_ended": "contract beëindigd",
    "due.detail.permit_ended": "vergunning verlopen",
    "due.detail.opens": "vergunning loopt af; verlengen kan vanaf {date}",
    "due.detail.address": "administratieadres wijzigt op {date}",
    "due.detail.appointment": "{time} {location}, {purpose}",
    "due.purpose.biometrics": "biometrie",
    "due.purpose.collect_document": "document ophalen",
    "due.purpose.endorsement_sticker": "verblijfssticker",
    "due.key.address": "Adreswijziging",
    "due.key.forget": "Notitie vergeten",
    "due.address.title": "Wijziging van het administratieadres",
    "due.address.label": "Datum waarop het administratieadres wijzigt (JJJJ-MM-DD)",
    "due.address.invalid": "Schrijf de datum als JJJJ-MM-DD.",
    "due.address.noted": "Genoteerd. Meld het nieuwe administratieadres uiterlijk {date}.",
    "due.address.forgotten": "Notitie verwijderd.",
    "due.address.only_sponsor": "Alleen de referent zelf meldt zijn administratieadres.",
    "due.address.not_selected": "Zet de cursor eerst op een genoteerde adreswijziging.",
}
