/** What a school's leaders, governors, SIPs and authority admins may do with its page, plan, visits and reports. */
import { governsSchool, isSchoolRole, leadsSchool, type Actor } from "./actor";
import { canManageAuthority } from "./authority";

export type SchoolRef = { id: string; authorityId: string };

/** The facts that decide access to a school's improvement records: the school and its SIPs this year. */
export type SchoolScope = { schoolId: string; authorityId: string; sipIds: readonly string[] };

/** Who a report section is addressed to. */
export type ReportAudienceName = "head" | "governors" | "authority";

function isAssignedSip(actor: Actor, school: SchoolScope) {
  return school.sipIds.includes(actor.userId);
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
  return canManageAuthority(actor, school.authorityId) || leadsSchool(actor, school.id);
}

/**
 * Sees the school's plan, visits and visit records: its leaders, its assigned SIP and the
 * authority's admins. Not governors (they see only report sections addressed to them), nobody else.
 */
export function canViewSchoolImprovement(actor: Actor, school: SchoolScope): boolean {
  return (
    leadsSchool(actor, school.schoolId) || isAssignedSip(actor, school) || canManageAuthority(actor, school.authorityId)
  );
}

/** Writes the plan (self-evaluation, priorities, targets, actions, progress, evidence): the school's leaders. */
export function canEditPlan(actor: Actor, school: SchoolScope): boolean {
  return leadsSchool(actor, school.schoolId);
}

/** Comments on plan items, replies and resolves threads: the assigned SIP and the school's leaders. */
export function canCommentOnPlan(actor: Actor, school: SchoolScope): boolean {
  return leadsSchool(actor, school.schoolId) || isAssignedSip(actor, school);
}

/** Logs visits and time, writes the visit part of a record, writes reports, brokers: the assigned SIP. */
export function canDoSipWork(actor: Actor, school: SchoolScope): boolean {
  return isAssignedSip(actor, school);
}

/** Fills in the pre-visit part of a visit record: the school's leaders. */
export function canCompletePreVisit(actor: Actor, school: SchoolScope): boolean {
  return leadsSchool(actor, school.schoolId);
}

/**
 * Which sections of a school's report someone may read. The SIP who writes it and the authority's
 * admins: all of them, drafts included. Once shared: the school's leaders the head teacher's
 * sections, its governors the governors' sections. Everyone else: none (the report does not exist for them).
 */
export function reportAudiencesFor(
  actor: Actor,
  school: SchoolScope,
  status: "draft" | "shared" | "acknowledged",
): ReportAudienceName[] {
  if (isAssignedSip(actor, school) || canManageAuthority(actor, school.authorityId))
    return ["head", "governors", "authority"];
  if (status === "draft") return [];
  const audiences: ReportAudienceName[] = [];
  if (leadsSchool(actor, school.schoolId)) audiences.push("head");
  if (governsSchool(actor, school.schoolId)) audiences.push("governors");
  return audiences;
}

/**
 * Writes a report (sections, audiences, order) and shares it: the SIP who wrote it, while they are
 * the school's assigned SIP and it is a draft (once shared it is the record; a successor SIP does
 * not finish or share a predecessor's draft under their name).
 */
export function canEditReport(
  actor: Actor,
  school: SchoolScope,
  report: { status: "draft" | "shared" | "acknowledged"; sipUserId: string },
): boolean {
  return report.status === "draft" && report.sipUserId === actor.userId && canDoSipWork(actor, school);
}

/** Acknowledges a shared report: the school's leaders. */
export function canAcknowledgeReport(actor: Actor, school: SchoolScope): boolean {
  return leadsSchool(actor, school.schoolId);
}

/** Consents (or not) to sharing the school's details with a school a SIP proposes to broker: its leaders. */
export function canDecideBrokering(actor: Actor, partnerSchool: SchoolScope): boolean {
  return leadsSchool(actor, partnerSchool.schoolId);
}
