import type { HmwProjection } from "../../../collab/documents/hmw";
import { inquiryFields, sectionWritten, type InquiryProjection } from "../../../collab/documents/inquiry";
import type { BoardProjection } from "../../../collab/documents/root-cause-board";

/** How far a community's inquiry has gone, in the order of the guided steps. */
export const inquiryStages = ["Not started", "Stories", "Root causes", "Questions", "Question chosen"] as const;
export type InquiryStage = (typeof inquiryStages)[number];

/** The projections of a community's three inquiry documents, and its members (whose stories to look for). */
export type InquiryDocuments = {
  inquiry: InquiryProjection;
  board: BoardProjection;
  hmw: HmwProjection;
  memberIds: readonly string[];
};

/**
 * The furthest step the community has reached: a chosen question beats any question, which beats
 * notes on the board, which beat any story text. Later steps count even if earlier ones were skipped.
 */
export function inquiryStage({ inquiry, board, hmw, memberIds }: InquiryDocuments): InquiryStage {
  if (hmw.chosen) return "Question chosen";
  if (hmw.questions > 0) return "Questions";
  if (board.notes.length > 0) return "Root causes";
  if (memberIds.some((id) => sectionWritten(inquiry, inquiryFields.story(id)))) return "Stories";
  return "Not started";
}

/** The position of a stage (0 for "Not started"), for progress bars. */
export function stageIndex(stage: InquiryStage): number {
  return inquiryStages.indexOf(stage);
}
