import type * as Y from "yjs";
import type { DocumentKind } from "../doc-names";
import { initRoom } from "./community-room";
import { initHmw } from "./hmw";
import { initInquiry } from "./inquiry";
import { initPlaylist } from "./playlist";
import { initBoard } from "./root-cause-board";
import { initSessionNotes } from "./session-notes";

/** How each kind prepares a document the first time it is opened. */
export const initDocument: Record<DocumentKind, (doc: Y.Doc) => void> = {
  inquiry: initInquiry,
  "root-cause-board": initBoard,
  hmw: initHmw,
  playlist: initPlaylist,
  "session-notes": initSessionNotes,
  "community-room": initRoom,
};
