import { describe, expect, it } from "vitest";
import { previewImage, webAddress } from "./link-preview";

describe("what a card draws", () => {
  it("links only http(s) addresses, whatever the document holds", () => {
    expect(webAddress("https://example.org/a")).toBe("https://example.org/a");
    expect(webAddress("http://example.org/a")).toBe("http://example.org/a");
    expect(webAddress("javascript:alert(1)")).toBeNull();
    expect(webAddress("data:text/html,hi")).toBeNull();
    expect(webAddress("not a url")).toBeNull();
  });

  it("draws https images, and plain-http ones only from an allow-listed host", () => {
    const hosts = ["127.0.0.1:4321", "intranet.example"];
    expect(previewImage("https://cdn.example.org/i.png", [])).toBe("https://cdn.example.org/i.png");
    expect(previewImage("http://cdn.example.org/i.png", hosts)).toBeNull();
    expect(previewImage("http://127.0.0.1:4321/image.svg", hosts)).toBe("http://127.0.0.1:4321/image.svg");
    expect(previewImage("http://127.0.0.1:9999/image.svg", hosts)).toBeNull();
    expect(previewImage("http://intranet.example:8080/i.png", hosts)).toBe("http://intranet.example:8080/i.png");
    expect(previewImage("javascript:alert(1)", hosts)).toBeNull();
    expect(previewImage(null, hosts)).toBeNull();
  });
});
