/**
 * The rules of a shared document, declared beside each kind's shape (root-cause-board.ts,
 * hmw.ts, playlist.ts…) so the page that offers an action and the server that accepts the change
 * read the same declaration. A rule says who may act and whether the action is still open while a
 * facilitator has locked the document; `says` is the rule in plain words for pages and refusals.
 */
export type Who =
  /** Anyone who may write the document (a member of the community, its facilitators). */
  | "member"
  /** The cohort's facilitators only. */
  | "facilitator"
  /** A member who is not acting as a facilitator: the school leaders using it (a playlist's progress). */
  | "leader"
  /** The person who wrote the item only. */
  | "author"
  /** The person who wrote the item, or a facilitator. */
  | "author-or-facilitator";

export type Rule = {
  who: Who;
  /** Still allowed while the document is locked (facilitators always are). */ whileLocked?: boolean;
  says: string;
};

/** A kind's rules by action name. */
export type RuleSet<Action extends string> = Readonly<Record<Action, Rule>>;

/** The person acting, as the document's permission gives them: whether they may write at all, and as whom. */
export type DocActor = { userId: string; canWrite: boolean; isFacilitator: boolean };

/** What the rule is checked against: the item's author, and the document's lock. */
export type RuleContext = { authorId?: string | null; locked?: boolean };

/** Whether this person may take this action now. A reader may never act; a lock stops members. */
export function may(actor: DocActor, rule: Rule, context: RuleContext = {}): boolean {
  if (!actor.canWrite) return false;
  if (context.locked && !rule.whileLocked && !actor.isFacilitator) return false;
  const isAuthor = context.authorId != null && context.authorId === actor.userId;
  switch (rule.who) {
    case "member":
      return true;
    case "facilitator":
      return actor.isFacilitator;
    case "leader":
      return !actor.isFacilitator;
    case "author":
      return isAuthor;
    case "author-or-facilitator":
      return isAuthor || actor.isFacilitator;
  }
}

/** Declares a kind's rules with their action names checked (and kept as literal keys). */
export const defineRules = <Action extends string>(rules: RuleSet<Action>): RuleSet<Action> => rules;
