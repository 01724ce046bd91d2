import type { AppLoadContext } from "@remix-run/node";
import { getSchoolScope } from "../../db/queries/school-scope";
import { notFound, requireIdParam } from "./http.server";
import { canViewSchoolImprovement, reportAudiencesFor } from "./permissions";
import { requireActor } from "./permissions.server";
import { schoolYearOf } from "./school-year";

/**
 * For a school's improvement pages (plan, visits, visit records): the signed-in person and the
 * school's scope for this year. Anyone who may not see them — governors included, and every other
 * school's people — is told the page does not exist (404), so nothing reveals what a school has.
 */
export async function requireSchoolImprovement(context: AppLoadContext, request: Request, schoolIdParam: string | undefined) {
  const actor = await requireActor(context, request);
  const schoolId = requireIdParam(schoolIdParam);
  const year = schoolYearOf(new Date());
  const scope = await getSchoolScope(context.services.db, schoolId, year);
  if (!scope || !canViewSchoolImprovement(actor, scope)) notFound();
  return { actor, scope, year };
}

/**
 * For a school's reports: like requireSchoolImprovement, but governors of the school get in too
 * (they may read the sections addressed to governors of shared reports). Pages still decide, per
 * report, which sections to show with reportAudiencesFor.
 */
export async function requireSchoolReports(context: AppLoadContext, request: Request, schoolIdParam: string | undefined) {
  const actor = await requireActor(context, request);
  const schoolId = requireIdParam(schoolIdParam);
  const year = schoolYearOf(new Date());
  const scope = await getSchoolScope(context.services.db, schoolId, year);
  if (!scope || reportAudiencesFor(actor, scope, "shared").length === 0) notFound();
  return { actor, scope, year };
}
