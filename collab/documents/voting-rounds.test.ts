import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { may, type DocActor } from "./rules";
import {
  castDot,
  dotsLeft,
  forgetItem,
  isVotingOpen,
  listRounds,
  myDotsOn,
  observeRounds,
  openRound,
  revealRound,
  roundResults,
  startRound,
  takeBackDot,
  voters,
  votingRoundRules,
} from "./voting-rounds";

const exchange = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};
const start = (doc: Y.Doc, dotsPerPerson = 3, minutes: number | null = null, now?: number) =>
  startRound(doc, { dotsPerPerson, minutes, startedBy: "f1" }, now);

describe("voting rounds", () => {
  it("starts a round with the facilitator's numbers and refuses bad ones in words", () => {
    const doc = new Y.Doc();
    expect(() => start(doc, 0)).toThrow("Choose between 1 and 20 dots per person.");
    expect(() => start(doc, 21)).toThrow(/dots per person/);
    expect(() => start(doc, 2.5)).toThrow(/dots per person/);
    expect(() => start(doc, 3, 0)).toThrow("Choose between 1 and 60 minutes, or no time limit.");
    expect(() => start(doc, 3, 61)).toThrow(/minutes/);
    expect(openRound(doc)).toBeNull();
    const id = start(doc, 5, 10, 1_000);
    expect(openRound(doc)).toEqual({
      id,
      number: 1,
      dotsPerPerson: 5,
      startedAt: 1_000,
      endsAt: 1_000 + 600_000,
      revealedAt: null,
      startedBy: "f1",
    });
  });

  it("refuses a second round while one is open, and keeps every round once revealed", () => {
    const doc = new Y.Doc();
    const first = start(doc, 3, null, 1);
    expect(() => start(doc)).toThrow("Round 1 is still open: reveal its results before starting another.");
    revealRound(doc, first, 5);
    expect(openRound(doc)).toBeNull();
    const second = start(doc, 2, null, 10);
    expect(listRounds(doc).map((r) => [r.id, r.number, r.revealedAt])).toEqual([
      [first, 1, 5],
      [second, 2, null],
    ]);
    revealRound(doc, first, 99);
    expect(listRounds(doc)[0].revealedAt).toBe(5);
  });

  it("keeps each person within their dots, and lets them take dots back", () => {
    const doc = new Y.Doc();
    const round = start(doc, 3);
    expect(castDot(doc, round, "a", "u1")).toBe(true);
    expect(castDot(doc, round, "a", "u1")).toBe(true);
    expect(castDot(doc, round, "b", "u1")).toBe(true);
    expect(castDot(doc, round, "c", "u1")).toBe(false);
    expect(myDotsOn(doc, round, "a", "u1")).toBe(2);
    expect(dotsLeft(doc, round, "u1")).toBe(0);
    expect(dotsLeft(doc, round, "u2")).toBe(3);
    takeBackDot(doc, round, "a", "u1");
    expect(myDotsOn(doc, round, "a", "u1")).toBe(1);
    expect(castDot(doc, round, "c", "u1")).toBe(true);
    takeBackDot(doc, round, "zzz", "u1");
    expect(dotsLeft(doc, round, "u1")).toBe(0);
    expect(castDot(doc, "no-such-round", "a", "u1")).toBe(false);
  });

  it("stops voting when time is up or the results are revealed", () => {
    const doc = new Y.Doc();
    const round = start(doc, 3, 1, 0);
    expect(castDot(doc, round, "a", "u1", 59_999)).toBe(true);
    expect(isVotingOpen(doc, round, 60_000)).toBe(false);
    expect(castDot(doc, round, "a", "u1", 60_000)).toBe(false);
    takeBackDot(doc, round, "a", "u1", 60_001);
    expect(myDotsOn(doc, round, "a", "u1")).toBe(1);
    revealRound(doc, round, 70_000);
    expect(castDot(doc, round, "b", "u2", 10)).toBe(false);
  });

  it("sorts results by dots, then item id, and counts voters", () => {
    const doc = new Y.Doc();
    const round = start(doc, 3);
    for (const [item, user] of [
      ["b", "u1"],
      ["b", "u2"],
      ["c", "u2"],
      ["a", "u3"],
      ["c", "u3"],
      ["b", "u3"],
    ])
      castDot(doc, round, item, user);
    expect(voters(doc, round)).toBe(3);
    expect(roundResults(doc, round)).toEqual([
      { itemId: "b", dots: 3 },
      { itemId: "c", dots: 2 },
      { itemId: "a", dots: 1 },
    ]);
    takeBackDot(doc, round, "b", "u1");
    expect(voters(doc, round)).toBe(2);
  });

  it("keeps rounds apart and forgets a deleted item in every round", () => {
    const doc = new Y.Doc();
    const one = start(doc, 2);
    castDot(doc, one, "a", "u1");
    castDot(doc, one, "b", "u1");
    revealRound(doc, one);
    const two = start(doc, 1);
    expect(dotsLeft(doc, two, "u1")).toBe(1);
    castDot(doc, two, "a", "u1");
    forgetItem(doc, "a");
    expect(roundResults(doc, one)).toEqual([{ itemId: "b", dots: 1 }]);
    expect(roundResults(doc, two)).toEqual([]);
    expect(dotsLeft(doc, two, "u1")).toBe(1);
  });

  it("converges when two replicas vote at once, and never counts more than a person's dots", () => {
    const one = new Y.Doc();
    const two = new Y.Doc();
    const round = start(one, 2);
    exchange(one, two);
    castDot(one, round, "a", "u1");
    castDot(two, round, "b", "u2");
    castDot(two, round, "a", "u2");
    // The same person on two devices, both offline: three dots placed against a budget of two.
    castDot(one, round, "b", "u3");
    castDot(one, round, "c", "u3");
    castDot(two, round, "a", "u3");
    exchange(one, two);
    expect(roundResults(one, round)).toEqual(roundResults(two, round));
    expect(roundResults(one, round)).toEqual([
      { itemId: "a", dots: 3 },
      { itemId: "b", dots: 2 },
    ]);
    expect(voters(two, round)).toBe(3);
    expect(dotsLeft(two, round, "u3")).toBe(0);
  });

  it("numbers two rounds started at once in the same order on every replica", () => {
    const one = new Y.Doc();
    const two = new Y.Doc();
    const a = start(one, 3, null, 100);
    const b = start(two, 3, null, 100);
    exchange(one, two);
    expect(listRounds(one)).toEqual(listRounds(two));
    expect(listRounds(one).map((r) => r.number)).toEqual([1, 2]);
    expect(openRound(one)?.id).toBe(openRound(two)?.id);
    expect([a, b]).toContain(openRound(one)?.id);
  });

  it("tells watchers about rounds and dots", () => {
    const doc = new Y.Doc();
    let calls = 0;
    const stop = observeRounds(doc, () => calls++);
    const round = start(doc);
    castDot(doc, round, "a", "u1");
    revealRound(doc, round);
    stop();
    castDot(doc, round, "a", "u1");
    expect(calls).toBe(3);
  });

  it("lets facilitators start and reveal, and members cast, even while locked", () => {
    const member: DocActor = { userId: "m", canWrite: true, isFacilitator: false };
    const facilitator: DocActor = { userId: "f", canWrite: true, isFacilitator: true };
    const reader: DocActor = { userId: "r", canWrite: false, isFacilitator: false };
    expect(may(member, votingRoundRules.start)).toBe(false);
    expect(may(member, votingRoundRules.reveal)).toBe(false);
    expect(may(facilitator, votingRoundRules.start)).toBe(true);
    expect(may(member, votingRoundRules.cast, { locked: true })).toBe(true);
    expect(may(reader, votingRoundRules.cast)).toBe(false);
  });
});
