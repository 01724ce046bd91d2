import type { AppLoadContext } from "@remix-run/node";
import { getCohort } from "../../../db/queries/cohorts";
import { getCohortScope } from "../../../db/queries/community-scope";
import { listCohortSchools } from "../../../db/queries/outcomes";
import { notFound, requireIdParam } from "../../utils/http.server";
import {
  canEditOutcomes,
  canManageCohort,
  canViewCohortOutcomes,
  canViewSchoolOutcomes,
} from "../../kernel/permissions";
import { requireActor } from "../auth/guard.server";
import { schoolYearOf } from "../../kernel/school-year";

/**
 * For the cohort's outcomes page: the person, the cohort, and the cohort's schools sorted by what
 * this person may do with each (see its rows, enter its outcomes). Unlike the other cohort pages,
 * the SIPs of the cohort's schools may open it (for their schools' rows); everyone else gets 404.
 */
export async function requireCohortOutcomes(
  context: AppLoadContext,
  request: Request,
  cohortIdParam: string | undefined,
) {
  const actor = await requireActor(context, request);
  const cohortId = requireIdParam(cohortIdParam);
  const { db } = context.services;
  const schoolYear = schoolYearOf(new Date());
  const [scope, cohort] = await Promise.all([getCohortScope(db, cohortId, schoolYear), getCohort(db, cohortId)]);
  if (!scope || !cohort || !canViewCohortOutcomes(actor, scope)) notFound();
  const schools = await listCohortSchools(db, cohortId, schoolYear);
  const isFacilitator = canManageCohort(actor, scope);
  const visible = schools.filter((s) => canViewSchoolOutcomes(actor, scope, { schoolId: s.id, sipIds: s.sipIds }));
  const editable = schools.filter((s) => canEditOutcomes(actor, scope, s.id));
  return { actor, scope, cohort, isFacilitator, visible, editable };
}
