import * as Y from "yjs";

/**
 * Where simulated people write: the rich-text sections of an inquiry (collab/documents/inquiry.ts
 * `inquiryFields`), shaped as Tiptap shapes them: an XmlFragment of paragraphs, each holding an
 * XmlText. Every server kind gets the same shapes, so the comparison stays fair; on ours each
 * person writes only into a section of their own, which the write rules accept.
 */

/** The last paragraph's text of a section, created (in the caller's transaction) when there is none. */
export function paragraphText(doc: Y.Doc, field: string): Y.XmlText {
  const fragment = doc.getXmlFragment(field);
  const last = fragment.length > 0 ? fragment.get(fragment.length - 1) : null;
  if (last instanceof Y.XmlElement) {
    const text = last.get(0);
    if (text instanceof Y.XmlText) return text;
  }
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText()]);
  fragment.push([paragraph]);
  return paragraph.get(0) as Y.XmlText;
}

/** Characters held in a section (every paragraph's text). */
export function sectionLength(doc: Y.Doc, field: string): number {
  let n = 0;
  for (const node of doc.getXmlFragment(field).toArray()) {
    if (!(node instanceof Y.XmlElement)) continue;
    for (const child of node.toArray()) if (child instanceof Y.XmlText) n += child.length;
  }
  return n;
}

/** Characters held in all of `fields`. */
export const sectionsLength = (doc: Y.Doc, fields: string[]) => fields.reduce((n, f) => n + sectionLength(doc, f), 0);

/** The plain text of a section's paragraphs, joined (probe receivers read markers from it). */
export function sectionPlainText(doc: Y.Doc, field: string): string {
  return doc
    .getXmlFragment(field)
    .toArray()
    .flatMap((node) => (node instanceof Y.XmlElement ? node.toArray() : []))
    .map((child) => (child instanceof Y.XmlText ? child.toString() : ""))
    .join("\n");
}

/** Types like a person into their own section: one character at a time at a cursor that follows their own text. */
export class Typist {
  private cursor: Y.RelativePosition | null = null;
  private text: Y.XmlText | null = null;
  private n = 0;
  /** Characters typed so far. */
  get typed() {
    return this.n;
  }
  constructor(
    readonly doc: Y.Doc,
    readonly field: string,
  ) {}

  key() {
    const ch = this.n % 12 === 11 ? " " : String.fromCharCode(97 + (this.n % 26));
    this.n++;
    // The first key also creates the paragraph, in the same change (as Tiptap does).
    this.doc.transact(() => {
      const text = (this.text ??= paragraphText(this.doc, this.field));
      let index = text.length;
      if (this.cursor) {
        const abs = Y.createAbsolutePositionFromRelativePosition(this.cursor, this.doc);
        if (abs) index = abs.index;
      }
      text.insert(index, ch);
      // Anchored to the character just typed (assoc -1), so the next one follows it.
      this.cursor = Y.createRelativePositionFromTypeIndex(text, index + 1, -1);
    });
  }

  /** Types `chars` characters in one change (a paste or a fast burst). */
  burst(chars: number) {
    let s = "";
    for (let i = 0; i < chars; i++) s += String.fromCharCode(97 + ((this.n + i) % 26));
    this.n += chars;
    this.doc.transact(() => {
      const text = (this.text ??= paragraphText(this.doc, this.field));
      text.insert(text.length, s);
    });
  }
}

/**
 * The probe client's marker, written into its own section by replacing the section's one line, so
 * the document does not grow with probes and the marker's bytes appear verbatim in the update.
 */
export function writeProbe(doc: Y.Doc, field: string, marker: string) {
  doc.transact(() => {
    const text = paragraphText(doc, field);
    if (text.length > 0) text.delete(0, text.length);
    text.insert(0, marker);
  });
}
