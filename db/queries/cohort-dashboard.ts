import { and, asc, eq, gte, sql } from "drizzle-orm";
import type { Database } from "../client";
import { cohortMembers, practiceLogs, trustSurveyRespondents, trustSurveyRounds, users } from "../schema/index";

/** Each survey round of the cohort with whether it is open and how many have answered (counts only). One query. */
export function listSurveyStatus(db: Database, cohortId: string) {
  return db
    .select({
      id: trustSurveyRounds.id,
      round: trustSurveyRounds.round,
      openedAt: trustSurveyRounds.openedAt,
      closedAt: trustSurveyRounds.closedAt,
      responses: sql<number>`count(${trustSurveyRespondents.userId})`.mapWith(Number),
    })
    .from(trustSurveyRounds)
    .leftJoin(trustSurveyRespondents, eq(trustSurveyRespondents.roundId, trustSurveyRounds.id))
    .where(eq(trustSurveyRounds.cohortId, cohortId))
    .groupBy(trustSurveyRounds.id)
    .orderBy(asc(trustSurveyRounds.openedAt));
}

/**
 * Each leader of the cohort and whether they logged between-session practice since `since` (the
 * start of the last session; null: ever). One query.
 */
export function listPracticeSince(db: Database, cohortId: string, since: Date | null) {
  const logJoin = and(
    eq(practiceLogs.cohortId, cohortId),
    eq(practiceLogs.authorId, cohortMembers.userId),
    since ? gte(practiceLogs.createdAt, since) : undefined,
  );
  return db
    .select({ userId: users.id, name: users.name, logs: sql<number>`count(${practiceLogs.id})`.mapWith(Number) })
    .from(cohortMembers)
    .innerJoin(users, eq(users.id, cohortMembers.userId))
    .leftJoin(practiceLogs, logJoin)
    .where(and(eq(cohortMembers.cohortId, cohortId), eq(cohortMembers.role, "leader")))
    .groupBy(users.id, users.name)
    .orderBy(asc(users.name));
}
