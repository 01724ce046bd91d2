/**
 * The one place access is decided. Every function here is pure: the UI calls them to show or hide,
 * `requireX` helpers (permissions.server.ts) call them to answer 403/404, and the collaboration
 * server calls them to refuse a connection or open it read-only. Never re-derive access inline.
 */
import type { Role } from "../../db/schema/roles";
import type { DocumentKind } from "../../collab/doc-names";

export { roles, type Role } from "../../db/schema/roles";

/** A role held in an authority; school leaders and governors hold it of one school. */
export type Grant = { role: Role; authorityId: string; schoolId: string | null };
/** The signed-in person as the permission module sees them. */
export type Actor = { userId: string; grants: readonly Grant[] };
export type SchoolRef = { id: string; authorityId: string };

/** Roles held of a particular school rather than the whole authority. */
export function isSchoolRole(role: Role): role is "school_leader" | "governor" {
  return role === "school_leader" || role === "governor";
}

function holds(actor: Actor, role: Role, authorityId?: string) {
  return actor.grants.some((g) => g.role === role && (authorityId === undefined || g.authorityId === authorityId));
}

/** Authorities in which the actor is an admin. */
export function adminAuthorityIds(actor: Actor): string[] {
  return [...new Set(actor.grants.filter((g) => g.role === "authority_admin").map((g) => g.authorityId))];
}

/** Schools the actor leads. */
export function ledSchoolIds(actor: Actor): string[] {
  return actor.grants.filter((g) => g.role === "school_leader" && g.schoolId).map((g) => g.schoolId!);
}

/** Schools whose governing body the actor sits on. */
export function governedSchoolIds(actor: Actor): string[] {
  return actor.grants.filter((g) => g.role === "governor" && g.schoolId).map((g) => g.schoolId!);
}

/** Runs the authority: schools, people, roles, invitations and its outbox. */
export function canManageAuthority(actor: Actor, authorityId: string): boolean {
  return holds(actor, "authority_admin", authorityId);
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

/** Sees a school's page: its leaders, governors (read-only) and the authority's admins. */
export function canViewSchool(actor: Actor, school: SchoolRef): boolean {
  return (
    canManageAuthority(actor, school.authorityId) ||
    actor.grants.some((g) => g.schoolId === school.id && isSchoolRole(g.role))
  );
}

/** Edits a school's own details and records: its leaders and the authority's admins, never governors. */
export function canEditSchool(actor: Actor, school: SchoolRef): boolean {
  return (
    canManageAuthority(actor, school.authorityId) ||
    actor.grants.some((g) => g.schoolId === school.id && g.role === "school_leader")
  );
}

/** Facilitates cohorts in the authority. */
export function isFacilitator(actor: Actor, authorityId?: string): boolean {
  return holds(actor, "facilitator", authorityId);
}

/** Acts as a School Improvement Partner in the authority. */
export function isSip(actor: Actor, authorityId?: string): boolean {
  return holds(actor, "sip", authorityId);
}

/** What someone may do with a shared document: nothing, read it (and show presence), or write. */
export type DocumentAccess = "none" | "read" | "write";

/**
 * The facts that decide access to a community's shared documents: who the community's members
 * are, who facilitates its cohort, and which SIPs are assigned to its members' schools this year.
 */
export type CommunityScope = {
  authorityId: string;
  memberIds: readonly string[];
  facilitatorIds: readonly string[];
  sipIds: readonly string[];
};

/**
 * Access to a shared document. Community documents (inquiry, board, HMW): members and the cohort's
 * facilitators write, SIPs of member schools read. Playlists are curated: facilitators write,
 * members and SIPs read. Nobody else sees anything.
 */
export function documentAccess(actor: Actor, kind: DocumentKind, scope: CommunityScope): DocumentAccess {
  const facilitator = scope.facilitatorIds.includes(actor.userId);
  const member = scope.memberIds.includes(actor.userId);
  const sip = scope.sipIds.includes(actor.userId);
  if (kind === "playlist") return facilitator ? "write" : member || sip ? "read" : "none";
  return member || facilitator ? "write" : sip ? "read" : "none";
}

/** Opens the community's pages at all. */
export function canViewCommunity(actor: Actor, scope: CommunityScope): boolean {
  return documentAccess(actor, "inquiry", scope) !== "none";
}
