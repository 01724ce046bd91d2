import { Form, Link, useNavigation } from "@remix-run/react";
import { Button } from "../../../components/ui/button";
import { Card } from "../../../components/ui/card";
import { useFormatDate } from "./report-document";

type WorkflowReport = {
  status: "draft" | "shared" | "acknowledged";
  acknowledgedAt: string | null;
  acknowledgedByName: string | null;
};
type ConsentedPartner = { proposalId: string; schoolName: string; priorityTitle: string };

/**
 * Everything a reader does with the report, in one panel above it: where it is (draft → shared →
 * acknowledged), the next step's button for whoever takes it, and the PDF. Never printed.
 */
export function ReportWorkflow({
  report,
  canEdit,
  canAcknowledge,
  pdfHref,
  readingAs,
}: {
  report: WorkflowReport;
  canEdit: boolean;
  canAcknowledge: boolean;
  pdfHref: string;
  readingAs: string;
}) {
  const pending = useNavigation().state === "submitting";
  const formatDate = useFormatDate();
  const steps = ["draft", "shared", "acknowledged"] as const;
  return (
    <section
      aria-labelledby="workflow-heading"
      className="no-print mb-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h2 id="workflow-heading" className="text-base font-semibold">
            Where this report is
          </h2>
          <ol className="mt-2 flex flex-wrap gap-2 text-sm">
            {steps.map((s) => (
              <li
                key={s}
                aria-current={report.status === s ? "step" : undefined}
                className={`rounded px-2 py-1 ${report.status === s ? "bg-brand-700 font-semibold text-white" : "bg-slate-100 text-slate-800"}`}
              >
                {s === "draft" ? "Draft" : s === "shared" ? "Shared" : "Acknowledged"}
              </li>
            ))}
          </ol>
        </div>
        <div className="text-right">
          <a
            href={pdfHref}
            download
            className="min-h-11 inline-block rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-semibold text-slate-900 hover:bg-slate-50"
          >
            Download PDF
          </a>
          <p className="mt-1 text-xs text-slate-700">Printing this page gives the same document.</p>
        </div>
      </div>
      <p className="mt-3 text-sm text-slate-700">You are reading the sections addressed to: {readingAs}.</p>
      {report.acknowledgedAt ? (
        <p className="mt-2 text-sm text-slate-700">
          Acknowledged by {report.acknowledgedByName ?? "the school"} on {formatDate(report.acknowledgedAt)}.
        </p>
      ) : null}
      {canEdit ? (
        <Form method="post" className="mt-3 border-t border-slate-200 pt-3">
          <input type="hidden" name="intent" value="share" />
          <p className="mb-2 text-sm text-slate-700">
            Draft: only you and the authority&apos;s admins can see it. Sharing notifies the school&apos;s leaders and
            governors; each reads only the sections addressed to them, and a shared report cannot be edited.
          </p>
          <Button type="submit" pending={pending}>
            Share with the school
          </Button>
        </Form>
      ) : null}
      {canAcknowledge ? (
        <Form method="post" className="mt-3 border-t border-slate-200 pt-3">
          <input type="hidden" name="intent" value="acknowledge" />
          <p className="mb-2 text-sm text-slate-700">
            Acknowledging tells the School Improvement Partner you have read the report.
          </p>
          <Button type="submit" pending={pending}>
            Acknowledge this report
          </Button>
        </Form>
      ) : null}
    </section>
  );
}

/** The brokered schools that consented to be named, each one click from the package of support. */
export function SupportPartnersCard({ partners, schoolId }: { partners: ConsentedPartner[]; schoolId: string }) {
  return (
    <Card title="Brokered schools for the package of support">
      {partners.length === 0 ? (
        <p className="text-sm text-slate-700">
          No school has consented to a link yet.{" "}
          <Link to={`/schools/${schoolId}/brokering`} className="font-semibold text-brand-700 underline">
            Find schools with good practice on a priority
          </Link>{" "}
          and propose one; once its head consents, you can add it here.
        </p>
      ) : (
        <ul className="space-y-2 text-sm">
          {partners.map((p) => (
            <li key={p.proposalId} className="flex flex-wrap items-center justify-between gap-2">
              <span>
                <span className="font-medium">{p.schoolName}</span> on “{p.priorityTitle}”
              </span>
              <Form method="post">
                <input type="hidden" name="intent" value="add-partner" />
                <input type="hidden" name="proposalId" value={p.proposalId} />
                <Button type="submit" variant="secondary" aria-label={`Add ${p.schoolName} to the package of support`}>
                  Add to package of support
                </Button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
