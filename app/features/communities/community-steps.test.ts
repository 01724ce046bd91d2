import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addQuestion, chooseQuestion, projectHmw } from "../../../collab/documents/hmw";
import { inquiryFields, projectInquiry, writeParagraphs } from "../../../collab/documents/inquiry";
import { addNote, moveNote, projectBoard } from "../../../collab/documents/root-cause-board";
import { pairsOf, stepStatuses } from "./community-steps";

/** The documents' projections, as the home page reads them. */
const projected = (inquiry: Y.Doc, board: Y.Doc, hmw: Y.Doc) => ({
  inquiry: projectInquiry(inquiry),
  board: projectBoard(board),
  hmw: projectHmw(hmw),
});

describe("the six steps' statuses", () => {
  it("says nothing has happened yet on empty documents", () => {
    const steps = stepStatuses({
      ...projected(new Y.Doc(), new Y.Doc(), new Y.Doc()),
      memberIds: ["a", "b"],
      pairs: [],
      linkedMembers: 0,
    });
    expect(steps.map((s) => s.status)).toEqual([
      "Stories written: 0 of 2",
      "Reflections written: 0 of 2",
      "No pairs set yet",
      "No notes on the board yet",
      "No questions drafted yet",
      "Linked to their plan: 0 of 2 members",
    ]);
  });

  it("counts stories, pairs' notes, notes sorted and questions from the documents", () => {
    const [inquiry, board, hmw] = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
    writeParagraphs(inquiry, inquiryFields.story("a"), ["A story."]);
    writeParagraphs(inquiry, inquiryFields.story("b"), ["   "]);
    writeParagraphs(inquiry, inquiryFields.needed("b"), ["Time."]);
    writeParagraphs(inquiry, inquiryFields.peerCheck("b", "a"), ["We asked why."]);
    const note = addNote(board, { text: "No shared calendar", authorId: "a", authorName: "Ada" });
    addNote(board, { text: "Letters only in English", authorId: "b", authorName: "Ben" });
    moveNote(board, note, "skills");
    chooseQuestion(
      hmw,
      addQuestion(hmw, { text: "How might we meet families where they are?", authorId: "a", authorName: "Ada" }),
    );
    addQuestion(hmw, { text: "How might we share the calendar?", authorId: "b", authorName: "Ben" });
    const steps = stepStatuses({
      ...projected(inquiry, board, hmw),
      memberIds: ["a", "b"],
      pairs: [["a", "b"]],
      linkedMembers: 1,
    });
    expect(steps.map((s) => s.status)).toEqual([
      "Stories written: 1 of 2",
      "Reflections written: 1 of 2",
      "1 pair set, 1 with notes",
      "2 notes on the board, 1 sorted into categories",
      "2 questions drafted, one chosen",
      "Linked to their plan: 1 of 2 members",
    ]);
  });

  it("reads each pair once from the both-ways rows", () => {
    expect(
      pairsOf([
        { userId: "b", partnerId: "a" },
        { userId: "a", partnerId: "b" },
      ]),
    ).toEqual([["a", "b"]]);
  });
});
