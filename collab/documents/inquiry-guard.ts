import type { KeyChange } from "./changes";
import { fieldOf } from "./changes";
import {
  checkMeta,
  checkNewItem,
  isId,
  isString,
  isWriter,
  isWritersName,
  UNKNOWN,
  type DocGuard,
  type FieldCheck,
  type GuardContext,
  type Verdict,
} from "./guard-kit";
import { INQUIRY_SCHEMA_VERSION, MAX_COMMENT_LENGTH } from "./inquiry";

/**
 * The inquiry's write rules on the server, the same as the page's (canEditInquirySection,
 * canCommentOnInquiry): a story and "what I needed" are written by the person they belong to or a
 * facilitator; a peer check's notes by the pair or a facilitator; a comment is written in its
 * author's name, deleted or reworded by its author, resolved and reopened by anyone in the community.
 */
const SECTION = /^(story|needed)\/([^/+]+)$/;
const PEER_CHECK = /^peer-check\/([^/+]+)\+([^/+]+)$/;

/** The people a section belongs to, or null when the name is no section of an inquiry. */
export function sectionOwners(root: string): string[] | null {
  const own = SECTION.exec(root);
  if (own) return [own[2]];
  const pair = PEER_CHECK.exec(root);
  // The page names a pair's notes with the two ids sorted (inquiryFields.peerCheck): one name per pair,
  // never a second copy under the ids swapped, nor a "pair" of one person.
  return pair && pair[1] < pair[2] ? [pair[1], pair[2]] : null;
}

const commentFields: Record<string, FieldCheck> = {
  id: isId,
  field: (v) => (typeof v === "string" && sectionOwners(v) ? null : "A comment must be on a section of the inquiry."),
  authorId: isWriter,
  authorName: isWritersName,
  text: isString(1, MAX_COMMENT_LENGTH, "A comment"),
  createdAt: isString(1, 40, "A comment's time"),
  resolved: (v) => (v === false ? null : "A new comment is open."),
  anchor: (v) => {
    const ok =
      v !== null &&
      typeof v === "object" &&
      !Array.isArray(v) &&
      Object.keys(v).sort().join() === "end,start" &&
      JSON.stringify(v).length <= 1000;
    return ok ? null : "A comment must point at a passage.";
  },
  quote: isString(0, 501, "A comment's quote"),
};

function checkComment(change: KeyChange, ctx: GuardContext): Verdict {
  if (change.path.length === 0) {
    if (change.action === "add") return checkNewItem(change, commentFields, Object.keys(commentFields), ctx);
    if (change.action === "delete")
      return fieldOf(change.old, "authorId") === ctx.writer.userId
        ? null
        : "Only the person who wrote a comment can delete it.";
    return "A comment cannot be replaced.";
  }
  if (change.path.length !== 1 || change.action === "delete") return UNKNOWN;
  if (change.key === "resolved") return typeof change.value === "boolean" ? null : "A comment is resolved or open.";
  if (change.key === "text")
    return fieldOf(change.target, "authorId") === ctx.writer.userId
      ? commentFields.text(change.value, ctx)
      : "Only the person who wrote a comment can change its words.";
  return "A comment's author, place and time cannot be changed.";
}

export const inquiryGuard: DocGuard = {
  mapRoots: ["meta", "comments"],
  isRichText: (root) => sectionOwners(root) !== null,
  check(change, ctx) {
    if (change.root === "meta") return checkMeta(change, INQUIRY_SCHEMA_VERSION);
    if (change.root === "comments") return change.key === null ? UNKNOWN : checkComment(change, ctx);
    const owners = sectionOwners(change.root);
    if (!owners) return UNKNOWN;
    // Anything inside the section's rich text: its words, marks, mentions, formatting.
    if (owners.includes(ctx.writer.userId) || ctx.writer.isFacilitator) return null;
    return owners.length === 1
      ? "Only the person this section belongs to, or a facilitator, can write in it."
      : "Only the two people in this peer check, or a facilitator, can write in it.";
  },
};
