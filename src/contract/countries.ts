/**
 * ISO 3166-1 alpha-2 officially assigned codes (249), the format data.md prescribes for countries and
 * nationalities. Kept as data so a change by the ISO 3166 Maintenance Agency is a one-line edit.
 */
export const ISO_3166_ALPHA2: readonly string[] = `
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI
BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN
CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK
FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM
HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN
KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK
ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP
NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW
SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF
TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI
VN VU WF WS YE YT ZA ZM ZW
`
  .trim()
  .split(/\s+/);

/**
 * Codes outside the official list that Belgian and EU administrations use for nationality. Kosovo
 * has no ISO code; XK is the user-assigned code the European Commission and Belgian registers use,
 * and Kosovar nationals are a frequent case for work permits.
 */
export const ACCEPTED_USER_ASSIGNED: readonly string[] = ['XK'];

/**
 * Nationals of these states are not "third-country nationals" under the agreement (Art. 4): the 27
 * EU Member States, the other EEA states (Iceland, Liechtenstein, Norway) and Switzerland
 * (Agreement on the free movement of persons of 21 June 1999). Greece is GR in ISO 3166, not EL.
 */
export const EU_EEA_CH: readonly string[] = [
  ...'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'.split(' '),
  ...['IS', 'LI', 'NO'], // the rest of the European Economic Area
  'CH',
];
