const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids in URLs and payloads are checked before they reach a uuid column (a malformed one is a 404). */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);
