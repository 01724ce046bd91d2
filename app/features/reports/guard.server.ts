import type { AppLoadContext } from "@remix-run/node";
import { getAuthority } from "../../../db/queries/authorities";
import { listVisibleSections } from "../../../db/queries/report-sections";
import { getReport } from "../../../db/queries/reports";
import { listVisits } from "../../../db/queries/visits";
import { dateContextFor, todayIn } from "../../kernel/dates";
import { notFound, requireIdParam } from "../../utils/http.server";
import { reportAudiencesFor } from "../../kernel/permissions";
import { requireSchoolReports } from "../schools/guard.server";

/**
 * One report as the signed-in person may see it: the guard (requireSchoolReports), the report of
 * this school, the audiences they may read (reportAudiencesFor; none → 404, so heads and governors
 * never learn a draft exists) and only those sections, filtered in SQL. Shared by the page and the PDF.
 */
export async function requireReportView(
  context: AppLoadContext,
  request: Request,
  params: { schoolId?: string; reportId?: string },
) {
  const { actor, scope, year } = await requireSchoolReports(context, request, params.schoolId);
  const reportId = requireIdParam(params.reportId);
  const { db } = context.services;
  const report = await getReport(db, scope.schoolId, reportId);
  if (!report) notFound();
  const audiences = reportAudiencesFor(actor, scope, report.status);
  if (audiences.length === 0) notFound();
  const [sections, authority, visits] = await Promise.all([
    listVisibleSections(db, report.id, audiences),
    getAuthority(db, scope.authorityId),
    listVisits(db, report.assignmentId),
  ]);
  const dates = dateContextFor(authority);
  // The visit a report follows: the last in-school visit up to the day it was shared (or today, for a draft).
  const until = todayIn(dates, report.sharedAt ?? new Date());
  const visitDate = visits.filter((v) => v.kind === "in_school" && v.visitDate <= until).pop()?.visitDate ?? null;
  return {
    actor,
    scope,
    year,
    report,
    audiences,
    sections,
    visitDate,
    dates,
    authorityName: authority?.name ?? "",
    terminology: authority?.terminology ?? ("en-GB" as const),
  };
}
