import { aliasedTable, and, asc, desc, eq, or } from "drizzle-orm";
import type { Database } from "../client";
import { cohortMembers, cohortSessions, practiceLogs, users } from "../schema/index";

export type PracticeLogRow = {
  id: string;
  authorId: string;
  authorName: string;
  sharedWithUserId: string | null;
  sharedWithName: string | null;
  learningApplied: string;
  insight: string;
  createdAt: Date;
  sessionId: string | null;
  sessionTitle: string | null;
  sessionStartsAt: Date | null;
};

/** The cohort's school leaders (id and name), by name: the people a log or a playlist item can be shared with. */
export function listCohortLeaders(db: Database, cohortId: string): Promise<Array<{ id: string; name: string }>> {
  return db
    .select({ id: users.id, name: users.name })
    .from(cohortMembers)
    .innerJoin(users, eq(users.id, cohortMembers.userId))
    .where(and(eq(cohortMembers.cohortId, cohortId), eq(cohortMembers.role, "leader")))
    .orderBy(asc(users.name), asc(users.id));
}

/** Records a between-session practice log. */
export async function createPracticeLog(
  db: Database,
  values: {
    cohortId: string;
    authorId: string;
    sessionId: string | null;
    learningApplied: string;
    insight: string;
    sharedWithUserId: string | null;
    createdAt?: Date;
  },
) {
  const [row] = await db.insert(practiceLogs).values(values).returning();
  return row;
}

const sharedWith = aliasedTable(users, "shared_with");

/**
 * A cohort's practice logs, newest first, with names and the session they are for (one query).
 * `involving` limits them to logs the person wrote or was shared with.
 */
export function listPracticeLogs(db: Database, cohortId: string, involving?: string): Promise<PracticeLogRow[]> {
  const mine = involving
    ? or(eq(practiceLogs.authorId, involving), eq(practiceLogs.sharedWithUserId, involving))
    : undefined;
  return db
    .select({
      id: practiceLogs.id,
      authorId: practiceLogs.authorId,
      authorName: users.name,
      sharedWithUserId: practiceLogs.sharedWithUserId,
      sharedWithName: sharedWith.name,
      learningApplied: practiceLogs.learningApplied,
      insight: practiceLogs.insight,
      createdAt: practiceLogs.createdAt,
      sessionId: practiceLogs.sessionId,
      sessionTitle: cohortSessions.title,
      sessionStartsAt: cohortSessions.startsAt,
    })
    .from(practiceLogs)
    .innerJoin(users, eq(users.id, practiceLogs.authorId))
    .leftJoin(sharedWith, eq(sharedWith.id, practiceLogs.sharedWithUserId))
    .leftJoin(cohortSessions, eq(cohortSessions.id, practiceLogs.sessionId))
    .where(and(eq(practiceLogs.cohortId, cohortId), mine))
    .orderBy(desc(practiceLogs.createdAt), desc(practiceLogs.id));
}
