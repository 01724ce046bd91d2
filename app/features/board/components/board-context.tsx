import { createContext, useContext, useMemo } from "react";
import type * as Y from "yjs";
import {
  getBoardSettings,
  listClusters,
  listNotes,
  shownDots,
  type BoardSettings,
  type ChangeBy,
  type NoteCluster,
  type StickyNote,
} from "../../../../collab/documents/root-cause-board";
import { may, type DocActor, type Rule } from "../../../../collab/documents/rules";
import { dotsLeft, myDotsOn, openRound, type VotingRound } from "../../../../collab/documents/voting-rounds";
import type { CollabUser } from "../../../components/collab/use-collab-document";
import type { ColourBy } from "../note-colours";
import { useDocVersion } from "./use-doc-version";

/**
 * What every note needs that is the same for all notes. It changes only when the person, the lock,
 * the colour choice, the open round or the groups change, so a note card (memoised) is drawn again
 * only when its own note, dots or this changes: a move of one note redraws one or two notes, not 200.
 */
export type NoteEnv = {
  doc: Y.Doc;
  me: CollabUser;
  actor: DocActor;
  locked: boolean;
  /** The open voting round (its counts stay hidden), or null. */
  round: VotingRound | null;
  clusters: NoteCluster[];
  colourBy: ColourBy;
  /** Passed to the model so a facilitator may still tidy a locked board (as the rules say). */
  by: ChangeBy;
  /** Whether this person may take this action now (`may` with the board's lock and an item's author). */
  allowed: (rule: Rule, authorId?: string) => boolean;
};

/** Everything the parts of the board read, derived once per change to the document. */
export type BoardView = NoteEnv & {
  settings: BoardSettings;
  notes: StickyNote[];
  /** Dots to show on each note: the latest revealed round's, or a board's first dots; none while a round is open. */
  dots: Map<string, number> | null;
  /** Per note, what of the open round a note shows (my dots on it, dots I have left), so it redraws when they change. */
  voteStamp: (noteId: string) => string;
};

/** Reads the board from the document once per change (not on every presence update). */
export function useBoardView(doc: Y.Doc, me: CollabUser, actor: DocActor, colourBy: ColourBy): BoardView {
  const version = useDocVersion(doc);
  const derived = useMemo(() => {
    const round = openRound(doc);
    return {
      settings: getBoardSettings(doc),
      notes: listNotes(doc),
      clusters: listClusters(doc),
      round,
      dots: round ? null : shownDots(doc),
      left: round ? dotsLeft(doc, round.id, me.id) : 0,
    };
    // `version` is the document's change counter: the lists are read again when it changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc, me.id, version]);
  const { settings, round, clusters } = derived;
  const clustersKey = clusters.map((c) => `${c.id}:${c.name}:${c.category}`).join("|");
  const roundKey = round ? `${round.id}:${round.endsAt}` : "";
  const env = useMemo<NoteEnv>(
    () => ({
      doc,
      me,
      actor,
      locked: settings.locked,
      round,
      clusters,
      colourBy,
      by: { facilitator: actor.isFacilitator },
      allowed: (rule, authorId) => may(actor, rule, { authorId, locked: settings.locked }),
    }),
    // Keyed by what a note shows, not by object identity (the lists are new after every change).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [doc, me, actor, settings.locked, roundKey, clustersKey, colourBy],
  );
  return useMemo(
    () => ({
      ...env,
      settings,
      notes: derived.notes,
      dots: derived.dots,
      voteStamp: (noteId: string) => (round ? `${derived.left}:${myDotsOn(doc, round.id, noteId, me.id)}` : ""),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [env, derived],
  );
}

const BoardContext = createContext<BoardView | null>(null);
const NoteEnvContext = createContext<NoteEnv | null>(null);

/** Provides the board's view to its panels and the stable part of it to its notes. */
export function BoardProvider({ view, children }: { view: BoardView; children: React.ReactNode }) {
  const env = useNoteEnvOf(view);
  return (
    <BoardContext.Provider value={view}>
      <NoteEnvContext.Provider value={env}>{children}</NoteEnvContext.Provider>
    </BoardContext.Provider>
  );
}

/** The NoteEnv part of the view, the same object while its parts are the same. */
function useNoteEnvOf(view: BoardView): NoteEnv {
  const { doc, me, actor, locked, round, clusters, colourBy, by, allowed } = view;
  return useMemo(
    () => ({ doc, me, actor, locked, round, clusters, colourBy, by, allowed }),
    [doc, me, actor, locked, round, clusters, colourBy, by, allowed],
  );
}

/** The board's view, inside RootCauseBoard (panels and layouts: they redraw on every change). */
export function useBoard(): BoardView {
  const view = useContext(BoardContext);
  if (!view) throw new Error("useBoard is used outside the board.");
  return view;
}

/** What a note needs of the board (stable between changes that do not concern notes). */
export function useNoteEnv(): NoteEnv {
  const env = useContext(NoteEnvContext);
  if (!env) throw new Error("useNoteEnv is used outside the board.");
  return env;
}
