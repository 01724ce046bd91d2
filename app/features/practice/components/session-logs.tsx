import { Link } from "@remix-run/react";
import { EmptyState } from "../../../components/ui/empty-state";

type Log = { id: string; authorName: string; learningApplied: string; insight: string; sharedWithName: string | null };

/** A session's between-session practice logs (those this person may read). */
export function PracticeLogs({ cohortId, logs }: { cohortId: string; logs: Log[] }) {
  return (
    <section aria-labelledby="logs-heading" className="mt-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="logs-heading" className="text-lg font-semibold">
        Between-session practice logs
      </h2>
      {logs.length === 0 ? (
        <div className="mt-3">
          <EmptyState title="No practice logged for this session yet">
            Leaders log the learning they applied, the insight they captured and who they shared it with under{" "}
            <Link to={`/cohorts/${cohortId}/practice`} className="font-semibold text-brand-700 underline">
              Between sessions
            </Link>
            .
          </EmptyState>
        </div>
      ) : (
        <ul className="mt-3 divide-y divide-slate-200">
          {logs.map((log) => (
            <li key={log.id} className="py-3">
              <p className="font-medium">{log.authorName}</p>
              <dl className="mt-1 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
                <dt className="text-slate-700">Learning applied</dt>
                <dd>{log.learningApplied}</dd>
                <dt className="text-slate-700">Insight</dt>
                <dd>{log.insight}</dd>
                <dt className="text-slate-700">Shared with</dt>
                <dd>{log.sharedWithName ?? "Not shared yet"}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
