import { index, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { cohorts } from "./communities";
import { schools } from "./schools";
import { users } from "./users";

/** End-of-year outcome for one student group at one school: a measure in %, baseline → target → actual. */
export const outcomes = pgTable(
  "outcomes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cohortId: uuid("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    studentGroup: text("student_group").notNull(),
    measure: text("measure").notNull(),
    baseline: numeric("baseline", { precision: 5, scale: 1, mode: "number" }).notNull(),
    target: numeric("target", { precision: 5, scale: 1, mode: "number" }).notNull(),
    actual: numeric("actual", { precision: 5, scale: 1, mode: "number" }),
    enteredBy: uuid("entered_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("outcomes_cohort_id_idx").on(t.cohortId, t.schoolId),
    index("outcomes_school_id_idx").on(t.schoolId),
    // One figure per school, student group and measure in a cohort: two saves at once cannot both add one.
    uniqueIndex("outcomes_cohort_school_group_measure_key").on(t.cohortId, t.schoolId, t.studentGroup, t.measure),
  ],
);
