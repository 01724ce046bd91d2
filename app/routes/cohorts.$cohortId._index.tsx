import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listCohortCommunities } from "../../db/queries/communities";
import { getNextSession } from "../../db/queries/sessions";
import { CohortHeader } from "../features/cohorts/components/cohort-nav";
import { FacilitatorDashboard } from "../features/cohorts/components/facilitator-dashboard";
import { LeaderLinks } from "../features/cohorts/components/leader-links";
import { loadFacilitatorDashboard } from "../features/cohorts/dashboard.server";
import { StatusPage } from "../components/status-page";
import { Card } from "../components/ui/card";
import { EmptyState } from "../components/ui/empty-state";
import { requireCohort } from "../features/cohorts/guard.server";
import { FormattedDate } from "../components/date-context";
import { isMeetingLink } from "../features/sessions/meeting-link";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { cohort, actor, scope, isFacilitator, isLeader } = await requireCohort(
    context,
    request,
    params.cohortId,
    "view",
  );
  const { db } = context.services;
  const [next, dashboard, communities] = await Promise.all([
    getNextSession(db, cohort.id),
    isFacilitator ? loadFacilitatorDashboard(db, cohort.id) : null,
    isLeader ? listCohortCommunities(db, cohort.id) : [],
  ]);
  const mine = communities
    .filter((c) => c.members.some((m) => m.id === actor.userId))
    .map((c) => ({ id: c.id, name: c.name }));
  return json({ cohort, next, dashboard, isLeader, leaderCount: scope.memberIds.length, myCommunities: mine });
}

export default function CohortOverview() {
  const { cohort, next, dashboard, isLeader, leaderCount, myCommunities } = useLoaderData<typeof loader>();
  const base = `/cohorts/${cohort.id}`;
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-8">
      <CohortHeader cohort={cohort} title="overview" />
      <div className="mt-6 grid gap-6 md:grid-cols-2">
        <Card title="Next session">
          {next ? (
            <>
              <Link to={`${base}/sessions/${next.id}`} className="font-semibold text-brand-700 underline">
                {next.title}
              </Link>
              <p className="text-sm text-slate-700">
                <FormattedDate value={next.startsAt} style="weekday-date-time" />
              </p>
              <p className="text-sm text-slate-700">
                {next.place ? (isMeetingLink(next.place) ? "Online" : next.place) : "Place to be confirmed"}
              </p>
            </>
          ) : (
            <EmptyState title="No session scheduled">
              {dashboard ? (
                <Link to={`${base}/sessions`} className="font-semibold text-brand-700 underline">
                  {dashboard.sessionCount === 0 ? "Schedule the first session" : "Schedule the next session"}
                </Link>
              ) : (
                "Your facilitator will schedule the next session."
              )}
            </EmptyState>
          )}
        </Card>
        {isLeader ? <LeaderLinks base={base} communities={myCommunities} /> : null}
        {dashboard ? <FacilitatorDashboard base={base} data={dashboard} leaderCount={leaderCount} /> : null}
      </div>
    </main>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.cohort.name ?? "Cohort"} · Commons` },
];

export function ErrorBoundary() {
  return <StatusPage />;
}
