import { boardCategories, getBoardSettings, listNotes, votesUsed } from "../../../../collab/documents/root-cause-board";
import type { CollabState, CollabUser } from "../../../components/collab/use-collab-document";
import { AddNoteForm } from "./add-note-form";
import { Countdown } from "./countdown";
import { FacilitatorControls } from "./facilitator-controls";
import { BoardColumn } from "./board-column";

/**
 * The shared root-cause board. It reads everything from the document on each render; the collab
 * hook hands over a new state on every document update, so remote changes appear at once.
 */
export function RootCauseBoard({
  collab,
  me,
  access,
  isFacilitator,
}: {
  collab: CollabState;
  me: CollabUser;
  access: "read" | "write";
  isFacilitator: boolean;
}) {
  const { doc } = collab;
  const settings = getBoardSettings(doc);
  const notes = listNotes(doc);
  const canWrite = access === "write";
  const canEdit = canWrite && !settings.locked;
  const used = votesUsed(doc, me.id);
  const left = Math.max(0, settings.voteBudget - used);
  return (
    <div className="mt-4 space-y-4">
      {settings.locked ? (
        <p
          className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 font-medium text-amber-950"
          data-testid="locked-notice"
        >
          The facilitator has locked the board.
        </p>
      ) : null}
      {settings.timerEndsAt !== null ? <Countdown endsAt={settings.timerEndsAt} /> : null}
      {isFacilitator ? <FacilitatorControls doc={doc} settings={settings} /> : null}
      {canWrite ? (
        <div className="flex flex-wrap items-end justify-between gap-4 rounded-md border border-slate-200 bg-white p-4">
          <AddNoteForm doc={doc} me={me} disabled={!canEdit} />
          <p className="text-sm font-medium text-slate-800" data-testid="dots-left">
            You have {left} of {settings.voteBudget} dots left
          </p>
        </div>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-5">
        {boardCategories.map((category) => (
          <BoardColumn
            key={category}
            doc={doc}
            me={me}
            category={category}
            notes={notes.filter((n) => n.category === category)}
            canWrite={canWrite}
            canEdit={canEdit}
            canDeleteAny={isFacilitator}
            dotsLeft={left}
          />
        ))}
      </div>
    </div>
  );
}
