import { isSafeHref, safeHref } from "./safe-url";

describe("safe links", () => {
  it.each([
    ["https://educationendowmentfoundation.org.uk/parents", "https://educationendowmentfoundation.org.uk/parents"],
    ["http://example.org", "http://example.org/"],
    ["example.org/a b", "https://example.org/a%20b"],
    ["mailto:head@school.example", "mailto:head@school.example"],
  ])("links %s as %s", (raw, href) => {
    expect(safeHref(raw)).toBe(href);
  });

  it.each([
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "java\tscript:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "",
    "not a link",
    "https://" + "a".repeat(2050) + ".org",
  ])("refuses %j", (raw) => {
    expect(isSafeHref(raw)).toBe(false);
  });
});
