import * as Y from "yjs";

/**
 * A shared rich-text section as plain blocks, for exports: headings, paragraphs, quotes and lists
 * keep their shape; marks (bold, links…) are dropped, because each format escapes plain words its
 * own way and a mark's XML tags (what `Y.XmlText.toString()` gives) must never reach a reader.
 */
export type TextBlock =
  | { kind: "heading"; level: number; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "quote"; text: string }
  | { kind: "list"; ordered: boolean; items: string[] };

/** A text run's characters, without its marks. */
const plain = (text: Y.XmlText): string =>
  text
    .toDelta()
    .map((op: { insert?: unknown }) => (typeof op.insert === "string" ? op.insert : ""))
    .join("");

/** The words of an inline run: text inserts, a mention as "@Name", a hard break as a new line. */
function inlineText(node: Y.XmlElement): string {
  return node
    .toArray()
    .map((child) => {
      if (child instanceof Y.XmlText) return plain(child);
      if (!(child instanceof Y.XmlElement)) return "";
      if (child.nodeName === "mention") return `@${String(child.getAttribute("label") ?? "")}`;
      if (child.nodeName === "hardBreak") return "\n";
      return inlineText(child);
    })
    .join("");
}

/** A list item's (or quote's) words: its paragraphs (and any nested list) on one line each. */
function itemText(item: Y.XmlElement): string {
  return item
    .toArray()
    .filter((c): c is Y.XmlElement => c instanceof Y.XmlElement)
    .map((c) => (c.nodeName.endsWith("List") ? listItems(c).join("\n") : inlineText(c)))
    .join("\n");
}

function listItems(list: Y.XmlElement): string[] {
  return list
    .toArray()
    .filter((c): c is Y.XmlElement => c instanceof Y.XmlElement)
    .map(itemText);
}

function blockOf(el: Y.XmlElement): TextBlock | null {
  switch (el.nodeName) {
    case "heading":
      return { kind: "heading", level: Number(el.getAttribute("level") ?? 2) || 2, text: inlineText(el) };
    case "blockquote":
      return { kind: "quote", text: itemText(el) };
    case "bulletList":
    case "orderedList":
      return { kind: "list", ordered: el.nodeName === "orderedList", items: listItems(el) };
    case "horizontalRule":
      return null;
    default:
      return { kind: "paragraph", text: inlineText(el) };
  }
}

/** The blocks of a section, without empty ones (an empty editor still holds one empty paragraph). */
export function richTextBlocks(fragment: Y.XmlFragment): TextBlock[] {
  return fragment
    .toArray()
    .map((child) =>
      child instanceof Y.XmlElement
        ? blockOf(child)
        : child instanceof Y.XmlText
          ? { kind: "paragraph" as const, text: plain(child) }
          : null,
    )
    .filter((b): b is TextBlock => b !== null && (b.kind === "list" ? b.items.some((i) => i.trim()) : !!b.text.trim()));
}
