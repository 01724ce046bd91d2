/**
 * Turns rows into results the page shows: a title, the words around the match, the exact page (and
 * place on it) to open. Before that, each row is checked again with the predicate its page's guard
 * uses; a row that fails was let through by the SQL filter by mistake, so it is dropped and logged.
 */
import type { SearchRow } from "../../../db/queries/search-sql";
import type { Logger } from "../../kernel/logger";
import {
  canManageAuthority,
  canViewCohort,
  canViewSchoolImprovement,
  documentAccess,
  reportAudiencesFor,
  type Actor,
  type ReportAudienceName,
} from "../../kernel/permissions";
import type { SearchKind } from "./kinds";
import type { SearchScopes } from "./scopes";
import { splitSnippet, type SnippetSegment } from "./snippet.server";

/** One result: what it is, where it is, the words around the match, and the link to the exact place. */
export type SearchResult = {
  kind: SearchKind;
  key: string;
  title: string;
  context: string | null;
  snippet: SnippetSegment[];
  href: string;
  schoolYear: string | null;
  /** An instant (ISO) or a calendar date (YYYY-MM-DD) the page formats in the authority's zone. */
  date: string | null;
  rank: number;
};

type Check = (row: SearchRow) => boolean;
type Describe = (row: SearchRow) => Pick<SearchResult, "title" | "context" | "href">;

const yearParam = (schoolYear: string | null) => (schoolYear ? `?year=${schoolYear.slice(0, 4)}` : "");

const planAnchors: Record<string, (id: string) => string> = {
  priority: () => "about-heading",
  target: (id) => `target-${id}`,
  action: (id) => `action-${id}`,
  evidence: () => "evidence-heading",
  progress: () => "progress-heading",
};

const documentTitles: Record<string, string> = {
  "story/": "A story",
  "needed/": "What I needed",
  "peer-check/": "Peer check notes",
};

/** May the reader open the page this row links to? The same predicates as each page's guard. */
function checks(actor: Actor, scopes: SearchScopes): Record<SearchKind, Check> {
  const docOpen = (row: SearchRow) => {
    const doc = scopes.documents.get(String(row.extra?.docName));
    return !!doc && documentAccess(actor, doc.kind, doc.scope) !== "none";
  };
  return {
    plan: (row) => {
      const school = scopes.schools.get(row.schoolId ?? "");
      return !!school && canViewSchoolImprovement(actor, school);
    },
    report: (row) => {
      const school = scopes.schools.get(row.schoolId ?? "");
      if (!school) return false;
      const status = row.extra?.status as "draft" | "shared" | "acknowledged";
      const may = reportAudiencesFor(actor, school, status);
      return ((row.extra?.audiences as ReportAudienceName[]) ?? []).some((a) => may.includes(a));
    },
    visit: (row) => {
      const scope = scopes.assignments.get(row.parentId ?? "");
      return !!scope && scope.schoolId === row.schoolId && canViewSchoolImprovement(actor, scope);
    },
    inquiry: docOpen,
    playlist: docOpen,
    session: (row) => {
      const cohort = scopes.cohorts.get(row.parentId ?? "");
      if (!cohort || !canViewCohort(actor, cohort)) return false;
      return row.item === "session" || docOpen({ ...row, extra: { docName: `session-notes.${row.id}` } });
    },
    school: (row) => canManageAuthority(actor, String(row.extra?.authorityId)),
    person: (row) => ((row.extra?.authorityIds as string[]) ?? []).some((id) => canManageAuthority(actor, id)),
  };
}

function describers(scopes: SearchScopes): Record<SearchKind, Describe> {
  const documentPlace = (row: SearchRow) => scopes.documents.get(String(row.extra?.docName));
  const schoolName = (id: string | null) => scopes.schoolNames.get(id ?? "") ?? "";
  return {
    plan: (row) => ({
      title: row.title,
      context: `${schoolName(row.schoolId)} · ${row.item === "priority" ? "Priority" : `Priority: ${row.context}`}`,
      href: `/schools/${row.schoolId}/plan/priorities/${row.parentId}${yearParam(row.schoolYear)}#${planAnchors[row.item](row.id)}`,
    }),
    report: (row) => ({
      title: row.title,
      context: `${row.context} (${schoolName(row.schoolId)})`,
      href: `/schools/${row.schoolId}/reports/${row.parentId}#section-${row.id}`,
    }),
    visit: (row) => ({
      title: row.title,
      context: schoolName(row.schoolId),
      href: `/schools/${row.schoolId}/visits/${row.id}`,
    }),
    inquiry: (row) => {
      const doc = documentPlace(row)!;
      const base = `/communities/${doc.owner.id}`;
      if (doc.kind === "root-cause-board")
        return {
          title: "Note on the root-cause board",
          context: doc.owner.name,
          href: `${base}/board?note=${encodeURIComponent(row.id)}`,
        };
      if (doc.kind === "hmw")
        return { title: "“How might we…” question", context: doc.owner.name, href: `${base}/questions` };
      const prefix = Object.keys(documentTitles).find((p) => row.id.startsWith(p)) ?? "story/";
      return { title: documentTitles[prefix], context: doc.owner.name, href: `${base}/inquiry` };
    },
    playlist: (row) => {
      const doc = documentPlace(row)!;
      const base = doc.owner.type === "community" ? `/communities/${doc.owner.id}` : `/cohorts/${doc.owner.id}`;
      return { title: "Playlist resource", context: doc.owner.name, href: `${base}/playlist` };
    },
    session: (row) => ({
      title: row.item === "notes" ? `Notes of ${row.title}` : row.title,
      context: row.context,
      href: `/cohorts/${row.parentId}/sessions/${row.id}`,
    }),
    school: (row) => ({ title: row.title, context: row.context, href: `/schools/${row.id}` }),
    person: (row) => ({ title: row.title, context: row.context, href: `/admin/people/${row.id}` }),
  };
}

/** The results of one kind the reader may open (and how many rows failed the check: always 0 unless there is a bug). */
export function toResults(
  actor: Actor,
  scopes: SearchScopes,
  kind: SearchKind,
  rows: readonly SearchRow[],
  logger: Logger,
): { results: SearchResult[]; dropped: number } {
  const check = checks(actor, scopes)[kind];
  const describe = describers(scopes)[kind];
  const results: SearchResult[] = [];
  let dropped = 0;
  for (const row of rows) {
    if (!check(row)) {
      dropped += 1;
      logger.warn("search found a row its page would refuse; dropped", {
        kind,
        item: row.item,
        id: row.id,
        userId: actor.userId,
      });
      continue;
    }
    const documentYear = scopes.documents.get(String(row.extra?.docName))?.schoolYear ?? null;
    results.push({
      kind,
      key: `${row.item}:${row.parentId ?? ""}:${row.id}`,
      ...describe(row),
      snippet: splitSnippet(row.headline),
      schoolYear: row.schoolYear ?? documentYear,
      date: kind === "visit" ? String(row.extra?.visitDate) : row.at,
      rank: row.rank,
    });
  }
  return { results, dropped };
}
