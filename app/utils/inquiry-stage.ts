import type * as Y from "yjs";
import { chosenQuestion, listQuestions } from "../../collab/documents/hmw";
import { inquiryFields, inquiryText } from "../../collab/documents/inquiry";
import { listNotes } from "../../collab/documents/root-cause-board";

/** How far a community's inquiry has gone, in the order of the guided steps. */
export const inquiryStages = ["Not started", "Stories", "Root causes", "Questions", "Question chosen"] as const;
export type InquiryStage = (typeof inquiryStages)[number];

/** The three shared documents of a community's inquiry, and its members (whose stories to look for). */
export type InquiryDocuments = { inquiry: Y.Doc; board: Y.Doc; hmw: Y.Doc; memberIds: readonly string[] };

/**
 * The furthest step the community has reached: a chosen question beats any question, which beats
 * notes on the board, which beat any story text. Later steps count even if earlier ones were skipped.
 */
export function inquiryStage({ inquiry, board, hmw, memberIds }: InquiryDocuments): InquiryStage {
  if (chosenQuestion(hmw)) return "Question chosen";
  if (listQuestions(hmw).length > 0) return "Questions";
  if (listNotes(board).length > 0) return "Root causes";
  if (memberIds.some((id) => inquiryText(inquiry, inquiryFields.story(id)).trim() !== "")) return "Stories";
  return "Not started";
}

/** The position of a stage (0 for "Not started"), for progress bars. */
export function stageIndex(stage: InquiryStage): number {
  return inquiryStages.indexOf(stage);
}
