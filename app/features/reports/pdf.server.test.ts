import { afterEach, describe, expect, it } from "vitest";
import { chromiumExecutable, closePdfBrowser, PdfUnavailableError, renderPdf } from "./pdf.server";

describe("the PDF engine", () => {
  const saved = process.env.CHROMIUM_PATH;
  afterEach(async () => {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
    await closePdfBrowser();
  });

  it("says plainly that it is unavailable when Chromium is missing, instead of crashing", async () => {
    process.env.CHROMIUM_PATH = "/nonexistent/chromium";
    expect(chromiumExecutable()).toBeNull();
    await expect(renderPdf("<p>Hello</p>", { title: "Test" })).rejects.toBeInstanceOf(PdfUnavailableError);
  });
});
