/** Form name of a field below `prefix`: `id`, `group[id]`, `group[2][id]`. */
export function childName(prefix: string, id: string | number): string {
  return prefix === '' ? String(id) : `${prefix}[${id}]`;
}

const NAME = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;

/** `fahrzeuge[2][kennzeichen]` → ['fahrzeuge', '2', 'kennzeichen']; `x[]` → ['x', '']; undefined if malformed. */
export function splitName(name: string): string[] | undefined {
  const match = NAME.exec(name);
  if (!match) return undefined;
  const rest = match[2] ? match[2].slice(1, -1).split('][') : [];
  return [match[1]!, ...rest];
}
