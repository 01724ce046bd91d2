import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { ReportDocument, type ReportDocumentProps } from "./components/report-document";

/** The PDF's own stylesheet: the document stands alone (no app CSS, nothing fetched while rendering). */
const css = `
  @page { size: A4; }
  * { box-sizing: border-box; }
  body { margin: 0; font-family: "Liberation Sans", Arial, Helvetica, sans-serif; color: #0f172a; font-size: 11pt; line-height: 1.45; }
  .report-header { border-bottom: 1px solid #cbd5e1; padding-bottom: 10pt; margin-bottom: 6pt; }
  .report-school, .report-meta { font-size: 9.5pt; color: #334155; margin: 0; }
  .report-title { font-size: 20pt; margin: 4pt 0; }
  .report-section { margin-top: 14pt; break-inside: avoid-page; }
  .report-heading { font-size: 13pt; margin: 0; break-after: avoid-page; }
  .report-audience { font-size: 8pt; text-transform: uppercase; letter-spacing: 0.04em; color: #475569; margin: 1pt 0 4pt; }
  .report-body { white-space: pre-line; }
`;

/** The complete HTML the PDF is rendered from: only the sections passed in (already filtered for the reader). */
export function reportPrintHtml(props: ReportDocumentProps): string {
  const body = renderToStaticMarkup(createElement(ReportDocument, props));
  const title = renderToStaticMarkup(createElement("title", null, props.title));
  return `<!DOCTYPE html><html lang="${props.terminology}"><head><meta charset="utf-8">${title}<style>${css}</style></head><body>${body}</body></html>`;
}
