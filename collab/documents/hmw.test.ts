import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addQuestion, hmwPrompts, hmwReactions, hmwRules, reactionsOn, toggleReaction } from "./hmw";
import { may, type DocActor } from "./rules";
import { castDot, listRounds, openRound, revealRound, roundResults, startRound } from "./voting-rounds";

const facilitator: DocActor = { userId: "f", canWrite: true, isFacilitator: true };
const member: DocActor = { userId: "m", canWrite: true, isFacilitator: false };
const reader: DocActor = { userId: "r", canWrite: false, isFacilitator: false };
const who = { authorId: "m", authorName: "Mo" };
const exchange = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

describe("the HMW rules", () => {
  it("let members draft, refine and react, but only a facilitator choose or run a round; a reader does nothing", () => {
    for (const action of ["draft", "refine", "react", "castDot"] as const) {
      expect(may(member, hmwRules[action]), action).toBe(true);
      expect(may(reader, hmwRules[action]), action).toBe(false);
    }
    for (const action of ["choose", "startRound", "revealRound"] as const) {
      expect(may(member, hmwRules[action]), action).toBe(false);
      expect(may(facilitator, hmwRules[action]), action).toBe(true);
    }
  });
});

describe("the d.school prompts", () => {
  it("offers all nine, each with a stem that starts a question", () => {
    expect(hmwPrompts.map((p) => p.label)).toEqual([
      "Amp up the good",
      "Remove the bad",
      "Explore the opposite",
      "Question an assumption",
      "Go after adjectives",
      "Identify unexpected resources",
      "Create an analogy",
      "Change a status quo",
      "Break the point of view into pieces",
    ]);
    for (const p of hmwPrompts) expect(p.stem).toMatch(/^How might we \S.* $/);
    expect(new Set(hmwPrompts.map((p) => p.id)).size).toBe(hmwPrompts.length);
  });
});

describe("reactions", () => {
  it("counts one of each kind per person, toggles only the person's own, and keeps a fixed order", () => {
    const doc = new Y.Doc();
    const q = addQuestion(doc, { ...who, text: "How might we hear from every family?" });
    toggleReaction(doc, q, "agree", "m");
    toggleReaction(doc, q, "agree", "x");
    toggleReaction(doc, q, "idea", "m");
    expect(reactionsOn(doc, q, "m").map((r) => [r.id, r.count, r.mine])).toEqual([
      ["agree", 2, true],
      ["love", 0, false],
      ["idea", 1, true],
      ["unsure", 0, false],
    ]);
    // Taking mine back leaves the other person's.
    toggleReaction(doc, q, "agree", "m");
    expect(reactionsOn(doc, q, "m")[0]).toMatchObject({ count: 1, mine: false });
    expect(reactionsOn(doc, q, "x")[0]).toMatchObject({ count: 1, mine: true });
    expect(hmwReactions).toHaveLength(4);
  });

  it("refuses a reaction outside the set and ignores a question that does not exist", () => {
    const doc = new Y.Doc();
    const q = addQuestion(doc, { ...who, text: "How might we hear from every family?" });
    // @ts-expect-error: not one of the reactions offered
    expect(() => toggleReaction(doc, q, "party", "m")).toThrow("Choose one of the reactions offered.");
    toggleReaction(doc, "gone", "agree", "m");
    expect(reactionsOn(doc, "gone", "m")[0].count).toBe(0);
  });

  it("merges the same person's reaction from two devices into one", () => {
    const one = new Y.Doc();
    const q = addQuestion(one, { ...who, text: "How might we hear from every family?" });
    const two = new Y.Doc();
    exchange(one, two);
    toggleReaction(one, q, "love", "m");
    toggleReaction(two, q, "love", "m");
    exchange(one, two);
    expect(reactionsOn(one, q, "m")[1]).toMatchObject({ count: 1, mine: true });
  });
});

describe("a voting round on the questions", () => {
  it("lives in the HMW document beside the questions and ranks them once revealed", () => {
    const doc = new Y.Doc();
    const a = addQuestion(doc, { ...who, text: "How might we hear from every family?" });
    const b = addQuestion(doc, { ...who, text: "How might we spend PTA funds fairly?" });
    const round = startRound(doc, { dotsPerPerson: 2, minutes: null, startedBy: "f" });
    castDot(doc, round, a, "m");
    castDot(doc, round, b, "m");
    castDot(doc, round, b, "x");
    expect(openRound(doc)?.id).toBe(round);
    revealRound(doc, round);
    expect(roundResults(doc, round)).toEqual([
      { itemId: b, dots: 2 },
      { itemId: a, dots: 1 },
    ]);
    expect(listRounds(doc)).toHaveLength(1);
  });
});
