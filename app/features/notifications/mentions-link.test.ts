/** A mention's link names the page, the mention (to highlight) and the heading of its field. */
import { describe, expect, it } from "vitest";
import { mentionIdFromSearch } from "../../../collab/mentions-shape";
import { linkToMention } from "./mentions.server";

const id = "11111111-1111-4111-8111-111111111111";

describe("linkToMention", () => {
  it("points at the field's heading on the page and carries the mention id", () => {
    const path = "/communities/c1/inquiry";
    expect(linkToMention(path, { mentionId: id, field: "story/u1" })).toBe(`${path}?mention=${id}#story-u1`);
    expect(linkToMention(path, { mentionId: id, field: "needed/u1" })).toBe(`${path}?mention=${id}#needed-u1`);
    expect(linkToMention(path, { mentionId: id, field: "peer-check/u1+u2" })).toBe(
      `${path}?mention=${id}#peer-notes-u1-u2`,
    );
    expect(linkToMention("/cohorts/c/sessions/s", { mentionId: id, field: "notes" })).toBe(
      `/cohorts/c/sessions/s?mention=${id}#notes-heading`,
    );
  });

  it("is read back by the page", () => {
    const link = linkToMention("/p", { mentionId: id, field: "story/u1" });
    expect(mentionIdFromSearch(new URL(link, "http://x").search)).toBe(id);
  });
});
