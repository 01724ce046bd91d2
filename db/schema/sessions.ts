import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { cohorts } from "./communities";
import { searchVector, tsvector } from "./tsvector";
import { users } from "./users";

/** One agenda item: a protocol template (see app/utils/protocols.ts), its minutes and a note. */
export type AgendaItem = { template: string; minutes: number; note: string };

/** A cohort's monthly session. Its shared notes are the `session-notes.<id>` document. */
export const cohortSessions = pgTable(
  "cohort_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cohortId: uuid("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    durationMinutes: integer("duration_minutes").notNull().default(120),
    /** A room, or an online meeting link (http/https only). */
    place: text("place").notNull().default(""),
    agenda: jsonb("agenda").$type<AgendaItem[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    searchVector: tsvector("search_vector").generatedAlwaysAs(searchVector("title", "place")),
  },
  (t) => [
    index("cohort_sessions_cohort_id_idx").on(t.cohortId, t.startsAt),
    index("cohort_sessions_search_idx").using("gin", t.searchVector),
  ],
);

/** Who came to a session (a row per leader once the facilitator takes attendance). */
export const sessionAttendance = pgTable(
  "session_attendance",
  {
    sessionId: uuid("session_id")
      .notNull()
      .references(() => cohortSessions.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    present: boolean("present").notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId] }), index("session_attendance_user_id_idx").on(t.userId)],
);
