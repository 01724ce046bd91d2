import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { getCommunityPeople, listPeerPairs } from "../../db/queries/community-home";
import { listCommunityLinks } from "../../db/queries/plan-links";
import { PeerPairs } from "../features/communities/components/peer-pairs";
import { CommunityHeader } from "../features/communities/components/community-nav";
import { StatusPage } from "../components/status-page";
import { Card } from "../components/ui/card";
import { EmptyState } from "../components/ui/empty-state";
import { loadCommunityInquiry } from "../features/communities/home.server";
import { pairsOf, stepStatuses } from "../features/communities/community-steps";
import { requireCommunityInquiry } from "../features/communities/guard.server";
import { forbidden, invariantResponse } from "../utils/http.server";
import { canFacilitateCommunity, canViewCohort } from "../kernel/permissions";
import { PeerPairSchema, UnpairSchema } from "../features/communities/schema";
import { endPeerPair, pairPeers } from "../features/communities/service.server";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { actor, scope, community, me } = await requireCommunityInquiry({ context, request, params });
  const { db } = context.services;
  const { cohortId } = community;
  const [docs, people, pairRows, links] = await Promise.all([
    loadCommunityInquiry(db, community.id),
    getCommunityPeople(db, community.id),
    listPeerPairs(db, community.id),
    listCommunityLinks(db, community.id),
  ]);
  const pairs = pairsOf(pairRows);
  const linkedSchools = new Set(links.map((l) => l.schoolId));
  const linkedMembers = people.members.filter((m) => m.schools.some((s) => linkedSchools.has(s.id))).length;
  const question = docs.hmw.chosen?.text ?? null;
  const steps = stepStatuses({ ...docs, memberIds: people.members.map((m) => m.id), pairs, linkedMembers });
  return json({
    community: { id: community.id, name: community.name, cohortName: community.cohortName },
    me,
    question,
    steps,
    ...people,
    pairs,
    canSetPairs: canFacilitateCommunity(actor, scope),
    cohortHref: cohortId && canViewCohort(actor, scope) ? `/cohorts/${cohortId}` : null,
  });
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { actor, scope, community } = await requireCommunityInquiry({ context, request, params });
  if (!canFacilitateCommunity(actor, scope)) forbidden("Only the cohort's facilitators can set peer-check pairs.");
  const formData = await request.formData();
  if (formData.get("intent") === "unpair") {
    const parsed = UnpairSchema.safeParse({ userId: formData.get("userId") });
    invariantResponse(parsed.success, "Choose a pair to end.");
    await endPeerPair(context.services, community.id, parsed.data.userId);
    return redirect(`/communities/${community.id}`);
  }
  const submission = parseWithZod(formData, { schema: PeerPairSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const paired = await pairPeers(context.services, { id: community.id, scope }, submission.value);
  if (!paired.ok) return json(submission.reply({ fieldErrors: paired.fieldErrors }), { status: 400 });
  return json(submission.reply({ resetForm: true }));
}

export default function CommunityHome() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const base = `/communities/${data.community.id}`;
  return (
    <main id="main" className="mx-auto max-w-4xl space-y-6 px-4 py-8">
      <div>
        <CommunityHeader community={data.community} title="home" step="home" me={data.me} />
      </div>
      {data.question ? (
        <section
          aria-label="Our inquiry question"
          className="rounded-md border-2 border-green-700 bg-green-50 p-4"
          data-testid="chosen-question"
        >
          <p className="text-lg text-green-950">
            <strong>Our inquiry question:</strong> {data.question}
          </p>
        </section>
      ) : (
        <EmptyState title="No inquiry question yet">
          Draft and vote on &ldquo;How might we…&rdquo; questions in{" "}
          <Link to={`${base}/questions`} className="text-brand-700 underline">
            step 5
          </Link>
          , then choose the one that anchors your year.
        </EmptyState>
      )}
      <Card title="Our inquiry, step by step" id="steps-heading">
        <ol className="space-y-2">
          {data.steps.map((s) => (
            <li
              key={s.number}
              className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-100 pb-2 last:border-0"
            >
              <Link to={`${base}/${s.path}`} className="font-medium text-brand-700 underline">
                {s.number}. {s.title}
              </Link>
              <span className="text-sm text-slate-700">{s.status}</span>
            </li>
          ))}
        </ol>
      </Card>
      <Card title="Members" id="members-heading">
        {data.members.length === 0 ? (
          <EmptyState title="No members yet">
            The facilitator adds school leaders to this community from the cohort&apos;s groupings.
          </EmptyState>
        ) : (
          <ul className="space-y-1">
            {data.members.map((m) => (
              <li key={m.id}>
                <span className="font-medium">{m.name}</span>
                {m.schools.length ? (
                  <span className="text-slate-700"> · {m.schools.map((s) => s.name).join(", ")}</span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        <p className="mt-3 text-sm text-slate-700">
          Facilitated by {data.facilitators.length ? data.facilitators.map((f) => f.name).join(", ") : "no one yet"}.
        </p>
      </Card>
      <PeerPairs
        members={data.members}
        pairs={data.pairs}
        meId={data.me.id}
        canSetPairs={data.canSetPairs}
        lastResult={lastResult}
      />
      <nav aria-label="More for this community" className="flex flex-wrap gap-4">
        <Link to={`${base}/playlist`} className="font-semibold text-brand-700 underline">
          Our playlist
        </Link>
        {data.cohortHref ? (
          <Link to={data.cohortHref} className="font-semibold text-brand-700 underline">
            The cohort
          </Link>
        ) : null}
      </nav>
    </main>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.community.name ?? "Community"} · Commons` },
];

export function ErrorBoundary() {
  return <StatusPage />;
}
