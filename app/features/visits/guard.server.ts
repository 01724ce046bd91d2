import type { AppLoadContext } from "@remix-run/node";
import { getVisitRecord } from "../../../db/queries/visits";
import { notFound, requireIdParam } from "../../utils/http.server";
import { requireSchoolImprovement } from "../schools/guard.server";

/** The person, the school's scope and one visit record of this school's assignment this year (else 404). */
export async function requireVisitRecord(
  context: AppLoadContext,
  request: Request,
  params: { schoolId?: string; recordId?: string },
) {
  const access = await requireSchoolImprovement(context, request, params.schoolId);
  const recordId = requireIdParam(params.recordId);
  if (!access.scope.assignment) notFound();
  const record = await getVisitRecord(context.services.db, access.scope.assignment.id, recordId);
  if (!record) notFound();
  return { ...access, assignment: access.scope.assignment, record };
}
