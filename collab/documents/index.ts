import * as Y from "yjs";
import type { DocumentKind } from "../doc-names";
import { initRoom } from "./community-room";
import { initHmw } from "./hmw";
import { initInquiry } from "./inquiry";
import { initPlaylist } from "./playlist";
import { getSchemaVersion } from "./schema-version";
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

/**
 * The Yjs client id the server writes a new document's first fields under. Always the same, so
 * two servers (or one, twice) that prepare the same empty document write identical items, which
 * Yjs merges into one. With a random id, a first preparation that was never saved and a second one
 * after a reload would both set the version, and the client still holding the first would be
 * refused for "changing" it.
 */
export const SEED_CLIENT_ID = 0;

/** Prepares a document the first time it is opened (nothing if it already has content), as `origin`. */
export function seedDocument(doc: Y.Doc, kind: DocumentKind, origin: unknown = "init") {
  // Every kind's first fields are its schema version: a document that has one is prepared already.
  if (getSchemaVersion(doc) !== null) return;
  const seed = new Y.Doc();
  seed.clientID = SEED_CLIENT_ID;
  initDocument[kind](seed);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(seed), origin);
  seed.destroy();
}
