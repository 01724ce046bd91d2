import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { Database } from "../client";
import { notifications } from "../schema/index";

export type Notification = typeof notifications.$inferSelect;

/** Adds an in-app notification for one person. `link` is a path inside the app. */
export async function createNotification(
  db: Database,
  values: { userId: string; title: string; body?: string; link: string },
): Promise<Notification> {
  const [row] = await db
    .insert(notifications)
    .values({ ...values, body: values.body ?? "" })
    .returning();
  return row;
}

/** A person's notifications, newest first (one indexed query). */
export function listForUser(db: Database, userId: string, limit = 100): Promise<Notification[]> {
  return db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
}

/** How many of a person's notifications are unread. */
export async function unreadCount(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

/**
 * Marks one of the person's own notifications read. Returns false when they have no notification
 * with that id (someone else's is treated as missing, never touched).
 */
export async function markRead(db: Database, userId: string, id: string): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  if (rows.length) return true;
  // Already read is fine; only someone else's (or an unknown id) is "not found".
  const [own] = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
  return Boolean(own);
}

/** Marks every unread notification of the person read. Returns how many changed. */
export async function markAllRead(db: Database, userId: string): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}
