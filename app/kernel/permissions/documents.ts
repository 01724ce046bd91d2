/** Access to the shared (live) documents; the collaboration server asks this same function. */
import type { DocumentKind } from "../../../collab/doc-names";
import type { Actor } from "./actor";

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
 * members and SIPs read. The community room (gatherings) is the facilitators' to write and the
 * members' to read; a SIP has no part in the community's sessions, so is never gathered. Nobody
 * else sees anything.
 */
export function documentAccess(actor: Actor, kind: DocumentKind, scope: CommunityScope): DocumentAccess {
  const facilitator = scope.facilitatorIds.includes(actor.userId);
  const member = scope.memberIds.includes(actor.userId);
  const sip = scope.sipIds.includes(actor.userId);
  if (kind === "community-room") return facilitator ? "write" : member ? "read" : "none";
  if (kind === "playlist") return facilitator ? "write" : member || sip ? "read" : "none";
  return member || facilitator ? "write" : sip ? "read" : "none";
}
