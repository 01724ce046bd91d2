import type { KeyChange } from "./changes";
import { fieldOf } from "./changes";
import {
  checkMeta,
  checkNewItem,
  isId,
  isInteger,
  isNumber,
  isOneOf,
  isString,
  isWriter,
  isWritersName,
  orNull,
  ownEntry,
  splitKey,
  UNKNOWN,
  type DocGuard,
  type FieldCheck,
  type GuardContext,
  type Verdict,
} from "./guard-kit";
import {
  BOARD_SCHEMA_VERSION,
  boardCategories,
  boardRules,
  boardTemplates,
  getBoardSettings,
  notesMap,
} from "./root-cause-board";
import { may, type Rule } from "./rules";
import { checkDotBudgets, checkVoting, VOTING_ROOTS } from "./voting-rounds-guard";

/**
 * The root-cause board's write rules on the server (`boardRules` beside its shape): a note is
 * written in its author's name and its words changed by its author or a facilitator; anyone moves
 * notes and makes groups; settings, template and lock are a facilitator's; while the board is
 * locked only facilitators change it (dots in a voting round still go on).
 */
const categoryCheck = isOneOf(boardCategories, "A category");
const idOrNull = orNull(isId);

/** A note's placement: anyone may change it (moves, groups, the five whys' links). */
const placeFields: Record<string, FieldCheck> = {
  category: categoryCheck,
  order: isNumber("A note's place"),
  clusterId: idOrNull,
  whyOf: idOrNull,
};

const noteFields: Record<string, FieldCheck> = {
  id: isId,
  text: isString(1, 280, "A note"),
  authorId: isWriter,
  authorName: isWritersName,
  createdAt: isNumber("A note's time"),
  ...placeFields,
};

const clusterFields: Record<string, FieldCheck> = {
  id: isId,
  name: isString(1, 60, "A group's name"),
  category: categoryCheck,
  order: isNumber("A group's place"),
};

const settingFields: Record<string, FieldCheck> = {
  voteBudget: isInteger(0, 20, "Dots per person"),
  locked: (v) => (typeof v === "boolean" ? null : "The lock is on or off."),
  // The page offers 1 to 120 minutes from the facilitator's clock; a day leaves room for a wrong clock.
  timerEndsAt: (v, ctx) =>
    v === null || (typeof v === "number" && Number.isFinite(v) && v <= ctx.now + 24 * 3_600_000)
      ? null
      : "The timer must end within the day.",
  template: isOneOf(boardTemplates, "A template"),
  problem: isString(0, 280, "The problem"),
};

/** The rule for a change, with the board's lock as it stands (a member's unlock is refused as a setting). */
const allowed = (ctx: GuardContext, rule: Rule, authorId?: unknown): Verdict =>
  may(ctx.writer, rule, {
    locked: getBoardSettings(ctx.doc).locked,
    authorId: typeof authorId === "string" ? authorId : null,
  })
    ? null
    : ctx.writer.isFacilitator || !getBoardSettings(ctx.doc).locked
      ? rule.says
      : "The facilitator has locked the board.";

function checkNote(change: KeyChange, ctx: GuardContext): Verdict {
  if (change.path.length === 0) {
    if (change.action === "add")
      return (
        allowed(ctx, boardRules.addNote) ??
        checkNewItem(
          change,
          noteFields,
          ["id", "text", "authorId", "authorName", "createdAt", "category", "order"],
          ctx,
        )
      );
    if (change.action === "delete") return allowed(ctx, boardRules.deleteNote, fieldOf(change.old, "authorId"));
    return "A note cannot be replaced; change its words instead.";
  }
  if (change.path.length !== 1) return UNKNOWN;
  const note = change.target;
  if (change.key === "text") {
    if (change.action === "delete") return "A note keeps its words.";
    return allowed(ctx, boardRules.editNote, fieldOf(note, "authorId")) ?? noteFields.text(change.value, ctx);
  }
  const place = ownEntry(placeFields, change.key);
  if (place) return allowed(ctx, boardRules.moveNote) ?? (change.action === "delete" ? null : place(change.value, ctx));
  if (Object.hasOwn(noteFields, change.key)) return "A note's author and time cannot be changed.";
  return UNKNOWN;
}

function checkCluster(change: KeyChange, ctx: GuardContext): Verdict {
  const rule = allowed(ctx, boardRules.cluster);
  if (rule) return rule;
  if (change.path.length === 0) {
    if (change.action === "add") return checkNewItem(change, clusterFields, Object.keys(clusterFields), ctx);
    if (change.action === "delete") return null;
    return "A group cannot be replaced; rename it instead.";
  }
  if (change.path.length !== 1) return UNKNOWN;
  if (change.key === "name" && change.action !== "delete") return clusterFields.name(change.value, ctx);
  return "Only a group's name can change.";
}

function checkSetting(change: KeyChange, ctx: GuardContext): Verdict {
  const rule =
    ownEntry({ template: boardRules.template, problem: boardRules.template, locked: boardRules.lock }, change.key) ??
    boardRules.timer;
  if (!may(ctx.writer, rule))
    return "Only a facilitator can change the board's settings: the lock, the timer, the dots and the template.";
  const check = ownEntry(settingFields, change.key);
  if (!check || change.path.length !== 0) return UNKNOWN;
  if (change.action === "delete") return "A setting is changed, not removed.";
  return check(change.value, ctx);
}

/** The first, always-open dots (`votes`: `${noteId}|${userId}` → count), kept for older boards. */
function checkLegacyDot(change: KeyChange, ctx: GuardContext): Verdict {
  const parts = splitKey(change.key, 2);
  if (!parts || change.path.length !== 0) return UNKNOWN;
  const [noteId, userId] = parts;
  if (change.action === "delete" && !notesMap(ctx.doc).has(noteId)) return null;
  if (userId !== ctx.writer.userId) return "You can only place or take back your own dots.";
  const rule = allowed(ctx, boardRules.addNote);
  if (rule) return rule;
  if (
    change.action === "delete" ||
    (typeof change.value === "number" && typeof change.old === "number" && change.value < change.old)
  )
    return null;
  // The pages place dots only in a facilitator's voting round; these are shown on boards from before rounds.
  return "Dots are placed in a voting round the facilitator starts.";
}

export const boardGuard: DocGuard = {
  mapRoots: ["meta", "notes", "votes", "settings", "clusters", ...VOTING_ROOTS],
  check(change, ctx) {
    if (change.root === "meta") return checkMeta(change, BOARD_SCHEMA_VERSION);
    if (change.key === null) return UNKNOWN;
    switch (change.root) {
      case "notes":
        return checkNote(change, ctx);
      case "clusters":
        return checkCluster(change, ctx);
      case "settings":
        return checkSetting(change, ctx);
      case "votes":
        return checkLegacyDot(change, ctx);
      case "rounds":
      case "roundDots":
        return checkVoting(
          change,
          ctx,
          (id) => notesMap(ctx.doc).has(id),
          getBoardSettings(ctx.doc).locked,
          // A deleted note's key stays in the map's own record of its entries.
          (id) => notesMap(ctx.doc)._map.has(id),
        );
      default:
        return UNKNOWN;
    }
  },
  checkAll: checkDotBudgets,
};
