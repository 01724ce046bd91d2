/** Plan comments across several schools' plans for a year, for the to-do lists of heads and SIPs. */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../client";
import { improvementPlans, planActions, planComments, planTargets } from "../schema/index";

/**
 * Every comment on these schools' plans for the year, oldest first, each with its school and the
 * priority whose page shows it (null for the plan and its self-evaluation). One query.
 */
export async function listPlanCommentsForSchools(db: Database, schoolIds: readonly string[], schoolYear: string) {
  if (schoolIds.length === 0) return [];
  // A target's or an action's thread is shown on its priority's page, so the link needs that priority.
  const priorityId = sql<string | null>`case ${planComments.subjectKind}
    when 'priority' then ${planComments.subjectId}
    when 'target' then ${planTargets.priorityId}
    when 'action' then ${planActions.priorityId}
    else null end`;
  return db
    .select({
      id: planComments.id,
      schoolId: improvementPlans.schoolId,
      subjectKind: planComments.subjectKind,
      subjectId: planComments.subjectId,
      parentId: planComments.parentId,
      authorId: planComments.authorId,
      resolvedAt: planComments.resolvedAt,
      createdAt: planComments.createdAt,
      priorityId,
    })
    .from(planComments)
    .innerJoin(improvementPlans, eq(improvementPlans.id, planComments.planId))
    .leftJoin(planTargets, and(eq(planComments.subjectKind, "target"), eq(planTargets.id, planComments.subjectId)))
    .leftJoin(planActions, and(eq(planComments.subjectKind, "action"), eq(planActions.id, planComments.subjectId)))
    .where(and(inArray(improvementPlans.schoolId, [...schoolIds]), eq(improvementPlans.schoolYear, schoolYear)))
    .orderBy(asc(planComments.createdAt), asc(planComments.id));
}
