import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { expectRefused } from "../guard-expect";
import { GuardedRoom } from "../guard-harness";
import {
  addQuestion,
  chooseQuestion,
  chosenQuestion,
  hasVoted,
  listQuestions,
  reactionsOn,
  refineQuestion,
  toggleReaction,
  toggleVote,
} from "./hmw";
import { castDot, revealRound, roundResults, startRound, takeBackDot } from "./voting-rounds";

function setUp() {
  const room = new GuardedRoom("hmw");
  const fay = room.join({ userId: "fay", isFacilitator: true });
  const ada = room.join({ userId: "ada" });
  const ben = room.join({ userId: "ben" });
  const q1 = addQuestion(ada, {
    text: "How might we give teachers time to plan together?",
    authorId: "ada",
    authorName: "ada name",
    sourceNoteIds: ["n1", "n2"],
  });
  const q2 = addQuestion(ben, { text: "How might we ask parents first?", authorId: "ben", authorName: "ben name" });
  expect(room.refusals).toEqual([]);
  return { room, fay, ada, ben, q1, q2 };
}

const question = (doc: Y.Doc, id: string) => doc.getMap<Y.Map<unknown>>("questions").get(id)!;

describe("the How might we… write rules: what the pages do passes", () => {
  it("questions drafted, refined by someone else, reacted to and voted, chosen twice by a facilitator", () => {
    const { room, fay, ada, ben, q1, q2 } = setUp();
    refineQuestion(ben, q1, "How might we give every teacher an hour a week to plan together?");
    refineQuestion(ada, q2, "How might we ask parents before we decide?");
    toggleReaction(ada, q2, "love", "ada");
    toggleReaction(ben, q2, "love", "ben");
    toggleReaction(ben, q2, "idea", "ben");
    toggleReaction(ben, q2, "idea", "ben");
    toggleVote(ada, q1, "ada");
    toggleVote(ben, q1, "ben");
    toggleVote(ben, q1, "ben");
    chooseQuestion(fay, q1);
    chooseQuestion(fay, q2);
    // A member still refines the chosen question's words.
    refineQuestion(ada, q2, "How might we ask parents before we decide anything?");

    expect(room.refusals).toEqual([]);
    expect(chosenQuestion(room.server)?.id).toBe(q2);
    expect(question(room.server, q1).get("status")).toBe("refined");
    expect(listQuestions(room.server).find((q) => q.id === q1)).toMatchObject({
      votes: 1,
      text: "How might we give every teacher an hour a week to plan together?",
    });
    expect(reactionsOn(room.server, q2, "ben").find((r) => r.id === "love")).toMatchObject({ count: 2, mine: true });
    expect(reactionsOn(room.server, q2, "ben").find((r) => r.id === "idea")).toMatchObject({ count: 0, mine: false });
    expect(hasVoted(room.server, q1, "ben")).toBe(false);
  });

  it("a voting round on the questions", () => {
    const { room, fay, ada, ben, q1, q2 } = setUp();
    const round = startRound(fay, { dotsPerPerson: 2, minutes: 5, startedBy: "fay" });
    expect(castDot(ada, round, q1, "ada")).toBe(true);
    expect(castDot(ada, round, q1, "ada")).toBe(true);
    expect(castDot(ada, round, q2, "ada")).toBe(false);
    takeBackDot(ada, round, q1, "ada");
    expect(castDot(ada, round, q2, "ada")).toBe(true);
    expect(castDot(ben, round, q2, "ben")).toBe(true);
    revealRound(fay, round);
    expect(room.refusals).toEqual([]);
    expect(roundResults(room.server, round)).toEqual([
      { itemId: q2, dots: 2 },
      { itemId: q1, dots: 1 },
    ]);
  });

  it("two people reacting and refining at once both pass", () => {
    const { room, q1, q2 } = setUp();
    const ada = new Y.Doc();
    const ben = new Y.Doc();
    for (const d of [ada, ben]) Y.applyUpdate(d, Y.encodeStateAsUpdate(room.server));
    const base = Y.encodeStateVector(room.server);
    refineQuestion(ada, q2, "How might we ask parents what they see?");
    toggleReaction(ada, q1, "agree", "ada");
    refineQuestion(ben, q1, "How might we find an hour a week to plan together?");
    toggleReaction(ben, q1, "agree", "ben");
    expect(room.offer(Y.encodeStateAsUpdate(ada, base), GuardedRoom.writer("ada")).kind).toBe("accept");
    expect(room.offer(Y.encodeStateAsUpdate(ben, base), GuardedRoom.writer("ben")).kind).toBe("accept");
    expect(reactionsOn(room.server, q1, "ada").find((r) => r.id === "agree")?.count).toBe(2);
    expect(question(room.server, q2).get("status")).toBe("refined");
  });
});

describe("the How might we… write rules: a modified client is refused", () => {
  it("choosing by a member, and un-choosing by a member", () => {
    const { room, fay, q1, q2 } = setUp();
    expectRefused(room, { userId: "ada" }, (d) => chooseQuestion(d, q1), /facilitator records the question/);
    expectRefused(room, { userId: "ada" }, (d) => question(d, q1).set("chosenAt", Date.now()), /facilitator records/);
    chooseQuestion(fay, q1);
    expectRefused(room, { userId: "ada" }, (d) => question(d, q1).set("status", "refined"), /facilitator records/);
    expectRefused(room, { userId: "ada" }, (d) => chooseQuestion(d, q2), /facilitator records/);
    expectRefused(room, { userId: "ada" }, (d) => question(d, q2).set("status", "winner"), /draft, refined or chosen/);
  });

  it("questions in another's name, authors changed, questions replaced or removed, unknown fields", () => {
    const { room, q1 } = setUp();
    const raw = (fields: Record<string, unknown>) => {
      const map = new Y.Map<unknown>();
      const all = {
        id: "q9",
        text: "How might we forge things?",
        createdAt: 1,
        sourceNoteIds: [],
        status: "draft",
        ...fields,
      };
      for (const [k, v] of Object.entries(all)) map.set(k, v);
      return map;
    };
    const questions = (d: Y.Doc) => d.getMap("questions");
    expectRefused(
      room,
      { userId: "eve" },
      (d) => questions(d).set("q9", raw({ authorId: "ada", authorName: "eve name" })),
      /your own name/,
    );
    expectRefused(
      room,
      { userId: "eve" },
      (d) => questions(d).set("q9", raw({ authorId: "eve", authorName: "Ada" })),
      /your own name/,
    );
    expectRefused(
      room,
      { userId: "eve" },
      (d) => questions(d).set("q9", raw({ authorId: "eve", authorName: "eve name", status: "chosen" })),
      /starts as a draft/,
    );
    expectRefused(
      room,
      { userId: "eve" },
      (d) => questions(d).set("q9", raw({ authorId: "eve", authorName: "eve name", isPrototypeOf: 1 })),
      /never writes/,
    );
    expectRefused(
      room,
      { userId: "eve" },
      (d) => question(d, q1).set("authorId", "eve"),
      /author and time cannot be changed/,
    );
    expectRefused(room, { userId: "ada" }, (d) => questions(d).delete(q1), /kept once drafted/);
    expectRefused(room, { userId: "eve" }, (d) => question(d, q1).set("text", "Short"), /10 to 300/);
  });

  it("reactions and votes under another's key, an unknown reaction, on a missing question", () => {
    const { room, q1 } = setUp();
    const ada = room.join({ userId: "ada" });
    toggleReaction(ada, q1, "love", "ada");
    expectRefused(
      room,
      { userId: "eve" },
      (d) => d.getMap("reactions").set(`${q1}|love|ada`, true),
      /your own reactions/,
    );
    expectRefused(room, { userId: "eve" }, (d) => d.getMap("reactions").delete(`${q1}|love|ada`), /your own reactions/);
    expectRefused(
      room,
      { userId: "eve" },
      (d) => d.getMap("reactions").set(`${q1}|angry|eve`, true),
      /reactions offered/,
    );
    expectRefused(
      room,
      { userId: "eve" },
      (d) => d.getMap("reactions").set(`missing|love|eve`, true),
      /not on the page/,
    );
    expectRefused(room, { userId: "eve" }, (d) => d.getMap("reactions").set(`${q1}|love|eve`, 5), /on or off/);
    expectRefused(room, { userId: "eve" }, (d) => d.getMap("votes").set(`${q1}|ada`, true), /your own reactions/);
  });

  it("rounds started or revealed by a member; dots over budget; unknown roots; the schema version", () => {
    const { room, fay, q1, q2 } = setUp();
    const round = startRound(fay, { dotsPerPerson: 1, minutes: null, startedBy: "fay" });
    expectRefused(room, { userId: "ada" }, (d) => revealRound(d, round), /Only a facilitator/);
    expectRefused(
      room,
      { userId: "ada" },
      (d) => {
        d.getMap("roundDots").set(`${round}|${q1}|ada`, 1);
        d.getMap("roundDots").set(`${round}|${q2}|ada`, 1);
      },
      /1 dots in this round/,
    );
    expectRefused(room, { userId: "ada" }, (d) => d.getMap("evil").set("x", 1), /no such part/);
    expectRefused(room, { userId: "ada" }, (d) => d.getArray("questions").insert(0, ["x"]), /no such part/);
    expectRefused(
      room,
      { userId: "fay", isFacilitator: true },
      (d) => d.getMap("meta").set("schemaVersion", 7),
      /version cannot be changed/,
    );
  });
});
