import { describe, expect, it } from "vitest";
import { colourFor, initials } from "./presence";

describe("presence helpers", () => {
  it("gives stable colours and initials", () => {
    expect(colourFor("abc")).toBe(colourFor("abc"));
    expect(colourFor("abc")).toMatch(/^#[0-9a-f]{6}$/);
    expect(initials("Amira  Hussain")).toBe("AH");
    expect(initials("Dr Helen Marsh")).toBe("DH");
  });
});
