/** An authority admin's to-do items (SIP deployment, budgets, invitations) and a governor's reports to read. */
import type { Database } from "../../../db/client";
import { getAuthoritySummary } from "../../../db/queries/dashboard";
import { listDeployment } from "../../../db/queries/sip-deployment";
import { listGovernorReports } from "../../../db/queries/todo-reports";
import { formatNumber } from "../visits/day-budget";
import {
  adminAuthorityIds,
  canInvitePeople,
  canManageSipDeployment,
  governedSchoolIds,
  reportAudiencesFor,
  type Actor,
} from "../../kernel/permissions";
import { plural, type TodoItem } from "./todo-types";

/** Schools without a SIP this year, overspent budgets and invitations not yet accepted, per authority run. */
export async function adminItems(db: Database, actor: Actor, year: string, now: Date): Promise<TodoItem[]> {
  const ids = adminAuthorityIds(actor);
  const data = await Promise.all(
    ids.map(async (id) => ({
      id,
      deployment: canManageSipDeployment(actor, id) ? await listDeployment(db, id, year) : [],
      summary: await getAuthoritySummary(db, id, now),
    })),
  );
  const items: TodoItem[] = [];
  for (const { id, deployment, summary } of data) {
    for (const s of deployment.filter((d) => d.assignmentId === null))
      items.push({
        key: `needs-sip:${s.schoolId}`,
        role: "admin",
        text: `${s.name} still needs a SIP`,
        href: `/admin/sips/${s.schoolId}`,
      });
    for (const s of deployment.filter((d) => d.dayBudget !== null && d.daysUsed > d.dayBudget))
      items.push({
        key: `overspent:${s.schoolId}`,
        role: "admin",
        text: `${s.name} has used ${formatNumber(s.daysUsed)} of its ${formatNumber(s.dayBudget!)} SIP days: review the budget`,
        href: `/admin/sips/${s.schoolId}`,
      });
    if (summary.pendingInvitations > 0 && canInvitePeople(actor, id))
      items.push({
        key: `invitations:${id}`,
        role: "admin",
        text: `${plural(summary.pendingInvitations, "invitation")} not accepted yet`,
        href: "/admin/invitations",
      });
  }
  return items;
}

/** Shared reports with sections addressed to governors of the schools the person governs, newest first. */
export async function governorItems(db: Database, actor: Actor): Promise<TodoItem[]> {
  const ids = governedSchoolIds(actor);
  const reports = await listGovernorReports(db, ids);
  const several = ids.length > 1;
  return reports
    .filter((r) =>
      reportAudiencesFor(actor, { schoolId: r.schoolId, authorityId: r.authorityId, sipIds: [] }, r.status).includes(
        "governors",
      ),
    )
    .map((r) => ({
      key: `governor-report:${r.id}`,
      role: "governor" as const,
      text: `Read the report “${r.title}”${several ? ` for ${r.schoolName}` : ""}${r.sharedAt ? ", shared {date}" : ""}`,
      when: r.sharedAt ? { value: r.sharedAt.toISOString(), style: "day-month" as const } : undefined,
      href: `/schools/${r.schoolId}/reports/${r.id}`,
    }));
}
