import { randomInt } from "node:crypto";
import { and, asc, count, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../client";
import {
  surveyRounds,
  trustSurveyAnswers,
  trustSurveyRespondents,
  trustSurveyRounds,
  type trustFacets,
} from "../schema/index";

type Facet = (typeof trustFacets)[number];
type RoundName = (typeof surveyRounds)[number];
export type SurveyAnswer = { facet: Facet; item: string; value: number };

/** Fisher–Yates with a cryptographic source, so the order of stored answers carries nothing. */
function shuffle<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * A cohort's rounds in year order, each with how many have responded and whether this person has.
 * One query; who responded is never returned.
 */
export async function listRounds(db: Database, cohortId: string, userId: string) {
  const rows = await db
    .select({
      id: trustSurveyRounds.id,
      round: trustSurveyRounds.round,
      openedAt: trustSurveyRounds.openedAt,
      closedAt: trustSurveyRounds.closedAt,
      responses: count(trustSurveyRespondents.userId),
      answeredByMe: sql<boolean>`coalesce(bool_or(${trustSurveyRespondents.userId} = ${userId}), false)`,
    })
    .from(trustSurveyRounds)
    .leftJoin(trustSurveyRespondents, eq(trustSurveyRespondents.roundId, trustSurveyRounds.id))
    .where(eq(trustSurveyRounds.cohortId, cohortId))
    .groupBy(trustSurveyRounds.id)
    .orderBy(asc(trustSurveyRounds.openedAt));
  const order = (r: RoundName) => surveyRounds.indexOf(r);
  return rows
    .map((r) => ({ ...r, responses: Number(r.responses), answeredByMe: Boolean(r.answeredByMe) }))
    .sort((a, b) => order(a.round) - order(b.round));
}

/** Counts of each answer value per facet, for the given rounds only (callers pass rounds whose results may be shown). */
export async function facetCounts(db: Database, roundIds: string[]) {
  if (roundIds.length === 0) return [];
  const rows = await db
    .select({
      roundId: trustSurveyAnswers.roundId,
      facet: trustSurveyAnswers.facet,
      value: trustSurveyAnswers.value,
      count: count(),
    })
    .from(trustSurveyAnswers)
    .where(inArray(trustSurveyAnswers.roundId, roundIds))
    .groupBy(trustSurveyAnswers.roundId, trustSurveyAnswers.facet, trustSurveyAnswers.value);
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

/** A round of this cohort, or null. */
export async function getRound(db: Database, cohortId: string, roundId: string) {
  const [row] = await db
    .select()
    .from(trustSurveyRounds)
    .where(and(eq(trustSurveyRounds.id, roundId), eq(trustSurveyRounds.cohortId, cohortId)));
  return row ?? null;
}

/**
 * Opens a round. Refused (null) while another round of the cohort is open; a round opened twice
 * fails on the unique key (the caller reports it).
 */
export async function openRound(db: Database, values: { cohortId: string; round: RoundName; openedAt?: Date }) {
  return db.transaction(async (tx) => {
    const [open] = await tx
      .select({ round: trustSurveyRounds.round })
      .from(trustSurveyRounds)
      .where(and(eq(trustSurveyRounds.cohortId, values.cohortId), isNull(trustSurveyRounds.closedAt)));
    if (open) return { ok: false as const, openRound: open.round };
    const [round] = await tx.insert(trustSurveyRounds).values(values).returning();
    return { ok: true as const, round };
  });
}

/**
 * Closes an open round, and rewrites its answers in a fresh random order, so that not even the
 * physical order of rows follows the order people answered in. Returns false if it was not open.
 */
export async function closeRound(db: Database, cohortId: string, roundId: string, closedAt = new Date()) {
  return db.transaction(async (tx) => {
    const closed = await tx
      .update(trustSurveyRounds)
      .set({ closedAt })
      .where(
        and(
          eq(trustSurveyRounds.id, roundId),
          eq(trustSurveyRounds.cohortId, cohortId),
          isNull(trustSurveyRounds.closedAt),
        ),
      )
      .returning({ id: trustSurveyRounds.id });
    if (closed.length === 0) return false;
    const answers = await tx
      .select({
        roundId: trustSurveyAnswers.roundId,
        facet: trustSurveyAnswers.facet,
        item: trustSurveyAnswers.item,
        value: trustSurveyAnswers.value,
      })
      .from(trustSurveyAnswers)
      .where(eq(trustSurveyAnswers.roundId, roundId));
    if (answers.length) {
      await tx.delete(trustSurveyAnswers).where(eq(trustSurveyAnswers.roundId, roundId));
      await tx.insert(trustSurveyAnswers).values(shuffle(answers));
    }
    return true;
  });
}

export type SubmitResult = "saved" | "already-answered" | "not-open";

/**
 * Records one person's response in one transaction: that they responded, and their answers in a
 * random order with nothing linking them to the person. The round row is locked so it cannot
 * close half-way; the respondents' primary key refuses a second response.
 */
export async function submitResponse(
  db: Database,
  values: { roundId: string; userId: string; answers: SurveyAnswer[] },
): Promise<SubmitResult> {
  return db.transaction(async (tx) => {
    const [round] = await tx
      .select({ closedAt: trustSurveyRounds.closedAt })
      .from(trustSurveyRounds)
      .where(eq(trustSurveyRounds.id, values.roundId))
      .for("share");
    if (!round || round.closedAt) return "not-open";
    const inserted = await tx
      .insert(trustSurveyRespondents)
      .values({ roundId: values.roundId, userId: values.userId })
      .onConflictDoNothing()
      .returning({ userId: trustSurveyRespondents.userId });
    if (inserted.length === 0) return "already-answered";
    await tx.insert(trustSurveyAnswers).values(shuffle(values.answers).map((a) => ({ ...a, roundId: values.roundId })));
    return "saved";
  });
}
