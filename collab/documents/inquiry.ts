import * as Y from "yjs";
import { ensureSchemaVersion, newItemId } from "./schema-version";

/**
 * The group inquiry: one story and one "what I needed" per member, notes per peer pair, and inline
 * comments on the sections (added in version 1 without a migration: older documents have none).
 */
export const INQUIRY_SCHEMA_VERSION = 1;

/** The rich-text sections of an inquiry; each is a Tiptap collaboration field. */
export const inquiryFields = {
  /** A member's story of an equity challenge they could not address. */
  story: (userId: string) => `story/${userId}`,
  /** A member's reflection: what did I need that I did not have? */
  needed: (userId: string) => `needed/${userId}`,
  /** The notes of a peer assumption check between two members (order-independent). */
  peerCheck: (userIdA: string, userIdB: string) => `peer-check/${[userIdA, userIdB].sort().join("+")}`,
};

/** Every section's name starts with one of these (the comments live in a map of their own). */
const sectionPrefixes = ["story/", "needed/", "peer-check/"];

/** What pages need of an inquiry: the length of each written section's trimmed text, by field (never the text). */
export type InquiryProjection = { sections: Record<string, number> };

/** Projects an inquiry for pages (the collaboration server stores it after each save). */
export function projectInquiry(doc: Y.Doc): InquiryProjection {
  const sections: Record<string, number> = {};
  for (const field of doc.share.keys()) {
    if (!sectionPrefixes.some((prefix) => field.startsWith(prefix))) continue;
    const length = inquiryText(doc, field).trim().length;
    if (length > 0) sections[field] = length;
  }
  return { sections };
}

/** Whether a section holds any text, by the projection. */
export function sectionWritten(projection: InquiryProjection, field: string): boolean {
  return (projection.sections[field] ?? 0) > 0;
}

/** Prepares a new inquiry document. */
export function initInquiry(doc: Y.Doc) {
  ensureSchemaVersion(doc, INQUIRY_SCHEMA_VERSION);
}

/** The rich-text fragment behind a field (what Tiptap edits). */
export function inquiryFragment(doc: Y.Doc, field: string): Y.XmlFragment {
  return doc.getXmlFragment(field);
}

/** The plain text of a section, for search and summaries. */
export function inquiryText(doc: Y.Doc, field: string): string {
  return fragmentText(doc.getXmlFragment(field));
}

function fragmentText(node: Y.XmlFragment | Y.XmlElement): string {
  // Only text and elements count: a modified client can put other content in a section (ADR 024, limits).
  return node
    .toArray()
    .map((child) =>
      child instanceof Y.XmlText ? child.toString() : child instanceof Y.XmlElement ? fragmentText(child) : "",
    )
    .join(node instanceof Y.XmlElement ? "" : "\n");
}

/** Writes plain paragraphs into an empty section (seeding and tests; people type in Tiptap). */
export function writeParagraphs(doc: Y.Doc, field: string, paragraphs: string[]) {
  const fragment = doc.getXmlFragment(field);
  doc.transact(() => {
    for (const text of paragraphs) {
      const p = new Y.XmlElement("paragraph");
      p.insert(0, [new Y.XmlText(text)]);
      fragment.push([p]);
    }
  });
}

/* ---------- inline comments ---------- */

/** Where a comment sits: Yjs relative positions (as JSON) of the first and last quoted characters. */
export type CommentAnchor = { start: unknown; end: unknown };

/** A comment on a passage of a section. */
export type InquiryComment = {
  id: string;
  field: string;
  authorId: string;
  authorName: string;
  text: string;
  /** ISO time. */
  createdAt: string;
  resolved: boolean;
  anchor: CommentAnchor;
  /** The passage as it was when the comment was made. */
  quote: string;
};

/** The longest comment, in characters. */
export const MAX_COMMENT_LENGTH = 1000;
const MAX_QUOTE_LENGTH = 500;

const commentsMap = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>("comments");

/** Why a comment's text cannot be saved, or null when it can. */
export function commentTextError(text: string): string | null {
  const length = text.trim().length;
  if (length === 0) return "Write a comment first.";
  if (length > MAX_COMMENT_LENGTH)
    return `A comment can be at most ${MAX_COMMENT_LENGTH} characters (this one has ${length}).`;
  return null;
}

/** Adds a comment on a passage; throws a RangeError when the text is empty or too long. Returns its id. */
export function addComment(
  doc: Y.Doc,
  input: {
    field: string;
    authorId: string;
    authorName: string;
    text: string;
    anchor: CommentAnchor;
    quote: string;
    now?: Date;
  },
): string {
  const error = commentTextError(input.text);
  if (error) throw new RangeError(error);
  const id = newItemId();
  const quote = input.quote.length > MAX_QUOTE_LENGTH ? `${input.quote.slice(0, MAX_QUOTE_LENGTH - 1)}…` : input.quote;
  const map = new Y.Map<unknown>();
  doc.transact(() => {
    map.set("id", id);
    map.set("field", input.field);
    map.set("authorId", input.authorId);
    map.set("authorName", input.authorName);
    map.set("text", input.text.trim());
    map.set("createdAt", (input.now ?? new Date()).toISOString());
    map.set("resolved", false);
    map.set("anchor", input.anchor);
    map.set("quote", quote);
    commentsMap(doc).set(id, map);
  });
  return id;
}

function readComment(map: Y.Map<unknown>): InquiryComment {
  return {
    id: map.get("id") as string,
    field: map.get("field") as string,
    authorId: map.get("authorId") as string,
    authorName: (map.get("authorName") as string) ?? "",
    text: map.get("text") as string,
    createdAt: map.get("createdAt") as string,
    resolved: map.get("resolved") === true,
    anchor: map.get("anchor") as CommentAnchor,
    quote: (map.get("quote") as string) ?? "",
  };
}

/** A section's comments, oldest first (ties broken by id, so every replica agrees). */
export function listComments(doc: Y.Doc, field: string): InquiryComment[] {
  return [...commentsMap(doc).values()]
    .map(readComment)
    .filter((c) => c.field === field)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Marks a comment as dealt with (it stays, collapsed). */
export function resolveComment(doc: Y.Doc, id: string) {
  commentsMap(doc).get(id)?.set("resolved", true);
}

/** Opens a resolved comment again. */
export function reopenComment(doc: Y.Doc, id: string) {
  commentsMap(doc).get(id)?.set("resolved", false);
}

/** Removes a comment for good (the UI offers this to its author only). */
export function deleteComment(doc: Y.Doc, id: string) {
  commentsMap(doc).delete(id);
}

/** Calls `listener` whenever any comment is added, changed or removed; returns the unsubscribe. */
export function onCommentsChange(doc: Y.Doc, listener: () => void): () => void {
  const map = commentsMap(doc);
  map.observeDeep(listener);
  return () => map.unobserveDeep(listener);
}

/*
 * Anchors are exchanged with the editor as text offsets: the count of characters before a point,
 * over the section's text in document order (element boundaries count nothing). Tiptap's document
 * and the Yjs fragment hold the same characters, so an offset means the same place in both.
 */

type TextRun = { text: Y.XmlText; start: number; length: number };

function textRuns(fragment: Y.XmlFragment): TextRun[] {
  const runs: TextRun[] = [];
  let offset = 0;
  const walk = (node: Y.XmlFragment | Y.XmlElement) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) {
        runs.push({ text: child, start: offset, length: child.length });
        offset += child.length;
      } else if (child instanceof Y.XmlElement) walk(child);
    }
  };
  walk(fragment);
  return runs;
}

/**
 * The anchor of the passage between two text offsets, or null when it is empty or out of range.
 * The start sticks to the first quoted character and the end to the last, so text typed just
 * before or just after the passage stays outside it.
 */
export function commentAnchor(doc: Y.Doc, field: string, from: number, to: number): CommentAnchor | null {
  if (!(from < to)) return null;
  const runs = textRuns(doc.getXmlFragment(field));
  const first = runs.find((r) => r.start <= from && from < r.start + r.length);
  const last = runs.find((r) => r.start < to && to <= r.start + r.length);
  if (!first || !last) return null;
  return {
    start: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(first.text, from - first.start, 0)),
    end: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(last.text, to - last.start, -1)),
  };
}

/**
 * Where a comment's passage is now, as text offsets, or null when the passage has been deleted
 * (then the comment stays listed without a highlight).
 */
export function commentRange(
  doc: Y.Doc,
  comment: Pick<InquiryComment, "field" | "anchor">,
): { from: number; to: number } | null {
  const runs = textRuns(doc.getXmlFragment(comment.field));
  const offsetOf = (json: unknown): number | null => {
    if (!json || typeof json !== "object") return null;
    const position = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(json), doc);
    const run = position && runs.find((r) => r.text === position.type);
    return run ? run.start + position.index : null;
  };
  const from = offsetOf(comment.anchor?.start);
  const to = offsetOf(comment.anchor?.end);
  return from !== null && to !== null && from < to ? { from, to } : null;
}
