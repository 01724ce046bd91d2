import { getFormProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import {
  addCohortMembers,
  listAddableFacilitators,
  listAddableLeaders,
  listCohortMembers,
  removeCohortMember,
} from "../../db/queries/cohort-members";
import { AddLeadersForm, AddLeadersSchema } from "../components/add-leaders-form";
import { CohortHeader } from "../components/cohort-nav";
import { StatusPage } from "../components/status-page";
import { Button } from "../components/ui/button";
import { Card } from "../components/ui/card";
import { EmptyState } from "../components/ui/empty-state";
import { ErrorList, SelectField } from "../components/ui/field";
import { requireCohort } from "../utils/cohort.server";
import { forbidden } from "../utils/http.server";
import { canRemoveCohortMember } from "../utils/permissions";

const AddFacilitatorSchema = z.object({
  intent: z.literal("add-facilitator"),
  userId: z.string({ required_error: "Choose a facilitator." }).uuid("Choose a facilitator."),
});
const RemoveSchema = z.object({ intent: z.literal("remove"), userId: z.string().uuid(), role: z.enum(["facilitator", "leader"]) });

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

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { cohort, actor, scope } = await requireCohort(context, request, params.cohortId, "manage");
  const { db } = context.services;
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "remove") {
    const parsed = RemoveSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return json({ intent, result: null, done: null }, { status: 400 });
    if (!canRemoveCohortMember(actor, scope, parsed.data)) forbidden("You cannot remove yourself as a facilitator: ask a co-facilitator.");
    await removeCohortMember(db, cohort.id, parsed.data.userId, parsed.data.role);
    return json({ intent, result: null, done: "Removed from the cohort." });
  }
  if (intent === "add-facilitator") {
    const submission = parseWithZod(formData, { schema: AddFacilitatorSchema });
    if (submission.status !== "success") return json({ intent, result: submission.reply(), done: null }, { status: 400 });
    const eligible = await listAddableFacilitators(db, cohort.id, cohort.authorityId);
    const person = eligible.find((p) => p.userId === submission.value.userId);
    if (!person) return json({ intent, result: submission.reply({ fieldErrors: { userId: ["Choose a facilitator of this authority who is not already here."] } }), done: null }, { status: 400 });
    await addCohortMembers(db, cohort.id, [person.userId], "facilitator");
    return json({ intent, result: submission.reply({ resetForm: true }), done: `${person.name} is now a co-facilitator.` });
  }
  const submission = parseWithZod(formData, { schema: AddLeadersSchema });
  if (submission.status !== "success") return json({ intent: "add-leaders", result: submission.reply(), done: null }, { status: 400 });
  const eligible = new Map((await listAddableLeaders(db, cohort.id, cohort.authorityId)).map((p) => [p.userId, p.name]));
  const chosen = [...new Set(submission.value.userIds)];
  if (chosen.some((id) => !eligible.has(id))) {
    return json({ intent: "add-leaders", result: submission.reply({ fieldErrors: { userIds: ["Choose only school leaders of this authority who are not already in the cohort."] } }), done: null }, { status: 400 });
  }
  await addCohortMembers(db, cohort.id, chosen, "leader");
  context.services.logger.info("cohort leaders added", { cohortId: cohort.id, count: chosen.length, by: actor.userId });
  return json({ intent: "add-leaders", result: submission.reply({ resetForm: true }), done: `Added ${chosen.map((id) => eligible.get(id)).join(" and ")}.` });
}

export default function MembersPage() {
  const { cohort, isFacilitator, me, members, addable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as { intent: string; result: SubmissionResult<string[]> | null; done: string | null } | undefined;
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
                {isFacilitator ? "Add the school leaders of your authority who will meet in this cohort." : "Your facilitator adds the cohort's school leaders."}
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
            <AddLeadersForm people={addable.leaders} lastResult={actionData?.intent === "add-leaders" ? actionData.result : undefined} />
            <AddFacilitatorForm people={addable.facilitators} lastResult={actionData?.intent === "add-facilitator" ? actionData.result : undefined} />
          </div>
        ) : null}
      </div>
    </main>
  );
}

type Member = { userId: string; name: string; role: "facilitator" | "leader"; schools: string };

function MemberList({ members, removable }: { members: Member[]; removable: (m: Member) => boolean }) {
  const navigation = useNavigation();
  return (
    <ul className="divide-y divide-slate-200">
      {members.map((m) => (
        <li key={m.userId} className="flex flex-wrap items-center justify-between gap-2 py-2">
          <div>
            <p className="font-medium">{m.name}</p>
            {m.schools ? <p className="text-sm text-slate-700">{m.schools}</p> : null}
          </div>
          {removable(m) ? (
            <Form
              method="post"
              onSubmit={(e) => {
                // Taking a leader out also takes them out of the cohort's communities: ask first.
                if (m.role === "leader" && !window.confirm(`Remove ${m.name} from the cohort? They also leave its communities.`)) e.preventDefault();
              }}
            >
              <input type="hidden" name="intent" value="remove" />
              <input type="hidden" name="userId" value={m.userId} />
              <input type="hidden" name="role" value={m.role} />
              <Button type="submit" variant="danger" className="px-3 py-1" pending={navigation.formData?.get("userId") === m.userId}>
                Remove<span className="sr-only"> {m.name}</span>
              </Button>
            </Form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function AddFacilitatorForm({ people, lastResult }: { people: Array<{ userId: string; name: string }>; lastResult: SubmissionResult<string[]> | null | undefined }) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "add-facilitator",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AddFacilitatorSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <Card title="Add a co-facilitator" id="add-facilitator-heading">
      {people.length === 0 ? (
        <EmptyState title="No other facilitators to add">Your authority admin can give a colleague the facilitator role first.</EmptyState>
      ) : (
        <Form method="post" {...getFormProps(form)} className="space-y-3">
          <input type="hidden" name="intent" value="add-facilitator" />
          <ErrorList id={form.errorId} errors={form.errors} />
          <SelectField label="Facilitator" errors={fields.userId.errors} selectProps={getSelectProps(fields.userId)}>
            <option value="">Choose a facilitator</option>
            {people.map((p) => (
              <option key={p.userId} value={p.userId}>
                {p.name}
              </option>
            ))}
          </SelectField>
          <Button type="submit" variant="secondary" pending={navigation.formData?.get("intent") === "add-facilitator"}>
            Add co-facilitator
          </Button>
        </Form>
      )}
    </Card>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Members · ${data?.cohort.name ?? "Cohort"} · Commons` }];

export function ErrorBoundary() {
  return <StatusPage />;
}
