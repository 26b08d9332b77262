import { COUNTRY_CODE_LIST_ID, shippedCodeLists } from '../../../forms/codelists/index.ts';

/**
 * The code lists the certificate-order message uses. XPersonenstand's own lists (Code.Verwendungszweck…,
 * Urkundenart) are not in the repository, so SAC publishes small lists of its own under `urn:de:sac:…`,
 * built from the assistant's choices; the country comes from the shipped FIM list Staat (destatis).
 */
export interface XoevCodeList {
  uri: string;
  version: string;
  values: ReadonlyMap<string, string>;
}

const SAC = 'urn:de:sac:codeliste:xpersonenstand-portal';

function sacList(name: string, entries: [string, string][]): XoevCodeList {
  return { uri: `${SAC}:${name}`, version: '1', values: new Map(entries) };
}

function shippedList(id: string): XoevCodeList {
  const list = shippedCodeLists.byId(id);
  if (!list) throw new Error(`shipped code list ${id} is missing`);
  return {
    uri: list.canonicalUri,
    version: list.version,
    values: new Map(list.values.map((value) => [value.code, value.label])),
  };
}

export const codeLists = {
  nachrichtentyp: sacList('nachrichtentyp', [
    ['portal2StA.Urkundenanforderung', 'Anforderung von Personenstandsurkunden'],
  ]),
  ereignis: sacList('ereignis', [
    ['geburt', 'Geburt'],
    ['eheschliessung', 'Eheschließung'],
    ['lebenspartnerschaft', 'Begründung einer Lebenspartnerschaft'],
    ['sterbefall', 'Sterbefall'],
  ]),
  urkundenart: sacList('urkundenart', [
    ['geburtsurkunde', 'Geburtsurkunde'],
    ['ausdruck.geburtenregister', 'Beglaubigter Ausdruck aus dem Geburtenregister'],
    ['eheurkunde', 'Eheurkunde'],
    ['ausdruck.eheregister', 'Beglaubigter Ausdruck aus dem Eheregister'],
    ['lebenspartnerschaftsurkunde', 'Lebenspartnerschaftsurkunde'],
    ['ausdruck.lebenspartnerschaftsregister', 'Beglaubigter Ausdruck aus dem Lebenspartnerschaftsregister'],
    ['sterbeurkunde', 'Sterbeurkunde'],
    ['ausdruck.sterberegister', 'Beglaubigter Ausdruck aus dem Sterberegister'],
  ]),
  berechtigung: sacList('berechtigung', [
    ['selbst', 'Eigener Personenstandsfall'],
    ['ehegatte', 'Ehegatte oder Lebenspartner'],
    ['vorfahre', 'Vorfahre'],
    ['abkoemmling', 'Abkömmling'],
    ['geschwister', 'Geschwister'],
    ['bevollmaechtigt', 'Bevollmächtigte Person'],
    ['sonstige', 'Andere Person oder Stelle mit rechtlichem Interesse'],
  ]),
  verwendungszweck: sacList('verwendungszweck', [
    ['rente', 'Rentenversicherung'],
    ['elterngeld_kindergeld', 'Elterngeld oder Kindergeld'],
    ['eheschliessung', 'Anmeldung einer Eheschließung'],
    ['nachlass', 'Nachlass- oder Erbschaftsangelegenheit'],
    ['ausweis', 'Pass- oder Ausweisangelegenheit'],
    ['sonstiges', 'Anderer Zweck'],
  ]),
  versandart: sacList('versandart', [
    ['post_antragsteller', 'Versand per Post an die antragstellende Person'],
    ['post_abweichend', 'Versand per Post an eine andere Anschrift'],
    ['abholung', 'Abholung im Standesamt'],
  ]),
  staat: shippedList(COUNTRY_CODE_LIST_ID),
} as const satisfies Record<string, XoevCodeList>;

export type CodeListName = keyof typeof codeLists;
