"""Nederlandse teksten van `ind-tui support reproduce`: wat een nabootsing laat zien en wat
niet. Elke sleutel hier staat ook in support_en.py."""

NL: dict[str, str] = {
    "reproduce.title": "Nabootsen van {bundle}",
    "reproduce.could": "Nagebootst:",
    "reproduce.could_not": "Niet nagebootst:",
    "reproduce.old_format": "De bundel heeft formaat {version}: hij noemt het scherm, het "
                            "mislukte verzoek en het soort account niet.",
    "reproduce.login_refused": "Het inloggen wordt geweigerd zoals bij de gebruiker ({code}): "
                               "testidentiteit {identity}.",
    "reproduce.account": "Soort account ({role}): ingelogd als testidentiteit {identity}.",
    "reproduce.no_account": "Het soort account staat niet in de bundel: ingelogd als "
                            "{identity}.",
    "reproduce.time": "Portaaltijd {time}, zoals het portaal van de gebruiker die had.",
    "reproduce.time_guessed": "Portaaltijd {time}: toen de bundel werd gemaakt (de tijd van "
                              "het portaal staat er niet in).",
    "reproduce.no_time": "Geen tijd in de bundel: de sandbox loopt op de tijd van vandaag.",
    "reproduce.screen": "Scherm {screen}: de app opent op {area}.",
    "reproduce.no_screen": "Scherm {screen} is onbekend: de app opent op home.",
    "reproduce.fault": "{route} antwoordt {code} (storing {kind}) tot de storing is gewist.",
    "reproduce.session": "Lang tevoren ingelogd, dus de sessie is verlopen op de tijd van de "
                         "bundel ({code}).",
    "reproduce.document": "Het document van de gebruiker zit nooit in een bundel; het "
                          "verzonnen {file} wordt op dezelfde manier geweigerd ({code}).",
    "reproduce.no_fault": "{code} op {route}: geen storing of verzonnen gegevens geven dit; "
                          "doe wat de gebruiker deed.",
    "reproduce.late": "Een verzonnen werknemer wordt {days} dagen na het einde van het "
                      "dienstverband afgemeld: te laat.",
    "reproduce.no_end_date": "De einddatum die de gebruiker invulde staat niet in de bundel.",
    "reproduce.ids": "{kind}: {count} genoemd in de bundel, alleen als hash; de verzonnen "
                     "gegevens van de sandbox staan ervoor in de plaats.",
    "reproduce.kind.case": "zaken",
    "reproduce.kind.employee": "werknemers",
    "reproduce.kind.message": "berichten",
    "reproduce.kind.application": "aanvragen",
    "reproduce.kind.appointment": "afspraken",
    "reproduce.kind.document": "documenten",
    "reproduce.started": "Sandbox op {url}, in een eigen tijdelijke map {home}.",
    "reproduce.admin": "De klok verzetten of de storing wissen vanuit een andere terminal: "
                       "ind-tui --portal {url} sandbox faults clear --admin-token {token}",
    "reproduce.same": "De nagebootste sandbox antwoordt {code}, zoals het portaal van de "
                      "gebruiker.",
    "reproduce.other": "De nagebootste sandbox antwoordt {got}; het portaal van de gebruiker "
                       "antwoordde {code}.",
    "reproduce.late_again": "De nagebootste afmelding is te laat, net als die van de "
                            "gebruiker.",
    "reproduce.nothing": "Niets om opnieuw aan te roepen: doe wat de gebruiker deed.",
    "reproduce.saved": "Scenario geschreven naar {path} (`ind-tui sandbox scenario load`).",
    "reproduce.opening": "De app opent als {identity}; ctrl+q sluit hem en de sandbox.",
    "reproduce.late_receipt": "Afmelding {reference}: gemeld na de termijn van {deadline}, "
                              "te laat.",
}
