/**
 * How an @mention sits in a shared text, for the editor (which writes it) and the collaboration
 * server (which finds new ones to notify). Isomorphic: imports only yjs.
 *
 * Tiptap's mention node is stored by y-prosemirror as a `Y.XmlElement("mention")` whose attributes
 * are the node's: `id` (the person mentioned), `label` (their name when mentioned) and `mentionId`
 * (this mention, so a link can point at it and it is notified once).
 */
import * as Y from "yjs";

/** The node's name in the editor and in the document. */
export const MENTION_NODE = "mention";

/** The attribute holding this mention's own id. */
export const MENTION_ID_ATTR = "mentionId";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The query parameter naming the mention a link points at (`?mention=<id>`): the page scrolls to
 * that mention and highlights it. The link's hash names the field's heading (`#story-<userId>`),
 * so the place is right even before the shared text arrives.
 */
export const MENTION_PARAM = "mention";

/** The mention id a page's query string points at (`?mention=<id>`), or null. */
export function mentionIdFromSearch(search: string): string | null {
  const id = new URLSearchParams(search).get(MENTION_PARAM);
  return id && UUID.test(id) ? id.toLowerCase() : null;
}

/** A Yjs struct id: who (which client id) wrote something, and when (its clock), for crediting and "is it saved". */
export type StructId = { client: number; clock: number };

/** A mention as stored: who is mentioned, in which field, and the structs that say so. */
export type StoredMention = {
  mentionId: string;
  personId: string;
  /** The top-level field of the document (a Tiptap collaboration field, e.g. `story/<id>`). */
  field: string;
  /**
   * The element and its two attributes (`id`, `mentionId`): an attribute rewritten by someone else
   * is a later struct, so the mention is credited only when one person wrote all three.
   */
  writes: StructId[];
};

/** The struct holding an element's current value of one attribute. */
function attributeWrite(element: Y.XmlElement, name: string): StructId | null {
  const item = element._map.get(name);
  return item && !item.deleted ? { client: item.id.client, clock: item.id.clock } : null;
}

/**
 * Every live mention in the document, in document order. Whatever a client wrote, only elements
 * whose ids are well-formed uuids count, so a link built from them is always safe. Reads the
 * document's items directly: on the server, top-level fields are never typed with `getXmlFragment`.
 */
export function findMentions(doc: Y.Doc): StoredMention[] {
  const found: StoredMention[] = [];
  // Typed by what is read (`_start`): shared types' event parameters make them mutually unassignable.
  const visit = (type: { _start: Y.Item | null }, field: string) => {
    for (let item = type._start; item !== null; item = item.right) {
      if (item.deleted || !(item.content instanceof Y.ContentType)) continue;
      const child = item.content.type;
      if (child instanceof Y.XmlElement && child.nodeName === MENTION_NODE) {
        const mentionId = child.getAttribute(MENTION_ID_ATTR);
        const personId = child.getAttribute("id");
        const person = attributeWrite(child, "id");
        const own = attributeWrite(child, MENTION_ID_ATTR);
        if (
          typeof mentionId === "string" &&
          UUID.test(mentionId) &&
          typeof personId === "string" &&
          UUID.test(personId) &&
          person &&
          own
        )
          found.push({
            mentionId: mentionId.toLowerCase(),
            personId: personId.toLowerCase(),
            field,
            writes: [{ client: item.id.client, clock: item.id.clock }, person, own],
          });
      }
      visit(child, field);
    }
  };
  for (const [field, type] of doc.share) visit(type, field);
  return found;
}
