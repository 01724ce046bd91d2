import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { recordRead } from "../../db/queries/audit";
import { recordState } from "../../db/queries/visits";
import { StatusPage } from "../components/status-page";
import { StatusMessage } from "../components/ui/status-message";
import { SchoolCrumbs, SchoolNav } from "../features/schools/components/school-nav";
import { schoolNavLinks } from "../features/schools/guard.server";
import { serviceDeps, throwRefusal } from "../features/schools/service-deps.server";
import { visitSections } from "../features/visits/components/visit-record-parts";
import { VisitRecordView, type SectionName } from "../features/visits/components/visit-record-view";
import { useDateContext } from "../components/date-context";
import { schoolYearLabel } from "../features/schools/components/year-switcher";
import { isPastSchoolYear } from "../features/schools/school-year.server";
import { requireVisitRecord } from "../features/visits/guard.server";
import { PreVisitSchema, recordStateLabels, VisitPartSchema } from "../features/visits/schema";
import {
  completeVisitRecord,
  pastYearRefusal,
  preVisitRefusal,
  savePreVisit,
  visitPartRefusal,
} from "../features/visits/service.server";
import { canCompletePreVisit, canDoSipWork } from "../kernel/permissions";
import { formatCalendarDate, type DateContext } from "../kernel/dates";

/** The section `?edit=` asks for, when this person may edit it now; anything else reads. */
function sectionToEdit(request: Request, may: { pre: boolean; visit: boolean }): SectionName | null {
  const asked = new URL(request.url).searchParams.get("edit");
  if (asked === "pre") return may.pre ? "pre" : null;
  return may.visit && visitSections.some((s) => s.name === asked) ? (asked as SectionName) : null;
}

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { actor, scope, record, year } = await requireVisitRecord(context, request, params);
  // Confidentiality: every read of a visit record is logged for the authority (docs: audit log).
  await recordRead(context.services.db, {
    authorityId: scope.authorityId,
    actorId: actor.userId,
    resourceKind: "visit_record",
    resourceId: record.id,
    schoolId: scope.schoolId,
  });
  const state = recordState(record);
  const shown = Number(year.slice(0, 4));
  // A past year's record is read only for everyone (the service refuses writes too).
  const readOnly = isPastSchoolYear(shown, new Date());
  const may = {
    pre: !readOnly && canCompletePreVisit(actor, scope) && record.preVisitAsked && state !== "complete",
    visit: !readOnly && canDoSipWork(actor, scope) && state === "awaiting_sip",
  };
  return json({
    school: { id: scope.schoolId, name: scope.name },
    links: schoolNavLinks(actor, scope),
    shown,
    readOnly,
    record: {
      id: record.id,
      visitDate: record.visitDate,
      state,
      pre: {
        asked: record.preVisitAsked,
        selfEvaluationUpdate: record.preSelfEvaluationUpdate,
        questions: record.preQuestions,
        submittedAt: record.preSubmittedAt?.toISOString() ?? null,
      },
      visit: {
        performance: record.performance,
        keyFactors: record.keyFactors,
        prioritiesAndTargets: record.prioritiesAndTargets,
        howToAchieve: record.howToAchieve,
        agreedActions: record.agreedActions,
        completedAt: record.completedAt?.toISOString() ?? null,
      },
    },
    may,
    editing: sectionToEdit(request, may),
    isSip: canDoSipWork(actor, scope),
  });
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { actor, ...target } = await requireVisitRecord(context, request, params);
  const formData = await request.formData();
  const deps = serviceDeps(context, request);
  // A past year's record offers no forms; anything sent anyway is refused outright.
  const past = pastYearRefusal(deps, target.year);
  if (past) throwRefusal(past);
  if (formData.get("intent") === "pre") {
    const refusal = preVisitRefusal(actor, target.scope);
    if (refusal) throwRefusal(refusal);
    const submission = parseWithZod(formData, { schema: PreVisitSchema });
    if (submission.status !== "success")
      return json({ intent: "pre" as const, result: submission.reply() }, { status: 400 });
    const saved = await savePreVisit(deps, actor, target, submission.value);
    if (!saved.ok)
      return json(
        { intent: "pre" as const, result: submission.reply({ formErrors: [saved.message] }) },
        { status: 400 },
      );
    return json({
      intent: "pre" as const,
      result: submission.reply(),
      message: "Your pre-visit part was saved. Your SIP has been told.",
    });
  }
  const refusal = visitPartRefusal(actor, target.scope);
  if (refusal) throwRefusal(refusal);
  const submission = parseWithZod(formData, { schema: VisitPartSchema });
  if (submission.status !== "success")
    return json({ intent: "visit" as const, result: submission.reply() }, { status: 400 });
  const { intent: _intent, ...part } = submission.value;
  const completed = await completeVisitRecord(deps, actor, target, part);
  if (!completed.ok)
    return json(
      { intent: "visit" as const, result: submission.reply({ formErrors: [completed.message] }) },
      { status: 400 },
    );
  return json({
    intent: "visit" as const,
    result: submission.reply(),
    message: "The visit record is complete. The school's leaders have been told.",
  });
}

const nextStep = {
  awaiting_school: "Next: the school's leaders complete the pre-visit part.",
  awaiting_sip: "Next: the SIP completes the visit part.",
  complete: "Both parts are done.",
} as const;

/**
 * Which form is open: the one `?edit=` asked for; after a refused save, the form that was sent
 * (so the input and the errors stay on screen); after a successful save, none.
 */
function openSection(editing: SectionName | null, sent: { intent: "pre" | "visit"; saved: boolean } | null) {
  if (!sent) return editing;
  if (sent.saved) return null;
  if (sent.intent === "pre") return "pre";
  return editing && editing !== "pre" ? editing : "seen";
}

export default function VisitRecordPage() {
  const { school, links, shown, readOnly, record, may, editing, isSip } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const ctx = useDateContext();
  const message = data && "message" in data ? String(data.message) : null;
  const open = openSection(editing, data ? { intent: data.intent, saved: message !== null } : null);
  const pastYear = readOnly ? shown : undefined;
  const date = formatCalendarDate(record.visitDate, "date", ctx);
  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-8">
      <SchoolCrumbs school={school} year={schoolYearLabel(shown)} here={`Visit of ${date}`} pastYear={pastYear} />
      <h1 className="text-2xl font-bold">Visit record, {date}</h1>
      <SchoolNav schoolId={school.id} links={links} pastYear={pastYear} />
      {readOnly ? (
        <p className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          This record is from {schoolYearLabel(shown)}, a past school year: it is read only.
        </p>
      ) : null}
      <p className="mt-4">
        <span className="rounded-full bg-slate-100 px-3 py-1 text-sm font-semibold" data-testid="record-state">
          {recordStateLabels[record.state]}
        </span>{" "}
        <span className="text-sm text-slate-700">{nextStep[record.state]}</span>
      </p>
      <StatusMessage margin="mt-3" padding="p-2">
        {message}
      </StatusMessage>
      <div className="mt-6">
        <VisitRecordView
          record={record}
          canEditPre={may.pre}
          canEditVisit={may.visit}
          isSip={isSip}
          editing={open === "pre" ? (may.pre ? open : null) : may.visit ? open : null}
          preResult={data?.intent === "pre" ? data.result : null}
          visitResult={data?.intent === "visit" ? data.result : null}
        />
      </div>
    </main>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? `Visit record, ${formatCalendarDate(data.record.visitDate, "date", rootDates(matches))} · ${data.school.name} · Commons`
      : "We could not find that page · Commons",
  },
];

export function ErrorBoundary() {
  return <StatusPage />;
}

/** The signed-in person's date context, as the root loader gave it (meta runs outside React's context). */
function rootDates(matches: ReadonlyArray<{ id: string; data?: unknown }>): DateContext | undefined {
  return (matches.find((m) => m.id === "root")?.data as { dates?: DateContext } | undefined)?.dates;
}
