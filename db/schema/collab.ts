import { bigserial, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
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
