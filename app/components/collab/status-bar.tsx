import type { Presence } from "./use-collab-document";
import { initials } from "../../kernel/presence";
import type { SaveStatus } from "../../../collab/saved-state";

const labels: Record<SaveStatus, { text: string; tone: string }> = {
  connecting: { text: "Connecting…", tone: "bg-slate-100 text-slate-800" },
  saving: { text: "Saving…", tone: "bg-amber-100 text-amber-900" },
  saved: { text: "Saved", tone: "bg-green-100 text-green-900" },
  offline: { text: "Offline: your changes are kept on this device", tone: "bg-slate-200 text-slate-900" },
  "read-only": { text: "Read-only", tone: "bg-blue-100 text-blue-900" },
  closed: { text: "Disconnected", tone: "bg-red-100 text-red-900" },
};

/** The save status and who else is here. */
export function CollabStatusBar({
  status,
  peers,
  problem,
  notice = null,
}: {
  status: SaveStatus;
  peers: Presence[];
  problem: string | null;
  /** A refused change was undone (the document was opened afresh): said until the page is left. */
  notice?: string | null;
}) {
  const label = labels[status];
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-slate-200 bg-white px-3 py-2">
      <p
        role="status"
        aria-live="polite"
        data-testid="save-status"
        data-status={status}
        className={`rounded px-2 py-1 text-sm font-medium ${label.tone}`}
      >
        {label.text}
      </p>
      {problem ? (
        <p role="alert" className="text-sm text-red-800">
          {problem}
        </p>
      ) : null}
      {notice && !problem ? (
        <p role="alert" data-testid="refused-notice" className="max-w-prose text-sm text-amber-900">
          {notice}
        </p>
      ) : null}
      <div className="flex items-center gap-2">
        <span className="text-sm text-slate-700">Here now:</span>
        <ul className="flex -space-x-1" aria-label="People here now">
          {peers.map((p) => (
            <li
              key={p.user.id}
              title={p.user.name}
              className="flex h-8 w-8 items-center justify-center rounded-full border-2 border-white text-xs font-bold text-white"
              style={{ backgroundColor: p.user.color }}
            >
              <span aria-hidden="true">{initials(p.user.name)}</span>
              <span className="sr-only">{p.user.name}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** The status bar kept in view while scrolling, or a placeholder until the document is open. */
export function StickyCollabStatus({
  collab,
  opening,
}: {
  collab: { status: SaveStatus; peers: Presence[]; problem: string | null; notice?: string | null } | null;
  opening: string;
}) {
  return (
    <div className="sticky top-0 z-10 mt-4 bg-slate-50 py-2">
      {collab ? (
        <CollabStatusBar status={collab.status} peers={collab.peers} problem={collab.problem} notice={collab.notice} />
      ) : (
        <p role="status" className="text-sm text-slate-700">
          {opening}
        </p>
      )}
    </div>
  );
}
