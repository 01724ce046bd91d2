/**
 * Each kind's projection holds exactly what the pages read: story lengths, the board's categories
 * and dots, the questions and the chosen one, the playlist's items. Never a note's words in the
 * page fields: the words are kept only in the search fields the registered projectors add (search-text.test.ts).
 */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addQuestion, chooseQuestion, initHmw, projectHmw } from "./hmw";
import {
  addComment,
  commentAnchor,
  inquiryFields,
  initInquiry,
  projectInquiry,
  sectionWritten,
  writeParagraphs,
} from "./inquiry";
import { addItem, initPlaylist, moveItem, projectPlaylist } from "./playlist";
import { isProjected, projectors } from "./projections";
import { addNote, initBoard, moveNote, projectBoard, vote } from "./root-cause-board";

/** The document as a page would rebuild it from the stored log. */
const reloaded = (doc: Y.Doc) => {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
};

describe("document projections", () => {
  it("inquiry: the trimmed length of each written section, and nothing of blank ones or comments", () => {
    const doc = new Y.Doc();
    initInquiry(doc);
    writeParagraphs(doc, inquiryFields.story("ada"), ["  Half empty.  "]);
    writeParagraphs(doc, inquiryFields.story("ben"), ["   "]);
    writeParagraphs(doc, inquiryFields.needed("ben"), ["Time"]);
    writeParagraphs(doc, inquiryFields.peerCheck("ben", "ada"), ["Why?"]);
    addComment(doc, {
      field: inquiryFields.story("ada"),
      authorId: "ben",
      authorName: "Ben",
      text: "Which evening?",
      anchor: commentAnchor(doc, inquiryFields.story("ada"), 2, 6)!,
      quote: "Half",
    });
    const projection = projectInquiry(reloaded(doc));
    expect(projection).toEqual({
      sections: {
        [inquiryFields.story("ada")]: 11,
        [inquiryFields.needed("ben")]: 4,
        [inquiryFields.peerCheck("ada", "ben")]: 4,
      },
    });
    expect(sectionWritten(projection, inquiryFields.story("ada"))).toBe(true);
    expect(sectionWritten(projection, inquiryFields.story("ben"))).toBe(false);
    expect(JSON.stringify(projection)).not.toContain("Half");
  });

  it("board: each note's category and dots, never its text", () => {
    const doc = new Y.Doc();
    initBoard(doc);
    const a = addNote(doc, { text: "No calling policy", authorId: "ada", authorName: "Ada" });
    const b = addNote(doc, { text: "Letters in English only", authorId: "ben", authorName: "Ben" });
    moveNote(doc, b, "skills");
    vote(doc, b, "ada");
    vote(doc, b, "ben");
    vote(doc, a, "ben");
    // Notes of different categories may share an order number: compare them by category.
    const notes = projectBoard(reloaded(doc)).notes.sort((x, y) => x.category.localeCompare(y.category));
    expect(notes).toEqual([
      { id: b, category: "skills", votes: 2 },
      { id: a, category: "unsorted", votes: 1 },
    ]);
    expect(JSON.stringify(projectBoard(doc))).not.toContain("English");
    expect(projectBoard(new Y.Doc())).toEqual({ notes: [] });
  });

  it("hmw: how many questions, and the chosen one", () => {
    const doc = new Y.Doc();
    initHmw(doc);
    expect(projectHmw(doc)).toEqual({ questions: 0, chosen: null });
    addQuestion(doc, { text: "How might we share the calendar?", authorId: "ada", authorName: "Ada" });
    const chosen = addQuestion(doc, {
      text: "How might we meet families where they are?",
      authorId: "ben",
      authorName: "Ben",
    });
    chooseQuestion(doc, chosen);
    expect(projectHmw(reloaded(doc))).toEqual({
      questions: 2,
      chosen: { id: chosen, text: "How might we meet families where they are?" },
    });
  });

  it("playlist: the items in playlist order", () => {
    const doc = new Y.Doc();
    initPlaylist(doc);
    const item = {
      url: "https://example.org/a",
      type: "reading" as const,
      minutes: 30,
      why: "Evidence",
      addedBy: "Fay",
    };
    const first = addItem(doc, { ...item, title: "First" });
    addItem(doc, { ...item, title: "Second", url: "https://example.org/b" });
    moveItem(doc, first, 1);
    const { items } = projectPlaylist(reloaded(doc));
    expect(items.map((i) => [i.title, i.url])).toEqual([
      ["Second", "https://example.org/b"],
      ["First", "https://example.org/a"],
    ]);
  });

  it("covers the kinds pages summarise or search finds (session notes for search only), never the room", () => {
    expect(Object.keys(projectors).sort()).toEqual(["hmw", "inquiry", "playlist", "root-cause-board", "session-notes"]);
    expect(isProjected("community-room")).toBe(false);
    expect(isProjected("hmw")).toBe(true);
  });
});
