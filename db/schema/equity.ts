import { pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { cohorts } from "./communities";
import { users } from "./users";

/** The equity challenge a leader names in a cohort, used to group leaders into communities. */
export const equityChallenges = pgTable(
  "equity_challenges",
  {
    cohortId: uuid("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    /** Lower-case short tags, e.g. "attendance", "send", "eal". */
    tags: text("tags").array().notNull().default([]),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.userId] })],
);
