import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePlanExport } from "../features/exports/export-guards.server";
import { planPrintHtml } from "../features/exports/plan-print.server";
import { attachment, renderedOr503 } from "../features/exports/responses.server";
import { renderPdf } from "../features/reports/pdf.server";

/** A school's improvement plan as a PDF: the plan pages' guard (governors refused in words), the year asked for. */
export async function loader(args: LoaderFunctionArgs) {
  const { plan, dates, fileName } = await requirePlanExport(args);
  const pdf = await renderedOr503(
    () => renderPdf(planPrintHtml(plan, dates)),
    (reason) => args.context.services.logger.warn("plan pdf unavailable", { reason }),
    "Print the plan page instead.",
  );
  return pdf instanceof Response ? pdf : attachment(pdf, "application/pdf", fileName("pdf"));
}
