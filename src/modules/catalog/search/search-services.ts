import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/scope.ts';
import { prefixTsQuery } from './query-terms.ts';
import { nameOrder, type ServiceListItem, serviceListQuery, tierOrder } from './service-list-query.ts';

/** How the hits were found: all terms, any term, or similar names (typo fallback). */
export type MatchMode = 'all' | 'any' | 'similar';

export interface SearchPage {
  items: ServiceListItem[];
  total: number;
  mode: MatchMode;
}

export interface SearchOptions {
  terms: string[];
  page: number;
  pageSize: number;
}

/** Minimum pg_trgm word similarity of the query to a service name in the typo fallback. */
const similarityThreshold = 0.4;

/**
 * German full-text search over the catalog (`german` stemming, each term as a prefix). Tries all terms
 * (AND), then any term (OR), then trigram similarity on the name. Ranked: offered online by this
 * tenant, offered by it, the rest; within each tier by popularity, then ts_rank weighted by how similar
 * the whole name is to the query, then shorter name.
 * Every value is a bound parameter; the terms are letters and digits only (see queryTerms).
 */
export async function searchServices(db: Executor, tenantId: string, options: SearchOptions): Promise<SearchPage> {
  if (options.terms.length === 0) return { items: [], total: 0, mode: 'all' };
  for (const mode of ['all', 'any'] as const) {
    if (mode === 'any' && options.terms.length === 1) continue;
    const page = await fullTextPage(db, tenantId, options, mode);
    if (page.total > 0) return page;
  }
  return similarPage(db, tenantId, options);
}

async function fullTextPage(
  db: Executor,
  tenantId: string,
  options: SearchOptions,
  mode: 'all' | 'any',
): Promise<SearchPage> {
  const query = sql`to_tsquery('german', ${prefixTsQuery(options.terms, mode === 'all' ? 'and' : 'or')})`;
  const rows = await serviceListQuery(db, tenantId)
    .where(sql<boolean>`services.search_vector @@ ${query}`)
    .orderBy(tierOrder)
    .orderBy('services.popularity', 'desc')
    // ts_rank alone prefers long names that repeat a word; the trigram similarity of the whole name to
    // the query favours "Baugenehmigung" over "Baugenehmigung Erteilung im vereinfachten Baugenehmigungsverfahren".
    .orderBy(
      sql`ts_rank(services.search_vector, ${query}, 1) * (0.5 + similarity(${options.terms.join(' ')}, services.name))`,
      'desc',
    )
    .orderBy(sql`length(services.name)`)
    .orderBy(nameOrder)
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize)
    .execute();
  return {
    items: rows,
    total: await totalOf(rows, () => countMatches(db, sql<boolean>`services.search_vector @@ ${query}`)),
    mode,
  };
}

async function similarPage(db: Executor, tenantId: string, options: SearchOptions): Promise<SearchPage> {
  const text = options.terms.join(' ');
  const similarity = sql<number>`word_similarity(${text}, services.name)`;
  const condition = sql<boolean>`${similarity} >= ${similarityThreshold}`;
  const rows = await serviceListQuery(db, tenantId)
    .where(condition)
    .orderBy(tierOrder)
    .orderBy(similarity, 'desc')
    .orderBy('services.popularity', 'desc')
    .orderBy(sql`length(services.name)`)
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize)
    .execute();
  return { items: rows, total: await totalOf(rows, () => countMatches(db, condition)), mode: 'similar' };
}

/** The window count comes with the rows; past the last page there are none, so count separately. */
async function totalOf(rows: { total: number }[], count: () => Promise<number>): Promise<number> {
  return rows.length > 0 ? Number(rows[0]!.total) : count();
}

async function countMatches(db: Executor, condition: ReturnType<typeof sql<boolean>>): Promise<number> {
  const row = await db
    .selectFrom('services')
    .select(sql<number>`count(*)`.as('n'))
    .where(condition)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
