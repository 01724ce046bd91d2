import { describe, expect, it } from "vitest";
import { documentKinds } from "../../../collab/doc-names";
import { documentAccess, type Actor, type CommunityScope } from ".";

const scope: CommunityScope = { authorityId: "la", memberIds: ["leader"], facilitatorIds: ["fac"], sipIds: ["sip"] };
const actor = (userId: string): Actor => ({ userId, grants: [] });

describe("access to shared documents, by kind", () => {
  it.each([
    ["leader", { room: "read", playlist: "read", community: "write" }],
    ["fac", { room: "write", playlist: "write", community: "write" }],
    ["sip", { room: "none", playlist: "read", community: "read" }],
    ["outsider", { room: "none", playlist: "none", community: "none" }],
  ])("%s", (who, expected) => {
    const a = actor(who);
    expect({
      room: documentAccess(a, "community-room", scope),
      playlist: documentAccess(a, "playlist", scope),
      community: documentAccess(a, "root-cause-board", scope),
    }).toEqual(expected);
  });

  it("gives the community room's write to the facilitators alone, of every kind's writers", () => {
    const writers = (kind: (typeof documentKinds)[number]) =>
      ["leader", "fac", "sip", "outsider"].filter((who) => documentAccess(actor(who), kind, scope) === "write");
    expect(writers("community-room")).toEqual(["fac"]);
    expect(writers("inquiry")).toEqual(["leader", "fac"]);
  });
});
