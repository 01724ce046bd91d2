import type * as Y from "yjs";
import type { DocumentKind } from "../doc-names";
import { projectHmw, type HmwProjection } from "./hmw";
import { projectInquiry, type InquiryProjection } from "./inquiry";
import { projectPlaylist, type PlaylistProjection } from "./playlist";
import { projectBoard, type BoardProjection } from "./root-cause-board";
import {
  boardSearch,
  hmwSearch,
  inquirySearch,
  playlistSearch,
  sessionNotesSearch,
  type SearchFields,
} from "./search-text";

/**
 * The fields each kind keeps in SQL for pages, and for search its plain text (search-text.ts).
 * Session notes keep only their search text: no page summarises them.
 */
export type Projections = {
  inquiry: InquiryProjection & SearchFields;
  "root-cause-board": BoardProjection & SearchFields;
  hmw: HmwProjection & SearchFields;
  playlist: PlaylistProjection & SearchFields;
  "session-notes": SearchFields;
};

/** The kinds of document that have a projection. */
export type ProjectedKind = keyof Projections;

/** How a kind projects a document, and the version of that shape (bump it when `project` changes: older rows are then recomputed). */
export type Projector<K extends ProjectedKind> = { version: number; project: (doc: Y.Doc) => Projections[K] };

/** Each projected kind's projector. */
// Version 2 added the search text: rows of version 1 are recomputed when next read (search reads them first).
export const projectors: { [K in ProjectedKind]: Projector<K> } = {
  inquiry: { version: 2, project: (doc) => ({ ...projectInquiry(doc), ...inquirySearch(doc) }) },
  "root-cause-board": { version: 2, project: (doc) => ({ ...projectBoard(doc), ...boardSearch(doc) }) },
  hmw: { version: 2, project: (doc) => ({ ...projectHmw(doc), ...hmwSearch(doc) }) },
  playlist: { version: 2, project: (doc) => ({ ...projectPlaylist(doc), ...playlistSearch(doc) }) },
  "session-notes": { version: 1, project: sessionNotesSearch },
};

/** Whether documents of this kind have a projection. */
export function isProjected(kind: DocumentKind): kind is ProjectedKind {
  return Object.hasOwn(projectors, kind);
}
