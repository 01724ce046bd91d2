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

/** Sees a school's page: its leaders, governors (read-only), its assigned SIPs and the authority's admins. */
export function canViewSchool(actor: Actor, school: SchoolRef & { sipIds?: readonly string[] }): boolean {
  return (
    canManageAuthority(actor, school.authorityId) ||
    actor.grants.some((g) => g.schoolId === school.id && isSchoolRole(g.role)) ||
    (school.sipIds?.includes(actor.userId) ?? false)
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

/* ---------- Cohorts (communities of practice) ---------- */

/**
 * The facts that decide access to a cohort's pages: its leaders (`memberIds`), its facilitators,
 * and the SIPs assigned this year to its leaders' schools. Same shape as a community's scope.
 */
export type CohortScope = CommunityScope;

/** Starts a new cohort in the authority: its facilitators. */
export function canCreateCohort(actor: Actor, authorityId: string): boolean {
  return isFacilitator(actor, authorityId);
}

/**
 * Runs a cohort: members, sessions and attendance, survey rounds, groupings, playlists,
 * suggestions, the dashboard and every leader's progress. Only the cohort's own facilitators.
 */
export function canManageCohort(actor: Actor, scope: CohortScope): boolean {
  return scope.facilitatorIds.includes(actor.userId);
}

/** Opens a cohort's shared pages (sessions, agendas, survey aggregates, roll-ups): its leaders and facilitators. */
export function canViewCohort(actor: Actor, scope: CohortScope): boolean {
  return canManageCohort(actor, scope) || scope.memberIds.includes(actor.userId);
}

/** Takes part as a leader: answers the survey, names a challenge, logs practice, marks playlist progress, suggests resources. */
export function canParticipateInCohort(actor: Actor, scope: CohortScope): boolean {
  return scope.memberIds.includes(actor.userId);
}

/** Trust survey results are shown only from this many responses in a round. */
export const SURVEY_MIN_RESPONSES = 5;

/** Sees a round's aggregated results: the cohort, and only once enough people answered (anonymity). */
export function canSeeSurveyResults(actor: Actor, scope: CohortScope, responses: number): boolean {
  return canViewCohort(actor, scope) && responses >= SURVEY_MIN_RESPONSES;
}

/** Reads a leader's equity challenge: the leader and the cohort's facilitators (it is used to group people). */
export function canViewEquityChallenge(actor: Actor, scope: CohortScope, authorId: string): boolean {
  return canManageCohort(actor, scope) || (actor.userId === authorId && canParticipateInCohort(actor, scope));
}

/**
 * Reads a between-session practice log: its author, the peer it was shared with, and anyone in
 * the cohort (logs are listed on the next session's page, where they are discussed).
 */
export function canViewPracticeLog(actor: Actor, scope: CohortScope, log: { authorId: string; sharedWithUserId: string | null }): boolean {
  return canViewCohort(actor, scope) || actor.userId === log.authorId || actor.userId === log.sharedWithUserId;
}

/** Enters or changes a school's outcomes: that school's leaders, in a cohort they belong to. */
export function canEditOutcomes(actor: Actor, scope: CohortScope, schoolId: string): boolean {
  return canParticipateInCohort(actor, scope) && ledSchoolIds(actor).includes(schoolId);
}

/**
 * Sees one school's outcomes in detail: its leaders, the cohort's facilitators and the school's
 * SIP. Everyone else in the cohort sees only community and cohort roll-ups (aggregates).
 */
export function canViewSchoolOutcomes(actor: Actor, scope: CohortScope, school: { schoolId: string; sipIds: readonly string[] }): boolean {
  return canManageCohort(actor, scope) || ledSchoolIds(actor).includes(school.schoolId) || school.sipIds.includes(actor.userId);
}

/** Links the community's inquiry to priorities of a school's plan: a member who leads that school. */
export function canLinkInquiryToPlan(actor: Actor, scope: CommunityScope, schoolId: string): boolean {
  return scope.memberIds.includes(actor.userId) && ledSchoolIds(actor).includes(schoolId);
}

/**
 * Writes a section of the inquiry (a story, a reflection, a pair's peer-check notes): the people it
 * belongs to and the cohort's facilitators. Everyone else who may open the document reads it.
 */
export function canEditInquirySection(actor: Actor, scope: CommunityScope, ownerIds: readonly string[]): boolean {
  return documentAccess(actor, "inquiry", scope) === "write" && (scope.facilitatorIds.includes(actor.userId) || ownerIds.includes(actor.userId));
}

/** Comments inline on the inquiry's sections, and resolves or reopens comments: whoever may write the document. */
export function canCommentOnInquiry(actor: Actor, scope: CommunityScope): boolean {
  return documentAccess(actor, "inquiry", scope) === "write";
}

/** Deletes an inquiry comment: its author only (a rule the page keeps; the shared document cannot). */
export function canDeleteInquiryComment(userId: string, comment: { authorId: string }): boolean {
  return comment.authorId === userId;
}

/** Sets peer-check pairs, locks the board, marks the inquiry question: the cohort's facilitators. */
export function canFacilitateCommunity(actor: Actor, scope: CommunityScope): boolean {
  return scope.facilitatorIds.includes(actor.userId);
}

/* ---------- area: cohorts, members and sessions ---------- */

/**
 * Takes someone out of a cohort: its facilitators, except that a facilitator may not remove
 * themself (so a cohort is never left without the person changing it).
 */
export function canRemoveCohortMember(actor: Actor, scope: CohortScope, target: { userId: string; role: "facilitator" | "leader" }): boolean {
  return canManageCohort(actor, scope) && !(target.role === "facilitator" && target.userId === actor.userId);
}

/* ---------- area: trust survey, equity challenges and groupings ---------- */

/** Answers a survey round: a leader of the cohort, once, while the round is open. */
export function canAnswerSurveyRound(actor: Actor, scope: CohortScope, round: { closedAt: Date | string | null; answeredByMe: boolean }): boolean {
  return canParticipateInCohort(actor, scope) && round.closedAt === null && !round.answeredByMe;
}

/**
 * Sees how many have answered a round: everyone in the cohort (it is what "waiting for N more"
 * says). Nobody, facilitators included, sees who answered (docs/decisions/008).
 */
export function canSeeSurveyResponseCount(actor: Actor, scope: CohortScope): boolean {
  return canViewCohort(actor, scope);
}

/* ---------- area: playlists, practice logs and notifications ---------- */

/**
 * Marks a playlist item done (alone or with a partner): the playlist's leaders, i.e. the
 * community's members for a community playlist, the cohort's leaders for a cohort playlist.
 */
export function canMarkPlaylistProgress(actor: Actor, scope: CommunityScope): boolean {
  return scope.memberIds.includes(actor.userId);
}

/** Suggests a resource for a playlist: the same leaders who use it. */
export function canSuggestResource(actor: Actor, scope: CommunityScope): boolean {
  return canMarkPlaylistProgress(actor, scope);
}

/** Approves or declines suggested resources and sees every leader's progress: those who curate the playlist. */
export function canDecideSuggestion(actor: Actor, scope: CommunityScope): boolean {
  return documentAccess(actor, "playlist", scope) === "write";
}

/** Logs between-session practice: the cohort's school leaders. */
export function canLogPractice(actor: Actor, scope: CohortScope): boolean {
  return canParticipateInCohort(actor, scope);
}

/** Sees every leader's practice logs at once (to see who did their between-session work): facilitators. */
export function canSeeAllPracticeLogs(actor: Actor, scope: CohortScope): boolean {
  return canManageCohort(actor, scope);
}

/* ---------- area: outcomes, plan links and the community home ---------- */

/**
 * Opens a cohort's outcomes page: everyone in the cohort (roll-ups), and the SIPs of its leaders'
 * schools, who see their own schools' rows there (canViewSchoolOutcomes) besides the roll-ups.
 */
export function canViewCohortOutcomes(actor: Actor, scope: CohortScope): boolean {
  return canViewCohort(actor, scope) || scope.sipIds.includes(actor.userId);
}


/* ---------- School improvement partnering (plans, SIP work, reports) ---------- */

/** The facts that decide access to a school's improvement records: the school and its SIPs this year. */
export type SchoolScope = { schoolId: string; authorityId: string; sipIds: readonly string[] };

function leads(actor: Actor, schoolId: string) {
  return actor.grants.some((g) => g.role === "school_leader" && g.schoolId === schoolId);
}
function governs(actor: Actor, schoolId: string) {
  return actor.grants.some((g) => g.role === "governor" && g.schoolId === schoolId);
}
function isAssignedSip(actor: Actor, school: SchoolScope) {
  return school.sipIds.includes(actor.userId);
}

/**
 * Sees the school's plan, visits and visit records: its leaders, its assigned SIP and the
 * authority's admins. Not governors (they see only report sections addressed to them), nobody else.
 */
export function canViewSchoolImprovement(actor: Actor, school: SchoolScope): boolean {
  return leads(actor, school.schoolId) || isAssignedSip(actor, school) || canManageAuthority(actor, school.authorityId);
}

/** Writes the plan (self-evaluation, priorities, targets, actions, progress, evidence): the school's leaders. */
export function canEditPlan(actor: Actor, school: SchoolScope): boolean {
  return leads(actor, school.schoolId);
}

/** Comments on plan items, replies and resolves threads: the assigned SIP and the school's leaders. */
export function canCommentOnPlan(actor: Actor, school: SchoolScope): boolean {
  return leads(actor, school.schoolId) || isAssignedSip(actor, school);
}

/** Assigns SIPs to schools, sets day budgets, sees matching suggestions and the audit log: authority admins. */
export function canManageSipDeployment(actor: Actor, authorityId: string): boolean {
  return canManageAuthority(actor, authorityId);
}

/** Logs visits and time, writes the visit part of a record, writes reports, brokers: the assigned SIP. */
export function canDoSipWork(actor: Actor, school: SchoolScope): boolean {
  return isAssignedSip(actor, school);
}

/** Fills in the pre-visit part of a visit record: the school's leaders. */
export function canCompletePreVisit(actor: Actor, school: SchoolScope): boolean {
  return leads(actor, school.schoolId);
}

export type ReportAudienceName = "head" | "governors" | "authority";

/**
 * Which sections of a school's report someone may read. The SIP who writes it and the authority's
 * admins: all of them, drafts included. Once shared: the school's leaders the head teacher's
 * sections, its governors the governors' sections. Everyone else: none (the report does not exist for them).
 */
export function reportAudiencesFor(actor: Actor, school: SchoolScope, status: "draft" | "shared" | "acknowledged"): ReportAudienceName[] {
  if (isAssignedSip(actor, school) || canManageAuthority(actor, school.authorityId)) return ["head", "governors", "authority"];
  if (status === "draft") return [];
  const audiences: ReportAudienceName[] = [];
  if (leads(actor, school.schoolId)) audiences.push("head");
  if (governs(actor, school.schoolId)) audiences.push("governors");
  return audiences;
}

/** Acknowledges a shared report: the school's leaders. */
export function canAcknowledgeReport(actor: Actor, school: SchoolScope): boolean {
  return leads(actor, school.schoolId);
}

/** Consents (or not) to sharing the school's details with a school a SIP proposes to broker: its leaders. */
export function canDecideBrokering(actor: Actor, partnerSchool: SchoolScope): boolean {
  return leads(actor, partnerSchool.schoolId);
}

/** Reads the audit log of who read which visit record or report: authority admins. */
export function canViewAuditLog(actor: Actor, authorityId: string): boolean {
  return canManageAuthority(actor, authorityId);
}

/* ---------- area 5: reports and brokering ---------- */

/**
 * Writes a report (sections, audiences, order) and shares it: the SIP who wrote it, while they are
 * the school's assigned SIP and it is a draft (once shared it is the record; a successor SIP does
 * not finish or share a predecessor's draft under their name).
 */
export function canEditReport(actor: Actor, school: SchoolScope, report: { status: "draft" | "shared" | "acknowledged"; sipUserId: string }): boolean {
  return report.status === "draft" && report.sipUserId === actor.userId && canDoSipWork(actor, school);
}
