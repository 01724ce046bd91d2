import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { recordRead } from "../../db/queries/audit";
import { listConsentedPartners } from "../../db/queries/brokering";
import { StatusPage } from "../components/status-page";
import { Card } from "../components/ui/card";
import { ReportDocument } from "../features/reports/components/report-document";
import { ReportWorkflow, SupportPartnersCard } from "../features/reports/components/report-workflow";
import { NewSectionForm, SectionEditor } from "../features/reports/components/section-editor";
import { requireReportView } from "../features/reports/guard.server";
import { reportIntentHandler } from "../features/reports/report-actions.server";
import { editRefusal, reportPath } from "../features/reports/service.server";
import { serviceDeps, throwRefusal } from "../features/schools/service-deps.server";
import { canAcknowledgeReport, canDoSipWork, canEditReport } from "../kernel/permissions";
import { audienceList } from "../kernel/terminology";
import { invariantResponse } from "../utils/http.server";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const view = await requireReportView(context, request, params);
  const { actor, scope, report, audiences, sections, terminology, year } = view;
  const { db } = context.services;
  await recordRead(db, {
    authorityId: scope.authorityId,
    actorId: actor.userId,
    resourceKind: "report",
    resourceId: report.id,
    schoolId: scope.schoolId,
  });
  const canEdit = canEditReport(actor, scope, report);
  return json({
    school: { id: scope.schoolId, name: scope.name },
    report: {
      ...report,
      sharedAt: report.sharedAt?.toISOString() ?? null,
      acknowledgedAt: report.acknowledgedAt?.toISOString() ?? null,
    },
    sections,
    terminology,
    readingAs: audienceList(audiences, terminology),
    canEdit,
    canAcknowledge: report.status === "shared" && canAcknowledgeReport(actor, scope),
    partners: canEdit ? await listConsentedPartners(db, scope.schoolId, year) : [],
    showBrokering: canDoSipWork(actor, scope),
  });
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { actor, ...target } = await requireReportView(context, request, params);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  // Anyone but the draft's author is refused before the intent is even looked at (as always: 403 first).
  const refusal = intent === "acknowledge" ? null : editRefusal(actor, target);
  if (refusal) throwRefusal(refusal);
  const handler = reportIntentHandler(intent);
  invariantResponse(handler, "Unknown action.", 400);
  return handler({
    deps: serviceDeps(context, request),
    actor,
    target,
    formData,
    here: reportPath(target.scope.schoolId, target.report.id),
  });
}

export default function ReportPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { school, report, sections, terminology, canEdit } = data;
  const pending = navigation.state === "submitting";
  const resultFor = (form: string) => (actionData && actionData.form === form ? actionData.result : null);
  const documentProps = {
    schoolName: school.name,
    title: report.title,
    schoolYear: report.schoolYear,
    sipName: report.sipName,
    status: report.status,
    sharedAt: report.sharedAt,
    terminology,
    sections,
  };
  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-8 print:max-w-none print:p-0">
      <nav aria-label="Report" className="no-print mb-4 flex flex-wrap items-center justify-between gap-3">
        <Link to={`/schools/${school.id}/reports`} className="text-sm font-semibold text-brand-700 underline">
          All reports on {school.name}
        </Link>
        <div className="flex flex-wrap gap-3">
          <a
            href={`/schools/${school.id}/reports/${report.id}/pdf`}
            download
            className="text-sm font-semibold text-brand-700 underline"
          >
            Download PDF
          </a>
          {data.showBrokering ? (
            <Link to={`/schools/${school.id}/brokering`} className="text-sm font-semibold text-brand-700 underline">
              Find good practice to broker
            </Link>
          ) : null}
        </div>
      </nav>
      <p className="no-print mb-4 text-sm text-slate-700">
        You are reading the sections addressed to: {data.readingAs}.
      </p>
      <ReportWorkflow report={report} canEdit={canEdit} canAcknowledge={data.canAcknowledge} />
      {canEdit ? (
        <div className="no-print mt-6 space-y-6">
          <h1 className="text-2xl font-bold">{report.title}</h1>
          <p className="text-sm text-slate-700">
            Draft: only you and the authority&apos;s admins can see it. Each section goes only to the readers you tick.
          </p>
          {sections.map((s, i) => (
            <SectionEditor
              key={s.id}
              section={s}
              index={i}
              count={sections.length}
              terminology={terminology}
              lastResult={resultFor(s.id)}
              pending={pending}
            />
          ))}
          <Card title="Add a section">
            <NewSectionForm lastResult={resultFor("new-section")} pending={pending} />
          </Card>
          <SupportPartnersCard partners={data.partners} schoolId={school.id} />
        </div>
      ) : null}
      {/* The read view; in a draft it is what printing shows (the editors are hidden in print). */}
      <div className={canEdit ? "hidden print:block" : "mt-6"}>
        <ReportDocument {...documentProps} />
      </div>
    </main>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.report.title} · ${data.school.name} · Commons` : "We could not find that page · Commons" },
];

export function ErrorBoundary() {
  return <StatusPage />;
}
