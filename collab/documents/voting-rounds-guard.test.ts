import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { expectRefused } from "../guard-expect";
import { GuardedRoom } from "../guard-harness";
import { addQuestion } from "./hmw";
import { castDot, listRounds, revealRound, roundResults, startRound } from "./voting-rounds";

function setUp() {
  const room = new GuardedRoom("hmw");
  const fay = room.join({ userId: "fay", isFacilitator: true });
  const ada = room.join({ userId: "ada" });
  const q = addQuestion(ada, {
    text: "How might we plan together more often?",
    authorId: "ada",
    authorName: "ada name",
  });
  const round = startRound(fay, { dotsPerPerson: 2, minutes: 10, startedBy: "fay" });
  expect(room.refusals).toEqual([]);
  return { room, fay, ada, q, round };
}

const fayWriter = { userId: "fay", isFacilitator: true };
const roundMap = (d: Y.Doc, id: string) => d.getMap<Y.Map<unknown>>("rounds").get(id)!;

function rawRound(fields: Record<string, unknown>) {
  const map = new Y.Map<unknown>();
  const all = {
    id: "r9",
    number: 2,
    dotsPerPerson: 3,
    startedAt: Date.now(),
    endsAt: null,
    revealedAt: null,
    startedBy: "fay",
    ...fields,
  };
  for (const [k, v] of Object.entries(all)) map.set(k, v);
  return map;
}

describe("voting rounds' write rules", () => {
  it("a facilitator starts rounds one after another; dots are placed to the last one of the budget", () => {
    const { room, fay, ada, q, round } = setUp();
    expect(castDot(ada, round, q, "ada")).toBe(true);
    expect(castDot(ada, round, q, "ada")).toBe(true);
    revealRound(fay, round);
    const next = startRound(fay, { dotsPerPerson: 1, minutes: null, startedBy: "fay" });
    expect(castDot(fay, next, q, "fay")).toBe(true);
    expect(room.refusals).toEqual([]);
    expect(listRounds(room.server).map((r) => r.id)).toEqual([round, next]);
    expect(roundResults(room.server, round)).toEqual([{ itemId: q, dots: 2 }]);
  });

  it("a person's last dot placed from two devices at once: the first passes, the second (over budget) is refused", () => {
    const { room, ada, q, round } = setUp();
    expect(castDot(ada, round, q, "ada")).toBe(true);
    const phone = new Y.Doc();
    const laptop = new Y.Doc();
    for (const d of [phone, laptop]) Y.applyUpdate(d, Y.encodeStateAsUpdate(room.server));
    const base = Y.encodeStateVector(room.server);
    const q2 = addQuestion(phone, {
      text: "How might we ask the parents first?",
      authorId: "ada",
      authorName: "ada name",
    });
    expect(room.offer(Y.encodeStateAsUpdate(phone, base), GuardedRoom.writer("ada")).kind).toBe("accept");
    Y.applyUpdate(laptop, Y.encodeStateAsUpdate(room.server));
    const shared = Y.encodeStateVector(laptop);
    expect(castDot(phone, round, q2, "ada")).toBe(true);
    expect(castDot(laptop, round, q, "ada")).toBe(true);
    expect(room.offer(Y.encodeStateAsUpdate(phone, shared), GuardedRoom.writer("ada")).kind).toBe("accept");
    expect(room.offer(Y.encodeStateAsUpdate(laptop, shared), GuardedRoom.writer("ada"))).toEqual({
      kind: "refuse",
      why: "You have 2 dots in this round, and they are all placed.",
      spoiled: true,
    });
  });

  it("refuses rounds that are malformed, in another's name, replaced, removed, changed or un-revealed", () => {
    const { room, fay, round } = setUp();
    const rounds = (d: Y.Doc) => d.getMap("rounds");
    expectRefused(room, fayWriter, (d) => rounds(d).set("r9", rawRound({ dotsPerPerson: 21 })), /between 1 and 20/);
    expectRefused(room, fayWriter, (d) => rounds(d).set("r9", rawRound({ dotsPerPerson: 0 })), /between 1 and 20/);
    expectRefused(room, fayWriter, (d) => rounds(d).set("r9", rawRound({ startedBy: "gus" })), /your own name/);
    expectRefused(room, fayWriter, (d) => rounds(d).set("r9", rawRound({ revealedAt: 5 })), /cannot start revealed/);
    expectRefused(room, fayWriter, (d) => rounds(d).set("r9", rawRound({ secret: true })), /never writes/);
    expectRefused(room, fayWriter, (d) => rounds(d).delete(round), /kept once started/);
    expectRefused(room, fayWriter, (d) => roundMap(d, round).set("dotsPerPerson", 20), /Only a round's reveal/);
    expectRefused(room, fayWriter, (d) => roundMap(d, round).set("revealedAt", "soon"), /must be a number/);
    revealRound(fay, round);
    expectRefused(room, fayWriter, (d) => roundMap(d, round).set("revealedAt", null), /stay revealed/);
  });

  it("refuses dots that are malformed: a bad key, nothing, a fraction, a list, nested", () => {
    const { room, q, round } = setUp();
    const dots = (d: Y.Doc) => d.getMap<unknown>("roundDots");
    const ada = { userId: "ada" };
    expectRefused(room, ada, (d) => dots(d).set(`${round}|ada`, 1), /not well formed/);
    expectRefused(room, ada, (d) => dots(d).set(`${round}|${q}|ada`, 0), /between 1 and 20/);
    expectRefused(room, ada, (d) => dots(d).set(`${round}|${q}|ada`, 1.5), /between 1 and 20/);
    expectRefused(room, ada, (d) => dots(d).set(`${round}|${q}|ada`, [1, 1]), /between 1 and 20/);
    expectRefused(room, ada, (d) => dots(d).set(`${round}|${q}|ada`, new Y.Map()), /between 1 and 20/);
    expectRefused(room, ada, (d) => d.getArray("roundDots").insert(0, [1]), /no such part/);
  });
});
