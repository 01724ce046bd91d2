import {
  boolean,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { authorities } from "./authorities";
import { planPriorities } from "./plans";
import { schoolCategories } from "./school-options";
import { schools } from "./schools";
import { sipAssignments } from "./sip";
import { searchVector, tsvector } from "./tsvector";
import { users } from "./users";

/** The authority's default day budget per school category ("intervention in inverse proportion to success"). */
export const categoryDayBudgets = pgTable(
  "category_day_budgets",
  {
    authorityId: uuid("authority_id")
      .notNull()
      .references(() => authorities.id, { onDelete: "cascade" }),
    category: text("category", { enum: schoolCategories }).notNull(),
    days: numeric("days", { precision: 4, scale: 1, mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.authorityId, t.category] })],
);

/** What the authority knows about a SIP for matching: where they work, their yearly capacity, their expertise. */
export const sipProfiles = pgTable(
  "sip_profiles",
  {
    authorityId: uuid("authority_id")
      .notNull()
      .references(() => authorities.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    locality: text("locality").notNull().default(""),
    capacityDays: numeric("capacity_days", { precision: 4, scale: 1, mode: "number" }).notNull().default(30),
    /** School categories the SIP has expertise in (beyond their assignment history). */
    expertise: text("expertise").array().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.authorityId, t.userId] })],
);

export const visitKinds = ["in_school", "preparation", "report_writing"] as const;

/** Time a SIP spent on an assigned school, in half-day steps, counted against the day budget. */
export const sipVisits = pgTable(
  "sip_visits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    assignmentId: uuid("assignment_id")
      .notNull()
      .references(() => sipAssignments.id, { onDelete: "cascade" }),
    visitDate: date("visit_date").notNull(),
    kind: text("kind", { enum: visitKinds }).notNull(),
    days: numeric("days", { precision: 3, scale: 1, mode: "number" }).notNull(),
    purpose: text("purpose").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sip_visits_assignment_id_idx").on(t.assignmentId, t.visitDate)],
);

/**
 * The two-part record of an in-school visit: the school fills in the pre-visit part, the SIP the
 * visit part (the four focus questions and the agreed actions).
 */
export const visitRecords = pgTable(
  "visit_records",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    assignmentId: uuid("assignment_id")
      .notNull()
      .references(() => sipAssignments.id, { onDelete: "cascade" }),
    visitId: uuid("visit_id").references(() => sipVisits.id, { onDelete: "set null" }),
    visitDate: date("visit_date").notNull(),
    // False when the visit was logged after it happened: the school is not asked for its pre-visit part.
    preVisitAsked: boolean("pre_visit_asked").notNull().default(true),
    preSelfEvaluationUpdate: text("pre_self_evaluation_update").notNull().default(""),
    preQuestions: text("pre_questions").notNull().default(""),
    preSubmittedAt: timestamp("pre_submitted_at", { withTimezone: true }),
    preSubmittedBy: uuid("pre_submitted_by").references(() => users.id, { onDelete: "set null" }),
    performance: text("performance").notNull().default(""),
    keyFactors: text("key_factors").notNull().default(""),
    prioritiesAndTargets: text("priorities_and_targets").notNull().default(""),
    howToAchieve: text("how_to_achieve").notNull().default(""),
    agreedActions: text("agreed_actions").notNull().default(""),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      searchVector(
        "performance",
        "key_factors",
        "priorities_and_targets",
        "how_to_achieve",
        "agreed_actions",
        "pre_self_evaluation_update",
        "pre_questions",
      ),
    ),
  },
  (t) => [
    index("visit_records_assignment_id_idx").on(t.assignmentId, t.visitDate),
    index("visit_records_search_idx").using("gin", t.searchVector),
  ],
);

export const reportStatuses = ["draft", "shared", "acknowledged"] as const;
export const reportAudiences = ["head", "governors", "authority"] as const;
export type ReportAudience = (typeof reportAudiences)[number];

/** The SIP's report on a school for the year. */
export const sipReports = pgTable(
  "sip_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    assignmentId: uuid("assignment_id")
      .notNull()
      .references(() => sipAssignments.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    status: text("status", { enum: reportStatuses }).notNull().default("draft"),
    sharedAt: timestamp("shared_at", { withTimezone: true }),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    acknowledgedBy: uuid("acknowledged_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sip_reports_assignment_id_idx").on(t.assignmentId)],
);

/** A section of a report, with the audiences it is addressed to (e.g. head's PM advice: governors and authority only). */
export const reportSections = pgTable(
  "report_sections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => sipReports.id, { onDelete: "cascade" }),
    /** self_evaluation · priorities_targets · progress · actions · package_of_support · head_performance · other */
    kind: text("kind").notNull(),
    heading: text("heading").notNull(),
    body: text("body").notNull().default(""),
    audiences: text("audiences", { enum: reportAudiences }).array().notNull(),
    position: integer("position").notNull().default(0),
    searchVector: tsvector("search_vector").generatedAlwaysAs(searchVector("heading", "body")),
  },
  (t) => [
    index("report_sections_report_id_idx").on(t.reportId, t.position),
    index("report_sections_search_idx").using("gin", t.searchVector),
  ],
);

export const brokeringStatuses = ["proposed", "consented", "declined"] as const;

/**
 * A SIP proposes that a school learns from another school's practice on a similar priority. The
 * other school's details are shown only after its head consents.
 */
export const brokeringProposals = pgTable(
  "brokering_proposals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    assignmentId: uuid("assignment_id")
      .notNull()
      .references(() => sipAssignments.id, { onDelete: "cascade" }),
    priorityId: uuid("priority_id")
      .notNull()
      .references(() => planPriorities.id, { onDelete: "cascade" }),
    partnerSchoolId: uuid("partner_school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    partnerPriorityId: uuid("partner_priority_id").references(() => planPriorities.id, { onDelete: "set null" }),
    reason: text("reason").notNull(),
    status: text("status", { enum: brokeringStatuses }).notNull().default("proposed"),
    proposedBy: uuid("proposed_by").references(() => users.id, { onDelete: "set null" }),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("brokering_proposals_assignment_id_idx").on(t.assignmentId),
    index("brokering_proposals_partner_idx").on(t.partnerSchoolId, t.status),
  ],
);

/** Every read of a visit record or report: who, when, what. Authority admins read it. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorityId: uuid("authority_id")
      .notNull()
      .references(() => authorities.id, { onDelete: "cascade" }),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    resourceKind: text("resource_kind", { enum: ["visit_record", "report", "report_pdf"] }).notNull(),
    resourceId: uuid("resource_id").notNull(),
    schoolId: uuid("school_id").references(() => schools.id, { onDelete: "set null" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("audit_log_authority_id_idx").on(t.authorityId, t.at)],
);
