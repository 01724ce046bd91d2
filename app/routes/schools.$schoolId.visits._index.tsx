import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { createNotification } from "../../db/queries/notifications";
import { getUser } from "../../db/queries/users";
import { deleteVisit, listSchoolLeaderIds, listVisitRecords, listVisits, logVisit } from "../../db/queries/visits";
import { BurnDownChart } from "../components/burn-down-chart";
import { SchoolNav } from "../components/school-nav";
import { StatusPage } from "../components/status-page";
import { Button } from "../components/ui/button";
import { Card } from "../components/ui/card";
import { EmptyState } from "../components/ui/empty-state";
import { ErrorList } from "../components/ui/field";
import { VisitLogForm } from "../components/visit-log-form";
import { budgetSummary, burnDown, formatDays, schoolYearBounds, usedSentence } from "../utils/day-budget";
import { forbidden } from "../utils/http.server";
import { canDoSipWork, canManageSipDeployment, reportAudiencesFor } from "../utils/permissions";
import { requireSchoolImprovement } from "../utils/school-improvement.server";
import { formatVisitDate, todayInLondon } from "../utils/visit-dates";
import { recordStateLabels, visitKindLabels, visitSchema } from "../utils/visit-schema";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { actor, scope, year } = await requireSchoolImprovement(context, request, params.schoolId);
  const { db } = context.services;
  const school = { id: scope.schoolId, name: scope.name };
  const links = { plan: true, visits: true, reports: reportAudiencesFor(actor, scope, "shared").length > 0 };
  const bounds = schoolYearBounds(year);
  if (!scope.assignment) {
    return json({ school, year, links, bounds, today: todayInLondon(), assignment: null, canAssign: canManageSipDeployment(actor, scope.authorityId) });
  }
  const [visits, records, sip] = await Promise.all([
    listVisits(db, scope.assignment.id),
    listVisitRecords(db, scope.assignment.id),
    getUser(db, scope.assignment.sipUserId),
  ]);
  const summary = budgetSummary(scope.assignment.dayBudget, visits);
  return json({
    school,
    year,
    links,
    bounds,
    today: todayInLondon(),
    assignment: {
      sipName: sip?.name ?? "",
      summary,
      points: burnDown(summary.budget, bounds.start, visits),
      visits,
      records,
      canLog: canDoSipWork(actor, scope),
    },
    canAssign: false,
  });
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { actor, scope, year } = await requireSchoolImprovement(context, request, params.schoolId);
  if (!canDoSipWork(actor, scope) || !scope.assignment) forbidden("Only the school's School Improvement Partner logs time.");
  const { db, logger } = context.services;
  const assignment = scope.assignment;
  const formData = await request.formData();
  if (formData.get("intent") === "delete") {
    const visitId = String(formData.get("visitId") ?? "");
    const removed = UUID.test(visitId) && (await deleteVisit(db, assignment.id, visitId));
    if (!removed) return json({ intent: "delete", result: null, error: "That entry was already removed." }, { status: 400 });
    return json({ intent: "delete", result: null, message: "The entry was removed." });
  }
  const visits = await listVisits(db, assignment.id);
  const budget = { dayBudget: assignment.dayBudget, used: budgetSummary(assignment.dayBudget, visits).used, ...schoolYearBounds(year) };
  const submission = parseWithZod(formData, { schema: visitSchema(budget) });
  if (submission.status !== "success") return json({ intent: "log", result: submission.reply() }, { status: 400 });
  const { confirmOverspend, ...visit } = submission.value;
  const logged = await logVisit(db, { assignmentId: assignment.id, ...visit }, { allowOverspend: confirmOverspend === "on" });
  if (!logged.ok) {
    // Someone logged time between our check and the insert: ask again with the new figures.
    const error = `This would go over the budget: ${usedSentence(logged.budget, logged.used)}. Tick "Record it anyway" to record it.`;
    return json({ intent: "log", result: submission.reply({ fieldErrors: { confirmOverspend: [error] } }) }, { status: 400 });
  }
  if (logged.recordId) {
    const link = `/schools/${scope.schoolId}/visits/${logged.recordId}`;
    for (const userId of await listSchoolLeaderIds(db, scope.schoolId)) {
      await createNotification(db, {
        userId,
        title: "Pre-visit part to complete",
        body: `Your SIP logged a visit on ${formatVisitDate(visit.visitDate)}. Please complete the pre-visit part of its record.`,
        link,
      });
    }
  }
  logger.info("sip time logged", { schoolId: scope.schoolId, days: visit.days, by: actor.userId });
  return json({ intent: "log", result: submission.reply({ resetForm: true }), message: `${formatDays(visit.days)} logged.` });
}

export default function VisitsPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-8">
      <p className="text-sm text-slate-700">
        <Link to={`/schools/${data.school.id}`} className="text-brand-700 underline">
          {data.school.name}
        </Link>{" "}
        · {data.year}
      </p>
      <h1 className="text-2xl font-bold">SIP visits and time</h1>
      <SchoolNav schoolId={data.school.id} links={data.links} />
      {data.assignment ? (
        <AssignedVisits {...data} assignment={data.assignment} />
      ) : (
        <div className="mt-6">
          <EmptyState title="No School Improvement Partner this year">
            {data.canAssign ? (
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
          <BurnDownChart budget={summary.budget} used={summary.used} points={assignment.points} start={bounds.start} end={bounds.end} today={today} />
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

function VisitList({ visits, schoolId, canEdit }: { visits: NonNullable<Data["assignment"]>["visits"]; schoolId: string; canEdit: boolean }) {
  const navigation = useNavigation();
  return (
    <Card title="Time logged">
      {visits.length === 0 ? (
        <EmptyState title="No time logged yet">
          {canEdit ? "Log your first visit or preparation time with the form." : "The SIP's visits, preparation and report writing will be listed here."}
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 text-sm">
          {visits.map((v) => (
            <li key={v.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
              <span>
                <span className="font-medium">{formatVisitDate(v.visitDate)}</span> · {visitKindLabels[v.kind]} · {formatDays(v.days)}
                {v.purpose ? ` · ${v.purpose}` : ""}
                {v.recordId ? (
                  <>
                    {" · "}
                    <Link to={`/schools/${schoolId}/visits/${v.recordId}`} className="text-brand-700 underline">
                      Visit record<span className="sr-only"> of {formatVisitDate(v.visitDate)}</span>
                    </Link>
                  </>
                ) : null}
              </span>
              {canEdit ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="delete" />
                  <input type="hidden" name="visitId" value={v.id} />
                  <Button type="submit" variant="secondary" className="px-2 py-1" pending={navigation.state === "submitting"}>
                    Remove<span className="sr-only"> the entry of {formatVisitDate(v.visitDate)}</span>
                  </Button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function RecordList({ records, schoolId }: { records: NonNullable<Data["assignment"]>["records"]; schoolId: string }) {
  return (
    <Card title="Visit records">
      {records.length === 0 ? (
        <EmptyState title="No visit records yet">Each in-school visit the SIP logs gets a two-part record: the school's pre-visit part, then the SIP's.</EmptyState>
      ) : (
        <ul className="space-y-2 text-sm">
          {records.map((r) => (
            <li key={r.id}>
              <Link to={`/schools/${schoolId}/visits/${r.id}`} className="font-medium text-brand-700 underline">
                Visit of {formatVisitDate(r.visitDate)}
              </Link>{" "}
              · <span data-testid="record-state">{recordStateLabels[r.state]}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Visits · ${data.school.name} · Commons` : "We could not find that page · Commons" }];

export function ErrorBoundary() {
  return <StatusPage />;
}
