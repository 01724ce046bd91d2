import type { DocumentKind } from "../doc-names";
import { boardGuard } from "./board-guard";
import type { DocGuard } from "./guard-kit";
import { hmwGuard } from "./hmw-guard";
import { inquiryGuard } from "./inquiry-guard";
import { playlistGuard } from "./playlist-guard";
import { roomGuard, sessionNotesGuard } from "./room-and-notes-guards";

/** Each kind's write rules, checked by the collaboration server on every update (docs/decisions/024). */
export const documentGuards: Record<DocumentKind, DocGuard> = {
  inquiry: inquiryGuard,
  "root-cause-board": boardGuard,
  hmw: hmwGuard,
  playlist: playlistGuard,
  "session-notes": sessionNotesGuard,
  "community-room": roomGuard,
};
