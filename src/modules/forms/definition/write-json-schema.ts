/** Regenerates `assistant-definition.schema.json`: `node --import tsx src/modules/forms/definition/write-json-schema.ts` */
import { writeFileSync } from 'node:fs';
import { definitionJsonSchema } from './json-schema.ts';

const target = new URL('./assistant-definition.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(definitionJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
