import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { communities } from "./communities";
import { schools } from "./schools";
import { searchVector, tsvector } from "./tsvector";
import { users } from "./users";

/** A school's improvement plan for a school year (its contents grow with the SIP work). */
export const improvementPlans = pgTable(
  "improvement_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    schoolYear: text("school_year").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("improvement_plans_school_year_key").on(t.schoolId, t.schoolYear)],
);

/** A priority of a plan (title, area, rationale). */
export const planPriorities = pgTable(
  "plan_priorities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => improvementPlans.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    area: text("area").notNull(),
    rationale: text("rationale").notNull().default(""),
    position: integer("position").notNull().default(0),
    searchVector: tsvector("search_vector").generatedAlwaysAs(searchVector("title", "rationale")),
  },
  (t) => [
    index("plan_priorities_plan_id_idx").on(t.planId, t.position),
    index("plan_priorities_search_idx").using("gin", t.searchVector),
  ],
);

/** A leader links their community's inquiry to priorities of their own school's plan. */
export const inquiryPriorityLinks = pgTable(
  "inquiry_priority_links",
  {
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    priorityId: uuid("priority_id")
      .notNull()
      .references(() => planPriorities.id, { onDelete: "cascade" }),
    linkedBy: uuid("linked_by")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.priorityId] }),
    index("inquiry_priority_links_priority_id_idx").on(t.priorityId),
  ],
);
