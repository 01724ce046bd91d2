import * as Y from "yjs";

/** Any shared type (map, text, XML, a root not yet typed). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SharedType = Y.AbstractType<Y.YEvent<any>>;

/**
 * What one transaction changed, as Yjs itself accounts for it (`transaction.changed`), resolved to
 * the place in the document each change touches. The guard of each document kind reads these and
 * says whether the writer may make them (docs/decisions/024).
 */
export type KeyChange = {
  /** The root type's name ("notes", "story/<userId>"). */
  root: string;
  /** Map keys from the root down to the changed type; "#" for a step through a list or XML child. */
  path: string[];
  /** The map key that changed. */
  key: string;
  action: "add" | "update" | "delete";
  /** The new value: JSON, or a Yjs type (a new note is a Y.Map). Undefined when deleted. */
  value: unknown;
  /** The value it replaced or deleted (a deleted Y.Map keeps its fields for `fieldOf`). */
  old: unknown;
  /** The changed map itself (in the server's copy, after the change). */
  target: SharedType;
};

/** Text, list or XML content inside a type changed (insertions or deletions, not map keys). */
export type ContentChange = { root: string; path: string[]; key: null; action: "content"; target: SharedType };

export type Change = KeyChange | ContentChange;

/** The root's name and the path of keys from it down to `type`. */
function locate(type: SharedType): { root: string; path: string[] } {
  const path: string[] = [];
  let t = type;
  while (t._item) {
    path.unshift(t._item.parentSub ?? "#");
    t = t._item.parent as SharedType;
  }
  return { root: Y.findRootTypeKey(t), path };
}

const last = (item: { content: { getContent(): unknown[] } }) => {
  const all = item.content.getContent();
  return all[all.length - 1];
};

/** A map key's value now (undefined when the key is deleted). */
function currentValue(type: SharedType, key: string): unknown {
  const item = type._map.get(key);
  return item && !item.deleted ? last(item) : undefined;
}

/**
 * Every change of a transaction, read during its cleanup (before deleted content is collected).
 * Changes inside a type created by the same transaction are not listed on their own: the key where
 * the new type was placed is, with the new type as its value, so its whole content is checked there.
 */
export function collectChanges(transaction: Y.Transaction): Change[] {
  const changes: Change[] = [];
  transaction.changed.forEach((keys, type) => {
    if (type._item?.deleted) return;
    const { root, path } = locate(type);
    if (keys.has(null)) changes.push({ root, path, key: null, action: "content", target: type });
    if (keys.size === (keys.has(null) ? 1 : 0)) return;
    // YMapEvent reads any type's keys (an XML element's attributes too): what happened to each and the old value.
    const event = new Y.YMapEvent(type as unknown as Y.Map<unknown>, transaction, keys);
    event.keys.forEach(({ action, oldValue }, key) => {
      changes.push({ root, path, key, action, value: currentValue(type, key), old: oldValue, target: type });
    });
  });
  return changes;
}

/**
 * A field of a map value, live or deleted in this transaction (a deleted note's author is still
 * needed to decide who may delete it). Undefined for anything that is not a Y.Map.
 */
export function fieldOf(value: unknown, key: string): unknown {
  if (!(value instanceof Y.Map)) return undefined;
  const item = value._map.get(key);
  if (!item) return undefined;
  // In a live map a deleted key is gone; in a deleted map every field was deleted with it.
  if (item.deleted && !value._item?.deleted) return undefined;
  return last(item);
}

/** The live fields of a new map value (its keys and plain values), or null when it is not a Y.Map. */
export function fieldsOf(value: unknown): Map<string, unknown> | null {
  if (!(value instanceof Y.Map)) return null;
  const fields = new Map<string, unknown>();
  value.forEach((v, k) => fields.set(k, v));
  return fields;
}
