import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import { rowsOf } from "../raw";
import {
  brokeringProposals,
  improvementPlans,
  planPriorities,
  roleGrants,
  schools,
  sipAssignments,
  users,
} from "../schema/index";

/** The school's priorities this year, for choosing one to broker. */
export function listSchoolPriorities(db: Database, schoolId: string, schoolYear: string) {
  return db
    .select({
      id: planPriorities.id,
      title: planPriorities.title,
      area: planPriorities.area,
      rationale: planPriorities.rationale,
    })
    .from(planPriorities)
    .innerJoin(improvementPlans, eq(improvementPlans.id, planPriorities.planId))
    .where(and(eq(improvementPlans.schoolId, schoolId), eq(improvementPlans.schoolYear, schoolYear)))
    .orderBy(asc(planPriorities.position), asc(planPriorities.title));
}

export type PracticeMatch = {
  partnerSchoolId: string;
  partnerPriorityId: string;
  phase: string;
  area: string;
  measure: string;
  studentGroup: string;
  change: number;
  inquiries: number;
  rank: number;
  score: number;
};

/**
 * Other schools' priorities (in the same authority) that match this one, with their best measured
 * outcome change. Text: Postgres full-text ranking over the priority's title (weight A), rationale (B)
 * and the names of the communities whose inquiries are linked to it (C), against the words of the
 * searched priority's title and area, OR-ed (or the SIP's own words, websearch syntax). Evidence: plan
 * targets with an actual value, and the cohort outcomes of the linked inquiries' cohorts for that
 * school; only a positive change counts as impact. Score: rank × (1 + change / 5), so among similar
 * priorities a bigger measured change ranks higher. No school's name leaves this query.
 */
export async function findSimilarPractice(
  db: Database,
  params: { authorityId: string; schoolId: string; priorityId: string; words?: string | null; limit?: number },
): Promise<PracticeMatch[]> {
  const query = params.words?.trim()
    ? sql`websearch_to_tsquery('english', ${params.words.trim()})`
    : sql`(select to_tsquery('simple', coalesce(nullif(array_to_string(array(
          select quote_literal(l) from unnest(tsvector_to_array(to_tsvector('english', p.title || ' ' || replace(p.area, '_', ' ')))) l
        ), ' | '), ''), 'nothing')) from plan_priorities p where p.id = ${params.priorityId})`;
  const result = await db.execute(sql`
    with q as (select ${query} as query),
    candidates as (
      select p.id as priority_id, p.area, pl.school_id, s.phase,
        setweight(to_tsvector('english', p.title), 'A') ||
        setweight(to_tsvector('english', p.rationale), 'B') ||
        setweight(to_tsvector('english', coalesce(linked.names, '')), 'C') as doc,
        coalesce(linked.n, 0) as inquiries
      from plan_priorities p
      join improvement_plans pl on pl.id = p.plan_id
      join schools s on s.id = pl.school_id
      left join lateral (
        select string_agg(c.name, ' ') as names, count(*) as n
        from inquiry_priority_links l join communities c on c.id = l.community_id
        where l.priority_id = p.id
      ) linked on true
      where s.authority_id = ${params.authorityId} and s.id <> ${params.schoolId}
    ),
    evidence as (
      select t.priority_id, t.measure, t.student_group, (t.actual - t.baseline)::float8 as change
      from plan_targets t join candidates c on c.priority_id = t.priority_id
      where t.actual is not null
      union all
      select l.priority_id, o.measure, o.student_group, (o.actual - o.baseline)::float8
      from inquiry_priority_links l
      join candidates c on c.priority_id = l.priority_id
      join communities cm on cm.id = l.community_id
      join outcomes o on o.cohort_id = cm.cohort_id and o.school_id = c.school_id
      where o.actual is not null
    ),
    best as (
      select distinct on (priority_id) priority_id, measure, student_group, change
      from evidence where change > 0
      order by priority_id, change desc, measure
    ),
    ranked as (
      select c.school_id, c.priority_id, c.phase, c.area, c.inquiries, b.measure, b.student_group, b.change,
        ts_rank(c.doc, q.query)::float8 as rank
      from candidates c join best b on b.priority_id = c.priority_id cross join q
      where c.doc @@ q.query
    ),
    per_school as (
      select distinct on (school_id) *, rank * (1 + change / 5.0) as score
      from ranked order by school_id, rank * (1 + change / 5.0) desc
    )
    select school_id, priority_id, phase, area, inquiries, measure, student_group, change, rank, score
    from per_school order by score desc, school_id limit ${params.limit ?? 10}
  `);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    partnerSchoolId: String(r.school_id),
    partnerPriorityId: String(r.priority_id),
    phase: String(r.phase),
    area: String(r.area),
    measure: String(r.measure),
    studentGroup: String(r.student_group),
    change: Number(r.change),
    inquiries: Number(r.inquiries),
    rank: Number(r.rank),
    score: Number(r.score),
  }));
}

/** A leader of the school to contact (the first by name), as a correlated subquery. */
const headOf = (column: "name" | "email") =>
  sql<string | null>`(select u.${sql.raw(column)} from role_grants g join users u on u.id = g.user_id
    where g.school_id = ${brokeringProposals.partnerSchoolId} and g.role = 'school_leader' order by u.name limit 1)`;

/**
 * The proposals made for a school this year. The partner's name and head's contact are only
 * selected once the partner consented (CASE in SQL), so they never reach anyone before then.
 */
export function listProposalsForSchool(db: Database, schoolId: string, schoolYear: string) {
  const consented = sql`${brokeringProposals.status} = 'consented'`;
  return db
    .select({
      id: brokeringProposals.id,
      status: brokeringProposals.status,
      priorityId: brokeringProposals.priorityId,
      priorityTitle: planPriorities.title,
      partnerSchoolId: brokeringProposals.partnerSchoolId,
      partnerPhase: schools.phase,
      reason: brokeringProposals.reason,
      partnerName: sql<string | null>`case when ${consented} then ${schools.name} end`,
      headName: sql<string | null>`case when ${consented} then ${headOf("name")} end`,
      headEmail: sql<string | null>`case when ${consented} then ${headOf("email")} end`,
      createdAt: brokeringProposals.createdAt,
    })
    .from(brokeringProposals)
    .innerJoin(sipAssignments, eq(sipAssignments.id, brokeringProposals.assignmentId))
    .innerJoin(planPriorities, eq(planPriorities.id, brokeringProposals.priorityId))
    .innerJoin(schools, eq(schools.id, brokeringProposals.partnerSchoolId))
    .where(and(eq(sipAssignments.schoolId, schoolId), eq(sipAssignments.schoolYear, schoolYear)))
    .orderBy(asc(brokeringProposals.createdAt));
}

export type ProposalRow = Awaited<ReturnType<typeof listProposalsForSchool>>[number];

/** Proposes a link. Null when the same partner is already proposed for this priority (and not declined). */
export async function createProposal(
  db: Database,
  values: {
    assignmentId: string;
    priorityId: string;
    partnerSchoolId: string;
    partnerPriorityId: string | null;
    reason: string;
    proposedBy: string;
  },
) {
  const [open] = await db
    .select({ id: brokeringProposals.id })
    .from(brokeringProposals)
    .where(
      and(
        eq(brokeringProposals.assignmentId, values.assignmentId),
        eq(brokeringProposals.priorityId, values.priorityId),
        eq(brokeringProposals.partnerSchoolId, values.partnerSchoolId),
        sql`${brokeringProposals.status} <> 'declined'`,
      ),
    );
  if (open) return null;
  const [row] = await db.insert(brokeringProposals).values(values).returning();
  return row;
}

/** One proposal with what the partner school's head needs to decide: who asks, about what. */
export async function getProposal(db: Database, proposalId: string) {
  const [row] = await db
    .select({
      id: brokeringProposals.id,
      status: brokeringProposals.status,
      reason: brokeringProposals.reason,
      partnerSchoolId: brokeringProposals.partnerSchoolId,
      partnerPriorityTitle: sql<
        string | null
      >`(select p.title from plan_priorities p where p.id = ${brokeringProposals.partnerPriorityId})`,
      priorityTitle: planPriorities.title,
      requestingSchoolId: sipAssignments.schoolId,
      requestingSchoolName: schools.name,
      sipName: users.name,
      proposedBy: brokeringProposals.proposedBy,
      decidedAt: brokeringProposals.decidedAt,
      createdAt: brokeringProposals.createdAt,
    })
    .from(brokeringProposals)
    .innerJoin(sipAssignments, eq(sipAssignments.id, brokeringProposals.assignmentId))
    .innerJoin(schools, eq(schools.id, sipAssignments.schoolId))
    .innerJoin(users, eq(users.id, sipAssignments.sipUserId))
    .innerJoin(planPriorities, eq(planPriorities.id, brokeringProposals.priorityId))
    .where(eq(brokeringProposals.id, proposalId));
  return row ?? null;
}

/** The partner's head consents or declines. False when it was already decided. */
export async function decideProposal(
  db: Database,
  proposalId: string,
  userId: string,
  decision: "consented" | "declined",
) {
  const rows = await db
    .update(brokeringProposals)
    .set({ status: decision, decidedBy: userId, decidedAt: new Date() })
    .where(and(eq(brokeringProposals.id, proposalId), eq(brokeringProposals.status, "proposed")))
    .returning({ id: brokeringProposals.id });
  return rows.length > 0;
}

/** The school's leaders (who decide on brokering for it). */
export function listSchoolLeaders(db: Database, schoolId: string) {
  return db
    .selectDistinct({ userId: users.id, name: users.name, email: users.email })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.schoolId, schoolId), eq(roleGrants.role, "school_leader")));
}

/** The consented partners of a school this year, named, for its report's package of support. */
export async function listConsentedPartners(db: Database, schoolId: string, schoolYear: string) {
  const rows = await listProposalsForSchool(db, schoolId, schoolYear);
  return rows
    .filter((r) => r.status === "consented" && r.partnerName)
    .map((r) => ({
      proposalId: r.id,
      schoolName: r.partnerName!,
      headName: r.headName,
      headEmail: r.headEmail,
      priorityTitle: r.priorityTitle,
    }));
}
