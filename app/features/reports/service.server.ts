/**
 * A SIP report's workflow: write the draft (sections, the package of support), share it (then tell
 * the school's leaders and governors, in the app and by email), acknowledge it. Each function checks
 * who may do it, writes, then does its consequences; it never renders or builds a Response.
 */
import { getAuthority } from "../../../db/queries/authorities";
import { listConsentedPartners } from "../../../db/queries/brokering";
import { loadPlanSummary } from "../../../db/queries/plan-summary";
import * as reportSections from "../../../db/queries/report-sections";
import * as reports from "../../../db/queries/reports";
import type { ReportRow } from "../../../db/queries/reports";
import type { ReportAudienceName } from "../../kernel/permissions";
import { canAcknowledgeReport, canDoSipWork, canEditReport } from "../../kernel/permissions";
import { termsFor, type Terminology } from "../../kernel/terminology";
import type { CurrentActor } from "../auth/guard.server";
import { notifyEach } from "../notifications/service.server";
import type { SchoolScope } from "../schools/guard.server";
import { refuse, type NotifyingDeps, type Refused, type WriteDeps } from "../schools/service-deps.server";
import { defaultAudiences, defaultHeading, prefillSections, supportLine } from "./sections";

/** The report a workflow step acts on, as the report guard found it. */
export type ReportTarget = { scope: SchoolScope; report: ReportRow; terminology: Terminology; year: string };
type Done = { ok: true } | Refused;

/** Why this person may not change the report, or null when they may (the school's SIP, while it is a draft). */
export function editRefusal(actor: CurrentActor, { scope, report }: ReportTarget): Refused | null {
  if (canEditReport(actor, scope, report)) return null;
  return refuse(
    403,
    report.status === "draft"
      ? "Only the school's School Improvement Partner edits its reports."
      : "A shared report can no longer be changed.",
  );
}

/** Why this person may not start a report on the school, or null when they may (its SIP this year). */
export function createRefusal(actor: CurrentActor, scope: SchoolScope): Refused | null {
  return canDoSipWork(actor, scope) && scope.assignment ? null : refuse(403, onlyTheSip);
}
const onlyTheSip = "Only the school's School Improvement Partner writes its reports.";

/** Starts a draft, prefilled from this year's plan and the brokered schools that consented. */
export async function createReport(
  deps: WriteDeps,
  actor: CurrentActor,
  target: { scope: SchoolScope; year: string },
  input: { title: string },
) {
  const { scope, year } = target;
  if (!canDoSipWork(actor, scope) || !scope.assignment) return refuse(403, onlyTheSip);
  const { db, logger } = deps;
  const [plan, partners, authority] = await Promise.all([
    loadPlanSummary(db, scope.schoolId, year),
    listConsentedPartners(db, scope.schoolId, year),
    getAuthority(db, scope.authorityId),
  ]);
  const sections = prefillSections(plan, partners, termsFor(authority?.terminology));
  const report = await reports.createReport(db, { assignmentId: scope.assignment.id, title: input.title, sections });
  logger.info("report created", { reportId: report.id, schoolId: scope.schoolId, by: actor.userId });
  return { ok: true as const, report };
}

/** Saves one section's heading, text and readers. */
export async function saveSection(
  deps: WriteDeps,
  actor: CurrentActor,
  target: ReportTarget,
  input: { sectionId: string; heading: string; body: string; audiences: ReportAudienceName[] },
): Promise<Done> {
  const refusal = editRefusal(actor, target);
  if (refusal) return refusal;
  const { sectionId, ...values } = input;
  if (!(await reportSections.updateSection(deps.db, target.report.id, sectionId, values)))
    return refuse(404, "That section no longer exists.");
  return { ok: true };
}

/** Adds a free section ("other" kind, addressed to everyone) at the end. */
export async function addSection(
  deps: WriteDeps,
  actor: CurrentActor,
  target: ReportTarget,
  input: { heading: string },
): Promise<Done> {
  const refusal = editRefusal(actor, target);
  if (refusal) return refusal;
  await reportSections.addSection(deps.db, target.report.id, {
    kind: "other",
    heading: input.heading,
    audiences: defaultAudiences("other"),
  });
  return { ok: true };
}

/** Removes a section of the draft. */
export async function removeSection(
  deps: WriteDeps,
  actor: CurrentActor,
  target: ReportTarget,
  sectionId: string,
): Promise<Done> {
  const refusal = editRefusal(actor, target);
  if (refusal) return refusal;
  if (!(await reportSections.removeSection(deps.db, target.report.id, sectionId)))
    return refuse(404, "That section no longer exists.");
  return { ok: true };
}

/** Moves a section one place up or down (nothing happens at either end). */
export async function moveSection(
  deps: WriteDeps,
  actor: CurrentActor,
  target: ReportTarget,
  sectionId: string,
  direction: "up" | "down",
): Promise<Done> {
  const refusal = editRefusal(actor, target);
  if (refusal) return refusal;
  await reportSections.moveSection(deps.db, target.report.id, sectionId, direction);
  return { ok: true };
}

/** Adds a brokered school that consented to be named to the package of support section. */
export async function addSupportPartner(
  deps: WriteDeps,
  actor: CurrentActor,
  target: ReportTarget,
  proposalId: string,
): Promise<Done> {
  const refusal = editRefusal(actor, target);
  if (refusal) return refusal;
  const { scope, report, terminology, year } = target;
  const partner = (await listConsentedPartners(deps.db, scope.schoolId, year)).find((p) => p.proposalId === proposalId);
  if (!partner) return refuse(404, "That school has not consented to be named.");
  const create = {
    heading: defaultHeading("package_of_support", termsFor(terminology)),
    audiences: defaultAudiences("package_of_support"),
  };
  await reportSections.appendToSection(deps.db, report.id, "package_of_support", supportLine(partner), create);
  return { ok: true };
}

/** The page of a report, where notifications and emails about it point. */
export function reportPath(schoolId: string, reportId: string) {
  return `/schools/${schoolId}/reports/${reportId}`;
}

/**
 * Draft → shared; then the school's leaders (if a section is addressed to the head) and governors
 * (if one is addressed to governors) are notified and emailed: nobody is told of a report that
 * holds nothing for them.
 */
export async function shareReport(deps: NotifyingDeps, actor: CurrentActor, target: ReportTarget): Promise<Done> {
  const refusal = editRefusal(actor, target);
  if (refusal) return refusal;
  const { db, logger, origin } = deps;
  const { scope, report } = target;
  if (!(await reports.shareReport(db, report.id))) return refuse(409, "This report has already been shared.");
  const recipients = await reports.listReportRecipients(db, scope.schoolId, report.id);
  const link = reportPath(scope.schoolId, report.id);
  const title = `New report on ${scope.name}: ${report.title}`;
  const body = `${report.sipName} has shared a School Improvement Partner report. You will see the sections addressed to you.`;
  await notifyEach(
    deps,
    recipients.map((person) => ({
      userId: person.userId,
      title,
      body,
      link,
      email: {
        authorityId: scope.authorityId,
        to: person.email,
        subject: title,
        text: `Dear ${person.name},\n\n${body}\n\nRead it here: ${origin}${link}\n`,
      },
    })),
  );
  logger.info("report shared", { reportId: report.id, recipients: recipients.length, by: actor.userId });
  return { ok: true };
}

/** Shared → acknowledged, by one of the school's leaders. */
export async function acknowledgeReport(deps: WriteDeps, actor: CurrentActor, target: ReportTarget): Promise<Done> {
  if (!canAcknowledgeReport(actor, target.scope)) return refuse(403, "Only the school's leaders acknowledge a report.");
  if (!(await reports.acknowledgeReport(deps.db, target.report.id, actor.userId)))
    return refuse(409, "This report is not waiting to be acknowledged.");
  return { ok: true };
}
