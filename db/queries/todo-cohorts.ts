/** Cohort-side counts for the to-do lists: playlist suggestions waiting, and a leader's latest practice log. */
import { and, count, eq, inArray, max } from "drizzle-orm";
import type { Database } from "../client";
import { practiceLogs, resourceSuggestions } from "../schema/index";

/** How many suggestions wait for a decision on each of these playlists (absent: none). One query. */
export async function countPendingSuggestions(db: Database, playlistIds: readonly string[]) {
  if (playlistIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ playlistId: resourceSuggestions.playlistId, n: count() })
    .from(resourceSuggestions)
    .where(and(inArray(resourceSuggestions.playlistId, [...playlistIds]), eq(resourceSuggestions.status, "pending")))
    .groupBy(resourceSuggestions.playlistId);
  return new Map(rows.map((r) => [r.playlistId, Number(r.n)]));
}

/** When this person last logged their practice in each of these cohorts (absent: never). One query. */
export async function latestPracticeLogs(db: Database, authorId: string, cohortIds: readonly string[]) {
  if (cohortIds.length === 0) return new Map<string, Date>();
  const rows = await db
    .select({ cohortId: practiceLogs.cohortId, at: max(practiceLogs.createdAt) })
    .from(practiceLogs)
    .where(and(eq(practiceLogs.authorId, authorId), inArray(practiceLogs.cohortId, [...cohortIds])))
    .groupBy(practiceLogs.cohortId);
  return new Map(rows.filter((r) => r.at).map((r) => [r.cohortId, new Date(r.at!)]));
}
