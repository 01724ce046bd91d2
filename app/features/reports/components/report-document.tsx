import type { ReactNode } from "react";
import { useDateContext } from "../../../components/date-context";
import { formatCalendarDate, formatInstant, type DateContext } from "../../../kernel/dates";
import type { ReportAudienceName } from "../../../kernel/permissions";
import { audienceList, type Terminology } from "../../../kernel/terminology";
import { SectionBody } from "./section-body";

export type ReportSectionView = { id: string; heading: string; body: string; audiences: ReportAudienceName[] };

export type ReportDocumentProps = {
  authorityName: string;
  schoolName: string;
  title: string;
  schoolYear: string;
  sipName: string;
  /** The in-school visit the report follows (a calendar date), when one is logged. */
  visitDate: string | null;
  status: "draft" | "shared" | "acknowledged";
  sharedAt: string | null;
  terminology: Terminology;
  /** Who this copy is for: the reader's audiences (its sections are already filtered to them). */
  readerAudiences: ReportAudienceName[];
  sections: ReportSectionView[];
  /** The page each section starts on in the PDF (measured by a first rendering); absent on the page. */
  pageNumbers?: Record<string, number>;
  /** The page's extras for a section (the SIP's Edit button), never printed. */
  sectionTools?: (section: ReportSectionView, number: number) => ReactNode;
  /** The page's editor that replaces a section's text while the SIP edits it. */
  sectionEditor?: (section: ReportSectionView, number: number) => ReactNode | null;
};

/** The id of a section's element, the target of the contents' links. */
export const sectionAnchor = (sectionId: string) => `section-${sectionId}`;

/**
 * The report as a document: the page's read view, its print view and the PDF are this same tree and
 * the same stylesheet (report-styles.ts), so a printed page and the PDF show the same sections. The
 * sections are numbered as this reader sees them, so nobody can tell that others were left out.
 */
export function ReportDocument(props: ReportDocumentProps) {
  const ctx = useDateContext();
  const { sections, terminology } = props;
  return (
    <article className="report" aria-labelledby="report-title">
      <header className="report-cover">
        <p className="report-cover-kicker">School Improvement Partner visit report</p>
        <h1 id="report-title" className="report-title">
          {props.title}
        </h1>
        <p className="report-school-name report-print-only">{props.schoolName}</p>
        <dl className="report-facts">
          <dt>Authority</dt>
          <dd>{props.authorityName}</dd>
          <dt>School</dt>
          <dd>
            {props.schoolName} · {props.schoolYear}
          </dd>
          <dt>School Improvement Partner</dt>
          <dd>{props.sipName}</dd>
          <dt>Visit date</dt>
          <dd>{props.visitDate ? formatCalendarDate(props.visitDate, "date", ctx) : "No visit logged yet"}</dd>
          <dt>Status</dt>
          <dd>{statusText(props, ctx)}</dd>
          <dt>This copy is for</dt>
          <dd>{audienceList(props.readerAudiences, terminology)}</dd>
        </dl>
        <p className="report-confidential">
          Confidential. This copy holds only the sections addressed to{" "}
          {audienceList(props.readerAudiences, terminology).toLowerCase()}. Please do not pass it on to anyone else.
        </p>
      </header>
      {sections.length === 0 ? (
        <p className="report-empty-text report-section">No sections of this report are addressed to you.</p>
      ) : (
        <>
          <nav className="report-contents" aria-labelledby="report-contents-title">
            <h2 id="report-contents-title">Contents</h2>
            <ol>
              {sections.map((s, i) => (
                <li key={s.id}>
                  <a href={`#${sectionAnchor(s.id)}`}>
                    {i + 1}. {s.heading}
                  </a>
                  <span className="report-leader" aria-hidden="true" />
                  <span className="report-page">
                    {props.pageNumbers?.[s.id] ? <span aria-label="page">{props.pageNumbers[s.id]}</span> : null}
                  </span>
                </li>
              ))}
            </ol>
          </nav>
          {sections.map((s, i) => (
            <ReportSection key={s.id} section={s} number={i + 1} {...props} />
          ))}
        </>
      )}
    </article>
  );
}

function ReportSection({
  section,
  number,
  terminology,
  sectionTools,
  sectionEditor,
}: { section: ReportSectionView; number: number } & ReportDocumentProps) {
  const editor = sectionEditor?.(section, number) ?? null;
  const headingId = `${sectionAnchor(section.id)}-title`;
  return (
    <section id={sectionAnchor(section.id)} className="report-section" aria-labelledby={headingId}>
      <div className="report-section-head">
        <div>
          <h2 id={headingId} className="report-heading" tabIndex={-1}>
            {number}. {section.heading}
          </h2>
          <p className="report-audience">For: {audienceList(section.audiences, terminology)}</p>
        </div>
        {editor ? null : sectionTools?.(section, number)}
      </div>
      {editor ?? <SectionBody body={section.body} />}
    </section>
  );
}

const statusWords = { draft: "Draft, not yet shared", shared: "Shared", acknowledged: "Shared and acknowledged" };

function statusText(props: ReportDocumentProps, ctx: DateContext) {
  const words = statusWords[props.status];
  return props.sharedAt && props.status !== "draft"
    ? `${words} (shared on ${formatInstant(props.sharedAt, "date", ctx)})`
    : words;
}

/** "3 March 2027" for an instant, in the reader's locale and zone (the lists and workflow use it too). */
export function useFormatDate() {
  const ctx = useDateContext();
  return (iso: string) => formatInstant(iso, "date", ctx);
}
