export type { CodeList, CodeListReference, CodeListValue } from './code-list.ts';
export { CodeListRegistry, type ResolvedCodeList } from './code-list-registry.ts';
export { loadCodeListFile } from './load-code-list-file.ts';
export {
  COUNTRY_CODE_LIST_ID,
  countryCodeList,
  NATIONALITY_CODE_LIST_ID,
  nationalityCodeList,
  shippedCodeLists,
} from './shipped-code-lists.ts';
