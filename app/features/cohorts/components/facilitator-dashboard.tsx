import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { Card } from "../../../components/ui/card";
import { EmptyState } from "../../../components/ui/empty-state";
import { inquiryStages, stageIndex } from "../../inquiry/inquiry-stage";
import { AttendanceChart } from "../../sessions/components/attendance-chart";
import { roundLabels, type SurveyRound } from "../../surveys/trust-survey";
import type { FacilitatorDashboard as DashboardData } from "../dashboard.server";

/** The facilitator's overview: attendance, survey rounds, practice since the last session and each community's inquiry stage. */
export function FacilitatorDashboard({
  base,
  data,
  leaderCount,
}: {
  base: string;
  data: SerializeFrom<DashboardData>;
  leaderCount: number;
}) {
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
              {logged} of {data.practice.length} leaders logged practice{" "}
              {data.lastSession ? `since ${data.lastSession.title}` : "so far"}.
            </p>
            <ul className="mt-2 grid gap-x-4 sm:grid-cols-2">
              {data.practice.map((p) => (
                <li key={p.userId} className="flex justify-between gap-2 border-b border-slate-100 py-1 text-sm">
                  <span>{p.name}</span>
                  <span className={p.logs > 0 ? "font-semibold text-green-800" : "text-slate-700"}>
                    {p.logs > 0 ? "Yes" : "No"}
                  </span>
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
    <div
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={at}
      aria-valuetext={stage}
      className="mt-1 h-2 w-full rounded bg-slate-200"
    >
      <div className="h-2 rounded bg-brand-700" style={{ width: `${(at / max) * 100}%` }} />
    </div>
  );
}
