import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireInquiryExport } from "../features/exports/export-guards.server";
import { inquiryPrintHtml } from "../features/exports/inquiry-print.server";
import { attachment, renderedOr503 } from "../features/exports/responses.server";
import { renderPdf } from "../features/reports/pdf.server";

/** The inquiry as a PDF: the inquiry page's guard, rendered by the reports' shared Chromium. */
export async function loader(args: LoaderFunctionArgs) {
  const { data, dates, fileName } = await requireInquiryExport(args);
  const pdf = await renderedOr503(
    () => renderPdf(inquiryPrintHtml(data, dates.locale)),
    (reason) => args.context.services.logger.warn("inquiry pdf unavailable", { reason }),
    "Download the Markdown instead.",
  );
  return pdf instanceof Response ? pdf : attachment(pdf, "application/pdf", fileName("pdf"));
}
