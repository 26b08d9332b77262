import type { CodeList } from './code-list.ts';
import { CodeListRegistry } from './code-list-registry.ts';
import shipped from './fim-codelists.json' with { type: 'json' };

/** Every FIM code list SAC ships (Baukasten lists: Staat, Geschlecht, Familienstand, Rechtsform, …). */
export const shippedCodeLists: CodeListRegistry = new CodeListRegistry(shipped.lists as CodeList[]);

/** FIM id of the list the `country` field type offers (Staat, destatis). */
export const COUNTRY_CODE_LIST_ID = 'C60000020';
/** FIM id of the nationality list (Staatsangehörigkeit, destatis). */
export const NATIONALITY_CODE_LIST_ID = 'C60000019';

/** The countries for the `country` field type, "Deutschland" (000) first. */
export function countryCodeList(): CodeList {
  return shippedCodeLists.byId(COUNTRY_CODE_LIST_ID)!;
}

/** The nationality list (Staatsangehörigkeit; labels are country names), Deutschland (000) first. */
export function nationalityCodeList(): CodeList {
  return shippedCodeLists.byId(NATIONALITY_CODE_LIST_ID)!;
}
