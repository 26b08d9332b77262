/** One problem in a definition: where (JSON pointer) and what, in plain English. */
export interface DefinitionError {
  path: string;
  message: string;
}
