import { sql, type SQL } from "drizzle-orm";
import type { Database } from "../client";
import { rowsOf } from "../raw";

/** Marks `ts_headline` puts around matched words: control characters nobody types, split in JS (never HTML). */
export const MARK_START = "\u0001";
export const MARK_END = "\u0002";

/** What every search query gets: the words as typed, an optional school year ("2025-26") and how many rows per kind. */
export type SearchQuery = { q: string; schoolYear: string | null; limit: number };

/** One result row as a search query returns it; `total` is how many the reader may open in all (before the limit). */
export type SearchRow = {
  item: string;
  id: string;
  parentId: string | null;
  schoolId: string | null;
  title: string;
  context: string | null;
  headline: string;
  rank: number;
  at: string | null;
  schoolYear: string | null;
  total: number;
  /** Kind-specific facts the per-row permission check needs (report status and audiences, authority…). */
  extra: Record<string, unknown> | null;
};

/** `column in (…)`, or false for an empty list (so an empty scope finds nothing, never everything). */
export function inList(column: SQL, values: readonly string[]): SQL {
  if (values.length === 0) return sql`false`;
  return sql`${column} in (${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;
}

/** The school-year filter on a column, or true when no year is asked for. */
export function yearIs(column: SQL, schoolYear: string | null): SQL {
  return schoolYear === null ? sql`true` : sql`${column} = ${schoolYear}`;
}

const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * Runs one kind's search. `matches` is a select of (item, id, parent_id, school_id, title, context,
 * body, vector, at, school_year, extra) already restricted to what the reader may open and to the
 * words (`vector @@ query`, using the GIN index); this ranks them (ts_rank_cd, normalised, times a
 * recency factor that halves the weight of year-old items), counts them, keeps the best `limit`
 * and marks the words in a snippet of each (ts_headline, only on the kept rows).
 */
export async function runSearch(
  db: Database,
  query: SearchQuery,
  matches: (tsquery: SQL) => SQL,
): Promise<SearchRow[]> {
  const tsquery = sql`(select query from q)`;
  const result = await db.execute(sql`
    with q as (select websearch_to_tsquery('english', ${query.q}) as query),
    matched as (${matches(tsquery)}),
    ranked as (
      select m.*, count(*) over () as total,
        ts_rank_cd(m.vector, ${tsquery}, 32) *
          (0.5 + 0.5 / (1 + greatest(extract(epoch from (now() - coalesce(m.at, now()))), 0) / 86400 / 365)) as rank
      from matched m
      order by rank desc, m.at desc nulls last, m.id
      limit ${query.limit}
    )
    select r.item, r.id::text as id, r.parent_id::text as "parentId", r.school_id::text as "schoolId", r.title,
      r.context, ts_headline('english', r.body, ${tsquery}, ${HEADLINE_OPTIONS}) as headline,
      r.rank::float8 as rank,
      to_char(r.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at, r.school_year as "schoolYear", r.total::int as total, r.extra
    from ranked r
    order by r.rank desc, r.at desc nulls last, r.id
  `);
  return rowsOf<SearchRow>(result).map((r) => ({ ...r, rank: Number(r.rank), total: Number(r.total) }));
}
