"""Dutch words of the command line's help (`--help`) and of argparse itself, whose
messages are English only (`cli.argparse.msg.*`). Every key here exists in clihelp_en.py too."""

NL: dict[str, str] = {
    "cli.help.ind_tui": "Terminalprogramma voor het Zakelijk Portaal van de IND",
    "cli.help.portal": "adres van het portaal (standaard: de ingebouwde sandbox)",
    "cli.help.profile": "profiel uit het configuratiebestand",
    "cli.help.lang": "taal van de bediening",
    "cli.help.day": "DD-MM-JJJJ",
    "cli.argparse.usage": "gebruik: ",
    "cli.argparse.positionals": "argumenten",
    "cli.argparse.options": "opties",
    "cli.argparse.help": "toon deze hulp en stop",
    "cli.argparse.msg.argument": "argument {argument}: {message}",
    "cli.argparse.msg.unrecognized": "onbekende argumenten: {arguments}",
    "cli.argparse.msg.required": "deze argumenten ontbreken: {arguments}",
    "cli.argparse.msg.one_required": "een van de argumenten {arguments} is verplicht",
    "cli.argparse.msg.expected_one": "verwacht één waarde",
    "cli.argparse.msg.expected_at_most_one": "verwacht hoogstens één waarde",
    "cli.argparse.msg.expected_at_least_one": "verwacht minstens één waarde",
    "cli.argparse.msg.expected_count": "verwacht {n} waarde",
    "cli.argparse.msg.expected_counts": "verwacht {n} waarden",
    "cli.argparse.msg.ambiguous": "optie {option} is niet eenduidig: bedoelt u {matches}?",
    "cli.argparse.msg.invalid_choice": "ongeldige keuze: {value} (kies uit {choices})",
    "cli.argparse.msg.invalid_value": "ongeldige waarde ({type}): {value}",
    "cli.argparse.msg.not_allowed_with": "niet samen met argument {argument}",
    "cli.argparse.msg.ignored_explicit": "deze optie neemt geen waarde: {value}",
    "cli.argparse.msg.cannot_open": "kan '{filename}' niet openen: {error}",
    "cli.argparse.msg.unexpected_option": "onverwachte optie: {option}",
    "cli.help.appointments.appointments": "afspraken aan IND-loketten en expatcentra",
    "cli.help.appointments.list": "de afspraken van dit account",
    "cli.help.appointments.case": "alleen die van deze zaak",
    "cli.help.appointments.locations": "IND-loketten en expatcentra, met hun id's",
    "cli.help.appointments.book": "boek het eerste vrije tijdstip op een van de locaties",
    "cli.help.appointments.case2": "zaaknummer van de vreemdeling die komt",
    "cli.help.appointments.location": "locatie-id('s), herhaald of met komma's (zie `locations`)",
    "cli.help.appointments.from": "niet vóór deze dag (DD-MM-JJJJ of JJJJ-MM-DD)",
    "cli.help.cases.cases": "lopende aanvragen (zaken)",
    "cli.help.cases.list": "alle zaken die dit account mag zien",
    "cli.help.cases.status": "alleen deze statussen, bijv. in-progress of received,in_progress",
    "cli.help.cases.type": "alleen dit aanvraagtype",
    "cli.help.cases.show": "één zaak: statusverloop, beslistermijn, dossier",
    "cli.help.cases.upload": "voeg een extra document (pdf) toe aan het dossier van een zaak",
    "cli.help.cases.file": "de pdf om toe te voegen",
    "cli.help.cases.allow_duplicate": "ook versturen als het dossier hetzelfde bestand al heeft",
    "cli.help.completion.completion": "toon een completion-script voor de shell (zie de README)",
    "cli.help.drafts.new": "een concept voor het bedrijf waarvoor de login handelt",
    "cli.help.drafts.type": "het aanvraagtype (zie `ind-tui forms show`)",
    "cli.help.drafts.employee": (
        "vooraf invullen uit het register en de laatste zaak van deze werknemer "
        ""),
    "cli.help.drafts.answers": "antwoorden per veldsleutel",
    "cli.help.drafts.attach": "een document voor een plek (herhaal voor meer)",
    "cli.help.drafts.out": "waar het concept komt",
    "cli.help.drafts.show": "wat een concept bevat en wat indienen tegenhoudt",
    "cli.help.drafts.file": "een concept uploaden, indienen en betalen, precies één keer",
    "cli.help.drafts.yes": (
        "indienen en betalen zonder te vragen (en een ongekoppeld concept koppelen) "
        ""),
    "cli.help.drafts.allow_duplicate": "indienen hoewel dezelfde persoon al zo'n aanvraag heeft",
    "cli.help.drafts.method": "hoe de leges betaald worden",
    "cli.help.drafts.bind": "een concept van vóór het koppelen eenmalig koppelen",
    "cli.help.drafts.yes2": "koppelen zonder te vragen",
    "cli.help.drafts.drafts": (
        "concepten (.tfa) maken, controleren, indienen, inpakken en uitpakken "
        ""),
    "cli.help.drafts.list": "de concepten in de conceptenmap",
    "cli.help.drafts.dir": "een andere map om te tonen",
    "cli.help.drafts.check": "een concept controleren en zeggen welke documenten opnieuw moeten",
    "cli.help.drafts.file2": "een bestand, of de naam van een concept in de conceptenmap",
    "cli.help.drafts.pack": "één draagbaar bestand met het concept en zijn documenten",
    "cli.help.drafts.out2": "het bestand om te schrijven (of een map)",
    "cli.help.drafts.force": "OUT vervangen als het bestaat",
    "cli.help.drafts.unpack": "een ingepakt concept met zijn documenten binnenhalen",
    "cli.help.drafts.outdir": "waar de .tfa komt",
    "cli.help.drafts.documents": "documenten controleren vóór het toevoegen",
    "cli.help.drafts.check2": "zou het portaal deze pdf aannemen?",
    "cli.help.drafts.max_bytes": "de groottegrens van het portaal (standaard 8 MB)",
    "cli.help.drafts.timeout": "hoeveel seconden de controle mag duren",
    "cli.help.employees.employees": "aangemelde werknemers (aanmelden, afmelden)",
    "cli.help.employees.list": "alle werknemers van de referent",
    "cli.help.employees.duties": "af te melden werknemers, vergunningen die bijna aflopen",
    "cli.help.employees.import": "de werknemers uit een CSV-bestand aanmelden",
    "cli.help.employees.dry_run": "toon de voorvertoning van elke regel; verstuur niets",
    "cli.help.employees.failures": (
        "waar de te verbeteren regels komen (standaard: FILE-failures.csv; met --dry-run "
        "alleen als opgegeven)"),
    "cli.help.forms.forms": "de aanvraagformulieren: velden en documentplekken",
    "cli.help.forms.show": "de velden en documentplekken van een formulier",
    "cli.help.forms.form_id": "het aanvraagtype, bijv. hsm_extension",
    "cli.help.inbox.inbox": "berichten van de IND (nieuwste eerst)",
    "cli.help.inbox.unread": "alleen ongelezen berichten",
    "cli.help.inbox.case": "alleen de berichten over deze zaak",
    "cli.help.inbox.kind": "info_request, decision of ready_for_collection",
    "cli.help.inbox.due": "wat binnenkort moet, eerstvolgende eerst (datum van het portaal)",
    "cli.help.listing.csv_dialect": (
        "CSV voor een spreadsheet in de taal van --lang (nl: ';' en een decimale komma; en: "
        "',' en een decimale punt), of neutral: ',', een decimale punt en kolomcodes, "
        "voor scripts"),
    "cli.help.listing.output": (
        "de lijst naar FILE schrijven in plaats van naar standaarduitvoer, helemaal of niet: "
        "bij een fout halverwege blijft er geen half bestand (en een bestaand FILE blijft "
        "zoals het was)"),
    "cli.help.opener.open": "een concept (.tfa) in de TUI openen, na het inloggen",
    "cli.help.payments.payments": "betaalde leges, te incasseren bedragen en terugbetalingen",
    "cli.help.payments.list": "de betalingen van dit account, nieuwste eerst",
    "cli.help.payments.case": "alleen die van deze zaak",
    "cli.help.payments.year": "alleen dit legesjaar",
    "cli.help.reproduce.reproduce": (
        "een sandbox starten zoals een bundel beschrijft en de app daar openen "
        ""),
    "cli.help.reproduce.dry_run": "alleen zeggen wat nagebootst zou worden; niets starten",
    "cli.help.reproduce.check": (
        "de sandbox starten, de mislukte aanroep opnieuw doen, het antwoord tonen en stoppen "
        "(geen app)"),
    "cli.help.reproduce.save_scenario": (
        "ook de toestand van de nagebootste sandbox als scenario schrijven "
        ""),
    "cli.help.sandbox.sandbox": "de sandbox-portaalserver",
    "cli.help.sandbox.serve": "de sandbox als portaal over HTTP draaien",
    "cli.help.sandbox.db": "SQLite-bestand (standaard: in de gebruikersdatamap)",
    "cli.help.sandbox.seed": "gegevens voor een nieuwe database (standaard: demo)",
    "cli.help.sandbox.employees": "N extra werknemers voor de referent aanmaken, voor schaaltests",
    "cli.help.sandbox.cases": "N extra zaken aanmaken voor schaaltests",
    "cli.help.sandbox.admin_token": (
        "beheertoken van de sandbox (standaard: $IND_TUI_SANDBOX_ADMIN_TOKEN of een nieuw) "
        ""),
    "cli.help.sandbox.clock": (
        "de klok van een nieuwe database loopt (running) of staat stil (frozen) "
        ""),
    "cli.help.sandbox.token_ttl": (
        "levensduur van een toegangstoken op de sandboxklok (standaard 900) "
        ""),
    "cli.help.sandbox.scenario": (
        "beginnen met dit scenario (vervangt de toestand van de database) "
        ""),
    "cli.help.sandbox.identities": "de testidentiteiten tonen",
    "cli.help.sandbox_admin.admin_token": (
        "beheertoken van de sandbox op --portal (standaard: $IND_TUI_SANDBOX_ADMIN_TOKEN) "
        ""),
    "cli.help.sandbox_admin.clock": "de portaaltijd tonen of verzetten (ervoor en erna)",
    "cli.help.sandbox_admin.advance": "vooruitzetten met bijv. 3d, 2h, 90m, 1d12h",
    "cli.help.sandbox_admin.set": (
        "zetten op bijv. '31-12-2026 23:59' of 2026-12-31T23:59 (Amsterdamse tijd tenzij een "
        "zone is gegeven)"),
    "cli.help.sandbox_admin.freeze": "de klok stilzetten (tot hij verzet wordt)",
    "cli.help.sandbox_admin.run": "de klok laten meelopen met de echte tijd",
    "cli.help.sandbox_admin.faults": "storingen waarmee de sandbox antwoordt, per route",
    "cli.help.sandbox_admin.list": "de storingen die nu ingesteld zijn",
    "cli.help.sandbox_admin.add": "een route laten falen of vertragen",
    "cli.help.sandbox_admin.route": "naam van de route, bijv. applications.submit, of *",
    "cli.help.sandbox_admin.kind": (
        "latency, unavailable, server_error, rate_limit, commit_then_drop of "
        "commit_then_error"),
    "cli.help.sandbox_admin.count": "N keer optreden, dan stoppen",
    "cli.help.sandbox_admin.delay": (
        "latency: hoe traag (standaard 2s); unavailable, rate_limit: Retry-After "
        ""),
    "cli.help.sandbox_admin.clear": "storingen weghalen",
    "cli.help.sandbox_admin.route2": "alleen die op deze route",
    "cli.help.sandbox_scenario.scenario": "de hele toestand van de sandbox als TOML-bestand",
    "cli.help.sandbox_scenario.dump": "de toestand schrijven (naar stdout zonder OUT.toml)",
    "cli.help.sandbox_scenario.load": "de toestand vervangen door die van een scenario",
    "cli.help.session.login": "inloggen op het portaal (inloggen met een code)",
    "cli.help.session.identity": (
        "alleen sandbox: deze testidentiteit goedkeuren (zie `sandbox identities`) "
        ""),
    "cli.help.session.admin_token": (
        "beheertoken van de sandbox voor --identity bij `sandbox serve` (standaard: "
        "$IND_TUI_SANDBOX_ADMIN_TOKEN)"),
    "cli.help.session.status": "wie ingelogd is, waar, en waar het token bewaard wordt",
    "cli.help.session.logout": "uitloggen en het bewaarde token verwijderen",
    "cli.help.support.support": "supportbundels",
    "cli.help.support.show": "tonen wat een supportbundel bevat",
}
