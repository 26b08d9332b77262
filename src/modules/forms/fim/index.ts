export { type CommandResult, fimImportCommand } from './fim-import-command.ts';
export { FimImportError } from './fim-import-error.ts';
export { type FimImportMetadata, fimMetadataOf } from './fim-metadata.ts';
export { importFim } from './import-fim.ts';
export { type FimMappingResult, mapToDefinition } from './map-to-definition.ts';
export type * from './model.ts';
export { parseFim } from './parse-fim.ts';
