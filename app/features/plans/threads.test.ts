import { describe, expect, it } from "vitest";
import { countThreads, describeCounts, groupThreads, threadsFor } from "./threads";

const c = (
  id: string,
  minute: number,
  extra: Partial<{ subjectKind: string; subjectId: string; parentId: string | null; resolvedAt: string | null }> = {},
) => ({
  id,
  subjectKind: "target",
  subjectId: "t1",
  parentId: null,
  resolvedAt: null,
  createdAt: new Date(Date.UTC(2026, 10, 1, 9, minute)).toISOString(),
  ...extra,
});

describe("plan comment threads", () => {
  it("groups replies under their first comment per item, open threads first, and drops orphans", () => {
    const grouped = groupThreads([
      c("r2", 5, { parentId: "a" }),
      c("a", 1, { resolvedAt: "2026-11-02" }),
      c("b", 2),
      c("r1", 3, { parentId: "a" }),
      c("x", 4, { subjectKind: "action", subjectId: "a1" }),
      c("orphan", 6, { parentId: "missing" }),
    ]);
    const threads = threadsFor(grouped, "target", "t1");
    expect(threads.map((t) => [t.root.id, t.replies.map((r) => r.id), t.resolved])).toEqual([
      ["b", [], false],
      ["a", ["r1", "r2"], true],
    ]);
    expect(threadsFor(grouped, "action", "a1")).toHaveLength(1);
    expect(threadsFor(grouped, "priority", "p1")).toEqual([]);
    expect(countThreads(threads)).toEqual({ open: 1, resolved: 1 });
  });

  it("describes counts in words", () => {
    expect(describeCounts({ open: 0, resolved: 0 })).toBe("none yet");
    expect(describeCounts({ open: 2, resolved: 1 })).toBe("2 open · 1 resolved");
    expect(describeCounts({ open: 2, resolved: 0 })).toBe("2 open");
    expect(describeCounts({ open: 0, resolved: 1 })).toBe("1 resolved");
  });
});
