"""A compact built-in list of countries: ISO 3166-1 alpha-3 code, Dutch and English name.

Enough for nationality and country-of-issue questions; "XXX" stands for stateless and "XXB"
for a refugee under the 1951 convention, as the ICAO travel-document codes do.
"""

from __future__ import annotations

from ind_tui.domain.forms.texts import Text

_ROWS = """\
AFG|Afghanistan|Afghanistan
ALB|Albanië|Albania
DZA|Algerije|Algeria
ARG|Argentinië|Argentina
ARM|Armenië|Armenia
AUS|Australië|Australia
AUT|Oostenrijk|Austria
AZE|Azerbeidzjan|Azerbaijan
BGD|Bangladesh|Bangladesh
BLR|Belarus|Belarus
BEL|België|Belgium
BIH|Bosnië en Herzegovina|Bosnia and Herzegovina
BRA|Brazilië|Brazil
BGR|Bulgarije|Bulgaria
CAN|Canada|Canada
CHL|Chili|Chile
CHN|China|China
COL|Colombia|Colombia
HRV|Kroatië|Croatia
CUB|Cuba|Cuba
CYP|Cyprus|Cyprus
CZE|Tsjechië|Czechia
DNK|Denemarken|Denmark
EGY|Egypte|Egypt
ERI|Eritrea|Eritrea
EST|Estland|Estonia
ETH|Ethiopië|Ethiopia
FIN|Finland|Finland
FRA|Frankrijk|France
GEO|Georgië|Georgia
DEU|Duitsland|Germany
GHA|Ghana|Ghana
GRC|Griekenland|Greece
HKG|Hongkong|Hong Kong
HUN|Hongarije|Hungary
ISL|IJsland|Iceland
IND|India|India
IDN|Indonesië|Indonesia
IRN|Iran|Iran
IRQ|Irak|Iraq
IRL|Ierland|Ireland
ISR|Israël|Israel
ITA|Italië|Italy
JPN|Japan|Japan
JOR|Jordanië|Jordan
KAZ|Kazachstan|Kazakhstan
KEN|Kenia|Kenya
KOR|Zuid-Korea|South Korea
LVA|Letland|Latvia
LBN|Libanon|Lebanon
LIE|Liechtenstein|Liechtenstein
LTU|Litouwen|Lithuania
LUX|Luxemburg|Luxembourg
MYS|Maleisië|Malaysia
MLT|Malta|Malta
MEX|Mexico|Mexico
MDA|Moldavië|Moldova
MAR|Marokko|Morocco
NLD|Nederland|Netherlands
NZL|Nieuw-Zeeland|New Zealand
NGA|Nigeria|Nigeria
MKD|Noord-Macedonië|North Macedonia
NOR|Noorwegen|Norway
PAK|Pakistan|Pakistan
PER|Peru|Peru
PHL|Filipijnen|Philippines
POL|Polen|Poland
PRT|Portugal|Portugal
ROU|Roemenië|Romania
RUS|Rusland|Russia
SAU|Saoedi-Arabië|Saudi Arabia
SRB|Servië|Serbia
SGP|Singapore|Singapore
SVK|Slowakije|Slovakia
SVN|Slovenië|Slovenia
ZAF|Zuid-Afrika|South Africa
ESP|Spanje|Spain
LKA|Sri Lanka|Sri Lanka
SUR|Suriname|Suriname
SWE|Zweden|Sweden
CHE|Zwitserland|Switzerland
SYR|Syrië|Syria
TWN|Taiwan|Taiwan
THA|Thailand|Thailand
TUN|Tunesië|Tunisia
TUR|Turkije|Türkiye
UKR|Oekraïne|Ukraine
ARE|Verenigde Arabische Emiraten|United Arab Emirates
GBR|Verenigd Koninkrijk|United Kingdom
USA|Verenigde Staten|United States
UZB|Oezbekistan|Uzbekistan
VEN|Venezuela|Venezuela
VNM|Vietnam|Vietnam
XXB|Vluchteling (Verdrag van 1951)|Refugee (1951 Convention)
XXX|Staatloos|Stateless
"""

COUNTRIES: dict[str, Text] = {
    code: Text(nl, en)
    for code, nl, en in (line.split("|") for line in _ROWS.splitlines())
}

def country_name(code: str, lang: str) -> str:
    text = COUNTRIES.get(code)
    return text.get(lang) if text is not None else code
