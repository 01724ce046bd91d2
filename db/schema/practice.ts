import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { cohorts } from "./communities";
import { cohortSessions } from "./sessions";
import { users } from "./users";

/** Between sessions: what a leader applied, what they learned, and the peer they shared it with. */
export const practiceLogs = pgTable(
  "practice_logs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cohortId: uuid("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The next session, where the log is listed (null when none is scheduled yet). */
    sessionId: uuid("session_id").references(() => cohortSessions.id, { onDelete: "set null" }),
    learningApplied: text("learning_applied").notNull(),
    insight: text("insight").notNull(),
    sharedWithUserId: uuid("shared_with_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("practice_logs_cohort_id_idx").on(t.cohortId, t.createdAt),
    index("practice_logs_session_id_idx").on(t.sessionId),
  ],
);

/** An in-app notification ("Priya shared an insight with you"). */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    /** A path inside the app. */
    link: text("link").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [index("notifications_user_id_idx").on(t.userId, t.createdAt)],
);
