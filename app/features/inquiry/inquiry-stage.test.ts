import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addQuestion, chooseQuestion, projectHmw } from "../../../collab/documents/hmw";
import { inquiryFields, projectInquiry, writeParagraphs } from "../../../collab/documents/inquiry";
import { addNote, projectBoard } from "../../../collab/documents/root-cause-board";
import { inquiryStage, stageIndex } from "./inquiry-stage";

const fresh = () => ({ inquiry: new Y.Doc(), board: new Y.Doc(), hmw: new Y.Doc(), memberIds: ["ada", "ben"] });
/** The stage of the documents as they are now, read through their projections as pages read them. */
const stageOf = (d: ReturnType<typeof fresh>) =>
  inquiryStage({
    inquiry: projectInquiry(d.inquiry),
    board: projectBoard(d.board),
    hmw: projectHmw(d.hmw),
    memberIds: d.memberIds,
  });

describe("inquiryStage", () => {
  it("is not started when every document is empty", () => {
    expect(stageOf(fresh())).toBe("Not started");
  });

  it("ignores blank stories and stories of people who are not members", () => {
    const docs = fresh();
    writeParagraphs(docs.inquiry, inquiryFields.story("ada"), ["   "]);
    writeParagraphs(docs.inquiry, inquiryFields.story("someone-else"), ["An old story"]);
    writeParagraphs(docs.inquiry, inquiryFields.needed("ben"), ["Time with families"]);
    expect(stageOf(docs)).toBe("Not started");
  });

  it("moves through stories, root causes, questions and the chosen question", () => {
    const docs = fresh();
    writeParagraphs(docs.inquiry, inquiryFields.story("ben"), ["Parents' evening was half empty."]);
    expect(stageOf(docs)).toBe("Stories");
    addNote(docs.board, { text: "Letters go home in English only", authorId: "ben", authorName: "Ben" });
    expect(stageOf(docs)).toBe("Root causes");
    const id = addQuestion(docs.hmw, { text: "How might we reach every family?", authorId: "ada", authorName: "Ada" });
    expect(stageOf(docs)).toBe("Questions");
    chooseQuestion(docs.hmw, id);
    expect(stageOf(docs)).toBe("Question chosen");
    expect(stageIndex(stageOf(docs))).toBe(4);
  });

  it("counts a later step even when earlier ones were skipped", () => {
    const docs = fresh();
    addQuestion(docs.hmw, { text: "How might we use PTA funds fairly?", authorId: "ada", authorName: "Ada" });
    expect(stageOf(docs)).toBe("Questions");
  });
});
