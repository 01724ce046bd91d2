import { date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { improvementPlans, planPriorities } from "./plans";
import { searchVector, tsvector } from "./tsvector";
import { users } from "./users";

export const judgements = ["outstanding", "good", "requires_improvement", "inadequate"] as const;
export const actionStatuses = ["not_started", "in_progress", "done", "blocked"] as const;

/** The self-evaluation summary of a plan: one judgement and its evidence per area. */
export const planSelfEvaluations = pgTable(
  "plan_self_evaluations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => improvementPlans.id, { onDelete: "cascade" }),
    /** One of app/utils/plan-areas.ts (e.g. "quality_of_education"). */
    area: text("area").notNull(),
    judgement: text("judgement", { enum: judgements }).notNull(),
    evidence: text("evidence").notNull().default(""),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("plan_self_evaluations_plan_area_key").on(t.planId, t.area)],
);

/** A SMART target of a priority: a measure for a student group, from baseline to target by a date. */
export const planTargets = pgTable(
  "plan_targets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    priorityId: uuid("priority_id")
      .notNull()
      .references(() => planPriorities.id, { onDelete: "cascade" }),
    measure: text("measure").notNull(),
    studentGroup: text("student_group").notNull(),
    baseline: numeric("baseline", { precision: 5, scale: 1, mode: "number" }).notNull(),
    target: numeric("target", { precision: 5, scale: 1, mode: "number" }).notNull(),
    /** The latest measured value, when there is one. */
    actual: numeric("actual", { precision: 5, scale: 1, mode: "number" }),
    byWhen: date("by_when").notNull(),
    position: integer("position").notNull().default(0),
    searchVector: tsvector("search_vector").generatedAlwaysAs(searchVector("measure", "student_group")),
  },
  (t) => [
    index("plan_targets_priority_id_idx").on(t.priorityId, t.position),
    index("plan_targets_search_idx").using("gin", t.searchVector),
  ],
);

/** An action towards a priority: who, by when, and where it stands. */
export const planActions = pgTable(
  "plan_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    priorityId: uuid("priority_id")
      .notNull()
      .references(() => planPriorities.id, { onDelete: "cascade" }),
    description: text("description").notNull(),
    owner: text("owner").notNull(),
    due: date("due").notNull(),
    status: text("status", { enum: actionStatuses }).notNull().default("not_started"),
    position: integer("position").notNull().default(0),
    searchVector: tsvector("search_vector").generatedAlwaysAs(searchVector("description", "owner")),
  },
  (t) => [
    index("plan_actions_priority_id_idx").on(t.priorityId, t.position),
    index("plan_actions_search_idx").using("gin", t.searchVector),
  ],
);

/** A dated progress note on a priority. */
export const planProgressUpdates = pgTable(
  "plan_progress_updates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    priorityId: uuid("priority_id")
      .notNull()
      .references(() => planPriorities.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    searchVector: tsvector("search_vector").generatedAlwaysAs(searchVector("body")),
  },
  (t) => [
    index("plan_progress_updates_priority_id_idx").on(t.priorityId, t.createdAt),
    index("plan_progress_updates_search_idx").using("gin", t.searchVector),
  ],
);

/** A link to evidence for a priority (a document, a data report); inquiries link through inquiry_priority_links. */
export const planEvidenceLinks = pgTable(
  "plan_evidence_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    priorityId: uuid("priority_id")
      .notNull()
      .references(() => planPriorities.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    url: text("url").notNull(),
    addedBy: uuid("added_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    searchVector: tsvector("search_vector").generatedAlwaysAs(searchVector("title")),
  },
  (t) => [
    index("plan_evidence_links_priority_id_idx").on(t.priorityId),
    index("plan_evidence_links_search_idx").using("gin", t.searchVector),
  ],
);

export const commentSubjects = ["plan", "self_evaluation", "priority", "target", "action"] as const;

/** The SIP's feedback on a plan item, threaded (replies have a parent) and resolvable. */
export const planComments = pgTable(
  "plan_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => improvementPlans.id, { onDelete: "cascade" }),
    subjectKind: text("subject_kind", { enum: commentSubjects }).notNull(),
    /** The id of the commented item (the plan itself for "plan"). */
    subjectId: uuid("subject_id").notNull(),
    parentId: uuid("parent_id"),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolvedBy: uuid("resolved_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("plan_comments_plan_id_idx").on(t.planId, t.createdAt),
    index("plan_comments_parent_id_idx").on(t.parentId),
  ],
);
