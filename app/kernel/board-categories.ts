/** What each category of the root-cause board is called on screen (the board, the evidence trail). */
import type { BoardCategory } from "../../collab/documents/root-cause-board";

/** The on-screen name of each board category. */
export const boardCategoryLabels: Record<BoardCategory, string> = {
  unsorted: "Not yet sorted",
  "systems-policies": "Systems and policies",
  knowledge: "Knowledge",
  skills: "Skills",
  dispositions: "Dispositions",
};
