/**
 * Mentions are read from the shared text as y-prosemirror stores them; only well-formed ids count,
 * and each mention carries the structs that wrote it (element and attributes), so the server can
 * credit it to one person.
 */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { writeMention } from "./mentions-fixture";
import { findMentions, mentionIdFromSearch } from "./mentions-shape";

const ada = "00000000-0000-4000-8000-00000000000a";
const ben = "00000000-0000-4000-8000-00000000000b";
const m1 = "11111111-1111-4111-8111-111111111111";

describe("findMentions", () => {
  it("finds a mention inside a paragraph with its field, person and writing structs", () => {
    const doc = new Y.Doc();
    writeMention(doc, `story/${ada}`, ben, m1.toUpperCase());
    const found = findMentions(doc);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ mentionId: m1, personId: ben, field: `story/${ada}` });
    expect(found[0].writes).toHaveLength(3);
    expect(new Set(found[0].writes.map((w) => w.client))).toEqual(new Set([doc.clientID]));
  });

  it("ignores mentions without a well-formed mention id or person id, and deleted ones", () => {
    const doc = new Y.Doc();
    writeMention(doc, "notes", ben, null);
    writeMention(doc, "notes", "not-a-uuid", m1);
    writeMention(doc, "notes", ben, "javascript:alert(1)");
    writeMention(doc, "gone", ben, m1);
    doc.getXmlFragment("gone").delete(0, 1);
    expect(findMentions(doc)).toEqual([]);
  });

  it("records a later rewrite of the person by another client as that client's struct", () => {
    const doc = new Y.Doc();
    const mention = writeMention(doc, "notes", ben, m1);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const copy = other.getXmlFragment("notes").get(0) as Y.XmlElement;
    (copy.get(1) as Y.XmlElement).setAttribute("id", ada);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    expect(mention.getAttribute("id")).toBe(ada);
    const clients = new Set(findMentions(doc)[0].writes.map((w) => w.client));
    expect(clients).toEqual(new Set([doc.clientID, other.clientID]));
  });
});

describe("mentionIdFromSearch", () => {
  it("reads a well-formed ?mention= and nothing else", () => {
    expect(mentionIdFromSearch(`?section=x&mention=${m1.toUpperCase()}`)).toBe(m1);
    expect(mentionIdFromSearch("?mention=abc")).toBeNull();
    expect(mentionIdFromSearch("")).toBeNull();
  });
});
