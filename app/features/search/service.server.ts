/**
 * Search across everything a reader may open (docs/decisions/025-search.md): their scopes come from
 * the permission module, each kind's query filters by them in SQL (so counts never include what
 * they may not open), and every row is checked again before it becomes a result.
 */
import { parseDocumentName } from "../../../collab/doc-names";
import type { ProjectedKind } from "../../../collab/documents/projections";
import { isProjected } from "../../../collab/documents/projections";
import { loadProjections } from "../../../collab/projections";
import type { Database } from "../../../db/client";
import { searchDocuments, searchPeople, searchSchools } from "../../../db/queries/search-documents";
import {
  searchPlanItems,
  searchReportSections,
  searchSessions,
  searchVisitRecords,
} from "../../../db/queries/search-records";
import { getSearchFacts } from "../../../db/queries/search-scope";
import type { SearchQuery, SearchRow } from "../../../db/queries/search-sql";
import type { Logger } from "../../kernel/logger";
import type { Actor } from "../../kernel/permissions";
import { schoolYearOf } from "../../kernel/school-year";
import { searchKinds, yearlessKinds, type SearchKind } from "./kinds";
import { toResults, type SearchResult } from "./results.server";
import { buildSearchScopes, type SearchScopes } from "./scopes";

/** What the reader asked: the words, and optionally one kind and one school year ("2025-26"). */
export type SearchRequest = { q: string; kind: SearchKind | null; schoolYear: string | null };

/** A kind's results: how many the reader may open in all, and the best of them. */
export type SearchGroup = { kind: SearchKind; total: number; results: SearchResult[] };

/** Results per kind on the page, or when one kind is chosen. */
export const PER_KIND = 10;
export const ONE_KIND = 30;
/** Longer queries are cut: nobody types more, and websearch_to_tsquery's work grows with them. */
export const MAX_QUERY_LENGTH = 200;

/**
 * Brings the projections of the documents about to be searched up to date: a row of an older
 * projection version (stored before it had search text) or behind its log is projected again from
 * the stored log, exactly as a page read does (collab/projections.ts), so search sees what the
 * document holds.
 */
async function refreshProjections(db: Database, docNames: readonly string[]) {
  const byKind = new Map<ProjectedKind, string[]>();
  for (const name of docNames) {
    const doc = parseDocumentName(name);
    if (doc && isProjected(doc.kind)) byKind.set(doc.kind, [...(byKind.get(doc.kind) ?? []), doc.id]);
  }
  for (const [kind, ids] of byKind) await loadProjections(db, kind, ids);
}

function documentNamesFor(scopes: SearchScopes, kinds: readonly string[], schoolYear: string | null) {
  return [...scopes.documents]
    .filter(([, d]) => kinds.includes(d.kind) && (schoolYear === null || d.schoolYear === schoolYear))
    .map(([name]) => name);
}

/** Each kind's query, given the reader's scopes. */
function queries(
  db: Database,
  scopes: SearchScopes,
  query: SearchQuery,
): Record<SearchKind, () => Promise<SearchRow[]>> {
  return {
    plan: () => searchPlanItems(db, query, scopes.planSchoolIds),
    report: () => searchReportSections(db, query, scopes.reportKeys),
    visit: () => searchVisitRecords(db, query, scopes.visitAssignmentIds),
    inquiry: () =>
      searchDocuments(db, query, documentNamesFor(scopes, ["inquiry", "root-cause-board", "hmw"], query.schoolYear)),
    playlist: () => searchDocuments(db, query, documentNamesFor(scopes, ["playlist"], query.schoolYear)),
    session: () =>
      searchSessions(db, query, scopes.sessionCohortIds, documentNamesFor(scopes, ["session-notes"], query.schoolYear)),
    school: () => searchSchools(db, query, scopes.adminAuthorityIds),
    person: () => searchPeople(db, query, scopes.adminAuthorityIds),
  };
}

/**
 * Searches for the reader: the groups with at least one result, in page order, or null when there
 * are no words to search for. `now` decides the school year whose facts (SIP assignments) pages use.
 */
export async function searchFor(
  deps: { db: Database; logger: Logger },
  actor: Actor,
  request: SearchRequest,
  now = new Date(),
): Promise<SearchGroup[] | null> {
  const q = request.q.trim().slice(0, MAX_QUERY_LENGTH);
  if (q.length === 0) return null;
  const authorityIds = [...new Set(actor.grants.map((g) => g.authorityId))];
  const scopes = buildSearchScopes(actor, await getSearchFacts(deps.db, authorityIds), schoolYearOf(now));
  const kinds = searchKinds
    .map((k) => k.kind)
    .filter((k) => (request.kind === null || k === request.kind) && !(request.schoolYear && yearlessKinds.includes(k)));
  const query: SearchQuery = { q, schoolYear: request.schoolYear, limit: request.kind ? ONE_KIND : PER_KIND };
  const documentKinds = [
    ...(kinds.includes("inquiry") ? ["inquiry", "root-cause-board", "hmw"] : []),
    ...(kinds.includes("playlist") ? ["playlist"] : []),
    ...(kinds.includes("session") ? ["session-notes"] : []),
  ];
  await refreshProjections(deps.db, documentNamesFor(scopes, documentKinds, request.schoolYear));
  const run = queries(deps.db, scopes, query);
  const found = await Promise.all(kinds.map((kind) => run[kind]()));
  const groups: SearchGroup[] = [];
  kinds.forEach((kind, i) => {
    const rows = found[i];
    const { results, dropped } = toResults(actor, scopes, kind, rows, deps.logger);
    // A dropped row was counted by the query: the count must not include it either.
    const total = Math.max((rows[0]?.total ?? 0) - dropped, results.length);
    if (results.length > 0) groups.push({ kind, total, results });
  });
  return groups;
}
