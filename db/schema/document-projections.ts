import { bigint, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { tsvector } from "./tsvector";

/**
 * The few fields of a shared document that pages show (chosen question, board tallies, playlist
 * items…), kept by the collaboration server after it stores the document, so no page replays the
 * update log. `fields` is shaped by the kind's `project` (collab/documents/); `version` is that
 * projection's version, and a row of an older version is recomputed when it is next read.
 * `throughUpdateId` is the last `collab_updates` row the fields include: a document with a later
 * row is newer than its projection (edited a moment ago, or written from outside the server).
 * `searchVector` is generated from the projection's plain `searchText` (collab/documents/search-text.ts).
 */
export const documentProjections = pgTable(
  "document_projections",
  {
    docName: text("doc_name").primaryKey(),
    kind: text("kind").notNull(),
    version: integer("version").notNull(),
    fields: jsonb("fields").notNull(),
    throughUpdateId: bigint("through_update_id", { mode: "number" }).notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      sql.raw(`to_tsvector('english'::regconfig, coalesce(fields->>'searchText', ''))`),
    ),
  },
  (t) => [index("document_projections_search_idx").using("gin", t.searchVector)],
);
