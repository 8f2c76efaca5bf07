"""Nederlandse teksten van verlengingen in bulk (de markeringen in Binnenkort en het
overzicht van de reeks). Elke sleutel staat ook in bulk_en.py."""

NL: dict[str, str] = {
    "due.key.mark": "Markeer",
    "due.key.mark_all": "Alles",
    "due.key.bulk": "Verleng gemarkeerd",
    "due.mark.only_extensions": "Alleen een verblijfsvergunning in haar verlengperiode kan "
                                "gemarkeerd worden.",
    "due.mark.none": "Geen verblijfsvergunning is in haar verlengperiode.",
    "due.marked.one": "1 gemarkeerd (b: verlengen)",
    "due.marked.other": "{n} gemarkeerd (b: verlengen)",
    "bulk.help": "Eén concept-verlenging per gemarkeerde werknemer, ingevuld uit het "
                 "register. De lijst zegt wat elk nog tegenhoudt; Enter opent een concept om "
                 "het af te maken. f dient de volledige in na één bevestiging, elk precies "
                 "één keer. Afgebroken (verbinding weg, vastgelopen)? Markeer dezelfde "
                 "werknemers opnieuw: dezelfde concepten worden genomen en het indienen gaat "
                 "verder waar het stopte.",
    "bulk.title.one": "Verlenging voor {n} werknemer",
    "bulk.title.other": "Verlengingen voor {n} werknemers",
    "bulk.col.employee": "Werknemer",
    "bulk.col.v_number": "V-nummer",
    "bulk.col.state": "Stand",
    "bulk.col.blocks": "Wat nog tegenhoudt",
    "bulk.key.file": "Dien volledige in",
    "bulk.key.check": "Opnieuw nagaan",
    "bulk.making": "De concepten worden gemaakt, ingevuld uit het register…",
    "bulk.checking": "Elk concept wordt nagegaan…",
    "bulk.no_type": "Dit account mag geen verlenging voor een werknemer indienen.",
    "bulk.status": "{ready} klaar · {blocked} onvolledig · {filed} ingediend · Enter opent "
                   "· f dient in",
    "bulk.state.ready": "klaar",
    "bulk.state.filed": "ingediend {zaak}",
    "bulk.state.already": "ingediend {zaak}",
    "bulk.state.blocked": "onvolledig ({n})",
    "bulk.state.duplicate": "mogelijk dubbel",
    "bulk.state.refused": "ander bedrijf",
    "bulk.state.failed": "mislukt",
    "bulk.state.stopped": "niet geprobeerd",
    "bulk.state.no_draft": "geen concept",
    "bulk.state.filing": "indienen…",
    "bulk.blocks.duplicate": "loopt al: {cases}",
    "bulk.blocks.failed": "{code}: alles is bewaard; f dient opnieuw in",
    "bulk.blocks.stopped": "de reeks stopte; f dient opnieuw in",
    "bulk.nothing": "Geen concept is volledig: Enter opent er een om het af te maken.",
    "bulk.busy": "Het indienen loopt: wacht op het overzicht.",
    "bulk.confirm.one": "{n} aanvraag tot verlenging indienen?",
    "bulk.confirm.other": "{n} aanvragen tot verlenging indienen?",
    "bulk.confirm.detail": "Elke wordt precies één keer ingediend en betaald via "
                           "automatische incasso.",
    "bulk.confirm.fee": "Leges: {n} × {fee} = {total}",
    "bulk.confirm.skipped": "{skipped} niet volledig of mogelijk dubbel: niet meegenomen.",
    "bulk.filing": "Indienen {i} van {n}: {name} · {step}",
    "bulk.step.upload": "uploaden",
    "bulk.step.submit": "indienen",
    "bulk.step.pay": "betalen",
    "bulk.step.receipt": "ontvangstbevestiging",
    "bulk.summary.filed": "Ingediend {n}: {cases}.",
    "bulk.summary.none_filed": "Niets ingediend.",
    "bulk.summary.skipped": "Overgeslagen {n}: {reasons}.",
    "bulk.summary.again": "Opnieuw met f: wat al verstuurd is wordt eerst nagevraagd, nooit "
                          "twee keer verstuurd.",
}
