import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addNote,
  deleteNote,
  myVotesOn,
  getBoardSettings,
  initBoard,
  listNotes,
  moveNote,
  notesIn,
  noteVotes,
  setLocked,
  setVoteBudget,
  unvote,
  vote,
  votesUsed,
} from "./root-cause-board";
import { getSchemaVersion } from "./schema-version";

const author = { authorId: "u1", authorName: "Amira" };

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe("root-cause board", () => {
  it("stamps a schema version and adds notes to 'not yet sorted' in order", () => {
    const doc = new Y.Doc();
    initBoard(doc);
    expect(getSchemaVersion(doc)).toBe(1);
    const a = addNote(doc, { ...author, text: " Timetable leaves no time " });
    const b = addNote(doc, { ...author, text: "No data on attendance by group" });
    expect(notesIn(doc, "unsorted").map((n) => n.id)).toEqual([a, b]);
    expect(listNotes(doc)[0].text).toBe("Timetable leaves no time");
  });

  it("refuses empty or overlong notes", () => {
    const doc = new Y.Doc();
    expect(() => addNote(doc, { ...author, text: "   " })).toThrow(/some text/);
    expect(() => addNote(doc, { ...author, text: "x".repeat(281) })).toThrow(/280/);
  });

  it("moves notes between categories and before a given note", () => {
    const doc = new Y.Doc();
    const a = addNote(doc, { ...author, text: "a" });
    const b = addNote(doc, { ...author, text: "b" });
    const c = addNote(doc, { ...author, text: "c" });
    moveNote(doc, a, "skills");
    moveNote(doc, b, "skills");
    moveNote(doc, c, "skills", b);
    expect(notesIn(doc, "skills").map((n) => n.id)).toEqual([a, c, b]);
    expect(notesIn(doc, "unsorted")).toHaveLength(0);
  });

  it("keeps every note exactly once when two people move the same notes at once", () => {
    const one = new Y.Doc();
    const two = new Y.Doc();
    const ids = ["a", "b", "c"].map((t) => addNote(one, { ...author, text: t }));
    sync(one, two);
    moveNote(one, ids[0], "knowledge");
    moveNote(two, ids[0], "dispositions");
    moveNote(two, ids[2], "unsorted", ids[1]);
    sync(one, two);
    expect(listNotes(one)).toEqual(listNotes(two));
    expect(
      listNotes(one)
        .map((n) => n.id)
        .sort(),
    ).toEqual([...ids].sort());
  });

  it("limits dot votes to each person's budget and counts them per note", () => {
    const doc = new Y.Doc();
    setVoteBudget(doc, 2);
    const a = addNote(doc, { ...author, text: "a" });
    expect(vote(doc, a, "u2")).toBe(true);
    expect(vote(doc, a, "u2")).toBe(true);
    expect(vote(doc, a, "u2")).toBe(false);
    expect(vote(doc, a, "u3")).toBe(true);
    expect(votesUsed(doc, "u2")).toBe(2);
    expect(myVotesOn(doc, a, "u2")).toBe(2);
    expect(myVotesOn(doc, a, "u4")).toBe(0);
    expect(noteVotes(doc, a)).toBe(3);
    unvote(doc, a, "u2");
    expect(noteVotes(doc, a)).toBe(2);
    deleteNote(doc, a);
    expect(noteVotes(doc, a)).toBe(0);
    expect(votesUsed(doc, "u3")).toBe(0);
  });

  it("refuses changes while the facilitator has locked the board", () => {
    const doc = new Y.Doc();
    const a = addNote(doc, { ...author, text: "a" });
    setLocked(doc, true);
    expect(getBoardSettings(doc).locked).toBe(true);
    expect(() => addNote(doc, { ...author, text: "b" })).toThrow(/locked/);
    expect(() => moveNote(doc, a, "skills")).toThrow(/locked/);
    expect(() => vote(doc, a, "u2")).toThrow(/locked/);
    expect(() => setVoteBudget(doc, 21)).toThrow();
  });
});
