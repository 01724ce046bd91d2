/** The header menu of the signed-in person: their grants, and for a school leader their communities and cohorts. */
import type { Database } from "../../../db/client";
import { listCohortsForUser } from "../../../db/queries/cohorts";
import { listCommunitiesForUser } from "../../../db/queries/communities";
import { menuFor, type MenuItem } from "../../kernel/navigation";
import { ledSchoolIds, type Actor } from "../../kernel/permissions";
import { schoolYearOf } from "../../kernel/school-year";

/** Reads the facts the menu needs (only a leader's communities and cohorts: other roles' entries are index pages). */
export async function loadMenu(db: Database, actor: Actor): Promise<MenuItem[]> {
  if (ledSchoolIds(actor).length === 0) return menuFor(actor, { communityIds: [], cohortIds: [] });
  const [communities, cohorts] = await Promise.all([
    listCommunitiesForUser(db, actor.userId, schoolYearOf(new Date())),
    listCohortsForUser(db, actor.userId),
  ]);
  return menuFor(actor, {
    communityIds: communities.map((c) => c.id),
    cohortIds: [...new Set(cohorts.map((c) => c.id))],
  });
}
