import type { Node as PmNode } from "@tiptap/pm/model";

/*
 * The inquiry document anchors comments by text offset: characters of text before a point, in
 * document order, with element boundaries counting nothing (collab/documents/inquiry.ts). These
 * convert between that and ProseMirror positions in the editor showing the same section.
 */

/** The text offset of a ProseMirror position. */
export function textOffsetAt(doc: PmNode, pos: number): number {
  let count = 0;
  doc.nodesBetween(0, pos, (node, at) => {
    if (node.isText) count += Math.min(node.nodeSize, pos - at);
  });
  return count;
}

/**
 * The ProseMirror position of a text offset, or null past the end. Where two text nodes meet, the
 * start of a passage goes to the next node and its end stays in the previous one.
 */
export function posAtTextOffset(doc: PmNode, offset: number, side: "start" | "end"): number | null {
  let seen = 0;
  let found: number | null = null;
  doc.descendants((node, at) => {
    if (found !== null) return false;
    if (!node.isText) return true;
    const length = node.nodeSize;
    const inside =
      side === "start" ? offset >= seen && offset < seen + length : offset > seen && offset <= seen + length;
    if (inside) found = at + (offset - seen);
    seen += length;
    return false;
  });
  return found;
}
