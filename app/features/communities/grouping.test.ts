import { describe, expect, it } from "vitest";
import {
  jaccard,
  MAX_GROUP,
  MIN_GROUP,
  normaliseTags,
  suggestGroupings,
  suggestName,
  themeName,
  themesOf,
  type Candidate,
} from "./grouping";

let n = 0;
/** A leader whose challenge has these tags and these (already stemmed) words. */
const leader = (name: string, tags: string[], words: string[]): Candidate => ({
  id: `id-${String(n++).padStart(3, "0")}`,
  name,
  tags,
  words: Object.fromEntries(words.map((w) => [w.slice(0, 6), w])),
});

describe("normaliseTags", () => {
  it("lower-cases, trims, squeezes spaces, drops empties and duplicates, keeping order", () => {
    expect(normaliseTags(" Attendance, SEND ,send,, pupil   premium ,")).toEqual([
      "attendance",
      "send",
      "pupil premium",
    ]);
    expect(normaliseTags("")).toEqual([]);
  });
});

describe("jaccard", () => {
  it("is shared over all, and 0 for two empty sets", () => {
    expect(jaccard(new Set(["a", "b"]), new Set(["b", "c"]))).toBeCloseTo(1 / 3);
    expect(jaccard(new Set(["a"]), new Set(["a"]))).toBe(1);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });
});

describe("suggestGroupings", () => {
  const attendance = ["Amy", "Bob", "Cat", "Dan"].map((name) =>
    leader(name, ["attendance", "disadvantaged"], ["persistent", "absence", "families"]),
  );
  const send = ["Eve", "Fin", "Gus", "Hal"].map((name) =>
    leader(name, ["send", "inclusion"], ["exclusions", "behaviour", "support"]),
  );
  const eal = ["Ivy", "Jo", "Kit"].map((name) => leader(name, ["eal", "reading"], ["language", "reading", "parents"]));

  it("groups leaders who share tags and words, and says why", () => {
    const shuffled = [
      send[0],
      eal[1],
      attendance[2],
      send[3],
      attendance[0],
      eal[0],
      send[1],
      attendance[1],
      eal[2],
      send[2],
      attendance[3],
    ];
    const { suggestions, unplaced } = suggestGroupings(shuffled);
    expect(unplaced).toEqual([]);
    const byMembers = suggestions.map((s) => s.memberNames);
    expect(byMembers).toContainEqual(["Amy", "Bob", "Cat", "Dan"]);
    expect(byMembers).toContainEqual(["Eve", "Fin", "Gus", "Hal"]);
    expect(byMembers).toContainEqual(["Ivy", "Jo", "Kit"]);
    const att = suggestions.find((s) => s.memberNames[0] === "Amy")!;
    // Plain-English themes, not the search words ("persis", "famili") the grouping worked from.
    expect(att.themes).toEqual(["Attendance", "Family partnership", "Disadvantaged pupils"]);
    expect(att.reason).toBe(
      "Common themes: Attendance (all 4), Family partnership (all 4), Disadvantaged pupils (all 4)",
    );
    expect(att.reason).not.toMatch(/persist|famili|shared words/i);
    expect(att.name).toBe("Attendance and family partnership");
    const inclusion = suggestions.find((s) => s.memberNames[0] === "Eve")!;
    expect(inclusion.themes).toEqual(["SEND and inclusion", "Exclusions and behaviour"]);
    expect(inclusion.name).toBe("SEND and inclusion, exclusions and behaviour");
    const newToEnglish = suggestions.find((s) => s.memberNames[0] === "Ivy")!;
    expect(newToEnglish.themes).toEqual(["Reading", "Family partnership", "Pupils new to English"]);
  });

  it("keeps every group between 3 and 6, splitting a large alike set", () => {
    const many = Array.from({ length: 14 }, (_, i) =>
      leader(`L${String(i).padStart(2, "0")}`, ["attendance"], ["absence"]),
    );
    const { suggestions, unplaced } = suggestGroupings(many);
    const sizes = suggestions.map((s) => s.memberIds.length);
    for (const size of sizes) {
      expect(size).toBeGreaterThanOrEqual(MIN_GROUP);
      expect(size).toBeLessThanOrEqual(MAX_GROUP);
    }
    expect(sizes.reduce((a, b) => a + b, 0) + unplaced.length).toBe(14);
    expect(unplaced).toEqual([]);
    expect(new Set(suggestions.flatMap((s) => s.memberIds)).size).toBe(14);
  });

  it("never merges two groups that are each big enough, even when they share a word", () => {
    const a = ["A1", "A2", "A3"].map((name, i) =>
      leader(name, ["attendance"], i === 0 ? ["absence", "winter"] : ["absence"]),
    );
    const b = ["B1", "B2", "B3"].map((name, i) =>
      leader(name, ["send"], i === 0 ? ["inclusion", "winter"] : ["inclusion"]),
    );
    const { suggestions } = suggestGroupings([...a, ...b]);
    expect(suggestions.map((s) => s.memberNames)).toEqual(
      expect.arrayContaining([
        ["A1", "A2", "A3"],
        ["B1", "B2", "B3"],
      ]),
    );
    expect(suggestions).toHaveLength(2);
  });

  it("places a leader who shares nothing into a group with room, and says so when a group shares nothing", () => {
    const loner = leader("Zed", ["governance"], ["budget"]);
    const { suggestions, unplaced } = suggestGroupings([...attendance.slice(0, 3), loner]);
    expect(unplaced).toEqual([]);
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0].memberNames).toContain("Zed");

    const strangers = suggestGroupings([leader("P", ["a"], []), leader("Q", ["b"], []), leader("R", ["c"], [])]);
    expect(strangers.suggestions[0].reason).toBe("Little in common yet: placed together to make up a group");
  });

  it("leaves leaders unplaced when there are too few to make a group", () => {
    const { suggestions, unplaced } = suggestGroupings(attendance.slice(0, 2));
    expect(suggestions).toEqual([]);
    expect(unplaced.map((c) => c.name)).toEqual(["Amy", "Bob"]);
    expect(suggestGroupings([]).suggestions).toEqual([]);
  });

  it("ignores numbers and words most challenges use when explaining", () => {
    const common = ["A", "B", "C", "D", "E", "F"].map((name, i) =>
      leader(name, [], i < 3 ? ["pupils", "2024", "uniform"] : ["pupils", "2024", "lunchtime"]),
    );
    const { suggestions } = suggestGroupings(common);
    for (const s of suggestions) {
      expect(s.sharedWords).not.toContain("pupils");
      expect(s.sharedWords).not.toContain("2024");
      // No theme fits "uniform" or "lunchtime": the words are shown as written.
      expect(s.themes).toEqual([]);
      expect(s.reason).toMatch(/^In common: (uniform|lunchtime)$/);
    }
    expect(suggestions.map((s) => s.memberNames)).toEqual(
      expect.arrayContaining([
        ["A", "B", "C"],
        ["D", "E", "F"],
      ]),
    );
  });
});

describe("themes", () => {
  it("turns tags and words as written into themes a head teacher would name", () => {
    expect(themesOf("persistent")).toEqual([]);
    expect(themesOf("absence")).toEqual(["Attendance"]);
    expect(themesOf("parental engagement")).toEqual(["Family partnership"]);
    expect(themesOf("pupil premium")).toEqual(["Disadvantaged pupils"]);
    expect(themesOf("EAL")).toEqual(["Pupils new to English"]);
    expect(themesOf("ready")).toEqual([]);
    expect(themesOf("reading")).toEqual(["Reading"]);
    expect(themeName(["Reading", "Family partnership"])).toBe("Reading and family partnership");
    expect(themeName(["Attendance", "SEND and inclusion"])).toBe("Attendance, SEND and inclusion");
  });
});

describe("suggestName", () => {
  it("names from the top shared tags, with acronyms in capitals, else words, else a default name", () => {
    expect(suggestName(["eal", "reading gaps"], [])).toBe("EAL and Reading Gaps");
    expect(suggestName([], ["families"])).toBe("Families");
    expect(suggestName([], [])).toBe("New community");
  });
});
