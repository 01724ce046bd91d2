import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordRead } from "../../db/queries/audit";
import { PdfUnavailableError } from "../features/reports/pdf.server";
import { renderReportPdf, type ReportPrintProps } from "../features/reports/print-html.server";
import { requireReportView } from "../features/reports/guard.server";

/** The report as a PDF: the same guard and the same sections as the page, rendered by headless Chromium. */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const view = await requireReportView(context, request, params);
  const { actor, scope, report } = view;
  const document: ReportPrintProps = {
    authorityName: view.authorityName,
    schoolName: scope.name,
    title: report.title,
    schoolYear: report.schoolYear,
    sipName: report.sipName,
    visitDate: view.visitDate,
    status: report.status,
    sharedAt: report.sharedAt?.toISOString() ?? null,
    terminology: view.terminology,
    readerAudiences: view.audiences,
    sections: view.sections,
    dates: view.dates,
  };
  let pdf: Buffer;
  try {
    pdf = await renderReportPdf(document);
  } catch (error) {
    if (!(error instanceof PdfUnavailableError)) throw error;
    context.services.logger.warn("report pdf unavailable", { reportId: report.id, reason: error.message });
    return new Response(
      "The PDF cannot be made right now because the server has no PDF engine. Print the report page instead.",
      {
        status: 503,
        headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "300" },
      },
    );
  }
  await recordRead(context.services.db, {
    authorityId: scope.authorityId,
    actorId: actor.userId,
    resourceKind: "report_pdf",
    resourceId: report.id,
    schoolId: scope.schoolId,
  });
  const filename = `${
    report.title
      .replace(/[^A-Za-z0-9 _-]+/g, "")
      .trim()
      .replace(/\s+/g, "-") || "report"
  }.pdf`;
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Content-Length": String(pdf.length),
      // A confidential document: never kept by a shared cache or the browser's back/forward cache.
      "Cache-Control": "private, no-store",
    },
  });
}
