/** The kinds of shared document, and their names on the wire: `<kind>.<id>` (id is a uuid). */
export const documentKinds = [
  "inquiry",
  "root-cause-board",
  "hmw",
  "playlist",
  "session-notes",
  "community-room",
] as const;
export type DocumentKind = (typeof documentKinds)[number];
export type DocumentName = { kind: DocumentKind; id: string; name: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Parses `<kind>.<id>`; anything else (unknown kind, bad id, extra parts) is null. */
export function parseDocumentName(name: string): DocumentName | null {
  const dot = name.indexOf(".");
  if (dot < 0) return null;
  const kind = name.slice(0, dot);
  const id = name.slice(dot + 1).toLowerCase();
  if (!(documentKinds as readonly string[]).includes(kind) || !UUID.test(id)) return null;
  return { kind: kind as DocumentKind, id, name: `${kind}.${id}` };
}

/** The wire name of a document. */
export function documentName(kind: DocumentKind, id: string): string {
  return `${kind}.${id.toLowerCase()}`;
}

/** The WebSocket path of a document (the y-websocket client appends the room to its base URL). */
export const COLLAB_PATH_PREFIX = "/collab/";
