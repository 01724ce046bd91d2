/**
 * Who is asking: the signed-in person and the roles they hold. Pages and the collaboration server
 * build the same `Actor` (grants loaded from the database) and hand it to the predicates of this
 * folder, so a page and a socket can never disagree.
 */
import type { Role } from "../../../db/schema/roles";

export type { Role } from "../../../db/schema/roles";

/** A role held in an authority; school leaders and governors hold it of one school. */
export type Grant = { role: Role; authorityId: string; schoolId: string | null };
/** The signed-in person as the permission module sees them. */
export type Actor = { userId: string; grants: readonly Grant[] };

/** Roles held of a particular school rather than the whole authority. */
export function isSchoolRole(role: Role): role is "school_leader" | "governor" {
  return role === "school_leader" || role === "governor";
}

/** Holds the role in the authority (in any authority when none is given). */
export function holdsRole(actor: Actor, role: Role, authorityId?: string): boolean {
  return actor.grants.some((g) => g.role === role && (authorityId === undefined || g.authorityId === authorityId));
}

/** Leads the school (holds school_leader of it). */
export function leadsSchool(actor: Actor, schoolId: string): boolean {
  return actor.grants.some((g) => g.role === "school_leader" && g.schoolId === schoolId);
}

/** Sits on the school's governing body. */
export function governsSchool(actor: Actor, schoolId: string): boolean {
  return actor.grants.some((g) => g.role === "governor" && g.schoolId === schoolId);
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

/** Facilitates cohorts in the authority. */
export function isFacilitator(actor: Actor, authorityId?: string): boolean {
  return holdsRole(actor, "facilitator", authorityId);
}

/** Acts as a School Improvement Partner in the authority. */
export function isSip(actor: Actor, authorityId?: string): boolean {
  return holdsRole(actor, "sip", authorityId);
}
