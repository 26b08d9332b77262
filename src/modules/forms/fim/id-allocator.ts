/**
 * Hands out ids that are unique in the whole definition and valid identifiers (letters, digits, `_`).
 * A FIM id is used as it is the first time; a further occurrence of the same Datenfeld or group is
 * prefixed with its parent's id (the path), then numbered if it is still taken.
 */
export class IdAllocator {
  readonly #used = new Set<string>();

  allocate(fimId: string, parentId?: string): string {
    const base = toIdentifier(fimId);
    const candidates = [base, ...(parentId ? [`${parentId}_${base}`] : [])];
    for (const candidate of candidates) {
      if (!this.#used.has(candidate)) return this.#take(candidate);
    }
    const last = candidates[candidates.length - 1]!;
    for (let n = 2; ; n++) {
      if (!this.#used.has(`${last}_${n}`)) return this.#take(`${last}_${n}`);
    }
  }

  #take(id: string): string {
    this.#used.add(id);
    return id;
  }
}

function toIdentifier(text: string): string {
  const cleaned = text.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z]/.test(cleaned) ? cleaned : `id_${cleaned}`;
}
