/** What a person's home page shows for each role they hold: their to-do list, then their schools, cohorts, communities and authorities. */
import type { Database } from "../../../db/client";
import { getAuthoritiesByIds } from "../../../db/queries/authorities";
import { listCohortsForUser } from "../../../db/queries/cohorts";
import { listCommunitiesForUser } from "../../../db/queries/communities";
import { getSchoolsByIds } from "../../../db/queries/schools";
import { dateContextFor, todayIn } from "../../kernel/dates";
import { adminAuthorityIds, governedSchoolIds, isFacilitator, isSip, ledSchoolIds } from "../../kernel/permissions";
import { roleLabel } from "../../kernel/terminology";
import { schoolYearOf } from "../../kernel/school-year";
import type { CurrentActor } from "../auth/guard.server";
import { loadSipSchools, loadTodo } from "./todo.server";

/** Everything the dashboard shows for this person at `now`. */
export async function loadRoleHome(db: Database, actor: CurrentActor, now: Date) {
  const year = schoolYearOf(now);
  const authorities = await getAuthoritiesByIds(db, [...new Set(actor.grants.map((g) => g.authorityId))]);
  // Everyone belongs to one authority today (as in the root layout): its first grant names it.
  const authority = authorities.find((a) => a.id === actor.grants[0]?.authorityId) ?? null;
  const assigned = await loadSipSchools(db, actor, year, todayIn(dateContextFor(authority), now));
  const [led, governed, communities, cohorts, todo] = await Promise.all([
    getSchoolsByIds(db, ledSchoolIds(actor)),
    getSchoolsByIds(db, governedSchoolIds(actor)),
    listCommunitiesForUser(db, actor.userId, year),
    listCohortsForUser(db, actor.userId),
    loadTodo(db, actor, now, { authority, sipSchools: assigned }),
  ]);
  const terminology = authority?.terminology ?? "en-GB";
  return {
    name: actor.user.name,
    roles: [...new Set(actor.grants.map((g) => roleLabel(g.role, terminology)))],
    authorities: authorities.map((a) => ({ id: a.id, name: a.name })),
    todo,
    led,
    governed,
    facilitator: isFacilitator(actor),
    sip: isSip(actor),
    admin: adminAuthorityIds(actor).length > 0,
    communities,
    cohorts,
    assigned: assigned.map((s) => ({
      id: s.id,
      name: s.name,
      dayBudget: s.dayBudget,
      used: s.used,
      nextVisit: s.nextVisit,
    })),
    leader: ledSchoolIds(actor).length > 0,
    year,
    terminology,
  };
}
