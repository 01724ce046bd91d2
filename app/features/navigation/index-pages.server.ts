/**
 * What each index page lists (/schools, /visits, /reports, /brokering, /cohorts, /communities):
 * read with db/queries, then kept only where the kernel's predicate lets the person open the row's
 * page, so an index never offers a link that 404s.
 */
import type { Database } from "../../../db/client";
import { listCohortsForUser } from "../../../db/queries/cohorts";
import { listCommunitiesForUser } from "../../../db/queries/communities";
import { getSchoolsByIds } from "../../../db/queries/schools";
import { listSipReports, listSipSchools, listSipVisits } from "../../../db/queries/sip-caseload";
import { todayIn } from "../../kernel/dates";
import { authorityDateContext } from "../admin/authority-dates.server";
import {
  adminAuthorityIds,
  canDoSipWork,
  canViewSchool,
  canViewSchoolImprovement,
  governedSchoolIds,
  isSip,
  ledSchoolIds,
  reportAudiencesFor,
  type Actor,
  type SchoolScope,
} from "../../kernel/permissions";
import { schoolYearOf } from "../../kernel/school-year";

/** A row of the SIP's caseload as the permission module sees it: the school, its authority and its SIP (this one). */
const scopeOf = (actor: Actor, row: { schoolId: string; authorityId: string }): SchoolScope => ({
  schoolId: row.schoolId,
  authorityId: row.authorityId,
  sipIds: [actor.userId],
});

/** The SIP's schools this year with days used and the next visit (empty for anyone who is not a SIP). */
export async function sipSchools(db: Database, actor: Actor, year: string) {
  if (!isSip(actor)) return [];
  // "Next visit" means from today in the SIP's authority's zone, not the server's.
  const sipAuthority = actor.grants.find((g) => g.role === "sip")?.authorityId;
  const rows = await listSipSchools(db, actor.userId, year, todayIn(await authorityDateContext(db, sipAuthority)));
  return rows.filter((s) => canViewSchoolImprovement(actor, scopeOf(actor, { ...s, schoolId: s.id })));
}

/** /schools: a SIP's assigned schools, the schools a person leads or governs, and whether they run an authority. */
export async function loadSchoolsIndex(db: Database, actor: Actor) {
  const year = schoolYearOf(new Date());
  const ownIds = [...new Set([...ledSchoolIds(actor), ...governedSchoolIds(actor)])];
  const [assigned, own] = await Promise.all([sipSchools(db, actor, year), getSchoolsByIds(db, ownIds)]);
  return {
    year,
    assigned,
    own: own
      .filter((s) => canViewSchool(actor, s))
      .map((s) => ({ id: s.id, name: s.name, role: ledSchoolIds(actor).includes(s.id) ? "Head" : "Governor" }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    admin: adminAuthorityIds(actor).length > 0,
    sip: isSip(actor),
  };
}

/** /visits: the time a SIP logged this year across their schools. */
export async function loadSipVisits(db: Database, actor: Actor) {
  const year = schoolYearOf(new Date());
  if (!isSip(actor)) return { year, sip: false, visits: [] };
  const rows = await listSipVisits(db, actor.userId, year);
  return { year, sip: true, visits: rows.filter((v) => canViewSchoolImprovement(actor, scopeOf(actor, v))) };
}

/** /reports: a SIP's reports this year across their schools, drafts included. */
export async function loadSipReports(db: Database, actor: Actor) {
  const year = schoolYearOf(new Date());
  if (!isSip(actor)) return { year, sip: false, reports: [] };
  const rows = await listSipReports(db, actor.userId, year);
  return {
    year,
    sip: true,
    reports: rows
      .filter((r) => reportAudiencesFor(actor, scopeOf(actor, r), r.status).length > 0)
      .map((r) => ({ ...r, sharedAt: r.sharedAt?.toISOString() ?? null, createdAt: r.createdAt.toISOString() })),
  };
}

/** /brokering: the schools a SIP may broker for (their schools this year). */
export async function loadBrokeringIndex(db: Database, actor: Actor) {
  const year = schoolYearOf(new Date());
  const schools = await sipSchools(db, actor, year);
  return {
    year,
    sip: isSip(actor),
    schools: schools.filter((s) => canDoSipWork(actor, scopeOf(actor, { ...s, schoolId: s.id }))),
  };
}

/** /cohorts: the cohorts a person facilitates or takes part in, once each (facilitating wins). */
export async function loadCohortsIndex(db: Database, actor: Actor) {
  const rows = await listCohortsForUser(db, actor.userId);
  const byId = new Map<string, (typeof rows)[number]>();
  for (const c of rows) if (!byId.has(c.id) || c.role === "facilitator") byId.set(c.id, c);
  return { cohorts: [...byId.values()] };
}

/** /communities: the communities a person is in, facilitates, or follows as a member's SIP. */
export async function loadCommunitiesIndex(db: Database, actor: Actor) {
  return { communities: await listCommunitiesForUser(db, actor.userId, schoolYearOf(new Date())) };
}
