import type { KeyChange } from "./changes";
import {
  checkMeta,
  checkNewItem,
  isId,
  isNumber,
  isString,
  isWriter,
  isWritersName,
  splitKey,
  UNKNOWN,
  type DocGuard,
  type FieldCheck,
  type GuardContext,
  type Verdict,
} from "./guard-kit";
import { HMW_SCHEMA_VERSION, hmwReactions, hmwRules } from "./hmw";
import { may } from "./rules";
import { checkDotBudgets, checkVoting, VOTING_ROOTS } from "./voting-rounds-guard";

/**
 * "How might we…" questions on the server (`hmwRules` beside the shape): anyone drafts in their own
 * name and refines; only a facilitator marks the chosen question; reactions and votes are each
 * person's own.
 */
const questionFields: Record<string, FieldCheck> = {
  id: isId,
  text: isString(10, 300, "A question"),
  authorId: isWriter,
  authorName: isWritersName,
  createdAt: isNumber("A question's time"),
  sourceNoteIds: (v) =>
    Array.isArray(v) && v.length <= 100 && v.every((id) => typeof id === "string" && id.length > 0 && id.length <= 64)
      ? null
      : "A question's source notes are a list of note ids.",
  status: (v) => (v === "draft" ? null : "A new question starts as a draft."),
};

const questionExists = (ctx: GuardContext, id: string) => ctx.doc.getMap("questions").has(id);

function checkQuestion(change: KeyChange, ctx: GuardContext): Verdict {
  if (change.path.length === 0) {
    if (change.action !== "add") return "A question is kept once drafted.";
    return may(ctx.writer, hmwRules.draft)
      ? checkNewItem(change, questionFields, Object.keys(questionFields), ctx)
      : hmwRules.draft.says;
  }
  if (change.path.length !== 1) return UNKNOWN;
  if (change.action === "delete") return "A question keeps its fields.";
  switch (change.key) {
    case "text":
      return may(ctx.writer, hmwRules.refine) ? questionFields.text(change.value, ctx) : hmwRules.refine.says;
    case "status": {
      // Drafts become refined when reworded (anyone); choosing, and un-choosing the one chosen before, is a facilitator's.
      const plain = change.value === "refined" && change.old !== "chosen";
      if (plain) return may(ctx.writer, hmwRules.refine) ? null : hmwRules.refine.says;
      if (change.value !== "refined" && change.value !== "chosen") return "A question is a draft, refined or chosen.";
      return may(ctx.writer, hmwRules.choose) ? null : hmwRules.choose.says;
    }
    case "chosenAt":
      return may(ctx.writer, hmwRules.choose)
        ? isNumber("The time of choosing")(change.value, ctx)
        : hmwRules.choose.says;
    default:
      return "A question's author and time cannot be changed.";
  }
}

/** `${questionId}|${userId}` (the first version's votes) and `${questionId}|${reaction}|${userId}`. */
function checkOwnMark(change: KeyChange, ctx: GuardContext, parts: string[] | null): Verdict {
  if (!parts || change.path.length !== 0) return UNKNOWN;
  if (parts.at(-1) !== ctx.writer.userId) return "You can only add or take back your own reactions.";
  if (!may(ctx.writer, hmwRules.react)) return hmwRules.react.says;
  if (change.action === "delete") return null;
  if (!questionExists(ctx, parts[0])) return "That question is not on the page.";
  return change.value === true ? null : "A reaction is on or off.";
}

export const hmwGuard: DocGuard = {
  mapRoots: ["meta", "questions", "votes", "reactions", ...VOTING_ROOTS],
  check(change, ctx) {
    if (change.root === "meta") return checkMeta(change, HMW_SCHEMA_VERSION);
    if (change.key === null) return UNKNOWN;
    switch (change.root) {
      case "questions":
        return checkQuestion(change, ctx);
      case "votes":
        return checkOwnMark(change, ctx, splitKey(change.key, 2));
      case "reactions": {
        const parts = splitKey(change.key, 3);
        if (parts && !hmwReactions.some((r) => r.id === parts[1])) return "Choose one of the reactions offered.";
        return checkOwnMark(change, ctx, parts);
      }
      case "rounds":
      case "roundDots":
        return checkVoting(change, ctx, (id) => questionExists(ctx, id));
      default:
        return UNKNOWN;
    }
  },
  checkAll: checkDotBudgets,
};
