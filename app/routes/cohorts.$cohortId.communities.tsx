import { listCohortCommunities } from "../../db/queries/communities";
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { getChallenge, listGroupingCandidates, listLeadersWithChallenges } from "../../db/queries/equity";
import { CohortHeader } from "../features/cohorts/components/cohort-nav";
import { Facilitation } from "../features/communities/components/facilitation";
import { RenameForm } from "../features/communities/components/grouping-panel";
import { MyChallenge } from "../features/communities/components/my-challenge";
import { AcceptSchema, CreateSchema, MoveSchema, RenameSchema } from "../features/communities/schema";
import {
  formCohortCommunity,
  moveLeaderBetweenCommunities,
  renameCohortCommunity,
} from "../features/communities/service.server";
import type { CurrentActor } from "../features/auth/guard.server";
import { StatusPage } from "../components/status-page";
import { StatusMessage } from "../components/ui/status-message";
import { Card } from "../components/ui/card";
import { EmptyState } from "../components/ui/empty-state";
import { requireCohort } from "../features/cohorts/guard.server";
import { suggestGroupings } from "../features/communities/grouping";
import { canViewEquityChallenge } from "../kernel/permissions";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { actor, scope, cohort, isFacilitator, isLeader } = await requireCohort(context, request, params.cohortId);
  const { db } = context.services;
  const [communities, mine, leaders, candidates] = await Promise.all([
    listCohortCommunities(db, cohort.id),
    isLeader ? getChallenge(db, cohort.id, actor.userId) : null,
    isFacilitator ? listLeadersWithChallenges(db, cohort.id) : [],
    isFacilitator ? listGroupingCandidates(db, cohort.id) : [],
  ]);
  return json({
    cohort,
    isFacilitator,
    isLeader,
    myCommunityId: communities.find((c) => c.members.some((m) => m.id === actor.userId))?.id ?? null,
    myChallenge: mine ? { text: mine.text, tags: mine.tags } : null,
    communities,
    // Each leader's challenge only where the permission module allows it (facilitators).
    leaders: leaders.map((l) => ({ ...l, text: canViewEquityChallenge(actor, scope, l.id) ? l.text : null })),
    grouping: isFacilitator ? suggestGroupings(candidates) : null,
  });
}

type ActionData = {
  intent: string;
  done: string | null;
  formId?: string;
  result?: SubmissionResult<string[]>;
  target?: string | null;
  error?: string;
};

type Reply = (data: Omit<ActionData, "intent">, status?: number) => Response;
type Handler = (
  args: { services: ActionFunctionArgs["context"]["services"]; actor: CurrentActor; cohortId: string },
  formData: FormData,
  reply: Reply,
) => Promise<Response>;

// Accepting a suggestion and forming by hand are the same service, from two forms.
const form: Handler = async ({ services, actor, cohortId }, formData, reply) => {
  const accept = formData.get("intent") === "accept";
  const submission = parseWithZod(formData, { schema: accept ? AcceptSchema : CreateSchema });
  const formId = accept ? String(formData.get("formId") ?? "") : "create-community";
  if (submission.status !== "success") return reply({ done: null, formId, result: submission.reply() }, 400);
  const formed = await formCohortCommunity(services, actor, cohortId, submission.value);
  if (!formed.ok) return reply({ done: null, formId, result: submission.reply({ formErrors: [formed.error] }) }, 409);
  return reply({ formId, result: submission.reply({ resetForm: true }), done: formed.done });
};

const intents: Record<string, Handler> = {
  accept: form,
  create: form,
  async move({ services, cohortId }, formData, reply) {
    const parsed = MoveSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return reply({ done: null, target: null, error: "Choose a community." }, 400);
    const moved = await moveLeaderBetweenCommunities(services, cohortId, parsed.data);
    if (!moved.ok) return reply({ done: null, target: parsed.data.userId, error: moved.error }, 409);
    return reply({ done: "Moved." });
  },
  async rename({ services, cohortId }, formData, reply) {
    const parsed = RenameSchema.safeParse(Object.fromEntries(formData));
    const target = typeof formData.get("communityId") === "string" ? String(formData.get("communityId")) : null;
    if (!parsed.success)
      return reply({ done: null, target, error: parsed.error.issues[0]?.message ?? "Give the community a name." }, 400);
    if (!(await renameCohortCommunity(services, cohortId, parsed.data)))
      return reply({ done: null, target, error: "That community is not in this cohort." }, 404);
    return reply({ done: `Renamed to ${parsed.data.name}.` });
  },
};

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { cohort, actor } = await requireCohort(context, request, params.cohortId, "manage");
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const reply: Reply = (data, status = 200) => json<ActionData>({ intent, ...data }, { status });
  if (!Object.hasOwn(intents, intent)) return reply({ done: null }, 400);
  return intents[intent]({ services: context.services, actor, cohortId: cohort.id }, formData, reply);
}

export default function CommunitiesPage() {
  const { cohort, isFacilitator, isLeader, myCommunityId, myChallenge, communities, leaders, grouping } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errorFor = (id: string) => (actionData?.target === id ? actionData.error : undefined);
  const resultFor = (formId: string) =>
    actionData?.formId === formId ? (actionData.result as SubmissionResult<string[]>) : null;
  return (
    <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8">
      <CohortHeader cohort={cohort} title="communities" />
      <StatusMessage>{actionData?.done}</StatusMessage>
      {isLeader ? <MyChallenge cohortId={cohort.id} challenge={myChallenge} /> : null}
      <Card title={`Communities of practice (${communities.length})`} id="communities-heading">
        {communities.length === 0 ? (
          <EmptyState title="No communities yet">
            {isFacilitator
              ? "Form the first one from a suggested grouping below, or choose leaders by hand."
              : "Your facilitator forms communities from the challenges leaders name. Name yours so it can be matched."}
          </EmptyState>
        ) : (
          <ul className="grid gap-4 md:grid-cols-2">
            {communities.map((c) => (
              <li key={c.id} className="rounded-md border border-slate-300 p-4">
                <h3 className="font-semibold">
                  {c.name}
                  {c.id === myCommunityId ? (
                    <span className="ml-2 rounded bg-brand-50 px-2 py-0.5 text-xs text-brand-800">Your community</span>
                  ) : null}
                </h3>
                <p className="mt-1 text-sm text-slate-700">
                  {c.members.length
                    ? c.members.map((m) => m.name).join(", ")
                    : "No members yet: move leaders in below."}
                </p>
                {c.id === myCommunityId || isFacilitator ? (
                  <Link
                    to={`/communities/${c.id}`}
                    className="mt-2 inline-block text-sm font-semibold text-brand-700 underline"
                  >
                    Open {c.id === myCommunityId ? "your community" : c.name}
                  </Link>
                ) : null}
                {isFacilitator ? <RenameForm community={c} error={errorFor(c.id)} /> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
      {isFacilitator ? (
        <Facilitation
          leaders={leaders}
          grouping={grouping}
          communities={communities}
          errorFor={errorFor}
          resultFor={resultFor}
        />
      ) : null}
    </main>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Communities · ${data?.cohort.name ?? "Cohort"} · Commons` },
];

export function ErrorBoundary() {
  return <StatusPage />;
}
