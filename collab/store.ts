import * as Y from "yjs";
import type { Database } from "../db/client";
import { appendDocumentUpdate, compactDocumentRows, loadClientOwners, loadDocumentRows } from "../db/queries/collab";

/** A Yjs client id and the person who first wrote under it in a document (ADR 024). */
export type ClientOwner = { clientId: number; userId: string };

/** Where documents live. Small on purpose: the server only loads, appends and compacts. */
export type CollabStore = {
  /** Builds the document's current state: snapshot plus every logged update. Returns the row count of the log. */
  load(name: string, into: Y.Doc): Promise<{ logRows: number }>;
  /**
   * Appends one update (already merged from a batch), with the editor ids it introduces. Resolves
   * once it is durable, with the log row's id when the store has one.
   */
  append(name: string, update: Uint8Array, owners?: readonly ClientOwner[]): Promise<number | void>;
  /** Who first wrote under each client id of the document (a store that keeps none: nobody). */
  owners?(name: string): Promise<Map<number, string>>;
  /** Folds the log into the snapshot; returns how many rows were folded. */
  compact(name: string): Promise<number>;
};

/** Applies a snapshot and updates to a fresh Y.Doc and encodes it (linear, unlike Y.mergeUpdates on many updates). */
export function foldUpdates(snapshot: Uint8Array | null, updates: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc({ gc: true });
  try {
    doc.transact(() => {
      if (snapshot) Y.applyUpdate(doc, snapshot);
      for (const u of updates) Y.applyUpdate(doc, u);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/** The Postgres/PGlite store (the same SQL on both drivers). */
export function createDatabaseStore(db: Database): CollabStore {
  return {
    async load(name, into) {
      const { snapshot, updates } = await loadDocumentRows(db, name);
      into.transact(() => {
        if (snapshot) Y.applyUpdate(into, snapshot);
        for (const u of updates) Y.applyUpdate(into, u.data);
      }, "load");
      return { logRows: updates.length };
    },
    append: (name, update, owners) => appendDocumentUpdate(db, name, update, owners),
    owners: (name) => loadClientOwners(db, name),
    async compact(name) {
      const { folded } = await compactDocumentRows(db, name, foldUpdates);
      return folded;
    },
  };
}
