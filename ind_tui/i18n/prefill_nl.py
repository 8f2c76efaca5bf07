"""Nederlandse teksten voor een aanvraag die begint met wat het register weet. Elke sleutel
hier staat ook in prefill_en.py."""

NL: dict[str, str] = {
    "prefill.key.employee": "Voor een werknemer",
    "prefill.key.no_employee": "Geen werknemer",
    "prefill.new.none": "e: voor een aangemelde werknemer, ingevuld uit het register",
    "prefill.new.chosen": "Voor {name} (V {v_number}), ingevuld uit het register "
                          "· e andere · x geen",
    "prefill.pick.title": "Werknemer uit het register",
    "prefill.pick.prompt": "Typ een deel van een naam of V-nummer; ↑/↓ kiest, Enter neemt, "
                           "Esc annuleert.",
    "prefill.pick.loading": "Het register wordt bij het portaal opgevraagd…",
    "prefill.pick.failed": "Het register kon niet worden geladen. Esc gaat terug.",
    "prefill.pick.none": "Geen aangemelde werknemer past.",
    "prefill.pick.count": "{shown} van {total} aangemelde werknemers:",
    "prefill.pick.permit": "vergunning tot {date}",
    "prefill.pick.window": "verlengen kan",
    "prefill.types.title": "Nieuwe aanvraag voor {name}",
    "prefill.types.keys": "↑/↓ kiest · Enter begint, ingevuld uit het register · Esc "
                          "annuleert",
    "prefill.types.none": "Dit account mag geen aanvraag indienen die over {name} zelf gaat.",
    "prefill.deregistered": "{name} is afgemeld: voor deze werknemer is geen aanvraag te "
                            "beginnen.",
    "prefill.created.one": "Concept begonnen: {name} · {n} antwoord ingevuld (↺)",
    "prefill.created.other": "Concept begonnen: {name} · {n} antwoorden ingevuld (↺)",
    "prefill.mark.register": "uit register",
    "prefill.mark.case": "uit zaak {zaak}",
    "prefill.field_help": "↺ Ingevuld {origin}: controleer het. Wijzigt u het, dan gaat het "
                          "teken weg.",
    "prefill.docs.key.reuse": "Eerdere gebruiken",
    "prefill.docs.pages.one": "{n} pagina",
    "prefill.docs.pages.other": "{n} pagina's",
    "prefill.docs.offer": "p: gebruik {name} ({pages}) uit zaak {zaak}",
    "prefill.docs.reused": "{name} toegevoegd, het document van zaak {zaak}.",
}
