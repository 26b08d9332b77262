/*
 * A deliberately small JSON Schema (2020-12) checker for the keywords the shipped FIT-Connect metadata
 * schema and the SAC webhook envelope schema use: type, required, properties, additionalProperties (false),
 * items, enum, const, pattern, minLength, maxLength, minItems, minimum, multipleOf, minProperties,
 * maxProperties, $ref (local "#/…" pointers) and format (uri, uuid, date-time, date, email).
 * Unknown keywords are ignored — so a schema using more needs a real validator, not this file.
 */

export type JsonSchema = { [keyword: string]: unknown };

const formats: Record<string, (value: string) => boolean> = {
  uri: (v) => /^[a-z][a-z0-9+.-]*:[^\s]*$/i.test(v),
  uuid: (v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v),
  'date-time': (v) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)),
  date: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)),
  email: (v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
};

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function resolveRef(root: JsonSchema, ref: string): JsonSchema {
  if (!ref.startsWith('#/')) throw new Error(`only local $ref is supported: ${ref}`);
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>(
      (node, key) => (node as JsonSchema)[key.replace(/~1/g, '/').replace(/~0/g, '~')],
      root,
    ) as JsonSchema;
}

function check(schema: JsonSchema, value: unknown, path: string, root: JsonSchema, errors: string[]): void {
  if (typeof schema.$ref === 'string') check(resolveRef(root, schema.$ref), value, path, root, errors);
  const type = typeOf(value);
  const expected = schema.type as string | string[] | undefined;
  if (expected) {
    const types = Array.isArray(expected) ? expected : [expected];
    if (!types.some((t) => t === type || (t === 'number' && type === 'integer'))) {
      errors.push(`${path}: expected ${types.join('|')}, got ${type}`);
      return;
    }
  }
  if (schema.enum && !(schema.enum as unknown[]).includes(value)) errors.push(`${path}: not one of the allowed values`);
  if ('const' in schema && schema.const !== value) errors.push(`${path}: must be ${JSON.stringify(schema.const)}`);
  if (typeof value === 'string') checkString(schema, value, path, errors);
  if (typeof value === 'number') checkNumber(schema, value, path, errors);
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) errors.push(`${path}: too few items`);
    if (schema.items) {
      for (const [i, item] of value.entries()) check(schema.items as JsonSchema, item, `${path}/${i}`, root, errors);
    }
  } else if (type === 'object') {
    checkObject(schema, value as Record<string, unknown>, path, root, errors);
  }
}

function checkString(schema: JsonSchema, value: string, path: string, errors: string[]): void {
  if (typeof schema.minLength === 'number' && value.length < schema.minLength) errors.push(`${path}: too short`);
  if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) errors.push(`${path}: too long`);
  if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) {
    errors.push(`${path}: does not match ${schema.pattern}`);
  }
  const format = typeof schema.format === 'string' ? formats[schema.format] : undefined;
  if (format && !format(value)) errors.push(`${path}: not a valid ${schema.format}`);
}

function checkNumber(schema: JsonSchema, value: number, path: string, errors: string[]): void {
  if (typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${path}: below ${schema.minimum}`);
  if (typeof schema.multipleOf === 'number') {
    const ratio = value / schema.multipleOf;
    if (Math.abs(ratio - Math.round(ratio)) > 1e-9) errors.push(`${path}: not a multiple of ${schema.multipleOf}`);
  }
}

function checkObject(
  schema: JsonSchema,
  value: Record<string, unknown>,
  path: string,
  root: JsonSchema,
  errors: string[],
): void {
  const keys = Object.keys(value);
  for (const key of (schema.required as string[] | undefined) ?? []) {
    if (!(key in value)) errors.push(`${path}/${key}: required`);
  }
  if (typeof schema.minProperties === 'number' && keys.length < schema.minProperties)
    errors.push(`${path}: too few properties`);
  if (typeof schema.maxProperties === 'number' && keys.length > schema.maxProperties)
    errors.push(`${path}: too many properties`);
  const properties = (schema.properties as Record<string, JsonSchema> | undefined) ?? {};
  for (const key of keys) {
    const propertySchema = properties[key];
    if (propertySchema) check(propertySchema, value[key], `${path}/${key}`, root, errors);
    else if (schema.additionalProperties === false) errors.push(`${path}/${key}: not allowed`);
  }
}

/** Validates `value` against `schema`; returns readable problems (`/path: message`), empty when valid. */
export function validateJsonSchema(schema: JsonSchema, value: unknown): string[] {
  const errors: string[] = [];
  check(schema, value, '', schema, errors);
  return errors;
}
