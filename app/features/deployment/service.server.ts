/**
 * SIP deployment, the authority admin's work: default day budgets per school category, SIP
 * profiles for matching, and each school's SIP for the year (assign, change its budget, unassign).
 * Callers have checked the admin may manage deployment in this authority (requireDeploymentAdmin).
 */
import { isUniqueViolation } from "../../../db/errors";
import * as deployment from "../../../db/queries/sip-deployment";
import type { CurrentActor } from "../auth/guard.server";
import { refuse, type NotifyingDeps, type Refused, type WriteDeps } from "../schools/service-deps.server";

/** The admin's authority and the school year a deployment change is for. */
export type DeploymentTarget = { authorityId: string; year: string };
/** A refusal that belongs to one field of the form. */
export type FieldRefused = Refused & { field?: string };

/** Sets the day budget each school category starts with. */
export async function setCategoryBudgets(
  deps: WriteDeps,
  actor: CurrentActor,
  target: DeploymentTarget,
  budgets: Parameters<typeof deployment.setCategoryBudgets>[2],
) {
  await deployment.setCategoryBudgets(deps.db, target.authorityId, budgets);
  deps.logger.info("category day budgets set", { authorityId: target.authorityId, by: actor.userId });
  return { ok: true as const };
}

/** Saves a SIP's matching profile; only the authority's own SIPs have one (anyone else: not found). */
export async function saveSipProfile(
  deps: WriteDeps,
  target: DeploymentTarget,
  profile: {
    userId: string;
    locality: string;
    capacityDays: number;
    expertise: Parameters<typeof deployment.saveSipProfile>[1]["expertise"];
  },
): Promise<{ ok: true } | Refused> {
  const sips = await deployment.listSips(deps.db, target.authorityId, target.year);
  if (!sips.some((s) => s.userId === profile.userId)) return refuse(404, "Not found");
  await deployment.saveSipProfile(deps.db, { authorityId: target.authorityId, ...profile });
  return { ok: true };
}

/** Assigns one of the authority's SIPs to the school for the year, with a day budget. */
export async function assignSip(
  deps: WriteDeps,
  actor: CurrentActor,
  target: DeploymentTarget & { schoolId: string },
  input: { sipUserId: string; dayBudget: number },
): Promise<{ ok: true } | FieldRefused> {
  const { db, logger } = deps;
  const sips = await deployment.listSips(db, target.authorityId, target.year);
  if (!sips.some((s) => s.userId === input.sipUserId))
    return { ...refuse(400, "Choose one of your authority's SIPs"), field: "sipUserId" };
  try {
    await deployment.assignSipToSchool(db, {
      authorityId: target.authorityId,
      schoolId: target.schoolId,
      schoolYear: target.year,
      sipUserId: input.sipUserId,
      dayBudget: input.dayBudget,
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return refuse(409, "This school was given a SIP a moment ago. Check it below.");
  }
  logger.info("sip assigned", { schoolId: target.schoolId, sipUserId: input.sipUserId, by: actor.userId });
  return { ok: true };
}

/** Changes the day budget of the school's assignment this year. */
export async function changeBudget(
  deps: WriteDeps,
  target: DeploymentTarget & { schoolId: string },
  dayBudget: number,
): Promise<{ ok: true } | Refused> {
  if (!(await deployment.setAssignmentBudget(deps.db, target.schoolId, target.year, dayBudget)))
    return refuse(400, "This school has no SIP this year.");
  return { ok: true };
}

/** Removes the school's SIP for the year, unless the SIP's work for it would be lost with the assignment. */
export async function unassignSip(
  deps: WriteDeps & Pick<NotifyingDeps, "realtime">,
  actor: CurrentActor,
  target: DeploymentTarget & { schoolId: string },
): Promise<{ ok: true } | Refused> {
  const unassigned = await deployment.unassignSip(deps.db, target.schoolId, target.year);
  if (unassigned.outcome === "has_work") {
    return refuse(
      400,
      "This SIP has already logged time, kept visit records, written a report or proposed a link for this school, so the assignment cannot be removed without losing that work. Change the day budget instead.",
    );
  }
  deps.logger.info("sip unassigned", { schoolId: target.schoolId, by: actor.userId });
  // The SIP's open documents of this school's communities close now, not at the next re-check.
  if (unassigned.outcome === "removed") deps.realtime?.accessChanged(unassigned.sipUserId);
  return { ok: true };
}
