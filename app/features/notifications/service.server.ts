/**
 * The one place an in-app notification is written, with the email that may go with it. Every
 * workflow that tells someone about something (a shared report, a comment, a brokering proposal…)
 * calls `notify` after its own write, so a second entry point (a job, an API) tells people the same way.
 */
import type { Database } from "../../../db/client";
import { createNotification, markAllRead, markRead, type Notification } from "../../../db/queries/notifications";
import type { Mailer, OutgoingMail } from "./mailer.server";

/** What notifying needs: the database, and the mailer when a notification is emailed too. */
export type NotifyDeps = { db: Database; mailer?: Mailer };

/** One person to tell: the in-app notification (`link` is a path inside the app) and, optionally, its email. */
export type NotificationInput = { userId: string; title: string; body?: string; link: string; email?: OutgoingMail };

export type NotifyResult = { notification: Notification; mail: Awaited<ReturnType<Mailer["send"]>> | null };

/** Writes one in-app notification, then sends (or queues in the outbox) its email when one is given. */
export async function notify(deps: NotifyDeps, input: NotificationInput): Promise<NotifyResult> {
  const { email, ...values } = input;
  const notification = await createNotification(deps.db, values);
  if (!email) return { notification, mail: null };
  if (!deps.mailer) throw new Error("notify: an email was given but no mailer");
  return { notification, mail: await deps.mailer.send(email) };
}

/** Notifies several people, one after another (each notification, then its email). */
export async function notifyEach(deps: NotifyDeps, inputs: NotificationInput[]): Promise<NotifyResult[]> {
  const results: NotifyResult[] = [];
  for (const input of inputs) results.push(await notify(deps, input));
  return results;
}

const NOTIFICATION_ID = /^[0-9a-f-]{36}$/i;

export type MarkReadResult = { ok: true; marked: number } | { ok: false; reason: "invalid" | "not-found" };

/** Marks one of the reader's own notifications read; someone else's id is "not found". */
export async function markNotificationRead(
  deps: { db: Database },
  reader: { userId: string },
  id: string,
): Promise<MarkReadResult> {
  if (!NOTIFICATION_ID.test(id)) return { ok: false, reason: "invalid" };
  if (!(await markRead(deps.db, reader.userId, id))) return { ok: false, reason: "not-found" };
  return { ok: true, marked: 1 };
}

/** Marks every unread notification of the reader read. */
export async function markAllNotificationsRead(
  deps: { db: Database },
  reader: { userId: string },
): Promise<MarkReadResult> {
  return { ok: true, marked: await markAllRead(deps.db, reader.userId) };
}
