/** Test helper: a mention written into a shared text the way the editor (y-prosemirror) stores it. */
import * as Y from "yjs";

/** A paragraph "Ask <mention> about it" in `field`, as the editor would write it. */
export function writeMention(doc: Y.Doc, field: string, personId: string, mentionId: string | null) {
  const paragraph = new Y.XmlElement("paragraph");
  doc.getXmlFragment(field).push([paragraph]);
  const mention = new Y.XmlElement("mention");
  mention.setAttribute("id", personId);
  mention.setAttribute("label", "Someone");
  if (mentionId) mention.setAttribute("mentionId", mentionId);
  paragraph.push([new Y.XmlText("Ask "), mention, new Y.XmlText(" about it")]);
  return mention;
}
