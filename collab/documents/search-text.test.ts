/** The search fields each projected kind keeps: every piece by id, blank ones left out, and one plain text. */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addQuestion, initHmw } from "./hmw";
import { inquiryFields, initInquiry, writeParagraphs } from "./inquiry";
import { addItem, initPlaylist } from "./playlist";
import { projectors } from "./projections";
import { addNote, initBoard } from "./root-cause-board";
import { searchFields } from "./search-text";
import { SESSION_NOTES_FIELD } from "./session-notes";

describe("search text of shared documents", () => {
  it("keeps trimmed pieces by id, drops blank ones, and joins them into one text", () => {
    expect(
      searchFields([
        { id: "a", text: "  Letters home  " },
        { id: "b", text: "   " },
        { id: "c", text: "Phone calls" },
      ]),
    ).toEqual({
      search: [
        { id: "a", text: "Letters home" },
        { id: "c", text: "Phone calls" },
      ],
      searchText: "Letters home\nPhone calls",
    });
  });

  it("board: each note's words by note id, beside the page fields", () => {
    const doc = new Y.Doc();
    initBoard(doc);
    const note = addNote(doc, { text: "Letters only in English", authorId: "ada", authorName: "Ada" });
    const projected = projectors["root-cause-board"].project(doc);
    expect(projected.search).toEqual([{ id: note, text: "Letters only in English" }]);
    expect(projected.notes.map((n) => n.id)).toEqual([note]);
  });

  it("inquiry: stories and reflections by field; hmw: questions; playlist: title and why", () => {
    const inquiry = new Y.Doc();
    initInquiry(inquiry);
    writeParagraphs(inquiry, inquiryFields.story("ada"), ["Families stopped coming."]);
    writeParagraphs(inquiry, inquiryFields.needed("ada"), ["Interpreters"]);
    expect(projectors.inquiry.project(inquiry).search).toEqual([
      { id: inquiryFields.needed("ada"), text: "Interpreters" },
      { id: inquiryFields.story("ada"), text: "Families stopped coming." },
    ]);

    const hmw = new Y.Doc();
    initHmw(hmw);
    const q = addQuestion(hmw, { text: "How might we welcome fathers?", authorId: "ada", authorName: "Ada" });
    expect(projectors.hmw.project(hmw).searchText).toBe("How might we welcome fathers?");
    expect(projectors.hmw.project(hmw).search[0].id).toBe(q);

    const playlist = new Y.Doc();
    initPlaylist(playlist);
    addItem(playlist, {
      title: "Home visits toolkit",
      url: "https://example.org/a",
      type: "tool",
      minutes: 20,
      why: "For the first meeting",
      addedBy: "Fay",
    });
    expect(projectors.playlist.project(playlist).searchText).toBe("Home visits toolkit. For the first meeting");
  });

  it("session notes: the notes' plain text", () => {
    const doc = new Y.Doc();
    writeParagraphs(doc, SESSION_NOTES_FIELD, ["Agreed to try", "home visits"]);
    expect(projectors["session-notes"].project(doc)).toEqual({
      search: [{ id: SESSION_NOTES_FIELD, text: "Agreed to try\nhome visits" }],
      searchText: "Agreed to try\nhome visits",
    });
  });
});
