import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { expectRefused } from "../guard-expect";
import { GuardedRoom } from "../guard-harness";
import {
  addCluster,
  addNote,
  askWhy,
  deleteCluster,
  deleteNote,
  editNote,
  fiveWhysChain,
  getBoardSettings,
  listClusters,
  listNotes,
  moveNote,
  renameCluster,
  setLocked,
  setProblem,
  setTemplate,
  setTimer,
  setVoteBudget,
  vote,
} from "./root-cause-board";
import { castDot, revealRound, roundResults, startRound, takeBackDot } from "./voting-rounds";

const facilitator = { facilitator: true };

/** The server's whole state, to show a refused change left it exactly as it was. */
/** A board with a note by Ada, a note by Ben, and an open round of three dots each. */
function setUp() {
  const room = new GuardedRoom("root-cause-board");
  const fay = room.join({ userId: "fay", isFacilitator: true });
  const ada = room.join({ userId: "ada" });
  const ben = room.join({ userId: "ben" });
  const adaNote = addNote(ada, { text: "Timetable clashes", authorId: "ada", authorName: "ada name" });
  const benNote = addNote(ben, { text: "No time to plan", authorId: "ben", authorName: "ben name" });
  const round = startRound(fay, { dotsPerPerson: 3, minutes: null, startedBy: "fay" });
  expect(room.refusals).toEqual([]);
  return { room, fay, ada, ben, adaNote, benNote, round };
}

const note = (doc: Y.Doc, id: string) => doc.getMap<Y.Map<unknown>>("notes").get(id)!;

function rawNote(fields: Record<string, unknown>) {
  const map = new Y.Map<unknown>();
  for (const [k, v] of Object.entries({ text: "A note", createdAt: 1, category: "unsorted", order: 9, ...fields }))
    map.set(k, v);
  return map;
}

function rawRound(id: string, startedBy: string) {
  const map = new Y.Map<unknown>();
  const fields = { id, number: 2, dotsPerPerson: 3, startedAt: Date.now(), endsAt: null, revealedAt: null, startedBy };
  for (const [k, v] of Object.entries(fields)) map.set(k, v);
  return map;
}

describe("the board's write rules: what the pages do passes", () => {
  it("notes: added, asked why, edited by their author or a facilitator, moved by anyone, into and out of groups", () => {
    const { room, fay, ada, ben, adaNote, benNote } = setUp();
    const first = askWhy(ada, { text: "Because the rota is set in June", authorId: "ada", authorName: "ada name" });
    const second = askWhy(ben, { text: "Because nobody owns it", authorId: "ben", authorName: "ben name" });
    editNote(ada, adaNote, "Timetable clashes every term");
    editNote(fay, benNote, "No shared time to plan", facilitator);
    moveNote(ben, adaNote, "systems-policies");
    const group = addCluster(ben, { name: "Time", category: "systems-policies" });
    renameCluster(ada, group, "Time and rota");
    moveNote(ada, benNote, "systems-policies", null, { clusterId: group });
    moveNote(ben, adaNote, "systems-policies", benNote, { clusterId: group });
    moveNote(ada, benNote, "skills");
    deleteCluster(ada, group);

    expect(room.refusals).toEqual([]);
    const notes = listNotes(room.server);
    expect(notes.find((n) => n.id === adaNote)).toMatchObject({
      text: "Timetable clashes every term",
      category: "systems-policies",
      clusterId: null,
    });
    expect(notes.find((n) => n.id === benNote)).toMatchObject({ text: "No shared time to plan", category: "skills" });
    expect(fiveWhysChain(room.server).map((n) => n.id)).toEqual([first, second]);
    expect(listClusters(room.server)).toEqual([]);
  });

  it("deleting: the author their own note (with everyone's dots, old and new, and a why relinked), a facilitator another's", () => {
    const { room, fay, ada, ben, adaNote, benNote, round } = setUp();
    const why1 = askWhy(ada, { text: "Because the rota is set in June", authorId: "ada", authorName: "ada name" });
    const why2 = askWhy(ben, { text: "Because nobody owns it", authorId: "ben", authorName: "ben name" });
    expect(castDot(ben, round, why1, "ben")).toBe(true);
    expect(castDot(fay, round, why1, "fay")).toBe(true);
    deleteNote(ada, why1);
    deleteNote(fay, benNote, facilitator);

    expect(room.refusals).toEqual([]);
    expect(
      listNotes(room.server)
        .map((n) => n.id)
        .sort(),
    ).toEqual([adaNote, why2].sort());
    expect(fiveWhysChain(room.server).map((n) => n.id)).toEqual([why2]);
    expect(room.server.getMap("votes").size).toBe(0);
    expect(room.server.getMap("roundDots").size).toBe(0);
  });

  it("settings by a facilitator, and a facilitator's tidying and everyone's dots while the board is locked", () => {
    const { room, fay, ada, ben, adaNote, benNote, round } = setUp();
    setTemplate(fay, "fishbone");
    setProblem(fay, "Attendance falls in the spring term");
    setVoteBudget(fay, 5);
    setTimer(fay, 30);
    setTimer(fay, null);
    setTimer(fay, 120);
    setLocked(fay, true);
    const fayNote = addNote(fay, { text: "Facilitator's note", authorId: "fay", authorName: "fay name" }, facilitator);
    editNote(fay, adaNote, "Timetable clashes (edited)", facilitator);
    moveNote(fay, benNote, "knowledge", null, facilitator);
    const group = addCluster(fay, { name: "Knowing", category: "knowledge" }, facilitator);
    moveNote(fay, benNote, "knowledge", null, { ...facilitator, clusterId: group });
    expect(castDot(ada, round, adaNote, "ada")).toBe(true);
    expect(castDot(ada, round, benNote, "ada")).toBe(true);
    takeBackDot(ada, round, benNote, "ada");
    expect(castDot(ben, round, adaNote, "ben")).toBe(true);
    revealRound(fay, round);
    deleteNote(fay, fayNote, facilitator);
    setLocked(fay, false);

    expect(room.refusals).toEqual([]);
    expect(getBoardSettings(room.server)).toMatchObject({
      template: "fishbone",
      voteBudget: 5,
      locked: false,
      problem: "Attendance falls in the spring term",
    });
    expect(getBoardSettings(room.server).timerEndsAt).toBeGreaterThan(Date.now() + 119 * 60_000);
    expect(roundResults(room.server, round)).toEqual([{ itemId: adaNote, dots: 2 }]);
    expect(listNotes(room.server).find((n) => n.id === benNote)).toMatchObject({
      category: "knowledge",
      clusterId: group,
    });
  });

  it("the first, always-open dots: pages no longer place them, so a client that does is refused", () => {
    const { room, ada, adaNote } = setUp();
    expect(vote(ada, adaNote, "ada")).toBe(true);
    expect(room.refusals).toEqual([
      { userId: "ada", why: "Dots are placed in a voting round the facilitator starts." },
    ]);
    expect(room.server.getMap("votes").size).toBe(0);
  });

  it("two people's edits made before either saw the other's both pass", () => {
    const { room, adaNote, benNote, round } = setUp();
    const ada = new Y.Doc();
    const ben = new Y.Doc();
    for (const d of [ada, ben]) Y.applyUpdate(d, Y.encodeStateAsUpdate(room.server));
    const base = Y.encodeStateVector(room.server);
    addNote(ada, { text: "Parents not asked", authorId: "ada", authorName: "ada name" });
    moveNote(ada, benNote, "skills");
    castDot(ada, round, benNote, "ada");
    editNote(ben, benNote, "No time to plan together");
    moveNote(ben, adaNote, "knowledge");
    castDot(ben, round, benNote, "ben");
    expect(room.offer(Y.encodeStateAsUpdate(ada, base), GuardedRoom.writer("ada")).kind).toBe("accept");
    expect(room.offer(Y.encodeStateAsUpdate(ben, base), GuardedRoom.writer("ben")).kind).toBe("accept");
    expect(room.refusals).toEqual([]);
    expect(listNotes(room.server)).toHaveLength(3);
    expect(listNotes(room.server).find((n) => n.id === benNote)).toMatchObject({
      text: "No time to plan together",
      category: "skills",
    });
    expect(room.server.getMap("roundDots").size).toBe(2);
  });

  it("a member's move of a note a facilitator deleted meanwhile passes (it changes nothing left)", () => {
    const { room, fay, adaNote } = setUp();
    const ben = new Y.Doc();
    Y.applyUpdate(ben, Y.encodeStateAsUpdate(room.server));
    const base = Y.encodeStateVector(ben);
    deleteNote(fay, adaNote, facilitator);
    moveNote(ben, adaNote, "skills");
    editNote(ben, adaNote, "Ben's words on a note he does not own");
    expect(room.offer(Y.encodeStateAsUpdate(ben, base), GuardedRoom.writer("ben")).kind).toBe("accept");
    expect(notesOf(room.server)).not.toContain(adaNote);
  });
});

const notesOf = (doc: Y.Doc) => [...doc.getMap("notes").keys()];

describe("the board's write rules: a modified client is refused", () => {
  it("notes in another's name, another's words, another's note deleted, an author changed", () => {
    const { room, adaNote } = setUp();
    const notes = (d: Y.Doc) => d.getMap("notes");
    expectRefused(
      room,
      { userId: "eve" },
      (d) => notes(d).set("n1", rawNote({ id: "n1", authorId: "ada", authorName: "eve name" })),
      /your own name/,
    );
    expectRefused(
      room,
      { userId: "eve" },
      (d) => notes(d).set("n2", rawNote({ id: "n2", authorId: "eve", authorName: "Ada" })),
      /your own name/,
    );
    expectRefused(
      room,
      { userId: "eve" },
      (d) => note(d, adaNote).set("text", "Eve's words"),
      /author or a facilitator may change/,
    );
    expectRefused(room, { userId: "eve" }, (d) => notes(d).delete(adaNote), /author or a facilitator may remove/);
    expectRefused(
      room,
      { userId: "ada" },
      (d) => note(d, adaNote).set("authorId", "ben"),
      /author and time cannot be changed/,
    );
    expectRefused(
      room,
      { userId: "ada" },
      (d) => note(d, adaNote).set("authorName", "Ben"),
      /author and time cannot be changed/,
    );
    expectRefused(room, { userId: "ada" }, (d) => note(d, adaNote).delete("text"), /keeps its words/);
    expectRefused(
      room,
      { userId: "ada" },
      (d) => notes(d).set(adaNote, rawNote({ id: adaNote, authorId: "ada", authorName: "ada name" })),
      /cannot be replaced/,
    );
  });

  it("unknown keys in a note, new or existing, even ones every object has", () => {
    const { room, adaNote } = setUp();
    const own = { authorId: "ada", authorName: "ada name" };
    for (const key of ["colour", "isPrototypeOf", "constructor", "toString", "__proto__"]) {
      expectRefused(
        room,
        { userId: "ada" },
        (d) => d.getMap("notes").set("n1", rawNote({ id: "n1", ...own, [key]: 1 })),
        /never writes/,
      );
      expectRefused(room, { userId: "ada" }, (d) => note(d, adaNote).set(key, 1), /no such part/);
    }
    expectRefused(
      room,
      { userId: "ada" },
      (d) => d.getMap("notes").set("n2", rawNote({ id: "other", ...own })),
      /id must match/,
    );
    expectRefused(
      room,
      { userId: "ada" },
      (d) => d.getMap("notes").set("n3", rawNote({ id: "n3", ...own, text: "x".repeat(281) })),
      /280 characters/,
    );
    expectRefused(
      room,
      { userId: "ada" },
      (d) => d.getMap("notes").set("n4", rawNote({ id: "n4", ...own, category: "gossip" })),
      /category/i,
    );
    expectRefused(room, { userId: "ada" }, (d) => note(d, adaNote).set("category", "gossip"), /category/i);
  });

  it("keeps a dot placed on a note the facilitator deleted a moment before the page heard of it", () => {
    const { room, fay, adaNote, round } = setUp();
    // Ben's page has not yet heard of the deletion: he places a dot on the note as it was.
    const bensPage = new Y.Doc();
    Y.applyUpdate(bensPage, Y.encodeStateAsUpdate(room.server));
    deleteNote(fay, adaNote, facilitator);
    expect(room.server.getMap("notes").has(adaNote)).toBe(false);
    const before = Y.encodeStateVector(bensPage);
    expect(castDot(bensPage, round, adaNote, "ben")).toBe(true);
    expect(room.offer(Y.encodeStateAsUpdate(bensPage, before), GuardedRoom.writer("ben")).kind).toBe("accept");
    expect(room.refusals).toEqual([]);
  });

  it("dots: under another's key, over the round's budget, 50 in one key, in a revealed round, on a missing note", () => {
    const { room, fay, adaNote, benNote, round } = setUp();
    const dots = (d: Y.Doc) => d.getMap<number>("roundDots");
    expectRefused(room, { userId: "eve" }, (d) => dots(d).set(`${round}|${adaNote}|ada`, 1), /your own dots/);
    expectRefused(
      room,
      { userId: "eve" },
      (d) => {
        dots(d).set(`${round}|${adaNote}|eve`, 2);
        dots(d).set(`${round}|${benNote}|eve`, 2);
      },
      /3 dots in this round/,
    );
    expectRefused(room, { userId: "eve" }, (d) => dots(d).set(`${round}|${adaNote}|eve`, 50), /between 1 and 20/);
    expectRefused(room, { userId: "eve" }, (d) => dots(d).set(`${round}|missing|eve`, 1), /still on the page/);
    expectRefused(room, { userId: "eve" }, (d) => dots(d).set(`no-round|${adaNote}|eve`, 1), /does not exist/);
    // Three placed honestly, then a fourth from a modified client.
    const eve = room.join({ userId: "eve" });
    for (let i = 0; i < 3; i++) expect(castDot(eve, round, adaNote, "eve")).toBe(true);
    expectRefused(room, { userId: "eve" }, (d) => dots(d).set(`${round}|${benNote}|eve`, 1), /all placed/);
    revealRound(fay, round);
    expectRefused(room, { userId: "eve" }, (d) => dots(d).delete(`${round}|${adaNote}|eve`), /revealed/);
    expectRefused(room, { userId: "ben" }, (d) => dots(d).set(`${round}|${adaNote}|ben`, 1), /revealed/);
  });

  it("the first dots: another's key, or any new one (pages use voting rounds)", () => {
    const { room, adaNote } = setUp();
    const votes = (d: Y.Doc) => d.getMap<number>("votes");
    expectRefused(room, { userId: "eve" }, (d) => votes(d).set(`${adaNote}|ada`, 1), /your own dots/);
    expectRefused(room, { userId: "eve" }, (d) => votes(d).set(`${adaNote}|eve`, 4), /voting round/);
    expectRefused(room, { userId: "eve" }, (d) => votes(d).set(`missing|eve`, 1), /voting round/);
  });

  it("settings by a member; a facilitator's out-of-range values; rounds started or revealed by a member", () => {
    const { room, round } = setUp();
    const settings = (d: Y.Doc) => d.getMap("settings");
    expectRefused(room, { userId: "ben" }, (d) => settings(d).set("locked", true), /Only a facilitator/);
    expectRefused(room, { userId: "ben" }, (d) => settings(d).set("voteBudget", 999), /Only a facilitator/);
    expectRefused(
      room,
      { userId: "ben" },
      (d) => settings(d).set("timerEndsAt", Date.now() + 3_600_000),
      /Only a facilitator/,
    );
    expectRefused(room, { userId: "ben" }, (d) => settings(d).set("template", "five-whys"), /Only a facilitator/);
    expectRefused(
      room,
      { userId: "fay", isFacilitator: true },
      (d) => settings(d).set("voteBudget", 999),
      /between 0 and 20/,
    );
    expectRefused(
      room,
      { userId: "fay", isFacilitator: true },
      (d) => settings(d).set("timerEndsAt", Date.now() + 7 * 86_400_000),
      /within the day/,
    );
    expectRefused(
      room,
      { userId: "fay", isFacilitator: true },
      (d) => settings(d).set("template", "mind-map"),
      /template/i,
    );
    expectRefused(
      room,
      { userId: "fay", isFacilitator: true },
      (d) => settings(d).set("colour", "red"),
      /no such part/,
    );
    expectRefused(
      room,
      { userId: "ben" },
      (d) => d.getMap("rounds").set("r2", rawRound("r2", "ben")),
      /Only a facilitator starts/,
    );
    expectRefused(room, { userId: "ben" }, (d) => revealRound(d, round), /Only a facilitator/);
  });

  it("while locked a member changes nothing but their dots", () => {
    const { room, fay, adaNote, benNote, round } = setUp();
    setLocked(fay, true);
    const group = addCluster(fay, { name: "Time", category: "unsorted" }, facilitator);
    expectRefused(
      room,
      { userId: "ada" },
      (d) => addNote(d, { text: "Late note", authorId: "ada", authorName: "ada name" }, facilitator),
      /locked/,
    );
    expectRefused(room, { userId: "ada" }, (d) => moveNote(d, adaNote, "skills", null, facilitator), /locked/);
    expectRefused(room, { userId: "ada" }, (d) => editNote(d, adaNote, "Own words, but locked", facilitator), /locked/);
    expectRefused(room, { userId: "ada" }, (d) => deleteNote(d, adaNote, facilitator), /locked/);
    expectRefused(
      room,
      { userId: "ada" },
      (d) => addCluster(d, { name: "Mine", category: "skills" }, facilitator),
      /locked/,
    );
    expectRefused(room, { userId: "ada" }, (d) => renameCluster(d, group, "Renamed", facilitator), /locked/);
    expectRefused(room, { userId: "ada" }, (d) => d.getMap("settings").set("locked", false), /Only a facilitator/);
    const ada = room.join({ userId: "ada" });
    const before = room.refusals.length;
    expect(castDot(ada, round, benNote, "ada")).toBe(true);
    expect(room.refusals).toHaveLength(before);
    expect(room.server.getMap("roundDots").get(`${round}|${benNote}|ada`)).toBe(1);
  });

  it("unknown roots, a map root written as a list, the schema version changed", () => {
    const { room } = setUp();
    expectRefused(room, { userId: "ada" }, (d) => d.getMap("evil").set("x", 1), /no such part/);
    expectRefused(room, { userId: "ada" }, (d) => d.getText("evil").insert(0, "x"), /no such part/);
    expectRefused(room, { userId: "ada" }, (d) => d.getArray("notes").insert(0, ["x"]), /no such part/);
    expectRefused(
      room,
      { userId: "fay", isFacilitator: true },
      (d) => d.getArray("settings").insert(0, [{ locked: true }]),
      /no such part/,
    );
    expectRefused(
      room,
      { userId: "fay", isFacilitator: true },
      (d) => d.getMap("meta").set("schemaVersion", 2),
      /version cannot be changed/,
    );
    expectRefused(
      room,
      { userId: "fay", isFacilitator: true },
      (d) => d.getMap("meta").delete("schemaVersion"),
      /version cannot be changed/,
    );
  });
});
