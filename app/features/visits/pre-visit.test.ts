import { describe, expect, it } from "vitest";
import { asksPreVisit } from "./pre-visit";

describe("asksPreVisit", () => {
  it("asks for a visit still to come, including one later today", () => {
    expect(asksPreVisit("2026-12-08", "2026-12-07")).toBe(true);
    expect(asksPreVisit("2026-12-07", "2026-12-07")).toBe(true);
  });

  it("does not ask for a visit whose date has passed when it is logged", () => {
    expect(asksPreVisit("2026-12-06", "2026-12-07")).toBe(false);
    expect(asksPreVisit("2025-09-30", "2026-01-04")).toBe(false);
  });
});
