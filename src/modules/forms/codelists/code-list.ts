/** One entry of a code list: the stored code and the German label a citizen sees. */
export interface CodeListValue {
  code: string;
  label: string;
}

/** A FIM code list (XRepository genericode) as shipped with SAC. */
export interface CodeList {
  /** Short, stable key, e.g. `staat`. */
  key: string;
  /** FIM code list id, e.g. `C60000020`. */
  id: string;
  version: string;
  /** Version-independent XRepository URI, e.g. `urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:staat`. */
  canonicalUri: string;
  /** XRepository URI of exactly this version (`<canonicalUri>_<version>`). */
  canonicalVersionUri: string;
  name: string;
  /** Where the values were copied from. */
  source: string;
  values: CodeListValue[];
}

/** What a FIM data field may say about its code list; any one of the keys can identify it. */
export interface CodeListReference {
  id?: string;
  version?: string;
  canonicalUri?: string;
  canonicalVersionUri?: string;
}
