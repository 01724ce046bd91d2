import { describe, expect, it } from "vitest";
import { defineRules, may, type DocActor } from "./rules";

const rules = defineRules({
  add: { who: "member", says: "Members add notes." },
  settings: { who: "facilitator", whileLocked: true, says: "Facilitators change the settings." },
  edit: { who: "author-or-facilitator", says: "The author edits their note; facilitators may too." },
  own: { who: "author", says: "Only the author." },
});
const member: DocActor = { userId: "m", canWrite: true, isFacilitator: false };
const facilitator: DocActor = { userId: "f", canWrite: true, isFacilitator: true };
const reader: DocActor = { userId: "r", canWrite: false, isFacilitator: false };

describe("may", () => {
  it("lets members do member actions, and only facilitators do facilitator actions", () => {
    expect(may(member, rules.add)).toBe(true);
    expect(may(member, rules.settings)).toBe(false);
    expect(may(facilitator, rules.settings)).toBe(true);
  });
  it("never lets a reader act, even a facilitator's action", () => {
    expect(may(reader, rules.add)).toBe(false);
    expect(may({ ...reader, isFacilitator: true }, rules.settings)).toBe(false);
  });
  it("checks authorship", () => {
    expect(may(member, rules.edit, { authorId: "m" })).toBe(true);
    expect(may(member, rules.edit, { authorId: "x" })).toBe(false);
    expect(may(facilitator, rules.edit, { authorId: "x" })).toBe(true);
    expect(may(facilitator, rules.own, { authorId: "x" })).toBe(false);
    expect(may(member, rules.own, { authorId: null })).toBe(false);
  });
  it("stops members while locked unless the rule stays open; facilitators go on", () => {
    expect(may(member, rules.add, { locked: true })).toBe(false);
    expect(may(facilitator, rules.add, { locked: true })).toBe(true);
    expect(may(facilitator, rules.settings, { locked: true })).toBe(true);
  });
});
