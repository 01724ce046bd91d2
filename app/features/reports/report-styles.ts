/**
 * The report's one stylesheet, used by the page (an inline <style>, so Ctrl+P on the page prints
 * this document) and by the PDF renderer (the same text in the PDF's <head>). Screen rules make the
 * read view; print rules make the designed document: a cover page, the contents, tables that do not
 * split a row, the school's name as a running header and "Page N of M" in the footer (CSS page margin
 * boxes, which Chromium draws both when printing a page and when making a PDF).
 */

const css = String.raw`
.report { --ink: #0f172a; --muted: #475569; --rule: #cbd5e1; --brand: #185a4a; color: var(--ink); }
.report-cover-kicker { margin: 0; font-size: 0.8rem; font-weight: 600; letter-spacing: 0.06em; text-transform: uppercase; color: var(--brand); }
.report-title { margin: 0.25rem 0 0; font-size: 1.75rem; line-height: 1.2; font-weight: 700; }
.report-facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 1rem 0 0; font-size: 0.95rem; }
.report-facts dt { font-weight: 600; color: var(--muted); }
.report-facts dd { margin: 0; }
.report-confidential { margin: 1rem 0 0; padding: 0.5rem 0.75rem; border-left: 4px solid #b45309; background: #fffbeb; font-size: 0.9rem; }
.report-contents { margin-top: 1.5rem; }
.report-contents h2 { margin: 0; font-size: 1rem; font-weight: 700; }
.report-contents ol { margin: 0.5rem 0 0; padding: 0; list-style: none; }
.report-contents li { display: flex; gap: 0.5rem; align-items: baseline; padding: 0.15rem 0; }
.report-contents a { color: var(--brand); text-decoration: underline; }
.report-contents .report-leader { flex: 1; border-bottom: 1px dotted var(--rule); }
.report-contents .report-page { min-width: 2ch; text-align: right; font-variant-numeric: tabular-nums; }
.report-section { margin-top: 2rem; padding-top: 1.25rem; border-top: 1px solid var(--rule); scroll-margin-top: 1rem; }
.report-section-head { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 0.5rem; }
.report-heading { margin: 0; font-size: 1.3rem; font-weight: 700; }
.report-audience { margin: 0.2rem 0 0; font-size: 0.8rem; font-weight: 600; letter-spacing: 0.03em; text-transform: uppercase; color: var(--muted); }
.report-body { margin-top: 0.75rem; line-height: 1.6; }
.report-body > * + * { margin-top: 0.75rem; }
.report-body h3 { margin-top: 1.25rem; font-size: 1.05rem; font-weight: 700; }
.report-body h3 + * { margin-top: 0.4rem; }
.report-body p { margin-bottom: 0; }
.report-body h4 { margin-top: 1rem; font-size: 1rem; font-weight: 600; }
.report-body h4 + * { margin-top: 0.3rem; }
.report-body ul { margin-bottom: 0; padding-left: 1.4rem; list-style: disc; }
.report-body ol { margin-bottom: 0; padding-left: 1.6rem; list-style: decimal; }
.report-body li + li { margin-top: 0.25rem; }
.report-body blockquote { margin-left: 0; margin-right: 0; padding-left: 0.9rem; border-left: 4px solid var(--rule); color: #334155; }
.report-body blockquote > * + * { margin-top: 0.5rem; }
.report-body strong { font-weight: 700; }
.report-body em { font-style: italic; }
.report-body a { color: var(--brand); text-decoration: underline; }
.report-empty-text { color: var(--muted); font-style: italic; }
.report-table { width: 100%; border-collapse: collapse; font-size: 0.92rem; }
.report-table caption { text-align: left; font-weight: 600; font-size: 0.85rem; color: var(--muted); padding-bottom: 0.25rem; }
.report-table th, .report-table td { border: 1px solid var(--rule); padding: 0.35rem 0.55rem; text-align: left; vertical-align: top; }
.report-table thead th { background: #f1f5f9; font-weight: 600; }
.report-table .report-num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.report-print-only { display: none; }

@media screen {
  .report { background: #fff; border: 1px solid #e2e8f0; border-radius: 0.5rem; padding: 1.5rem 2rem 2rem; box-shadow: 0 1px 2px rgb(15 23 42 / 0.06); }
  .report-cover { padding-bottom: 1.25rem; border-bottom: 3px solid var(--brand); }
  .report-contents { background: #f8fafc; border: 1px solid #e2e8f0; border-radius: 0.5rem; padding: 0.75rem 1rem; }
  .report-contents .report-leader, .report-contents .report-page { display: none; }
}

@page { size: A4; margin: 20mm 18mm 20mm 18mm;
  @bottom-left { content: "Confidential"; font: 8pt "Liberation Sans", Arial, sans-serif; color: #475569; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt "Liberation Sans", Arial, sans-serif; color: #475569; }
}

@media print {
  html, body { background: #fff !important; }
  body { font: 10.5pt/1.5 "Liberation Sans", Arial, Helvetica, sans-serif; }
  body > *:not(main), .no-print { display: none !important; }
  main { max-width: none !important; margin: 0 !important; padding: 0 !important; }
  main > :not(.report-print-root) { display: none !important; }
  .report-print-only { display: block; }
  .report { font-size: 10.5pt; }
  .report a { color: inherit; text-decoration: none; }
  .report-cover { break-after: page; min-height: 240mm; display: flex; flex-direction: column; justify-content: center; }
  .report-cover-kicker { font-size: 10pt; }
  .report-title { font-size: 26pt; margin-top: 6pt; }
  .report-cover .report-school-name { font-size: 16pt; margin: 10pt 0 0; font-weight: 600; }
  .report-facts { margin-top: 24pt; font-size: 11pt; gap: 5pt 16pt; }
  .report-confidential { margin-top: 28pt; font-size: 9.5pt; }
  .report-contents { margin: 0; break-after: page; }
  .report-contents h2 { font-size: 16pt; margin-bottom: 10pt; }
  .report-contents li { font-size: 11pt; padding: 3pt 0; }
  .report-section { margin-top: 18pt; padding-top: 10pt; }
  .report-section:first-of-type { border-top: 0; margin-top: 0; padding-top: 0; }
  .report-heading { font-size: 14pt; break-after: avoid-page; }
  .report-audience { font-size: 7.5pt; break-after: avoid-page; }
  .report-body { line-height: 1.45; }
  .report-body h3 { font-size: 11pt; break-after: avoid-page; }
  .report-body h4 { font-size: 10.5pt; break-after: avoid-page; }
  .report-body blockquote { break-inside: avoid-page; }
  .report .report-body a { text-decoration: underline; }
  .report-body p, .report-body li { orphans: 3; widows: 3; }
  .report-table { font-size: 9.5pt; break-inside: auto; }
  .report-table thead { display: table-header-group; }
  .report-table tr { break-inside: avoid-page; }
  .report-table thead th { background: #e2e8f0; }
}
`;

/** A text safe inside a CSS string ("…"): quotes, backslashes and line ends escaped. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, "\\$&").replace(/[\n\r]/g, " ")}"`;
}

/** The stylesheet of a report of this school: the shared rules, and the running header (not on the cover). */
export function reportStylesheet(schoolName: string): string {
  const header = `font: 8pt "Liberation Sans", Arial, sans-serif; color: #475569;`;
  return `${css}
@page { @top-left { content: ${cssString(schoolName)}; ${header} } @top-right { content: "School Improvement Partner visit report"; ${header} } }
@page :first { @top-left { content: none; } @top-right { content: none; } }`;
}
