import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../client";
import {
  authorities,
  communities,
  improvementPlans,
  inquiryPriorityLinks,
  planActions,
  planEvidenceLinks,
  planPriorities,
  planProgressUpdates,
  planSelfEvaluations,
  planTargets,
  schools,
  users,
} from "../schema/index";

export type Plan = typeof improvementPlans.$inferSelect;
export type Priority = typeof planPriorities.$inferSelect;
export type Target = typeof planTargets.$inferSelect;
export type PlanAction = typeof planActions.$inferSelect;
type Judgement = (typeof planSelfEvaluations.$inferSelect)["judgement"];
type ActionStatus = PlanAction["status"];

/** The school's plan for the year, or null if nobody has started it. */
export async function getPlan(db: Database, schoolId: string, schoolYear: string): Promise<Plan | null> {
  const [plan] = await db
    .select()
    .from(improvementPlans)
    .where(and(eq(improvementPlans.schoolId, schoolId), eq(improvementPlans.schoolYear, schoolYear)));
  return plan ?? null;
}

/** The school's plan for the year, created on first use (safe when two people start it at once). */
export async function getOrCreatePlan(db: Database, schoolId: string, schoolYear: string): Promise<Plan> {
  await db.insert(improvementPlans).values({ schoolId, schoolYear }).onConflictDoNothing();
  return (await getPlan(db, schoolId, schoolYear))!;
}

/** The self-evaluation rows of a plan, one per area. */
export function listSelfEvaluations(db: Database, planId: string) {
  return db
    .select({
      id: planSelfEvaluations.id,
      area: planSelfEvaluations.area,
      judgement: planSelfEvaluations.judgement,
      evidence: planSelfEvaluations.evidence,
      updatedAt: planSelfEvaluations.updatedAt,
    })
    .from(planSelfEvaluations)
    .where(eq(planSelfEvaluations.planId, planId));
}

/** Sets the judgement and evidence of one area (one row per area and plan). */
export async function upsertSelfEvaluation(
  db: Database,
  planId: string,
  values: { area: string; judgement: Judgement; evidence: string },
) {
  await db
    .insert(planSelfEvaluations)
    .values({ planId, ...values })
    .onConflictDoUpdate({
      target: [planSelfEvaluations.planId, planSelfEvaluations.area],
      set: { judgement: values.judgement, evidence: values.evidence, updatedAt: new Date() },
    });
}

/**
 * The plan's priorities in order, with how many targets, actions (and done actions) and linked
 * inquiries each has, and the open and resolved comment threads on it or its targets and actions: one query.
 */
export function listPriorities(db: Database, planId: string) {
  // Qualified by hand: drizzle leaves a single-table select's columns unqualified, and inside a
  // subquery "id" would then mean the inner table's.
  const pid = sql.raw(`"plan_priorities"."id"`);
  const count = (table: string, extra = "") =>
    sql<number>`(select count(*)::int from ${sql.raw(table)} x where x.priority_id = ${pid} ${sql.raw(extra)})`;
  const threads = (resolved: "is null" | "is not null") => sql<number>`(
    select count(*)::int from plan_comments c
    where c.plan_id = "plan_priorities"."plan_id" and c.parent_id is null and c.resolved_at ${sql.raw(resolved)}
      and ((c.subject_kind = 'priority' and c.subject_id = ${pid})
        or (c.subject_kind = 'target' and c.subject_id in (select t.id from plan_targets t where t.priority_id = ${pid}))
        or (c.subject_kind = 'action' and c.subject_id in (select a.id from plan_actions a where a.priority_id = ${pid}))))`;
  return db
    .select({
      id: planPriorities.id,
      title: planPriorities.title,
      area: planPriorities.area,
      rationale: planPriorities.rationale,
      targets: count("plan_targets"),
      actions: count("plan_actions"),
      actionsDone: count("plan_actions", "and x.status = 'done'"),
      inquiries: count("inquiry_priority_links"),
      openThreads: threads("is null"),
      resolvedThreads: threads("is not null"),
    })
    .from(planPriorities)
    .where(eq(planPriorities.planId, planId))
    .orderBy(asc(planPriorities.position), asc(planPriorities.title));
}

/** One priority of this plan, or null (a priority of another plan is "not found"). */
export async function getPriority(db: Database, planId: string, priorityId: string): Promise<Priority | null> {
  const [row] = await db
    .select()
    .from(planPriorities)
    .where(and(eq(planPriorities.planId, planId), eq(planPriorities.id, priorityId)));
  return row ?? null;
}

/** Adds a priority at the end of the plan. */
export async function addPriority(
  db: Database,
  planId: string,
  values: { title: string; area: string; rationale: string },
): Promise<Priority> {
  const [row] = await db
    .insert(planPriorities)
    .values({
      planId,
      ...values,
      position: sql`(select coalesce(max(position), -1) + 1 from plan_priorities where plan_id = ${planId})`,
    })
    .returning();
  return row;
}

/** Changes a priority's title, area and rationale. */
export async function updatePriority(
  db: Database,
  priorityId: string,
  values: { title: string; area: string; rationale: string },
) {
  await db.update(planPriorities).set(values).where(eq(planPriorities.id, priorityId));
}

/** Every target of a plan's priorities, in one query (the plan page counts their statuses per priority). */
export async function listPlanTargets(db: Database, planId: string) {
  const priorities = db.select({ id: planPriorities.id }).from(planPriorities).where(eq(planPriorities.planId, planId));
  return db.select().from(planTargets).where(inArray(planTargets.priorityId, priorities));
}

/** The targets, actions, progress updates, evidence links and linked inquiries of one priority (one query per list). */
export async function getPriorityItems(db: Database, priorityId: string) {
  const [targets, actions, updates, evidence, inquiries] = await Promise.all([
    db
      .select()
      .from(planTargets)
      .where(eq(planTargets.priorityId, priorityId))
      .orderBy(asc(planTargets.position), asc(planTargets.byWhen)),
    db
      .select()
      .from(planActions)
      .where(eq(planActions.priorityId, priorityId))
      .orderBy(asc(planActions.position), asc(planActions.due)),
    db
      .select({
        id: planProgressUpdates.id,
        body: planProgressUpdates.body,
        createdAt: planProgressUpdates.createdAt,
        authorName: users.name,
      })
      .from(planProgressUpdates)
      .leftJoin(users, eq(users.id, planProgressUpdates.authorId))
      .where(eq(planProgressUpdates.priorityId, priorityId))
      .orderBy(desc(planProgressUpdates.createdAt)),
    db
      .select({
        id: planEvidenceLinks.id,
        title: planEvidenceLinks.title,
        url: planEvidenceLinks.url,
        createdAt: planEvidenceLinks.createdAt,
      })
      .from(planEvidenceLinks)
      .where(eq(planEvidenceLinks.priorityId, priorityId))
      .orderBy(asc(planEvidenceLinks.createdAt)),
    listLinkedInquiries(db, priorityId),
  ]);
  return { targets, actions, updates, evidence, inquiries };
}

/** The communities whose inquiry a leader linked to this priority. */
export function listLinkedInquiries(db: Database, priorityId: string) {
  return db
    .select({
      communityId: communities.id,
      name: communities.name,
      cohortId: communities.cohortId,
      linkedAt: inquiryPriorityLinks.createdAt,
    })
    .from(inquiryPriorityLinks)
    .innerJoin(communities, eq(communities.id, inquiryPriorityLinks.communityId))
    .where(eq(inquiryPriorityLinks.priorityId, priorityId))
    .orderBy(asc(communities.name));
}

const nextPosition = (table: "plan_targets" | "plan_actions", priorityId: string) =>
  sql`(select coalesce(max(position), -1) + 1 from ${sql.raw(table)} where priority_id = ${priorityId})`;

/** Adds a SMART target to a priority. */
export async function addTarget(
  db: Database,
  priorityId: string,
  values: {
    measure: string;
    studentGroup: string;
    baseline: number;
    target: number;
    actual?: number | null;
    byWhen: string;
  },
): Promise<Target> {
  const [row] = await db
    .insert(planTargets)
    .values({
      priorityId,
      ...values,
      actual: values.actual ?? null,
      position: nextPosition("plan_targets", priorityId),
    })
    .returning();
  return row;
}

/** Records the latest measured value of a target of this priority (null clears it). Returns false if the target is not the priority's. */
export async function setTargetActual(
  db: Database,
  priorityId: string,
  targetId: string,
  actual: number | null,
): Promise<boolean> {
  const rows = await db
    .update(planTargets)
    .set({ actual })
    .where(and(eq(planTargets.id, targetId), eq(planTargets.priorityId, priorityId)))
    .returning({ id: planTargets.id });
  return rows.length > 0;
}

/** Adds an action to a priority. */
export async function addAction(
  db: Database,
  priorityId: string,
  values: { description: string; owner: string; due: string; status: ActionStatus },
): Promise<PlanAction> {
  const [row] = await db
    .insert(planActions)
    .values({ priorityId, ...values, position: nextPosition("plan_actions", priorityId) })
    .returning();
  return row;
}

/** Moves an action of this priority to a new status. Returns false if the action is not the priority's. */
export async function setActionStatus(
  db: Database,
  priorityId: string,
  actionId: string,
  status: ActionStatus,
): Promise<boolean> {
  const rows = await db
    .update(planActions)
    .set({ status })
    .where(and(eq(planActions.id, actionId), eq(planActions.priorityId, priorityId)))
    .returning({ id: planActions.id });
  return rows.length > 0;
}

/** Adds a dated progress note to a priority. */
export async function addProgressUpdate(db: Database, priorityId: string, authorId: string | null, body: string) {
  const [row] = await db.insert(planProgressUpdates).values({ priorityId, authorId, body }).returning();
  return row;
}

/** Adds a link to evidence (the caller has checked it is http or https). */
export async function addEvidenceLink(
  db: Database,
  priorityId: string,
  addedBy: string | null,
  values: { title: string; url: string },
) {
  const [row] = await db
    .insert(planEvidenceLinks)
    .values({ priorityId, addedBy, ...values })
    .returning();
  return row;
}

/** What the plan pages need to know about the school beyond its scope: its phase (which areas apply) and its authority's words. */
export async function getPlanSchool(db: Database, schoolId: string) {
  const [row] = await db
    .select({ id: schools.id, name: schools.name, phase: schools.phase, terminology: authorities.terminology })
    .from(schools)
    .innerJoin(authorities, eq(authorities.id, schools.authorityId))
    .where(eq(schools.id, schoolId));
  return row ?? null;
}
