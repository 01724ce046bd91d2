import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addComment,
  commentAnchor,
  commentRange,
  commentTextError,
  deleteComment,
  initInquiry,
  inquiryFields,
  inquiryText,
  listComments,
  onCommentsChange,
  reopenComment,
  resolveComment,
  writeParagraphs,
  type InquiryComment,
} from "./inquiry";
import { getSchemaVersion } from "./schema-version";

const story = inquiryFields.story("ada");
const ben = { authorId: "ben", authorName: "Ben" };

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

/** A document with Ada's story, and a comment by Ben on `phrase` (its first occurrence). */
function commented(paragraphs: string[], phrase: string) {
  const doc = new Y.Doc();
  initInquiry(doc);
  writeParagraphs(doc, story, paragraphs);
  const from = paragraphs.join("").indexOf(phrase);
  const anchor = commentAnchor(doc, story, from, from + phrase.length)!;
  const id = addComment(doc, { field: story, ...ben, text: "Why?", anchor, quote: phrase });
  return { doc, id };
}

/** The passage a comment covers now, from the section's text (paragraphs joined without breaks). */
const passage = (doc: Y.Doc, comment: InquiryComment) => {
  const range = commentRange(doc, comment);
  return range ? inquiryText(doc, comment.field).replace(/\n/g, "").slice(range.from, range.to) : null;
};

/** The XmlText of the n-th paragraph of Ada's story. */
const textOf = (doc: Y.Doc, n: number) => (doc.getXmlFragment(story).get(n) as Y.XmlElement).get(0) as Y.XmlText;

describe("inquiry comments", () => {
  it("adds, lists, resolves, reopens and deletes comments per section", () => {
    const { doc, id } = commented(["A parent could not reach us."], "could not reach");
    expect(getSchemaVersion(doc)).toBe(1);
    const [comment] = listComments(doc, story);
    expect(comment).toMatchObject({
      id,
      field: story,
      authorId: "ben",
      authorName: "Ben",
      text: "Why?",
      resolved: false,
      quote: "could not reach",
    });
    expect(new Date(comment.createdAt).toISOString()).toBe(comment.createdAt);
    expect(listComments(doc, inquiryFields.story("ben"))).toEqual([]);

    resolveComment(doc, id);
    expect(listComments(doc, story)[0].resolved).toBe(true);
    reopenComment(doc, id);
    expect(listComments(doc, story)[0].resolved).toBe(false);
    deleteComment(doc, id);
    expect(listComments(doc, story)).toEqual([]);
  });

  it("refuses an empty or overlong comment, and trims the text", () => {
    const { doc } = commented(["Some words here."], "words");
    const anchor = commentAnchor(doc, story, 0, 4)!;
    expect(() => addComment(doc, { field: story, ...ben, text: "  \n ", anchor, quote: "Some" })).toThrow(RangeError);
    expect(() => addComment(doc, { field: story, ...ben, text: "x".repeat(1001), anchor, quote: "Some" })).toThrow(
      /1000/,
    );
    expect(commentTextError("x".repeat(1000))).toBeNull();
    const id = addComment(doc, { field: story, ...ben, text: "  ok  ", anchor, quote: "Some" });
    expect(listComments(doc, story).find((c) => c.id === id)?.text).toBe("ok");
    expect(listComments(doc, story)).toHaveLength(2);
  });

  it("anchors a passage, across paragraphs too, and refuses an empty one", () => {
    const doc = new Y.Doc();
    writeParagraphs(doc, story, ["First line.", "Second line."]);
    expect(commentAnchor(doc, story, 3, 3)).toBeNull();
    expect(commentAnchor(doc, story, 0, 99)).toBeNull();
    const anchor = commentAnchor(doc, story, 6, 17)!;
    const id = addComment(doc, { field: story, ...ben, text: "Both", anchor, quote: "line.Second" });
    expect(
      passage(
        doc,
        listComments(doc, story).find((c) => c.id === id)!,
      ),
    ).toBe("line.Second");
  });

  it("keeps its passage when text is written before it, in it, or right after it", () => {
    const { doc } = commented(["A parent could not reach us."], "could not reach");
    textOf(doc, 0).insert(0, "Last week, ");
    doc.getXmlFragment(story).insert(0, [new Y.XmlElement("paragraph")]);
    writeParagraphs(doc, story, ["An afterthought."]);
    const [comment] = listComments(doc, story);
    expect(passage(doc, comment)).toBe("could not reach");

    const text = (doc.getXmlFragment(story).get(1) as Y.XmlElement).get(0) as Y.XmlText;
    const end = text.toString().indexOf(" us.");
    text.insert(end, " at all"); // right after the passage: stays outside it
    text.insert(text.toString().indexOf("could"), "really "); // right before it: stays outside too
    expect(passage(doc, comment)).toBe("could not reach");
    text.insert(text.toString().indexOf("not"), "truly "); // inside it
    expect(passage(doc, comment)).toBe("could truly not reach");
  });

  it("keeps its passage when another person edits concurrently before it", () => {
    const { doc: a } = commented(["We tried. A parent could not reach us."], "could not reach");
    const b = new Y.Doc();
    sync(a, b);
    textOf(b, 0).insert(0, "In March. ");
    textOf(a, 0).insert(textOf(a, 0).length, " Twice.");
    sync(a, b);
    for (const doc of [a, b]) expect(passage(doc, listComments(doc, story)[0])).toBe("could not reach");
  });

  it("reports a passage that was deleted (the comment stays listed)", () => {
    const { doc } = commented(["A parent could not reach us."], "could not reach");
    const text = textOf(doc, 0);
    text.delete(text.toString().indexOf("could"), "could not reach".length);
    const [comment] = listComments(doc, story);
    expect(commentRange(doc, comment)).toBeNull();

    const { doc: other } = commented(["Gone soon.", "Kept."], "soon");
    other.getXmlFragment(story).delete(0, 1); // the whole paragraph
    expect(commentRange(other, listComments(other, story)[0])).toBeNull();
    expect(commentRange(other, { field: story, anchor: { start: null, end: null } })).toBeNull();
  });

  it("merges comments added at the same time in two documents, and tells listeners", () => {
    const { doc: a } = commented(["A parent could not reach us."], "parent");
    const b = new Y.Doc();
    sync(a, b);
    let changes = 0;
    const stop = onCommentsChange(b, () => changes++);
    const anchorA = commentAnchor(a, story, 0, 1)!;
    const anchorB = commentAnchor(b, story, 2, 8)!;
    addComment(a, { field: story, authorId: "fay", authorName: "Fay", text: "From A", anchor: anchorA, quote: "A" });
    addComment(b, {
      field: story,
      authorId: "ada",
      authorName: "Ada",
      text: "From B",
      anchor: anchorB,
      quote: "parent",
    });
    resolveComment(b, listComments(b, story).find((c) => c.text === "Why?")!.id);
    sync(a, b);
    expect(changes).toBeGreaterThanOrEqual(3);
    stop();
    const heard = changes;
    const texts = (doc: Y.Doc) => listComments(doc, story).map((c) => c.text);
    expect(texts(a)).toHaveLength(3);
    expect(texts(a)).toEqual(texts(b));
    expect(texts(a)).toEqual(expect.arrayContaining(["Why?", "From A", "From B"]));
    expect(listComments(a, story).find((c) => c.text === "Why?")?.resolved).toBe(true);
    addComment(a, { field: story, ...ben, text: "After", anchor: anchorA, quote: "A" });
    sync(a, b);
    expect(changes).toBe(heard);
    expect(listComments(b, story)).toHaveLength(4);
  });
});
