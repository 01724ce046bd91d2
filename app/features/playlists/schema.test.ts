import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { ProgressSchema, ResourceSchema } from "./schema";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
/** The field errors of a failed parse (none for a success). */
const errorsOf = (result: {
  status?: string;
  error?: Record<string, string[] | null> | null;
}): Record<string, string[] | null> => (result.status === "error" ? (result.error ?? {}) : {});
const valid = {
  title: "Consultancy protocol",
  url: "https://www.schoolreforminitiative.org/consultancy",
  type: "protocol",
  minutes: "50",
  why: "For dilemmas",
};

describe("a resource, as the forms check it", () => {
  it("accepts a complete resource and normalises its address", () => {
    const result = parseWithZod(form({ ...valid, url: "  HTTPS://Example.org/a b" }), { schema: ResourceSchema });
    expect(result.status).toBe("success");
    if (result.status === "success")
      expect(result.value).toMatchObject({ url: "https://example.org/a%20b", minutes: 50 });
  });

  it.each([
    ["javascript:alert(1)", "Only web addresses starting with https:// or http:// can be added."],
    ["ftp://files.example.org/a.pdf", "Only web addresses starting with https:// or http:// can be added."],
    ["data:text/html,hi", "Only web addresses starting with https:// or http:// can be added."],
    ["www.example.org", "Enter a full web address starting with https:// or http://."],
  ])("refuses %s with a clear message", (url, message) => {
    const result = parseWithZod(form({ ...valid, url }), { schema: ResourceSchema });
    expect(result.status).toBe("error");
    expect(errorsOf(result).url).toEqual([message]);
  });

  it("names every missing field", () => {
    const result = parseWithZod(form({}), { schema: ResourceSchema });
    expect(Object.keys(errorsOf(result)).sort()).toEqual(["minutes", "title", "type", "url", "why"]);
  });
});

describe("progress", () => {
  it("needs a partner only when done with a partner", () => {
    expect(parseWithZod(form({ itemId: "i", status: "done" }), { schema: ProgressSchema }).status).toBe("success");
    const missing = parseWithZod(form({ itemId: "i", status: "done_with_partner" }), { schema: ProgressSchema });
    expect(errorsOf(missing).partnerId).toEqual(["Choose the colleague you did it with."]);
  });
});
