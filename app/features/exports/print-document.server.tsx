import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { TextBlock } from "./rich-text-blocks";

/**
 * The frame of every exported print document (inquiry, plan): one self-contained HTML page with its
 * stylesheet inline, nothing fetched and no scripts, which renderPdf turns into an A4 PDF. The
 * running header names the document; the footer counts pages.
 */
const css = String.raw`
body { margin: 0; color: #0f172a; font: 10.5pt/1.5 "Liberation Sans", Arial, Helvetica, sans-serif; }
h1 { font-size: 22pt; line-height: 1.2; margin: 0; }
.kicker { margin: 0; font-size: 9pt; font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase; color: #185a4a; }
.facts { margin: 6pt 0 0; color: #475569; }
section.step { margin-top: 18pt; padding-top: 8pt; border-top: 1px solid #cbd5e1; }
h2 { font-size: 14pt; margin: 0 0 4pt; break-after: avoid-page; }
h3 { font-size: 11pt; margin: 10pt 0 2pt; break-after: avoid-page; }
h4, h5, h6 { font-size: 10.5pt; margin: 8pt 0 2pt; break-after: avoid-page; }
p { margin: 4pt 0 0; orphans: 3; widows: 3; white-space: pre-line; }
ul, ol { margin: 4pt 0 0; padding-left: 16pt; }
li { white-space: pre-line; }
blockquote { margin: 4pt 0 0; padding-left: 8pt; border-left: 3pt solid #cbd5e1; white-space: pre-line; }
.empty { color: #475569; font-style: italic; }
.chosen { margin: 6pt 0; padding: 8pt 10pt; border: 2px solid #185a4a; border-radius: 4pt; font-size: 13pt; font-weight: 700; }
.chosen .kicker { display: block; margin-bottom: 2pt; }
table { width: 100%; border-collapse: collapse; font-size: 9.5pt; margin-top: 4pt; }
caption { text-align: left; font-weight: 700; padding-bottom: 2pt; }
th, td { border: 1px solid #cbd5e1; padding: 3pt 5pt; text-align: left; vertical-align: top; }
thead { display: table-header-group; }
thead th { background: #e2e8f0; }
tr { break-inside: avoid-page; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
@page { size: A4; margin: 18mm 16mm;
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt Arial, sans-serif; color: #475569; }
}
`;

/** A text safe inside a CSS string ("…"). */
const cssString = (text: string) => `"${text.replace(/[\\"]/g, "\\$&").replace(/[\n\r]/g, " ")}"`;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The complete HTML of a print document: its title, language, running header and body (React, so every word is escaped). */
export function printDocument(options: { title: string; lang: string; header: string; body: ReactElement }): string {
  const header = `@page { @top-left { content: ${cssString(options.header)}; font: 8pt Arial, sans-serif; color: #475569; } }`;
  return `<!DOCTYPE html><html lang="${escapeHtml(options.lang)}"><head><meta charset="utf-8"><title>${escapeHtml(
    options.title,
  )}</title><style>${css}${header}</style></head><body>${renderToStaticMarkup(options.body)}</body></html>`;
}

/** A section's blocks as HTML, under the step's own headings (a section's headings start at level 4). */
export function Blocks({ blocks, empty = "Not written yet." }: { blocks: TextBlock[]; empty?: string }) {
  if (blocks.length === 0) return <p className="empty">{empty}</p>;
  return (
    <>
      {blocks.map((b, i) => {
        if (b.kind === "heading") {
          const Tag = b.level <= 1 ? "h4" : b.level === 2 ? "h5" : "h6";
          return <Tag key={i}>{b.text}</Tag>;
        }
        if (b.kind === "quote") return <blockquote key={i}>{b.text}</blockquote>;
        if (b.kind === "list") {
          const List = b.ordered ? "ol" : "ul";
          return (
            <List key={i}>
              {b.items.map((item, j) => (
                <li key={j}>{item}</li>
              ))}
            </List>
          );
        }
        return <p key={i}>{b.text}</p>;
      })}
    </>
  );
}
