import type { AppLoadContext } from "@remix-run/node";
import { getAuthority } from "../../db/queries/authorities";
import { createInvitation } from "../../db/queries/invitations";
import type { Role } from "../../db/schema/roles";
import { roleLabel } from "./roles";
import { createToken } from "./tokens.server";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/London" });

/**
 * Creates a single-use invitation and emails its link (to the outbox without SMTP). Returns how
 * the mail went, so the admin is told if sending failed.
 */
export async function sendInvitation(
  context: AppLoadContext,
  request: Request,
  invite: { authorityId: string; email: string; role: Role; schoolId: string | null; schoolName: string | null; invitedBy: { id: string; name: string } },
) {
  const { db, env, mailer } = context.services;
  const { token, hash } = createToken();
  const expiresAt = new Date(Date.now() + env.invitationMs);
  await createInvitation(db, {
    authorityId: invite.authorityId,
    email: invite.email,
    role: invite.role,
    schoolId: invite.schoolId,
    tokenHash: hash,
    invitedBy: invite.invitedBy.id,
    expiresAt,
  });
  const authority = await getAuthority(db, invite.authorityId);
  const origin = env.appUrl ?? new URL(request.url).origin;
  const link = `${origin}/invite/${token}`;
  const what = roleLabel(invite.role, authority?.terminology) + (invite.schoolName ? ` of ${invite.schoolName}` : "");
  const text = [
    `Hello,`,
    ``,
    `${invite.invitedBy.name} has invited you to join ${authority?.name ?? "their authority"} on Commons as ${what}.`,
    ``,
    `To accept, open this link. You will choose a password, or enter your current one if you already use Commons:`,
    link,
    ``,
    `The link works once and expires on ${dateFormat.format(expiresAt)}.`,
    `If you were not expecting this invitation, you can ignore this email.`,
  ].join("\n");
  return mailer.send({ authorityId: invite.authorityId, to: invite.email, subject: "You are invited to Commons", text });
}
