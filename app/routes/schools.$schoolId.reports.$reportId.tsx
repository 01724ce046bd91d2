import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { recordRead } from "../../db/queries/audit";
import { listConsentedPartners } from "../../db/queries/brokering";
import { createNotification } from "../../db/queries/notifications";
import { acknowledgeReport, addSection, appendToSection, listReportRecipients, moveSection, removeSection, shareReport, updateSection } from "../../db/queries/reports";
import { formatDate, ReportDocument } from "../components/reports/report-document";
import { NewSectionForm, SectionEditor } from "../components/reports/section-editor";
import { StatusPage } from "../components/status-page";
import { Button } from "../components/ui/button";
import { Card } from "../components/ui/card";
import { forbidden, invariantResponse } from "../utils/http.server";
import { canAcknowledgeReport, canDoSipWork, canEditReport } from "../utils/permissions";
import { requireReportView } from "../utils/report.server";
import { defaultAudiences, defaultHeading, NewSectionSchema, SectionSchema, supportLine } from "../utils/report-sections";
import { audienceList, termsFor } from "../utils/terminology";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const view = await requireReportView(context, request, params);
  const { actor, scope, report, audiences, sections, terminology, year } = view;
  const { db } = context.services;
  await recordRead(db, { authorityId: scope.authorityId, actorId: actor.userId, resourceKind: "report", resourceId: report.id, schoolId: scope.schoolId });
  const canEdit = canEditReport(actor, scope, report);
  return json({
    school: { id: scope.schoolId, name: scope.name },
    report: { ...report, sharedAt: report.sharedAt?.toISOString() ?? null, acknowledgedAt: report.acknowledgedAt?.toISOString() ?? null },
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
  const { actor, scope, report, terminology, year } = await requireReportView(context, request, params);
  const { db, mailer, env, logger } = context.services;
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const here = `/schools/${scope.schoolId}/reports/${report.id}`;

  if (intent === "acknowledge") {
    if (!canAcknowledgeReport(actor, scope)) forbidden("Only the school's leaders acknowledge a report.");
    invariantResponse(await acknowledgeReport(db, report.id, actor.userId), "This report is not waiting to be acknowledged.", 409);
    return redirect(here);
  }
  if (!canEditReport(actor, scope, report)) {
    forbidden(report.status === "draft" ? "Only the school's School Improvement Partner edits its reports." : "A shared report can no longer be changed.");
  }
  const sectionId = String(formData.get("sectionId") ?? "");
  switch (intent) {
    case "save-section": {
      const submission = parseWithZod(formData, { schema: SectionSchema });
      if (submission.status !== "success") return json({ form: sectionId, result: submission.reply() }, { status: 400 });
      const { heading, body, audiences } = submission.value;
      invariantResponse(await updateSection(db, report.id, submission.value.sectionId, { heading, body, audiences }), "That section no longer exists.", 404);
      return redirect(`${here}#section-${sectionId}`);
    }
    case "add-section": {
      const submission = parseWithZod(formData, { schema: NewSectionSchema });
      if (submission.status !== "success") return json({ form: "new-section", result: submission.reply() }, { status: 400 });
      await addSection(db, report.id, { kind: "other", heading: submission.value.heading, audiences: defaultAudiences("other") });
      return redirect(here);
    }
    case "remove-section":
      invariantResponse(await removeSection(db, report.id, sectionId), "That section no longer exists.", 404);
      return redirect(here);
    case "move-up":
    case "move-down":
      await moveSection(db, report.id, sectionId, intent === "move-up" ? "up" : "down");
      return redirect(here);
    case "add-partner": {
      const partner = (await listConsentedPartners(db, scope.schoolId, year)).find((p) => p.proposalId === formData.get("proposalId"));
      invariantResponse(partner, "That school has not consented to be named.", 404);
      const create = { heading: defaultHeading("package_of_support", termsFor(terminology)), audiences: defaultAudiences("package_of_support") };
      await appendToSection(db, report.id, "package_of_support", supportLine(partner), create);
      return redirect(here);
    }
    case "share": {
      invariantResponse(await shareReport(db, report.id), "This report has already been shared.", 409);
      const recipients = await listReportRecipients(db, scope.schoolId);
      const origin = env.appUrl ?? new URL(request.url).origin;
      const title = `New report on ${scope.name}: ${report.title}`;
      const body = `${report.sipName} has shared a School Improvement Partner report. You will see the sections addressed to you.`;
      for (const person of recipients) {
        await createNotification(db, { userId: person.userId, title, body, link: here });
        await mailer.send({ authorityId: scope.authorityId, to: person.email, subject: title, text: `Dear ${person.name},\n\n${body}\n\nRead it here: ${origin}${here}\n` });
      }
      logger.info("report shared", { reportId: report.id, recipients: recipients.length, by: actor.userId });
      return redirect(here);
    }
    default:
      invariantResponse(false, "Unknown action.", 400);
  }
}

export default function ReportPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { school, report, sections, terminology, canEdit } = data;
  const pending = navigation.state === "submitting";
  const resultFor = (form: string) => (actionData && actionData.form === form ? actionData.result : null);
  const documentProps = { schoolName: school.name, title: report.title, schoolYear: report.schoolYear, sipName: report.sipName, status: report.status, sharedAt: report.sharedAt, terminology, sections };
  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-8 print:max-w-none print:p-0">
      <nav aria-label="Report" className="no-print mb-4 flex flex-wrap items-center justify-between gap-3">
        <Link to={`/schools/${school.id}/reports`} className="text-sm font-semibold text-brand-700 underline">
          All reports on {school.name}
        </Link>
        <div className="flex flex-wrap gap-3">
          <a href={`/schools/${school.id}/reports/${report.id}/pdf`} download className="text-sm font-semibold text-brand-700 underline">
            Download PDF
          </a>
          {data.showBrokering ? (
            <Link to={`/schools/${school.id}/brokering`} className="text-sm font-semibold text-brand-700 underline">
              Find good practice to broker
            </Link>
          ) : null}
        </div>
      </nav>
      <p className="no-print mb-4 text-sm text-slate-700">You are reading the sections addressed to: {data.readingAs}.</p>
      <Workflow />
      {canEdit ? (
        <div className="no-print mt-6 space-y-6">
          <h1 className="text-2xl font-bold">{report.title}</h1>
          <p className="text-sm text-slate-700">
            Draft: only you and the authority&apos;s admins can see it. Each section goes only to the readers you tick.
          </p>
          {sections.map((s, i) => (
            <SectionEditor key={s.id} section={s} index={i} count={sections.length} terminology={terminology} lastResult={resultFor(s.id)} pending={pending} />
          ))}
          <Card title="Add a section">
            <NewSectionForm lastResult={resultFor("new-section")} pending={pending} />
          </Card>
          <PartnersCard />
        </div>
      ) : null}
      {/* The read view; in a draft it is what printing shows (the editors are hidden in print). */}
      <div className={canEdit ? "hidden print:block" : "mt-6"}>
        <ReportDocument {...documentProps} />
      </div>
    </main>
  );
}

function Workflow() {
  const { report, canEdit, canAcknowledge } = useLoaderData<typeof loader>();
  const pending = useNavigation().state === "submitting";
  const steps = ["draft", "shared", "acknowledged"] as const;
  return (
    <section aria-labelledby="workflow-heading" className="no-print rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="workflow-heading" className="text-base font-semibold">
        Where this report is
      </h2>
      <ol className="mt-2 flex flex-wrap gap-2 text-sm">
        {steps.map((s) => (
          <li key={s} aria-current={report.status === s ? "step" : undefined} className={`rounded px-2 py-1 ${report.status === s ? "bg-brand-700 font-semibold text-white" : "bg-slate-100 text-slate-800"}`}>
            {s === "draft" ? "Draft" : s === "shared" ? "Shared" : "Acknowledged"}
          </li>
        ))}
      </ol>
      {report.acknowledgedAt ? (
        <p className="mt-2 text-sm text-slate-700">
          Acknowledged by {report.acknowledgedByName ?? "the school"} on {formatDate(report.acknowledgedAt)}.
        </p>
      ) : null}
      {canEdit ? (
        <Form method="post" className="mt-3">
          <input type="hidden" name="intent" value="share" />
          <Button type="submit" pending={pending}>
            Share with the school
          </Button>
          <p className="mt-1 text-sm text-slate-700">Its leaders and governors are notified; each reads only the sections addressed to them. A shared report cannot be edited.</p>
        </Form>
      ) : null}
      {canAcknowledge ? (
        <Form method="post" className="mt-3">
          <input type="hidden" name="intent" value="acknowledge" />
          <Button type="submit" pending={pending}>
            Acknowledge this report
          </Button>
        </Form>
      ) : null}
    </section>
  );
}

function PartnersCard() {
  const { partners, school } = useLoaderData<typeof loader>();
  return (
    <Card title="Brokered schools for the package of support">
      {partners.length === 0 ? (
        <p className="text-sm text-slate-700">
          No school has consented to a link yet.{" "}
          <Link to={`/schools/${school.id}/brokering`} className="font-semibold text-brand-700 underline">
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

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.report.title} · ${data.school.name} · Commons` : "We could not find that page · Commons" }];

export function ErrorBoundary() {
  return <StatusPage />;
}
