import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { getUser } from "../../db/queries/users";
import { listVisitRecords, listVisits } from "../../db/queries/visits";
import { BurnDownChart } from "../features/visits/components/burn-down-chart";
import { SchoolCrumbs, SchoolNav } from "../features/schools/components/school-nav";
import { StatusPage } from "../components/status-page";
import { Card } from "../components/ui/card";
import { EmptyState } from "../components/ui/empty-state";
import { ErrorList } from "../components/ui/field";
import { RecordList, VisitList } from "../features/visits/components/visit-lists";
import { VisitLogForm } from "../features/visits/components/visit-log-form";
import { budgetSummary, burnDown, formatDays, usedSentence } from "../features/visits/day-budget";
import { schoolYearBounds } from "../kernel/school-year";
import { canDoSipWork, canManageSipDeployment, canViewSchoolImprovement } from "../kernel/permissions";
import { requireSchoolImprovement, schoolNavLinks, switcherYears } from "../features/schools/guard.server";
import { serviceDeps, throwRefusal } from "../features/schools/service-deps.server";
import {
  currentBudget,
  logVisit,
  pastYearRefusal,
  removeVisit,
  timeLoggingTarget,
} from "../features/visits/service.server";
import { todayIn } from "../kernel/dates";
import { visitSchema } from "../features/visits/schema";
import {
  currentSchoolYear,
  isPastSchoolYear,
  schoolYearKey,
  yearFromRequest,
} from "../features/schools/school-year.server";
import { schoolYearLabel, YearSwitcher } from "../features/schools/components/year-switcher";

/** The year the page shows (`?year=`, else this one), as the switcher's number and the stored "2025-26". */
function shownYear(request: Request, now: Date) {
  const shown = yearFromRequest(request, now);
  return { shown, year: schoolYearKey(shown), readOnly: isPastSchoolYear(shown, now) };
}

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const now = new Date();
  const { shown, year, readOnly } = shownYear(request, now);
  const { actor, scope } = await requireSchoolImprovement(context, request, params.schoolId, { year });
  const { db } = context.services;
  const school = { id: scope.schoolId, name: scope.name };
  const links = schoolNavLinks(actor, scope);
  const bounds = schoolYearBounds(year);
  const years = await switcherYears(db, actor, scope.schoolId, now, shown, canViewSchoolImprovement);
  const thisYear = currentSchoolYear(now);
  const page = { school, year, shown, thisYear, readOnly, years, links, bounds, today: todayIn(undefined, now) };
  if (!scope.assignment) {
    return json({
      ...page,
      assignment: null,
      canAssign: !readOnly && canManageSipDeployment(actor, scope.authorityId),
    });
  }
  const [visits, records, sip] = await Promise.all([
    listVisits(db, scope.assignment.id),
    listVisitRecords(db, scope.assignment.id),
    getUser(db, scope.assignment.sipUserId),
  ]);
  const summary = budgetSummary(scope.assignment.dayBudget, visits);
  return json({
    ...page,
    assignment: {
      sipName: sip?.name ?? "",
      summary,
      points: burnDown(summary.budget, bounds.start, visits),
      visits,
      records,
      canLog: !readOnly && canDoSipWork(actor, scope),
    },
    canAssign: false,
  });
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { year } = shownYear(request, new Date());
  const { actor, scope } = await requireSchoolImprovement(context, request, params.schoolId, { year });
  const target = timeLoggingTarget(actor, scope, year);
  if ("ok" in target) throwRefusal(target);
  const deps = serviceDeps(context, request);
  const past = pastYearRefusal(deps, year);
  if (past) throwRefusal(past);
  const formData = await request.formData();
  if (formData.get("intent") === "delete") {
    const removed = await removeVisit(deps, actor, target, String(formData.get("visitId") ?? ""));
    if (!removed.ok) return json({ intent: "delete", result: null, error: removed.message }, { status: 400 });
    return json({ intent: "delete", result: null, message: "The entry was removed." });
  }
  const submission = parseWithZod(formData, {
    schema: visitSchema(await currentBudget(deps, target.assignment, year)),
  });
  if (submission.status !== "success") return json({ intent: "log", result: submission.reply() }, { status: 400 });
  const { confirmOverspend, ...visit } = submission.value;
  const logged = await logVisit(deps, actor, target, { ...visit, allowOverspend: confirmOverspend === "on" });
  if (!logged.ok && "overspend" in logged) {
    // Someone logged time between our check and the insert: ask again with the new figures.
    const error = `This would go over the budget: ${usedSentence(logged.overspend.budget, logged.overspend.used)}. Tick "Record it anyway" to record it.`;
    return json(
      { intent: "log", result: submission.reply({ fieldErrors: { confirmOverspend: [error] } }) },
      { status: 400 },
    );
  }
  if (!logged.ok) throwRefusal(logged);
  return json({
    intent: "log",
    result: submission.reply({ resetForm: true }),
    message: `${formatDays(visit.days)} logged.${logged.recordId ? recordSentence(logged.preVisitAsked) : ""}`,
  });
}

/** What happens next to the record a visit opened: the service decided whether the school is asked. */
const recordSentence = (preVisitAsked: boolean) =>
  preVisitAsked
    ? " The school's leaders have been asked for their pre-visit part."
    : " It was logged after the visit, so the school is not asked for a pre-visit part.";

export default function VisitsPage() {
  const data = useLoaderData<typeof loader>();
  const pastYear = data.readOnly ? data.shown : undefined;
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-8">
      <SchoolCrumbs school={data.school} year={schoolYearLabel(data.shown)} pastYear={pastYear} />
      <h1 className="text-2xl font-bold">SIP visits and time, {schoolYearLabel(data.shown)}</h1>
      <SchoolNav schoolId={data.school.id} links={data.links} pastYear={pastYear} />
      <YearSwitcher years={data.years} current={data.shown} thisYear={data.thisYear} />
      {data.assignment ? (
        <AssignedVisits {...data} assignment={data.assignment} />
      ) : (
        <div className="mt-6">
          <EmptyState
            title={
              data.readOnly
                ? `No School Improvement Partner in ${schoolYearLabel(data.shown)}`
                : "No School Improvement Partner this year"
            }
          >
            {data.readOnly ? (
              "No SIP was assigned to the school that year, so no visits were logged."
            ) : data.canAssign ? (
              <Link to={`/admin/sips/${data.school.id}`} className="text-brand-700 underline">
                Assign a SIP to this school
              </Link>
            ) : (
              "Visits appear here once the local authority assigns a SIP to the school."
            )}
          </EmptyState>
        </div>
      )}
    </main>
  );
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

function AssignedVisits({ assignment, bounds, today, school }: Data & { assignment: NonNullable<Data["assignment"]> }) {
  const actionData = useActionData<typeof action>();
  const { summary } = assignment;
  const message = actionData && "message" in actionData ? actionData.message : null;
  return (
    <div className="mt-6 grid grid-cols-1 gap-6 lg:grid-cols-[3fr_2fr]">
      <div className="space-y-6">
        <Card title="Day budget">
          <p className="text-sm">
            SIP: <span className="font-medium">{assignment.sipName}</span>
          </p>
          <p className="mt-1 text-lg font-semibold" data-testid="budget-used">
            {usedSentence(summary.budget, summary.used)}
          </p>
          <BurnDownChart
            budget={summary.budget}
            used={summary.used}
            points={assignment.points}
            start={bounds.start}
            end={bounds.end}
            today={today}
          />
        </Card>
        <VisitList visits={assignment.visits} schoolId={school.id} canEdit={assignment.canLog} />
        <RecordList records={assignment.records} schoolId={school.id} />
      </div>
      {assignment.canLog ? (
        <Card title="Log time">
          {message ? (
            <p role="status" className="mb-3 rounded bg-brand-50 p-2 text-sm text-brand-800">
              {message}
            </p>
          ) : null}
          <ErrorList errors={actionData && "error" in actionData && actionData.error ? [actionData.error] : null} />
          <VisitLogForm
            budget={{ dayBudget: summary.budget, used: summary.used, ...bounds }}
            today={today}
            lastResult={actionData?.intent === "log" ? actionData.result : null}
          />
        </Card>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Visits · ${data.school.name} · Commons` : "We could not find that page · Commons" },
];

export function ErrorBoundary() {
  return <StatusPage />;
}
