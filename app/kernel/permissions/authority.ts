/** What an authority's admins may do: run its schools, people, roles, outbox, SIP deployment and audit log. */
import { holdsRole, type Actor, type Role } from "./actor";

/** Runs the authority: schools, people, roles, invitations and its outbox. */
export function canManageAuthority(actor: Actor, authorityId: string): boolean {
  return holdsRole(actor, "authority_admin", authorityId);
}

/** Adds schools to the authority (one at a time or by CSV). */
export function canAddSchools(actor: Actor, authorityId: string): boolean {
  return canManageAuthority(actor, authorityId);
}

/** Invites people into the authority with a role. */
export function canInvitePeople(actor: Actor, authorityId: string): boolean {
  return canManageAuthority(actor, authorityId);
}

/**
 * Changes another person's roles in the authority. Admins may not remove their own admin role, so an
 * authority can never be left without the person who is changing it.
 */
export function canChangeRole(
  actor: Actor,
  change: { authorityId: string; targetUserId: string; role: Role; action: "add" | "remove" },
): boolean {
  if (!canManageAuthority(actor, change.authorityId)) return false;
  return !(change.action === "remove" && change.role === "authority_admin" && change.targetUserId === actor.userId);
}

/** Reads the authority's outgoing mail (which contains invitation links). */
export function canViewOutbox(actor: Actor, authorityId: string): boolean {
  return canManageAuthority(actor, authorityId);
}

/** Assigns SIPs to schools, sets day budgets, sees matching suggestions and the audit log: authority admins. */
export function canManageSipDeployment(actor: Actor, authorityId: string): boolean {
  return canManageAuthority(actor, authorityId);
}

/** Reads the audit log of who read which visit record or report: authority admins. */
export function canViewAuditLog(actor: Actor, authorityId: string): boolean {
  return canManageAuthority(actor, authorityId);
}
