import { previousSchoolYear, schoolYearBounds } from "../../app/kernel/school-year";
import { insertSchools } from "../../db/queries/schools";
import {
  assignSipToSchool,
  getCategoryBudgets,
  saveSipProfile,
  setAssignmentBudget,
  setCategoryBudgets,
} from "../../db/queries/sip-deployment";
import { completeVisitPart, logVisit, savePreVisit, type VisitKind } from "../../db/queries/visits";
import { getSchoolScope } from "../../db/queries/school-scope";
import { demoSchools } from "./demo-data";
import type { DemoContext } from "./demo-context";

/** sip1 works around Ashby Vale, sip2 Kingsmere Central, sip3 Riverside (where Hollybank is, and nearly full). */
const profiles = [
  { locality: "Ashby Vale", capacityDays: 30, expertise: ["universal", "targeted"] },
  { locality: "Kingsmere Central", capacityDays: 40, expertise: ["targeted", "intensive"] },
  { locality: "Riverside", capacityDays: 24.5, expertise: ["universal"] },
];

/** Time logged this year: [school number, kind, days, purpose]. School 6 ends up near its budget. */
const visits: Array<[number, VisitKind, number, string]> = [
  [3, "preparation", 0.5, "Read the SEF and the latest Ofsted report"],
  [3, "in_school", 1, "Autumn review of the attendance priority"],
  [3, "report_writing", 0.5, "Notes for the autumn report"],
  [3, "in_school", 1, "Learning walk: reading in Key Stage 3"],
  [1, "in_school", 1, "First visit: agree this year's priorities"],
  [1, "preparation", 0.5, "Read the school's improvement plan"],
  [8, "in_school", 1, "Review of the maths recovery plan"],
  [8, "preparation", 0.5, "Pupil progress data for disadvantaged pupils"],
  [6, "in_school", 1.5, "Two-day review, first part: leadership and governance"],
  [6, "preparation", 0.5, "Read the governors' minutes"],
  [6, "in_school", 1, "Follow-up on phonics outcomes"],
  [6, "report_writing", 0.5, "Interim note to the head teacher"],
  [12, "in_school", 1, "Review of writing in Year 6"],
  [12, "preparation", 0.5, "Read the school's self-evaluation"],
];

/**
 * SIP deployment and visits for the demo: category budgets (intervention in inverse proportion to
 * success), SIP profiles, last year's assignments (for continuity), a 16th school with no SIP so the
 * matching suggestions show, and a few visits with one complete record and one awaiting the SIP.
 */
export async function seedDeployment(ctx: DemoContext) {
  const { db, authorityId, schoolYear } = ctx;
  await setCategoryBudgets(db, authorityId, { universal: 4, targeted: 5, intensive: 7 });
  const budgets = await getCategoryBudgets(db, authorityId);
  for (const [i, sipId] of ctx.sipIds.entries())
    await saveSipProfile(db, { authorityId, userId: sipId, ...profiles[i] });

  const [hollybank] = await insertSchools(db, [
    {
      authorityId,
      name: "Hollybank Primary School",
      reference: "KB100116",
      phase: "primary",
      category: "targeted",
      locality: "Riverside",
    },
  ]);
  const lastYear = previousSchoolYear(schoolYear);
  for (const [i, schoolId] of ctx.schoolIds.entries()) {
    const dayBudget = budgets[demoSchools[i].category];
    await setAssignmentBudget(db, schoolId, schoolYear, dayBudget);
    await assignSipToSchool(db, {
      authorityId,
      schoolId,
      sipUserId: ctx.sipIds[Math.floor(i / 5)],
      schoolYear: lastYear,
      dayBudget,
    });
  }
  await assignSipToSchool(db, {
    authorityId,
    schoolId: hollybank.id,
    sipUserId: ctx.sipIds[2],
    schoolYear: lastYear,
    dayBudget: budgets.targeted,
  });

  const start = schoolYearBounds(schoolYear).start;
  const records: string[] = [];
  const seen = new Map<number, number>();
  for (const [school, kind, days, purpose] of visits) {
    // Each school's visits are spread over the year so far, so its burn-down has steps.
    const nth = seen.get(school) ?? 0;
    seen.set(school, nth + 1);
    const visitDate = spreadDates(start, visits.filter((v) => v[0] === school).length)[nth];
    const scope = await getSchoolScope(db, ctx.schoolIds[school - 1], schoolYear);
    const logged = await logVisit(
      db,
      { assignmentId: scope!.assignment!.id, visitDate, kind, days, purpose },
      { allowOverspend: true },
    );
    if (logged.ok && logged.recordId && school === 3) records.push(`${scope!.assignment!.id}:${logged.recordId}`);
  }
  const [complete, awaitingSip] = records.map((r) => r.split(":"));
  const head3 = ctx.headIds[2];
  await savePreVisit(db, complete[0], complete[1], {
    userId: head3,
    selfEvaluationUpdate:
      "Attendance of disadvantaged pupils is up 2.1 percentage points since September; persistent absence in Year 9 is still high.",
    questions: "Is our Year 9 mentoring reaching the right pupils? How should governors monitor attendance?",
  });
  await completeVisitPart(db, complete[0], complete[1], {
    performance:
      "Improving: attendance is rising and behaviour incidents are down, but Key Stage 3 reading remains below the national picture.",
    keyFactors: "A stable senior team, a clear attendance strategy, and strong pastoral work with families.",
    prioritiesAndTargets:
      "Attendance of disadvantaged pupils to 92% by July; reading ages of Year 7 pupils within a year of their age by Easter.",
    howToAchieve:
      "Weekly attendance panels, a Year 9 mentoring programme, and a reading intervention led by the English department.",
    agreedActions:
      "Head teacher: share the attendance dashboard with governors (next meeting). SIP: broker a visit to a school with strong KS3 reading.",
  });
  await savePreVisit(db, awaitingSip[0], awaitingSip[1], {
    userId: head3,
    selfEvaluationUpdate:
      "We have started the reading intervention with 40 Year 7 pupils; first reading-age tests are in.",
    questions: "Could you look at how consistently reading is taught across subjects during the learning walk?",
  });
}

/** `count` dates from the start of the year up to today (never in the future), in order. */
function spreadDates(start: string, count: number): string[] {
  const from = Date.parse(start);
  const to = Math.max(from, Date.now() - 86_400_000);
  return Array.from({ length: count }, (_, i) =>
    new Date(from + ((to - from) * (i + 1)) / (count + 1)).toISOString().slice(0, 10),
  );
}
