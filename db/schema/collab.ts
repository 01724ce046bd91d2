import { bigint, bigserial, index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { bytea } from "./bytea";

/** The append-only log of accepted Yjs updates (each row may hold a batch merged into one). */
export const collabUpdates = pgTable(
  "collab_updates",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    docName: text("doc_name").notNull(),
    data: bytea("data").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("collab_updates_doc_name_id_idx").on(t.docName, t.id)],
);

/** The folded state of a document; loading is this snapshot plus every update row still in the log. */
export const collabSnapshots = pgTable("collab_snapshots", {
  docName: text("doc_name").primaryKey(),
  data: bytea("data").notNull(),
  foldedUpdates: integer("folded_updates").notNull().default(0),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Who first wrote under each Yjs client id of a document (ADR 024). Kept with the update that
 * introduced the id, so after a reload nobody can write under another person's editor id and make
 * that person's next edits vanish as duplicates.
 */
export const collabClientOwners = pgTable(
  "collab_client_owners",
  {
    docName: text("doc_name").notNull(),
    clientId: bigint("client_id", { mode: "number" }).notNull(),
    userId: text("user_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.docName, t.clientId] })],
);
