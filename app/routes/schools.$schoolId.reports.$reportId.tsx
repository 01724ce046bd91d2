import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  Link,
  useActionData,
  useLoaderData,
  useLocation,
  useNavigation,
  useSearchParams,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { useEffect } from "react";
import { recordRead } from "../../db/queries/audit";
import { listConsentedPartners } from "../../db/queries/brokering";
import { StatusPage } from "../components/status-page";
import { Card } from "../components/ui/card";
import { ReportDocument, sectionAnchor } from "../features/reports/components/report-document";
import { ReportWorkflow, SupportPartnersCard } from "../features/reports/components/report-workflow";
import { NewSectionForm, SectionEditor, SectionTools } from "../features/reports/components/section-editor";
import { reportStylesheet } from "../features/reports/report-styles";
import { SchoolCrumbs } from "../features/schools/components/school-nav";
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
    authorityName: view.authorityName,
    visitDate: view.visitDate,
    audiences,
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

/** Opening or closing an editor (`?edit=`) is the same data: no reload, and no second read in the audit log. */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  currentUrl,
  nextUrl,
  formMethod,
  defaultShouldRevalidate,
}) => {
  if (formMethod || currentUrl.pathname !== nextUrl.pathname) return defaultShouldRevalidate;
  const strip = (url: URL) => {
    const search = new URLSearchParams(url.search);
    search.delete("edit");
    return search.toString();
  };
  return strip(currentUrl) === strip(nextUrl) ? false : defaultShouldRevalidate;
};

export default function ReportPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const { school, report, sections, terminology, canEdit } = data;
  const pending = navigation.state === "submitting";
  const resultFor = (form: string) => (actionData && actionData.form === form ? actionData.result : null);
  // The section being edited: asked for in the address (works without scripts), or refused on save.
  const editing = canEdit ? (actionData?.form ?? searchParams.get("edit")) : null;
  const here = location.pathname;
  useEffect(() => {
    // Back in the read view after saving or cancelling: focus the section's heading, not the top of the page.
    if (!editing && location.hash.startsWith("#section-"))
      document.getElementById(`${location.hash.slice(1)}-title`)?.focus();
  }, [editing, location.hash, location.key]);
  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-8">
      <div className="no-print">
        <SchoolCrumbs school={school} here={report.title} />
      </div>
      <style dangerouslySetInnerHTML={{ __html: reportStylesheet(school.name) }} />
      <ReportWorkflow
        report={report}
        canEdit={canEdit}
        canAcknowledge={data.canAcknowledge}
        pdfHref={`${here}/pdf`}
        readingAs={data.readingAs}
      />
      <div className="report-print-root">
        <ReportDocument
          authorityName={data.authorityName}
          schoolName={school.name}
          title={report.title}
          schoolYear={report.schoolYear}
          sipName={report.sipName}
          visitDate={data.visitDate}
          status={report.status}
          sharedAt={report.sharedAt}
          terminology={terminology}
          readerAudiences={data.audiences}
          sections={sections}
          sectionTools={
            canEdit
              ? (s, number) => (
                  <SectionTools
                    section={s}
                    number={number}
                    terminology={terminology}
                    editTo={`?edit=${s.id}#${sectionAnchor(s.id)}`}
                  />
                )
              : undefined
          }
          sectionEditor={(s, number) =>
            editing === s.id ? (
              <SectionEditor
                section={s}
                index={number - 1}
                count={sections.length}
                terminology={terminology}
                lastResult={resultFor(s.id)}
                pending={pending}
                closeTo={`${here}#${sectionAnchor(s.id)}`}
              />
            ) : null
          }
        />
      </div>
      {canEdit ? (
        <div className="no-print mt-6 space-y-6">
          <Card title="Add a section">
            <NewSectionForm lastResult={resultFor("new-section")} pending={pending} />
          </Card>
          <SupportPartnersCard partners={data.partners} schoolId={school.id} />
          {data.showBrokering ? (
            <p className="text-sm">
              <Link to={`/schools/${school.id}/brokering`} className="font-semibold text-brand-700 underline">
                Find good practice to broker
              </Link>
            </p>
          ) : null}
        </div>
      ) : null}
    </main>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.report.title} · ${data.school.name} · Commons` : "We could not find that page · Commons" },
];

export function ErrorBoundary() {
  return <StatusPage />;
}
