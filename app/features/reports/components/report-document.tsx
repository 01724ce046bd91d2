import { dateContextFor, formatInstant } from "../../../kernel/dates";
import type { ReportAudienceName } from "../../../kernel/permissions";
import { audienceList, type Terminology } from "../../../kernel/terminology";

export type ReportDocumentProps = {
  schoolName: string;
  title: string;
  schoolYear: string;
  sipName: string;
  status: "draft" | "shared" | "acknowledged";
  sharedAt: string | null;
  terminology: Terminology;
  sections: Array<{ id: string; heading: string; body: string; audiences: ReportAudienceName[] }>;
};

const statusWords = {
  draft: "Draft, not yet shared",
  shared: "Shared",
  acknowledged: "Shared and acknowledged",
} as const;

/**
 * The report as a document: the page's read view, the print view and the PDF are this same markup,
 * so the PDF shows exactly the sections the page does. Semantic class names (report-*) carry the
 * PDF's inline stylesheet; Tailwind classes (with print: variants) style it in the app.
 */
export function ReportDocument(props: ReportDocumentProps) {
  return (
    <article
      className="report rounded-lg border border-slate-200 bg-white p-6 shadow-sm print:border-0 print:p-0 print:shadow-none"
      aria-labelledby="report-title"
    >
      <header className="report-header border-b border-slate-200 pb-4">
        <p className="report-school text-sm font-medium text-slate-700">
          {props.schoolName} · {props.schoolYear}
        </p>
        <h1 id="report-title" className="report-title mt-1 text-2xl font-bold text-slate-900">
          {props.title}
        </h1>
        <p className="report-meta mt-1 text-sm text-slate-700">
          School Improvement Partner: {props.sipName} · {statusWords[props.status]}
          {props.sharedAt ? ` on ${formatDate(props.sharedAt, props.terminology)}` : ""}
        </p>
      </header>
      {props.sections.length === 0 ? (
        <p className="report-empty mt-4 text-slate-700">No sections of this report are addressed to you.</p>
      ) : (
        props.sections.map((s) => (
          <section
            key={s.id}
            className="report-section mt-6 break-inside-avoid-page"
            aria-labelledby={`report-section-${s.id}`}
          >
            <h2 id={`report-section-${s.id}`} className="report-heading text-lg font-semibold text-slate-900">
              {s.heading}
            </h2>
            <p className="report-audience text-xs font-medium uppercase tracking-wide text-slate-600">
              For: {audienceList(s.audiences, props.terminology)}
            </p>
            <div className="report-body mt-2 whitespace-pre-line text-slate-900">{s.body || "(No text yet.)"}</div>
          </section>
        ))
      )}
    </article>
  );
}

/** "3 March 2027": the same on server and browser (read in UTC), so hydration matches. */
export function formatDate(iso: string, terminology?: Terminology) {
  return formatInstant(iso, "date", { ...dateContextFor(terminology && { terminology }), timeZone: "UTC" });
}
