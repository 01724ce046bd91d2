import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { SessionSchema, sessionValues } from "./schema";
import { fromLocalInput as fromLondonLocal, toLocalInput as toLondonLocal } from "../../kernel/dates";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return parseWithZod(data, { schema: SessionSchema });
};
/** The field errors of a submission (none when it succeeded). */
const errorsOf = (fields: Record<string, string>) => {
  const result = form(fields);
  return result.status === "success" ? {} : (result.error ?? {});
};
const valid = {
  title: "October session",
  startsAt: "2026-10-14T14:00",
  durationMinutes: "120",
  place: "Room 4, Civic Centre",
  "agenda[0].template": "check-in",
  "agenda[0].minutes": "10",
  "agenda[1].template": "story-circle",
  "agenda[1].minutes": "40",
  "agenda[1].note": "Pairs from different phases",
};

describe("the session form", () => {
  it("accepts a session with a room or an https link", () => {
    const ok = form(valid);
    expect(ok.status).toBe("success");
    if (ok.status !== "success") return;
    const values = sessionValues(ok.value);
    expect(values.startsAt.toISOString()).toBe("2026-10-14T13:00:00.000Z");
    // The same wall-clock time in an authority in New York is 18:00 in UTC (EDT is UTC−4).
    const ny = { locale: "en-US" as const, timeZone: "America/New_York" };
    expect(sessionValues(ok.value, ny).startsAt.toISOString()).toBe("2026-10-14T18:00:00.000Z");
    expect(values.agenda).toEqual([
      { template: "check-in", minutes: 10, note: "" },
      { template: "story-circle", minutes: 40, note: "Pairs from different phases" },
    ]);
    expect(form({ ...valid, place: "https://meet.example.org/kingsmere" }).status).toBe("success");
    expect(form({ ...valid, place: "Library: upstairs" }).status).toBe("success");
  });

  it.each([["javascript:alert(1)"], ["ftp://files.example.org/x"], ["www.example.org/meeting"], ["https://"]])(
    "refuses %s as a link",
    (place) => {
      expect(form({ ...valid, place }).status).toBe("error");
      expect(errorsOf({ ...valid, place }).place).toEqual([
        "An online link must be a full web address starting with https:// or http://.",
      ]);
    },
  );

  it("asks for the minutes of every agenda item, a real date, and at least one item", () => {
    const error = errorsOf({ ...valid, "agenda[1].minutes": "", startsAt: "2026-02-30T10:00" });
    expect(error["agenda[1].minutes"]).toEqual(["Enter the minutes for this item."]);
    expect(error.startsAt?.[0]).toMatch(/real date and time/);
    expect(errorsOf({ title: "X session", startsAt: "2026-10-14T14:00", durationMinutes: "60" }).agenda).toEqual([
      "Add at least one agenda item.",
    ]);
  });

  it("refuses an agenda longer than the session and an unknown protocol", () => {
    expect(errorsOf({ ...valid, durationMinutes: "45" }).agenda?.[0]).toMatch(/agenda takes 50 minutes/);
    expect(errorsOf({ ...valid, "agenda[0].template": "lecture" })["agenda[0].template"]).toEqual([
      "Choose a protocol from the list.",
    ]);
  });
});

describe("London session times", () => {
  it("read a typed time as London time, in winter and summer, and round-trip", () => {
    expect(fromLondonLocal("2026-12-09T14:00")?.toISOString()).toBe("2026-12-09T14:00:00.000Z");
    expect(fromLondonLocal("2026-06-10T09:30")?.toISOString()).toBe("2026-06-10T08:30:00.000Z");
    expect(toLondonLocal("2026-06-10T08:30:00.000Z")).toBe("2026-06-10T09:30");
    expect(fromLondonLocal("tomorrow")).toBeNull();
  });
});
