import * as Y from "yjs";

/**
 * What the editor (Tiptap's StarterKit with a mention node, collaborative-editor.tsx) can draw. A
 * node or mark outside these lists is one every reader's editor would "repair" by deleting it, and
 * a reader may not write in someone else's section, so the server would refuse the repair and the
 * reader's page would start again, and again. The server therefore refuses such content when it is
 * written. app/components/collab/rich-text-schema.test.ts keeps these lists equal to the editor's.
 */
export const RICH_TEXT_NODES = [
  "paragraph",
  "heading",
  "blockquote",
  "bulletList",
  "orderedList",
  "listItem",
  "codeBlock",
  "hardBreak",
  "horizontalRule",
  "mention",
] as const;

export const RICH_TEXT_MARKS = ["bold", "italic", "strike", "code", "link", "underline"] as const;

const nodes = new Set<string>(RICH_TEXT_NODES);
const marks = new Set<string>(RICH_TEXT_MARKS);

/**
 * Why an item inserted into a rich-text section is not something the editor can draw, or null.
 * Each new item of a transaction is checked on its own (a new paragraph's text is a new item too).
 */
export function richTextItemError(item: Y.Item): string | null {
  const content = item.content;
  if (content instanceof Y.ContentDeleted) return null;
  // At the top level of a section the editor writes only blocks (paragraphs, headings, lists…).
  const topLevel = (item.parent as Y.AbstractType<unknown> | null)?._item === null && item.parentSub === null;
  if (topLevel && !(content instanceof Y.ContentType && content.type instanceof Y.XmlElement))
    return "Rich text holds its words inside paragraphs and other blocks.";
  if (content instanceof Y.ContentString) return null;
  if (content instanceof Y.ContentFormat)
    return marks.has(content.key) ? null : "Rich text can only use the editor's own formatting.";
  if (content instanceof Y.ContentType) {
    const type = content.type;
    if (type instanceof Y.XmlText) return null;
    if (type instanceof Y.XmlElement)
      return nodes.has(type.nodeName) ? null : "Rich text can only hold the editor's own kinds of block.";
    return "Rich text can only hold the editor's own kinds of block.";
  }
  // Attributes of an element (a heading's level, a link's address) are plain values.
  if (content instanceof Y.ContentAny && item.parentSub !== null) return null;
  return "Rich text can only hold text and the editor's own blocks.";
}

/** Every item a transaction created, with its root's name (found through its parents). */
export function* insertedItems(transaction: Y.Transaction): Generator<{ item: Y.Item; root: string }> {
  const store = transaction.doc.store;
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0;
    if (after <= before) continue;
    const structs = store.clients.get(client) ?? [];
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const struct = structs[i];
      if (!(struct instanceof Y.Item)) continue;
      let type = struct.parent as Y.AbstractType<Y.YEvent<Y.AbstractType<unknown>>> | null;
      while (type?._item) type = type._item.parent as typeof type;
      if (type) yield { item: struct, root: Y.findRootTypeKey(type) };
    }
  }
}
