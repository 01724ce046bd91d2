import { desc, eq } from "drizzle-orm";
import type { Database } from "../client";
import { mailMessages } from "../schema/index";

export type MailMessage = typeof mailMessages.$inferSelect;

/** Stores an outgoing message before any attempt to send it, so nothing is lost if sending fails. */
export async function recordMail(
  db: Database,
  values: { authorityId: string | null; toAddress: string; subject: string; bodyText: string },
): Promise<MailMessage> {
  const [row] = await db
    .insert(mailMessages)
    .values({ ...values, status: "outbox" })
    .returning();
  return row;
}

/** Marks a stored message as sent, or as failed with the reason. */
export async function markMail(db: Database, id: string, result: { sent: true } | { sent: false; error: string }) {
  await db
    .update(mailMessages)
    .set(result.sent ? { status: "sent", sentAt: new Date(), error: null } : { status: "failed", error: result.error })
    .where(eq(mailMessages.id, id));
}

/** The authority's outgoing mail, newest first. */
export function listMail(db: Database, authorityId: string, limit = 100): Promise<MailMessage[]> {
  return db
    .select()
    .from(mailMessages)
    .where(eq(mailMessages.authorityId, authorityId))
    .orderBy(desc(mailMessages.createdAt))
    .limit(limit);
}
