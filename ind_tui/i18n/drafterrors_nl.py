"""Dutch guidance for the error codes of drafts, bundles and documents (`drafterror.<code>`).
Every key here exists in drafterrors_en.py too."""

NL: dict[str, str] = {
    "drafterror.bundle_unreadable": (
        "Het bestand is geen leesbaar concept (het is beschadigd of geen zip-bestand). Vraag de "
        "afzender om het concept opnieuw op te slaan en te sturen."),
    "drafterror.bundle_too_large": (
        "Het bestand is groter dan een concept of pakket ooit mag zijn en is niet geopend. "
        "Controleer of u het juiste bestand kiest."),
    "drafterror.bundle_too_many_entries": (
        "Het bestand bevat veel meer onderdelen dan een concept heeft en is geweigerd. Vraag de "
        "afzender om het concept opnieuw op te slaan en te sturen."),
    "drafterror.bundle_entry_too_large": (
        "Een onderdeel van het bestand is groter dan toegestaan en is niet uitgepakt. Vraag de "
        "afzender om het concept opnieuw op te slaan en te sturen."),
    "drafterror.bundle_ratio_too_high": (
        "Een onderdeel is verdacht sterk gecomprimeerd (een mogelijke zip-bom) en is niet "
        "uitgepakt. Open dit bestand niet opnieuw; vraag om een nieuw exemplaar."),
    "drafterror.bundle_bad_name": (
        "Het bestand bevat een onderdeel met een ongeldige of gevaarlijke naam (bijvoorbeeld een "
        "pad buiten de map). Er is niets geschreven. Vraag om een nieuw exemplaar."),
    "drafterror.bundle_duplicate_name": (
        "Het bestand bevat twee onderdelen met dezelfde naam, dus het is onduidelijk welke geldt."
        " Er is niets geschreven. Vraag de afzender om het concept opnieuw op te slaan en te "
        "sturen."),
    "drafterror.bundle_symlink": (
        "Het bestand bevat een snelkoppeling (symlink); die worden nooit gevolgd. Er is niets "
        "geschreven. Vraag om een nieuw exemplaar."),
    "drafterror.bundle_unsupported_entry": (
        "Het bestand gebruikt versleuteling, een compressiemethode of een soort onderdeel die een"
        " concept nooit gebruikt. Vraag de afzender om het concept opnieuw op te slaan en te "
        "sturen."),
    "drafterror.bundle_overlapping_entries": (
        "Onderdelen van het bestand overlappen elkaar (een bekende zip-bom). Het bestand is niet "
        "uitgepakt. Open het niet opnieuw; vraag om een nieuw exemplaar."),
    "drafterror.bundle_missing_entry": (
        "Een verplicht onderdeel ontbreekt in het bestand. Vraag de afzender om het concept "
        "opnieuw op te slaan en te sturen."),
    "drafterror.bundle_not_a_draft": (
        "Dit is geen concept van ind-tui. Een .tfa van het webportaal zelf kan ind-tui niet "
        "openen: open die in het portaal."),
    "drafterror.bundle_version_unsupported": (
        "Dit concept is gemaakt met een nieuwere versie van ind-tui in een opmaak die deze versie"
        " niet kent. Werk ind-tui bij en open het concept opnieuw."),
    "drafterror.bundle_invalid_json": (
        "Een onderdeel van het concept is geen geldige JSON. Is het bestand met de hand bewerkt? "
        "Vraag de afzender om het concept opnieuw op te slaan en te sturen."),
    "drafterror.bundle_invalid_manifest": (
        "De beschrijving (manifest) van het concept klopt niet: een veld ontbreekt of heeft een "
        "ongeldige waarde. Vraag de afzender om het concept opnieuw op te slaan en te sturen."),
    "drafterror.bundle_invalid_answers": (
        "De antwoorden in het concept zijn ongeldig (verkeerde vorm, te diep genest of met "
        "stuurtekens). Vraag de afzender om het concept opnieuw op te slaan en te sturen."),
    "drafterror.bundle_invalid_index": (
        "De lijst met documenten in het concept is ongeldig. Vraag de afzender om het concept "
        "opnieuw op te slaan en te sturen."),
    "drafterror.bundle_bad_hash": (
        "Een documentverwijzing in het bestand heeft geen geldige SHA-256-code (64 hexadecimale "
        "tekens). Vraag de afzender om het concept opnieuw op te slaan en te sturen."),
    "drafterror.pack_not_a_pack": (
        "Dit is geen pakket (concept met documenten) van ind-tui. Een los concept (.tfa) opent u "
        "met 'drafts check' of in de applicatie."),
    "drafterror.pack_hash_mismatch": (
        "Een document in het pakket komt niet overeen met zijn controlecode: het is beschadigd of"
        " gewijzigd. Er is niets opgeslagen. Vraag om een nieuw pakket."),
    "drafterror.pack_unexpected_document": (
        "Het pakket bevat een document waarnaar het concept niet verwijst, of een document met "
        "een andere grootte dan vermeld. Er is niets opgeslagen. Vraag om een nieuw pakket."),
    "drafterror.draft_invalid": (
        "Het concept kan niet worden opgeslagen omdat een veld een ongeldige waarde heeft. Dit is"
        " een fout in ind-tui; meld het met de foutcode."),
    "drafterror.draft_too_large": (
        "Het concept wordt te groot om op te slaan (de antwoorden zijn uitzonderlijk lang). Kort "
        "lange teksten in en sla opnieuw op."),
    "drafterror.draft_save_failed": (
        "Het concept kon niet worden opgeslagen (schijf vol, geen schrijfrechten?). De vorige "
        "versie is ongewijzigd. Maak ruimte of kies een andere map en probeer opnieuw."),
    "drafterror.store_write_failed": (
        "Een document kon niet in de documentenopslag worden bewaard (schijf vol, geen "
        "schrijfrechten?). Maak ruimte en voeg het document opnieuw toe."),
    "drafterror.store_blob_corrupt": (
        "Een opgeslagen document is beschadigd: de inhoud past niet meer bij de controlecode. "
        "Voeg het document opnieuw toe vanaf het origineel."),
    "drafterror.document_missing": (
        "Een document van dit concept staat niet op deze computer (het concept komt "
        "waarschijnlijk van een andere computer). Voeg het document opnieuw toe, of vraag om een "
        "pakket met documenten."),
    "drafterror.document_not_pdf": (
        "Het bestand is geen PDF (de inhoud telt, niet de naam). Het portaal neemt alleen PDF "
        "aan: exporteer of print het document als PDF."),
    "drafterror.document_too_large": (
        "Het document is groter dan het portaal toestaat (standaard 8 MB). Verklein het, "
        "bijvoorbeeld door in lagere resolutie te scannen, of splits het in delen."),
    "drafterror.document_encrypted": (
        "De PDF is beveiligd met een wachtwoord of versleuteld; het portaal weigert die. Open "
        "hem, verwijder de beveiliging (of print opnieuw naar PDF) en voeg hem opnieuw toe."),
    "drafterror.document_no_pages": (
        "De PDF heeft geen pagina's. Controleer of u het juiste bestand kiest."),
    "drafterror.document_unreadable": (
        "De PDF is beschadigd of te ingewikkeld om te lezen. Open hem in een PDF-lezer en sla hem"
        " opnieuw op (of print naar PDF), en voeg hem dan opnieuw toe."),
    "drafterror.document_check_timeout": (
        "Het controleren van de PDF duurde te lang en is afgebroken; zo'n bestand kan het portaal"
        " ook weigeren. Sla hem opnieuw op als PDF (of print naar PDF) en probeer opnieuw."),
    "drafterror.document_has_javascript": (
        "Let op: de PDF bevat JavaScript. Het document is aangenomen, maar dat is ongebruikelijk "
        "voor een bewijsstuk; print het bij twijfel opnieuw naar PDF."),
    "drafterror.document_has_embedded_files": (
        "Let op: de PDF bevat ingesloten bestanden. Het document is aangenomen, maar de IND "
        "bekijkt alleen de pagina's; lever bijlagen als eigen document aan."),
    "drafterror.draft_other_company": (
        "Dit concept is gemaakt voor {draft}; u bent ingelogd voor {login}. Log in voor die "
        "klant (eHerkenning voor KvK {draft_kvk}), of kies het profiel dat u daarvoor "
        "gebruikt (--profile). Er is niets verstuurd."),
    "drafterror.draft_other_portal": (
        "Dit concept is voor het portaal {draft_portal}; u bent verbonden met {login_portal}. "
        "Gebruik het profiel van dat portaal (--profile of --portal). Er is niets verstuurd."),
    "drafterror.draft_unbound": (
        "Dit concept is van voor de koppeling van concepten aan een bedrijf. Bevestig dat het "
        "voor {login} is (antwoord ja, of geef --yes) om het eenmalig te koppelen; er is "
        "niets verstuurd."),
    "drafterror.draft_possible_duplicate": (
        "Voor dezelfde persoon loopt mogelijk al een aanvraag van deze soort. Controleer de "
        "genoemde zaken; dien alleen in als het geen dubbele aanvraag is (bevestig, of "
        "--allow-duplicate)."),
    "drafterror.prefill_not_registered": (
        "Er staat geen werknemer met dit V-nummer in het register van het bedrijf waarvoor u "
        "optreedt. Controleer het nummer (ind-tui employees list), of meld de werknemer eerst "
        "aan."),
    "drafterror.unknown": "Onbekende fout.",
}
