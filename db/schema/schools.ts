import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { authorities } from "./authorities";
import { searchVector, tsvector } from "./tsvector";

import { schoolCategories, schoolPhases } from "./school-options";

export { schoolCategories, schoolPhases } from "./school-options";

export const schools = pgTable(
  "schools",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorityId: uuid("authority_id")
      .notNull()
      .references(() => authorities.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** The authority's own reference for the school (e.g. a URN); unique within the authority. */
    reference: text("reference").notNull(),
    phase: text("phase", { enum: schoolPhases }).notNull(),
    category: text("category", { enum: schoolCategories }).notNull(),
    locality: text("locality").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    searchVector: tsvector("search_vector").generatedAlwaysAs(searchVector("name", "reference", "locality")),
  },
  (t) => [
    index("schools_search_idx").using("gin", t.searchVector),
    uniqueIndex("schools_authority_reference_key").on(t.authorityId, t.reference),
    uniqueIndex("schools_authority_name_key").on(t.authorityId, sql`lower(${t.name})`),
    index("schools_authority_id_idx").on(t.authorityId),
  ],
);
