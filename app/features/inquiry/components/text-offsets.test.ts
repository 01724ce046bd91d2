import { getSchema } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { describe, expect, it } from "vitest";
import { posAtTextOffset, textOffsetAt } from "./text-offsets";

const schema = getSchema([StarterKit]);
const p = (...content: ReturnType<typeof schema.text>[]) => schema.node("paragraph", null, content);
// <doc><p>Hello <b>bold</b></p><p></p><p>World</p></doc>
const doc = schema.node("doc", null, [
  p(schema.text("Hello "), schema.text("bold", [schema.mark("bold")])),
  p(),
  p(schema.text("World")),
]);

describe("text offsets in the editor", () => {
  it("counts only characters of text before a position", () => {
    expect(textOffsetAt(doc, 0)).toBe(0);
    expect(textOffsetAt(doc, 1)).toBe(0); // inside the first paragraph
    expect(textOffsetAt(doc, 3)).toBe(2);
    expect(textOffsetAt(doc, 11)).toBe(10); // end of "bold"
    expect(textOffsetAt(doc, doc.content.size)).toBe(15);
  });

  it("turns offsets back into positions, choosing a side where paragraphs meet", () => {
    expect(posAtTextOffset(doc, 2, "start")).toBe(3);
    expect(posAtTextOffset(doc, 10, "end")).toBe(11); // end of "bold"
    expect(posAtTextOffset(doc, 10, "start")).toBe(15); // start of "World", past the empty paragraph
    expect(posAtTextOffset(doc, 6, "start")).toBe(7); // where the bold text begins
    expect(posAtTextOffset(doc, 15, "end")).toBe(20);
    expect(posAtTextOffset(doc, 15, "start")).toBeNull();
    expect(posAtTextOffset(doc, 0, "end")).toBeNull();
  });

  it("round-trips every position inside text", () => {
    const text = doc.textBetween(0, doc.content.size, "", "");
    for (let offset = 0; offset < text.length; offset++) {
      const pos = posAtTextOffset(doc, offset, "start")!;
      expect(textOffsetAt(doc, pos)).toBe(offset);
      expect(doc.textBetween(pos, pos + 1)).toBe(text[offset]);
    }
  });
});
