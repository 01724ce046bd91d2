import { listCohortCommunities } from "../../db/queries/communities";
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import {
  formCommunity,
  getChallenge,
  listGroupingCandidates,
  listLeadersWithChallenges,
  moveLeader,
  renameCommunity,
  type GroupingError,
} from "../../db/queries/equity";
import { CohortHeader } from "../components/cohort-nav";
import { AcceptSchema, CreateCommunityForm, CreateSchema, MoveForm, MoveSchema, RenameForm, RenameSchema, SuggestionCard } from "../components/grouping-panel";
import { StatusPage } from "../components/status-page";
import { Card } from "../components/ui/card";
import { EmptyState } from "../components/ui/empty-state";
import { requireCohort } from "../utils/cohort.server";
import { MAX_GROUP, MIN_GROUP, suggestGroupings } from "../utils/grouping";
import { canViewEquityChallenge } from "../utils/permissions";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { actor, scope, cohort, isFacilitator, isLeader } = await requireCohort(context, request, params.cohortId, "view");
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

function describe(error: GroupingError): string {
  if (error.kind === "already-placed") {
    const who = error.people.map((p) => `${p.userName} (in ${p.communityName})`).join(", ");
    return `A leader can be in only one community of a cohort: ${who} already ${error.people.length === 1 ? "is" : "are"} in one. Move them instead.`;
  }
  if (error.kind === "full") return `${error.communityName} already has ${MAX_GROUP} leaders, the most a community can have.`;
  if (error.kind === "no-community") return "That community is not in this cohort.";
  return "Only the school leaders of this cohort can be in its communities.";
}

type ActionData = { intent: string; done: string | null; formId?: string; result?: SubmissionResult<string[]>; target?: string | null; error?: string };

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { cohort, actor } = await requireCohort(context, request, params.cohortId, "manage");
  const { db, logger } = context.services;
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const reply = (data: Omit<ActionData, "intent">, status = 200) => json<ActionData>({ intent, ...data }, { status });
  const fail = (data: Omit<ActionData, "intent" | "done">, status = 400) => reply({ done: null, ...data }, status);

  if (intent === "accept" || intent === "create") {
    const submission = parseWithZod(formData, { schema: intent === "accept" ? AcceptSchema : CreateSchema });
    const formId = intent === "accept" ? String(formData.get("formId") ?? "") : "create-community";
    if (submission.status !== "success") return fail({ formId, result: submission.reply() });
    const formed = await formCommunity(db, { cohortId: cohort.id, name: submission.value.name, memberIds: submission.value.memberIds });
    if (!formed.ok) return fail({ formId, result: submission.reply({ formErrors: [describe(formed.error)] }) }, 409);
    logger.info("community formed", { cohortId: cohort.id, communityId: formed.communityId, by: actor.userId });
    return reply({ formId, result: submission.reply({ resetForm: true }), done: `${submission.value.name} is formed.` });
  }
  if (intent === "move") {
    const parsed = MoveSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return fail({ target: null, error: "Choose a community." });
    const moved = await moveLeader(db, { cohortId: cohort.id, userId: parsed.data.userId, communityId: parsed.data.communityId || null, maxMembers: MAX_GROUP });
    if (!moved.ok) return fail({ target: parsed.data.userId, error: describe(moved.error) }, 409);
    return reply({ done: "Moved." });
  }
  if (intent === "rename") {
    const parsed = RenameSchema.safeParse(Object.fromEntries(formData));
    const target = typeof formData.get("communityId") === "string" ? String(formData.get("communityId")) : null;
    if (!parsed.success) return fail({ target, error: parsed.error.issues[0]?.message ?? "Give the community a name." });
    if (!(await renameCommunity(db, { cohortId: cohort.id, communityId: parsed.data.communityId, name: parsed.data.name }))) {
      return fail({ target, error: "That community is not in this cohort." }, 404);
    }
    return reply({ done: `Renamed to ${parsed.data.name}.` });
  }
  return fail({});
}

export default function CommunitiesPage() {
  const { cohort, isFacilitator, isLeader, myCommunityId, myChallenge, communities } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errorFor = (id: string) => (actionData?.target === id ? actionData.error : undefined);
  return (
    <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8">
      <CohortHeader cohort={cohort} title="communities" />
      {actionData?.done ? (
        <p role="status" className="rounded bg-brand-50 p-3 text-sm text-brand-800">
          {actionData.done}
        </p>
      ) : null}
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
                  {c.id === myCommunityId ? <span className="ml-2 rounded bg-brand-50 px-2 py-0.5 text-xs text-brand-800">Your community</span> : null}
                </h3>
                <p className="mt-1 text-sm text-slate-700">{c.members.length ? c.members.map((m) => m.name).join(", ") : "No members yet: move leaders in below."}</p>
                {c.id === myCommunityId || isFacilitator ? (
                  <Link to={`/communities/${c.id}`} className="mt-2 inline-block text-sm font-semibold text-brand-700 underline">
                    Open {c.id === myCommunityId ? "your community" : c.name}
                  </Link>
                ) : null}
                {isFacilitator ? <RenameForm community={c} error={errorFor(c.id)} /> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
      {isFacilitator ? <Facilitation errorFor={errorFor} /> : null}
    </main>
  );
}

function MyChallenge({ cohortId, challenge }: { cohortId: string; challenge: { text: string; tags: string[] } | null }) {
  return (
    <Card title="My equity challenge" id="my-challenge-heading">
      {challenge ? (
        <>
          <p className="text-sm">{challenge.text}</p>
          {challenge.tags.length ? <p className="mt-1 text-sm text-slate-700">Tags: {challenge.tags.join(", ")}</p> : null}
        </>
      ) : (
        <p className="text-sm text-slate-700">You have not named your equity challenge yet. Your facilitator uses it to suggest who you work with.</p>
      )}
      <Link to={`/cohorts/${cohortId}/challenge`} className="mt-2 inline-block text-sm font-semibold text-brand-700 underline">
        {challenge ? "Change my challenge" : "Name my challenge"}
      </Link>
    </Card>
  );
}

/** The facilitator's part: suggestions, every leader's challenge and community, and forming by hand. */
function Facilitation({ errorFor }: { errorFor: (id: string) => string | undefined }) {
  const { leaders, grouping, communities } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const resultFor = (formId: string) => (actionData?.formId === formId ? (actionData.result as SubmissionResult<string[]>) : null);
  const unplacedLeaders = leaders.filter((l) => !l.communityId);
  return (
    <>
      <Card title="Suggested groupings" id="suggestions-heading">
        <p className="mb-3 text-sm text-slate-700">
          From the tags and words that leaders without a community share in their challenges, {MIN_GROUP} to {MAX_GROUP} to a group. Change a name
          before you create it, or form groups by hand below.
        </p>
        {grouping && grouping.suggestions.length ? (
          <ol className="space-y-3">
            {grouping.suggestions.map((s, i) => (
              <SuggestionCard key={s.memberIds.join()} suggestion={s} index={i} lastResult={resultFor(`accept-${i}`)} />
            ))}
          </ol>
        ) : (
          <EmptyState title="No suggestions right now">
            Suggestions appear when at least {MIN_GROUP} leaders without a community have named their challenge. Ask leaders to name theirs, or form
            a community by hand below.
          </EmptyState>
        )}
        {grouping?.unplaced.length ? (
          <p className="mt-3 text-sm text-slate-700">Not placed in a suggestion: {grouping.unplaced.map((c) => c.name).join(", ")}. Place them by hand.</p>
        ) : null}
      </Card>
      <Card title="Leaders and their challenges" id="leaders-heading">
        {leaders.length === 0 ? (
          <EmptyState title="No leaders in this cohort yet">Add school leaders to the cohort on its Members page.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-200">
            {leaders.map((l) => (
              <li key={l.id} className="grid gap-2 py-3 md:grid-cols-[1fr_2fr_auto]">
                <p className="font-semibold">{l.name}</p>
                <div className="text-sm">
                  {l.text ? (
                    <>
                      <p>{l.text}</p>
                      {l.tags?.length ? <p className="text-slate-700">Tags: {l.tags.join(", ")}</p> : null}
                    </>
                  ) : (
                    <p className="italic text-slate-700">Has not named a challenge yet.</p>
                  )}
                </div>
                <MoveForm leader={l} communities={communities} error={errorFor(l.id)} />
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title="Form a community by hand" id="create-heading">
        {unplacedLeaders.length ? (
          <CreateCommunityForm leaders={unplacedLeaders} lastResult={resultFor("create-community")} />
        ) : (
          <EmptyState title="Every leader is in a community">Move a leader with the Community select above to change a group.</EmptyState>
        )}
      </Card>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Communities · ${data?.cohort.name ?? "Cohort"} · Commons` }];

export function ErrorBoundary() {
  return <StatusPage />;
}
