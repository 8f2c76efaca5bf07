"""Guidance for the codes the client itself detects (no answer, a dropped connection, a
damaged local file ...), in Dutch and English; merged into guidance.py's table."""

from __future__ import annotations

# title, what happened, what to do: first Dutch, then English.
Entry = tuple[str, str, str, str, str, str]

# The closing line of guidance where only Team Zakelijk can help (used by guidance.py too).
REPORT_NL = (
    "Blijft dit gebeuren, meld het dan aan Team Zakelijk met een schermafdruk, uw KvK-nummer, "
    "datum en tijd en het verzoeknummer."
)
REPORT_EN = (
    "If it keeps happening, report it to Team Zakelijk with a screenshot, your KvK number, "
    "the date and time, and the request number."
)

CLIENT_TEXTS: dict[str, Entry] = {
    'connection_failed': (
        "Geen verbinding", "Het portaal is niet bereikbaar; er is niets verstuurd.",
        "Controleer de internetverbinding en het portaaladres en probeer opnieuw.",
        "No connection", "The portal cannot be reached; nothing was sent.",
        "Check the network connection and the portal address, then try again."),
    'timeout': (
        "Geen antwoord op tijd", "Het portaal antwoordde niet op tijd.",
        "Probeer het opnieuw; ind-tui controleert eerst of iets al verwerkt is.",
        "No answer in time", "The portal did not answer in time.",
        "Try again; ind-tui first checks whether anything was already processed."),
    'connection_dropped': (
        "Verbinding verbroken", "De verbinding viel weg voordat het antwoord binnen was.",
        "Probeer het opnieuw; ind-tui controleert eerst of iets al verwerkt is.",
        "Connection dropped", "The connection broke off before the answer arrived.",
        "Try again; ind-tui first checks whether anything was already processed."),
    'outcome_unknown': (
        "Uitkomst onbekend",
        "Het is niet zeker of het portaal de aanvraag of betaling heeft ontvangen. Niet opnieuw "
        "indienen met een nieuwe aanvraag: dan kunt u dubbel betalen. Bij een betaling zonder "
        "ingediende aanvraag volgt terugbetaling.",
        "Probeer het later opnieuw vanuit hetzelfde concept; het portaal verwerkt het nooit twee "
        "keer. " + REPORT_NL,
        "Outcome unknown",
        "It is not certain whether the portal received the application or payment. Do not file "
        "a new application: you could pay twice. A payment without a submitted application is "
        "refunded.",
        "Try again later from the same draft; the portal never processes it twice. " + REPORT_EN),
    'not_sent': (
        "Niet ontvangen", "Het portaal heeft de aanvraag niet ontvangen; er is niets afgeschreven.",
        "Probeer het opnieuw vanuit hetzelfde concept.",
        "Not received", "The portal did not receive the application; nothing was charged.",
        "Try again from the same draft."),
    'paid_receipt_pending': (
        "Betaald, ontvangstbewijs volgt",
        "De betaling is gelukt en de aanvraag is ingediend, maar het antwoord kwam niet aan.",
        "Betaal niet opnieuw. Open de aanvraag later om het ontvangstbewijs te zien.",
        "Paid, receipt to follow",
        "The payment went through and the application is submitted, but the answer got lost.",
        "Do not pay again. Open the application later to see the receipt."),
    'bad_response': (
        "Onverwacht antwoord", "Het antwoord van het portaal was niet te lezen.",
        "Werk ind-tui bij. " + REPORT_NL,
        "Unexpected answer", "The portal's answer could not be read.",
        "Update ind-tui. " + REPORT_EN),
    'not_logged_in': (
        "Niet ingelogd", "Er is voor dit profiel geen inlog bewaard.",
        "Log in met 'ind-tui login' of via het inlogscherm.",
        "Not logged in", "No login is stored for this profile.",
        "Log in with 'ind-tui login' or from the login screen."),
    'env_token_rejected': (
        "Token uit omgeving geweigerd", "Het token in IND_TUI_TOKEN is verlopen of ongeldig.",
        "Zet een nieuw token in IND_TUI_TOKEN, of haal de variabele weg en log in.",
        "Token from environment refused", "The token in IND_TUI_TOKEN is expired or invalid.",
        "Put a new token in IND_TUI_TOKEN, or unset it and log in."),
    'keyring_missing': (
        "Geen sleutelbos gevonden",
        "Er is geen systeemsleutelbos (zoals GNOME Keyring of KWallet); uw inlog geldt alleen "
        "zolang ind-tui draait.",
        "Installeer een sleutelbos, of kies een versleuteld bestand: pip install "
        "keyrings.cryptfile en zet token_store = \"encrypted_file\" in het profiel (of "
        "IND_TUI_TOKEN_STORE=encrypted_file, met IND_TUI_PASSPHRASE op servers).",
        "No keyring found",
        "There is no system keyring (such as GNOME Keyring or KWallet); your login lasts only "
        "while ind-tui runs.",
        "Install a keyring, or choose an encrypted file: pip install keyrings.cryptfile and set "
        "token_store = \"encrypted_file\" in the profile (or IND_TUI_TOKEN_STORE=encrypted_file, "
        "with IND_TUI_PASSPHRASE on servers)."),
    'keyring_locked': (
        "Sleutelbos op slot", "De sleutelbos is vergrendeld of weigert toegang; uw inlog geldt "
        "alleen zolang ind-tui draait.",
        "Ontgrendel de sleutelbos en start ind-tui opnieuw.",
        "Keyring locked", "The keyring is locked or refuses access; your login lasts only while "
        "ind-tui runs.",
        "Unlock the keyring and start ind-tui again."),
    'keyring_timeout': (
        "Sleutelbos reageert niet", "De sleutelbos gaf geen antwoord; uw inlog geldt alleen "
        "zolang ind-tui draait.",
        "Herstart de sleutelbosdienst, of kies token_store = \"encrypted_file\".",
        "Keyring not responding", "The keyring did not answer; your login lasts only while "
        "ind-tui runs.",
        "Restart the keyring service, or choose token_store = \"encrypted_file\"."),
    'keyring_error': (
        "Fout in sleutelbos", "De sleutelbos gaf een fout; uw inlog geldt alleen zolang ind-tui "
        "draait.",
        "Controleer de sleutelbos of kies token_store = \"encrypted_file\".",
        "Keyring error", "The keyring reported an error; your login lasts only while ind-tui "
        "runs.",
        "Check the keyring, or choose token_store = \"encrypted_file\"."),
    'keyring_plaintext': (
        "Onveilige sleutelbos genegeerd",
        "De ingestelde sleutelbos bewaart wachtwoorden onversleuteld; ind-tui gebruikt die niet.",
        "Kies een systeemsleutelbos of token_store = \"encrypted_file\".",
        "Unsafe keyring ignored",
        "The configured keyring stores secrets unencrypted; ind-tui does not use it.",
        "Choose a system keyring or token_store = \"encrypted_file\"."),
    'memory_chosen': (
        "Inlog alleen in geheugen", "Dit profiel bewaart de inlog niet op schijf.",
        "Geen actie nodig; u logt opnieuw in na het afsluiten.",
        "Login in memory only", "This profile does not keep the login on disk.",
        "Nothing to do; you log in again after quitting."),
    'cryptfile_missing': (
        "Versleuteld bestand niet beschikbaar",
        "Het profiel vraagt een versleuteld tokenbestand, maar keyrings.cryptfile ontbreekt.",
        "Installeer het met: pip install keyrings.cryptfile",
        "Encrypted file not available",
        "The profile asks for an encrypted token file, but keyrings.cryptfile is missing.",
        "Install it with: pip install keyrings.cryptfile"),
    'passphrase_missing': (
        "Wachtwoordzin ontbreekt",
        "Het versleutelde tokenbestand heeft een wachtwoordzin nodig en er kon niet om worden "
        "gevraagd.",
        "Zet de wachtwoordzin in IND_TUI_PASSPHRASE of start ind-tui in een terminal.",
        "Passphrase missing",
        "The encrypted token file needs a passphrase and none could be asked for.",
        "Set the passphrase in IND_TUI_PASSPHRASE or run ind-tui in a terminal."),
    'passphrase_wrong': (
        "Wachtwoordzin onjuist", "Het versleutelde tokenbestand opent niet met deze wachtwoordzin.",
        "Probeer opnieuw; vergeten? Verwijder het bestand en log opnieuw in.",
        "Wrong passphrase", "The encrypted token file does not open with this passphrase.",
        "Try again; forgotten? Delete the file and log in again."),
    'cache_rebuilt': (
        "Lokale kopie hersteld",
        "Het lokale bestand met zaken was beschadigd; het is opzij gezet en wordt opnieuw "
        "gevuld vanuit het portaal.",
        "Geen actie nodig. Oude gearchiveerde zaken staan in het opzijgezette bestand.",
        "Local copy rebuilt",
        "The local file with cases was damaged; it was set aside and is refilled from the "
        "portal.",
        "Nothing to do. Older archived cases are in the file that was set aside."),
}
