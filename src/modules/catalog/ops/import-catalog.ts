import { sql } from 'kysely';
import type { Database } from '../../../platform/db/database.ts';
import type { Executor } from '../../../platform/db/scope.ts';
import type { CatalogRow, RowProblem } from '../csv/catalog-row.ts';
import { parseCatalogCsv } from '../csv/parse-catalog-csv.ts';
import { clearFacetCache } from '../repo.ts';
import { uniqueSlug } from '../slug.ts';

export interface ImportCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface ImportReport extends ImportCounts {
  read: number;
  skipped: number;
  problems: RowProblem[];
  ms: number;
}

const batchSize = 500;

/**
 * Upserts catalog rows by LeiKa key in batches, in one transaction. New services get a unique slug;
 * existing services keep theirs (URLs stay stable) and are only touched when a value changed.
 * Description modules are never overwritten by an import.
 */
export async function upsertServices(database: Database, rows: CatalogRow[]): Promise<ImportCounts> {
  return database.db.transaction().execute(async (trx) => {
    const slugs = await existingSlugs(trx);
    const taken = new Set(slugs.values());
    const counts: ImportCounts = { inserted: 0, updated: 0, unchanged: 0 };
    for (let i = 0; i < rows.length; i += batchSize) {
      const batch = rows.slice(i, i + batchSize).map((r) => ({
        leika_key: r.leikaKey,
        slug: slugs.get(r.leikaKey) ?? uniqueSlug(r.name, r.leikaKey, taken),
        name: r.name,
        leistungstyp: r.leistungstyp,
        rechtsgrundlage: r.rechtsgrundlage,
        ozg_leistung_id: r.ozgLeistungId,
        ozg_leistung_name: r.ozgLeistungName,
        lebenslage: r.lebenslage,
        themenfeld: r.themenfeld,
      }));
      const changed = await trx
        .insertInto('services')
        .values(batch)
        .onConflict((oc) =>
          oc
            .column('leika_key')
            .doUpdateSet({
              name: sql.ref('excluded.name'),
              leistungstyp: sql.ref('excluded.leistungstyp'),
              rechtsgrundlage: sql.ref('excluded.rechtsgrundlage'),
              ozg_leistung_id: sql.ref('excluded.ozg_leistung_id'),
              ozg_leistung_name: sql.ref('excluded.ozg_leistung_name'),
              lebenslage: sql.ref('excluded.lebenslage'),
              themenfeld: sql.ref('excluded.themenfeld'),
              updated_at: sql`now()`,
            })
            .where(
              sql<boolean>`(services.name, services.leistungstyp, services.rechtsgrundlage, services.ozg_leistung_id,
                services.ozg_leistung_name, services.lebenslage, services.themenfeld)
                is distinct from (excluded.name, excluded.leistungstyp, excluded.rechtsgrundlage, excluded.ozg_leistung_id,
                excluded.ozg_leistung_name, excluded.lebenslage, excluded.themenfeld)`,
            ),
        )
        .returning([sql<boolean>`(xmax = 0)`.as('inserted')])
        .execute();
      const inserted = changed.filter((c) => c.inserted).length;
      counts.inserted += inserted;
      counts.updated += changed.length - inserted;
      counts.unchanged += batch.length - changed.length;
    }
    return counts;
  });
}

async function existingSlugs(db: Executor): Promise<Map<string, string>> {
  const rows = await db.selectFrom('services').select(['leika_key', 'slug']).execute();
  return new Map(rows.map((r) => [r.leika_key, r.slug]));
}

/** Parses, validates and imports a catalog CSV; returns counts and the skipped lines with reasons. */
export async function importCatalog(
  database: Database,
  csvText: string,
  now: () => number = Date.now,
): Promise<ImportReport> {
  const started = now();
  const parsed = parseCatalogCsv(csvText);
  const counts = await upsertServices(database, parsed.rows);
  clearFacetCache(database);
  return {
    ...counts,
    read: parsed.read,
    skipped: parsed.problems.length,
    problems: parsed.problems,
    ms: now() - started,
  };
}
