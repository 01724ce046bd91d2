import type { HmwStatus } from "../../../collab/documents/hmw";

/** The steps' headings, the same words in every export format (and as on the community's pages). */
export const STEP_TITLES = {
  stories: "Stories",
  needed: "What I needed but did not have",
  peerCheck: "Peer check",
  board: "Root causes",
  questions: "How might we…",
  plan: "Linked plan priorities",
};

/** What an export says where a section has no words yet. */
export const notWritten = "Not written yet.";

/** A question's stage, in words. */
export const hmwStatusLabel: Record<HmwStatus, string> = {
  draft: "draft",
  refined: "refined",
  chosen: "chosen",
};
