import type * as Y from "yjs";
import { listQuestions } from "./hmw";
import { inquiryText } from "./inquiry";
import { listItems } from "./playlist";
import { listNotes } from "./board-shape";
import { SESSION_NOTES_FIELD } from "./session-notes";

/** One searchable piece of a document: a note, a question, a story… (`id` says where it is in the document). */
export type SearchEntry = { id: string; text: string };

/**
 * What search keeps of a document in its projection: the pieces one by one (so a result can open
 * the board at its note) and all of them as one plain text, from which the database generates the
 * row's search vector (docs/decisions/025-search.md).
 */
export type SearchFields = { search: SearchEntry[]; searchText: string };

/** The search fields of these pieces (empty ones are left out). */
export function searchFields(entries: readonly SearchEntry[]): SearchFields {
  const search = entries.map((e) => ({ id: e.id, text: e.text.trim() })).filter((e) => e.text.length > 0);
  return { search, searchText: search.map((e) => e.text).join("\n") };
}

/** Where an inquiry's sections start: stories, reflections ("what I needed") and peer-check notes. */
const inquirySections = ["story/", "needed/", "peer-check/"];

/** An inquiry's written sections, by field. */
export function inquirySearch(doc: Y.Doc): SearchFields {
  const fields = [...doc.share.keys()].filter((f) => inquirySections.some((p) => f.startsWith(p))).sort();
  return searchFields(fields.map((id) => ({ id, text: inquiryText(doc, id) })));
}

/** A board's notes, by note id. */
export function boardSearch(doc: Y.Doc): SearchFields {
  return searchFields(listNotes(doc).map((n) => ({ id: n.id, text: n.text ?? "" })));
}

/** The "How might we…" questions, by question id. */
export function hmwSearch(doc: Y.Doc): SearchFields {
  return searchFields(listQuestions(doc).map((q) => ({ id: q.id, text: q.text ?? "" })));
}

/** A playlist's resources: title and why, by item id. */
export function playlistSearch(doc: Y.Doc): SearchFields {
  return searchFields(listItems(doc).map((i) => ({ id: i.id, text: [i.title, i.why].filter(Boolean).join(". ") })));
}

/** A session's shared notes (one piece). */
export function sessionNotesSearch(doc: Y.Doc): SearchFields {
  return searchFields([{ id: SESSION_NOTES_FIELD, text: inquiryText(doc, SESSION_NOTES_FIELD) }]);
}
