/**
 * A small network for the reports and brokering tests: our school (with a SIP, head and governor),
 * three partner schools with measured impact on the same priority (+6.2 pp from a plan target,
 * +4.0 pp from a linked inquiry's cohort outcome, +1.0 pp), one school working on something else
 * (+10 pp on reading), and an admin. Plans are written straight into the plan tables (another area's).
 */
import type { Database } from "../../db/client";
import { assignSip, createCohort, createCommunity } from "../../db/queries/communities";
import {
  improvementPlans,
  inquiryPriorityLinks,
  outcomes,
  planActions,
  planPriorities,
  planSelfEvaluations,
  planTargets,
} from "../../db/schema/index";
import { schoolYearOf } from "../../app/kernel/school-year";
import { makeAuthority, makeUser } from "./factories";

type PriorityInput = {
  title: string;
  area: string;
  rationale?: string;
  target?: { measure: string; group: string; baseline: number; target: number; actual: number | null };
};

/** Creates the school's plan for the year with these priorities (and their one target each). */
export async function makePlan(db: Database, schoolId: string, schoolYear: string, priorities: PriorityInput[]) {
  const [plan] = await db.insert(improvementPlans).values({ schoolId, schoolYear }).returning();
  const ids: string[] = [];
  for (const [position, p] of priorities.entries()) {
    const [row] = await db
      .insert(planPriorities)
      .values({ planId: plan.id, title: p.title, area: p.area, rationale: p.rationale ?? "", position })
      .returning();
    ids.push(row.id);
    if (p.target) {
      const t = p.target;
      await db.insert(planTargets).values({
        priorityId: row.id,
        measure: t.measure,
        studentGroup: t.group,
        baseline: t.baseline,
        target: t.target,
        actual: t.actual,
        byWhen: "2027-07-15",
      });
    }
  }
  return { planId: plan.id, priorityIds: ids };
}

const attendance = "Attendance of disadvantaged pupils";

export async function makeReportWorld(db: Database) {
  const schoolYear = schoolYearOf(new Date());
  const { authority, schools } = await makeAuthority(db, 6);
  const [ours, bigGain, outcomeGain, smallGain, reading, unrelated] = schools;
  const at = (role: "school_leader" | "governor", school: { id: string }) => [{ role, schoolId: school.id }];
  const people = {
    admin: await makeUser(db, authority.id, [{ role: "authority_admin" }], { name: "Avery Admin" }),
    sip: await makeUser(db, authority.id, [{ role: "sip" }], { name: "Sam Partner" }),
    head: await makeUser(db, authority.id, at("school_leader", ours), { name: "Hana Head" }),
    governor: await makeUser(db, authority.id, at("governor", ours), { name: "Gil Governor" }),
    bigHead: await makeUser(db, authority.id, at("school_leader", bigGain), { name: "Bea Bright" }),
    bigGovernor: await makeUser(db, authority.id, at("governor", bigGain), { name: "Otto Governor" }),
    outcomeHead: await makeUser(db, authority.id, at("school_leader", outcomeGain), { name: "Olu Outcome" }),
    smallHead: await makeUser(db, authority.id, at("school_leader", smallGain), { name: "Sol Small" }),
    otherHead: await makeUser(db, authority.id, at("school_leader", unrelated), { name: "Una Other" }),
  };
  await assignSip(db, { authorityId: authority.id, sipUserId: people.sip.id, schoolIds: [ours.id], schoolYear });

  const ourPlan = await makePlan(db, ours.id, schoolYear, [
    {
      title: attendance,
      area: "attendance",
      rationale: "Persistent absence among disadvantaged pupils is twice the national rate.",
      target: { measure: "Attendance", group: "Disadvantaged pupils", baseline: 88.5, target: 93, actual: null },
    },
  ]);
  await db.insert(planSelfEvaluations).values({
    planId: ourPlan.planId,
    area: "quality_of_education",
    judgement: "good",
    evidence: "Reading outcomes above the local average.",
  });
  await db.insert(planActions).values({
    priorityId: ourPlan.priorityIds[0],
    description: "Daily first-day calls to families",
    owner: "Attendance lead",
    due: "2027-01-31",
    status: "in_progress",
  });

  const big = await makePlan(db, bigGain.id, schoolYear, [
    {
      title: attendance,
      area: "attendance",
      rationale: "Breakfast club and family liaison.",
      target: { measure: "Attendance", group: "Disadvantaged pupils", baseline: 88, target: 92, actual: 94.2 },
    },
  ]);
  const viaOutcome = await makePlan(db, outcomeGain.id, schoolYear, [
    { title: attendance, area: "attendance", rationale: "Walking bus." },
  ]);
  const small = await makePlan(db, smallGain.id, schoolYear, [
    {
      title: attendance,
      area: "attendance",
      rationale: "Attendance rewards.",
      target: { measure: "Attendance", group: "Disadvantaged pupils", baseline: 90, target: 93, actual: 91 },
    },
  ]);
  await makePlan(db, reading.id, schoolYear, [
    {
      title: "Reading fluency in year 2",
      area: "quality_of_education",
      target: { measure: "Reading at expected standard", group: "Year 2", baseline: 60, target: 70, actual: 70 },
    },
  ]);

  // The +4.0 pp school's evidence is its inquiry's end-of-year outcome, through the community linked to its priority.
  const cohort = await createCohort(db, {
    authorityId: authority.id,
    name: "Leaders",
    schoolYear,
    facilitatorIds: [],
    leaderIds: [people.outcomeHead.id],
  });
  const community = await createCommunity(db, {
    cohortId: cohort.id,
    name: "Family partnership",
    memberIds: [people.outcomeHead.id],
  });
  await db
    .insert(inquiryPriorityLinks)
    .values({ communityId: community.id, priorityId: viaOutcome.priorityIds[0], linkedBy: people.outcomeHead.id });
  await db.insert(outcomes).values({
    cohortId: cohort.id,
    schoolId: outcomeGain.id,
    studentGroup: "Disadvantaged pupils",
    measure: "Attendance",
    baseline: 89,
    target: 92,
    actual: 93,
  });

  return {
    authority,
    schoolYear,
    schools: { ours, bigGain, outcomeGain, smallGain, reading, unrelated },
    people,
    priorities: {
      ours: ourPlan.priorityIds[0],
      big: big.priorityIds[0],
      outcome: viaOutcome.priorityIds[0],
      small: small.priorityIds[0],
    },
  };
}
