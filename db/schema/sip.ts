import { index, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { authorities } from "./authorities";
import { schools } from "./schools";
import { users } from "./users";

/** A School Improvement Partner assigned to a school for a school year, with a day budget. */
export const sipAssignments = pgTable(
  "sip_assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorityId: uuid("authority_id")
      .notNull()
      .references(() => authorities.id, { onDelete: "cascade" }),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    sipUserId: uuid("sip_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    schoolYear: text("school_year").notNull(),
    dayBudget: numeric("day_budget", { precision: 4, scale: 1, mode: "number" }).notNull().default(5),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("sip_assignments_school_year_key").on(t.schoolId, t.schoolYear),
    index("sip_assignments_sip_user_id_idx").on(t.sipUserId, t.schoolYear),
    index("sip_assignments_authority_id_idx").on(t.authorityId),
  ],
);
