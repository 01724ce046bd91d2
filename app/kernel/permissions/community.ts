/** What members, facilitators and SIPs may do in a community: its inquiry, its plan links and its playlists. */
import { ledSchoolIds, type Actor } from "./actor";
import { documentAccess, type CommunityScope } from "./documents";

/** Belongs to the community (as a leader). */
export function isCommunityMember(actor: Actor, scope: CommunityScope): boolean {
  return scope.memberIds.includes(actor.userId);
}

/** Sets peer-check pairs, locks the board, marks the inquiry question: the cohort's facilitators. */
export function canFacilitateCommunity(actor: Actor, scope: CommunityScope): boolean {
  return scope.facilitatorIds.includes(actor.userId);
}

/** Links the community's inquiry to priorities of a school's plan: a member who leads that school. */
export function canLinkInquiryToPlan(actor: Actor, scope: CommunityScope, schoolId: string): boolean {
  return isCommunityMember(actor, scope) && ledSchoolIds(actor).includes(schoolId);
}

/**
 * Writes a section of the inquiry (a story, a reflection, a pair's peer-check notes): the people it
 * belongs to and the cohort's facilitators. Everyone else who may open the document reads it.
 */
export function canEditInquirySection(actor: Actor, scope: CommunityScope, ownerIds: readonly string[]): boolean {
  return (
    documentAccess(actor, "inquiry", scope) === "write" &&
    (canFacilitateCommunity(actor, scope) || ownerIds.includes(actor.userId))
  );
}

/** Comments inline on the inquiry's sections, and resolves or reopens comments: whoever may write the document. */
export function canCommentOnInquiry(actor: Actor, scope: CommunityScope): boolean {
  return documentAccess(actor, "inquiry", scope) === "write";
}

/** Deletes an inquiry comment: its author only (a rule the page keeps; the shared document cannot). */
export function canDeleteInquiryComment(userId: string, comment: { authorId: string }): boolean {
  return comment.authorId === userId;
}

/**
 * Marks a playlist item done (alone or with a partner): the playlist's leaders, i.e. the
 * community's members for a community playlist, the cohort's leaders for a cohort playlist.
 */
export function canMarkPlaylistProgress(actor: Actor, scope: CommunityScope): boolean {
  return isCommunityMember(actor, scope);
}

/** Suggests a resource for a playlist: the same leaders who use it. */
export function canSuggestResource(actor: Actor, scope: CommunityScope): boolean {
  return canMarkPlaylistProgress(actor, scope);
}

/** Approves or declines suggested resources and sees every leader's progress: those who curate the playlist. */
export function canDecideSuggestion(actor: Actor, scope: CommunityScope): boolean {
  return documentAccess(actor, "playlist", scope) === "write";
}
