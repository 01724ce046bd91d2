import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../client";
import { cohorts, communities, inquiryPriorityLinks, outcomes, planActions, planTargets } from "../schema/index";

/**
 * The database half of a priority's evidence trail: the inquiries linked to it (with their
 * cohort), its targets and actions, and this school's cohort outcome rows in those inquiries'
 * cohorts. The shared documents (root causes, the chosen question) are read by the caller.
 */
export async function getTrailRows(db: Database, schoolId: string, priorityId: string) {
  const [inquiries, targets, actions] = await Promise.all([
    db
      .select({ communityId: communities.id, name: communities.name, cohortId: cohorts.id, cohortName: cohorts.name })
      .from(inquiryPriorityLinks)
      .innerJoin(communities, eq(communities.id, inquiryPriorityLinks.communityId))
      .innerJoin(cohorts, eq(cohorts.id, communities.cohortId))
      .where(eq(inquiryPriorityLinks.priorityId, priorityId))
      .orderBy(asc(communities.name)),
    db
      .select({
        id: planTargets.id,
        measure: planTargets.measure,
        studentGroup: planTargets.studentGroup,
        baseline: planTargets.baseline,
        target: planTargets.target,
        actual: planTargets.actual,
        byWhen: planTargets.byWhen,
      })
      .from(planTargets)
      .where(eq(planTargets.priorityId, priorityId))
      .orderBy(asc(planTargets.position)),
    db
      .select({
        id: planActions.id,
        description: planActions.description,
        owner: planActions.owner,
        due: planActions.due,
        status: planActions.status,
      })
      .from(planActions)
      .where(eq(planActions.priorityId, priorityId))
      .orderBy(asc(planActions.position), asc(planActions.due)),
  ]);
  const cohortIds = [...new Set(inquiries.map((i) => i.cohortId))];
  const outcomeRows = cohortIds.length
    ? await db
        .select({
          id: outcomes.id,
          cohortId: outcomes.cohortId,
          measure: outcomes.measure,
          studentGroup: outcomes.studentGroup,
          baseline: outcomes.baseline,
          target: outcomes.target,
          actual: outcomes.actual,
        })
        .from(outcomes)
        .where(and(eq(outcomes.schoolId, schoolId), inArray(outcomes.cohortId, cohortIds)))
        .orderBy(asc(outcomes.measure), asc(outcomes.studentGroup))
    : [];
  return { inquiries, targets, actions, outcomes: outcomeRows };
}
