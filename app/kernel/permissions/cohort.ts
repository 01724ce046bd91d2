/** What facilitators and leaders may do in a cohort: sessions, members, survey, challenges, practice, outcomes. */
import { ledSchoolIds, isFacilitator, type Actor } from "./actor";
import type { CommunityScope } from "./documents";

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

/**
 * Takes someone out of a cohort: its facilitators, except that a facilitator may not remove
 * themself (so a cohort is never left without the person changing it).
 */
export function canRemoveCohortMember(
  actor: Actor,
  scope: CohortScope,
  target: { userId: string; role: "facilitator" | "leader" },
): boolean {
  return canManageCohort(actor, scope) && !(target.role === "facilitator" && target.userId === actor.userId);
}

/** Trust survey results are shown only from this many responses in a round. */
export const SURVEY_MIN_RESPONSES = 5;

/**
 * Sees a round's aggregated results: the cohort, and only once enough people answered (anonymity).
 * Everyone in the cohort sees how many answered; nobody, facilitators included, sees who (docs/decisions/008).
 */
export function canSeeSurveyResults(actor: Actor, scope: CohortScope, responses: number): boolean {
  return canViewCohort(actor, scope) && responses >= SURVEY_MIN_RESPONSES;
}

/** Answers a survey round: a leader of the cohort, once, while the round is open. */
export function canAnswerSurveyRound(
  actor: Actor,
  scope: CohortScope,
  round: { closedAt: Date | string | null; answeredByMe: boolean },
): boolean {
  return canParticipateInCohort(actor, scope) && round.closedAt === null && !round.answeredByMe;
}

/** Reads a leader's equity challenge: the leader and the cohort's facilitators (it is used to group people). */
export function canViewEquityChallenge(actor: Actor, scope: CohortScope, authorId: string): boolean {
  return canManageCohort(actor, scope) || (actor.userId === authorId && canParticipateInCohort(actor, scope));
}

/** Logs between-session practice: the cohort's school leaders. */
export function canLogPractice(actor: Actor, scope: CohortScope): boolean {
  return canParticipateInCohort(actor, scope);
}

/**
 * Reads a between-session practice log: its author, the peer it was shared with, and anyone in
 * the cohort (logs are listed on the next session's page, where they are discussed).
 */
export function canViewPracticeLog(
  actor: Actor,
  scope: CohortScope,
  log: { authorId: string; sharedWithUserId: string | null },
): boolean {
  return canViewCohort(actor, scope) || actor.userId === log.authorId || actor.userId === log.sharedWithUserId;
}

/** Sees every leader's practice logs at once (to see who did their between-session work): facilitators. */
export function canSeeAllPracticeLogs(actor: Actor, scope: CohortScope): boolean {
  return canManageCohort(actor, scope);
}

/** Enters or changes a school's outcomes: that school's leaders, in a cohort they belong to. */
export function canEditOutcomes(actor: Actor, scope: CohortScope, schoolId: string): boolean {
  return canParticipateInCohort(actor, scope) && ledSchoolIds(actor).includes(schoolId);
}

/**
 * Sees one school's outcomes in detail: its leaders, the cohort's facilitators and the school's
 * SIP. Everyone else in the cohort sees only community and cohort roll-ups (aggregates).
 */
export function canViewSchoolOutcomes(
  actor: Actor,
  scope: CohortScope,
  school: { schoolId: string; sipIds: readonly string[] },
): boolean {
  return (
    canManageCohort(actor, scope) ||
    ledSchoolIds(actor).includes(school.schoolId) ||
    school.sipIds.includes(actor.userId)
  );
}

/**
 * Opens a cohort's outcomes page: everyone in the cohort (roll-ups), and the SIPs of its leaders'
 * schools, who see their own schools' rows there (canViewSchoolOutcomes) besides the roll-ups.
 */
export function canViewCohortOutcomes(actor: Actor, scope: CohortScope): boolean {
  return canViewCohort(actor, scope) || scope.sipIds.includes(actor.userId);
}
