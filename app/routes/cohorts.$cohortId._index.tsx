import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { roundLabels, type SurveyRound } from "../utils/trust-survey";
import { Link, useLoaderData } from "@remix-run/react";
import { listPracticeSince, listSurveyStatus } from "../../db/queries/cohort-dashboard";
import { listCohortCommunities } from "../../db/queries/communities";
import { getNextSession, listSessions } from "../../db/queries/sessions";
import { AttendanceChart } from "../components/attendance-chart";
import { CohortHeader } from "../components/cohort-nav";
import { StatusPage } from "../components/status-page";
import { Card } from "../components/ui/card";
import { EmptyState } from "../components/ui/empty-state";
import { requireCohort } from "../utils/cohort.server";
import { inquiryStages, stageIndex } from "../utils/inquiry-stage";
import { loadInquiryStages } from "../utils/inquiry-stage.server";
import { formatSessionTime, isMeetingLink } from "../utils/session-time";


/** What a facilitator sees: attendance, survey status, practice logs since the last session, inquiry stages. */
async function facilitatorDashboard(db: Parameters<typeof listSessions>[0], cohortId: string) {
  const [sessions, rounds, communities] = await Promise.all([listSessions(db, cohortId), listSurveyStatus(db, cohortId), listCohortCommunities(db, cohortId)]);
  const now = Date.now();
  const past = sessions.filter((s) => s.startsAt.getTime() <= now);
  const last = past.at(-1) ?? null;
  const [practice, stages] = await Promise.all([listPracticeSince(db, cohortId, last?.startsAt ?? null), loadInquiryStages(db, communities.map((c) => ({ id: c.id, memberIds: c.members.map((m) => m.id) })))]);
  return {
    past: past.map((s) => ({ id: s.id, title: s.title, startsAt: s.startsAt, present: s.present, recorded: s.recorded })),
    sessionCount: sessions.length,
    lastSession: last ? { title: last.title, startsAt: last.startsAt } : null,
    rounds,
    practice,
    communities: communities.map((c) => ({ id: c.id, name: c.name, members: c.members.length, stage: stages.get(c.id) ?? "Not started" })),
  };
}

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { cohort, actor, scope, isFacilitator, isLeader } = await requireCohort(context, request, params.cohortId, "view");
  const { db } = context.services;
  const [next, dashboard, communities] = await Promise.all([
    getNextSession(db, cohort.id),
    isFacilitator ? facilitatorDashboard(db, cohort.id) : null,
    isLeader ? listCohortCommunities(db, cohort.id) : [],
  ]);
  const mine = communities.filter((c) => c.members.some((m) => m.id === actor.userId)).map((c) => ({ id: c.id, name: c.name }));
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
              <p className="text-sm text-slate-700">{formatSessionTime(next.startsAt)}</p>
              <p className="text-sm text-slate-700">{next.place ? (isMeetingLink(next.place) ? "Online" : next.place) : "Place to be confirmed"}</p>
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
        {dashboard ? <Dashboard base={base} data={dashboard} leaderCount={leaderCount} /> : null}
      </div>
    </main>
  );
}

function LeaderLinks({ base, communities }: { base: string; communities: Array<{ id: string; name: string }> }) {
  return (
    <Card title="Your community and quick links">
      {communities.length === 0 ? (
        <p className="text-sm text-slate-700">Your facilitator will place you in a community of practice once everyone has named their equity challenge.</p>
      ) : (
        <ul className="space-y-1">
          {communities.map((c) => (
            <li key={c.id}>
              <Link to={`/communities/${c.id}`} className="font-semibold text-brand-700 underline">
                {c.name}: your community&apos;s inquiry
              </Link>
            </li>
          ))}
        </ul>
      )}
      <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {[
          ["sessions", "Sessions"],
          ["survey", "Trust survey"],
          ["practice", "Log between-session practice"],
          ["playlist", "Playlist"],
        ].map(([to, label]) => (
          <li key={to}>
            <Link to={`${base}/${to}`} className="text-brand-700 underline">
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}

type DashboardData = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["dashboard"]>;

function Dashboard({ base, data, leaderCount }: { base: string; data: DashboardData; leaderCount: number }) {
  const logged = data.practice.filter((p) => p.logs > 0).length;
  return (
    <>
      <Card title="Attendance">
        {data.past.length === 0 ? (
          <EmptyState title="No sessions held yet">
            {data.sessionCount === 0 ? (
              <Link to={`${base}/sessions`} className="font-semibold text-brand-700 underline">
                Schedule the first session
              </Link>
            ) : (
              "Take attendance on the session's page once it has taken place."
            )}
          </EmptyState>
        ) : (
          <AttendanceChart sessions={data.past} leaderCount={leaderCount} />
        )}
      </Card>
      <Card title="Trust survey">
        {data.rounds.length === 0 ? (
          <EmptyState title="No survey round yet">
            <Link to={`${base}/survey`} className="font-semibold text-brand-700 underline">
              Open the start-of-year round
            </Link>{" "}
            so leaders can answer it.
          </EmptyState>
        ) : (
          <ul className="space-y-1 text-sm">
            {data.rounds.map((r) => (
              <li key={r.id} className="flex justify-between gap-2">
                <span className="font-medium">{roundLabels[r.round as SurveyRound] ?? r.round}</span>
                <span>
                  {r.closedAt ? "Closed" : "Open"} · {r.responses} of {leaderCount} answered
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title="Between-session practice">
        {data.practice.length === 0 ? (
          <EmptyState title="No school leaders yet">
            <Link to={`${base}/members`} className="font-semibold text-brand-700 underline">
              Add the cohort&apos;s school leaders
            </Link>
          </EmptyState>
        ) : (
          <>
            <p className="text-sm text-slate-700">
              {logged} of {data.practice.length} leaders logged practice {data.lastSession ? `since ${data.lastSession.title}` : "so far"}.
            </p>
            <ul className="mt-2 grid gap-x-4 sm:grid-cols-2">
              {data.practice.map((p) => (
                <li key={p.userId} className="flex justify-between gap-2 border-b border-slate-100 py-1 text-sm">
                  <span>{p.name}</span>
                  <span className={p.logs > 0 ? "font-semibold text-green-800" : "text-slate-700"}>{p.logs > 0 ? "Yes" : "No"}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </Card>
      <Card title="Communities and their inquiry">
        {data.communities.length === 0 ? (
          <EmptyState title="No communities yet">
            <Link to={`${base}/communities`} className="font-semibold text-brand-700 underline">
              Group the leaders into communities
            </Link>{" "}
            by their shared equity challenge.
          </EmptyState>
        ) : (
          <ul className="space-y-3">
            {data.communities.map((c) => (
              <li key={c.id}>
                <div className="flex justify-between gap-2">
                  <Link to={`/communities/${c.id}`} className="font-semibold text-brand-700 underline">
                    {c.name}
                  </Link>
                  <span className="text-sm">{c.stage}</span>
                </div>
                <StageBar stage={c.stage} label={`${c.name}: ${c.stage}`} />
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}

/** Progress through the inquiry's steps as a meter (its text is beside it). */
function StageBar({ stage, label }: { stage: (typeof inquiryStages)[number]; label: string }) {
  const at = stageIndex(stage);
  const max = inquiryStages.length - 1;
  return (
    <div role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={max} aria-valuenow={at} aria-valuetext={stage} className="mt-1 h-2 w-full rounded bg-slate-200">
      <div className="h-2 rounded bg-brand-700" style={{ width: `${(at / max) * 100}%` }} />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.cohort.name ?? "Cohort"} · Commons` }];

export function ErrorBoundary() {
  return <StatusPage />;
}
