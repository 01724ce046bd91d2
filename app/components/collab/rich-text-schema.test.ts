import { getSchema } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { RICH_TEXT_MARKS, RICH_TEXT_NODES } from "../../../collab/documents/rich-text";
import { GuardedRoom } from "../../../collab/guard-harness";
import { mentionExtension } from "./mention-extension";

describe("what the server lets into rich text", () => {
  it("is exactly what the editor can draw (StarterKit as the editor configures it, and mentions)", () => {
    const schema = getSchema([
      StarterKit.configure({ undoRedo: false, heading: { levels: [2, 3] } }),
      mentionExtension(() => null),
    ]);
    const nodes = Object.keys(schema.nodes).filter((n) => n !== "doc" && n !== "text");
    expect([...nodes].sort()).toEqual([...RICH_TEXT_NODES].sort());
    expect(Object.keys(schema.marks).sort()).toEqual([...RICH_TEXT_MARKS].sort());
  });

  it("refuses a block or a mark the editor does not know, which every reader's editor would try to delete", () => {
    const room = new GuardedRoom("inquiry");
    const ada = room.join({ userId: "ada" });
    const story = ada.getXmlFragment("story/ada");
    const p = new Y.XmlElement("paragraph");
    p.insert(0, [new Y.XmlText("Mine")]);
    story.insert(0, [p]);
    (p.get(0) as Y.XmlText).format(0, 4, { bold: true });
    expect(room.refusals).toEqual([]);
    story.insert(1, [new Y.XmlElement("script")]);
    expect(room.refusals).toEqual([{ userId: "ada", why: "Rich text can only hold the editor's own kinds of block." }]);
    const again = room.join({ userId: "ada" });
    ((again.getXmlFragment("story/ada").get(0) as Y.XmlElement).get(0) as Y.XmlText).format(0, 2, { blink: true });
    expect(room.refusals.at(-1)).toEqual({ userId: "ada", why: "Rich text can only use the editor's own formatting." });
    expect(room.server.getXmlFragment("story/ada").toString()).toBe("<paragraph><bold>Mine</bold></paragraph>");
  });

  it("refuses words placed at the top level of a section, outside any paragraph", () => {
    const room = new GuardedRoom("inquiry");
    room.join({ userId: "ada" }).getText("story/ada").insert(0, "loose words");
    expect(room.refusals).toEqual([
      { userId: "ada", why: "Rich text holds its words inside paragraphs and other blocks." },
    ]);
    room
      .join({ userId: "ada" })
      .getXmlFragment("story/ada")
      .insert(0, [new Y.XmlText("a loose text")]);
    expect(room.refusals).toHaveLength(2);
  });
});
