import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { may } from "./rules";
import { castDot, revealRound, startRound } from "./voting-rounds";
import {
  addCluster,
  addNote,
  askWhy,
  boardRules,
  deleteCluster,
  fiveWhysChain,
  listClusters,
  projectBoard,
  renameCluster,
  setProblem,
  setTemplate,
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

  it("groups notes into named clusters within a category, and removing a group keeps its notes", () => {
    const doc = new Y.Doc();
    const a = addNote(doc, { ...author, text: "a", category: "knowledge" });
    const b = addNote(doc, { ...author, text: "b", category: "knowledge" });
    const c = addNote(doc, { ...author, text: "c" });
    expect(() => addCluster(doc, { name: "  ", category: "knowledge" })).toThrow(/needs a name/);
    const g = addCluster(doc, { name: "Data", category: "knowledge" });
    const other = addCluster(doc, { name: "Elsewhere", category: "skills" });
    moveNote(doc, b, "knowledge", null, { clusterId: g });
    moveNote(doc, c, "knowledge", b, { clusterId: g });
    expect(
      notesIn(doc, "knowledge")
        .filter((n) => n.clusterId === g)
        .map((n) => n.id),
    ).toEqual([c, b]);
    expect(notesIn(doc, "knowledge").find((n) => n.id === a)?.clusterId).toBeNull();
    expect(() => moveNote(doc, a, "knowledge", null, { clusterId: other })).toThrow(/another category/);
    renameCluster(doc, g, "What we know");
    expect(listClusters(doc, "knowledge").map((x) => x.name)).toEqual(["What we know"]);
    // Moving a note to another category takes it out of its group.
    moveNote(doc, b, "skills");
    expect(listNotes(doc).find((n) => n.id === b)).toMatchObject({ category: "skills", clusterId: null });
    deleteCluster(doc, g);
    expect(listClusters(doc, "knowledge")).toEqual([]);
    expect(
      listNotes(doc)
        .map((n) => n.id)
        .sort(),
    ).toEqual([a, b, c].sort());
    expect(listNotes(doc).every((n) => n.clusterId === null)).toBe(true);
  });

  it("switches templates without losing notes, and keeps the problem statement", () => {
    const doc = new Y.Doc();
    const a = addNote(doc, { ...author, text: "a", category: "skills" });
    expect(getBoardSettings(doc).template).toBe("categories");
    setTemplate(doc, "fishbone");
    setProblem(doc, "  Persistent absence is rising  ");
    expect(getBoardSettings(doc)).toMatchObject({ template: "fishbone", problem: "Persistent absence is rising" });
    expect(() => setTemplate(doc, "mind-map" as never)).toThrow(/fishbone/);
    expect(() => setProblem(doc, "x".repeat(281))).toThrow(/280/);
    setTemplate(doc, "five-whys");
    setTemplate(doc, "categories");
    expect(listNotes(doc)).toMatchObject([{ id: a, category: "skills" }]);
  });

  it("builds the five whys as a chain, each answering the one before, and mends it when a link is removed", () => {
    const doc = new Y.Doc();
    const loose = addNote(doc, { ...author, text: "not in the chain" });
    const one = askWhy(doc, { ...author, text: "Families miss the first-day call" });
    const two = askWhy(doc, { ...author, text: "Calls are made at 9am" });
    const three = askWhy(doc, { ...author, text: "The office is busiest then" });
    expect(fiveWhysChain(doc).map((n) => n.id)).toEqual([one, two, three]);
    expect(fiveWhysChain(doc).map((n) => n.id)).not.toContain(loose);
    deleteNote(doc, two);
    expect(fiveWhysChain(doc).map((n) => n.id)).toEqual([one, three]);
    deleteNote(doc, one);
    expect(fiveWhysChain(doc).map((n) => n.id)).toEqual([three]);
  });

  it("projects the dots of the latest revealed round, or the board's first dots on an older board", () => {
    const doc = new Y.Doc();
    const a = addNote(doc, { ...author, text: "a" });
    const b = addNote(doc, { ...author, text: "b" });
    vote(doc, a, "u2");
    vote(doc, a, "u3");
    const votes = () => projectBoard(doc).notes.map((n) => [n.id, n.votes]);
    expect(votes()).toEqual([
      [a, 2],
      [b, 0],
    ]);
    const round = startRound(doc, { dotsPerPerson: 2, minutes: null, startedBy: "f1" });
    castDot(doc, round, b, "u2");
    castDot(doc, round, b, "u3");
    castDot(doc, round, b, "u3");
    // Still hidden: the older dots stand until the facilitator reveals.
    expect(votes()).toEqual([
      [a, 2],
      [b, 0],
    ]);
    revealRound(doc, round);
    expect(votes()).toEqual([
      [a, 0],
      [b, 3],
    ]);
    deleteNote(doc, b);
    expect(votes()).toEqual([[a, 0]]);
  });

  it("declares who may do what beside the shape: authors and facilitators edit, members move, facilitators pick templates", () => {
    const member = { userId: "u1", canWrite: true, isFacilitator: false };
    const facilitator = { userId: "f1", canWrite: true, isFacilitator: true };
    const reader = { userId: "r1", canWrite: false, isFacilitator: false };
    expect(may(member, boardRules.editNote, { authorId: "u1" })).toBe(true);
    expect(may(member, boardRules.editNote, { authorId: "u2" })).toBe(false);
    expect(may(facilitator, boardRules.deleteNote, { authorId: "u2" })).toBe(true);
    expect(may(member, boardRules.moveNote, { locked: true })).toBe(false);
    expect(may(member, boardRules.template)).toBe(false);
    expect(may(facilitator, boardRules.template, { locked: true })).toBe(true);
    expect(may(reader, boardRules.addNote)).toBe(false);
  });

  it("lets a facilitator tidy a locked board while members are refused", () => {
    const doc = new Y.Doc();
    const a = addNote(doc, { ...author, text: "a" });
    setLocked(doc, true);
    expect(() => moveNote(doc, a, "skills")).toThrow(/locked/);
    moveNote(doc, a, "skills", null, { facilitator: true });
    const g = addCluster(doc, { name: "Group", category: "skills" }, { facilitator: true });
    expect(() => renameCluster(doc, g, "New")).toThrow(/locked/);
    expect(listNotes(doc)[0].category).toBe("skills");
  });
});
