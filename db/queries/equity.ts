import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../client";
import { cohortMembers, cohorts, communities, communityMembers, equityChallenges, users } from "../schema/index";

/** A leader's equity challenge in a cohort, or null. */
export async function getChallenge(db: Database, cohortId: string, userId: string) {
  const [row] = await db
    .select({ text: equityChallenges.text, tags: equityChallenges.tags, updatedAt: equityChallenges.updatedAt })
    .from(equityChallenges)
    .where(and(eq(equityChallenges.cohortId, cohortId), eq(equityChallenges.userId, userId)));
  return row ?? null;
}

/** Names or changes a leader's equity challenge (one per leader per cohort). */
export async function saveChallenge(
  db: Database,
  values: { cohortId: string; userId: string; text: string; tags: string[] },
) {
  await db
    .insert(equityChallenges)
    .values(values)
    .onConflictDoUpdate({
      target: [equityChallenges.cohortId, equityChallenges.userId],
      set: { text: values.text, tags: values.tags, updatedAt: new Date() },
    });
}

/** The ids of a cohort's communities, as a subquery. */
const communityIdsOf = (db: Database, cohortId: string) =>
  db.select({ id: communities.id }).from(communities).where(eq(communities.cohortId, cohortId));

/**
 * Every leader of the cohort with their challenge (or null) and their community in it (or null).
 * One query. Used by the facilitator's grouping page only.
 */
export async function listLeadersWithChallenges(db: Database, cohortId: string) {
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      text: equityChallenges.text,
      tags: equityChallenges.tags,
      communityId: communityMembers.communityId,
    })
    .from(cohortMembers)
    .innerJoin(users, eq(users.id, cohortMembers.userId))
    .leftJoin(equityChallenges, and(eq(equityChallenges.cohortId, cohortId), eq(equityChallenges.userId, users.id)))
    .leftJoin(
      communityMembers,
      and(eq(communityMembers.userId, users.id), inArray(communityMembers.communityId, communityIdsOf(db, cohortId))),
    )
    .where(and(eq(cohortMembers.cohortId, cohortId), eq(cohortMembers.role, "leader")))
    .orderBy(asc(users.name), asc(users.id));
  // Should someone be in two communities (data from before the one-community rule), list them once.
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.id) && seen.add(r.id));
}

/**
 * Leaders with a challenge and no community yet, with their tags and the lexemes of their text
 * from Postgres full-text search (English stemming, stop words removed), each lexeme with a word
 * it came from so suggestions can explain themselves in real words.
 */
export async function listGroupingCandidates(db: Database, cohortId: string) {
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      tags: equityChallenges.tags,
      lexemes: sql<string[]>`tsvector_to_array(to_tsvector('english', ${equityChallenges.text}))`,
      words: sql<Record<string, string>>`(
        select coalesce(json_object_agg(d.lexeme, d.word), '{}'::json) from (
          select distinct on (t.lexemes[1]) t.lexemes[1] as lexeme, lower(t.token) as word
          from ts_debug('english', ${equityChallenges.text}) t
          where cardinality(t.lexemes) > 0
          order by t.lexemes[1], lower(t.token)
        ) d
      )`,
    })
    .from(equityChallenges)
    .innerJoin(
      cohortMembers,
      and(
        eq(cohortMembers.cohortId, equityChallenges.cohortId),
        eq(cohortMembers.userId, equityChallenges.userId),
        eq(cohortMembers.role, "leader"),
      ),
    )
    .innerJoin(users, eq(users.id, equityChallenges.userId))
    .where(
      and(
        eq(equityChallenges.cohortId, cohortId),
        sql`not exists (select 1 from ${communityMembers} where ${communityMembers.userId} = ${users.id} and ${communityMembers.communityId} in (select ${communities.id} from ${communities} where ${communities.cohortId} = ${cohortId}))`,
      ),
    )
    .orderBy(asc(users.name), asc(users.id));
  // Every lexeme of the vector gets a word; the vector is the source of truth for which lexemes there are.
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    tags: r.tags,
    words: Object.fromEntries(r.lexemes.map((l) => [l, r.words[l] ?? l])),
  }));
}

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** Locks the cohort row so two facilitators' grouping changes run one after the other. */
async function lockCohort(tx: Tx, cohortId: string) {
  await tx.select({ id: cohorts.id }).from(cohorts).where(eq(cohorts.id, cohortId)).for("update");
}

/** Which of these people are already in a community of the cohort (name of person and community). */
async function placed(tx: Tx, cohortId: string, userIds: string[]) {
  if (userIds.length === 0) return [];
  return tx
    .select({ userId: users.id, userName: users.name, communityName: communities.name })
    .from(communityMembers)
    .innerJoin(communities, eq(communities.id, communityMembers.communityId))
    .innerJoin(users, eq(users.id, communityMembers.userId))
    .where(and(eq(communities.cohortId, cohortId), inArray(communityMembers.userId, userIds)))
    .orderBy(asc(users.name));
}

/** The ids, among these, of the cohort's leaders. */
async function leadersAmong(tx: Tx | Database, cohortId: string, userIds: string[]) {
  if (userIds.length === 0) return new Set<string>();
  const rows = await tx
    .select({ userId: cohortMembers.userId })
    .from(cohortMembers)
    .where(
      and(
        eq(cohortMembers.cohortId, cohortId),
        eq(cohortMembers.role, "leader"),
        inArray(cohortMembers.userId, userIds),
      ),
    );
  return new Set(rows.map((r) => r.userId));
}

export type GroupingError =
  | { kind: "not-leaders" }
  | { kind: "already-placed"; people: Array<{ userName: string; communityName: string }> }
  | { kind: "full"; communityName: string }
  | { kind: "no-community" };

/**
 * Creates a community of these leaders. Refused if any is not a leader of the cohort or already in
 * one of its communities (a leader is in at most one community of a cohort).
 */
export async function formCommunity(db: Database, values: { cohortId: string; name: string; memberIds: string[] }) {
  return db.transaction(
    async (tx): Promise<{ ok: true; communityId: string } | { ok: false; error: GroupingError }> => {
      await lockCohort(tx, values.cohortId);
      const memberIds = [...new Set(values.memberIds)];
      const leaders = await leadersAmong(tx, values.cohortId, memberIds);
      if (memberIds.some((id) => !leaders.has(id))) return { ok: false, error: { kind: "not-leaders" } };
      const already = await placed(tx, values.cohortId, memberIds);
      if (already.length) return { ok: false, error: { kind: "already-placed", people: already } };
      const [community] = await tx
        .insert(communities)
        .values({ cohortId: values.cohortId, name: values.name })
        .returning({ id: communities.id });
      if (memberIds.length)
        await tx.insert(communityMembers).values(memberIds.map((userId) => ({ communityId: community.id, userId })));
      return { ok: true, communityId: community.id };
    },
  );
}

/**
 * Moves a leader into a community of the cohort (out of any other), or out of all (null). Refused
 * if the community is not the cohort's, is full, or the person is not one of its leaders.
 */
export async function moveLeader(
  db: Database,
  values: { cohortId: string; userId: string; communityId: string | null; maxMembers: number },
) {
  return db.transaction(async (tx): Promise<{ ok: true } | { ok: false; error: GroupingError }> => {
    await lockCohort(tx, values.cohortId);
    if (!(await leadersAmong(tx, values.cohortId, [values.userId])).has(values.userId))
      return { ok: false, error: { kind: "not-leaders" } };
    if (values.communityId) {
      const [target] = await tx
        .select({
          name: communities.name,
          members: sql<number>`(select count(*) from ${communityMembers} where ${communityMembers.communityId} = ${communities.id} and ${communityMembers.userId} <> ${values.userId})`,
        })
        .from(communities)
        .where(and(eq(communities.id, values.communityId), eq(communities.cohortId, values.cohortId)));
      if (!target) return { ok: false, error: { kind: "no-community" } };
      if (Number(target.members) >= values.maxMembers)
        return { ok: false, error: { kind: "full", communityName: target.name } };
    }
    await tx
      .delete(communityMembers)
      .where(
        and(
          eq(communityMembers.userId, values.userId),
          inArray(communityMembers.communityId, communityIdsOf(tx as unknown as Database, values.cohortId)),
        ),
      );
    if (values.communityId)
      await tx.insert(communityMembers).values({ communityId: values.communityId, userId: values.userId });
    return { ok: true };
  });
}

/** Renames a community of the cohort; false if there is no such community in it. */
export async function renameCommunity(db: Database, values: { cohortId: string; communityId: string; name: string }) {
  const rows = await db
    .update(communities)
    .set({ name: values.name })
    .where(and(eq(communities.id, values.communityId), eq(communities.cohortId, values.cohortId)))
    .returning({ id: communities.id });
  return rows.length > 0;
}
