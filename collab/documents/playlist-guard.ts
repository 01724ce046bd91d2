import type { KeyChange } from "./changes";
import {
  checkMeta,
  checkNewItem,
  isId,
  isInteger,
  isNumber,
  isOneOf,
  isString,
  orNull,
  ownEntry,
  UNKNOWN,
  type DocGuard,
  type FieldCheck,
  type GuardContext,
  type Verdict,
} from "./guard-kit";
import { checkResourceUrl, PLAYLIST_SCHEMA_VERSION, playlistRules, resourceTypes } from "./playlist";
import { may } from "./rules";

/**
 * A playlist on the server: only its curators (facilitators) write the document at all
 * (documentAccess); this checks each item is one the page could have written, above all that
 * its link is an http or https address (a `javascript:` link is refused here, and again when drawn).
 * Suggestions and progress are server actions, not part of the document.
 */
const itemFields: Record<string, FieldCheck> = {
  id: isId,
  title: isString(2, 200, "A resource's title"),
  url: (v) => {
    if (typeof v !== "string" || v.length > 2000) return "A resource's link must be a web address.";
    try {
      checkResourceUrl(v);
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  },
  type: isOneOf(resourceTypes, "A resource's type"),
  minutes: isInteger(1, 600, "A resource's minutes"),
  why: isString(0, 1000, "Why it is worth the time"),
  addedBy: isString(0, 200, "Who added it"),
  order: isNumber("A resource's place"),
  suggestionId: orNull(isId),
};

const REQUIRED = ["id", "title", "url", "type", "minutes", "order"];

function checkItem(change: KeyChange, ctx: GuardContext): Verdict {
  if (!may(ctx.writer, playlistRules.curate)) return playlistRules.curate.says;
  if (change.path.length === 0) {
    if (change.action === "add") return checkNewItem(change, itemFields, REQUIRED, ctx);
    if (change.action === "delete") return null;
    return "A resource cannot be replaced; change its details instead.";
  }
  if (change.path.length !== 1) return UNKNOWN;
  const check = ownEntry(itemFields, change.key);
  if (!check || change.key === "id") return "Only a resource's details and place can change.";
  if (change.action === "delete") return REQUIRED.includes(change.key) ? "A resource keeps its details." : null;
  return check(change.value, ctx);
}

export const playlistGuard: DocGuard = {
  mapRoots: ["meta", "items"],
  check(change, ctx) {
    if (change.root === "meta") return checkMeta(change, PLAYLIST_SCHEMA_VERSION);
    if (change.root === "items" && change.key !== null) return checkItem(change, ctx);
    return UNKNOWN;
  },
};
