import { and, asc, eq, gt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../client";
import {
  cohortMembers,
  cohortSessions,
  practiceLogs,
  sessionAttendance,
  users,
  type AgendaItem,
} from "../schema/index";

export type SessionValues = {
  title: string;
  startsAt: Date;
  durationMinutes: number;
  place: string;
  agenda: AgendaItem[];
};

const columns = {
  id: cohortSessions.id,
  cohortId: cohortSessions.cohortId,
  title: cohortSessions.title,
  startsAt: cohortSessions.startsAt,
  durationMinutes: cohortSessions.durationMinutes,
  place: cohortSessions.place,
  agenda: cohortSessions.agenda,
};

/** A cohort's sessions, oldest first, each with how many leaders were marked present (one query). */
export function listSessions(db: Database, cohortId: string) {
  return db
    .select({
      ...columns,
      present: sql<number>`count(${sessionAttendance.userId}) filter (where ${sessionAttendance.present})`.mapWith(
        Number,
      ),
      recorded: sql<number>`count(${sessionAttendance.userId})`.mapWith(Number),
    })
    .from(cohortSessions)
    .leftJoin(sessionAttendance, eq(sessionAttendance.sessionId, cohortSessions.id))
    .where(eq(cohortSessions.cohortId, cohortId))
    .groupBy(cohortSessions.id)
    .orderBy(asc(cohortSessions.startsAt));
}

/** One session of this cohort, or null (a session of another cohort is null too). */
export async function getSession(db: Database, cohortId: string, sessionId: string) {
  const [session] = await db
    .select(columns)
    .from(cohortSessions)
    .where(and(eq(cohortSessions.id, sessionId), eq(cohortSessions.cohortId, cohortId)));
  return session ?? null;
}

/** The next session that has not started yet, or null. */
export async function getNextSession(db: Database, cohortId: string, now = new Date()) {
  const [session] = await db
    .select(columns)
    .from(cohortSessions)
    .where(and(eq(cohortSessions.cohortId, cohortId), gt(cohortSessions.startsAt, now)))
    .orderBy(asc(cohortSessions.startsAt))
    .limit(1);
  return session ?? null;
}

/** Schedules a session. */
export async function createSession(db: Database, cohortId: string, values: SessionValues) {
  const [session] = await db
    .insert(cohortSessions)
    .values({ cohortId, ...values })
    .returning({ id: cohortSessions.id });
  return session;
}

/** Changes a session's details and agenda. */
export async function updateSession(db: Database, cohortId: string, sessionId: string, values: SessionValues) {
  await db
    .update(cohortSessions)
    .set(values)
    .where(and(eq(cohortSessions.id, sessionId), eq(cohortSessions.cohortId, cohortId)));
}

/** Every leader of the cohort with their attendance at the session (null: not recorded yet). One query. */
export function listAttendance(db: Database, cohortId: string, sessionId: string) {
  return db
    .select({ userId: users.id, name: users.name, present: sessionAttendance.present })
    .from(cohortMembers)
    .innerJoin(users, eq(users.id, cohortMembers.userId))
    .leftJoin(
      sessionAttendance,
      and(eq(sessionAttendance.sessionId, sessionId), eq(sessionAttendance.userId, cohortMembers.userId)),
    )
    .where(and(eq(cohortMembers.cohortId, cohortId), eq(cohortMembers.role, "leader")))
    .orderBy(asc(users.name));
}

/** Records attendance (present or absent per leader), replacing what was recorded before for them. */
export async function recordAttendance(
  db: Database,
  sessionId: string,
  entries: Array<{ userId: string; present: boolean }>,
) {
  if (entries.length === 0) return;
  await db
    .insert(sessionAttendance)
    .values(entries.map((e) => ({ sessionId, userId: e.userId, present: e.present })))
    .onConflictDoUpdate({
      target: [sessionAttendance.sessionId, sessionAttendance.userId],
      set: { present: sql`excluded.present`, recordedAt: sql`now()` },
    });
}

const sharedWith = alias(users, "shared_with");

/** The between-session practice logs listed on a session's page, oldest first, with names (one query). */
export function listSessionPracticeLogs(db: Database, sessionId: string) {
  return db
    .select({
      id: practiceLogs.id,
      authorId: practiceLogs.authorId,
      authorName: users.name,
      learningApplied: practiceLogs.learningApplied,
      insight: practiceLogs.insight,
      sharedWithUserId: practiceLogs.sharedWithUserId,
      sharedWithName: sharedWith.name,
      createdAt: practiceLogs.createdAt,
    })
    .from(practiceLogs)
    .innerJoin(users, eq(users.id, practiceLogs.authorId))
    .leftJoin(sharedWith, eq(sharedWith.id, practiceLogs.sharedWithUserId))
    .where(eq(practiceLogs.sessionId, sessionId))
    .orderBy(asc(practiceLogs.createdAt));
}
