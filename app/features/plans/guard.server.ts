import type { AppLoadContext } from "@remix-run/node";
import { getPlan, getPlanSchool, getPriority } from "../../../db/queries/plans";
import { notFound, requireIdParam } from "../../utils/http.server";
import { canCommentOnPlan, canEditPlan } from "../../kernel/permissions";
import { requireSchoolPlan } from "../schools/guard.server";

/**
 * For every plan page and action: the guard (leaders, the assigned SIP and authority admins; the
 * school's governors 403 in words; anyone else 404), the school's phase and words, this year's plan if it has been started, and what the
 * person may do with it.
 */
export async function requirePlanAccess(context: AppLoadContext, request: Request, schoolIdParam: string | undefined) {
  const { actor, scope, year } = await requireSchoolPlan(context, request, schoolIdParam);
  const { db } = context.services;
  const [school, plan] = await Promise.all([getPlanSchool(db, scope.schoolId), getPlan(db, scope.schoolId, year)]);
  if (!school) notFound();
  return {
    actor,
    scope,
    year,
    school,
    plan,
    canEdit: canEditPlan(actor, scope),
    canComment: canCommentOnPlan(actor, scope),
  };
}

export type PlanAccess = Awaited<ReturnType<typeof requirePlanAccess>>;

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
