import { describe, expect, it } from "vitest";
import { hereText, othersByStep } from "./use-step-presence";

const ada = { id: "a", name: "Ada", color: "#000" };
const ben = { id: "b", name: "Ben", color: "#111" };
const cy = { id: "c", name: "Cy", color: "#222" };

describe("who is on which step", () => {
  it("groups everyone else by step, once per person, and leaves me and strangers out", () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { step: { id: "board", user: ben } }],
      [2, { step: { id: "board", user: ben } }], // Ben in a second tab on the same step
      [3, { user: cy, step: { id: "inquiry", user: cy } }],
      [4, { step: { id: "home", user: ada } }], // me
      [5, { user: ben }], // in the document, but says no step
      [6, { step: { id: "elsewhere", user: cy } }],
      [7, { step: null }],
    ]);
    expect(othersByStep(states, "a")).toEqual({ board: [ben], inquiry: [cy] });
  });

  it("names people in words for screen readers", () => {
    expect(hereText(["Ada"])).toBe("Ada is here");
    expect(hereText(["Ada", "Ben"])).toBe("Ada and Ben are here");
    expect(hereText(["Ada", "Ben", "Cy"])).toBe("Ada, Ben and Cy are here");
    expect(hereText([])).toBe("");
  });
});
