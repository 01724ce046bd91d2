import { FormattedDate, useDateContext } from "../../../components/date-context";
import { formatInstant } from "../../../kernel/dates";

export type LogView = {
  id: string;
  authorId: string;
  authorName: string;
  sharedWithUserId: string | null;
  sharedWithName: string | null;
  learningApplied: string;
  insight: string;
  createdAt: string;
  sessionTitle: string | null;
  sessionStartsAt: string | null;
};

/** One between-session log; its id is the target of the peer's notification link. */
export function LogCard({ log, meId }: { log: LogView; meId: string }) {
  const author = log.authorId === meId ? "You" : log.authorName;
  const dates = useDateContext();
  const peer = log.sharedWithUserId === meId ? "you" : (log.sharedWithName ?? "a colleague who has left");
  return (
    <li
      id={`log-${log.id}`}
      className="scroll-mt-24 rounded-lg border border-slate-200 bg-white p-4 shadow-sm target:ring-2 target:ring-brand-600"
    >
      <p className="text-sm text-slate-700">
        <strong className="text-slate-900">{author}</strong> shared this with{" "}
        <strong className="text-slate-900">{peer}</strong> on <FormattedDate value={log.createdAt} style="date" />
      </p>
      <dl className="mt-2 space-y-2">
        <div>
          <dt className="text-sm font-semibold text-slate-800">Learning applied</dt>
          <dd className="whitespace-pre-wrap text-slate-900">{log.learningApplied}</dd>
        </div>
        <div>
          <dt className="text-sm font-semibold text-slate-800">Insight captured</dt>
          <dd className="whitespace-pre-wrap text-slate-900">{log.insight}</dd>
        </div>
      </dl>
      <p className="mt-2 text-xs text-slate-600">
        {log.sessionTitle && log.sessionStartsAt
          ? `For discussion at ${log.sessionTitle}, ${formatInstant(log.sessionStartsAt, "date", dates)}`
          : "No next session was scheduled when this was logged."}
      </p>
    </li>
  );
}
