import type { HmwProjection } from "../../../collab/documents/hmw";
import { inquiryFields, sectionWritten, type InquiryProjection } from "../../../collab/documents/inquiry";
import type { BoardProjection } from "../../../collab/documents/root-cause-board";

export type StepStatus = { number: number; title: string; path: string; status: string };

/** What the home page knows about a community's progress: its documents' projections and a few counts. */
export type StepFacts = {
  inquiry: InquiryProjection;
  board: BoardProjection;
  hmw: HmwProjection;
  memberIds: readonly string[];
  /** Peer-check pairs as [a, b], each once. */
  pairs: ReadonlyArray<readonly [string, string]>;
  /** Members who have linked the inquiry to their school's plan. */
  linkedMembers: number;
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A short status for each of the six steps, in plain words, from what is saved. */
export function stepStatuses(f: StepFacts): StepStatus[] {
  const m = f.memberIds.length;
  const stories = f.memberIds.filter((id) => sectionWritten(f.inquiry, inquiryFields.story(id))).length;
  const needed = f.memberIds.filter((id) => sectionWritten(f.inquiry, inquiryFields.needed(id))).length;
  const pairNotes = f.pairs.filter(([a, b]) => sectionWritten(f.inquiry, inquiryFields.peerCheck(a, b))).length;
  const notes = f.board.notes;
  const sorted = notes.filter((n) => n.category !== "unsorted").length;
  const questions = f.hmw.questions;
  const chosen = f.hmw.chosen;
  return [
    { number: 1, title: "Stories", path: "inquiry#step-1", status: `Stories written: ${stories} of ${m}` },
    {
      number: 2,
      title: "What I needed but did not have",
      path: "inquiry#step-2",
      status: `Reflections written: ${needed} of ${m}`,
    },
    {
      number: 3,
      title: "Peer check",
      path: "inquiry#step-3",
      status:
        f.pairs.length === 0 ? "No pairs set yet" : `${plural(f.pairs.length, "pair")} set, ${pairNotes} with notes`,
    },
    {
      number: 4,
      title: "Root causes",
      path: "board",
      status:
        notes.length === 0
          ? "No notes on the board yet"
          : `${plural(notes.length, "note")} on the board, ${sorted} sorted into categories`,
    },
    {
      number: 5,
      title: "How might we…",
      path: "questions",
      status:
        questions === 0
          ? "No questions drafted yet"
          : `${plural(questions, "question")} drafted${chosen ? ", one chosen" : ", none chosen yet"}`,
    },
    {
      number: 6,
      title: "Link to my school's plan",
      path: "plan",
      status: `Linked to their plan: ${f.linkedMembers} of ${m} members`,
    },
  ];
}

/** Pairs from the one-row-per-person table, each pair once. */
export function pairsOf(rows: ReadonlyArray<{ userId: string; partnerId: string }>): Array<[string, string]> {
  return rows.filter((r) => r.userId < r.partnerId).map((r) => [r.userId, r.partnerId]);
}
