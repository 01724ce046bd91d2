/** The school's plan for a year, read as summaries to prefill a SIP report. */
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../client";
import {
  improvementPlans,
  planActions,
  planPriorities,
  planProgressUpdates,
  planSelfEvaluations,
  planTargets,
} from "../schema/index";

/**
 * The school's plan for the year as read-only summaries (one query per plan table, none per item),
 * for prefilling a report. An empty summary when the school has no plan yet.
 */
export async function loadPlanSummary(db: Database, schoolId: string, schoolYear: string) {
  const [plan] = await db
    .select({ id: improvementPlans.id })
    .from(improvementPlans)
    .where(and(eq(improvementPlans.schoolId, schoolId), eq(improvementPlans.schoolYear, schoolYear)));
  if (!plan) return { selfEvaluations: [], priorities: [] };
  const ofPlan = eq(planPriorities.planId, plan.id);
  const [selfEvaluations, priorities, targets, actions, progress] = await Promise.all([
    db
      .select({
        area: planSelfEvaluations.area,
        judgement: planSelfEvaluations.judgement,
        evidence: planSelfEvaluations.evidence,
      })
      .from(planSelfEvaluations)
      .where(eq(planSelfEvaluations.planId, plan.id))
      .orderBy(asc(planSelfEvaluations.area)),
    db
      .select({ id: planPriorities.id, title: planPriorities.title, area: planPriorities.area })
      .from(planPriorities)
      .where(ofPlan)
      .orderBy(asc(planPriorities.position), asc(planPriorities.title)),
    db
      .select({
        priorityId: planTargets.priorityId,
        measure: planTargets.measure,
        studentGroup: planTargets.studentGroup,
        baseline: planTargets.baseline,
        target: planTargets.target,
        actual: planTargets.actual,
        byWhen: planTargets.byWhen,
      })
      .from(planTargets)
      .innerJoin(planPriorities, eq(planPriorities.id, planTargets.priorityId))
      .where(ofPlan)
      .orderBy(asc(planTargets.position)),
    db
      .select({
        priorityId: planActions.priorityId,
        description: planActions.description,
        owner: planActions.owner,
        due: planActions.due,
        status: planActions.status,
      })
      .from(planActions)
      .innerJoin(planPriorities, eq(planPriorities.id, planActions.priorityId))
      .where(ofPlan)
      .orderBy(asc(planActions.position), asc(planActions.due)),
    db
      .select({
        priorityId: planProgressUpdates.priorityId,
        body: planProgressUpdates.body,
        createdAt: planProgressUpdates.createdAt,
      })
      .from(planProgressUpdates)
      .innerJoin(planPriorities, eq(planPriorities.id, planProgressUpdates.priorityId))
      .where(ofPlan)
      .orderBy(asc(planProgressUpdates.createdAt)),
  ]);
  return {
    selfEvaluations,
    priorities: priorities.map((p) => ({
      ...p,
      targets: targets
        .filter((t) => t.priorityId === p.id)
        .map((t) => ({
          ...t,
          baseline: Number(t.baseline),
          target: Number(t.target),
          actual: t.actual === null ? null : Number(t.actual),
        })),
      actions: actions.filter((a) => a.priorityId === p.id),
      progress: progress
        .filter((u) => u.priorityId === p.id)
        .map((u) => ({ body: u.body, createdAt: u.createdAt.toISOString() })),
    })),
  };
}
