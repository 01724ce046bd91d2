import { aliasedTable, and, desc, eq } from "drizzle-orm";
import type { Database } from "../client";
import { playlistProgress, resourceSuggestions, users } from "../schema/index";

export type ProgressStatus = "done" | "done_with_partner";
export type ProgressRow = {
  itemId: string;
  userId: string;
  status: ProgressStatus;
  partnerUserId: string | null;
  partnerName: string | null;
  note: string;
  updatedAt: Date;
};
export type Suggestion = typeof resourceSuggestions.$inferSelect & { suggestedByName: string };

const partner = aliasedTable(users, "partner");

/**
 * Progress on a playlist (a community's or a cohort's id), with partners' names, in one query.
 * `userId` limits it to one leader's own progress.
 */
export function listProgress(db: Database, playlistId: string, userId?: string): Promise<ProgressRow[]> {
  return db
    .select({
      itemId: playlistProgress.itemId,
      userId: playlistProgress.userId,
      status: playlistProgress.status,
      partnerUserId: playlistProgress.partnerUserId,
      partnerName: partner.name,
      note: playlistProgress.note,
      updatedAt: playlistProgress.updatedAt,
    })
    .from(playlistProgress)
    .leftJoin(partner, eq(partner.id, playlistProgress.partnerUserId))
    .where(and(eq(playlistProgress.playlistId, playlistId), userId ? eq(playlistProgress.userId, userId) : undefined));
}

/** Marks an item done (alone or with a partner) for a leader, or updates their earlier mark. */
export async function saveProgress(
  db: Database,
  values: {
    playlistId: string;
    itemId: string;
    userId: string;
    status: ProgressStatus;
    partnerUserId: string | null;
    note: string;
  },
) {
  const set = { status: values.status, partnerUserId: values.partnerUserId, note: values.note, updatedAt: new Date() };
  await db
    .insert(playlistProgress)
    .values({ ...values, updatedAt: set.updatedAt })
    .onConflictDoUpdate({
      target: [playlistProgress.playlistId, playlistProgress.itemId, playlistProgress.userId],
      set,
    });
}

/** Takes back a leader's mark on an item. */
export async function clearProgress(db: Database, key: { playlistId: string; itemId: string; userId: string }) {
  await db
    .delete(playlistProgress)
    .where(
      and(
        eq(playlistProgress.playlistId, key.playlistId),
        eq(playlistProgress.itemId, key.itemId),
        eq(playlistProgress.userId, key.userId),
      ),
    );
}

/** A leader suggests a resource for a playlist; it waits for a facilitator's decision. */
export async function createSuggestion(
  db: Database,
  values: {
    playlistId: string;
    suggestedBy: string;
    title: string;
    url: string;
    type: "video" | "reading" | "protocol" | "tool";
    minutes: number;
    why: string;
  },
) {
  const [row] = await db.insert(resourceSuggestions).values(values).returning();
  return row;
}

/**
 * Suggestions for a playlist with the suggester's name, newest first: the pending ones (for
 * facilitators), or everything one leader suggested (`by`).
 */
export function listSuggestions(
  db: Database,
  playlistId: string,
  filter: { pending: true } | { by: string },
): Promise<Suggestion[]> {
  const where =
    "by" in filter ? eq(resourceSuggestions.suggestedBy, filter.by) : eq(resourceSuggestions.status, "pending");
  return db
    .select({
      id: resourceSuggestions.id,
      playlistId: resourceSuggestions.playlistId,
      suggestedBy: resourceSuggestions.suggestedBy,
      suggestedByName: users.name,
      title: resourceSuggestions.title,
      url: resourceSuggestions.url,
      type: resourceSuggestions.type,
      minutes: resourceSuggestions.minutes,
      why: resourceSuggestions.why,
      status: resourceSuggestions.status,
      decidedBy: resourceSuggestions.decidedBy,
      decidedAt: resourceSuggestions.decidedAt,
      createdAt: resourceSuggestions.createdAt,
    })
    .from(resourceSuggestions)
    .innerJoin(users, eq(users.id, resourceSuggestions.suggestedBy))
    .where(and(eq(resourceSuggestions.playlistId, playlistId), where))
    .orderBy(desc(resourceSuggestions.createdAt), desc(resourceSuggestions.id));
}

/**
 * Approves or declines a pending suggestion of this playlist. Returns the suggestion, or null when
 * there is no pending suggestion with that id here (unknown, another playlist's, or already decided).
 */
export async function decideSuggestion(
  db: Database,
  values: { id: string; playlistId: string; status: "approved" | "declined"; decidedBy: string },
) {
  const [row] = await db
    .update(resourceSuggestions)
    .set({ status: values.status, decidedBy: values.decidedBy, decidedAt: new Date() })
    .where(
      and(
        eq(resourceSuggestions.id, values.id),
        eq(resourceSuggestions.playlistId, values.playlistId),
        eq(resourceSuggestions.status, "pending"),
      ),
    )
    .returning();
  return row ?? null;
}
