import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addQuestion,
  chooseQuestion,
  chosenQuestion,
  hasVoted,
  listQuestions,
  refineQuestion,
  toggleVote,
} from "./hmw";
import { addItem, checkResourceUrl, listItems, moveItem, removeItem } from "./playlist";

const who = { authorId: "u1", authorName: "Ben" };
const exchange = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

describe("how might we questions", () => {
  it("keeps source notes, refines drafts and counts votes", () => {
    const doc = new Y.Doc();
    const id = addQuestion(doc, {
      ...who,
      text: "How might we reach every family?",
      sourceNoteIds: ["n1", "n1", "n2"],
    });
    expect(listQuestions(doc)[0]).toMatchObject({ status: "draft", sourceNoteIds: ["n1", "n2"], votes: 0 });
    refineQuestion(doc, id, "How might we reach every family before term starts?");
    toggleVote(doc, id, "u2");
    toggleVote(doc, id, "u3");
    toggleVote(doc, id, "u3");
    expect(hasVoted(doc, id, "u2")).toBe(true);
    expect(listQuestions(doc)[0]).toMatchObject({ status: "refined", votes: 1 });
    expect(() => addQuestion(doc, { ...who, text: "short" })).toThrow();
  });

  it("has exactly one chosen question, even when two people choose different ones at once", () => {
    const one = new Y.Doc();
    const two = new Y.Doc();
    const q1 = addQuestion(one, { ...who, text: "How might we signal we are anti-racist?" });
    const q2 = addQuestion(one, { ...who, text: "How might we use PTA funds fairly?" });
    exchange(one, two);
    chooseQuestion(one, q1);
    chooseQuestion(two, q2);
    exchange(one, two);
    const chosen = listQuestions(one).filter((q) => q.status === "chosen");
    expect(chosen).toHaveLength(1);
    expect(chosenQuestion(two)?.id).toBe(chosen[0].id);
    chooseQuestion(one, q1);
    expect(
      listQuestions(one)
        .filter((q) => q.status === "chosen")
        .map((q) => q.id),
    ).toEqual([q1]);
  });
});

describe("playlists", () => {
  const item = {
    title: "Courageous conversations",
    url: "https://example.org/talk",
    type: "video" as const,
    minutes: 12,
    why: "Sets the tone",
    addedBy: "f1",
  };

  it("accepts only http and https links", () => {
    expect(checkResourceUrl(" https://example.org/a ")).toBe("https://example.org/a");
    expect(() => checkResourceUrl("javascript:alert(1)")).toThrow(/https/);
    expect(() => checkResourceUrl("ftp://example.org")).toThrow(/https/);
    expect(() => checkResourceUrl("not a url")).toThrow(/full web address/);
    expect(() => addItem(new Y.Doc(), { ...item, url: "data:text/html,hi" })).toThrow();
    expect(() => addItem(new Y.Doc(), { ...item, minutes: 0 })).toThrow(/Minutes/);
  });

  it("reorders without losing or duplicating items when two people move at once", () => {
    const one = new Y.Doc();
    const two = new Y.Doc();
    const ids = ["A", "B", "C", "D"].map((t) => addItem(one, { ...item, title: `Item ${t}` }));
    exchange(one, two);
    moveItem(one, ids[3], 0);
    moveItem(two, ids[3], 2);
    moveItem(two, ids[0], 4);
    exchange(one, two);
    expect(listItems(one).map((i) => i.id)).toEqual(listItems(two).map((i) => i.id));
    expect(
      listItems(one)
        .map((i) => i.id)
        .sort(),
    ).toEqual([...ids].sort());
    removeItem(one, ids[1]);
    expect(listItems(one)).toHaveLength(3);
  });
});
