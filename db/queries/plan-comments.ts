import { and, asc, eq, isNull, like, sql } from "drizzle-orm";
import type { Database } from "../client";
import {
  notifications,
  planActions,
  planComments,
  planPriorities,
  planTargets,
  planSelfEvaluations,
  roleGrants,
  users,
} from "../schema/index";

type SubjectKind = (typeof planComments.$inferSelect)["subjectKind"];

export type PlanComment = {
  id: string;
  subjectKind: SubjectKind;
  subjectId: string;
  parentId: string | null;
  authorId: string | null;
  authorName: string | null;
  body: string;
  resolvedAt: Date | null;
  resolvedByName: string | null;
  createdAt: Date;
};

const resolver = sql<string | null>`(select u.name from users u where u.id = ${planComments.resolvedBy})`;

/** Every comment on a plan, oldest first, with author names (one query; pages group them into threads). */
export function listPlanComments(db: Database, planId: string): Promise<PlanComment[]> {
  return db
    .select({
      id: planComments.id,
      subjectKind: planComments.subjectKind,
      subjectId: planComments.subjectId,
      parentId: planComments.parentId,
      authorId: planComments.authorId,
      authorName: users.name,
      body: planComments.body,
      resolvedAt: planComments.resolvedAt,
      resolvedByName: resolver,
      createdAt: planComments.createdAt,
    })
    .from(planComments)
    .leftJoin(users, eq(users.id, planComments.authorId))
    .where(eq(planComments.planId, planId))
    .orderBy(asc(planComments.createdAt), asc(planComments.id));
}

/** One comment of this plan, or null. */
export async function getPlanComment(db: Database, planId: string, commentId: string) {
  const [row] = await db
    .select()
    .from(planComments)
    .where(and(eq(planComments.planId, planId), eq(planComments.id, commentId)));
  return row ?? null;
}

/** Adds a comment (a new thread, or a reply when parentId is set: the caller has checked the parent is a thread of this plan). */
export async function addPlanComment(
  db: Database,
  values: {
    planId: string;
    subjectKind: SubjectKind;
    subjectId: string;
    parentId: string | null;
    authorId: string;
    body: string;
  },
) {
  const [row] = await db.insert(planComments).values(values).returning();
  return row;
}

/** Resolves (or reopens, with null) a thread: its first comment carries the state. */
export async function setThreadResolved(db: Database, planId: string, rootId: string, resolvedBy: string | null) {
  const rows = await db
    .update(planComments)
    .set(resolvedBy ? { resolvedAt: new Date(), resolvedBy } : { resolvedAt: null, resolvedBy: null })
    .where(and(eq(planComments.planId, planId), eq(planComments.id, rootId), isNull(planComments.parentId)))
    .returning({ id: planComments.id });
  return rows.length > 0;
}

/**
 * Where a commented item lives, if it belongs to this plan: `priorityId` for priorities, targets
 * and actions (their page), null for the plan and its self-evaluation. Null when it is not this plan's.
 */
export async function findPlanSubject(
  db: Database,
  planId: string,
  kind: SubjectKind,
  subjectId: string,
): Promise<{ priorityId: string | null } | null> {
  if (kind === "plan") return subjectId === planId ? { priorityId: null } : null;
  if (kind === "self_evaluation") {
    const [row] = await db
      .select({ id: planSelfEvaluations.id })
      .from(planSelfEvaluations)
      .where(and(eq(planSelfEvaluations.planId, planId), eq(planSelfEvaluations.id, subjectId)));
    return row ? { priorityId: null } : null;
  }
  if (kind === "priority") {
    const [row] = await db
      .select({ id: planPriorities.id })
      .from(planPriorities)
      .where(and(eq(planPriorities.planId, planId), eq(planPriorities.id, subjectId)));
    return row ? { priorityId: row.id } : null;
  }
  const table = kind === "target" ? planTargets : planActions;
  const [row] = await db
    .select({ priorityId: table.priorityId })
    .from(table)
    .innerJoin(planPriorities, eq(planPriorities.id, table.priorityId))
    .where(and(eq(planPriorities.planId, planId), eq(table.id, subjectId)));
  return row ? { priorityId: row.priorityId } : null;
}

/** The school's leaders, who hear about the SIP's feedback. */
export function listSchoolLeaders(db: Database, schoolId: string) {
  return db
    .selectDistinct({ id: users.id, name: users.name, email: users.email })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.schoolId, schoolId), eq(roleGrants.role, "school_leader")));
}

/** The person's unread notifications about pages under this path (the plan's alerts), newest first. */
export function listUnreadAlerts(db: Database, userId: string, pathPrefix: string) {
  return db
    .select({
      id: notifications.id,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        like(notifications.link, `${escapeLike(pathPrefix)}%`),
      ),
    )
    .orderBy(sql`${notifications.createdAt} desc`)
    .limit(20);
}

/** Marks the person's unread notifications under this path read; returns how many. */
export async function markAlertsRead(db: Database, userId: string, pathPrefix: string): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        like(notifications.link, `${escapeLike(pathPrefix)}%`),
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}

function escapeLike(s: string) {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
