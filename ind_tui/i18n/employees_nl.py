"""Dutch texts of the employees area. Every key here exists in employees_en.py too."""

NL: dict[str, str] = {
    # de lijst
    "employees.title": "Werknemers",
    "employees.loading": "Werknemers laden... {n} van {total}",
    "employees.count": "{shown} van {total} werknemers",
    "employees.count_duties": "{shown} van {total} werknemers · alleen wie actie vraagt",
    "employees.empty": "Geen werknemers aangemeld",
    "employees.empty_duties": "Geen werknemer met iets te doen · u toont iedereen",
    "employees.reading": "Werknemers laden…",
    "employees.none_match": "Geen werknemer past bij het filter",
    "employees.status.registered": "aangemeld",
    "employees.status.deregistered": "afgemeld",
    "employees.detail": "{name} · V {v_number} · geboren {born} · {nationality} · {purpose}\n"
                        "In dienst {start} · vergunning tot {permit} · contract tot "
                        "{contract} · {status}",
    "employees.detail.deregistered": "Afgemeld per {end} ({reason}), kenmerk {reference}{late}",
    "employees.detail.late": ", te laat gemeld",
    "employees.none": "-",
    "employees.hint": "Enter nieuwe aanvraag (vooraf ingevuld) · n aanmelden · d afmelden · "
                      "i CSV inlezen · x exporteren · f zoeken · u alleen acties · / filter · "
                      "s sorteren",
    "employees.found": "Gevonden: {name}",
    "employees.not_found": "Geen werknemer met V-nummer of naam {text}",
    "employees.find_prompt": "Zoek (V-nummer of begin van een naam), Enter springt:",
    # waarom niet
    "employees.denied.title": "Werknemers: niet beschikbaar voor dit account",
    "employees.denied.not_recognised": "Werknemers aan- en afmelden kan alleen voor erkend "
                                       "referenten en de gemachtigden die zij hebben "
                                       "aangewezen. Deze onderneming (KvK {kvk}) is geen "
                                       "erkend referent.",
    "employees.denied.other": "Dit account mag geen werknemers aan- of afmelden: {reason}.",
    "employees.denied.todo": "Werkt u voor een erkend referent? Log dan namens die referent "
                             "in (als geregistreerde gemachtigde), of vraag de referent uw "
                             "machtiging bij de IND te laten registreren. Controleer het "
                             "bedrijf rechtsboven.",
    # kolommen en velden
    "employees.field.name": "Naam",
    "employees.field.v_number": "V-nummer",
    "employees.field.date_of_birth": "Geboortedatum",
    "employees.field.nationality": "Nationaliteit",
    "employees.field.purpose": "Verblijfsdoel",
    "employees.field.start_date": "Startdatum",
    "employees.field.permit_end": "Einddatum vergunning",
    "employees.field.contract_end": "Einddatum contract",
    "employees.field.status": "Status",
    "employees.field.duty": "Actie",
    "employees.field.end_date": "Einddatum",
    "employees.field.reason": "Reden",
    "employees.field.note": "Toelichting (niet verplicht)",
    "employees.col.name": "Naam",
    "employees.col.v_number": "V-nummer",
    "employees.col.born": "Geboren",
    "employees.col.nationality": "Nat.",
    "employees.col.purpose": "Doel",
    "employees.col.start": "In dienst",
    "employees.col.permit": "Verg. tot",
    "employees.col.status": "Status",
    "employees.col.duty": "Actie",
    # redenen
    "employees.reason.employment_ended": "dienstverband beëindigd (werknemer vertrokken)",
    "employees.reason.never_started": "werknemer is nooit begonnen",
    "employees.reason.income_below_threshold": "inkomen onder het salariscriterium",
    "employees.reason.work_ended": "werkzaamheden beëindigd (bijv. vergunning verlopen)",
    # acties
    "employees.duties.title": "Te doen ({n})",
    "employees.duties.none": "Niets te doen: geen afmelding nodig en geen vergunning die "
                             "binnen 3 maanden afloopt.",
    "employees.duties.more": "... en nog {n} (u toont alleen deze werknemers)",
    "employees.duty.deregister": "afmelden vóór {due}",
    "employees.duty.deregister_late": "te laat sinds {due}",
    "employees.duty.extension_window": "verlengen vóór {due}",
    "employees.duty.line.deregister": "{due}  {name}: afmelden, nog {days} dagen ({why})",
    "employees.duty.line.deregister_late": "{due}  {name}: afmelding {days} dagen te laat ({why})",
    "employees.duty.line.extension_window": "{due}  {name}: vergunning eindigt over {days} dagen, "
                                            "verlengen kan",
    "employees.duty.why.contract_ended": "contract beëindigd",
    "employees.duty.why.permit_ended": "vergunning verlopen",
    "employees.home.deregister": "Werknemers: {n} af te melden binnen 4 weken na het einde",
    "employees.home.deregister_late": "Werknemers: {n} af te melden, waarvan {late} te laat",
    "employees.home.extension.one": "Werknemers: {n} vergunning verloopt binnen 3 maanden",
    "employees.home.extension.other": "Werknemers: {n} vergunningen verlopen binnen 3 maanden",
    # toetsen
    "employees.key.register": "Aanmelden",
    "employees.key.deregister": "Afmelden",
    "employees.key.import": "CSV inlezen",
    "employees.key.export": "Exporteren",
    "employees.key.find": "Zoeken",
    "employees.key.duties": "Alleen acties",
    "employees.key.send": "Versturen",
    "employees.key.cancel": "Annuleren",
    "employees.key.preview": "Voorbeeld",
    "employees.key.failures": "Fouten bewaren",
    # aanmelden
    "employees.register.title": "Werknemer aanmelden",
    "employees.register.intro": "Het portaal controleert elk veld; dit formulier doet dat "
                                "vóór het versturen ook. Datums als JJJJ-MM-DD of DD-MM-JJJJ.",
    "employees.register.purposes": "Erkend voor: {purposes}",
    "employees.register.country": "{code}: {name}",
    "employees.register.done": "{name} is aangemeld (V-nummer {v_number}).",
    "employees.register.refused": "Het portaal heeft de aanmelding geweigerd; zie de "
                                  "gemarkeerde velden.",
    "employees.help.register": "Vul de gegevens van de werknemer in. Enter gaat naar het "
                               "volgende veld; ctrl+s verstuurt. Nationaliteit: de code van 3 "
                               "letters (IND, CHN) of de naam van het land. Esc annuleert; wat "
                               "u typte blijft bewaard tot u verstuurt.",
    # afmelden
    "employees.deregister.title": "Werknemer afmelden",
    "employees.deregister.who": "{name}, V-nummer {v_number}, aangemeld sinds {start}",
    "employees.deregister.deadline": "Meld binnen 4 weken na de einddatum: uiterlijk "
                                     "{deadline}.",
    "employees.deregister.late": "De 4 weken liepen af op {deadline}. De melding wordt nog "
                                 "aangenomen en als te laat aangemerkt.",
    "employees.deregister.confirm": "{name} (V-nummer {v_number}) afmelden per {end}, reden: "
                                    "{reason}? Dit kunt u hier niet terugdraaien.",
    "employees.deregister.done": "{name} afgemeld. Kenmerk {reference}; termijn {deadline}.",
    "employees.deregister.done_late": "{name} afgemeld, TE LAAT: de termijn was {deadline}. "
                                      "Kenmerk {reference}; bewaar het bij uw administratie.",
    "employees.deregister.already": "Deze werknemer is al afgemeld.",
    "employees.deregister.pick": "Kies een reden met de pijltjestoetsen.",
    "employees.help.deregister": "Einddatum en reden, dan ctrl+s; u bevestigt eerst voordat "
                                 "er iets wordt verstuurd. Een melding na de 4 weken wordt "
                                 "aangenomen en als te laat aangemerkt.",
    # exporteren
    "employees.export.title": "De getoonde werknemers exporteren",
    "employees.export.path": "Bestand (.csv of .json):",
    "employees.export.done": "{n} werknemers geschreven naar {path}",
    "employees.export.failed": "Kon {path} niet schrijven: {reason}",
    # inlezen
    "employees.import.title": "Werknemers inlezen uit een CSV-bestand",
    "employees.import.intro": "Eerst ziet u elke regel met eventuele fouten; er wordt niets "
                              "verstuurd tot u bevestigt. Indeling: zie docs/employees-csv.md.",
    "employees.import.path": "CSV-bestand:",
    "employees.import.reading": "{path} lezen...",
    "employees.import.unreadable": "Kon {path} niet lezen: {reason}",
    "employees.import.file": "{encoding}, scheidingsteken {delimiter}, {rows} regels",
    "employees.import.summary": "{ready} aan te melden · {already} al aangemeld · "
                                "{duplicate} dubbel · {errors} met fouten",
    "employees.import.blocked": "Het bestand kan zo niet worden ingelezen:",
    "employees.import.confirm": "Nu {n} werknemers aanmelden? Regels met fouten blijven "
                                "buiten; elke regel gaat één keer, ook als u dit bestand "
                                "opnieuw inleest.",
    "employees.import.nothing": "Niets te versturen.",
    "employees.import.sending": "Aanmelden... {done} van {total}",
    "employees.import.result": "Aangemeld {registered} · al aangemeld {already} · mislukt "
                               "{failed} · niet verstuurd {not_sent}",
    "employees.import.stopped": "Vroegtijdig gestopt: {reason}",
    "employees.import.failures": "Te verbeteren regels, met de reden in de laatste kolom: "
                                 "{path}. Verbeter ze en lees dat bestand in.",
    "employees.import.no_failures": "Geen regels te verbeteren.",
    "employees.import.state.ready": "klaar",
    "employees.import.state.error": "fout",
    "employees.import.state.already_registered": "al aangemeld",
    "employees.import.state.duplicate": "dubbel",
    "employees.import.state.skipped": "overgeslagen",
    "employees.import.state.registered": "aangemeld",
    "employees.import.state.failed": "mislukt",
    "employees.import.state.not_sent": "niet verstuurd",
    "employees.import.col.line": "Regel",
    "employees.import.col.state": "Uitkomst",
    "employees.import.col.problem": "Probleem",
    "employees.help.import": "Typ het pad van het CSV-bestand en druk op Enter voor het "
                             "voorbeeld. ctrl+s meldt de goede regels aan (na bevestiging); w "
                             "bewaart de te verbeteren regels als CSV.",
    # problemen in CSV en formulier
    "employees.csv.missing": "{field} ontbreekt",
    "employees.csv.too_long": "{field} is te lang (hoogstens 120 tekens)",
    "employees.csv.v_number_scientific": "V-nummer {value} is door Excel als getal opgemaakt: "
                                         "maak de kolom tekst",
    "employees.csv.v_number_short": "V-nummer {value} heeft minder dan 10 cijfers (heeft Excel "
                                    "voorloopnullen weggelaten? maak de kolom tekst)",
    "employees.csv.bad_v_number": "V-nummer {value} is geen 10 cijfers",
    "employees.csv.bad_date": "{field} {value} is geen datum (schrijf JJJJ-MM-DD of "
                              "DD-MM-JJJJ)",
    "employees.csv.ambiguous_date": "{field} {value} is op twee manieren te lezen: schrijf "
                                    "JJJJ-MM-DD of DD-MM-JJJJ",
    "employees.csv.unknown_country": "{field} {value} is geen bekende landcode (ISO, 3 "
                                     "letters, bijv. IND)",
    "employees.csv.unknown_purpose": "{field} {value} is onbekend (arbeid, onderzoek, studie, "
                                     "uitwisseling)",
    "employees.csv.extra_cells": "er staat een waarde ({value}) na de laatste kolom",
    "employees.csv.invalid": "{field} is niet geldig",
    "employees.csv.duplicate_row": "zelfde regel als regel {line}: één keer aangemeld",
    "employees.csv.duplicate_in_file": "V-nummer {value} staat ook op regel {line}, met andere "
                                       "gegevens: houd er één",
    "employees.csv.registered_differently": "al aangemeld met andere gegevens ({value}); meld "
                                            "eerst af of verbeter de regel",
    "employees.csv.deregistered_row": "gemarkeerd als afgemeld ({value}): niet opnieuw "
                                      "aangemeld",
    "employees.csv.blank": "{field} is leeg",
    "employees.csv.in_future": "{field} ligt in de toekomst",
    "employees.csv.implausible": "{field} ligt meer dan 120 jaar terug",
    "employees.csv.before_birth": "{field} ligt niet na de geboortedatum",
    "employees.csv.before_start": "{field} ligt vóór de startdatum",
    "employees.csv.not_recognised": "de referent is niet erkend voor dit {field}",
    "employees.csv.unknown_column": "onbekende kolom '{value}'",
    "employees.csv.missing_column": "kolom {field} ontbreekt",
    "employees.csv.duplicate_column": "kolom '{value}' staat er twee keer",
    "employees.csv.empty": "het bestand heeft geen kopregel",
    "employees.csv.request": " (verzoek {rid})",
}
