import type { AppLoadContext } from "@remix-run/node";
import { getPlan, getPlanSchool, getPriority } from "../../../db/queries/plans";
import { notFound, requireIdParam } from "../../utils/http.server";
import { canCommentOnPlan, canEditPlan } from "../../kernel/permissions";
import { requireSchoolPlan } from "../schools/guard.server";
import { isPastSchoolYear, schoolYearKey, yearFromRequest } from "../schools/school-year.server";

/**
 * For every plan page and action: the guard (leaders, the assigned SIP and authority admins; the
 * school's governors 403 in words; anyone else 404), the school's phase and words, the plan of the
 * year asked for (`?year=2025`, else this year) if it has been started, and what the person may do
 * with it. A past year's plan is a record: nobody edits or comments on it, whatever their role.
 */
export async function requirePlanAccess(
  context: AppLoadContext,
  request: Request,
  schoolIdParam: string | undefined,
  now = new Date(),
) {
  const { actor, scope } = await requireSchoolPlan(context, request, schoolIdParam);
  const shownYear = yearFromRequest(request, now);
  const year = schoolYearKey(shownYear);
  const pastYear = isPastSchoolYear(shownYear, now);
  const { db } = context.services;
  const [school, plan] = await Promise.all([getPlanSchool(db, scope.schoolId), getPlan(db, scope.schoolId, year)]);
  if (!school) notFound();
  return {
    actor,
    scope,
    year,
    shownYear,
    pastYear,
    school,
    plan,
    canEdit: !pastYear && canEditPlan(actor, scope),
    canComment: !pastYear && canCommentOnPlan(actor, scope),
  };
}

export type PlanAccess = Awaited<ReturnType<typeof requirePlanAccess>>;
/** What a comment or service needs of the access (callers outside a request build it without the year fields). */
export type PlanAccessCore = Omit<PlanAccess, "shownYear" | "pastYear">;

/** A priority of this year's plan, or 404 (including a priority of another school's plan). */
export async function requirePriority(
  context: AppLoadContext,
  access: PlanAccess,
  priorityIdParam: string | undefined,
) {
  const priorityId = requireIdParam(priorityIdParam);
  if (!access.plan) notFound();
  const priority = await getPriority(context.services.db, access.plan.id, priorityId);
  if (!priority) notFound();
  return { plan: access.plan, priority };
}

/** The path of the plan, or of a priority's page, with an anchor on an item. */
export function planPath(schoolId: string, priorityId?: string | null, anchor?: string) {
  const base = `/schools/${schoolId}/plan${priorityId ? `/priorities/${priorityId}` : ""}`;
  return anchor ? `${base}#${anchor}` : base;
}

/** Why a write to this plan is refused because of its year (a past year's plan), or null. */
export function pastYearMessage(access: Pick<PlanAccess, "pastYear">): string | null {
  return access.pastYear ? "A past year's plan is kept as it was: it can no longer be changed." : null;
}
