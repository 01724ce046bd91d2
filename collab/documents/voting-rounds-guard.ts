import type { Change, KeyChange } from "./changes";
import { fieldOf } from "./changes";
import {
  checkNewItem,
  isId,
  isInteger,
  isNumber,
  isWriter,
  orNull,
  splitKey,
  type GuardContext,
  type Verdict,
} from "./guard-kit";
import { may } from "./rules";
import { MAX_DOTS, votingRoundRules } from "./voting-rounds";

/**
 * The server's side of voting rounds (voting-rounds.ts), for any host document: rounds are started
 * and revealed by facilitators; dots are placed under the writer's own key only, in a round still
 * open, on an item that exists, within the round's dots per person.
 */
export const VOTING_ROOTS = ["rounds", "roundDots"] as const;

const roundFields = {
  id: isId,
  number: isInteger(1, 10_000, "A round's number"),
  dotsPerPerson: isInteger(1, MAX_DOTS, "Dots per person"),
  startedAt: isNumber("A round's start"),
  endsAt: orNull(isNumber("A round's end")),
  revealedAt: (v: unknown) => (v === null ? null : "A new round cannot start revealed."),
  startedBy: isWriter,
};

/** How far past a round's end dots are still accepted (clocks differ between computers). */
export const CLOCK_GRACE_MS = 5 * 60_000;

const roundOf = (ctx: GuardContext, roundId: string) => ctx.doc.getMap<unknown>("rounds").get(roundId);

/**
 * Checks a change to `rounds` or `roundDots`. `itemExists` says whether the host still has the
 * item; `itemExisted` whether it ever had it (a deleted item leaves its key behind).
 */
export function checkVoting(
  change: Change,
  ctx: GuardContext,
  itemExists: (itemId: string) => boolean,
  locked = false,
  itemExisted: (itemId: string) => boolean = itemExists,
): Verdict {
  if (change.key === null) return "Voting rounds hold only rounds and dots.";
  return change.root === "rounds"
    ? checkRound(change, ctx)
    : checkDot(change, ctx, { exists: itemExists, existed: itemExisted }, locked);
}

function checkRound(change: KeyChange, ctx: GuardContext): Verdict {
  if (!may(ctx.writer, votingRoundRules.start)) return votingRoundRules.start.says;
  if (change.path.length === 0) {
    if (change.action !== "add") return "A voting round is kept once started.";
    return checkNewItem(change, roundFields, Object.keys(roundFields), ctx);
  }
  if (change.path.length === 1 && change.key === "revealedAt") {
    if (change.old !== null && change.old !== undefined) return "A round's results stay revealed.";
    return isNumber("The time of revealing")(change.value, ctx);
  }
  return "Only a round's reveal can change after it starts.";
}

function checkDot(
  change: KeyChange,
  ctx: GuardContext,
  item: { exists: (id: string) => boolean; existed: (id: string) => boolean },
  locked: boolean,
): Verdict {
  const itemExists = item.exists;
  if (change.path.length !== 0) return "A dot is a number under its key.";
  const parts = splitKey(change.key, 3);
  if (!parts) return "A dot's key is not well formed.";
  const [roundId, itemId, userId] = parts;
  // An item deleted (by whoever may delete it) takes everyone's dots with it.
  if (change.action === "delete" && !itemExists(itemId)) return null;
  if (userId !== ctx.writer.userId) return "You can only place or take back your own dots.";
  if (!may(ctx.writer, votingRoundRules.cast, { locked })) return votingRoundRules.cast.says;
  const round = roundOf(ctx, roundId);
  if (!round || typeof round !== "object") return "That voting round does not exist.";
  if (fieldOf(round, "revealedAt") != null) return "That round's results are revealed: its dots can no longer change.";
  const endsAt = fieldOf(round, "endsAt");
  // The facilitator's clock set the end; a few minutes' grace keeps a wrong clock from refusing honest dots.
  if (typeof endsAt === "number" && ctx.now > endsAt + CLOCK_GRACE_MS) return "Time is up for this voting round.";
  if (change.action === "delete") return null;
  // A dot placed on a note someone deleted a moment before (the page had not heard yet) is an
  // honest race: it is kept, counts against the person's dots, and is shown nowhere.
  if (!itemExists(itemId) && !item.existed(itemId)) return "A dot can only go on something still on the page.";
  return isInteger(1, MAX_DOTS, "Dots on one item")(change.value, ctx);
}

/**
 * Across the update: in each round the writer touched, their dots stay within the round's dots
 * per person (or at least do not grow, should two of their devices have overspent at once).
 */
export function checkDotBudgets(changes: Change[], ctx: GuardContext): Verdict {
  const delta = new Map<string, number>();
  for (const c of changes) {
    if (c.root !== "roundDots" || c.key === null) continue;
    const parts = splitKey(c.key, 3);
    if (!parts || parts[2] !== ctx.writer.userId) continue;
    const change = (typeof c.value === "number" ? c.value : 0) - (typeof c.old === "number" ? c.old : 0);
    delta.set(parts[0], (delta.get(parts[0]) ?? 0) + change);
  }
  for (const [roundId, added] of delta) {
    if (added <= 0) continue;
    const budget = fieldOf(roundOf(ctx, roundId), "dotsPerPerson");
    let used = 0;
    ctx.doc.getMap<number>("roundDots").forEach((count, key) => {
      const parts = splitKey(key, 3);
      if (parts && parts[0] === roundId && parts[2] === ctx.writer.userId && typeof count === "number") used += count;
    });
    if (typeof budget !== "number" || used > budget)
      return `You have ${budget ?? 0} dots in this round, and they are all placed.`;
  }
  return null;
}
