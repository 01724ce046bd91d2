import { and, asc, eq, lt, sql } from "drizzle-orm";
import type { Database } from "../client";
import { rowsOf } from "../raw";
import {
  categoryDayBudgets,
  roleGrants,
  schools,
  sipAssignments,
  sipProfiles,
  sipVisits,
  users,
} from "../schema/index";
import { schoolCategories } from "../schema/school-options";

type Category = (typeof schoolCategories)[number];

/** The day budget a school gets when the authority has not set one for its category. */
export const DEFAULT_DAY_BUDGET = 5;
/** A SIP's yearly capacity when they have no profile yet (the column's default). */
export const DEFAULT_CAPACITY_DAYS = 30;

/** The authority's default day budget for each school category (5 where unset). */
export async function getCategoryBudgets(db: Database, authorityId: string): Promise<Record<Category, number>> {
  const rows = await db.select().from(categoryDayBudgets).where(eq(categoryDayBudgets.authorityId, authorityId));
  const budgets = Object.fromEntries(schoolCategories.map((c) => [c, DEFAULT_DAY_BUDGET])) as Record<Category, number>;
  for (const row of rows) budgets[row.category] = Number(row.days);
  return budgets;
}

/** Sets the default day budget of every category at once. */
export async function setCategoryBudgets(db: Database, authorityId: string, budgets: Record<Category, number>) {
  const rows = schoolCategories.map((category) => ({ authorityId, category, days: budgets[category] }));
  await db
    .insert(categoryDayBudgets)
    .values(rows)
    .onConflictDoUpdate({
      target: [categoryDayBudgets.authorityId, categoryDayBudgets.category],
      set: { days: sql`excluded.days` },
    });
}

/** Every school of the authority with this year's SIP, budget and days used (or no assignment), by name. */
export async function listDeployment(db: Database, authorityId: string, schoolYear: string) {
  const used = db
    .select({ assignmentId: sipVisits.assignmentId, days: sql<string>`sum(${sipVisits.days})`.as("days_used") })
    .from(sipVisits)
    .groupBy(sipVisits.assignmentId)
    .as("used");
  const rows = await db
    .select({
      schoolId: schools.id,
      name: schools.name,
      category: schools.category,
      locality: schools.locality,
      assignmentId: sipAssignments.id,
      sipUserId: sipAssignments.sipUserId,
      sipName: users.name,
      dayBudget: sipAssignments.dayBudget,
      daysUsed: used.days,
    })
    .from(schools)
    .leftJoin(sipAssignments, and(eq(sipAssignments.schoolId, schools.id), eq(sipAssignments.schoolYear, schoolYear)))
    .leftJoin(users, eq(users.id, sipAssignments.sipUserId))
    .leftJoin(used, eq(used.assignmentId, sipAssignments.id))
    .where(eq(schools.authorityId, authorityId))
    .orderBy(asc(schools.name));
  return rows.map((r) => ({
    ...r,
    dayBudget: r.dayBudget === null ? null : Number(r.dayBudget),
    daysUsed: Number(r.daysUsed ?? 0),
  }));
}

/**
 * The authority's SIPs with their profile (defaults where they have none) and the days already
 * budgeted to them in the year, by name.
 */
export async function listSips(db: Database, authorityId: string, schoolYear: string) {
  const budgeted = db
    .select({
      sipUserId: sipAssignments.sipUserId,
      days: sql<string>`sum(${sipAssignments.dayBudget})`.as("days_budgeted"),
    })
    .from(sipAssignments)
    .where(and(eq(sipAssignments.authorityId, authorityId), eq(sipAssignments.schoolYear, schoolYear)))
    .groupBy(sipAssignments.sipUserId)
    .as("budgeted");
  const rows = await db
    .selectDistinct({
      userId: users.id,
      name: users.name,
      email: users.email,
      locality: sipProfiles.locality,
      capacityDays: sipProfiles.capacityDays,
      expertise: sipProfiles.expertise,
      daysBudgeted: budgeted.days,
    })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .leftJoin(sipProfiles, and(eq(sipProfiles.userId, users.id), eq(sipProfiles.authorityId, authorityId)))
    .leftJoin(budgeted, eq(budgeted.sipUserId, users.id))
    .where(and(eq(roleGrants.authorityId, authorityId), eq(roleGrants.role, "sip")))
    .orderBy(asc(users.name), asc(users.id));
  return rows.map((r) => ({
    userId: r.userId,
    name: r.name,
    email: r.email,
    locality: r.locality ?? "",
    capacityDays: r.capacityDays === null ? DEFAULT_CAPACITY_DAYS : Number(r.capacityDays),
    expertise: (r.expertise ?? []) as string[],
    daysBudgeted: Number(r.daysBudgeted ?? 0),
  }));
}

export type SipSummary = Awaited<ReturnType<typeof listSips>>[number];

/** Creates or replaces a SIP's matching profile. */
export async function saveSipProfile(
  db: Database,
  values: { authorityId: string; userId: string; locality: string; capacityDays: number; expertise: string[] },
) {
  const { authorityId, userId, ...rest } = values;
  await db
    .insert(sipProfiles)
    .values(values)
    .onConflictDoUpdate({ target: [sipProfiles.authorityId, sipProfiles.userId], set: rest });
}

/** How many earlier-year assignments each SIP had to schools of `category` (for "experience"). */
export async function countPastCategoryAssignments(
  db: Database,
  authorityId: string,
  category: Category,
  beforeYear: string,
) {
  const rows = await db
    .select({ sipUserId: sipAssignments.sipUserId, n: sql<string>`count(*)` })
    .from(sipAssignments)
    .innerJoin(schools, eq(schools.id, sipAssignments.schoolId))
    .where(
      and(
        eq(sipAssignments.authorityId, authorityId),
        eq(schools.category, category),
        lt(sipAssignments.schoolYear, beforeYear),
      ),
    )
    .groupBy(sipAssignments.sipUserId);
  return new Map(rows.map((r) => [r.sipUserId, Number(r.n)]));
}

/** The SIP who had the school in a given year, or null. */
export async function getAssignedSipId(db: Database, schoolId: string, schoolYear: string): Promise<string | null> {
  const [row] = await db
    .select({ sipUserId: sipAssignments.sipUserId })
    .from(sipAssignments)
    .where(and(eq(sipAssignments.schoolId, schoolId), eq(sipAssignments.schoolYear, schoolYear)));
  return row?.sipUserId ?? null;
}

/** Assigns a SIP to a school for a year. Throws a unique violation if the school already has one. */
export async function assignSipToSchool(
  db: Database,
  values: { authorityId: string; schoolId: string; sipUserId: string; schoolYear: string; dayBudget: number },
) {
  const [row] = await db.insert(sipAssignments).values(values).returning();
  return row;
}

/** Changes the day budget of a school's assignment for the year. Returns false if there is none. */
export async function setAssignmentBudget(db: Database, schoolId: string, schoolYear: string, dayBudget: number) {
  const rows = await db
    .update(sipAssignments)
    .set({ dayBudget })
    .where(and(eq(sipAssignments.schoolId, schoolId), eq(sipAssignments.schoolYear, schoolYear)))
    .returning({ id: sipAssignments.id });
  return rows.length > 0;
}

/**
 * Removes the school's assignment for the year, unless anything hangs off it: visits, visit
 * records, reports or brokering proposals would be deleted with it, so then it is refused.
 */
export async function unassignSip(
  db: Database,
  schoolId: string,
  schoolYear: string,
): Promise<{ outcome: "removed"; sipUserId: string } | { outcome: "has_work" | "none" }> {
  return db.transaction(async (tx) => {
    const [assignment] = await tx
      .select({ id: sipAssignments.id, sipUserId: sipAssignments.sipUserId })
      .from(sipAssignments)
      .where(and(eq(sipAssignments.schoolId, schoolId), eq(sipAssignments.schoolYear, schoolYear)))
      .for("update");
    if (!assignment) return { outcome: "none" };
    const work = await tx.execute(sql`
      select exists (select 1 from sip_visits where assignment_id = ${assignment.id})
          or exists (select 1 from visit_records where assignment_id = ${assignment.id})
          or exists (select 1 from sip_reports where assignment_id = ${assignment.id})
          or exists (select 1 from brokering_proposals where assignment_id = ${assignment.id}) as has_work`);
    if (rowsOf<{ has_work: boolean }>(work)[0]?.has_work) return { outcome: "has_work" };
    await tx.delete(sipAssignments).where(eq(sipAssignments.id, assignment.id));
    return { outcome: "removed", sipUserId: assignment.sipUserId };
  });
}
