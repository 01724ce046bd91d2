import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { listReports } from "../../db/queries/reports";
import { useFormatDate } from "../features/reports/components/report-document";
import { StatusPage } from "../components/status-page";
import { Button } from "../components/ui/button";
import { EmptyState } from "../components/ui/empty-state";
import { ErrorList, Field } from "../components/ui/field";
import { canDoSipWork, reportAudiencesFor } from "../kernel/permissions";
import { CreateReportSchema } from "../features/reports/sections";
import { createRefusal, createReport, reportPath } from "../features/reports/service.server";
import { serviceDeps, throwRefusal } from "../features/schools/service-deps.server";
import { requireSchoolReports, schoolNavLinks } from "../features/schools/guard.server";
import { SchoolCrumbs, SchoolNav } from "../features/schools/components/school-nav";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { actor, scope } = await requireSchoolReports(context, request, params.schoolId);
  // Drafts are listed only for those who may read them (the SIP and the authority's admins).
  const withDrafts = reportAudiencesFor(actor, scope, "draft").length > 0;
  const reports = await listReports(context.services.db, scope.schoolId, { withDrafts });
  return json({
    school: { id: scope.schoolId, name: scope.name },
    links: schoolNavLinks(actor, scope),
    canCreate: canDoSipWork(actor, scope) && scope.assignment !== null,
    reports: reports.map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status,
      schoolYear: r.schoolYear,
      sipName: r.sipName,
      sharedAt: r.sharedAt?.toISOString() ?? null,
    })),
  });
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { actor, scope, year } = await requireSchoolReports(context, request, params.schoolId);
  const refusal = createRefusal(actor, scope);
  if (refusal) throwRefusal(refusal);
  const submission = parseWithZod(await request.formData(), { schema: CreateReportSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const created = await createReport(serviceDeps(context, request), actor, { scope, year }, submission.value);
  if (!created.ok) throwRefusal(created);
  return redirect(reportPath(scope.schoolId, created.report.id));
}

const statusLabels = { draft: "Draft", shared: "Shared", acknowledged: "Acknowledged" } as const;

export default function ReportsPage() {
  const { school, links, reports, canCreate } = useLoaderData<typeof loader>();
  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-8">
      <SchoolCrumbs school={school} />
      <h1 className="text-2xl font-bold">Reports</h1>
      <SchoolNav schoolId={school.id} links={links} />
      <div className="mt-6 grid gap-6 md:grid-cols-[2fr_1fr]">
        <section aria-labelledby="reports-heading">
          <h2 id="reports-heading" className="sr-only">
            Reports on the school
          </h2>
          {reports.length === 0 ? (
            <EmptyState title="No reports yet">
              {canCreate
                ? "Start a report with the form: it is prefilled from the school's plan, and nobody else sees it until you share it."
                : "The school's School Improvement Partner writes a report after their visits; it appears here once it is shared with you."}
            </EmptyState>
          ) : (
            <ReportsByYear schoolId={school.id} reports={reports} />
          )}
        </section>
        {canCreate ? <NewReportForm /> : null}
      </div>
    </main>
  );
}

type ListedReport = ReturnType<typeof useLoaderData<typeof loader>>["reports"][number];

/** The school's reports of every year, newest year first, each year under its own heading. */
function ReportsByYear({ schoolId, reports }: { schoolId: string; reports: ListedReport[] }) {
  const formatDate = useFormatDate();
  const years = [...new Set(reports.map((r) => r.schoolYear))].sort().reverse();
  return (
    <div className="space-y-6">
      {years.map((year) => (
        <section key={year} aria-labelledby={`reports-${year}`}>
          <h3 id={`reports-${year}`} className="mb-2 text-lg font-semibold">
            School year {year}
          </h3>
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {reports
              .filter((r) => r.schoolYear === year)
              .map((r) => (
                <li key={r.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3">
                  <Link to={`/schools/${schoolId}/reports/${r.id}`} className="font-semibold text-brand-700 underline">
                    {r.title}
                  </Link>
                  <span className="text-sm text-slate-700">
                    {statusLabels[r.status]}
                    {r.sharedAt ? ` ${formatDate(r.sharedAt)}` : ""} · {r.sipName}
                  </span>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function NewReportForm() {
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "new-report",
    lastResult,
    constraint: getZodConstraint(CreateReportSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateReportSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <section aria-labelledby="new-report-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="new-report-heading" className="text-lg font-semibold">
        Start a report
      </h2>
      <Form method="post" {...getFormProps(form)} className="mt-3 space-y-4">
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field
          label="Title"
          hint="For example: Autumn term report."
          errors={fields.title.errors}
          inputProps={getInputProps(fields.title, { type: "text" })}
        />
        <Button type="submit" pending={navigation.state === "submitting"}>
          Start report
        </Button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Reports · ${data.school.name} · Commons` : "We could not find that page · Commons" },
];

export function ErrorBoundary() {
  return <StatusPage />;
}
