import * as Y from "yjs";
import { ensureSchemaVersion } from "./schema-version";

/** Shared rich-text notes for one monthly session. */
export const SESSION_NOTES_SCHEMA_VERSION = 1;

/** The Tiptap collaboration field holding the notes. */
export const SESSION_NOTES_FIELD = "notes";

/** Prepares a new session-notes document. */
export function initSessionNotes(doc: Y.Doc) {
  ensureSchemaVersion(doc, SESSION_NOTES_SCHEMA_VERSION);
}

/** The rich-text fragment of the notes. */
export function sessionNotesFragment(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(SESSION_NOTES_FIELD);
}
