import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../client";
import { improvementPlans, inquiryPriorityLinks, planPriorities, schools, sipAssignments } from "../schema/index";

export type PlanPriority = { id: string; title: string; area: string };
export type SchoolPlan = { schoolId: string; schoolName: string; planId: string | null; priorities: PlanPriority[] };

/**
 * These schools' plans for the year with their priorities, in plan order; a school without a plan
 * comes back with `planId: null`, a plan without priorities with an empty list. One query.
 */
export async function listSchoolPlans(db: Database, schoolIds: string[], schoolYear: string): Promise<SchoolPlan[]> {
  if (schoolIds.length === 0) return [];
  const rows = await db
    .select({
      schoolId: schools.id,
      schoolName: schools.name,
      planId: improvementPlans.id,
      priorityId: planPriorities.id,
      title: planPriorities.title,
      area: planPriorities.area,
    })
    .from(schools)
    .leftJoin(
      improvementPlans,
      and(eq(improvementPlans.schoolId, schools.id), eq(improvementPlans.schoolYear, schoolYear)),
    )
    .leftJoin(planPriorities, eq(planPriorities.planId, improvementPlans.id))
    .where(inArray(schools.id, schoolIds))
    .orderBy(asc(schools.name), asc(planPriorities.position), asc(planPriorities.title));
  const bySchool = new Map<string, SchoolPlan>();
  for (const r of rows) {
    const plan = bySchool.get(r.schoolId) ?? {
      schoolId: r.schoolId,
      schoolName: r.schoolName,
      planId: r.planId,
      priorities: [],
    };
    if (r.priorityId) plan.priorities.push({ id: r.priorityId, title: r.title!, area: r.area! });
    bySchool.set(r.schoolId, plan);
  }
  return [...bySchool.values()];
}

/** Every priority the community's inquiry is linked to, with the school whose plan it is in. */
export function listCommunityLinks(db: Database, communityId: string) {
  return db
    .select({
      priorityId: planPriorities.id,
      title: planPriorities.title,
      schoolId: improvementPlans.schoolId,
      linkedBy: inquiryPriorityLinks.linkedBy,
    })
    .from(inquiryPriorityLinks)
    .innerJoin(planPriorities, eq(planPriorities.id, inquiryPriorityLinks.priorityId))
    .innerJoin(improvementPlans, eq(improvementPlans.id, planPriorities.planId))
    .where(eq(inquiryPriorityLinks.communityId, communityId))
    .orderBy(asc(planPriorities.position), asc(planPriorities.title));
}

/** The SIPs assigned for the year to each of these schools (who may read their plans). */
export async function sipIdsBySchool(
  db: Database,
  schoolIds: string[],
  schoolYear: string,
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (schoolIds.length === 0) return out;
  const rows = await db
    .select({ schoolId: sipAssignments.schoolId, sipId: sipAssignments.sipUserId })
    .from(sipAssignments)
    .where(and(inArray(sipAssignments.schoolId, schoolIds), eq(sipAssignments.schoolYear, schoolYear)));
  for (const r of rows) out.set(r.schoolId, [...(out.get(r.schoolId) ?? []), r.sipId]);
  return out;
}

/**
 * Replaces the community's links into one plan with exactly `priorityIds` (the caller has checked
 * they are priorities of that plan), in one transaction.
 */
export async function setPlanLinks(
  db: Database,
  values: { communityId: string; planId: string; priorityIds: string[]; userId: string },
) {
  await db.transaction(async (tx) => {
    const ofPlan = tx
      .select({ id: planPriorities.id })
      .from(planPriorities)
      .where(eq(planPriorities.planId, values.planId));
    await tx
      .delete(inquiryPriorityLinks)
      .where(
        and(eq(inquiryPriorityLinks.communityId, values.communityId), inArray(inquiryPriorityLinks.priorityId, ofPlan)),
      );
    if (values.priorityIds.length) {
      await tx.insert(inquiryPriorityLinks).values(
        values.priorityIds.map((priorityId) => ({
          communityId: values.communityId,
          priorityId,
          linkedBy: values.userId,
        })),
      );
    }
  });
}

/** Creates a school's plan for a year with its priorities (seeding and tests; the plan editor comes with SIP work). */
export async function createPlan(
  db: Database,
  values: {
    schoolId: string;
    schoolYear: string;
    priorities: Array<{ title: string; area: string; rationale?: string }>;
  },
) {
  return db.transaction(async (tx) => {
    const [plan] = await tx
      .insert(improvementPlans)
      .values({ schoolId: values.schoolId, schoolYear: values.schoolYear })
      .returning();
    const priorities = values.priorities.length
      ? await tx
          .insert(planPriorities)
          .values(
            values.priorities.map((p, position) => ({
              planId: plan.id,
              title: p.title,
              area: p.area,
              rationale: p.rationale ?? "",
              position,
            })),
          )
          .returning()
      : [];
    return { plan, priorities };
  });
}
