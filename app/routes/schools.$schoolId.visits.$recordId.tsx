import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { recordRead } from "../../db/queries/audit";
import { createNotification } from "../../db/queries/notifications";
import { completeVisitPart, getVisitRecord, listSchoolLeaderIds, recordState, savePreVisit } from "../../db/queries/visits";
import { SchoolNav } from "../components/school-nav";
import { StatusPage } from "../components/status-page";
import { PreVisitPart, VisitPart } from "../components/visit-record-parts";
import { forbidden, notFound, requireIdParam } from "../utils/http.server";
import { canCompletePreVisit, canDoSipWork, reportAudiencesFor } from "../utils/permissions";
import { requireSchoolImprovement } from "../utils/school-improvement.server";
import { formatVisitDate } from "../utils/visit-dates";
import { PreVisitSchema, recordStateLabels, VisitPartSchema } from "../utils/visit-schema";

/** The person, the school's scope and the record (of this school's assignment this year, else 404). */
async function requireRecord(args: LoaderFunctionArgs) {
  const access = await requireSchoolImprovement(args.context, args.request, args.params.schoolId);
  const recordId = requireIdParam(args.params.recordId);
  if (!access.scope.assignment) notFound();
  const record = await getVisitRecord(args.context.services.db, access.scope.assignment.id, recordId);
  if (!record) notFound();
  return { ...access, assignment: access.scope.assignment, record };
}

export async function loader(args: LoaderFunctionArgs) {
  const { actor, scope, record } = await requireRecord(args);
  // Confidentiality: every read of a visit record is logged for the authority (docs: audit log).
  await recordRead(args.context.services.db, {
    authorityId: scope.authorityId,
    actorId: actor.userId,
    resourceKind: "visit_record",
    resourceId: record.id,
    schoolId: scope.schoolId,
  });
  const state = recordState(record);
  return json({
    school: { id: scope.schoolId, name: scope.name },
    links: { plan: true, visits: true, reports: reportAudiencesFor(actor, scope, "shared").length > 0 },
    record: {
      id: record.id,
      visitDate: record.visitDate,
      state,
      pre: { selfEvaluationUpdate: record.preSelfEvaluationUpdate, questions: record.preQuestions, submittedAt: record.preSubmittedAt?.toISOString() ?? null },
      visit: {
        performance: record.performance,
        keyFactors: record.keyFactors,
        prioritiesAndTargets: record.prioritiesAndTargets,
        howToAchieve: record.howToAchieve,
        agreedActions: record.agreedActions,
        completedAt: record.completedAt?.toISOString() ?? null,
      },
    },
    canEditPre: canCompletePreVisit(actor, scope) && state !== "complete",
    isSip: canDoSipWork(actor, scope),
  });
}

export async function action(args: ActionFunctionArgs) {
  const { actor, scope, assignment, record } = await requireRecord(args);
  const { db, logger } = args.context.services;
  const formData = await args.request.formData();
  const link = `/schools/${scope.schoolId}/visits/${record.id}`;
  const when = formatVisitDate(record.visitDate);
  if (formData.get("intent") === "pre") {
    if (!canCompletePreVisit(actor, scope)) forbidden("Only the school's leaders complete the pre-visit part.");
    const submission = parseWithZod(formData, { schema: PreVisitSchema });
    if (submission.status !== "success") return json({ intent: "pre" as const, result: submission.reply() }, { status: 400 });
    const saved = await savePreVisit(db, assignment.id, record.id, { ...submission.value, userId: actor.userId });
    if (!saved) return json({ intent: "pre" as const, result: submission.reply({ formErrors: ["This record is complete and can no longer be changed."] }) }, { status: 400 });
    await createNotification(db, { userId: assignment.sipUserId, title: "Pre-visit part completed", body: `${scope.name} completed its part of the record of your visit on ${when}.`, link });
    logger.info("pre-visit part saved", { recordId: record.id, by: actor.userId });
    return json({ intent: "pre" as const, result: submission.reply(), message: "Your pre-visit part was saved. Your SIP has been told." });
  }
  if (!canDoSipWork(actor, scope)) forbidden("Only the school's School Improvement Partner writes the visit part.");
  const submission = parseWithZod(formData, { schema: VisitPartSchema });
  if (submission.status !== "success") return json({ intent: "visit" as const, result: submission.reply() }, { status: 400 });
  const state = recordState(record);
  if (state !== "awaiting_sip") {
    const error = state === "complete" ? "This record is already complete." : "The school has not completed its pre-visit part yet.";
    return json({ intent: "visit" as const, result: submission.reply({ formErrors: [error] }) }, { status: 400 });
  }
  if (!(await completeVisitPart(db, assignment.id, record.id, submission.value))) {
    return json({ intent: "visit" as const, result: submission.reply({ formErrors: ["This record was completed a moment ago."] }) }, { status: 400 });
  }
  for (const userId of await listSchoolLeaderIds(db, scope.schoolId)) {
    await createNotification(db, { userId, title: "Visit record complete", body: `Your SIP completed the record of the visit on ${when}.`, link });
  }
  logger.info("visit record completed", { recordId: record.id, by: actor.userId });
  return json({ intent: "visit" as const, result: submission.reply(), message: "The visit record is complete. The school's leaders have been told." });
}

const nextStep = {
  awaiting_school: "Next: the school's leaders complete the pre-visit part.",
  awaiting_sip: "Next: the SIP completes the visit part.",
  complete: "Both parts are done.",
} as const;

export default function VisitRecordPage() {
  const { school, links, record, canEditPre, isSip } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const message = data && "message" in data ? String(data.message) : null;
  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-8">
      <p className="text-sm text-slate-700">
        <Link to={`/schools/${school.id}/visits`} className="text-brand-700 underline">
          {school.name}: visits
        </Link>
      </p>
      <h1 className="text-2xl font-bold">Visit record, {formatVisitDate(record.visitDate)}</h1>
      <SchoolNav schoolId={school.id} links={links} />
      <p className="mt-4">
        <span className="rounded-full bg-slate-100 px-3 py-1 text-sm font-semibold" data-testid="record-state">
          {recordStateLabels[record.state]}
        </span>{" "}
        <span className="text-sm text-slate-700">{nextStep[record.state]}</span>
      </p>
      {message ? (
        <p role="status" className="mt-3 rounded bg-brand-50 p-2 text-sm text-brand-800">
          {message}
        </p>
      ) : null}
      <div className="mt-6 space-y-6">
        <PreVisitPart pre={record.pre} canEdit={canEditPre} lastResult={data?.intent === "pre" ? data.result : null} />
        <VisitPart visit={record.visit} state={record.state} canEdit={isSip && record.state === "awaiting_sip"} isSip={isSip} lastResult={data?.intent === "visit" ? data.result : null} />
      </div>
    </main>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Visit record, ${formatVisitDate(data.record.visitDate)} · ${data.school.name} · Commons` : "We could not find that page · Commons" },
];

export function ErrorBoundary() {
  return <StatusPage />;
}
