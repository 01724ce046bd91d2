import type { AppLoadContext } from "@remix-run/node";
import type { Database } from "../../../db/client";
import { listSchoolYearsWithData } from "../../../db/queries/school-years";
import { getSchoolScope } from "../../../db/queries/school-scope";
import { getVisitRecord } from "../../../db/queries/visits";
import { notFound, requireIdParam } from "../../utils/http.server";
import { requireUser } from "../auth/guard.server";
import { requireSchoolImprovement } from "../schools/guard.server";

/**
 * The school year a record of this school belongs to ("2025-26"), or null. The record's own year
 * decides, not the address: a link in last year's notification still opens the record after
 * 1 September, and it opens as last year's (read only).
 */
async function findRecordYear(db: Database, schoolId: string, recordId: string): Promise<string | null> {
  for (const year of await listSchoolYearsWithData(db, schoolId)) {
    const scope = await getSchoolScope(db, schoolId, year);
    if (scope?.assignment && (await getVisitRecord(db, scope.assignment.id, recordId))) return year;
  }
  return null;
}

/**
 * The person, the school's scope in the record's year and one visit record of that year's
 * assignment. Access is decided with that year's facts (its SIP); anyone else, and any record of
 * another school, is not found (404).
 */
export async function requireVisitRecord(
  context: AppLoadContext,
  request: Request,
  params: { schoolId?: string; recordId?: string },
) {
  requireUser(context, request);
  const schoolId = requireIdParam(params.schoolId);
  const recordId = requireIdParam(params.recordId);
  const year = await findRecordYear(context.services.db, schoolId, recordId);
  if (!year) notFound();
  const access = await requireSchoolImprovement(context, request, schoolId, { year });
  if (!access.scope.assignment) notFound();
  const record = await getVisitRecord(context.services.db, access.scope.assignment.id, recordId);
  if (!record) notFound();
  return { ...access, assignment: access.scope.assignment, record };
}
