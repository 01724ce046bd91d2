import { describe, expect, it } from "vitest";
import {
  canCommentOnInquiry,
  canDeleteInquiryComment,
  canEditInquirySection,
  type Actor,
  type CommunityScope,
} from ".";

const scope: CommunityScope = {
  authorityId: "la",
  memberIds: ["ada", "ben"],
  facilitatorIds: ["fay"],
  sipIds: ["sam"],
};
const actor = (userId: string): Actor => ({ userId, grants: [] });

describe("the inquiry: who may write and comment", () => {
  it.each([
    ["ada", true, false, true, true],
    ["ben", false, true, true, true],
    ["fay", true, true, true, true],
    ["sam", false, false, false, false],
    ["outsider", false, false, false, false],
  ])(
    "%s: Ada's story %s, Ben's story %s, the pair's notes %s, comment %s",
    (who, adaStory, benStory, pairNotes, comment) => {
      const a = actor(who);
      expect([
        canEditInquirySection(a, scope, ["ada"]),
        canEditInquirySection(a, scope, ["ben"]),
        canEditInquirySection(a, scope, ["ada", "ben"]),
        canCommentOnInquiry(a, scope),
      ]).toEqual([adaStory, benStory, pairNotes, comment]);
    },
  );

  it("lets only a comment's author delete it", () => {
    expect(canDeleteInquiryComment("ben", { authorId: "ben" })).toBe(true);
    expect(canDeleteInquiryComment("fay", { authorId: "ben" })).toBe(false);
  });
});
