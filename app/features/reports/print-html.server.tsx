import { renderToStaticMarkup } from "react-dom/server";
import { DateContextProvider } from "../../components/date-context";
import type { DateContext } from "../../kernel/dates";
import { ReportDocument, type ReportDocumentProps } from "./components/report-document";
import { numberedHeadingPages } from "./pdf-outline.server";
import { renderPdf } from "./pdf.server";
import { reportStylesheet } from "./report-styles";

export type ReportPrintProps = Omit<ReportDocumentProps, "sectionTools" | "sectionEditor"> & { dates: DateContext };

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The complete HTML the PDF is rendered from: the page's own document tree and stylesheet, only the
 * sections passed in (already filtered for the reader), dates in the authority's locale and zone.
 */
export function reportPrintHtml({ dates, ...props }: ReportPrintProps): string {
  const body = renderToStaticMarkup(
    <DateContextProvider value={dates}>
      <main>
        <div className="report-print-root">
          <ReportDocument {...props} />
        </div>
      </main>
    </DateContextProvider>,
  );
  return `<!DOCTYPE html><html lang="${dates.locale}"><head><meta charset="utf-8"><title>${escapeHtml(
    `${props.title} · ${props.schoolName}`,
  )}</title><style>${reportStylesheet(props.schoolName)}</style></head><body>${body}</body></html>`;
}

/**
 * The report as a PDF with page numbers in its contents. Chromium cannot compute "the page this
 * section starts on" in CSS, so it renders twice: the first time with a two-digit placeholder for
 * every number (the layout does not move when the real ones go in), read from the bookmarks where
 * each section starts, then again with those numbers. If the pages cannot be read, the
 * contents goes without them (the sections are still numbered).
 */
export async function renderReportPdf(props: ReportPrintProps): Promise<Buffer> {
  if (props.sections.length === 0) return renderPdf(reportPrintHtml(props));
  const placeholder = Object.fromEntries(props.sections.map((s) => [s.id, 88]));
  const first = await renderPdf(reportPrintHtml({ ...props, pageNumbers: placeholder }));
  const pages = numberedHeadingPages(first);
  const pageNumbers = Object.fromEntries(props.sections.map((s, i) => [s.id, pages.get(i + 1) ?? 0]));
  if (Object.values(pageNumbers).some((page) => !page)) return renderPdf(reportPrintHtml(props));
  return renderPdf(reportPrintHtml({ ...props, pageNumbers }));
}
