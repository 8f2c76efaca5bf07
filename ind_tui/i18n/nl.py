"""Nederlandse teksten. Elke sleutel staat ook in en.py (een test controleert dat)."""

NL: dict[str, str] = {
    # shell
    "app.title": "IND Portaal Zakelijk",
    "header.sandbox": "SANDBOX (testomgeving)",
    "header.on_behalf": "namens {name} ({kvk})",
    "header.not_logged_in": "niet ingelogd",
    "header.profile": "profiel {profile}",
    "header.unread": "{n} nieuw",
    "key.quit": "Stoppen",
    "key.back": "Terug",
    "key.help": "Hulp",
    "key.palette": "Opdrachten",
    "key.jump": "Ga naar",
    "key.report": "Probleem melden",
    "key.home": "Start",
    "key.account": "Account",
    "key.login": "Inloggen",
    "key.open_browser": "Browser openen",
    "key.change_address": "Administratieadres wijzigen",
    "key.other_address": "Ander adres",
    "key.refresh": "Verversen",
    "key.select": "Openen",
    "key.logout": "Uitloggen",
    "key.retry": "Opnieuw",
    "key.close": "Sluiten",
    "key.submit": "Versturen",
    "quit.hint": "Druk op ctrl+q om te stoppen.",
    # login
    "login.title": "Inloggen met eHerkenning",
    "login.intro": "Het portaal vraagt eHerkenning op niveau EH3 of hoger, met de dienst "
                   "'Immigratie- en Naturalisatiedienst: toegang tot het portaal'.",
    "login.start": "Druk op l (of Enter) voor een inlogcode.",
    "login.code": "Uw code: {code}",
    "login.visit": "Open {url} in een browser, vul de code in en log in met eHerkenning.",
    "login.waiting": "Wachten op eHerkenning... (verloopt over {minutes} min)",
    "login.sandbox_title": "Testidentiteiten van de sandbox",
    "login.sandbox_hint": "Kies er een en druk op Enter om de code als die persoon goed te "
                          "keuren.",
    "login.starting": "Het sandboxportaal wordt gestart...",
    "login.connecting": "Verbinden met {url}...",
    "login.success": "Ingelogd als {name}.",
    "login.browser_opened": "Browser geopend op {url}.",
    "login.browser_failed": "Hier kan geen browser worden geopend; open {url} zelf.",
    "login.failed": "Inloggen is niet gelukt",
    "login.again": "Uw sessie is verlopen. Log opnieuw in om verder te gaan waar u was.",
    # home
    "home.title": "Start",
    "home.greeting": "Welkom, {name}",
    "home.company": "{name}, KvK {kvk}",
    "home.role.sponsor": "erkend referent",
    "home.role.employer": "werkgever (geen erkend referent)",
    "home.role.representative": "gemachtigde",
    "home.role.sandbox_admin": "sandboxbeheerder",
    "home.refreshed": "Portaalgegevens voor het laatst ververst op {when} (het portaal "
                      "ververst eenmaal per dag).",
    "home.portal_time": "Tijd van het portaal: {when}",
    "home.area.new": "Nieuwe aanvraag",
    "home.area.drafts": "Concepten",
    "home.area.cases": "Lopende aanvragen",
    "home.area.employees": "Werknemers",
    "home.area.account": "Accountgegevens",
    "home.area.new.help": "Dien een aanvraag in die dit account mag indienen.",
    "home.area.drafts.help": "Opgeslagen aanvragen die u kunt hervatten.",
    "home.area.cases.help": "Status van ingediende aanvragen, dossier, extra documenten.",
    "home.area.employees.help": "Werknemers aanmelden en afmelden.",
    "home.area.account.help": "Bedrijfsgegevens, erkenningen, administratieadres.",
    "home.not_allowed": "niet beschikbaar: {reason}",
    "reason.not_recognised": "alleen voor erkend referenten",
    "reason.representative_no_account": "alleen de referent zelf ziet zijn account",
    "reason.forbidden": "niet toegestaan voor dit account",
    "home.hint": "Cijfertoetsen 1-5 openen een onderdeel; ctrl+p toont alle opdrachten.",
    "home.wrong_account": "Ingelogd voor KvK {kvk}. Verwacht u de aanvragen van collega's en "
                          "ziet u ze niet? Misschien is uw eHerkenning voor een ander "
                          "KvK-nummer aangevraagd.",
    # account
    "account.title": "Accountgegevens",
    "account.company": "Bedrijf",
    "account.kvk": "KvK-nummer",
    "account.recognitions": "Erkenningen",
    "account.recognition": "{purpose}, sinds {since}",
    "account.no_recognitions": "geen",
    "account.admin_address": "Administratieadres",
    "account.addresses": "Adressen",
    "account.postal_address": "Postadres",
    "account.visiting_address": "Bezoekadres",
    "account.representatives": "Gemachtigden",
    "account.rep_registered": "geregistreerd sinds {since}",
    "account.rep_pending": "nog niet geregistreerd",
    "account.no_representatives": "geen",
    "account.duty": "Een nieuw administratieadres moet u binnen 2 weken doorgeven.",
    "account.paper": "Een nieuw post- of bezoekadres geeft u hier niet door: gebruik het "
                     "papieren formulier 'Melding wijziging positie referent' van de IND.",
    "purpose.labour": "arbeid",
    "purpose.research": "onderzoek",
    "purpose.study": "studie",
    "purpose.exchange": "uitwisseling",
    # address change
    "address.title": "Administratieadres wijzigen",
    "address.street": "Straat",
    "address.number": "Huisnummer",
    "address.postcode": "Postcode (1234 AB)",
    "address.city": "Plaats",
    "address.date": "Datum van de wijziging (JJJJ-MM-DD)",
    "address.invalid_postcode": "Een postcode ziet eruit als 1234 AB.",
    "address.invalid_date": "Schrijf de datum als JJJJ-MM-DD.",
    "address.required": "{field} is verplicht.",
    "address.done": "Melding {reference} ontvangen. Uiterste datum voor deze melding: "
                    "{deadline}.",
    "address.late": "Deze melding is te laat: de uiterste datum was {deadline}. Ze is wel "
                    "aangenomen; bewaar het kenmerk.",
    "address.confirm": "Deze melding naar de IND sturen?",
    # errors
    "error.title": "Er ging iets mis",
    "error.what": "Wat het betekent",
    "error.todo": "Wat u kunt doen",
    "error.request": "Verzoeknummer: {rid}",
    "error.code": "Code: {code}",
    "error.kept": "Niets van wat u invulde is verloren gegaan.",
    # help
    "help.title": "Hulp en toetsen",
    "help.focused": "Hier",
    "help.areas": "De lijst met hoofdonderdelen. Een cijfertoets opent er direct een; j/k en "
                  "Enter werken ook. Een onderdeel dat dit account niet mag gebruiken blijft "
                  "staan, met de reden.",
    "help.identities": "Testidentiteiten van de sandbox. Elk keurt de inlogcode goed als die "
                       "persoon; die met een pijl laten zien hoe een geweigerde login eruitziet. "
                       "/ filtert.",
    "help.address": "Vul het nieuwe administratieadres in. Enter gaat naar het volgende veld; "
                    "op het laatste, of met ctrl+s, wordt de melding verstuurd. Esc annuleert.",
    "help.report": "Beschrijf wat u deed en wat er misging; ctrl+s maakt de bundel.",
    "help.keys": "Toetsen op dit scherm",
    "help.global": "Overal",
    "help.conventions": "Esc gaat terug, / filtert een lijst, : springt (:home, :account), "
                        "j/k/g/G bewegen in lijsten, ctrl+p toont alle opdrachten. Toetsen "
                        "zijn aan te passen in {path}.",
    # jump
    "jump.prompt": "Ga naar (home, account, help, report):",
    "jump.unknown": "Onbekende plek: {target}",
    # report
    "report.title": "Probleem melden",
    "report.intro": "Hiermee maakt u een supportbundel: een schermafdruk van het scherm waar "
                    "u was, de precieze tijd, uw KvK-nummer, profiel, portaaladres, "
                    "programmaversie, de laatste verzoeken (zonder tokens of documenten) en "
                    "de laatste fout.",
    "report.describe": "Beschrijf kort wat er gebeurde en wat u verwachtte:",
    "report.make": "Bundel maken",
    "report.done": "Bundel opgeslagen: {path}",
    "report.mail_title": "E-mail aan Team Zakelijk",
    "report.mail_hint": "Stuur deze e-mail met de bundel als bijlage.",
    "report.subject": "Technisch probleem Portaal Zakelijk, KvK {kvk}",
    "report.body": "Beste Team Zakelijk,\n\nIk meld een technisch probleem met het Portaal "
                   "Zakelijk.\n\nKvK-nummer: {kvk}\nDatum en tijd: {when}\nPortaaladres: "
                   "{portal}\nVerzoeknummer: {rid}\n\nWat er gebeurde:\n{text}\n\nBijlage: "
                   "een supportbundel met een schermafdruk waarop het portaaladres staat.\n\n"
                   "Met vriendelijke groet,\n{name}",
    "report.no_description": "(geen beschrijving gegeven)",
    "report.failed": "De bundel kon niet worden opgeslagen: {reason}. Uw beschrijving blijft "
                     "staan; maak ruimte vrij of controleer de datamap en druk opnieuw op ctrl+s.",
    # palette
    "cmd.home": "ga naar: start",
    "cmd.account": "ga naar: accountgegevens",
    "cmd.help": "hulp: toetsen en hulp",
    "cmd.report": "support: probleem melden",
    "cmd.lang_nl": "taal: Nederlands",
    "cmd.lang_en": "taal: English",
    "cmd.theme_dark": "thema: donker",
    "cmd.theme_light": "thema: licht",
    "cmd.logout": "sessie: uitloggen",
    "cmd.quit": "app: stoppen",
    "cmd.change_address": "account: administratieadres wijzigen",
    "cmd.refresh": "app: verversen vanuit het portaal",
    "cmd.help.home": "De hoofdonderdelen",
    "cmd.help.account": "Bedrijf, erkenningen, adressen, gemachtigden",
    "cmd.help.help": "Alle toetsen en de hulp voor waar u bent",
    "cmd.help.report": "Maak een supportbundel en een e-mail voor Team Zakelijk",
    "cmd.help.lang": "Wissel de taal van de interface",
    "cmd.help.theme": "Wissel het kleurenthema",
    "cmd.help.logout": "Beëindig de sessie en verwijder het bewaarde token",
    "cmd.help.quit": "Verlaat ind-tui",
    "cmd.help.change_address": "Geef een nieuw administratieadres door (binnen 2 weken)",
    "cmd.help.refresh": "Haal de nieuwste gegevens op bij het portaal",
    "lang.switched": "Taal: Nederlands",
    "logout.done": "Uitgelogd.",
}
