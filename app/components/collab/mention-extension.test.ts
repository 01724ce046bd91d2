/** Typing after "@" narrows the people by the start of any word of their name. */
import { describe, expect, it } from "vitest";
import { matchingPeople } from "./mention-extension";

const people = [
  { id: "1", name: "Ada Member" },
  { id: "2", name: "Ben Member" },
  { id: "3", name: "Benedict Okafor" },
];

describe("matchingPeople", () => {
  it("offers everyone for a bare @, and narrows by word starts, any case", () => {
    expect(matchingPeople(people, "")).toHaveLength(3);
    expect(matchingPeople(people, "be").map((p) => p.id)).toEqual(["2", "3"]);
    expect(matchingPeople(people, "mem").map((p) => p.id)).toEqual(["1", "2"]);
    expect(matchingPeople(people, "ben m").map((p) => p.id)).toEqual(["2"]);
  });

  it("does not match inside a word", () => {
    expect(matchingPeople(people, "ember")).toEqual([]);
  });
});
