import { useMemo, useState } from "react";
import { boardRules } from "../../../../collab/documents/root-cause-board";
import type { DocActor } from "../../../../collab/documents/rules";
import type { CollabState, CollabUser } from "../../../components/collab/use-collab-document";
import { ErrorList } from "../../../components/ui/field";
import { VotingPanel } from "../../../components/voting";
import type { ColourBy } from "../note-colours";
import { AddNoteForm } from "./add-note-form";
import { BoardProvider, useBoardView } from "./board-context";
import { BoardDnd } from "./board-dnd";
import { CategoriesLayout } from "./categories-layout";
import { ColourToggle } from "./colour-toggle";
import { Countdown } from "./countdown";
import { FacilitatorControls } from "./facilitator-controls";
import { FishboneLayout } from "./fishbone-layout";
import { FiveWhysLayout } from "./five-whys-layout";
import { usePreference } from "./use-preference";

/**
 * The shared root-cause board: the facilitator's controls, the voting round, a new note, then the
 * notes laid out by the chosen template. Everything is read from the document once per change
 * (useBoardView) and every action is offered only where `boardRules` allows it.
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
  const actor = useMemo<DocActor>(
    () => ({ userId: me.id, canWrite: access === "write", isFacilitator }),
    [me.id, access, isFacilitator],
  );
  const [colourBy, setColourBy] = usePreference<ColourBy>("board-colour", "category");
  const view = useBoardView(doc, me, actor, colourBy);
  const [dragError, setDragError] = useState<string | null>(null);
  const { settings, notes, allowed } = view;
  const items = useMemo(() => notes.map((n) => ({ id: n.id, text: n.text })), [notes]);
  return (
    <BoardProvider view={view}>
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
        <VotingPanel doc={doc} me={me} actor={actor} locked={settings.locked} items={items} itemsLabel="notes" />
        <div className="flex flex-wrap items-end justify-between gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          {access === "write" ? (
            <AddNoteForm doc={doc} me={me} by={view.by} disabled={!allowed(boardRules.addNote)} />
          ) : null}
          <ColourToggle value={colourBy} onChange={setColourBy} />
        </div>
        <ErrorList errors={dragError ? [dragError] : null} />
        <BoardDnd onError={setDragError}>
          {settings.template === "fishbone" ? (
            <FishboneLayout />
          ) : settings.template === "five-whys" ? (
            <FiveWhysLayout />
          ) : (
            <CategoriesLayout />
          )}
        </BoardDnd>
      </div>
    </BoardProvider>
  );
}
