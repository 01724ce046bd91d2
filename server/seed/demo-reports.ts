import { and, eq, ilike } from "drizzle-orm";
import { termsFor } from "../../app/kernel/terminology";
import { prefillSections } from "../../app/features/reports/sections";
import type { Database } from "../../db/client";
import { createProposal, decideProposal, listConsentedPartners } from "../../db/queries/brokering";
import { loadPlanSummary } from "../../db/queries/plan-summary";
import { appendToSection } from "../../db/queries/report-sections";
import { createReport, shareReport } from "../../db/queries/reports";
import { getSchoolScope } from "../../db/queries/school-scope";
import { improvementPlans, planPriorities, planTargets } from "../../db/schema/index";
import type { DemoContext } from "./demo-context";

const attendance = "Attendance of disadvantaged pupils";

/** The school's plan for the year: the one the plan seed made, or a new one (plans are unique per school and year). */
async function planOf(db: Database, schoolId: string, schoolYear: string) {
  await db.insert(improvementPlans).values({ schoolId, schoolYear }).onConflictDoNothing();
  const [plan] = await db
    .select({ id: improvementPlans.id })
    .from(improvementPlans)
    .where(and(eq(improvementPlans.schoolId, schoolId), eq(improvementPlans.schoolYear, schoolYear)));
  return plan.id;
}

/** An attendance priority of the plan (an existing one if the plan seed wrote it), with a measured target when asked. */
async function attendancePriority(
  db: Database,
  planId: string,
  schoolYear: string,
  measured: { baseline: number; actual: number | null; rationale: string },
) {
  const [existing] = await db
    .select({ id: planPriorities.id })
    .from(planPriorities)
    .where(and(eq(planPriorities.planId, planId), ilike(planPriorities.title, "%attendance%")));
  if (existing) return existing.id;
  const [priority] = await db
    .insert(planPriorities)
    .values({ planId, title: attendance, area: "attendance", rationale: measured.rationale, position: 9 })
    .returning();
  await db.insert(planTargets).values({
    priorityId: priority.id,
    measure: "Attendance",
    studentGroup: "Disadvantaged pupils",
    baseline: measured.baseline,
    target: measured.baseline + 4,
    actual: measured.actual,
    // The end of the school year ("2026-27" → 2027-07-18).
    byWhen: `20${schoolYear.slice(5)}-07-18`,
  });
  return priority.id;
}

/** Each SIP's shared report (schools 1, 6 and 11), one draft (school 2), and a consented brokered link for school 1. */
export async function seedReports(ctx: DemoContext) {
  const { db, schoolYear, schoolIds, sipIds, headIds } = ctx;
  const terms = termsFor("en-GB");

  // Brokering first, so school 1's report names its partner in the package of support.
  const ours = await attendancePriority(db, await planOf(db, schoolIds[0], schoolYear), schoolYear, {
    baseline: 89.1,
    actual: null,
    rationale: "Persistent absence among disadvantaged pupils is almost twice that of their peers.",
  });
  const partner = await attendancePriority(db, await planOf(db, schoolIds[5], schoolYear), schoolYear, {
    baseline: 87.4,
    actual: 93.6,
    rationale: "A breakfast club and a family liaison officer who calls on the first day of absence.",
  });
  const scope1 = await getSchoolScope(db, schoolIds[0], schoolYear);
  if (scope1?.assignment) {
    const proposal = await createProposal(db, {
      assignmentId: scope1.assignment.id,
      priorityId: ours,
      partnerSchoolId: schoolIds[5],
      partnerPriorityId: partner,
      reason:
        "Their breakfast club and first-day calls raised attendance of disadvantaged pupils by over six points; Ashby Vale is starting the same work.",
      proposedBy: sipIds[0],
    });
    if (proposal) await decideProposal(db, proposal.id, headIds[5], "consented");
  }

  const reports = [
    { school: 0, title: "Autumn term report", share: true },
    { school: 1, title: "Autumn term report (draft)", share: false },
    { school: 5, title: "Autumn term report", share: true },
    { school: 10, title: "Autumn term report", share: true },
  ];
  for (const r of reports) {
    const scope = await getSchoolScope(db, schoolIds[r.school], schoolYear);
    if (!scope?.assignment) continue;
    const [plan, partners] = await Promise.all([
      loadPlanSummary(db, scope.schoolId, schoolYear),
      listConsentedPartners(db, scope.schoolId, schoolYear),
    ]);
    const sections = prefillSections(plan, partners, terms).map((s) =>
      s.kind === "head_performance"
        ? {
            ...s,
            body: "The head teacher's objectives on attendance and early reading are on track. Governors may wish to add an objective on developing middle leaders next year.",
          }
        : s,
    );
    const report = await createReport(db, { assignmentId: scope.assignment.id, title: r.title, sections });
    if (r.school === 0) {
      await appendToSection(
        db,
        report.id,
        "package_of_support",
        "Two days of English consultant support in the spring term.",
        { heading: "Package of support", audiences: ["head", "governors", "authority"] },
      );
    }
    if (r.share) await shareReport(db, report.id);
  }
}
