"""Dutch texts of the command line (`ind-tui login | logout | status`) and of the token store.
Every key here exists in cli_en.py too."""

NL: dict[str, str] = {
    "cli.login.token_from_env": "ind-tui: IND_TUI_TOKEN is gezet; inloggen is dan niet nodig.",
    "cli.login.identity_needs_sandbox": (
        "--identity werkt alleen met de sandbox (geef --admin-token op)"),
    "cli.login.identity_refused": "Testidentiteit {identity} wordt geweigerd ({code}).",
    "cli.login.open_page": "Open deze pagina en log in met eHerkenning:",
    "cli.login.enter_code": "en voer deze code in: {code}",
    "cli.login.waiting": "Wachten op inloggen...",
    "cli.login.logged_in_as": "Ingelogd als",
    "cli.login.other_kvk": (
        "ind-tui: let op: dit profiel hoort bij KvK {kvk}; u bent in een ander account. "
        "Vraag eHerkenning aan voor het juiste KvK-nummer."),
    "cli.login.token_kept": "Token bewaard in: ",
    "cli.status.embedded": "ingebouwde sandbox",
    "cli.status.profile": "Profiel:  ",
    "cli.status.portal": "Portaal:  ",
    "cli.status.logged_in": "Ingelogd: ",
    "cli.status.not_logged_in": "Niet ingelogd.",
    "cli.status.token": "Token:    ",
    "cli.logout.token_from_env": (
        "ind-tui: het token komt uit IND_TUI_TOKEN; haal die variabele weg."),
    "cli.logout.done": "Uitgelogd.",
    "cli.logout.was_not": "Was niet ingelogd.",
    "cli.sandbox.needs_token": (
        "dit portaal vraagt het beheertoken van de sandbox: --admin-token of "
        "$IND_TUI_SANDBOX_ADMIN_TOKEN"),
    "cli.sandbox.bad_span": (
        "{value} is geen tijdsduur; schrijf bijv. 3d, 2h, 90m (eenheden: {units})"),
    "cli.sandbox.span_too_long": "{value} is meer dan tien jaar",
    "cli.sandbox.bad_time": (
        "{value} is geen tijdstip; schrijf bijv. 31-12-2026 23:59 of 2026-12-31T23:59"),
    "cli.sandbox.unknown_kind": "geen storingssoort {kind}; de soorten: {kinds}",
    "cli.sandbox.unknown_route": "geen route {route}; de routes: {routes}, of * voor alle",
    "cli.sandbox.bad_count": "--count moet 1 of meer zijn",
    "cli.sandbox.bad_delay": "--delay {value}: een vertraging is meer dan 0 en hoogstens 2m",
    "cli.sandbox.delay_not_for": "--delay geldt niet voor {kind}",
    "cli.sandbox.clock_now": "Portaaltijd: {now} (Amsterdam); {running}.",
    "cli.sandbox.clock_moved": (
        "Portaaltijd: {before} → {after} (Amsterdam, +{span}); {running}."),
    "cli.sandbox.clock_runs": "de klok loopt",
    "cli.sandbox.clock_frozen": "de klok staat stil",
    "cli.sandbox.fault_added": "Toegevoegd: {fault}",
    "cli.sandbox.fault_left.one": "nog {n} keer",
    "cli.sandbox.fault_left.other": "nog {n} keer",
    "cli.sandbox.fault_always": "elke keer",
    "cli.sandbox.fault_fired": "{n}x opgetreden",
    "cli.sandbox.cleared.one": "{n} storing verwijderd.",
    "cli.sandbox.cleared.other": "{n} storingen verwijderd.",
    "cli.sandbox.cleared_route.one": "{n} storing op {route} verwijderd.",
    "cli.sandbox.cleared_route.other": "{n} storingen op {route} verwijderd.",
    "cli.sandbox.no_faults": "Geen storingen ingesteld: elke route antwoordt gewoon.",
    "cli.sandbox.faults_set": "Ingestelde storingen ({n}):",
    "cli.sandbox.scenario_bad": "{path}: geen scenario ({reason})",
    "cli.sandbox.scenario_refused": "{where}: scenario geweigerd: {reason}",
    "cli.sandbox.scenario_written": "Scenario geschreven naar {path}",
    "cli.sandbox.scenario_loaded": "Scenario {path} geladen; portaaltijd {now} (Amsterdam).",
    "cli.cases.no_file": "er is geen bestand op {path}",
    "cli.cases.refused": "{name} is niet verstuurd: {reason}",
    "cli.cases.duplicate": (
        "ind-tui: {name} staat al in dit dossier (als \"{title}\", {at}); er is niets "
        "verstuurd. Toch een tweede keer toevoegen: --allow-duplicate"),
    "cli.cases.uploaded": "{name} is toegevoegd aan het dossier van zaak {zaak} ({id})",
    "cli.appointments.only_types": "  (alleen kennismigranten e.d.)",
    "cli.appointments.nothing_free": (
        "ind-tui: niets vrij tot {until} op deze locaties; probeer andere of later opnieuw."),
    "cli.appointments.booked": "Geboekt: {when} bij {where}",
    "cli.payments.totals.one": (
        "{n} betaling · betaald {charged} · nog te incasseren {pending} · terugbetaald "
        "{refunded} · netto {net}"),
    "cli.payments.totals.other": (
        "{n} betalingen · betaald {charged} · nog te incasseren {pending} · terugbetaald "
        "{refunded} · netto {net}"),
    "cli.drafts.attach_syntax": "--attach verwacht SLOT=BESTAND.pdf, niet {value}",
    "cli.drafts.unknown_slot": "{type} heeft geen documentplek {slot}; de plekken: {slots}",
    "cli.drafts.no_file": "bestand bestaat niet",
    "cli.drafts.unknown_type": "onbekende soort aanvraag {type}; de soorten: {types}",
    "cli.drafts.unknown_fields": (
        "{path}: {type} vraagt niet naar {fields} (zie ind-tui forms show {type})"),
    "cli.drafts.answers_bad": "{path}: geen JSON-object met antwoorden ({reason})",
    "cli.drafts.exists": "{path} bestaat al; kies een andere --out",
    "cli.drafts.written": "Concept opgeslagen in {path}",
    "cli.drafts.confirm_bind": (
        "Dit concept is nog niet aan een bedrijf gekoppeld. Is het voor {company}? [j/N] "),
    "cli.drafts.bound": "Concept gekoppeld aan {company}.",
    "cli.drafts.already_filed": (
        "ind-tui: dit concept is al ingediend; er is niets opnieuw verstuurd."),
    "cli.drafts.duplicates": "mogelijk dubbel: {cases}.",
    "cli.drafts.filing_anyway": "indienen hoewel dit dezelfde aanvraag kan zijn: {cases}",
    "cli.drafts.confirm_file": (
        "{type} voor {person} indienen namens {company} en {fee} betalen? [j/N] "),
    "cli.drafts.needs_yes": (
        "indienen verstuurt de aanvraag en betaalt de leges: geef --yes om zonder vraag in "
        "te dienen"),
    "cli.drafts.blocking.one": "{n} punt houdt indienen tegen",
    "cli.drafts.blocking.other": "{n} punten houden indienen tegen",
    "cli.drafts.complete": "Compleet: niets houdt indienen tegen.",
    "cli.drafts.unbound": "niet gekoppeld (van voor de koppeling van concepten aan een bedrijf)",
    "cli.drafts.present": "aanwezig",
    "cli.drafts.missing": "niet op deze computer: opnieuw toevoegen",
    "cli.drafts.label.file": "Bestand",
    "cli.drafts.label.type": "Soort",
    "cli.drafts.label.company": "Bedrijf",
    "cli.drafts.label.portal": "Portaal",
    "cli.drafts.label.employee": "Werknemer",
    "cli.drafts.label.stage": "Stand",
    "cli.drafts.label.prefilled": "Vooraf ingevuld",
    "cli.drafts.label.document": "Document",
    "cli.drafts.label.judged_on": "Beoordeeld op",
    "cli.drafts.unknown_form": (
        "{path}: deze ind-tui kent het formulier {type} niet: werk ind-tui bij"),
    "cli.forms.required": "verplicht",
    "cli.forms.optional": "niet verplicht",
    "cli.forms.conditional": "als het van toepassing is",
    "cli.forms.not_uploadable": "niet te uploaden: per post of aan de balie",
    "cli.forms.slot": "document",
    "receipt.title": "Ontvangstbevestiging",
    "receipt.form": "Aanvraag",
    "receipt.employee": "Werknemer",
    "receipt.v_number": "V-nummer",
    "receipt.company": "Bedrijf",
    "receipt.kvk": "KvK-nummer",
    "receipt.application": "Aanvraagnummer",
    "receipt.zaak": "Zaaknummer",
    "receipt.received": "Ontvangen op",
    "receipt.deadline": "Uiterste beslisdatum",
    "receipt.fee": "Leges",
    "receipt.free": "geen, deze aanvraag is gratis",
    "receipt.reference": "Betalingskenmerk",
    "receipt.paid_at": "Betaald op",
    "receipt.method": "Betaalwijze",
    "receipt.direct_debit": "automatische incasso",
    "receipt.one_off": "eenmalige betaling",
    "receipt.keep": (
        "Bewaar dit bewijs. Met het zaaknummer stuurt u documenten na zolang de IND nog niet "
        "heeft besloten."),
    "receipt.file": "ontvangstbevestiging",
    "tokens.where.keyring": "systeemsleutelbos",
    "tokens.where.encrypted_file": "versleuteld bestand",
    "tokens.where.memory": "alleen in geheugen",
    "tokens.where.environment": "omgevingsvariabele",
}
