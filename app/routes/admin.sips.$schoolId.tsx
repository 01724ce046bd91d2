import type { AdminCrumbHandle } from "./admin";
import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  countPastCategoryAssignments,
  getAssignedSipId,
  getCategoryBudgets,
  listSips,
} from "../../db/queries/sip-deployment";
import { getSchoolScope } from "../../db/queries/school-scope";
import { AssignOtherForm, BudgetForm, SuggestionList } from "../features/deployment/components/sip-assignment";
import { requireDeploymentSchool } from "../features/deployment/guard.server";
import { assignSip, changeBudget, unassignSip } from "../features/deployment/service.server";
import { serviceDeps } from "../features/schools/service-deps.server";
import { StatusPage } from "../components/status-page";
import { StatusMessage } from "../components/ui/status-message";
import { DeploymentCrumb } from "../features/deployment/components/deployment-crumb";
import { Button } from "../components/ui/button";
import { ErrorList } from "../components/ui/field";
import { categoryLabels } from "../kernel/school-phases";
import { previousSchoolYear } from "../kernel/school-year";
import { AssignSchema, BudgetSchema } from "../features/deployment/schema";
import { rankSips } from "../features/deployment/sip-matching";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { authorityId, school, year } = await requireDeploymentSchool(context, request, params.schoolId);
  const { db } = context.services;
  const [scope, budgets, sips, lastYearSipId, experience] = await Promise.all([
    getSchoolScope(db, school.id, year),
    getCategoryBudgets(db, authorityId),
    listSips(db, authorityId, year),
    getAssignedSipId(db, school.id, previousSchoolYear(year)),
    countPastCategoryAssignments(db, authorityId, school.category, year),
  ]);
  const defaultBudget = budgets[school.category];
  const assignment = scope?.assignment
    ? { ...scope.assignment, sipName: sips.find((s) => s.userId === scope.assignment!.sipUserId)?.name ?? "" }
    : null;
  const candidates = sips.map((s) => ({ ...s, categoryAssignments: experience.get(s.userId) ?? 0 }));
  const suggestions = assignment
    ? []
    : rankSips(
        { category: school.category, locality: school.locality, dayBudget: defaultBudget, lastYearSipId },
        candidates,
      );
  return json({
    year,
    school: { id: school.id, name: school.name, category: school.category, locality: school.locality },
    defaultBudget,
    assignment,
    suggestions,
    sips: sips.map((s) => ({ userId: s.userId, name: s.name, daysLeft: s.capacityDays - s.daysBudgeted })),
  });
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { actor, authorityId, school, year } = await requireDeploymentSchool(context, request, params.schoolId);
  const deps = serviceDeps(context, request);
  const target = { authorityId, year, schoolId: school.id };
  const formData = await request.formData();
  const intent = formData.get("intent");
  const source = formData.get("source") === "other" ? "other" : "suggested";
  if (intent === "assign") {
    const submission = parseWithZod(formData, { schema: AssignSchema });
    if (submission.status !== "success") return json({ intent, source, result: submission.reply() }, { status: 400 });
    const assigned = await assignSip(deps, actor, target, submission.value);
    if (!assigned.ok) {
      const errors = assigned.field
        ? { fieldErrors: { [assigned.field]: [assigned.message] } }
        : { formErrors: [assigned.message] };
      return json({ intent, source, result: submission.reply(errors) }, { status: 400 });
    }
    return json({ intent, source, result: submission.reply({ resetForm: true }), message: "The SIP was assigned." });
  }
  if (intent === "budget") {
    const submission = parseWithZod(formData, { schema: BudgetSchema });
    if (submission.status !== "success") return json({ intent, source, result: submission.reply() }, { status: 400 });
    const changed = await changeBudget(deps, target, submission.value.dayBudget);
    if (!changed.ok)
      return json({ intent, source, result: submission.reply({ formErrors: [changed.message] }) }, { status: 400 });
    return json({ intent, source, result: submission.reply(), message: "The day budget was changed." });
  }
  if (intent === "unassign") {
    const removed = await unassignSip(deps, actor, target);
    if (!removed.ok) return json({ intent, source, result: null, error: removed.message }, { status: 400 });
    return json({ intent, source, result: null, message: "The SIP was unassigned." });
  }
  return json({ intent, source, result: null, error: "Something in that request was not right." }, { status: 400 });
}

export default function AssignSipPage() {
  const { year, school, defaultBudget, assignment, suggestions, sips } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const message = data && "message" in data ? data.message : null;
  // An assign that lost a race lands on the page that now shows the assignment, so its error goes on top.
  const lateAssign = assignment && data?.intent === "assign" ? (data.result?.error?.[""] ?? null) : null;
  const error = data && "error" in data ? data.error : (lateAssign?.[0] ?? null);
  return (
    <main id="main" className="py-6">
      <DeploymentCrumb />
      <h1 className="mt-1 text-2xl font-bold">{school.name}</h1>
      <p className="mt-1 text-slate-700">
        {categoryLabels[school.category]} · {school.locality} · {year}
      </p>
      <StatusMessage margin="mt-3" padding="p-2">
        {message}
      </StatusMessage>
      <ErrorList errors={error ? [error] : null} />
      {assignment ? (
        <section
          aria-labelledby="assignment-heading"
          className="mt-6 max-w-xl space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
        >
          <h2 id="assignment-heading" className="text-lg font-semibold">
            Assigned SIP: {assignment.sipName}
          </h2>
          <BudgetForm dayBudget={assignment.dayBudget} lastResult={data?.intent === "budget" ? data.result : null} />
          <Form method="post">
            <input type="hidden" name="intent" value="unassign" />
            <Button type="submit" variant="danger" pending={navigation.state === "submitting"}>
              Unassign {assignment.sipName}
            </Button>
          </Form>
        </section>
      ) : (
        <div className="mt-6 grid grid-cols-1 gap-8 lg:grid-cols-[2fr_1fr]">
          <SuggestionList
            suggestions={suggestions}
            dayBudget={defaultBudget}
            lastResult={data?.intent === "assign" && data.source === "suggested" ? data.result : null}
          />
          <AssignOtherForm
            sips={sips}
            dayBudget={defaultBudget}
            lastResult={data?.intent === "assign" && data.source === "other" ? data.result : null}
          />
        </div>
      )}
    </main>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `SIP for ${data.school.name} · Commons` : "SIP deployment · Commons" },
];

export function ErrorBoundary() {
  return <StatusPage />;
}

/** The last step of the admin area's breadcrumb trail. */
export const handle: AdminCrumbHandle = {
  crumb: (data) => (data as { school?: { name: string } } | undefined)?.school?.name ?? null,
};
