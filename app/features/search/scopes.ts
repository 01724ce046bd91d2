/**
 * What a reader may open, worked out once per search from the facts of their authorities and the
 * permission module's own predicates (the ones each linked page's guard asks), so the search
 * queries can filter in SQL and the per-row check can ask again (docs/decisions/025-search.md).
 */
import { documentName, type DocumentKind } from "../../../collab/doc-names";
import type { SearchFacts } from "../../../db/queries/search-scope";
import {
  adminAuthorityIds,
  canViewCohort,
  canViewSchoolImprovement,
  documentAccess,
  reportAudiencesFor,
  type Actor,
  type CohortScope,
  type CommunityScope,
  type SchoolScope,
} from "../../kernel/permissions";

/** A shared document the reader may open: its kind, whose it is (community or cohort), its scope and year. */
export type SearchableDocument = {
  kind: DocumentKind;
  id: string;
  owner: { type: "community" | "cohort" | "session"; id: string; name: string; cohortId: string };
  scope: CommunityScope;
  schoolYear: string;
};

export type SearchScopes = {
  /** Each school's scope this year: plan and report pages decide with it. */
  schools: Map<string, SchoolScope>;
  /** Each school's name, for the results' context line. */
  schoolNames: Map<string, string>;
  /** Schools whose plans the reader may open (canViewSchoolImprovement). */
  planSchoolIds: string[];
  /** "schoolId:draft|shared:audience" for every report audience the reader may read (reportAudiencesFor). */
  reportKeys: string[];
  /** Each SIP assignment's scope (its school, in its year): visit records are decided with their year's facts. */
  assignments: Map<string, SchoolScope>;
  /** Assignments whose visit records the reader may open. */
  visitAssignmentIds: string[];
  /** Each cohort's scope (leaders, facilitators, this year's SIPs of its leaders' schools). */
  cohorts: Map<string, CohortScope & { name: string; schoolYear: string }>;
  /** Cohorts whose sessions the reader may open (canViewCohort). */
  sessionCohortIds: string[];
  /** Shared documents the reader may open (documentAccess is not "none"), by document name. */
  documents: Map<string, SearchableDocument>;
  /** Authorities whose schools and people the reader runs. */
  adminAuthorityIds: string[];
};

const reportStatuses = [
  ["draft", "draft"],
  ["shared", "shared"],
] as const;

/** The reader's search scopes from the facts of their authorities, for the school year `currentYear` ("2025-26"). */
export function buildSearchScopes(actor: Actor, facts: SearchFacts, currentYear: string): SearchScopes {
  const schools = new Map<string, SchoolScope>();
  for (const school of facts.schools) {
    const now = facts.assignments.find((a) => a.schoolId === school.id && a.schoolYear === currentYear);
    schools.set(school.id, {
      schoolId: school.id,
      authorityId: school.authorityId,
      sipIds: now ? [now.sipUserId] : [],
    });
  }
  const planSchoolIds = [...schools.values()].filter((s) => canViewSchoolImprovement(actor, s)).map((s) => s.schoolId);
  const reportKeys = [...schools.values()].flatMap((s) =>
    reportStatuses.flatMap(([status, key]) =>
      reportAudiencesFor(actor, s, status).map((audience) => `${s.schoolId}:${key}:${audience}`),
    ),
  );
  const assignments = new Map<string, SchoolScope>(
    facts.assignments.map((a) => [a.id, { schoolId: a.schoolId, authorityId: a.authorityId, sipIds: [a.sipUserId] }]),
  );
  const visitAssignmentIds = [...assignments].filter(([, s]) => canViewSchoolImprovement(actor, s)).map(([id]) => id);

  // This year's SIPs of the schools each person leads: they read their communities' documents.
  const sipsOfLeader = new Map<string, string[]>();
  for (const { userId, schoolId } of facts.leaders) {
    const sip = schools.get(schoolId)?.sipIds ?? [];
    sipsOfLeader.set(userId, [...(sipsOfLeader.get(userId) ?? []), ...sip]);
  }
  const sipsOf = (leaderIds: readonly string[]) => [...new Set(leaderIds.flatMap((id) => sipsOfLeader.get(id) ?? []))];

  const cohorts = new Map<string, CohortScope & { name: string; schoolYear: string }>();
  for (const cohort of facts.cohorts) {
    const rows = facts.cohortMembers.filter((m) => m.cohortId === cohort.id);
    const memberIds = rows.filter((r) => r.role === "leader").map((r) => r.userId);
    const facilitatorIds = rows.filter((r) => r.role === "facilitator").map((r) => r.userId);
    cohorts.set(cohort.id, {
      authorityId: cohort.authorityId,
      memberIds,
      facilitatorIds,
      sipIds: sipsOf(memberIds),
      name: cohort.name,
      schoolYear: cohort.schoolYear,
    });
  }
  const sessionCohortIds = [...cohorts].filter(([, s]) => canViewCohort(actor, s)).map(([id]) => id);

  const documents = new Map<string, SearchableDocument>();
  const offer = (doc: SearchableDocument) => {
    if (documentAccess(actor, doc.kind, doc.scope) !== "none") documents.set(documentName(doc.kind, doc.id), doc);
  };
  for (const community of facts.communities) {
    const cohort = cohorts.get(community.cohortId);
    if (!cohort) continue;
    const memberIds = facts.communityMembers.filter((m) => m.communityId === community.id).map((m) => m.userId);
    const scope = {
      authorityId: cohort.authorityId,
      memberIds,
      facilitatorIds: cohort.facilitatorIds,
      sipIds: sipsOf(memberIds),
    };
    const owner = { type: "community" as const, id: community.id, name: community.name, cohortId: community.cohortId };
    for (const kind of ["inquiry", "root-cause-board", "hmw", "playlist"] as const)
      offer({ kind, id: community.id, owner, scope, schoolYear: cohort.schoolYear });
  }
  // Cohort-wide documents (the cohort's playlist, session notes) are its leaders' and facilitators' only.
  for (const [id, cohort] of cohorts) {
    const scope = { ...cohort, sipIds: [] };
    const owner = { type: "cohort" as const, id, name: cohort.name, cohortId: id };
    offer({ kind: "playlist", id, owner, scope, schoolYear: cohort.schoolYear });
    for (const session of facts.sessions.filter((s) => s.cohortId === id))
      offer({
        kind: "session-notes",
        id: session.id,
        owner: { ...owner, type: "session" },
        scope,
        schoolYear: cohort.schoolYear,
      });
  }
  return {
    schools,
    schoolNames: new Map(facts.schools.map((s) => [s.id, s.name])),
    planSchoolIds,
    reportKeys,
    assignments,
    visitAssignmentIds,
    cohorts,
    sessionCohortIds,
    documents,
    adminAuthorityIds: adminAuthorityIds(actor),
  };
}
