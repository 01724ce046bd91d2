import type * as Y from "yjs";
import type { DocumentKind } from "../doc-names";
import { projectHmw, type HmwProjection } from "./hmw";
import { projectInquiry, type InquiryProjection } from "./inquiry";
import { projectPlaylist, type PlaylistProjection } from "./playlist";
import { projectBoard, type BoardProjection } from "./root-cause-board";

/** The fields each kind keeps in SQL for pages. Session notes have none: no page summarises them. */
export type Projections = {
  inquiry: InquiryProjection;
  "root-cause-board": BoardProjection;
  hmw: HmwProjection;
  playlist: PlaylistProjection;
};

/** The kinds of document that have a projection. */
export type ProjectedKind = keyof Projections;

/** How a kind projects a document, and the version of that shape (bump it when `project` changes: older rows are then recomputed). */
export type Projector<K extends ProjectedKind> = { version: number; project: (doc: Y.Doc) => Projections[K] };

/** Each projected kind's projector. */
export const projectors: { [K in ProjectedKind]: Projector<K> } = {
  inquiry: { version: 1, project: projectInquiry },
  "root-cause-board": { version: 1, project: projectBoard },
  hmw: { version: 1, project: projectHmw },
  playlist: { version: 1, project: projectPlaylist },
};

/** Whether documents of this kind have a projection. */
export function isProjected(kind: DocumentKind): kind is ProjectedKind {
  return Object.hasOwn(projectors, kind);
}
