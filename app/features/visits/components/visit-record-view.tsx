import { Link, useLocation } from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { useDateContext } from "../../../components/date-context";
import { DataTable } from "../../../components/ui/data-table";
import { formatCalendarDate, formatInstant } from "../../../kernel/dates";
import { parseAgreedActions, type AgreedAction } from "../agreed-actions";
import { PRE_VISIT_NOT_ASKED } from "../pre-visit";
import { focusQuestions } from "../schema";
import { ErrorList } from "../../../components/ui/field";
import { bodyBlocks, hasMarkdown } from "../../reports/body-blocks";
import { BodyBlocks, InlineText } from "../../reports/components/section-body";
import {
  PreVisitForm,
  VisitPartForm,
  visitSections,
  type Pre,
  type Result,
  type Visit,
  type VisitSectionName,
} from "./visit-record-parts";

export type SectionName = "pre" | VisitSectionName;

/**
 * One section of the read view: a heading, its content, and an Edit link for those who may edit it
 * (`?edit=<name>`, so it works without JavaScript). The heading takes focus after a save.
 */
function RecordSection({
  name,
  title,
  canEdit,
  children,
}: {
  name: SectionName;
  title: string;
  canEdit: boolean;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`section-${name}`} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex items-start justify-between gap-3">
        <h2 id={`section-${name}`} tabIndex={-1} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        {canEdit ? (
          <Link
            id={`edit-${name}`}
            to={`?edit=${name}`}
            preventScrollReset
            className="min-h-11 rounded-md border border-slate-400 bg-white px-3 py-1 text-sm font-semibold text-slate-900 hover:bg-slate-50"
          >
            Edit<span className="sr-only"> {title.toLowerCase()}</span>
          </Link>
        ) : null}
      </div>
      <div className="mt-3">{children}</div>
    </section>
  );
}

/** Headings, lists, quotes and links of an answer written in the rich-text editor (old plain text reads as before). */
const answerStyles = [
  "mt-1 space-y-2 text-slate-800",
  "[&_h3]:pt-1 [&_h3]:text-base [&_h3]:font-semibold [&_h3]:text-slate-900 [&_h4]:font-semibold [&_h4]:text-slate-900",
  "[&_ul]:list-disc [&_ul]:pl-5 [&_ol]:list-decimal [&_ol]:pl-6 [&_li+li]:mt-1",
  "[&_blockquote]:space-y-2 [&_blockquote]:border-l-4 [&_blockquote]:border-slate-300 [&_blockquote]:pl-3",
  "[&_a]:text-brand-700 [&_a]:underline [&_strong]:font-semibold [&_strong]:text-slate-900",
].join(" ");

function Answer({ term, text }: { term: string; text: string }) {
  const ctx = useDateContext();
  const blocks = bodyBlocks(text, (iso) => formatCalendarDate(iso, "date", ctx));
  return (
    <div>
      <dt className="font-semibold text-slate-900">{term}</dt>
      {/* Plain text (every record written before the editor) is shown exactly as it always was. */}
      {!text.trim() || !hasMarkdown(text) ? (
        <dd className="mt-1 whitespace-pre-wrap text-slate-800">{text || "Not written yet."}</dd>
      ) : (
        <dd>
          <BodyBlocks blocks={blocks} className={answerStyles} />
        </dd>
      )}
    </div>
  );
}

/** The actions as lines: a heading's "## " or a quote's "> " written in the editor is not part of an action. */
const withoutBlockMarks = (text: string) => text.replace(/^[ \t]*(?:#{1,6}|>)[ \t]?/gm, "");

/** The agreed actions as a table: who, what, by when (a date in the reader's locale). */
function AgreedActionsTable({ text }: { text: string }) {
  const ctx = useDateContext();
  return (
    <DataTable<AgreedAction & { n: number }>
      caption="Agreed actions"
      variant="flat"
      rows={parseAgreedActions(withoutBlockMarks(text)).map((a, n) => ({ ...a, n }))}
      rowKey={(r) => String(r.n)}
      testId="agreed-actions"
      empty={<p className="text-sm text-slate-700">No actions agreed yet.</p>}
      columns={[
        // Typed after "Head teacher:", an action starts in lower case; as a table cell it reads better capitalised.
        {
          key: "action",
          header: "Action",
          cell: (r) => <InlineText text={r.action.charAt(0).toUpperCase() + r.action.slice(1)} />,
        },
        { key: "owner", header: "Who", cell: (r) => (r.owner ? <InlineText text={r.owner} /> : "Not named") },
        {
          key: "when",
          header: "By when",
          cell: (r) =>
            r.date ? formatCalendarDate(r.date, "date", ctx) : r.when ? <InlineText text={r.when} /> : "Not set",
        },
      ]}
    />
  );
}

export type RecordView = {
  state: "awaiting_school" | "awaiting_sip" | "complete";
  pre: Pre;
  visit: Visit;
};

/**
 * A visit record read first: the school's part, what was seen, areas to develop and the agreed
 * actions, each with an Edit button for whoever may change it now. `editing` is the section asked
 * for with `?edit=` (or kept open by a refused save), already checked against what the person may edit.
 */
export function VisitRecordView({
  record,
  canEditPre,
  canEditVisit,
  isSip,
  editing,
  preResult,
  visitResult,
}: {
  record: RecordView;
  canEditPre: boolean;
  canEditVisit: boolean;
  isSip: boolean;
  editing: SectionName | null;
  preResult: Result;
  visitResult: Result;
}) {
  const ctx = useDateContext();
  const location = useLocation();
  const focusTarget = (location.state as { focus?: string } | null)?.focus;
  // Cancel returns focus to the Edit button that opened the form.
  useEffect(() => {
    if (focusTarget) document.getElementById(focusTarget)?.focus();
  }, [focusTarget, location.key]);
  const { pre, visit, state } = record;
  const editingVisit = editing && editing !== "pre" ? editing : null;
  return (
    <div className="space-y-6">
      <RecordSection name="pre" title="Before the visit (the school)" canEdit={canEditPre && editing !== "pre"}>
        {editing === "pre" ? (
          <PreVisitForm pre={pre} lastResult={preResult} />
        ) : !pre.asked ? (
          <p className="text-sm text-slate-700" data-testid="pre-visit-not-asked">
            {PRE_VISIT_NOT_ASKED}
          </p>
        ) : pre.submittedAt ? (
          <>
            <dl className="space-y-3 text-sm">
              <Answer term="Self-evaluation update" text={pre.selfEvaluationUpdate} />
              <Answer term="Questions for the SIP" text={pre.questions} />
            </dl>
            <p className="mt-3 text-xs text-slate-600">Sent {formatInstant(pre.submittedAt, "date-time", ctx)}</p>
          </>
        ) : (
          <p className="text-sm text-slate-700">The school&apos;s leaders have not completed this part yet.</p>
        )}
        {editing !== "pre" ? <ErrorList errors={preResult?.error?.[""] ?? null} /> : null}
      </RecordSection>
      {editingVisit ? (
        <section aria-labelledby="section-visit" className="rounded-lg border border-brand-200 bg-white p-5 shadow-sm">
          <h2 id="section-visit" className="text-lg font-semibold text-slate-900">
            Write the visit part
          </h2>
          <div className="mt-3">
            <VisitPartForm visit={visit} section={editingVisit} lastResult={visitResult} />
          </div>
        </section>
      ) : (
        <>
          {state !== "complete" ? (
            <div className="text-sm text-slate-700">
              <ErrorList errors={visitResult?.error?.[""] ?? null} />
              <p>
                {isSip && state === "awaiting_school"
                  ? "You can write this part once the school has completed its pre-visit part."
                  : isSip
                    ? "Write the visit part: press Edit on any section below."
                    : "The SIP has not completed the visit part yet."}
              </p>
            </div>
          ) : null}
          {visitSections.map((s) => (
            <RecordSection key={s.name} name={s.name} title={s.title} canEdit={canEditVisit}>
              {s.name === "actions" ? (
                <AgreedActionsTable text={visit.agreedActions} />
              ) : (
                <dl className="space-y-3 text-sm">
                  {s.fields.map((f) => (
                    <Answer key={f} term={focusQuestions.find((q) => q.name === f)?.label ?? f} text={visit[f]} />
                  ))}
                </dl>
              )}
            </RecordSection>
          ))}
          {visit.completedAt ? (
            <p className="text-xs text-slate-600">Completed {formatInstant(visit.completedAt, "date-time", ctx)}</p>
          ) : null}
        </>
      )}
    </div>
  );
}
