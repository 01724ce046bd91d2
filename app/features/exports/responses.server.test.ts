import { describe, expect, it } from "vitest";
import { attachment, exportFileName } from "./responses.server";

describe("exportFileName", () => {
  it("names the file by what it is and the day, in plain ASCII", () => {
    expect(exportFileName(["Family partnership", "inquiry"], "2026-12-08", "pdf")).toBe(
      "family-partnership-inquiry-2026-12-08.pdf",
    );
    expect(exportFileName(["St Aidan's C.of E. Primary", "plan", "2026-27"], "2026-12-08", "pdf")).toBe(
      "st-aidan-s-c-of-e-primary-plan-2026-27-2026-12-08.pdf",
    );
    expect(exportFileName(["École Sainte-Thérèse"], "2026-12-08", "md")).toBe("ecole-sainte-therese-2026-12-08.md");
    // Nothing a person writes can break out of the header's quoted file name.
    expect(exportFileName([`"\r\n; x="y`], "2026-12-08", "svg")).toBe("x-y-2026-12-08.svg");
  });
});

describe("attachment", () => {
  it("is a download that no cache keeps", async () => {
    const response = attachment("# Hello £", "text/markdown; charset=utf-8", "hello.md");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="hello.md"');
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(response.headers.get("Content-Length")).toBe("10");
    expect(await response.text()).toBe("# Hello £");
  });
});
