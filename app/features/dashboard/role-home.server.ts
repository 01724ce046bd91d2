/** What a person's home page shows for each role they hold: their schools, cohorts, communities, assignments and authorities. */
import type { Database } from "../../../db/client";
import { getAuthoritiesByIds } from "../../../db/queries/authorities";
import { listCohortsForUser } from "../../../db/queries/cohorts";
import { getAuthoritySummary } from "../../../db/queries/dashboard";
import { listAssignedSchools, listCommunitiesForUser } from "../../../db/queries/communities";
import { getSchoolsByIds } from "../../../db/queries/schools";
import { adminAuthorityIds, governedSchoolIds, isFacilitator, isSip, ledSchoolIds } from "../../kernel/permissions";
import { roleLabel } from "../../kernel/terminology";
import { schoolYearOf } from "../../kernel/school-year";
import type { CurrentActor } from "../auth/guard.server";

/** Everything the dashboard shows for this person, read in one round of parallel queries. */
export async function loadRoleHome(db: Database, actor: CurrentActor) {
  const adminIds = adminAuthorityIds(actor);
  const year = schoolYearOf(new Date());
  const [led, governed, authorities, summaries, communities, assigned, cohorts] = await Promise.all([
    getSchoolsByIds(db, ledSchoolIds(actor)),
    getSchoolsByIds(db, governedSchoolIds(actor)),
    getAuthoritiesByIds(db, [...new Set(actor.grants.map((g) => g.authorityId))]),
    Promise.all(adminIds.map(async (id) => ({ authorityId: id, ...(await getAuthoritySummary(db, id)) }))),
    listCommunitiesForUser(db, actor.userId, year),
    isSip(actor)
      ? listAssignedSchools(db, actor.userId, year)
      : Promise.resolve([] as Array<{ id: string; name: string; dayBudget: number }>),
    listCohortsForUser(db, actor.userId),
  ]);
  const terminology = authorities[0]?.terminology ?? "en-GB";
  return {
    name: actor.user.name,
    roles: [...new Set(actor.grants.map((g) => roleLabel(g.role, terminology)))],
    authorities: authorities.map((a) => ({ id: a.id, name: a.name })),
    led,
    governed,
    facilitator: isFacilitator(actor),
    sip: isSip(actor),
    admin: summaries,
    communities,
    cohorts,
    assigned,
    leader: ledSchoolIds(actor).length > 0,
    year,
    terminology,
  };
}
