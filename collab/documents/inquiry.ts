import * as Y from "yjs";
import { ensureSchemaVersion } from "./schema-version";

/** The group inquiry: one story and one "what I needed" per member, and notes per peer pair. */
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
  return node
    .toArray()
    .map((child) => (child instanceof Y.XmlText ? child.toString() : fragmentText(child as Y.XmlElement)))
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
