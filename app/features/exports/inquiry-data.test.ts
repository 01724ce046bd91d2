import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addQuestion, chooseQuestion, initHmw, toggleVote } from "../../../collab/documents/hmw";
import { initInquiry, inquiryFields, writeParagraphs } from "../../../collab/documents/inquiry";
import { addCluster, addNote, initBoard, moveNote, setProblem, vote } from "../../../collab/documents/root-cause-board";
import { castDot, revealRound, startRound } from "../../../collab/documents/voting-rounds";
import { inquiryExport } from "./inquiry-data";
import { richTextBlocks } from "./rich-text-blocks";

const ann = { id: "a", name: "Ann" };
const bob = { id: "b", name: "Bob" };

function world() {
  const inquiry = new Y.Doc();
  const board = new Y.Doc();
  const hmw = new Y.Doc();
  initInquiry(inquiry);
  initBoard(board);
  initHmw(hmw);
  return { inquiry, board, hmw };
}

const build = (
  docs: ReturnType<typeof world>,
  pairs: Array<[string, string]> = [["a", "b"]],
  onlyPairsOf: string | null = null,
) =>
  inquiryExport({
    onlyPairsOf,
    community: { name: "Family partnership", cohortName: "Cohort", members: [ann, bob] },
    pairs,
    ...docs,
    links: [],
    exportedOn: "8 December 2026",
  });

describe("inquiryExport", () => {
  it("reads every member's story and need, and each pair's peer check, empty sections included", () => {
    const docs = world();
    writeParagraphs(docs.inquiry, inquiryFields.story("a"), ["Ann's first paragraph.", "Her second."]);
    writeParagraphs(docs.inquiry, inquiryFields.needed("b"), ["Bob needed time."]);
    writeParagraphs(docs.inquiry, inquiryFields.peerCheck("b", "a"), ["We checked an assumption."]);
    const data = build(docs);
    expect(data.stories).toEqual([
      {
        name: "Ann",
        blocks: [
          { kind: "paragraph", text: "Ann's first paragraph." },
          { kind: "paragraph", text: "Her second." },
        ],
      },
      { name: "Bob", blocks: [] },
    ]);
    expect(data.needed[1].blocks).toEqual([{ kind: "paragraph", text: "Bob needed time." }]);
    expect(data.peerChecks).toEqual([
      { names: ["Ann", "Bob"], blocks: [{ kind: "paragraph", text: "We checked an assumption." }] },
    ]);
  });

  it("keeps a peer check written by a pair that no longer exists", () => {
    const docs = world();
    writeParagraphs(docs.inquiry, inquiryFields.peerCheck("a", "gone"), ["Notes from last term."]);
    const data = build(docs, [["a", "b"]]);
    expect(data.peerChecks.map((p) => p.names)).toEqual([
      ["Ann", "Bob"],
      ["Ann", "A former member"],
    ]);
  });

  it("gives a member only their own pairs' notes, as the inquiry page does", () => {
    const docs = world();
    writeParagraphs(docs.inquiry, inquiryFields.peerCheck("a", "b"), ["Ann and Bob's notes."]);
    writeParagraphs(docs.inquiry, inquiryFields.peerCheck("c", "d"), ["Another pair's notes."]);
    const pairs: Array<[string, string]> = [
      ["a", "b"],
      ["c", "d"],
    ];
    expect(build(docs, pairs, "b").peerChecks.map((p) => p.blocks)).toEqual([
      [{ kind: "paragraph", text: "Ann and Bob's notes." }],
    ]);
    expect(build(docs, pairs, null).peerChecks).toHaveLength(2);
  });

  it("lays the board out by category and named group, with the dots the board shows", () => {
    const docs = world();
    const by = { authorId: "a", authorName: "Ann" };
    setProblem(docs.board, "Families stay away");
    const calls = addNote(docs.board, { ...by, text: "Calls are about absence", category: "systems-policies" });
    const deposit = addNote(docs.board, { ...by, text: "Deposits in one go", category: "systems-policies" });
    addNote(docs.board, { ...by, text: "Never asked families", category: "knowledge" });
    const group = addCluster(docs.board, { name: "Money", category: "systems-policies" });
    moveNote(docs.board, deposit, "systems-policies", null, { clusterId: group });
    vote(docs.board, calls, "a");
    vote(docs.board, calls, "b");
    const data = build(docs);
    expect(data.board.problem).toBe("Families stay away");
    // "Not yet sorted" is left out while it is empty; the other categories are always there.
    expect(data.board.columns.map((c) => c.label)).toEqual([
      "Systems and policies",
      "Knowledge",
      "Skills",
      "Dispositions",
    ]);
    expect(data.board.columns[0].groups).toEqual([
      { name: null, notes: [{ text: "Calls are about absence", authorName: "Ann", dots: 2 }] },
      { name: "Money", notes: [{ text: "Deposits in one go", authorName: "Ann", dots: 0 }] },
    ]);
  });

  it("puts the chosen question first, with the dots of the latest revealed round", () => {
    const docs = world();
    const by = { authorId: "b", authorName: "Bob" };
    const first = addQuestion(docs.hmw, { ...by, text: "How might we ask families first?" });
    const second = addQuestion(docs.hmw, { ...by, text: "How might we pay for trips in parts?" });
    toggleVote(docs.hmw, second, "a");
    chooseQuestion(docs.hmw, first);
    const withVotes = build(docs).questions;
    expect(withVotes[0]).toMatchObject({ text: "How might we ask families first?", status: "chosen", dots: 0 });
    expect(withVotes[1]).toMatchObject({ status: "draft", dots: 1 });
    const round = startRound(docs.hmw, { dotsPerPerson: 3, minutes: null, startedBy: "f" });
    castDot(docs.hmw, round, first, "a");
    castDot(docs.hmw, round, first, "b");
    revealRound(docs.hmw, round);
    expect(build(docs).questions.map((q) => q.dots)).toEqual([2, 0]);
  });
});

describe("richTextBlocks", () => {
  it("keeps headings, lists and quotes, drops marks and names mentions", () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment("story/a");
    const heading = new Y.XmlElement("heading");
    heading.setAttribute("level", 2 as unknown as string);
    heading.insert(0, [new Y.XmlText("Autumn")]);
    const paragraph = new Y.XmlElement("paragraph");
    const bold = new Y.XmlText();
    paragraph.insert(0, [bold]);
    bold.insert(0, "Plain ");
    bold.insert(6, "bold", { bold: {} });
    const mention = new Y.XmlElement("mention");
    mention.setAttribute("label", "Bob");
    paragraph.insert(1, [mention]);
    const list = new Y.XmlElement("orderedList");
    const item = new Y.XmlElement("listItem");
    const itemParagraph = new Y.XmlElement("paragraph");
    itemParagraph.insert(0, [new Y.XmlText("First")]);
    item.insert(0, [itemParagraph]);
    list.insert(0, [item]);
    const empty = new Y.XmlElement("paragraph");
    fragment.insert(0, [heading, paragraph, list, empty]);
    expect(richTextBlocks(fragment)).toEqual([
      { kind: "heading", level: 2, text: "Autumn" },
      { kind: "paragraph", text: "Plain bold@Bob" },
      { kind: "list", ordered: true, items: ["First"] },
    ]);
  });
});
