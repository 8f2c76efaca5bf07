"""Dutch texts of the drafts area. Every key here exists in drafts_en.py too."""

NL: dict[str, str] = {
    # --- nieuwe aanvraag ------------------------------------------------------------------
    "new.title": "Nieuwe aanvraag",
    "new.for": "Aanvragen voor {name} (KvK {kvk})",
    "new.help": "De soorten aanvragen die dit account mag indienen, zoals het portaal ze "
                "noemt, met leges en beslistermijn. Enter begint een concept en opent het; / "
                "filtert de lijst; d toont de concepten die u bewaard hebt. Voorlopige leges "
                "zijn voor dit jaar nog niet gepubliceerd: een schatting van het portaal, op "
                "basis van de laatst gepubliceerde leges.",
    "new.hint": "Enter begin · / filter · d concepten · Esc terug",
    "new.key.drafts": "Concepten",
    "new.loading": "Het portaal wordt gevraagd welke aanvragen dit account mag indienen…",
    "new.load_failed": "De lijst met soorten aanvragen kon niet worden geladen. Druk op F5 om "
                       "het opnieuw te proberen.",
    "new.count": "{count} soorten aanvragen die dit account mag indienen:",
    "new.none": "Het portaal noemt geen enkele soort aanvraag die dit account mag indienen.",
    "new.not_logged_in": "Log eerst in: welke aanvragen u mag indienen hangt af van het account.",
    "new.not_allowed": "Dit account mag geen aanvragen indienen: {reason}.",
    "new.free": "geen leges",
    "new.fee": "leges {amount} ({year})",
    "new.fee_provisional": "leges {amount} ({year}, voorlopig)",
    "new.decision": "beslissing binnen {days} dagen",
    "new.no_decision": "geen beslissing nodig",
    "new.extension": "verlenging",
    "new.needs_update": "Deze versie van ind-tui kent dit formulier nog niet: werk ind-tui bij.",
    "new.has_drafts.one": "U hebt al {n} bewaard concept van dit formulier.",
    "new.has_drafts.other": "U hebt al {n} bewaarde concepten van dit formulier.",
    "new.exists.title": "Er zijn concepten van dit formulier",
    "new.exists.text.one": (
        "U hebt al {n} bewaard concept van '{form}' voor dit bedrijf. Gaat u verder met dat "
        "concept, of begint u een nieuwe aanvraag?"),
    "new.exists.text.other": (
        "U hebt al {n} bewaarde concepten van '{form}' voor dit bedrijf. Gaat u verder met een "
        "daarvan, of begint u een nieuwe aanvraag?"),
    "new.exists.new": "nieuwe beginnen",
    "new.exists.drafts": "concepten tonen",
    "new.exists.cancel": "annuleren",
    "new.created": "Concept begonnen: {name}",
    "new.create_failed": "Het concept kon niet worden begonnen: {reason}",
    # --- concepten ------------------------------------------------------------------------
    "drafts.title": "Concepten",
    "drafts.title_count": "Concepten ({count})",
    "drafts.help": "Elke aanvraag die op deze computer bewaard is, laatst gewijzigde eerst. "
                   "Enter opent er een in de wizard; r geeft het bestand een andere naam, c "
                   "kopieert het als nieuwe aanvraag, d verwijdert het (na een vraag), p pakt "
                   "het met de documenten in tot één bestand voor een collega, u pakt zo'n "
                   "bestand uit. / filtert, s sorteert. Alleen de concepten van het bedrijf "
                   "waarvoor u optreedt staan in de lijst (a: van elk bedrijf) en geen "
                   "ingediende (f: die ook); een ingediend concept opent alleen-lezen.",
    "drafts.hint": "Enter open · r naam · c kopie · d wissen · p inpakken · u uitpakken · n nieuw",
    "drafts.loading": "De concepten worden gelezen…",
    "drafts.none": "Nog geen concepten bewaard. Druk op n om een nieuwe aanvraag te beginnen.",
    "drafts.folder_unreadable": "De map met concepten kon niet worden gelezen: {reason}",
    "drafts.col.form": "Formulier",
    "drafts.col.employee": "Werknemer",
    "drafts.col.company": "Bedrijf",
    "drafts.unbound": "nog niet gekoppeld",
    "drafts.none_shown": "Geen concepten in deze weergave: de andere zijn van een ander "
                         "bedrijf, of ingediend.",
    "drafts.view.count": "{shown} van {total} concepten",
    "drafts.view.company": "alleen {company} ({press})",
    "drafts.view.all": "alle bedrijven ({press})",
    "drafts.view.filed_hidden": "{n} ingediend verborgen ({press})",
    "drafts.view.filed_shown": "ingediende getoond ({press})",
    "drafts.col.progress": "Voortgang",
    "drafts.col.stage": "Indiening",
    "drafts.col.documents": "Ontbr.",
    "drafts.col.changed": "Gewijzigd",
    "drafts.unreadable": "onleesbaar: {code}",
    "drafts.stage.started": "verstuurd, onbevestigd",
    "drafts.stage.awaiting_payment": "nog niet betaald",
    "drafts.stage.submitted": "ingediend",
    "drafts.stage.paid": "betaald",
    "drafts.stage.done": "ingediend",
    "drafts.detail.unreadable": "Dit bestand kan niet worden geopend:",
    "drafts.detail.unknown_form": "Formulier '{form}' is onbekend in deze versie van ind-tui: "
                                  "werk ind-tui bij om dit concept te openen.",
    "drafts.detail.missing": "Nog nodige documenten ({count}): {names}",
    "drafts.detail.no_missing": "Er ontbreekt geen verplicht document.",
    "drafts.detail.reattach": "Toegevoegd op een andere computer, voeg hier opnieuw toe: {names}",
    "drafts.detail.stage": "Indiening: {stage}",
    "drafts.detail.started": "Er is een aanvraag verstuurd; of die is aangekomen is nog niet "
                             "bevestigd. Open het concept om het bij het portaal na te gaan "
                             "(nooit dubbel).",
    "drafts.detail.receipt": "Ingediend als zaak {zaaknummer}; beslissing uiterlijk {deadline}.",
    "drafts.detail.created": "Begonnen {when}",
    "drafts.detail.kvk": " · voor {company}",
    "drafts.detail.filed": "Ingediend: het opent alleen-lezen; c kopieert het als nieuwe "
                           "aanvraag.",
    "drafts.cannot_open": "{name} kan niet worden geopend; het vak hieronder zegt waarom.",
    "drafts.key.rename": "Naam",
    "drafts.key.duplicate": "Kopie",
    "drafts.key.all": "Alle bedrijven",
    "drafts.key.filed": "Ingediend",
    "drafts.key.delete": "Wissen",
    "drafts.key.pack": "Inpakken",
    "drafts.key.unpack": "Uitpakken",
    "drafts.key.new": "Nieuwe aanvraag",
    "drafts.key.yes": "Ja",
    "drafts.key.no": "Nee",
    "drafts.key.other": "Andere keuze",
    "drafts.dialog.key": "{keys}: {label}",
    "drafts.rename.title": "Concept hernoemen",
    "drafts.rename.prompt": "Nieuwe naam voor {name} (.tfa komt er zelf achter). Enter "
                            "hernoemt, Esc annuleert.",
    "drafts.renamed": "Nieuwe naam: {name}",
    "drafts.name_invalid": "Gebruik alleen letters, cijfers, spaties en _ . , ( ) + & ' -, "
                           "hoogstens 100 tekens, en geen map.",
    "drafts.name_taken": "Er is al een bestand met de naam {name}: kies een andere naam.",
    "drafts.duplicated": "Gekopieerd als nieuwe aanvraag: {name}",
    "drafts.copy.title": "Kopiëren als nieuwe aanvraag",
    "drafts.copy.text": "Ook de persoon kopiëren ({employee}: naam, geboortedatum, V-nummer en "
                        "diens documenten)? Meestal is een kopie voor de volgende werknemer: "
                        "zonder de persoon gaan alleen de antwoorden over de baan en het "
                        "bedrijf mee. Indieningssleutels en ontvangstbevestigingen nooit.",
    "drafts.copy.nobody": "niet ingevuld",
    "drafts.copy.with": "met de persoon",
    "drafts.copy.without": "zonder de persoon (Enter)",
    "drafts.copy.cancel": "annuleren",
    "drafts.delete.title": "Concept verwijderen?",
    "drafts.delete.text": "{name} verwijderen? Dit kan niet ongedaan worden gemaakt.",
    "drafts.delete.started": "Vanuit dit concept is een indiening begonnen. Het bestand bevat "
                             "de sleutel die voorkomt dat het portaal twee keer indient of "
                             "twee keer leges rekent: bewaar het tot de indiening klaar is.",
    "drafts.delete.documents_kept": "De documenten blijven in de documentenopslag.",
    "drafts.delete.yes": "verwijderen",
    "drafts.delete.no": "bewaren",
    "drafts.deleted": "{name} verwijderd",
    "drafts.pack.title": "Inpakken voor een collega",
    "drafts.pack.prompt": "Eén bestand met het concept en de documenten, om naar een collega te "
                          "sturen (die het uitpakt met u). Waar moet het komen? Een map mag "
                          "ook; de naam eindigt op {suffix}.",
    "drafts.packed.one": "Ingepakt in {path} ({n} document)",
    "drafts.packed.other": "Ingepakt in {path} ({n} documenten)",
    "drafts.packed_missing": "Niet op deze computer, dus niet meegenomen: {slots}",
    "drafts.unpack.title": "Concept uitpakken",
    "drafts.unpack.prompt": "Het ingepakte bestand dat een collega u stuurde. Het concept gaat "
                            "naar de map met concepten, de documenten naar de documentenopslag.",
    "drafts.unpacked.one": "{name} uitgepakt ({n} document)",
    "drafts.unpacked.other": "{name} uitgepakt ({n} documenten)",
    "drafts.unpacked_missing": "Voeg deze opnieuw toe, ze zaten niet in het pakket: {slots}",
    "drafts.path_empty": "Typ waar het bestand moet komen.",
    "drafts.no_folder": "De map {folder} bestaat niet.",
    "drafts.path_taken": "{path} bestaat al: kies een andere naam.",
    "drafts.failed": "Dat lukte niet: {reason}",
    "drafts.no_wizard": "De aanvraagwizard zit niet in deze versie; het concept is bewaard als "
                        "{path}.",
    "drafts.home.count": "{count} concepten",
    "drafts.home.one": "1 concept",
    "drafts.home.unpaid": "{count} nog niet betaald",
    "drafts.home.unreadable": "{count} onleesbaar",
    # --- ind-tui open ---------------------------------------------------------------------
    "drafts.open.unbound": "Niet geopend: het concept blijft ongekoppeld. Open het opnieuw en "
                           "antwoord ja als het voor {company} is, of log in voor de klant "
                           "waarvoor het is.",
    "drafts.open.packed": "{path}: dit is een ingepakt concept; pak het eerst uit met "
                          "`ind-tui drafts unpack`",
    "drafts.open.unknown_form": "{path}: formulier '{form}' is onbekend in deze versie van "
                                "ind-tui; werk ind-tui bij",
}
