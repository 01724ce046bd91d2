import { describe, expect, it } from "vitest";
import { broughtText, isKnownPlace, placeAt, placeHref, reactionTo, stepAt } from "./follow-places";

const C = "c1";
const board = { step: "board", section: null, byId: "fay" };
const member = { id: "ada", mayGather: false, optedOut: false, here: { step: "inquiry", section: null } };

describe("where a gathering takes people", () => {
  it("knows only this community's pages and the inquiry's sections", () => {
    expect(isKnownPlace({ step: "board", section: null })).toBe(true);
    expect(isKnownPlace({ step: "inquiry", section: "step-2" })).toBe(true);
    expect(isKnownPlace({ step: "board", section: "step-2" })).toBe(false);
    expect(isKnownPlace({ step: "admin", section: null })).toBe(false);
    expect(isKnownPlace({ step: "inquiry", section: "https://evil.example" })).toBe(false);
  });

  it("turns places into this community's addresses and back", () => {
    expect(placeHref(C, { step: "home", section: null })).toBe("/communities/c1");
    expect(placeHref(C, { step: "inquiry", section: "step-3" })).toBe("/communities/c1/inquiry#step-3");
    expect(stepAt(C, "/communities/c1/")).toBe("home");
    expect(stepAt(C, "/communities/c1/board")).toBe("board");
    expect(stepAt(C, "/communities/c2/board")).toBeNull();
    expect(stepAt(C, "/communities/c1/board/extra")).toBeNull();
    expect(placeAt(C, { pathname: "/communities/c1/inquiry", hash: "#step-1" })).toEqual({
      step: "inquiry",
      section: "step-1",
    });
    expect(placeAt(C, { pathname: "/communities/c1/board", hash: "#step-1" })).toEqual({
      step: "board",
      section: null,
    });
  });

  it("says where in the words of the community's menu", () => {
    expect(broughtText("Fay Facilitator", board)).toBe("Fay Facilitator brought everyone to Root causes.");
  });
});

describe("what a person's page does when a gathering arrives", () => {
  it("moves a member who has not opted out", () => {
    expect(reactionTo(board, member)).toBe("move");
  });
  it("only tells a member who opted out, or another facilitator", () => {
    expect(reactionTo(board, { ...member, optedOut: true })).toBe("invite");
    expect(reactionTo(board, { ...member, mayGather: true })).toBe("invite");
  });
  it("does not move someone already there, nor the facilitator who gathered, nor anyone to an unknown place", () => {
    expect(reactionTo(board, { ...member, here: { step: "board", section: null } })).toBe("already-here");
    expect(reactionTo(board, { ...member, id: "fay" })).toBe("ignore");
    expect(reactionTo({ ...board, step: "elsewhere" }, member)).toBe("ignore");
  });
});
