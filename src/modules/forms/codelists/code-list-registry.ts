import type { CodeList, CodeListReference } from './code-list.ts';

/** The outcome of {@link CodeListRegistry.resolve}. */
export interface ResolvedCodeList {
  list: CodeList;
  /** False when SAC ships another version of the referenced list. */
  exactVersion: boolean;
}

/**
 * Looks up code lists by FIM id, canonicalUri or canonicalVersionUri.
 * Built once from a fixed set of lists; a second list with the same id or URI is rejected.
 */
export class CodeListRegistry {
  readonly #byId = new Map<string, CodeList>();
  readonly #byCanonicalUri = new Map<string, CodeList>();
  readonly #byCanonicalVersionUri = new Map<string, CodeList>();
  readonly #byKey = new Map<string, CodeList>();

  constructor(lists: readonly CodeList[]) {
    for (const list of lists) {
      addUnique(this.#byKey, list.key, list);
      addUnique(this.#byId, list.id, list);
      addUnique(this.#byCanonicalUri, list.canonicalUri, list);
      addUnique(this.#byCanonicalVersionUri, list.canonicalVersionUri, list);
    }
  }

  /** All lists, in the order they were given. */
  all(): CodeList[] {
    return [...this.#byKey.values()];
  }

  byKey(key: string): CodeList | undefined {
    return this.#byKey.get(key);
  }

  byId(id: string): CodeList | undefined {
    return this.#byId.get(id);
  }

  byCanonicalUri(uri: string): CodeList | undefined {
    return this.#byCanonicalUri.get(uri);
  }

  byCanonicalVersionUri(uri: string): CodeList | undefined {
    return this.#byCanonicalVersionUri.get(uri);
  }

  /**
   * Finds the list a reference points to. The exact version (canonicalVersionUri) wins; otherwise
   * the same list in another shipped version (canonicalUri, or the URI before `_<version>`), then
   * the FIM id. `exactVersion` is false when the shipped version differs from the referenced one.
   */
  resolve(ref: CodeListReference): ResolvedCodeList | undefined {
    const exact = ref.canonicalVersionUri ? this.byCanonicalVersionUri(ref.canonicalVersionUri) : undefined;
    if (exact) return { list: exact, exactVersion: true };
    const canonicalUri = ref.canonicalUri ?? stripVersion(ref.canonicalVersionUri);
    const sameList = (canonicalUri && this.byCanonicalUri(canonicalUri)) || (ref.id && this.byId(ref.id)) || undefined;
    if (!sameList) return undefined;
    const exactVersion =
      ref.canonicalVersionUri === undefined && (ref.version === undefined || ref.version === sameList.version);
    return { list: sameList, exactVersion };
  }

  /** A new registry with these lists added (e.g. lists supplied on the command line). */
  with(extra: readonly CodeList[]): CodeListRegistry {
    return new CodeListRegistry([...this.all(), ...extra]);
  }
}

function addUnique(map: Map<string, CodeList>, key: string, list: CodeList): void {
  if (map.has(key)) throw new Error(`Duplicate code list ${key} (${list.key})`);
  map.set(key, list);
}

function stripVersion(canonicalVersionUri: string | undefined): string | undefined {
  const cut = canonicalVersionUri?.lastIndexOf('_') ?? -1;
  return cut > 0 ? canonicalVersionUri?.slice(0, cut) : undefined;
}
