import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { listAddableFacilitators, listAddableLeaders, listCohortMembers } from "../../db/queries/cohort-members";
import { AddFacilitatorForm } from "../features/cohorts/components/add-facilitator-form";
import { AddLeadersForm } from "../features/cohorts/components/add-leaders-form";
import { CohortHeader } from "../features/cohorts/components/cohort-nav";
import { MemberList } from "../features/cohorts/components/member-list";
import { StatusPage } from "../components/status-page";
import { Card } from "../components/ui/card";
import { EmptyState } from "../components/ui/empty-state";
import { requireCohort } from "../features/cohorts/guard.server";
import { forbidden } from "../utils/http.server";
import type { CohortScope } from "../kernel/permissions";
import type { CurrentActor } from "../features/auth/guard.server";
import { AddFacilitatorSchema, AddLeadersSchema, RemoveMemberSchema } from "../features/cohorts/schema";
import { addCoFacilitator, addLeaders, removeMember, type CohortRef } from "../features/cohorts/service.server";

const noOne = Promise.resolve([] as Array<{ userId: string; name: string; schools: string }>);

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { cohort, isFacilitator, actor } = await requireCohort(context, request, params.cohortId, "view");
  const { db } = context.services;
  const [members, leaders, facilitators] = await Promise.all([
    listCohortMembers(db, cohort.id, cohort.authorityId),
    isFacilitator ? listAddableLeaders(db, cohort.id, cohort.authorityId) : noOne,
    isFacilitator ? listAddableFacilitators(db, cohort.id, cohort.authorityId) : noOne,
  ]);
  return json({ cohort, isFacilitator, me: actor.userId, members, addable: { leaders, facilitators } });
}

type Handler = (
  args: {
    services: ActionFunctionArgs["context"]["services"];
    actor: CurrentActor;
    cohort: CohortRef & { scope: CohortScope };
  },
  formData: FormData,
) => Promise<Response>;

// One named service per intent; anything else is read as the "add leaders" form.
const intents: Record<"remove" | "add-facilitator" | "add-leaders", Handler> = {
  async remove({ services, actor, cohort }, formData) {
    const parsed = RemoveMemberSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return json({ intent: "remove", result: null, done: null }, { status: 400 });
    const removed = await removeMember(services, actor, cohort, parsed.data);
    if (!removed.ok) forbidden(removed.message);
    return json({ intent: "remove", result: null, done: removed.done });
  },
  async "add-facilitator"({ services, cohort }, formData) {
    const submission = parseWithZod(formData, { schema: AddFacilitatorSchema });
    if (submission.status !== "success")
      return json({ intent: "add-facilitator", result: submission.reply(), done: null }, { status: 400 });
    const added = await addCoFacilitator(services, cohort, submission.value.userId);
    if (!added.ok)
      return json(
        { intent: "add-facilitator", result: submission.reply({ fieldErrors: added.fieldErrors }), done: null },
        { status: 400 },
      );
    return json({ intent: "add-facilitator", result: submission.reply({ resetForm: true }), done: added.done });
  },
  async "add-leaders"({ services, actor, cohort }, formData) {
    const submission = parseWithZod(formData, { schema: AddLeadersSchema });
    if (submission.status !== "success")
      return json({ intent: "add-leaders", result: submission.reply(), done: null }, { status: 400 });
    const added = await addLeaders(services, actor, cohort, submission.value.userIds);
    if (!added.ok)
      return json(
        { intent: "add-leaders", result: submission.reply({ fieldErrors: added.fieldErrors }), done: null },
        { status: 400 },
      );
    return json({ intent: "add-leaders", result: submission.reply({ resetForm: true }), done: added.done });
  },
};

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { cohort, actor, scope } = await requireCohort(context, request, params.cohortId, "manage");
  const formData = await request.formData();
  const intent = formData.get("intent");
  const handle = intent === "remove" || intent === "add-facilitator" ? intents[intent] : intents["add-leaders"];
  return handle({ services: context.services, actor, cohort: { ...cohort, scope } }, formData);
}

export default function MembersPage() {
  const { cohort, isFacilitator, me, members, addable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as
    { intent: string; result: SubmissionResult<string[]> | null; done: string | null } | undefined;
  const facilitators = members.filter((m) => m.role === "facilitator");
  const leaders = members.filter((m) => m.role === "leader");
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-8">
      <CohortHeader cohort={cohort} title="members" />
      {actionData?.done ? (
        <p role="status" className="mt-4 rounded bg-brand-50 p-2 text-sm text-brand-800">
          {actionData.done}
        </p>
      ) : null}
      <div className={`mt-6 grid gap-6 ${isFacilitator ? "lg:grid-cols-[3fr_2fr]" : ""}`}>
        <div className="space-y-6">
          <Card title={`School leaders (${leaders.length})`} id="leaders-heading">
            {leaders.length === 0 ? (
              <EmptyState title="No school leaders yet">
                {isFacilitator
                  ? "Add the school leaders of your authority who will meet in this cohort."
                  : "Your facilitator adds the cohort's school leaders."}
              </EmptyState>
            ) : (
              <MemberList members={leaders} removable={isFacilitator ? () => true : () => false} />
            )}
          </Card>
          <Card title="Facilitators" id="facilitators-heading">
            <MemberList members={facilitators} removable={(m) => isFacilitator && m.userId !== me} />
          </Card>
        </div>
        {isFacilitator ? (
          <div className="space-y-6">
            <AddLeadersForm
              people={addable.leaders}
              lastResult={actionData?.intent === "add-leaders" ? actionData.result : undefined}
            />
            <AddFacilitatorForm
              people={addable.facilitators}
              lastResult={actionData?.intent === "add-facilitator" ? actionData.result : undefined}
            />
          </div>
        ) : null}
      </div>
    </main>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Members · ${data?.cohort.name ?? "Cohort"} · Commons` },
];

export function ErrorBoundary() {
  return <StatusPage />;
}
