import type { CodeListRegistry } from '../codelists/code-list-registry.ts';
import { shippedCodeLists } from '../codelists/shipped-code-lists.ts';
import type { AssistantDefinition, Step } from '../definition/types.ts';
import type { FimImportMetadata } from './fim-metadata.ts';
import { IdAllocator } from './id-allocator.ts';
import { mapSteps } from './map-steps.ts';
import type { MappingContext } from './mapping-context.ts';
import type { FimDocument, FimWarning } from './model.ts';

export interface FimMappingResult {
  definition: AssistantDefinition;
  warnings: FimWarning[];
}

/**
 * Turns a parsed FIM document into an assistant definition (STANDARDS.md, FIM row). FIM id and
 * version stay on every field and group; those of steps, Regeln, pre-fill markers and default
 * values are kept in `metadata.fim`. Throws a FimImportError for an unknown code list.
 */
export function mapToDefinition(doc: FimDocument, codeLists: CodeListRegistry = shippedCodeLists): FimMappingResult {
  const ctx: MappingContext = {
    codeLists,
    ids: new IdAllocator(),
    warnings: [...doc.warnings],
    stepFim: {},
    prefill: {},
    defaults: {},
    rules: new Map(),
  };
  const { schema } = doc;
  const title = schema.inputLabel ?? schema.name;
  const steps = mapSteps(schema, title, ctx);
  if (steps.length === 0) {
    ctx.warnings.push({
      path: schema.path,
      message: 'the schema has no Datenfelder; the definition gets one information step',
    });
    steps.push(emptyStep(schema.id, title, schema.description));
  }
  const rules = [...ctx.rules.values()];
  for (const rule of rules) {
    ctx.warnings.push({
      path: rule.path,
      message: `Regel ${rule.id}${rule.version ? ` ${rule.version}` : ''} "${rule.name}" kept as documentation only (metadata.fim.rules); it is not checked`,
    });
  }
  const version = semanticVersion(schema.version, schema.path, ctx.warnings);
  const fimSchemaId = `${schema.id}${schema.version ? `V${schema.version}` : ''}`;
  const fim: FimImportMetadata = {
    xdfVersion: doc.xdfVersion,
    messageKind: doc.messageKind,
    ...(doc.messageId && { messageId: doc.messageId }),
    ...(doc.createdAt && { createdAt: doc.createdAt }),
    root: { id: schema.id, ...(schema.version && { version: schema.version }), name: schema.name },
    steps: ctx.stepFim,
    rules: rules.map(({ path: _path, ...rule }) => stripUndefined(rule)),
    prefill: ctx.prefill,
    defaults: ctx.defaults,
  };
  const definition: AssistantDefinition = {
    id: `fim-${schema.id
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')}`,
    version,
    title,
    ...(schema.inputHelp && { description: schema.inputHelp }),
    languages: ['de'],
    leikaKeys: [],
    steps,
    metadata: {
      sources: [
        `FIM XDatenfelder ${doc.xdfVersion} ${doc.messageKind} ${fimSchemaId}${doc.messageId ? `, Nachricht ${doc.messageId}` : ''}`,
      ],
      fimSchemaIds: [fimSchemaId],
      notes:
        'Imported with `sac fim import`. Regeln are documentation only; review texts, fees and conditions before publishing.',
      fim,
    },
  };
  return { definition, warnings: ctx.warnings };
}

function emptyStep(schemaId: string, title: string, description: string | undefined): Step {
  return {
    id: `${schemaId.replace(/[^A-Za-z0-9_]/g, '_')}_leer`,
    title,
    fields: [{ id: 'hinweis', type: 'info', text: description ?? title }],
  };
}

/** FIM versions are `1.2` (2.0) or `1.2.0` (3.0.0); the definition needs `major.minor.patch`. */
function semanticVersion(version: string | undefined, path: string, warnings: FimWarning[]): string {
  const parts = version?.match(/^(\d+)(?:\.(\d+))?(?:\.(\d+))?$/);
  if (parts) return `${Number(parts[1])}.${Number(parts[2] ?? 0)}.${Number(parts[3] ?? 0)}`;
  warnings.push({ path, message: `version "${version ?? ''}" is not numeric; the definition gets version 1.0.0` });
  return '1.0.0';
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
