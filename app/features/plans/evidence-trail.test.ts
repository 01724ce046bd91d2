import { describe, expect, it } from "vitest";
import { categoryCounts, topCategory } from "./evidence-trail";

describe("evidence trail: root-cause categories", () => {
  const notes = [
    { id: "a", category: "systems-policies" as const },
    { id: "b", category: "systems-policies" as const },
    { id: "c", category: "skills" as const },
  ];
  const votes: Record<string, number> = { a: 2, b: 1, c: 4 };

  it("counts notes and votes per category in board order, hiding an empty 'not yet sorted'", () => {
    const counts = categoryCounts(notes, (id) => votes[id] ?? 0);
    expect(counts.map((c) => [c.label, c.notes, c.votes])).toEqual([
      ["Systems and policies", 2, 3],
      ["Knowledge", 0, 0],
      ["Skills", 1, 4],
      ["Dispositions", 0, 0],
    ]);
    expect(topCategory(counts)?.label).toBe("Skills");
  });

  it("shows unsorted notes when there are some, and has no top category on an empty board", () => {
    expect(categoryCounts([{ id: "z", category: "unsorted" }], () => 0)[0]).toMatchObject({
      label: "Not yet sorted",
      notes: 1,
    });
    expect(topCategory(categoryCounts([], () => 0))).toBeNull();
  });
});
