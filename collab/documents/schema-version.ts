import * as Y from "yjs";

const META = "meta";

/** Stamps the document with its kind's schema version (first writer wins; later versions migrate). */
export function ensureSchemaVersion(doc: Y.Doc, version: number) {
  const meta = doc.getMap<number>(META);
  if (meta.get("schemaVersion") === undefined) meta.set("schemaVersion", version);
}

/** The schema version the document was written with, or null for a brand-new document. */
export function getSchemaVersion(doc: Y.Doc): number | null {
  return doc.getMap<number>(META).get("schemaVersion") ?? null;
}

/** A fresh id for an item inside a document. */
export function newItemId(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * A position between two neighbours for concurrent-safe ordering: items carry a number and are
 * sorted by (order, id), so two people moving items at once never duplicate or lose one.
 */
export function orderBetween(before: number | null, after: number | null): number {
  if (before === null && after === null) return 1;
  if (before === null) return after! - 1;
  if (after === null) return before + 1;
  return (before + after) / 2;
}

/** Sorts items by order, then id, so every replica agrees on ties. */
export function byOrder<T extends { order: number; id: string }>(a: T, b: T) {
  return a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
